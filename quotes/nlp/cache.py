"""Cache of annotated documents: an unchanged text is never sent to Java twice.

Keyed by SHA-256 of the exact text plus the pipeline version (a hash of CoreNLP's version,
its properties and the conversion schema), stored as compressed JSON in one SQLite file.
This module writes its own small SQLite file, apart from the index: it is a cache, safe to
delete at any time.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import zlib
from pathlib import Path

from quotes.models import Document


def default_cache_path() -> Path:
    if os.environ.get("QUOTES_ANNOTATION_CACHE"):
        return Path(os.environ["QUOTES_ANNOTATION_CACHE"]).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "quotes" / "annotations.sqlite"


def text_key(text: str, pipeline_version: str) -> str:
    return hashlib.sha256(f"{pipeline_version}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()


class AnnotationCache:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_cache_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS annotations (key TEXT PRIMARY KEY, pipeline TEXT, document BLOB)")
        self.hits = 0
        self.misses = 0

    def get(self, text: str, pipeline_version: str) -> Document | None:
        with self._lock:
            row = self._db.execute(
                "SELECT document FROM annotations WHERE key = ?", (text_key(text, pipeline_version),)
            ).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            document = Document.model_validate_json(zlib.decompress(row[0]))
        except Exception:  # a stale or damaged entry is a miss, never an error
            self.misses += 1
            return None
        self.hits += 1
        return document

    def put(self, document: Document) -> None:
        blob = zlib.compress(document.model_dump_json().encode("utf-8"), 6)
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO annotations VALUES (?, ?, ?)",
                (text_key(document.text, document.pipeline_version), document.pipeline_version, blob),
            )

    def close(self) -> None:
        self._db.close()
