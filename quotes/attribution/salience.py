"""Who a mention most likely means when the text does not say: names inside a span, the most
recent compatible person, who a passage is about; the genders the article makes clear;
names used only as channels ("according to the BBC"); how often each name is written."""

from __future__ import annotations

from quotes.attribution.lexicon import PERSONAL_PRONOUNS
from quotes.attribution.names import NameBook, TITLE_GENDERS
from quotes.attribution.syntax import DocIndex
from quotes.attribution.context import RECENCY_PARAGRAPHS, SALIENCE_PARAGRAPHS
from quotes.models import SpeakerType


def named_in(index: DocIndex, book: NameBook, sentence: int, first: int, last: int, head: int, gender: str | None = None):
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


def most_recent(
    index: DocIndex, book: NameBook, genders: dict[str, str], before: int, want: SpeakerType | None, gender: str | None
):
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


def the_more_salient(index: DocIndex, book: NameBook, genders: dict[str, str], pronoun, chained: tuple[str, SpeakerType]):
    """Coref's person for "he"/"she", or the last person of that gender named before it when
    that one has been the subject of more clauses lately. CoreNLP's chains slip in long
    features: a profile whose standfirst names the director once gets "she says" twenty
    paragraphs on tied to him, not to the actor the profile is about; 'Trump campaign
    spokesman Jason Miller told The Washington Post that ... "We don't have the exact
    legislation written down," he said' is Miller's, not Trump's."""
    gender = PERSONAL_PRONOUNS[pronoun.word.lower()]
    recent = most_recent(index, book, genders, pronoun.start, SpeakerType.person, gender)
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


def mention_counts(index: DocIndex, book: NameBook) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entity in index.entities:
        canonical = book.canonical_for_entity(entity)
        if canonical:
            counts[canonical] = counts.get(canonical, 0) + 1
    return counts


def genders_of(index: DocIndex, book: NameBook) -> dict[str, str]:
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
            named = named_in(index, book, mention.sentence, mention.token_start, mention.token_end - 1, mention.head)
            if not named:
                continue
            names[named[0]] = names.get(named[0], 0) + 1
            head_entity = index.entity(mention.sentence, mention.head)
            own_name = book.canonical_for_entity(head_entity) if head_entity is not None else None
            if (
                mention.mention_type == "PROPER"
                and mention.gender in {"MALE", "FEMALE"}
                and len(mention.text.split()) > 1
                and own_name == named[0]
            ):  # the gender is the head's: not "Mr. Obama and ... Michelle Obama"
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


def relays_of(index: DocIndex, book: NameBook) -> set[str]:
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


def subject_above(index: DocIndex, sentence: int, pronoun: int) -> int | None:
    """The subject of the nearest clause above a "he"/"she"/"his"/"her" that is about
    someone else than the pronoun itself: the token a binding reading gives it ('Clinton
    said that she called ...', 'Clinton said her plan ...'). A same-gender pronoun subject
    passes the question further up, and so does a relative clause's "which"/"who" (a
    modifier of the clause above). None when the walk meets a subject inside a quotation,
    or reaches the root."""
    tree, tokens = index.trees[sentence], index.sentences[sentence].tokens
    gender = PERSONAL_PRONOUNS.get(tokens[pronoun].word.lower())
    node, seen = pronoun, set()
    while (node := tree.head(node)) >= 0 and node not in seen:
        seen.add(node)
        for subject in tree.kids(node, "nsubj"):
            if subject == pronoun:
                continue
            if PERSONAL_PRONOUNS.get(tokens[subject].word.lower()) == gender or tokens[subject].pos in {"WDT", "WP"}:
                break
            return None if index.in_quote(tokens[subject]) else subject
    return None
