"""Fits and checks the attribution's confidence table (quotes/attribution/calibration.json).

    python -m quotes.calibrate fit ../shared/eval/polnear-train      # count, per way of
        attributing (rule, resolver, kind of mention), how often the speaker was right
    python -m quotes.calibrate report ../shared/eval/polnear-dev     # reliability table
        and expected calibration error on another split -> bench/results/calibration.json

"Right" is the reference scorer's verdict (../shared/eval/polnear-dev/score.py, min coverage
0.8): the quote matches a gold quotation and the speaker mention or name matches its source.
An attribution without a speaker (a title in quote marks, a quote left unattributed) is
right when no gold quotation is left for it to match, i.e. the gold attributes it to nobody.
Articles without a double quotation mark are skipped: the gold's filter kept none of theirs.
Annotations come from the cache (a warm cache makes a pass over train take about a minute).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from quotes.attribution.calibration import TABLE, keys
from quotes.evaluate import claim_match, gold_segments, speaker_matches
from quotes.models import Article, Attribution, QuoteType

MIN_COVERAGE = 0.8
BINS = 10


def _is_output(a: Attribution) -> bool:
    """What `quotes predict` writes, and the scorer sees."""
    return not (a.type == QuoteType.non_speech or (a.type == QuoteType.headline and a.speaker is None))


def verdicts(split: Path, workers: int = 2) -> list[tuple[Attribution, bool]]:
    """Every attribution of every covered article of a PolNeAR split, with the scorer's verdict."""
    from quotes.evaluate import raw_offsets
    from quotes.pipeline import Pipeline, PipelineError

    gold = gold_segments(split / "gold.jsonl")
    files = [p for p in sorted((split / "text").glob("*.txt")) if '"' in (raw := p.read_text(encoding="utf-8")) or "“" in raw]
    out: list[tuple[Attribution, bool]] = []
    with Pipeline(workers=workers) as pipeline:
        raws = [p.read_text(encoding="utf-8") for p in files]
        results = pipeline.attribute_many(Article.from_text(raw, source=str(p)) for p, raw in zip(files, raws))
        for path, raw, result in zip(files, raws, results):
            if isinstance(result, PipelineError):
                print(result, file=sys.stderr)
                continue
            to_raw = raw_offsets(raw)
            golds = gold.get(path.stem, [])
            used: set[int] = set()

            def match(a: Attribution) -> int | None:
                span = (to_raw[a.start], to_raw[a.end - 1] + 1 if a.end > a.start else to_raw[a.start])
                return claim_match(raw, span, golds, used, MIN_COVERAGE)

            quotes = result.quotes
            # the scorer's order first: the output attributions, greedily; then the rest
            for a in [q for q in quotes if _is_output(q)] + [q for q in quotes if not _is_output(q)]:
                found = match(a)
                if a.speaker is None and a.mention is None:
                    out.append((a, found is None))
                    continue
                span = None
                if a.mention_start is not None and a.mention_end is not None:
                    span = [to_raw[a.mention_start], to_raw[a.mention_end - 1] + 1]
                out.append((a, found is not None and speaker_matches({"speaker": a.speaker, "speaker_span": span}, golds[found])))
    return out


def fit(split: Path, table: Path = TABLE) -> dict:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    overall = [0, 0]
    for attribution, right in verdicts(split):
        for key in keys(attribution):
            counts[key][0] += right
            counts[key][1] += 1
        overall[0] += right
        overall[1] += 1
    data = {
        "fitted_on": split.name,
        "command": f"python -m quotes.calibrate fit ../shared/eval/{split.name}",
        "what": "[right, total] attributions per rule|resolver|mention kind, rule|resolver and rule",
        "overall": overall,
        "counts": dict(sorted(counts.items())),
    }
    table.write_text(json.dumps(data, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    return data


def reliability(pairs: list[tuple[float, bool]]) -> dict:
    """Confidence bins against observed precision, and the expected calibration error."""
    counts, rights, sums = [0] * BINS, [0] * BINS, [0.0] * BINS
    for confidence, right in pairs:
        b = min(BINS - 1, int(confidence * BINS))
        counts[b] += 1
        rights[b] += right
        sums[b] += confidence
    n = sum(counts)
    rows = [
        {
            "bin": f"{i / BINS:.1f}-{(i + 1) / BINS:.1f}",
            "n": counts[i],
            "mean_confidence": round(sums[i] / counts[i], 3),
            "precision": round(rights[i] / counts[i], 3),
        }
        for i in range(BINS)
        if counts[i]
    ]
    ece = sum(counts[i] / n * abs(rights[i] / counts[i] - sums[i] / counts[i]) for i in range(BINS) if counts[i]) if n else 0.0
    return {"n": n, "ece": round(ece, 4), "bins": rows}


def report(split: Path, out: Path) -> dict:
    found = verdicts(split)
    result = {
        "split": split.name,
        "command": f"python -m quotes.calibrate report ../shared/eval/{split.name}",
        "attributions_with_a_speaker": reliability([(a.confidence, r) for a, r in found if a.speaker or a.mention]),
        "all_attributions": reliability([(a.confidence, r) for a, r in found]),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotes.calibrate", description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["fit", "report"])
    parser.add_argument("split", type=Path, help="a PolNeAR split folder (text/ and gold.jsonl)")
    parser.add_argument("--out", type=Path, default=Path("bench/results/calibration.json"))
    args = parser.parse_args(argv)
    if args.action == "fit":
        data = fit(args.split)
        print(
            f"{TABLE}: {len(data['counts'])} cells from {data['overall'][1]} attributions "
            f"({data['overall'][0] / max(1, data['overall'][1]):.3f} right)"
        )
        return 0
    result = report(args.split, args.out)
    for label in ("attributions_with_a_speaker", "all_attributions"):
        r = result[label]
        print(f"\n{label}: n={r['n']} ECE={r['ece']:.4f}")
        print(f"{'bin':>9} {'n':>6} {'confidence':>11} {'precision':>10}")
        for row in r["bins"]:
            print(f"{row['bin']:>9} {row['n']:>6} {row['mean_confidence']:>11.3f} {row['precision']:>10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
