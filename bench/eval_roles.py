"""Precision and recall of the speaker roles the index stores, on hand-labelled PolNeAR train articles.

    .venv/bin/python bench/eval_roles.py          # writes bench/results/roles_train.json

The labels (bench/data/roles_train.jsonl) hold no article text: one line per speaker-role
pair, keyed by the document id and the raw file's character offsets of the speaker's mention
and of the role, with the role as it should be stored (normalised, quotes.text.role_key
compares). Every role a reader would expect for every speaker quoted or reported in the
labelled articles is there; a speaker with no role has a line with ``role: null`` so that
what the index stores for them is judged too.

The articles run through the real pipeline (default profile; annotations come from the
cache, CoreNLP starts only for an article not in it: one JVM, 3G, 2 threads) and are
ingested into a fresh index, as a new user would. A stored role is right when the labels
give the same speaker (a word of the label's mention in the stored speaker's name or its
aliases in that article) the same role; recall is over the labelled roles.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from quotes.models import Article  # noqa: E402
from quotes.text import role_key  # noqa: E402

TRAIN = ROOT.parent / "shared" / "eval" / "polnear-train"
LABELS = HERE / "data" / "roles_train.jsonl"
RESULTS = HERE / "results" / "roles_train.json"


def labelled_articles(labels: list[dict]) -> list[str]:
    return sorted({label["doc_id"] for label in labels})


def _name(text: str) -> list[str]:
    """A name's words without a possessive ending, lowercase."""
    return [
        w.lower()
        for w in re.findall(r"[\w'’.-]+", re.sub(r"(?:'s|’s|')$", "", text.strip()))
        if w not in {"Mr.", "Ms.", "Mrs.", "Dr."}
    ]


def _same_person(label: list[str], stored: list[str]) -> bool:
    """The same surname, and no other first name ("Bill Clinton" is not "Hillary Clinton")."""
    if not label or not stored or label[-1] != stored[-1]:
        return False
    return len(label) == 1 or len(stored) == 1 or label[0] == stored[0]


def run_pipeline(doc_ids: list[str], db_path: Path) -> None:
    from quotes.nlp import CoreNLP
    from quotes.nlp.profiles import DEFAULT_PROFILE
    from quotes.pipeline import Pipeline, PipelineError
    from quotes.store import Store

    articles = [Article.from_text((TRAIN / "text" / f"{d}.txt").read_text(encoding="utf-8"), source=d) for d in doc_ids]
    nlp = CoreNLP(threads=2, memory="3G", pipeline=DEFAULT_PROFILE)
    with Pipeline(nlp=nlp, profile=DEFAULT_PROFILE) as pipeline, Store(db_path) as store:
        try:
            for result in pipeline.attribute_many(articles):
                if isinstance(result, PipelineError):
                    raise SystemExit(str(result))
                store.ingest(result)
        finally:
            nlp.stop()


def stored_roles(db_path: Path) -> dict[str, list[dict]]:
    """doc_id -> the speakers the index holds for it, each with the roles that article gave."""
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    out: dict[str, dict[int, dict]] = defaultdict(dict)
    for row in conn.execute(
        "SELECT a.source AS doc, s.id, s.name FROM articles a JOIN quotes q ON q.article_id = a.id"
        " JOIN speakers s ON s.id = q.speaker_id UNION SELECT a.source, s.id, s.name FROM articles a"
        " JOIN statements t ON t.article_id = a.id JOIN speakers s ON s.id = t.speaker_id"
        " UNION SELECT a.source, s.id, s.name FROM articles a JOIN speaker_roles r ON r.article_id = a.id"
        " JOIN speakers s ON s.id = r.speaker_id"
    ):
        out[row["doc"]][row["id"]] = {"name": row["name"], "names": {row["name"]}, "roles": set()}
    for row in conn.execute(
        "SELECT a.source AS doc, l.speaker_id, l.alias FROM speaker_aliases l JOIN articles a ON a.id = l.article_id"
    ):
        if row["speaker_id"] in out[row["doc"]]:
            out[row["doc"]][row["speaker_id"]]["names"].add(row["alias"])
    for row in conn.execute(
        "SELECT a.source AS doc, r.speaker_id, r.role FROM speaker_roles r JOIN articles a ON a.id = r.article_id"
    ):
        out[row["doc"]][row["speaker_id"]]["roles"].add(row["role"])
    conn.close()
    return {doc: list(speakers.values()) for doc, speakers in out.items()}


def score(labels: list[dict], stored: dict[str, list[dict]]) -> dict:
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for label in labels:
        by_doc[label["doc_id"]].append(label)
    right = wrong = 0
    found: set[int] = set()  # ids of the labels a stored role matched
    of_stored_speakers: set[int] = set()  # labels whose speaker the index holds for the article
    errors: list[dict] = []
    for doc, doc_labels in sorted(by_doc.items()):
        raw = (TRAIN / "text" / f"{doc}.txt").read_text(encoding="utf-8")
        # the label's speaker, read from the text at run time (the labels hold offsets only)
        names = {id(label): _name(raw[label["mention"][0] : label["mention"][1]]) for label in doc_labels}
        for speaker in stored.get(doc, []):
            mine = [label for label in doc_labels if any(_same_person(names[id(label)], _name(n)) for n in speaker["names"])]
            of_stored_speakers.update(id(label) for label in mine if label["role"])
            for role in sorted(speaker["roles"]):
                key = role_key(role)
                hits = [
                    label
                    for label in mine
                    if label["role"] and key in {role_key(r) for r in [label["role"], *label.get("also", [])]}
                ]
                if hits:
                    right += 1
                    found.update(id(label) for label in hits)
                else:
                    wrong += 1
                    errors.append({"doc_id": doc, "speaker": speaker["name"], "role": role, "speaker_labelled": bool(mine)})
    required = [label for label in labels if label["role"] and not label.get("optional")]
    missed = [
        {
            "doc_id": label["doc_id"],
            "span": label["span"],
            "role": label["role"],
            "speaker_stored": id(label) in of_stored_speakers,
        }
        for label in required
        if id(label) not in found
    ]
    held = [label for label in required if id(label) in of_stored_speakers]

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    return {
        "articles": len(by_doc),
        "labelled_speakers": len({(label["doc_id"], tuple(label["mention"])) for label in labels}),
        "labelled_pairs": sum(1 for label in labels if label["role"]),
        "required_pairs": len(required),
        "stored_roles": right + wrong,
        "right": right,
        "precision": ratio(right, right + wrong),
        # over the roles of speakers the index holds for the article (a speaker the
        # attribution never found has no roles to store), and over every labelled role
        "recall": ratio(sum(1 for label in held if id(label) in found), len(held)),
        "recall_of_every_label": ratio(sum(1 for label in required if id(label) in found), len(required)),
        "wrong": errors,
        "missed": missed,
    }


def main(argv: list[str] | None = None) -> dict:
    global TRAIN
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument(
        "--train", type=Path, default=TRAIN, help="the PolNeAR train folder (default: ../shared/eval/polnear-train)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--docs", nargs="*", help="only run these documents (no scoring)")
    parser.add_argument("--errors", action="store_true", help="print each wrong and each missed role (article text: never saved)")
    args = parser.parse_args(argv)
    TRAIN = args.train
    if args.docs:
        with tempfile.TemporaryDirectory() as tmp:
            run_pipeline(args.docs, Path(tmp) / "index.db")
        return {}
    labels = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "index.db"
        run_pipeline(labelled_articles(labels), db)
        result = score(labels, stored_roles(db))
    if args.errors:
        for wrong in result["wrong"]:
            print("wrong ", wrong["doc_id"], "|", wrong["speaker"], "|", wrong["role"])
        for missed in result["missed"]:
            print(
                "missed",
                missed["doc_id"],
                missed["span"],
                "|",
                missed["role"],
                "" if missed["speaker_stored"] else "(speaker not in the index)",
            )
    # the file keeps numbers and offsets only: what was stored wrong is article text
    saved = {k: v for k, v in result.items() if k not in {"wrong", "missed"}}
    saved["wrong_by_document"] = dict(sorted(Counter(w["doc_id"] for w in result["wrong"]).items()))
    saved["missed"] = [{k: m[k] for k in ("doc_id", "span", "speaker_stored")} for m in result["missed"]]
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    summary = main()
    print(json.dumps({k: v for k, v in summary.items() if k not in {"wrong", "missed"}}, indent=1))
