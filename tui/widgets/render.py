"""Rich renderings shared by the screens. Article text is always wrapped in Text objects
(never markup strings) and passed through quotes.terminal.inert, so brackets and escape
sequences in it are shown, not interpreted."""

from __future__ import annotations

from rich.text import Text

from quotes.models import DiffOp
from quotes.terminal import DIFF_STYLES as STYLES
from quotes.terminal import diff_as_text, inert


def diff_text(ops: list[DiffOp], fallback: str = "") -> Text:
    """A wording with its differences from the canonical wording marked (shared with the
    command line: quotes.terminal.diff_as_text)."""
    return diff_as_text(ops, fallback)


def legend() -> Text:
    text = Text("diff: ")
    text.append("inserted", style=STYLES["insert"]).append("  ")
    text.append("deleted", style=STYLES["delete"]).append("  ")
    text.append("[editorial]", style=STYLES["editorial"]).append("  ")
    text.append("punctuation", style=STYLES["punctuation"])
    return text


def plain(value) -> Text:
    return Text(inert("" if value is None else str(value), keep_newlines=False))
