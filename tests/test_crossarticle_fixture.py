"""The cross-article fixture (tests/fixtures/crossarticle/labels.json, scored by
bench/score_crossarticle.py) holds document ids and character offsets only, never text, and
its labels are consistent: an occurrence belongs to one utterance, the two sides of a hard
negative are not one utterance, a cross-outlet utterance spans two outlets. With the PolNeAR
train split present, every span is checked against the article it points into."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "fixtures" / "crossarticle" / "labels.json"
TEXTS = ROOT.parent / "shared" / "eval" / "polnear-train" / "text"
DOC_ID = re.compile(r"[a-z-]+_\d{4}-\d{2}-\d{2}_[a-z0-9-]+")
QUOTE_MARKS = "\"'“”‘’"


@pytest.fixture(scope="module")
def labels() -> dict:
    return json.loads(LABELS.read_text(encoding="utf-8"))


def spans(labels: dict):
    for u in labels["utterances"]:
        yield from u["occurrences"]
        if u.get("speaker"):
            yield u["speaker"]
    for pair in labels["hard_negatives"]:
        yield pair["a"]
        yield pair["b"]


def outlet(doc: str) -> str:
    return doc.split("_")[0]


def test_labels_are_ids_and_offsets_only(labels):
    assert set(labels) == {"about", "utterances", "hard_negatives"}
    for u in labels["utterances"]:
        assert set(u) <= {"occurrences", "kind", "speaker"}, u
        assert len(u["occurrences"]) >= 2 and isinstance(u["kind"], str)
    for pair in labels["hard_negatives"]:
        assert set(pair) == {"a", "b", "kind"}, pair
    for span in spans(labels):
        doc, start, end = span
        assert DOC_ID.fullmatch(doc), span  # a document id, not text
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end, span


def test_labels_are_consistent(labels):
    owner: dict[tuple, int] = {}
    for n, u in enumerate(labels["utterances"]):
        docs = {o[0] for o in u["occurrences"]}
        assert len(docs) >= 2, f"utterance {n} is printed in one article only"
        outlets = {outlet(d) for d in docs}
        if u["kind"] == "cross-outlet":
            assert len(outlets) >= 2, f"utterance {n} is labelled cross-outlet but printed by {outlets}"
            assert u.get("speaker"), f"cross-outlet utterance {n} has no labelled speaker"
        for o in u["occurrences"]:
            key = tuple(o)
            assert key not in owner, f"{key} is in utterances {owner[key]} and {n}"
            owner[key] = n
    for pair in labels["hard_negatives"]:
        a, b = tuple(pair["a"]), tuple(pair["b"])
        assert a != b
        assert not (a in owner and owner.get(a) == owner.get(b)), f"hard negative inside utterance {owner[a]}: {pair}"


@pytest.mark.skipif(not TEXTS.is_dir(), reason="PolNeAR train split not found")
def test_spans_point_at_quoted_words_and_names(labels):
    texts: dict[str, str] = {}

    def text(doc: str) -> str:
        if doc not in texts:
            texts[doc] = (TEXTS / f"{doc}.txt").read_text(encoding="utf-8")
        return texts[doc]

    for span in spans(labels):
        doc, start, end = span
        assert end <= len(text(doc)), span
        words = text(doc)[start:end]
        assert words == words.strip() and words[0] not in QUOTE_MARKS and words[-1] not in QUOTE_MARKS, (span, words)
    for u in labels["utterances"]:
        if u.get("speaker"):
            doc, start, end = u["speaker"]
            name = text(doc)[start:end]
            assert name[0].isupper() and len(name.split()) <= 4, (u["speaker"], name)
