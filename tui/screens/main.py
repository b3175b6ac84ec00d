"""The main screen: speakers -> their quote groups -> the selected group's wordings.

The panes are widgets of their own (tui.widgets): SpeakerList and GroupList read pages from
the store and post SpeakerSelected / GroupSelected; the wording view (WordingList) and the
timeline (TimelinePane) show what the screen hands them. Every read of the index runs in a
worker thread (tui.reads) and corrections on a connection of their own, so the interface
never waits for the disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, TabbedContent, TabPane

from quotes import drift
from quotes.drift import Drift
from quotes.models import CueClass, GroupDetail
from quotes.store import Occurrence, Store
from quotes.terminal import inert
from tui.reads import read_then
from tui.widgets.panes import GroupList, SpeakerList
from tui.widgets.render import legend
from tui.widgets.timeline import TimelinePane
from tui.widgets.wordings import WordingList

if TYPE_CHECKING:
    from tui.app import QuotesApp


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
        Binding("i", "speaker_roles", "Speaker roles", id="speaker_roles"),
        Binding("k", "cycle_reported_kind", "Reported: cue class", id="reported_kind", show=False),
    ]

    # the Reported tab's filter, cycled with k: every statement, then one cue class at a time
    REPORTED_KINDS: tuple[str | None, ...] = (None, *(c.value for c in CueClass))

    def __init__(self) -> None:
        super().__init__()
        self.speaker_id: int | None = None
        self.group_id: int | None = None
        self.occurrences: list[Occurrence] = []
        self.drift: Drift | None = None
        self.reported_kind: str | None = None
        self._occurrence_shown: Occurrence | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="panes"):
            yield SpeakerList(id="speakers-pane")
            yield GroupList(id="groups-pane")
            with Vertical(id="detail-pane"):
                yield Static(id="group-head")
                with TabbedContent(id="detail-tabs"):
                    with TabPane("Wordings", id="wordings-tab"):
                        yield WordingList(id="wordings")
                    with TabPane("Timeline", id="timeline-tab"):
                        yield TimelinePane(id="timeline")
                    with TabPane("Reported", id="reported-tab"):
                        with VerticalScroll(id="reported-scroll"):
                            yield Static(id="reported")
                yield Static(id="occurrence-info")
                yield Static(legend(), id="legend")
        yield Footer()

    @property
    def speakers(self) -> SpeakerList:
        return self.query_one(SpeakerList)

    @property
    def groups(self) -> GroupList:
        return self.query_one(GroupList)

    def on_mount(self) -> None:
        self.on_resize()
        self.speakers.table.focus()

    def on_resize(self, event=None) -> None:
        self.set_class(self.size.width < 110, "narrow")

    # ------------------------------------------------------------------ what the panes post

    @on(SpeakerList.SpeakerSelected)
    def speaker_selected(self, event: SpeakerList.SpeakerSelected) -> None:
        if event.speaker_id != self.speaker_id:
            self.select_speaker(event.speaker_id)

    def select_speaker(self, speaker_id: int, group_id: int | None = None) -> None:
        """Show the speaker's groups, with ``group_id`` (else the first one) selected."""
        self.speaker_id = speaker_id
        self.groups.show_speaker(speaker_id, target=group_id)
        self.show_reported()

    def show_reported(self) -> None:
        """The selected speaker's reported statements (no quote marks), of the cue class the
        filter (k) shows, each with the quote group it paraphrases."""
        pane = self.query_one("#reported", Static)
        if self.speaker_id is None:
            pane.update("")
            return
        speaker_id, kind = self.speaker_id, self.reported_kind

        def apply(statements) -> None:
            if (speaker_id, kind) == (self.speaker_id, self.reported_kind):
                pane.update(self._reported_text(statements))

        read_then(
            self,
            lambda store: store.statements(speaker_id=speaker_id, cue_class=kind, limit=200),
            apply,
            group="reported",
            description="reported statements",
        )

    def _reported_text(self, statements) -> Text:
        text = Text(
            f"Reported statements ({self.reported_kind or 'every cue class'}; k to filter): {len(statements)}"
            + (" shown, more in `quotes quotes --kind reported`" if len(statements) == 200 else "")
            + "\n",
            style="bold",
        )
        for r in statements:
            text.append(f"{inert(r.mention or r.speaker or '?')} {inert(r.cue or '')}: ", style="cyan")
            text.append(inert(r.text))
            where = " · ".join(inert(x) for x in (r.outlet or r.source, r.date) if x)
            text.append(f"\n  {where} · {r.cue_class.value} · rule {r.rule} · confidence {r.confidence:.2f}", style="dim")
            if r.paraphrase_group_id is not None:
                text.append(f" · paraphrases group {r.paraphrase_group_id} ({r.paraphrase_score or 0:.2f})", style="green")
            text.append("\n")
        return text

    def action_cycle_reported_kind(self) -> None:
        kinds = self.REPORTED_KINDS
        self.reported_kind = kinds[(kinds.index(self.reported_kind) + 1) % len(kinds)]
        self.query_one("#detail-tabs", TabbedContent).active = "reported-tab"
        self.show_reported()
        self.notify(f"reported statements: {self.reported_kind or 'every cue class'}")

    @on(GroupList.GroupSelected)
    def group_selected(self, event: GroupList.GroupSelected) -> None:
        if event.group_id != self.group_id or event.group_id is None:
            self.show_group(event.group_id)

    def show_group(self, group_id: int | None) -> None:
        self.group_id = group_id
        if group_id is None:
            self.query_one("#group-head", Static).update("", layout=False)
            self.query_one("#wordings", WordingList).show([], None)
            self.query_one("#timeline", TimelinePane).show(None)
            self.occurrences = []
            self.drift = None
            self._occurrence_shown = None
            self.query_one("#occurrence-info", Static).update("", layout=False)
            return
        read_then(
            self,
            lambda store: _read_group(store, group_id),
            lambda read: self._draw_group(group_id, *read),
            group="group",
            description=f"group {group_id}",
        )

    def _draw_group(self, group_id: int, detail: GroupDetail | None, analysed: Drift | None) -> None:
        if group_id != self.group_id:
            return  # another group was selected while this one was read
        head = self.query_one("#group-head", Static)
        if detail is None or analysed is None:
            head.update(Text(f"group {group_id} is gone (merged?) — press r to refresh", style="yellow"), layout=False)
            return
        g = detail.group
        text = Text(f"Group {g.id}", style="bold").append(" · ")
        text.append(inert(g.speaker or "unknown speaker"), style="bold cyan")
        if detail.role:
            text.append(f" ({inert(detail.role)})", style="dim")
        # the head has a fixed height (main.tcss): the counts and the paraphrase come first,
        # the canonical wording last, where a long one is cut (the wording view shows it whole)
        text.append(
            f"\n{g.wordings} wording(s) · {g.occurrences} occurrence(s) · {g.outlets} source(s)"
            + (f" · first seen {g.first_seen}" if g.first_seen else ""),
            style="dim",
        )
        if detail.reported:
            first = inert(detail.reported[0].text)
            text.append(f"\nalso reported as: {first if len(first) <= 90 else first[:89] + '…'}", style="green")
            if len(detail.reported) > 1:
                text.append(f" (+{len(detail.reported) - 1} more)", style="green")
        if detail.repeated:  # the same line said on another occasion: another group
            said = inert(f"also said {detail.repeated[0].said} (group {detail.repeated[0].group_id})")
            text.append("\n" + (said if len(said) <= 110 else said[:109] + "…"), style="magenta")
            if len(detail.repeated) > 1:
                text.append(f" (+{len(detail.repeated) - 1} more)", style="magenta")
        text.append("\n“" + inert(g.canonical) + "”", style="italic")
        # fixed heights: new text needs no new layout, which would otherwise re-measure
        # every pane (and re-wrap the wording view) on each group switch
        head.update(text, layout=False)
        self.drift = analysed
        wordings = self.query_one("#wordings", WordingList)
        wordings.show(detail.occurrences, analysed)
        self.occurrences = wordings.occurrences  # in date order
        visible = self.query_one("#detail-tabs", TabbedContent).active == "timeline-tab"
        self.query_one("#timeline", TimelinePane).show(analysed, visible=visible)
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

        first, second = pair
        self.app.push_screen(PairScreen(first, second, numbers=self.query_one("#wordings", WordingList).numbers))

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
        if o is self._occurrence_shown:
            return  # the wording view's highlight repeats what show_group just drew
        self._occurrence_shown = o
        info = Text()
        info.append("As printed: ", style="bold").append(inert(o.printed()) + "\n")
        where = " · ".join(inert(x) for x in (o.outlet, o.title, o.date) if x)
        info.append("Where: ", style="bold").append((where + " · " if where else "") + inert(o.source) + "\n")
        info.append("Context: ", style="bold").append(inert(o.context) + "\n")
        info.append("Speaker: ", style="bold").append(inert(o.speaker or "unknown"))
        if o.mention:
            info.append(f" as “{inert(o.mention)}”")
        if o.cue:
            info.append(f", cue “{inert(o.cue)}”")
        info.append(f" · rule {o.rule} · resolver {o.resolver or '-'} · confidence {o.confidence:.2f}", style="dim")
        if o.speaker_note():
            info.append("\n" + inert(o.speaker_note() or ""), style="bold red" if o.conflict else "yellow")
        self.query_one("#occurrence-info", Static).update(info, layout=False)

    def current_occurrence(self):
        return self.query_one("#wordings", WordingList).current()

    # ------------------------------------------------------------------ navigation from search

    def go_to_group(self, group_id: int) -> None:
        """Both lists on the group's speaker and the group, the group shown (from search)."""

        def apply(read: tuple[GroupDetail | None, Drift | None]) -> None:
            detail = read[0]
            if detail is None:
                self.notify(f"group {group_id} is gone (merged?)", severity="warning")
                return
            self._select(detail.group.speaker_id, group_id)
            self.group_id = group_id
            self._draw_group(group_id, *read)
            self.query_one("#wordings", WordingList).focus()

        read_then(self, lambda store: _read_group(store, group_id), apply, group="group", description=f"group {group_id}")

    def go_to_speaker(self, speaker_id: int) -> None:
        """The speaker in the list, its first group shown (from search)."""
        self._select(speaker_id, None)

    def _select(self, speaker_id: int | None, group_id: int | None) -> None:
        """Put both lists on this speaker and group (no group: the speaker's first). The lists
        place their cursors without posting selections, which would get in the way."""
        if speaker_id is None:
            return  # a group nobody is credited with: in no speaker's list
        self.speakers.show(speaker_id)
        self.select_speaker(speaker_id, group_id)

    # ------------------------------------------------------------------ actions

    def action_focus_filter(self) -> None:
        self.query_one("#speaker-filter", Input).focus()

    def action_refresh(self, quiet: bool = False) -> None:
        """Read both lists and the group again (an ingest or a correction changed them); the
        speaker and group stay selected while they exist."""
        group, speaker = self.group_id, self.speaker_id

        def apply(exist: tuple[bool, bool]) -> None:
            speaker_there, group_there = exist
            if speaker_there and speaker is not None:
                self._select(speaker, group if group_there else None)
                if group_there and group is not None:
                    self.show_group(group)  # its wordings may have changed
            else:
                self.speakers.reload()  # the first speaker is selected
            if not quiet:
                self.notify("refreshed from the index")

        def still_there(store: Store) -> tuple[bool, bool]:
            return (
                speaker is not None and store.speaker(speaker) is not None,
                group is not None and store.group_exists(group),
            )

        read_then(self, still_there, apply, group="refresh", description="refresh")

    def action_speaker_roles(self) -> None:
        if self.speaker_id is None:
            self.notify("select a speaker first", severity="warning")
            return
        from tui.screens.roles import RolesScreen

        speaker_id = self.speaker_id

        def show(speaker) -> None:
            if speaker is None:
                self.notify("the speaker is gone from the index — press r to refresh", severity="warning")
            else:
                self.app.push_screen(RolesScreen(speaker))

        read_then(self, lambda store: store.speaker(speaker_id), show, group="roles", description="roles")

    def action_open_article(self) -> None:
        occurrence = self.current_occurrence()
        if occurrence is None:
            self.notify("select a wording first", severity="warning")
            return
        from tui.screens.article import ArticleScreen

        def show(article) -> None:
            if article is None:
                self.notify("the article is gone from the index — press r to refresh", severity="warning")
            else:
                self.app.push_screen(ArticleScreen(article, occurrence))

        read_then(self, lambda store: store.article(occurrence.article_id), show, group="article", description="article")

    def correct(self, work, describe) -> None:
        """Run a correction in a worker thread on a store connection of its own; then say
        what happened and refresh. ``work(store)`` returns what ``describe`` turns into
        the message."""
        from quotes.store import Store

        db = cast("QuotesApp", self.app).db_path

        def run() -> None:
            try:
                with Store(db, create=False) as store:
                    result = work(store)
            except Exception as error:  # a wrong id, a blank name, a read-only index: say so, keep the view
                self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
                return
            self.app.call_from_thread(self._corrected, describe(result))

        self.run_worker(run, thread=True, group="corrections", description="correction")

    def _corrected(self, message: str) -> None:
        self.action_refresh(quiet=True)
        self.notify(message, markup=False)

    def action_reassign(self) -> None:
        occurrence = self.current_occurrence()
        if occurrence is None:
            self.notify("select a wording first", severity="warning")
            return
        from tui.screens.dialogs import PromptScreen

        def apply(name: str | None) -> None:
            if name:
                self.correct(
                    lambda store: store.reassign_quote(occurrence.id, name),
                    lambda _: f"quote {occurrence.id} now attributed to {name}",
                )

        self.app.push_screen(PromptScreen(f"Reassign quote {occurrence.id} to speaker:", occurrence.speaker or ""), apply)

    def action_merge(self) -> None:
        if self.group_id is None:
            self.notify("select a group first", severity="warning")
            return
        from tui.screens.dialogs import PromptScreen

        keep = self.group_id

        def apply(value: str | None) -> None:
            if value and value.strip().isdigit():
                self.correct(lambda store: store.merge_groups(keep, int(value)), lambda _: f"group {value} merged into {keep}")

        self.app.push_screen(PromptScreen(f"Merge which group into group {keep}? (id)", ""), apply)

    def action_split(self) -> None:
        occurrence = self.current_occurrence()
        if occurrence is None:
            self.notify("select a wording first", severity="warning")
            return
        self.correct(
            lambda store: store.split_quote(occurrence.id), lambda new: f"quote {occurrence.id} moved to new group {new}"
        )


def _read_group(store: Store, group_id: int) -> tuple[GroupDetail | None, Drift | None]:
    """A group and its drift analysis, read in a worker thread (the wording view and the
    timeline diff only what they draw)."""
    detail = store.group(group_id, diffs=False)
    return detail, (drift.analyse(detail, diffs=False) if detail is not None else None)
