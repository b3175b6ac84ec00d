"""quotes TUI: browse speakers, their quote groups and every variant wording.

    quotes tui [--db quotes.db]

Reads only through quotes.store.Store; corrections go through the same store functions as
the CLI. The index may be written by an ingest at the same time (WAL): press r to refresh.
"""

from __future__ import annotations

import gc
import threading
from functools import partial
from pathlib import Path
from typing import cast

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from quotes.models import SearchHit
from quotes.store import Store
from tui.screens.main import MainScreen


class QuoteCommands(Provider):
    """Every action of the app in the command palette."""

    def _commands(self):
        app = self.app
        return [
            ("Search quotes", "Full-text search over quotes and speakers", app.action_search),
            ("Export current group", "Write a quote sheet of the selected group", partial(app.action_export, "group")),
            ("Export current speaker", "Write a quote sheet of the selected speaker", partial(app.action_export, "speaker")),
            ("Open article", "Show the article with the quote highlighted", lambda: app.main.action_open_article()),
            ("Reassign speaker", "Give the selected wording another speaker", lambda: app.main.action_reassign()),
            ("Merge groups", "Merge another group into the selected one", lambda: app.main.action_merge()),
            ("Split wording", "Move the selected wording into its own group", lambda: app.main.action_split()),
            ("Refresh", "Reload from the index (picks up a running ingest)", lambda: app.main.action_refresh()),
            ("Filter speakers", "Type to filter the speaker list", lambda: app.main.action_focus_filter()),
            ("Help", "Show the keys", app.action_help),
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class QuotesApp(App):
    TITLE = "quotes"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {QuoteCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, db: str | Path = "quotes.db") -> None:
        super().__init__()
        self.db_path = str(db)
        self.store = Store(self.db_path, create=False)
        self._readers = threading.local()
        self._reader_stores: list[Store] = []  # every thread's, closed with the app
        self.sub_title = Path(self.db_path).name

    def store_reader(self) -> Store:
        """A connection of the calling thread's own, for the reads that run in worker
        threads (tui.reads); the thread pool reuses its threads, and so their connections."""
        reader = getattr(self._readers, "store", None)
        if reader is None:
            reader = self._readers.store = Store(self.db_path, create=False)
            self._reader_stores.append(reader)
        return reader

    @property
    def main(self) -> MainScreen:
        return cast(MainScreen, self.get_screen("main") if "main" in self._installed_screens else self.screen)

    def on_mount(self) -> None:
        self.install_screen(MainScreen(), "main")
        self.push_screen("main")
        # What exists once the first screen is up lives as long as the app: leave it out of
        # the garbage collector's full passes, which otherwise cost 80-150 ms in the middle
        # of a group switch on a big group (bench/bench_timeline.py).
        self.call_after_refresh(gc.freeze)

    def on_unmount(self) -> None:
        self.store.close()
        for reader in self._reader_stores:
            reader.close()

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        def go(hit: SearchHit | None) -> None:
            if hit is not None and hit.group_id is not None:
                self.main.go_to_group(hit.group_id)
            elif hit is not None and hit.speaker_id is not None:
                self.main.go_to_speaker(hit.speaker_id)

        self.push_screen(SearchScreen(), go)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        rows = []
        for screen in (self.main, self):
            for binding in screen.BINDINGS:
                if isinstance(binding, Binding):
                    key = self.get_key_display(binding) if hasattr(self, "get_key_display") else binding.key
                    rows.append((key, binding.description, binding.id or ""))
        self.push_screen(HelpScreen(rows))

    def action_export(self, scope: str = "group") -> None:
        from quotes.export import ExportError, format_from_filename
        from tui.screens.dialogs import ExportScreen

        main = self.main
        if scope == "group" and main.group_id is None:
            scope = "speaker"
        if scope == "speaker" and main.speaker_id is None:
            self.notify("select a speaker or group first", severity="warning")
            return
        default = f"quotes-group-{main.group_id}.html" if scope == "group" else f"quotes-speaker-{main.speaker_id}.html"

        group_id, speaker_id = main.group_id, main.speaker_id

        def write(name: str | None) -> None:
            if not name:
                return
            try:
                fmt = format_from_filename(name)
            except ExportError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(f"exporting to {name}…", markup=False)
            self.run_worker(partial(self._export, name, fmt, scope, group_id, speaker_id), thread=True,
                            group="exports", description=f"export {name}")

        self.push_screen(ExportScreen(f"this {scope}", default), write)


    def _export(self, name: str, fmt: str, scope: str, group_id: int | None, speaker_id: int | None) -> None:
        """Write the sheet in a worker thread, on a store connection of its own, showing
        progress in the header (a 100,000-quote DOCX takes about 50 s)."""
        import time

        from quotes.export import ExportError, export

        started = time.monotonic()
        try:
            with Store(self.db_path, create=False) as store:
                summary = store.speaker(speaker_id) if scope != "group" and speaker_id is not None else None
                total = 1 if scope == "group" else (summary.groups if summary else 0)
                details = store.sheet(group_id=group_id) if scope == "group" else store.sheet(speaker_id=speaker_id)

                def counted():
                    for done, detail in enumerate(details, start=1):
                        if done % 50 == 0 or done == total:
                            self.call_from_thread(self._export_progress, name, done, total)
                        yield detail

                with open(name, "wb") as out:
                    export(counted(), fmt, out)
        except (ExportError, OSError) as error:
            self.call_from_thread(self.notify, str(error), severity="error", markup=False)
            self.call_from_thread(self._export_progress, None, 0, 0)
            return
        self.call_from_thread(self._export_progress, None, 0, 0)
        self.call_from_thread(self.notify, f"wrote {name} ({time.monotonic() - started:.1f} s)")

    def _export_progress(self, name: str | None, done: int, total: int) -> None:
        self.sub_title = Path(self.db_path).name + (f" · exporting {Path(name).name}: {done}/{total} groups" if name else "")


def run(db: str) -> None:
    QuotesApp(db).run()
