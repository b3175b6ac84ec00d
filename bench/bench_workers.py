"""`--workers N`: one CoreNLP server with N threads, or N servers? Measured on the same
texts in the same run (server start-up excluded; cache off).

    .venv/bin/python bench/bench_workers.py [folder of .txt] [how many]   # writes bench/results/workers.json

Default texts: the PolNeAR dev articles in ../shared (read at run time), else seeds/.
"""

from __future__ import annotations

import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quotes.models import Article  # noqa: E402
from quotes.nlp import CoreNLP  # noqa: E402


def texts(folder: Path, limit: int) -> list[str]:
    return [Article.from_text(p.read_text(encoding="utf-8"), source=str(p)).text for p in sorted(folder.glob("*.txt"))[:limit]]


def run(servers: list[CoreNLP], docs: list[str], concurrent: int) -> float:
    for server in servers:
        server.annotate("Warm up. \"Hi,\" she said.", "warmup")
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrent) as pool:
        list(pool.map(lambda i_doc: servers[i_doc[0] % len(servers)].annotate(i_doc[1], f"doc{i_doc[0]}"), enumerate(docs)))
    return time.perf_counter() - started


if __name__ == "__main__":
    default = HERE.parent.parent / "shared" / "eval" / "polnear-dev" / "text"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else (default if default.exists() else HERE.parent / "seeds")
    docs = texts(folder, int(sys.argv[2]) if len(sys.argv) > 2 else 16)
    results = {"texts": len(docs), "chars": sum(map(len, docs))}
    with CoreNLP(threads=2) as one:
        results["1 server, 2 threads, 1 request at a time"] = round(run([one], docs, 1), 1)
        results["1 server, 2 threads, 2 requests at a time"] = round(run([one], docs, 2), 1)
    with CoreNLP(threads=1, memory="5G") as a, CoreNLP(threads=1, memory="5G") as b:
        results["2 servers, 1 thread each, 2 requests at a time"] = round(run([a, b], docs, 2), 1)
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "workers.json").write_text(json.dumps(results, indent=1))
    print(json.dumps(results, indent=1))
