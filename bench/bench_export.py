"""Exports a 100,000-quote sheet in every format and times each.

    .venv/bin/python bench/bench_export.py          # writes bench/results/export.json

Target: under 10 s for md, csv, json and html; DOCX is measured and reported.
The index is filled through the store's own ingest, 100 quotes per synthetic article.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from quotes.export import FORMATS, export  # noqa: E402
from quotes.models import Article, ArticleSpeaker, Attribution, AttributedArticle, QuoteType, SpeakerType  # noqa: E402
from quotes.store import Store  # noqa: E402
from synth import generate  # noqa: E402

N = int(os.environ.get("QUOTES_BENCH_QUOTES", 100_000))
PER_ARTICLE = 100


def build(path: Path) -> float:
    started = time.perf_counter()
    quotes = list(generate(N, 1_000))
    with Store(path) as store:
        for a in range(0, len(quotes), PER_ARTICLE):
            batch = quotes[a : a + PER_ARTICLE]
            body, spans = [], []
            offset = 0
            for q in batch:
                line = f'{q.speaker} said "{q.text}" in a statement.'
                start = offset + len(q.speaker) + 7
                spans.append((start, start + len(q.text), q))
                body.append(line)
                offset += len(line) + 1
            article = Article.from_text("\n".join(body), source=f"synthetic/{a}.txt", outlet=batch[0].outlet, date=batch[0].date)
            attributions = [Attribution(text=q.text, start=s, end=e, type=QuoteType.direct, speaker=q.speaker,
                                        speaker_type=SpeakerType.person, rule="synthetic", confidence=0.9,
                                        context=article.text[s - 20 : e + 20]) for s, e, q in spans]
            speakers = [ArticleSpeaker(name=n, type=SpeakerType.person) for n in sorted({q.speaker for q in batch})]
            store.ingest(AttributedArticle(article=article, quotes=attributions, speakers=speakers))
    return time.perf_counter() - started


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build_seconds = build(db)
        results = {"quotes": N, "build_index_seconds": round(build_seconds, 1)}
        with Store(db) as store:
            for fmt in FORMATS:
                out_path = Path(tmp) / f"sheet.{fmt}"
                started = time.perf_counter()
                with open(out_path, "wb") as out:
                    export(store.sheet(), fmt, out)
                results[fmt] = {"seconds": round(time.perf_counter() - started, 2), "mb": round(out_path.stat().st_size / 1e6, 1)}
                print(fmt, results[fmt], flush=True)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "export.json").write_text(json.dumps(results, indent=1))
    print(results)
