"""Does a reported statement paraphrase a verbatim quote of the same speaker? "Trump said
the wall would be paid for by Mexico" and "Mexico is going to pay for the wall," Trump
said": reported speech shifts pronouns and tenses ("I will" -> "he would") and keeps the
content words. The score is the share of the statement's content words (crudely stemmed:
"paid"/"pay", "walls"/"wall") that the quote has. Sharing words is not enough (a statement
and a quote about the same topic share them): a paraphrase also keeps phrases of the quote,
so a link needs ``MIN_SHARED`` shared words, ``MIN_PHRASES`` shared two-word phrases (pairs
of consecutive content words, in the same order) and a score of ``MIN_SCORE``. All three
were set on the labelled train pairs in tests/fixtures/paraphrase_pairs.json
(bench/bench_paraphrase.py measures them).

Public surface: ``paraphrase_score(statement, quote) -> float``, ``is_paraphrase``,
``best_paraphrase(statement, candidates) -> (index, score) | None``.
"""

from __future__ import annotations

from typing import Sequence

from quotes.grouping import content_words

MIN_SHARED = 3
MIN_PHRASES = 2
MIN_SCORE = 0.3

# words that say nothing of the content, in reported speech as in quotes
_FILLER = frozenset(
    "said say says saying told tell going get got make made think know people thing things way lot really well "
    "like want one two new year years time now today".split()
)
_IRREGULAR = {
    "paid": "pay",
    "said": "say",
    "told": "tell",
    "won": "win",
    "lost": "lose",
    "went": "go",
    "gone": "go",
    "made": "make",
    "thought": "think",
    "knew": "know",
    "known": "know",
    "built": "build",
    "brought": "bring",
    "bought": "buy",
    "taken": "take",
    "took": "take",
    "given": "give",
    "gave": "give",
    "ran": "run",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "fought": "fight",
}


def _stem(word: str) -> str:
    word = _IRREGULAR.get(word, word)
    for suffix in ("ingly", "ings", "ing", "edly", "ied", "ies", "ed", "es", "ly", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)] + ("y" if suffix in {"ied", "ies"} else "")
    return word


def _stems_in_order(text: str) -> list[str]:
    return [_stem(w) for w in content_words(text) if w not in _FILLER and not w.isdigit()]


def stems(text: str) -> set[str]:
    return set(_stems_in_order(text))


def paraphrase_score(statement: str, quote: str) -> float:
    """The share of the statement's content stems found in the quote; 0 when they share
    fewer than MIN_SHARED stems or fewer than MIN_PHRASES two-word phrases."""
    said, quoted = _stems_in_order(statement), _stems_in_order(quote)
    shared = set(said) & set(quoted)
    phrases = set(zip(said, said[1:])) & set(zip(quoted, quoted[1:]))
    if len(shared) < MIN_SHARED or len(phrases) < MIN_PHRASES:
        return 0.0
    return round(len(shared) / len(set(said)), 3)


def is_paraphrase(statement: str, quote: str, threshold: float = MIN_SCORE) -> bool:
    return paraphrase_score(statement, quote) >= threshold


def best_paraphrase(statement: str, candidates: Sequence[str], threshold: float = MIN_SCORE) -> tuple[int, float] | None:
    """The candidate quote the statement most likely paraphrases, with its score."""
    best: tuple[int, float] | None = None
    for i, quote in enumerate(candidates):
        score = paraphrase_score(statement, quote)
        if score >= threshold and (best is None or score > best[1]):
            best = (i, score)
    return best
