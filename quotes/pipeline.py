"""The named stages an article passes through, in order:

    annotate (CoreNLP, cached) -> find quotes -> attribute speakers -> find reported speech
    -> AttributedArticle

Cross-article speaker resolution and variant grouping happen when the store ingests the
result (they need what is already stored).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator

from quotes.attribution import attribute_quotes
from quotes.occasions import with_settings
from quotes.models import Article, ArticleSpeaker, AttributedArticle, Document, ReportedStatement
from quotes.nlp import AnnotationCache, AnnotationError, CoreNLP
from quotes.nlp.profiles import Profile, superset_profiles
from quotes.nlp.profiles import profile as named_profile
from quotes.quotefinder import find_quotes
from quotes.reported import find_reported

log = logging.getLogger(__name__)


# A news article is a few thousand words; a text 40 times the longest feature story is
# not an article (a book, a log, a concatenated dump) and would tie CoreNLP up for an hour.
MAX_ARTICLE_CHARS = 1_000_000


class PipelineError(RuntimeError):
    """One article could not be processed; the message names its source and the reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class Pipeline:
    """Annotates, finds quotes and attributes speakers: ``annotate`` -> ``find_quotes`` ->
    ``attribute_quotes`` -> ``find_reported``. One CoreNLP server, started on first need.

    ``workers`` requests run at once against one server with that many threads (measured
    faster than N servers on 2 cores: see bench/results/workers.json). ``profile``: which
    annotators run (quotes.nlp.profiles; default the default profile). A given ``nlp``
    server may run a profile that covers it: its Documents are cut down to ``profile``'s.
    """

    def __init__(self, workers: int = 1, cache_path: str | Path | None = None, use_cache: bool = True,
                 nlp: CoreNLP | None = None, profile: str | Profile | None = None, threads: int | None = None):
        self.workers = max(1, workers)
        self.profile = named_profile(profile)
        if nlp is not None and not nlp.profile.covers(self.profile):
            raise ValueError(f"a {nlp.profile.name} server cannot serve the {self.profile.name} profile")
        self.nlp = nlp or CoreNLP(threads=threads or max(2, self.workers), pipeline=self.profile)
        self._owns_nlp = nlp is None
        self.cache = AnnotationCache(cache_path) if use_cache else None

    def __enter__(self) -> "Pipeline":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_nlp:
            self.nlp.stop()
        if self.cache is not None:
            self.cache.close()

    def annotate(self, article: Article) -> Document:
        """The CoreNLP Document for an article, from the cache when the text was seen before."""
        if len(article.text) > MAX_ARTICLE_CHARS:
            raise PipelineError(
                article.source,
                f"too long for one article ({len(article.text):,} characters; the limit is "
                f"{MAX_ARTICLE_CHARS:,}): split it into articles first",
            )
        if not article.text.strip():
            raise PipelineError(article.source, "empty: no text to annotate")
        if self.cache is not None:
            cached = self.cached(article.text)
            if cached is not None:
                return cached
        try:
            document = self.nlp.annotate(article.text, name=article.source)
        except AnnotationError as error:
            raise PipelineError(article.source, str(error).removeprefix(f"{article.source}: ")) from error
        except Exception as error:  # CoreNLP missing, java missing, ...
            raise PipelineError(article.source, f"{type(error).__name__}: {error}") from error
        if self.cache is not None:
            self.cache.put(document)
        return self.profile.derive(document) if document.pipeline_version != self.profile.version else document

    def cached(self, text: str) -> Document | None:
        """The cached Document of this profile, or one derived from a cached Document of a
        profile that covers it (a warm cache of the whole pipeline serves the cheaper ones)."""
        assert self.cache is not None
        document = self.cache.get(text, self.profile.version)
        if document is not None:
            return document
        for wider in superset_profiles(self.profile):
            document = self.cache.get(text, wider.version)
            if document is not None:
                return self.profile.derive(document)
        return None

    def attribute(self, article: Article) -> AttributedArticle:
        document = self.annotate(article)
        try:
            spans = find_quotes(document.text)
            quotes, speakers = attribute_quotes(document, spans, title=article.title)
            quotes = with_settings(document, quotes, article.date)
            statements = find_reported(document, spans, quotes, title=article.title)
        except Exception as error:  # a bug in a rule must not sink the whole ingest
            log.exception("attribution failed on %s", article.source)
            raise PipelineError(article.source, f"attribution failed: {type(error).__name__}: {error}") from error
        speakers = _with_statement_speakers(speakers, statements)
        return AttributedArticle(article=article, quotes=quotes, speakers=speakers, statements=statements)

    def attribute_many(self, articles: Iterable[Article]) -> Iterator[AttributedArticle | PipelineError]:
        """Results in input order; failures are yielded, never raised."""
        return self._many(self.attribute, articles)

    def annotate_many(self, articles: Iterable[Article]) -> Iterator[Document | PipelineError]:
        """CoreNLP Documents in input order; failures are yielded, never raised."""
        return self._many(self.annotate, articles)

    def _many(self, stage, articles: Iterable[Article]) -> Iterator:
        def one(article: Article):
            try:
                return stage(article)
            except PipelineError as error:
                return error

        if self.workers == 1:
            for article in articles:
                yield one(article)
            return
        with ThreadPoolExecutor(self.workers) as pool:
            # a bounded window keeps memory flat on a stream of millions of articles
            window: list = []
            for article in articles:
                window.append(pool.submit(one, article))
                if len(window) >= 2 * self.workers:
                    yield window.pop(0).result()
            for future in window:
                yield future.result()


def _with_statement_speakers(speakers: list[ArticleSpeaker], statements: list[ReportedStatement]) -> list[ArticleSpeaker]:
    """The article's speakers, with those who only report (never quoted) added."""
    known = {s.name for s in speakers}
    out = list(speakers)
    for statement in statements:
        if statement.speaker and statement.speaker not in known:
            known.add(statement.speaker)
            roles = [statement.role] if statement.role else []
            aliases = [statement.mention] if statement.mention else []
            out.append(ArticleSpeaker(name=statement.speaker, type=statement.speaker_type, aliases=aliases, roles=roles))
    return out
