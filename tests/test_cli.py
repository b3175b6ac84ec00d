"""The command line, in process: queries, JSON output, terminal safety, exports, corrections,
ingest of bad inputs (which fail before any NLP is needed), and the main job on the seeds."""

from __future__ import annotations

import json
import shutil

import pytest

from quotes.cli import DESCRIPTION
from tests.factories import build_index, run_cli, trump_articles


@pytest.fixture
def db(tmp_path):
    return build_index(tmp_path / "cli.db", trump_articles())


run = run_cli


def test_no_arguments_prints_one_screen_of_help(capsys):
    code, out, _ = run(capsys)
    assert code == 0 and out.strip() == DESCRIPTION.strip() and len(out.splitlines()) <= 24


def test_speakers_json_has_stable_fields(capsys, db):
    code, out, _ = run(capsys, "speakers", "--db", db, "--json")
    data = json.loads(out)
    assert code == 0 and data[0]["name"] == "Donald Trump"
    assert set(data[0]) == {
        "id",
        "name",
        "type",
        "roles",
        "role_sources",
        "role_details",
        "party",
        "aliases",
        "quotes",
        "groups",
        "outlets",
        "statements",
    }


def test_quotes_of_a_speaker_and_unknown_speaker(capsys, db):
    code, out, _ = run(capsys, "quotes", "--db", db, "--speaker", "Trump", "--json")
    assert code == 0 and len(json.loads(out)) == 4
    code, _, err = run(capsys, "quotes", "--db", db, "--speaker", "Nobody Here")
    assert code == 1 and "no speaker" in err


def test_search_with_hostile_input_never_crashes(capsys, db):
    for text in ['"', "(", "AND", "*", "wake-up AND (", "NEAR(x"]:
        assert run(capsys, "search", text, "--db", db)[0] == 0
    code, out, _ = run(capsys, "search", "wake-up", "--db", db, "--json")
    assert any(hit["group_id"] for hit in json.loads(out))


def test_show_group_and_terminal_safety(capsys, db):
    code, out, _ = run(capsys, "quotes", "--db", db, "--json")
    group = next(q["group_id"] for q in json.loads(out) if "cheaper" in q["text"])
    code, out, _ = run(capsys, "show", str(group), "--db", db)
    assert code == 0 and "[and]" in out and "Weekly Example" in out
    code, out, _ = run(capsys, "quotes", "--db", db)
    assert "\x1b" not in out, "escape sequences from article text must be shown inert"


def test_export_formats_and_inference(capsys, db, tmp_path):
    for name in ("s.md", "s.csv", "s.json", "s.html", "s.docx"):
        assert run(capsys, "export", "--db", db, "--out", str(tmp_path / name))[0] == 0
        assert (tmp_path / name).stat().st_size > 100
    code, out, _ = run(capsys, "export", "--db", db, "--format", "json", "--speaker", "Jane Roe")
    assert [o["text"] for g in json.loads(out)["groups"] for o in g["occurrences"]] == ["We disagree."]
    assert run(capsys, "export", "--db", db, "--out", str(tmp_path / "x.pdf"))[0] == 2


def test_corrections_from_the_command_line(capsys, db):
    _, out, _ = run(capsys, "quotes", "--db", db, "--json")
    quotes = json.loads(out)
    roe = next(q for q in quotes if q["text"] == "We disagree.")
    assert run(capsys, "reassign", str(roe["id"]), "John Doe", "--db", db)[0] == 0
    code, out, _ = run(capsys, "split", str(quotes[0]["id"]), "--db", db)
    assert code == 0 and "now in group" in out
    assert run(capsys, "merge", "999", "998", "--db", db)[0] == 1
    assert run(capsys, "split", "99999", "--db", db)[0] == 1


def test_ingest_reports_bad_files_and_goes_on(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "bad.jsonl").write_text("{broken\n")
    (tmp_path / "in" / "x.pdf").write_bytes(b"%PDF-1.4")
    code, _, err = run(capsys, "ingest", str(tmp_path / "in"), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "i.db"))
    assert code == 1
    for name in ("empty.txt: empty file", "bad.jsonl:1: broken JSON", "x.pdf: unsupported", "missing.txt: no such file"):
        assert name in err
    assert "0 added, 0 already present, 4 failed" in err


def test_main_job_on_the_seeds(capsys, seed_db, tmp_path, monkeypatch):
    """`quotes run` on the bundled seeds over an index that already holds them: prints
    speakers and groups, adds nothing, and never starts the NLP pipeline."""
    import quotes.pipeline

    db = tmp_path / "run.db"
    shutil.copy(seed_db, db)

    def no_pipeline(*args, **kwargs):
        raise AssertionError("a second run must not start CoreNLP")

    monkeypatch.setattr(quotes.pipeline, "Pipeline", no_pipeline)
    code, out, err = run(capsys, "run", "--db", str(db))
    assert code == 0
    assert "Donald Trump" in out and "Liang Wenfeng" in out and "quotes tui" in out
    assert "0 added, 5 already present" in err
