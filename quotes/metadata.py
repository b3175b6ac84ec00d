"""Article metadata that plain text cannot carry: front matter and a metadata CSV.

Front matter: a ``.txt`` or ``.md`` file may open with a block of ``key: value`` lines
between two ``---`` lines (the YAML front matter of static-site generators, a deliberately
small subset of YAML)::

    ---
    title: Bridge to reopen
    outlet: Daily Planet
    date: 2025-03-04
    url: https://planet.example/bridge
    authors: [Lois Lane, Clark Kent]
    ---
    Mayor Jane Roe said ...

The block is cut off before the text is normalised, so every offset into the stored text
is exact. Keys: ``title``, ``outlet``, ``date``, ``url``, ``authors`` (a ``[a, b]`` list, a
block list of ``- name`` lines, or names separated by ``;``). Values may be quoted. A key
that is not one of these, a date that is not ISO 8601, or a block that never closes is a
MetadataError: the file is reported with the reason and not ingested.

Metadata CSV (``quotes ingest --metadata FILE.csv``): the shape of a news-database export,
one row per article with a ``file`` column (path as given, or file name) and/or a ``url``
column, plus any of ``title``, ``outlet``, ``date``, ``authors`` (``;``-separated). Other
columns are ignored. A row's non-empty values override what the file itself says.

A date is never guessed (not from a file name, not from the text): an article without one
is undated.
"""

from __future__ import annotations

import csv
import os
import re
from datetime import date, datetime

from pydantic import BaseModel, Field

FIELDS = ("title", "outlet", "date", "url", "authors")


class MetadataError(ValueError):
    """Bad metadata; the message is the reason (the caller names the file)."""


class Metadata(BaseModel):
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    authors: list[str] = Field(default_factory=list)

    def values(self) -> dict:
        """The fields that are set, as Article keyword arguments."""
        return {k: v for k, v in self.model_dump().items() if v not in (None, "", [])}


# ----------------------------------------------------------------------------- dates

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def check_date(value: str) -> str:
    """``value`` if it is an ISO 8601 date or date-time (``2016-03-04``,
    ``2016-03-04T10:00:00Z``, ``2016-03-04 10:00:00``), else MetadataError."""
    value = value.strip()
    if not _ISO_DATE.match(value) or parse_date(value) is None:
        raise MetadataError(f"date {value!r} is not an ISO 8601 date (YYYY-MM-DD)")
    return value


def parse_date(value: str | None) -> datetime | None:
    """An ISO date or date-time as a naive datetime (UTC offsets dropped: the day and time
    as printed), or None when it is missing or not ISO."""
    if not value:
        return None
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1]
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time()) if len(text) == 10 else None
        except ValueError:
            return None
    if parsed is None:
        return None
    return parsed.replace(tzinfo=None)


# ----------------------------------------------------------------------------- front matter

_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(---|\.\.\.)[ \t]*$")
_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        inner = value[1:-1]
        return inner.replace('\\"', '"') if value[0] == '"' else inner.replace("''", "'")
    return value


def _authors(value: str) -> list[str]:
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        parts = [p for p in re.split(r",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", value[1:-1])]
    else:
        parts = value.split(";")
    return [_unquote(p.strip()) for p in parts if _unquote(p.strip())]


def _build(values: dict[str, str | list[str]]) -> Metadata:
    meta = Metadata()
    for key, value in values.items():
        if key == "authors":
            meta.authors = value if isinstance(value, list) else _authors(value)
        elif key == "date":
            meta.date = check_date(value) if isinstance(value, str) and value else None
        else:
            setattr(meta, key, value or None)
    return meta


def split_front_matter(text: str) -> tuple[Metadata | None, str]:
    """(metadata, the text after the block), or (None, text) when the text has no front
    matter. MetadataError for a block that is there but wrong."""
    body = text.lstrip("\ufeff")
    lines = body.split("\n")
    if not lines or not _FENCE.match(lines[0].rstrip("\r")):
        return None, text
    if not any(_CLOSE.match(line.rstrip("\r")) for line in lines[1:]):
        raise MetadataError("front matter opened with '---' is never closed")
    values: dict[str, str | list[str]] = {}
    current_list: str | None = None
    for number, raw in enumerate(lines[1:], start=2):
        line = raw.rstrip("\r")
        if _CLOSE.match(line):
            return _build(values), "\n".join(lines[number:])
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^[ \t]+-[ \t]+(.*)$", line) or re.match(r"^-[ \t]+(.*)$", line)
        listed = values.get(current_list) if current_list is not None else None
        if item and isinstance(listed, list):
            listed.append(_unquote(item.group(1).strip()))
            continue
        match = _LINE.match(line)
        if not match:
            raise MetadataError(f"front matter line {number} is not 'key: value': {line.strip()[:60]!r}")
        key, value = match.group(1).lower(), match.group(2)
        if key not in FIELDS:
            raise MetadataError(f"front matter line {number}: unknown key {key!r} (known: {', '.join(FIELDS)})")
        if key in values:
            raise MetadataError(f"front matter line {number}: {key!r} given twice")
        if key == "authors" and not value:
            values[key] = []
            current_list = key
        else:
            values[key] = _unquote(value)
            current_list = None
    raise MetadataError("front matter opened with '---' is never closed")


# ----------------------------------------------------------------------------- CSV

_FILE_COLUMNS = ("file", "path", "filename", "file_name")


class MetadataTable:
    """Rows of a metadata CSV, looked up by path, file name or URL."""

    def __init__(self) -> None:
        self.by_key: dict[str, Metadata] = {}
        self.rows = 0
        self._used: set[int] = set()

    def lookup(self, source: str, url: str | None = None) -> Metadata | None:
        """The row for an input: by its URL, its path as given, normalised, or its file name."""
        for key in (url, source, os.path.normpath(source) if source else None, os.path.basename(source) if source else None):
            if key and key in self.by_key:
                self._used.add(id(self.by_key[key]))
                return self.by_key[key]
        return None

    def unused(self) -> int:
        """Rows that matched no input so far."""
        return self.rows - len(self._used)


def read_metadata_csv(path: str) -> tuple[MetadataTable, list[str]]:
    """The table, and one message per bad row ("FILE.csv:LINE: reason"). A CSV that cannot
    be read at all raises MetadataError."""
    table = MetadataTable()
    problems: list[str] = []
    try:
        with open(path, newline="", encoding="utf-8-sig") as stream:
            reader = csv.DictReader(stream)
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
            if not header:
                raise MetadataError("empty CSV (no header row)")
            reader.fieldnames = header
            file_column = next((c for c in _FILE_COLUMNS if c in header), None)
            if file_column is None and "url" not in header:
                raise MetadataError(f"no 'file' or 'url' column (columns: {', '.join(header)[:120]})")
            for row in reader:
                line = reader.line_num
                keys = [
                    k for k in ((row.get(file_column) or "").strip() if file_column else "", (row.get("url") or "").strip()) if k
                ]
                if not keys:
                    problems.append(f"{path}:{line}: no file name or URL in this row")
                    continue
                try:
                    meta = _build({k: (row.get(k) or "").strip() for k in FIELDS if (row.get(k) or "").strip()})
                except MetadataError as error:
                    problems.append(f"{path}:{line}: {error}")
                    continue
                table.rows += 1
                for key in keys:
                    table.by_key[key] = meta
                    table.by_key.setdefault(os.path.normpath(key), meta)
    except UnicodeDecodeError:
        raise MetadataError("not UTF-8 text") from None
    except csv.Error as error:
        raise MetadataError(f"broken CSV: {error}") from None
    return table, problems
