"""Quote attribution: every quotation in an annotated Document with its speaker.

    quotes = find_quotes(text)                # our own finder, on the original text
    for each quote: run the SIEVE of rules    # rules.py: the first rule that fires wins
    resolve the mention to a canonical name   # coref, then names in the article, then recency
    type the quote                            # direct / partial / headline / non_speech

Public surface: ``attribute_document(document, title=None) -> (attributions, speakers)``.
"""

from __future__ import annotations

import re

from quotes.attribution.lexicon import (
    ADDRESSEE_VERBS,
    DOCUMENT_NOUNS,
    GENDERED_NOUNS,
    HONORIFICS,
    ORGANISATION_NOUNS,
    PEOPLE_NOUNS,
    PERSONAL_PRONOUNS,
    PLACE_NER,
    ROLE_NOUNS,
    SPOKES_NOUNS,
)
from quotes.attribution.names import TITLE_GENDERS, NameBook, clean_name, without_article
from quotes.attribution.rules import SIEVE, Cue, QuoteContext, looks_like_speech, mention_span, subject_of
from quotes.attribution.syntax import DocIndex, TokenRef, case_words, determiners, is_nickname
from quotes.models import ArticleSpeaker, Attribution, Document, QuoteSpan, QuoteType, SpeakerType
from quotes.quotefinder import find_quotes

__all__ = ["attribute_document"]

# How far back (in paragraphs) a pronoun or description may look for its person.
RECENCY_PARAGRAPHS = 4
# how far back "who is this passage about" looks (see _the_more_salient)
SALIENCE_PARAGRAPHS = 8


def attribute_document(document: Document, title: str | None = None) -> tuple[list[Attribution], list[ArticleSpeaker]]:
    spans = find_quotes(document.text)
    index = DocIndex(document, spans)
    book = NameBook(index)
    index.relays = _relays(index, book)
    _collect_roles(index, book)
    genders = _genders(index, book)
    book.genders = genders  # "Ms Taylor" then means the Taylor who is a woman
    index.mention_counts = _mention_counts(index, book)  # once: every pronoun looks at them
    attributions: list[Attribution] = []
    spoken: list[Attribution] = []  # attributed so far, for continuation
    used_speakers: set[str] = set()
    for span in spans:
        if span.nested:
            continue  # a quotation inside a quotation is part of its speaker's words
        ctx = QuoteContext(index, span, index.sentences_overlapping(span.start, span.end), spoken)
        attribution = _attribute_one(ctx, book, genders, title)
        if attribution.type != QuoteType.headline and (
            (_looks_like_title(span.text) and not _named_as_speech(ctx, attribution)) or _names_something(ctx)
        ):
            attribution = _strip_speaker(attribution)
        attributions.append(attribution)
        if attribution.speaker is not None or attribution.mention is not None:
            spoken.append(attribution)
            used_speakers.add(attribution.speaker)
    _one_speaker_per_multi_paragraph_quote(index, [s for s in spans if not s.nested], attributions)
    speakers = [
        ArticleSpeaker(
            name=s.name,
            type=s.type,
            aliases=sorted(s.aliases),
            roles=list(s.roles),
        )
        for name, s in book.speakers.items()
        if name in used_speakers
    ]
    return attributions, speakers


_NO_CUE_OF_ITS_OWN = frozenset({"continues_previous_quote", "unattributed", "no_speaker", "subject_of_the_sentence_before"})


def _one_speaker_per_multi_paragraph_quote(index: DocIndex, spans: list[QuoteSpan], attributions: list[Attribution]) -> None:
    """A quotation that runs over paragraphs is one speaker's, wherever its cue stands:
    '"...," said Smith. ¶ "I have been suffering a lot of injuries. ¶ "If that's the last
    match here, I'll be in peace," Nadal added.' gives the first paragraph to Nadal, not to
    Smith whose quote came before. Parts with no cue of their own take the cue of the part
    that has one (the first such part in the quotation)."""
    text = index.text
    paragraph_starts = [p.start for p in index.doc.paragraphs]
    chain: list[int] = []
    for i, span in enumerate(spans):
        chain.append(i)
        if span.continued and i + 1 < len(spans) and spans[i + 1].continues:
            continue
        anchors = [j for j in chain if attributions[j].rule not in _NO_CUE_OF_ITS_OWN and attributions[j].speaker is not None]
        if len(chain) > 1 and anchors:
            anchor = attributions[anchors[0]]
            for j in chain:
                # a part that follows a cue in its own paragraph ('..., Moore said. "If indeed
                # ...') is that cue's, whatever comes after
                opens_paragraph = not text[paragraph_starts[spans[j].paragraph] : spans[j].outer_start].strip()
                if j < anchors[0] and attributions[j].rule in _NO_CUE_OF_ITS_OWN and opens_paragraph:
                    attributions[j] = attributions[j].model_copy(update=dict(
                        speaker=anchor.speaker, speaker_type=anchor.speaker_type, role=anchor.role,
                        mention=anchor.mention, mention_start=anchor.mention_start, mention_end=anchor.mention_end,
                        cue=anchor.cue, cue_start=anchor.cue_start, cue_end=anchor.cue_end,
                        rule="same_quotation_as_its_cue", evidence=f"one quotation over several paragraphs with {anchor.speaker}'s cue",
                        confidence=round(anchor.confidence * 0.9, 3),
                        type=QuoteType.direct,
                    ))
        chain = []


def _attribute_one(ctx: QuoteContext, book: NameBook, genders: dict[str, str], title: str | None) -> Attribution:
    span = ctx.quote
    index = ctx.index
    quote_type = _quote_type(ctx, title)
    base = Attribution(
        text=span.text,
        start=span.start,
        end=span.end,
        type=quote_type,
        context=_context(ctx),
        paragraph=span.paragraph,
    )
    unresolved: Attribution | None = None
    for rule in SIEVE:
        cue = rule(ctx)
        if cue is None or (unresolved is not None and cue.confidence < 0.7):
            continue  # after a clear cue with an unresolved subject, only another clear cue counts
        if cue.inherited is not None:
            previous = cue.inherited
            found = base.model_copy(
                update=dict(
                    speaker=previous.speaker,
                    speaker_type=previous.speaker_type,
                    role=previous.role,
                    mention=previous.mention,
                    mention_start=previous.mention_start,
                    mention_end=previous.mention_end,
                    cue=previous.cue,
                    cue_start=previous.cue_start,
                    cue_end=previous.cue_end,
                    rule=cue.rule,
                    evidence=f"continues the quote by {previous.speaker} just before",
                    confidence=cue.confidence,
                )
            )
            return _retype(found)
        resolved = _resolve(index, book, genders, cue, span)
        if resolved is None:
            if cue.confidence < 0.8:
                continue
            # a clear cue whose mention resolves to nobody: "she said" with no woman named
            # nearby keeps the mention as the evidence, with the speaker unknown; a subject
            # that cannot speak ("the think tank told", as parsed) lets the later rules try
            # first, and stands only if none of them finds anyone
            unknown = (None, SpeakerType.unknown, f"mention not resolved to a name ({cue.rule})")
            if index.token(cue.mention).word.lower() in PERSONAL_PRONOUNS:
                return _found(index, book, base, cue, unknown)
            unresolved = unresolved or _found(index, book, base, cue, unknown)
            continue
        return _found(index, book, base, cue, resolved)
    if unresolved is not None:
        return unresolved
    if quote_type == QuoteType.direct and span.close_mark is not None:
        return base.model_copy(update=dict(rule="unattributed", confidence=0.3))
    return base.model_copy(update=dict(type=QuoteType.non_speech if quote_type != QuoteType.headline else quote_type,
                                       rule="no_speaker", confidence=0.5))


def _found(index: DocIndex, book: NameBook, base: Attribution, cue: Cue, resolved) -> Attribution:
    """The attribution a cue gives, with its mention, cue word and confidence."""
    name, kind, evidence = resolved
    mention_text, m_start, m_end = index.span_text(cue.mention.sentence, cue.mention_first, cue.mention_last)
    cue_token = index.token(cue.cue) if cue.cue is not None else None
    speaker = book.speaker(name) if name else None
    found = base.model_copy(
        update=dict(
            speaker=name,
            speaker_type=kind,
            role=speaker.roles[0] if speaker and speaker.roles else None,
            mention=mention_text,
            mention_start=m_start,
            mention_end=m_end,
            cue=cue_token.original_text if cue_token else None,
            cue_start=cue_token.start if cue_token else None,
            cue_end=cue_token.end if cue_token else None,
            rule=cue.rule,
            evidence=evidence,
            confidence=round(cue.confidence * (0.85 if "recent" in evidence else 1.0) * (0.5 if name is None else 1.0), 3),
        )
    )
    return _retype(found)


def _named_as_speech(ctx: QuoteContext, attribution: Attribution) -> bool:
    """A capitalised quote that a speech verb takes as its object is speech after all:
    'Trump called her "Miss Piggy"', 'hailed Trump as "The Comeback Kid"'; one behind a preposition or inside a noun phrase is a
    name: 'told CBS's "Face the Nation"', 'the "Reclaim Our Schools" rally'."""
    if attribution.rule == "characterised_as":
        return True  # 'a Times article hailed Trump as "The Comeback Kid"': the name is theirs
    if attribution.rule != "speech_verb_with_subject" or attribution.confidence < 0.9:
        return False
    for sentence in ctx.sentences:
        tree = ctx.index.trees[sentence]
        tokens = ctx.index.sentences[sentence].tokens
        inside = {t.index for t in tokens if ctx.quote.start <= t.start and t.end <= ctx.quote.end}
        for head in (i for i in inside if tree.head(i) not in inside):
            relation = tree.relation(head)
            if relation.startswith(("nmod", "obl", "compound", "appos", "nsubj")):
                return False
            if any(c not in inside for c in tree.kids(head, "case")):
                return False
    return True


def _names_something(ctx: QuoteContext) -> bool:
    """A short capitalised quote that the sentence uses as a name, whatever verb is near:
    a nickname inside a name ('state Del. Marcia "Cia" Price'), a title someone owns
    ('told MSNBC's "Morning Joe"', 'DuVernay's "13th"') or the person told ('told "Face
    the Nation"')."""
    words = re.findall(r"[\w'’-]+", ctx.quote.text)
    if not 1 <= len(words) <= 7 or not all(w[:1].isupper() or w[:1].isdigit() for w in words if w.lower() not in _MINOR_WORDS):
        return False
    if is_nickname(ctx.index.text, ctx.quote):
        return True
    if re.search(r"\w['’]s\s$", ctx.index.text[max(0, ctx.quote.outer_start - 4) : ctx.quote.outer_start]):
        return True  # "CBS's "Face the Nation"", read off the text: parsers turn "Face" into a verb
    for sentence in ctx.sentences:
        tree = ctx.index.trees[sentence]
        tokens = ctx.index.sentences[sentence].tokens
        inside = {t.index for t in tokens if ctx.quote.start <= t.start and t.end <= ctx.quote.end}
        for head in (i for i in inside if tree.head(i) not in inside):
            if any(o not in inside for o in tree.kids(head, "nmod:poss")):
                return True
            verb = tree.head(head)
            if verb >= 0 and tree.relation(head) in {"obj", "iobj"} and tokens[verb].lemma.lower() in ADDRESSEE_VERBS:
                return True
    return False


def _strip_speaker(attribution: Attribution) -> Attribution:
    """Titles and names in quote marks get no speaker, whatever verb stands nearby."""
    return Attribution(
        text=attribution.text, start=attribution.start, end=attribution.end, type=QuoteType.non_speech,
        rule="title_or_name", evidence="capitalised like a title or name", confidence=0.6,
        context=attribution.context, paragraph=attribution.paragraph,
    )


def _retype(attribution: Attribution) -> Attribution:
    if attribution.type == QuoteType.non_speech:
        attribution.type = QuoteType.partial
    return attribution


# ----------------------------------------------------------------------------- resolution


def _resolve(index: DocIndex, book: NameBook, genders: dict[str, str], cue: Cue, span: QuoteSpan):
    """(canonical name, type, evidence) for a cue's mention, or None when nobody fits."""
    ref = cue.mention
    sentence = index.sentences[ref.sentence]
    tokens = sentence.tokens
    head = tokens[ref.index]
    # 1. the mention names someone; in "Brzeski's colleague" the name is the colleague's
    # relation, not the colleague
    first = cue.mention_first
    tree = index.trees[ref.sentence]
    if head.lemma.lower() in PEOPLE_NOUNS and head.lemma.lower() not in SPOKES_NOUNS:
        for owner in tree.kids(ref.index, "nmod:poss"):
            first = max(first, max(tree.subtree(owner)) + 1)
    # "The environment secretary, Steve Reed, said": the apposition names the speaker, and
    # before any name inside a description ("The European Space Agency's director
    # general, Josef Aschbacher, posted"); a name's own apposition comes after the name
    def named_in_apposition():
        for appos in _appositions(index, tree, ref):
            a_first, a_last = mention_span(tree, tokens, appos)
            found = _named_in(index, book, ref.sentence, a_first, a_last, appos) or _unlisted_full_name(
                index, book, ref.sentence, a_first, appos)
            if found:
                return found[0], found[1], f"named in an apposition to the mention ({cue.rule})"
        return None

    # "according to a 2018 survey by Penelope Muse Abernathy", "a statement from the Ministry of
    # Health": the author speaks through it
    if head.lemma.lower() in DOCUMENT_NOUNS:
        for author in tree.kids(ref.index, "nmod"):
            if case_words(tree, tokens, author) & {"by", "from"} and index.entity(ref.sentence, author):
                first_a, last_a = mention_span(tree, tokens, author)
                found = _named_in(index, book, ref.sentence, first_a, last_a, author)
                if found:
                    return found[0], found[1], f"author of the {head.word.lower()} ({cue.rule})"
    described = head.pos in {"NN", "NNS"}
    if described and (found := named_in_apposition()):
        return found
    named = _named_in(index, book, ref.sentence, first, cue.mention_last, ref.index) if first <= cue.mention_last else None
    if named and named[1] != SpeakerType.person and _a_person_described(index, ref, head):
        named = None  # "the Leeds captain conceded": a person of the club, not the club
    if named:
        return named[0], named[1], f"named in the mention ({cue.rule})"
    if not described and (found := named_in_apposition()):
        return found
    place = index.entity(ref.sentence, ref.index)
    before_place = tokens[place.token_start - 1].word if place is not None and place.token_start > 0 else ""
    if (place is not None and place.ner in PLACE_NER and cue.cue is not None and cue.confidence >= 0.8
            and "-" not in place.text and len(place.text.rstrip(".")) > 3 and before_place not in {"-", "(", ","}):
        # (not the state in a party label: "Mitch McConnell, R-Ky., said")
        # a country or city as the subject of a clear cue speaks for its government
        name = clean_name(place.text)
        book.add_unlisted(name, SpeakerType.organisation, place.text)
        return name, SpeakerType.organisation, f"a place that speaks for its government ({cue.rule})"
    word = head.word.lower()
    kin = _relation_of_someone_named(index, book, ref, head)
    if kin:
        book.add_unlisted(kin, SpeakerType.unknown, kin)
        return kin, SpeakerType.unknown, f"described by their relation to someone named ({cue.rule})"
    # 2. "its developers", "the company's spokesman", "a lawyer for Jane Doe": the one they
    # speak for speaks
    if head.lemma.lower() in SPOKES_NOUNS:
        tree = index.trees[ref.sentence]
        principals = tree.kids(ref.index, "nmod:poss", "compound") + [
            m for m in tree.kids(ref.index, "nmod") if "for" in case_words(tree, tokens, m)]
        for owner in principals:
            if tree.relation(owner) != "nmod:poss" and not tokens[owner].pos.startswith("NNP"):
                continue  # "a council spokesperson", "a spokesman for the council": which council is not said
            owner_cue = Cue(cue.rule, cue.confidence, TokenRef(ref.sentence, owner), owner, owner)
            found = _resolve(index, book, genders, owner_cue, span)
            if found:
                return found[0], found[1], f"speaks for {found[0]}: {found[2]}"
    # "Analysts at Morgan Stanley", "officials from the ministry": a group that speaks for
    # the organisation named after it
    if head.pos == "NNS" and (head.lemma.lower() in PEOPLE_NOUNS or head.lemma.lower() in SPOKES_NOUNS):
        for body in tree.kids(ref.index, "nmod"):
            entity = index.entity(ref.sentence, body)
            if entity is not None and entity.ner == "ORGANIZATION":
                canonical = book.canonical_for_entity(entity)
                if canonical:
                    return canonical, book.speakers[canonical].type, f"speaks for {canonical} ({cue.rule})"
    # an indefinite description introduces someone new ("a spokesman for the company said"),
    # and a modified organisation noun names a body of its own ("the works council"): neither
    # is resolved to whoever was named last
    indefinite = bool(determiners(tree, tokens, ref.index) & {"a", "an", "another", "some"}) or any(
        tokens[d].lemma.lower() == "one" for d in tree.kids(ref.index, "nummod"))  # "one resident, who ..., told the BBC"
    specific_body = head.lemma.lower() in ORGANISATION_NOUNS and bool(tree.kids(ref.index, "compound", "amod"))
    if indefinite or specific_body:
        return _described(index, book, cue, ref, head)
    # 3. "the minister added" right after "Foreign Minister Wang Yi met ...": the last person
    # the article gave that title; then coref links the pronoun or description to a name
    # ("The High Commissioner called on States ..." eleven paragraphs after "The UN High
    # Commissioner for Human Rights, Volker Türk": the one person given that title)
    definite_title = head.pos == "NNP" and "the" in determiners(tree, tokens, ref.index)
    if (head.pos == "NN" or definite_title) and _is_title(head):
        titled = _last_titled(index, book, cue, head)
        if titled:
            return titled, SpeakerType.person, f"the last person titled '{head.original_text}' before it ({cue.rule})"
        titled = _the_one_titled(book, head) if definite_title else None
        if titled:
            return titled, SpeakerType.person, f"'{head.original_text}', a title the article gives only {titled} ({cue.rule})"
    # 'said one legal expert' ... '"...," the expert warned': the one described just before
    if head.pos in {"NN", "NNS"} and head.lemma.lower() not in DOCUMENT_NOUNS and "the" in determiners(tree, tokens, ref.index):
        same = _described_before(book, head)
        if same:
            return same, book.speakers[same].type, f"the {head.word.lower()} described before ({cue.rule})"
    chained = _through_coref(index, book, ref)
    if chained and PERSONAL_PRONOUNS.get(word) in {"MALE", "FEMALE"} and chained[1] == SpeakerType.person:
        chained = _the_more_salient(index, book, genders, head, chained)
    if chained:
        return chained[0], chained[1], f"coreference of '{head.original_text}' ({cue.rule})"
    # 4. the most recent compatible name before the mention ("the senator", "he"); a noun
    # that coref calls inanimate ("his thesis") is not a person to look for
    # "analysts" are not the last man named, nor "authorities" the last body
    group_of_people = head.pos == "NNS" and (head.lemma.lower() in PEOPLE_NOUNS or head.lemma.lower() in ORGANISATION_NOUNS)
    if _a_person_described(index, ref, head) and (any(
        (e := index.entity(ref.sentence, m)) is not None and e.ner == "ORGANIZATION"
        for m in tree.kids(ref.index, "compound", "nmod:poss")
    ) or any(
        (tokens[m].pos.startswith("NNP") or index.entity(ref.sentence, m) is not None)
        and "for" in case_words(tree, tokens, m)
        for m in tree.kids(ref.index, "nmod")
    )):
        # "the Leeds captain" is someone at Leeds and "the lawyer for Jane Doe" someone
        # acting for her, not whoever was named last
        return _described(index, book, cue, ref, head)
    # "The victim's mother", "his lawyer": someone known by whose they are, not whoever was named
    # last; and "officers" or "the artists" are never the one person named last
    owned = bool(tree.kids(ref.index, "nmod:poss")) and head.pos.startswith("NN")
    if owned or (head.pos == "NNS" and head.lemma.lower() not in ORGANISATION_NOUNS):
        return _described(index, book, cue, ref, head)
    if word in PERSONAL_PRONOUNS or (head.pos.startswith("NN") and not group_of_people and _may_be_speaker_noun(index, ref, head)):
        want = _wanted_type(head)
        gender = PERSONAL_PRONOUNS.get(word) or GENDERED_NOUNS.get(head.lemma.lower())
        recent = _most_recent(index, book, genders, head.start, want, gender)
        if recent:
            return recent[0], recent[1], f"most recent {recent[1].value} before '{head.original_text}' ({cue.rule})"
    # 5. a proper name NER did not tag: "The Liberal Democrats described the plan as ..."
    untagged = _untagged_proper_name(index, book, cue, head)
    if untagged:
        return untagged
    # 6. an unnamed speaker described in the text: "a White House spokesman", "the ruling"
    return _described(index, book, cue, ref, head)


def _relation_of_someone_named(index: DocIndex, book: NameBook, ref: TokenRef, head) -> str | None:
    """'the family of Amy Clarke', 'Brzeski's colleague': people described by their relation
    to a named person are not that person, and not whoever was named last; they are kept
    under the description, with the name in it."""
    lemma = head.lemma.lower()
    if lemma not in PEOPLE_NOUNS or lemma in SPOKES_NOUNS or not head.pos.startswith("NN"):
        return None
    tree = index.trees[ref.sentence]
    tokens = index.sentences[ref.sentence].tokens
    related = tree.kids(ref.index, "nmod:poss") + [
        m for m in tree.kids(ref.index, "nmod") if "of" in case_words(tree, tokens, m)]
    for other in related:
        entity = index.entity(ref.sentence, other)
        if entity is None or entity.ner != "PERSON" or not book.canonical_for_entity(entity):
            continue
        o_first, o_last = mention_span(tree, tokens, other)
        text, _, _ = index.span_text(ref.sentence, min(o_first, ref.index), max(o_last, ref.index))
        return without_article(clean_name(text)) or None
    return None


def _untagged_proper_name(index: DocIndex, book: NameBook, cue: Cue, head):
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


def _appositions(index: DocIndex, tree, ref: TokenRef) -> list[int]:
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
            run_into_name = (before.pos == "NNP" and (index.entity(ref.sentence, node - 1) or entity).ner != "PERSON"
                             and preposition and preposition[0].lemma.lower() in {"of", "to", "at"}
                             and all(t.pos in {"IN", "NNP", "DT", "POS"} for t in tokens[ref.index + 1 : node]))
            # "Liberal Democrat spokeswoman for women Sandra Gidley said": the name closes the
            # subject, right before its verb
            closes_subject = (entity.token_end < len(tokens) and tokens[entity.token_end].pos.startswith(("VB", "MD"))
                              and all(t.word not in {",", "(", "-"} for t in tokens[ref.index + 1 : node]))
            if (run_into_name or closes_subject) and entity.token_end - 1 in subtree:
                found.append(entity.token_end - 1)
            break
    return found


def _unlisted_full_name(index: DocIndex, book: NameBook, sentence: int, first: int, head: int):
    """A first-and-last name in apposition that NER did not tag ("Brzeski's colleague,
    economist Inga Fechner, said"): two or more capitalised proper nouns ending at the head."""
    tokens = index.sentences[sentence].tokens
    if tokens[head].pos != "NNP":
        return None
    start = head
    while start - 1 >= first and tokens[start - 1].pos == "NNP" and tokens[start - 1].word[:1].isupper():
        start -= 1
    if head - start < 1 or not all(t.word[:1].isupper() and t.word[1:].islower() and t.ner in {"O", "PERSON"}
                                   for t in tokens[start : head + 1]):
        return None  # "(D-Newport News)" is a place, whatever the parser made of it
    if start > 0 and tokens[start - 1].word in {"(", "-LRB-", "-", "–"}:
        return None
    name = " ".join(t.word for t in tokens[start : head + 1])
    book.add_unlisted(name, SpeakerType.person, name)
    return name, SpeakerType.person


def _issuer_of_the_document(index: DocIndex, book: NameBook, ref: TokenRef, head):
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
            if (s == ref.sentence and i >= ref.index) or s_tokens[i].lemma.lower() != lemma \
                    or s_tokens[i].pos not in {"NN", "NNS"} or index.in_quote(s_tokens[i]):
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
                named = _named_in(index, book, s, first, last, owner)
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


def _described_before(book: NameBook, head) -> str | None:
    """The latest unnamed speaker kept under a description with this noun at its end ("one
    legal expert" for "the expert")."""
    for name, speaker in reversed(book.speakers.items()):
        if speaker.type == SpeakerType.unknown and name.lower().split()[-1:] in ([head.word.lower()], [head.lemma.lower()]) \
                and len(name.split()) > 1:
            return name
    return None


def _described(index: DocIndex, book: NameBook, cue: Cue, ref: TokenRef, head):
    """A speaker the article describes but does not name, kept under the description."""
    if head.lemma.lower() in DOCUMENT_NOUNS and (issuer := _issuer_of_the_document(index, book, ref, head)):
        return issuer[0], issuer[1], f"issued the {head.word.lower()} mentioned before ({cue.rule})"
    if not head.pos.startswith("NN") or not (
        _may_be_speaker_noun(index, ref, head) or head.lemma.lower() in DOCUMENT_NOUNS or head.lemma.lower() in ROLE_NOUNS
    ):
        return None
    text, _, _ = index.span_text(ref.sentence, cue.mention_first, cue.mention_last)
    # "A federal judge ... calling it "..."" in the lede, "U.S. District Judge Maria Delgado"
    # further down: the one person the article gives that title is the one described
    if head.pos in {"NN", "NNP"} and head.lemma.lower() not in ORGANISATION_NOUNS | DOCUMENT_NOUNS | SPOKES_NOUNS:
        titled = _the_one_titled(book, head)
        if titled:
            return titled, SpeakerType.person, f"described as '{clean_name(text)}', a title the article gives {titled} ({cue.rule})"
    kind = SpeakerType.organisation if head.lemma.lower() in ORGANISATION_NOUNS else SpeakerType.unknown
    name = without_article(clean_name(text))
    if not name:
        return None
    book.add_unlisted(name, kind, text)
    return name, kind, f"described, not named ({cue.rule})"


_TITLE_ABBREVIATIONS = {"pm": "prime minister", "cm": "chief minister", "fm": "finance minister"}


def _last_titled(index: DocIndex, book: NameBook, cue: Cue, head) -> str | None:
    """The person last named, within a few paragraphs before a description, whose roles hold
    every word of it: "the prime minister" -> Prime Minister Anthony Albanese, "the minister"
    after "Foreign Minister Wang Yi met ..." -> Wang Yi, "the PM" -> the prime minister."""
    text, _, _ = index.span_text(cue.mention.sentence, cue.mention_first, cue.mention_last)
    words = [w for w in re.findall(r"[\w-]+", text.lower()) if w not in {"the", "a", "an", "its", "their", "his", "her"}]
    words = " ".join(_TITLE_ABBREVIATIONS.get(w, w) for w in words).split()
    if not words:
        return None
    for entity in reversed(index.entities_in_paragraphs_before(head.start, RECENCY_PARAGRAPHS)):
        name = book.canonical_for_entity(entity)
        if not name or book.speakers[name].type != SpeakerType.person:
            continue
        if book.speakers[name].holds_title(_TITLE_ABBREVIATIONS.get(head.word.lower(), head.word.lower()).split()[-1], set(words)):
            return name
    return None


def _the_one_titled(book: NameBook, head) -> str | None:
    """The one person the article gives this title ("captain" in "Leeds captain Ethan
    Ampadu"), or None when nobody or several have it."""
    word = head.word.lower()
    titled = [s.name for s in book.speakers.values() if s.type == SpeakerType.person
              and s.holds_title(word)]
    return titled[0] if len(titled) == 1 else None


def _named_in(index: DocIndex, book: NameBook, sentence: int, first: int, last: int, head: int, gender: str | None = None):
    candidates = []
    for i in range(first, last + 1):
        entity = index.entity(sentence, i)
        if entity is not None:
            canonical = book.canonical_for_entity(entity, gender)
            person = book.person_named_by_word(index.sentences[sentence].tokens[i].word)
            spills_over = entity.token_start < first or entity.token_end - 1 > last
            if person and entity.ner != "PERSON" and spills_over:
                # "Trump Calls" tagged as one organisation in a title-case headline, while
                # the parse says the subject is just "Trump"
                canonical = person
            if canonical:
                candidates.append((abs(i - head), canonical))
    if not candidates:
        return None
    canonical = min(candidates)[1]
    return canonical, book.speakers[canonical].type


def _through_coref(index: DocIndex, book: NameBook, ref: TokenRef):
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
        kin = _relation_of_someone_named(index, book, TokenRef(mention.sentence, mention.head), head)
        if kin:
            book.add_unlisted(kin, SpeakerType.unknown, kin)
            return kin, SpeakerType.unknown
        if mine == "PLURAL" and head.lemma.lower() in ORGANISATION_NOUNS and head.pos == "NN":
            # "Clinton's campaign is seeking to contrast her approach with what they call ...":
            # "they" is the campaign, not Clinton
            name = without_article(clean_name(mention.text))
            book.add_unlisted(name, SpeakerType.organisation, mention.text)
            return name, SpeakerType.organisation
        named = _named_in(index, book, mention.sentence, mention.token_start, mention.token_end - 1, mention.head, mine)
        if named and (mine == "PLURAL" or own_head.pos == "NNS") and named[1] == SpeakerType.person:
            continue  # "they" and "the judges" are never one person
        if named and mine in {"MALE", "FEMALE"} and named[1] == SpeakerType.organisation:
            continue  # nor is "he" a company
        if named and mine in {"MALE", "FEMALE"} and book.genders.get(named[0], mine) != mine:
            continue  # "she" in a chain that slipped onto "Bill Clinton"
        if named:
            return named
    return None


def _is_title(token) -> bool:
    """A noun for what someone is ("minister", "captain", "ambassador"), not a relation
    ("family", "colleague")."""
    lemma = token.lemma.lower()
    return lemma in ROLE_NOUNS or lemma in HONORIFICS or token.ner == "TITLE"


def _a_person_described(index: DocIndex, ref: TokenRef, head) -> bool:
    """A common noun for one person ("captain", "chief executive", "professor"), not a body
    or someone who speaks for one (a spokesman speaks for the company named)."""
    lemma = head.lemma.lower()
    if head.pos != "NN" or lemma in ORGANISATION_NOUNS | SPOKES_NOUNS | DOCUMENT_NOUNS:
        return False
    if lemma in PEOPLE_NOUNS or lemma in GENDERED_NOUNS or lemma in HONORIFICS or lemma in ROLE_NOUNS or head.ner == "TITLE":
        return True
    found = index.chain_at.get(ref)
    return bool(found and found[1].animacy == "ANIMATE")


def _may_be_speaker_noun(index: DocIndex, ref: TokenRef, head) -> bool:
    """Could this noun be someone who speaks: a person, a body, or a document that "says"?"""
    lemma = head.lemma.lower()
    if lemma in ORGANISATION_NOUNS or lemma in SPOKES_NOUNS or lemma in HONORIFICS or lemma in PEOPLE_NOUNS or lemma in GENDERED_NOUNS:
        return True
    found = index.chain_at.get(ref)
    return bool(found and found[1].animacy == "ANIMATE")


def _wanted_type(head) -> SpeakerType | None:
    word = head.word.lower()
    if word in {"he", "she", "him", "her", "his"}:
        return SpeakerType.person
    if word in {"it", "its"}:
        return SpeakerType.organisation
    if head.pos.startswith("NN"):
        return SpeakerType.organisation if head.lemma.lower() in ORGANISATION_NOUNS else SpeakerType.person
    return None


def _most_recent(index: DocIndex, book: NameBook, genders: dict[str, str], before: int,
                 want: SpeakerType | None, gender: str | None):
    """Who a pronoun or description most likely means, when coref has no answer.

    People: the last person named before it, within a few paragraphs, whose known gender
    fits. Organisations ("the business", "its developers"): the most often named
    organisation among those named recently, because an article keeps returning to the
    company it is about; with none before, the article's most named organisation."""
    counts = index.mention_counts
    fallback = None  # the most recent name of the wrong (or doubtful) gender
    recent_orgs: list[str] = []
    for entity in reversed(index.entities_in_paragraphs_before(before, RECENCY_PARAGRAPHS)):
        if index.in_quote(index.sentences[entity.sentence].tokens[entity.token_start]):
            continue  # "they thought Obama and Michelle saying ...," she said: names in a quote are not her
        canonical = book.canonical_for_entity(entity, gender)
        if not canonical or canonical in index.relays:
            continue
        kind = book.speakers[canonical].type
        if want is not None and kind != want:
            continue
        if kind == SpeakerType.organisation:
            recent_orgs.append(canonical)
            continue
        if gender in {"MALE", "FEMALE"} and genders.get(canonical, gender) != gender:
            fallback = fallback or (canonical, kind)
            continue
        return canonical, kind
    if recent_orgs:
        best = max(recent_orgs, key=lambda name: (counts.get(name, 0), -recent_orgs.index(name)))
        return best, SpeakerType.organisation
    if want == SpeakerType.organisation:
        orgs = [n for n in counts if book.speakers[n].type == SpeakerType.organisation and n not in index.relays]
        if orgs:
            return max(orgs, key=lambda n: counts[n]), SpeakerType.organisation
    return fallback


def _the_more_salient(index: DocIndex, book: NameBook, genders: dict[str, str], pronoun, chained: tuple[str, SpeakerType]):
    """Coref's person for "he"/"she", or the last person of that gender named before it when
    that one has been the subject of more clauses lately. CoreNLP's chains slip in long
    features: a profile whose standfirst names the director once gets "she says" twenty
    paragraphs on tied to him, not to the actor the profile is about; 'Trump campaign
    spokesman Jason Miller told The Washington Post that ... "We don't have the exact
    legislation written down," he said' is Miller's, not Trump's."""
    gender = PERSONAL_PRONOUNS[pronoun.word.lower()]
    recent = _most_recent(index, book, genders, pronoun.start, SpeakerType.person, gender)
    if not recent or recent[0] == chained[0] or genders.get(recent[0]) != gender:
        return chained  # only for someone known to be a "she" ("Giorgia" is not in CoreNLP's lists)
    subjects = _recent_subjects(index, book, pronoun.start)
    return recent if subjects.get(recent[0], 0) > subjects.get(chained[0], 0) else chained


def _recent_subjects(index: DocIndex, book: NameBook, before: int) -> dict[str, int]:
    """How often each person or body was the subject of a clause outside quotes in the
    SALIENCE_PARAGRAPHS paragraphs before a position: who the passage is about."""
    counts: dict[str, int] = {}
    for entity in index.entities_in_paragraphs_before(before, SALIENCE_PARAGRAPHS):
        tree = index.trees[entity.sentence]
        if not any(tree.relation(i).startswith("nsubj") for i in range(entity.token_start, entity.token_end)):
            continue
        if index.in_quote(index.sentences[entity.sentence].tokens[entity.token_start]):
            continue
        canonical = book.canonical_for_entity(entity)
        if canonical:
            counts[canonical] = counts.get(canonical, 0) + 1
    return counts


def _mention_counts(index: DocIndex, book: NameBook) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entity in index.entities:
        canonical = book.canonical_for_entity(entity)
        if canonical:
            counts[canonical] = counts.get(canonical, 0) + 1
    return counts


def _genders(index: DocIndex, book: NameBook) -> dict[str, str]:
    """Gender of each named person as CoreNLP saw it: the gender it gives the person's
    proper-name mentions with more than a surname (first-name statistics; "Clinton" alone is
    Bill's as much as Hillary's), read mention by mention so that a chain coref merged
    across people does not hide it, and a clear majority of the pronouns in chains that
    name mostly this person. Unknown when either is split or the two disagree."""
    from_names: dict[str, dict[str, int]] = {}
    from_pronouns: dict[str, dict[str, int]] = {}
    for chain in index.doc.coref_chains:
        names: dict[str, int] = {}
        for mention in chain.mentions:
            named = _named_in(index, book, mention.sentence, mention.token_start, mention.token_end - 1, mention.head)
            if not named:
                continue
            names[named[0]] = names.get(named[0], 0) + 1
            head_entity = index.entity(mention.sentence, mention.head)
            own_name = book.canonical_for_entity(head_entity) if head_entity is not None else None
            if mention.mention_type == "PROPER" and mention.gender in {"MALE", "FEMALE"} and len(mention.text.split()) > 1 \
                    and own_name == named[0]:  # the gender is the head's: not "Mr. Obama and ... Michelle Obama"
                votes = from_names.setdefault(named[0], {})
                votes[mention.gender] = votes.get(mention.gender, 0) + 1
        # a chain that slipped onto a second name once still speaks of the one it names most
        ranked = sorted(names.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] < 2 * ranked[1]):
            continue
        name = max(names, key=names.get)
        for mention in chain.mentions:
            pronoun = PERSONAL_PRONOUNS.get(mention.text.lower())
            if pronoun in {"MALE", "FEMALE"}:
                votes = from_pronouns.setdefault(name, {})
                votes[pronoun] = votes.get(pronoun, 0) + 1
    # "Ms Meloni", "Mr Xi": the honorific says it outright, over any chain's pronouns (and
    # CoreNLP's name lists do not know every first name)
    from_titles: dict[str, dict[str, int]] = {}
    for entity in index.entities:
        if entity.ner != "PERSON":
            continue
        tokens = index.sentences[entity.sentence].tokens
        # the honorific inside the mention ("Ms Meloni" tagged whole) or right before it
        words = [tokens[entity.token_start].word] + ([tokens[entity.token_start - 1].word] if entity.token_start else [])
        gender = next((TITLE_GENDERS[w.lower().rstrip(".")] for w in words if w.lower().rstrip(".") in TITLE_GENDERS), None)
        # (not where the name is one two people share: "Ms Taylor" is the question, not the answer)
        name = book.canonical_for_entity(entity) if gender and not book.is_shared(entity) else None
        if name:
            votes = from_titles.setdefault(name, {})
            votes[gender] = votes.get(gender, 0) + 1

    def clear(votes: dict[str, int]) -> str | None:
        ranked = sorted(votes.values(), reverse=True)
        return max(votes, key=votes.get) if ranked and (len(ranked) == 1 or ranked[0] >= 2 * ranked[1]) else None

    genders = {name: gender for name, votes in from_titles.items() if (gender := clear(votes))}
    for name in (set(from_names) | set(from_pronouns)) - set(genders):
        by_name, by_pronouns = clear(from_names.get(name, {})), clear(from_pronouns.get(name, {}))
        if by_name and by_pronouns and by_name != by_pronouns:
            continue  # "Taylor Swift" is a man's name to CoreNLP; the article's "she" says otherwise
        if by_name or by_pronouns:
            genders[name] = by_name or by_pronouns
    return genders


# ----------------------------------------------------------------------------- roles


def _relays(index: DocIndex, book: NameBook) -> set[str]:
    """Names that only ever appear as a channel, not a speaker: "according to the BBC",
    "told CNBC". A pronoun or description is not resolved to them."""
    channels, speakers = set(), set()
    for entity in index.entities:
        canonical = book.canonical_for_entity(entity)
        if not canonical:
            continue
        tree = index.trees[entity.sentence]
        tokens = index.sentences[entity.sentence].tokens
        head = entity.token_end - 1
        relation, governor = tree.parent.get(head, ("root", -1))
        before = [t.word.lower() for t in tokens[max(0, entity.token_start - 3) : entity.token_start]]
        if "according" in before or (relation in {"obj", "iobj"} and governor >= 0 and tokens[governor].lemma.lower() == "tell"):
            channels.add(canonical)
        elif relation.startswith("nsubj"):
            speakers.add(canonical)
    return channels - speakers


def _collect_roles(index: DocIndex, book: NameBook) -> None:
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
        if entity.ner == "PERSON" and tree.relation(head).startswith("nmod") and 0 <= governor < entity.token_start \
                and tokens[governor].pos == "NN" and _is_title(tokens[governor]) \
                and case_words(tree, tokens, head) & {"of", "to", "at"}:
            # "China's ambassador to Britain Liu Xiaming": the title runs into the name
            first = mention_span(tree, tokens, governor)[0]
        while first < entity.token_start and (tokens[first].pos in {"DT", "PRP$", "POS", "IN", "VBG", "TO"} or tree.relation(first) == "case"):
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


# ----------------------------------------------------------------------------- quote types


def _quote_type(ctx: QuoteContext, title: str | None) -> QuoteType:
    span = ctx.quote
    paragraphs = ctx.index.doc.paragraphs
    if span.paragraph < len(paragraphs):
        para = paragraphs[span.paragraph]
        line = ctx.index.text[para.start : para.end]
        if (title is not None and clean_name(title) == clean_name(line)) or (
            span.paragraph < 3 and len(paragraphs) > 1 and _looks_like_headline(line)
        ):
            return QuoteType.headline
    if _looks_like_title(span.text):
        return QuoteType.non_speech
    if looks_like_speech(span) or _second_half_of_a_split_quote(ctx):
        return QuoteType.direct
    return QuoteType.non_speech  # until a rule finds a speaker: then it is a partial quote


def _second_half_of_a_split_quote(ctx: QuoteContext) -> bool:
    """'"It's the kind of result that gets people excited," said Natarajan, "but the hard
    work starts now."': the part after the attribution is as direct as the part before it,
    whatever its case or length."""
    before = ctx.index.quote_before(ctx.quote)
    if before is None or before.close_mark is None or not before.text.rstrip().endswith((",", "—", "–")):
        return False
    if not looks_like_speech(before) and not before.text[:1].isupper():
        return False
    gap = ctx.index.text[before.outer_end : ctx.quote.outer_start]
    return len(gap) <= 80 and not re.search(r"[.!?\n]", gap) and gap.rstrip().endswith((",", ":"))


def _looks_like_headline(line: str) -> bool:
    """A title line near the top: short, no sentence end, its long words capitalised
    ("**Trump Calls DeepSeek a 'Wake-Up Call' for American Tech Firms**")."""
    bare = line.strip().strip("*#_ ").strip()
    words = re.findall(r"[A-Za-z][\w'’-]*", bare)
    if not words or len(words) > 25 or re.search(r"[.!?:]$", bare):
        return False
    long_words = [w for w in words if len(w) >= 4]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.6 * len(long_words)


_MINOR_WORDS = frozenset("a an the and or of in on at to for with by from as vs but nor".split())


def _looks_like_title(text: str) -> bool:
    """A name or title in quote marks, not speech: 'Face the Nation,', 'TQM in Practice',
    'Keepin' It Real'. Two to seven words, every major word capitalised, no sentence inside."""
    words = re.findall(r"[\w'’-]+", text)
    if not 2 <= len(words) <= 7 or re.search(r"[.!?]\s+\S", text.strip()):
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(major) and all(w[:1].isupper() or w[:1].isdigit() for w in major)


def _context(ctx: QuoteContext) -> str:
    sentences = ctx.sentences or [ctx.index.sentence_at(ctx.quote.start)] if ctx.index.sentences else []
    if not sentences:
        return ctx.quote.text
    first = ctx.index.sentences[sentences[0]]
    last = ctx.index.sentences[sentences[-1]]
    return ctx.index.text[min(first.start, ctx.quote.outer_start) : max(last.end, ctx.quote.outer_end)]
