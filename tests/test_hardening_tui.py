"""The TUI over an index built from hand-made articles (no CoreNLP): search matches are
marked by a style, and markup in article text is shown as text."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from quotes.store import Store
from tests.factories import trump_articles
from tests.test_hardening_cli import markup_article
from tui.testing import settle
from tui.app import QuotesApp

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "tui.db"
    with Store(path) as s:
        for a in [*trump_articles(), markup_article()]:
            s.ingest(a)
    return path


async def search(app, pilot, words: str) -> list:
    await pilot.press("slash")
    await settle(pilot)
    await pilot.press(*words)
    await pilot.pause(0.3)
    await app.workers.wait_for_complete()
    await settle(pilot)
    table = app.screen.query_one("#search-results", DataTable)
    return [table.get_row_at(i)[2] for i in range(table.row_count)]


async def test_search_highlights_by_style_not_brackets(db):
    app = QuotesApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        cells = await search(app, pilot, "wake-up")
        assert cells
        for cell in cells:
            assert "[wake]" not in cell.plain and "[up]" not in cell.plain and "wake-up" in cell.plain
            marked = [cell.plain[s.start : s.end] for s in cell.spans if "reverse" in str(s.style)]
            assert marked[:2] == ["wake", "up"]


async def test_markup_in_search_results_is_text(db):
    app = QuotesApp(db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        cells = await search(app, pilot, "fight")
        assert any("[/bold] fight [link=https://evil.example]click" in c.plain for c in cells)


async def reassign(app, pilot, name: str) -> None:
    from textual.widgets import Input

    await pilot.press("R")
    await settle(pilot)
    app.screen.query_one(Input).value = name
    await pilot.press("enter")
    await settle(pilot)
    await settle(pilot)


async def test_notifications_show_names_as_text(db):
    app = QuotesApp(db)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await reassign(app, pilot, "[/bold] Evil [link=https://x.example]Name")
        messages = [n.message for n in app._notifications]
        assert any("[/bold] Evil [link=https://x.example]Name" in m for m in messages), messages
        assert all(not n.markup for n in app._notifications if "Evil" in n.message)
