"""Read-only lookups over a Document: dependency trees, entities, coref, quote masks.

Built once per document (linear in its size) so that every rule is a cheap lookup.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from quotes.attribution.lexicon import NOT_NAMES, HONORIFICS, ROLE_NOUNS
from quotes.models import CorefChain, CorefMention, Document, EntityMention, QuoteSpan, Sentence, Token


@dataclass(frozen=True)
class TokenRef:
    sentence: int
    index: int


@dataclass
class Tree:
    """The basic dependency tree of one sentence."""

    parent: dict[int, tuple[str, int]] = field(default_factory=dict)  # dependent -> (relation, governor)
    children: dict[int, list[tuple[str, int]]] = field(default_factory=dict)

    def kids(self, index: int, *relations: str) -> list[int]:
        found = self.children.get(index, [])
        if not relations:
            return [d for _, d in found]
        return [d for r, d in found if r in relations or r.split(":")[0] in relations]

    def relation(self, index: int) -> str:
        return self.parent.get(index, ("root", -1))[0]

    def head(self, index: int) -> int:
        return self.parent.get(index, ("root", -1))[1]

    def subtree(self, index: int) -> list[int]:
        out, stack = [], [index]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(self.kids(node))
        return sorted(out)


def case_words(tree: Tree, tokens: list[Token], node: int) -> set[str]:
    """The prepositions that mark a node: {"of"} for "of the party", {"by"} for "by Smith"."""
    return {tokens[c].lemma.lower() for c in tree.kids(node, "case")}


def determiners(tree: Tree, tokens: list[Token], node: int) -> set[str]:
    """The determiners of a noun: {"the"} for "the expert", {"a"} for "a spokesman"."""
    return {tokens[d].lemma.lower() for d in tree.kids(node, "det")}


_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w.]*\s$")


def is_nickname(text: str, quote: QuoteSpan) -> bool:
    """A one- or two-word capitalised quotation between two capitalised words: the
    nickname inside a name, 'state Del. Marcia "Cia" Price', 'Dwayne "The Rock" Johnson'."""
    words = quote.text.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() or w.lower() in {"the", "of"} for w in words):
        return False
    before = text[max(0, quote.outer_start - 30) : quote.outer_start]
    after = text[quote.outer_end : quote.outer_end + 2]
    return bool(_CAPITALISED_WORD_BEFORE.search(before)) and after[:1] == " " and after[1:2].isupper()


class DocIndex:
    def __init__(self, document: Document, quotes: list[QuoteSpan]):
        self.doc = document
        self.text = document.text
        self.sentences = document.sentences
        self._sentence_starts = [s.start for s in document.sentences]
        self.trees = [self._tree(s) for s in document.sentences]
        self.entities = [
            _without_a_leading_title(document, e)
            for e in _split_at_verbs(document) + _untagged_names(document)
            if not _a_thing_named_like_a_person(document, e)
        ]
        self.entities.sort(key=lambda e: e.start)
        self._entity_starts = [e.start for e in self.entities]
        self.entity_at: dict[TokenRef, EntityMention] = {}
        for entity in self.entities:
            if all(
                t.pos.startswith(("PRP", "WP"))
                for t in document.sentences[entity.sentence].tokens[entity.token_start : entity.token_end]
            ):
                continue  # coref adds pronouns as PERSON mentions; they name nobody
            for i in range(entity.token_start, entity.token_end):
                self.entity_at[TokenRef(entity.sentence, i)] = entity
        self.chain_at: dict[TokenRef, tuple[CorefChain, CorefMention]] = {}
        for chain in document.coref_chains:
            for mention in chain.mentions:
                # the head token identifies the mention; inner tokens map too unless taken
                self.chain_at[TokenRef(mention.sentence, mention.head)] = (chain, mention)
        for chain in document.coref_chains:
            for mention in chain.mentions:
                for i in range(mention.token_start, mention.token_end):
                    self.chain_at.setdefault(TokenRef(mention.sentence, i), (chain, mention))
        self.relays: set[str] = set()  # names used only as channels ("according to the BBC")
        self.mention_counts: dict[str, int] = {}  # canonical name -> mentions, filled once names are known
        # quoted character ranges, sorted: a token inside any quote is never a cue or a speaker
        # (a nickname inside a name is part of the name: 'Marcia "Cia" Price shouted')
        masks = [q for q in quotes if not is_nickname(self.text, q)]
        self._quote_starts = [q.outer_start for q in masks]
        self._quote_ends = [q.outer_end for q in masks]
        self._masks = masks

    @staticmethod
    def _tree(sentence: Sentence) -> Tree:
        tree = Tree()
        for dep in sentence.basic_dependencies:
            if dep.governor < 0:
                continue
            tree.parent[dep.dependent] = (dep.relation, dep.governor)
            tree.children.setdefault(dep.governor, []).append((dep.relation, dep.dependent))
        return tree

    # -- positions ----------------------------------------------------------------------
    def sentence_at(self, char: int) -> int:
        """Index of the sentence containing (or last starting before) a character offset."""
        return max(0, bisect_right(self._sentence_starts, char) - 1)

    def sentences_overlapping(self, start: int, end: int) -> list[int]:
        if not self.sentences:
            return []
        first = self.sentence_at(start)
        out = []
        for i in range(first, len(self.sentences)):
            s = self.sentences[i]
            if s.start >= end:
                break
            if s.end > start:
                out.append(i)
        return out

    def quote_before(self, quote: QuoteSpan) -> QuoteSpan | None:
        """The quotation that closes last before ``quote`` opens, if any."""
        i = bisect_right(self._quote_starts, quote.outer_start) - 1
        while i >= 0 and self._masks[i].outer_end > quote.outer_start:
            i -= 1
        return self._masks[i] if i >= 0 else None

    def in_quote(self, token: Token) -> bool:
        i = bisect_right(self._quote_starts, token.start) - 1
        # quotes can nest, so look back over a few earlier openings
        for j in range(i, max(-1, i - 4), -1):
            if self._quote_starts[j] <= token.start and token.end <= self._quote_ends[j]:
                return True
        return False

    def entities_in_paragraphs_before(self, char: int, paragraphs: int) -> list[EntityMention]:
        """The entities that start before ``char`` in its paragraph and the ``paragraphs``
        before it, in text order: a window found by bisection, so that looking back from every
        pronoun of a long article stays linear."""
        paragraph = self.sentences[self.sentence_at(char)].paragraph if self.sentences else 0
        first = self.doc.paragraphs[max(0, paragraph - paragraphs)].start if self.doc.paragraphs else 0
        return self.entities[bisect_left(self._entity_starts, first) : bisect_left(self._entity_starts, char)]

    def token(self, ref: TokenRef) -> Token:
        return self.sentences[ref.sentence].tokens[ref.index]

    def span_text(self, sentence: int, first: int, last: int) -> tuple[str, int, int]:
        toks = self.sentences[sentence].tokens
        start, end = toks[first].start, toks[last].end
        return self.text[start:end], start, end

    def entity(self, sentence: int, index: int) -> EntityMention | None:
        return self.entity_at.get(TokenRef(sentence, index))


def _a_thing_named_like_a_person(document: Document, entity: EntityMention) -> bool:
    """'The Bill would require providers to store "metadata"': one capitalised word after
    "the" or "a" is a thing, not Bill Shorten by his first name."""
    if entity.ner != "PERSON" or entity.token_end - entity.token_start != 1 or entity.token_start == 0:
        return False
    before = document.sentences[entity.sentence].tokens[entity.token_start - 1]
    return before.word.lower() in {"the", "a", "an", "this", "that"}


_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|man|woman)s?$")


def _without_a_leading_title(document: Document, entity: EntityMention) -> EntityMention:
    """A person's name without the common noun NER ran into it at the start of a sentence:
    "Recruiter Shannon Barlow said" names Shannon Barlow, a recruiter (the tagger calls
    "Recruiter" a common noun; the noun stays outside the name, as a role). Only a sentence's
    first word that reads as a noun for what someone does ("-er", "-or", "-ist", ...): the
    tagger also calls rare first names common nouns ("Melba Acosta Febo")."""
    tokens = document.sentences[entity.sentence].tokens
    start = entity.token_start
    if (
        entity.ner == "PERSON"
        and start == 0
        and entity.token_end - start >= 3
        and tokens[0].pos in {"NN", "NNS"}
        and tokens[1].pos == "NNP"
        and _AGENT_NOUN.search(tokens[0].word.lower())
    ):
        start = 1
    if start == entity.token_start:
        return entity
    return entity.model_copy(
        update=dict(token_start=start, start=tokens[start].start, text=document.text[tokens[start].start : entity.end])
    )


def _split_at_verbs(document: Document) -> list[EntityMention]:
    """The document's entities, with NER runs over title-case headlines cut at their verbs:
    "Chris Christie Calls Hillary Clinton 'A Disgrace'" comes back as one PERSON, "Trump
    Calls DeepSeek ..." as "Trump Calls" ORGANIZATION. A name holds no verb, so such a run
    is cut at the verbs the tagger saw into the names on either side, and each part takes
    the type the rest of the article gives the same surname ("Trump" is a PERSON there). An
    entity that is all verb is kept only when the article names the same word elsewhere."""

    def has_verb(e: EntityMention) -> bool:
        tokens = document.sentences[e.sentence].tokens
        return any(t.pos.startswith("VB") for t in tokens[e.token_start : e.token_end])

    votes: dict[str, dict[str, int]] = {}
    for e in document.entities:
        if not has_verb(e):
            last = e.text.split()[-1].lower() if e.text.split() else ""
            votes.setdefault(last, {}).setdefault(e.ner, 0)
            votes[last][e.ner] += 1
    out: list[EntityMention] = []
    for entity in document.entities:
        if not has_verb(entity):
            out.append(entity)
            continue
        tokens = document.sentences[entity.sentence].tokens
        words = entity.text.split()
        if all(t.pos.startswith("VB") for t in tokens[entity.token_start : entity.token_end]) and words:
            # a surname the tagger took for a verb ("Husted continued", Husted/VBN): a name
            # when the article names it elsewhere as an entity the tagger did read as a name
            seen = votes.get(words[-1].lower(), {})
            if seen:
                out.append(entity.model_copy(update=dict(ner=max(seen, key=seen.get))))
            continue
        run: list[int] = []
        for i in [*range(entity.token_start, entity.token_end), None]:
            if i is not None and not tokens[i].pos.startswith("VB"):
                run.append(i)
                continue
            if run and any(tokens[k].pos.startswith("NNP") for k in run):
                first, last = tokens[run[0]], tokens[run[-1]]
                seen = votes.get(last.word.lower(), {})
                ner = max(seen, key=seen.get) if seen else entity.ner
                out.append(
                    entity.model_copy(
                        update=dict(
                            token_start=run[0],
                            token_end=run[-1] + 1,
                            start=first.start,
                            end=last.end,
                            text=document.text[first.start : last.end],
                            ner=ner,
                        )
                    )
                )
            run = []
    return out


def _untagged_names(document: Document) -> list[EntityMention]:
    """Proper nouns NER left untagged but the article repeats: new company names
    ("DeepSeek" x13, tagged O by a model trained before it existed). A run of NNP tokens
    tagged O, not next to a tagged name (that is a title: "US President Donald Trump"),
    seen at least twice, counts as an organisation: people's names are what NER knows best."""
    runs: list[tuple[Sentence, int, int]] = []
    for sentence in document.sentences:
        tokens = sentence.tokens
        i = 0
        while i < len(tokens):
            if tokens[i].pos in {"NNP", "NNPS"} and tokens[i].ner == "O" and tokens[i].word[:1].isupper():
                j = i
                while j + 1 < len(tokens) and tokens[j + 1].pos in {"NNP", "NNPS"} and tokens[j + 1].ner == "O":
                    j += 1
                before = tokens[i - 1].ner if i > 0 else "O"
                after = tokens[j + 1].ner if j + 1 < len(tokens) else "O"
                if before == "O" and after == "O" and j - i < 3:
                    runs.append((sentence, i, j + 1))
                i = j + 1
            else:
                i += 1
    counts: dict[str, int] = {}
    for sentence, i, j in runs:
        key = " ".join(t.word for t in sentence.tokens[i:j])
        counts[key] = counts.get(key, 0) + 1
    found = []
    for sentence, i, j in runs:
        key = " ".join(t.word for t in sentence.tokens[i:j])
        # (a title is not a name however often it recurs: "The High Commissioner called on ...")
        if (
            counts[key] >= 2
            and any(c.islower() for c in key)
            and key.lower() not in NOT_NAMES
            and sentence.tokens[j - 1].lemma.lower() not in ROLE_NOUNS
        ):
            ner = "ORGANIZATION"
            if j - i > 1 and sentence.tokens[i].lemma.lower() in HONORIFICS:
                i, ner = i + 1, "PERSON"  # "President Xi" (NER left "Xi" untagged): a person with a title
            toks = sentence.tokens[i:j]
            found.append(
                EntityMention(
                    sentence=sentence.index,
                    token_start=i,
                    token_end=j,
                    start=toks[0].start,
                    end=toks[-1].end,
                    text=document.text[toks[0].start : toks[-1].end],
                    ner=ner,
                )
            )
    return found


# Capitalised words that are not names, however often they recur.
