"""Finding reported statements in an annotated document: every sentence goes through the
reported-speech rules (rules.ORDER); each statement's source is resolved by the resolvers
the quotes use (quotes/attribution/resolvers.py), so a statement and a quote by the same
person carry the same canonical name.

Public surface: ``find_reported(document, spans, quotes, title=None) -> list[ReportedStatement]``.
"""

from __future__ import annotations

import re
from pathlib import Path

from quotes.attribution.calibration import calibrated
from quotes.attribution.context import Cue, Strength, mention_span
from quotes.attribution.facts import ArticleFacts, read_article
from quotes.attribution.resolvers import resolve
from quotes.attribution.syntax import TokenRef
from quotes.models import Attribution, Document, QuoteSpan, QuoteType, ReportedStatement
from quotes.reported.rules import REPORTED_SIEVE, Found, ParsedSentence

_WORD = re.compile(r"\w+")
# the confidence table (counts only), fitted by ``python -m quotes.reported.calibrate``
TABLE = Path(__file__).with_name("calibration.json")
# a statement whose content is (nearly) all inside quotation marks is a quote, found as one
MIN_WORDS_OUTSIDE_QUOTES = 2


def find_reported(
    document: Document,
    spans: list[QuoteSpan],
    quotes: list[Attribution],
    title: str | None = None,
    facts: ArticleFacts | None = None,
) -> list[ReportedStatement]:
    """Every reported statement of the document, in text order, with its speaker; each lists
    the partial quotes (indices into ``quotes``) its content holds."""
    facts = facts or read_article(document, spans, title)
    index = facts.index
    statements: list[ReportedStatement] = []
    seen: set[tuple[int, int]] = set()  # (sentence, cue token): one statement per cue
    for sentence in document.sentences:
        parsed = ParsedSentence(
            index=sentence.index,
            tokens=sentence.tokens,
            tree=index.trees[sentence.index],
            quoted=frozenset(t.index for t in sentence.tokens if index.in_quote(t)),
            opens_paragraph=sentence.index == 0 or document.sentences[sentence.index - 1].paragraph != sentence.paragraph,
            paragraph_end=_paragraph_end(document, sentence.paragraph),
        )
        for rule in REPORTED_SIEVE:
            for found in rule(parsed):
                if (sentence.index, found.cue_first) in seen:
                    continue
                statement = _statement(facts, parsed, found, spans)
                if statement is None:
                    continue
                seen.add((sentence.index, found.cue_first))
                statements.append(statement)
    statements.sort(key=lambda s: (s.start, s.end))
    _link_partial_quotes(statements, quotes)
    return statements


def _paragraph_end(document: Document, paragraph: int) -> int:
    for p in document.paragraphs:
        if p.index == paragraph:
            return len(document.text[: p.end].rstrip())
    return len(document.text)


def _words_outside_quotes(text: str, start: int, end: int, spans: list[QuoteSpan]) -> int:
    pieces, at = [], start
    for q in spans:
        if q.outer_end <= start or q.outer_start >= end:
            continue
        pieces.append(text[at : max(at, q.outer_start)])
        at = max(at, q.outer_end)
    pieces.append(text[at:end])
    return len(_WORD.findall(" ".join(pieces)))


def _statement(facts: ArticleFacts, s: ParsedSentence, found: Found, spans: list[QuoteSpan]) -> ReportedStatement | None:
    index = facts.index
    tokens = s.tokens
    start, end = tokens[found.content_first].start, tokens[found.content_last].end
    if found.content_end is not None:
        end = max(end, found.content_end)
    if _words_outside_quotes(index.text, start, end, spans) < MIN_WORDS_OUTSIDE_QUOTES:
        return None
    cue_start, cue_end = tokens[found.cue_first].start, tokens[found.cue_last].end
    fields: dict = dict(
        text=index.text[start:end],
        start=start,
        end=end,
        cue_class=found.cue_class,
        cue=index.text[cue_start:cue_end],
        cue_start=cue_start,
        cue_end=cue_end,
        rule=found.rule,
        context=index.text[index.sentences[s.index].start : index.sentences[s.index].end],
        paragraph=index.sentences[s.index].paragraph,
    )
    if found.source is not None:
        first, last = mention_span(s.tree, tokens, found.source)
        cue = Cue(
            rule=found.rule,
            strength=Strength.CLEAR,
            mention=TokenRef(s.index, found.source),
            mention_first=first,
            mention_last=last,
            cue=TokenRef(s.index, found.cue_first),
        )
        m_start, m_end = tokens[first].start, tokens[last].end
        fields.update(mention=index.text[m_start:m_end], mention_start=m_start, mention_end=m_end)
        resolved = resolve(facts, cue)
        if resolved is not None and resolved.name is not None:
            speaker = facts.book.speaker(resolved.name)
            fields.update(
                speaker=resolved.name,
                speaker_type=resolved.type,
                role=speaker.roles[0] if speaker and speaker.roles else None,
                resolver=resolved.resolver,
                evidence=resolved.evidence,
            )
        else:
            fields.update(resolver="unresolved", evidence=f"mention not resolved to a name ({found.rule})")
    statement = ReportedStatement(**fields)
    return statement.model_copy(update=dict(confidence=calibrated(statement, TABLE)))  # type: ignore[arg-type]


def _link_partial_quotes(statements: list[ReportedStatement], quotes: list[Attribution]) -> None:
    """A partial quote inside a statement's content belongs to that statement (the innermost
    one when reports nest)."""
    for i, quote in enumerate(quotes):
        if quote.type != QuoteType.partial:
            continue
        holders = [s for s in statements if s.start <= quote.start and quote.end <= s.end]
        if holders:
            min(holders, key=lambda s: s.end - s.start).quotes.append(i)
