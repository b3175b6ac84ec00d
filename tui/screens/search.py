"""Search across all quotes and speakers, results updating as you type."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label

from quotes.terminal import highlighted
from tui.widgets.render import plain

if TYPE_CHECKING:
    from quotes.models import SearchHit
    from tui.app import QuotesApp


# the words that matched, marked by a style (never by brackets in the text)
MATCH_STYLE = "bold reverse"


class SearchScreen(ModalScreen["SearchHit | None"]):
    """Returns the chosen result (or None): the main screen opens its group, or for a
    speaker the speaker's first group."""

    CSS_PATH = "search.tcss"
    BINDINGS = [Binding("escape", "dismiss_none", "Close", id="close_search")]

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Label("Search quotes and speakers (Enter opens the group, Esc closes)")
            yield Input(placeholder="words…", id="search-input")
            yield DataTable(id="search-results", cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one("#search-results", DataTable)
        table.add_columns("Kind", "Speaker", "Match")
        self.hits: list[SearchHit] = []
        self.query_one("#search-input", Input).focus()

    @on(Input.Changed, "#search-input")
    def changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @work(exclusive=True, thread=True)
    def run_search(self, text: str) -> None:
        # In a thread so typing never waits for the index; exclusive drops stale searches.
        hits = cast("QuotesApp", self.app).store_reader().search(text, limit=100) if text.strip() else []
        self.app.call_from_thread(self.show, hits)

    def show(self, hits) -> None:
        self.hits = [h for h in hits if h.group_id is not None or h.speaker_id is not None]
        table = self.query_one("#search-results", DataTable)
        table.clear()
        for hit in self.hits:
            match = highlighted(hit.snippet, hit.highlights, MATCH_STYLE) if hit.snippet else plain(hit.text)
            table.add_row(hit.kind, plain(hit.speaker or ""), match)

    @on(Input.Submitted, "#search-input")
    def submitted(self) -> None:
        if self.hits:
            self.choose(0)

    @on(DataTable.RowSelected, "#search-results")
    def selected(self, event: DataTable.RowSelected) -> None:
        self.choose(event.cursor_row)

    def choose(self, row: int) -> None:
        self.dismiss(self.hits[row])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
