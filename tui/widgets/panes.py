"""The speaker list and the group list: widgets of their own that read pages from the store
and post what the user picked (SpeakerSelected, GroupSelected); the screen decides what
follows. Lists load in pages, so a huge index opens at once."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Label

from quotes.models import SpeakerSummary
from quotes.terminal import inert
from tui.widgets.render import plain

PAGE = 200  # rows fetched at a time


class _Paged:
    """Row paging over a DataTable: ``fetch(offset, limit)`` gives the next rows."""

    done: bool

    def load_more(self) -> None:  # each list pages its own rows
        raise NotImplementedError

    def _highlighted_id(self, event: DataTable.RowHighlighted) -> int | None:
        """The id of the highlighted row, loading the next page as the cursor nears the end."""
        event.stop()
        if event.row_key is None or event.row_key.value is None:
            return None
        if event.cursor_row >= self.loaded - 20:
            self.load_more()
        return int(event.row_key.value)

    def _reset(self) -> None:
        self.loaded = 0
        self.done = False

    def _key_row(self, table: DataTable, key: str) -> int | None:
        """The row of ``key``, loading pages until it is found or the list ends."""
        while True:
            try:
                return table.get_row_index(key)
            except Exception:  # not loaded (yet)
                if self.done:
                    return None
                self.load_more()


class SpeakerList(Vertical, _Paged):
    class SpeakerSelected(Message):
        def __init__(self, speakers: "SpeakerList", speaker_id: int) -> None:
            super().__init__()
            self.speakers = speakers
            self.speaker_id = speaker_id

        @property
        def control(self) -> "SpeakerList":
            return self.speakers

    def __init__(self, store_of, **kwargs) -> None:
        super().__init__(**kwargs)
        self._store_of = store_of
        self._reset()

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter speakers…", id="speaker-filter")
        yield DataTable(id="speakers", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        self.table.add_columns("Speaker", "Type", "Quotes", "Groups", "Role")
        self.reload()

    @property
    def table(self) -> DataTable:
        return self.query_one("#speakers", DataTable)

    def reload(self) -> None:
        self.table.clear()
        self._reset()
        self.load_more()

    def load_more(self) -> None:
        if self.done:
            return
        text = self.query_one("#speaker-filter", Input).value
        page = self._store_of().speakers(filter=text or None, limit=PAGE, offset=self.loaded)
        for s in page:
            self.table.add_row(
                plain(s.name), s.type.value, str(s.quotes), str(s.groups), plain(s.roles[0] if s.roles else ""), key=str(s.id)
            )
        self.loaded += len(page)
        self.done = len(page) < PAGE

    def clear_filter(self) -> None:
        box = self.query_one("#speaker-filter", Input)
        if box.value:
            with box.prevent(Input.Changed):
                box.value = ""
        self.reload()

    def move_to(self, speaker_id: int) -> None:
        row = self._key_row(self.table, str(speaker_id))
        if row is not None:
            with self.prevent(DataTable.RowHighlighted):
                self.table.move_cursor(row=row)

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

    def __init__(self, store_of, **kwargs) -> None:
        super().__init__(**kwargs)
        self._store_of = store_of
        self.speaker_id: int | None = None
        self._reset()

    def compose(self) -> ComposeResult:
        yield Label("Quote groups", id="groups-title")
        yield DataTable(id="groups", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        # the canonical wording is cut to a fixed width, so the counts stay in view (the
        # wording view shows every wording whole)
        self.table.add_column("Id")
        self.table.add_column("Canonical wording", width=17)
        self.table.add_columns("Wordings", "Sources", "First seen")

    @property
    def table(self) -> DataTable:
        return self.query_one("#groups", DataTable)

    def show_speaker(self, speaker: SpeakerSummary | None) -> None:
        """The speaker's groups, most printed first; the first one is selected."""
        self.speaker_id = speaker.id if speaker else None
        if speaker:
            label = Text("Quote groups of ", style="bold").append(inert(speaker.name), style="bold cyan")
            if speaker.roles:
                # the most frequent recent role; every role with its sources: i
                label.append(" · " + inert(speaker.roles[0]), style="dim")
            self.query_one("#groups-title", Label).update(label)
        self.reload()

    def reload(self) -> None:
        self.table.clear()
        self._reset()
        self.load_more()
        if self.table.row_count:
            self.table.move_cursor(row=0)
        else:
            self.post_message(self.GroupSelected(self, None))

    def load_more(self) -> None:
        if self.done or self.speaker_id is None:
            self.done = True
            return
        page = self._store_of().groups(speaker_id=self.speaker_id, limit=PAGE, offset=self.loaded)
        for g in page:
            self.table.add_row(
                str(g.id), plain(g.canonical), str(g.wordings), str(g.outlets), plain(g.first_seen or ""), key=str(g.id)
            )
        self.loaded += len(page)
        self.done = len(page) < PAGE

    def move_to(self, group_id: int) -> bool:
        row = self._key_row(self.table, str(group_id))
        if row is None:
            return False
        self.table.move_cursor(row=row)
        return True

    @on(DataTable.RowHighlighted, "#groups")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        row_id = self._highlighted_id(event)
        if row_id is not None:
            self.post_message(self.GroupSelected(self, row_id))
