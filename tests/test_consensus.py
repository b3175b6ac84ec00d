"""Quotation-centric speakers (quotes/consensus.py and the store's vote): a weak attribution
takes the speaker the other articles agree on, with evidence; a confident contradiction is
kept and flagged; corrections win; a new article can move an occurrence; regrouping from
scratch reaches the same result."""

from __future__ import annotations

import json

from quotes import consensus
from quotes.consensus import Basis, Voter
from quotes.store import Store
from tests.factories import article, run_cli

LINE = "We will rebuild the old bridge before the winter floods arrive again."


def jane(n: int, date: str) -> object:
    return article(
        f'Report {n}. Jane Roe said "{LINE}"',
        [(LINE, "Jane Roe")],
        [("Jane Roe", "person", ["mayor"])],
        source=f"jane{n}.txt",
        outlet=f"Outlet {n}",
        date=date,
    )


def nobody(date: str = "2025-03-05") -> object:
    return article(f'The plan: "{LINE}"', [(LINE, None)], source="nobody.txt", outlet="Outlet X", date=date)


def john() -> object:
    return article(
        f'John Doe said "{LINE}"',
        [(LINE, "John Doe")],
        [("John Doe", "person", [])],
        source="john.txt",
        outlet="Outlet J",
        date="2025-03-06",
    )


def test_the_vote_gives_a_weak_occurrence_the_agreed_speaker_and_flags_a_confident_contradiction():
    voters = [
        Voter(1, "a", 7, 0.9, True),
        Voter(2, "b", 7, 0.8, True),
        Voter(3, "c", None, 0.0, False),
        Voter(4, "d", 9, 0.9, True),
    ]
    verdicts = {v.quote_id: v for v in consensus.decide(voters)}
    assert verdicts[3].speaker_id == 7 and verdicts[3].basis == Basis.agreed and verdicts[3].agreeing_articles == 2
    assert 0.5 < verdicts[3].confidence < 1.0
    assert verdicts[4].speaker_id == 9 and verdicts[4].conflict
    assert not verdicts[1].conflict and verdicts[1].basis == Basis.article


def test_one_vote_per_article_and_a_correction_outvotes_everyone():
    voters = [Voter(1, "a", 7, 0.9, True), Voter(2, "a", 7, 0.9, True), Voter(3, "b", 9, 0.95, True)]
    assert consensus.agreed_speaker(voters)[0] == 9, "two quotes of one article are one vote"
    corrected = [Voter(1, "a", 7, 0.9, True), Voter(2, "b", 7, 0.9, True), Voter(3, "c", 9, 1.0, True, corrected=True)]
    verdicts = consensus.decide(corrected)
    assert consensus.agreed_speaker(corrected)[0] == 9 and verdicts[2].basis == Basis.correction


def test_an_unattributed_occurrence_takes_the_speaker_other_articles_give_the_same_words(tmp_path, capsys):
    with Store(tmp_path / "x.db") as s:
        s.ingest(nobody("2025-03-01"))  # first: nobody to agree with yet
        alone = s.quotes()[0]
        assert alone.speaker is None and alone.speaker_basis == "article"
        s.ingest(jane(1, "2025-03-02"))
        s.ingest(jane(2, "2025-03-03"))  # new articles move the earlier occurrence, and say why
        moved = s.quote(alone.id)
        assert moved.speaker == "Jane Roe" and moved.speaker_basis == "agreed" and moved.attributed_speaker is None
        assert moved.speaker_evidence == "2 other articles attribute these words to Jane Roe"
        assert "speaker agreed" in (moved.speaker_note() or "")
        assert len(s.groups()) == 1 and s.groups()[0].speaker == "Jane Roe"
    code, out, _ = run_cli(capsys, "show", str(moved.group_id), "--db", str(tmp_path / "x.db"), "--json")
    shown = [o for o in json.loads(out)["occurrences"] if o["id"] == alone.id]
    assert code == 0 and shown[0]["speaker_basis"] == "agreed" and shown[0]["speaker"] == "Jane Roe"


def test_a_confident_contradiction_is_kept_and_listed_as_a_conflict(tmp_path, capsys):
    db = tmp_path / "x.db"
    with Store(db) as s:
        for a in (jane(1, "2025-03-02"), jane(2, "2025-03-03"), john()):
            s.ingest(a)
        groups = s.groups()
        assert len(groups) == 1 and groups[0].speaker == "Jane Roe"
        [conflict] = s.conflicts()
        assert conflict.speaker == "John Doe" and conflict.conflict
        assert conflict.speaker_evidence == "2 other articles attribute these words to Jane Roe"
    code, out, _ = run_cli(capsys, "conflicts", "--db", str(db), "--json")
    [listed] = json.loads(out)
    assert code == 0 and listed["speaker"] == "John Doe" and "Jane Roe" in listed["speaker_evidence"]
    code, out, _ = run_cli(capsys, "conflicts", "--db", str(db))
    assert code == 0 and "Conflicts" in out
    code, out, _ = run_cli(capsys, "show", str(conflict.group_id), "--db", str(db))
    assert "1 occurrence(s) contradict the agreed speaker" in out


def test_a_short_line_two_confident_people_say_stays_two_quotes(tmp_path):
    with Store(tmp_path / "x.db") as s:
        s.ingest(
            article(
                'Jane Roe said "Make the city great again."',
                [("Make the city great again.", "Jane Roe")],
                [("Jane Roe", "person", [])],
                source="1.txt",
            )
        )
        s.ingest(
            article(
                'John Doe said "Make the city great again."',
                [("Make the city great again.", "John Doe")],
                [("John Doe", "person", [])],
                source="2.txt",
            )
        )
        assert len(s.groups()) == 2 and not s.conflicts()


def test_a_correction_wins_over_the_vote(tmp_path):
    with Store(tmp_path / "x.db") as s:
        for a in (nobody(), jane(1, "2025-03-02"), jane(2, "2025-03-03")):
            s.ingest(a)
        weak = next(q for q in s.quotes() if q.attributed_speaker is None)
        s.reassign_quote(weak.id, "Ann Other")
        assert s.quote(weak.id).speaker == "Ann Other" and s.quote(weak.id).speaker_basis == "correction"
        s.regroup()
        assert s.quote(weak.id).speaker == "Ann Other"


def _state(s: Store) -> list:
    rows = s.conn.execute(
        "SELECT id, group_id, speaker_id, speaker_basis, speaker_evidence, conflict FROM quotes ORDER BY id"
    ).fetchall()
    first_of_group: dict = {}
    return [(i, first_of_group.setdefault(g, i), sp, b, e, c) for i, g, sp, b, e, c in rows]


def test_regroup_from_scratch_reaches_the_incremental_result(tmp_path):
    with Store(tmp_path / "x.db") as s:
        for a in (nobody("2025-03-01"), jane(1, "2025-03-02"), john(), jane(2, "2025-03-03")):
            s.ingest(a)
        incremental = _state(s)
        s.regroup()
        assert _state(s) == incremental
