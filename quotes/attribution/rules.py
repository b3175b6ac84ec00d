"""The attribution sieve: small rules, most precise first, each for one way news attributes speech.

Every rule is a pure function ``rule(ctx) -> Cue | None`` over one quote's context. A ``Cue``
names the mention the attribution rests on (its tokens) and the cue word; turning the
mention into a canonical speaker (coref, names) is the resolver's job, not the rules'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.attribution.lexicon import (
    ADDRESSEE_VERBS,
    DOCUMENT_NOUNS,
    HEARER_VERBS,
    PERSONAL_PRONOUNS,
    RECORDING_NOUNS,
    RELATIVE_PRONOUNS,
    RELAY_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from quotes.attribution.lexicon import GENDERED_NOUNS, ORGANISATION_NOUNS, PEOPLE_NOUNS, ROLE_NOUNS, SPEAKER_NER, SPOKES_NOUNS
from quotes.attribution.syntax import DocIndex, TokenRef, Tree, case_words, determiners
from quotes.models import QuoteSpan, Token


@dataclass
class Cue:
    """What a rule found: the speaker mention's head token and span, and the cue word."""

    rule: str
    confidence: float
    mention: TokenRef | None  # head token of the speaker mention
    mention_first: int = 0  # token span of the mention within its sentence (inclusive)
    mention_last: int = 0
    cue: TokenRef | None = None
    # set by rules that already know the speaker (continuation of a previous quote)
    inherited: object | None = None


@dataclass
class QuoteContext:
    index: DocIndex
    quote: QuoteSpan
    sentences: list[int]  # sentences the quote overlaps
    previous: list  # attributions of the earlier quotes of the article, in order


# ----------------------------------------------------------------------------- helpers

_MENTION_RELATIONS = {"compound", "flat", "det", "amod", "nmod:poss", "case", "nummod", "name"}


def mention_span(tree: Tree, tokens: list[Token], head: int) -> tuple[int, int]:
    """The noun phrase of a speaker mention without appositions or relative clauses:
    "Senate Majority Leader Mitch McConnell, R-Ky.," -> "Senate Majority Leader Mitch McConnell"."""
    inside = {head}
    stack = [head]
    while stack:
        node = stack.pop()
        for relation, child in tree.children.get(node, []):
            hyphen = relation == "punct" and tokens[child].pos == "HYPH"  # "Cheuk Hau-yip"
            if node == head and relation == "case":
                continue  # "by the conservation department" is mentioned as "the conservation department"
            if relation in _MENTION_RELATIONS or relation.split(":")[0] in {"compound", "flat"} or hyphen:
                if child not in inside:
                    inside.add(child)
                    stack.append(child)
    first, last = head, head
    while first - 1 in inside:
        first -= 1
    while last + 1 in inside:
        last += 1
    return first, last


def is_speech_verb(token: Token) -> bool:
    return token.pos.startswith("VB") and token.lemma.lower() in SPEECH_VERBS


def is_speech_noun(token: Token) -> bool:
    return token.pos.startswith("NN") and token.lemma.lower() in SPEECH_NOUNS


def subject_of(tree: Tree, tokens: list[Token], verb: int, quoted: frozenset[int] = frozenset(), depth: int = 0) -> int | None:
    """The subject of a speech verb (see ``_grammatical_subject``); a recording that shows
    someone speaking hands over to that someone (``speaker_in_recording``)."""
    subject = _grammatical_subject(tree, tokens, verb, quoted, depth)
    return speaker_in_recording(tree, tokens, subject) if subject is not None else None


def speaker_in_recording(tree: Tree, tokens: list[Token], noun: int) -> int:
    """'The ad uses footage of Hillary Clinton asking, "Why aren't I 50 points ahead?"':
    the parser makes "footage" the subject of "asking"; the speaker is whoever the footage
    is of. Any other noun is returned as it is."""
    if tokens[noun].lemma.lower() not in RECORDING_NOUNS:
        return noun
    for owner in tree.kids(noun, "nmod"):
        if tokens[owner].pos in {"NNP", "NNPS", "PRP"} and "of" in case_words(tree, tokens, owner):
            return owner
    return noun


def _grammatical_subject(tree: Tree, tokens: list[Token], verb: int, quoted: frozenset[int] = frozenset(), depth: int = 0) -> int | None:
    """The subject of a speech verb, following participles and relative clauses up the tree.

    "Trump said" -> Trump; "..., saying ..." -> the subject of the verb "saying" hangs off;
    "Sam Altman, who termed it ..." -> Altman (the relative pronoun's antecedent);
    "was written by Springsteen" -> Springsteen (the passive agent).
    Tokens in ``quoted`` (inside a quotation) are never the subject: in '"My hope," he said'
    the parser may make "hope" a subject too.
    """
    if depth > 4:
        return None
    if depth == 0:
        inverted = _parenthetical_inversion(tokens, verb, quoted)
        if inverted is not None:
            return inverted
    subjects = [s for s in tree.kids(verb, "nsubj") if s not in quoted]
    if (depth == 0 and is_speech_verb(tokens[verb])) or tokens[verb].lemma.lower() in HEARER_VERBS:
        # the passive subject of a speech verb is what is spoken of or to: "The spate has been
        # described as "heartbreaking" by the department", "she was warned that ..."; it
        # speaks only when a participle hangs on its verb ("he was quoted as saying")
        subjects = [s for s in subjects if tree.relation(s) != "nsubj:pass"]
    if subjects:
        # two subjects come from a parenthetical the parser flattened: 'These employees,
        # Stumpf explained, were "well-paid"': the one next to the verb is the speaker's
        subject = min(subjects, key=lambda s: abs(verb - s))
        if tokens[subject].lemma.lower() in RELATIVE_PRONOUNS and tree.relation(verb).startswith("acl"):
            return tree.head(verb)
        return subject
    if depth == 0 and verb > 0 and (verb - 1 in quoted or tokens[verb - 1].pos in {"''", "``", ",", "NFP", ":"}):
        inverted = _inverted_subject(tree, tokens, verb, quoted)
        if inverted is not None:
            return inverted
    for agent in tree.kids(verb, "obl:agent", "obl"):
        if "by" in case_words(tree, tokens, agent) and tree.kids(verb, "aux:pass"):
            return agent
    relation, governor = tree.parent.get(verb, ("root", -1))
    if governor < 0:
        return None
    base = relation.split(":")[0]
    if base == "xcomp":
        # object control: "prompting US President Donald Trump to label it ..."
        # but a thing cannot speak: "Other leaders used blunt language to denounce ..." is the leaders'
        controllers = [o for o in tree.kids(governor, "obj") if o not in quoted and o < verb]
        if controllers and _may_be_controller(tokens[controllers[0]]):
            return controllers[0]
    if relation.startswith("acl") and (tokens[governor].pos in {"NNP", "NNPS", "PRP"} or tokens[governor].lemma.lower() in RECORDING_NOUNS):
        return governor  # "Trump, calling it ...", "footage of Lee asking ...": the participle modifies the speaker
    if relation.startswith("acl") and (tokens[governor].lemma.lower() in SPEECH_NOUNS or tokens[governor].lemma.lower() in DOCUMENT_NOUNS):
        # "the Security Council issued a statement calling the test "a clear violation"":
        # the statement's owner, else whoever issued it
        owners = tree.kids(governor, "nmod:poss")
        if owners:
            return owners[0]
        issuer, issued_by = tree.parent.get(governor, ("root", -1))
        if issuer.split(":")[0] == "obj" and issued_by >= 0 and tokens[issued_by].pos.startswith("VB"):
            return _grammatical_subject(tree, tokens, issued_by, quoted, depth + 1)
        return governor
    if base in {"xcomp", "advcl", "conj", "parataxis", "ccomp", "dep"}:
        return _grammatical_subject(tree, tokens, governor, quoted, depth + 1)
    return None


def _may_be_controller(token: Token) -> bool:
    """Whether the object of "prompting X to label it" may be the one who then speaks."""
    lemma = token.lemma.lower()
    return token.pos in {"PRP", "NNP", "NNPS"} or token.ner in SPEAKER_NER or lemma in PEOPLE_NOUNS or lemma in ROLE_NOUNS \
        or lemma in ORGANISATION_NOUNS or lemma in SPOKES_NOUNS or lemma in GENDERED_NOUNS


def _parenthetical_inversion(tokens: list[Token], verb: int, quoted: frozenset[int]) -> int | None:
    """'The idea, says BT, is to shape a "21st Century model"': between commas, the name
    after the verb speaks (the parser makes "idea" the subject)."""
    if tokens[verb].pos not in {"VBZ", "VBD"} or verb == 0 or tokens[verb - 1].word != "," or verb - 1 in quoted:
        return None
    end = verb + 1
    while end < len(tokens) and tokens[end].pos.startswith(("NNP", "DT", "NN", "POS")) and end not in quoted:
        end += 1
    if end == verb + 1 or end >= len(tokens) or tokens[end].word != ",":
        return None
    return end - 1 if tokens[end - 1].pos.startswith("NN") else None


def _inverted_subject(tree: Tree, tokens: list[Token], verb: int, quoted: frozenset[int]) -> int | None:
    """The speaker after the verb in an inversion: '"...," said Burman.', '..., says Marina
    Zhang, an associate professor'. Parsers often hang the name as obj, xcomp or dep."""
    if tokens[verb].pos not in {"VBD", "VBZ", "VBP"}:
        return None
    if tokens[verb].lemma.lower() in ADDRESSEE_VERBS:
        return None  # '..., Malkia Cyril ..., told The Huffington Post': the audience
    for child in tree.kids(verb, "obj", "xcomp", "dep", "nsubj", "iobj", "appos"):
        if child > verb and child not in quoted and tokens[child].pos.startswith(("NN", "PRP")) and not tree.kids(child, "case"):
            between = tokens[verb + 1 : child]
            if all(t.pos.startswith(("NN", "DT", "JJ", "RB", "CD", "PRP$", "POS")) or t.word in {",", "-"} for t in between):
                return child
    return None


def _cue_tokens(ctx: QuoteContext, sentence: int) -> list[int]:
    """Tokens of a sentence that lie outside every quotation."""
    return [t.index for t in ctx.index.sentences[sentence].tokens if not ctx.index.in_quote(t)]


def _quoted(ctx: QuoteContext, sentence: int) -> frozenset[int]:
    return frozenset(t.index for t in ctx.index.sentences[sentence].tokens if ctx.index.in_quote(t))


def _distance(ctx: QuoteContext, token: Token) -> int:
    q = ctx.quote
    if token.end <= q.outer_start:
        return q.outer_start - token.end
    return max(0, token.start - q.outer_end)


def _make(ctx: QuoteContext, rule: str, confidence: float, sentence: int, head: int, cue: int | None) -> Cue:
    tree = ctx.index.trees[sentence]
    tokens = ctx.index.sentences[sentence].tokens
    first, last = mention_span(tree, tokens, head)
    return Cue(
        rule=rule,
        confidence=confidence,
        mention=TokenRef(sentence, head),
        mention_first=first,
        mention_last=last,
        cue=TokenRef(sentence, cue) if cue is not None else None,
    )


def _speaker_ok(ctx: QuoteContext, sentence: int, head: int) -> bool:
    """A usable speaker mention: a noun or pronoun outside the quotation, not "it" or "that"."""
    token = ctx.index.sentences[sentence].tokens[head]
    if ctx.index.in_quote(token):
        return False
    if token.pos.startswith("PRP") and token.word.lower() not in PERSONAL_PRONOUNS:
        return False
    if token.word.lower() in {"this", "that", "there", "which", "what"}:
        return False
    return token.pos.startswith(("NN", "PRP", "CD", "FW")) or ctx.index.entity(sentence, head) is not None


def looks_like_speech(span: QuoteSpan) -> bool:
    """A sentence or more of speech: words that start with a capital and end with sentence
    punctuation inside the marks ('We didn't expect it,' / 'Obviously.'), or a long run."""
    words = span.text.split()
    if not words:
        return False
    ends_sentence = bool(re.search(r"[.!?,;:…]$", span.text.rstrip()))
    starts_capital = span.text.lstrip()[:1].isupper()
    return (starts_capital and ends_sentence) or (len(words) >= 8 and (starts_capital or ends_sentence)) or span.continues


# ----------------------------------------------------------------------------- rules


def speech_verb_with_subject(ctx: QuoteContext) -> Cue | None:
    """A speech verb outside the quote, in the quote's own sentence, with a subject.

    Covers both orders and inversion: '"We didn't expect it," he told me.',
    'Trump remarked, "If you could do it cheaper..."', '..., says Marina Zhang, an associate
    professor at ...', 'Sam Altman, who termed it "an impressive model"', 'calling it "..."'.
    A verb that governs the quote wins, the outermost first ('Trump said ... that Clinton
    described the deal as "the gold standard"' is Trump's report); else the nearest verb.
    "told CNBC" never makes CNBC the speaker because only subjects are taken.
    """
    governors: list[tuple[int, int, int, int]] = []
    nearest: tuple[int, int, int, int] | None = None
    for sentence in ctx.sentences:
        tokens = ctx.index.sentences[sentence].tokens
        tree = ctx.index.trees[sentence]
        quoted = _quoted(ctx, sentence)
        ancestors = _ancestors_of_quote(ctx, sentence)
        # 'Jordan criticised the shift, with Foreign Minister Ayman Safadi warning of "..."':
        # a speech noun with an owner between the verb and the quote says whose words they are
        owned = [ancestors[n] for n in ancestors if is_speech_noun(tokens[n]) and _speech_noun_owners(ctx, sentence, n)]
        for i in _cue_tokens(ctx, sentence):
            if not is_speech_verb(tokens[i]) and not _a_document_finding(tree, tokens, i):
                continue
            if owned and i in ancestors and ancestors[i] > min(owned):
                continue
            subject = subject_of(tree, tokens, i, quoted)
            if subject is None or not _speaker_ok(ctx, sentence, subject):
                continue
            if i in ancestors:
                governors.append((ancestors[i], sentence, subject, i))
            distance = _distance(ctx, tokens[i])
            if nearest is None or distance < nearest[0]:
                nearest = (distance, sentence, subject, i)
    governing = _outermost_report(ctx, sorted(governors, key=lambda g: -g[0]))
    best = governing or nearest
    if best is None:
        return None
    _, sentence, subject, verb = best
    return _make(ctx, "speech_verb_with_subject", 0.9 if governing else 0.8, sentence, subject, verb)


_FINDING_VERBS = frozenset({"find", "show", "determine", "estimate", "conclude", "reveal", "say", "state", "warn"})


def _a_document_finding(tree: Tree, tokens: list[Token], verb: int) -> bool:
    """'A Government Accountability Office report released last year found that the agency
    could not be sure the money was not coming from "the drug trade"': what a report, study or
    audit found is its statement ("police found the car" is not)."""
    if not tokens[verb].pos.startswith("VB") or tokens[verb].lemma.lower() not in _FINDING_VERBS:
        return False
    return any(tokens[s].lemma.lower() in DOCUMENT_NOUNS | {"audit", "review", "analysis", "investigation", "inquiry", "research"}
               for s in tree.kids(verb, "nsubj"))


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
    its own subject, is not inside the first; the quote is the nearer report's."""
    _, sentence, _, verb = lower
    if sentence != upper[1]:
        return False
    tree = ctx.index.trees[sentence]
    if not tree.kids(verb, "nsubj"):
        return False
    node, steps = verb, 0
    while node >= 0 and node != upper[3] and steps < 50:
        if tree.relation(node).startswith("conj"):
            return True
        node, steps = tree.head(node), steps + 1
    return False


def _ancestors_of_quote(ctx: QuoteContext, sentence: int) -> dict[int, int]:
    """Tokens above the quote in the dependency tree, each with its height above it
    (larger = closer to the root)."""
    tokens = ctx.index.sentences[sentence].tokens
    tree = ctx.index.trees[sentence]
    inside = {t.index for t in tokens if ctx.quote.start <= t.start and t.end <= ctx.quote.end}
    heads = [i for i in inside if tree.head(i) not in inside]
    found: dict[int, int] = {}
    for head in heads:
        node, height = tree.head(head), 1
        relation = tree.relation(head)
        while node >= 0 and height < 50:
            found[node] = max(found.get(node, 0), height)
            if relation.startswith("acl:relcl"):
                break  # whoever stands above a relative clause did not say what is in it
            relation = tree.relation(node)
            node, height = tree.head(node), height + 1
    return found


def quoted_as_saying(ctx: QuoteContext) -> Cue | None:
    """'State media quoted Defence Minister Rajnath Singh as saying the army was "fully
    prepared"': the one quoted speaks, not the outlet that quotes them (also "cited a source
    as saying"). Read from the words, as parsers hang "as saying" anywhere."""
    for sentence in ctx.sentences:
        tokens = ctx.index.sentences[sentence].tokens
        tree = ctx.index.trees[sentence]
        for i in _cue_tokens(ctx, sentence):
            if not (tokens[i].lemma.lower() in {"say", "tell", "state", "write"} and tokens[i].pos == "VBG"
                    and i > 1 and tokens[i - 1].word.lower() == "as" and tokens[i].end <= ctx.quote.start):
                continue
            for verb in range(i - 2, -1, -1):
                if tokens[verb].lemma.lower() in {"quote", "cite"} and tokens[verb].pos.startswith("VB"):
                    quoted_ones = [o for o in tree.kids(verb, "obj") if o < i - 1]
                    if quoted_ones and _speaker_ok(ctx, sentence, quoted_ones[-1]):
                        return _make(ctx, "quoted_as_saying", 0.9, sentence, quoted_ones[-1], i)
                    break
    return None


def characterised_as(ctx: QuoteContext) -> Cue | None:
    """'Trump openly admires Russian President Vladimir Putin as a "strong leader,"': a
    quote that says what something is taken *as* belongs to the subject of the verb that
    does the taking (praise, describe, label, dismiss, see, admire ... any verb), never to
    the thing described, even when another verb follows the quote."""
    for sentence in ctx.sentences:
        tokens = ctx.index.sentences[sentence].tokens
        tree = ctx.index.trees[sentence]
        quoted = _quoted(ctx, sentence)
        inside = [t.index for t in tokens if ctx.quote.start <= t.start and t.end <= ctx.quote.end]
        for head in (i for i in inside if tree.head(i) not in inside):
            verb = tree.head(head)
            if verb < 0 or verb in quoted or not tokens[verb].pos.startswith("VB"):
                continue
            if tree.relation(head).split(":")[0] not in {"obl", "xcomp", "advcl"}:
                continue
            if not any(tokens[c].lemma.lower() == "as" and not ctx.index.in_quote(tokens[c]) for c in tree.kids(head, "case", "mark")):
                continue
            if (tree.kids(verb, "aux:pass") or tokens[verb].pos == "VBN") and not any(
                "by" in case_words(tree, tokens, a) for a in tree.kids(verb, "obl")
            ):
                continue  # "Putin was hailed as ...", "the bill, known as ...": nobody named speaks
            if _reported_by_a_speech_verb(tree, tokens, verb):
                return None  # 'Trump said that Clinton described it as "..."' is Trump's report
            subject = subject_of(tree, tokens, verb, quoted)
            if subject is not None and _speaker_ok(ctx, sentence, subject):
                return _make(ctx, "characterised_as", 0.9 if is_speech_verb(tokens[verb]) else 0.8, sentence, subject, verb)
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


def according_to(ctx: QuoteContext) -> Cue | None:
    """'according to X' in the quote's sentence, when no speech verb names a speaker:
    '"...," according to the campaign's statement.', and its short form '..., per the party's
    bylaws'."""
    for sentence in ctx.sentences:
        tokens = ctx.index.sentences[sentence].tokens
        tree = ctx.index.trees[sentence]
        for i in _cue_tokens(ctx, sentence):
            if _per_a_source(tree, tokens, i):
                if _speaker_ok(ctx, sentence, tree.head(i)):
                    return _make(ctx, "according_to", 0.7, sentence, tree.head(i), i)
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
            if _speaker_ok(ctx, sentence, source):
                return _make(ctx, "according_to", 0.75, sentence, source, i)
    return None


def _per_a_source(tree: Tree, tokens: list[Token], i: int) -> bool:
    """'..., per the party's bylaws' / '..., per Reuters': "per" after a comma before a
    definite or named source, not "per person" or "per cent"."""
    if tokens[i].word.lower() != "per" or i == 0 or tokens[i - 1].word not in {",", "''", "”", "\""}:
        return False
    if not tree.relation(i).startswith("case") or tree.head(i) <= i:
        return False
    source = tree.head(i)
    return tokens[source].pos in {"NNP", "NNPS"} or bool(tree.kids(source, "nmod:poss")) or bool(
        determiners(tree, tokens, source) & {"the", "a", "an", "this", "that"})


def possessive_speech_noun(ctx: QuoteContext) -> Cue | None:
    """A speech noun owned by the speaker, with no verb: 'Musk's terse response to this claim
    was simply: "Obviously."', 'In his statement, Smith ...' (the possessor is the speaker)."""
    for sentence in ctx.sentences:
        tokens = ctx.index.sentences[sentence].tokens
        tree = ctx.index.trees[sentence]
        # the quote's own head counts as above it: in 'Musk's response was simply: "Obviously."'
        # the parser makes the quoted word the root
        above = _ancestors_of_quote(ctx, sentence) | {t.index: 0 for t in tokens if ctx.quote.start <= t.start and t.end <= ctx.quote.end}
        for i in _cue_tokens(ctx, sentence):
            if not is_speech_noun(tokens[i]) or not _speech_noun_carries_quote(tree, tokens, above, i):
                continue
            owners = _speech_noun_owners(ctx, sentence, i)
            if owners and _speaker_ok(ctx, sentence, owners[0]):
                return _make(ctx, "possessive_speech_noun", 0.8, sentence, owners[0], i)
    return None


def _speech_noun_owners(ctx: QuoteContext, sentence: int, noun: int) -> list[int]:
    """Who has a speech noun: "Musk's response", and a name the parser hung on the noun:
    'with Jordanian Foreign Minister Ayman Safadi warning of "dangerous consequences"'."""
    tree = ctx.index.trees[sentence]
    return tree.kids(noun, "nmod:poss") + [
        c for c in tree.kids(noun, "compound")
        if (e := ctx.index.entity(sentence, c)) is not None and e.ner in {"PERSON", "ORGANIZATION"}]


def _speech_noun_carries_quote(tree: Tree, tokens: list[Token], ancestors: dict[int, int], noun: int) -> bool:
    """Is the quote what the speech noun says? It is when the quote hangs under the noun
    ("his warning that "..."") or under the clause the noun belongs to ("Musk's response
    was: "..."", "In his statement, Smith called it "...""). Elsewhere in the sentence the
    noun says nothing of the quote: 'manipulating his "average American" followers into
    believing his message', and a quote that judges the noun is not its content: 'ruled
    that Trump's statement about ... is "true"'."""
    if noun in ancestors:
        return True
    governor = tree.head(noun)
    if governor not in ancestors:
        return False
    relation = tree.relation(noun).split(":")[0]
    if relation == "nsubj":
        first_quoted = min(i for i, height in ancestors.items() if height == 0) if 0 in ancestors.values() else len(tokens)
        between = tokens[noun + 1 : first_quoted]
        return any(t.word == ":" for t in between) or (first_quoted < len(tokens) and tokens[first_quoted].word[:1].isupper())
    return relation == "obl" and "in" in case_words(tree, tokens, noun)


def speech_noun_before_colon(ctx: QuoteContext) -> Cue | None:
    """'President Obama is rolling out a new and more personal campaign message: "It's about
    me."': a speech noun that introduces the quote with a colon belongs to whoever has it
    (its possessor) or delivers it (the subject of the verb that takes it)."""
    before = [t for _, t in _token_stream(ctx, forward=False, limit=3)]
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
        speaker = subject_of(tree, tokens, verb, _quoted(ctx, sentence)) if tree.relation(noun) == "obj" else None
    if speaker is None or not _speaker_ok(ctx, sentence, speaker):
        return None
    return _make(ctx, "speech_noun_before_colon", 0.75, sentence, speaker, noun)


_NP_TAGS = ("NNP", "NNPS", "NN", "NNS", "PRP", "DT", "JJ", "POS", "CD", "HYPH")


def _token_stream(ctx: QuoteContext, forward: bool, limit: int = 12):
    """Tokens just after (or before, nearest first) the quote, in its paragraph, stopping
    at the next quotation."""
    index = ctx.index
    if not index.sentences:
        return
    anchor = ctx.quote.outer_end if forward else ctx.quote.outer_start
    sentence = index.sentence_at(anchor if forward else max(0, anchor - 1))
    step = 1 if forward else -1
    taken = 0
    while 0 <= sentence < len(index.sentences) and taken < limit:
        s = index.sentences[sentence]
        if s.paragraph != ctx.quote.paragraph:
            return
        tokens = s.tokens if forward else list(reversed(s.tokens))
        for token in tokens:
            if (forward and token.start < anchor) or (not forward and token.end > anchor):
                continue
            if index.in_quote(token):
                return
            yield sentence, token
            taken += 1
            if taken >= limit:
                return
        sentence += step


def _noun_phrase_head(run: list[tuple[int, Token]]) -> tuple[int, int] | None:
    """The head of a short noun phrase given in reading order: its last noun or pronoun."""
    for sentence, token in reversed(run):
        if token.pos.startswith(("NN", "PRP")) and token.pos != "PRP$":
            return sentence, token.index
    return None


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
    cue = adjacent_speech_verb(ctx)
    if cue is None:
        return None
    if cue.cue is not None and ctx.index.token(cue.cue).lemma.lower() in RELAY_VERBS:
        # '..., the "price distinction ... less relevant," Yahoo Finance reported' relays
        # what the sentence's own speech verb reports
        reported = speech_verb_with_subject(ctx)
        if reported is not None and reported.cue != cue.cue:
            return None
    cue.rule = "speech_verb_right_after"
    return cue


def adjacent_speech_verb(ctx: QuoteContext) -> Cue | None:
    """A speech verb right next to the quote, read off the token sequence when the parse is
    unusable: '“..., those 5,000 people,’” Merkley said.' (the tokenizer glued ’” together and
    the parser made Merkley an apposition), '“...?” Clinton said.' split into its own sentence,
    'said James Acton, a physicist ...', 'Vann R. Newkirk II, a writer for The Atlantic, said'.
    """
    after = _without_asides(list(_token_stream(ctx, forward=True, limit=24)))[:12]
    while after and after[0][1].word in {",", "--", "-", "—", "―"}:
        after = after[1:]
    # (a) NAME said  (b) said NAME
    run: list[tuple[int, Token]] = []
    for k, (sentence, token) in enumerate(after):
        if is_speech_verb(token):
            if k + 1 < len(after) and after[k + 1][1].word == ":":
                return None  # '"... a great leader." Collins said: "It's a great challenge."': the next quote's cue
            if run:
                head = _named_part_of(ctx, run) or _noun_phrase_head(run)
                if head and head[0] == sentence and _speaker_ok(ctx, *head):
                    return _make(ctx, "adjacent_speech_verb", 0.9, head[0], head[1], token.index)
            following = []
            for s2, t2 in after[k + 1 :]:
                if t2.pos.startswith(_NP_TAGS) and t2.word not in {",", "."}:
                    following.append((s2, t2))
                else:
                    break
            head = _noun_phrase_head(following)
            if head and head[0] == sentence and _speaker_ok(ctx, *head):
                return _make(ctx, "adjacent_speech_verb", 0.9, head[0], head[1], token.index)
            return None
        if token.pos.startswith(_NP_TAGS) or token.pos in {"RB", "NNP"}:
            run.append((sentence, token))
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


def name_apposition_then_speech_verb(ctx: QuoteContext) -> Cue | None:
    """'"...," Malkia Cyril, the executive director at the Center of Media Justice and
    whose also featured in the film, told The Huffington Post.': a name right after the
    quote, then a long apposition the parser could not attach, then the speech verb."""
    after = list(_token_stream(ctx, forward=True, limit=40))
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
            head = _noun_phrase_head(name)
            if head and _speaker_ok(ctx, *head):
                return _make(ctx, "name_apposition_then_speech_verb", 0.7, head[0], head[1], token.index)
            return None
    return None


def speech_verb_introduces_quote(ctx: QuoteContext) -> Cue | None:
    """'NAME said:' or 'NAME told reporters,' right before the quote, read off the tokens:
    'Ion Stoica told me: "..."' when the parser attached the quote elsewhere."""
    before = list(_token_stream(ctx, forward=False, limit=40))
    if not before or before[0][1].word not in {":", ","}:
        return None
    for k, (sentence, token) in enumerate(before[1:10], start=1):
        if is_speech_verb(token):
            tree = ctx.index.trees[sentence]
            tokens = ctx.index.sentences[sentence].tokens
            quoted = _quoted(ctx, sentence)
            subject = subject_of(tree, tokens, token.index, quoted)
            if subject is None and token.pos == "VBG":
                # a participle adjunct belongs to the main clause: 'He reacted to a post
                # claiming ... by replying, "Obviously."' (however the parser attached it)
                roots = tree.kids(-1) or [d for d in range(len(tokens)) if tree.head(d) == -1 and d in tree.children]
                subject = subject_of(tree, tokens, roots[0], quoted) if roots else None
            if subject is not None and _speaker_ok(ctx, sentence, subject):
                return _make(ctx, "speech_verb_introduces_quote", 0.75, sentence, subject, token.index)
            head = _subject_by_words(before, k, sentence)
            if head is None:
                # verb first: 'Said Ellis: "..."'
                head = _noun_phrase_head([(s, t) for s, t in reversed(before[1:k]) if t.pos.startswith(_NP_TAGS)])
            if head and _speaker_ok(ctx, *head):
                return _make(ctx, "speech_verb_introduces_quote", 0.7, head[0], head[1], token.index)
            return None
    return None


def _subject_by_words(before: list[tuple[int, Token]], k: int, sentence: int) -> tuple[int, int] | None:
    """The noun phrase that reads as the subject of the verb at ``before[k]`` (tokens nearest
    first): "Marc H. Morial, the chief executive of the National Urban League, forcefully
    told" -> Morial; adverbs and a parenthetical between commas are stepped over."""
    start = k + 1
    while start < len(before) and before[start][1].pos.startswith("RB"):
        start += 1
    if start < len(before) and before[start][1].word == ",":
        # 'Jiang Hui, whose mother was on MH370, said: "..."': the name stands before
        # the parenthetical that ends right before the verb
        commas = [j for j in range(start + 1, min(len(before), start + 30))
                  if before[j][1].word == "," and before[j][0] == sentence]
        if commas:
            start = commas[0] + 1
    run = []
    end = start
    for s, t in before[start : start + 5]:
        if not t.pos.startswith(_NP_TAGS) or s != sentence:
            break
        run.insert(0, (s, t))
        end += 1
    # "Protesters marching through the streets chanted": the people the participle describes,
    # not "the streets"
    if end + 1 < len(before) and before[end][1].pos == "IN" and before[end + 1][1].pos == "VBG" and before[end + 1][0] == sentence:
        described = _subject_by_words(before, end + 1, sentence)
        if described is not None:
            return described
    return _noun_phrase_head(run)


def speech_verb_earlier_in_the_sentence(ctx: QuoteContext) -> Cue | None:
    """A speech verb earlier in the quote's sentence, its subject read off the words when the
    parse of a long sentence fell apart: 'In a panel discussion this weekend, Marc H. Morial,
    the chief executive of the National Urban League, forcefully told a young woman who
    suggested that ... that "this is not the first generation to be frustrated"'. Low
    confidence."""
    before = list(_token_stream(ctx, forward=False, limit=40))
    if not before or not ctx.sentences:
        return None
    sentence = ctx.sentences[0]  # the quote's own sentence, not the one before it
    for k, (s, token) in enumerate(before):
        if s != sentence:
            return None
        if is_speech_verb(token) and token.pos in {"VBD", "VBZ", "VBP"}:
            head = _subject_by_words(before, k, sentence)
            if head and _speaker_ok(ctx, *head) and (ctx.index.entity(*head) is not None or _people(ctx.index.token(TokenRef(*head)))):
                return _make(ctx, "speech_verb_earlier_in_the_sentence", 0.6, head[0], head[1], token.index)
            # "a young woman who suggested that ...": a relative clause's verb; read on
    return None


def _people(token: Token) -> bool:
    """A plural noun for people ("protesters", "residents")."""
    return token.pos == "NNS" and token.lemma.lower() in PEOPLE_NOUNS


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
    while after and after[0].word in {",", "''", "\"", "”"}:
        after = after[1:]
    if not after or not (after[0].pos in {"PRP", "NNP"}) or not _speaker_ok(ctx, sentence, after[0].index):
        return None
    head = after[0].index
    while head + 1 < len(tokens) and tokens[head + 1].pos == "NNP":
        head += 1
    return _make(ctx, "participle_clause_then_subject", 0.7, sentence, head, verbs[0].index)


_VERDICT_NOUNS = SPEECH_NOUNS | {"view", "assessment", "reaction", "sentiment", "opinion", "advice", "thought", "thoughts"}


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
            if case_words(tree, tokens, owner) & {"of", "from"} and _speaker_ok(ctx, following, owner):
                return _make(ctx, "words_of_in_the_next_sentence", 0.85, following, owner, root)
    return None


def name_and_colon(ctx: QuoteContext) -> Cue | None:
    """A name and a colon right before the quote, with no verb: headlines and
    transcripts ('Musk: "Obviously."', 'Trump on DeepSeek: \'A wake-up call\'')."""
    before = list(_token_stream(ctx, forward=False, limit=8))
    if not before or before[0][1].word != ":":
        return None
    for sentence, token in before[1:]:
        if token.pos.startswith("VB"):
            return None
        entity = ctx.index.entity(sentence, token.index)
        if entity is not None and entity.ner in {"PERSON", "ORGANIZATION"}:
            return _make(ctx, "name_and_colon", 0.7, sentence, entity.token_end - 1, None)
    return None


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
        stream = list(_token_stream(ctx, forward=True, limit=8))
    run = []
    for sentence, token in stream:
        if token.word in {",", "―", "—", "–", "-", "--"} and not run:
            continue
        if token.pos in {"NNP", "NNPS"}:
            run.append((sentence, token))
        elif run:
            break
    head = _noun_phrase_head(run)
    if head is None:
        return None
    return _make(ctx, "dash_signature", 0.8, head[0], head[1], None)


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
    if found is None or any(mark in text[found.end() : para.end] for mark in "\"“”"):
        return None
    return found.start(1)


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
    if not text.endswith("?") or before.first_sentence < 0 or any(mark in text for mark in "\"“”"):
        return None
    for sentence in range(before.first_sentence, before.last_sentence + 1):
        for token in index.sentences[sentence].tokens:
            if token.word.lower() in {"she", "he"} or (
                    index.entity(sentence, token.index) is not None and index.entity(sentence, token.index).ner == "PERSON"):
                return _make(ctx, "answer_to_the_question_before", 0.55, sentence, token.index, None)
    return None


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
            subject = subject_of(tree, tokens, i, _quoted(ctx, last))
            if subject is not None and _speaker_ok(ctx, last, subject):
                return _make(ctx, "colon_paragraph_before", 0.85, last, subject, i)
        if is_speech_noun(tokens[i]):
            owners = tree.kids(i, "nmod:poss")
            if owners and _speaker_ok(ctx, last, owners[0]):
                return _make(ctx, "colon_paragraph_before", 0.8, last, owners[0], i)
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
            return _make(ctx, "colon_paragraph_before", 0.7, sentence, entity.token_end - 1, None)
    return None


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
                if subject is not None and _speaker_ok(ctx, sentence, subject):
                    return _make(ctx, "speech_verb_nearby_sentence", 0.6, sentence, subject, i)
    return None


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
    confidence = 0.75 if ctx.quote.continues else 0.65
    return Cue(rule="continues_previous_quote", confidence=confidence, mention=None, inherited=last)


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
        if index.sentences[before].paragraph != ctx.quote.paragraph - 1 or ctx.index.text[
                index.doc.paragraphs[ctx.quote.paragraph].start : ctx.quote.outer_start].strip():
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
        if subject is None or not _speaker_ok(ctx, before, subject):
            continue
        entity = index.entity(before, subject)
        if (entity is not None and entity.ner == "PERSON") or tokens[subject].word.lower() in {"he", "she"}:
            return _make(ctx, "subject_of_the_sentence_before", 0.5, before, subject, root)
        # 'Her expression fixes. "That's the past."': the face or voice is its owner's
        owner = next((o for o in tree.kids(subject, "nmod:poss") if tokens[o].word.lower() in {"his", "her"}), None)
        if owner is not None:
            return _make(ctx, "subject_of_the_sentence_before", 0.45, before, owner, root)
    # 'But for Parata and his family the slow, painful deaths are personal. ¶ "It's very
    # emotional ..."': the one person that sentence names, with less confidence
    people = {e.text: e for e in index.entities if e.sentence == before and e.ner == "PERSON"}
    if len(people) == 1:
        entity = next(iter(people.values()))
        return _make(ctx, "subject_of_the_sentence_before", 0.4, before, entity.token_end - 1, None)
    return None


def speech_verb_just_before(ctx: QuoteContext) -> Cue | None:
    """'Trump boasted, "That makes me smart."': a speech verb right before the opening mark
    (after a comma or colon) introduces the quote, whatever clause the parser hung it in."""
    before = list(_token_stream(ctx, forward=False, limit=3))
    if len(before) < 2 or before[0][1].word not in {",", ":"} or not is_speech_verb(before[1][1]):
        return None
    cue = speech_verb_introduces_quote(ctx)
    if cue is not None:
        cue.rule = "speech_verb_just_before"
    return cue


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
    quoted = _quoted(ctx, sentence)
    ancestors = sorted(_ancestors_of_quote(ctx, sentence).items(), key=lambda item: item[1])
    for node, height in ancestors:
        if height > 2:
            return None  # the verb must take the fragment (or its noun phrase) directly
        if not tokens[node].pos.startswith("VB") or (tokens[node].pos == "VBG" and tree.relation(node) != "root"):
            continue  # "remembered Jobs rehearsing there and "going way off script"": who remembers
        subject = subject_of(tree, tokens, node, quoted)
        if subject is None or not _speaker_ok(ctx, sentence, subject):
            return None
        if ctx.index.entity(sentence, subject) is None and tokens[subject].pos not in {"PRP"}:
            return None
        return _make(ctx, "subject_of_the_clause", 0.45, sentence, subject, node)
    return None


SIEVE = (
    quoted_as_saying,
    participle_clause_then_subject,
    characterised_as,
    speech_verb_right_after,
    speech_verb_just_before,
    speech_verb_with_subject,
    adjacent_speech_verb,
    name_apposition_then_speech_verb,
    speech_verb_introduces_quote,
    possessive_speech_noun,
    speech_verb_earlier_in_the_sentence,
    speech_noun_before_colon,
    colon_paragraph_before,
    answer_to_the_question_before,
    according_to,
    words_of_in_the_next_sentence,
    name_and_colon,
    dash_signature,
    speech_verb_nearby_sentence,
    continues_previous_quote,
    subject_of_the_clause,
    subject_of_the_sentence_before,
)
