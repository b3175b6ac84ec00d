"""Text from articles, made safe to show: control and escape characters are displayed
inert (ESC becomes a visible "␛", other C0/C1 controls their \\x escapes), so an article
cannot move the cursor, recolour the terminal or hide text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

    from quotes.models import DiffOp

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match) -> str:
    char = match.group()
    if char == "\x1b":
        return "␛"
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def inert(text: str | None, keep_newlines: bool = True) -> str:
    """``text`` with every control character shown, never executed."""
    if text is None:
        return ""
    text = _CONTROL.sub(_visible, text)
    return text if keep_newlines else text.replace("\n", " ").replace("\t", " ")


DIFF_STYLES = {
    "insert": "bold green underline",
    "delete": "red strike",
    "editorial": "bold black on yellow",
    "punctuation": "magenta",
}


def diff_as_text(ops: list["DiffOp"], fallback: str = "") -> "Text":
    """A wording with its differences from the canonical wording marked, for the terminal
    (``quotes show`` and the TUI): inserted words green, deleted red struck through,
    editorial [insertions] highlighted, the printed text's own spacing kept."""
    from rich.text import Text

    if not ops:
        return Text(inert(fallback, keep_newlines=False))
    text = Text()
    for k, op in enumerate(ops):
        if k and op.space_before:
            text.append(" ")
        if op.op == "equal":
            text.append(inert(op.variant, False))
        elif op.op in ("editorial", "insert"):
            text.append(inert(op.variant, False), style=DIFF_STYLES[op.op])
        elif op.op == "delete":
            text.append(inert(op.canonical, False), style=DIFF_STYLES["delete"])
        elif op.op == "punctuation":
            text.append(inert(op.variant or "∅", False), style=DIFF_STYLES["punctuation"])
        else:
            text.append(inert(op.canonical, False), style=DIFF_STYLES["delete"])
            text.append(" ")
            text.append(inert(op.variant, False), style=DIFF_STYLES["insert"])
    return text
