"""`--db` is never trusted blindly (issue 13): readers never create an index, another
program's SQLite file is refused and left byte for byte as it was, bad paths get one-line
errors, and a read-only index can be read."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat

import pytest

import quotes.store
from quotes.cli import main
from quotes.store import Store, StoreError
from tests.factories import trump_articles

READERS = [
    ["speakers"],
    ["tui"],
    ["quotes"],
    ["search", "cheaper"],
    ["show", "1"],
    ["export", "--format", "md"],
    ["merge", "1", "2"],
    ["split", "1"],
    ["reassign", "1", "X Y"],
    ["regroup"],
]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def one_line_error(err: str, *words: str) -> bool:
    lines = err.strip().splitlines()
    return len(lines) == 1 and "Traceback" not in err and all(w in lines[0] for w in words)


@pytest.mark.parametrize("argv", READERS, ids=lambda a: a[0])
def test_readers_never_create_a_missing_index(capsys, tmp_path, argv):
    db = tmp_path / "typo.db"
    code, out, err = run(capsys, *argv, "--db", str(db))
    assert code == 1 and one_line_error(err, str(db), "no such index")
    assert not db.exists() and os.listdir(tmp_path) == []


@pytest.fixture
def foreign(tmp_path):
    """Another program's SQLite file (rollback journal, its own table)."""
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE articles (x)")  # even a table of the same name
    conn.execute("INSERT INTO articles VALUES (1)")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("argv", [*READERS, ["ingest", "__EMPTY__"], ["run", "__EMPTY__"]], ids=lambda a: a[0])
def test_another_programs_sqlite_file_is_refused_and_untouched(capsys, tmp_path, foreign, argv):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    before = digest(foreign)
    argv = [str(empty) if a == "__EMPTY__" else a for a in argv]
    code, out, err = run(capsys, *argv, "--db", str(foreign))
    assert code == 1 and one_line_error(err, str(foreign), "not a quotes index")
    assert digest(foreign) == before
    assert sorted(os.listdir(tmp_path)) == ["empty.txt", "other.sqlite"], "no WAL or journal file left beside it"


def test_store_refuses_a_foreign_file_from_the_api(foreign):
    before = digest(foreign)
    with pytest.raises(StoreError, match="not a quotes index"):
        Store(foreign)
    assert digest(foreign) == before


def test_not_sqlite_missing_folder_and_folder(capsys, tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("just some notes\n" * 10)
    before = digest(text)
    for argv in (["speakers"], ["ingest", str(tmp_path / "nothing.txt")]):
        code, _, err = run(capsys, *argv, "--db", str(text))
        assert code == 1 and one_line_error(err, str(text), "not an SQLite file")
    assert digest(text) == before
    missing = tmp_path / "no" / "such" / "x.db"
    code, _, err = run(capsys, "ingest", str(tmp_path / "nothing.txt"), "--db", str(missing))
    assert code == 1 and one_line_error(err, str(missing), "no such folder")
    code, _, err = run(capsys, "speakers", "--db", str(tmp_path))
    assert code == 1 and one_line_error(err, "is a folder")


@pytest.fixture
def read_only(tmp_path, monkeypatch):
    """A folder and index that cannot be written. root ignores permission bits, so for
    root the store's own check is told the truth a read-only medium would tell."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "index.db"
    with Store(path) as s:
        for a in trump_articles():
            s.ingest(a)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:
        real = os.access
        monkeypatch.setattr(
            quotes.store.os,
            "access",
            lambda p, mode: False if mode & os.W_OK and str(p).startswith(str(folder)) else real(p, mode),
        )
    yield folder, path
    folder.chmod(stat.S_IRWXU)
    path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_reading_works_from_a_read_only_index(capsys, read_only):
    folder, path = read_only
    before, listing = digest(path), sorted(os.listdir(folder))
    code, out, err = run(capsys, "speakers", "--db", str(path))
    assert code == 0 and "Donald Trump" in out, err
    code, out, _ = run(capsys, "search", "cheaper", "--db", str(path), "--json")
    assert code == 0 and "cheaper" in out
    code, out, err = run(capsys, "merge", "1", "2", "--db", str(path))
    assert code == 1 and one_line_error(err, str(path), "read-only")
    assert digest(path) == before and sorted(os.listdir(folder)) == listing


def test_creating_an_index_in_a_read_only_folder(capsys, read_only, tmp_path):
    folder, _ = read_only
    db = folder / "new.db"
    code, _, err = run(capsys, "ingest", str(tmp_path / "nothing.txt"), "--db", str(db))
    assert code == 1 and one_line_error(err, str(db), "not writable") and not db.exists()


def test_a_reader_sees_an_index_whose_schema_is_still_in_the_writers_wal(tmp_path):
    """While a first ingest runs, the schema may be only in the WAL file: a reader opened
    then (the TUI, `quotes speakers`) must still recognise the index."""
    path = tmp_path / "busy.db"
    with Store(path) as writer:
        for a in trump_articles():
            writer.ingest(a)
        assert os.path.getsize(str(path) + "-wal") > 0
        with Store(path, create=False) as reader:
            assert reader.stats()["articles"] == 3


def test_another_programs_wal_mode_file_is_left_as_it_was(tmp_path, capsys):
    path = tmp_path / "wal.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before, listing = digest(path), sorted(os.listdir(tmp_path))
    for argv in (["speakers"], ["ingest", str(tmp_path / "none.txt")]):
        code, _, err = run(capsys, *argv, "--db", str(path))
        assert code == 1 and one_line_error(err, "not a quotes index")
    assert digest(path) == before and sorted(os.listdir(tmp_path)) == listing


def test_ingest_into_a_read_only_index_stops_before_reading_anything(capsys, read_only, tmp_path, monkeypatch):
    import quotes.sources

    _, path = read_only
    monkeypatch.setattr(quotes.sources, "read_sources", lambda paths: pytest.fail("sources read for a read-only index"))
    (tmp_path / "a.txt").write_text('Jane Roe said "We will rebuild the bridge."')
    code, _, err = run(capsys, "ingest", str(tmp_path / "a.txt"), "--db", str(path))
    assert code == 1 and one_line_error(err, str(path), "read-only")
