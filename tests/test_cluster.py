"""Ingest on a Dask cluster: the same index as a serial ingest on a local cluster of two
workers, and a worker killed in the middle of an article (its article redone elsewhere,
written once, its Java gone)."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from quotes.ingestion import IngestReport, ingest
from quotes.models import Article
from quotes.nlp import AnnotationCache
from quotes.nlp.recorded import load
from quotes.pipeline import Pipeline
from quotes.sources import read_sources
from quotes.store import Store

ROOT = Path(__file__).resolve().parent.parent
RECORDED = Path(__file__).parent / "fixtures" / "corenlp"

distributed = pytest.importorskip("distributed")


def index_dump(path) -> list:
    """Every stored row but ingest times, and the quote sheet, as a reader sees them."""
    conn = sqlite3.connect(path)
    out = []
    for table in ("articles", "speakers", "speaker_aliases", "speaker_roles", "quotes", "quote_groups"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "ingested_at"]
        quoted = ", ".join(f'"{c}"' for c in columns)
        out.append((table, conn.execute(f"SELECT {quoted} FROM {table} ORDER BY 1, 2, 3").fetchall()))
    out.append(("quote_sheet", conn.execute("SELECT * FROM quote_sheet ORDER BY 1, 2, 3").fetchall()))
    conn.close()
    return out


@pytest.fixture()
def recorded_seeds(tmp_path) -> tuple[list[str], Path]:
    """The seeds whose text as read from the file is the text CoreNLP's answers were recorded
    for, and an annotation cache holding those answers (no Java needed)."""
    path = tmp_path / "annotations.sqlite"
    cache = AnnotationCache(path)
    chosen = []
    for item in read_sources([str(p.relative_to(ROOT)) for p in sorted((ROOT / "seeds").glob("*.txt"))]):
        assert isinstance(item, Article)
        stem = Path(item.source).stem
        recorded_for = Article.from_text((ROOT / item.source).read_text(encoding="utf-8"), source=stem).text
        if recorded_for == item.text:
            cache.put(load(item.text, RECORDED, stem))
            chosen.append(item.source)
    cache.close()
    assert len(chosen) >= 3
    return chosen, path


@pytest.fixture()
def local_cluster():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit=0, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def test_connect_says_what_a_cluster_value_should_look_like():
    from quotes.cluster import connect

    for bad, reason in (("local:x", "needs a number"), ("local:0", "at least one"), ("myhost", "tcp://host:8786")):
        with pytest.raises(ValueError, match=reason):
            connect(bad)


def test_two_workers_build_the_index_a_serial_ingest_builds(tmp_path, recorded_seeds, local_cluster, monkeypatch):
    from quotes.cluster import CorenlpWorker, ingest_on_cluster

    monkeypatch.chdir(ROOT)
    seeds, cache = recorded_seeds
    with Pipeline(cache_path=cache) as pipeline:
        serial = ingest(seeds, tmp_path / "serial.db", pipeline=pipeline)
        assert pipeline.nlp.starts == 0
    plugin = CorenlpWorker(cache_path=str(cache))
    report = IngestReport()
    # every seed twice: the second copy is skipped before anything is sent
    with Store(tmp_path / "cluster.db") as store:
        ingest_on_cluster(read_sources(seeds + seeds), store, report, local_cluster, plugin, in_flight=3)
    assert (report.added, report.present, report.failures) == (len(seeds), len(seeds), [])
    assert serial.added == len(seeds) and serial.quotes == report.quotes > 0
    assert index_dump(tmp_path / "cluster.db") == index_dump(tmp_path / "serial.db")
    ran = local_cluster.run(lambda dask_worker: dask_worker.plugins["quotes-corenlp"].pipeline.nlp.starts)
    assert sorted(ran.values()) == [0, 0], "every annotation came from the cache: no worker started Java"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.corenlp
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_a_worker_killed_mid_article_has_it_redone_elsewhere_and_written_once(tmp_path, local_cluster):
    from quotes.cluster import PLUGIN_NAME, CorenlpWorker, ingest_on_cluster, servers_ready

    # one long article (every seed in one text), fresh to this cache: real CoreNLP work
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    plugin = CorenlpWorker(profile="fast", memory="2G", cache_path=str(tmp_path / "cache.sqlite"), start_server=True)
    local_cluster.register_plugin(plugin, name=PLUGIN_NAME)
    assert all(local_cluster.run(servers_ready).values()), "each worker started its CoreNLP server"
    guards = local_cluster.run(lambda dask_worker: dask_worker.plugins[PLUGIN_NAME].pipeline.nlp._client.server.pid)
    report = IngestReport()
    with Store(tmp_path / "i.db") as store:
        writer = threading.Thread(
            target=ingest_on_cluster, args=(read_sources([str(tmp_path / "long.txt")]), store, report, local_cluster, plugin)
        )
        writer.start()
        deadline = time.monotonic() + 120
        busy: list[str] = []
        while not busy and time.monotonic() < deadline:
            busy = [w for w, keys in local_cluster.processing().items() if keys]
            time.sleep(0.1)
        assert busy, "the article reached a worker"
        time.sleep(1.5)  # well inside the article's annotation (several seconds)
        [victim] = busy
        [java] = [
            int(c) for task in Path(f"/proc/{guards[victim]}/task").iterdir() for c in (task / "children").read_text().split()
        ]
        worker_pid = local_cluster.run(os.getpid, workers=[victim])[victim]
        assert writer.is_alive() and local_cluster.processing()[victim], "still annotating"
        os.kill(worker_pid, signal.SIGKILL)
        writer.join(timeout=300)
        assert not writer.is_alive()
        assert (report.added, report.failures) == (1, [])
        assert store.stats()["articles"] == 1 and report.quotes > 0
        assert store.conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == report.quotes, "written once"
    [survivor] = [w for w in guards if w != victim]
    requests = local_cluster.run(lambda dask_worker: dask_worker.plugins[PLUGIN_NAME].pipeline.nlp.requests, workers=[survivor])
    assert requests[survivor] >= 1, "the other worker annotated the article again"
    deadline = time.monotonic() + 15
    while _alive(java) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(java), "the killed worker's Java went with it"


def test_the_command_line_ingests_on_a_local_cluster_and_says_what_a_bad_address_is(tmp_path, recorded_seeds):
    """`quotes ingest ... --cluster local:1` builds the index a serial `quotes ingest` builds;
    a scheduler that is not there is a one-line error naming the value, exit status 2."""
    import subprocess
    import sys

    seeds, cache = recorded_seeds
    env = {**os.environ, "QUOTES_ANNOTATION_CACHE": str(cache)}  # the workers read it too: no Java

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "quotes", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )

    serial = cli("ingest", *seeds, "--db", str(tmp_path / "serial.db"))
    clustered = cli("ingest", *seeds, "--db", str(tmp_path / "cluster.db"), "--cluster", "local:1")
    assert serial.returncode == clustered.returncode == 0, clustered.stderr
    assert f"articles: {len(seeds)} added" in clustered.stderr
    assert index_dump(tmp_path / "cluster.db") == index_dump(tmp_path / "serial.db")
    unreachable = cli("ingest", *seeds, "--db", str(tmp_path / "none.db"), "--cluster", "tcp://127.0.0.1:9")
    assert unreachable.returncode == 2
    [line] = unreachable.stderr.strip().splitlines()
    assert line.startswith("--cluster tcp://127.0.0.1:9: ")
    bad = cli("ingest", *seeds, "--db", str(tmp_path / "none.db"), "--cluster", "local:x")
    assert (bad.returncode, bad.stderr.strip()) == (2, "--cluster local:x: local:N needs a number of workers")
