"""Ingest spread over a Dask distributed cluster.

    quotes ingest crawl/ --cluster local:4              # a LocalCluster of 4 worker processes
    quotes ingest crawl/ --cluster tcp://host:8786      # a running scheduler (dask scheduler / dask worker)

Each worker holds one Pipeline (one CoreNLP server, started once, on the first article that
needs annotating, and stopped when the worker stops): the ``CorenlpWorker`` plugin. Workers
annotate and attribute an article and send back the ``AttributedArticle`` (the article and
its attributed quotes, a few kB), never the annotation. The client reads the inputs lazily,
skips articles already in the index (or seen earlier in this run) before sending anything,
keeps at most ``in_flight`` articles on the cluster, and stores results in input order, one
transaction per article, as each one's turn comes: the index is the one a serial ingest of
the same inputs builds, whatever order the workers finish in. A worker that dies mid-article
loses its task to the scheduler, which runs it on another worker; the client still holds one
future per article, so the article is written once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from distributed import Client, Future, LocalCluster, WorkerPlugin, get_worker

from quotes.models import Article, AttributedArticle

if TYPE_CHECKING:
    from quotes.ingestion import IngestReport, ProgressCallback
    from quotes.pipeline import Pipeline
    from quotes.sources import SourceError
    from quotes.store import Store

log = logging.getLogger(__name__)

PLUGIN_NAME = "quotes-corenlp"


@dataclass(frozen=True)
class Failed:
    """An article a worker could not process (pickles, unlike PipelineError)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class CorenlpWorker(WorkerPlugin):
    """One Pipeline per worker, whose CoreNLP server is started once and stopped when the
    worker closes. By default the server starts on the first article that needs it (none,
    when every article's annotation is cached); ``start_server=True`` starts it when the
    worker joins, in a thread, so that Java loads its models while the worker answers the
    scheduler."""

    def __init__(
        self,
        profile: str | None = None,
        threads: int = 1,
        memory: str = "3G",
        cache_path: str | None = None,
        start_server: bool = False,
    ):
        self.profile = profile
        self.threads = threads
        self.memory = memory
        self.cache_path = cache_path
        self.start_server = start_server
        self.pipeline: Pipeline | None = None
        self._starting: threading.Thread | None = None

    def settings(self) -> dict:
        return {"profile": self.profile, "threads": self.threads, "memory": self.memory, "cache_path": self.cache_path}

    def setup(self, worker) -> None:
        from quotes.nlp import CoreNLP
        from quotes.pipeline import Pipeline
        from quotes.nlp.profiles import profile

        chosen = profile(self.profile)
        nlp = CoreNLP(threads=self.threads, memory=self.memory, pipeline=chosen)
        self.pipeline = Pipeline(nlp=nlp, profile=chosen, cache_path=self.cache_path)
        if self.start_server:
            self._starting = threading.Thread(target=self._start, name="corenlp-start", daemon=True)
            self._starting.start()

    def _start(self) -> None:
        assert self.pipeline is not None
        try:
            self.pipeline.nlp.start()
        except Exception:  # said again, with the article's name, by the first annotation
            log.exception("CoreNLP did not start on this worker")

    def ready(self) -> bool:
        """Waits for the server started at set-up; whether it is up."""
        if self._starting is not None:
            self._starting.join()
        return self.pipeline is not None and self.pipeline.nlp._client is not None

    def teardown(self, worker) -> None:
        if self.pipeline is not None:
            self.pipeline.nlp.stop()
            self.pipeline.close()
            self.pipeline = None


def _plugin() -> CorenlpWorker:
    return get_worker().plugins[PLUGIN_NAME]  # type: ignore[return-value]


def attribute_on_worker(article: Article) -> AttributedArticle | Failed:
    """The task: annotate and attribute one article with this worker's pipeline."""
    from quotes.pipeline import PipelineError

    pipeline = _plugin().pipeline
    assert pipeline is not None, "the quotes-corenlp plugin is registered before any task"
    try:
        return pipeline.attribute(article)
    except PipelineError as error:
        return Failed(error.source, error.reason)


def servers_ready(dask_worker) -> bool:
    """Run on every worker (``client.run(servers_ready)``): waits for its CoreNLP server."""
    return dask_worker.plugins[PLUGIN_NAME].ready()


CONNECT_TIMEOUT = "10s"


def connect(spec: str, memory: str = "3G") -> tuple[Client, LocalCluster | None]:
    """A client for ``local:N`` (a new LocalCluster of N single-threaded worker processes)
    or a scheduler address (``tcp://host:8786``)."""
    if spec.startswith("local:"):
        try:
            workers = int(spec.removeprefix("local:"))
        except ValueError:
            raise ValueError(f"--cluster {spec}: local:N needs a number of workers") from None
        if workers < 1:
            raise ValueError(f"--cluster {spec}: local:N needs at least one worker")
        # the worker's own memory limit would pause it for Java's memory, which is not its own
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit=0, dashboard_address=None)
        return Client(cluster), cluster
    if "://" not in spec:
        raise ValueError(f"--cluster {spec}: expected local:N or a scheduler address such as tcp://host:8786")
    # a mistyped or stopped scheduler is said in seconds, not after distributed's 30 s
    return Client(spec, timeout=CONNECT_TIMEOUT), None


def ingest_on_cluster(
    items: Iterable["Article | SourceError"],
    store: "Store",
    report: "IngestReport",
    client: Client,
    plugin: CorenlpWorker,
    in_flight: int | None = None,
    progress: "ProgressCallback | None" = None,
    started: float | None = None,
) -> None:
    """Send every new article of ``items`` to the cluster and store the results, in input
    order, at most ``in_flight`` articles (default 4 per worker) on the cluster at once."""
    from quotes.ingestion import IngestProgress, new_articles, store_result

    started = time.monotonic() if started is None else started
    running = client.run(_same_plugin, settings=plugin.settings())
    if not running or not all(running.values()):  # (re)registering restarts every worker's server
        client.register_plugin(plugin, name=PLUGIN_NAME)
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    bound = in_flight or 4 * workers
    window: deque[tuple[str, Future]] = deque()
    submitted = done = 0

    def finish_oldest() -> None:
        nonlocal done
        source, future = window.popleft()
        try:
            result: AttributedArticle | Failed = future.result()
        except Exception as error:  # e.g. KilledWorker: the article took down every worker it was given to
            result = Failed(source, f"failed on the cluster: {type(error).__name__}: {error}")
        future.release()
        stored = store_result(store, report, result)
        done += 1
        if progress:
            progress(IngestProgress(done, submitted, stored, time.monotonic() - started))

    for item in new_articles(items, store, report):
        # pure=False: the same article sent again (a later run) is a new task, never a stale result
        window.append((item.source, client.submit(attribute_on_worker, item, key=f"attribute-{item.id}", pure=False)))
        submitted += 1
        if submitted == 1 and progress:
            progress(IngestProgress(0, submitted, None, time.monotonic() - started))
        while len(window) >= bound:
            finish_oldest()
    while window:
        finish_oldest()


def _same_plugin(dask_worker, settings: dict) -> bool:
    """Whether this worker already runs the plugin with these settings (its server is kept)."""
    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return isinstance(plugin, CorenlpWorker) and plugin.settings() == settings


def cluster_ingest(
    items: Iterable["Article | SourceError"],
    store: "Store",
    report: "IngestReport",
    spec: str,
    profile: str | None = None,
    progress: "ProgressCallback | None" = None,
    started: float | None = None,
    cache_path: str | Path | None = None,
    memory: str = "3G",
    in_flight: int | None = None,
) -> None:
    """``ingest_on_cluster`` on a cluster named by ``spec``. A local cluster (and its servers)
    is closed after; a running cluster keeps its workers' servers for the next run."""
    client, cluster = connect(spec, memory=memory)
    try:
        plugin = CorenlpWorker(profile=profile, memory=memory, cache_path=str(cache_path) if cache_path else None)
        ingest_on_cluster(items, store, report, client, plugin, in_flight=in_flight, progress=progress, started=started)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
