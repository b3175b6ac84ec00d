"""Confidence as measured precision: an attribution's confidence is the share of
attributions made the same way (rule, resolver, kind of mention) that were right on the
PolNeAR train split, read from ``calibration.json`` beside this file.

Regenerate the table from the train gold (about a minute once the annotation cache is warm):

    python -m quotes.calibrate fit ../shared/eval/polnear-train

and see how well it is calibrated on the dev split (reliability table and expected
calibration error, written to bench/results/calibration.json):

    python -m quotes.calibrate report ../shared/eval/polnear-dev

Sparse cells are shrunk towards the next coarser one (rule + resolver, then rule, then all
attributions), each by ``PRIOR_WEIGHT`` pseudo-observations, so that a way of attributing
seen three times on train does not claim 1.0.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from quotes.attribution.lexicon import PERSONAL_PRONOUNS
from quotes.models import Attribution

TABLE = Path(__file__).with_name("calibration.json")
PRIOR_WEIGHT = 10.0
_DESCRIPTION_START = re.compile(r"(?:the|a|an|one|some|another|this|that|its|his|her|their|our|my)\b")


def mention_kind(attribution: Attribution) -> str:
    """none / pronoun / name / description: what kind of mention the attribution rests on."""
    if not attribution.mention:
        return "none"
    text = attribution.mention.strip()
    if text.lower() in PERSONAL_PRONOUNS:
        return "pronoun"
    if text[:1].isupper() and not _DESCRIPTION_START.match(text.lower()):
        return "name"
    return "description"


def keys(attribution: Attribution) -> tuple[str, str, str]:
    """The table's cells for an attribution, finest first."""
    rule = attribution.rule or "none"
    resolver = attribution.resolver or "none"
    return (f"{rule}|{resolver}|{mention_kind(attribution)}", f"{rule}|{resolver}", rule)


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[dict[str, list[int]], float]:
    if not path.exists():
        return {}, 0.5
    table = json.loads(path.read_text(encoding="utf-8"))
    counts = table["counts"]
    right, total = table["overall"]
    return counts, right / total if total else 0.5


def calibrated(attribution: Attribution, path: Path = TABLE) -> float:
    """The measured precision of the way this attribution was made."""
    counts, estimate = _load(path)
    for key in reversed(keys(attribution)):  # coarse to fine, each shrunk towards the last
        right, total = counts.get(key, (0, 0))
        estimate = (right + PRIOR_WEIGHT * estimate) / (total + PRIOR_WEIGHT)
    return round(estimate, 3)
