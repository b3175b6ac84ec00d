"""The wording view: every occurrence of the selected group in date order, each wording
shown whole and wrapped, with its word diff against the group's canonical wording. Space
picks a wording for the side-by-side pair view (two at most; a third replaces the older)."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from quotes.drift import Drift
from quotes.models import Occurrence
from quotes.terminal import inert
from quotes.textdiff import word_diff
from quotes.timeline import colour
from tui.widgets.render import diff_text

PAGE = 40  # occurrences added at a time (a screen shows about ten)


class WordingList(OptionList):
    BINDINGS = [Binding("space", "pick", "Pick for pair", id="pick_wording")]

    class Picked(Message):
        def __init__(self, wordings: "WordingList", picked: list[int]) -> None:
            super().__init__()
            self.wordings = wordings
            self.picked = picked  # quote ids, oldest pick first

        @property
        def control(self) -> "WordingList":
            return self.wordings

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.occurrences: list[Occurrence] = []
        self.numbers: dict[int, int] = {}  # quote id -> wording number
        self.picked: list[int] = []
        self.shown = 0  # occurrences added as options so far
        self.canonical: str | None = None
        self._diffs: dict[str, list] = {}

    def show(self, occurrences: list[Occurrence], d: Drift | None) -> None:
        """The group's occurrences, in the drift's order (by date, undated last)."""
        self.canonical = d.canonical if d is not None else None
        self._diffs = {}
        by_id = {o.id: o for o in occurrences}
        order = [by_id[a.quote_id] for a in d.appearances] if d is not None else list(occurrences)
        self.numbers = {a.quote_id: a.wording for a in d.appearances} if d is not None else {}
        self.occurrences = order
        self.picked = []
        self.shown = 0
        self.clear_options()
        self.load_more()
        if order:
            self.highlighted = 0

    def load_more(self) -> None:
        """The next page of occurrences (each is wrapped to the pane's width when added: a
        group printed a thousand times opens at once and grows as the cursor nears the end)."""
        page = self.occurrences[self.shown : self.shown + PAGE]
        if page:
            self.add_options([Option(self.prompt(o), id=str(o.id)) for o in page])
            self.shown += len(page)

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= self.shown - 10:
            self.load_more()

    def prompt(self, o: Occurrence) -> Text:
        number = self.numbers.get(o.id)
        head = Text()
        if number is not None:
            head.append(f" W{number} ", style=f"bold white on {colour(number)}").append(" ")
        head.append(inert(o.outlet or o.source, False), style="bold cyan")
        head.append(f" · {inert(o.date, False) if o.date else 'undated'} · quote {o.id}", style="dim")
        if o.id in self.picked:
            head.append(f"  [{'AB'[self.picked.index(o.id)]}] picked", style="bold reverse")
        head.append("\n")
        head.append_text(diff_text(self.diff(o), o.text))
        return head

    def diff(self, o: Occurrence) -> list:
        """The occurrence's diff against the canonical wording: as read, or worked out when
        its option is first drawn (once per distinct wording)."""
        if o.diff or self.canonical is None:
            return o.diff
        found = self._diffs.get(o.text)
        if found is None:
            found = self._diffs[o.text] = word_diff(self.canonical, o.text)
        return found

    def current(self) -> Occurrence | None:
        index = self.highlighted
        if index is None or not (0 <= index < len(self.occurrences)):
            return None
        return self.occurrences[index]

    def action_pick(self) -> None:
        o = self.current()
        if o is None:
            return
        before = set(self.picked)
        if o.id in self.picked:
            self.picked.remove(o.id)
        else:
            self.picked.append(o.id)
            if len(self.picked) > 2:
                self.picked.pop(0)
        for index, item in enumerate(self.occurrences[: self.shown]):
            if item.id in before or item.id in self.picked:  # their marks change
                self.replace_option_prompt_at_index(index, self.prompt(item))
        self.post_message(self.Picked(self, list(self.picked)))
