"""Reported speech: who said what without quotation marks ("Trump said the wall would be
paid for by Mexico", "according to officials, the plan was dropped"), with the cue, its
class, the source resolved as quotes are, and the content clause.

    lexicon.py   cue words by class (speech, thought and intention, findings)
    rules.py     the named rules that read a sentence's parse (rules.ORDER)
    finder.py    the rules over a document, speakers resolved, partial quotes linked

Public surface: ``find_reported(document, spans, quotes, title=None)``.
"""

from quotes.reported.finder import find_reported
from quotes.reported.rules import ORDER, REPORTED_SIEVE

__all__ = ["ORDER", "REPORTED_SIEVE", "find_reported"]
