"""The timeline pane: the selected group's first appearance, outlets x dates chart, tree of
wordings and what each outlet copied (quotes.timeline, drawn for the pane's width)."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static

from quotes.drift import Drift
from quotes.timeline import render


class TimelinePane(VerticalScroll):
    DEFAULT_CSS = """
    TimelinePane { height: 1fr; padding: 0 1; }
    TimelinePane > #timeline-body { width: 100%; height: auto; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.drift: Drift | None = None
        self.rendered = None  # what the pane shows (a Rich renderable), for tests and exports
        self._drawn_width = 0

    def compose(self):
        yield Static(id="timeline-body")

    def show(self, d: Drift | None) -> None:
        self.drift = d
        self._draw()

    def _width(self) -> int:
        width = self.scrollable_content_region.width or self.size.width
        return max(40, width - 1) if width else 80

    def _draw(self) -> None:
        body = self.query_one("#timeline-body", Static)
        if self.drift is None:
            self.rendered = None
            body.update("")
            return
        self._drawn_width = self._width()
        self.rendered = render(self.drift, width=self._drawn_width)
        body.update(self.rendered)

    def on_resize(self) -> None:
        if self.drift is not None and self._width() != self._drawn_width:
            self._draw()
