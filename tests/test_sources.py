"""Reading inputs: every format, and every bad input named with its reason."""

from __future__ import annotations

import io
import json
from pathlib import Path

from quotes.sources import SourceError, read_sources

ROOT = Path(__file__).resolve().parent.parent

PAGE = """<!DOCTYPE html><html><head><title>Bridge to reopen | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet"><meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2025-03-04T10:00:00Z"><link rel="canonical" href="https://planet.example/bridge">
</head><body><nav>Home | World | Sport</nav><article><h1>Bridge to reopen</h1>
<p>Mayor Jane Roe said on Tuesday: "We will rebuild the bridge by spring, whatever it costs the city."</p>
<p>Critics were not convinced by the plan at all, and said so at length during the council meeting that evening.</p>
<p>"The city cannot afford another winter like this one," said council member John Doe, who chairs the budget committee.</p>
</article><footer>© Daily Planet</footer></body></html>"""


def read(*paths):
    return list(read_sources([str(p) for p in paths]))


def test_the_seeds_read_as_five_articles_with_titles():
    items = read(ROOT / "seeds")
    assert len(items) == 5 and all(not isinstance(i, SourceError) for i in items)
    titles = [i.title for i in items]
    assert titles[0].startswith("Trump Calls DeepSeek")
    seed_001 = items[1]
    assert "**" not in seed_001.text, "markdown bold must not reach quotes or titles"
    assert "'Wake-Up Call'" in seed_001.text


def test_html_page_text_and_metadata(tmp_path):
    page = tmp_path / "bridge.html"
    page.write_text(PAGE, encoding="utf-8")
    [item] = read(page)
    assert not isinstance(item, SourceError), item
    assert "We will rebuild the bridge by spring" in item.text and "Home | World" not in item.text
    assert item.title == "Bridge to reopen" and item.outlet == "Daily Planet"
    assert item.date and item.date.startswith("2025-03-04")


def test_news_please_jsonl_with_a_broken_line(tmp_path):
    path = tmp_path / "crawl.jsonl"
    good = {"maintext": 'Jane Roe said "We will rebuild."', "title": "Bridge", "date_publish": "2025-03-04 10:00:00",
            "source_domain": "planet.example", "url": "https://planet.example/b", "authors": ["Lois Lane"]}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({**good, "url": "https://planet.example/c", "maintext": "Other text."}) + "\n")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Article", "SourceError", "Article"]
    assert items[0].outlet == "planet.example" and items[0].url == "https://planet.example/b" and items[0].authors == ["Lois Lane"]
    assert "crawl.jsonl:2" in str(items[1]) and "broken JSON" in str(items[1])


def test_trafilatura_json_list(tmp_path):
    path = tmp_path / "t.json"
    path.write_text(json.dumps([{"text": 'He said "yes".', "title": "T", "hostname": "x.example", "date": "2024-01-01", "source": "https://x.example/1"}]))
    [item] = read(path)
    assert item.outlet == "x.example" and item.url == "https://x.example/1"


def _warc(path, pages, truncate=False):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    record_starts = []
    for url, body, ctype in pages:
        record_starts.append(buffer.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    data = buffer.getvalue()
    if truncate:
        # Cut in the middle of the last record's gzip member: a cut on a member boundary
        # would be a shorter, valid WARC, and record sizes vary with their random ids.
        last = record_starts[-1]
        data = data[: last + (len(data) - last) // 2]
    path.write_bytes(data)


def test_warc_html_responses(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    _warc(path, [("https://planet.example/bridge", PAGE, "text/html; charset=utf-8"),
                 ("https://planet.example/style.css", "body{}", "text/css"),
                 ("https://planet.example/bridge2", PAGE.replace("Jane Roe", "Jim Poe"), "text/html")])
    items = read(path)
    assert [i.source for i in items] == ["https://planet.example/bridge", "https://planet.example/bridge2"]
    assert "Jim Poe" in items[1].text


def test_truncated_warc_reports_the_file_and_keeps_what_it_read(tmp_path):
    path = tmp_path / "cut.warc.gz"
    _warc(path, [(f"https://planet.example/{i}", PAGE.replace("Jane", f"Jane{i}"), "text/html") for i in range(6)], truncate=True)
    items = read(path)
    errors = [i for i in items if isinstance(i, SourceError)]
    assert errors and "cut.warc.gz" in str(errors[-1]) and ("truncated" in errors[-1].reason or "corrupt" in errors[-1].reason)
    assert sum(not isinstance(i, SourceError) for i in items) == 5, "the five whole records are kept"


def test_bad_inputs_each_get_a_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "page.html").write_text("<html><body><nav>menu</nav></body></html>")
    (tmp_path / "data.xyz").write_text("?")
    (tmp_path / "broken.json").write_text("{oops")
    results = {Path(str(i).split(":")[0]).name: i for i in read(tmp_path, tmp_path / "missing.txt")}
    assert "empty file" in results["empty.txt"].reason
    assert "binary" in results["binary.txt"].reason
    assert "no article text" in results["page.html"].reason
    assert "unsupported" in results["data.xyz"].reason
    assert "broken JSON" in results["broken.json"].reason
    assert "no such file" in results["missing.txt"].reason


def test_encodings(tmp_path):
    (tmp_path / "cp1252.txt").write_bytes(b"Roe said \x93we will\x94 \x96 caf\xe9")
    (tmp_path / "utf16.txt").write_bytes("\ufeffRoe said “yes”.".encode("utf-16-le").join([b"\xff\xfe", b""]))
    (tmp_path / "bom.txt").write_bytes("\ufeffHeadline\r\nRoe said “yes”.\r\n".encode("utf-8"))
    items = {Path(i.source).name: i for i in read(tmp_path)}
    assert items["cp1252.txt"].text == "Roe said “we will” – café"
    assert items["utf16.txt"].text == "Roe said “yes”."
    assert items["bom.txt"].text == "Headline\nRoe said “yes”." and items["bom.txt"].title == "Headline"


def test_markdown_markup_is_removed_but_quote_marks_stay(tmp_path):
    (tmp_path / "a.md").write_text("# **Big** headline\n\nShe said *\"it's [fine](http://x)\"* and __'really'__.\n")
    [item] = read(tmp_path / "a.md")
    assert item.title == "Big headline"
    assert "She said \"it's fine\" and 'really'." in item.text


def test_globs_and_folders(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("One \"quote\".")
    (tmp_path / ".hidden.txt").write_text("hidden")
    assert [Path(i.source).name for i in read(tmp_path)] == ["one.txt"]
    assert [Path(i.source).name for i in read(str(tmp_path) + "/**/*.txt")] == ["one.txt"]
    assert isinstance(read(str(tmp_path) + "/*.nothing")[0], SourceError)


def test_a_5_mb_text_and_text_without_punctuation(tmp_path):
    (tmp_path / "big.txt").write_text(("Jane Roe said \"a quote\" today. " * 30 + "\n") * 5000)
    (tmp_path / "flat.txt").write_text("no punctuation at all just words " * 100)
    items = read(tmp_path)
    assert all(not isinstance(i, SourceError) for i in items) and len(items[0].text) > 4_000_000
