"""Titles and descriptions an article gives a named person ("US President Donald Trump",
"Marina Zhang, an associate professor at ..."), and who holds a title a later mention uses."""

from __future__ import annotations

import re

from quotes.attribution.lexicon import HONORIFICS, ROLE_NOUNS
from quotes.attribution.names import NameBook, clean_name
from quotes.attribution.syntax import DocIndex, case_words
from quotes.attribution.context import Cue, RECENCY_PARAGRAPHS, mention_span
from quotes.models import SpeakerType


TITLE_ABBREVIATIONS = {"pm": "prime minister", "cm": "chief minister", "fm": "finance minister"}


def last_titled(index: DocIndex, book: NameBook, cue: Cue, head) -> str | None:
    """The person last named, within a few paragraphs before a description, whose roles hold
    every word of it: "the prime minister" -> Prime Minister Anthony Albanese, "the minister"
    after "Foreign Minister Wang Yi met ..." -> Wang Yi, "the PM" -> the prime minister."""
    text, _, _ = index.span_text(cue.mention.sentence, cue.mention_first, cue.mention_last)
    words = [w for w in re.findall(r"[\w-]+", text.lower()) if w not in {"the", "a", "an", "its", "their", "his", "her"}]
    words = " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in words).split()
    if not words:
        return None
    for entity in reversed(index.entities_in_paragraphs_before(head.start, RECENCY_PARAGRAPHS)):
        name = book.canonical_for_entity(entity)
        if not name or book.speakers[name].type != SpeakerType.person:
            continue
        if book.speakers[name].holds_title(TITLE_ABBREVIATIONS.get(head.word.lower(), head.word.lower()).split()[-1], set(words)):
            return name
    return None


def the_one_titled(book: NameBook, head) -> str | None:
    """The one person the article gives this title ("captain" in "Leeds captain Ethan
    Ampadu"), or None when nobody or several have it."""
    word = head.word.lower()
    titled = [s.name for s in book.speakers.values() if s.type == SpeakerType.person and s.holds_title(word)]
    return titled[0] if len(titled) == 1 else None


def is_title(token) -> bool:
    """A noun for what someone is ("minister", "captain", "ambassador"), not a relation
    ("family", "colleague")."""
    lemma = token.lemma.lower()
    return lemma in ROLE_NOUNS or lemma in HONORIFICS or token.ner == "TITLE"


def collect_roles(index: DocIndex, book: NameBook) -> None:
    """Titles and descriptions the article gives a named person:
    "US President Donald Trump" -> "US President"; "Marina Zhang, an associate professor at
    the University of Technology Sydney" -> "associate professor at the University of ..."."""
    for entity in index.entities:
        canonical = book.canonical_for_entity(entity)
        if not canonical:
            continue
        speaker = book.speakers[canonical]
        tree = index.trees[entity.sentence]
        tokens = index.sentences[entity.sentence].tokens
        head = entity.token_end - 1
        first, _ = mention_span(tree, tokens, head)
        governor = tree.head(head)
        if (
            entity.ner == "PERSON"
            and tree.relation(head).startswith("nmod")
            and 0 <= governor < entity.token_start
            and tokens[governor].pos == "NN"
            and is_title(tokens[governor])
            and case_words(tree, tokens, head) & {"of", "to", "at"}
        ):
            # "China's ambassador to Britain Liu Xiaming": the title runs into the name
            first = mention_span(tree, tokens, governor)[0]
        while first < entity.token_start and (
            tokens[first].pos in {"DT", "PRP$", "POS", "IN", "VBG", "TO"} or tree.relation(first) == "case"
        ):
            first += 1
        if first < entity.token_start:
            words = index.text[tokens[first].start : tokens[entity.token_start - 1].end]
            if clean_name(words + " X") != "X" and not index.in_quote(tokens[first]):
                speaker.add_role(words)
        # "Marina Zhang, an associate professor at ...", and the other way round: "The
        # state's attorney general, Kevin Marsh, said"
        described_by = [a for a in tree.kids(head, "appos")]
        if tree.relation(head) == "appos" and tree.head(head) >= 0:
            described_by.append(tree.head(head))
        for appos in described_by:
            if not tokens[appos].pos.startswith("NN") or index.entity(entity.sentence, appos) is not None:
                continue
            sub = _role_tokens(tree, appos, exclude=head)
            text = index.text[tokens[sub[0]].start : tokens[sub[-1]].end]
            if not index.in_quote(tokens[sub[0]]):
                speaker.add_role(text)


def _role_tokens(tree, node: int, exclude: int) -> list[int]:
    """A description's words without its relative clauses and appositions ("director of
    the Voter Access Project, which brought the suit" -> "director of the Voter Access
    Project"), and without the name it describes."""
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        out.append(current)
        for relation, child in tree.children.get(current, []):
            if child != exclude and not relation.startswith(("acl:relcl", "appos")):
                stack.append(child)
    out.sort()
    # keep the contiguous run around the head: a gap means something was cut out after it
    run = [node]
    for i in range(out.index(node) - 1, -1, -1):
        if out[i] == run[0] - 1:
            run.insert(0, out[i])
        else:
            break
    for i in range(out.index(node) + 1, len(out)):
        if out[i] == run[-1] + 1:
            run.append(out[i])
        else:
            break
    return run
