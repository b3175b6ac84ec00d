"""The TUI driven by Textual's pilot over an index built from the seeds by the real pipeline,
plus screenshot comparisons (SVG, stored in tests/snapshots; regenerate with
QUOTES_UPDATE_SNAPSHOTS=1)."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from tui.testing import settle
from tui.app import QuotesApp
from tui.widgets.wordings import WordingList

pytestmark = pytest.mark.anyio

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture
def anyio_backend():
    return "asyncio"


UPDATE = os.environ.get("QUOTES_UPDATE_SNAPSHOTS") == "1"


@pytest.fixture
def tui_db(seed_db, tmp_path):
    """A private copy of the seeds index (tests write corrections to it)."""
    path = tmp_path / "tui.db"
    shutil.copy(seed_db, path)
    return path


def rows(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def select_speaker(app, pilot, name: str) -> None:
    speakers = app.screen.query_one("#speakers", DataTable)
    index = next(i for i, row in enumerate(rows(speakers)) if row[0] == name)
    speakers.move_cursor(row=index)
    await settle(pilot)


async def test_trump_cheaper_group_shows_three_wordings_with_differences(tui_db):
    app = QuotesApp(tui_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await select_speaker(app, pilot, "Donald Trump")
        groups = app.screen.query_one("#groups", DataTable)
        index = next(i for i, row in enumerate(rows(groups)) if "cheaper" in row[1])
        groups.move_cursor(row=index)
        await settle(pilot)
        assert rows(groups)[index][2] == "3", "three wordings"
        wordings = app.screen.query_one("#wordings", WordingList)
        cells = [wordings.get_option_at_index(i).prompt for i in range(wordings.option_count)]
        assert len(cells) == 4  # three wordings, one printed twice
        styles = {str(span.style) for cell in cells for span in cell.spans}
        assert any("green" in s for s in styles) and any("strike" in s for s in styles)
        assert any("on yellow" in s for s in styles), "the bracketed [and] is marked as editorial"


async def test_search_lands_on_the_group(tui_db):
    app = QuotesApp(tui_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"wake-up")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await settle(pilot)
        results = app.screen.query_one("#search-results", DataTable)
        assert results.row_count >= 1
        await pilot.press("enter")
        await settle(pilot)
        head = str(app.screen.query_one("#group-head", Static).render())
        assert "wake-up" in head.lower() and "Donald Trump" in head


async def test_export_writes_a_file_that_parses(tui_db, tmp_path):
    app = QuotesApp(tui_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_speaker(app, pilot, "Donald Trump")
        await pilot.press("e")
        await settle(pilot)
        box = app.screen.query_one(Input)
        box.value = str(tmp_path / "sheet.json")
        await pilot.press("enter")
        await settle(pilot)
        await app.workers.wait_for_complete()  # the export runs in a worker thread
        await settle(pilot)
    data = json.loads((tmp_path / "sheet.json").read_text())
    assert data["groups"] and all(g["group"]["speaker"] == "Donald Trump" for g in data["groups"])


async def test_reassigning_a_speaker_shows_in_the_view(tui_db):
    app = QuotesApp(tui_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_speaker(app, pilot, "Elon Musk")
        await pilot.press("R")
        await settle(pilot)
        box = app.screen.query_one(Input)
        box.value = "Somebody Else"
        await pilot.press("enter")
        await settle(pilot)
        await app.workers.wait_for_complete()  # the correction runs in a worker thread
        await settle(pilot)
        names = [row[0] for row in rows(app.screen.query_one("#speakers", DataTable))]
        assert "Somebody Else" in names


async def test_article_view_and_help_and_palette(tui_db):
    app = QuotesApp(tui_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_speaker(app, pilot, "Liang Wenfeng")
        await pilot.press("o")
        await settle(pilot)
        assert type(app.screen).__name__ == "ArticleScreen"
        from tui.screens.article import highlighted_article

        text = highlighted_article(app.screen.article.text, app.screen.occurrence)
        marked = [text.plain[s.start : s.end] for s in text.spans]
        assert app.screen.occurrence.text in marked and "he" in marked and "told" in marked
        await pilot.press("escape")
        await pilot.press("question_mark")
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert "CommandPalette" in type(app.screen).__name__


async def test_speaker_roles_on_demand(tmp_path):
    """The speaker pane shows one role, the most frequent recent; i lists every role with
    the articles it came from (their outlets, first and last date), all as inert text."""
    from quotes.store import Store
    from tests.factories import article, trump_articles

    db = tmp_path / "roles.db"
    with Store(db) as store:
        for a in trump_articles():
            store.ingest(a)
        store.ingest(
            article(
                'Donald Trump said "We will see."',
                [("We will see.", "Donald Trump")],
                [("Donald Trump", "person", ["Republican nominee", "US President"])],
                source="c.txt",
                outlet="Third Example",
                date="2025-02-01",
            )
        )
    app = QuotesApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        speakers = app.screen.query_one("#speakers", DataTable)
        assert next(row for row in rows(speakers) if row[0] == "Donald Trump")[4] == "US President"
        await select_speaker(app, pilot, "Donald Trump")
        await pilot.press("i")
        await settle(pilot)
        assert type(app.screen).__name__ == "RolesScreen"
        details = app.screen.speaker.role_details
        assert [d.role for d in details] == ["US President", "Republican nominee", "President"]
        assert details[0].sources == ["Daily Example", "Third Example"] and details[2].sources == ["Weekly Example"]
        assert (details[0].first_date, details[0].last_date) == ("2025-01-28", "2025-02-01")
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"
        await select_speaker(app, pilot, "Ann Lee")
        await pilot.press("i")
        await settle(pilot)
        from rich.console import Console

        from tui.screens.roles import roles_table

        console = Console(record=True, width=100)
        console.print(roles_table(app.screen.speaker))
        assert "<b>analyst</b>" in console.export_text(), "article text is data, never markup"


async def test_80x24_stacks_the_panes(tui_db):
    app = QuotesApp(tui_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("narrow")
        assert app.screen.query_one("#wordings", WordingList).region.height >= 4


async def test_escape_sequences_in_articles_are_inert(tmp_path):
    from quotes.store import Store
    from tests.factories import trump_articles

    db = tmp_path / "nasty.db"
    with Store(db) as store:
        for a in trump_articles():
            store.ingest(a)
    app = QuotesApp(db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await select_speaker(app, pilot, "Ann Lee")
        await pilot.press("o")
        await settle(pilot)
        from tui.screens.article import highlighted_article

        text = highlighted_article(app.screen.article.text, app.screen.occurrence).plain
        assert "\x1b" not in text and "␛[31m" in text


def normalise_svg(svg: str) -> str:
    # Textual puts a per-run id in class names and clip paths
    return re.sub(r"terminal-\d+", "terminal", svg)


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_screenshots_match_the_stored_ones(tui_db, size):
    app = QuotesApp(tui_db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await select_speaker(app, pilot, "Donald Trump")
        svg = normalise_svg(app.export_screenshot())
    path = SNAPSHOTS / f"main-{size[0]}x{size[1]}.svg"
    if UPDATE or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(svg)
    if svg != path.read_text():
        path.with_suffix(".new.svg").write_text(svg)
        pytest.fail(
            f"screen changed: compare {path.name} with {path.with_suffix('.new.svg').name}, then QUOTES_UPDATE_SNAPSHOTS=1"
        )
