#!/usr/bin/env bash
# Scores our attributor and CoreNLP's own quote annotator on the PolNeAR train split (the
# development set) and the dev split (the check looked at rarely), in the same run, with the
# reference scorer; writes bench/results/polnear.json.
#   bench/eval_polnear.sh [splits...]        (default: train dev)
# The article texts are read from ../shared/eval at run time and never copied into the repo.
# A first pass over train costs about an hour of CoreNLP; the annotation cache makes later
# passes take about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-.venv/bin/python}
splits=${*:-train dev}
tmp=$(mktemp -d)
for split in $splits; do
  data=../shared/eval/polnear-$split
  $py -m quotes predict "$data/text" --out "$tmp/$split.ours.jsonl"
  $py -m quotes predict "$data/text" --baseline corenlp --out "$tmp/$split.corenlp.jsonl"
  # articles whose quotes use doubled apostrophes ('') hold no gold: the gold's filter only
  # kept attributions with " “ ” marks. Scored with and without them.
  ls "$data/text" | sed 's/\.txt$//' | while read -r doc; do
    grep -q '"' "$data/text/$doc.txt" || grep -q '“' "$data/text/$doc.txt" || echo "$doc"
  done > "$tmp/$split.no_double_marks.txt"
done
$py - "$tmp" $splits <<'PY'
import json, subprocess, sys
from collections import Counter
tmp, splits = sys.argv[1], sys.argv[2:]
scorer = "../shared/eval/polnear-dev/score.py"
import os
previous = json.load(open("bench/results/polnear.json")) if os.path.exists("bench/results/polnear.json") else {}
out = {k: v for k, v in previous.items() if k in ("train", "dev")}  # a run over one split keeps the other's
for split in splits:
    data = f"../shared/eval/polnear-{split}"
    skip = set(open(f"{tmp}/{split}.no_double_marks.txt").read().split())
    result = {"articles_without_double_marks": len(skip)}
    for name in ("ours", "corenlp"):
        lines = open(f"{tmp}/{split}.{name}.jsonl").read().splitlines()
        kept = [l for l in lines if json.loads(l)["doc_id"] not in skip]
        open(f"{tmp}/{split}.{name}.kept.jsonl", "w").write("\n".join(kept) + "\n")
        for label, path in (("all_articles", f"{tmp}/{split}.{name}.jsonl"), ("covered_articles", f"{tmp}/{split}.{name}.kept.jsonl")):
            scored = subprocess.run([sys.executable, scorer, f"{data}/gold.jsonl", path, f"{data}/text", "0.8"],
                                    capture_output=True, text=True, check=True)
            result.setdefault(name, {})[label] = json.loads(scored.stdout)
    out[split] = result
json.dump(out, open("bench/results/polnear.json", "w"), indent=1)
for split in splits:
    for name in ("ours", "corenlp"):
        for label, r in out[split][name].items():
            print(f"{split:6} {name:8} {label:18} quote P {r['quote']['P']:.3f} R {r['quote']['R']:.3f} F1 {r['quote']['F1']:.3f}"
                  f"  quote+speaker P {r['quote_and_speaker']['P']:.3f} R {r['quote_and_speaker']['R']:.3f} F1 {r['quote_and_speaker']['F1']:.3f}")
PY
