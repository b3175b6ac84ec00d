"""One speaker across articles: do two names (with their roles) mean the same person?

Pure functions; the store calls them inside an ingest with the candidates that share a
blocking key (a word of the name), so resolution never scans every speaker.

- Same full name (ignoring case, honorifics and middle initials) -> same person.
- "Trump" (a surname alone) and "Donald Trump" -> same person only with supporting
  evidence: a shared role or title word ("President"). Two people who share a surname are
  never merged on the surname alone.
- Different first names ("Bill Clinton", "Hillary Clinton") -> different people.
- Organisations: same normalised name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.attribution.names import name_words
from quotes.models import SpeakerType

_ROLE_STOP = frozenset("a an the of and for at in on to with former current new chief".split())


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    type: SpeakerType
    roles: tuple[str, ...]


def _parts(name: str) -> list[str]:
    """Name words without honorifics, initials or punctuation, lowercase."""
    return [w.lower().strip(".,") for w in name_words(name) if len(w.strip(".")) > 1]


def blocking_keys(name: str, kind: SpeakerType) -> list[str]:
    """Keys a speaker is filed under: its first and last name words (or the whole
    organisation name), so that "Liang" and "Melania" find "Liang Wenfeng" and "Melania
    Trump"."""
    parts = _parts(name)
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
    the index to every lookup."""
    parts = _parts(name)
    if kind != SpeakerType.organisation and len(parts) > 1:
        return ["p:" + parts[-1], "solo:" + parts[0]]  # and "Melania", known by first name only
    return blocking_keys(name, kind)


def _role_words(roles) -> set[str]:
    found: set[str] = set()
    for role in roles:
        found.update(w for w in re.findall(r"[a-z]+", role.lower()) if w not in _ROLE_STOP and len(w) > 2)
    return found


def same_speaker(name: str, kind: SpeakerType, roles, candidate: Candidate) -> str | None:
    """The evidence that ``name`` (with ``roles``) is ``candidate``, or None."""
    if (kind == SpeakerType.organisation) != (candidate.type == SpeakerType.organisation):
        return None
    mine, theirs = _parts(name), _parts(candidate.name)
    if not mine or not theirs:
        return None
    if mine == theirs:
        return "same full name"
    if kind == SpeakerType.organisation:
        return None
    if len(mine) > 1 and len(theirs) > 1:
        if mine[0] == theirs[0] and mine[-1] == theirs[-1]:
            return "same first and last name"
        return None  # two full names that differ are two people
    short, long = (mine, theirs) if len(mine) == 1 else (theirs, mine)
    if short[0] not in (long[0], long[-1]):
        return None
    shared = _role_words(roles) & _role_words(candidate.roles)
    if shared:
        return f"name '{short[0]}' and shared role word(s): {', '.join(sorted(shared))}"
    return None


def better_name(a: str, b: str) -> str:
    """The canonical name to keep: the fuller one."""
    return a if len(_parts(a)) >= len(_parts(b)) else b


def evidence_strength(evidence: str | None, candidate_name: str) -> int:
    """Rank of a match: a full name matched in full beats a surname with a shared role,
    which beats a bare surname matching a speaker known only by that surname."""
    if evidence is None:
        return 0
    if evidence.startswith("same") and len(_parts(candidate_name)) > 1:
        return 3
    if "shared role" in evidence:
        return 2
    return 1
