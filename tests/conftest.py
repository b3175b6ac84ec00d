"""Shared fixtures. The NLP fixtures start ONE real CoreNLP server for the whole test run;
no test of attribution runs on a fake NLP layer: the construction tests read CoreNLP's
recorded answers for their sentences (tests/fixtures/corenlp/constructions), regenerated
from the real server with ``QUOTES_RECORD=1 python -m pytest -m constructions``.

Every test that needs the server (through the ``corenlp`` fixture, directly or not) is
marked ``corenlp``, so ``pytest -m "not corenlp"`` runs the rest without Java."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD_SEEDS = Path(__file__).resolve().parent / "gold_seeds.json"
RECORDED_CONSTRUCTIONS = Path(__file__).resolve().parent / "fixtures" / "corenlp" / "constructions"
RECORDING = bool(os.environ.get("QUOTES_RECORD"))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "corenlp" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.corenlp)


@pytest.fixture(scope="session")
def attribute_text(request):
    """Attributes a made-up text from CoreNLP's recorded answers for it, without Java; with
    QUOTES_RECORD=1 it asks the real server and records the answers first."""
    from quotes.attribution import attribute_quotes
    from quotes.models import Article, AttributedArticle
    from quotes.nlp.convert import document_from_chunks
    from quotes.nlp.recorded import load, record_text, text_stem
    from quotes.nlp.server import PIPELINE_VERSION
    from quotes.occasions import with_settings
    from quotes.quotefinder import find_quotes
    from quotes.reported import find_reported

    server = request.getfixturevalue("corenlp") if RECORDING else None

    def attribute(text: str, profile: str | None = None, date: str | None = None) -> AttributedArticle:
        """``profile``: attribute what that pipeline profile computes (quotes.nlp.profiles),
        e.g. "fast" for the pipeline without coreference; ``date``: the article's date."""
        article = Article.from_text(text, source="construction.txt", date=date)
        stem = text_stem(article.text)
        if server is not None:
            document = document_from_chunks(
                article.text, record_text(server, article.text, RECORDED_CONSTRUCTIONS, stem), PIPELINE_VERSION
            )
        elif (RECORDED_CONSTRUCTIONS / f"{stem}.pb.gz").exists():
            document = load(article.text, RECORDED_CONSTRUCTIONS, stem)
        else:
            pytest.fail(f"no recorded CoreNLP answer for {text[:60]!r}: QUOTES_RECORD=1 python -m pytest -m constructions")
        if profile is not None:
            from quotes.nlp.profiles import PROFILES

            document = PROFILES[profile].derive(document)
        spans = find_quotes(document.text)
        quotes, speakers = attribute_quotes(document, spans)
        quotes = with_settings(document, quotes, article.date)
        statements = find_reported(document, spans, quotes)
        return AttributedArticle(article=article, quotes=quotes, speakers=speakers, statements=statements)

    return attribute


@pytest.fixture(scope="session")
def corenlp():
    """The real CoreNLP server, started once per test run and stopped at the end."""
    from quotes.nlp import CoreNLP

    logging.getLogger("quotes.nlp.server").setLevel(logging.INFO)
    server = CoreNLP(threads=2)
    server.start()
    print(f"\n[corenlp] server started once for this run (log: {server.log_path})")
    yield server
    server.stop()
    fresh = server.starts - server.restarts  # the restart test kills Java once on purpose
    assert fresh == 1, f"CoreNLP was started {fresh} times in one test run"


@pytest.fixture(scope="session")
def pipeline(corenlp, tmp_path_factory):
    """Our pipeline over the session's server, with a fresh annotation cache so that the
    first annotation of every text really goes through Java."""
    from quotes.pipeline import Pipeline

    cache = tmp_path_factory.mktemp("annotation-cache") / "annotations.sqlite"
    with Pipeline(nlp=corenlp, cache_path=cache) as p:
        yield p


@pytest.fixture(scope="session")
def seed_articles():
    from quotes.models import Article

    return {
        path.name: Article.from_text(path.read_text(encoding="utf-8"), source=str(path.relative_to(ROOT)))
        for path in sorted(SEEDS.glob("*.txt"))
    }


@pytest.fixture(scope="session")
def seed_results(pipeline, seed_articles):
    """Every seed article annotated by the real server and attributed."""
    return {name: pipeline.attribute(article) for name, article in seed_articles.items()}


@pytest.fixture(scope="session")
def gold_seeds():
    return json.loads(GOLD_SEEDS.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_db(pipeline, tmp_path_factory):
    """An index built from the five seeds as `quotes run` reads them (sources -> real
    pipeline -> store)."""
    from quotes.sources import read_sources
    from quotes.store import Store

    import os

    path = tmp_path_factory.mktemp("seed-index") / "seeds.db"
    here = os.getcwd()
    os.chdir(ROOT)  # sources are recorded as "seeds/...", as `quotes run` in the project records them
    try:
        articles = list(read_sources(["seeds"]))
    finally:
        os.chdir(here)
    with Store(path) as store:
        for article in articles:
            store.ingest(pipeline.attribute(article))
    return path
