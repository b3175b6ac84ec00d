"""Two wordings side by side, aligned word by word: one row per step of the word diff (the
same words on both sides, words only one side has, words one side replaced)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from quotes.drift import word_edits
from quotes.grouping import words
from quotes.models import Occurrence
from quotes.terminal import DIFF_STYLES, inert
from quotes.textdiff import word_diff
from quotes.timeline import colour


def side_by_side(a: Occurrence, b: Occurrence, numbers: dict[int, int] | None = None) -> Table:
    numbers = numbers or {}

    def title(o: Occurrence) -> Text:
        t = Text()
        n = numbers.get(o.id)
        if n is not None:
            t.append(f" W{n} ", style=f"bold white on {colour(n)}").append(" ")
        t.append(inert(o.outlet or o.source, False), style="bold cyan")
        t.append(f" · {inert(o.date, False) if o.date else 'undated'}", style="dim")
        return t

    table = Table(expand=True, show_lines=False, pad_edge=False)
    table.add_column(title(a), ratio=1, overflow="fold")
    table.add_column("", width=1, no_wrap=True)
    table.add_column(title(b), ratio=1, overflow="fold")
    for op in word_diff(a.text, b.text):
        left, right = inert(op.canonical, False), inert(op.variant, False)
        if op.op == "equal":
            table.add_row(Text(left), Text("=", style="dim"), Text(right))
        elif op.op == "delete":
            table.add_row(Text(left, style=DIFF_STYLES["delete"]), Text("-", style="red"), Text(""))
        elif op.op == "insert":
            table.add_row(Text(""), Text("+", style="green"), Text(right, style=DIFF_STYLES["insert"]))
        elif op.op in ("editorial", "punctuation"):
            style = DIFF_STYLES[op.op]
            table.add_row(
                Text(left or "∅", style=style if op.op == "punctuation" else ""),
                Text("~", style="yellow"),
                Text(right or "∅", style=style),
            )
        else:
            table.add_row(
                Text(left, style=DIFF_STYLES["delete"]), Text("≠", style="yellow"), Text(right, style=DIFF_STYLES["insert"])
            )
    return table


class PairScreen(ModalScreen):
    BINDINGS = [Binding("escape,p,q", "app.pop_screen", "Close", id="close_pair")]
    DEFAULT_CSS = """
    PairScreen { align: center middle; }
    PairScreen > #pair-box { width: 96%; height: 90%; border: round $primary; background: $surface; padding: 0 1; }
    PairScreen #pair-head { height: auto; }
    """

    def __init__(self, a: Occurrence, b: Occurrence, numbers: dict[int, int] | None = None) -> None:
        super().__init__()
        self.a, self.b = a, b
        self.numbers = numbers or {}

    def compose(self) -> ComposeResult:
        edits = word_edits(words(self.a.text), words(self.b.text))
        head = Text("Side by side, word by word", style="bold").append(f" · {edits} word edit(s) · ", style="dim")
        head.append("=", style="dim").append(" same  ").append("-", style="red").append(" only left  ")
        head.append("+", style="green").append(" only right  ").append("≠", style="yellow").append(" replaced  ")
        head.append("~", style="yellow").append(" editorial / punctuation")
        with VerticalScroll(id="pair-box"):
            yield Static(head, id="pair-head")
            self.table = side_by_side(self.a, self.b, self.numbers)
            yield Static(self.table, id="pair-table")
        yield Footer()
