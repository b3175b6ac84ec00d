"""The timeline of one group with 1,000 occurrences: how long it takes to draw.

    nice -n 19 .venv/bin/python bench/bench_timeline.py [occurrences]    # writes bench/results/timeline.json

Target: under 200 ms from the store to the picture. The group is built through the store's
own ingest (one synthetic article per occurrence: 60 outlets over 90 days; each printing
copies an earlier wording as it stood, 70% of the time, or changes one to three of its
words), then every occurrence is put in one group with the store's merge correction in case
grouping left a far-drifted wording on its own. Measured, median of 7 runs each:

- read: ``store.group(gid, diffs=False)``, what ``drift.for_group`` reads (and, for
  comparison, with every occurrence's diff against the canonical wording)
- drift: ``drift.analyse`` (date order, wordings, parents by word edits, outlet copies,
  every wording's diff against its parent; the TUI asks for the diffs it shows only)
- svg: ``timeline.timeline_svg`` (the HTML sheet's picture)
- terminal chart: ``timeline.chart`` (outlets x dates) printed to a 120-column console
- terminal show: everything ``quotes show --timeline`` prints (chart, legend, the whole tree
  of wordings with diffs, the outlet table) to a 120-column console
- tui: the TUI's group switch with the timeline pane showing (``show_group``: read, drift,
  the first page of the wording view, the pane's picture; and one redraw)

Each is reported as median wall time and median CPU time of this process: the machine may
be shared (the load average at the end is recorded), and CPU time is what the code costs.
"""

from __future__ import annotations

import asyncio
import io
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quotes import drift, timeline  # noqa: E402
from quotes.models import Article, ArticleSpeaker, Attribution, AttributedArticle, QuoteType, SpeakerType  # noqa: E402
from quotes.store import Store  # noqa: E402

BASE = (
    "If you could do it cheaper, for less, and still achieve the same effect, that is a good thing for us "
    "and for the whole of our industry, and I think it is a wake-up call for every company in this country"
).split()
SWAPS = [
    "much",
    "really",
    "very",
    "great",
    "cheap",
    "better",
    "result",
    "outcome",
    "firms",
    "business",
    "nation",
    "today",
    "now",
    "frankly",
    "simply",
    "also",
    "truly",
    "big",
    "whole",
    "entire",
]
RUNS = 7


def wordings(n: int, rng: random.Random) -> list[str]:
    made = [BASE[:]]
    out = []
    for _ in range(n):
        source = rng.choice(made[-30:]) if rng.random() < 0.8 else rng.choice(made)
        if rng.random() < 0.7:
            out.append(" ".join(source))
            continue
        words = source[:]
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(len(words))
            action = rng.random()
            if action < 0.5:
                words[k] = rng.choice(SWAPS)
            elif action < 0.75 and len(words) > 20:
                del words[k]
            else:
                words.insert(k, rng.choice(SWAPS))
        made.append(words)
        out.append(" ".join(words))
    return out


def build(path: Path, n: int) -> tuple[int, float]:
    rng = random.Random(16)
    started = time.perf_counter()
    first = date(2025, 1, 1)
    with Store(path) as store:
        for i, text in enumerate(wordings(n, rng)):
            body = f'Speaking in Washington on day {i}, Donald Trump said "{text}." He left soon after.'
            start = body.index(text)
            outlet = f"Outlet {rng.randrange(60):02d}"
            day = first + timedelta(days=min(89, int(i / n * 90 + rng.randint(-3, 3)) if i else 0))
            article = Article.from_text(
                body,
                source=f"https://{outlet.replace(' ', '').lower()}.example/{i}",
                outlet=outlet,
                date=None if rng.random() < 0.02 else day.isoformat(),
            )
            quote = Attribution(
                text=text + ".",
                start=start,
                end=start + len(text) + 1,
                type=QuoteType.direct,
                speaker="Donald Trump",
                speaker_type=SpeakerType.person,
                rule="bench",
                confidence=0.9,
                context=body,
            )
            store.ingest(
                AttributedArticle(
                    article=article, quotes=[quote], speakers=[ArticleSpeaker(name="Donald Trump", type=SpeakerType.person)]
                )
            )
        groups = store.groups(limit=10_000)
        keep = max(groups, key=lambda g: g.occurrences).id
        for g in groups:
            if g.id != keep:
                store.merge_groups(keep, g.id)
    return keep, time.perf_counter() - started


def median_ms(fn) -> dict:
    """Median wall time and median CPU time of this process (the machine is shared: wall
    time waits for other jobs, CPU time is what the code costs), in ms."""
    wall, cpu = [], []
    for _ in range(RUNS):
        t, c = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return {"wall": round(statistics.median(wall) * 1000, 1), "cpu": round(statistics.median(cpu) * 1000, 1)}


async def tui_switch_ms(path: Path, gid: int) -> dict:
    from tui.testing import settle  # the group is read in a worker thread: wait for it
    from tui.app import QuotesApp

    app = QuotesApp(path)
    wall, cpu, idle_wall, idle_cpu = [], [], [], []
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        for _ in range(RUNS):  # the harness's own cost of waiting when there is nothing to do
            t, c = time.perf_counter(), time.process_time()
            await settle(pilot)
            idle_wall.append(time.perf_counter() - t)
            idle_cpu.append(time.process_time() - c)
        for _ in range(RUNS):
            app.screen.show_group(None)
            await settle(pilot)
            t, c = time.perf_counter(), time.process_time()
            app.screen.show_group(gid)
            await settle(pilot)
            wall.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        assert app.screen.query_one("#timeline").drift.group_id == gid
    ms = lambda xs: round(statistics.median(xs) * 1000, 1)  # noqa: E731
    return {
        "wall": ms(wall),
        "cpu": ms(cpu),
        "harness_idle_wall": ms(idle_wall),
        "harness_idle_cpu": ms(idle_cpu),
        "own_wall": round(ms(wall) - ms(idle_wall), 1),  # the switch's own work: read, drift, draw
        "own_cpu": round(ms(cpu) - ms(idle_cpu), 1),
    }


def main(n: int) -> dict:
    from rich.console import Console

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "timeline.db"
        gid, build_s = build(path, n)
        with Store(path) as store:
            detail = store.group(gid, diffs=False)  # what drift.for_group reads
            d = drift.analyse(detail)

            def chart():
                Console(file=io.StringIO(), width=120, color_system="truecolor").print(timeline.chart(d, 120))

            def terminal():
                Console(file=io.StringIO(), width=120, color_system="truecolor").print(timeline.render(d, 120))

            report = {
                "occurrences": len(detail.occurrences),
                "wordings": len(d.wordings),
                "outlets": len({a.outlet for a in d.appearances}),
                "undated": d.undated,
                "tree_depth": max(depth for depth, _ in d.tree()),
                "build_s": round(build_s, 1),
                "read_ms": median_ms(lambda: store.group(gid, diffs=False)),
                "read_with_diffs_ms": median_ms(lambda: store.group(gid)),
                "drift_ms": median_ms(lambda: drift.analyse(detail)),
                "drift_without_diffs_ms": median_ms(lambda: drift.analyse(detail, diffs=False)),
                "svg_ms": median_ms(lambda: timeline.timeline_svg(d)),
                "terminal_chart_ms": median_ms(chart),
                "terminal_show_timeline_ms": median_ms(terminal),
                "svg_bytes": len(timeline.timeline_svg(d)),
            }
        for kind in ("wall", "cpu"):
            base = report["read_ms"][kind] + report["drift_ms"][kind]
            report.setdefault("store_to_svg_ms", {})[kind] = round(base + report["svg_ms"][kind], 1)
            report.setdefault("store_to_terminal_chart_ms", {})[kind] = round(base + report["terminal_chart_ms"][kind], 1)
            report.setdefault("store_to_show_timeline_ms", {})[kind] = round(base + report["terminal_show_timeline_ms"][kind], 1)
        report["tui_group_switch_with_timeline_ms"] = asyncio.run(tui_switch_ms(path, gid))
        report["load_average_1min"] = round(__import__("os").getloadavg()[0], 2)
    report["target_ms"] = 200
    return report


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
    result = main(n)
    out = HERE / "results" / "timeline.json"
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))
