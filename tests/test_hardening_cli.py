"""Hardening of the command line (issue 13): article text is never read as markup, search
highlights are styles, word diffs without colour carry visible markers."""

from __future__ import annotations

import json

import pytest

from quotes.store import split_snippet
from quotes.terminal import diff_as_text
from quotes.textdiff import word_diff
from tests.factories import article, build_index, run_cli, trump_articles

MARKUP = "We will [/bold] fight [link=https://evil.example]click[/link] and [bold red]vanish[/bold red] now."


def markup_article():
    return article(
        f'Mia Park said "{MARKUP}" She added "Our generation will win it."',
        [(MARKUP, "Mia Park"), ("Our generation will win it.", "Mia Park")],
        [("Mia Park", "person", ["[bold]senator[/bold]"])],
        source="[red]markup[/red].txt",
        outlet="[i]Outlet[/i]",
    )


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # table cells on one line each


@pytest.fixture
def db(tmp_path):
    return build_index(tmp_path / "cli.db", [*trump_articles(), markup_article()])


run = run_cli


def test_markup_in_article_text_is_printed_as_text(capsys, db):
    code, out, err = run(capsys, "quotes", "--db", db)
    assert code == 0, err
    for literal in (MARKUP, "[i]Outlet[/i]"):
        assert literal in out, literal
    assert "\x1b]8;" not in out, "no hidden hyperlink"
    code, out, _ = run(capsys, "speakers", "--db", db)
    assert code == 0 and "[bold]senator[/bold]" in out


def test_markup_in_show_and_search_never_crashes(capsys, db):
    _, out, _ = run(capsys, "quotes", "--db", db, "--speaker", "Mia Park", "--json")
    group = json.loads(out)[0]["group_id"]
    code, out, err = run(capsys, "show", str(group), "--db", db)
    assert code == 0, err
    assert MARKUP in out and "[red]markup[/red].txt" in out
    code, out, err = run(capsys, "search", "fight", "--db", db)
    assert code == 0, err
    assert "[/bold] fight [link=https://evil.example]" in out


def test_search_keeps_the_matched_word_in_the_snippet(capsys, db):
    code, out, _ = run(capsys, "search", "generation", "--db", db)
    assert code == 0 and "generation" in out and "[generation]" not in out
    code, out, _ = run(capsys, "search", "generation", "--db", db, "--json")
    hit = next(h for h in json.loads(out) if h["kind"] == "quote")
    start, end = hit["highlights"][0]
    assert hit["snippet"][start:end] == "generation" and "[" not in hit["snippet"]


def test_snippet_markers_become_offsets():
    assert split_snippet("a \ue000wake\ue001-\ue000up\ue001 call") == ("a wake-up call", [(2, 6), (7, 9)])


def test_word_diff_without_colour_has_visible_markers():
    ops = word_diff("and still achieve the same effect.", "and reach the same result.")
    assert diff_as_text(ops, markers=True).plain == "and [-still achieve-]{+reach+} the same [-effect-]{+result+}."
    deleted = word_diff("one two three", "one three")
    assert diff_as_text(deleted, markers=True).plain == "one [-two-] three"
    assert diff_as_text(deleted).plain == "one two three"  # in colour the style marks it


def test_show_piped_prints_diff_markers(capsys, db):
    _, out, _ = run(capsys, "quotes", "--db", db, "--json")
    group = next(q["group_id"] for q in json.loads(out) if "cheaper" in q["text"])
    code, out, _ = run(capsys, "show", str(group), "--db", db)
    assert code == 0 and "[-" in out and "{+" in out


def test_no_hidden_hyperlink_or_styles_from_article_text_on_a_colour_terminal(capsys, db, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")  # Rich writes styles as to a colour terminal
    monkeypatch.delenv("NO_COLOR", raising=False)
    for argv in (["quotes"], ["search", "fight"]):
        code, out, _ = run(capsys, *argv, "--db", db)
        assert code == 0 and "\x1b[" in out, "styled output"
        assert "\x1b]8;" not in out, "no OSC 8 hyperlink from [link=...] in a quote"
        assert "[link=https://evil.example]click[/link]" in out
    _, out, _ = run(capsys, "quotes", "--db", db, "--json")
    group = next(q["group_id"] for q in json.loads(out) if "cheaper" in q["text"])
    _, out, _ = run(capsys, "show", str(group), "--db", db)
    assert "{+" not in out and "[-" not in out, "in colour, styles mark the differences"
