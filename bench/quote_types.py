"""Quote types measured on train: what each type and rule the attributor gives a quotation
is worth against the gold, and whether the fragments it leaves without a speaker (typed
``non_speech``: no rule found a speaker, or a title or name in quote marks) would be worth
printing with the subject of the clause that governs them.

For every quotation of every covered article of the split (its annotation cached): its type
and rule; whether a gold quoted segment matches it (the reference scorer's coverage, 0.8);
for the quotes the index keeps, whether the speaker is the gold's. For a dropped fragment,
the candidate speaker is the subject of the nearest verb above it in the parse (any verb,
resolved by the same resolvers), and it counts as right when the scorer would accept it.

Adding a quote whose speaker is right with probability p raises quote + speaker F1 only when
p > F1 / 2 (about 0.42 at today's 0.84): the script reports each kind's p beside that bar.

    .venv/bin/python bench/quote_types.py [train|dev]      # writes bench/results/quote_types.json
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.attribution.context import (  # noqa: E402
    QuoteContext,
    Strength,
    ancestors_of_quote,
    make_cue,
    quoted_tokens,
    subject_of,
    usable_speaker,
)
from quotes.attribution.driver import attribute_quotes  # noqa: E402
from quotes.attribution.facts import read_article  # noqa: E402
from quotes.attribution.resolvers import resolve  # noqa: E402
from quotes.evaluate import claim_match, gold_segments, raw_offsets, speaker_matches  # noqa: E402
from quotes.models import Article, QuoteType  # noqa: E402
from quotes.nlp import PIPELINE_VERSION, AnnotationCache  # noqa: E402
from quotes.quotefinder import find_quotes  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DROPPED = {QuoteType.non_speech}


def clause_subject_candidate(facts, index, span, to_raw) -> dict | None:
    """The subject of the nearest verb above a fragment, resolved: the speaker a dropped
    fragment would get."""
    ctx = QuoteContext(index, span, index.sentences_overlapping(span.start, span.end), [])
    if len(ctx.sentences) != 1:
        return None
    sentence = ctx.sentences[0]
    tree, tokens = index.trees[sentence], index.sentences[sentence].tokens
    quoted = quoted_tokens(ctx, sentence)
    for node, _height in sorted(ancestors_of_quote(ctx, sentence).items(), key=lambda item: item[1]):
        if not tokens[node].pos.startswith("VB"):
            continue
        subject = subject_of(tree, tokens, node, quoted)
        if subject is None or not usable_speaker(ctx, sentence, subject):
            continue
        resolved = resolve(facts, make_cue(ctx, "candidate", Strength.WEAK, sentence, subject, node))
        return {
            "speaker": resolved.name if resolved else None,
            "speaker_span": [to_raw[tokens[subject].start], to_raw[tokens[subject].end - 1] + 1],
        }
    return None


def measure(split_name: str) -> dict:
    split = EVAL / f"polnear-{split_name}"
    cache = AnnotationCache(None)
    gold = gold_segments(split / "gold.jsonl")
    kept: Counter = Counter()  # (type, rule) -> quotes kept
    kept_match, kept_right = Counter(), Counter()
    dropped, dropped_gold, candidate, candidate_right = Counter(), Counter(), Counter(), Counter()
    articles = 0
    for path in sorted((split / "text").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        if '"' not in raw and "“" not in raw:
            continue  # the gold holds only quotes in double marks
        article = Article.from_text(raw, source=str(path))
        document = cache.get(article.text, PIPELINE_VERSION)
        if document is None:
            continue
        articles += 1
        to_raw = raw_offsets(raw)
        spans = find_quotes(document.text)
        quotes, _ = attribute_quotes(document, spans)
        facts = read_article(document, spans)
        golds, used = gold.get(path.stem, []), set()
        by_span = {(s.start, s.end): s for s in spans}
        for q in quotes:
            raw_span = (to_raw[q.start], to_raw[q.end - 1] + 1)
            found = claim_match(raw, raw_span, golds, used, 0.8)
            key = f"{q.type.value}/{q.rule}"
            if q.type in DROPPED or (q.type == QuoteType.headline and q.speaker is None):
                dropped[key] += 1
                dropped_gold[key] += found is not None
                cand = clause_subject_candidate(facts, facts.index, by_span[(q.start, q.end)], to_raw)
                if cand is not None:
                    candidate[key] += 1
                    candidate_right[key] += found is not None and speaker_matches(cand, golds[found])
                if found is not None:
                    used.discard(found)  # the index does not print it: the gold segment stays unclaimed
                continue
            kept[key] += 1
            if found is not None:
                kept_match[key] += 1
                pred = {
                    "speaker": q.speaker,
                    "speaker_span": [to_raw[q.mention_start], to_raw[q.mention_end - 1] + 1]
                    if q.mention_start is not None
                    else None,
                }
                kept_right[key] += speaker_matches(pred, golds[found])

    def share(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    by_type: dict[str, dict] = defaultdict(lambda: {"quotes": 0, "match_gold": 0, "speaker_right": 0})
    for key, n in kept.items():
        row = by_type[key.split("/")[0]]
        row["quotes"] += n
        row["match_gold"] += kept_match[key]
        row["speaker_right"] += kept_right[key]
    return {
        "split": split_name,
        "covered_articles_cached": articles,
        "kept_by_type": {
            t: {
                **r,
                "quote_precision": share(r["match_gold"], r["quotes"]),
                "speaker_precision": share(r["speaker_right"], r["quotes"]),
            }
            for t, r in sorted(by_type.items())
        },
        "kept_by_type_and_rule": {
            k: {"quotes": n, "quote_precision": share(kept_match[k], n), "speaker_precision": share(kept_right[k], n)}
            for k, n in kept.most_common()
        },
        "dropped": {
            k: {
                "quotes": n,
                "in_gold": dropped_gold[k],
                "with_a_clause_subject": candidate[k],
                "clause_subject_right": candidate_right[k],
                "precision_if_printed": share(candidate_right[k], candidate[k]),
            }
            for k, n in dropped.most_common()
        },
    }


if __name__ == "__main__":
    result = measure(sys.argv[1] if len(sys.argv) > 1 else "train")
    out = ROOT / "bench" / "results" / "quote_types.json"
    previous = json.loads(out.read_text()) if out.exists() else {}
    previous[result["split"]] = result
    out.write_text(json.dumps(previous, indent=1) + "\n")
    print(json.dumps(result["kept_by_type"], indent=1))
    print(json.dumps(result["dropped"], indent=1))
