"""The reported-speech rules: each reads the dependency parse of one sentence and yields the
statements its construction reports: the cue, its source (a noun phrase's head, or none)
and the content clause (a token range). Registered by name with ``@reported_rule``; the
docstring is the construction, with an example sentence; a construction test pins each.

Rules never call each other; what two rules share is a helper of this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from quotes.attribution.context import grammatical_subject
from quotes.attribution.registry import REPORTED_RULES, in_order, reported_rule
from quotes.attribution.syntax import Tree, case_words
from quotes.models import CueClass, Token
from quotes.reported.lexicon import (
    ATTITUDE_VERBS,
    CLAUSE_NOUNS,
    FINDING_SOURCES,
    FINDING_VERBS,
    INTENTION_VERBS,
    REPORTING_VERBS,
)
from quotes.attribution.lexicon import SPEECH_NOUNS, SPEECH_VERBS


@dataclass(frozen=True)
class ParsedSentence:
    """One sentence as the rules read it."""

    index: int  # sentence number in the document
    tokens: list[Token]
    tree: Tree
    quoted: frozenset[int]  # tokens inside quotation marks
    opens_paragraph: bool = False  # the first sentence of its paragraph
    paragraph_end: int = 0  # character offset where its paragraph ends


@dataclass(frozen=True)
class Found:
    rule: str
    cue_class: CueClass
    cue_first: int  # token range of the cue, inclusive
    cue_last: int
    source: int | None  # head token of the source mention
    content_first: int  # token range of the content, inclusive
    content_last: int
    content_end: int | None = None  # a character offset past the sentence (a transcript's answer)


_EDGE_PUNCTUATION = {",", ".", ":", ";", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP"}


def _span(tokens: list[Token], members: set[int] | list[int]) -> tuple[int, int] | None:
    """The token range of a set of tokens, without punctuation at either edge."""
    if not members:
        return None
    first, last = min(members), max(members)
    while first <= last and (tokens[first].pos in _EDGE_PUNCTUATION or tokens[first].word in {"--", "—", "–"}):
        first += 1
    while last >= first and (tokens[last].pos in _EDGE_PUNCTUATION or tokens[last].word in {"--", "—", "–"}):
        last -= 1
    return (first, last) if first <= last else None


# verbs whose that-clause is no one's statement: "be", "make sure", "mean", "so that"
_NOT_REPORTING = frozenset({"be", "make", "ensure", "mean", "have", "do", "get", "seem", "appear", "happen", "matter"})


def _verb_class(token: Token) -> CueClass | None:
    lemma = token.lemma.lower()
    if lemma in SPEECH_VERBS:
        return CueClass.speech_verb
    if lemma in FINDING_VERBS:
        return CueClass.finding
    if lemma in ATTITUDE_VERBS:
        return CueClass.attitude
    if lemma not in _NOT_REPORTING:
        return CueClass.attitude  # another verb with a that-clause: "she emphasized that ...", "he figures that ..."
    return None


def _source(s: ParsedSentence, verb: int) -> int | None:
    subject = grammatical_subject(s.tree, s.tokens, verb, s.quoted)
    if subject is None or subject in s.quoted:
        return None
    if s.tokens[subject].word.lower() in {"it", "there", "what", "which", "that", "this"}:
        return None  # "it is believed that": no one is named
    return subject


def _cue_class_for(s: ParsedSentence, verb: int, source: int | None) -> CueClass | None:
    kind = _verb_class(s.tokens[verb])
    if kind == CueClass.speech_verb and source is not None and s.tokens[source].lemma.lower() in FINDING_SOURCES:
        return CueClass.finding  # "the report said": a document reporting
    return kind


def _cue_range(s: ParsedSentence, verb: int) -> tuple[int, int]:
    """The cue word with its particle: "pointed out", "called for"."""
    last = verb
    for particle in s.tree.kids(verb, "compound:prt"):
        last = max(last, particle)
    return verb, last


def _is_a_circumstance(s: ParsedSentence, node: int) -> bool:
    """A trailing date or concession the parser hung on the content: "on Monday", "even
    though he found evidence"."""
    relation = s.tree.relation(node).split(":")[0]
    if (
        relation in {"obl", "nmod", "obl:tmod"}
        and s.tokens[node].ner in _TIME_NER
        and max(s.tree.subtree(node)) >= len(s.tokens) - 2
    ):
        return True
    marks = {s.tokens[m].word.lower() for m in s.tree.kids(node, "mark")}
    return relation == "advcl" and bool(marks & {"though", "although"})


def _clause_members(s: ParsedSentence, clause: int) -> list[int]:
    """The tokens of a content clause, without what the parser hung on it that belongs to
    the reporting clause: a participle after a comma ("..., echoing a memo") or a verb
    joined by "but" with no subject of its own ("..., but cautioned against ...")."""
    members = set(s.tree.subtree(clause))
    for relation, child in s.tree.children.get(clause, []):
        base = relation.split(":")[0]
        if child < clause:
            continue
        if any(s.tokens[c].word in {"—", "--", "–", ";"} for c in range(clause, min(s.tree.subtree(child)))):
            members -= set(s.tree.subtree(child))  # after a dash or semicolon: an aside, not the content
            continue
        comma_before = any(s.tokens[c].word == "," for c in range(max(clause, child - 3), child))
        if _is_a_circumstance(s, child):
            members -= set(s.tree.subtree(child))  # "... at a press conference Tuesday": when and where it was said
            continue
        if s.tokens[child].pos not in {"VBG", "VBD", "VBN", "VBZ"}:
            continue
        trailing_participle = (
            base in {"advcl", "xcomp", "dep", "conj", "parataxis"} and s.tokens[child].pos == "VBG" and comma_before
        )
        subjectless_but = (
            base == "conj"
            and not s.tree.kids(child, "nsubj")
            and any(s.tokens[c].word.lower() == "but" for c in s.tree.kids(child, "cc"))
        )
        # "adds that she has released her returns and called on Sanders to do the same": a
        # finite verb of another form, with no subject, goes on with the reporting clause
        other_form = (
            base == "conj"
            and not s.tree.kids(child, "nsubj")
            and s.tokens[child].pos in {"VBD", "VBZ", "VBP"}
            and s.tokens[child].pos != s.tokens[clause].pos
        )
        if trailing_participle or subjectless_but or other_form:
            members -= set(s.tree.subtree(child))
            members -= {c for c in range(child - 2, child) if s.tokens[c].word in {",", "but", "and"}}
    return sorted(members)


@reported_rule
def verb_with_clause(s: ParsedSentence) -> Iterator[Found]:
    """A speech, thought or finding verb with a clausal complement: "Trump said the wall would
    be paid for by Mexico", "she believes that the vote was rigged", "the study found that
    crime fell", "he asked whether the plan would work", "officials told reporters the test
    was "a clear violation"", and any other verb with a that-clause ("she emphasized that the
    deal was done"). The content is the whole complement clause."""
    for verb, token in enumerate(s.tokens):
        if not token.pos.startswith("VB") or verb in s.quoted:
            continue
        if token.lemma.lower() not in REPORTING_VERBS and not (
            token.lemma.lower() not in _NOT_REPORTING
            and any(
                s.tokens[m].word.lower() == "that" for c in s.tree.kids(verb, "ccomp") if c > verb for m in s.tree.kids(c, "mark")
            )
        ):
            continue
        clauses = [c for c in s.tree.kids(verb, "ccomp") if c > verb or s.tokens[verb].pos != "VBG"]
        # "Trump said he's not happy": a clause the parser made a small clause, with its own subject
        clauses += [c for c in s.tree.kids(verb, "xcomp") if c > verb and s.tree.kids(c, "nsubj")]
        if not clauses:
            continue
        source = _source(s, verb)
        kind = _cue_class_for(s, verb, source)
        if kind is None:
            continue
        for clause in clauses:
            span = _span(s.tokens, _clause_members(s, clause))
            if span is None:
                continue
            first, last = _cue_range(s, verb)
            yield Found(
                "verb_with_clause", kind, first, last, source, _content_before_a_parenthesis(s, verb, source, span[0]), span[1]
            )


# what may open a content clause before a ", police said," set in its middle
_OPENING_RELATIONS = frozenset({"advcl", "obl", "ccomp", "dep", "parataxis", "nmod"})


def _content_before_a_parenthesis(s: ParsedSentence, verb: int, source: int | None, start: int) -> int:
    """Where the content starts when the attribution sits in its middle, set off by commas:
    in "After being informed that he would be charged, police said, Lewandowski went to
    police headquarters" the opening clause is the content's, though the parser hangs it on
    "said". Else the clause's own start."""
    if source is None or source > verb:
        return start
    opening = min(s.tree.subtree(source))
    if opening == 0 or s.tokens[opening - 1].word != "," or verb + 1 >= len(s.tokens) or s.tokens[verb + 1].word != ",":
        return start
    before = [t for t in range(opening - 1) if s.tokens[t].pos not in _EDGE_PUNCTUATION]
    owned = set()
    for relation, child in s.tree.children.get(verb, []):
        if child >= opening or relation.split(":")[0] not in _OPENING_RELATIONS:
            continue
        if relation.startswith("advcl") and not s.tree.kids(child, "mark"):
            return start  # "Reflecting on his career, the leader said, ...": what the speaker did
        owned |= set(s.tree.subtree(child))
    return before[0] if before and set(before) <= owned else start


@reported_rule
def speech_verb_after_its_content(s: ParsedSentence) -> Iterator[Found]:
    """The source and speech verb after the content or set off by commas inside it, where
    the parser makes the content the main clause: "The plan was dropped, officials said.",
    "Many of the closures, he said, have involved public courses." The content is the main
    clause without the attribution."""
    for verb, token in enumerate(s.tokens):
        if not token.pos.startswith("VB") or verb in s.quoted or token.lemma.lower() not in _PARENTHETICAL_VERBS:
            continue
        relation, governor = s.tree.parent.get(verb, ("root", -1))
        if governor < 0 or relation.split(":")[0] not in {"parataxis", "ccomp", "dep", "advcl"}:
            continue
        if s.tree.kids(verb, "ccomp", "xcomp", "obj"):
            continue  # the verb has content of its own
        clause_like = s.tokens[governor].pos.startswith(("VB", "JJ")) or s.tree.kids(governor, "nsubj", "cop")
        # "The thing Mr. Rubio most needs, aides said, is for ...": a root the parser left a noun
        holds_a_verb = s.tree.head(governor) < 0 and any(
            s.tokens[t].pos.startswith("VB") for t in s.tree.subtree(governor) if t not in s.tree.subtree(verb)
        )
        if not (clause_like or holds_a_verb):
            continue  # a dateline or a label, not a clause: "NEW YORK (UPI), calling ..."
        attribution = set(s.tree.subtree(verb))
        # the parser may hang the commas that set the attribution off on its verb: look past them
        words = sorted(t for t in attribution if s.tokens[t].pos not in _EDGE_PUNCTUATION)
        before, after = words[0] - 1, words[-1] + 1
        set_off = before >= 0 and s.tokens[before].word in {",", "--", "—", "–"}
        if not set_off or (after < len(s.tokens) and s.tokens[after].pos not in _EDGE_PUNCTUATION and governor < verb):
            continue  # "X said" set off from the content by a comma, at the end or between commas
        source = _source(s, verb)
        if source is None or source < verb - 6 or source not in attribution:
            continue  # an inverted attribution names its source next to the verb
        kind = _cue_class_for(s, verb, source)
        if kind is None:
            continue
        span = _span(s.tokens, [t for t in s.tree.subtree(governor) if t not in attribution])
        if span is None:
            continue
        first, last = _cue_range(s, verb)
        yield Found("speech_verb_after_its_content", kind, first, last, source, *span)


# verbs that attribute from a parenthetical: "..., officials said."
_PARENTHETICAL_VERBS = frozenset(
    SPEECH_VERBS - {"refer", "continue", "put", "call", "read", "rule", "point", "cite", "quote", "title", "headline"}
) | frozenset({"believe", "think", "argue", "estimate"})


@reported_rule
def verb_with_infinitive(s: ParsedSentence) -> Iterator[Found]:
    """A verb of wanting, planning or saying with a to-infinitive: "Clinton wants to raise
    the minimum wage", "the senator declined to comment on the report", "he urged Congress
    to pass the bill". The content is the infinitive clause."""
    for verb, token in enumerate(s.tokens):
        if not token.pos.startswith("VB") or verb in s.quoted or token.lemma.lower() not in INTENTION_VERBS:
            continue
        clauses = [c for c in s.tree.kids(verb, "xcomp") if c > verb and s.tokens[c].pos.startswith("VB")]
        clauses = [c for c in clauses if any(s.tokens[m].word.lower() == "to" for m in s.tree.kids(c, "mark"))]
        if not clauses:
            continue
        source = _source(s, verb)
        kind = CueClass.speech_verb if token.lemma.lower() in SPEECH_VERBS else CueClass.attitude
        for clause in clauses:
            # "urged Congress to pass the bill": the one urged is part of what was urged
            objects = [o for o in s.tree.kids(verb, "obj") if verb < o < clause]
            members = _clause_members(s, clause) + (s.tree.subtree(objects[0]) if objects else [])
            span = _span(s.tokens, members)
            if span is None:
                continue
            first, last = _cue_range(s, verb)
            yield Found("verb_with_infinitive", kind, first, last, source, *span)


@reported_rule
def according_to(s: ParsedSentence) -> Iterator[Found]:
    """ "According to X" on a clause: "According to officials, the plan was dropped", "The
    plan, according to two aides, was dropped." The source is X; the content is the clause
    without the "according to" phrase."""
    for i, token in enumerate(s.tokens[:-1]):
        if token.word.lower() != "according" or s.tokens[i + 1].word.lower() != "to" or i in s.quoted:
            continue
        source = next(
            (n for n in range(i + 2, len(s.tokens)) if s.tree.head(n) < 0 or "according" in case_words(s.tree, s.tokens, n)), None
        )
        if source is None or "according" not in case_words(s.tree, s.tokens, source):
            source = s.tree.head(i) if s.tree.head(i) > i else None
        if source is None:
            continue
        clause = s.tree.head(source)
        while clause >= 0 and not s.tokens[clause].pos.startswith(("VB", "JJ", "NN")):
            clause = s.tree.head(clause)
        if clause < 0:
            # the phrase hangs at the root: the rest of the sentence is the content
            clause = next((n for n in range(len(s.tokens)) if s.tree.head(n) < 0), -1)
            if clause < 0:
                continue
        phrase = set(s.tree.subtree(source)) | {i, i + 1}
        rest = [t for t in s.tree.subtree(clause) if t not in phrase]
        before = [t for t in rest if t < i]
        after = [t for t in rest if t > max(phrase)]
        # content on one side of the phrase, or around it when it sits mid-clause
        side = after if len(after) >= len(before) * 2 else before if len(before) >= len(after) * 2 else rest
        span = _span(s.tokens, side)
        if span is None:
            continue
        yield Found("according_to", CueClass.according_to, i, i + 1, source, *span)


@reported_rule
def noun_with_that_clause(s: ParsedSentence) -> Iterator[Found]:
    """A speech or thought noun with a that-clause: "his claim that the election was rigged",
    "the statement that the company had complied", "fears that the deal would collapse".
    The source is the noun's owner ("his"), or the subject of the verb it is the object of
    ("Trump made the claim that ...")."""
    for noun, token in enumerate(s.tokens):
        if not token.pos.startswith("NN") or noun in s.quoted or token.lemma.lower() not in CLAUSE_NOUNS:
            continue
        clauses = [
            c
            for c in s.tree.kids(noun, "ccomp", "acl", "dep")
            if c > noun and any(s.tokens[m].word.lower() == "that" for m in s.tree.kids(c, "mark"))
        ]
        if not clauses:
            continue
        owners = s.tree.kids(noun, "nmod:poss")
        source: int | None = owners[0] if owners else None
        if source is None:
            relation, governor = s.tree.parent.get(noun, ("root", -1))
            if relation.split(":")[0] == "obj" and governor >= 0 and s.tokens[governor].pos.startswith("VB"):
                source = _source(s, governor)
        for clause in clauses:
            span = _span(s.tokens, s.tree.subtree(clause))
            if span is None:
                continue
            kind = CueClass.speech_noun if token.lemma.lower() in SPEECH_NOUNS else CueClass.attitude
            yield Found("noun_with_that_clause", kind, noun, noun, source, *span)


# what one speaks about: "spoke at length about her differences with Obama"
# "spoke about", "called for", "warned against": the topic or demand is what was said
_TOPIC_CASES = {"about", "on", "over", "of", "for", "against"}
_TALK_VERBS = frozenset(
    {
        "talk",
        "speak",
        "discuss",
        "focus",
        "testify",
        "comment",
        "write",
        "tweet",
        "complain",
        "joke",
        "warn",
        "brag",
        "boast",
        "argue",
    }
)


# verbs whose object is not what was said: the one spoken to or named ("called him a
# liar"), an object put somewhere, or a view's object that needs its "as"
_NOT_CONTENT_OBJECT = frozenset({"call", "tell", "ask", "name", "label", "dub", "term", "brand", "say"})
_NOT_A_REPORT = frozenset({"put", "support", "read", "rule"})
# circumstances of the saying, not its content: "criticized Clinton during a debate"
_CIRCUMSTANCE_CASES = frozenset({"during", "at", "after", "before", "since", "until", "amid", "despite", "while", "in"})
_ONLY_AS = frozenset({"see", "consider", "view", "regard", "describe", "characterize", "characterise"})
_TIME_NER = frozenset({"DATE", "TIME", "DURATION", "SET"})


def _right_complements(s: ParsedSentence, verb: int, head: int) -> list[int]:
    """The verb's complements after its object, before any comma: "for linking to ...",
    "in first 100 days", "to pass the bill" (not times: "on Monday")."""
    out = []
    for relation, child in sorted(s.tree.children.get(verb, []), key=lambda rc: rc[1]):
        if child <= head or relation.split(":")[0] not in {"obl", "advcl", "xcomp", "ccomp", "nmod"}:
            continue
        subtree = s.tree.subtree(child)
        if any(s.tokens[t].word in {",", ";", "--", "—"} for t in range(max(s.tree.subtree(head)) + 1, min(subtree))):
            break
        if s.tokens[child].ner in _TIME_NER or case_words(s.tree, s.tokens, child) & _CIRCUMSTANCE_CASES:
            continue
        out.append(child)
    return out


@reported_rule
def speech_verb_with_object(s: ParsedSentence) -> Iterator[Found]:
    """A speech verb whose object or topic is what was said: "Sanders announced his plan to
    break up the banks", "she criticized the decision to close the base", "he spoke at length
    about his differences with the president". The content is the noun phrase (two words
    or more)."""
    for verb, token in enumerate(s.tokens):
        lemma = token.lemma.lower()
        if (
            not token.pos.startswith("VB")
            or verb in s.quoted
            or not (lemma in SPEECH_VERBS or lemma in _TALK_VERBS or lemma in ATTITUDE_VERBS or lemma in FINDING_VERBS)
        ):
            continue
        if _clause_after_object(s, verb) is not None:
            continue  # the object is the subject of a clause the parser cut off
        if s.tree.kids(verb, "ccomp") or (lemma in INTENTION_VERBS and s.tree.kids(verb, "xcomp")):
            continue  # a clause is the content: verb_with_clause, verb_with_infinitive
        objects = [o for o in s.tree.kids(verb, "obj") if o > verb and s.tokens[o].pos.startswith(("NN", "CD"))]
        topics = [
            o
            for o in s.tree.kids(verb, "obl", "nmod")
            if o > verb
            and case_words(s.tree, s.tokens, o) & _TOPIC_CASES
            and s.tokens[o].pos.startswith("NN")
            and s.tokens[o].ner not in _TIME_NER  # "spoke for 20 minutes", "said on Monday"
        ]
        if lemma in _NOT_A_REPORT:
            continue
        if s.tree.kids(verb, "iobj") or lemma in _NOT_CONTENT_OBJECT:
            objects = []  # the object is the one spoken to or of: "called him a liar"
        if lemma in _ONLY_AS and not any("as" in case_words(s.tree, s.tokens, c) for c in s.tree.kids(verb, "obl", "advcl")):
            objects = []  # "see golf courses as wasted space" reports a view; "see photos below" does not
        if not token.pos.startswith("VB") or (token.pos == "VB" and not s.tree.kids(verb, "nsubj", "aux", "mark")):
            continue  # an imperative: "See photos from the debate below"
        for head in (objects + topics)[:1]:
            members = [t for t in s.tree.subtree(head) if not (t < head and t in s.tree.kids(head, "case"))]
            # "announced a plan to close the base": the parser hangs the noun's infinitive on the
            # verb; "blasted the report for linking to ...", "promises action in his first 100
            # days": what follows the object up to a comma is part of what was said
            members += [t for c in _right_complements(s, verb, head) for t in s.tree.subtree(c)]
            span = _span(s.tokens, members)
            if span is None or span[1] - span[0] < 1:
                continue
            source = _source(s, verb)
            first, last = _cue_range(s, verb)
            kind = (
                CueClass.speech_verb
                if lemma in SPEECH_VERBS or lemma in _TALK_VERBS
                else CueClass.finding
                if lemma in FINDING_VERBS
                else CueClass.attitude
            )
            yield Found("speech_verb_with_object", kind, first, last, source, *span)


def _clause_after_object(s: ParsedSentence, verb: int) -> tuple[int, int] | None:
    """The token range of a that-less clause the parser broke at its subject: in "the
    candidates say the United States must play a role" it makes "the United States" the
    object of "say" and "say" a modifier of "play". The clause runs from the object to the
    end of the verb's subtree that follows it."""
    objects = [o for o in s.tree.kids(verb, "obj") if o > verb]
    if not objects or s.tree.kids(verb, "iobj"):
        return None
    obj_tokens = s.tree.subtree(objects[0])
    after = max(obj_tokens) + 1
    if after >= len(s.tokens) or not (s.tokens[after].pos == "MD" or s.tokens[after].pos in {"VBZ", "VBD", "VBP"}):
        return None
    clause = after
    while s.tree.relation(clause).split(":")[0] in {"aux", "cop"} and s.tree.head(clause) > clause:
        clause = s.tree.head(clause)  # "must play", "is facing", "has fallen": the verb they serve
    if clause < 0 or clause < after or s.tree.kids(clause, "nsubj"):
        return None
    return min(obj_tokens), max(max(s.tree.subtree(clause)), after)


@reported_rule
def verb_with_clause_misparsed_as_object(s: ParsedSentence) -> Iterator[Found]:
    """A that-less clause after a speech or thought verb that the parser broke at its
    subject, making the subject the verb's object: "While the top candidates say the United
    States must play a prominent role, ...", "Trump thinks the country is being ripped off".
    The content runs from the clause's subject to its end."""
    for verb, token in enumerate(s.tokens):
        if not token.pos.startswith("VB") or verb in s.quoted or token.lemma.lower() not in REPORTING_VERBS:
            continue
        if token.lemma.lower() in {"call", "tell", "ask", "name", "label", "dub", "term", "brand", "describe"}:
            continue
        clause = _clause_after_object(s, verb)
        if clause is None:
            continue
        span = _span(s.tokens, list(range(clause[0], clause[1] + 1)))
        source = _source(s, verb)
        kind = _cue_class_for(s, verb, source)
        if span is None or kind is None:
            continue
        first, last = _cue_range(s, verb)
        yield Found("verb_with_clause_misparsed_as_object", kind, first, last, source, *span)


@reported_rule
def name_and_colon(s: ParsedSentence) -> Iterator[Found]:
    """A name and a colon opening a paragraph, in headlines and transcripts: "Ryan: Images
    like these have no place in a campaign", "CLINTON: We have to do better." The content
    runs to the end of the paragraph."""
    if not s.opens_paragraph:
        return
    colon = next((i for i, t in enumerate(s.tokens[:6]) if t.word == ":"), None)
    if colon is None or colon == 0 or colon + 2 >= len(s.tokens):
        return
    name = s.tokens[:colon]
    if not all(t.pos in {"NNP", "NNPS", "NN", "NNS"} and t.word[:1].isupper() for t in name):
        return
    yield Found("name_and_colon", CueClass.speech_verb, colon, colon, colon - 1, colon + 1, len(s.tokens) - 1, s.paragraph_end)


ORDER = (
    "verb_with_clause",  # Trump said the wall would be paid for by Mexico
    "speech_verb_after_its_content",  # The plan was dropped, officials said.
    "verb_with_infinitive",  # Clinton wants to raise the minimum wage
    "according_to",  # According to officials, the plan was dropped
    "noun_with_that_clause",  # his claim that the election was rigged
    "verb_with_clause_misparsed_as_object",  # the candidates say the United States must play a role
    "speech_verb_with_object",  # Sanders announced his plan to break up the banks
    "name_and_colon",  # CLINTON: We have to do better.
)

REPORTED_SIEVE = in_order(REPORTED_RULES, ORDER, "reported-speech rule")
