"""Corrections and exports refuse what makes no sense (issue 13): blank speaker names, a
group merged into itself, two speakers' groups merged without saying so, exports to
nowhere, an unknown group, limits SQLite cannot take."""

from __future__ import annotations

import json
import os
import stat

import pytest

from quotes.cli import main
from quotes.store import Store, StoreError
from tests.factories import build_index, run_cli, trump_articles


@pytest.fixture
def db(tmp_path):
    return build_index(tmp_path / "c.db", trump_articles())


run = run_cli


def quotes_of(capsys, db):
    return json.loads(run(capsys, "quotes", "--db", db, "--json")[1])


def count(db, sql):
    with Store(db, create=False) as s:
        return s._one(sql)


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_reassign_to_a_blank_name_is_refused(capsys, db, name):
    quote = quotes_of(capsys, db)[0]
    speakers = count(db, "SELECT count(*) FROM speakers")
    code, _, err = run(capsys, "reassign", str(quote["id"]), name, "--db", db)
    assert code == 1 and "blank" in err
    assert count(db, "SELECT count(*) FROM speakers") == speakers
    assert count(db, "SELECT count(*) FROM corrections") == 0


def test_merge_a_group_into_itself_is_refused(capsys, db):
    group = quotes_of(capsys, db)[0]["group_id"]
    code, _, err = run(capsys, "merge", str(group), str(group), "--db", db)
    assert code == 1 and "itself" in err
    assert count(db, "SELECT count(*) FROM corrections") == 0


def test_merging_two_speakers_groups_needs_the_flag_and_survives_regroup(capsys, db):
    quotes = quotes_of(capsys, db)
    trump = next(q for q in quotes if q["text"] == "a wake-up call")
    roe = next(q for q in quotes if q["text"] == "We disagree.")
    code, _, err = run(capsys, "merge", str(trump["group_id"]), str(roe["group_id"]), "--db", db)
    assert code == 1 and "different speakers" in err and "--across-speakers" in err
    assert count(db, "SELECT count(*) FROM corrections") == 0
    code, out, _ = run(capsys, "merge", str(trump["group_id"]), str(roe["group_id"]), "--across-speakers", "--db", db)
    assert code == 0 and "merged" in out
    assert run(capsys, "regroup", "--db", db)[0] == 0
    after = {q["text"]: q for q in quotes_of(capsys, db)}
    assert after["We disagree."]["group_id"] == after["a wake-up call"]["group_id"]
    assert after["We disagree."]["speaker"] == "Jane Roe", "each quote keeps its own speaker"


def test_merge_refuses_across_speakers_from_the_api(db):
    with Store(db) as s:
        groups = {g.speaker: g.id for g in s.groups()}
        with pytest.raises(StoreError, match="different speakers"):
            s.merge_groups(groups["Donald Trump"], groups["Jane Roe"])


def test_export_to_a_missing_folder_or_read_only_folder(capsys, db, tmp_path, monkeypatch):
    target = tmp_path / "no" / "such" / "x.csv"
    code, _, err = run(capsys, "export", "--db", db, "--out", str(target))
    assert code == 1 and err.strip().count("\n") == 0 and str(target) in err and "No such file" in err
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:  # root writes anywhere: make open() fail the way it does for a user
        import builtins

        real_open = builtins.open

        def fake_open(file, mode="r", *args, **kwargs):
            if str(file).startswith(str(folder)) and "w" in mode:
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, mode, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", fake_open)
    try:
        code, _, err = run(capsys, "export", "--db", db, "--out", str(folder / "x.html"))
    finally:
        folder.chmod(stat.S_IRWXU)
    assert code == 1 and err.strip().count("\n") == 0 and "Permission denied" in err
    assert not (folder / "x.html").exists()


def test_export_of_an_unknown_group_is_an_error(capsys, db, tmp_path):
    code, _, err = run(capsys, "export", "--db", db, "--group", "9999", "--out", str(tmp_path / "g.csv"))
    assert code == 1 and "no group 9999" in err and not (tmp_path / "g.csv").exists()


def test_huge_and_negative_limits(capsys, db):
    for command in (["search", "cheaper"], ["quotes"], ["speakers"]):
        code, out, err = run(capsys, *command, "--limit", "100000000000000000000", "--db", db, "--json")
        assert code == 0 and json.loads(out), err
    with pytest.raises(SystemExit) as exit_:
        main(["search", "a", "--limit", "-1", "--db", db])
    assert exit_.value.code == 2
    with Store(db, create=False) as s:
        assert s.search("cheaper", limit=10**30) and s.quotes(limit=10**30, offset=10**30) == []
