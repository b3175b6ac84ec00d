"""The README's account of the index matches the schema a new index gets."""

from __future__ import annotations

import re
from pathlib import Path

from quotes.store import Store

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def section() -> str:
    start = README.index("## The index (SQLite)")
    return README[start : README.index("\n## ", start + 1)]


def test_every_table_and_index_is_listed(tmp_path):
    with Store(tmp_path / "i.db") as store:
        rows = store.conn.execute("SELECT type, name FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
    text = section()
    tables = {
        n for t, n in rows if t == "table" and not n.startswith(("quotes_fts_", "speakers_fts_", "statements_fts_", "_sqlite"))
    }
    indexes = {n for t, n in rows if t == "index" and not n.startswith("idx__sqlite_migrations")}
    listed = set(re.findall(r"`(\w+)`", text))
    assert tables - listed == set(), "tables missing from the README"
    assert indexes - listed == set(), "indexes missing from the README"
    assert "indexes on every link" not in text
