"""What kind of quotation a quoted string is: direct speech, a partial quote, a headline,
or not speech at all (a title or name in quote marks)."""

from __future__ import annotations

import re

from quotes.attribution.lexicon import MINOR_WORDS, ADDRESSEE_VERBS
from quotes.attribution.names import clean_name
from quotes.attribution.syntax import is_nickname
from quotes.attribution.context import QuoteContext, Strength, looks_like_speech
from quotes.models import Attribution, QuoteType


def named_as_speech(ctx: QuoteContext, attribution: Attribution, strength: Strength | None) -> bool:
    """A capitalised quote that a speech verb takes as its object is speech after all:
    'Trump called her "Miss Piggy"', 'hailed Trump as "The Comeback Kid"'; one behind a preposition or inside a noun phrase is a
    name: 'told CBS's "Face the Nation"', 'the "Reclaim Our Schools" rally'."""
    if attribution.rule == "characterised_as":
        return True  # 'a Times article hailed Trump as "The Comeback Kid"': the name is theirs
    if attribution.rule != "speech_verb_with_subject" or strength != Strength.STRONG:  # the verb governs the quote
        return False
    if attribution.speaker is None or attribution.resolver == "most_recent_compatible":
        return False  # 'One message read "..."', 'the sign read': only a speaker the text names says a name
    for sentence in ctx.sentences:
        tree = ctx.index.trees[sentence]
        tokens = ctx.index.sentences[sentence].tokens
        inside = {t.index for t in tokens if ctx.quote.start <= t.start and t.end <= ctx.quote.end}
        for head in (i for i in inside if tree.head(i) not in inside):
            relation = tree.relation(head)
            if relation.startswith(("nmod", "obl", "compound", "appos", "nsubj")):
                return False
            if any(c not in inside for c in tree.kids(head, "case")):
                return False
    return True


def names_something(ctx: QuoteContext) -> bool:
    """A short capitalised quote that the sentence uses as a name, whatever verb is near:
    a nickname inside a name ('state Del. Marcia "Cia" Price'), a title someone owns
    ('told MSNBC's "Morning Joe"', 'DuVernay's "13th"') or the person told ('told "Face
    the Nation"')."""
    words = re.findall(r"[\w'’-]+", ctx.quote.text)
    if not 1 <= len(words) <= 7 or not all(w[:1].isupper() or w[:1].isdigit() for w in words if w.lower() not in MINOR_WORDS):
        return False
    if is_nickname(ctx.index.text, ctx.quote):
        return True
    if re.search(r"\w['’]s\s$", ctx.index.text[max(0, ctx.quote.outer_start - 4) : ctx.quote.outer_start]):
        return True  # "CBS's "Face the Nation"", read off the text: parsers turn "Face" into a verb
    for sentence in ctx.sentences:
        tree = ctx.index.trees[sentence]
        tokens = ctx.index.sentences[sentence].tokens
        inside = {t.index for t in tokens if ctx.quote.start <= t.start and t.end <= ctx.quote.end}
        for head in (i for i in inside if tree.head(i) not in inside):
            if any(o not in inside for o in tree.kids(head, "nmod:poss")):
                return True
            verb = tree.head(head)
            if verb >= 0 and tree.relation(head) in {"obj", "iobj"} and tokens[verb].lemma.lower() in ADDRESSEE_VERBS:
                return True
    return False


def strip_speaker(attribution: Attribution) -> Attribution:
    """Titles and names in quote marks get no speaker, whatever verb stands nearby."""
    return Attribution(
        text=attribution.text,
        start=attribution.start,
        end=attribution.end,
        type=QuoteType.non_speech,
        rule="title_or_name",
        evidence="capitalised like a title or name",
        context=attribution.context,
        paragraph=attribution.paragraph,
    )


def as_speech(attribution: Attribution) -> Attribution:
    if attribution.type == QuoteType.non_speech:
        attribution.type = QuoteType.partial
    return attribution


def quote_type(ctx: QuoteContext, title: str | None) -> QuoteType:
    span = ctx.quote
    paragraphs = ctx.index.doc.paragraphs
    if span.paragraph < len(paragraphs):
        para = paragraphs[span.paragraph]
        line = ctx.index.text[para.start : para.end]
        if (title is not None and clean_name(title) == clean_name(line)) or (
            span.paragraph < 3 and len(paragraphs) > 1 and _looks_like_headline(line)
        ):
            return QuoteType.headline
    if looks_like_title(span.text):
        return QuoteType.non_speech
    if looks_like_speech(span) or _second_half_of_a_split_quote(ctx):
        return QuoteType.direct
    return QuoteType.non_speech  # until a rule finds a speaker: then it is a partial quote


def _second_half_of_a_split_quote(ctx: QuoteContext) -> bool:
    """'"It's the kind of result that gets people excited," said Natarajan, "but the hard
    work starts now."': the part after the attribution is as direct as the part before it,
    whatever its case or length."""
    before = ctx.index.quote_before(ctx.quote)
    if before is None or before.close_mark is None or not before.text.rstrip().endswith((",", "—", "–")):
        return False
    if not looks_like_speech(before) and not before.text[:1].isupper():
        return False
    gap = ctx.index.text[before.outer_end : ctx.quote.outer_start]
    return len(gap) <= 80 and not re.search(r"[.!?\n]", gap) and gap.rstrip().endswith((",", ":"))


def _looks_like_headline(line: str) -> bool:
    """A title line near the top: short, no sentence end, its long words capitalised
    ("**Trump Calls DeepSeek a 'Wake-Up Call' for American Tech Firms**")."""
    bare = line.strip().strip("*#_ ").strip()
    words = re.findall(r"[A-Za-z][\w'’-]*", bare)
    if not words or len(words) > 25 or re.search(r"[.!?:]$", bare):
        return False
    long_words = [w for w in words if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


def looks_like_title(text: str) -> bool:
    """A name or title in quote marks, not speech: 'Face the Nation,', 'TQM in Practice',
    'Keepin' It Real'. Two to seven words, every major word capitalised, no sentence inside."""
    words = re.findall(r"[\w'’-]+", text)
    if not 2 <= len(words) <= 7 or re.search(r"[.!?]\s+\S", text.strip()):
        return False
    major = [w for w in words if w.lower() not in MINOR_WORDS]
    return bool(major) and all(w[:1].isupper() or w[:1].isdigit() for w in major)
