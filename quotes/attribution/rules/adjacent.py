"""Rules that read the tokens right next to the quote, for copy whose parse breaks there:
'"...," said Burman.', '"...?" Clinton said.', 'Ion Stoica told me: "..."', dash signatures."""

from __future__ import annotations

import re

from quotes.attribution.registry import rule
from quotes.attribution.lexicon import RELAY_VERBS
from quotes.attribution.context import (
    Cue,
    Strength,
    NP_TAGS,
    QuoteContext,
    is_speech_verb,
    make_cue,
    noun_phrase_head,
    quoted_tokens,
    subject_by_words,
    subject_of,
    token_stream,
    usable_speaker,
)
from quotes.attribution.rules.clause import reporting_verb
from quotes.attribution.syntax import TokenRef
from quotes.models import Token


@rule
def speech_verb_right_after(ctx: QuoteContext) -> Cue | None:
    """'"...," she said.' / '"...," said Burman.': the attribution that directly follows a
    quote is its cue, even when a verb earlier in the sentence also governs it
    ('McCaskill scolded him: "...," she said.')."""
    if ctx.quote.close_mark is None:
        return None
    after = ctx.index.text[ctx.quote.outer_end : ctx.quote.outer_end + 3]
    before_close = ctx.index.text[max(0, ctx.quote.outer_end - 3) : ctx.quote.outer_end]
    if not (after.startswith((",", " ")) and any(c in before_close for c in ",!?—–-")):
        return None  # only a quote that ends with a comma-like stop hands over to its cue
    cue = _speech_verb_next_to_the_quote(ctx, "speech_verb_right_after")
    if cue is None:
        return None
    if cue.cue is not None and ctx.index.token(cue.cue).lemma.lower() in RELAY_VERBS:
        # '..., the "price distinction ... less relevant," Yahoo Finance reported' relays
        # what the sentence's own speech verb reports
        reported = reporting_verb(ctx)
        if reported is not None and TokenRef(reported[0], reported[2]) != cue.cue:
            return None
    return cue


@rule
def adjacent_speech_verb(ctx: QuoteContext) -> Cue | None:
    """A speech verb right next to the quote, read off the token sequence when the parse is
    unusable: '“..., those 5,000 people,’” Merkley said.' (the tokenizer glued ’” together and
    the parser made Merkley an apposition), '“...?” Clinton said.' split into its own sentence,
    'said James Acton, a physicist ...', 'Vann R. Newkirk II, a writer for The Atlantic, said'.
    """
    return _speech_verb_next_to_the_quote(ctx, "adjacent_speech_verb")


def _speech_verb_next_to_the_quote(ctx: QuoteContext, rule_name: str) -> Cue | None:
    """NAME said / said NAME in the tokens right after the quote (see adjacent_speech_verb)."""
    after = _without_asides(list(token_stream(ctx, forward=True, limit=24)))[:12]
    while after and after[0][1].word in {",", "--", "-", "—", "―"}:
        after = after[1:]
    # (a) NAME said  (b) said NAME
    run: list[tuple[int, Token]] = []
    for k, (sentence, token) in enumerate(after):
        if is_speech_verb(token):
            if k + 1 < len(after) and after[k + 1][1].word == ":":
                return None  # '"... a great leader." Collins said: "It's a great challenge."': the next quote's cue
            if run:
                head = _named_part_of(ctx, run) or noun_phrase_head(run)
                if any(t.pos == "IN" for _, t in run):
                    # "a statement from Mayor Lena Cole reads": with a preposition inside the
                    # subject, the parse's subject of the verb, not the run's last noun
                    in_run = {(s, t.index) for s, t in run}
                    subjects = [n for n in ctx.index.trees[sentence].kids(token.index, "nsubj") if (sentence, n) in in_run]
                    head = (sentence, subjects[0]) if subjects else None
                if head and head[0] == sentence and usable_speaker(ctx, *head):
                    return make_cue(ctx, rule_name, Strength.STRONG, head[0], head[1], token.index)
            following = []
            for s2, t2 in after[k + 1 :]:
                if t2.pos.startswith(NP_TAGS) and t2.word not in {",", "."}:
                    following.append((s2, t2))
                else:
                    break
            head = noun_phrase_head(following)
            if head and head[0] == sentence and usable_speaker(ctx, *head):
                return make_cue(ctx, rule_name, Strength.STRONG, head[0], head[1], token.index)
            return None
        if (
            token.pos.startswith(NP_TAGS)
            or token.pos in {"RB", "NNP"}
            or (token.pos == "IN" and run and run[-1][1].pos.startswith("NN"))
        ):
            run.append((sentence, token))  # (a preposition inside the subject: "a message on the website")
        elif token.word == "," and run:
            # an apposition between the name and the verb: "Acton, a physicist at X, said"
            continue
        else:
            return None
    return None


def _named_part_of(ctx: QuoteContext, run: list[tuple[int, Token]]) -> tuple[int, int] | None:
    """In 'Marcia "Cia" Price' where the tagger lost "Price" to the nickname, the part of the
    capitalised run before the verb that NER did tag as a person."""
    if not run:
        return None
    sentence, last = run[-1]
    if not last.word[:1].isupper() or ctx.index.entity(sentence, last.index) is not None:
        return None
    for s, token in reversed(run[:-1]):
        if not token.word[:1].isupper():
            return None
        entity = ctx.index.entity(s, token.index)
        if entity is not None and entity.ner == "PERSON":
            return s, entity.token_end - 1
    return None


def _without_asides(stream: list[tuple[int, Token]]) -> list[tuple[int, Token]]:
    """The tokens after a quote without what sits inside a name: 'Scott's niece, state Del.
    Marcia "Cia" Price (D-Newport News), shouted': a party label in brackets, a nickname's
    marks, and the sentence break CoreNLP puts after an abbreviation it does not know
    ("Del." then ".")."""
    out: list[tuple[int, Token]] = []
    depth = 0
    for sentence, token in stream:
        if token.word in {"(", "-LRB-"}:
            depth += 1
        elif token.word in {")", "-RRB-"}:
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif token.pos in {"``", "''"} and out and out[-1][1].pos == "NNP":
            continue
        elif token.word == "." and out and out[-1][1].word.endswith(".") and len(out[-1][1].word) <= 5:
            continue
        else:
            out.append((sentence, token))
    return out


@rule
def name_apposition_then_speech_verb(ctx: QuoteContext) -> Cue | None:
    """'"...," Malkia Cyril, the executive director at the Center of Media Justice and
    whose also featured in the film, told The Huffington Post.': a name right after the
    quote, then a long apposition the parser could not attach, then the speech verb."""
    after = list(token_stream(ctx, forward=True, limit=40))
    while after and after[0][1].word in {",", "--", "-", "—", "―"}:
        after = after[1:]
    name: list[tuple[int, Token]] = []
    for sentence, token in after:
        if token.pos not in {"NNP", "NNPS"}:
            break
        name.append((sentence, token))
    rest = after[len(name) :]
    if not name or not rest or rest[0][1].word != ",":
        return None
    for (_, comma), (sentence, token) in zip(rest, rest[1:]):
        if token.word in {".", "?", "!", ";"}:
            return None
        # the apposition usually closes with a comma; some copy leaves it out ("..., a research
        # analyst at the Council on Energy, Environment and Water think tank told CBS News.")
        if (comma.word == "," or comma.pos.startswith("NN")) and is_speech_verb(token) and token.pos in {"VBD", "VBZ", "VBP"}:
            head = noun_phrase_head(name)
            if head and usable_speaker(ctx, *head):
                return make_cue(ctx, "name_apposition_then_speech_verb", Strength.FAIR, head[0], head[1], token.index)
            return None
    return None


@rule
def speech_verb_introduces_quote(ctx: QuoteContext) -> Cue | None:
    """'NAME said:' or 'NAME told reporters,' right before the quote, read off the tokens:
    'Ion Stoica told me: "..."' when the parser attached the quote elsewhere."""
    return _speech_verb_before_the_quote(ctx, "speech_verb_introduces_quote")


def _speech_verb_before_the_quote(ctx: QuoteContext, rule_name: str) -> Cue | None:
    """NAME said: / NAME told reporters, right before the opening mark (see speech_verb_introduces_quote)."""
    before = list(token_stream(ctx, forward=False, limit=40))
    if not before or before[0][1].word not in {":", ","}:
        return None
    for k, (sentence, token) in enumerate(before[1:10], start=1):
        if is_speech_verb(token):
            tree = ctx.index.trees[sentence]
            tokens = ctx.index.sentences[sentence].tokens
            quoted = quoted_tokens(ctx, sentence)
            subject = subject_of(tree, tokens, token.index, quoted)
            if subject is None and token.pos == "VBG":
                # a participle adjunct belongs to the main clause: 'He reacted to a post
                # claiming ... by replying, "Obviously."' (however the parser attached it)
                roots = tree.kids(-1) or [d for d in range(len(tokens)) if tree.head(d) == -1 and d in tree.children]
                subject = subject_of(tree, tokens, roots[0], quoted) if roots else None
            if subject is not None and usable_speaker(ctx, sentence, subject):
                return make_cue(ctx, rule_name, Strength.FAIR, sentence, subject, token.index)
            head = subject_by_words(before, k, sentence)
            if head is None:
                # verb first: 'Said Ellis: "..."'
                head = noun_phrase_head([(s, t) for s, t in reversed(before[1:k]) if t.pos.startswith(NP_TAGS)])
            if head and usable_speaker(ctx, *head):
                return make_cue(ctx, rule_name, Strength.FAIR, head[0], head[1], token.index)
            return None
    return None


@rule
def name_and_colon(ctx: QuoteContext) -> Cue | None:
    """A name and a colon right before the quote, with no verb: headlines and
    transcripts ('Musk: "Obviously."', 'Trump on DeepSeek: \'A wake-up call\'')."""
    before = list(token_stream(ctx, forward=False, limit=8))
    if not before or before[0][1].word != ":":
        return None
    for sentence, token in before[1:]:
        if token.pos.startswith("VB"):
            return None
        entity = ctx.index.entity(sentence, token.index)
        if entity is not None and entity.ner in {"PERSON", "ORGANIZATION"}:
            return make_cue(ctx, "name_and_colon", Strength.FAIR, sentence, entity.token_end - 1, None)
    return None


@rule
def dash_signature(ctx: QuoteContext) -> Cue | None:
    """A quote signed with a dash after it, as in tweets and epigraphs:
    '"Make America great again!" ― Donald Trump (@realDonaldTrump)'."""
    text = ctx.index.text
    window = text[ctx.quote.outer_end : ctx.quote.outer_end + 6]
    after = window.lstrip().lstrip(".,").lstrip()
    if not after or after[0] not in "―—–-":
        dash = _signature_closing_the_paragraph(ctx)
        if dash is None:
            return None
        sentence = ctx.index.sentence_at(dash)
        stream = [(sentence, t) for t in ctx.index.sentences[sentence].tokens if t.start >= dash][:8]
    elif "\n" in window[: window.index(after[0])]:
        # the signature on a line of its own: '"Nobody is above the law." ¶ — Chief Justice Dipak Misra'
        dash = ctx.quote.outer_end + window.index(after[0])
        sentence = ctx.index.sentence_at(dash)
        stream = [(sentence, t) for t in ctx.index.sentences[sentence].tokens if t.start >= dash][:8]
    else:
        stream = list(token_stream(ctx, forward=True, limit=8))
    run = []
    for sentence, token in stream:
        if token.word in {",", "―", "—", "–", "-", "--"} and not run:
            continue
        if token.pos in {"NNP", "NNPS"}:
            run.append((sentence, token))
        elif run:
            break
    head = noun_phrase_head(run)
    if head is None:
        return None
    return make_cue(ctx, "dash_signature", Strength.CLEAR, head[0], head[1], None)


_CLOSING_SIGNATURE = re.compile(r"[\"”’']\s*([―—–])\s*[^\s―—–\"“”]")


def _signature_closing_the_paragraph(ctx: QuoteContext) -> int | None:
    """Where the dash stands in '“...” And that's all he has “the root of all evil.” ― Jane
    Roe' when the quote opens that paragraph: a paragraph of quotes signed at its end is
    the signer's throughout, not only in its last quote."""
    q = ctx.quote
    paragraphs = ctx.index.doc.paragraphs
    if q.paragraph >= len(paragraphs):
        return None
    para = paragraphs[q.paragraph]
    text = ctx.index.text
    if text[para.start : q.outer_start].strip():
        return None
    tail_start = max(q.outer_end - 1, para.end - 80)
    found = None
    for found in _CLOSING_SIGNATURE.finditer(text, tail_start, para.end):
        pass
    if found is None or any(mark in text[found.end() : para.end] for mark in '"“”'):
        return None
    return found.start(1)


@rule
def speech_verb_just_before(ctx: QuoteContext) -> Cue | None:
    """'Trump boasted, "That makes me smart."': a speech verb right before the opening mark
    (after a comma or colon) introduces the quote, whatever clause the parser hung it in."""
    before = list(token_stream(ctx, forward=False, limit=3))
    if len(before) < 2 or before[0][1].word not in {",", ":"} or not is_speech_verb(before[1][1]):
        return None
    return _speech_verb_before_the_quote(ctx, "speech_verb_just_before")
