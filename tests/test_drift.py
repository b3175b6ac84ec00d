"""The drift of a quote: occurrences in date order, the first appearance, the tree of
wordings (each under the earlier wording it most likely derives from), and what each outlet
copied — on stores built from models (no NLP)."""

from __future__ import annotations

import pytest

from quotes import drift
from quotes.store import Store
from tests.factories import article

SPEAKERS = [("Donald Trump", "person", ["US President"])]
W1 = "If you could do it cheaper, for less, and still achieve the same effect, that's a good thing for us."
W2 = "If you could do it cheaper [and] reach the same result, that’s a good thing for us."
W3 = "If you could do it cheaper [and] reach the same result, that's a very good thing for us."
W4 = "If you could do it cheaper, for less, and still achieve the same effect, that's good for us."


def printed(words: str, outlet: str | None, date: str | None, n: int):
    body = f'President Donald Trump said on the record number {n}: "{words}" The remarks were made in Florida.'
    return article(
        body,
        [(words, "Donald Trump")],
        SPEAKERS,
        source=f"https://{(outlet or 'anon').lower().replace(' ', '')}.example/{n}",
        outlet=outlet,
        date=date,
    )


@pytest.fixture
def store(tmp_path):
    # ingest order is not date order: the latest printing comes in first
    items = [
        printed(W3, "Outlet C", "2025-01-30", 1),
        printed(W1, "Outlet A", "2025-01-28T09:00:00Z", 2),
        printed(W4, None, None, 3),  # undated, no outlet
        printed(W2, "Outlet B", "2025-01-29", 4),
        printed(W2, "Outlet D", "2025-01-31", 5),  # copied B's wording as it stood
        printed(W1, "Outlet B", "2025-01-29", 6),  # B also printed the original that day
    ]
    with Store(tmp_path / "drift.db") as s:
        for item in items:
            s.ingest(item)
        yield s


def the_group(store) -> int:
    [group] = store.groups()
    assert group.occurrences == 6, "every printing is one group"
    return group.id


def test_occurrences_in_date_order_and_the_first_appearance(store):
    d = drift.for_group(store, the_group(store))
    assert [(a.outlet, a.day) for a in d.appearances] == [
        ("Outlet A", "2025-01-28"),
        ("Outlet B", "2025-01-29"),
        ("Outlet B", "2025-01-29"),
        ("Outlet C", "2025-01-30"),
        ("Outlet D", "2025-01-31"),
        ("https://anon.example/3", None),
    ]
    # same day: ingest order (B's W2 came in before its W1)
    assert [a.text for a in d.appearances[1:3]] == [W2, W1]
    assert d.first.outlet == "Outlet A" and d.first.date == "2025-01-28T09:00:00Z" and d.first.text == W1
    assert d.undated == 1 and d.span_days == 3


def test_wordings_are_numbered_by_first_appearance_and_hang_under_their_closest_source(store):
    d = drift.for_group(store, the_group(store))
    assert [w.text for w in d.wordings] == [W1, W2, W3, W4]
    one, two, three, four = d.wordings
    assert one.parent is None and one.first_outlet == "Outlet A" and one.occurrences == 2
    assert two.parent == 1 and two.first_outlet == "Outlet B" and two.outlets == ["Outlet B", "Outlet D"]
    assert three.parent == 2 and three.edits == 1, "C's wording is one word from B's, not from A's"
    assert [op.variant for op in three.diff if op.op == "insert"] == ["very"]
    assert four.first_date is None and four.parent == 1 and four.edits == 2, "undated: hangs under its closest, last"
    assert [(depth, w.number) for depth, w in d.tree()] == [(0, 1), (1, 2), (2, 3), (1, 4)]


def test_each_outlet_with_the_wording_it_most_likely_copied(store):
    d = drift.for_group(store, the_group(store))
    rows = {(c.outlet, c.wording): c for c in d.outlets}
    assert rows[("Outlet A", 1)].copied is None and not rows[("Outlet A", 1)].changed
    b = rows[("Outlet B", 2)]
    assert b.changed and b.copied == 1 and b.edits == 5
    assert {op.op for op in b.diff} >= {"editorial", "replace"}
    assert not rows[("Outlet B", 1)].changed and rows[("Outlet B", 1)].copied == 1
    assert rows[("Outlet C", 3)].changed and rows[("Outlet C", 3)].copied == 2
    d_copy = rows[("Outlet D", 2)]
    assert not d_copy.changed and d_copy.copied == 2 and d_copy.diff == []
    assert [c.outlet for c in d.outlets][:3] == ["Outlet A", "Outlet B", "Outlet B"]


def test_ties_in_word_edits_go_to_the_most_recent_earlier_wording():
    from quotes.models import GroupDetail, GroupSummary, Occurrence, QuoteType

    def occ(i, text, date):
        return Occurrence(
            id=i,
            group_id=1,
            article_id=str(i),
            text=text,
            start=0,
            end=len(text),
            type=QuoteType.direct,
            speaker_id=1,
            speaker="X",
            source=f"s{i}",
            outlet=f"O{i}",
            date=date,
        )

    detail = GroupDetail(
        group=GroupSummary(id=1, speaker_id=1, speaker="X", canonical="a b c d", wordings=3, occurrences=3, outlets=3),
        occurrences=[
            occ(1, "we will win big", "2020-01-01"),
            occ(2, "we shall win big", "2020-01-02"),
            occ(3, "we must win big", "2020-01-03"),
        ],
    )
    d = drift.analyse(detail)
    assert d.wording(3).parent == 2 and d.wording(3).edits == 1


def test_a_group_with_no_dates_has_no_first_appearance_and_keeps_ingest_order(tmp_path):
    with Store(tmp_path / "u.db") as s:
        s.ingest(printed(W1, "Outlet A", None, 1))
        s.ingest(printed(W2, "Outlet B", "not a date", 2))
        d = drift.for_group(s, s.groups()[0].id)
    assert d.first is None and d.undated == 2
    assert [w.text for w in d.wordings] == [W1, W2] and d.wording(2).parent == 1


def test_an_unknown_group_is_none(store):
    assert drift.for_group(store, 999) is None


# ----------------------------------------------------------------------------- pictures


def test_html_sheet_has_one_timeline_per_group_with_a_mark_per_occurrence(store):
    import io
    import re
    import xml.dom.minidom

    from quotes.export import export

    out = io.BytesIO()
    export(store.sheet(), "html", out)
    page = out.getvalue().decode()
    [svg] = re.findall(r"<svg.*?</svg>", page, re.S)
    dom = xml.dom.minidom.parseString(svg)  # well-formed: escaped everywhere
    marks = [g for g in dom.getElementsByTagName("g") if g.getElementsByTagName("title")]
    assert len(marks) == 6, "one mark per occurrence"
    fills = {g.getElementsByTagName("circle")[0].getAttribute("fill") for g in marks}
    assert len(fills) == 4, "coloured by wording"
    labels = ["".join(c.data for c in t.childNodes if c.nodeType == c.TEXT_NODE) for t in dom.getElementsByTagName("text")]
    assert {"2025-01-28", "2025-01-31", "undated", "Outlet A", "Outlet D"} <= set(labels)
    assert "href" not in svg and "<script" not in page and "print-color-adjust:exact" in page
    assert "First appearance: <strong>Outlet A</strong>, 2025-01-28T09:00:00Z" in page


def test_article_text_in_the_timeline_is_escaped(tmp_path):
    import io
    import re
    import xml.dom.minidom

    from quotes.export import export

    nasty = 'If you could do it cheaper </svg><script>alert(1)</script> & "still" reach the same result, that is good.'
    with Store(tmp_path / "nasty.db") as s:
        s.ingest(printed(nasty, "<b>Evil & Co</b>", "2025-02-01", 1))
        s.ingest(printed(nasty.replace("good", "great"), "Other\x1b[31m", "2025-02-02", 2))
        out = io.BytesIO()
        export(s.sheet(), "html", out)
    page = out.getvalue().decode()
    assert "<script>" not in page and "<b>Evil" not in page and "&lt;b&gt;Evil &amp; Co&lt;/b&gt;" in page
    [svg] = re.findall(r"<svg xmlns.*?</svg>(?=<ul)", page, re.S)
    xml.dom.minidom.parseString(svg.replace("\x1b", ""))


def test_show_timeline_in_the_terminal_and_as_json(store, capsys):
    import json

    from quotes.cli import main

    gid = the_group(store)
    assert main(["show", str(gid), "--timeline", "--db", store.path]) == 0
    out = capsys.readouterr().out
    assert "First appearance: Outlet A · 2025-01-28T09:00:00Z" in out
    assert out.index("W1 Outlet A") < out.index("W2 Outlet B") < out.index("W3 Outlet C")
    assert "1 word edit(s) from W2" in out and "as they stood: W2" in out and "undated" in out
    assert main(["show", str(gid), "--timeline", "--json", "--db", store.path]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["first"]["outlet"] == "Outlet A" and [w["parent"] for w in data["wordings"]] == [None, 1, 2, 1]
    assert main(["show", "999", "--timeline", "--db", store.path]) == 1


def test_terminal_chart_fits_80_columns_and_marks_every_outlet(store):
    from rich.console import Console

    from quotes import timeline

    d = drift.for_group(store, the_group(store))
    console = Console(width=80, record=True, color_system=None)
    console.print(timeline.chart(d, 80))
    lines = console.export_text().splitlines()
    assert all(len(line) <= 80 for line in lines)
    rows = {line[:8]: line for line in lines[1:]}
    left, right = lines[0].index("2025-01-28"), lines[0].index("2025-01-31") + len("2025-01-31") - 1
    assert rows["Outlet A"][left] == "1", "the first printing stands at the left end of the axis"
    assert rows["Outlet D"][right] == "2", "the last at the right end"
    assert "+" in rows["Outlet B"], "two wordings on one day share a cell"
    assert "3" in rows["Outlet C"] and "2" in rows["Outlet D"]
    assert lines[-1].rstrip().endswith("│4"), "the undated one stands in the undated column"
