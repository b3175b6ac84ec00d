"""Pipeline profiles: each has its own annotation cache key, and a cheaper profile is served
from a cached Document of a profile that covers it, without Java."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.models import Article
from quotes.nlp import AnnotationCache
from quotes.nlp.profiles import BASELINE_PROFILE, DEFAULT_PROFILE, PROFILES, profile
from quotes.nlp.recorded import load
from quotes.pipeline import Pipeline

RECORDED = Path(__file__).parent / "fixtures" / "corenlp"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_the_baseline_profile_keeps_the_cache_key_annotations_were_stored_under():
    # every annotation cached before profiles existed is under this key: a change here would
    # send a warm cache of thousands of articles back through Java
    assert PROFILES[BASELINE_PROFILE].version == "8c6eafcf2b8620f5"


def test_every_profile_has_its_own_cache_key_and_properties():
    versions = {p.version for p in PROFILES.values()}
    assert len(versions) == len(PROFILES)
    assert "quote" not in PROFILES[DEFAULT_PROFILE].annotators
    fast = PROFILES["fast"].properties
    assert "coref" not in fast["annotators"] and not any(k.startswith(("coref.", "quote.")) for k in fast)
    with pytest.raises(ValueError, match="unknown pipeline profile 'quick'"):
        profile("quick")


def test_a_cheaper_profile_is_derived_from_a_cached_wider_one_without_java(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    article = Article.from_text(seed.read_text(encoding="utf-8"), source=seed.name)
    [stem] = [p.name.split(".")[0] for p in RECORDED.glob("000_*.pb.gz")]
    full = load(article.text, RECORDED, stem)
    assert full.coref_chains and full.pipeline_version == PROFILES[BASELINE_PROFILE].version
    cache = AnnotationCache(tmp_path / "cache.sqlite")
    cache.put(full)
    cache.close()
    for name in ("full", "fast"):
        with Pipeline(cache_path=tmp_path / "cache.sqlite", profile=name) as pipeline:
            document = pipeline.annotate(article)
            assert pipeline.nlp.starts == 0, "served from the cache"
        assert document.pipeline_version == PROFILES[name].version
        assert document.corenlp_quotes == []
        assert (document.coref_chains == full.coref_chains) is (name == "full")
        assert document.sentences == full.sentences and document.entities == full.entities
