"""Quote attribution: every quotation found in an annotated Document, with its speaker.

    facts.py        what the article says about people before the first quote, built once
    rules/          the sieve of rules that find a cue for a quote (rules.ORDER)
    resolvers.py    the sieve of resolvers that turn a cue's mention into a speaker
    mentions.py     what a mention can be (apposition, coref chain, description, ...)
    salience.py     who a pronoun most likely means; genders; channels ("according to")
    names.py        one canonical name per person or body within the article
    roles.py        titles and descriptions the article gives a person
    quotetypes.py   direct / partial / headline / non-speech
    calibration.py  confidence = precision measured on PolNeAR train
    driver.py       the stages in order

Public surface: ``attribute_quotes(document, spans, title=None) -> (attributions, speakers)``;
the quotes come from ``quotes.quotefinder.find_quotes`` (the pipeline calls both).
"""

from __future__ import annotations

from quotes.attribution.driver import attribute_quotes
from quotes.attribution.registry import RESOLVERS, RULES
from quotes.attribution.resolvers import RESOLVER_SIEVE
from quotes.attribution.rules import SIEVE

__all__ = ["RESOLVERS", "RESOLVER_SIEVE", "RULES", "SIEVE", "attribute_quotes"]
