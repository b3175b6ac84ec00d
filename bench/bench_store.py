"""The store's own ingest and incremental grouping (the SQL path the product runs), on
synthetic articles of the grouping generator: 20,000 and 200,000 quotes across 2,000
speakers (the same quotes per speaker as the 1M grouping benchmark has at 100k), in the
same run. Reports wall time, quotes/s, the file's size and the 10x time ratio.

    .venv/bin/python bench/bench_store.py          # writes bench/results/store.json

Each article holds 20 quotes of one outlet and names its speakers; speakers resolve across
articles by name like real ones.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

SPEAKERS = 2_000
PER_ARTICLE = 20


def articles(n: int):
    from quotes.models import Article, ArticleSpeaker, Attribution, AttributedArticle, QuoteType, SpeakerType
    from synth import generate

    batch = []
    for k, q in enumerate(generate(n, SPEAKERS)):
        batch.append(q)
        if len(batch) == PER_ARTICLE or k == n - 1:
            body, spans = "", []
            for quote in batch:
                line = f'{quote.speaker} said: "{quote.text}"\n\n'
                start = len(body) + line.index('"') + 1
                spans.append((start, start + len(quote.text), quote))
                body += line
            article = Article.from_text(body, source=f"synthetic/{k}.txt", outlet=batch[0].outlet, date=batch[0].date)
            found = [Attribution(text=q.text, start=s, end=e, type=QuoteType.direct, speaker=q.speaker,
                                 speaker_type=SpeakerType.person, mention=q.speaker, rule="synthetic", confidence=0.9,
                                 context=q.text) for s, e, q in spans]
            names = sorted({q.speaker for q in batch})
            yield AttributedArticle(article=article, quotes=found,
                                    speakers=[ArticleSpeaker(name=n, type=SpeakerType.person, aliases=[n]) for n in names])
            batch = []


def one(n: int) -> dict:
    from quotes.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "index.db"
        docs = list(articles(n))  # built first: only the store is timed
        started = time.perf_counter()
        with Store(path) as store:
            for doc in docs:
                store.ingest(doc)
            stats = store.stats()
        seconds = time.perf_counter() - started
        return {"quotes": n, "articles": len(docs), "seconds": round(seconds, 2), "quotes_per_second": round(n / seconds),
                "groups": stats["groups"], "speakers": stats["speakers"], "file_mb": round(path.stat().st_size / 2**20, 1)}


if __name__ == "__main__":
    from scaling import main

    main(__file__, one, (20_000, 200_000), "store.json")
