"""What the Dask cluster costs per article, and how many articles the single writer takes.

    .venv/bin/python bench/bench_cluster.py [how many train articles, default 20]
                                            # writes bench/results/cluster.json
    .venv/bin/python bench/bench_cluster.py --annotate 8 [profile, default fast]
                                            # adds the "annotated" runs to it

- serial vs ``local:1`` vs ``local:2`` on the same N train articles, in the same run, each
  into a fresh index. The articles' annotations come from the annotation cache (the
  ``corenlp`` profile's, cut to the default profile's), so the difference between the runs
  is what the cluster adds (sending the article, scheduling, attribution on a worker,
  sending the attributed article back, in-order writing), not Java. Only cached articles are
  used (fill the cache with ``quotes predict ../shared/eval/polnear-train/text``). Cluster
  start-up (worker processes) is timed apart: once per ingest, not per article.
- the overhead per article against the annotation time per article of the default profile
  measured by bench/annotator_cost.py (bench/results/annotators.json) on this machine.
- ``--annotate N``: serial vs ``local:1`` vs ``local:2`` with Java annotating the first N
  train articles by name, in a fresh cache each run (servers started and warmed before the
  clock starts; each worker's server 2 GB, one thread; the serial server one thread too).
- the single writer: every cached train article attributed first, then stored into a fresh
  index one transaction each (what the client does as results arrive): articles per second,
  hence how many workers one client feeds, and the hours a 100,000-article crawl takes.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from quotes.ingestion import IngestReport, ingest, store_result  # noqa: E402
from quotes.models import Article  # noqa: E402
from quotes.nlp import AnnotationCache  # noqa: E402
from quotes.nlp.profiles import BASELINE_PROFILE, DEFAULT_PROFILE, PROFILES  # noqa: E402
from quotes.pipeline import Pipeline  # noqa: E402
from quotes.sources import read_sources  # noqa: E402
from quotes.store import Store  # noqa: E402

TRAIN = ROOT.parent / "shared" / "eval" / "polnear-train" / "text"
CRAWL = 100_000


def cached_train_articles() -> list[str]:
    cache = AnnotationCache()
    version = PROFILES[BASELINE_PROFILE].version
    found = []
    for path in sorted(TRAIN.glob("*.txt")):
        article = Article.from_text(path.read_text(encoding="utf-8"), source=str(path))
        if cache.get(article.text, version) is not None:
            found.append(str(path))
    cache.close()
    return found


def on_cluster(paths: list[str], workers: int, tmp: Path) -> tuple[float, float, IngestReport]:
    from quotes.cluster import CorenlpWorker, connect, ingest_on_cluster

    started = time.perf_counter()
    client, cluster = connect(f"local:{workers}")
    client.wait_for_workers(workers)
    startup = time.perf_counter() - started
    report = IngestReport()
    try:
        plugin = CorenlpWorker()  # every annotation is cached: no Java starts
        started = time.perf_counter()
        with Store(tmp / f"local{workers}.db") as store:
            ingest_on_cluster(read_sources(paths), store, report, client, plugin)
        seconds = time.perf_counter() - started
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return startup, seconds, report


def main(limit: int) -> dict:
    cached = cached_train_articles()
    if len(cached) < limit:
        raise SystemExit(f"only {len(cached)} train articles are cached; {limit} needed")
    paths = cached[:limit]
    results: dict = {"articles": limit, "profile": DEFAULT_PROFILE}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        with Pipeline(workers=1) as pipeline:
            started = time.perf_counter()
            serial = ingest(paths, tmp / "serial.db", pipeline=pipeline)
            results["serial_s"] = round(time.perf_counter() - started, 2)
            assert pipeline.nlp.starts == 0, "serial run annotated: the cache is not warm"
        for workers in (1, 2):
            startup, seconds, report = on_cluster(paths, workers, tmp)
            assert report.added == serial.added and report.quotes == serial.quotes
            results[f"local{workers}_s"] = round(seconds, 2)
            results[f"local{workers}_startup_s"] = round(startup, 1)
        overhead = (results["local1_s"] - results["serial_s"]) / limit
        results["cluster_overhead_per_article_s"] = round(overhead, 4)
        annotators = HERE / "results" / "annotators.json"
        if annotators.exists():
            measured = json.loads(annotators.read_text())["profiles"][DEFAULT_PROFILE]["s_per_article"]
            results["annotation_s_per_article"] = measured
            results["overhead_share_of_annotation"] = round(overhead / measured, 4)

        # the single writer, on pre-attributed articles
        with Pipeline(workers=1) as pipeline:
            attributed = [pipeline.attribute(a) for a in read_sources(cached) if isinstance(a, Article)]
        report = IngestReport()
        with Store(tmp / "writer.db") as store:
            started = time.perf_counter()
            for result in attributed:
                store_result(store, report, result)
            seconds = time.perf_counter() - started
        writer_rate = len(attributed) / seconds
        results["writer"] = {
            "articles": len(attributed),
            "quotes": report.quotes,
            "seconds": round(seconds, 2),
            "articles_per_s": round(writer_rate, 1),
        }
    if "annotation_s_per_article" in results:
        per_worker = 1 / results["annotation_s_per_article"]  # one single-threaded worker's articles/s
        results["workers_one_writer_feeds"] = int(writer_rate / per_worker)
        results["crawl_100k"] = {
            f"{w}_workers_hours": round(CRAWL / min(w * per_worker, writer_rate) / 3600, 1) for w in (1, 8, 64)
        }
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "cluster.json").write_text(json.dumps(results, indent=1) + "\n")
    return results


def annotated(limit: int, profile: str) -> dict:
    from quotes.cluster import PLUGIN_NAME, CorenlpWorker, connect, ingest_on_cluster, servers_ready
    from quotes.nlp import CoreNLP

    paths = [str(p) for p in sorted(TRAIN.glob("*.txt"))[:limit]]
    runs: dict = {"articles": limit, "profile": profile}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        nlp = CoreNLP(threads=1, memory="2G", pipeline=profile)
        with Pipeline(nlp=nlp, profile=profile, cache_path=tmp / "serial-cache.sqlite") as pipeline:
            nlp.annotate('Warm up. "Hello," she said.', "warmup")
            started = time.perf_counter()
            serial = ingest(paths, tmp / "serial.db", pipeline=pipeline)
            runs["serial_s"] = round(time.perf_counter() - started, 2)
        nlp.stop()
        for workers in (1, 2):
            client, cluster = connect(f"local:{workers}")
            try:
                client.wait_for_workers(workers)
                plugin = CorenlpWorker(
                    profile=profile, memory="2G", cache_path=str(tmp / f"cache{workers}.sqlite"), start_server=True
                )
                client.register_plugin(plugin, name=PLUGIN_NAME)
                assert all(client.run(servers_ready).values())
                report = IngestReport()
                started = time.perf_counter()
                with Store(tmp / f"local{workers}.db") as store:
                    ingest_on_cluster(read_sources(paths), store, report, client, plugin)
                runs[f"local{workers}_s"] = round(time.perf_counter() - started, 2)
                assert report.added == serial.added and report.quotes == serial.quotes
            finally:
                client.close()
                if cluster is not None:
                    cluster.close()
    per_article = runs["serial_s"] / limit
    runs["overhead_per_article_s"] = round((runs["local1_s"] - runs["serial_s"]) / limit, 3)
    runs["overhead_share_of_annotation"] = round(runs["overhead_per_article_s"] / per_article, 4)
    runs["local2_speedup_vs_serial"] = round(runs["serial_s"] / runs["local2_s"], 2)
    return runs


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--annotate":
        out = HERE / "results" / "cluster.json"
        results = json.loads(out.read_text()) if out.exists() else {}
        results["annotated"] = annotated(int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "fast")
        out.write_text(json.dumps(results, indent=1) + "\n")
        print(json.dumps(results["annotated"], indent=1))
    else:
        print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20), indent=1))
