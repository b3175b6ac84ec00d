"""The attribution sieve: small rules, each for one way news attributes speech, tried in
the order below; the first whose cue resolves to a speaker wins (see driver.py).

Every rule is a pure function ``rule(ctx) -> Cue | None`` over one quote's context,
registered with ``@rule`` under its own name; its docstring is the construction it
recognises, with an example sentence, and a construction test pins each one. A ``Cue``
names the mention the attribution rests on and the cue word; turning the mention into a
canonical speaker is the resolvers' job (resolvers.py). Rules never call each other: what
two rules share is a helper (context.py, or a private function of their module).

Modules: ``clause`` reads the parse of the quote's own sentence, ``adjacent`` reads the
tokens right next to the quote (where parses of news copy break), ``discourse`` reads the
sentences and quotes around it.
"""

from __future__ import annotations

from quotes.attribution.registry import RULES, in_order
from quotes.attribution.rules import adjacent, clause, discourse  # noqa: F401  (registers the rules)

ORDER = (
    # a verb that reports the quote in its own sentence, most specific first
    "quoted_as_saying",  # State media quoted Singh as saying the army was "fully prepared"
    "participle_clause_then_subject",  # Asked about the cost, "...," Ortiz said
    "characterised_as",  # Roe admires Bell as a "true partner"
    "speech_verb_right_after",  # "...," she said.
    "speech_verb_just_before",  # Trump boasted, "That makes me smart."
    "speech_verb_with_subject",  # any speech verb of the sentence with its subject
    # the words next to the quote, when the parse is broken
    "adjacent_speech_verb",  # "...?" Clinton said.
    "name_apposition_then_speech_verb",  # "...," Malkia Cyril, the executive director ..., told
    "speech_verb_introduces_quote",  # Ion Stoica told me: "..."
    # speech nouns and indirect cues
    "possessive_speech_noun",  # Musk's terse response was: "..."
    "speech_verb_earlier_in_the_sentence",
    "speech_noun_before_colon",  # a new campaign message: "We finish what we start."
    "subject_of_a_clause_before_a_colon",  # the board was conclusive in its findings: "..."
    "colon_paragraph_before",  # a paragraph ending in a colon before a block quote
    "answer_to_the_question_before",  # the interviewer's question, then the answer
    "according_to",  # according to the BBC, per a statement from ...
    "words_of_in_the_next_sentence",  # "..." Those were the words of ...
    "name_and_colon",  # Trump: "..." in headlines and transcripts
    "dash_signature",  # "..." ― Maria Lopez
    # the quotes and sentences around it, least sure last
    "speech_verb_nearby_sentence",
    "continues_previous_quote",
    "subject_of_the_clause",  # Reid has gone after Trump as a "human leech"
    "subject_of_the_sentence_before",  # Rivers pressed her on the cost. "Which is it?"
)

SIEVE = in_order(RULES, ORDER, "rule")

__all__ = ["ORDER", "RULES", "SIEVE"]
