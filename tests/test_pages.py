"""What a new user sees after ingesting real web pages (issue 18): library warnings kept off
the console, listings that say where they stop, sheets that open with attributed quotes,
wordings with the page's own marks, clean authors and outlets, non-articles reported as
such, plain output that reads at 80 columns. Every page here is built by the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The command line in a process of its own, as a user runs it (pytest's own warning
    capture would hide what the console shows)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "quotes", *argv], capture_output=True, text=True, env=environment, cwd=ROOT)


def test_a_date_parsers_warning_goes_to_the_log_not_the_console(tmp_path):
    page = tmp_path / "short.html"
    # dateutil warns about a time zone name it does not know ("EDT") while htmldate reads
    # the date
    page.write_text(
        '<html><head><title>Council meets</title><meta property="article:published_time" content="2023-10-09 22:15:00 EDT">'
        "</head><body><article><h1>Council meets</h1><p>Short.</p></article></body></html>",
        encoding="utf-8",
    )
    logs = tmp_path / "logs"
    done = _cli("ingest", str(page), "--db", str(tmp_path / "x.db"), env={"QUOTES_LOG_DIR": str(logs)})
    assert "short.html" in done.stderr, done.stderr  # the page still gets its outcome
    assert "Warning" not in done.stderr + done.stdout, done.stderr
    assert "UnknownTimezoneWarning" in (logs / "quotes.log").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- marks as printed


def _marks_index(path) -> str:
    from tests.factories import article, build_index

    return build_index(
        path,
        [
            article(
                'Mayor Jane Roe said "We will rebuild the bridge." She added: “It will cost less.” '
                "Her deputy said ''We agree.''",
                [("We will rebuild the bridge.", "Jane Roe"), ("It will cost less.", "Jane Roe"), ("We agree.", "Jim Poe")],
                [("Jane Roe", "person", ["mayor"]), ("Jim Poe", "person", [])],
                source="https://planet.example/bridge",
                outlet="Daily Planet",
            )
        ],
    )


def test_wordings_are_shown_with_the_pages_own_marks(tmp_path, capsys, monkeypatch):
    import io

    from quotes.export import export
    from quotes.store import Store
    from tests.factories import run_cli

    db = _marks_index(tmp_path / "marks.db")
    with Store(db) as store:
        sheets = {}
        for fmt in ("md", "html"):
            out = io.BytesIO()
            export(store.sheet(), fmt, out)
            sheets[fmt] = out.getvalue().decode("utf-8")
        group = next(g.id for g in store.groups() if g.canonical.startswith("We will"))
    assert '"We will rebuild the bridge."' in sheets["md"] and "“It will cost less.”" in sheets["md"]
    assert "''We agree.''" in sheets["md"] and "“We will rebuild" not in sheets["md"]
    assert "&quot;We will rebuild the bridge.&quot;</td>" in sheets["html"]
    monkeypatch.setenv("COLUMNS", "200")  # the table's columns wide enough to hold a wording on one line
    code, out, _ = run_cli(capsys, "show", str(group), "--db", db)
    assert code == 0 and '"We will rebuild the bridge."' in out


def test_an_index_stored_before_marks_were_kept_gets_them_from_the_article_text(tmp_path):
    import sqlite3

    from quotes.store import Store

    db = _marks_index(tmp_path / "old.db")
    conn = sqlite3.connect(db)  # the file as the previous version wrote it
    for statement in (
        "ALTER TABLE quotes DROP COLUMN open_mark",
        "ALTER TABLE quotes DROP COLUMN close_mark",
        "DELETE FROM _sqlite_migrations WHERE name = 'm009_quote_marks'",
    ):
        conn.execute(statement)
    conn.commit()
    conn.close()
    with Store(db) as store:
        assert [q.printed() for q in store.quotes()] == ['"We will rebuild the bridge."', "“It will cost less.”", "''We agree.''"]


# ----------------------------------------------------------------------------- listings that stop


def test_every_listing_that_stops_at_its_limit_says_so_and_how_to_see_the_rest(tmp_path, capsys):
    import json

    from tests.factories import build_index, run_cli, trump_articles

    db = build_index(tmp_path / "cut.db", trump_articles())
    code, out, err = run_cli(capsys, "speakers", "--db", db, "--limit", "2")
    assert code == 0 and "showing 2 of 3 speakers; --limit 0 lists them all" in err
    code, out, err = run_cli(capsys, "speakers", "--db", db, "--limit", "0", "--json")
    assert len(json.loads(out)) == 3 and "showing" not in err
    code, out, err = run_cli(capsys, "quotes", "--db", db, "--limit", "1", "--json")
    assert len(json.loads(out)) == 1 and "showing 1 of 7 quotes" in err  # stdout stays JSON
    code, out, err = run_cli(capsys, "search", "wake", "--db", db, "--limit", "1")
    assert "showing 1 of 2 quote hits" in err
    code, out, err = run_cli(capsys, "speakers", "--db", db)
    assert "showing" not in err  # nothing cut, nothing said


# ----------------------------------------------------------------------------- the sheet's order


def _sheet_index(path) -> str:
    from quotes.models import QuoteType
    from tests.factories import article, build_index

    first = article(
        'Mayor Jane Roe said "The bridge opens in May." The poster read "Keep Calm". '
        'She said "Taxes will not rise." They watched "Jaws" again.',
        [("The bridge opens in May.", "Jane Roe"), ("Keep Calm", None), ("Taxes will not rise.", "Jane Roe"), ("Jaws", None)],
        [("Jane Roe", "person", ["mayor"])],
        source="https://planet.example/a",
        outlet="Daily Planet",
        date="2025-03-01",
    )
    # "Jaws" is a film title: nobody speaks it
    first.quotes[3] = first.quotes[3].model_copy(update={"type": QuoteType.non_speech})
    second = article(
        'Jim Poe said "We need more buses." Jane Roe said "Taxes will not rise."',
        [("We need more buses.", "Jim Poe"), ("Taxes will not rise.", "Jane Roe")],
        [("Jim Poe", "person", []), ("Jane Roe", "person", ["mayor"])],
        source="https://star.example/b",
        outlet="Daily Star",
        date="2025-03-05",
    )
    return build_index(path, [first, second])


def test_the_sheet_opens_with_attributed_quotes_most_reprinted_then_most_recent(tmp_path, capsys):
    import csv
    import io
    import json

    from tests.factories import run_cli

    db = _sheet_index(tmp_path / "sheet.db")
    code, md, _ = run_cli(capsys, "export", "--db", db, "--format", "md")
    assert code == 0
    heads = ("> Taxes will not rise", "> We need more buses", "> The bridge opens", "# Unattributed quotes", "> Keep Calm")
    order = [md.index(s) for s in heads]
    assert order == sorted(order), md  # reprinted, then the most recent, then the older; unattributed last
    assert '- "Jaws"' not in md  # a title is not a quote (it is only in the contexts of the others)
    code, md, _ = run_cli(capsys, "export", "--db", db, "--format", "md", "--non-speech")
    assert md.index("# Not speech") < md.index('- "Jaws"')
    code, out, _ = run_cli(capsys, "export", "--db", db, "--format", "csv")
    variants = [row["variant"] for row in csv.DictReader(io.StringIO(out))]
    assert variants.index("Taxes will not rise.") < variants.index("Keep Calm") and "Jaws" not in variants
    code, out, _ = run_cli(capsys, "export", "--db", db, "--format", "json")
    texts = [o["text"] for g in json.loads(out)["groups"] for o in g["occurrences"]]
    assert texts.index("Taxes will not rise.") < texts.index("Keep Calm") and "Jaws" not in texts
    code, page, _ = run_cli(capsys, "export", "--db", db, "--format", "html", "--non-speech")
    marks = ("<blockquote>Taxes", 'id="unattributed"', "<blockquote>Keep Calm", 'id="non-speech"', "<td>&quot;Jaws&quot;</td>")
    assert [page.index(m) for m in marks] == sorted(page.index(m) for m in marks)


# ----------------------------------------------------------------------------- 80 columns


def test_at_80_columns_a_quote_reads_as_a_sentence(tmp_path, capsys, monkeypatch):
    from tests.factories import build_index, run_cli, trump_articles

    db = build_index(tmp_path / "narrow.db", trump_articles())
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run_cli(capsys, "quotes", "--db", db)
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 80
    assert '  "If you could do it cheaper, for less, and still achieve the same effect,' in out.splitlines()
    code, out, _ = run_cli(capsys, "speakers", "--db", db)
    assert code == 0 and any("person · mayor of Springfield" in line for line in out.splitlines())
    monkeypatch.setenv("COLUMNS", "160")  # a wide terminal keeps the table
    code, out, _ = run_cli(capsys, "quotes", "--db", db)
    assert "┃ quote" in out and any(
        "If you could do it cheaper, for less, and still achieve" in line for line in out.splitlines()
    )


# ----------------------------------------------------------------------------- context


# CoreNLP ends a sentence at the full stop inside the quotation and again after it; the
# context is still the whole sentence (recorded answers: tests/fixtures/corenlp/constructions).
CONTEXT_CUT_INSIDE = (
    'While the "Meth. We\'re on it." campaign ran for six years, state officials said the program had failed. Nobody defended it.'
)


@pytest.mark.constructions
def test_the_context_holds_the_whole_sentence_around_a_quote_with_a_full_stop_inside(attribute_text):
    result = attribute_text(CONTEXT_CUT_INSIDE)
    [quote] = [q for q in result.quotes if q.text.startswith("Meth.")]
    assert quote.context == (
        'While the "Meth. We\'re on it." campaign ran for six years, state officials said the program had failed.'
    )


# ----------------------------------------------------------------------------- authors and outlets

BODY = """<p>Mayor Jane Roe said on Tuesday: "We will rebuild the bridge by spring, whatever it costs the city."</p>
<p>Critics were not convinced by the plan at all, and said so at length during the council meeting that evening.</p>
<p>"The city cannot afford another winter like this one," said council member John Doe, who chairs the budget committee.</p>"""


def page(head: str = "", byline: str = "", url: str = "https://news.example/story", nav: str = "", footer: str = "") -> str:
    """A news page as outlets print them: canonical URL, date, a byline above the story."""
    return f"""<!DOCTYPE html><html><head><title>Bridge to reopen</title><link rel="canonical" href="{url}">
<meta property="article:published_time" content="2025-03-04T10:00:00Z">{head}</head><body><nav>{nav}</nav>
<article><h1>Bridge to reopen</h1>{byline}{BODY}</article><footer>{footer}</footer></body></html>"""


def _read_page(tmp_path, name: str, html: str):
    from quotes.sources import read_sources

    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    [item] = list(read_sources([str(path)]))
    return item


def test_authors_are_names_only(tmp_path):
    bylines = {
        # a byline that goes on into the reporter's description
        "Phil Helsel": page(byline='<div class="byline">Phil Helsel is a reporter for NBC News.</div>'),
        # the outlet and the date where the name should be
        None: page('<meta property="og:site_name" content="CBS News">', '<p class="byline">By CBS News February 3, 2024</p>'),
        # the time of an update in the author block
        "": page(byline='<div class="author">Updated Oct 9, 2023, 10:15 AM</div>'),
        # a shouted name followed by the agency
        "Eric Tucker": page('<meta name="author" content="ERIC TUCKER Associated Press">'),
        # "By" left on a name in the page's metadata
        "Josh Haskell": page('<meta name="author" content="By Josh Haskell">'),
    }
    for expected, html in bylines.items():
        item = _read_page(tmp_path, "byline", html)
        assert item.authors == ([expected] if expected else []), (expected, item.authors)


def test_the_outlet_is_a_readable_name(tmp_path):
    # the page's site name when it names this site
    assert _read_page(
        tmp_path, "a", page('<meta property="og:site_name" content="Daily Planet">', url="https://planet.example/a")
    ).outlet == ("Daily Planet")
    # a word from the page that is not the site's name: the site's name as the page prints it
    assert _read_page(
        tmp_path,
        "b",
        page(
            '<meta property="og:site_name" content="Hosted">',
            url="https://apnews.example/article/b",
            nav='<a href="/">AP News</a>',
        ),
    ).outlet == ("AP News")
    # only the domain run together ("Timesofisrael"): the domain cut into the page's own words
    assert _read_page(
        tmp_path,
        "c",
        page(
            '<meta name="twitter:site" content="@timesofisrael">',
            url="https://www.timesofisrael.example/c",
            footer="Copyright Times of Israel",
        ),
    ).outlet == ("Times of Israel")
    # nothing better than the domain: the host name, never a made-up word
    assert _read_page(tmp_path, "d", page(url="https://www.bridgewatch.example/d")).outlet == "bridgewatch.example"


def test_author_and_outlet_rules_on_their_own():
    from quotes.pagemeta import authors, outlet, page_words

    assert authors("Lois Lane; Clark Kent; Lois Lane") == ["Lois Lane", "Clark Kent"]
    assert authors("SEÁN O'BRIEN, Reuters".split(", "), ["Reuters"]) == ["Seán O'Brien"]
    assert authors("Ursula von der Leyen") == ["Ursula von der Leyen"]
    assert authors("Staff; Daily Planet", ["Daily Planet"]) == []
    assert authors("Senior Correspondent Jane Doe") == ["Jane Doe"]
    assert (
        outlet(None, "https://www.smh.example/x", page_words("Read The Sydney Morning Herald today"))
        == "The Sydney Morning Herald"
    )
    assert outlet("Reuters", "https://www.reuters.example/x") == "Reuters"  # one word the page cannot cut: a name
    assert outlet("timesofisrael.com", None, page_words("Times of Israel staff")) == "Times of Israel"  # a domain for a site name


# ----------------------------------------------------------------------------- non-articles

PLACEHOLDER = """<!doctype html><html><head><title>Example Domain</title></head><body><div><h1>Example Domain</h1>
<p>This domain is for use in illustrative examples in documents. You may use this domain in literature without prior
coordination or asking for permission.</p><p><a href="https://www.iana.org/domains/example">More information...</a></p></div>
</body></html>"""

HEADLINES = (
    "Council approves new budget for roads and schools", "Storm leaves thousands without power across the region",
    "Local team wins championship after dramatic final", "Minister resigns over expenses row", "Hospital waiting lists grow again",
    "Rail strike called off after last-minute talks", "House prices fall for third month in a row", "New bridge opens to traffic",
)  # fmt: skip
SECTION_FRONT = (
    '<html><head><title>News | Daily Planet</title><meta property="og:site_name" content="Daily Planet"></head><body>'
    '<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><h1>Latest news</h1><ul>'
    + "".join(f'<li><a href="/news/{i}">{h}</a> <span>2 hours ago</span></li>' for i, h in enumerate(HEADLINES))
    + "</ul></main><footer>© Daily Planet</footer></body></html>"
)


def _warc(path, records) -> None:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    path.write_bytes(buffer.getvalue())


def test_pages_without_an_article_are_reported_as_such_unless_kept(tmp_path, capsys):
    from quotes.sources import NotAnArticle, read_sources
    from tests.factories import run_cli

    _warc(tmp_path / "crawl.warc.gz", [("http://example.com/", PLACEHOLDER), ("https://planet.example/bridge", page())])
    (tmp_path / "front.html").write_text(SECTION_FRONT, encoding="utf-8")
    placeholder, article, front = read_sources([str(tmp_path / "crawl.warc.gz"), str(tmp_path / "front.html")])
    assert isinstance(placeholder, NotAnArticle) and "example.com" in placeholder.path and "site's name" in placeholder.reason
    assert isinstance(front, NotAnArticle) and "list of headlines" in front.reason
    assert not isinstance(article, NotAnArticle) and "rebuild the bridge" in article.text
    kept = list(read_sources([str(tmp_path / "front.html")], keep_non_articles=True))
    assert [k.title for k in kept] == ["Latest news"]
    # as a new user sees it: one line each, with the reason and the way to keep it; nothing stored, no failure
    db = str(tmp_path / "x.db")
    code, _, err = run_cli(capsys, "ingest", str(tmp_path / "front.html"), "--db", db)
    assert code == 0
    [line] = [line for line in err.splitlines() if "front.html" in line]
    assert "not a news article: " in line and "--keep-non-articles" in line
    assert "0 added" in err and "1 not news article" in err


def test_a_short_undated_brief_that_quotes_someone_is_still_an_article(tmp_path):
    from quotes.sources import NotAnArticle

    brief = page().replace('<meta property="article:published_time" content="2025-03-04T10:00:00Z">', "")
    item = _read_page(
        tmp_path, "brief", brief.replace("<p>Critics were", "<!-- <p>Critics were").replace("evening.</p>", "evening.</p> -->")
    )
    assert not isinstance(item, NotAnArticle) and item.date is None


def test_prose_broken_into_short_lines_is_not_a_list_of_headlines():
    from quotes.sources import not_an_article

    prose = (
        "The council met on Monday and voted to rebuild\nthe old bridge before the winter. Critics said the\n"
        "plan was too expensive and too late for the\ntraders on the river. The mayor said she would\n"
        "not wait for another flood to act, and the vote\npassed by nine to four after a long debate."
    )
    assert not_an_article(prose, "Bridge vote", "2025-03-04", [], "article", "planet") is None
    headlines = "\n".join(HEADLINES)
    assert "list of headlines" in (not_an_article(headlines, "News", "2025-03-04", [], None, "planet") or "")
