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


# Without colour (output piped, NO_COLOR) differences are shown with visible markers, as
# `git diff --word-diff=plain` does: [-deleted-]{+inserted+}.
DELETE_MARKERS = ("[-", "-]")
INSERT_MARKERS = ("{+", "+}")


def diff_as_text(ops: list["DiffOp"], fallback: str = "", markers: bool = False) -> "Text":
    """A wording with its differences from the canonical wording marked, for the terminal
    (``quotes show`` and the TUI): inserted words green, deleted red struck through,
    editorial [insertions] highlighted, the printed text's own spacing kept. With
    ``markers`` (no colour) deleted words are shown as ``[-words-]`` and inserted ones as
    ``{+words+}`` as well, so the difference survives without styles."""
    from rich.text import Text

    if not ops:
        return Text(inert(fallback, keep_newlines=False))

    def deleted(words: str) -> str:
        words = inert(words, False)
        return f"{DELETE_MARKERS[0]}{words}{DELETE_MARKERS[1]}" if markers else words

    def inserted(words: str) -> str:
        words = inert(words, False)
        return f"{INSERT_MARKERS[0]}{words}{INSERT_MARKERS[1]}" if markers else words

    text = Text()
    for k, op in enumerate(ops):
        if k and op.space_before:
            text.append(" ")
        if op.op == "equal":
            text.append(inert(op.variant, False))
        elif op.op in ("editorial", "insert"):
            text.append(inserted(op.variant), style=DIFF_STYLES[op.op])
        elif op.op == "delete":
            text.append(deleted(op.canonical), style=DIFF_STYLES["delete"])
        elif op.op == "punctuation":
            if markers:
                if op.canonical:
                    text.append(deleted(op.canonical), style=DIFF_STYLES["delete"])
                if op.variant:
                    text.append(inserted(op.variant), style=DIFF_STYLES["punctuation"])
            else:
                text.append(inert(op.variant or "∅", False), style=DIFF_STYLES["punctuation"])
        elif markers:  # replace: the two sides side by side, no space between the markers
            text.append(deleted(op.canonical), style=DIFF_STYLES["delete"])
            text.append(inserted(op.variant), style=DIFF_STYLES["insert"])
        else:
            text.append(inert(op.canonical, False), style=DIFF_STYLES["delete"])
            text.append(" ")
            text.append(inert(op.variant, False), style=DIFF_STYLES["insert"])
    return text


def uses_markers(console) -> bool:
    """Whether a Rich console shows no colour (piped, ``NO_COLOR``, a dumb terminal), so
    differences need visible markers."""
    return console.no_color or console.color_system is None


def highlighted(text: str, spans: list[tuple[int, int]], style: str = "bold reverse") -> "Text":
    """``text`` shown inert with the character ``spans`` (search matches) in ``style``: a
    style, never markup, so brackets in the text stay text."""
    from rich.text import Text

    out = Text()
    position = 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(inert(text[position:start], keep_newlines=False))
        out.append(inert(text[start:end], keep_newlines=False), style=style)
        position = end
    out.append(inert(text[position:], keep_newlines=False))
    return out


def cell(value) -> "Text":
    """A table cell from article text: a Text object (Rich never parses it as markup),
    control characters shown inert."""
    from rich.text import Text

    return Text(inert("" if value is None else str(value)))
