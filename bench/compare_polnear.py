"""The working tree's attributor against another commit's, on the same articles, in one run:
every covered article of a PolNeAR split whose annotation is already cached (so no CoreNLP
runs), predicted by both and scored by the reference scorer; then every quote whose
attribution changed, marked fixed, broken or neither by the gold.

    .venv/bin/python bench/compare_polnear.py [--base REF] [--split train] [--changes N]

REF defaults to HEAD (the last commit: compare uncommitted work with it). The other commit
is checked out in a temporary git worktree and run with this environment. Results:
bench/results/compare.json (scores and change counts; the article texts stay in ../shared).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.evaluate import claim_match, gold_segments, speaker_matches  # noqa: E402
from quotes.models import Article  # noqa: E402
from quotes.nlp import PIPELINE_VERSION  # noqa: E402
from quotes.nlp.cache import AnnotationCache  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
SCORER = EVAL / "polnear-dev" / "score.py"


def cached_articles(split: Path, folder: Path) -> int:
    """Links in ``folder`` to the split's covered articles whose annotation is cached."""
    cache = AnnotationCache(None)
    n = 0
    for path in sorted((split / "text").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        if '"' not in raw and "“" not in raw:
            continue  # the gold holds quotes in double marks only
        if cache.get(Article.from_text(raw, source=str(path)).text, PIPELINE_VERSION) is not None:
            (folder / path.name).symlink_to(path.resolve())
            n += 1
    return n


def predict(code: Path, folder: Path, out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(code)}
    subprocess.run(
        [sys.executable, "-m", "quotes", "predict", str(folder), "--out", str(out)],
        cwd=code,
        env=env,
        check=True,
        capture_output=True,
    )


def score(split: Path, gold: Path, predictions: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(predictions), str(split / "text"), "0.8"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def verdicts(split: Path, predictions: Path) -> dict[tuple, str]:
    """Per predicted quote: 'right', 'wrong speaker' or 'not in gold' (the scorer's greedy match)."""
    gold = gold_segments(split / "gold.jsonl")
    texts: dict[str, str] = {}
    used: dict[str, set] = defaultdict(set)
    out = {}
    for line in predictions.read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        if p.get("kind") == "reported":
            continue  # reported statements have their own scorer (bench/eval_reported.py)
        doc = p["doc_id"]
        text = texts.setdefault(doc, (split / "text" / f"{doc}.txt").read_text(encoding="utf-8"))
        found = claim_match(text, p["quote_span"], gold[doc], used[doc], 0.8)
        verdict = "not in gold" if found is None else "right" if speaker_matches(p, gold[doc][found]) else "wrong speaker"
        out[(doc, tuple(p["quote_span"]))] = (verdict, p.get("speaker"), p.get("rule"), p.get("resolver"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD")
    parser.add_argument("--split", default="train")
    parser.add_argument("--changes", type=int, default=40, help="print at most this many changed quotes")
    args = parser.parse_args()
    split = EVAL / f"polnear-{args.split}"
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        folder = tmp_path / "articles"
        folder.mkdir()
        n = cached_articles(split, folder)
        base = tmp_path / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "-q", str(base), args.base], cwd=ROOT, check=True)
        try:
            predict(base, folder, tmp_path / "base.jsonl")
            predict(ROOT, folder, tmp_path / "new.jsonl")
            # the gold of the compared articles only (the others were not predicted)
            names = {p.stem for p in folder.glob("*.txt")}
            lines = (split / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            gold = tmp_path / "gold.jsonl"
            gold.write_text("".join(f"{line}\n" for line in lines if json.loads(line)["doc_id"] in names), encoding="utf-8")
            scores = {name: score(split, gold, tmp_path / f"{name}.jsonl") for name in ("base", "new")}
            before, after = verdicts(split, tmp_path / "base.jsonl"), verdicts(split, tmp_path / "new.jsonl")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=False)
    changes: Counter = Counter()
    shown = 0
    for key in sorted(set(before) | set(after)):
        b, a = before.get(key), after.get(key)
        if b == a:
            continue
        kind = (
            "fixed"
            if a and a[0] == "right" and (not b or b[0] != "right")
            else "broken"
            if b and b[0] == "right" and (not a or a[0] != "right")
            else "neither"
        )
        changes[kind] += 1
        if shown < args.changes:
            shown += 1
            print(f"{kind:8} {key[0][:40]} {list(key[1])}\n         base {b}\n         new  {a}")
    result = {"split": args.split, "base": args.base, "articles": n, "scores": scores, "changed_quotes": dict(changes)}
    for name in ("base", "new"):
        s = scores[name]
        print(
            f"{name:5} {n} articles  quote F1 {s['quote']['F1']:.4f}  quote+speaker P {s['quote_and_speaker']['P']:.4f} "
            f"R {s['quote_and_speaker']['R']:.4f} F1 {s['quote_and_speaker']['F1']:.4f}"
        )
    print(dict(changes))
    out = ROOT / "bench" / "results" / "compare.json"
    kept = json.loads(out.read_text()) if out.exists() else {}
    kept = kept if "split" not in kept else {}  # one entry per split
    kept[args.split] = result
    out.write_text(json.dumps(kept, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
