"""Pipeline profiles: which CoreNLP annotators run, and so what an article costs.

A profile is a named set of annotators with every property pinned. Its ``version`` (a hash
of CoreNLP's version, the conversion schema and the properties) is the annotation cache's
key, so two profiles never share a cached Document. A profile whose annotators are a prefix
of another's can be *derived* from that one's Document by dropping what it does not compute
(CoreNLP's annotators only add layers: coref and quote never change tokens, tags, entities
or parses), which lets a warm cache of the full pipeline serve the cheaper profiles too.

Profiles (measured in the README, "What each annotator costs"):

- ``corenlp``: everything, including CoreNLP's own quote annotator; only
  ``quotes predict --baseline corenlp`` needs it. Its version is the one every annotation
  was cached under before profiles existed.
- ``full``: the same without CoreNLP's quote annotator, which our attribution never reads.
- ``fast``: no coreference either: pronouns are resolved by our own resolvers (the most
  recent compatible person, salience), at a measured accuracy cost.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from quotes.models import Document

CORENLP_VERSION = "4.5.10"
# Bump when the conversion code's output changes: every cached annotation becomes stale.
CONVERSION_SCHEMA = "3"

_BASE_PROPERTIES: dict[str, str] = {
    "tokenize.language": "en",
    # Paragraphs are newline-separated in news text; a sentence never spans two.
    "ssplit.newlineIsSentenceBreak": "always",
    "ner.applyFineGrained": "false",
    "ner.buildEntityMentions": "true",
}
_COREF_PROPERTIES: dict[str, str] = {
    "coref.algorithm": "statistical",
    "coref.language": "en",
}
_QUOTE_PROPERTIES: dict[str, str] = {
    # quote.extractUnclosedQuotes would help CoreNLP's baseline, but its annotation cannot be
    # serialised to protobuf (LossySerializationException); our own quote finder handles
    # unclosed quotes.
    "quote.attributeQuotes": "true",
}
_OUTPUT_PROPERTIES: dict[str, str] = {
    "outputFormat": "serialized",
    "serializer": "edu.stanford.nlp.pipeline.ProtobufAnnotationSerializer",
}

_ANNOTATORS = ("tokenize", "ssplit", "pos", "lemma", "ner", "depparse", "coref", "quote")


@dataclass(frozen=True)
class Profile:
    name: str
    annotators: tuple[str, ...]
    summary: str

    @property
    def properties(self) -> dict[str, str]:
        # The key order is today's property file's order: the ``corenlp`` profile must hash
        # to the version every annotation was cached under before profiles existed.
        props = {"annotators": ",".join(self.annotators), **_BASE_PROPERTIES}
        if "coref" in self.annotators:
            props.update(_COREF_PROPERTIES)
        if "quote" in self.annotators:
            props.update(_QUOTE_PROPERTIES)
        props.update(_OUTPUT_PROPERTIES)
        return props

    @property
    def version(self) -> str:
        return hashlib.sha256(
            json.dumps([CORENLP_VERSION, CONVERSION_SCHEMA, self.properties], sort_keys=True).encode()
        ).hexdigest()[:16]

    @property
    def coref(self) -> bool:
        return "coref" in self.annotators

    @property
    def corenlp_quotes(self) -> bool:
        return "quote" in self.annotators

    def covers(self, other: "Profile") -> bool:
        """Whether ``other``'s Documents can be derived from this profile's."""
        return self.annotators[: len(other.annotators)] == other.annotators

    def derive(self, document: Document) -> Document:
        """This profile's Document from one annotated by a profile that covers it."""
        update: dict = {"pipeline_version": self.version}
        if not self.coref:
            update["coref_chains"] = []
        if not self.corenlp_quotes:
            update["corenlp_quotes"] = []
        return document.model_copy(update=update)


PROFILES: dict[str, Profile] = {
    profile.name: profile
    for profile in (
        Profile("corenlp", _ANNOTATORS, "every annotator, with CoreNLP's own quotes (for --baseline corenlp)"),
        Profile("full", _ANNOTATORS[:-1], "tokenize to statistical coref; no CoreNLP quote annotator"),
        Profile("fast", _ANNOTATORS[:-2], "no coreference: pronouns resolved by our own resolvers"),
    )
}
DEFAULT_PROFILE = "fast"
BASELINE_PROFILE = "corenlp"


def profile(name: str | Profile | None = None) -> Profile:
    """The profile of that name (default: ``DEFAULT_PROFILE``); a one-line error otherwise."""
    if isinstance(name, Profile):
        return name
    try:
        return PROFILES[name or DEFAULT_PROFILE]
    except KeyError:
        raise ValueError(f"unknown pipeline profile {name!r}: one of {', '.join(PROFILES)}") from None


def superset_profiles(target: Profile) -> list[Profile]:
    """Profiles whose cached Documents ``target`` can be derived from, cheapest first."""
    return sorted((p for p in PROFILES.values() if p is not target and p.covers(target)), key=lambda p: len(p.annotators))
