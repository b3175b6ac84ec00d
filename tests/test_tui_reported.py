"""The TUI's Reported tab: the selected speaker's reported statements, filtered by cue
class with k, and the group head's "also reported as" line, on an index built from models."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TabbedContent

from tests.factories import build_index
from tests.test_reported_store import QUOTE, REPORTED
from tui.testing import settle
from tui.app import QuotesApp

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


async def test_reported_tab_lists_a_speakers_statements_and_filters_by_cue_class(tmp_path):
    db = build_index(tmp_path / "reported.db", [QUOTE, REPORTED])
    app = QuotesApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = app.screen
        trump = app.store.find_speaker("Donald Trump")
        screen._select(trump.id, None)
        await settle(pilot)
        shown = str(screen.query_one("#reported", Static).render())
        assert "the wall along the southern border would be paid for" in shown and "paraphrases group" in shown
        [group] = [g for g in app.store.groups(speaker_id=trump.id) if "Mexico" in g.canonical]
        screen.show_group(group.id)
        await settle(pilot)
        assert "also reported as: the wall along the southern border" in str(screen.query_one("#group-head", Static).render())
        for _ in range(4):  # every cue class, speech verbs ... attitude
            await pilot.press("k")
        await settle(pilot)
        assert screen.reported_kind == "attitude"
        assert screen.query_one("#detail-tabs", TabbedContent).active == "reported-tab"
        assert "Mexico" not in str(screen.query_one("#reported", Static).render())
