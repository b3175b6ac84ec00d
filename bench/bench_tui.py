"""The TUI on a database of 1,000,000 quotes (from the grouping benchmark's generator):
time to the first screen, search latency while typing, and group switches (cursor down the
first speaker's groups: read, drift, wording view). The reads run in worker threads, so each
time runs until every worker is done and its result drawn (tests/tui_support.settle).

    .venv/bin/python bench/bench_tui.py [n_quotes]      # writes bench/results/tui.json

The database is bulk-built once (cached in bench/results/tui-<n>.db, not committed) through
the store's schema and grouping (`Store` + `Grouper` ids), since a million articles through
CoreNLP would take days.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def build(path: Path, n: int) -> float:
    from quotes.grouping import Grouper, normalise_quote
    from quotes.store import Store
    from synth import generate

    started = time.perf_counter()
    Store(path).close()  # schema and migrations
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    grouper = Grouper()
    first_group: list[int] = []
    speakers: dict[str, int] = {}
    per_article = 50
    batch_articles, batch_quotes = [], []
    for i, q in enumerate(generate(n, 10_000)):
        if q.speaker not in speakers:
            speakers[q.speaker] = len(speakers) + 1
            conn.execute("INSERT INTO speakers (id, name, type) VALUES (?, ?, 'person')", (speakers[q.speaker], q.speaker))
        article = f"a{i // per_article}"
        if i % per_article == 0:
            batch_articles.append((article, f"synthetic/{article}.txt", q.outlet, q.date, "(synthetic)", "t", i // per_article))
        first_group.append(grouper.add(i, q.speaker, q.text))
        gid = first_group[-1] + 1
        batch_quotes.append(
            (
                i + 1,
                article,
                i,
                i + len(q.text),
                q.text,
                normalise_quote(q.text),
                "direct",
                speakers[q.speaker],
                "synthetic",
                0.9,
                q.text,
                gid,
            )
        )
        if len(batch_quotes) >= 50_000:
            flush(conn, batch_articles, batch_quotes)
    flush(conn, batch_articles, batch_quotes)
    # a wording that bridged two groups merged them after some quotes were written
    moved = [(gid + 1, item + 1) for item, gid in grouper.assignment().items() if gid != first_group[item]]
    conn.executemany("UPDATE quotes SET group_id = ? WHERE id = ?", moved)
    conn.executemany(
        "INSERT INTO quote_groups (id, speaker_id, root, canonical, wordings, occurrences, outlets) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(g.id + 1, speakers[g.speaker], g.root, g.root, 1, len(g.members), 1) for g in grouper.live_groups()],
    )
    conn.commit()
    conn.close()
    return time.perf_counter() - started


def flush(conn, articles, quotes):
    conn.executemany(
        "INSERT INTO articles (id, source, outlet, date, text, ingested_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?)", articles
    )
    conn.executemany(
        'INSERT INTO quotes (id, article_id, start, "end", text, normalised, type, speaker_id, rule, confidence, context, group_id)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        quotes,
    )
    conn.commit()
    articles.clear()
    quotes.clear()


async def measure(path: Path) -> dict:
    from textual.widgets import DataTable

    from tui.testing import settle  # every read runs in a worker thread: wait for them
    from tui.app import QuotesApp

    started = time.perf_counter()
    app = QuotesApp(path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        first = time.perf_counter() - started
        rows = app.screen.query_one("#speakers", DataTable).row_count
        await pilot.press("slash")
        await settle(pilot)
        latencies = []
        for ch in "budget":
            t = time.perf_counter()
            await pilot.press(ch)
            await settle(pilot)
            latencies.append(time.perf_counter() - t)
        results = app.screen.query_one("#search-results", DataTable).row_count
        await pilot.press("escape")
        await settle(pilot)
        # group switch: the cursor moves down the first speaker's groups, one key at a time,
        # each switch reading the group, working out its drift and drawing the wording view
        groups = app.screen.query_one("#groups", DataTable)
        groups.focus()
        await settle(pilot)
        # the test harness's own cost of one key press and a pause, measured with a key that
        # does nothing: a group switch's own work is its time minus this
        idle = []
        for _ in range(5):
            t = time.perf_counter()
            await pilot.press("f9")
            await settle(pilot)
            idle.append(time.perf_counter() - t)
        switches, shown = [], [app.screen.group_id]
        for _ in range(min(10, groups.row_count - 1)):
            t = time.perf_counter()
            await pilot.press("down")
            await settle(pilot)
            switches.append(time.perf_counter() - t)
            shown.append(app.screen.group_id)  # each switch shows another group
    from quotes.store import Store

    with Store(path) as store:
        query_ms = []
        for k in range(1, len("budget") + 1):
            t = time.perf_counter()
            store.search("budget"[:k], limit=100)
            query_ms.append(round((time.perf_counter() - t) * 1000, 1))
    return {
        "first_screen_s": round(first, 3),
        "speaker_rows_loaded": rows,
        "search_latency_ms_per_keystroke_in_app": [round(x * 1000) for x in latencies],
        "search_query_ms_per_prefix": query_ms,
        "search_results": results,
        "group_switch_ms_in_app": [round(x * 1000) for x in switches],
        "groups_shown": shown,
        "every_switch_showed_a_new_group": len(set(shown)) == len(shown),
        "idle_key_ms_in_harness": [round(x * 1000) for x in idle],
        "group_switch_own_ms": [round((x - statistics.median(idle)) * 1000) for x in switches],
        "group_switch_own_ms_max": round((max(switches) - statistics.median(idle)) * 1000),
    }


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    db = HERE / "results" / f"tui-{n}.db"
    db.parent.mkdir(exist_ok=True)
    report = {"quotes": n}
    if not db.exists():
        # built under another name and renamed when complete: a build cut short is never
        # taken for the database next time
        partial = db.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        report["build_s"] = round(build(partial, n), 1)
        partial.rename(db)
    report.update(asyncio.run(measure(db)))
    (HERE / "results" / "tui.json").write_text(json.dumps(report, indent=1))
    print(report)
