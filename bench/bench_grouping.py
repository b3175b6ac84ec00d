"""Groups 100,000 and 1,000,000 synthetic quotes across 10,000 speakers in the same run;
reports wall time, peak memory and B-cubed precision/recall against the generator's truth.
The quotes carry the attribution errors of real news (``synth.generate(errors=True)``:
missing, non-name, wrong and variant speakers, lines repeated at another event), so the
grouping across speakers is measured too; repeated lines merged with their original are
counted (``repeats_merged``: no occasion is known to the synthetic grouper, so they are).

    .venv/bin/python bench/bench_grouping.py            # writes bench/results/grouping.json

Targets (2-core machine): 1M in under 5 minutes and 2 GB; 10x the data costs at most 12x
the time. Each size runs in a fresh subprocess so peak memory is its own.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def one(n: int) -> dict:
    from quotes.grouping import Grouper, bcubed
    from synth import generate

    grouper, truth = Grouper(), {}
    started, cpu_started = time.perf_counter(), time.process_time()
    repeats: list[tuple[int, str]] = []
    first_of: dict[str, int] = {}
    for i, q in enumerate(generate(n, 10_000, errors=True)):
        grouper.add(i, q.speaker, q.text, weak=q.weak)
        truth[i] = q.truth
        first_of.setdefault(q.truth, i)
        if q.repeat_of:
            repeats.append((i, q.repeat_of))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    assigned = grouper.assignment()
    merged = sum(1 for i, original in repeats if original in first_of and assigned[i] == assigned[first_of[original]])
    # excluding the generic fragments (their truth is "not grouped with anything")
    precision, recall = bcubed(assigned, truth)
    return {
        "quotes": n, "seconds": round(seconds, 2), "cpu_seconds": round(cpu_seconds, 2), "quotes_per_second": round(n / seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "groups": len(grouper.live_groups()), "comparisons_per_quote": round(grouper.comparisons / n, 2),
        "bcubed_precision": round(precision, 4), "bcubed_recall": round(recall, 4),
        "repeated_lines": len(repeats), "repeats_merged": merged,
    }


if __name__ == "__main__":
    from scaling import main

    main(__file__, one, (100_000, 1_000_000), "grouping.json")
