"""Quote + speaker F1 of each pipeline profile on PolNeAR train, without re-annotating.

    .venv/bin/python bench/profile_accuracy.py      # writes bench/results/profiles.json

Every profile's Document is the ``corenlp`` profile's (every annotator) with the layers it
does not compute dropped (annotators only add layers), so the annotation cache of the
whole pipeline scores them all, on the same articles, with no Java. Articles whose
``corenlp``-profile annotation is not cached are left out and counted (fill the cache with
``quotes predict ../shared/eval/polnear-train/text --baseline corenlp``). Scored with
../shared/eval's reference scorer on the covered articles' gold.
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

from quotes.attribution import attribute_quotes  # noqa: E402
from quotes.commands.evaluate import predictions_for  # noqa: E402
from quotes.models import Article, AttributedArticle  # noqa: E402
from quotes.nlp import AnnotationCache  # noqa: E402
from quotes.nlp.profiles import BASELINE_PROFILE, DEFAULT_PROFILE, PROFILES  # noqa: E402
from quotes.quotefinder import find_quotes  # noqa: E402

TRAIN = ROOT.parent / "shared" / "eval" / "polnear-train"
SCORER = ROOT.parent / "shared" / "eval" / "polnear-dev" / "score.py"
MEASURED = ("full", "fast")


def main() -> dict:
    cache = AnnotationCache()
    widest = PROFILES[BASELINE_PROFILE]
    paths = sorted((TRAIN / "text").glob("*.txt"))
    covered = []
    with tempfile.TemporaryDirectory() as tmp:
        outputs = {name: open(Path(tmp) / f"{name}.jsonl", "w", encoding="utf-8") for name in MEASURED}
        for path in paths:
            raw = path.read_text(encoding="utf-8")
            article = Article.from_text(raw, source=str(path))
            document = cache.get(article.text, widest.version)
            if document is None:
                continue
            covered.append(path.stem)
            for name in MEASURED:
                derived = PROFILES[name].derive(document)
                quotes, speakers = attribute_quotes(derived, find_quotes(derived.text), title=article.title)
                result = AttributedArticle(article=article, quotes=quotes, speakers=speakers)
                for line in predictions_for(path.stem, raw, result, "ours"):
                    outputs[name].write(json.dumps(line, ensure_ascii=False) + "\n")
        for out in outputs.values():
            out.close()
        ids = set(covered)
        gold = Path(tmp) / "gold.jsonl"
        lines = (TRAIN / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        gold.write_text("\n".join(line for line in lines if json.loads(line)["doc_id"] in ids) + "\n", encoding="utf-8")
        # the articles the gold covers (quotes in double marks: bench/eval_polnear.sh), the
        # set the attribution targets are stated on, and every cached article
        marked = {p.stem for p in paths if p.stem in ids and ('"' in (t := p.read_text(encoding="utf-8")) or "“" in t)}
        results: dict = {
            "train_articles": len(paths),
            "cached": len(covered),
            "covered_by_the_gold": len(marked),
            "default": DEFAULT_PROFILE,
            "profiles": {},
            "profiles_on_every_cached_article": {},
        }
        for name in MEASURED:
            predicted = (Path(tmp) / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
            on_marked = Path(tmp) / f"{name}.covered.jsonl"
            on_marked.write_text("".join(line + "\n" for line in predicted if json.loads(line)["doc_id"] in marked))
            for key, predictions in (("profiles", on_marked), ("profiles_on_every_cached_article", Path(tmp) / f"{name}.jsonl")):
                scored = subprocess.run(
                    [sys.executable, str(SCORER), str(gold), str(predictions), str(TRAIN / "text"), "0.8"],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                score = json.loads(scored.stdout)
                results[key][name] = {"quote": score["quote"], "quote_and_speaker": score["quote_and_speaker"]}
    for key, suffix in (("profiles", ""), ("profiles_on_every_cached_article", "_every_cached_article")):
        full, fast = (results[key][n]["quote_and_speaker"]["F1"] for n in ("full", "fast"))
        results[f"fast_minus_full_quote_speaker_F1{suffix}"] = round(fast - full, 4)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "profiles.json").write_text(json.dumps(results, indent=1) + "\n")
    return results


if __name__ == "__main__":
    print(json.dumps(main(), indent=1))
