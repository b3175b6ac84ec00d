"""Key bindings, generated from the bindings themselves (so remapped keys show as they are)."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark,q", "app.pop_screen", "Close", id="close_help")]

    def __init__(self, bindings: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = bindings

    def compose(self) -> ComposeResult:
        table = Table(title="quotes · keys", expand=True)
        table.add_column("key")
        table.add_column("action")
        table.add_column("binding id (for keymaps)")
        for key, description, binding_id in self.rows:
            table.add_row(key, description, binding_id)
        with VerticalScroll(id="help-box"):
            yield Static(table)
            yield Static("Mouse works too: click a speaker, a group, a wording. Ctrl+P opens the command palette.")
