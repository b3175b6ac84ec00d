"""What a new user sees after ingesting real web pages (issue 18): library warnings kept off
the console, listings that say where they stop, sheets that open with attributed quotes,
wordings with the page's own marks, clean authors and outlets, non-articles reported as
such, plain output that reads at 80 columns. Every page here is built by the test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The command line in a process of its own, as a user runs it (pytest's own warning
    capture would hide what the console shows)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "quotes", *argv], capture_output=True, text=True, env=environment, cwd=ROOT)


def test_a_date_parsers_warning_goes_to_the_log_not_the_console(tmp_path):
    page = tmp_path / "short.html"
    # dateutil warns about a time zone name it does not know ("EDT") while htmldate reads
    # the date
    page.write_text(
        '<html><head><title>Council meets</title><meta property="article:published_time" content="2023-10-09 22:15:00 EDT">'
        "</head><body><article><h1>Council meets</h1><p>Short.</p></article></body></html>",
        encoding="utf-8",
    )
    logs = tmp_path / "logs"
    done = _cli("ingest", str(page), "--db", str(tmp_path / "x.db"), env={"QUOTES_LOG_DIR": str(logs)})
    assert "short.html" in done.stderr, done.stderr  # the page still gets its outcome
    assert "Warning" not in done.stderr + done.stdout, done.stderr
    assert "UnknownTimezoneWarning" in (logs / "quotes.log").read_text(encoding="utf-8")
