"""Quotation-centric speakers: the speaker of a quote is decided from all its occurrences.

The news is redundant: the same words are printed by many outlets, and most of them name the
speaker right. So, within a variant group (one utterance), every occurrence votes with the
speaker its own article gave it, weighted by that attribution's measured confidence, one vote
per article:

- an occurrence with no speaker, a speaker that is not a name ("candidate", a description as
  written) or a low-confidence attribution (``is_weak``) takes the speaker the others agree
  on, with the evidence "N other article(s) attribute these words to X" and a confidence;
- a confident attribution that contradicts the agreed speaker is kept and flagged as a
  conflict, for a person to look at;
- a human correction wins over all of it (its occurrence keeps its speaker and outvotes the
  rest).

Whether a new wording may join a group of another speaker is ``crossing_ok``: only on the
words themselves, never on a paraphrase, and between two confident speakers only for a long
wording (a stump line or a slogan said by two people is not one quote).

Pure functions over small records; the store asks them and persists the answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Iterable

from quotes.grouping import WORD_FOR_WORD, Match

WEAK_CONFIDENCE = 0.5  # below it an attribution is outvoted by any confident one
CORRECTION_WEIGHT = 100.0
MIN_FULLER_SHARE = 0.6  # ... and at least this share of the other wording's words
MIN_CROSS_SPEAKER_WORDS = 10  # a wording joins another confident speaker's group only when this long


class Basis(str, Enum):
    article = "article"  # the speaker its own article gives it
    agreed = "agreed"  # taken from the other occurrences of the same words
    correction = "correction"  # set by a person


@dataclass(frozen=True)
class Voter:
    """One occurrence as the vote sees it."""

    quote_id: int
    article_id: str
    speaker_id: int | None  # the speaker its own article gives it (or a correction's)
    confidence: float
    named: bool  # the speaker is a person or organisation with a name, not a description
    corrected: bool = False


@dataclass(frozen=True)
class Verdict:
    quote_id: int
    speaker_id: int | None
    basis: Basis
    confidence: float
    conflict: bool
    agreeing_articles: int  # other articles that attribute these words to the agreed speaker
    agreed_speaker_id: int | None


def is_weak(speaker_id: int | None, named: bool, confidence: float) -> bool:
    return speaker_id is None or not named or confidence < WEAK_CONFIDENCE


def may_consider(quote_weak: bool, group_weak: bool, words: int) -> bool:
    """Whether a group of another speaker is worth comparing at all: when either side has
    no confident speaker, or the wording is long enough to be one quote word for word."""
    return quote_weak or group_weak or words >= MIN_CROSS_SPEAKER_WORDS


def crossing_ok(quote_weak: bool, group_weak: bool, match: Match, shorter_words: int, longer_words: int | None = None) -> bool:
    """Whether a wording may join a group of another speaker (which moves a speaker or
    flags a conflict): only on the words themselves (the same words, contained, nearly
    contained, or 90% the same characters; a paraphrase sharing content words is not
    enough), and between two confident speakers only for a long wording (a stump line or a
    slogan two people say is not one quote) that is most of the other (a quote inside
    someone's longer statement is that someone quoting it)."""
    if match.kind not in WORD_FOR_WORD:
        return False
    if quote_weak or group_weak:
        return True
    fuller = longer_words is None or shorter_words >= MIN_FULLER_SHARE * longer_words
    return shorter_words >= MIN_CROSS_SPEAKER_WORDS and fuller


def agreed_speaker(voters: Iterable[Voter]) -> tuple[int | None, dict[int, set[str]]]:
    """The speaker the group's confident occurrences (and corrections) agree on, and for
    each speaker the articles that give it these words confidently. One vote per article
    (its best-confidence occurrence), weighted by confidence; ties go to the earlier voter."""
    weight: dict[int, float] = {}
    articles: dict[int, set[str]] = {}
    best_per_article: dict[tuple[str, int], float] = {}
    order: dict[int, int] = {}
    for n, v in enumerate(voters):
        if v.speaker_id is None:
            continue
        if not v.corrected and is_weak(v.speaker_id, v.named, v.confidence):
            continue
        order.setdefault(v.speaker_id, n)
        vote = CORRECTION_WEIGHT if v.corrected else v.confidence
        key = (v.article_id, v.speaker_id)
        if vote > best_per_article.get(key, 0.0):
            weight[v.speaker_id] = weight.get(v.speaker_id, 0.0) - best_per_article.get(key, 0.0) + vote
            best_per_article[key] = vote
        articles.setdefault(v.speaker_id, set()).add(v.article_id)
    if not weight:
        return None, articles
    winner = max(weight, key=lambda s: (weight[s], -order[s]))
    return winner, articles


def decide(voters: list[Voter]) -> list[Verdict]:
    """Each occurrence's speaker after the vote (see the module docstring)."""
    winner, articles = agreed_speaker(voters)
    out = []
    for v in voters:
        supporting = articles.get(winner, set()) - {v.article_id} if winner is not None else set()
        if v.corrected:
            out.append(Verdict(v.quote_id, v.speaker_id, Basis.correction, 1.0, False, len(supporting), winner))
        elif winner is None or v.speaker_id == winner or not supporting:
            out.append(Verdict(v.quote_id, v.speaker_id, Basis.article, v.confidence, False, len(supporting), winner))
        elif is_weak(v.speaker_id, v.named, v.confidence):
            out.append(
                Verdict(
                    v.quote_id,
                    winner,
                    Basis.agreed,
                    agreed_confidence(voters, winner, supporting),
                    False,
                    len(supporting),
                    winner,
                )
            )
        else:
            out.append(Verdict(v.quote_id, v.speaker_id, Basis.article, v.confidence, True, len(supporting), winner))
    return out


def agreed_confidence(voters: list[Voter], winner: int, supporting: set[str]) -> float:
    """How far to trust an agreed speaker: the chance that not every supporting article got
    it wrong, if each is right as often as its confidence says (independence assumed), shrunk
    by one imaginary dissenting article so that one supporter never claims certainty."""
    wrong = 1.0
    for article in supporting:
        best = max((v.confidence for v in voters if v.article_id == article and v.speaker_id == winner), default=0.0)
        wrong *= 1.0 - min(best, 0.99)
    n = len(supporting)
    return round((1.0 - wrong) * n / (n + 1), 3)


def evidence(agreeing_articles: int, speaker_name: str) -> str:
    return f"{agreeing_articles} other article{'s' if agreeing_articles != 1 else ''} attribute{'' if agreeing_articles != 1 else 's'} these words to {speaker_name}"
