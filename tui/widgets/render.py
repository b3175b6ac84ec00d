"""Rich renderings shared by the screens. Article text is always wrapped in Text objects
(never markup strings) and passed through quotes.terminal.inert, so brackets and escape
sequences in it are shown, not interpreted."""

from __future__ import annotations

from rich.text import Text

from quotes.models import DiffOp
from quotes.terminal import inert

STYLES = {
    "insert": "bold green underline",
    "delete": "red strike",
    "editorial": "bold black on yellow",
    "punctuation": "magenta",
}


def diff_text(ops: list[DiffOp], fallback: str = "") -> Text:
    """A wording with its differences from the canonical wording marked:
    inserted words green, deleted red struck through, editorial [insertions] highlighted."""
    if not ops:
        return Text(inert(fallback, keep_newlines=False))
    text = Text()
    for op in ops:
        if op.op == "equal":
            text.append(inert(op.variant, False) + " ")
        elif op.op in ("editorial", "insert"):
            text.append(inert(op.variant, False), style=STYLES[op.op])
            text.append(" ")
        elif op.op == "delete":
            text.append(inert(op.canonical, False), style=STYLES["delete"])
            text.append(" ")
        elif op.op == "punctuation":
            text.append(inert(op.variant or "∅", False), style=STYLES["punctuation"])
            text.append(" ")
        else:
            text.append(inert(op.canonical, False), style=STYLES["delete"])
            text.append(" ")
            text.append(inert(op.variant, False), style=STYLES["insert"])
            text.append(" ")
    return text


def legend() -> Text:
    text = Text("diff: ")
    text.append("inserted", style=STYLES["insert"]).append("  ")
    text.append("deleted", style=STYLES["delete"]).append("  ")
    text.append("[editorial]", style=STYLES["editorial"]).append("  ")
    text.append("punctuation", style=STYLES["punctuation"])
    return text


def plain(value) -> Text:
    return Text(inert("" if value is None else str(value), keep_newlines=False))
