"""Where library noise goes on the command line: a log file, never the console.

Parsers the ingest relies on warn about the pages they read (dateutil's
``UnknownTimezoneWarning`` on a date like "2023-10-09 22:15 EDT", trafilatura's and
htmldate's own logging): useful when a page comes out wrong, noise between the lines a
user reads. ``divert_library_noise`` sends Python warnings and every library's log records
to ``quotes.log`` in the log folder (``QUOTES_LOG_DIR``, beside CoreNLP's logs); the
project's own warnings ("restarting the server") still reach the console.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

LOG_NAME = "quotes.log"
_FORMAT = "%(asctime)s %(name)s %(levelname)s %(message)s"
_diverted: tuple[Path | None] | None = None  # once per process


def divert_library_noise() -> Path | None:
    """Route warnings and library logging to the log file; the file, or None when no log
    folder can be made (then the records are dropped rather than printed)."""
    global _diverted
    if _diverted is not None:
        return _diverted[0]
    logging.captureWarnings(True)
    root = logging.getLogger()
    path: Path | None
    handler: logging.Handler
    try:
        from quotes.nlp.server import log_dir

        path = log_dir() / LOG_NAME
        handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        path, handler = None, logging.NullHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    # a root handler means logging's last resort (stderr) is never used: the project's own
    # warnings are given a console handler of their own
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("%(message)s"))
    logging.getLogger("quotes").addHandler(console)
    _diverted = (path,)
    return path
