"""Where a quote came from and how it changed: the occurrences of one variant group in time,
its first appearance, and a tree of wordings, each hung under the earlier wording it most
likely derives from.

    detail = store.group(7)             # the store's read model (GroupDetail)
    d = drift.analyse(detail)           # -> Drift (pure: no I/O)
    d = drift.for_group(store, 7)       # the same, read through the store's query function

Decisions, all on the read models (nothing here writes or reads SQL):

- **Order**: occurrences by publication date (ISO dates and date-times, compared as
  printed: a UTC offset is dropped), ties in ingest order. An occurrence whose article has
  no date is *undated*: listed after the dated ones, never the first appearance.
- **Wordings**: occurrences with the same words (``grouping.normalise_quote``: case,
  punctuation, curly or straight apostrophes and editorial brackets aside) are one
  wording; it is shown as first printed and numbered in order of first appearance.
- **Parent**: a wording derives from one that appeared before it (strictly earlier in the
  order above): the one with the fewest word edits (insertions, deletions, substitutions
  of words; Levenshtein over the word lists), ties to the most recent. The first wording
  is the root; so is any wording with nothing before it. Undated wordings come last and
  take their parent among all wordings before them in that order.
- **Outlets**: for each outlet (the article's outlet, else its source), each wording it
  printed, and the wording it most likely copied: its parent when the outlet was the
  first to print it (it changed the words: the diff says how), else the same wording
  (printed before by someone else: copied as it stood).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Iterator

from pydantic import Field, PrivateAttr
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cdist

from quotes.grouping import normalise_quote
from quotes.metadata import parse_date
from quotes.models import DiffOp, GroupDetail, Model, Occurrence
from quotes.textdiff import word_diff

if TYPE_CHECKING:
    from quotes.store import Store


class Appearance(Model):
    """One occurrence on the timeline."""

    quote_id: int
    wording: int  # number of its wording (1 = the first printed)
    outlet: str  # the article's outlet, else its source
    date: str | None = None  # as stored (ISO), None when undated
    day: str | None = None  # YYYY-MM-DD
    title: str | None = None
    source: str = ""
    text: str  # as printed


class Wording(Model):
    number: int  # 1 = the first printed
    text: str  # as first printed
    first_date: str | None = None  # None when only undated occurrences print it
    first_outlet: str
    occurrences: int
    outlets: list[str]  # in order of their first printing of it
    parent: int | None = None  # the wording it most likely derives from
    edits: int = 0  # word edits from the parent
    diff: list[DiffOp] = Field(default_factory=list)  # parent -> this wording (empty for a root)


class OutletCopy(Model):
    """One wording one outlet printed, and what it most likely copied."""

    outlet: str
    date: str | None = None  # its first printing of this wording
    wording: int
    copied: int | None = None  # the wording it most likely copied (None: nothing came before)
    changed: bool = False  # the outlet was first to print this wording, so it changed the words
    edits: int = 0
    diff: list[DiffOp] = Field(default_factory=list)  # copied -> printed


class Drift(Model):
    group_id: int
    speaker: str | None = None
    canonical: str
    appearances: list[Appearance]  # dated in date order, then undated
    first: Appearance | None = None  # the earliest dated occurrence
    wordings: list[Wording]
    outlets: list[OutletCopy]  # by outlet's first printing, then wording
    undated: int = 0
    _diffs: dict = PrivateAttr(default_factory=dict)

    def diff(self, number: int) -> list[DiffOp]:
        """Wording ``number``'s word diff against its parent: as analysed, or worked out now
        (and kept) when the analysis was made with ``diffs=False``."""
        w = self.wordings[number - 1]
        if w.diff or w.parent is None:
            return w.diff
        found = self._diffs.get(number)
        if found is None:
            found = self._diffs[number] = word_diff(self.wordings[w.parent - 1].text, w.text)
        return found

    def wording(self, number: int) -> Wording:
        return self.wordings[number - 1]

    def children(self, number: int | None) -> list[Wording]:
        """The wordings derived from ``number`` (None: the roots)."""
        return [w for w in self.wordings if w.parent == number]

    def tree(self) -> Iterator[tuple[int, Wording]]:
        """(depth, wording), depth first, children in order of appearance."""
        below: dict[int | None, list[Wording]] = {}
        for w in self.wordings:
            below.setdefault(w.parent, []).append(w)
        stack = [(0, w) for w in reversed(below.get(None, []))]
        while stack:
            depth, w = stack.pop()
            yield depth, w
            stack.extend((depth + 1, c) for c in reversed(below.get(w.number, [])))

    @property
    def span_days(self) -> int:
        days = [a.day for a in self.appearances if a.day]
        if not days:
            return 0
        return (datetime.fromisoformat(max(days)) - datetime.fromisoformat(min(days))).days


def where(o: Occurrence) -> str:
    return o.outlet or o.source or "unknown source"


def word_edits(a: list[str], b: list[str]) -> int:
    """Word insertions, deletions and substitutions between two word lists."""
    return Levenshtein.distance(a, b)


def _encode(word_lists: list[list[str]]) -> list[str]:
    """Each word list as a string of one character per distinct word, so that the word
    edit distance is rapidfuzz's string distance (no Python per word pair)."""
    codes: dict[str, str] = {}
    return ["".join(codes.setdefault(w, chr(0x10000 + len(codes))) for w in ws) for ws in word_lists]


def analyse(detail: GroupDetail, diffs: bool = True) -> Drift:
    """The drift of one group (see the module's docstring for every decision).
    ``diffs=False`` leaves the word diffs (of wordings and outlet copies) empty: a view that
    shows a few asks ``Drift.diff(number)`` for them."""
    occurrences = detail.occurrences  # ingest order, as the store returns them
    keyed = []
    for index, o in enumerate(occurrences):
        when = parse_date(o.date)
        keyed.append(((when is None, when or datetime.min, index), o, when))
    keyed.sort(key=lambda item: item[0])

    numbers: dict[str, int] = {}
    words_of: list[list[str]] = []
    texts: list[str] = []
    firsts: list[tuple[Occurrence, datetime | None]] = []
    counts: list[int] = []
    outlets_of: list[list[str]] = []
    appearances: list[Appearance] = []
    for _, o, when in keyed:
        norm = normalise_quote(o.text)
        number = numbers.get(norm)
        if number is None:
            number = numbers[norm] = len(numbers) + 1
            words_of.append(norm.split())
            texts.append(o.text)
            firsts.append((o, when))
            counts.append(0)
            outlets_of.append([])
        counts[number - 1] += 1
        outlet = where(o)
        if outlet not in outlets_of[number - 1]:
            outlets_of[number - 1].append(outlet)
        date = o.date if when is not None else None
        appearances.append(
            Appearance(
                quote_id=o.id,
                wording=number,
                outlet=outlet,
                date=date,
                day=when.date().isoformat() if when else None,
                title=o.title,
                source=o.source,
                text=o.text,
            )
        )

    wordings: list[Wording] = []
    encoded = _encode(words_of)
    # every pair's word edits at once (rapidfuzz, in C); a row is one wording against all
    matrix = cdist(encoded, encoded, scorer=Levenshtein.distance, workers=1) if len(encoded) > 1 else None
    for k in range(len(texts)):
        parent, edits = None, 0
        if k:
            # fewest word edits; among equals the most recent (the highest number)
            assert matrix is not None  # more than one wording
            row = matrix[k, :k]
            best = int(row.min())
            j = k - 1 - int(row[::-1].argmin())
            parent, edits = j + 1, best
        first, when = firsts[k]
        wordings.append(
            Wording(
                number=k + 1,
                text=texts[k],
                first_date=first.date if when else None,
                first_outlet=where(first),
                occurrences=counts[k],
                outlets=outlets_of[k],
                parent=parent,
                edits=edits,
                diff=word_diff(texts[parent - 1], texts[k]) if parent and diffs else [],
            )
        )

    copies: list[OutletCopy] = []
    seen: set[tuple[str, int]] = set()
    by_outlet: dict[str, list[OutletCopy]] = {}
    for a in appearances:
        if (a.outlet, a.wording) in seen:
            continue
        seen.add((a.outlet, a.wording))
        w = wordings[a.wording - 1]
        changed = w.first_outlet == a.outlet and firsts[a.wording - 1][0].id == a.quote_id
        copy = OutletCopy(
            outlet=a.outlet,
            date=a.date,
            wording=a.wording,
            copied=w.parent if changed else a.wording,
            changed=changed and w.parent is not None,
            edits=w.edits if changed else 0,
            diff=w.diff if changed else [],
        )
        by_outlet.setdefault(a.outlet, []).append(copy)
    for items in by_outlet.values():
        copies.extend(items)

    dated = [a for a in appearances if a.date is not None]
    return Drift(
        group_id=detail.group.id,
        speaker=detail.group.speaker,
        canonical=detail.group.canonical,
        appearances=appearances,
        first=dated[0] if dated else None,
        wordings=wordings,
        outlets=copies,
        undated=len(appearances) - len(dated),
    )


def for_group(store: "Store", group_id: int) -> Drift | None:
    """The drift of a stored group, read through the store's query function."""
    detail = store.group(group_id, diffs=False)
    return analyse(detail) if detail is not None else None
