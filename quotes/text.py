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


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
                              "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-"})
# British and American spellings of one word: specialising/specializing, organisation/
# organization, analyse/analyze
_ARTICLE = re.compile(r"^(?:the|a|an) (?=\S)")
_ISE = re.compile(r"(?<=\w\w)(is|ys)(e|es|ed|er|ers|ing|ation|ations)\b")


def role_key(role: str) -> str:
    """What two spellings of one role have in common, for showing it once: case, curly
    or straight apostrophes and dashes, -ise/-ize spellings, spacing and a final full
    stop do not make a different role, nor does a leading article ("the House Speaker")."""
    key = " ".join(role.translate(_APOSTROPHES).lower().split()).rstrip(".")
    key = _ARTICLE.sub("", key)
    return _ISE.sub(lambda m: ("iz" if m.group(1) == "is" else "yz") + m.group(2), key)
