"""Resolving a cue's mention to a speaker: an ordered sieve of named resolvers.

Each resolver reads one ``Mention`` (the cue's head token in its sentence, with the article
facts) and returns a ``Resolution`` (canonical name, type, evidence, its own name), or None
to hand over to the next. A resolver that recognises the mention but finds nobody returns a
Resolution without a name: the sieve stops there ("a spokesman for the company" is someone
new, never whoever was named last). The resolver's name is stored beside the rule's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from quotes.attribution.context import Cue
from quotes.attribution.facts import ArticleFacts
from quotes.attribution.lexicon import (
    DOCUMENT_NOUNS,
    GENDERED_NOUNS,
    ORGANISATION_NOUNS,
    PEOPLE_NOUNS,
    PERSONAL_PRONOUNS,
    PLACE_NER,
    ROLE_NOUNS,
    SPOKES_NOUNS,
)
from quotes.attribution.mentions import (
    a_person_described,
    appositions,
    described,
    described_before,
    may_be_speaker_noun,
    relation_of_someone_named,
    through_coref,
    unlisted_full_name,
    untagged_proper_name,
    wanted_type,
)
from quotes.attribution.names import clean_name
from quotes.attribution.registry import RESOLVERS, in_order, resolver
from quotes.attribution.roles import is_title, last_titled, the_one_titled
from quotes.attribution.salience import most_recent, named_in, subject_above, the_more_salient
from quotes.attribution.syntax import TokenRef, case_words, determiners
from quotes.models import SpeakerType

# the party label's state in "Mitch McConnell, R-Ky., said" is no government speaking
_SHORTEST_PLACE_NAME = 4


@dataclass(frozen=True)
class Resolution:
    name: str | None  # canonical name; None: recognised, but nobody to name
    type: SpeakerType
    evidence: str
    resolver: str


@dataclass
class Mention:
    """The mention a cue rests on, as the resolvers read it."""

    facts: ArticleFacts
    cue: Cue

    @property
    def ref(self) -> TokenRef:
        return self.cue.mention

    @cached_property
    def tree(self):
        return self.facts.index.trees[self.ref.sentence]

    @cached_property
    def tokens(self):
        return self.facts.index.sentences[self.ref.sentence].tokens

    @property
    def head(self):
        return self.tokens[self.ref.index]

    @property
    def lemma(self) -> str:
        return self.head.lemma.lower()

    @property
    def is_description(self) -> bool:
        return self.head.pos in {"NN", "NNS"}

    @cached_property
    def determiners(self) -> set[str]:
        return determiners(self.tree, self.tokens, self.ref.index)

    @cached_property
    def name_starts(self) -> int:
        """Where a name inside the mention may start: in "Brzeski's colleague" the name is the
        colleague's relation, not the colleague."""
        first = self.cue.mention_first
        if (self.lemma in PEOPLE_NOUNS or self.lemma in ROLE_NOUNS) and self.lemma not in SPOKES_NOUNS:
            for owner in self.tree.kids(self.ref.index, "nmod:poss"):
                first = max(first, max(self.tree.subtree(owner)) + 1)
        return first

    def found(self, name: str | None, kind: SpeakerType, evidence: str, by: str) -> Resolution:
        return Resolution(name, kind, f"{evidence} ({self.cue.rule})", by)

    def kept_as_described(self, by: str) -> Resolution:
        """The speaker the text describes: the issuer of a document mentioned before, the one
        person given that title, or the description itself (resolver ``by``, with the first
        two as ``by/how``); a Resolution without a name when the noun cannot speak."""
        found = described(self.facts.index, self.facts.book, self.cue, self.ref, self.head)
        if found is None:
            return Resolution(None, SpeakerType.unknown, f"nobody the description could be ({self.cue.rule})", by)
        name, kind, evidence, how = found
        return Resolution(name, kind, evidence, by if how == "kept_as_described" else f"{by}/{how}")


def resolve(facts: ArticleFacts, cue: Cue) -> Resolution | None:
    """The first resolver's answer for the cue's mention; None when none names anyone."""
    mention = Mention(facts, cue)
    for step in RESOLVER_SIEVE:
        found = step(mention)
        if found is not None:
            return found if found.name is not None else None
    return None


def _named_in_apposition(m: Mention, by: str) -> Resolution | None:
    index, book = m.facts.index, m.facts.book
    from quotes.attribution.context import mention_span

    for appos in appositions(index, m.tree, m.ref):
        a_first, a_last = mention_span(m.tree, m.tokens, appos)
        found = named_in(index, book, m.ref.sentence, a_first, a_last, appos) or unlisted_full_name(
            index, book, m.ref.sentence, a_first, appos
        )
        if found:
            return m.found(found[0], found[1], "named in an apposition to the mention", by)
    return None


@resolver
def antecedent_of_who(m: Mention) -> Resolution | None:
    """'GOP front-runner Donald Trump - who previously said he would "bomb the [expletive]
    out of" oil fields - said ...': the mention as written is "who"; the speaker is the noun
    phrase the relative clause hangs on, resolved like any other mention."""
    if m.head.word.lower() != "who":
        return None
    verb = m.tree.head(m.ref.index)
    if verb < 0 or not m.tree.relation(verb).startswith("acl"):
        return None
    from quotes.attribution.context import mention_span

    antecedent = m.tree.head(verb)
    first, last = mention_span(m.tree, m.tokens, antecedent)
    inner = resolve(m.facts, replace(m.cue, mention=TokenRef(m.ref.sentence, antecedent), mention_first=first, mention_last=last))
    if inner is None:
        return Resolution(
            None, SpeakerType.unknown, f"'who' stands for a mention resolved to nobody ({m.cue.rule})", "antecedent_of_who"
        )
    return Resolution(inner.name, inner.type, f"'who' stands for the mention before it: {inner.evidence}", "antecedent_of_who")


@resolver
def author_of_the_document(m: Mention) -> Resolution | None:
    """'according to a 2018 survey by Penelope Muse Abernathy', 'a statement from the
    Ministry of Health': the author speaks through the document."""
    if m.lemma not in DOCUMENT_NOUNS:
        return None
    index = m.facts.index
    from quotes.attribution.context import mention_span

    for author in m.tree.kids(m.ref.index, "nmod"):
        if case_words(m.tree, m.tokens, author) & {"by", "from"} and index.entity(m.ref.sentence, author):
            first, last = mention_span(m.tree, m.tokens, author)
            found = named_in(index, m.facts.book, m.ref.sentence, first, last, author)
            if found:
                return m.found(found[0], found[1], f"author of the {m.head.word.lower()}", "author_of_the_document")
    return None


@resolver
def named_in_apposition_to_a_description(m: Mention) -> Resolution | None:
    """'The environment secretary, Steve Reed, said': the apposition names a described
    speaker, before any name inside the description ('The European Space Agency's director
    general, Josef Aschbacher, posted')."""
    return _named_in_apposition(m, "named_in_apposition_to_a_description") if m.is_description else None


@resolver
def surname_of_a_person_named_before(m: Mention) -> Resolution | None:
    """'Mallory Stone, a nurse, said ... "We are exhausted," Stone added': a lone capitalised
    name that is the surname of a person named in full before it is that person, whatever
    NER made of it (left untagged, or tagged as a place or a body)."""
    if m.head.pos != "NNP" or m.name_starts != m.cue.mention_last or not m.head.word[:1].isupper():
        return None
    entity = m.facts.index.entity(m.ref.sentence, m.ref.index)
    if entity is not None and (entity.ner == "PERSON" or entity.token_end - entity.token_start > 1):
        return None  # NER's own person, or a longer name of its own ("Ngata Holdings")
    person = m.facts.book.person_by_surname_before(m.head.word, m.head.start)
    if person is None:
        return None
    return m.found(
        person,
        SpeakerType.person,
        f"'{m.head.original_text}', the surname of {person} named before",
        "surname_of_a_person_named_before",
    )


@resolver
def named_in_the_mention(m: Mention) -> Resolution | None:
    """'Rep. Elijah E. Cummings (D-Md.) said': the mention is a name the article gives."""
    if m.name_starts > m.cue.mention_last:
        return None
    named = named_in(m.facts.index, m.facts.book, m.ref.sentence, m.name_starts, m.cue.mention_last, m.ref.index)
    if named and named[1] != SpeakerType.person and a_person_described(m.facts.index, m.ref, m.head):
        return None  # "the Leeds captain conceded": a person of the club, not the club
    return m.found(named[0], named[1], "named in the mention", "named_in_the_mention") if named else None


@resolver
def named_in_apposition_to_a_name(m: Mention) -> Resolution | None:
    """'Sonia Marsh, his attorney, told': a name's own apposition, after the name."""
    return None if m.is_description else _named_in_apposition(m, "named_in_apposition_to_a_name")


@resolver
def place_for_its_government(m: Mention) -> Resolution | None:
    """'China said on Monday ...': a country or city as the subject of a clear cue speaks for
    its government (not the state in a party label: 'Mitch McConnell, R-Ky., said')."""
    from quotes.attribution.context import Strength

    place = m.facts.index.entity(m.ref.sentence, m.ref.index)
    if place is None or place.ner not in PLACE_NER or m.cue.cue is None or m.cue.strength < Strength.CLEAR:
        return None
    before = m.tokens[place.token_start - 1].word if place.token_start > 0 else ""
    if "-" in place.text or len(place.text.rstrip(".")) < _SHORTEST_PLACE_NAME or before in {"-", "(", ","}:
        return None
    name = clean_name(place.text)
    m.facts.book.add_unlisted(name, SpeakerType.organisation, place.text)
    return m.found(name, SpeakerType.organisation, "a place that speaks for its government", "place_for_its_government")


@resolver
def relation_of_a_named_person(m: Mention) -> Resolution | None:
    """'the family of Amy Clarke', 'Brzeski's colleague': kept under the description with
    the name in it, never the named person nor whoever was named last."""
    kin = relation_of_someone_named(m.facts.index, m.facts.book, m.ref, m.head)
    if not kin:
        return None
    m.facts.book.add_unlisted(kin, SpeakerType.unknown, kin)
    return m.found(kin, SpeakerType.unknown, "described by their relation to someone named", "relation_of_a_named_person")


@resolver
def speaks_for_the_principal(m: Mention) -> Resolution | None:
    """'its developers', 'the company's spokesman', 'a lawyer for Jane Doe': the one they
    speak for speaks (resolved through the whole sieve)."""
    if m.lemma not in SPOKES_NOUNS:
        return None
    principals = m.tree.kids(m.ref.index, "nmod:poss", "compound") + [
        n for n in m.tree.kids(m.ref.index, "nmod") if "for" in case_words(m.tree, m.tokens, n)
    ]
    for owner in principals:
        if m.tree.relation(owner) != "nmod:poss" and not m.tokens[owner].pos.startswith("NNP"):
            continue  # "a council spokesperson", "a spokesman for the council": which council is not said
        owner_cue = Cue(m.cue.rule, m.cue.strength, TokenRef(m.ref.sentence, owner), owner, owner)
        found = resolve(m.facts, owner_cue)
        if found:
            return Resolution(found.name, found.type, f"speaks for {found.name}: {found.evidence}", "speaks_for_the_principal")
    return None


@resolver
def members_of_an_organisation(m: Mention) -> Resolution | None:
    """'Analysts at Morgan Stanley called the move "overdue"': a group that speaks for the
    organisation named after it."""
    if m.head.pos != "NNS" or not (m.lemma in PEOPLE_NOUNS or m.lemma in SPOKES_NOUNS):
        return None
    for body in m.tree.kids(m.ref.index, "nmod"):
        entity = m.facts.index.entity(m.ref.sentence, body)
        if entity is not None and entity.ner == "ORGANIZATION":
            canonical = m.facts.book.canonical_for_entity(entity)
            if canonical:
                return m.found(
                    canonical, m.facts.book.speakers[canonical].type, f"speaks for {canonical}", "members_of_an_organisation"
                )
    return None


@resolver
def someone_new(m: Mention) -> Resolution | None:
    """'a spokesman for the company said', 'one resident, who ..., told the BBC', 'the works
    council': an indefinite description introduces someone new, and a modified organisation
    noun names a body of its own; neither is whoever was named last."""
    indefinite = bool(m.determiners & {"a", "an", "another", "some"}) or any(
        m.tokens[d].lemma.lower() == "one" for d in m.tree.kids(m.ref.index, "nummod")
    )
    specific_body = m.lemma in ORGANISATION_NOUNS and bool(m.tree.kids(m.ref.index, "compound", "amod"))
    return m.kept_as_described("someone_new") if indefinite or specific_body else None


@resolver
def holder_of_the_title(m: Mention) -> Resolution | None:
    """'the minister added' after 'Foreign Minister Wang Yi met ...': the last person given
    that title; 'The High Commissioner called on States' eleven paragraphs after 'The UN
    High Commissioner for Human Rights, Volker Türk': the one person with that title."""
    definite_title = m.head.pos == "NNP" and "the" in m.determiners
    if not ((m.head.pos == "NN" or definite_title) and is_title(m.head)):
        return None
    book = m.facts.book
    titled = last_titled(m.facts.index, book, m.cue, m.head)
    if titled:
        return m.found(
            titled, SpeakerType.person, f"the last person titled '{m.head.original_text}' before it", "holder_of_the_title"
        )
    titled = the_one_titled(book, m.head) if definite_title else None
    if titled:
        return m.found(
            titled,
            SpeakerType.person,
            f"'{m.head.original_text}', a title the article gives only {titled}",
            "holder_of_the_title",
        )
    return None


@resolver
def the_one_described_before(m: Mention) -> Resolution | None:
    """'said one legal expert' ... '"...," the expert warned': the unnamed speaker described
    just before under the same noun."""
    if not (m.is_description and m.lemma not in DOCUMENT_NOUNS and "the" in m.determiners):
        return None
    same = described_before(m.facts.book, m.head)
    if not same:
        return None
    return m.found(
        same, m.facts.book.speakers[same].type, f"the {m.head.word.lower()} described before", "the_one_described_before"
    )


@resolver
def coreference_chain(m: Mention) -> Resolution | None:
    """'Sonia Marsh ... told The Hill ... "...," she said': CoreNLP's coreference chain names
    the pronoun; for "he"/"she" a person who has been the subject of more clauses lately
    wins over a chain that slipped (see salience.the_more_salient)."""
    chained = through_coref(m.facts.index, m.facts.book, m.ref)
    if not chained:
        return None
    if PERSONAL_PRONOUNS.get(m.head.word.lower()) in {"MALE", "FEMALE"} and chained[1] == SpeakerType.person:
        chained = the_more_salient(m.facts.index, m.facts.book, m.facts.genders, m.head, chained)
    return m.found(chained[0], chained[1], f"coreference of '{m.head.original_text}'", "coreference_chain")


@resolver
def someone_of_a_named_body(m: Mention) -> Resolution | None:
    """'the Leeds captain', 'the lawyer for Jane Doe': someone at or acting for a named body
    or person, kept under the description, not whoever was named last."""
    index = m.facts.index
    if not a_person_described(index, m.ref, m.head):
        return None
    of_a_body = any(
        (e := index.entity(m.ref.sentence, n)) is not None and e.ner == "ORGANIZATION"
        for n in m.tree.kids(m.ref.index, "compound", "nmod:poss")
    )
    acting_for = any(
        (m.tokens[n].pos.startswith("NNP") or index.entity(m.ref.sentence, n) is not None)
        and "for" in case_words(m.tree, m.tokens, n)
        for n in m.tree.kids(m.ref.index, "nmod")
    )
    return m.kept_as_described("someone_of_a_named_body") if of_a_body or acting_for else None


@resolver
def owned_or_plural_description(m: Mention) -> Resolution | None:
    """'The victim's mother called her "brave"', '"We got her!" officers shouted': someone
    known by whose they are, or a group, is never the one person named last."""
    owned = bool(m.tree.kids(m.ref.index, "nmod:poss")) and m.head.pos.startswith("NN")
    if owned or (m.head.pos == "NNS" and m.lemma not in ORGANISATION_NOUNS):
        return m.kept_as_described("owned_or_plural_description")
    return None


@resolver
def subject_of_the_governing_clause(m: Mention) -> Resolution | None:
    """'Clinton said Wednesday that she called Sanders to congratulate him on what she
    called "an extraordinary campaign"': a "he" or "she" in a clause embedded in another
    is, unless the text says otherwise, the person that clause is about: the subject of the
    nearest clause above it that names a person of a fitting gender (a "she" subject above
    passes the question further up). When coref has no answer, this reads the sentence's
    own structure before falling back on whoever was named last."""
    gender = PERSONAL_PRONOUNS.get(m.head.word.lower())
    if gender not in {"MALE", "FEMALE"} or m.head.pos != "PRP":
        return None
    subject = subject_above(m.facts.index, m.ref.sentence, m.ref.index)
    entity = m.facts.index.entity(m.ref.sentence, subject) if subject is not None else None
    canonical = m.facts.book.canonical_for_entity(entity, gender) if entity is not None else None
    if canonical is None:
        return None  # the clause above is about someone or something else
    kind = m.facts.book.speakers[canonical].type
    if kind != SpeakerType.person or m.facts.genders.get(canonical, gender) != gender:
        return None
    return m.found(
        canonical, kind, f"subject of the clause that holds '{m.head.original_text}'", "subject_of_the_governing_clause"
    )


@resolver
def most_recent_compatible(m: Mention) -> Resolution | None:
    """'Mayor Lisa Ortiz faced sharp questions. "...," she said' when coref has no answer:
    the last person named whose gender fits, or the organisation the passage returns to."""
    head = m.head
    word = head.word.lower()
    group_of_people = head.pos == "NNS" and (m.lemma in PEOPLE_NOUNS or m.lemma in ORGANISATION_NOUNS)
    if not (
        word in PERSONAL_PRONOUNS
        or (head.pos.startswith("NN") and not group_of_people and may_be_speaker_noun(m.facts.index, m.ref, head))
    ):
        return None
    gender = PERSONAL_PRONOUNS.get(word) or GENDERED_NOUNS.get(m.lemma)
    recent = most_recent(m.facts.index, m.facts.book, m.facts.genders, head.start, wanted_type(head), gender)
    if not recent:
        return None
    return m.found(recent[0], recent[1], f"most recent {recent[1].value} before '{head.original_text}'", "most_recent_compatible")


@resolver
def proper_name_ner_missed(m: Mention) -> Resolution | None:
    """'The Liberal Democrats described the plan as "short-sighted"': a capitalised plural or
    organisation-like name NER left untagged, named as written."""
    found = untagged_proper_name(m.facts.index, m.facts.book, m.cue, m.head)
    return Resolution(found[0], found[1], found[2], "proper_name_ner_missed") if found else None


@resolver
def unnamed_description(m: Mention) -> Resolution | None:
    """'"It is a sad day," a council spokesperson said': an unnamed speaker described in
    the text, kept under the description (last: it always answers)."""
    return m.kept_as_described("unnamed_description")


ORDER = (
    "antecedent_of_who",
    "author_of_the_document",
    "named_in_apposition_to_a_description",
    "surname_of_a_person_named_before",
    "named_in_the_mention",
    "named_in_apposition_to_a_name",
    "place_for_its_government",
    "relation_of_a_named_person",
    "speaks_for_the_principal",
    "members_of_an_organisation",
    "someone_new",
    "holder_of_the_title",
    "the_one_described_before",
    "coreference_chain",
    "someone_of_a_named_body",
    "owned_or_plural_description",
    "subject_of_the_governing_clause",
    "most_recent_compatible",
    "proper_name_ner_missed",
    "unnamed_description",
)

RESOLVER_SIEVE = in_order(RESOLVERS, ORDER, "resolver")
