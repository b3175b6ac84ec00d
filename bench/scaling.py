"""Runs one benchmark at two sizes, each in a fresh subprocess (so peak memory is its own),
and writes the runs with the 10x time ratio measured in the same run (wall time, and CPU
time where the run reports it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Callable

RESULTS = Path(__file__).resolve().parent / "results"


def main(script: str, one: Callable[[int], dict], sizes: tuple[int, int], result_name: str) -> None:
    """``script --size N`` runs ``one(N)`` and prints it; without arguments both sizes run."""
    if len(sys.argv) > 1:
        print(json.dumps(one(int(sys.argv[1]))))
        return
    results = []
    for n in sizes:
        out = subprocess.run([sys.executable, script, str(n)], capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout))
        print(results[-1], flush=True)
    report = {"runs": results, "time_ratio_10x": round(results[1]["seconds"] / results[0]["seconds"], 2)}
    if all("cpu_seconds" in r for r in results):
        # on a shared machine wall time also counts the other jobs' turns on the cores: the
        # process's own CPU time is what the code costs at each size
        report["cpu_time_ratio_10x"] = round(results[1]["cpu_seconds"] / results[0]["cpu_seconds"], 2)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / result_name).write_text(json.dumps(report, indent=1))
    print(report)
