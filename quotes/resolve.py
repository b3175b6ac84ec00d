"""One speaker across articles: do two names (with their roles and words) mean the same person?

The decision lives here; the store only answers questions and records the outcome, through
the small ``SpeakerDirectory`` interface it implements (look up candidates by key, say
whether a speaker was already given some wording, make a speaker, record an alias or a role).

Names are compared *folded*: case, diacritics ("José" = "Jose"), punctuation ("O'Rourke" =
"ORourke"), honorifics and middle initials aside. Then:

- the same folded name -> the same person (``MatchKind.same_name``);
- the same first and last name (a middle name or initial more or less) -> the same person;
- a surname alone ("Trump") and a full name ("Donald Trump") -> the same person only with
  evidence: a shared role or title word ("President"), or the same wording already
  attributed to the full name in another article (``surname_shared_role``,
  ``surname_shared_wording``). Two people who share a surname are never merged on the
  surname alone;
- a name one edit away from another ("Hilary Clinton", an outlet's typo) -> the same person
  only with the same kinds of evidence (``near_spelling_*``);
- two full names with different first names ("Bill Clinton", "Hillary Clinton") -> two people;
- organisations: the same folded name.

Every match carries a typed ``MatchKind`` (ranked by ``STRENGTH``) and a sentence of evidence
for people to read; nothing parses the sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Iterable, Protocol, Sequence

from quotes.attribution.names import name_words
from quotes.models import ArticleSpeaker, SpeakerType

_ROLE_STOP = frozenset("a an the of and for at in on to with former current new chief".split())
MIN_NEAR_SPELLING = 5  # one edit in a shorter name is another name ("Bush"/"Rush")


class MatchKind(str, Enum):
    same_name = "same_name"
    same_first_and_last = "same_first_and_last"
    surname_shared_role = "surname_shared_role"
    surname_shared_wording = "surname_shared_wording"
    near_spelling_shared_role = "near_spelling_shared_role"
    near_spelling_shared_wording = "near_spelling_shared_wording"
    first_seen = "first_seen"  # not a match: the alias a new speaker is created with


STRENGTH = {
    MatchKind.same_name: 5,
    MatchKind.same_first_and_last: 4,
    MatchKind.surname_shared_wording: 3,
    MatchKind.near_spelling_shared_wording: 3,
    MatchKind.surname_shared_role: 2,
    MatchKind.near_spelling_shared_role: 2,
}


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    type: SpeakerType
    roles: tuple[str, ...]


@dataclass(frozen=True)
class SpeakerMatch:
    candidate: Candidate
    kind: MatchKind
    evidence: str

    @property
    def strength(self) -> int:
        # a surname matching a speaker known only by that surname is the weakest same name
        if self.kind == MatchKind.same_name and len(fold_parts(self.candidate.name)) < 2:
            return 1
        return STRENGTH[self.kind]


class SpeakerDirectory(Protocol):
    """What resolution needs from the index (the store implements it over SQLite)."""

    def candidates(self, keys: Sequence[str]) -> list[Candidate]: ...

    def shares_wording(self, speaker_id: int, normalised: Sequence[str]) -> bool: ...

    def new_speaker(self, name: str, kind: SpeakerType) -> int: ...

    def rename(self, speaker_id: int, name: str, kind: SpeakerType) -> None: ...

    def record_alias(self, speaker_id: int, alias: str, article_id: str, kind: MatchKind, evidence: str) -> None: ...

    def record_role(self, speaker_id: int, role: str, article_id: str) -> None: ...

    def record_party(self, speaker_id: int, party: str) -> None: ...


def fold(word: str) -> str:
    """A name word without case, diacritics or punctuation: "José" -> "jose", "O'Rourke" -> "orourke"."""
    plain = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", plain.lower())


def fold_parts(name: str) -> list[str]:
    """Name words without honorifics, initials or punctuation, folded."""
    return list(_fold_parts(name))


@lru_cache(maxsize=65_536)
def _fold_parts(name: str) -> tuple[str, ...]:
    out = []
    for w in name_words(name):
        folded = fold(w)
        if len(folded) > 1:
            out.append(folded)
    return tuple(out)


def blocking_keys(name: str, kind: SpeakerType) -> list[str]:
    """Keys a speaker is filed under: its first and last name words (or the whole
    organisation name), so that "Liang" and "Melania" find "Liang Wenfeng" and "Melania
    Trump"."""
    parts = fold_parts(name)
    if not parts:
        return []
    if kind == SpeakerType.organisation:
        return ["org:" + " ".join(parts)]
    if len(parts) == 1:
        return ["p:" + parts[0], "solo:" + parts[0]]
    return sorted({"p:" + parts[0], "p:" + parts[-1]})


def lookup_keys(name: str, kind: SpeakerType) -> list[str]:
    """Keys to look a name up under. A full name can only be the same person as a name with
    its surname or a one-word name with its first name (``same_speaker``), so it is looked
    up by those alone: its first name among all names ("John") would bring every John in
    the index to every lookup (measured: bench/bench_store.py 80 times slower). So a
    misspelt first name is found through the surname ("Hilary Clinton"), a misspelt surname
    of a full name is not."""
    parts = fold_parts(name)
    if kind != SpeakerType.organisation and len(parts) > 1:
        return ["p:" + parts[-1], "solo:" + parts[0]]  # and "Melania", known by first name only
    return blocking_keys(name, kind)


def _role_words(roles: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for role in roles:
        plain = "".join(c for c in unicodedata.normalize("NFKD", role) if not unicodedata.combining(c)).lower()
        found.update(w for w in re.findall(r"[a-z]+", plain) if w not in _ROLE_STOP and len(w) > 2)
    return found


def one_edit(a: str, b: str) -> bool:
    """Whether two different words are one insertion, deletion, substitution or swap of
    neighbours apart, and long enough for that to be a misspelling, not another name."""
    if a == b or min(len(a), len(b)) < MIN_NEAR_SPELLING or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


def same_speaker(
    name: str, kind: SpeakerType, roles: Iterable[str], candidate: Candidate, shares_wording=None
) -> SpeakerMatch | None:
    """How ``name`` (with ``roles``) is ``candidate``, or None. ``shares_wording()`` (asked
    only when a surname or near-spelling needs evidence) says whether the candidate was
    already given a wording this name is given here."""
    if (kind == SpeakerType.organisation) != (candidate.type == SpeakerType.organisation):
        return None
    mine, theirs = fold_parts(name), fold_parts(candidate.name)
    if not mine or not theirs:
        return None
    if mine == theirs:
        return SpeakerMatch(candidate, MatchKind.same_name, "same name (case, accents, punctuation and honorifics aside)")
    if kind == SpeakerType.organisation:
        return None
    if len(mine) > 1 and len(theirs) > 1:
        if mine[0] == theirs[0] and mine[-1] == theirs[-1]:
            return SpeakerMatch(candidate, MatchKind.same_first_and_last, "same first and last name")
        near = (mine[0] == theirs[0] and one_edit(mine[-1], theirs[-1])) or (
            mine[-1] == theirs[-1] and one_edit(mine[0], theirs[0])
        )
        if not near:
            return None  # two full names that differ are two people
        return _with_evidence(candidate, roles, shares_wording, near=True, what=f"'{name}' is one letter from '{candidate.name}'")
    short, long = (mine, theirs) if len(mine) == 1 else (theirs, mine)
    if short[0] in (long[0], long[-1]):
        return _with_evidence(candidate, roles, shares_wording, near=False, what=f"name '{short[0]}'")
    if len(long) == 1 and one_edit(short[0], long[0]) or len(long) > 1 and one_edit(short[0], long[-1]):
        return _with_evidence(candidate, roles, shares_wording, near=True, what=f"'{name}' is one letter from '{candidate.name}'")
    return None


def _with_evidence(candidate: Candidate, roles: Iterable[str], shares_wording, near: bool, what: str) -> SpeakerMatch | None:
    shared = _role_words(roles) & _role_words(candidate.roles)
    if shared:
        kind = MatchKind.near_spelling_shared_role if near else MatchKind.surname_shared_role
        return SpeakerMatch(candidate, kind, f"{what} and shared role word(s): {', '.join(sorted(shared))}")
    if shares_wording is not None and shares_wording():
        kind = MatchKind.near_spelling_shared_wording if near else MatchKind.surname_shared_wording
        return SpeakerMatch(candidate, kind, f"{what} and the same words attributed to {candidate.name} in another article")
    return None


def better_name(a: str, b: str) -> str:
    """The canonical name to keep: the fuller one (the first on a tie)."""
    return a if len(fold_parts(a)) >= len(fold_parts(b)) else b


def best_match(
    name: str, kind: SpeakerType, roles: Sequence[str], candidates: Iterable[Candidate], shares_wording=lambda candidate_id: False
) -> SpeakerMatch | None:
    """The strongest match among ``candidates`` (the first on a tie)."""
    best: SpeakerMatch | None = None
    for candidate in candidates:
        found = same_speaker(name, kind, roles, candidate, lambda c=candidate: shares_wording(c.id))
        if found is not None and (best is None or found.strength > best.strength):
            best = found
    return best


def resolve(directory: SpeakerDirectory, speaker: ArticleSpeaker, article_id: str, wordings: Sequence[str] = ()) -> int:
    """The index's speaker for an article's speaker (made if new), with the alias, its
    match kind and evidence, and the roles recorded. ``wordings``: the normalised words this
    article attributes to the speaker (evidence for a surname or a near-spelling)."""
    candidates = directory.candidates(lookup_keys(speaker.name, speaker.type))
    match = best_match(
        speaker.name,
        speaker.type,
        speaker.roles,
        candidates,
        lambda candidate_id: bool(wordings) and directory.shares_wording(candidate_id, wordings),
    )
    if match is None:
        speaker_id = directory.new_speaker(speaker.name, speaker.type)
        kind, evidence = MatchKind.first_seen, "first seen"
    else:
        speaker_id, kind, evidence = match.candidate.id, match.kind, match.evidence
        better = better_name(match.candidate.name, speaker.name)
        if better != match.candidate.name:
            directory.rename(speaker_id, better, speaker.type)
    for alias in sorted({speaker.name, *speaker.aliases}):
        directory.record_alias(speaker_id, alias, article_id, kind, evidence)
    for role in speaker.roles:
        directory.record_role(speaker_id, role, article_id)
    if speaker.party:
        directory.record_party(speaker_id, speaker.party)
    return speaker_id
