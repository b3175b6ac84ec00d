"""When and where the words were said: the occasion of an occurrence, and whether two
occurrences' occasions clearly differ (then they are the same line said twice, not one
utterance printed twice).

The occasion is read from the saying's own clause only: the cue verb's dependency subtree
without the reported content (ccomp, xcomp, parataxis, relative clauses, anything inside
quote marks), plus a ``when``/``as``/``while`` clause's governor ("after a defeat in 2008,
when she told supporters ..."), plus a "speaking at ..." participle on the subject. "He said
he would visit Iowa on Tuesday" tells when he will visit, not when he said it, so nothing in
the content counts. From those tokens: CoreNLP's DATE/TIME runs (dates worked out from the
article's date: "on Tuesday", "last week", "in March", "in 2008"), places (LOCATION-like
NER), event nouns ("rally", "debate", "interview") and media ("told the Post", "in an
interview with CNN": an ORGANIZATION).

Deciding is conservative, on dates only: two occurrences clearly differ when the days
they can have been said on lie more than ``SLACK_DAYS`` apart, and at least one of them states
its time. One that states none is taken as said in the days before its article when its cue
is in the simple past ("Clinton said": the article's news), in the year before it when in
the present ("she often speaks of"), and at any time when in the perfect ("she has said").
Places, events and media are stored and shown but split nothing ("in Raleigh" and "in North
Carolina" are one place; a venue's name is not a day).

Public surface: ``read_setting``, ``with_settings``, ``date_range``, ``said_between``,
``clearly_different``, ``describe``.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta
from typing import Iterable

from quotes.models import Attribution, Document, Occasion, OccasionKind, Sentence, Setting, Tense

SLACK_DAYS = 2  # a day misread (time zones, "Tuesday night" printed Wednesday) is no new occasion
PAST_DAYS = 2  # an undated "X said" is the article's news: said on its day or the two before
PRESENT_DAYS = 365  # an undated "X says" is said these days

# dependency relations that lead out of the saying into what was said, or into another clause
_CONTENT = frozenset({"ccomp", "xcomp", "parataxis", "acl", "acl:relcl", "csubj", "conj", "dep", "advcl", "list", "discourse"})
_WHEN = frozenset({"when", "as", "while"})
_SPEAKING = frozenset({"speak", "address", "appear", "campaign", "talk", "testify", "answer", "respond", "reply"})
_PLACE_NER = frozenset({"LOCATION", "CITY", "STATE_OR_PROVINCE", "COUNTRY"})
_TIME_NER = frozenset({"DATE", "TIME"})
EVENT_NOUNS = frozenset(
    """rally debate interview speech hearing conference briefing meeting event convention address forum fundraiser
    summit appearance town hall session dinner luncheon ceremony gathering stop breakfast show broadcast podcast
    testimony statement roundtable caucus primary""".split()
)
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


# ----------------------------------------------------------------------------- dates


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def date_range(phrase: str, today: date | None) -> tuple[date, date] | None:
    """The days a time phrase can mean, written in an article of ``today`` (None: only
    phrases that need no date, such as "in 2008" or "March 3, 2015"), inclusive. None for a
    phrase that names no day of the past ("soon", "every week", "at 3 p.m.")."""
    text = unicodedata.normalize("NFKC", phrase).lower().replace("’", "'")
    words = re.findall(r"[a-z]+|\d+", text)
    if not words or {"next", "tomorrow", "coming", "upcoming"} & set(words):
        return None  # a day to come is no day the words were said on
    year = next((int(w) for w in words if len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2099), None)
    # only CoreNLP's DATE/TIME runs are read, so "may" or "march" here is the month
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    day_of_month = next((int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31 and len(w) <= 2), None)
    if month is not None and (year is not None or today is not None):
        y = year if year is not None else today.year  # type: ignore[union-attr]
        if year is None and today is not None and date(y, month, 1) > today:
            y -= 1  # "in November", written in March: the November before
        if day_of_month is not None:
            try:
                d = date(y, month, day_of_month)
            except ValueError:
                return None
            if year is None and today is not None and d > today + timedelta(days=1) and not (month == 2 and day_of_month == 29):
                d = d.replace(year=y - 1)  # "on Dec. 30", written on Jan. 2: the one just past
            return d, d
        return _month_range(y, month)
    if year is not None:
        return date(year, 1, 1), date(year, 12, 31)
    if today is None:
        return None
    if "yesterday" in words:
        d = today - timedelta(days=1)
        return d, d
    if "today" in words or "tonight" in words or words[:2] in (["this", "morning"], ["this", "afternoon"], ["this", "evening"]):
        return today, today
    weekday = next((_WEEKDAYS[w] for w in words if w in _WEEKDAYS), None)
    if weekday is not None:
        back = (today.weekday() - weekday) % 7
        if "last" in words and back == 0:
            back = 7
        d = today - timedelta(days=back)
        return d, d
    for i, w in enumerate(words[:-1]):
        unit = words[i + 1].rstrip("s")
        if unit in _UNITS and "ago" in words[i + 2 :]:
            n = int(w) if w.isdigit() else _NUMBERS.get(w)
            if n is None:
                continue
            back = n * _UNITS[unit]
            spread = _UNITS[unit] if unit != "day" else 0  # "two weeks ago" is loose by a week
            return today - timedelta(days=back + spread), today - timedelta(days=max(0, back - spread))
    if "last" in words or "past" in words:
        if "week" in words or "weekend" in words:
            return today - timedelta(days=13), today - timedelta(days=1)
        if "month" in words:
            first = today.replace(day=1) - timedelta(days=1)
            return _month_range(first.year, first.month)
        if "year" in words:
            return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if "this" in words and "week" in words or "earlier" in words and "week" in words:
        return today - timedelta(days=6), today
    if "this" in words and "month" in words:
        return today.replace(day=1), today
    if "this" in words and "year" in words:
        return today.replace(month=1, day=1), today
    return None


# ----------------------------------------------------------------------------- reading


def _tree(sentence: Sentence) -> tuple[dict[int, tuple[str, int]], dict[int, list[tuple[str, int]]]]:
    parent: dict[int, tuple[str, int]] = {}
    children: dict[int, list[tuple[str, int]]] = {}
    for dep in sentence.basic_dependencies:
        parent[dep.dependent] = (dep.relation, dep.governor)
        children.setdefault(dep.governor, []).append((dep.relation, dep.dependent))
    return parent, children


def _when_clause(children: dict[int, list[tuple[str, int]]], tokens, node: int) -> bool:
    """Whether ``node`` heads a clause opened by when, as or while."""
    return any(tokens[c].word.lower() in _WHEN for r, c in children.get(node, []) if r in ("mark", "advmod"))


def _clause(children: dict[int, list[tuple[str, int]]], tokens, node: int, skip: int | None = None) -> set[int]:
    """The tokens of ``node``'s own clause: its subtree without the clauses below it, except a
    "speaking at ..." participle (the occasion, told on the subject) and a when/as/while
    clause ("she said, as she campaigned in Ohio on Tuesday, ...")."""
    out: set[int] = set()
    stack = [node]
    while stack:
        current = stack.pop()
        out.add(current)
        for relation, child in children.get(current, []):
            if child == skip:
                continue
            if relation in _CONTENT or relation.split(":")[0] in _CONTENT:
                speaking = relation == "acl" and tokens[child].lemma.lower() in _SPEAKING
                if not (speaking or relation == "advcl" and _when_clause(children, tokens, child)):
                    continue
            stack.append(child)
    return out


def _runs(indices: Iterable[int], keep, bridge=lambda i: False) -> list[list[int]]:
    """Runs of consecutive kept tokens; a single ``bridge`` token between two kept ones
    joins their runs ("Raleigh , N.C.")."""
    runs: list[list[int]] = []
    for i in sorted(indices):
        if not keep(i):
            continue
        if runs and (runs[-1][-1] == i - 1 or runs[-1][-1] == i - 2 and bridge(i - 1)):
            runs[-1].extend(range(runs[-1][-1] + 1, i + 1))
        else:
            runs.append([i])
    return runs


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(w for w in re.findall(r"[a-z0-9]+", plain) if w not in ("the", "a", "an"))


def _tense(
    parent: dict[int, tuple[str, int]], children: dict[int, list[tuple[str, int]]], tokens, cue: int, outside
) -> Tense | None:
    """The cue's tense; perfect when its sentence tells in the perfect outside the quote
    marks (the frame of the narrative: "He has also fulminated against Nabisco - 'I love
    Oreos,' he said - ..." recalls an old line, whatever the parse hangs from what)."""
    if any(
        tokens[i].lemma.lower() == "have" and parent.get(i, ("", -1))[0] == "aux" and outside(i) and outside(parent[i][1])
        for i in range(len(tokens))
    ):
        return Tense.perfect
    auxiliaries = {tokens[c].lemma.lower() for r, c in children.get(cue, []) if r in ("aux", "aux:pass")}
    if "have" in auxiliaries:
        return Tense.perfect
    if auxiliaries - {"do"}:
        return None  # "would say", "will tell", "is saying": no claim on when
    pos = tokens[cue].pos
    if pos == "VBD":
        return Tense.past
    if pos in ("VBZ", "VBP"):
        return Tense.present
    return None


def read_setting(
    document: Document, attribution: Attribution, today: str | None, quoted: list[tuple[int, int]] | None = None
) -> Setting | None:
    """The occasion of one attributed quote, read from its cue's clause (None when it has no
    cue). ``today``: the article's date; ``quoted``: character spans inside quote marks
    (default: this quote's own), whose words are what was said, never when."""
    if attribution.cue_start is None:
        return None
    spans = quoted if quoted is not None else [(attribution.start, attribution.end)]
    sentence = next((s for s in document.sentences if s.start <= attribution.cue_start < s.end), None)
    if sentence is None or not sentence.basic_dependencies:
        return None  # a profile without the parse: nothing to read the cue's clause from
    tokens = sentence.tokens
    cue = next((t.index for t in tokens if t.start == attribution.cue_start), None)
    if cue is None:
        return None
    parent, children = _tree(sentence)

    def outside(i: int) -> bool:
        return not any(start <= tokens[i].start < end for start, end in spans)

    mine = _clause(children, tokens, cue)
    relation, governor = parent.get(cue, ("root", -1))
    if relation.split(":")[0] == "advcl" and governor >= 0 and outside(governor) and _when_clause(children, tokens, cue):
        mine |= _clause(children, tokens, governor, skip=cue)
    mine = {i for i in mine if outside(i)}
    today_date = _day(today)
    occasions: list[Occasion] = []

    def phrase(run: list[int], kind: OccasionKind, **extra) -> Occasion:
        # with its preposition ("on Wednesday", "in 2008") when that comes right before it
        before = run[0] - 1
        if before in mine and parent.get(before, ("", -1))[0] == "case" and parent[before][1] in run:
            run = [before, *run]
        first, last = tokens[run[0]], tokens[run[-1]]
        return Occasion(kind=kind, phrase=document.text[first.start : last.end], start=first.start, end=last.end, **extra)

    def head(run: list[int]) -> tuple[int, str, int]:
        """The run's head token, its relation and its governor."""
        top = next((i for i in run if parent.get(i, ("", -1))[1] not in run), run[-1])
        relation, governor = parent.get(top, ("root", -1))
        return top, relation, governor

    def cases(i: int) -> set[str]:
        return {tokens[c].word.lower() for r, c in children.get(i, []) if r == "case"}

    for run in _runs(mine, lambda i: tokens[i].ner in _TIME_NER):
        while run and tokens[run[-1]].word in ("'s", "’s"):
            run = run[:-1]
        if not run:
            continue
        _, relation, governor = head(run)
        if relation.split(":")[0] in ("compound", "amod", "nummod") and tokens[governor].lemma.lower() not in EVENT_NOUNS:
            continue  # "a 2019 study found": when the study was made, not when it spoke
        found = phrase(run, OccasionKind.time)
        days = date_range(found.phrase, today_date)
        if days is not None:
            found = found.model_copy(update=dict(date_from=days[0].isoformat(), date_to=days[1].isoformat()))
        occasions.append(found)
    for run in _runs(mine, lambda i: tokens[i].ner in _PLACE_NER, bridge=lambda i: tokens[i].word == ","):
        top, relation, _ = head(run)
        if relation.split(":")[0] not in ("obl", "nmod") or relation == "nmod:poss" or not cases(top) & {"in", "at"}:
            continue  # a place spoken of ("Japan branded North Korea"), not where it was said
        occasions.append(phrase(run, OccasionKind.venue, key=_fold(" ".join(tokens[i].word for i in run))))
    cue_lemma = tokens[cue].lemma.lower()
    for run in _runs(mine, lambda i: tokens[i].ner == "ORGANIZATION"):
        top, relation, governor = head(run)
        told = governor == cue and relation in ("obj", "iobj") and cue_lemma == "tell"
        if told or cases(top) & {"with", "on", "to"}:
            occasions.append(phrase(run, OccasionKind.medium, key=_fold(" ".join(tokens[i].word for i in run))))
    for i in sorted(mine):
        if tokens[i].lemma.lower() not in EVENT_NOUNS or not tokens[i].pos.startswith("NN") or i == cue:
            continue
        rel = parent.get(i, ("", -1))[0].split(":")[0]
        if rel not in ("obl", "nmod"):
            continue
        left = [
            c
            for r, c in children.get(i, [])
            if r.split(":")[0] in ("case", "det", "amod", "compound", "nmod") and c < i and c in mine
        ]
        start = min([i, *left])
        occasions.append(phrase(list(range(start, i + 1)), OccasionKind.event, key=tokens[i].lemma.lower()))
    occasions.sort(key=lambda o: o.start)
    return Setting(occasions=occasions, tense=_tense(parent, children, tokens, cue, outside))


def with_settings(document: Document, attributions: list[Attribution], today: str | None) -> list[Attribution]:
    """The article's attributions, each with its setting (every quote's span counts as
    quoted words for every other: a date inside another quote is no occasion)."""
    quoted = [(a.start, a.end) for a in attributions]
    return [a.model_copy(update=dict(setting=read_setting(document, a, today, quoted))) for a in attributions]


# ----------------------------------------------------------------------------- deciding


def _stated(setting: Setting | None) -> Occasion | None:
    """The narrowest stated time of a setting ("on Tuesday" over "this week")."""
    best: tuple[int, Occasion] | None = None
    for o in setting.occasions if setting is not None else []:
        first, last = _day(o.date_from), _day(o.date_to)
        if o.kind == OccasionKind.time and first is not None and last is not None:
            if best is None or (last - first).days < best[0]:
                best = ((last - first).days, o)
    return best[1] if best is not None else None


def stated_days(setting: Setting | None) -> tuple[str | None, str | None]:
    """The first and last day (ISO) the occurrence's own text says it was said on, if any."""
    time = _stated(setting)
    return (time.date_from, time.date_to) if time is not None else (None, None)


def said_between(setting: Setting | None, article_date: str | None) -> tuple[date, date, bool] | None:
    """The days an occurrence can have been said on, and whether its text states them
    (False: implied by its cue's tense and its article's date); None when nothing is known."""
    time = _stated(setting)
    if time is not None:
        return _day(time.date_from), _day(time.date_to), True  # type: ignore[return-value]
    published = _day(article_date)
    if setting is None or published is None:
        return None
    if setting.tense == Tense.past:
        return published - timedelta(days=PAST_DAYS), published, False
    if setting.tense == Tense.present:
        return published - timedelta(days=PRESENT_DAYS), published, False
    return None


def clearly_different(a: Setting | None, a_date: str | None, b: Setting | None, b_date: str | None) -> str | None:
    """Why two occurrences were said on clearly different occasions (the evidence a link
    keeps), or None when they may be one utterance."""
    first, second = said_between(a, a_date), said_between(b, b_date)
    if first is None or second is None or not (first[2] or second[2]):
        return None
    gap = (max(first[0], second[0]) - min(first[1], second[1])).days
    if gap <= SLACK_DAYS:
        return None
    return f"said {_when(a, first)} vs {_when(b, second)}: {gap} days apart"


def apart_from_group(
    setting: Setting | None, article_date: str | None, members: Iterable[tuple[Setting | None, str | None]]
) -> str | None:
    """Why an occurrence is not one utterance with a group (a member said on a clearly
    different occasion), or None. One member is enough: a group is one utterance, so all
    its members were said on its one occasion."""
    if said_between(setting, article_date) is None:
        return None
    for other, other_date in members:
        why = clearly_different(setting, article_date, other, other_date)
        if why is not None:
            return why
    return None


def _when(setting: Setting | None, days: tuple[date, date, bool]) -> str:
    span = days[0].isoformat() if days[0] == days[1] else f"{days[0].isoformat()}..{days[1].isoformat()}"
    if days[2] and setting is not None:
        stated = _stated(setting)
        return f'{span} ("{stated.phrase if stated else "?"}")'
    tense = setting.tense.value if setting is not None and setting.tense else "?"
    return f"{span} (no time stated; cue in the {tense} tense)"


def describe(setting: Setting | None, article_date: str | None) -> str:
    """One line on when and where an occurrence was said, for people: the phrases as
    written with the dates worked out ("on Wednesday (2016-06-22), in Raleigh, N.C.")."""
    parts = []
    for o in setting.occasions if setting is not None else []:
        if o.kind == OccasionKind.time and o.date_from:
            span = o.date_from if o.date_from == o.date_to else f"{o.date_from}..{o.date_to}"
            parts.append(f"{o.phrase} ({span})")
        else:
            parts.append(o.phrase)
    if parts:
        return ", ".join(parts)
    days = said_between(setting, article_date)
    if days is None:
        return f"time not stated (article of {article_date})" if article_date else "time not stated"
    return f"around {days[1].isoformat()} (no time stated; article of {article_date})"
