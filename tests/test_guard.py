"""No CoreNLP JVM outlives the quotes process that started it, even after ``kill -9``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# A real server with the smallest pipeline (loads in seconds): the guard does not care
# which annotators Java runs.
SCRIPT = """
import sys, time
from quotes.nlp import CoreNLP
from quotes.nlp.profiles import Profile
nlp = CoreNLP(threads=1, memory="512m", pipeline=Profile("tokens", ("tokenize", "ssplit"), "tokens only"))
nlp.start()
print(nlp._client.server.pid, flush=True)
time.sleep(300)
"""


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.corenlp
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_kill_minus_9_of_the_quotes_process_leaves_no_java_behind():
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        guard = int(proc.stdout.readline())
        [java] = _children(guard)
        assert "java" in Path(f"/proc/{java}/cmdline").read_bytes().decode(errors="replace")
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 15
        while (_alive(java) or _alive(guard)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(java), "Java outlived the process that started it"
        assert not _alive(guard)
    finally:
        if proc.poll() is None:
            proc.kill()
