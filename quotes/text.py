"""Small text facts shared by every stage: what a paragraph is."""

from __future__ import annotations

import re

_NON_EMPTY_LINE = re.compile(r"[^\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: a run of text between newlines that is not blank.

    News text arrives with single newlines (scrapers) or blank lines (wire copy) between
    paragraphs; both mean a paragraph break, and blank lines are not paragraphs.
    Leading/trailing spaces are excluded from the span.
    """
    spans = []
    for match in _NON_EMPTY_LINE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans
