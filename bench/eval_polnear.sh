#!/usr/bin/env bash
# Scores our attributor and CoreNLP's own quote annotator on the PolNeAR dev split, in the
# same run, with the reference scorer; writes bench/results/polnear.json.
#   bench/eval_polnear.sh [path/to/polnear-dev]
# The article texts are read from ../shared at run time and never copied into the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/eval/polnear-dev}
py=${PYTHON:-.venv/bin/python}
tmp=$(mktemp -d)
$py -m quotes predict "$data/text" --out "$tmp/ours.jsonl"
$py -m quotes predict "$data/text" --baseline corenlp --out "$tmp/corenlp.jsonl"
# the 6 articles whose quotes use doubled apostrophes ('') hold no gold: the gold's filter
# only kept attributions with " “ ” marks. Scored with and without them.
ls "$data/text" | sed 's/\.txt$//' | while read -r doc; do
  grep -q '"' "$data/text/$doc.txt" || grep -q '“' "$data/text/$doc.txt" || echo "$doc"
done > "$tmp/no_double_marks.txt"
$py - "$data" "$tmp" <<'PY'
import json, subprocess, sys
data, tmp = sys.argv[1], sys.argv[2]
skip = set(open(f"{tmp}/no_double_marks.txt").read().split())
out = {}
for name in ("ours", "corenlp"):
    lines = open(f"{tmp}/{name}.jsonl").read().splitlines()
    kept = [l for l in lines if json.loads(l)["doc_id"] not in skip]
    open(f"{tmp}/{name}.kept.jsonl", "w").write("\n".join(kept) + "\n")
    for label, path in (("all_84_articles", f"{tmp}/{name}.jsonl"), ("without_doubled_apostrophe_articles", f"{tmp}/{name}.kept.jsonl")):
        result = subprocess.run([sys.executable, f"{data}/score.py", f"{data}/gold.jsonl", path, f"{data}/text", "0.8"],
                                capture_output=True, text=True, check=True)
        out.setdefault(name, {})[label] = json.loads(result.stdout)
out["articles_without_double_marks"] = len(skip)
json.dump(out, open("bench/results/polnear.json", "w"), indent=1)
for name in ("ours", "corenlp"):
    for label, r in out[name].items():
        print(f"{name:8} {label:38} quote F1 {r['quote']['F1']:.3f}  quote+speaker F1 {r['quote_and_speaker']['F1']:.3f}")
PY
