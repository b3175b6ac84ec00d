"""A speaker's every role, the most frequent recent one first, with the articles each came
from (their outlets, how many, the first and last dated one) and the speaker's party."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from quotes.models import SpeakerSummary
from quotes.terminal import inert


def roles_table(speaker: SpeakerSummary) -> Table:
    title = inert(speaker.name) + (f" · party: {inert(speaker.party)}" if speaker.party else "")
    table = Table(title=Text(title, style="bold"), expand=True)
    for column in ("role", "articles", "first", "last", "sources"):
        table.add_column(column, overflow="fold")
    for detail in speaker.role_details:
        table.add_row(
            Text(inert(detail.role)),
            str(len(detail.articles)),
            detail.first_date or "",
            detail.last_date or "",
            Text(inert(", ".join(detail.sources))),
        )
    return table


class RolesScreen(ModalScreen):
    CSS_PATH = "roles.tcss"
    BINDINGS = [Binding("escape,i,q", "app.pop_screen", "Close", id="close_roles")]

    def __init__(self, speaker: SpeakerSummary) -> None:
        super().__init__()
        self.speaker = speaker

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="roles-box"):
            yield Static(roles_table(self.speaker), id="roles-table")
            if not self.speaker.role_details:
                yield Static(Text("no role stored for this speaker", style="dim"))
