"""The timeline pane: the selected group's first appearance, outlets x dates chart, tree of
wordings and what each outlet copied (quotes.timeline, drawn for the pane's width).

A RichLog: the picture is rendered to lines once per group and width, and only the lines
on screen are drawn after that (a group printed a thousand times scrolls smoothly)."""

from __future__ import annotations

from textual import events
from textual.widgets import RichLog

from quotes.drift import Drift
from quotes.timeline import render

LIMIT = 12  # wordings in the tree and outlets in the table (all of them: quotes show G --timeline)


class TimelinePane(RichLog):
    DEFAULT_CSS = """
    TimelinePane { height: 1fr; padding: 0 1; border: none; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(wrap=False, markup=False, highlight=False, auto_scroll=False, min_width=40, **kwargs)
        self.drift: Drift | None = None
        self.rendered = None  # what the pane shows (a Rich renderable), for tests
        self._drawn_width = 0
        self._stale = False

    def show(self, d: Drift | None, visible: bool = True) -> None:
        """Show ``d``; drawn now when the pane is on screen, else when it next is
        (``draw_if_stale``): switching groups in the wording view never waits for it."""
        self.drift = d
        self._stale = True
        if visible:
            self._draw()

    def draw_if_stale(self) -> None:
        if self._stale:
            self._draw()

    def _width(self) -> int:
        width = self.scrollable_content_region.width or self.size.width
        return max(40, width - 1) if width else 80

    def _draw(self) -> None:
        self._stale = False
        self.clear()
        if self.drift is None:
            self.rendered = None
            return
        self._drawn_width = self._width()
        self.rendered = render(self.drift, width=self._drawn_width, limit=LIMIT)
        self.write(self.rendered, width=self._drawn_width, scroll_end=False)
        self.scroll_home(animate=False)

    def on_resize(self, event: events.Resize) -> None:
        if self.drift is not None and not self._stale and self._width() != self._drawn_width:
            self._draw()
