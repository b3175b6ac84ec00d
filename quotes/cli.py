"""The `quotes` command: a thin layer over the library, one module per command group.

Each module in ``quotes.commands`` exposes ``register(subparsers)``, which adds its
sub-commands and sets ``func`` on them; ``func(args) -> int`` is the exit status.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

import quotes.commands

DESCRIPTION = """\
quotes: find every quotation in news articles, who said it, and every wording of it.

  quotes run [PATH...]        ingest (default: the bundled seeds/) and print speakers + groups
  quotes ingest PATH...       add articles (.txt .md .html .json .jsonl .warc) to the index
  quotes speakers             the speaker index
  quotes quotes --speaker N   one speaker's quotes
  quotes search TEXT          full-text search over quotes and speakers
  quotes show GROUP           every wording of one quote, with word differences
  quotes export --out F       quote sheet (md, csv, json, html, docx)
  quotes tui                  browse the index in the terminal
  quotes annotate FILE        what CoreNLP sees in one file
  quotes predict DIR          attribute a folder of .txt files (JSONL)
  quotes eval                 score predictions against gold

Every command that reads or writes the index takes --db FILE (default quotes.db).
`quotes COMMAND --help` for details.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quotes",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        usage="quotes COMMAND [options]",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for info in sorted(pkgutil.iter_modules(quotes.commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"quotes.commands.{info.name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        print(DESCRIPTION)
        return 0
    from quotes.logs import divert_library_noise
    from quotes.store import StoreError

    divert_library_noise()
    try:
        return int(args.func(args) or 0)
    except StoreError as error:  # a bad --db: one line naming the file and the reason
        print(f"quotes {args.command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
