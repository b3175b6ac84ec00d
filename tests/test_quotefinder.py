"""The quote finder on its own: the cases news text throws at it, the seeds' gold spans, and
random mark soup (hypothesis) for the invariants."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.quotefinder import find_quotes, paragraph_spans

ROOT = Path(__file__).resolve().parent.parent


def texts(text):
    return [q.text for q in find_quotes(text)]


def test_every_gold_seed_quote_is_found_with_its_exact_span():
    gold = json.loads((ROOT / "tests" / "gold_seeds.json").read_text(encoding="utf-8"))
    for item in gold["quotes"] + gold["negatives"]:
        text = (ROOT / "seeds" / item["article"]).read_text(encoding="utf-8")
        found = [q for q in find_quotes(text) if q.start == item["offset"]]
        assert found and found[0].text == item["text"], item


def test_curly_straight_and_single_quotes():
    assert texts('He said "yes" and “no” and called it \'a wake-up call\'.') == ["yes", "no", "a wake-up call"]
    assert texts("Trump Calls DeepSeek a ‘Wake-Up Call’ for US Tech") == ["Wake-Up Call"]


def test_apostrophes_are_not_quotes():
    assert texts("He didn't say it; the rivals' plan from the '90s, rock 'n' roll, O'Brien’s dog.") == []


def test_quote_split_by_its_attribution():
    assert texts('"We are ready," she said. "The vote is Monday."') == ["We are ready,", "The vote is Monday."]


def test_nested_quote_is_marked_nested():
    quotes = find_quotes('"You say you \'accept responsibility,\' and that is all," he said.')
    assert [q.nested for q in quotes] == [False, True]


def test_stray_opening_mark_inside_a_quote_does_not_end_it():
    text = '"If you could do it cheaper. "I believe that\'s good," he told reporters.\nNext paragraph "here".'
    assert texts(text) == ["If you could do it cheaper. \"I believe that's good,", "here"]


def test_unclosed_quote_stops_at_its_paragraph_and_the_next_paragraph_continues_it():
    text = '"First paragraph of a long quote.\n"Second paragraph, closed."\nA plain paragraph with "a quote".'
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["First paragraph of a long quote.", "Second paragraph, closed.", "a quote"]
    assert quotes[0].close_mark is None and quotes[1].continues and not quotes[2].continues


def test_a_single_quote_that_opens_its_paragraph_runs_on_like_a_double_one():
    text = "'They'll apply for credit cards and keep going.\n'And then they'll lay low for a while.'\nHe'd 'never' agree."
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["They'll apply for credit cards and keep going.", "And then they'll lay low for a while.", "never"]
    assert quotes[0].close_mark is None and quotes[0].continued and quotes[1].continues


def test_a_quote_goes_on_only_where_it_reopens_with_its_own_mark():
    text = '"Kevin was snoring.\n“Here he is, babe,” she said.'
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["Kevin was snoring.", "Here he is, babe,"]
    assert not quotes[0].continued and not quotes[1].continues


def test_other_languages_marks():
    assert texts("«Bonjour» und »Hallo« und „Guten Tag“ und 「こんにちは」") == ["Bonjour", "Hallo", "Guten Tag", "こんにちは"]


def test_doubled_apostrophes_as_double_marks():
    assert texts("''This isn't reform,'' said Mr. Holtz-Eakin.") == ["This isn't reform,"]


def test_mixed_straight_and_curly_marks_pair_up():
    assert texts('there was “no evidence" yet, and "Oz has a pulpit,” he said') == ["no evidence", "Oz has a pulpit,"]


def test_bad_inputs_do_not_crash_or_hang():
    assert find_quotes("") == []
    assert find_quotes('"' * 10_000) == [] or all(q.text.strip() for q in find_quotes('"' * 10_000))
    assert find_quotes("'" * 10_000) == []
    assert texts('"never closed and goes on') == ["never closed and goes on"]
    assert texts("Emoji 😀 \"quote 😀\" and RTL «مرحبا»") == ["quote 😀", "مرحبا"]
    big = ('Paragraph with "a quote" in it. ' * 20 + "\n") * 8_000  # about 5 MB
    assert len(find_quotes(big)) == 8_000 * 20


def test_paragraphs_ignore_blank_lines():
    assert paragraph_spans("a\n\n  b  \n\n\nc") == [(0, 1), (5, 6), (11, 12)]


MARKS = list("\"'“”‘’«»„‚「」『』 \n") + ["''"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(MARKS), st.text(min_size=0, max_size=6)), max_size=80))
def test_invariants_on_mark_soup(parts):
    text = "".join(parts)
    quotes = find_quotes(text)
    paragraphs = paragraph_spans(text)
    previous_end = -1
    for q in quotes:
        assert 0 <= q.outer_start <= q.start <= q.end <= q.outer_end <= len(text)
        assert text[q.start : q.end] == q.text and q.text.strip()
        para_start, para_end = paragraphs[q.paragraph]
        assert para_start <= q.outer_start and q.outer_end <= para_end, "a quote crossed a paragraph break"
        if not q.nested:
            # top-level quotes never overlap, except inside a quotation left open (an
            # excerpt), where inner quotes stand on their own
            assert q.outer_start >= previous_end, "top-level quotes overlap"
            if q.close_mark is not None:
                previous_end = q.outer_end
