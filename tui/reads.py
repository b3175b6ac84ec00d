"""Store reads off the UI thread.

Every pane reads the index through ``read_then``: the read runs in a worker thread on that
thread's own store connection (``QuotesApp.store_reader``), and what it returns is handed to
the pane on the UI thread. A slow disk or a 1,000-occurrence group never freezes the
interface. Reads in one ``group`` are exclusive: a newer one cancels the older, and a
cancelled read is never applied, so a fast run of the cursor shows only where it stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

if TYPE_CHECKING:
    from quotes.store import Store
    from tui.app import QuotesApp

T = TypeVar("T")


def read_then(
    node: DOMNode, read: Callable[[Store], T], apply: Callable[[T], None], *, group: str, description: str
) -> Worker[None]:
    """Run ``read(store)`` in a worker thread, then ``apply(result)`` on the UI thread,
    unless a newer read of the same group has replaced it."""
    app = cast("QuotesApp", node.app)

    def work() -> None:
        worker = get_current_worker()
        try:
            result = read(app.store_reader())
        except Exception as error:  # a locked or damaged index: say so, keep what is shown
            message = f"could not read the index: {error}"
            if not worker.is_cancelled:
                _on_ui(app, lambda: app.notify(message, severity="error", markup=False))
            return
        if not worker.is_cancelled:
            _on_ui(app, lambda: None if worker.is_cancelled else apply(result))

    return node.run_worker(work, thread=True, exclusive=True, group=group, description=description)


def _on_ui(app: QuotesApp, call: Callable[[], None]) -> None:
    try:
        app.call_from_thread(call)
    except RuntimeError:  # the app closed while the read ran: nothing left to show it in
        pass
