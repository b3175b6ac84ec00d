"""Driving the app headless (pilot tests, benchmarks, the README's screenshots): every store
read runs in a worker thread (tui.reads), and one read's result can start the next (a
speaker's groups, then the first group), so a single pause is not enough to see what the
user would see."""

from __future__ import annotations

from textual.worker import WorkerState

BUSY = (WorkerState.PENDING, WorkerState.RUNNING)


async def settle(pilot, rounds: int = 100) -> None:
    """Return once no worker is pending or running and every message they caused is handled."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause()
        if not any(worker.state in BUSY for worker in app.workers):
            await pilot.pause()  # what the last result posted
            if not any(worker.state in BUSY for worker in app.workers):
                return
        await app.workers.wait_for_complete()
    raise AssertionError("the TUI's workers did not settle")
