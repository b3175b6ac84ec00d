"""Reported speech and quotes on PolNeAR, scored by the reference scorers in the same run:
../shared/eval/score_reported.py (reported statements, min coverage 0.5) and
../shared/eval/polnear-dev/score.py (quotes, min coverage 0.8).

    .venv/bin/python bench/eval_reported.py train dev [--cached-only]
        # writes bench/results/reported_eval.json (and the doc ids scored)

``--cached-only`` scores the articles already in the annotation cache (no CoreNLP run) and
the gold of those articles only; without it every article is annotated first (about an
hour for train on a cold cache).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from quotes.commands.evaluate import predictions_for  # noqa: E402
from quotes.models import Article  # noqa: E402
from quotes.nlp import PIPELINE_VERSION, AnnotationCache  # noqa: E402
from quotes.pipeline import Pipeline, PipelineError  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"


def _score(scorer: Path, gold: Path, pred: Path, texts: Path, coverage: str) -> dict:
    out = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), str(texts), coverage], capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def evaluate(split: str, cached_only: bool, tmp: Path) -> dict:
    data = SHARED / f"polnear-{split}"
    files = sorted((data / "text").glob("*.txt"))
    raws = [f.read_text(encoding="utf-8") for f in files]
    articles = [Article.from_text(raw, source=str(f)) for f, raw in zip(files, raws)]
    if cached_only:
        cache = AnnotationCache()
        keep = [i for i, a in enumerate(articles) if cache.get(a.text, PIPELINE_VERSION) is not None]
        files, raws, articles = [files[i] for i in keep], [raws[i] for i in keep], [articles[i] for i in keep]
    docs = {f.stem for f in files}
    pred = tmp / f"{split}.jsonl"
    with Pipeline(workers=2) as pipeline, pred.open("w", encoding="utf-8") as out:
        for path, raw, result in zip(files, raws, pipeline.attribute_many(articles)):
            if isinstance(result, PipelineError):
                print(result, file=sys.stderr)
                continue
            for line in predictions_for(path.stem, raw, result, "ours"):
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    golds = {}
    for name in ("gold.jsonl", "gold_all.jsonl"):
        kept = tmp / f"{split}.{name}"
        kept.write_text(
            "".join(line for line in (data / name).open(encoding="utf-8") if json.loads(line)["doc_id"] in docs), encoding="utf-8"
        )
        golds[name] = kept
    reported = _score(SHARED / "score_reported.py", golds["gold_all.jsonl"], pred, data / "text", "0.5")
    quotes = _score(SHARED / "polnear-dev" / "score.py", golds["gold.jsonl"], pred, data / "text", "0.8")
    (HERE / "results" / f"reported_{split}_docs.txt").write_text("\n".join(sorted(docs)) + "\n", encoding="utf-8")
    return {"articles": len(docs), "of": len(list((data / "text").glob("*.txt"))), "reported": reported, "quotes": quotes}


def main(argv: list[str]) -> int:
    cached_only = "--cached-only" in argv
    splits = [a for a in argv if not a.startswith("--")] or ["train", "dev"]
    path = HERE / "results" / "reported_eval.json"
    result = json.loads(path.read_text()) if path.exists() else {}
    with tempfile.TemporaryDirectory() as tmp:
        for split in splits:
            result[split] = evaluate(split, cached_only, Path(tmp))
            r = result[split]
            print(
                f"{split}: {r['articles']}/{r['of']} articles; reported content F1 {r['reported']['content']['F1']:.3f}, "
                f"content+speaker F1 {r['reported']['content_and_speaker']['F1']:.3f}; quote F1 {r['quotes']['quote']['F1']:.3f}, "
                f"quote+speaker F1 {r['quotes']['quote_and_speaker']['F1']:.3f}"
            )
    path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
