"""Attribution cost against CoreNLP's, and our end-to-end pipeline against CoreNLP's own
quote pipeline, on the same texts in the same run.

    .venv/bin/python bench/bench_pipeline.py [folder of .txt]   # default: seeds/
                                                               # writes bench/results/pipeline.json

- annotate: CoreNLP with our pinned pipeline (tokenize..coref,quote), cache off;
- attribute: our quote finder + sieve + names over the annotated Document (target: < 5% of
  the annotation time);
- end to end: annotate + attribute, against CoreNLP's annotation alone (which includes its
  own quote attribution): the ratio is our overhead.
- re-ingest: the same article a second time through the store, which must not call Java
  (target: at least 100x faster than the first ingest).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quotes.attribution import attribute_quotes  # noqa: E402
from quotes.quotefinder import find_quotes  # noqa: E402
from quotes.models import Article  # noqa: E402
from quotes.nlp import CoreNLP  # noqa: E402
from quotes.pipeline import Pipeline  # noqa: E402
from quotes.store import Store  # noqa: E402


def main(folder: Path) -> dict:
    files = sorted(folder.glob("*.txt"))
    articles = [Article.from_text(f.read_text(encoding="utf-8"), source=str(f)) for f in files]
    rows = []
    with CoreNLP() as nlp:
        nlp.annotate("Warm up. \"Hello,\" she said.", "warmup")
        for article in articles:
            t0 = time.perf_counter()
            document = nlp.annotate(article.text, article.source)
            t1 = time.perf_counter()
            for _ in range(5):
                attribute_quotes(document, find_quotes(document.text))
            t2 = time.perf_counter()
            rows.append({"article": Path(article.source).name, "chars": len(article.text),
                         "annotate_s": round(t1 - t0, 3), "attribute_s": round((t2 - t1) / 5, 4)})
            print(rows[-1], flush=True)
        annotate = sum(r["annotate_s"] for r in rows)
        attribute = sum(r["attribute_s"] for r in rows)
        with tempfile.TemporaryDirectory() as tmp, Pipeline(nlp=nlp, cache_path=Path(tmp) / "cache.sqlite") as pipeline, \
                Store(Path(tmp) / "i.db") as store:
            first = time.perf_counter()
            store.ingest(pipeline.attribute(articles[0]))
            first = time.perf_counter() - first
            again = time.perf_counter()
            # what `quotes ingest` does for a file it has seen: the id check, no Java
            assert store.has_article(articles[0].id)
            store.ingest(pipeline.attribute(articles[0]))  # even a forced re-run hits the annotation cache
            again = time.perf_counter() - again
    report = {
        "articles": rows,
        "annotate_total_s": round(annotate, 2),
        "attribute_total_s": round(attribute, 3),
        "attribution_share_of_annotation": round(attribute / annotate, 4),
        "end_to_end_vs_corenlp_quote_pipeline": round((annotate + attribute) / annotate, 3),
        "first_ingest_s": round(first, 2),
        "second_ingest_s": round(again, 4),
        "second_ingest_speedup": round(first / again, 1),
    }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "pipeline.json").write_text(json.dumps(report, indent=1))
    return report


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "seeds"
    result = main(folder)
    print({k: v for k, v in result.items() if k != "articles"})
