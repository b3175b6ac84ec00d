"""Inputs (issue 13): a truncated WARC stores only its complete records, an article seen
again under its URL with changed text is a new version linked to the old one, special
files are skipped with a reason, a broken JSON line's reason is whole."""

from __future__ import annotations

import os
import signal
import sqlite3

import pytest

from quotes.models import AttributedArticle
from quotes.sources import SourceError, read_sources
from quotes.store import Store
from tests.factories import article
from tests.test_sources import PAGE, _warc

LONG_PAGE = PAGE.replace('<link rel="canonical" href="https://planet.example/bridge">', "").replace(
    "</article>",
    "<p>"
    + " ".join(f"More words, number {i}, in the text." for i in range(300))
    + ' The mayor ended: "We finish what we start, every single time, on this bridge."</p></article>',
)


def pages(n: int):
    return [(f"https://planet.example/{i}", LONG_PAGE.replace("Jane", f"Jane{i}"), "text/html") for i in range(n)]


def cut_warc(path, n: int, fraction: float) -> None:
    """A WARC of ``n`` long pages cut ``fraction`` of the way into its last record."""
    _warc(path, pages(n))
    data = path.read_bytes()
    _warc(path.with_suffix(".first"), pages(n - 1))
    last = path.with_suffix(".first").stat().st_size  # where the last record starts (ids differ, sizes do not)
    path.write_bytes(data[: last + int((len(data) - last) * fraction)])


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.95, 0.99])
def test_a_truncated_warc_yields_only_complete_records(tmp_path, fraction):
    path = tmp_path / "cut.warc.gz"
    cut_warc(path, 3, fraction)
    items = list(read_sources([str(path)]))
    articles = [i for i in items if not isinstance(i, SourceError)]
    assert [a.url for a in articles] == ["https://planet.example/0", "https://planet.example/1"]
    errors = [str(i) for i in items if isinstance(i, SourceError)]
    assert any("https://planet.example/2" in e and "cut off" in e for e in errors), errors
    assert any("after 2 complete" in e for e in errors), errors


def test_a_truncated_uncompressed_warc_too(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    import io

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for url, body, ctype in pages(2):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    path = tmp_path / "cut.warc"
    path.write_bytes(buffer.getvalue()[:-400])
    items = list(read_sources([str(path)]))
    assert [i.url for i in items if not isinstance(i, SourceError)] == ["https://planet.example/0"]
    assert any("cut off" in str(i) for i in items if isinstance(i, SourceError))


def bare(a) -> AttributedArticle:
    return AttributedArticle(article=a, quotes=[], speakers=[])


def test_truncated_then_whole_warc_leaves_one_article_per_url(tmp_path):
    cut, whole = tmp_path / "cut.warc.gz", tmp_path / "whole.warc.gz"
    cut_warc(cut, 3, 0.95)
    _warc(whole, pages(3))
    with Store(tmp_path / "i.db") as store:
        for path in (cut, whole):
            for item in read_sources([str(path)]):
                if not isinstance(item, SourceError):
                    store.ingest(bare(item))
        urls = [r[0] for r in store.conn.execute("SELECT url FROM articles ORDER BY seq")]
    assert sorted(urls) == [f"https://planet.example/{i}" for i in range(3)]


def versioned(text: str, quote: str, url: str = "https://news.example/story"):
    a = article(text, [(quote, "Jane Roe")], [("Jane Roe", "person", ["mayor"])], source=url, outlet="News Example")
    return a.model_copy(update={"article": a.article.model_copy(update={"url": url})})


def test_same_url_with_changed_text_is_a_new_version_linked_to_the_old(tmp_path):
    first = versioned('Jane Roe said "We will rebuild the bridge by spring."', "We will rebuild the bridge by spring.")
    second = versioned(
        'Jane Roe said "We will rebuild the bridge by summer." (Corrected.)', "We will rebuild the bridge by summer."
    )
    with Store(tmp_path / "v.db") as store:
        assert store.ingest(first).previous_id is None
        outcome = store.ingest(second)
        assert outcome.status == "added" and outcome.previous_id == first.article.id
        assert store.ingest(second).status == "present"
        versions = store.versions(second.article.id)
        assert [v.id for v in versions] == [first.article.id, second.article.id]
        assert versions[1].previous_id == first.article.id and versions[0].previous_id is None
        texts = {q.text for q in store.quotes()}
        assert texts == {"We will rebuild the bridge by spring.", "We will rebuild the bridge by summer."}, "both kept"
        groups = store.groups()
        assert len(groups) == 1 and groups[0].wordings == 2, "the two wordings are one quote"
        other = versioned(
            'Jane Roe said "Another story entirely, told here."',
            "Another story entirely, told here.",
            url="https://news.example/other",
        )
        assert store.ingest(other).previous_id is None


def test_versions_migration_links_articles_already_stored(tmp_path):
    """An index made before versions existed: its same-URL articles get linked in ingest
    order when it is opened, and nothing in it is lost."""
    path = tmp_path / "old.db"
    first = versioned('Jane Roe said "One."', "One.")
    second = versioned('Jane Roe said "Two."', "Two.")
    with Store(path) as store:
        store.ingest(first)
        store.ingest(second)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET previous_id = NULL")
    conn.execute("DROP INDEX articles_previous")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_article_versions'")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert [v.previous_id for v in store.versions(first.article.id)] == [None, first.article.id]
        assert store.stats()["quotes"] == 2


def test_a_fifo_is_skipped_with_a_reason(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "a.txt").write_text('Jane Roe said "We will rebuild the bridge."')
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("reading a FIFO hung"))
    signal.alarm(10)
    try:
        items = list(read_sources([str(folder), str(folder / "pipe.txt")]))
    finally:
        signal.alarm(0)
    errors = [str(i) for i in items if isinstance(i, SourceError)]
    assert errors == [f"{folder / 'pipe.txt'}: a named pipe (FIFO), not a regular file: skipped"] * 2
    assert sum(not isinstance(i, SourceError) for i in items) == 1


def test_a_broken_json_line_reason_is_whole(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_text('{"maintext": "Jane Roe said \\"We will rebuild\n')
    [error] = list(read_sources([str(path)]))
    assert str(error) == f"{path}:1: broken JSON line: Unterminated string starting at: column 14"
    path = tmp_path / "cut.json"
    path.write_text('[{"maintext": "x"},\n {"maintext": ')
    [error] = list(read_sources([str(path)]))
    assert str(error).endswith("broken JSON: Expecting value: line 2 column 15")
