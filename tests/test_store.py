"""The SQLite index: idempotent ingest, speakers across articles, groups, corrections, FTS,
concurrent readers, and a real kill -9 in the middle of an ingest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quotes.store import Store, fts_query
from tests.factories import article, trump_articles

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "index.db") as s:
        for a in trump_articles():
            s.ingest(a)
        yield s


def dump(path) -> list:
    """A canonical dump of the index: what an uninterrupted ingest must equal."""
    conn = sqlite3.connect(path)
    out = []
    for table in ("articles", "speakers", "speaker_aliases", "speaker_roles", "quotes", "quote_groups"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in ("ingested_at",)]
        rows = conn.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in columns)} FROM {table} ORDER BY 1, 2, 3").fetchall()
        out.append((table, rows))
    conn.close()
    return out


def test_ingest_is_idempotent_and_same_text_under_another_name_adds_nothing(store):
    before = store.stats()
    again = trump_articles()[0]
    assert store.ingest(again).status == "present"
    renamed = again.model_copy(update={"article": again.article.model_copy(update={"source": "elsewhere.html"})})
    assert store.ingest(renamed).status == "present"
    assert store.stats() == before


def test_speakers_are_resolved_across_articles(store):
    trump = store.find_speaker("Trump")
    assert trump is not None and trump.name == "Donald Trump"
    assert trump.quotes == 4 and {"Daily Example", "Weekly Example"} <= set(trump.outlets)
    assert "US President" in trump.roles


def test_people_sharing_a_surname_are_not_merged_without_evidence(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.ingest(article('Bill Clinton said "One thing."', [("One thing.", "Bill Clinton")], [("Bill Clinton", "person", ["former president"])]))
        s.ingest(article('Hillary Clinton said "Another thing."', [("Another thing.", "Hillary Clinton")], [("Hillary Clinton", "person", ["senator"])]))
        s.ingest(article('Clinton said "A third thing."', [("A third thing.", "Clinton")], [("Clinton", "person", [])]))
        names = sorted(sp.name for sp in s.speakers())
        assert names == ["Bill Clinton", "Clinton", "Hillary Clinton"]
        s.ingest(article('Mr Clinton, the former president, said "A fourth."', [("A fourth.", "Clinton")], [("Clinton", "person", ["former president"])], source="4.txt"))
        bill = s.find_speaker("Bill Clinton")
        assert bill.quotes == 2, "surname plus a shared role is evidence enough"


def test_variant_wordings_form_one_group_with_diffs(store):
    trump = store.find_speaker("Donald Trump")
    groups = store.groups(speaker_id=trump.id)
    cheaper = next(g for g in groups if "cheaper" in g.canonical)
    assert cheaper.wordings == 2 and cheaper.outlets == 2
    detail = store.group(cheaper.id)
    diffs = [o.diff for o in detail.occurrences]
    assert any(op.op == "editorial" and op.variant == "[and]" for ops in diffs for op in ops)
    wake = next(g for g in groups if "wake-up" in g.canonical.lower())
    assert wake.occurrences == 2, "the partial quote joins the full one"


def test_search_survives_any_input(store):
    for nasty in ['"', "(", ")", "AND", "OR NOT", "*", "NEAR(", '"unbalanced', "wake-up AND (", "'; DROP TABLE quotes; --", "", "   ", "😀"]:
        store.search(nasty)
    hits = store.search("wake-up")
    assert any(h.kind == "quote" and h.group_id for h in hits)
    assert any(h.kind == "speaker" for h in store.search("Trump"))
    assert fts_query('a "b" (c)*') == '"a" "b" "c"'


def test_corrections_persist_and_survive_regrouping_and_new_articles(store):
    trump = store.find_speaker("Donald Trump")
    cheaper = next(g for g in store.groups(speaker_id=trump.id) if "cheaper" in g.canonical)
    detail = store.group(cheaper.id)
    moved = detail.occurrences[-1].id
    new_group = store.split_quote(moved)
    assert store.quote(moved).group_id == new_group
    wake = next(g for g in store.groups(speaker_id=trump.id) if "wake-up" in g.canonical.lower())
    store.merge_groups(wake.id, new_group)
    assert store.quote(moved).group_id == wake.id
    roe_quote = next(q for q in store.quotes() if q.text == "We disagree.")
    store.reassign_quote(roe_quote.id, "John Doe")
    assert store.quote(roe_quote.id).speaker == "John Doe"
    store.regroup()
    store.ingest(article('Donald Trump said "Something new entirely."', [("Something new entirely.", "Donald Trump")],
                         [("Donald Trump", "person", [])], source="new.txt"))
    assert store.quote(roe_quote.id).speaker == "John Doe"
    merged = store.quote(moved).group_id
    assert merged == next(q.group_id for q in store.quotes() if q.text == "a wake-up call")
    kinds = [r[0] for r in store.conn.execute("SELECT kind FROM corrections ORDER BY id")]
    assert kinds == ["split", "merge", "reassign"]


def test_a_full_name_finds_the_speaker_known_by_first_name_even_in_an_older_file(tmp_path):
    def said(name, role, source):
        return article(f'{name}, the {role}, said "We are ready for the visit."', [("We are ready for the visit.", name)],
                       [(name, "person", [role])], source=source)

    with Store(tmp_path / "index.db") as s:
        s.ingest(said("Melania", "first lady", "one.txt"))
        # a file written before first-name keys existed: the migration files them
        s.conn.execute("DELETE FROM speaker_keys WHERE key LIKE 'solo:%'")
        s.conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_first_name_keys'")
    with Store(tmp_path / "index.db") as s:
        s.ingest(said("Melania Trump", "first lady", "two.txt"))
        s.ingest(said("John Smith", "senator", "three.txt"))
        s.ingest(said("John Doe", "mayor", "four.txt"))
        names = sorted(sp.name for sp in s.speakers())
        assert names == ["John Doe", "John Smith", "Melania Trump"], names


def test_a_full_quote_merges_earlier_cuts_but_not_a_hand_split(tmp_path):
    from tests.test_grouping import FIRST_CUT, FULL, SECOND_CUT

    def printed(text, source):
        return article(f'Jane Roe said "{text}"', [(text, "Jane Roe")], [("Jane Roe", "person", [])], source=source)

    with Store(tmp_path / "index.db") as s:
        s.ingest(printed(FIRST_CUT, "one.txt"))
        s.ingest(printed(SECOND_CUT, "two.txt"))
        assert len(s.groups()) == 2
        s.ingest(printed(FULL, "three.txt"))
        [group] = s.groups()
        assert group.canonical == FULL and len(s.group(group.id).occurrences) == 3
        # a user splits a cut out; the next printing of the full quote leaves it apart
        cut = next(q for q in s.quotes() if q.text == SECOND_CUT)
        s.split_quote(cut.id)
        s.ingest(printed(FULL + " ", "four.txt"))
        s.ingest(article(f'Jane Roe told us "{FULL}" again', [(FULL, "Jane Roe")], [("Jane Roe", "person", [])], source="five.txt"))
        assert s.quote(cut.id).group_id != next(q.group_id for q in s.quotes() if q.text == FULL)
        s.regroup()
        assert s.quote(cut.id).group_id != next(q.group_id for q in s.quotes() if q.text == FULL)


def test_views_and_example_queries_run(store):
    queries = (ROOT / "docs" / "queries.sql").read_text().split(";\n")
    ran = 0
    for query in queries:
        sql = "\n".join(line for line in query.splitlines() if not line.strip().startswith("--")).strip()
        if sql:
            store.conn.execute(sql.replace(":speaker", "'Donald Trump'")).fetchall()
            ran += 1
    assert ran >= 5
    row = store.conn.execute("SELECT group_id, speaker, role, canonical, variant, source, outlet, title, date, context FROM quote_sheet LIMIT 1").fetchone()
    assert row is not None


def test_a_reader_works_while_a_writer_ingests(tmp_path):
    path = tmp_path / "wal.db"
    writer = Store(path)
    reader = Store(path)
    writer.conn.execute("BEGIN IMMEDIATE")
    writer._write_article(trump_articles()[0])
    assert reader.stats()["articles"] == 0  # the reader sees the last committed state, no lock error
    writer.conn.execute("COMMIT")
    assert reader.stats()["articles"] == 1
    writer.close()
    reader.close()


WRITER = r"""
import sys
sys.path.insert(0, {root!r})
from quotes.store import Store
from tests.factories import article
store = Store(sys.argv[1])
for i in range(int(sys.argv[2])):
    words = f"Statement number {{i}} about the budget and the bridge."
    store.ingest(article(f'Mayor Jane Roe said "{{words}}" on day {{i}}.', [(words, "Jane Roe")],
                         [("Jane Roe", "person", ["mayor"])], source=f"a{{i}}.txt", date=f"2025-01-{{i % 28 + 1:02d}}"))
    print(i, flush=True)
"""


def test_kill_minus_9_mid_ingest_leaves_a_consistent_file_and_rerun_completes_it(tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER.format(root=str(ROOT)))
    n = 150
    killed = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, str(script), str(killed), str(n)], stdout=subprocess.PIPE, text=True)
    for _ in range(20):  # let it get into the middle
        proc.stdout.readline()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    conn = sqlite3.connect(killed)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    orphans = conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id)").fetchone()[0]
    conn.close()
    assert 20 <= articles < n and orphans == 0, (articles, orphans)
    subprocess.run([sys.executable, str(script), str(killed), str(n)], check=True, capture_output=True)
    clean = tmp_path / "clean.db"
    subprocess.run([sys.executable, str(script), str(clean), str(n)], check=True, capture_output=True)
    assert dump(killed) == dump(clean)
