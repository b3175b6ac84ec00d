"""The quote finder is linear: time on 4x, 40x and 400x the seeds' text (about 130 KB to
13 MB), and on 10,000 quote marks, measured in the same run.

    .venv/bin/python bench/bench_quotefinder.py       # writes bench/results/quotefinder.json
"""

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from quotes.quotefinder import find_quotes  # noqa: E402

base = "\n".join(p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "seeds").glob("*.txt")))


def timed(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        find_quotes(text)
        best = min(best, time.perf_counter() - started)
    return best


results = {"base_chars": len(base)}
for factor in (4, 40, 400):
    results[f"x{factor}_s"] = round(timed((base + "\n") * factor), 4)
results["ratio_10x_data"] = round(results["x40_s"] / results["x4_s"], 1)
results["ratio_100x_data"] = round(results["x400_s"] / results["x4_s"], 1)
for marks in ('"', "'", "“", "«"):
    results[f"10000_{marks}_marks_s"] = round(timed(marks * 10_000), 4)
(HERE / "results").mkdir(exist_ok=True)
(HERE / "results" / "quotefinder.json").write_text(json.dumps(results, indent=1))
print(results)
