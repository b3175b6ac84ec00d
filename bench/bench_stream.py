"""The cluster client's memory on a big crawl: N synthetic article records (JSON Lines, a
tenth of them repeats) are read, de-duplicated against the index and this run, and queued
in a bounded window, as ``quotes ingest --cluster`` does before sending, without
annotation. Peak resident memory of the process that does it, at N/10 and N records in
the same run (flat means the same).

    .venv/bin/python bench/bench_stream.py [N, default 1000000]   # writes bench/results/stream.json
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

WINDOW = 64
WORDS = "the mayor said council budget bridge school will reopen next spring after repairs we are proud".split()

CHILD = """
import json, resource, sys, time
from collections import deque
sys.path.insert(0, sys.argv[3])
from quotes.ingestion import IngestReport, new_articles
from quotes.sources import read_sources
from quotes.store import Store
report = IngestReport()
window = deque(maxlen=int(sys.argv[4]))   # the articles in flight: the oldest leaves as one arrives
started = time.perf_counter()
queued = 0
with Store(sys.argv[2]) as store:
    for article in new_articles(read_sources([sys.argv[1]]), store, report):
        window.append(article)
        queued += 1
print(json.dumps({"queued": queued, "skipped": report.present, "failures": len(report.failures),
                  "seconds": round(time.perf_counter() - started, 1),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def write_records(path: Path, count: int) -> None:
    rng = random.Random(14)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            n = i if rng.random() > 0.1 or i == 0 else rng.randrange(i)  # a tenth repeat an earlier record
            pick = random.Random(n)
            body = " ".join(pick.choice(WORDS) for _ in range(60))
            text = f'Article {n}. "{body}," the mayor said.\n\nShe added: "We will rebuild {n}."'
            out.write(json.dumps({"url": f"https://news.example/{n}", "title": f"Story {n}", "maintext": text}) + "\n")


def measure(records: Path, tmp: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(records), str(tmp / f"{records.stem}.db"), str(ROOT), str(WINDOW)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(count: int) -> dict:
    results: dict = {"window": WINDOW, "runs": []}
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        for n in (count // 10, count):
            records = tmp / f"records-{n}.jsonl"
            started = time.perf_counter()
            write_records(records, n)
            run = {
                "records": n,
                "file_mb": round(records.stat().st_size / 2**20, 1),
                "write_s": round(time.perf_counter() - started, 1),
                **measure(records, tmp),
            }
            print(json.dumps(run), flush=True)
            results["runs"].append(run)
            records.unlink()
    small, big = results["runs"]
    results["peak_rss_ratio_10x_records"] = round(big["peak_rss_mb"] / small["peak_rss_mb"], 2)
    results["under_1_gb"] = big["peak_rss_mb"] < 1024
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "stream.json").write_text(json.dumps(results, indent=1) + "\n")
    return results


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000), indent=1))
