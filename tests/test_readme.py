"""The README's Python API examples, run as written (on the real CoreNLP server: the
session's, so no second Java start; the seeds come from the session's annotation cache)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def api_examples() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Python API") :]
    section = section[: section.index("\n## ", 1)]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_the_readme_has_the_three_examples():
    blocks = api_examples()
    assert len(blocks) == 3 and "quotes.ingest(" in blocks[0] and "open_index" in blocks[1] and "attribute_text" in blocks[2]


@pytest.mark.corenlp
def test_readme_python_examples_run(seed_db, pipeline, corenlp, tmp_path, monkeypatch, capsys):
    import quotes.pipeline

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("QUOTES_ANNOTATION_CACHE", str(pipeline.cache.path))
    monkeypatch.setattr(quotes.pipeline, "CoreNLP", lambda **kwargs: corenlp)  # the session's server...
    monkeypatch.setattr(corenlp, "stop", lambda: None)  # ...which the examples' pipelines must not stop
    namespace: dict = {}
    for block in api_examples():
        exec(compile(block, str(README), "exec"), namespace)
    out = capsys.readouterr().out
    assert namespace["report"].added == 5 and namespace["report"].failed == 0
    assert "5/5" in out and "Donald Trump" in out
    assert namespace["hits"] and any(h.highlights for h in namespace["hits"])
    [quote] = namespace["result"].quotes
    assert "rebuild the bridge by spring" in quote.text and quote.speaker == "Jane Roe"
