"""Speaker roles in the index (issue 17): one role per meaning with every article it came
from and its first and last date, the most frequent recent one first (in the speaker index,
the sheets and the view SQL users read), the party kept apart, and m010 on an older file."""

from __future__ import annotations

import sqlite3

from quotes.store import RECENT_ROLE_ARTICLES, Store
from tests.factories import article, build_index, run_cli


def said(n: int, roles: list[str], date: str | None, outlet: str = "Outlet", party: str | None = None):
    attributed = article(
        f'Mike Penning said "We will win number {n}."',
        [(f"We will win number {n}.", "Mike Penning")],
        [("Mike Penning", "person", roles)],
        source=f"{outlet}-{n}.txt",
        outlet=outlet,
        date=date,
    )
    if party:
        attributed.speakers[0] = attributed.speakers[0].model_copy(update=dict(party=party))
    return attributed


def test_one_role_per_meaning_keeps_every_article_and_its_first_and_last_date(tmp_path):
    with Store(tmp_path / "a.db") as store:
        store.ingest(said(1, ["the House Speaker"], "2016-03-01", outlet="A"))
        store.ingest(said(2, ["House speaker"], "2016-05-09", outlet="B"))
        store.ingest(said(3, ["Speaker’s aide", "House Speaker"], None, outlet="C"))
        store.ingest(said(4, ["Speaker's aide"], "2016-04-02", outlet="A"))
        speaker = store.find_speaker("Mike Penning")
        assert len(speaker.roles) == 2, speaker.roles
        house = next(d for d in speaker.role_details if d.role.lower().endswith("house speaker"))
        assert len(house.articles) == 3 and house.sources == ["A", "B", "C"]
        assert (house.first_date, house.last_date) == ("2016-03-01", "2016-05-09")  # the undated one has no day
        aide = next(d for d in speaker.role_details if "aide" in d.role)
        assert len(aide.articles) == 2 and aide.role == "Speaker’s aide", "the first seen of two equal spellings"
        # every spelling stays in the index, each with its article
        assert store.conn.execute("SELECT count(*) FROM speaker_roles").fetchone()[0] == 5


def test_the_most_frequent_recent_role_comes_first(tmp_path):
    """A governor in a dozen 2016 articles and the vice president in the ten since is the
    vice president now, whatever the count over both years."""
    with Store(tmp_path / "b.db") as store:
        for n in range(12):
            store.ingest(said(n, ["governor"], f"2016-0{1 + n % 9}-1{n % 10}"))
        for n in range(RECENT_ROLE_ARTICLES):
            store.ingest(said(100 + n, ["vice president"], f"2017-0{1 + n % 9}-2{n % 10}"))
        speaker = store.find_speaker("Mike Penning")
        assert speaker.roles == ["vice president", "governor"]
        assert [len(d.articles) for d in speaker.role_details] == [RECENT_ROLE_ARTICLES, 12]
        # the speaker index view SQL users read ranks them the same way
        view = store.conn.execute("SELECT role FROM speaker_index WHERE name = 'Mike Penning'").fetchone()[0]
        assert view == "vice president"
        meanings = store.conn.execute(
            "SELECT role, articles, first_date, last_date FROM speaker_role_meanings ORDER BY recent_articles DESC, latest"
        ).fetchall()
        assert [tuple(m) for m in meanings] == [
            ("vice president", RECENT_ROLE_ARTICLES, speaker.role_details[0].first_date, speaker.role_details[0].last_date),
            ("governor", 12, speaker.role_details[1].first_date, speaker.role_details[1].last_date),
        ]
        # a quote sheet prints the speaker with that role
        group = store.groups(speaker_id=speaker.id, limit=1)[0]
        assert store.group(group.id).role == "vice president"


def test_a_role_given_often_lately_beats_one_given_once_later(tmp_path):
    with Store(tmp_path / "c.db") as store:
        for n in range(3):
            store.ingest(said(n, ["senator"], f"2016-02-0{n + 1}"))
        store.ingest(said(9, ["Harlan running mate"], "2016-07-15"))
        assert store.find_speaker("Mike Penning").roles == ["senator", "Harlan running mate"]


def test_the_party_is_kept_apart_from_the_roles(tmp_path):
    with Store(tmp_path / "d.db") as store:
        store.ingest(said(1, ["senator"], "2016-01-01", party="Democratic"))
        store.ingest(said(2, ["senator"], "2016-01-02"))
        speaker = store.find_speaker("Mike Penning")
        assert speaker.party == "Democratic" and speaker.roles == ["senator"]
        assert store.conn.execute("SELECT party FROM speaker_index").fetchone()[0] == "Democratic"


def test_an_older_file_migrates_to_role_meanings_without_loss(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.ingest(said(1, ["House Speaker"], "2016-01-01"))
        store.ingest(said(2, ["house speaker", "former Wisconsin representative"], "2016-02-01"))
    conn = sqlite3.connect(path)  # the file as the version before m010 wrote it
    for statement in (
        "DROP VIEW speaker_index",
        "DROP VIEW speaker_role_meanings",
        "DROP INDEX speaker_roles_key",
        "ALTER TABLE speaker_roles DROP COLUMN role_key",
        "ALTER TABLE speakers DROP COLUMN party",
        "CREATE VIEW speaker_index AS SELECT s.id, s.name, s.type FROM speakers s",
        "DELETE FROM _sqlite_migrations WHERE name = 'm010_role_meanings_and_party'",
    ):
        conn.execute(statement)
    conn.commit()
    rows_before = conn.execute("SELECT speaker_id, role, article_id FROM speaker_roles ORDER BY rowid").fetchall()
    conn.close()
    with Store(path) as store:
        rows = store.conn.execute("SELECT speaker_id, role, article_id, role_key FROM speaker_roles ORDER BY rowid").fetchall()
        assert [tuple(r)[:3] for r in rows] == rows_before
        assert [r[3] for r in rows] == ["house speaker", "house speaker", "former wisconsin representative"]
        speaker = store.find_speaker("Mike Penning")
        assert speaker.roles == ["House Speaker", "former Wisconsin representative"] and speaker.party is None


def test_speakers_shows_the_lead_role_and_every_role_on_demand(tmp_path, capsys):
    db = build_index(
        tmp_path / "cli.db",
        [
            said(1, ["senator", "chairman of the Judiciary Committee"], "2016-01-01", outlet="A", party="Republican"),
            said(2, ["senator"], "2016-02-01", outlet="B"),
        ],
    )
    code, out, _ = run_cli(capsys, "speakers", "--db", db)
    assert code == 0 and "senator +1" in out and "Judiciary" not in out
    code, out, _ = run_cli(capsys, "speakers", "--db", db, "--roles")
    lines = out.splitlines()
    assert code == 0 and "party: Republican" in lines[0]
    assert lines[1].split(" · ")[0].strip() == "senator" and "2 articles, 2016-01-01 – 2016-02-01 · A, B" in lines[1]
    assert lines[2].split(" · ")[0].strip() == "chairman of the Judiciary Committee" and "1 article, 2016-01-01 · A" in lines[2]
