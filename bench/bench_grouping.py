"""Groups 100,000 and 1,000,000 synthetic quotes across 10,000 speakers in the same run;
reports wall time, peak memory and B-cubed precision/recall against the generator's truth.

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
    started = time.perf_counter()
    for i, q in enumerate(generate(n, 10_000)):
        grouper.add(i, q.speaker, q.text)
        truth[i] = q.truth
    seconds = time.perf_counter() - started
    # excluding the generic fragments (their truth is "not grouped with anything")
    precision, recall = bcubed(grouper.assignment(), truth)
    return {
        "quotes": n, "seconds": round(seconds, 2), "quotes_per_second": round(n / seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "groups": len(grouper.live_groups()), "comparisons_per_quote": round(grouper.comparisons / n, 2),
        "bcubed_precision": round(precision, 4), "bcubed_recall": round(recall, 4),
    }


if __name__ == "__main__":
    from scaling import main

    main(__file__, one, (100_000, 1_000_000), "grouping.json")
