"""The ingest loop: read sources, attribute the articles not yet in the index, store them.

    report = ingest(["seeds"], "quotes.db", workers=2, progress=callback)

Bad inputs and failed articles are collected in the report (``path: reason``), never
raised; the job goes on. CoreNLP starts only if an article needs annotating. ``progress``
is called with an ``IngestProgress`` once before the first article is annotated and after
each one (the command line draws its progress bar from it).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from itertools import chain, islice
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from pydantic import Field

from quotes.models import Article, Model

if TYPE_CHECKING:
    from quotes.pipeline import Pipeline
    from quotes.sources import SourceError
    from quotes.store import Store


@dataclass(frozen=True)
class IngestProgress:
    done: int  # articles annotated and stored (or failed) so far
    total: int  # articles to annotate in this run (not already in the index); with a cluster, those sent so far
    source: str | None  # the article just finished (None before the first)
    elapsed: float  # seconds since the ingest started

    @property
    def rate(self) -> float:
        """Articles per second so far."""
        return self.done / self.elapsed if self.elapsed > 0 else 0.0


class IngestReport(Model):
    added: int = 0  # articles stored by this run
    versions: int = 0  # of which new versions of an article already stored (same URL, changed text)
    present: int = 0  # already in the index (same text)
    failed: int = 0
    quotes: int = 0  # quotes stored by this run
    failures: list[str] = Field(default_factory=list)  # "path: reason", one per bad input or failed article
    not_articles: list[str] = Field(default_factory=list)  # "path: not a news article: reason", not stored
    metadata_unused: int = 0  # rows of the metadata CSV that matched no input
    index: dict[str, int] = Field(default_factory=dict)  # the index's counts afterwards
    seconds: float = 0.0


ProgressCallback = Callable[[IngestProgress], None]


def ingest(
    paths: Iterable[str | Path],
    index: "str | Path | Store",
    workers: int = 1,
    progress: ProgressCallback | None = None,
    pipeline: "Pipeline | None" = None,
    metadata: "str | Path | None" = None,
    profile: str | None = None,
    cluster: str | None = None,
    in_flight: int | None = None,
    keep_non_articles: bool = False,
) -> IngestReport:
    """Read ``paths`` (files, folders, globs), attribute every article not yet in
    ``index`` (a path, created if missing, or an open Store) and store it.

    ``pipeline``: an open Pipeline to use (kept open); by default one is started for this
    call only if an article needs it, with ``workers`` articles annotated at once.
    ``metadata``: a metadata CSV (quotes.metadata) whose rows fill in or override each
    article's title, outlet, date, url and authors; its bad rows are reported, the rest used.
    ``profile``: which CoreNLP annotators run (quotes.nlp.profiles; default the default).
    ``cluster``: ``local:N`` or a Dask scheduler address: the articles are annotated and
    attributed on its workers (quotes.cluster), read lazily and at most ``in_flight`` at a
    time on the cluster; the index is the same as a serial ingest's.
    ``keep_non_articles``: store web pages that hold no news article (a placeholder page, a
    section front) as articles; by default each is reported in ``not_articles`` with why."""
    from quotes.sources import read_sources
    from quotes.store import Store

    started = time.monotonic()
    report = IngestReport()
    store = index if isinstance(index, Store) else Store(index)  # first: a bad index fails before any file is read
    try:
        store.require_writable()  # a read-only index: said now, not after CoreNLP has annotated everything
        table = None
        if metadata:
            from quotes.metadata import MetadataError, read_metadata_csv

            try:
                table, problems = read_metadata_csv(str(metadata))
                report.failures += problems
            except (MetadataError, OSError) as error:
                report.failures.append(f"{metadata}: {getattr(error, 'strerror', None) or error}")
        if cluster:
            from quotes.cluster import cluster_ingest

            items = read_sources([str(p) for p in paths], metadata=table, keep_non_articles=keep_non_articles)
            cluster_ingest(
                items, store, report, cluster, profile=profile, progress=progress, started=started, in_flight=in_flight
            )
        else:
            fresh = new_articles(
                read_sources([str(p) for p in paths], metadata=table, keep_non_articles=keep_non_articles), store, report
            )
            # A corpus of up to PREVIEW new articles is read whole first, so that progress
            # knows the total; a bigger one streams (the total grows as it is read).
            head = list(islice(fresh, PREVIEW))
            if head:
                counted = _Counted(chain(head, fresh), len(head), known=len(head) < PREVIEW)
                _attribute_and_store(counted, store, report, workers, progress, pipeline, started, profile)
        report.failed = len(report.failures)
        report.metadata_unused = table.unused() if table is not None else 0
        report.index = store.stats()
    finally:
        if store is not index:
            store.close()
    report.seconds = time.monotonic() - started
    return report


# New articles read before the first is annotated (memory: their texts), see ingest().
PREVIEW = 2_000


def new_articles(items: Iterable["Article | SourceError"], store: "Store", report: IngestReport) -> Iterator[Article]:
    """The articles of ``items`` not in the index and not seen before in this run, lazily;
    bad inputs and skipped articles are counted in ``report``. Memory: one 32-byte digest per
    new article, never its text."""
    from quotes.sources import NotAnArticle, SourceError

    seen: set[bytes] = set()
    for item in items:
        if isinstance(item, NotAnArticle):
            report.not_articles.append(str(item))
            continue
        if isinstance(item, SourceError):
            report.failures.append(str(item))
            continue
        key = bytes.fromhex(item.id)
        if key in seen or store.has_article(item.id):
            report.present += 1
            continue
        seen.add(key)
        yield item


class _Counted:
    """An iterator of articles that knows how many it has handed out (the progress total
    while a big corpus streams) or, for a corpus read whole, how many there are."""

    def __init__(self, articles: Iterator[Article], total: int, known: bool):
        self._articles = articles
        self._handed = 0
        self._total = total
        self._known = known

    def __iter__(self) -> "_Counted":
        return self

    def __next__(self) -> Article:
        article = next(self._articles)
        self._handed += 1
        return article

    @property
    def total(self) -> int:
        return self._total if self._known else max(self._total, self._handed)


def _attribute_and_store(
    fresh: _Counted,
    store: "Store",
    report: IngestReport,
    workers: int,
    progress: ProgressCallback | None,
    pipeline: "Pipeline | None",
    started: float,
    profile: str | None = None,
) -> None:
    from quotes.pipeline import Pipeline

    own = pipeline is None
    active = Pipeline(workers=workers, profile=profile) if pipeline is None else pipeline
    try:
        if progress:
            progress(IngestProgress(0, fresh.total, None, time.monotonic() - started))
        for done, result in enumerate(active.attribute_many(fresh), start=1):
            source = store_result(store, report, result)
            if progress:
                progress(IngestProgress(done, fresh.total, source, time.monotonic() - started))
    finally:
        if own:
            active.close()


def store_result(store: "Store", report: IngestReport, result) -> str:
    """Stores one attributed article (one transaction) or records its failure; its source."""
    from quotes.models import AttributedArticle

    if not isinstance(result, AttributedArticle):  # PipelineError, or the cluster's Failed
        report.failures.append(str(result))
        return result.source
    outcome = store.ingest(result)
    if outcome.status == "added":
        report.added += 1
        report.versions += outcome.previous_id is not None
        report.quotes += outcome.quotes
    else:
        report.present += 1
    return outcome.source


def seeds_folder() -> Path:
    """The five bundled sample articles, shipped inside the package (``quotes/seeds``), so
    they are found in an installed copy as well as in a source checkout."""
    from importlib.resources import files

    return Path(str(files("quotes") / "seeds"))
