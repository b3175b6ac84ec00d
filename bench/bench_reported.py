"""Reported-speech finding against annotation, on the same texts in the same run.

    .venv/bin/python bench/bench_reported.py [folder of .txt]   # default: seeds/
                                                               # writes bench/results/reported.json

- annotate: CoreNLP with our pinned pipeline (one server of 3 GB, cache off);
- find reported: ``find_reported`` over the annotated Document (its own read of the article's
  facts included), median of 5 runs (target: < 5% of the annotation time);
- the same finder over every PolNeAR dev article already in the annotation cache (no Java):
  time per 1,000 characters, and a 300-word sentence and a verbless one (no crash, spans valid).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quotes.attribution import attribute_quotes  # noqa: E402
from quotes.models import Article  # noqa: E402
from quotes.nlp import PIPELINE_VERSION, AnnotationCache, CoreNLP  # noqa: E402
from quotes.quotefinder import find_quotes  # noqa: E402
from quotes.reported import find_reported  # noqa: E402


def _find_time(document) -> tuple[float, int]:
    spans = find_quotes(document.text)
    quotes, _ = attribute_quotes(document, spans)
    runs, found = [], 0
    for _ in range(5):
        t = time.perf_counter()
        found = len(find_reported(document, spans, quotes))
        runs.append(time.perf_counter() - t)
    return statistics.median(runs), found


def main(folder: Path) -> dict:
    files = sorted(folder.glob("*.txt"))
    articles = [Article.from_text(f.read_text(encoding="utf-8"), source=str(f)) for f in files]
    rows = []
    nlp = CoreNLP(threads=2, memory="3G")
    try:
        nlp.annotate('Warm up. "Hello," she said.', "warmup")
        for article in articles:
            t0 = time.perf_counter()
            document = nlp.annotate(article.text, article.source)
            annotate = time.perf_counter() - t0
            find, found = _find_time(document)
            rows.append(
                {
                    "article": Path(article.source).name,
                    "chars": len(article.text),
                    "annotate_s": round(annotate, 3),
                    "find_reported_s": round(find, 4),
                    "statements": found,
                }
            )
            print(rows[-1], flush=True)
        long_sentence = (
            "Senator Dana Whitfield said "
            + ", and ".join(f"the plan number {i} would cost the city more than the plan before it" for i in range(22))
            + "."
        )
        odd = {}
        for name, text in (("300-word sentence", long_sentence), ("no verb", "Budget talks. Again. No deal, no end in sight.")):
            document = nlp.annotate(text, name)
            statements = find_reported(document, find_quotes(document.text), [])
            assert all(0 <= s.start < s.end <= len(text) and text[s.start : s.end] == s.text for s in statements)
            odd[name] = {
                "words": len(text.split()),
                "statements": len(statements),
                "find_reported_s": round(_find_time(document)[0], 4),
            }
    finally:
        nlp.stop()
    annotate = sum(r["annotate_s"] for r in rows)
    find = sum(r["find_reported_s"] for r in rows)
    cache = AnnotationCache()
    dev_chars = dev_time = dev_docs = 0
    for path in sorted((HERE.parent.parent / "shared" / "eval" / "polnear-dev" / "text").glob("*.txt")):
        document = cache.get(Article.from_text(path.read_text(encoding="utf-8"), source=str(path)).text, PIPELINE_VERSION)
        if document is None:
            continue
        dev_docs += 1
        dev_chars += len(document.text)
        dev_time += _find_time(document)[0]
    result = {
        "articles": rows,
        "annotate_s": round(annotate, 3),
        "find_reported_s": round(find, 4),
        "share_of_annotation": round(find / annotate, 4),
        "odd_inputs": odd,
        "polnear_dev_cached": {
            "articles": dev_docs,
            "chars": dev_chars,
            "find_reported_s": round(dev_time, 3),
            "ms_per_1000_chars": round(1000 * dev_time / max(1, dev_chars) * 1000, 3),
        },
    }
    out = HERE / "results" / "reported.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"find_reported {find:.3f} s vs annotation {annotate:.1f} s: {100 * find / annotate:.2f}%; wrote {out}")
    return result


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "seeds")
