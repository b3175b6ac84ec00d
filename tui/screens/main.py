"""The main screen: speakers -> their quote groups -> the selected group's wordings."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Static, TabbedContent, TabPane

from quotes import drift
from quotes.terminal import inert
from tui.widgets.render import legend, plain
from tui.widgets.timeline import TimelinePane
from tui.widgets.wordings import WordingList

PAGE = 200  # rows fetched at a time: lists load lazily, so a huge index opens at once


class MainScreen(Screen):
    CSS_PATH = "main.tcss"
    BINDINGS = [
        Binding("slash", "app.search", "Search", id="search", priority=True),
        Binding("f", "focus_filter", "Filter speakers", id="filter"),
        Binding("o", "open_article", "Open article", id="open_article"),
        Binding("e", "app.export", "Export", id="export"),
        Binding("R", "reassign", "Reassign speaker", id="reassign"),
        Binding("m", "merge", "Merge groups", id="merge"),
        Binding("s", "split", "Split wording", id="split"),
        Binding("r", "refresh", "Refresh", id="refresh"),
        Binding("t", "toggle_timeline", "Timeline", id="timeline"),
        Binding("p", "pair", "Side by side", id="pair"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.speaker_id: int | None = None
        self.group_id: int | None = None
        self._speakers_loaded = 0
        self._speakers_done = False
        self._groups_loaded = 0
        self._groups_done = False
        self.occurrences = []
        self.drift = None

    @property
    def store(self):
        return self.app.store

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            with Vertical(id="speakers-pane"):
                yield Input(placeholder="filter speakers…", id="speaker-filter")
                yield DataTable(id="speakers", cursor_type="row", zebra_stripes=True)
            with Vertical(id="groups-pane"):
                yield Label("Quote groups", id="groups-title")
                yield DataTable(id="groups", cursor_type="row", zebra_stripes=True)
            with Vertical(id="detail-pane"):
                yield Static(id="group-head")
                with TabbedContent(id="detail-tabs"):
                    with TabPane("Wordings", id="wordings-tab"):
                        yield WordingList(id="wordings")
                    with TabPane("Timeline", id="timeline-tab"):
                        yield TimelinePane(id="timeline")
                yield Static(id="occurrence-info")
                yield Static(legend(), id="legend")
        yield Footer()

    def on_mount(self) -> None:
        speakers = self.query_one("#speakers", DataTable)
        speakers.add_columns("Speaker", "Type", "Quotes", "Groups", "Roles")
        groups = self.query_one("#groups", DataTable)
        groups.add_columns("Id", "Canonical wording", "Wordings", "Sources", "First seen")
        self.reload_speakers()
        self.on_resize()
        speakers.focus()

    def on_resize(self, event=None) -> None:
        self.set_class(self.size.width < 110, "narrow")

    # ------------------------------------------------------------------ speakers

    def reload_speakers(self) -> None:
        table = self.query_one("#speakers", DataTable)
        table.clear()
        self._speakers_loaded = 0
        self._speakers_done = False
        self.load_more_speakers()

    def load_more_speakers(self) -> None:
        if self._speakers_done:
            return
        table = self.query_one("#speakers", DataTable)
        text = self.query_one("#speaker-filter", Input).value
        page = self.store.speakers(filter=text or None, limit=PAGE, offset=self._speakers_loaded)
        for s in page:
            table.add_row(plain(s.name), s.type.value, str(s.quotes), str(s.groups), plain("; ".join(s.roles[:2])), key=str(s.id))
        self._speakers_loaded += len(page)
        self._speakers_done = len(page) < PAGE

    @on(Input.Changed, "#speaker-filter")
    def filter_changed(self) -> None:
        self.reload_speakers()

    @on(DataTable.RowHighlighted, "#speakers")
    def speaker_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is None or event.row_key.value is None:
            return
        if event.cursor_row >= self._speakers_loaded - 20:
            self.load_more_speakers()
        self.select_speaker(int(event.row_key.value))

    def select_speaker(self, speaker_id: int) -> None:
        self.speaker_id = speaker_id
        speaker = self.store.speaker(speaker_id)
        title = self.query_one("#groups-title", Label)
        if speaker:
            label = Text("Quote groups of ", style="bold").append(inert(speaker.name), style="bold cyan")
            if speaker.roles:
                label.append(" · " + inert("; ".join(speaker.roles[:2])), style="dim")
            title.update(label)
        self.reload_groups()

    # ------------------------------------------------------------------ groups

    def reload_groups(self) -> None:
        table = self.query_one("#groups", DataTable)
        table.clear()
        self._groups_loaded = 0
        self._groups_done = False
        self.load_more_groups()
        if table.row_count:
            table.move_cursor(row=0)
        else:
            self.show_group(None)

    def load_more_groups(self) -> None:
        if self._groups_done or self.speaker_id is None:
            return
        table = self.query_one("#groups", DataTable)
        page = self.store.groups(speaker_id=self.speaker_id, limit=PAGE, offset=self._groups_loaded)
        for g in page:
            table.add_row(str(g.id), plain(g.canonical), str(g.wordings), str(g.outlets), plain(g.first_seen or ""), key=str(g.id))
        self._groups_loaded += len(page)
        self._groups_done = len(page) < PAGE

    @on(DataTable.RowHighlighted, "#groups")
    def group_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is None or event.row_key.value is None:
            return
        if event.cursor_row >= self._groups_loaded - 20:
            self.load_more_groups()
        self.show_group(int(event.row_key.value))

    def show_group(self, group_id: int | None) -> None:
        self.group_id = group_id
        head = self.query_one("#group-head", Static)
        wordings = self.query_one("#wordings", WordingList)
        timeline = self.query_one("#timeline", TimelinePane)
        self.occurrences = []
        self.drift = None
        if group_id is None:
            head.update("")
            wordings.show([], None)
            timeline.show(None)
            self.query_one("#occurrence-info", Static).update("")
            return
        detail = self.store.group(group_id, diffs=False)  # the wording view diffs the wordings it draws
        if detail is None:
            head.update(Text(f"group {group_id} is gone (merged?) — press r to refresh", style="yellow"))
            return
        g = detail.group
        text = Text(f"Group {g.id}", style="bold").append(" · ")
        text.append(inert(g.speaker or "unknown speaker"), style="bold cyan")
        if detail.role:
            text.append(f" ({inert(detail.role)})", style="dim")
        text.append("\n“" + inert(g.canonical) + "”\n", style="italic")
        text.append(f"{g.wordings} wording(s) · {g.occurrences} occurrence(s) · {g.outlets} source(s)"
                    + (f" · first seen {g.first_seen}" if g.first_seen else ""), style="dim")
        head.update(text)
        self.drift = drift.analyse(detail, diffs=False)  # the timeline pane diffs the wordings it shows
        wordings.show(detail.occurrences, self.drift)
        self.occurrences = wordings.occurrences  # in date order
        timeline.show(self.drift, visible=self.query_one("#detail-tabs", TabbedContent).active == "timeline-tab")
        if self.occurrences:
            self.show_occurrence(self.occurrences[0])

    @on(WordingList.OptionHighlighted, "#wordings")
    def wording_highlighted(self, event: WordingList.OptionHighlighted) -> None:
        if 0 <= event.option_index < len(self.occurrences):
            self.show_occurrence(self.occurrences[event.option_index])

    @on(WordingList.OptionSelected, "#wordings")
    def wording_selected(self) -> None:
        self.action_open_article()

    @on(WordingList.Picked, "#wordings")
    def wording_picked(self, event: WordingList.Picked) -> None:
        if len(event.picked) == 2:
            self.notify("two wordings picked: p shows them side by side")

    def pair(self):
        """The two wordings to compare: the two picked; one picked and the highlighted one;
        else the highlighted one and the wording it most likely derives from."""
        wordings = self.query_one("#wordings", WordingList)
        by_id = {o.id: o for o in self.occurrences}
        picked = [by_id[i] for i in wordings.picked if i in by_id]
        current = wordings.current()
        if len(picked) == 2:
            return picked[0], picked[1]
        if len(picked) == 1 and current is not None and current.id != picked[0].id:
            return picked[0], current
        if current is not None and self.drift is not None:
            w = self.drift.wording(wordings.numbers[current.id])
            if w.parent is not None:
                first = next(a.quote_id for a in self.drift.appearances if a.wording == w.parent)
                return by_id[first], current
        return None

    def action_pair(self) -> None:
        pair = self.pair()
        if pair is None:
            self.notify("pick two wordings with space (or highlight one that derives from another)", severity="warning")
            return
        from tui.screens.pair import PairScreen

        self.app.push_screen(PairScreen(*pair, numbers=self.query_one("#wordings", WordingList).numbers))

    @on(TabbedContent.TabActivated, "#detail-tabs")
    def tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # the occurrence details belong to the wording view; the timeline gets their room
        self.set_class(event.pane.id == "timeline-tab", "timeline-active")
        if event.pane.id == "timeline-tab":
            self.query_one("#timeline", TimelinePane).draw_if_stale()

    def action_toggle_timeline(self) -> None:
        tabs = self.query_one("#detail-tabs", TabbedContent)
        tabs.active = "wordings-tab" if tabs.active == "timeline-tab" else "timeline-tab"

    def show_occurrence(self, o) -> None:
        info = Text()
        info.append("As printed: ", style="bold").append("“" + inert(o.text) + "”\n")
        where = " · ".join(inert(x) for x in (o.outlet, o.title, o.date) if x)
        info.append("Where: ", style="bold").append((where + " · " if where else "") + inert(o.source) + "\n")
        info.append("Context: ", style="bold").append(inert(o.context) + "\n")
        info.append("Speaker: ", style="bold").append(inert(o.speaker or "unknown"))
        if o.mention:
            info.append(f" as “{inert(o.mention)}”")
        if o.cue:
            info.append(f", cue “{inert(o.cue)}”")
        info.append(f" · rule {o.rule} · confidence {o.confidence:.2f}", style="dim")
        self.query_one("#occurrence-info", Static).update(info)

    def current_occurrence(self):
        return self.query_one("#wordings", WordingList).current()

    # ------------------------------------------------------------------ navigation from search

    def go_to_group(self, group_id: int) -> None:
        detail = self.store.group(group_id)
        if detail is None:
            return
        if detail.group.speaker_id is not None:
            self.query_one("#speaker-filter", Input).value = ""
            self.reload_speakers()
            speakers = self.query_one("#speakers", DataTable)
            while True:
                try:
                    row = speakers.get_row_index(str(detail.group.speaker_id))
                    break
                except Exception:
                    if self._speakers_done:
                        row = None
                        break
                    self.load_more_speakers()
            if row is not None:
                speakers.move_cursor(row=row)
            self.speaker_id = detail.group.speaker_id
            self.reload_groups()
        groups = self.query_one("#groups", DataTable)
        while True:
            try:
                groups.move_cursor(row=groups.get_row_index(str(group_id)))
                break
            except Exception:
                if self._groups_done:
                    break
                self.load_more_groups()
        self.show_group(group_id)
        self.query_one("#wordings", WordingList).focus()

    # ------------------------------------------------------------------ actions

    def action_focus_filter(self) -> None:
        self.query_one("#speaker-filter", Input).focus()

    def action_refresh(self) -> None:
        group, speaker = self.group_id, self.speaker_id
        self.reload_speakers()
        if speaker is not None:
            self.speaker_id = speaker
            self.reload_groups()
        if group is not None:
            self.show_group(group)
        self.notify("refreshed from the index")

    def action_open_article(self) -> None:
        occurrence = self.current_occurrence()
        if occurrence is None:
            self.notify("select a wording first", severity="warning")
            return
        from tui.screens.article import ArticleScreen

        self.app.push_screen(ArticleScreen(self.store.article(occurrence.article_id), occurrence))

    def action_reassign(self) -> None:
        occurrence = self.current_occurrence()
        if occurrence is None:
            self.notify("select a wording first", severity="warning")
            return
        from tui.screens.dialogs import PromptScreen

        def apply(name: str | None) -> None:
            if name:
                self.store.reassign_quote(occurrence.id, name)
                self.notify(f"quote {occurrence.id} now attributed to {name}")
                self.action_refresh()

        self.app.push_screen(PromptScreen(f"Reassign quote {occurrence.id} to speaker:", occurrence.speaker or ""), apply)

    def action_merge(self) -> None:
        if self.group_id is None:
            self.notify("select a group first", severity="warning")
            return
        from tui.screens.dialogs import PromptScreen

        keep = self.group_id

        def apply(value: str | None) -> None:
            if value and value.strip().isdigit():
                try:
                    self.store.merge_groups(keep, int(value))
                except Exception as error:  # a wrong group id: say so, keep the view
                    self.notify(str(error), severity="error")
                    return
                self.notify(f"group {value} merged into {keep}")
                self.action_refresh()

        self.app.push_screen(PromptScreen(f"Merge which group into group {keep}? (id)", ""), apply)

    def action_split(self) -> None:
        occurrence = self.current_occurrence()
        if occurrence is None:
            self.notify("select a wording first", severity="warning")
            return
        new = self.store.split_quote(occurrence.id)
        self.notify(f"quote {occurrence.id} moved to new group {new}")
        self.action_refresh()
