"""Precision and recall of the paraphrase links (quotes/reported/paraphrase.py) on the
labelled pairs in tests/fixtures/paraphrase_pairs.json (PolNeAR train, labels by document id
and offsets; the texts are read from ../shared/eval/polnear-train/text at run time), at the
threshold in use and across a sweep. Writes bench/results/paraphrase.json.

    .venv/bin/python bench/bench_paraphrase.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.reported.paraphrase import MIN_SCORE, paraphrase_score  # noqa: E402

TEXTS = ROOT.parent / "shared" / "eval" / "polnear-train" / "text"


def main() -> int:
    pairs = json.loads((ROOT / "tests" / "fixtures" / "paraphrase_pairs.json").read_text(encoding="utf-8"))["pairs"]
    scored = []
    for p in pairs:
        text = (TEXTS / f"{p['doc_id']}.txt").read_text(encoding="utf-8")
        statement = text[p["statement_span"][0] : p["statement_span"][1]]
        quote = text[p["quote_span"][0] : p["quote_span"][1]]
        scored.append((paraphrase_score(statement, quote), p["paraphrase"]))

    def at(threshold: float) -> dict:
        linked = [label for score, label in scored if score >= threshold]
        tp = sum(linked)
        positives = sum(label for _, label in scored)
        return {
            "threshold": threshold,
            "linked": len(linked),
            "right": tp,
            "precision": round(tp / len(linked), 3) if linked else None,
            "recall": round(tp / positives, 3) if positives else None,
        }

    result = {
        "pairs": len(scored),
        "paraphrases": sum(label for _, label in scored),
        "in_use": at(MIN_SCORE),
        "sweep": [at(t / 10) for t in range(2, 11)],
    }
    out = ROOT / "bench" / "results" / "paraphrase.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result["in_use"]), f"({result['pairs']} pairs, {result['paraphrases']} paraphrases)")
    for row in result["sweep"]:
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
