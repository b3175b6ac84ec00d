"""Reported statements in the index: stored beside the quotes, partial quotes linked to the
statement holding them, counted apart per speaker, searchable, linked to the quote group
they paraphrase (either ingest order), and an older file migrated without loss."""

from __future__ import annotations

import sqlite3

from quotes.models import CueClass
from quotes.store import Store
from tests.factories import article, with_statements

QUOTE = article(
    'Donald Trump said on Monday: "Mexico is going to pay for the wall along the southern border, believe me. Every dollar of it."',
    [("Mexico is going to pay for the wall along the southern border, believe me. Every dollar of it.", "Donald Trump")],
    [("Donald Trump", "person", ["candidate"])],
    source="one.txt",
    outlet="Daily Example",
    date="2016-01-02",
)
REPORTED = with_statements(
    article(
        'Trump said the wall along the southern border would be paid for by Mexico, every dollar. He also said the plan was "a clear win" for workers. '
        "Jane Roe believes the budget is too small for the city.",
        [("a clear win", "Donald Trump")],
        [("Donald Trump", "person", []), ("Jane Roe", "person", [])],
        source="two.txt",
        outlet="Weekly Example",
        date="2016-01-03",
    ),
    [
        (
            "the wall along the southern border would be paid for by Mexico, every dollar",
            "Donald Trump",
            "said",
            CueClass.speech_verb,
        ),
        ('the plan was "a clear win" for workers', "Donald Trump", "said", CueClass.speech_verb),
        ("the budget is too small for the city", "Jane Roe", "believes", CueClass.attitude),
    ],
)


def _check(store: Store) -> None:
    trump = store.find_speaker("Donald Trump")
    assert trump is not None and (trump.quotes, trump.statements) == (2, 2)
    [paraphrase] = [s for s in store.statements(speaker_id=trump.id) if "wall" in s.text]
    [group] = [g for g in store.groups(speaker_id=trump.id) if "Mexico" in g.canonical]
    assert paraphrase.paraphrase_group_id == group.id and paraphrase.paraphrase_score >= 0.3
    detail = store.group(group.id)
    assert [s.id for s in detail.reported] == [paraphrase.id]
    [holder] = [s for s in store.statements() if "clear win" in s.text]
    assert holder.paraphrase_group_id is None  # a different claim: no link
    [partial] = [q for q in store.quotes() if q.text == "a clear win"]
    assert holder.quote_ids == [partial.id]
    assert [s.text for s in store.statements(cue_class="attitude")] == ["the budget is too small for the city"]
    hits = store.search("budget")
    assert [(h.kind, h.text) for h in hits] == [("reported", "the budget is too small for the city")]


def test_statements_are_stored_linked_counted_and_searchable(tmp_path):
    with Store(tmp_path / "a.db") as store:
        store.ingest(QUOTE)
        store.ingest(REPORTED)
        _check(store)


def test_a_statement_stored_before_the_quote_it_paraphrases_is_linked_when_the_quote_comes(tmp_path):
    with Store(tmp_path / "b.db") as store:
        store.ingest(REPORTED)
        store.ingest(QUOTE)
        _check(store)
        assert store.regroup() >= 2
        _check(store)  # regrouping keeps the links


def test_an_older_file_migrates_without_loss(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.ingest(QUOTE)
        before = store.stats()
    conn = sqlite3.connect(path)  # the file as the previous version wrote it
    old_index = (
        "CREATE VIEW speaker_index AS SELECT s.id, s.name, s.type,"
        " (SELECT group_concat(DISTINCT role) FROM speaker_roles r WHERE r.speaker_id = s.id) AS roles,"
        " (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes,"
        " (SELECT count(*) FROM quote_groups g WHERE g.speaker_id = s.id) AS groups FROM speakers s"
    )
    for statement in (
        "DROP VIEW reported_sheet",
        "DROP VIEW speaker_index",
        old_index,
        "DROP TABLE statements_fts",
        "DROP TABLE statements",
        "ALTER TABLE quotes DROP COLUMN statement_id",
        "DELETE FROM _sqlite_migrations WHERE name = 'm006_reported_statements'",
    ):
        conn.execute(statement)
    conn.commit()
    conn.close()
    with Store(path) as store:
        after = store.stats()
        assert {k: after[k] for k in before} == before and after["statements"] == 0
        store.ingest(REPORTED)
        _check(store)
        rows = store.conn.execute("SELECT name, quotes, statements FROM speaker_index ORDER BY name").fetchall()
        assert [tuple(r) for r in rows] == [("Donald Trump", 2, 2), ("Jane Roe", 0, 1)]


def test_the_command_line_lists_shows_searches_and_exports_statements(tmp_path, capsys):
    import csv
    import io
    import json

    from tests.factories import build_index, run_cli

    db = build_index(tmp_path / "cli.db", [QUOTE, REPORTED])
    code, out, _ = run_cli(capsys, "quotes", "--db", db, "--kind", "reported", "--json")
    assert code == 0 and len(json.loads(out)) == 3
    code, out, _ = run_cli(capsys, "quotes", "--db", db, "--kind", "reported", "--cue-class", "attitude", "--json")
    assert [s["speaker"] for s in json.loads(out)] == ["Jane Roe"]
    code, out, _ = run_cli(capsys, "search", "budget", "--db", db, "--kind", "quotes")
    assert "no match" in out
    code, out, _ = run_cli(capsys, "search", "budget", "--db", db, "--kind", "reported", "--json")
    assert [h["kind"] for h in json.loads(out)] == ["reported"]
    with Store(db) as store:
        [group] = [g for g in store.groups() if "Mexico" in g.canonical]
    code, out, _ = run_cli(capsys, "show", str(group.id), "--db", db)
    assert "also reported as" in out and "paraphrase score" in out and "southern border" in out
    code, out, _ = run_cli(capsys, "speakers", "--db", db, "--json")
    assert {s["name"]: s["statements"] for s in json.loads(out)} == {"Donald Trump": 2, "Jane Roe": 1}
    code, out, _ = run_cli(capsys, "export", "--db", db, "--format", "csv", "--kind", "reported")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["kind"] for r in rows} == {"reported"} and len(rows) == 3
    code, out, _ = run_cli(capsys, "export", "--db", db, "--format", "json")
    sheet = json.loads(out)
    assert len(sheet["statements"]) == 3 and any(g["reported"] for g in sheet["groups"])
    for fmt in ("md", "html"):
        code, out, _ = run_cli(capsys, "export", "--db", db, "--format", fmt)
        assert code == 0 and "Reported statements" in out and "also reported as" in out
