"""The PolNeAR-style scorer behind `quotes eval`, on a made-up article (no NLP needed)."""

import json

from quotes.evaluate import score_polnear

TEXT = ('Mayor Ann Cole spoke first. "We will rebuild the bridge," she said. '
        'Tom Hale disagreed. "It is a waste of money," he said.')


def _span(needle: str, before: str = "") -> list[int]:
    """Where ``needle`` stands (the one right before ``before`` when given)."""
    start = TEXT.index(needle + before) if before else TEXT.index(needle)
    return [start, start + len(needle)]


def _gold(tmp_path, named: bool):
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    records = [
        {"doc_id": "a", "quoted_segments": [_span('"We will rebuild the bridge,"')], "source_spans": [_span("she", " said")],
         "source_text": "she", "speaker_canonical": "Ann Cole"},
        {"doc_id": "a", "quoted_segments": [_span('"It is a waste of money,"')], "source_spans": [_span(" he", " said")],
         "source_text": "he", "speaker_canonical": "Tom Hale"},
    ]
    if not named:
        for r in records:
            del r["speaker_canonical"]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _pred(quote: str, speaker: str, mention: list[int]) -> dict:
    return {"doc_id": "a", "quote_span": _span(quote), "speaker": speaker, "speaker_span": mention}


def test_the_right_mention_scores_even_with_the_wrong_name_but_not_as_named(tmp_path):
    gold = _gold(tmp_path, named=True)
    predictions = [
        _pred("We will rebuild the bridge,", "Ann Cole", _span("she", " said")),
        _pred("It is a waste of money,", "Ann Cole", _span(" he", " said")),
    ]
    summary = score_polnear(gold, predictions, tmp_path / "text").summary()
    assert summary["quote"]["F1"] == 1.0
    assert summary["quote_and_speaker"]["F1"] == 1.0  # the reference check: the mention "he" overlaps
    assert summary["quote_and_named_speaker"] == {"P": 0.5, "R": 0.5, "F1": 0.5}  # but "he" is Tom Hale


def test_a_quote_covering_too_little_of_the_gold_is_not_found(tmp_path):
    gold = _gold(tmp_path, named=False)
    predictions = [_pred("We will rebuild", "Ann Cole", _span("Ann Cole")), _pred("It is a waste of money,", "Tom Hale", _span("Tom Hale"))]
    report = score_polnear(gold, predictions, tmp_path / "text", min_coverage=0.8)
    summary = report.summary()
    assert summary["quote"] == {"P": 0.5, "R": 0.5, "F1": 0.5}
    # the found quote's speaker is right by name but not by the reference check: its mention
    # ("Tom Hale" two sentences up) is not the gold's "he", and "hale" is not in "he"
    assert summary["quote_and_speaker"]["F1"] == 0.0
    assert "quote_and_named_speaker" not in summary  # this gold names nobody
    assert len(report.misses) == 1 and len(report.false_positives) == 1


def test_surname_match_against_the_gold_source_text(tmp_path):
    gold = _gold(tmp_path, named=False)
    record = json.loads(gold.read_text().splitlines()[0])
    record["source_text"] = "Mayor Ann Cole"
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    summary = score_polnear(gold, [_pred("We will rebuild the bridge,", "Ann Cole", None)], tmp_path / "text").summary()
    assert summary["quote_and_speaker"]["F1"] == 1.0


def test_a_named_speaker_is_matched_on_the_surname_not_a_suffix(tmp_path):
    gold = _gold(tmp_path, named=True)
    records = [json.loads(line) for line in gold.read_text().splitlines()]
    records[1]["speaker_canonical"] = "Tom Hale Jr."
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    predictions = [_pred("It is a waste of money,", "Tom Hale Jr.", _span("Tom Hale"))]
    summary = score_polnear(gold, predictions, tmp_path / "text").summary()
    assert summary["quote_and_named_speaker"]["P"] == 1.0
