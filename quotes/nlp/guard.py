"""Runs a command (the CoreNLP server) that must not outlive the process that started it.

    python quotes/nlp/guard.py java -cp ... StanfordCoreNLPServer ...

A JVM keeps running when its parent is killed with ``kill -9`` (it is adopted by PID 1 and
holds 6 GB for ever). This guard sits between the two: it starts the command as its child
with ``PR_SET_PDEATHSIG`` = SIGKILL (so the command dies the moment the guard dies, however
it dies), and checks once a second whether its own parent is still the process that started
it (so the guard, and with it the command, ends when that process dies, however it dies).
SIGTERM or SIGINT to the guard stop the command (SIGKILL after 5 s). The guard exits with
the command's exit status.

Run as a script, by path: it imports nothing of this package (start-up in milliseconds).
PR_SET_PDEATHSIG is a per-thread setting of the child's parent; the guard is one thread,
which is why the JVM is not started straight from the (threaded) quotes process with it.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time

PR_SET_PDEATHSIG = 1
POLL_S = 1.0
GRACE_S = 5.0


def _die_with_guard(guard_pid: int):
    def set_parent_death_signal() -> None:  # runs in the child, between fork and exec
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # not Linux: the parent check below still applies
            return
        if os.getppid() != guard_pid:  # the guard died before prctl took effect
            os._exit(1)

    return set_parent_death_signal


def main(command: list[str]) -> int:
    parent = os.getppid()
    child = subprocess.Popen(command, preexec_fn=_die_with_guard(os.getpid()))
    stopping: list[float] = []

    def stop(signum, frame) -> None:
        if not stopping:
            stopping.append(time.monotonic())
            child.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        try:
            return child.wait(timeout=POLL_S)
        except subprocess.TimeoutExpired:
            pass
        if os.getppid() != parent:  # the quotes process is gone: nobody will ask anything again
            child.kill()
        elif stopping and time.monotonic() - stopping[0] > GRACE_S:
            child.kill()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: guard.py COMMAND [ARG...]")
    sys.exit(main(sys.argv[1:]))
