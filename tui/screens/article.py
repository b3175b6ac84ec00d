"""The full article, with the quote highlighted in place and the speaker mention and cue marked."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quotes.terminal import inert


def highlighted_article(text: str, occurrence) -> Text:
    """Article text with the quote, the mention and the cue styled; everything inert."""
    marks = [(occurrence.start, occurrence.end, "bold black on yellow")]
    if occurrence.mention_start is not None:
        marks.append((occurrence.mention_start, occurrence.mention_end, "bold underline cyan"))
    if occurrence.cue_start is not None:
        marks.append((occurrence.cue_start, occurrence.cue_end, "bold underline magenta"))
    out = Text()
    position = 0
    for start, end, style in sorted(marks):
        if start < position:
            continue
        out.append(inert(text[position:start]))
        out.append(inert(text[start:end]), style=style)
        position = end
    out.append(inert(text[position:]))
    return out


class ArticleScreen(Screen):
    CSS_PATH = "article.tcss"
    BINDINGS = [Binding("escape,q", "app.pop_screen", "Back", id="back")]

    def __init__(self, article, occurrence) -> None:
        super().__init__()
        self.article = article
        self.occurrence = occurrence

    def compose(self) -> ComposeResult:
        a = self.article
        head = Text(inert(a.title or a.source), style="bold")
        head.append("\n" + " · ".join(inert(x) for x in (a.outlet, a.date, a.url or a.source) if x), style="dim")
        key = Text("\nquote ", style="dim").append("highlighted", style="bold black on yellow")
        key.append(" · speaker mention ", style="dim").append("underlined", style="bold underline cyan")
        key.append(" · cue ", style="dim").append("underlined", style="bold underline magenta")
        head.append_text(key)
        yield Static(head, id="article-head")
        with VerticalScroll(id="article-body"):
            yield Static(highlighted_article(a.text, self.occurrence), id="article-text")
        yield Footer()

    def on_mount(self) -> None:
        # scroll so the quote is in view
        body = self.query_one("#article-body", VerticalScroll)
        line = self.article.text.count("\n", 0, self.occurrence.start)
        self.call_after_refresh(lambda: body.scroll_to(y=max(0, line * 2 - 3), animate=False))
