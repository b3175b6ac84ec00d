"""Variant wordings of the same quote, grouped within a speaker.

Outlets rewrite quotes: "If you could do it cheaper, for less, and still achieve the same
effect" becomes "If you could do it cheaper [and] reach the same result". Plain embeddings
and token-set ratios do not separate those from a different quote by the same speaker, so
two wordings are variants when (measured on a labelled pair fixture, tests/fixtures):

- their normalised words are equal (an exact duplicate), or
- the shorter one's words appear contiguously in the longer one (a partial quote: "a
  wake-up call" in "This is a wake-up call for our tech industry"), at least two words, or
  nearly so (rapidfuzz partial_ratio >= 92, at least four words and two content words), or
- they share at least 4 content words, at least 60% of the shorter one's content words,
  and at least 60% of them in the same order (longest common subsequence), or
- their characters are 90% alike (rapidfuzz ratio), for short quotes with small edits.

Scaling: no all-pairs comparison. Each group is rooted at its longest wording; a new quote
is compared only with the roots of groups of the same speaker that share one of its
rarest content words (``candidate_keys``; the store keeps the keys in an indexed table),
so the work per quote is bounded by the speaker's vocabulary overlap, not the corpus.
Comparing with the root only keeps short generic fragments from chaining unrelated
quotes together.

Public surface: ``normalise_quote``, ``content_words``, ``candidate_keys``, ``similarity``,
``is_variant``, ``canonical_wording``, ``Grouper`` (in-memory, for benchmarks and tests;
the store implements the same steps over SQLite), ``bcubed``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Callable, Hashable, Iterable

from rapidfuzz.fuzz import partial_ratio, ratio

_QUOTE_CHARS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "´": "'", "`": "'"})
_BRACKETED = re.compile(r"\[[^\]]*\]")
_WORD = re.compile(r"[\w][\w']*")

STOPWORDS = frozenset(
    """
    a an the and or but nor so yet of in on at to for with by from as into onto over under
    about after before than then that this these those there here it its it's i me my we us our
    you your he him his she her they them their is are was were be been being am do does did
    done have has had having will would shall should can may might must not no n't 's 're 've
    'll 'd if what which who whom whose when where why how all any some such very just also
    only even more most much many too up out off own same other again once
    """.split()
)

MIN_SHARED = 4
MIN_SHARED_SHARE = 0.6
MIN_ORDER_SHARE = 0.6
MIN_FUZZ = 90.0
MIN_PARTIAL = 92.0
KEYS_PER_QUOTE = 4


def normalise_quote(text: str) -> str:
    """Lowercase words without punctuation or editorial brackets' brackets: the form two
    printings of the same wording share ("that's" and "that’s" are one word)."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_CHARS).lower()
    text = text.replace("[", " ").replace("]", " ").replace("-", " ")
    return " ".join(_WORD.findall(text))


def words(text: str) -> list[str]:
    return normalise_quote(text).split()


def content_words(text: str) -> list[str]:
    """Words that carry the meaning, in order; editorial insertions ("[and]") are not the
    speaker's words and are left out."""
    text = _BRACKETED.sub(" ", unicodedata.normalize("NFKC", text).translate(_QUOTE_CHARS).lower()).replace("-", " ")
    return [w for w in _WORD.findall(text) if w not in STOPWORDS]


def candidate_keys(text: str, limit: int = KEYS_PER_QUOTE) -> list[str]:
    """The words a quote is looked up and indexed by: its longest (rarest, in practice)
    content words, or its words when it is all function words."""
    cw = sorted(set(content_words(text)), key=lambda w: (-len(w), w))
    return cw[:limit] or sorted(set(words(text)), key=lambda w: (-len(w), w))[:limit]


MAX_VERIFIED = 12


def shortlist(hits: dict, n_keys: int) -> list:
    """The candidate groups worth verifying: those sharing at least two of the quote's keys
    (one, for a quote with a single key), most shared first, at most MAX_VERIFIED. A variant
    keeps most of its rare words, so this prunes unrelated quotes of a talkative speaker
    without losing the variants."""
    need = min(2, n_keys)
    ranked = sorted((g for g, n in hits.items() if n >= need), key=lambda g: -hits[g])
    return ranked[:MAX_VERIFIED]


def index_keys(text: str) -> list[str]:
    """A group root is indexed under all its content words, so a short partial quote finds
    the long quote it was cut from whichever of its words it kept."""
    return sorted(set(content_words(text))) or sorted(set(words(text)))


SHINGLE = 3
MAX_SHINGLE_GROUPS = 20  # a run of words this many groups share ("of the united") finds nothing


def shingle_keys(text: str) -> list[str]:
    """The runs of three consecutive words of a wording: the candidate index across
    speakers. A wording joins another speaker's group only on the words themselves
    (``consensus.crossing_ok``), and a cut or a reprint keeps its source's runs of words
    ("he knows how to do it" keeps "knows how to"), while a run shared by many groups
    ("of the united") is dropped at lookup (``MAX_SHINGLE_GROUPS``)."""
    w = words(text)
    return sorted({" ".join(w[i : i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)})


def min_shared_shingles(n: int) -> int:
    """How many of a wording's runs of three words a group must share to be compared across
    speakers: half of them (a cut or a reprint keeps most of its runs, a chance meeting of
    two quotes shares one)."""
    return max(1, (n + 1) // 2)


def _lcs(a: list[str], b: list[str]) -> int:
    if len(a) > len(b):
        a, b = b, a
    previous = [0] * (len(a) + 1)
    for word in b:
        current = [0]
        for j, other in enumerate(a):
            current.append(previous[j] + 1 if word == other else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


class MatchKind(str, Enum):
    """How two wordings matched (typed: decisions read this, people read ``reason``)."""

    same_words = "same_words"
    contained = "contained"
    nearly_contained = "nearly_contained"
    shared_content_words = "shared_content_words"
    similar_characters = "similar_characters"
    different = "different"


# the kinds that keep the words themselves: enough to move a speaker between articles;
# shared content words in order also link paraphrases, which is not enough for that
WORD_FOR_WORD = frozenset({MatchKind.same_words, MatchKind.contained, MatchKind.nearly_contained, MatchKind.similar_characters})


@dataclass(frozen=True)
class Match:
    variant: bool
    score: float
    reason: str
    kind: MatchKind = MatchKind.different


@lru_cache(maxsize=262_144)
def _features(text: str) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str], str]:
    """Words, content words, their set and the joined words of a wording: computed once per
    wording (group roots are compared again and again)."""
    w = tuple(words(text))
    c = tuple(content_words(text))
    return w, c, frozenset(c), " ".join(w)


def similarity(a: str, b: str) -> Match:
    """Are two wordings (of the same speaker) the same quote? With a score and the reason."""
    wa, ca, sa, ja = _features(a)
    wb, cb, sb, jb = _features(b)
    if not wa or not wb:
        return Match(False, 0.0, "empty")
    if wa == wb:
        return Match(True, 1.0, "same words", MatchKind.same_words)
    (short, s_joined, s_content), (long, l_joined) = ((wa, ja, sa), (wb, jb)) if len(wa) <= len(wb) else ((wb, jb, sb), (wa, ja))
    if len(short) >= 2 and f" {s_joined} " in f" {l_joined} ":
        return Match(True, 0.9, "partial: contained in the longer wording", MatchKind.contained)
    shared = len(sa & sb)
    smaller = max(1, min(len(sa), len(sb)))
    if shared < 2 and len(short) > 3:
        # neither containment nor overlap nor a 90% character match is possible with at
        # most one content word in common: most candidates stop here, cheaply
        return Match(False, round(shared / smaller, 3), "different quote")
    # A 92% character match of the shorter wording inside the longer one leaves at most
    # one of its content words in four out (measured on the pair fixture: never more than
    # one); checking that first spares the costly alignment for most different quotes.
    missing = len(s_content) - shared
    if len(short) >= 4 and len(s_content) >= 2 and shared >= 2 and missing <= max(1, len(s_content) // 4):
        near = partial_ratio(s_joined, l_joined)
        if near >= MIN_PARTIAL:
            return Match(
                True, round(near / 100 * 0.9, 3), f"partial: {near:.0f}% of it found in the longer wording", MatchKind.nearly_contained
            )
    if shared >= MIN_SHARED and shared / smaller >= MIN_SHARED_SHARE:
        order = _lcs(list(ca), list(cb)) / max(1, min(len(ca), len(cb)))
        if order >= MIN_ORDER_SHARE:
            return Match(
                True,
                round(0.5 + 0.25 * shared / smaller + 0.25 * order, 3),
                f"{shared} content words shared, in order",
                MatchKind.shared_content_words,
            )
    if abs(len(ja) - len(jb)) <= 0.2 * max(len(ja), len(jb)):  # ratio >= 90 needs similar lengths
        fuzz = ratio(ja, jb)
        if fuzz >= MIN_FUZZ:
            return Match(True, round(fuzz / 100, 3), f"characters {fuzz:.0f}% alike", MatchKind.similar_characters)
    return Match(False, round(shared / smaller, 3), "different quote")


def is_variant(a: str, b: str) -> bool:
    return similarity(a, b).variant


@dataclass(frozen=True)
class Placement:
    """Where a new wording goes: into group ``join`` (None: a group of its own); whether it
    becomes that group's root (it is the longest wording yet); and the other groups it
    bridges, to be merged into ``join``."""

    join: int | None  # group ids are ints, in the store and in Grouper
    becomes_root: bool = False
    absorb: tuple[int, ...] = ()
    # groups of the same words said on a clearly different occasion: the same line
    # repeated, to be linked (not joined), with the evidence
    repeats: tuple[tuple[int, str], ...] = ()


_SAME = Match(True, 1.0, "same words", MatchKind.same_words)


def _length(text: str) -> int:
    return len(_features(text)[0])


def place(
    text: str,
    lookup: Callable[[list[str]], dict],
    root_of: Callable[[int], str],
    lookup_cuts: Callable[[list[str]], dict] | None = None,
    apart: Callable[[int], str | None] | None = None,
) -> Placement:
    """Decide a new wording's group (the in-memory grouper and the store both ask this, so
    they group alike). ``lookup(keys)`` gives the groups this wording may join that share
    any of the keys, with how many they share; ``root_of(group)`` a group's root wording;
    ``lookup_cuts`` (default ``lookup``) the same for the second look, under all of a new
    root's content words (kept to the speaker's own groups by the store: that look uses
    common words too, which across every speaker would bring too many).

    The quote's rarest words shortlist groups; the best-scoring variant root wins (the first
    on a tie). A wording longer than every root it matches becomes the root, and it looks
    again under all its content words for groups holding cuts of it that arrived before it
    did ("the market will grow faster" and "The lower cost could spur more companies" stay
    apart until the full quote holding both is printed): those are merged in, so the
    grouping does not depend on the order articles are ingested in.

    ``apart(group)``: why that group's words were said on a clearly different occasion
    (``occasions.clearly_different``), or None; such a group is neither joined nor absorbed,
    and is returned in ``repeats``."""
    keys = candidate_keys(text)
    verified: set[int] = set()
    variants: list[tuple[float, int, str]] = []
    repeats: list[tuple[int, str]] = []

    def verify(groups: Iterable[int], shorter_only: bool = False) -> None:
        for group in groups:
            if group in verified:
                continue
            verified.add(group)
            root = root_of(group)
            if shorter_only and _length(root) >= length:
                continue
            match = similarity(text, root)
            if match.variant:
                why = apart(group) if apart is not None else None
                if why is None:
                    variants.append((match.score, group, root))
                else:
                    repeats.append((group, why))

    length = _length(text)
    verify(shortlist(lookup(keys), len(keys)))
    if variants and length <= _length(max(variants, key=lambda v: v[0])[2]):
        return Placement(max(variants, key=lambda v: v[0])[1], repeats=tuple(repeats))
    # the new wording will be a root: look for the cuts of it printed before it
    verify(shortlist((lookup_cuts or lookup)(index_keys(text)), 2), shorter_only=True)
    if not variants:
        return Placement(None, repeats=tuple(repeats))
    _, group, root = max(variants, key=lambda v: v[0])
    if length <= _length(root):
        return Placement(group, repeats=tuple(repeats))
    absorb = tuple(g for _, g, r in variants if g != group and _length(r) < length)
    return Placement(group, True, absorb, tuple(repeats))


def canonical_wording(wordings: Iterable[tuple[str, int]]) -> str:
    """The wording a group is shown under: among the fuller wordings (at least 60% of the
    longest one's words: cuts such as a headline's "Wake-Up Call" are not candidates), the one
    printed most often; on a tie the longer, then the first seen."""
    items = list(wordings)
    if not items:
        return ""
    longest = max(len(words(t)) for t, _ in items)
    full = [(i, t, n) for i, (t, n) in enumerate(items) if len(words(t)) >= 0.6 * longest]
    return max(full, key=lambda e: (e[2], len(words(e[1])), -e[0]))[1]


# ----------------------------------------------------------------------------- in memory


@dataclass
class _Group:
    id: int
    speaker: Hashable
    root: str
    members: list[Hashable] = field(default_factory=list)


class Grouper:
    """Incremental grouping in memory: the algorithm the store runs over its tables, used
    by the benchmark and the tests. ``add`` never regroups what is already grouped; a
    wording that bridges groups merges them (see ``place``). Candidates come from the
    speaker's own groups and, by runs of three content words, from any speaker's groups
    that ``consensus.may_join`` lets the wording join (a wording without a confident
    speaker, ``weak``, joins anyone's; a group without one takes anyone)."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        # per speaker, so that no (speaker, key) tuple is kept per entry: at a million
        # quotes those tuples cost memory and garbage-collector passes
        self._keys: dict[Hashable, dict[str, list[int]]] = defaultdict(dict)
        self._exact: dict[str, dict[Hashable, int]] = {}  # normalised words -> speaker -> group
        self._shingles: dict[int, int | list[int]] = {}  # hash of a run of three words -> its group, or groups
        self._weak: set[int] = set()  # groups with no confident speaker yet
        self._exact_weak: dict[str, int] = {}  # normalised words -> a group of them with no confident speaker
        self._merged_into: dict[int, int] = {}
        self._settings: dict[int, list[tuple[object, str | None]]] = {}  # group -> its members' (Setting, article date)
        self.repeats: dict[tuple[int, int], str] = {}  # (group, group) -> why they are the same line said twice
        self.comparisons = 0

    def _live(self, gid: int) -> int:
        while gid in self._merged_into:
            gid = self._merged_into[gid]
        return gid

    def add(
        self, item: Hashable, speaker: Hashable, text: str, weak: bool = False, setting=None, said: str | None = None
    ) -> int:
        """``setting`` (models.Setting) and ``said`` (the article's date): the occasion,
        when known; the same words said on a clearly different occasion go in a group of
        their own, linked in ``repeats`` (``occasions.apart_from_group`` decides)."""
        from quotes.consensus import crossing_ok, may_consider
        from quotes.occasions import apart_from_group, said_between

        weak = weak or speaker is None
        norm = normalise_quote(text)
        length = _length(text)
        keys_of_speaker = self._keys[speaker]
        found: dict[int, str] = {}
        known = said_between(setting, said) is not None

        def apart(gid: int) -> str | None:
            why = apart_from_group(setting, said, self._settings.get(gid, ())) if known else None  # type: ignore[arg-type]
            if why is not None:
                found.setdefault(gid, why)
            return why

        exact = self._same_words(norm, speaker, weak, length)
        if exact is not None and apart(exact) is None:
            self._join(exact, item, speaker, weak)
            self._remember(exact, setting, said, found)
            return exact
        across: dict[int, int] = {}
        shingles = shingle_keys(text)
        for shingle in shingles:
            entry = self._shingles.get(hash(shingle))
            if entry is None:
                continue
            bucket = (entry,) if isinstance(entry, int) else entry
            if len(bucket) > MAX_SHINGLE_GROUPS:
                continue
            for gid in {self._live(g) for g in bucket}:
                across[gid] = across.get(gid, 0) + 1
        need = min_shared_shingles(len(shingles))
        across = {g: n for g, n in across.items() if n >= need}
        cross: set[int] = set()

        def lookup(keys: list[str], allow_cross: bool = True) -> dict[int, int]:
            hits = lookup_cuts(keys)
            for gid, shared in across.items():
                if gid in hits:
                    continue
                if self.groups[gid].speaker == speaker:
                    hits[gid] = max(2, shared)
                elif may_consider(weak, gid in self._weak, length):
                    cross.add(gid)
                    if allow_cross:
                        hits[gid] = max(2, shared)
            return hits

        def lookup_cuts(keys: list[str]) -> dict[int, int]:
            hits: dict[int, int] = {}
            if weak:  # nobody's block: unattributed quotes of every speaker would pile up in it
                return hits
            for key in keys:
                for gid in {self._live(g) for g in keys_of_speaker.get(key, ())}:
                    hits[gid] = hits.get(gid, 0) + 1
            return hits

        def root_of(gid: int) -> str:
            self.comparisons += 1
            return self.groups[gid].root

        placement = place(text, lookup, root_of, lookup_cuts, apart)
        if placement.join in cross:
            root = self.groups[placement.join].root
            sizes = sorted((length, _length(root)))
            if not crossing_ok(weak, placement.join in self._weak, similarity(text, root), sizes[0], sizes[1]):
                placement = place(text, lambda keys: lookup(keys, allow_cross=False), root_of, lookup_cuts, apart)
        if placement.join is None:
            gid = len(self.groups)
            self.groups.append(_Group(gid, speaker, text))
            if weak:
                self._weak.add(gid)
            self._index(gid, speaker, text)
        else:
            gid = placement.join
            if placement.becomes_root:
                self.groups[gid].root = text  # rooted at the longest wording
                self._index(gid, speaker, text)
            for other in placement.absorb:
                if other in cross:
                    continue
                self.groups[gid].members.extend(self.groups[other].members)
                self.groups[other].members = []
                self._merged_into[other] = gid
                self._settings.setdefault(gid, []).extend(self._settings.pop(other, []))
        self._join(gid, item, speaker, weak, add_exact=norm)
        self._remember(gid, setting, said, found)
        return gid

    def _remember(self, gid: int, setting, said: str | None, found: dict[int, str]) -> None:
        if setting is not None:
            self._settings.setdefault(gid, []).append((setting, said))
        for other, why in found.items():
            other = self._live(other)
            if other != gid:
                self.repeats.setdefault((min(gid, other), max(gid, other)), why)

    def _join(self, gid: int, item: Hashable, speaker: Hashable, weak: bool, add_exact: str | None = None) -> None:
        group = self.groups[gid]
        group.members.append(item)
        if gid in self._weak and not weak:
            self._weak.discard(gid)  # the first confident speaker names a group nobody named
            group.speaker = speaker
        if add_exact is not None:
            self._exact.setdefault(add_exact, {}).setdefault(speaker, gid)
            if gid in self._weak:
                self._exact_weak.setdefault(add_exact, gid)

    def _same_words(self, norm: str, speaker: Hashable, weak: bool, length: int) -> int | None:
        """A group already holding these exact words that this wording may join: its own
        speaker's, else one of another speaker where ``consensus.crossing_ok`` allows it."""
        from quotes.consensus import crossing_ok

        by_speaker = self._exact.get(norm)
        if not by_speaker:
            return None
        if speaker in by_speaker:
            return self._live(by_speaker[speaker])
        first = self._live(next(iter(by_speaker.values())))
        if crossing_ok(weak, first in self._weak, _SAME, length):
            return first
        unnamed = self._exact_weak.get(norm)  # a group nobody named yet takes anyone's words
        return self._live(unnamed) if unnamed is not None and self._live(unnamed) in self._weak else None

    def _index(self, gid: int, speaker: Hashable, text: str) -> None:
        keys_of_speaker = self._keys[speaker]
        for key in index_keys(text):
            bucket = keys_of_speaker.setdefault(key, [])
            if not bucket or bucket[-1] != gid:
                bucket.append(gid)
        for shingle in shingle_keys(text):
            hashed = hash(shingle)
            entry = self._shingles.get(hashed)
            if entry is None:
                self._shingles[hashed] = gid  # most runs of words belong to one group: no list for the collector to walk
            elif isinstance(entry, int):
                if entry != gid:
                    self._shingles[hashed] = [entry, gid]
            elif entry[-1] != gid:
                entry.append(gid)

    def live_groups(self) -> list[_Group]:
        return [g for g in self.groups if g.id not in self._merged_into]

    def assignment(self) -> dict[Hashable, int]:
        return {item: g.id for g in self.live_groups() for item in g.members}


def bcubed(predicted: dict[Hashable, Hashable], gold: dict[Hashable, Hashable]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering against the truth, over common items."""
    items = [i for i in gold if i in predicted]
    if not items:
        return 0.0, 0.0
    by_pred: dict[Hashable, set] = defaultdict(set)
    by_gold: dict[Hashable, set] = defaultdict(set)
    for i in items:
        by_pred[predicted[i]].add(i)
        by_gold[gold[i]].add(i)
    precision = recall = 0.0
    for i in items:
        same_pred, same_gold = by_pred[predicted[i]], by_gold[gold[i]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    return precision / len(items), recall / len(items)
