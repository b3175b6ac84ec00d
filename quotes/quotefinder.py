"""Find quotations in raw text: one pass over each paragraph with a small stack of open marks.

Public surface: ``find_quotes(text) -> list[QuoteSpan]`` (sorted by start) and
``paragraph_spans`` (re-exported from quotes.text).

How a mark is read, from its neighbours alone (so the pass is linear):

- Curly and typographic marks say which side they are: “ ‘ „ ‚ « ‹ 「 『 open; ” ’ » › 」 』
  close. ’ between two letters is an apostrophe (didn’t); « » also pair the German way
  (»...«) when the first one seen points inwards.
- A straight " opens when the character before it is a space, a bracket or the start of the
  paragraph, and closes when the character after it is a space, punctuation or the end.
- A straight or curly single mark inside a word (didn't, O'Brien, rock 'n' roll), after a
  digit-led elision ('90s) or closing a plural possessive with no quote open (rivals') is
  an apostrophe, never a quote.

Malformed text: a straight " that looks like an opener while a straight " is already open,
right after a sentence end, is a stray mark inside the same quotation (the seeds have
`"... the same effect. "I believe that's a good thing for us," he told reporters`), so the
quote goes on. A double quote never closed ends at its paragraph's end, and so does a single
one that opens its paragraph; any other unclosed single quote is dropped (it was an
apostrophe or a typo). A paragraph that opens with a quote mark
right after a paragraph whose quotation was never closed continues that quotation
(``continues=True``): the news convention for multi-paragraph quotes. No quote ever spans
a paragraph break.
"""

from __future__ import annotations

from dataclasses import dataclass

from quotes.models import QuoteSpan
from quotes.text import paragraph_spans

__all__ = ["find_quotes", "marks_around", "paragraph_spans"]

# What may close each opening mark. Scraped text mixes straight and curly marks within
# one quotation ("Oz has a huge bully pulpit,” / “no evidence"), so they close each other.
DOUBLE_OPEN = {"“": '”"', "„": "“”", "«": "»", "「": "」", "『": "』", "‹": "›", '"': '"”'}
SINGLE_OPEN = {"‘": "’'", "‚": "‘’", "'": "'’"}
CLOSERS = {"”", "’", "»", "」", "』", "›", "“", "‘", "«"}
STRAIGHT = {'"', "'"}
ALL_MARKS = set(DOUBLE_OPEN) | set(SINGLE_OPEN) | CLOSERS | STRAIGHT | {"»"}
TYPOGRAPHIC_OPEN = set(DOUBLE_OPEN) - STRAIGHT | set(SINGLE_OPEN) - STRAIGHT

_OPEN_CONTEXT = set(" \t([{—–-/\u00a0") | set(DOUBLE_OPEN) | set(SINGLE_OPEN) | {"“", '"', "'"}
_CLOSE_CONTEXT = set(" \t)]}.,;:!?—–-/…\u00a0") | {"”", "’", '"', "'"}


@dataclass
class _Open:
    mark: str
    position: int  # index of the mark
    closes: str  # the marks that may close it
    kind: str  # "double" or "single"
    width: int = 1  # two for a doubled apostrophe used as a double mark ('' in old wire copy)


def _is_word(char: str) -> bool:
    return char.isalnum()


def _classify(text: str, i: int, start: int, end: int) -> str:
    """'open', 'close', 'either' or 'apostrophe' for the mark at text[i]."""
    char = text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if char in ("'", "’"):
        if _is_word(before) and _is_word(after):
            return "apostrophe"  # didn't, O'Brien, didn’t
        if before in " \t" and after.isdigit():
            return "apostrophe"  # '90s
        if before in " \t" and after == "n" and i + 2 < end and text[i + 2] in ("'", "’"):
            return "apostrophe"  # rock 'n' roll
    if char in TYPOGRAPHIC_OPEN:
        if char == "«" and _is_word(before) and not _is_word(after):
            return "close"  # German »...« closes with «
        return "open"
    if char in ("”", "’", "»", "」", "』", "›"):
        if char == "»" and (before in _OPEN_CONTEXT or i == start) and _is_word(after):
            return "open"  # German »...«
        return "close"
    # straight marks (and “ ‘ used as closers by German typography): by context
    opens = (i == start or before in _OPEN_CONTEXT) and after not in " \t"
    closes = (i + 1 == end or after in _CLOSE_CONTEXT) and before not in " \t"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _kind(char: str) -> str:
    return "single" if char in ("'", "‘", "’", "‚", "‹", "›") else "double"


def _closes(opened: _Open, char: str) -> bool:
    return char in opened.closes


def _scan_paragraph(text: str, start: int, end: int, paragraph: int, continues: bool) -> tuple[list[QuoteSpan], bool]:
    """Quotes of one paragraph, and whether a double quote was left open at its end."""
    found: list[QuoteSpan] = []
    stack: list[_Open] = []

    def emit(opened: _Open, close_at: int | None, close_width: int = 1) -> None:
        inner_start = opened.position + opened.width
        inner_end = close_at if close_at is not None else end
        # an unclosed quote ends at the paragraph's end, without trailing spaces
        while inner_end > inner_start and text[inner_end - 1] in " \t":
            inner_end -= 1
        if inner_end <= inner_start or not text[inner_start:inner_end].strip():
            return
        found.append(
            QuoteSpan(
                start=inner_start,
                end=inner_end,
                outer_start=opened.position,
                outer_end=close_at + close_width if close_at is not None else inner_end,
                text=text[inner_start:inner_end],
                open_mark=text[opened.position : opened.position + opened.width],
                close_mark=text[close_at : close_at + close_width] if close_at is not None else None,
                paragraph=paragraph,
                continues=continues and opened.position == _first_mark(text, start, end),
                nested=False,
            )
        )

    i = start
    while i < end:
        char = text[i]
        if char not in ALL_MARKS:
            i += 1
            continue
        if char == "'" and i + 1 < end and text[i + 1] == "'":
            # '' stands for " in some archives and wire copy: read it as one straight mark
            doubled = _Open('"', i, '"', "double", width=2)
            before = text[i - 1] if i > start else " "
            after = text[i + 2] if i + 2 < end else " "
            top = stack[-1] if stack else None
            if top is not None and top.width == 2 and before not in " \t":
                stack.pop()
                emit(top, i, 2)
            elif (before in _OPEN_CONTEXT or i == start) and after not in " \t":
                stack.append(doubled)
            i += 2
            continue
        role = _classify(text, i, start, end)
        if role == "apostrophe":
            i += 1
            continue
        kind = _kind(char)
        top = stack[-1] if stack else None
        if top is not None and top.mark in ("„", "‚") and char in top.closes:
            role = "close"  # German „...“: the closer looks like an English opener
        if role in ("close", "either") and top is not None and _closes(top, char):
            stack.pop()
            emit(top, i)
        elif role in ("close", "either") and any(_closes(o, char) for o in stack):
            # closes an outer quote: marks opened inside it and never closed were
            # apostrophes or typos, and are dropped
            while stack and not _closes(stack[-1], char):
                stack.pop()
            emit(stack.pop(), i)
        elif role in ("open", "either"):
            if (
                char == '"'
                and top is not None
                and top.mark == '"'
                and _after_sentence_end(text, i, top.position)
            ):
                pass  # a stray opening mark inside a quotation that goes on
            elif not (kind == "single" and role == "either" and top is None and _is_word(text[i - 1] if i > start else " ")):
                closes = DOUBLE_OPEN.get(char) or SINGLE_OPEN.get(char) or char
                if char == "»":
                    closes = "«"
                stack.append(_Open(char, i, closes, kind))
        i += 1
    left_open = False
    for opened in stack:
        # the outermost unclosed double quote runs to the paragraph end; so does a single
        # one that opens the paragraph (British multi-paragraph quotes: 'They'll also apply
        # for credit cards ... ¶ 'And then they'll lay low ...'), which no apostrophe does
        if opened.kind == "double" or opened.position == _first_mark(text, start, end):
            emit(opened, None)
            left_open = True
            break
    found.sort(key=lambda q: q.start)
    _mark_nested(found)
    return found, left_open


def _after_sentence_end(text: str, i: int, opened_at: int) -> bool:
    """Is the mark at i preceded by 'end of a sentence + space' inside the open quote?"""
    j = i - 1
    while j > opened_at and text[j] in " \t":
        j -= 1
    return j > opened_at + 1 and j < i - 1 and text[j] in ".!?…"


def _first_mark(text: str, start: int, end: int) -> int:
    j = start
    while j < end and text[j] in " \t":
        j += 1
    return j


def _mark_nested(found: list[QuoteSpan]) -> None:
    """A quote inside a closed quotation is nested: its words are the outer speaker's. Inside
    a quotation left open (a transcript or excerpt paragraph) it stands on its own."""
    outer_end = -1
    for quote in found:  # sorted by start; quotes never cross, so a stack-free pass works
        if quote.outer_start < outer_end:
            quote.nested = True
        elif quote.close_mark is not None:
            outer_end = quote.outer_end


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text``, sorted by start. Linear in the length of the text."""
    quotes: list[QuoteSpan] = []
    left_open: QuoteSpan | None = None  # the quotation the previous paragraph left open
    for paragraph, (start, end) in enumerate(paragraph_spans(text)):
        first = _first_mark(text, start, end)
        # a multi-paragraph quotation reopens with the mark it opened with: a straight "
        # left open before a paragraph that opens with “ is a stray mark, not a quote going on
        continues = left_open is not None and first < end and text[first] == left_open.open_mark
        found, still_open = _scan_paragraph(text, start, end, paragraph, continues)
        if continues and left_open is not None and found and found[0].continues:
            left_open.continued = True
        quotes.extend(found)
        left_open = next((q for q in reversed(found) if q.close_mark is None), None) if still_open else None
    return quotes


def marks_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The marks a page printed around the quoted words ``text[start:end]``: (opening,
    closing), each "" where there is none (a quote never closed), a doubled apostrophe
    ('') as two characters. Read from the text itself, so that a wording is shown with the
    page's own marks, straight or curly."""

    def mark(i: int, step: int) -> str:
        if not 0 <= i < len(text) or text[i] not in ALL_MARKS:
            return ""
        doubled = text[i] == "'" and 0 <= i + step < len(text) and text[i + step] == "'"
        return "''" if doubled else text[i]

    return mark(start - 1, -1), mark(end, 1)
