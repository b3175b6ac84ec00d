"""Fits the reported statements' confidence table (quotes/reported/calibration.json): per
way of finding a statement (rule, resolver, kind of mention), how often the statement
matched a gold unit of PolNeAR train's gold_all.jsonl with the right speaker (the semantics
of ../shared/eval/score_reported.py, min coverage 0.5).

    python -m quotes.reported.calibrate ../shared/eval/polnear-train [--cached-only]

``--cached-only`` fits on the articles already in the annotation cache (no CoreNLP run).
The table has the layout of the quotes' (quotes/attribution/calibration.py reads both).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from quotes.attribution.calibration import keys
from quotes.evaluate import match_reported, raw_offsets, reported_gold, speaker_matches
from quotes.models import Article, ReportedStatement
from quotes.reported.finder import TABLE


def _prediction(statement: ReportedStatement, to_raw: list[int]) -> dict:
    def span(a: int, b: int) -> list[int]:
        return [to_raw[a], to_raw[b - 1] + 1] if b > a else [to_raw[a], to_raw[a]]

    mention = (
        span(statement.mention_start, statement.mention_end)
        if statement.mention_start is not None and statement.mention_end is not None
        else None
    )
    return {"content_span": span(statement.start, statement.end), "speaker": statement.speaker, "speaker_span": mention}


def verdicts(split: Path, cached_only: bool = False) -> list[tuple[ReportedStatement, bool]]:
    from quotes.nlp import PIPELINE_VERSION, AnnotationCache
    from quotes.pipeline import Pipeline, PipelineError

    gold = reported_gold(split / "gold_all.jsonl", split / "text")
    files = sorted((split / "text").glob("*.txt"))
    raws = [p.read_text(encoding="utf-8") for p in files]
    articles = [Article.from_text(raw, source=str(p)) for p, raw in zip(files, raws)]
    if cached_only:
        cache = AnnotationCache()
        keep = [i for i, a in enumerate(articles) if cache.get(a.text, PIPELINE_VERSION) is not None]
        files, raws, articles = [files[i] for i in keep], [raws[i] for i in keep], [articles[i] for i in keep]
    out: list[tuple[ReportedStatement, bool]] = []
    with Pipeline(workers=2) as pipeline:
        for path, raw, result in zip(files, raws, pipeline.attribute_many(articles)):
            if isinstance(result, PipelineError):
                print(result, file=sys.stderr)
                continue
            to_raw = raw_offsets(raw)
            golds = gold.get(path.stem, [])
            preds = [_prediction(s, to_raw) for s in result.statements]
            matched = match_reported(raw, preds, golds)
            for j, statement in enumerate(result.statements):
                out.append((statement, j in matched and speaker_matches(preds[j], golds[matched[j]])))
    print(f"{len(files)} articles, {len(out)} statements", file=sys.stderr)
    return out


def fit(split: Path, table: Path = TABLE, cached_only: bool = False) -> dict:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    overall = [0, 0]
    for statement, right in verdicts(split, cached_only):
        for key in keys(statement):  # type: ignore[arg-type]  # reads rule, resolver, mention
            counts[key][0] += right
            counts[key][1] += 1
        overall[0] += right
        overall[1] += 1
    result = {"split": split.name, "overall": overall, "counts": dict(sorted(counts.items()))}
    table.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotes.reported.calibrate")
    parser.add_argument("split", type=Path)
    parser.add_argument("--cached-only", action="store_true")
    args = parser.parse_args(argv)
    result = fit(args.split, cached_only=args.cached_only)
    right, total = result["overall"]
    print(f"{total} statements, {right / max(1, total):.3f} right; table written to {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
