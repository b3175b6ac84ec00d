"""Rules that read the parse of the quote's own sentence: a speech verb or noun that reports
the quote, with its subject or owner ('Trump remarked, "..."', 'quoted X as saying',
'according to', 'Musk's terse response was: ...')."""

from __future__ import annotations

from quotes.attribution.registry import rule
from quotes.attribution.lexicon import FINDING_VERBS, DOCUMENT_NOUNS, PEOPLE_NOUNS, PERSONAL_PRONOUNS, RELAY_VERBS
from quotes.attribution.syntax import TokenRef, Tree, case_words, determiners
from quotes.attribution.context import (
    Cue,
    Strength,
    QuoteContext,
    ancestors_of_quote,
    distance_to_quote,
    is_speech_noun,
    is_speech_verb,
    looks_like_speech,
    make_cue,
    quoted_tokens,
    speech_noun_carries_quote,
    speech_noun_owners,
    subject_by_words,
    subject_of,
    token_stream,
    tokens_outside_quotes,
    usable_speaker,
)
from quotes.models import Token


@rule
def speech_verb_with_subject(ctx: QuoteContext) -> Cue | None:
    """A speech verb outside the quote, in the quote's own sentence, with a subject.

    Covers both orders and inversion: '"We didn't expect it," he told me.',
    'Trump remarked, "If you could do it cheaper..."', '..., says Marina Zhang, an associate
    professor at ...', 'Sam Altman, who termed it "an impressive model"', 'calling it "..."'.
    A verb that governs the quote wins, the outermost first ('Trump said ... that Clinton
    described the deal as "the gold standard"' is Trump's report); else the nearest verb.
    "told CNBC" never makes CNBC the speaker because only subjects are taken.
    """
    found = reporting_verb(ctx)
    if found is None:
        return None
    sentence, subject, verb, governing = found
    return make_cue(ctx, "speech_verb_with_subject", Strength.STRONG if governing else Strength.CLEAR, sentence, subject, verb)


def reporting_verb(ctx: QuoteContext) -> tuple[int, int, int, bool] | None:
    """(sentence, subject, verb, governs the quote) of the speech verb that reports the
    quote in its own sentence: the outermost verb that governs it, else the nearest."""
    governors: list[tuple[int, int, int, int]] = []
    nearest: tuple[int, int, int, int] | None = None
    for sentence in ctx.sentences:
        tokens = ctx.index.sentences[sentence].tokens
        tree = ctx.index.trees[sentence]
        quoted = quoted_tokens(ctx, sentence)
        ancestors = ancestors_of_quote(ctx, sentence)
        # 'Jordan criticised the shift, with Foreign Minister Ayman Safadi warning of "..."':
        # a speech noun with an owner between the verb and the quote says whose words they are
        owned = [ancestors[n] for n in ancestors if is_speech_noun(tokens[n]) and speech_noun_owners(ctx, sentence, n)]
        for i in tokens_outside_quotes(ctx, sentence):
            if not is_speech_verb(tokens[i]) and not _a_document_finding(tree, tokens, i):
                continue
            if owned and i in ancestors and ancestors[i] > min(owned):
                continue
            subject = subject_of(tree, tokens, i, quoted)
            if subject is None or not usable_speaker(ctx, sentence, subject):
                continue
            if i in ancestors:
                governors.append((ancestors[i], sentence, subject, i))
            distance = distance_to_quote(ctx, tokens[i])
            if nearest is None or distance < nearest[0]:
                nearest = (distance, sentence, subject, i)
    governing = _outermost_report(ctx, sorted(governors, key=lambda g: -g[0]))
    best = governing or nearest
    if best is None:
        return None
    _, sentence, subject, verb = best
    return sentence, subject, verb, governing is not None


def _a_document_finding(tree: Tree, tokens: list[Token], verb: int) -> bool:
    """'A Government Accountability Office report released last year found that the agency
    could not be sure the money was not coming from "the drug trade"': what a report, study or
    audit found is its statement ("police found the car" is not)."""
    if not tokens[verb].pos.startswith("VB") or tokens[verb].lemma.lower() not in FINDING_VERBS:
        return False
    return any(
        tokens[s].lemma.lower() in DOCUMENT_NOUNS | {"audit", "review", "analysis", "investigation", "inquiry", "research"}
        for s in tree.kids(verb, "nsubj")
    )


def _outermost_report(ctx: QuoteContext, governors: list[tuple[int, int, int, int]]):
    """Of the speech verbs above a quote (outermost first), the one whose report it is: the
    outermost ('Trump said ... that Clinton described the deal as "the gold standard"'),
    unless that one only relays a report someone else made: 'John Mackey said in a memo
    that the "price distinction ... has become less relevant", Yahoo Finance reported'."""
    while len(governors) > 1 and _own_coordinated_report(ctx, governors[1], governors[0]):
        governors = governors[1:]
    if len(governors) > 1:
        _, sentence, _, verb = governors[0]
        if ctx.index.sentences[sentence].tokens[verb].lemma.lower() in RELAY_VERBS:
            return governors[1]
    return governors[0] if governors else None


def _own_coordinated_report(ctx: QuoteContext, lower: tuple[int, int, int, int], upper: tuple[int, int, int, int]) -> bool:
    """'Putney said that the video did not give "..." but he said that the footage
    "supports what we've heard"': a second report joined to the first by "but"/"and", with
    its own subject, is not inside the first; the quote is the nearer report's. The same for
    one hung on the first as a side clause rather than as its content: 'when Rubio said it
    was great to be home, a man yelled "Stay there!"' (what was said is a ccomp; a
    parataxis or adverbial clause is said by its own subject)."""
    _, sentence, _, verb = lower
    if sentence != upper[1]:
        return False
    tree = ctx.index.trees[sentence]
    if not tree.kids(verb, "nsubj"):
        return False
    node, steps = verb, 0
    while node >= 0 and node != upper[3] and steps < 50:
        if tree.relation(node).startswith(("conj", "parataxis", "advcl")):
            return True
        node, steps = tree.head(node), steps + 1
    return False


@rule
def quoted_as_saying(ctx: QuoteContext) -> Cue | None:
    """'State media quoted Defence Minister Rajnath Singh as saying the army was "fully
    prepared"': the one quoted speaks, not the outlet that quotes them (also "cited a source
    as saying"). Read from the words, as parsers hang "as saying" anywhere."""
    for sentence in ctx.sentences:
        tokens = ctx.index.sentences[sentence].tokens
        tree = ctx.index.trees[sentence]
        for i in tokens_outside_quotes(ctx, sentence):
            if not (
                tokens[i].lemma.lower() in {"say", "tell", "state", "write"}
                and tokens[i].pos == "VBG"
                and i > 1
                and tokens[i - 1].word.lower() == "as"
                and tokens[i].end <= ctx.quote.start
            ):
                continue
            for verb in range(i - 2, -1, -1):
                if tokens[verb].lemma.lower() in {"quote", "cite"} and tokens[verb].pos.startswith("VB"):
                    quoted_ones = [o for o in tree.kids(verb, "obj") if o < i - 1]
                    if quoted_ones and usable_speaker(ctx, sentence, quoted_ones[-1]):
                        return make_cue(ctx, "quoted_as_saying", Strength.STRONG, sentence, quoted_ones[-1], i)
                    break
    return None


@rule
def characterised_as(ctx: QuoteContext) -> Cue | None:
    """'Trump openly admires Russian President Vladimir Putin as a "strong leader,"': a
    quote that says what something is taken *as* belongs to the subject of the verb that
    does the taking (praise, describe, label, dismiss, see, admire ... any verb), never to
    the thing described, even when another verb follows the quote."""
    for sentence in ctx.sentences:
        tokens = ctx.index.sentences[sentence].tokens
        tree = ctx.index.trees[sentence]
        quoted = quoted_tokens(ctx, sentence)
        inside = [t.index for t in tokens if ctx.quote.start <= t.start and t.end <= ctx.quote.end]
        for head in (i for i in inside if tree.head(i) not in inside):
            verb = tree.head(head)
            if verb < 0 or verb in quoted or not tokens[verb].pos.startswith("VB"):
                continue
            if tree.relation(head).split(":")[0] not in {"obl", "xcomp", "advcl"}:
                continue
            if not any(
                tokens[c].lemma.lower() == "as" and not ctx.index.in_quote(tokens[c]) for c in tree.kids(head, "case", "mark")
            ):
                continue
            if (tree.kids(verb, "aux:pass") or tokens[verb].pos == "VBN") and not any(
                "by" in case_words(tree, tokens, a) for a in tree.kids(verb, "obl")
            ):
                continue  # "Putin was hailed as ...", "the bill, known as ...": nobody named speaks
            if _reported_by_a_speech_verb(tree, tokens, verb):
                return None  # 'Trump said that Clinton described it as "..."' is Trump's report
            subject = subject_of(tree, tokens, verb, quoted)
            if subject is not None and usable_speaker(ctx, sentence, subject):
                return make_cue(
                    ctx,
                    "characterised_as",
                    Strength.STRONG if is_speech_verb(tokens[verb]) else Strength.CLEAR,
                    sentence,
                    subject,
                    verb,
                )
    return None


def _reported_by_a_speech_verb(tree: Tree, tokens: list[Token], node: int) -> bool:
    """Whether a clause hangs (as a complement, at any depth) under a speech verb."""
    for _ in range(50):
        relation, node = tree.parent.get(node, ("root", -1))
        if node < 0 or relation.startswith("acl"):
            return False
        if is_speech_verb(tokens[node]):
            return True
    return False


@rule
def according_to(ctx: QuoteContext) -> Cue | None:
    """'according to X' in the quote's sentence, when no speech verb names a speaker:
    '"...," according to the campaign's statement.', and its short form '..., per the party's
    bylaws'."""
    for sentence in ctx.sentences:
        tokens = ctx.index.sentences[sentence].tokens
        tree = ctx.index.trees[sentence]
        for i in tokens_outside_quotes(ctx, sentence):
            if _per_a_source(tree, tokens, i):
                if usable_speaker(ctx, sentence, tree.head(i)):
                    return make_cue(ctx, "according_to", Strength.FAIR, sentence, tree.head(i), i)
                continue
            if tokens[i].word.lower() != "according":
                continue
            if i + 1 >= len(tokens) or tokens[i + 1].word.lower() != "to":
                continue
            # "according to X": X governs "according" (case) or follows it
            source = tree.head(i) if tree.relation(i).startswith("case") else None
            if source is None or source <= i:
                source = next((j for j in range(i + 2, len(tokens)) if tokens[j].pos.startswith(("NN", "PRP"))), None)
            if source is None:
                continue
            if usable_speaker(ctx, sentence, source):
                return make_cue(ctx, "according_to", Strength.FAIR, sentence, source, i)
    return None


def _per_a_source(tree: Tree, tokens: list[Token], i: int) -> bool:
    """'..., per the party's bylaws' / '..., per Reuters': "per" after a comma before a
    definite or named source, not "per person" or "per cent"."""
    if tokens[i].word.lower() != "per" or i == 0 or tokens[i - 1].word not in {",", "''", "”", '"'}:
        return False
    if not tree.relation(i).startswith("case") or tree.head(i) <= i:
        return False
    source = tree.head(i)
    return (
        tokens[source].pos in {"NNP", "NNPS"}
        or bool(tree.kids(source, "nmod:poss"))
        or bool(determiners(tree, tokens, source) & {"the", "a", "an", "this", "that"})
    )


@rule
def possessive_speech_noun(ctx: QuoteContext) -> Cue | None:
    """A speech noun owned by the speaker, with no verb: 'Musk's terse response to this claim
    was simply: "Obviously."', 'In his statement, Smith ...' (the possessor is the speaker)."""
    for sentence in ctx.sentences:
        tokens = ctx.index.sentences[sentence].tokens
        tree = ctx.index.trees[sentence]
        # the quote's own head counts as above it: in 'Musk's response was simply: "Obviously."'
        # the parser makes the quoted word the root
        above = ancestors_of_quote(ctx, sentence) | {
            t.index: 0 for t in tokens if ctx.quote.start <= t.start and t.end <= ctx.quote.end
        }
        for i in tokens_outside_quotes(ctx, sentence):
            if not is_speech_noun(tokens[i]) or not speech_noun_carries_quote(tree, tokens, above, i):
                continue
            owners = speech_noun_owners(ctx, sentence, i)
            if owners and usable_speaker(ctx, sentence, owners[0]):
                return make_cue(ctx, "possessive_speech_noun", Strength.CLEAR, sentence, owners[0], i)
    return None


@rule
def speech_noun_before_colon(ctx: QuoteContext) -> Cue | None:
    """'President Obama is rolling out a new and more personal campaign message: "It's about
    me."': a speech noun that introduces the quote with a colon belongs to whoever has it
    (its possessor) or delivers it (the subject of the verb that takes it)."""
    before = [t for _, t in token_stream(ctx, forward=False, limit=3)]
    if len(before) < 2 or before[0].word != ":":
        return None
    sentence = ctx.index.sentence_at(before[1].start)
    tokens = ctx.index.sentences[sentence].tokens
    tree = ctx.index.trees[sentence]
    noun = before[1].index
    if not is_speech_noun(tokens[noun]):
        return None
    owners = tree.kids(noun, "nmod:poss")
    if owners:
        speaker = owners[0]
    else:
        verb = tree.head(noun)
        if verb < 0 or tree.relation(noun).split(":")[0] not in {"obj", "nsubj"} or not tokens[verb].pos.startswith("VB"):
            return None
        speaker = subject_of(tree, tokens, verb, quoted_tokens(ctx, sentence)) if tree.relation(noun) == "obj" else None
    if speaker is None or not usable_speaker(ctx, sentence, speaker):
        return None
    return make_cue(ctx, "speech_noun_before_colon", Strength.FAIR, sentence, speaker, noun)


@rule
def subject_of_a_clause_before_a_colon(ctx: QuoteContext) -> Cue | None:
    """'As if addressing him directly, the Illinois Board of Elections was conclusive in its
    findings: "Further discussion on this issue is unnecessary."': a clause that ends in a
    colon right before the quote, with no speech verb, introduces what its subject says. Only
    a named subject or a personal pronoun ('The sign read: "..."' is no one's)."""
    before = [t for _, t in token_stream(ctx, forward=False, limit=2)]
    if len(before) < 2 or before[0].word != ":":
        return None
    sentence = ctx.index.sentence_at(before[0].start)
    tokens = ctx.index.sentences[sentence].tokens
    tree = ctx.index.trees[sentence]
    quoted = quoted_tokens(ctx, sentence)
    predicate = tree.head(before[0].index)
    if predicate < 0 or predicate in quoted:
        return None
    subject = subject_of(tree, tokens, predicate, quoted)
    if subject is None or subject > before[0].index or not usable_speaker(ctx, sentence, subject):
        return None
    entity = ctx.index.entity(sentence, subject)
    if not (
        (entity is not None and entity.ner in {"PERSON", "ORGANIZATION"}) or tokens[subject].word.lower() in PERSONAL_PRONOUNS
    ):
        return None
    return make_cue(ctx, "subject_of_a_clause_before_a_colon", Strength.WEAK, sentence, subject, None)


@rule
def speech_verb_earlier_in_the_sentence(ctx: QuoteContext) -> Cue | None:
    """A speech verb earlier in the quote's sentence, its subject read off the words when the
    parse of a long sentence fell apart: 'In a panel discussion this weekend, Marc H. Morial,
    the chief executive of the National Urban League, forcefully told a young woman who
    suggested that ... that "this is not the first generation to be frustrated"'. Low
    confidence."""
    before = list(token_stream(ctx, forward=False, limit=40))
    if not before or not ctx.sentences:
        return None
    sentence = ctx.sentences[0]  # the quote's own sentence, not the one before it
    for k, (s, token) in enumerate(before):
        if s != sentence:
            return None
        if is_speech_verb(token) and token.pos in {"VBD", "VBZ", "VBP"}:
            head = subject_by_words(before, k, sentence)
            if (
                head
                and usable_speaker(ctx, *head)
                and (ctx.index.entity(*head) is not None or _people(ctx.index.token(TokenRef(*head))))
            ):
                return make_cue(ctx, "speech_verb_earlier_in_the_sentence", Strength.WEAK, head[0], head[1], token.index)
            # "a young woman who suggested that ...": a relative clause's verb; read on
    return None


def _people(token: Token) -> bool:
    """A plural noun for people ("protesters", "residents")."""
    return token.pos == "NNS" and token.lemma.lower() in PEOPLE_NOUNS


@rule
def participle_clause_then_subject(ctx: QuoteContext) -> Cue | None:
    """'After saying her right foot was "so swollen I could barely get my shoe on," she was
    whisked off to hospital': a quote inside an opening participle clause with a speech verb
    belongs to the subject that follows the clause, however the parser joined them."""
    if not ctx.sentences:
        return None
    sentence = ctx.sentences[0]
    tokens = ctx.index.sentences[sentence].tokens
    opening = [t for t in tokens if t.end <= ctx.quote.outer_start]
    if not opening or len(opening) > 12:
        return None
    words = [t for t in opening if t.word[:1].isalnum()]
    verbs = [t for t in words if t.pos == "VBG" and is_speech_verb(t)]
    if not verbs or words.index(verbs[0]) > 1 or (words.index(verbs[0]) == 1 and words[0].pos not in {"IN", "RB"}):
        return None  # the sentence must open with the participle ("Saying", "After saying")
    after = [t for t in tokens if t.start >= ctx.quote.outer_end]
    while after and after[0].word in {",", "''", '"', "”"}:
        after = after[1:]
    if not after or after[0].pos not in {"PRP", "NNP"} or not usable_speaker(ctx, sentence, after[0].index):
        return None
    head = after[0].index
    while head + 1 < len(tokens) and tokens[head + 1].pos == "NNP":
        head += 1
    return make_cue(ctx, "participle_clause_then_subject", Strength.FAIR, sentence, head, verbs[0].index)


@rule
def subject_of_the_clause(ctx: QuoteContext) -> Cue | None:
    """A fragment quoted inside a clause whose subject is a named person or organisation,
    with no speech verb at all: 'Reid has gone after Trump as a "human leech who will bleed
    the country"', 'Trump likened the refugees to a "vicious snake"'. The subject of the verb
    that governs the fragment is taken as its source, with low confidence."""
    if (looks_like_speech(ctx.quote) and ctx.quote.text.lstrip()[:1].isupper()) or len(ctx.sentences) != 1:
        return None  # a long quote that runs on from the clause is still a fragment of it:
        # 'Cook remembered Jobs rehearsing there and "going way off script in a way that only he could do."'
    sentence = ctx.sentences[0]
    tree = ctx.index.trees[sentence]
    tokens = ctx.index.sentences[sentence].tokens
    quoted = quoted_tokens(ctx, sentence)
    ancestors = sorted(ancestors_of_quote(ctx, sentence).items(), key=lambda item: item[1])
    for node, height in ancestors:
        if height > 2:
            return None  # the verb must take the fragment (or its noun phrase) directly
        if not tokens[node].pos.startswith("VB") or (tokens[node].pos == "VBG" and tree.relation(node) != "root"):
            continue  # "remembered Jobs rehearsing there and "going way off script"": who remembers
        subject = subject_of(tree, tokens, node, quoted)
        if subject is None or not usable_speaker(ctx, sentence, subject):
            return None
        if ctx.index.entity(sentence, subject) is None and tokens[subject].pos not in {"PRP"}:
            return None
        return make_cue(ctx, "subject_of_the_clause", Strength.WEAK, sentence, subject, node)
    return None
