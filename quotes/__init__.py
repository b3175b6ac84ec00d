"""quotes: quote attribution and speaker index for news.

The names a program needs (README, "Python API"):

    import quotes
    report = quotes.ingest(["articles/"], "quotes.db")       # read, attribute, store
    with quotes.open_index("quotes.db") as index:            # query speakers and groups
        index.speakers(filter="Trump"); index.groups(); index.group(1); index.search("wake-up")
    result = quotes.attribute_text('She said "Hello."')       # one text, no index

Everything is imported on first use, so ``import quotes`` stays light (no NLP, no Java).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "open_index",
    "ingest",
    "attribute_text",
    "seeds_folder",
    "Store",
    "Pipeline",
    "Article",
    "AttributedArticle",
    "Attribution",
    "SpeakerSummary",
    "GroupSummary",
    "GroupDetail",
    "Occurrence",
    "SearchHit",
    "IngestReport",
    "IngestProgress",
    "StoreError",
    "PipelineError",
    "SourceError",
]

_LAZY = {
    "ingest": "quotes.ingestion",
    "seeds_folder": "quotes.ingestion",
    "IngestReport": "quotes.ingestion",
    "IngestProgress": "quotes.ingestion",
    "Store": "quotes.store",
    "StoreError": "quotes.store",
    "Pipeline": "quotes.pipeline",
    "PipelineError": "quotes.pipeline",
    "SourceError": "quotes.sources",
    "Article": "quotes.models",
    "AttributedArticle": "quotes.models",
    "Attribution": "quotes.models",
    "SpeakerSummary": "quotes.models",
    "GroupSummary": "quotes.models",
    "GroupDetail": "quotes.models",
    "Occurrence": "quotes.models",
    "SearchHit": "quotes.models",
}

if TYPE_CHECKING:
    from quotes.ingestion import IngestProgress, IngestReport, ingest, seeds_folder
    from quotes.models import (
        Article,
        AttributedArticle,
        Attribution,
        GroupDetail,
        GroupSummary,
        Occurrence,
        SearchHit,
        SpeakerSummary,
    )
    from quotes.pipeline import Pipeline, PipelineError
    from quotes.sources import SourceError
    from quotes.store import Store, StoreError


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quotes' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def open_index(path: str | Path = "quotes.db", create: bool = False, read_only: bool = False) -> "Store":
    """An index file, to query (``speakers``, ``groups``, ``group``, ``quotes``,
    ``search``, ``sheet``) or correct (``merge_groups``, ``split_quote``,
    ``reassign_quote``). It must exist unless ``create``; a file that is not a quotes
    index raises StoreError and is left untouched. Use it as a context manager."""
    from quotes.store import Store

    return Store(path, create=create, read_only=read_only)


def attribute_text(
    text: str, title: str | None = None, source: str = "<text>", pipeline: "Pipeline | None" = None
) -> "AttributedArticle":
    """Every quote in one text with its speaker, without an index. Starts CoreNLP for
    this call (about 20 s) unless an open ``pipeline`` is given; raises PipelineError if
    the text cannot be processed."""
    from quotes.models import Article
    from quotes.pipeline import Pipeline

    article = Article.from_text(text, source=source, title=title)
    if pipeline is not None:
        return pipeline.attribute(article)
    with Pipeline() as own:
        return own.attribute(article)
