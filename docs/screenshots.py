"""Renders PNG screenshots of the TUI's main screens into docs/ (for the README).

    python docs/screenshots.py quotes.db     # an index built by `quotes run`

SVGs come from Textual's own export; headless Chromium turns them into PNGs.
"""

import asyncio
import subprocess
import sys
import tempfile
from pathlib import Path

from textual.widgets import DataTable

from tui.testing import settle  # the TUI reads the index in worker threads
from tui.app import QuotesApp

DOCS = Path(__file__).resolve().parent


async def shots(db: str) -> dict[str, tuple[str, tuple[int, int]]]:
    out = {}

    async def pick(app, pilot, speaker, group_words=None):
        speakers = app.screen.query_one("#speakers", DataTable)
        for i in range(speakers.row_count):
            if str(speakers.get_row_at(i)[0]) == speaker:
                speakers.move_cursor(row=i)
        await settle(pilot)
        if group_words:
            groups = app.screen.query_one("#groups", DataTable)
            for i in range(groups.row_count):
                if group_words in str(groups.get_row_at(i)[1]):
                    groups.move_cursor(row=i)
            await settle(pilot)

    app = QuotesApp(db)
    async with app.run_test(size=(160, 42)) as pilot:
        await settle(pilot)
        await pick(app, pilot, "Donald Trump", "cheaper")
        out["tui-main"] = (app.export_screenshot(), (160, 42))
        await pilot.press("slash")
        await pilot.press(*"wake-up")
        await pilot.pause(0.5)
        await app.workers.wait_for_complete()
        await settle(pilot)
        out["tui-search"] = (app.export_screenshot(), (160, 42))
        await pilot.press("escape")
        await settle(pilot)
        app.screen.query_one("#wordings").focus()
        await pilot.press("o")
        await settle(pilot)
        out["tui-article"] = (app.export_screenshot(), (160, 42))
    app = QuotesApp(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pick(app, pilot, "Donald Trump", "cheaper")
        out["tui-80x24"] = (app.export_screenshot(), (80, 24))
    return out


def main(db: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, (svg, (cols, rows)) in asyncio.run(shots(db)).items():
            svg_path = Path(tmp) / f"{name}.svg"
            svg_path.write_text(svg)
            width, height = cols * 12 + 40, rows * 24 + 60
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            f"--user-data-dir={tmp}/profile", "--hide-scrollbars", f"--screenshot={DOCS / (name + '.png')}",
                            f"--window-size={width},{height}", svg_path.as_uri()], check=True, capture_output=True)
            print("wrote", DOCS / f"{name}.png")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "quotes.db")
