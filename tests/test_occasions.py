"""Occasions: when and where the words were said, read from the cue's clause, and two
occurrences of the same words said on clearly different occasions kept in two groups
linked as the same line repeated."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from quotes.models import Occasion, OccasionKind, Setting, Tense
from quotes.occasions import clearly_different, date_range, describe, said_between
from quotes.store import Store
from tests.factories import article

WEDNESDAY = date(2016, 6, 29)


@pytest.mark.parametrize(
    "phrase, days",
    [
        ("on Tuesday", ("2016-06-28", "2016-06-28")),
        ("Wednesday", ("2016-06-29", "2016-06-29")),  # in a Wednesday paper: today
        ("last Wednesday", ("2016-06-22", "2016-06-22")),
        ("Sunday night", ("2016-06-26", "2016-06-26")),
        ("yesterday", ("2016-06-28", "2016-06-28")),
        ("last week", ("2016-06-16", "2016-06-28")),
        ("last month", ("2016-05-01", "2016-05-31")),
        ("in March", ("2016-03-01", "2016-03-31")),
        ("in November", ("2015-11-01", "2015-11-30")),  # written in June: the November before
        ("on June 22", ("2016-06-22", "2016-06-22")),
        ("Dec. 30", ("2015-12-30", "2015-12-30")),
        ("in 2008", ("2008-01-01", "2008-12-31")),
        ("March 3, 2015", ("2015-03-03", "2015-03-03")),
        ("last year", ("2015-01-01", "2015-12-31")),
        ("two weeks ago", ("2016-06-08", "2016-06-22")),
        ("three days ago", ("2016-06-26", "2016-06-26")),
        ("earlier this month", ("2016-06-01", "2016-06-29")),
        ("this year", ("2016-01-01", "2016-06-29")),
    ],
)
def test_a_time_phrase_means_the_days_it_names_from_the_article_date(phrase, days):
    found = date_range(phrase, WEDNESDAY)
    assert found is not None and (found[0].isoformat(), found[1].isoformat()) == days


@pytest.mark.parametrize("phrase", ["soon", "every week", "at 3 p.m.", "now", "next Tuesday", "tomorrow"])
def test_a_phrase_that_names_no_past_day_has_no_dates(phrase):
    assert date_range(phrase, WEDNESDAY) is None


def test_relative_phrases_need_the_article_date_and_absolute_ones_do_not():
    assert date_range("on Tuesday", None) is None
    assert date_range("in 2008", None) == (date(2008, 1, 1), date(2008, 12, 31))


def _time(phrase: str, first: str, last: str | None = None) -> Occasion:
    return Occasion(kind=OccasionKind.time, phrase=phrase, start=0, end=len(phrase), date_from=first, date_to=last or first)


def test_two_stated_dates_weeks_apart_clearly_differ_and_two_days_apart_do_not():
    tuesday = Setting(occasions=[_time("on Tuesday", "2016-06-28")], tense=Tense.past)
    weeks_before = Setting(occasions=[_time("on June 7", "2016-06-07")], tense=Tense.past)
    sunday = Setting(occasions=[_time("on Sunday", "2016-06-26")], tense=Tense.past)
    why = clearly_different(tuesday, "2016-06-29", weeks_before, "2016-06-08")
    assert why is not None and "21 days apart" in why and "on June 7" in why
    assert clearly_different(tuesday, "2016-06-29", sunday, "2016-06-27") is None


def test_an_undated_occurrence_counts_as_its_articles_news_by_the_tense_of_its_cue():
    in_2008 = Setting(occasions=[_time("in 2008", "2008-01-01", "2008-12-31")], tense=Tense.past)
    says = Setting(tense=Tense.present)  # "she often speaks of ...": these days
    has_said = Setting(tense=Tense.perfect)  # "she has said": any time
    said = Setting(tense=Tense.past)  # "she said": the days before the article
    assert clearly_different(in_2008, "2016-06-08", says, "2016-04-28") is not None
    assert clearly_different(in_2008, "2016-06-08", has_said, "2016-04-28") is None
    assert (
        clearly_different(said, "2016-06-28", Setting(occasions=[_time("on Wednesday", "2016-06-22")]), "2016-06-27") is not None
    )
    # two occurrences that state no time never clearly differ, however far apart their articles
    assert clearly_different(said, "2016-06-28", said, "2015-01-01") is None
    assert said_between(None, "2016-06-28") is None and said_between(said, None) is None


def test_the_occasion_reads_as_written_with_its_dates():
    setting = Setting(
        occasions=[
            _time("on Wednesday", "2016-06-22"),
            Occasion(kind=OccasionKind.venue, phrase="in Raleigh, N.C.", start=13, end=29, key="raleigh n c"),
        ],
        tense=Tense.past,
    )
    assert describe(setting, "2016-06-27") == "on Wednesday (2016-06-22), in Raleigh, N.C."
    assert describe(Setting(tense=Tense.past), "2016-06-28").startswith("around 2016-06-28")


# ----------------------------------------------------------------------- from CoreNLP's answers
# Real recorded answers (tests/fixtures/corenlp/constructions) of made-up sentences.


def _setting(attribute_text, text: str, quote: str, day: str = "2016-06-08") -> Setting | None:
    found = attribute_text(text, date=day)
    [q] = [q for q in found.quotes if quote in q.text]
    return q.setting


def _kinds(setting: Setting | None) -> list[tuple[str, str, str | None]]:
    assert setting is not None
    return [(o.kind.value, o.phrase, o.date_from or o.key) for o in setting.occasions]


@pytest.mark.constructions
def test_a_day_on_the_cue_is_the_time_it_was_said(attribute_text):
    setting = _setting(attribute_text, '"It is over." That is what Mayor Tom Reyes told the council on Monday.', "It is over")
    assert _kinds(setting) == [("time", "on Monday", "2016-06-06")] and setting is not None and setting.tense == Tense.past


@pytest.mark.constructions
def test_an_interview_rally_or_outlet_on_the_cue_is_the_occasion(attribute_text):
    cummings = (
        '"He would be a great senator. Not good, great. One of the brightest members of the entire Congress," '
        "Rep. Elijah E. Cummings (D-Md.) said in a phone interview."
    )
    assert _kinds(_setting(attribute_text, cummings, "One of the brightest")) == [("event", "in a phone interview", "interview")]
    rally = 'At the rally, Senator Ann Lee spoke of "a new era for the city."'
    assert _kinds(_setting(attribute_text, rally, "a new era")) == [("event", "At the rally", "rally")]
    told = (
        '"We will not back down on pensions," Maria Gomez, the union\'s regional director and a veteran of three strikes, '
        "told the Daily Planet."
    )
    assert _kinds(_setting(attribute_text, told, "We will not back down")) == [("medium", "Daily Planet", "daily planet")]


@pytest.mark.constructions
def test_times_and_places_in_what_was_said_or_spoken_of_are_no_occasion(attribute_text):
    statement = 'Mayor Tom Reyes said in a statement:\n\n"We will rebuild the bridge. The work starts in May."'
    assert _kinds(_setting(attribute_text, statement, "We will rebuild")) == [("event", "in a statement", "statement")]
    japan = 'Japan branded North Korea an "outlaw nation in the neighborhood." Russia insisted that Pyongyang "stop its dangerous escapades."'
    assert _kinds(_setting(attribute_text, japan, "outlaw nation")) == []
    study = 'A 2019 study by the Harbor Institute found that the program was "a total failure."'
    assert _kinds(_setting(attribute_text, study, "a total failure")) == []


@pytest.mark.constructions
def test_a_cue_in_the_perfect_implies_no_time(attribute_text):
    text = (
        "Police chief Tom Reyes spoke on Monday. China's ambassador to Britain Liu Xiaming has said that China has the "
        '"resolution and power" to end the unrest.'
    )
    setting = _setting(attribute_text, text, "resolution and power")
    assert setting is not None and setting.tense == Tense.perfect and setting.occasions == []


# Sentences recorded for the occasion reader (QUOTES_RECORD=1 ... -m constructions -k occasion_reader)
OCCASION_SENTENCES = [
    (
        'Senator Ann Lee said at a rally in Springfield on Tuesday: "We will win this state."',
        "We will win",
        [("event", "at a rally", "rally"), ("venue", "in Springfield", "springfield"), ("time", "on Tuesday", "2016-06-07")],
    ),
    (
        'Mayor Ann Cole said on Monday that the council would meet in Denver on Friday to pass the "emergency budget."',
        "emergency budget",
        [("time", "on Monday", "2016-06-06")],
    ),
    (
        'Senator Ann Lee, speaking at a rally in Denver, said: "The mine will stay open."',
        "The mine",
        [("event", "at a rally", "rally"), ("venue", "in Denver", "denver")],
    ),
    (
        '"We need a new deal for miners," Senator Ann Lee said in last week\'s debate.',
        "We need a new deal",
        [("event", "in last week's debate", "debate"), ("time", "last week", "2016-05-26")],
    ),
    (
        'Tom Reyes lost the primary in 2008, when he told supporters that they would "be back in four years."',
        "be back",
        [("time", "in 2008", "2008-01-01")],
    ),
    (
        '"The plan is dead," Senator Ann Lee said in an interview with CNN.',
        "The plan is dead",
        [("event", "in an interview", "interview"), ("medium", "with CNN", "cnn")],
    ),
]


@pytest.mark.constructions
@pytest.mark.parametrize("text, quote, expected", OCCASION_SENTENCES)
def test_occasion_reader_on_recorded_sentences(attribute_text, text, quote, expected):
    assert _kinds(_setting(attribute_text, text, quote)) == expected


# ----------------------------------------------------------------------- the index

LINE = "We are going to build an economy that works for everyone, not just those at the top"


def _said(body: str, quote: str, day: str, setting: Setting, source: str):
    attributed = article(
        body, [(quote, "Hillary Clinton")], [("Hillary Clinton", "person", [])], source=source, outlet=source, date=day
    )
    [q] = attributed.quotes
    text = attributed.article.text
    placed = [
        o.model_copy(update=dict(start=text.index(o.phrase), end=text.index(o.phrase) + len(o.phrase))) for o in setting.occasions
    ]
    return attributed.model_copy(
        update=dict(quotes=[q.model_copy(update=dict(setting=Setting(occasions=placed, tense=setting.tense)))])
    )


RALEIGH = _said(
    f'"{LINE}," Clinton said on Wednesday in Raleigh.',
    LINE,
    "2016-06-23",
    Setting(occasions=[_time("on Wednesday", "2016-06-22")], tense=Tense.past),
    "raleigh.example",
)
REPRINT = _said(f'Clinton said: "{LINE}."', LINE, "2016-06-23", Setting(tense=Tense.past), "reprint.example")
CINCINNATI = _said(f'"{LINE}," Clinton said.', LINE, "2016-07-08", Setting(tense=Tense.past), "cincinnati.example")


def _groups(store: Store) -> dict[str, int]:
    return {
        source: gid
        for source, gid in store.conn.execute("SELECT a.source, q.group_id FROM quotes q JOIN articles a ON a.id = q.article_id")
    }


def test_the_same_words_said_on_two_occasions_stay_apart_and_are_linked(tmp_path):
    with Store(tmp_path / "i.db") as store:
        for a in (RALEIGH, REPRINT, CINCINNATI):
            store.ingest(a)
        groups = _groups(store)
        # the reprint of the same day is the Raleigh utterance; two weeks later is another
        assert groups["raleigh.example"] == groups["reprint.example"] != groups["cincinnati.example"]
        detail = store.group(groups["cincinnati.example"])
        assert detail is not None
        [line] = detail.repeated
        assert line.group_id == groups["raleigh.example"] and line.said == "on Wednesday (2016-06-22)"
        assert "days apart" in line.evidence and line.line().startswith("also said on Wednesday (2016-06-22)")
        [back] = store.group(groups["raleigh.example"]).repeated  # type: ignore[union-attr]
        assert back.group_id == groups["cincinnati.example"] and back.said.startswith("around 2016-07-08")
        links = store.conn.execute("SELECT kind FROM repeated_lines").fetchall()
        assert links == [("same_line_repeated",)]
        before = (sorted(map(sorted, _partition(store))), links)
        store.regroup()
        assert (
            sorted(map(sorted, _partition(store))),
            store.conn.execute("SELECT kind FROM repeated_lines").fetchall(),
        ) == before


def _partition(store: Store) -> list[set[str]]:
    by_group: dict[int, set[str]] = {}
    for source, gid in _groups(store).items():
        by_group.setdefault(gid, set()).add(source)
    return list(by_group.values())


def test_the_in_memory_grouper_keeps_occasions_apart_as_the_store_does():
    from quotes.grouping import Grouper

    grouper = Grouper()
    for name, attributed in (("raleigh", RALEIGH), ("reprint", REPRINT), ("cincinnati", CINCINNATI)):
        [q] = attributed.quotes
        grouper.add(name, "Hillary Clinton", q.text, setting=q.setting, said=attributed.article.date)
    assignment = grouper.assignment()
    assert assignment["raleigh"] == assignment["reprint"] != assignment["cincinnati"]
    assert list(grouper.repeats) == [tuple(sorted((assignment["raleigh"], assignment["cincinnati"])))]
    plain = Grouper()  # without occasions: one group, as before
    for name in ("raleigh", "cincinnati"):
        plain.add(name, "Hillary Clinton", LINE)
    assert len(set(plain.assignment().values())) == 1 and plain.repeats == {}


def test_without_stated_occasions_the_same_words_are_one_group(tmp_path):
    with Store(tmp_path / "i.db") as store:
        for a in (REPRINT, CINCINNATI):
            store.ingest(a)
        assert len(set(_groups(store).values())) == 1
        assert store.conn.execute("SELECT count(*) FROM group_links").fetchone() == (0,)


def test_show_and_the_exports_print_the_repeated_line(tmp_path, capsys):
    import io

    from quotes.export import write_html, write_md
    from tests.factories import build_index, run_cli

    db = build_index(tmp_path / "cli.db", [RALEIGH, CINCINNATI])
    with Store(db) as store:
        gid = _groups(store)["cincinnati.example"]
        details = list(store.sheet())
    code, out, _ = run_cli(capsys, "show", str(gid), "--db", db)
    assert code == 0 and "also said on Wednesday (2016-06-22)" in out
    md, page = io.StringIO(), io.StringIO()
    write_md(details, md)
    write_html(details, page)
    assert "also said on Wednesday (2016-06-22)" in md.getvalue() and "also said on Wednesday (2016-06-22)" in page.getvalue()


def test_an_index_written_before_occasions_migrates_without_loss(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.ingest(REPRINT)
        before = store.stats()
    conn = sqlite3.connect(path)  # the file as the previous version wrote it
    for statement in (
        "DROP VIEW repeated_lines",
        "DROP TABLE group_links",
        "ALTER TABLE quotes DROP COLUMN setting",
        "ALTER TABLE quotes DROP COLUMN said_from",
        "ALTER TABLE quotes DROP COLUMN said_to",
        "DELETE FROM _sqlite_migrations WHERE name = 'm008_occasions'",
    ):
        conn.execute(statement)
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.stats() == before
        assert store.conn.execute("SELECT setting, said_from FROM quotes").fetchall() == [(None, None)]
        store.ingest(RALEIGH)
        store.ingest(CINCINNATI)
        assert store.conn.execute("SELECT count(*) FROM group_links").fetchone() == (1,)
        assert store.conn.execute("SELECT said_from, said_to FROM quotes WHERE said_from IS NOT NULL").fetchall() == [
            ("2016-06-22", "2016-06-22")
        ]


@pytest.mark.anyio
@pytest.mark.parametrize("anyio_backend", ["asyncio"])
async def test_the_tui_group_head_says_where_else_the_line_was_said(tmp_path, anyio_backend):
    from textual.widgets import Static

    from tests.factories import build_index
    from tui.app import QuotesApp
    from tui.testing import settle

    db = build_index(tmp_path / "tui.db", [RALEIGH, CINCINNATI])
    with Store(db) as store:
        gid = _groups(store)["cincinnati.example"]
    app = QuotesApp(db)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.show_group(gid)  # type: ignore[attr-defined]
        await settle(pilot)
        assert "also said on Wednesday (2016-06-22)" in str(app.screen.query_one("#group-head", Static).render())
