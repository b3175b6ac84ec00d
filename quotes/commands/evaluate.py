"""`quotes predict DIR` (attribute a folder of .txt files, JSON Lines out) and `quotes eval`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator

from quotes.nlp.profiles import BASELINE_PROFILE, DEFAULT_PROFILE, PROFILES


def register(subparsers) -> None:
    p = subparsers.add_parser("predict", help="attribute every .txt file of a folder; one JSON line per quote or reported statement")
    p.add_argument("folder")
    p.add_argument("--format", choices=["polnear", "seeds"], default="polnear")
    p.add_argument("--baseline", choices=["ours", "corenlp"], default="ours",
                   help="corenlp: CoreNLP's own quote annotator, for comparison")
    p.add_argument("--out", help="file to write (default: standard output)")
    p.add_argument("--workers", type=int, default=2, help="articles annotated at once (one server, that many threads)")
    p.add_argument("--pipeline", choices=sorted(PROFILES), default=None,
                   help=f"which CoreNLP annotators run (default {DEFAULT_PROFILE}; --baseline corenlp runs the corenlp profile)")
    p.set_defaults(func=cmd_predict)

    p = subparsers.add_parser("eval", help="score predictions against gold (PolNeAR JSONL or the seeds gold JSON)")
    p.add_argument("--gold", required=True)
    p.add_argument("--pred", required=True)
    p.add_argument("--texts", help="folder of the articles (default: beside the gold file: text/ or ../../seeds)")
    p.add_argument("--min-coverage", type=float, default=0.8)
    p.add_argument("--gold-reported", help="PolNeAR gold_all.jsonl for reported speech (default: beside --gold, if there)")
    p.add_argument("--min-coverage-reported", type=float, default=0.5)
    p.add_argument("--json", action="store_true")
    p.add_argument("--errors", type=int, default=50, help="list at most this many errors of each kind")
    p.set_defaults(func=cmd_eval)


def predictions_for(article_id: str, raw: str, result, baseline: str, document=None) -> list[dict]:
    from quotes.evaluate import raw_offsets
    from quotes.models import QuoteType

    to_raw = raw_offsets(raw)

    def span(a, b):
        return [to_raw[a], to_raw[b - 1] + 1] if b > a else [to_raw[a], to_raw[a]]

    lines = []
    if baseline == "corenlp":
        for q in document.corenlp_quotes:
            lines.append({"doc_id": article_id, "quote_span": span(q.start, q.end), "speaker": q.canonical_speaker or q.speaker,
                          "speaker_span": span(q.mention_start, q.mention_end) if q.mention_start is not None else None,
                          "type": "direct", "cue": None, "rule": f"corenlp:{q.sieve}", "confidence": None})
        return lines
    for q in result.quotes:
        if q.type == QuoteType.non_speech or (q.type == QuoteType.headline and q.speaker is None):
            continue
        lines.append({"doc_id": article_id, "kind": "quote", "quote_span": span(q.start, q.end), "speaker": q.speaker,
                      "speaker_span": span(q.mention_start, q.mention_end) if q.mention_start is not None else None,
                      "type": q.type.value, "cue": q.cue, "rule": q.rule, "resolver": q.resolver, "confidence": q.confidence,
                      "text": q.text})
    for s in result.statements:
        lines.append({"doc_id": article_id, "kind": "reported", "content_span": span(s.start, s.end), "speaker": s.speaker,
                      "speaker_span": span(s.mention_start, s.mention_end) if s.mention_start is not None else None,
                      "cue_span": span(s.cue_start, s.cue_end) if s.cue_start is not None else None,
                      "cue": s.cue, "cue_class": s.cue_class.value, "rule": s.rule, "resolver": s.resolver,
                      "confidence": s.confidence, "text": s.text,
                      "quotes": [span(result.quotes[i].start, result.quotes[i].end) for i in s.quotes]})
    return lines


def cmd_predict(args) -> int:
    from quotes.models import Article, AttributedArticle, Document
    from quotes.pipeline import Pipeline, PipelineError

    files = sorted(Path(args.folder).glob("*.txt"))
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    failed = 0
    try:
        # CoreNLP's own quotes come only from the profile that runs its quote annotator
        chosen = BASELINE_PROFILE if args.baseline == "corenlp" else args.pipeline
        with Pipeline(workers=args.workers, profile=chosen) as pipeline:
            doc_id = (lambda path: path.stem) if args.format == "polnear" else (lambda path: path.name)
            readable = []
            for path in files:
                try:
                    readable.append((path, path.read_text(encoding="utf-8")))
                except (OSError, UnicodeDecodeError) as error:
                    failed += 1
                    print(f"{path}: {error}", file=sys.stderr)
            articles = (Article.from_text(raw, source=str(path)) for path, raw in readable)
            results: Iterator[Document | AttributedArticle | PipelineError]
            if args.baseline == "corenlp":
                results = pipeline.annotate_many(articles)
            else:
                results = pipeline.attribute_many(articles)
            # results come back in input order, `workers` articles annotated at once
            for n, ((path, raw), result) in enumerate(zip(readable, results), start=1):
                print(f"\r[{n}/{len(readable)}] {path.name[:60]:60}", end="", file=sys.stderr, flush=True)
                if isinstance(result, PipelineError):
                    failed += 1
                    print(f"\n{result}", file=sys.stderr)
                    continue
                if args.baseline == "corenlp":
                    lines = predictions_for(doc_id(path), raw, None, "corenlp", result)
                else:
                    lines = predictions_for(doc_id(path), raw, result, "ours")
                for line in lines:
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
        print(file=sys.stderr)
    finally:
        if args.out:
            out.close()
    return 1 if failed else 0


def cmd_eval(args) -> int:
    from quotes.evaluate import score_polnear, score_reported, score_seeds

    predictions = [json.loads(line) for line in Path(args.pred).read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = Path(args.gold)
    reported = None
    if gold.suffix == ".jsonl":
        texts = Path(args.texts) if args.texts else gold.parent / "text"
        report = score_polnear(gold, predictions, texts, args.min_coverage)
        gold_all = Path(args.gold_reported) if args.gold_reported else gold.parent / "gold_all.jsonl"
        if gold_all.exists() and gold_all != gold:
            reported = score_reported(gold_all, predictions, texts, args.min_coverage_reported)
    else:
        texts = Path(args.texts) if args.texts else Path(__file__).resolve().parents[2] / "seeds"
        report = score_seeds(gold, predictions, texts)
    summary = report.summary()
    if reported is not None:
        summary["reported"] = _renamed(reported.summary())
    if args.json:
        out = {**summary, "misses": report.misses, "false_positives": report.false_positives, "wrong_speakers": report.wrong_speakers}
        if reported is not None:
            out["reported_errors"] = {"misses": reported.misses, "false_positives": reported.false_positives,
                                      "wrong_speakers": reported.wrong_speakers}
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    print(json.dumps(summary, indent=1))
    sections = [("", report)] + ([("reported statements: ", reported)] if reported is not None else [])
    for prefix, scored in sections:
        for title, items in (("missed", scored.misses), ("false positives", scored.false_positives),
                             ("wrong speaker", scored.wrong_speakers)):
            print(f"\n## {prefix}{title}: {len(items)}")
            for item in items[: args.errors]:
                print("- " + item)
    return 0


def _renamed(summary: dict) -> dict:
    """A reported-speech summary in the reference scorer's words (content, not quote)."""
    names = {"quote": "content", "quote_and_speaker": "content_and_speaker"}
    return {names.get(k, k): v for k, v in summary.items()}
