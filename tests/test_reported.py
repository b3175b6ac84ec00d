"""Reported speech: one made-up sentence per reported-speech rule, found from CoreNLP's real
answers for it, recorded in tests/fixtures/corenlp/constructions (no Java needed).
Regenerate with ``QUOTES_RECORD=1 python -m pytest -m constructions tests/test_reported.py``.
Every registered rule is pinned (test_every_reported_rule_is_pinned)."""

from __future__ import annotations

import pytest

from quotes.models import CueClass, QuoteType

pytestmark = pytest.mark.constructions

# (text, content starts with, speaker, rule, cue class)
CONSTRUCTIONS = [
    (
        "Senator Dana Whitfield said the bridge would be paid for by the state.",
        "the bridge would be paid for",
        "Dana Whitfield",
        "verb_with_clause",
        CueClass.speech_verb,
    ),
    (
        "Mayor Tom Okafor believes that the budget is far too small for the city.",
        "that the budget is far too small",
        "Tom Okafor",
        "verb_with_clause",
        CueClass.attitude,
    ),
    (
        "A new survey by the Lakeview Institute found that most voters distrust the council.",
        "that most voters distrust",
        "Lakeview Institute",
        "verb_with_clause",
        CueClass.finding,
    ),
    (
        "The harbor plan was dropped last week, Governor Ellen Marsh said.",
        "The harbor plan was dropped",
        "Ellen Marsh",
        "speech_verb_after_its_content",
        CueClass.speech_verb,
    ),
    (
        'An economic slowdown, she said, "could be a good time to borrow and pay off debt."',
        "An economic slowdown, she said",
        None,
        "speech_verb_after_its_content",
        CueClass.speech_verb,
    ),
    (
        "After being told that he would be charged, the police said, Carl Hobbs went to the station on his own.",
        "After being told that he would be charged",
        None,
        "verb_with_clause",
        CueClass.speech_verb,
    ),
    (
        "Senator Dana Whitfield called for a full review of the harbor contract.",
        "a full review of the harbor contract",
        "Dana Whitfield",
        "speech_verb_with_object",
        CueClass.speech_verb,
    ),
    (
        "Governor Ellen Marsh wants to raise the minimum wage next year.",
        "to raise the minimum wage",
        "Ellen Marsh",
        "verb_with_infinitive",
        CueClass.attitude,
    ),
    (
        "According to Governor Ellen Marsh, the harbor plan was dropped in March.",
        "the harbor plan was dropped",
        "Ellen Marsh",
        "according_to",
        CueClass.according_to,
    ),
    (
        "Senator Dana Whitfield repeated her claim that the election had been rigged.",
        "that the election had been rigged",
        "Dana Whitfield",
        "noun_with_that_clause",
        CueClass.speech_noun,
    ),
    (
        "While both candidates say the city must play a larger role in fighting crime, they differ on the cost.",
        "the city must play a larger role",
        None,
        "verb_with_clause_misparsed_as_object",
        CueClass.speech_verb,
    ),
    (
        "Senator Dana Whitfield announced a plan to close the naval base.",
        "a plan to close the naval base",
        "Dana Whitfield",
        "speech_verb_with_object",
        CueClass.speech_verb,
    ),
    (
        "WHITFIELD: We have to do better on the budget, and we will.",
        "We have to do better",
        "WHITFIELD",
        "name_and_colon",
        CueClass.speech_verb,
    ),
]


@pytest.mark.parametrize(
    "text, content, speaker, rule, cue_class", CONSTRUCTIONS, ids=[f"{c[3]}-{c[4].value}" for c in CONSTRUCTIONS]
)
def test_reported_construction(attribute_text, text, content, speaker, rule, cue_class):
    found = attribute_text(text)
    statements = [s for s in found.statements if s.text.startswith(content)]
    assert statements, [(s.text, s.rule) for s in found.statements]
    statement = statements[0]
    assert (statement.rule, statement.cue_class) == (rule, cue_class)
    assert statement.speaker == speaker or (speaker is None and statement.mention), (statement.speaker, statement.mention)
    text_of = found.article.text
    assert text_of[statement.start : statement.end] == statement.text
    assert text_of[statement.cue_start : statement.cue_end] == statement.cue
    if statement.mention is not None:
        assert text_of[statement.mention_start : statement.mention_end] == statement.mention
    assert 0.0 < statement.confidence <= 1.0


def test_every_reported_rule_is_pinned():
    from quotes.attribution.registry import REPORTED_RULES

    assert set(REPORTED_RULES) - {c[3] for c in CONSTRUCTIONS} == set(), "reported-speech rules without a construction test"


def test_a_partial_quote_inside_reported_content_stays_partial_and_is_linked(attribute_text):
    found = attribute_text('Officials at the Pentagon said the missile test was "a clear violation" of the treaty.')
    [statement] = [s for s in found.statements if s.cue == "said"]
    [quote] = found.quotes
    assert quote.type == QuoteType.partial
    assert statement.start <= quote.start and quote.end <= statement.end
    assert statement.text.startswith("the missile test") and statement.text.endswith("of the treaty")
    assert statement.quotes == [0]


def test_a_nested_report_belongs_to_the_outer_source(attribute_text):
    found = attribute_text("Senator Dana Whitfield said Mayor Tom Okafor told him that the harbor deal was off.")
    outer = min(found.statements, key=lambda s: s.start)
    assert outer.speaker == "Dana Whitfield" and outer.text.startswith("Mayor Tom Okafor told him")
    assert outer.text.endswith("the harbor deal was off")
    inner = [s for s in found.statements if s is not outer]
    assert all(outer.start <= s.start and s.end <= outer.end for s in inner)


def test_a_quote_alone_is_not_a_reported_statement(attribute_text):
    found = attribute_text('"We will finish the bridge on time," Senator Dana Whitfield said.')
    assert found.statements == []


@pytest.mark.parametrize(
    "text",
    [
        "Budget talks. Again. No deal, no vote, no end in sight.",
        "Senator Dana Whitfield said "
        + ", and ".join(
            f"the {word} plan would cost the city more than the {word} plan before it"
            for word in (
                "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
            ).split()
        )
        + ".",
    ],
    ids=["no verb", "300-word sentence"],
)
def test_bad_input_gives_valid_spans(attribute_text, text):
    found = attribute_text(text)
    for statement in found.statements:
        assert 0 <= statement.start < statement.end <= len(found.article.text)
        assert found.article.text[statement.start : statement.end] == statement.text


def test_how_long_someone_spoke_is_not_what_they_said(attribute_text):
    found = attribute_text("Senator Dana Whitfield spoke for twenty minutes at the rally on Monday.")
    assert [s.text for s in found.statements] == []
