"""The speaker list and the group list: widgets of their own that read pages from the store
and post what the user picked (SpeakerSelected, GroupSelected); the screen decides what
follows. Lists load in pages, read in worker threads, so a huge index opens at once and a
slow read never holds up the keyboard."""

from __future__ import annotations

from typing import cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.dom import DOMNode
from textual.message import Message
from textual.widgets import DataTable, Input, Label

from quotes.models import GroupSummary, SpeakerSummary
from quotes.store import Store
from quotes.terminal import inert
from tui.reads import read_then
from tui.widgets.render import plain

PAGE = 200  # rows fetched at a time


class PageTable(DataTable):
    """A DataTable whose rows arrive a page at a time from a worker thread. DataTable measures
    new rows' column widths when it is next idle, and a repaint that comes first draws (and
    caches) the new cells at the old widths, cutting them; so once the widths are measured,
    the cached cells are dropped and drawn again."""

    _measured = True

    def rows_added(self) -> None:
        self._measured = False

    def on_idle(self) -> None:  # runs after DataTable's own idle handler, which measures
        if not self._measured:
            self._measured = True
            self.notify_style_update()  # DataTable's way to drop its cached cells


class _Paged:
    """Row paging over a DataTable. Each page is read in a worker thread (tui.reads) and
    added when it arrives; a page of an older load (the filter changed, another speaker was
    picked) is dropped. ``show(target=...)`` loads pages until the target row is there and
    puts the cursor on it without posting a selection: the screen that asked shows it."""

    done: bool
    loaded: int
    _generation: int = 0

    @property
    def table(self) -> DataTable:
        raise NotImplementedError

    def _query(self):  # what the rows are of (a filter, a speaker), taken on the UI thread
        raise NotImplementedError

    def _fetch(self, store: Store, query, offset: int) -> list:
        raise NotImplementedError

    def _add(self, rows: list) -> None:
        raise NotImplementedError

    def _none(self) -> None:
        """The first page came back empty."""

    def _reset(self, target: int | None = None) -> None:
        self.loaded = 0
        self.done = False
        self._loading = False
        self._target = target
        self._generation += 1

    def _start(self, target: int | None = None) -> None:
        self.table.clear()
        self._reset(target)
        self.load_more()

    def load_more(self) -> None:
        if self.done or self._loading:
            return
        self._loading = True
        generation, query, offset = self._generation, self._query(), self.loaded
        read_then(
            cast(DOMNode, self),
            lambda store: self._fetch(store, query, offset),
            lambda rows: self._arrived(generation, rows),
            group=f"{cast(DOMNode, self).id}-pages",
            description=f"rows {offset}-{offset + PAGE}",
        )

    def _arrived(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return  # a newer load started after this page was asked for
        self._loading = False
        first = self.loaded == 0
        target = self._target
        if target is None:
            self._add(rows)  # the first row of a new list is highlighted, and so selected
        else:
            with cast(DOMNode, self).prevent(DataTable.RowHighlighted):
                self._add(rows)
        cast(PageTable, self.table).rows_added()
        self.loaded += len(rows)
        self.done = len(rows) < PAGE
        if target is not None:
            row = self._row_of(target)
            if row is not None:
                self._target = None
                with cast(DOMNode, self).prevent(DataTable.RowHighlighted):
                    self.table.move_cursor(row=row)
            elif not self.done:
                self.load_more()
            else:  # gone (merged, renamed away): the first row is selected instead
                self._target = None
                if self.table.row_count:
                    with cast(DOMNode, self).prevent(DataTable.RowHighlighted):
                        self.table.move_cursor(row=0)
                    self._post_highlighted()
                else:
                    self._none()
        elif first and not rows:
            self._none()

    def _row_of(self, key: int) -> int | None:
        try:
            return self.table.get_row_index(str(key))
        except Exception:  # not among the rows loaded
            return None

    def _post_highlighted(self) -> None:
        self.table.post_message(
            DataTable.RowHighlighted(self.table, 0, self.table.coordinate_to_cell_key(Coordinate(0, 0)).row_key)
        )

    def _highlighted_id(self, event: DataTable.RowHighlighted) -> int | None:
        """The id of the highlighted row, loading the next page as the cursor nears the end."""
        event.stop()
        if event.row_key is None or event.row_key.value is None:
            return None
        if event.cursor_row >= self.loaded - 20:
            self.load_more()
        return int(event.row_key.value)


class SpeakerList(Vertical, _Paged):
    class SpeakerSelected(Message):
        def __init__(self, speakers: "SpeakerList", speaker_id: int) -> None:
            super().__init__()
            self.speakers = speakers
            self.speaker_id = speaker_id

        @property
        def control(self) -> "SpeakerList":
            return self.speakers

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._reset()

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter speakers…", id="speaker-filter")
        yield PageTable(id="speakers", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.table.add_columns("Speaker", "Type", "Quotes", "Groups", "Role")
        self.reload()

    @property
    def table(self) -> DataTable:
        return self.query_one("#speakers", DataTable)

    def reload(self) -> None:
        """Every speaker the filter lets through, most quoted first; the first one is selected."""
        self._start()

    def show(self, speaker_id: int) -> None:
        """Every speaker, unfiltered, with the cursor on this one (nothing posted)."""
        box = self.query_one("#speaker-filter", Input)
        if box.value:
            with box.prevent(Input.Changed):
                box.value = ""
        self._start(target=speaker_id)

    def _query(self) -> str | None:
        return self.query_one("#speaker-filter", Input).value or None

    def _fetch(self, store: Store, query: str | None, offset: int) -> list[SpeakerSummary]:
        return store.speakers(filter=query, limit=PAGE, offset=offset)

    def _add(self, rows: list[SpeakerSummary]) -> None:
        for s in rows:
            self.table.add_row(
                plain(s.name), s.type.value, str(s.quotes), str(s.groups), plain(s.roles[0] if s.roles else ""), key=str(s.id)
            )

    @on(Input.Changed, "#speaker-filter")
    def _filter_changed(self) -> None:
        self.reload()

    @on(DataTable.RowHighlighted, "#speakers")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        row_id = self._highlighted_id(event)
        if row_id is not None:
            self.post_message(self.SpeakerSelected(self, row_id))


class GroupList(Vertical, _Paged):
    class GroupSelected(Message):
        def __init__(self, groups: "GroupList", group_id: int | None) -> None:
            super().__init__()
            self.groups = groups
            self.group_id = group_id  # None: the speaker has no group

        @property
        def control(self) -> "GroupList":
            return self.groups

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.speaker_id: int | None = None
        self._reset()

    def compose(self) -> ComposeResult:
        yield Label("Quote groups", id="groups-title")
        yield PageTable(id="groups", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        # the canonical wording is cut to a fixed width, so the counts stay in view (the
        # wording view shows every wording whole)
        self.table.add_column("Id")
        self.table.add_column("Canonical wording", width=17)
        self.table.add_columns("Wordings", "Sources", "First seen")

    @property
    def table(self) -> DataTable:
        return self.query_one("#groups", DataTable)

    def show_speaker(self, speaker_id: int | None, target: int | None = None) -> None:
        """The speaker's groups, most printed first: the cursor on ``target`` (nothing
        posted), else on the first group, which is selected."""
        self.speaker_id = speaker_id
        if speaker_id is not None:
            read_then(self, lambda store: store.speaker(speaker_id), self._title, group="groups-title", description="speaker")
        self._start(target)

    def reload(self) -> None:
        self._start()

    def _title(self, speaker: SpeakerSummary | None) -> None:
        if speaker is None or speaker.id != self.speaker_id:
            return
        label = Text("Quote groups of ", style="bold").append(inert(speaker.name), style="bold cyan")
        if speaker.roles:
            # the most frequent recent role; every role with its sources: i
            label.append(" · " + inert(speaker.roles[0]), style="dim")
        self.query_one("#groups-title", Label).update(label)

    def _query(self) -> int | None:
        return self.speaker_id

    def _fetch(self, store: Store, speaker_id: int | None, offset: int) -> list[GroupSummary]:
        return [] if speaker_id is None else store.groups(speaker_id=speaker_id, limit=PAGE, offset=offset)

    def _add(self, rows: list[GroupSummary]) -> None:
        for g in rows:
            self.table.add_row(
                str(g.id), plain(g.canonical), str(g.wordings), str(g.outlets), plain(g.first_seen or ""), key=str(g.id)
            )

    def _none(self) -> None:
        self.post_message(self.GroupSelected(self, None))

    @on(DataTable.RowHighlighted, "#groups")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        row_id = self._highlighted_id(event)
        if row_id is not None:
            self.post_message(self.GroupSelected(self, row_id))
