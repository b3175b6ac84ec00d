"""One canonical name per person or organisation within an article, and their roles.

"Trump", "President Donald Trump" and "Donald Trump" are one person when the shorter names'
words are all in the longest one and they share its first or last word ("Mr Liang" ->
"Liang Wenfeng": Chinese names put the family name first). The canonical name is the
longest such PERSON name as written, without honorifics.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from quotes.attribution.lexicon import ROLE_PREPOSITIONS, NAME_PREPOSITIONS, HONORIFICS, SPEAKER_NER
from quotes.attribution.syntax import DocIndex
from quotes.models import EntityMention, SpeakerType
from quotes.text import role_key

TITLE_GENDERS = {
    "mr": "MALE",
    "mrs": "FEMALE",
    "ms": "FEMALE",
    "miss": "FEMALE",
    "sir": "MALE",
    "dame": "FEMALE",
    "lord": "MALE",
    "lady": "FEMALE",
}

# how many paragraphs back a full name still decides which of two people a shared short name means
_JUST_WRITTEN = 1

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


_BARE_HONORIFICS = frozenset(h.rstrip(".") for h in HONORIFICS)


def name_words(text: str) -> list[str]:
    """The words of a name without honorifics, a possessive ending or a capitalised
    preposition a headline ran into it: "Mr. Liang's" -> ["Liang"], "Against Trump" -> ["Trump"]."""
    words = [w for w in re.split(r"\s+", _POSSESSIVE.sub("", text.strip())) if w]
    while len(words) > 1 and (words[0].lower().rstrip(".") in _BARE_HONORIFICS or words[0].lower() in NAME_PREPOSITIONS):
        words = words[1:]
    return words


def without_article(text: str) -> str:
    """ "the Leeds captain" -> "Leeds captain": a description kept as a speaker's name."""
    return re.sub(r"^(?:the|a|an|another|some)\s+", "", text.strip(), flags=re.I)


def clean_name(text: str) -> str:
    return " ".join(name_words(text))


def is_part_of(short: list[str], long: list[str]) -> bool:
    """ "Liang" is part of "Liang Wenfeng"; "Donald" alone is not part of "Donald Trump"
    unless it is also its last word; "Wang" is never part of "Liang Wenfeng"."""
    if not short or len(short) > len(long):
        return False
    low_long = [w.lower() for w in long]
    low_short = [w.lower() for w in short]
    if any(w not in low_long for w in low_short):
        return False
    return low_short[-1] == low_long[-1] or low_short[0] == low_long[0] and len(short) == 1 and len(long) == 2


@dataclass
class Speaker:
    name: str
    type: SpeakerType
    aliases: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    party: str | None = None  # "Democratic" from "(D-Mo.)", when the article gives one

    def holds_title(self, title_word: str, words: set[str] | None = None) -> bool:
        """Whether a role of this speaker is this title: its word stands before the role's
        first preposition ("the High Commissioner" is not the "Spokesperson for the High
        Commissioner") and, given ``words``, the role holds them all ("the foreign minister")."""
        for role in self.roles:
            all_words = re.findall(r"[\w-]+", role.lower())
            title = all_words[: next((i for i, w in enumerate(all_words) if w in ROLE_PREPOSITIONS), len(all_words))]
            if title_word in title and (words is None or words <= set(all_words)):
                return True
        return False

    def add_role(self, role: str) -> None:
        """A role, once per meaning (quotes.text.role_key: case, apostrophes, spelling)."""
        role = role.strip(" ,;:-—–")
        role = without_article(role)
        if role and len(role) <= 120 and role_key(role) not in {role_key(r) for r in self.roles}:
            self.roles.append(role)


class NameBook:
    """The people and organisations an article names, keyed by their canonical names."""

    def __init__(self, index: DocIndex):
        self.index = index
        self.speakers: dict[str, Speaker] = {}
        self._canonical: dict[str, str] = {}  # cleaned surface form (lowercase) -> canonical
        # a short name two people share ("Johnson" for Jeh Johnson and Gary Johnson): the
        # full names it may mean, and where each full name is written
        self._shared: dict[str, list[str]] = {}
        self._written_at: dict[str, list[int]] = defaultdict(list)  # paragraphs where it is a subject
        self._first_written: dict[str, int] = {}
        self.genders: dict[str, str] = {}  # canonical -> MALE / FEMALE, once known
        self._build()

    def _build(self) -> None:
        by_type: dict[str, Counter] = defaultdict(Counter)
        surface: dict[str, set[str]] = defaultdict(set)
        for entity in self.index.entities:
            if entity.ner not in SPEAKER_NER or self.index.entity(entity.sentence, entity.token_start) is not entity:
                continue
            name = clean_name(entity.text)
            if not name or not any(c.isalpha() for c in name):
                continue
            by_type[name][entity.ner] += 1
            self._first_written.setdefault(name, entity.start)
            surface[name].add(entity.text)
            tree = self.index.trees[entity.sentence]
            head = entity.token_end - 1
            relation, governor = tree.parent.get(head, ("root", -1))
            # the subject, or the name of the subject ("Franklin's mother Sarah-Ann Taylor says")
            if relation.startswith("nsubj") or (relation in {"appos", "dep"} and tree.relation(governor).startswith("nsubj")):
                self._written_at[name].append(self.index.sentences[entity.sentence].paragraph)
        # longest names first: each shorter name joins the longest name it is part of
        names = sorted(by_type, key=lambda n: (-len(n.split()), -sum(by_type[n].values()), n))
        for name in names:
            words = name.split()
            ner = by_type[name].most_common(1)[0][0]
            fits = [
                c
                for c, other in self.speakers.items()
                if (other.type == SpeakerType.person) == (ner == "PERSON") and is_part_of(words, c.split())
            ]
            target = fits[0] if fits else None
            if len(fits) > 1:
                # by default the one the article writes in full most often, then the one it
                # introduced first
                fits.sort(key=lambda c: (-sum(by_type[c].values()), self._first_written.get(c, 0)))
                target = fits[0]
                self._shared[name.lower()] = fits
            if target is None:
                target = name
                kind = SpeakerType.person if ner == "PERSON" else SpeakerType.organisation
                self.speakers[name] = Speaker(name=name, type=kind)
            self._canonical[name.lower()] = target
            self.speakers[target].aliases.update(surface[name])

    def canonical(self, text: str) -> str | None:
        return self._canonical.get(clean_name(text).lower())

    def canonical_for_entity(self, entity: EntityMention, gender: str | None = None) -> str | None:
        """The canonical name of a mention. A short name two people share means the one the
        article is mostly about, unless the other was just written in full as the subject of
        a sentence ("Sarah-Ann Taylor says ... Taylor said" in a story about her son Franklin
        Taylor; not "a photo of Heidi Cruz ... Cruz said"), or "Ms"/"Mr" says which one."""
        if entity.ner not in SPEAKER_NER:
            return None
        shared = self._shared.get(clean_name(entity.text).lower())
        if not shared:
            return self.canonical(entity.text)
        if gender in {"MALE", "FEMALE"}:
            # "Clinton ... she said": of Bill and Hillary Clinton, the one the pronoun fits
            fitting = [c for c in shared if self.genders.get(c) == gender]
            if len(fitting) == 1:
                return fitting[0]
        paragraph = self.index.sentences[entity.sentence].paragraph
        latest, name = max((max((p for p in self._written_at[c] if p <= paragraph), default=-1), c) for c in shared)
        if latest >= 0 and latest >= paragraph - _JUST_WRITTEN:
            return name
        title = TITLE_GENDERS.get(entity.text.split()[0].lower().rstrip("."))
        fitting = [c for c in shared if title and self.genders.get(c) == title]
        return fitting[0] if len(fitting) == 1 else self.canonical(entity.text)

    def is_shared(self, entity: EntityMention) -> bool:
        """Whether the mention is a short name two people share ("Taylor")."""
        return bool(self._shared.get(clean_name(entity.text).lower()))

    def person_named_by_word(self, word: str) -> str | None:
        """The one person whose canonical name has this word first or last ("Trump")."""
        found = {
            name
            for name, s in self.speakers.items()
            if s.type == SpeakerType.person
            and len(name.split()) > 1
            and word.lower() in (name.split()[0].lower(), name.split()[-1].lower())
        }
        return found.pop() if len(found) == 1 else None

    def person_by_surname_before(self, word: str, position: int) -> str | None:
        """The person named in full before ``position`` whose last name is ``word``: of two
        (Aroha and her brother Tama Ngata), the one written in full last before it."""
        found = [
            (self._first_written.get(name, 0), name)
            for name, s in self.speakers.items()
            if s.type == SpeakerType.person
            and len(name.split()) > 1
            and name.split()[-1] == word
            and self._first_written.get(name, position) < position
        ]
        return max(found)[1] if found else None

    def speaker(self, name: str) -> Speaker | None:
        return self.speakers.get(name)

    def add_unlisted(self, name: str, kind: SpeakerType, alias: str) -> Speaker:
        """A speaker NER did not tag ("a White House spokesman"): kept under its own words."""
        speaker = self.speakers.setdefault(name, Speaker(name=name, type=kind))
        speaker.aliases.add(alias)
        return speaker
