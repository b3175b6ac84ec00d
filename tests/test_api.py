"""The Python API (issue 13): the names in ``quotes.__all__``, the ingest loop in the
library with its progress callback, the seeds found in an installed copy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quotes
from quotes.ingestion import IngestProgress, ingest
from quotes.pipeline import PipelineError
from tests.factories import article

ROOT = Path(__file__).resolve().parent.parent


def test_every_public_name_resolves():
    for name in quotes.__all__:
        assert getattr(quotes, name) is not None, name
    assert quotes.ingest is ingest and quotes.Store.__name__ == "Store"
    with pytest.raises(AttributeError):
        quotes.no_such_name  # noqa: B018


def test_import_quotes_is_light():
    code = "import sys, quotes; quotes.open_index; quotes.ingest; print(sorted(m for m in ('stanza', 'torch', 'textual') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "[]"


class StandIn:
    """Stands in for the NLP pipeline in tests of the ingest *loop* (what is read, skipped,
    stored, reported): it hands back hand-built attributions for the texts it knows."""

    def __init__(self, known):
        self.known = {a.article.text: a for a in known}
        self.seen: list[str] = []

    def attribute_many(self, articles):
        for a in articles:
            self.seen.append(a.source)
            found = self.known.get(a.text)
            if found is None:
                yield PipelineError(a.source, "not annotated (test)")
            else:
                yield found.model_copy(update={"article": a})


def test_ingest_loop_reports_and_calls_progress(tmp_path):
    one = article(
        'Jane Roe said "We will rebuild the bridge."',
        [("We will rebuild the bridge.", "Jane Roe")],
        [("Jane Roe", "person", ["mayor"])],
    )
    two = article(
        'John Doe said "The city cannot afford it."', [("The city cannot afford it.", "John Doe")], [("John Doe", "person", [])]
    )
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(one.article.text)
    (folder / "b.txt").write_text(two.article.text)
    (folder / "c.txt").write_text('Nobody said "This text is unknown to the stand-in."')
    (folder / "empty.txt").write_text("")
    (folder / "same-as-a.md").write_text(one.article.text)
    steps: list[IngestProgress] = []
    stand_in = StandIn([one, two])
    report = ingest([folder], tmp_path / "i.db", progress=steps.append, pipeline=stand_in)
    assert (report.added, report.present, report.failed, report.quotes) == (2, 1, 2, 2)
    assert any("empty.txt: empty file" in f for f in report.failures)
    assert any("c.txt: not annotated (test)" in f for f in report.failures)
    assert [(s.done, s.total) for s in steps] == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert steps[0].source is None and steps[-1].source.endswith("c.txt")
    assert report.index["articles"] == 2
    again = ingest([folder], tmp_path / "i.db", progress=steps.append, pipeline=stand_in)
    assert (again.added, again.present) == (0, 3) and len(stand_in.seen) == 4, "only the failed one is tried again"


def test_the_command_line_draws_its_bar_from_the_library(tmp_path, monkeypatch, capsys):
    import quotes.ingestion as library

    from quotes.cli import main

    calls = []
    real = library.ingest

    def spy(paths, index, workers=1, progress=None, pipeline=None):
        calls.append(progress)
        return real(paths, index, workers=workers, progress=progress, pipeline=StandIn([]))

    monkeypatch.setattr(library, "ingest", spy)
    (tmp_path / "x.txt").write_text('Jane Roe said "Not known to the stand-in at all."')
    code = main(["ingest", str(tmp_path / "x.txt"), "--db", str(tmp_path / "i.db")])
    err = capsys.readouterr().err
    assert code == 1 and len(calls) == 1 and callable(calls[0])
    assert "x.txt: not annotated (test)" in err and "0 added, 0 already present, 1 failed" in err


def test_seeds_are_package_data():
    names = sorted(p.name for p in quotes.seeds_folder().glob("*.txt"))
    assert names == sorted(p.name for p in (ROOT / "seeds").glob("*.txt")) and len(names) == 5


@pytest.mark.slow
def test_seeds_are_found_in_an_installed_copy(tmp_path):
    """Built as a wheel and installed elsewhere, away from any checkout."""
    import shutil

    source, wheels, site = tmp_path / "source", tmp_path / "wheels", tmp_path / "site"
    source.mkdir()
    for name in ("quotes", "tui", "seeds"):  # a copy: building writes build/ beside the sources
        shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(source)], check=True, cwd=tmp_path)
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), *map(str, wheels.glob("*.whl"))], check=True)
    code = (
        "import quotes, sys; assert quotes.__file__.startswith(sys.argv[1]), quotes.__file__; "
        "print(len(list(quotes.seeds_folder().glob('*.txt'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(site)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 0 and out.stdout.strip() == "5", out.stderr


def test_a_changed_article_under_its_url_is_reported_as_a_new_version(tmp_path, monkeypatch, capsys):
    import json

    import quotes.ingestion as library
    from quotes.cli import main

    first = article(
        'Jane Roe said "We will rebuild the bridge by spring."', [("We will rebuild the bridge by spring.", "Jane Roe")]
    )
    second = article(
        'Jane Roe said "We will rebuild the bridge by summer."', [("We will rebuild the bridge by summer.", "Jane Roe")]
    )
    real = library.ingest
    monkeypatch.setattr(
        library,
        "ingest",
        lambda paths, index, workers=1, progress=None: real(
            paths, index, workers=workers, progress=progress, pipeline=StandIn([first, second])
        ),
    )
    for n, a in enumerate((first, second)):
        (tmp_path / f"{n}.jsonl").write_text(json.dumps({"maintext": a.article.text, "url": "https://news.example/s"}) + "\n")
    assert main(["ingest", str(tmp_path / "0.jsonl"), "--db", str(tmp_path / "i.db")]) == 0
    assert main(["ingest", str(tmp_path / "1.jsonl"), "--db", str(tmp_path / "i.db")]) == 0
    err = capsys.readouterr().err
    assert "1 added (1 new version(s) of stored articles), 0 already present" in err


def test_a_corpus_bigger_than_the_preview_streams_and_the_total_grows(tmp_path, monkeypatch):
    import quotes.ingestion

    monkeypatch.setattr(quotes.ingestion, "PREVIEW", 2)
    known = [
        article(
            f'Jane Roe said "We will rebuild bridge {n}."',
            [(f"We will rebuild bridge {n}.", "Jane Roe")],
            [("Jane Roe", "person", [])],
        )
        for n in range(5)
    ]
    folder = tmp_path / "in"
    folder.mkdir()
    for n, one in enumerate(known):
        (folder / f"{n}.txt").write_text(one.article.text)
    (folder / "9-again.txt").write_text(known[0].article.text)
    steps: list[IngestProgress] = []
    report = ingest([folder], tmp_path / "i.db", progress=steps.append, pipeline=StandIn(known))
    assert (report.added, report.present, report.failed) == (5, 1, 0)
    assert [s.total for s in steps] == [2, 2, 2, 3, 4, 5], "the total grows as the stream is read"
