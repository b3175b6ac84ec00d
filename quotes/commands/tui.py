"""`quotes tui`: browse the index in the terminal (code in tui/)."""

from __future__ import annotations

import sys
from pathlib import Path

from quotes.commands.index import DEFAULT_DB


def register(subparsers) -> None:
    p = subparsers.add_parser("tui", help="browse speakers, quotes and variant wordings in the terminal")
    p.add_argument("--db", default=DEFAULT_DB)
    p.set_defaults(func=run)


def run(args) -> int:
    if not Path(args.db).exists():
        print(f"{args.db}: no index here yet; create one with `quotes run` or `quotes ingest`", file=sys.stderr)
        return 1
    from tui.app import run as run_app

    run_app(args.db)
    return 0
