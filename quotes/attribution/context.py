"""What every rule and resolver reads: one quote's context, the cue a rule finds, the
article facts built once before the first quote, and the syntactic helpers rules share.

Rules never call each other; what two rules both need lives here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

from quotes.attribution.lexicon import (
    ADDRESSEE_VERBS,
    DOCUMENT_NOUNS,
    GENDERED_NOUNS,
    HEARER_VERBS,
    ORGANISATION_NOUNS,
    PEOPLE_NOUNS,
    PERSONAL_PRONOUNS,
    RECORDING_NOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    SPEAKER_NER,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    SPOKES_NOUNS,
)
from quotes.attribution.syntax import DocIndex, TokenRef, Tree, case_words
from quotes.models import QuoteSpan, Token


class Strength(IntEnum):
    """How directly a rule's construction ties the quote to its mention. It orders the
    sieve's fallbacks (after a clear cue whose subject resolves to nobody, only another clear
    cue is tried); it is not a probability: that is the calibrated confidence."""

    WEAK = 1  # position only: the sentence before or after, a fragment inside a clause
    FAIR = 2  # read off the words where the parse failed, an indirect cue ("according to")
    CLEAR = 3  # a speech verb with its subject, the nearest one
    STRONG = 4  # a speech verb that governs the quote, or the attribution right after it


@dataclass
class Cue:
    """What a rule found: the speaker mention's head token and span, and the cue word."""

    rule: str
    strength: Strength
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


# How far back (in paragraphs) a pronoun or description may look for its person.
RECENCY_PARAGRAPHS = 4
# how far back "who is this passage about" looks (see salience.the_more_salient)
SALIENCE_PARAGRAPHS = 8


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
    """The subject of a speech verb (see ``grammatical_subject``); a recording that shows
    someone speaking hands over to that someone (``speaker_in_recording``)."""
    subject = grammatical_subject(tree, tokens, verb, quoted, depth)
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


def grammatical_subject(
    tree: Tree, tokens: list[Token], verb: int, quoted: frozenset[int] = frozenset(), depth: int = 0
) -> int | None:
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
        # Stumpf explained, were "well-paid"': the one next to the verb is the speaker's;
        # or from an apposition it took for a second subject: 'Tad Devine, Sanders's chief
        # strategist, said': the name is the speaker, the description says who they are
        subject = min(subjects, key=lambda s: (tokens[s].ner not in SPEAKER_NER, abs(verb - s)))
        if tokens[subject].lemma.lower() in RELATIVE_PRONOUNS and tree.relation(verb).startswith("acl"):
            if depth == 0 and tokens[subject].word.lower() == "who" and tokens[tree.head(verb)].pos.startswith("NN"):
                return subject  # the mention as written; resolvers.antecedent_of_who reads whom it means
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
    if relation.startswith("acl") and (
        tokens[governor].pos in {"NNP", "NNPS", "PRP"} or tokens[governor].lemma.lower() in RECORDING_NOUNS
    ):
        return governor  # "Trump, calling it ...", "footage of Lee asking ...": the participle modifies the speaker
    if relation.startswith("acl") and (
        tokens[governor].lemma.lower() in SPEECH_NOUNS or tokens[governor].lemma.lower() in DOCUMENT_NOUNS
    ):
        # "the Security Council issued a statement calling the test "a clear violation"":
        # the statement's owner, else whoever issued it
        owners = tree.kids(governor, "nmod:poss")
        if owners:
            return owners[0]
        issuer, issued_by = tree.parent.get(governor, ("root", -1))
        if issuer.split(":")[0] == "obj" and issued_by >= 0 and tokens[issued_by].pos.startswith("VB"):
            return grammatical_subject(tree, tokens, issued_by, quoted, depth + 1)
        return governor
    if base in {"xcomp", "advcl", "conj", "parataxis", "ccomp", "dep"}:
        return grammatical_subject(tree, tokens, governor, quoted, depth + 1)
    return None


def _may_be_controller(token: Token) -> bool:
    """Whether the object of "prompting X to label it" may be the one who then speaks."""
    lemma = token.lemma.lower()
    return (
        token.pos in {"PRP", "NNP", "NNPS"}
        or token.ner in SPEAKER_NER
        or lemma in PEOPLE_NOUNS
        or lemma in ROLE_NOUNS
        or lemma in ORGANISATION_NOUNS
        or lemma in SPOKES_NOUNS
        or lemma in GENDERED_NOUNS
    )


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
        # a surname the tagger took for an adjective ('said Devine', Devine/JJ) is still the
        # name the entity recogniser found
        nominal = tokens[child].pos.startswith(("NN", "PRP")) or tokens[child].ner in {"PERSON", "ORGANIZATION"}
        if child > verb and child not in quoted and nominal and not tree.kids(child, "case"):
            between = tokens[verb + 1 : child]
            if all(t.pos.startswith(("NN", "DT", "JJ", "RB", "CD", "PRP$", "POS")) or t.word in {",", "-"} for t in between):
                return child
    return None


def tokens_outside_quotes(ctx: QuoteContext, sentence: int) -> list[int]:
    """Tokens of a sentence that lie outside every quotation."""
    return [t.index for t in ctx.index.sentences[sentence].tokens if not ctx.index.in_quote(t)]


def quoted_tokens(ctx: QuoteContext, sentence: int) -> frozenset[int]:
    return frozenset(t.index for t in ctx.index.sentences[sentence].tokens if ctx.index.in_quote(t))


def distance_to_quote(ctx: QuoteContext, token: Token) -> int:
    q = ctx.quote
    if token.end <= q.outer_start:
        return q.outer_start - token.end
    return max(0, token.start - q.outer_end)


def make_cue(ctx: QuoteContext, rule: str, strength: Strength, sentence: int, head: int, cue: int | None) -> Cue:
    tree = ctx.index.trees[sentence]
    tokens = ctx.index.sentences[sentence].tokens
    first, last = mention_span(tree, tokens, head)
    return Cue(
        rule=rule,
        strength=strength,
        mention=TokenRef(sentence, head),
        mention_first=first,
        mention_last=last,
        cue=TokenRef(sentence, cue) if cue is not None else None,
    )


def usable_speaker(ctx: QuoteContext, sentence: int, head: int) -> bool:
    """A usable speaker mention: a noun or pronoun outside the quotation, not "it" or "that"."""
    token = ctx.index.sentences[sentence].tokens[head]
    if ctx.index.in_quote(token):
        return False
    if token.pos.startswith("PRP") and token.word.lower() not in PERSONAL_PRONOUNS:
        return False
    if token.word.lower() in {"this", "that", "there", "which", "what"}:
        return False
    if token.word.lower() == "who":
        # "Trump - who previously said he would "bomb ..."": a relative clause's subject,
        # read by resolvers.antecedent_of_who; any other "who" is nobody yet
        tree = ctx.index.trees[sentence]
        return tree.head(head) >= 0 and tree.relation(tree.head(head)).startswith("acl")
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


def ancestors_of_quote(ctx: QuoteContext, sentence: int) -> dict[int, int]:
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


def speech_noun_owners(ctx: QuoteContext, sentence: int, noun: int) -> list[int]:
    """Who has a speech noun: "Musk's response", and a name the parser hung on the noun:
    'with Jordanian Foreign Minister Ayman Safadi warning of "dangerous consequences"'."""
    tree = ctx.index.trees[sentence]
    return tree.kids(noun, "nmod:poss") + [
        c
        for c in tree.kids(noun, "compound")
        if (e := ctx.index.entity(sentence, c)) is not None and e.ner in {"PERSON", "ORGANIZATION"}
    ]


def speech_noun_carries_quote(tree: Tree, tokens: list[Token], ancestors: dict[int, int], noun: int) -> bool:
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


NP_TAGS = ("NNP", "NNPS", "NN", "NNS", "PRP", "DT", "JJ", "POS", "CD", "HYPH")


def token_stream(ctx: QuoteContext, forward: bool, limit: int = 12):
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


def noun_phrase_head(run: list[tuple[int, Token]]) -> tuple[int, int] | None:
    """The head of a short noun phrase given in reading order: its last noun or pronoun."""
    for sentence, token in reversed(run):
        if token.pos.startswith(("NN", "PRP")) and token.pos != "PRP$":
            return sentence, token.index
    return None


def subject_by_words(before: list[tuple[int, Token]], k: int, sentence: int) -> tuple[int, int] | None:
    """The noun phrase that reads as the subject of the verb at ``before[k]`` (tokens nearest
    first): "Marc H. Morial, the chief executive of the National Urban League, forcefully
    told" -> Morial; adverbs and a parenthetical between commas are stepped over."""
    start = k + 1
    while start < len(before) and before[start][1].pos.startswith("RB"):
        start += 1
    if start < len(before) and before[start][1].word == ",":
        # 'Jiang Hui, whose mother was on MH370, said: "..."': the name stands before
        # the parenthetical that ends right before the verb
        commas = [
            j for j in range(start + 1, min(len(before), start + 30)) if before[j][1].word == "," and before[j][0] == sentence
        ]
        if commas:
            start = commas[0] + 1
    run = []
    end = start
    for s, t in before[start : start + 5]:
        if not t.pos.startswith(NP_TAGS) or s != sentence:
            break
        run.insert(0, (s, t))
        end += 1
    # "Protesters marching through the streets chanted": the people the participle describes,
    # not "the streets"
    if (
        end + 1 < len(before)
        and before[end][1].pos == "IN"
        and before[end + 1][1].pos == "VBG"
        and before[end + 1][0] == sentence
    ):
        described = subject_by_words(before, end + 1, sentence)
        if described is not None:
            return described
    return noun_phrase_head(run)
