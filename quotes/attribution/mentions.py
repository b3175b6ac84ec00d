"""What a speaker mention can be, read off the article: a name in an apposition, the author
of a document, a relation of someone named, the issuer of a statement mentioned before, a
coreference chain's name, a description kept as it is written. The resolvers (resolvers.py)
are built from these."""

from __future__ import annotations

import re

from quotes.attribution.lexicon import (
    DOCUMENT_NOUNS,
    GENDERED_NOUNS,
    HONORIFICS,
    ORGANISATION_NOUNS,
    PEOPLE_NOUNS,
    PERSONAL_PRONOUNS,
    ROLE_NOUNS,
    SPOKES_NOUNS,
)
from quotes.attribution.names import NameBook, clean_name, without_article
from quotes.attribution.syntax import DocIndex, TokenRef, case_words, determiners
from quotes.attribution.context import Cue, RECENCY_PARAGRAPHS, mention_span, subject_of
from quotes.attribution.roles import the_one_titled
from quotes.attribution.salience import named_in
from quotes.models import SpeakerType


def relation_of_someone_named(index: DocIndex, book: NameBook, ref: TokenRef, head) -> str | None:
    """'the family of Amy Clarke', 'Brzeski's colleague': people described by their relation
    to a named person are not that person, and not whoever was named last; they are kept
    under the description, with the name in it."""
    lemma = head.lemma.lower()
    # 'Sanders's chief strategist' is no more Sanders than 'Brzeski's colleague' is Brzeski
    if (lemma not in PEOPLE_NOUNS and lemma not in ROLE_NOUNS) or lemma in SPOKES_NOUNS or not head.pos.startswith("NN"):
        return None
    tree = index.trees[ref.sentence]
    tokens = index.sentences[ref.sentence].tokens
    related = tree.kids(ref.index, "nmod:poss") + [m for m in tree.kids(ref.index, "nmod") if "of" in case_words(tree, tokens, m)]
    for other in related:
        entity = index.entity(ref.sentence, other)
        if entity is None or entity.ner != "PERSON" or not book.canonical_for_entity(entity):
            continue
        o_first, o_last = mention_span(tree, tokens, other)
        text, _, _ = index.span_text(ref.sentence, min(o_first, ref.index), max(o_last, ref.index))
        return without_article(clean_name(text)) or None
    return None


def untagged_proper_name(index: DocIndex, book: NameBook, cue: Cue, head):
    """A capitalised plural or organisation-like proper noun phrase as the speaker, which NER
    left untagged ("the Liberal Democrats", "the Friends of Eastgate Library"): named as
    written. A single capitalised word that is no plural is left alone (it is as likely a
    sentence-initial common word or a place)."""
    if head.pos not in {"NNPS", "NNP"}:
        return None
    text, _, _ = index.span_text(cue.mention.sentence, cue.mention_first, cue.mention_last)
    name = re.sub(r"^(?:the)\s+", "", clean_name(text), flags=re.I)
    words = name.split()
    if not words or not all(w[:1].isupper() or w.lower() in {"of", "for", "and", "the"} for w in words):
        return None
    organisation_like = head.pos == "NNPS" or any(w.lower() in ORGANISATION_NOUNS for w in words)
    if not organisation_like:
        return None
    if len(words) == 1 and not any(
        t.word == head.word and t.index > 0 for s in index.sentences for t in s.tokens if t is not head
    ):
        return None  # "Acts of protest, Mr. Obama said": capitalised only as a sentence's first word
    book.add_unlisted(name, SpeakerType.organisation, text)
    return name, SpeakerType.organisation, f"proper name, not tagged by NER ({cue.rule})"


def appositions(index: DocIndex, tree, ref: TokenRef) -> list[int]:
    """Appositions that may name a described speaker: its own ("The environment secretary,
    Steve Reed, said"), then, for a common-noun description, a person's name in apposition
    deeper in it, where the parser hung the name on the last noun ("The chief executive of
    the chemicals group BASF, Martin Brudermüller, wrote")."""
    found = tree.kids(ref.index, "appos")
    tokens = index.sentences[ref.sentence].tokens
    if tokens[ref.index].pos == "NN":
        # "a neuroscientist and Argenica CEO Dr Liz Dallimore explains": two descriptions of
        # one person, the second with the name (the parser coordinates them); "Franklin's
        # mother Sarah-Ann Taylor says" (the name hung loosely on the description)
        for node in tree.kids(ref.index, "conj", "dep"):
            entity = index.entity(ref.sentence, node)
            if entity is not None and entity.ner == "PERSON" and node not in found:
                found.append(node)
    if tokens[ref.index].pos in {"NN", "NNS"}:
        for node in tree.subtree(ref.index):
            if node not in found and tree.relation(node) == "appos" and tree.head(node) != ref.index:
                entity = index.entity(ref.sentence, node)
                if entity is not None and entity.ner == "PERSON":
                    found.append(node)
        # "China's ambassador to Britain Liu Xiaming has said": a title that runs into the
        # name without a comma; the parser hangs the name on the place or body
        subtree = set(tree.subtree(ref.index))
        for node in sorted(subtree):
            entity = index.entity(ref.sentence, node)
            if node <= ref.index or entity is None or entity.ner != "PERSON" or node != entity.token_start:
                continue
            before = tokens[node - 1]
            preposition = [t for t in tokens[ref.index + 1 : node] if t.pos == "IN"]
            run_into_name = (
                before.pos == "NNP"
                and (index.entity(ref.sentence, node - 1) or entity).ner != "PERSON"
                and preposition
                and preposition[0].lemma.lower() in {"of", "to", "at"}
                and all(t.pos in {"IN", "NNP", "DT", "POS"} for t in tokens[ref.index + 1 : node])
            )
            # "Liberal Democrat spokeswoman for women Sandra Gidley said": the name closes the
            # subject, right before its verb
            closes_subject = (
                entity.token_end < len(tokens)
                and tokens[entity.token_end].pos.startswith(("VB", "MD"))
                and all(t.word not in {",", "(", "-"} for t in tokens[ref.index + 1 : node])
            )
            if (run_into_name or closes_subject) and entity.token_end - 1 in subtree:
                found.append(entity.token_end - 1)
            break
    return found


def unlisted_full_name(index: DocIndex, book: NameBook, sentence: int, first: int, head: int):
    """A first-and-last name in apposition that NER did not tag ("Brzeski's colleague,
    economist Inga Fechner, said"): two or more capitalised proper nouns ending at the head."""
    tokens = index.sentences[sentence].tokens
    if tokens[head].pos != "NNP":
        return None
    start = head
    while start - 1 >= first and tokens[start - 1].pos == "NNP" and tokens[start - 1].word[:1].isupper():
        start -= 1
    if head - start < 1 or not all(
        t.word[:1].isupper() and t.word[1:].islower() and t.ner in {"O", "PERSON"} for t in tokens[start : head + 1]
    ):
        return None  # "(D-Newport News)" is a place, whatever the parser made of it
    if start > 0 and tokens[start - 1].word in {"(", "-LRB-", "-", "–"}:
        return None
    name = " ".join(t.word for t in tokens[start : head + 1])
    book.add_unlisted(name, SpeakerType.person, name)
    return name, SpeakerType.person


def issuer_of_the_document(index: DocIndex, book: NameBook, ref: TokenRef, head):
    """'"...," the statement said' after 'the US military said in a statement': the one who
    issued the document the article mentioned before, read where it was first mentioned: the
    subject of the verb it hangs on ("said in a statement", "In its latest report, the OECD
    cut ..."), its author ("a report by the OECD") or its named owner ("Bell's statement")."""
    tree = index.trees[ref.sentence]
    tokens = index.sentences[ref.sentence].tokens
    if not determiners(tree, tokens, ref.index) & {"the", "this", "that"}:
        return None
    start_para = index.sentences[ref.sentence].paragraph
    lemma = head.lemma.lower()
    for s in range(ref.sentence, -1, -1):
        if start_para - index.sentences[s].paragraph > RECENCY_PARAGRAPHS:
            break
        s_tree, s_tokens = index.trees[s], index.sentences[s].tokens
        for i in range(len(s_tokens) - 1, -1, -1):
            if (
                (s == ref.sentence and i >= ref.index)
                or s_tokens[i].lemma.lower() != lemma
                or s_tokens[i].pos not in {"NN", "NNS"}
                or index.in_quote(s_tokens[i])
            ):
                continue
            owners = [m for m in s_tree.kids(i, "nmod") if case_words(s_tree, s_tokens, m) & {"by", "from"}]
            owners += s_tree.kids(i, "nmod:poss")
            verb = s_tree.head(i)
            if verb >= 0 and s_tokens[verb].pos.startswith("VB") and s_tree.relation(i).split(":")[0] in {"obl", "obj"}:
                subject = subject_of(s_tree, s_tokens, verb)
                if subject is not None:
                    owners.append(subject)
            for owner in owners:
                first, last = mention_span(s_tree, s_tokens, owner)
                named = named_in(index, book, s, first, last, owner)
                if named:
                    return named
                if s_tokens[owner].lemma.lower() in ORGANISATION_NOUNS and s_tokens[owner].pos == "NN":
                    # "the US military said in a statement", "a group of black parents sent a letter"
                    for member in s_tree.kids(owner, "nmod"):
                        if "of" in case_words(s_tree, s_tokens, member):
                            last = max(last, mention_span(s_tree, s_tokens, member)[1])
                    text, _, _ = index.span_text(s, first, last)
                    name = without_article(clean_name(text))
                    if name:
                        book.add_unlisted(name, SpeakerType.organisation, text)
                        return name, SpeakerType.organisation
    return None


def described_before(book: NameBook, head) -> str | None:
    """The latest unnamed speaker kept under a description with this noun at its end ("one
    legal expert" for "the expert")."""
    for name, speaker in reversed(book.speakers.items()):
        if (
            speaker.type == SpeakerType.unknown
            and name.lower().split()[-1:] in ([head.word.lower()], [head.lemma.lower()])
            and len(name.split()) > 1
        ):
            return name
    return None


def described(index: DocIndex, book: NameBook, cue: Cue, ref: TokenRef, head):
    """A speaker the article describes but does not name: (name, type, evidence, how), where
    how is the issuer of a document mentioned before, the one person given that title, or
    the description kept as written; None when the noun cannot speak."""
    if head.lemma.lower() in DOCUMENT_NOUNS and (issuer := issuer_of_the_document(index, book, ref, head)):
        return issuer[0], issuer[1], f"issued the {head.word.lower()} mentioned before ({cue.rule})", "issuer_of_the_document"
    if not head.pos.startswith("NN") or not (
        may_be_speaker_noun(index, ref, head) or head.lemma.lower() in DOCUMENT_NOUNS or head.lemma.lower() in ROLE_NOUNS
    ):
        return None
    text, _, _ = index.span_text(ref.sentence, cue.mention_first, cue.mention_last)
    # "A federal judge ... calling it "..."" in the lede, "U.S. District Judge Maria Delgado"
    # further down: the one person the article gives that title is the one described
    if head.pos in {"NN", "NNP"} and head.lemma.lower() not in ORGANISATION_NOUNS | DOCUMENT_NOUNS | SPOKES_NOUNS:
        titled = the_one_titled(book, head)
        if titled:
            return (
                titled,
                SpeakerType.person,
                f"described as '{clean_name(text)}', a title the article gives {titled} ({cue.rule})",
                "the_one_described_by_that_title",
            )
    kind = SpeakerType.organisation if head.lemma.lower() in ORGANISATION_NOUNS else SpeakerType.unknown
    name = without_article(clean_name(text))
    if not name:
        return None
    book.add_unlisted(name, kind, text)
    return name, kind, f"described, not named ({cue.rule})", "kept_as_described"


def through_coref(index: DocIndex, book: NameBook, ref: TokenRef):
    found = index.chain_at.get(ref)
    if not found:
        return None
    chain, own = found
    mine = PERSONAL_PRONOUNS.get(own.text.lower())
    own_head = index.token(ref)
    if mine in {"MALE", "FEMALE"}:
        # a chain whose other pronouns are mostly of the other gender has swallowed this
        # one by mistake ("Ortiz ... she ... her ... he wrote")
        others = [PERSONAL_PRONOUNS.get(m.text.lower()) for m in chain.mentions if m is not own]
        if others.count("FEMALE" if mine == "MALE" else "MALE") > others.count(mine):
            return None
    ordered = [chain.mentions[chain.representative]] + chain.mentions
    for mention in ordered:
        if mention is own:
            continue
        if mention.sentence > ref.sentence:
            continue  # news names people before it refers back to them: a later name in the chain is a coref slip
        if index.in_quote(index.sentences[mention.sentence].tokens[mention.head]):
            continue  # '"The mayor is selling a dream," he wrote': the quote's mayor is not "he"
        head = index.sentences[mention.sentence].tokens[mention.head]
        kin = relation_of_someone_named(index, book, TokenRef(mention.sentence, mention.head), head)
        if kin:
            book.add_unlisted(kin, SpeakerType.unknown, kin)
            return kin, SpeakerType.unknown
        if mine == "PLURAL" and head.lemma.lower() in ORGANISATION_NOUNS and head.pos == "NN":
            # "Clinton's campaign is seeking to contrast her approach with what they call ...":
            # "they" is the campaign, not Clinton
            name = without_article(clean_name(mention.text))
            book.add_unlisted(name, SpeakerType.organisation, mention.text)
            return name, SpeakerType.organisation
        named = named_in(index, book, mention.sentence, mention.token_start, mention.token_end - 1, mention.head, mine)
        if named and (mine == "PLURAL" or own_head.pos == "NNS") and named[1] == SpeakerType.person:
            continue  # "they" and "the judges" are never one person
        if named and mine in {"MALE", "FEMALE"} and named[1] == SpeakerType.organisation:
            continue  # nor is "he" a company
        if named and mine in {"MALE", "FEMALE"} and book.genders.get(named[0], mine) != mine:
            continue  # "she" in a chain that slipped onto "Bill Clinton"
        if named:
            return named
    return None


def a_person_described(index: DocIndex, ref: TokenRef, head) -> bool:
    """A common noun for one person ("captain", "chief executive", "professor"), not a body
    or someone who speaks for one (a spokesman speaks for the company named)."""
    lemma = head.lemma.lower()
    if head.pos != "NN" or lemma in ORGANISATION_NOUNS | SPOKES_NOUNS | DOCUMENT_NOUNS:
        return False
    if lemma in PEOPLE_NOUNS or lemma in GENDERED_NOUNS or lemma in HONORIFICS or lemma in ROLE_NOUNS or head.ner == "TITLE":
        return True
    found = index.chain_at.get(ref)
    return bool(found and found[1].animacy == "ANIMATE")


def may_be_speaker_noun(index: DocIndex, ref: TokenRef, head) -> bool:
    """Could this noun be someone who speaks: a person, a body, or a document that "says"?"""
    lemma = head.lemma.lower()
    if (
        lemma in ORGANISATION_NOUNS
        or lemma in SPOKES_NOUNS
        or lemma in HONORIFICS
        or lemma in PEOPLE_NOUNS
        or lemma in GENDERED_NOUNS
    ):
        return True
    found = index.chain_at.get(ref)
    return bool(found and found[1].animacy == "ANIMATE")


def wanted_type(head) -> SpeakerType | None:
    word = head.word.lower()
    if word in {"he", "she", "him", "her", "his"}:
        return SpeakerType.person
    if word in {"it", "its"}:
        return SpeakerType.organisation
    if head.pos.startswith("NN"):
        return SpeakerType.organisation if head.lemma.lower() in ORGANISATION_NOUNS else SpeakerType.person
    return None
