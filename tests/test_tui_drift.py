"""The TUI's wording view (every wording whole, wrapped, with its diff), the side-by-side
pair view and the timeline pane, driven by Textual's pilot on an index built from models
(tests/test_drift.py's group: four wordings, five outlets, one undated printing), plus SVG
snapshots of the new screens (regenerate with QUOTES_UPDATE_SNAPSHOTS=1)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import TabbedContent

from quotes.store import Store
from tests.test_drift import W1, W2, W3, W4, printed
from tui.testing import settle
from tui.app import QuotesApp
from tui.widgets.timeline import TimelinePane
from tui.widgets.wordings import WordingList

pytestmark = pytest.mark.anyio

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("QUOTES_UPDATE_SNAPSHOTS") == "1"
LONG = (
    "If you could do it cheaper, for less, and still achieve the same effect, that's a good thing for us, "
    "and I think it is a very positive development for the whole of our industry over the coming years."
)


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "drift.db"
    with Store(path) as s:
        for item in [
            printed(W3, "Outlet C", "2025-01-30", 1),
            printed(W1, "Outlet A", "2025-01-28T09:00:00Z", 2),
            printed(W4, None, None, 3),
            printed(W2, "Outlet B", "2025-01-29", 4),
            printed(W2, "Outlet D", "2025-01-31", 5),
            printed(LONG, "Outlet E", "2025-02-03", 6),
        ]:
            s.ingest(item)
    return path


def plain_lines(renderable, width: int) -> list[str]:
    console = Console(width=width, record=True, color_system=None)
    console.print(renderable)
    return console.export_text().splitlines()


def option_text(wordings: WordingList, index: int) -> str:
    """What an option shows, as wrapped lines joined (the wording is all there)."""
    return " ".join(line.strip() for line in plain_lines(wordings.get_option_at_index(index).prompt, wordings.size.width))


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_every_wording_is_shown_whole_and_wrapped_in_date_order(db, size):
    app = QuotesApp(db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        wordings = app.screen.query_one("#wordings", WordingList)
        assert wordings.option_count == 6
        heads = [" ".join(option_text(wordings, i).split(" · ")[0].split()) for i in range(6)]
        assert heads == ["W1 Outlet A", "W2 Outlet B", "W3 Outlet C", "W2 Outlet D", "W4 Outlet E", "W5 https://anon.example/3"]
        long_item = wordings.get_option_at_index(4).prompt
        assert LONG.split(", and I think")[1] in long_item.plain, "the end of a long wording is there, not cut"
        lines = plain_lines(long_item, wordings.scrollable_content_region.width)
        assert len(lines) >= 3 and all(len(line) <= wordings.scrollable_content_region.width for line in lines)
        styles = {str(span.style) for span in wordings.get_option_at_index(1).prompt.spans}
        assert any("strike" in s for s in styles) and any("on yellow" in s for s in styles), "diff marked"
        assert app.screen.query_one("#speakers").region.height >= 3 and app.screen.query_one("#groups").region.height >= 3
        assert wordings.region.height >= 6, "room for a wrapped wording at 80x24"


async def test_pick_two_wordings_and_see_them_side_by_side_word_by_word(db):
    app = QuotesApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        wordings = app.screen.query_one("#wordings", WordingList)
        wordings.focus()
        await pilot.press("space")  # W1, Outlet A
        await pilot.press("down", "down")  # W3, Outlet C
        await pilot.press("space")
        await settle(pilot)
        assert "[A] picked" in wordings.get_option_at_index(0).prompt.plain
        assert "[B] picked" in wordings.get_option_at_index(2).prompt.plain
        await pilot.press("p")
        await settle(pilot)
        assert type(app.screen).__name__ == "PairScreen"
        assert (app.screen.a.text, app.screen.b.text) == (W1, W3)
        table = app.screen.table
        rows = [line for line in plain_lines(table, 110) if "│" in line]
        cells = [[c.strip() for c in line.split("│")[1:-1]] for line in rows]
        assert ["for less,", "-", ""] in cells or any(c[0].startswith(", for less,") and c[1] == "-" for c in cells)
        assert any(c[0] == "effect" and c[1] == "≠" and c[2] == "result" for c in cells), cells
        assert any(c[1] == "+" and c[2] == "very" for c in cells)
        assert any(c[1] == "=" and c[0] == c[2] == "the same" for c in cells)
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"


async def test_pair_defaults_to_the_wording_a_printing_derives_from(db):
    app = QuotesApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        wordings = app.screen.query_one("#wordings", WordingList)
        wordings.focus()
        await pilot.press("down", "down")  # W3 derives from W2
        await pilot.press("p")
        await settle(pilot)
        assert (app.screen.a.text, app.screen.b.text) == (W2, W3)


async def test_timeline_pane_for_the_selected_group(db):
    app = QuotesApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert app.screen.query_one("#detail-tabs", TabbedContent).active == "timeline-tab"
        pane = app.screen.query_one("#timeline", TimelinePane)
        assert pane.region.height >= 6 and pane.drift.first.outlet == "Outlet A"
        lines = plain_lines(pane.rendered, pane.scrollable_content_region.width)
        assert lines[0].startswith("First appearance: Outlet A · 2025-01-28T09:00:00Z · W1")
        assert any(line.startswith("Outlet C") and "3" in line for line in lines)
        assert any("W3 Outlet C" in line for line in lines) and any("as they stood: W2" in line for line in lines)
        assert all(len(line) <= pane.scrollable_content_region.width for line in lines)
        await pilot.press("t")
        await settle(pilot)
        assert app.screen.query_one("#detail-tabs", TabbedContent).active == "wordings-tab"


async def test_article_text_is_inert_in_the_new_views(tmp_path):
    path = tmp_path / "nasty.db"
    nasty = "If you could do it [red]cheaper[/red] \x1b[31mfor less\x1b[0m, that's a good thing for us."
    with Store(path) as s:
        s.ingest(printed(nasty, "[bold]Outlet[/bold]", "2025-01-01", 1))
        s.ingest(printed(nasty.replace("good", "great"), "Other\x1b]0;owned\x07", "2025-01-02", 2))
    app = QuotesApp(path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        wordings = app.screen.query_one("#wordings", WordingList)
        text = " ".join(wordings.get_option_at_index(i).prompt.plain for i in range(2))
        assert "[red]cheaper[/red]" in text and "[bold]Outlet[/bold]" in text and "\x1b" not in text and "␛[31m" in text
        await pilot.press("t")
        await settle(pilot)
        body = plain_lines(app.screen.query_one("#timeline", TimelinePane).rendered, 100)
        assert "\x1b" not in "".join(body) and any("[bold]Outlet[/bold]" in line for line in body)


def normalise_svg(svg: str) -> str:
    return re.sub(r"terminal-\d+", "terminal", svg)


def check_snapshot(svg: str, name: str) -> None:
    path = SNAPSHOTS / name
    svg = normalise_svg(svg)
    if UPDATE or not path.exists():
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(svg)
    if svg != path.read_text():
        path.with_suffix(".new.svg").write_text(svg)
        pytest.fail(
            f"screen changed: compare {path.name} with {path.with_suffix('.new.svg').name}, then QUOTES_UPDATE_SNAPSHOTS=1"
        )


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_snapshots_of_the_wording_view_the_timeline_and_the_pair(db, size):
    app = QuotesApp(db)
    name = f"{size[0]}x{size[1]}"
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.screen.query_one("#wordings", WordingList).focus()
        await pilot.press("down")
        await settle(pilot)
        check_snapshot(app.export_screenshot(), f"wordings-{name}.svg")
        await pilot.press("t")
        await settle(pilot)
        check_snapshot(app.export_screenshot(), f"timeline-{name}.svg")
        await pilot.press("t", "p")
        await settle(pilot)
        check_snapshot(app.export_screenshot(), f"pair-{name}.svg")


async def test_panes_post_speaker_and_group_selections_and_exports_run_in_a_worker(db, tmp_path):
    from textual.widgets import DataTable, Input

    from tests.factories import article
    from tui.widgets.panes import GroupList, SpeakerList

    with Store(db) as s:
        s.ingest(
            article(
                'Mayor Jane Roe said "We will rebuild the bridge by spring."',
                [("We will rebuild the bridge by spring.", "Jane Roe")],
                [("Jane Roe", "person", ["mayor"])],
                source="roe.txt",
                outlet="Planet",
                date="2025-03-04",
            )
        )
    app = QuotesApp(db)
    seen: list[tuple[str, int | None]] = []

    def hook(message) -> None:
        if isinstance(message, SpeakerList.SpeakerSelected):
            seen.append(("speaker", message.speaker_id))
        elif isinstance(message, GroupList.GroupSelected):
            seen.append(("group", message.group_id))

    async with app.run_test(size=(120, 36), message_hook=hook) as pilot:
        await settle(pilot)
        screen = app.screen
        speakers = screen.query_one(SpeakerList)
        roe = store_speaker_id(db, "Jane Roe")
        speakers.table.move_cursor(row=speakers.table.get_row_index(str(roe)))
        await settle(pilot)
        assert isinstance(screen.query_one("#speakers"), DataTable) and screen.speaker_id == roe
        groups = screen.query_one(GroupList)
        assert groups.table.row_count == 1 and screen.group_id == int(groups.table.coordinate_to_cell_key((0, 0)).row_key.value)
        assert screen.query_one("#wordings", WordingList).current().text == "We will rebuild the bridge by spring."
        # back to Trump's group, then export it in a worker thread
        speakers.table.move_cursor(row=speakers.table.get_row_index(str(store_speaker_id(db, "Donald Trump"))))
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one(Input).value = str(tmp_path / "sheet.html")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert "exporting" not in app.sub_title
    page = (tmp_path / "sheet.html").read_text()
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="timeline"') == 1 and "Outlet A" in page
    assert ("speaker", roe) in seen and ("group", screen_group_of(db, "Jane Roe")) in seen


def screen_group_of(db, name: str) -> int:
    with Store(db) as s:
        return s.groups(speaker_id=s.find_speaker(name).id)[0].id


def store_speaker_id(db, name: str) -> int:
    with Store(db) as s:
        return s.find_speaker(name).id


async def test_every_store_read_runs_off_the_ui_thread(db, monkeypatch):
    """Lists, the group, reported statements, search, refresh and the article all read the
    index in worker threads: a slow disk never freezes the keys."""
    import threading

    from tui.widgets.panes import SpeakerList

    reads: list[tuple[str, bool]] = []
    for name in ("speakers", "speaker", "groups", "group", "group_exists", "statements", "search", "article"):
        original = getattr(Store, name)

        def recorded(self, *args, _name=name, _original=original, **kwargs):
            reads.append((_name, threading.current_thread() is threading.main_thread()))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Store, name, recorded)
    app = QuotesApp(db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        speakers = app.screen.query_one(SpeakerList).table
        speakers.move_cursor(row=speakers.row_count - 1)
        await settle(pilot)
        await pilot.press("r")  # refresh
        await settle(pilot)
        await pilot.press("slash", *"cheaper")
        await settle(pilot)
        await pilot.press("enter")  # the search lands on the group
        await settle(pilot)
        await pilot.press("o")  # the article
        await settle(pilot)
        assert app.screen.__class__.__name__ == "ArticleScreen"
    assert {name for name, _ in reads} >= {
        "speakers",
        "speaker",
        "groups",
        "group",
        "group_exists",
        "statements",
        "search",
        "article",
    }
    assert [name for name, on_ui_thread in reads if on_ui_thread] == []


async def test_a_slow_read_of_a_group_left_behind_is_never_shown(db, monkeypatch):
    """The cursor moves on while a group is read: the group it stopped on is shown, not the
    one whose read came back last."""
    import time

    from tui.widgets.panes import GroupList

    with Store(db) as s:
        s.ingest(printed("A second line, said later on, about something else entirely.", "Outlet F", "2025-02-04", 7))
    app = QuotesApp(db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        groups = app.screen.query_one(GroupList).table
        assert groups.row_count >= 2
        first = int(groups.coordinate_to_cell_key((0, 0)).row_key.value)
        second = int(groups.coordinate_to_cell_key((1, 0)).row_key.value)
        original = Store.group

        def slow_for_first(self, group_id, *args, **kwargs):
            if group_id == first:
                time.sleep(0.5)
            return original(self, group_id, *args, **kwargs)

        monkeypatch.setattr(Store, "group", slow_for_first)
        groups.move_cursor(row=1)
        await pilot.pause()
        groups.move_cursor(row=0)  # slow read starts
        await pilot.pause()
        groups.move_cursor(row=1)  # fast read, back before the slow one
        await settle(pilot)
        assert app.screen.group_id == second
        head = str(app.screen.query_one("#group-head").render())
        assert f"Group {second}" in head and f"Group {first} " not in head
