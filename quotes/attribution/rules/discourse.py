"""Rules that read the sentences and quotes around the quote: the next or previous sentence,
the paragraph before a block quote, the question an answer follows, a quote that
continues the one before."""

from __future__ import annotations

from quotes.attribution.registry import rule
from quotes.attribution.lexicon import SPEECH_NOUNS
from quotes.attribution.syntax import case_words
from quotes.attribution.context import (
    Cue,
    Strength,
    QuoteContext,
    is_speech_noun,
    is_speech_verb,
    looks_like_speech,
    make_cue,
    quoted_tokens,
    subject_of,
    usable_speaker,
)


_VERDICT_NOUNS = SPEECH_NOUNS | {"view", "assessment", "reaction", "sentiment", "opinion", "advice", "thought", "thoughts"}


@rule
def words_of_in_the_next_sentence(ctx: QuoteContext) -> Cue | None:
    """'"We are heartbroken and devastated." Those were the words of the family of Amy
    Clarke.' / 'That was the verdict from Andrew Bailey': the sentence after the quote
    names whose words they were."""
    if not ctx.sentences or ctx.quote.close_mark is None:
        return None
    index = ctx.index
    last = ctx.sentences[-1]
    after_quote = [t for t in index.sentences[last].tokens if t.start >= ctx.quote.outer_end]
    if any(t.word[:1].isalnum() for t in after_quote):
        return None  # the quote does not end its sentence
    following = last + 1
    if following >= len(index.sentences) or index.sentences[following].paragraph != ctx.quote.paragraph:
        return None
    tokens = index.sentences[following].tokens
    tree = index.trees[following]
    for root in (i for i in range(len(tokens)) if tree.head(i) == -1):
        if tokens[root].lemma.lower() not in _VERDICT_NOUNS or not tree.kids(root, "cop"):
            continue
        if not any(tokens[s].lemma.lower() in {"this", "that", "these", "those", "such"} for s in tree.kids(root, "nsubj")):
            continue
        for owner in tree.kids(root, "nmod"):
            if case_words(tree, tokens, owner) & {"of", "from"} and usable_speaker(ctx, following, owner):
                return make_cue(ctx, "words_of_in_the_next_sentence", Strength.STRONG, following, owner, root)
    return None


@rule
def answer_to_the_question_before(ctx: QuoteContext) -> Cue | None:
    """An interview written up as questions and answers: 'How social was she? Suspended?'
    then the paragraph '"Um. Not for more than a couple of days."': a quote that opens its
    paragraph right after a paragraph of the writer's own question is the answer of the one
    the question asks about ("she", "he" or a name in it)."""
    index = ctx.index
    q = ctx.quote
    paragraphs = index.doc.paragraphs
    if q.paragraph <= 0 or q.paragraph >= len(paragraphs) or not looks_like_speech(q):
        return None
    para = paragraphs[q.paragraph]
    if index.text[para.start : q.outer_start].strip():
        return None  # the quote does not open its paragraph
    before = paragraphs[q.paragraph - 1]
    text = index.text[before.start : before.end].rstrip()
    if not text.endswith("?") or before.first_sentence < 0 or any(mark in text for mark in '"“”'):
        return None
    for sentence in range(before.first_sentence, before.last_sentence + 1):
        for token in index.sentences[sentence].tokens:
            if token.word.lower() in {"she", "he"} or (
                index.entity(sentence, token.index) is not None and index.entity(sentence, token.index).ner == "PERSON"
            ):
                return make_cue(ctx, "answer_to_the_question_before", Strength.WEAK, sentence, token.index, None)
    return None


@rule
def colon_paragraph_before(ctx: QuoteContext) -> Cue | None:
    """A quote that opens its own paragraph after a paragraph ending with a colon:
    'Zhang commented:' / 'Ion Stoica, co-founder and executive chair of Databricks:'
    followed by a block quote. The speaker is the subject of the last speech verb there,
    else the first person or organisation named in it."""
    index = ctx.index
    q = ctx.quote
    paragraphs = index.doc.paragraphs
    if q.paragraph <= 0 or q.paragraph >= len(paragraphs):
        return None
    para = paragraphs[q.paragraph]
    if index.text[para.start : q.outer_start].strip():
        return None  # the quote does not open its paragraph
    before = paragraphs[q.paragraph - 1]
    if not index.text[before.start : before.end].rstrip().endswith(":") or before.first_sentence < 0:
        return None
    last = before.last_sentence
    tokens = index.sentences[last].tokens
    tree = index.trees[last]
    for i in range(len(tokens) - 1, -1, -1):
        if is_speech_verb(tokens[i]) and not index.in_quote(tokens[i]):
            subject = subject_of(tree, tokens, i, quoted_tokens(ctx, last))
            if subject is not None and usable_speaker(ctx, last, subject):
                return make_cue(ctx, "colon_paragraph_before", Strength.STRONG, last, subject, i)
        if is_speech_noun(tokens[i]):
            owners = tree.kids(i, "nmod:poss")
            if owners and usable_speaker(ctx, last, owners[0]):
                return make_cue(ctx, "colon_paragraph_before", Strength.CLEAR, last, owners[0], i)
    # no verb at all ("Ion Stoica, co-founder and executive chair of Databricks:"): the
    # name nearest the colon, a person before an organisation
    for sentence in range(before.last_sentence, before.first_sentence - 1, -1):
        named = [
            index.entity(sentence, t.index)
            for t in index.sentences[sentence].tokens
            if index.entity(sentence, t.index) is not None and not index.in_quote(t)
        ]
        named = [e for e in named if e.ner in {"PERSON", "ORGANIZATION"}]
        if named:
            entity = next((e for e in named if e.ner == "PERSON"), named[0])
            return make_cue(ctx, "colon_paragraph_before", Strength.FAIR, sentence, entity.token_end - 1, None)
    return None


@rule
def speech_verb_nearby_sentence(ctx: QuoteContext) -> Cue | None:
    """The attribution stands in the next or previous sentence of the same paragraph, with
    no other quotation in between: '"It's over." That is what Smith said on Monday.'"""
    index = ctx.index
    if not ctx.sentences or not looks_like_speech(ctx.quote):
        return None  # a fragment needs its cue in its own sentence
    candidates = [ctx.sentences[-1] + 1, ctx.sentences[0] - 1]
    for sentence in candidates:
        if sentence < 0 or sentence >= len(index.sentences):
            continue
        if index.sentences[sentence].paragraph != ctx.quote.paragraph:
            continue
        tokens = index.sentences[sentence].tokens
        if any(index.in_quote(t) for t in tokens):
            continue
        tree = index.trees[sentence]
        for i, token in enumerate(tokens):
            if is_speech_verb(token):
                if sentence > ctx.sentences[-1] and tree.kids(i, "ccomp"):
                    # 'The SPCA is against it. "Animals have natural coats." But vet Kenneth Tong
                    # said that he would not consider it cruelty': a verb that reports its own
                    # clause is not the cue of the quote before it
                    continue
                subject = subject_of(tree, tokens, i)
                if subject is not None and usable_speaker(ctx, sentence, subject):
                    return make_cue(ctx, "speech_verb_nearby_sentence", Strength.WEAK, sentence, subject, i)
    return None


@rule
def continues_previous_quote(ctx: QuoteContext) -> Cue | None:
    """A quote with no attribution of its own, right after a quote by a known speaker in the
    same or the previous paragraph, continues that speaker:
    '"We didn't expect pricing to be such a sensitive issue," he told me.' followed by the
    paragraph '"We were simply following our pace, calculating costs ..."'."""
    if not ctx.previous or (ctx.quote.close_mark is None and not ctx.quote.continues and not ctx.quote.continued):
        return None  # an excerpt left open is nobody's speech by mere position
    last = ctx.previous[-1]
    if ctx.quote.paragraph - last.paragraph > 1:
        return None
    if last.paragraph < ctx.quote.paragraph:
        # the paragraph in between must hold nothing but this quote (and its punctuation)
        para = ctx.index.doc.paragraphs[ctx.quote.paragraph]
        if ctx.index.text[para.start : ctx.quote.outer_start].strip():
            return None
    strength = Strength.FAIR if ctx.quote.continues else Strength.WEAK
    return Cue(rule="continues_previous_quote", strength=strength, mention=None, inherited=last)


@rule
def subject_of_the_sentence_before(ctx: QuoteContext) -> Cue | None:
    """'Rivers pressed her on the cost. "You said in March it would cost $2 billion. Which
    is it?"': a quote with no cue of its own, opening a sentence right after one whose
    subject is a person (no speech verb: 'pressed', 'was unimpressed'), is that person's;
    low confidence."""
    if not looks_like_speech(ctx.quote) or not ctx.sentences or (ctx.quote.close_mark is None and not ctx.quote.continued):
        return None
    index = ctx.index
    first = ctx.sentences[0]
    before = first - 1
    if before < 0:
        return None
    if index.sentences[before].paragraph != ctx.quote.paragraph:
        # a quote that makes its own paragraph after "However, he defended his decision to
        # engage with those governments." continues from that paragraph's last sentence
        if (
            index.sentences[before].paragraph != ctx.quote.paragraph - 1
            or ctx.index.text[index.doc.paragraphs[ctx.quote.paragraph].start : ctx.quote.outer_start].strip()
        ):
            return None
    # the quote opens its sentence: nothing but punctuation before the opening mark
    opening = [t for t in index.sentences[first].tokens if t.end <= ctx.quote.outer_start]
    if any(t.word[:1].isalnum() for t in opening):
        return None
    tokens = index.sentences[before].tokens
    if any(index.in_quote(t) for t in tokens):
        return None  # the sentence before has a quotation of its own: its cue is not ours
    tree = index.trees[before]
    for root in (i for i in range(len(tokens)) if tree.head(i) == -1 and tokens[i].pos.startswith("VB")):
        subject = subject_of(tree, tokens, root)
        if subject is None or not usable_speaker(ctx, before, subject):
            continue
        entity = index.entity(before, subject)
        if (entity is not None and entity.ner == "PERSON") or tokens[subject].word.lower() in {"he", "she"}:
            return make_cue(ctx, "subject_of_the_sentence_before", Strength.WEAK, before, subject, root)
        # 'Her expression fixes. "That's the past."': the face or voice is its owner's
        owner = next((o for o in tree.kids(subject, "nmod:poss") if tokens[o].word.lower() in {"his", "her"}), None)
        if owner is not None:
            return make_cue(ctx, "subject_of_the_sentence_before", Strength.WEAK, before, owner, root)
    # 'But for Parata and his family the slow, painful deaths are personal. ¶ "It's very
    # emotional ..."': the one person that sentence names, with less confidence
    people = {e.text: e for e in index.entities if e.sentence == before and e.ner == "PERSON"}
    if len(people) == 1:
        entity = next(iter(people.values()))
        return make_cue(ctx, "subject_of_the_sentence_before", Strength.WEAK, before, entity.token_end - 1, None)
    return None
