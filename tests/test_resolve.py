"""Speakers across articles (quotes/resolve.py): folded names, evidence-backed surname and
near-spelling joins, typed match kinds; and the store recording each link's kind."""

from __future__ import annotations

from quotes import resolve
from quotes.models import SpeakerType
from quotes.resolve import Candidate, MatchKind
from quotes.store import Store
from tests.factories import article

PERSON = SpeakerType.person


def candidate(name: str, roles: tuple[str, ...] = (), id: int = 1) -> Candidate:
    return Candidate(id, name, PERSON, roles)


def test_names_are_folded_for_case_diacritics_punctuation_and_honorifics():
    assert resolve.fold_parts("Sen. José Martínez") == ["jose", "martinez"]
    match = resolve.same_speaker("Jose Martinez", PERSON, [], candidate("José Martínez"))
    assert match is not None and match.kind == MatchKind.same_name
    assert resolve.same_speaker("BETO O'ROURKE", PERSON, [], candidate("Beto O’Rourke")).kind == MatchKind.same_name


def test_a_surname_alone_needs_evidence_and_says_which():
    assert resolve.same_speaker("Clinton", PERSON, [], candidate("Hillary Clinton")) is None
    by_role = resolve.same_speaker(
        "Clinton", PERSON, ["Secretary of State"], candidate("Hillary Clinton", ("former Secretary of State",))
    )
    assert by_role.kind == MatchKind.surname_shared_role and "secretary" in by_role.evidence
    by_words = resolve.same_speaker("Clinton", PERSON, [], candidate("Hillary Clinton"), shares_wording=lambda: True)
    assert by_words.kind == MatchKind.surname_shared_wording and "same words" in by_words.evidence


def test_one_edit_joins_only_with_evidence():
    assert resolve.one_edit("hillary", "hilary") and resolve.one_edit("trump", "turmp") and not resolve.one_edit("bush", "rush")
    assert resolve.same_speaker("Hilary Clinton", PERSON, [], candidate("Hillary Clinton")) is None
    typo = resolve.same_speaker("Hilary Clinton", PERSON, [], candidate("Hillary Clinton"), shares_wording=lambda: True)
    assert typo.kind == MatchKind.near_spelling_shared_wording
    assert resolve.same_speaker("Bill Clinton", PERSON, ["president"], candidate("Hillary Clinton", ("president",))) is None


def test_the_strongest_match_wins_by_kind_not_by_its_sentence():
    found = resolve.best_match(
        "Clinton",
        PERSON,
        ["senator"],
        [
            candidate("Clinton", id=1),
            candidate("Hillary Clinton", ("senator",), id=2),
        ],
    )
    assert found.candidate.id == 2 and found.kind == MatchKind.surname_shared_role


def test_the_same_wording_links_a_surname_to_its_full_name_across_articles(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.ingest(
            article(
                'Hillary Clinton said "We will win this state by a lot."',
                [("We will win this state by a lot.", "Hillary Clinton")],
                [("Hillary Clinton", "person", [])],
                source="1.txt",
            )
        )
        s.ingest(
            article(
                'Bill Clinton said "Something else entirely."',
                [("Something else entirely.", "Bill Clinton")],
                [("Bill Clinton", "person", [])],
                source="2.txt",
            )
        )
        s.ingest(
            article(
                'Clinton said: "We will win this state by a lot!"',
                [("We will win this state by a lot!", "Clinton")],
                [("Clinton", "person", [])],
                source="3.txt",
            )
        )
        hillary = s.find_speaker("Hillary Clinton")
        assert hillary.quotes == 2 and s.find_speaker("Bill Clinton").quotes == 1
        kinds = dict(
            s.conn.execute(
                "SELECT alias, kind FROM speaker_aliases WHERE speaker_id = ? AND article_id IS NOT NULL", (hillary.id,)
            )
        )
        assert kinds["Clinton"] == "surname_shared_wording"
