"""Synthetic quotes with known truth, for the grouping and TUI benchmarks.

Each speaker has a few quotes; each quote is printed several times with the rewrites
outlets make (bracketed insertions, word swaps, cuts, punctuation changes, partial
fragments), and speakers share generic phrases so that short fragments could chain quotes
if the grouper let them.

With ``errors=True`` the printings also carry the attribution errors seen in real news
(issue 12): the speaker missing (``speaker`` None, ``weak``), a non-name or low-confidence
speaker (``weak``), someone else named in the article (a wrong confident speaker), the
speaker under a name variant the resolver did not join (another speaker key), and a line
repeated by its speaker at another event weeks later (same words, another ``truth``: the
hard negatives; ``repeat_of`` names the original).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Iterator

VOCAB = (
    "economy budget bridge school hospital police court election campaign voters senate congress tax taxes "
    "jobs workers wages market markets company companies chips energy climate water housing rent crime "
    "border trade tariffs china europe russia ukraine israel iran schools teachers parents children "
    "farmers prices inflation interest rates bank banks deal deals plan plans reform reforms law laws "
    "vote votes war peace troops army health care insurance drugs doctors nurses roads rail airport"
).split()
VERBS = "will must cannot should could would may might".split()
ACTIONS = "build fix cut raise protect defend fund close open stop start win lose change support oppose".split()
FILLER = "we they the people this country our nation everyone nobody".split()
GENERIC = ["we will win", "thank you very much", "that is not true", "we are going to do it", "believe me"]
SWAPS = {"will": "shall", "must": "have to", "cannot": "can't", "build": "construct", "fix": "repair", "cut": "reduce"}


@dataclass
class SynthQuote:
    speaker: str | None  # as attributed (with errors=True: possibly missing, wrong or a variant)
    text: str
    truth: str  # the utterance this is a wording of
    outlet: str
    date: str
    true_speaker: str = ""
    weak: bool = False  # no speaker, a non-name or a low-confidence attribution
    repeat_of: str | None = None  # the utterance this line repeats at another event


MISSING, NON_NAME, WRONG, VARIANT, REPEATED = 0.08, 0.04, 0.03, 0.05, 0.02


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(FILLER), rng.choice(VERBS), rng.choice(ACTIONS)] + rng.sample(VOCAB, rng.randint(4, 9))
    if rng.random() < 0.4:
        words += [rng.choice(["and", "because", "so"]), rng.choice(FILLER), rng.choice(VERBS), rng.choice(ACTIONS)] + rng.sample(VOCAB, 3)
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _variant(rng: random.Random, text: str) -> str:
    words = text.rstrip(".").split()
    kind = rng.random()
    if kind < 0.2:  # bracketed editorial insertion
        i = rng.randrange(1, len(words))
        words.insert(i, "[" + rng.choice(["and", "the", "for", "we"]) + "]")
    elif kind < 0.4:  # word swap
        for i, w in enumerate(words):
            if w in SWAPS:
                words[i] = SWAPS[w]
                break
    elif kind < 0.55:  # cut the end
        words = words[: max(4, int(len(words) * 0.75))]
    elif kind < 0.7:  # partial fragment
        start = rng.randrange(0, max(1, len(words) - 4))
        return " ".join(words[start : start + rng.randint(3, 5)])
    elif kind < 0.85:  # punctuation change
        return " ".join(words) + rng.choice(["!", ",", "…", ""])
    return " ".join(words) + "."


def generate(n_quotes: int, n_speakers: int, seed: int = 7, errors: bool = False) -> Iterator[SynthQuote]:
    rng = random.Random(seed)
    per_speaker = max(1, n_quotes // n_speakers)
    made = 0
    for s in range(n_speakers):
        speaker = f"Speaker {s:05d}"
        originals = [_sentence(rng) for _ in range(max(1, per_speaker // 5))]
        for k in range(per_speaker):
            if made >= n_quotes:
                return
            q = rng.randrange(len(originals))
            repeat_of = None
            if rng.random() < 0.03:
                text, truth = rng.choice(GENERIC), f"{speaker}/generic:{k}"
            elif errors and rng.random() < REPEATED:
                text, truth, repeat_of = originals[q], f"{speaker}/{q}/again:{k}", f"{speaker}/{q}"
            else:
                text = originals[q] if rng.random() < 0.3 else _variant(rng, originals[q])
                truth = f"{speaker}/{q}"
            said_by: str | None = speaker
            weak = False
            if errors:
                roll = rng.random()
                if roll < MISSING:
                    said_by, weak = None, True
                elif roll < MISSING + NON_NAME:
                    said_by, weak = rng.choice(["candidate", "the senator", "Breaking News"]), True
                elif roll < MISSING + NON_NAME + WRONG:
                    said_by = f"Speaker {rng.randrange(n_speakers):05d}"
                elif roll < MISSING + NON_NAME + WRONG + VARIANT:
                    said_by = f"S. {s:05d}"
            yield SynthQuote(said_by, text, truth, f"outlet{rng.randrange(50)}", f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                             true_speaker=speaker, weak=weak, repeat_of=repeat_of)
            made += 1
