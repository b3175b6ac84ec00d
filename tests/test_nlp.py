"""The NLP backend against the real CoreNLP server (one per test run), and the conversion
code against answers recorded from it (tests/fixtures/corenlp; regenerate with
`python -m quotes.nlp.recorded tests/fixtures/corenlp seeds/*.txt`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.models import Article
from quotes.nlp import PIPELINE_VERSION, AnnotationCache
from quotes.nlp.convert import Utf16Map
from quotes.nlp.recorded import load
from quotes.nlp.server import split_into_chunks
from quotes.pipeline import MAX_ARTICLE_CHARS, PipelineError

RECORDED = Path(__file__).parent / "fixtures" / "corenlp"


def assert_offsets_round_trip(text, document):
    tokens = [t for s in document.sentences for t in s.tokens]
    assert tokens, "no tokens"
    for token in tokens:
        assert text[token.start : token.end] == token.original_text
    for entity in document.entities:
        assert text[entity.start : entity.end] == entity.text
    for chain in document.coref_chains:
        for mention in chain.mentions:
            assert text[mention.start : mention.end] == mention.text
    for quote in document.corenlp_quotes:
        assert text[quote.start : quote.end] == quote.text


# ------------------------------------------------------------------ recorded answers (fast)


@pytest.mark.parametrize("stem", sorted(p.name.split(".")[0] for p in RECORDED.glob("*.pb.gz")))
def test_recorded_seed_converts_with_exact_offsets(stem, seed_articles):
    article = seed_articles[f"{stem}.txt"]
    document = load(article.text, RECORDED, stem)
    assert_offsets_round_trip(article.text, document)
    # sentences are in text order, inside their paragraphs
    starts = [s.start for s in document.sentences]
    assert starts == sorted(starts)
    for sentence in document.sentences:
        paragraph = document.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start and sentence.end <= paragraph.end


def test_recorded_answers_match_this_pipeline_version():
    import json

    for meta in RECORDED.glob("*.chunks.json"):
        assert json.loads(meta.read_text())["pipeline_version"] == PIPELINE_VERSION, (
            f"{meta.name} was recorded by another pipeline: re-record (see module docstring)"
        )


def test_utf16_offsets_map_past_astral_characters():
    text = "a😀b𝄞c"
    to_py = Utf16Map(text)
    # UTF-16 units: a=0, 😀=1-2, b=3, 𝄞=4-5, c=6
    assert [to_py(u) for u in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]


def test_chunks_cover_every_paragraph_within_the_limit():
    paragraphs = [("word " * n).strip() for n in (10, 3000, 20, 9000, 5)]
    text = "\n\n".join(paragraphs)
    chunks = split_into_chunks(text, limit=20_000, piece=8_000)
    assert all(end - start <= 20_000 for start, end in chunks)
    covered = "".join(text[s:e] for s, e in chunks)
    assert covered.replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")
    assert all(text[e:s2].strip() == "" for (_, e), (s2, _) in zip(chunks, chunks[1:]))


def test_a_wall_of_text_without_spaces_is_still_cut():
    chunks = split_into_chunks("x" * 50_000, limit=20_000, piece=8_000)
    assert max(e - s for s, e in chunks) <= 20_000
    assert chunks[0][0] == 0 and chunks[-1][1] == 50_000
    assert all(a[1] == b[0] for a, b in zip(chunks, chunks[1:]))


# ------------------------------------------------------------------ the real server


def test_offsets_round_trip_on_every_seed(pipeline, seed_articles):
    for name, article in seed_articles.items():
        document = pipeline.annotate(article)
        assert_offsets_round_trip(article.text, document)


def test_raw_text_with_bom_crlf_curly_quotes_pound_and_emoji(corenlp):
    text = "\ufeffTrump said “it costs £5” 😀 today.\r\nShe replied: \"𝄞 fine\".\r\n"
    document = corenlp.annotate(text, name="raw.txt")
    assert_offsets_round_trip(text, document)
    words = [t.original_text for s in document.sentences for t in s.tokens]
    assert "£" in words and "😀" in words and "Trump" in words
    # CRLF ends a paragraph: the second line is its own paragraph and sentence
    assert len(document.paragraphs) == 2 and document.sentences[-1].paragraph == 1


def test_long_text_is_annotated_in_chunks_and_rejoined(corenlp):
    paragraph = "Alice Smith said the plan would work. \"It is fine,\" she told reporters on Monday."
    text = "\n\n".join(f"{paragraph} Item {i}." for i in range(40))
    document = corenlp.annotate(text, name="long.txt", chunk_chars=1_000)
    assert_offsets_round_trip(text, document)
    assert len({s.paragraph for s in document.sentences}) == 40
    assert [s.index for s in document.sentences] == list(range(len(document.sentences)))
    assert len({c.id for c in document.coref_chains}) == len(document.coref_chains)


def test_text_without_sentence_punctuation(corenlp):
    text = " ".join(["the committee met again and nobody knew what to say"] * 60)
    document = corenlp.annotate(text, name="nopunct.txt")
    assert_offsets_round_trip(text, document)


def test_annotation_cache_means_java_is_called_once(pipeline, tmp_path):
    article = Article.from_text("Bob Jones said: \"Cache me.\"", source="cache.txt")
    before = pipeline.nlp.requests
    first = pipeline.annotate(article)
    after_first = pipeline.nlp.requests
    second = pipeline.annotate(article)
    assert after_first == before + 1
    assert pipeline.nlp.requests == after_first, "the cached text went to Java again"
    assert second == first
    # the cache is keyed by text + the version of the profile the server ran, and persists
    # on disk; the pipeline hands out its own profile's cut of it
    reopened = AnnotationCache(pipeline.cache.path)
    assert pipeline.profile.derive(reopened.get(article.text, PIPELINE_VERSION)) == first
    assert reopened.get(article.text, "another-version") is None


def test_bad_articles_get_a_one_line_error_naming_the_file(pipeline):
    empty = Article.from_text("   \n", source="empty.txt")
    with pytest.raises(PipelineError, match=r"^empty.txt: empty"):
        pipeline.annotate(empty)
    huge = Article.from_text("word " * (MAX_ARTICLE_CHARS // 5 + 10), source="huge.txt")
    with pytest.raises(PipelineError, match=r"^huge.txt: too long"):
        pipeline.annotate(huge)


def test_java_killed_mid_request_is_restarted_once_and_the_text_still_annotated(corenlp, seed_articles, caplog):
    """The crash path for real: Java is killed while it parses a long text; the request
    fails, the server is started again (one restart) and the same text is annotated."""
    import logging
    import threading
    import time

    text = seed_articles["002_e3e3c32f72665433.txt"].text
    corenlp.start()
    restarts, requests, java = corenlp.restarts, corenlp.requests, corenlp._client.server

    def kill_once_the_request_is_sent():
        while corenlp.requests == requests:
            time.sleep(0.01)
        time.sleep(0.5)
        java.kill()

    killer = threading.Thread(target=kill_once_the_request_is_sent)
    killer.start()
    with caplog.at_level(logging.WARNING, logger="quotes.nlp.server"):
        document = corenlp.annotate(text, name="during-the-crash.txt")
    killer.join()
    assert java.poll() is not None, "the first Java process was killed"
    assert corenlp.restarts == restarts + 1
    assert any("during-the-crash.txt" in r.getMessage() and "restarting" in r.getMessage() for r in caplog.records)
    assert_offsets_round_trip(text, document)
    assert corenlp._client.server.poll() is None, "the new Java process is running"
