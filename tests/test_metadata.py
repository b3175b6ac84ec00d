"""Metadata for every input: front matter on text and Markdown, a metadata CSV, WARC-Date as
the fallback date; bad metadata named with the file and the reason; no date ever guessed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from quotes.cli import main
from quotes.metadata import MetadataError, parse_date, read_metadata_csv, split_front_matter
from quotes.sources import SourceError, read_sources

BODY = 'Bridge to reopen\n\nMayor Jane Roe said: "We will rebuild the bridge by spring."'


def read(*paths, metadata=None):
    return list(read_sources([str(p) for p in paths], metadata=metadata))


def test_front_matter_fields_and_exact_offsets(tmp_path):
    path = tmp_path / "bridge.txt"
    path.write_text(
        '---\ntitle: "Bridge: to reopen"\noutlet: Daily Planet\ndate: 2025-03-04\n'
        'url: https://planet.example/bridge\nauthors: [Lois Lane, "Kent, Clark"]\n---\n' + BODY + "\n",
        encoding="utf-8",
    )
    [item] = read(path)
    assert not isinstance(item, SourceError), item
    assert (item.title, item.outlet, item.date, item.url) == (
        "Bridge: to reopen",
        "Daily Planet",
        "2025-03-04",
        "https://planet.example/bridge",
    )
    assert item.authors == ["Lois Lane", "Kent, Clark"]
    assert item.text == BODY, "the block is not part of the article text"
    quoted = "We will rebuild the bridge by spring."
    start = item.text.index(quoted)
    assert item.text[start : start + len(quoted)] == quoted and not item.text.startswith("---")


def test_front_matter_on_markdown_with_a_block_list_of_authors(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(
        "---\noutlet: 'Weekly Example'\nauthors:\n  - Ann Lee\n  - Bo Chan\n...\n# **Big** headline\n\nShe said \"yes\".\n"
    )
    [item] = read(path)
    assert item.outlet == "Weekly Example" and item.authors == ["Ann Lee", "Bo Chan"]
    assert item.title == "Big headline" and item.text.startswith("Big headline")
    assert item.date is None


def test_an_article_without_a_date_is_undated_whatever_its_file_name(tmp_path):
    path = tmp_path / "nyt_2016-01-19_some-story.txt"
    path.write_text("---\noutlet: nyt\n---\n" + BODY)
    plain = tmp_path / "wash-post_2016-03-04_other.txt"
    plain.write_text(BODY.replace("spring", "summer"))
    items = read(path, plain)
    assert [i.date for i in items] == [None, None]
    assert [i.outlet for i in items] == ["nyt", None]


@pytest.mark.parametrize(
    "block, reason",
    [
        ("---\ndate: March 4\n---\n", "not an ISO 8601 date"),
        ("---\npublisher: X\n---\n", "unknown key 'publisher'"),
        ("---\ntitle: A\ntitle: B\n---\n", "given twice"),
        ("---\njust words here\n---\n", "is not 'key: value'"),
        ("---\ntitle: never closed\n", "never closed"),
    ],
)
def test_bad_front_matter_names_the_file_and_the_reason_and_reading_goes_on(tmp_path, block, reason):
    bad = tmp_path / "bad.txt"
    bad.write_text(block + BODY)
    good = tmp_path / "good.txt"
    good.write_text("---\ndate: 2025-03-05\n---\n" + BODY.replace("spring", "May"))
    first, second = read(bad, good)
    assert isinstance(first, SourceError) and first.path == str(bad) and reason in first.reason
    assert str(first).count("\n") == 0
    assert not isinstance(second, SourceError) and second.date == "2025-03-05"


def test_a_rule_line_later_in_the_text_is_not_front_matter(tmp_path):
    meta, text = split_front_matter("Headline\n---\ntitle: x\n---\n")
    assert meta is None and text.startswith("Headline")


def test_dates_parse_as_iso_only():
    assert parse_date("2016-03-04").day == 4
    assert parse_date("2016-03-04T10:00:00Z").hour == 10
    assert parse_date("2016-03-04 10:00:00+02:00").hour == 10
    assert parse_date("March 4, 2016") is None and parse_date(None) is None


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_metadata_csv_by_file_name_and_by_url_overrides_the_file(tmp_path):
    (tmp_path / "one.txt").write_text("---\noutlet: Wrong Outlet\n---\n" + BODY)
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"maintext": 'Jo said "We are ready for the storm."', "url": "https://x.example/2"}) + "\n"
    )
    table, problems = read_metadata_csv(
        str(
            _csv(
                tmp_path / "meta.csv",
                [
                    "file,url,outlet,date,title,authors,section",
                    "one.txt,,Daily Planet,2025-03-04,Bridge,Lois Lane; Clark Kent,city",
                    ",https://x.example/2,X News,2025-03-06T08:00:00Z,,,world",
                    "nothing.txt,,Nobody,2025-01-01,,,",
                ],
            )
        )
    )
    assert problems == []
    one, feed = read(tmp_path / "one.txt", tmp_path / "feed.jsonl", metadata=table)
    assert (one.outlet, one.date, one.title, one.authors) == ("Daily Planet", "2025-03-04", "Bridge", ["Lois Lane", "Clark Kent"])
    assert (feed.outlet, feed.date) == ("X News", "2025-03-06T08:00:00Z")
    assert table.unused() == 1


def test_bad_csv_rows_are_named_by_line_and_the_rest_is_used(tmp_path):
    table, problems = read_metadata_csv(
        str(
            _csv(
                tmp_path / "meta.csv",
                [
                    "file,outlet,date",
                    "a.txt,A,2025-13-45",
                    ",B,2025-01-02",
                    "c.txt,C,2025-01-03",
                ],
            )
        )
    )
    assert len(problems) == 2
    assert problems[0].startswith(f"{tmp_path / 'meta.csv'}:2: ") and "not an ISO 8601 date" in problems[0]
    assert problems[1].startswith(f"{tmp_path / 'meta.csv'}:3: ") and "no file name or URL" in problems[1]
    assert table.lookup("somewhere/c.txt").outlet == "C"
    with pytest.raises(MetadataError, match="no 'file' or 'url' column"):
        read_metadata_csv(str(_csv(tmp_path / "nokey.csv", ["outlet,date", "A,2025-01-01"])))


def test_ingest_reports_a_bad_metadata_file_in_one_line_and_goes_on(tmp_path, capsys):
    (tmp_path / "bad.txt").write_text("---\ndate: yesterday\n---\n" + BODY)
    csv_path = _csv(tmp_path / "meta.csv", ["file,date", "bad.txt,2025-02-30"])
    code = main(["ingest", str(tmp_path / "bad.txt"), "--metadata", str(csv_path), "--db", str(tmp_path / "x.db")])
    err = capsys.readouterr().err
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("✗")]
    assert any(f"{csv_path}:2:" in line and "2025-02-30" in line for line in lines)
    assert any(str(tmp_path / "bad.txt") in line and "bad front matter" in line for line in lines)
    assert "0 added" in err
    code = main(
        ["ingest", str(tmp_path / "bad.txt"), "--metadata", str(tmp_path / "missing.csv"), "--db", str(tmp_path / "x.db")]
    )
    assert code == 1 and "missing.csv" in capsys.readouterr().err


UNDATED_PAGE = """<!DOCTYPE html><html><head><title>Bridge to reopen</title></head><body><article><h1>Bridge to reopen</h1>
<p>Mayor Jane Roe said on Tuesday: "We will rebuild the bridge by spring, whatever it costs the city."</p>
<p>Critics were not convinced by the plan at all, and said so at length during the council meeting that evening.</p>
</article></body></html>"""


def test_warc_date_is_the_fallback_date(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from tests.test_sources import PAGE

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, body in (("https://planet.example/undated", UNDATED_PAGE), ("https://planet.example/dated", PAGE)):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body.encode()),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2025-04-01T12:00:00Z"},
        )
        writer.write_record(record)
    (tmp_path / "crawl.warc.gz").write_bytes(buffer.getvalue())
    undated, dated = read(tmp_path / "crawl.warc.gz")
    assert undated.date == "2025-04-01T12:00:00Z"
    assert dated.date.startswith("2025-03-04"), "the page's own date wins over the crawl date"
