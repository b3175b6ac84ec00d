"""Text from articles, made safe to show: control and escape characters are displayed
inert (ESC becomes a visible "␛", other C0/C1 controls their \\x escapes), so an article
cannot move the cursor, recolour the terminal or hide text."""

from __future__ import annotations

import re

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
