"""End to end on real news: a corpus built at test time from the PolNeAR train split (read
from ../shared/eval at run time, never copied), each article given front matter written
here from its file name (<outlet>_<yyyy-mm-dd>_<slug>: the test may read it, the product
never does), ingested through the real pipeline in reverse date order. Trump's "failed
candidate" of March 2016 is printed by the Washington Post on 4 March and by the Western
Journal on 5 May: the first appearance, the date order and the mutation tree are asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes import drift
from quotes.grouping import words
from quotes.sources import SourceError, read_sources
from quotes.store import Store

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "eval" / "polnear-train" / "text"
DATED = ["west-journal_2016-05-05_romney-will-not-be-present-for-t", "wash-post_2016-03-04_blistering-attacks-upend-trump-s"]
UNDATED = "huff-post_2016-05-31_how-paul-ryan-thinks-about-donal"  # written without front matter

pytestmark = [pytest.mark.corenlp, pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR train split not found")]


def front_matter(doc_id: str) -> str:
    outlet, day, _ = doc_id.split("_", 2)
    return f"---\noutlet: {outlet}\ndate: {day}\n---\n"


@pytest.fixture(scope="module")
def corpus_db(pipeline, tmp_path_factory):
    folder = tmp_path_factory.mktemp("polnear-corpus")
    for doc_id in DATED:
        (folder / f"{doc_id}.txt").write_text(
            front_matter(doc_id) + (POLNEAR / f"{doc_id}.txt").read_text(encoding="utf-8"), encoding="utf-8"
        )
    (folder / f"{UNDATED}.txt").write_text((POLNEAR / f"{UNDATED}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    articles = list(read_sources([str(folder / f"{d}.txt") for d in [*DATED, UNDATED]]))  # later one first
    assert not any(isinstance(a, SourceError) for a in articles), articles
    path = folder / "corpus.db"
    with Store(path) as store:
        for article in articles:
            store.ingest(pipeline.attribute(article))
    return path


def failed_candidate(store: Store) -> drift.Drift:
    hits = {h.group_id for h in store.search("failed candidate") if h.kind == "quote" and h.group_id}
    found = [d for d in (drift.for_group(store, g) for g in hits) if len({a.outlet for a in d.appearances}) > 1]
    assert len(found) == 1, [[a.text for a in d.appearances] for d in (drift.for_group(store, g) for g in hits)]
    return found[0]


def test_metadata_from_front_matter_and_undated_without_it(corpus_db):
    with Store(corpus_db) as store:
        articles = {Path(a.source).stem: a for a in (store.article(r[0]) for r in store.conn.execute("SELECT id FROM articles"))}
        assert (articles[DATED[1]].outlet, articles[DATED[1]].date) == ("wash-post", "2016-03-04")
        assert (articles[UNDATED].outlet, articles[UNDATED].date) == (None, None), "never read from the file name"
        assert not articles[DATED[0]].text.startswith("---")
        for q in store.quotes(limit=10_000):
            text = articles[Path(q.source).stem].text if Path(q.source).stem in articles else store.article(q.article_id).text
            assert text[q.start : q.end] == q.text, "offsets exact in the stored text"


def test_first_appearance_order_and_tree_of_the_failed_candidate_quote(corpus_db):
    with Store(corpus_db) as store:
        d = failed_candidate(store)
    assert d.speaker == "Donald Trump"
    assert [a.outlet for a in d.appearances][0] == "wash-post" and d.appearances[-1].outlet == "west-journal"
    assert [a.day for a in d.appearances] == sorted(a.day for a in d.appearances), "date order, not ingest order"
    assert d.first.outlet == "wash-post" and d.first.day == "2016-03-04"
    assert d.first.text in ("failed candidate.", "Well look, he was a failed candidate,")
    west = next(c for c in d.outlets if c.outlet == "west-journal")
    assert west.changed and west.date == "2016-05-05"
    parent = d.wording(west.copied)
    assert parent.first_outlet == "wash-post", "the Western Journal's wording derives from the Post's"
    assert west.edits == min(
        drift.word_edits(words(w.text), words("a failed candidate")) for w in d.wordings if w.first_outlet == "wash-post"
    ), "the closest of the Post's wordings"
