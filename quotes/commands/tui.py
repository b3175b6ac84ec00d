"""`quotes tui`: browse the index in the terminal (code in tui/)."""

from __future__ import annotations

from quotes.commands.index import DEFAULT_DB


def register(subparsers) -> None:
    p = subparsers.add_parser("tui", help="browse speakers, quotes and variant wordings in the terminal")
    p.add_argument("--db", default=DEFAULT_DB)
    p.set_defaults(func=run)


def run(args) -> int:
    # a missing file or one that is not a quotes index: the store says so in one line
    # (StoreError, printed by quotes.cli) before the screen is taken over
    from tui.app import run as run_app

    run_app(args.db)
    return 0
