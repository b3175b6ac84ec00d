"""Titles and descriptions an article gives a named person ("US President Donald Trump",
"Marina Zhang, an associate professor at ..."), and who holds a title a later mention uses."""

from __future__ import annotations

import re

from quotes.attribution.lexicon import (
    COURTESY_TITLES,
    EVALUATIVE_ADJECTIVES,
    HONORIFICS,
    PARTY_LETTERS,
    PARTY_WORDS,
    POSITION_ENDINGS,
    POSITION_NOUNS,
    RELATION_NOUNS,
    RELATIVE_PRONOUNS,
    ROLE_EDGE_ADVERBS,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from quotes.attribution.names import NameBook
from quotes.attribution.syntax import DocIndex
from quotes.attribution.context import Cue, RECENCY_PARAGRAPHS
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
    """Titles and descriptions the article gives a named person, as a reporter would print
    them: "US President Donald Trump" -> "US President"; "Marina Zhang, an associate
    professor at the University of Technology Sydney" -> "associate professor at the
    University of ..."; a party label ("(D-Mo.)") is the speaker's party, not a role. Only
    people have roles: what an article says an organisation is describes no position."""
    for entity in index.entities:
        canonical = book.canonical_for_entity(entity)
        if not canonical or entity.ner != "PERSON" or book.speakers[canonical].type != SpeakerType.person:
            continue
        speaker = book.speakers[canonical]
        tree = index.trees[entity.sentence]
        tokens = index.sentences[entity.sentence].tokens
        head = entity.token_end - 1
        for phrase in _titles_before(index, tree, tokens, entity) + _shared_titles(index, tree, tokens, entity):
            _add(index, speaker, tree, tokens, phrase)
        party = _party_after(index, entity)
        if party:
            speaker.party = party
        # "Marina Zhang, an associate professor at ...", and the other way round: "The
        # state's attorney general, Kevin Marsh, said"; "A former candidate -- John McCain"
        described_by = [a for a in tree.kids(head, "appos")]
        if tree.relation(head) == "appos" and tree.head(head) >= 0:
            described_by.append(tree.head(head))
        governor = tree.head(head)
        if tree.relation(head) == "dep" and 0 <= governor < head and _dash_between(tokens, governor, head):
            described_by.append(governor)
        for appos in described_by:
            if index.in_quote(tokens[appos]):
                continue
            party = _party_label(index, tree, tokens, appos)
            if party:
                speaker.party = party
                continue
            if not tokens[appos].pos.startswith("NN") or index.entity(entity.sentence, appos) is not None:
                continue
            for phrase in _described(tree, tokens, appos, exclude=head):
                _add(index, speaker, tree, tokens, phrase)


def _add(index: DocIndex, speaker, tree, tokens, phrase: list[int]) -> None:
    role, party = printable_role(index, tree, tokens, phrase)
    if party:
        speaker.party = party
    if role:
        speaker.add_role(role)


# ---------------------------------------------------------------- titles before a name


def _titles_before(index: DocIndex, tree, tokens, entity) -> list[list[int]]:
    """The titles written before a name, each a list of token indices: "Trump running mate
    Gov. Mike Pence" -> [Trump running mate], [Gov.]; "Retired Lt. Gen. Michael Flynn" ->
    [Retired Lt. Gen.]; "Secretary of Homeland Security Jeh Johnson" -> [Secretary of
    Homeland Security], never the organisation's last word alone. A dateline, a headline
    or the clause before the name is no part of it: the run stops at punctuation and at
    words outside the name's own phrase."""
    head = entity.token_end - 1
    run: list[int] = []
    i = entity.token_start - 1
    # the parser may hang the name on the title right before it ("labor leader and civil
    # rights activist Dolores Huerta": Huerta a dep of "leader"): the title's phrase then
    governor = tree.head(head)
    if (
        tree.relation(head) == "dep"
        and 0 <= governor < entity.token_start
        and _is_position(tokens, governor)
        and all(_in_phrase_of(tree, k, governor) for k in range(governor + 1, entity.token_start))
    ):
        head = governor
    while i >= 0 and (_in_phrase_of(tree, i, head) or i == head) and not index.in_quote(tokens[i]):
        token = tokens[i]
        if token.pos in _PUNCTUATION and not _joins_a_word(tokens, i):
            break
        if token.pos in {"DT", "PRP$", "WDT", "WP", "WP$", "IN", "TO", "CD"} or tree.relation(i) == "case":
            if token.word.lower() in {"a", "an"}:
                return []  # "a President Trump would ...": nobody holds that title yet
            break
        if token.pos in {"VB", "VBZ", "VBP", "VBD", "MD"}:
            break
        run.insert(0, i)
        i -= 1
    if i >= 0 and tokens[i].lemma.lower() == "be":
        # "who is challenging Sen. John McCain": the participle after "is" is the clause's verb
        while run and tokens[run[0]].pos in {"VBG", "JJ"}:
            run.pop(0)
    if i >= 1 and tokens[i].word.lower() == "of" and tokens[i - 1].lemma.lower() in {"kind", "sort", "type"}:
        return []  # "what kind of candidate Trump will become": a question, no title
    # "China's ambassador to Britain Liu Xiaming", "Secretary of Homeland Security Jeh
    # Johnson": a title and its of-phrase run into the name, when what stands between the
    # preposition and the name is a place or an organisation
    j = run[0] - 1 if run else entity.token_start - 1
    if (
        run
        and all(tokens[r].ner in _PLACES_AND_BODIES for r in run)
        and j >= 1
        and tokens[j].word.lower() in {"of", "to", "for", "at"}
        and _is_position(tokens, j - 1)
    ):
        k = j - 1
        while k - 1 >= 0 and tokens[k - 1].pos in {"NNP", "NNPS", "NN", "JJ", "POS"} and not index.in_quote(tokens[k - 1]):
            k -= 1
        run = list(range(k, run[-1] + 1 if run else entity.token_start))
    return _split_titles(tokens, run)


_PLACES_AND_BODIES = frozenset({"LOCATION", "ORGANIZATION", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "MISC", "NATIONALITY"})
_PUNCTUATION = frozenset({",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", ";", "#", "$", "SYM"})


def _joins_a_word(tokens, i: int) -> bool:
    """A hyphen inside a word ("Florida-based", "front-runner"), not a dash between words."""
    return (
        tokens[i].pos == "HYPH"
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].end == tokens[i].start
        and tokens[i].end == tokens[i + 1].start
    )


def _in_phrase_of(tree, node: int, head: int) -> bool:
    """Whether a token hangs (through other tokens) from the name's head."""
    seen = 0
    while node >= 0 and seen < 50:
        if node == head:
            return True
        node = tree.head(node)
        seen += 1
    return False


def _split_titles(tokens, run: list[int]) -> list[list[int]]:
    """A run of words before a name cut into one title each: at "and" ("Democratic candidate
    and former governor"), after a role noun another title follows ("running mate Gov."),
    and around a courtesy title ("editor Dr.")."""
    parts: list[list[int]] = [[]]
    for n, i in enumerate(run):
        word = tokens[i].word.lower()
        if word in {"and", "&", "or"}:
            parts.append([])
            continue
        starts_title = word in TITLE_WORDS or word in COURTESY_TITLES or (tokens[i].word[:1].isupper() and word in HONORIFICS)
        previous = parts[-1][-1] if parts[-1] else None
        if previous is not None and (
            tokens[previous].word.lower() in COURTESY_TITLES
            or (starts_title and _is_position(tokens, previous) and tokens[previous].word.lower() not in TITLE_WORDS)
            or (word in COURTESY_TITLES)
        ):
            parts.append([])
        parts[-1].append(i)
    return [p for p in parts if p]


def _shared_titles(index: DocIndex, tree, tokens, entity) -> list[list[int]]:
    """A plural title before names joined by "and" is each one's: "Sens. Mark Kirk (R-Ill.)
    ... and Ron Johnson", "Idaho Republican Sens. Mike Crapo and Jim Risch"."""
    head = entity.token_end - 1
    governor = tree.head(head)
    if tree.relation(head) != "conj" or governor < 0:
        return []
    first = next((e for e in index.entities if e.sentence == entity.sentence and e.token_end - 1 == governor), None)
    if first is None or first.ner != "PERSON":
        return []
    return [
        phrase
        for phrase in _titles_before(index, tree, tokens, first)
        if tokens[phrase[-1]].word.lower() in _PLURAL_TITLES or tokens[phrase[-1]].pos in {"NNS", "NNPS"}
    ]


_PLURAL_TITLES = frozenset({"sens.", "reps.", "govs."})


def _dash_between(tokens, a: int, b: int) -> bool:
    return any(tokens[i].pos == ":" and tokens[i].word in {"--", "—", "–", "-"} for i in range(a + 1, b))


# ---------------------------------------------------------------- appositions


def _described(tree, tokens, node: int, exclude: int) -> list[list[int]]:
    """A description's phrases, each as token indices: the head's own words without
    relative clauses, participle clauses and appositions ("director of the Voter Access
    Project, which brought the suit" -> "director of the Voter Access Project"), and each
    coordinated description on its own ("a physician from Massachusetts and longtime Green
    Party activist" -> two)."""
    if tokens[node].lemma.lower() in RELATION_NOUNS:
        return []  # "his wife, Lonnie, and other family members": nothing here is Lonnie's role
    heads = [node] + [
        c
        for c in tree.subtree(node)
        if c not in (node, exclude)
        and tree.relation(c) == "conj"
        and _is_position(tokens, c)
        and exclude not in tree.subtree(c)
        and _complete_before(tree, tokens, tree.head(c), c)
    ]
    # one person's description is singular: "family members" describes a group
    return [_role_tokens(tree, tokens, h, exclude) for h in heads if tokens[h].pos not in {"NNS", "NNPS"}]


def _apart(tree, tokens, first: int, conjunct: int) -> bool:
    """Whether a noun joined by "and" is a description of its own: a role of its own, a
    relation ("a lawyer and father of two"), or a phrase with its own article ("pastor of
    the church and a supporter of the campaign")."""
    if tokens[conjunct].lemma.lower() in RELATION_NOUNS:
        return True
    if any(tokens[d].word.lower() in {"a", "an", "the"} for d in tree.kids(conjunct, "det")):
        return True
    return _is_position(tokens, conjunct) and _complete_before(tree, tokens, first, conjunct)


def _complete_before(tree, tokens, first: int, conjunct: int) -> bool:
    """Whether the description before "and" is whole without what follows: "a physician
    from Massachusetts and longtime Green Party activist" is two, but "co-founder and
    executive chair of Databricks" is one, its founder and its chair both of Databricks."""
    if not _is_position(tokens, first):
        return True  # joined to the first one's complement ("from Massachusetts"), as parsed
    return any(tree.relation(i).startswith("nmod") for i in tree.subtree(first) if first < i < conjunct)


_CUT_RELATIONS = ("acl", "appos", "parataxis", "dep", "punct")


def _role_tokens(tree, tokens, node: int, exclude: int) -> list[int]:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        out.append(current)
        for relation, child in tree.children.get(current, []):
            if child == exclude or (current == node and relation.startswith(_CUT_RELATIONS)):
                continue
            if relation.startswith(("acl", "appos")) or (relation == "conj" and _apart(tree, tokens, current, child)):
                continue
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
        if out[i] == run[-1] + 1 and tokens[out[i]].word.lower() not in RELATIVE_PRONOUNS:
            run.append(out[i])
        else:
            break
    # a clause or an aside after the head ends the description
    for n, i in enumerate(run):
        if i > node and (tokens[i].pos in {",", ":", "-LRB-", "-RRB-"} or tokens[i].word.lower() in RELATIVE_PRONOUNS):
            return run[:n]
    return run


# ---------------------------------------------------------------- printing a role


def _party_label(index: DocIndex, tree, tokens, node: int) -> str | None:
    """The party in a label after a name: "(D-Mo.)", "R-Fla.", "(I-Vt.)", "(R)"."""
    words = [tokens[i] for i in tree.subtree(node)]
    text = index.text[words[0].start : words[-1].end]
    found = _PARTY_LABEL.match(text.strip("() ,"))
    return PARTY_LETTERS[found.group(1).lower()] if found else None


def _party_after(index: DocIndex, entity) -> str | None:
    """The party in a label written right after a name: "Sen. Jack Reed (D-R.I.)",
    "Sen. Marco Rubio, R-Fla., said"."""
    found = _PARTY_AFTER.match(index.text, entity.end)
    return PARTY_LETTERS[(found.group(1) or found.group(2)).lower()] if found else None


_PARTY_AFTER = re.compile(
    r"\s*(?:\(\s*([DRI])(?:\s*-\s*[A-Z][A-Za-z. ]{0,14})?\)|,\s*([DRI])-[A-Z][A-Za-z.]{0,8}(?:\s[A-Z][A-Za-z.]{0,8})?,)"
)
_PARTY_LABEL = re.compile(r"^([DRI])(?:\s*-\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?$")


def _is_position(tokens, i: int) -> bool:
    """Whether a token is a noun for a position ("strategist", "front-runner" written as
    front - runner) or a title ("Sen.")."""
    token = tokens[i]
    word = token.word.lower()
    if word in TITLE_WORDS:
        return True
    if not token.pos.startswith("NN"):
        return False
    lemma = token.lemma.lower()
    if lemma in RELATION_NOUNS:
        return False
    return lemma in POSITION_NOUNS or word in POSITION_NOUNS or lemma.endswith(POSITION_ENDINGS)


def printable_role(index: DocIndex, tree, tokens, phrase: list[int]) -> tuple[str | None, str | None]:
    """(the role as a reporter prints it, or None; the party it names, or None).

    A role is a noun phrase headed by a noun for a position or a title; adjectives,
    clauses, fragments and relations ("his wife") are not. Dropped at its edges: articles,
    courtesy titles (Dr., Rev.), judging adjectives ("powerful"), "now"/"currently"; a
    title once held ("then-Sen.") is none now. Abbreviated titles are written out ("Lt.
    Gen." -> "lieutenant general"); a party name right before a title is the party
    ("Democratic Sen." -> "senator", Democratic)."""
    words = [i for i in phrase if tokens[i].word.lower() not in COURTESY_TITLES]
    if any(tokens[i].word.lower() in {"then", "then-"} for i in words):
        return None, None
    while words and (
        tokens[words[0]].pos in {"DT", "PRP$", "CD", "IN", "TO", "RB", "POS", "CC", "HYPH", ","}
        or tokens[words[0]].word.lower() in EVALUATIVE_ADJECTIVES | ROLE_EDGE_ADVERBS | {"one", "another", "only"}
        # "Staff alerted Clinton's chief of staff, Cheryl Mills": a verb the parser hung on a name
        or (
            tokens[words[0]].pos.startswith("VB") and tree.head(words[0]) in words and tokens[tree.head(words[0])].ner == "PERSON"
        )
    ):
        words = words[1:]
    while words and tokens[words[-1]].pos in {"POS", "HYPH", ",", "IN", "CC"}:
        words = words[:-1]
    if not words:
        return None, None
    # the head: the last word before any of-phrase ("secretary of state for the elderly")
    end = next((n for n, i in enumerate(words) if n > 0 and tokens[i].pos in {"IN", "TO"}), len(words))
    if not _heads_a_role(tokens, words[:end]):
        return None, None
    party = None
    titled = any(tokens[i].word.lower() in TITLE_WORDS for i in words)
    for n, i in enumerate(words[:-1]):
        nxt = tokens[words[n + 1]]
        if tokens[i].word.lower() in PARTY_WORDS and (
            nxt.word.lower() in TITLE_WORDS or (nxt.word[:1].isupper() and nxt.word.lower() in HONORIFICS)
        ):
            party = PARTY_WORDS[tokens[i].word.lower()]
            words = words[:n] + words[n + 1 :]
            break
    out: list[str] = []
    for n, i in enumerate(words):
        token = tokens[i]
        word = index.text[token.start : token.end]
        lower = word.lower()
        if lower in TITLE_WORDS:
            word = TITLE_WORDS[lower]
        elif len(words) == 1 and lower in POSITION_NOUNS | HONORIFICS:
            word = lower  # "President Obama" -> "president", "Actress Diane Guerrero" -> "actress"
        elif (titled or token.index == 0) and lower in _TITLE_MODIFIERS:
            word = lower  # "Former Rep." -> "former representative", "State Rep." -> "state representative"
        elif token.index == 0 and n == 0 and token.pos not in {"NNP", "NNPS"} and lower in POSITION_NOUNS:
            word = lower  # a capital only because the sentence starts there
        joined = n > 0 and tokens[words[n - 1]].end == token.start
        out.append(("" if joined else " ") + word if out else word)
    role = "".join(out).strip()
    return (role if len(role) <= 120 else None), party


def _heads_a_role(tokens, words: list[int]) -> bool:
    """Whether the phrase's last word is a position noun or a title, read whole when written
    in pieces ("front-runner", "co-founder")."""
    last = words[-1]
    if tokens[last].lemma.lower() in RELATION_NOUNS:
        return False
    if _is_position(tokens, last):
        return True
    start = last
    while start >= 2 and tokens[start - 1].pos == "HYPH" and _joins_a_word(tokens, start - 1):
        start -= 2
    whole = "".join(tokens[i].word for i in range(start, last + 1)).lower()
    return start < last and tokens[last].pos.startswith("NN") and whole in POSITION_NOUNS


_TITLE_MODIFIERS = frozenset(
    "former retired acting interim state deputy assistant associate senior junior incoming outgoing vice chief executive".split()
)
