"""Does a scorer fitted on train choose the speaker better than the ordered sieve?

For every quote of every covered article, every rule of the sieve proposes a cue and the
resolvers resolve it: the candidates. A logistic regression (scikit-learn) over each
candidate's evidence (rule, resolver, cue strength, kind of mention, distance to the quote,
how many rules agree on that speaker, how often the article names them) is fitted on train
and picks, per quote, the most probable candidate. Compared with the sieve's own choice on
the quotes that match the gold, cross-validated by article on train (5 folds), then fitted
on all of train and checked on dev. Results: bench/results/chooser.json.

    .venv/bin/python bench/fit_chooser.py        (needs the `fit` extra: scikit-learn)
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quotes.attribution.calibration import mention_kind  # noqa: E402
from quotes.attribution.context import QuoteContext  # noqa: E402
from quotes.attribution.driver import attribute_quotes  # noqa: E402
from quotes.attribution.facts import read_article  # noqa: E402
from quotes.attribution.resolvers import resolve  # noqa: E402
from quotes.attribution.rules import ORDER, SIEVE  # noqa: E402
from quotes.evaluate import claim_match, gold_segments, raw_offsets, speaker_matches  # noqa: E402
from quotes.models import Article, Attribution, QuoteType  # noqa: E402
from quotes.nlp import PIPELINE_VERSION, AnnotationCache  # noqa: E402
from quotes.quotefinder import find_quotes  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"


def quotes_of(split: Path):
    """(doc_id, article, sieve attributions, per quote: its candidates, gold match) per covered article."""
    cache = AnnotationCache(None)
    gold = gold_segments(split / "gold.jsonl")
    for path in sorted((split / "text").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        if '"' not in raw and "“" not in raw:
            continue
        article = Article.from_text(raw, source=str(path))
        document = cache.get(article.text, PIPELINE_VERSION)
        if document is None:
            continue
        to_raw = raw_offsets(raw)
        spans = find_quotes(document.text)
        sieve, _ = attribute_quotes(document, spans)
        by_start = {(a.start, a.end): a for a in sieve}
        facts = read_article(document, spans)
        index = facts.index
        spoken: list[Attribution] = []
        golds, used = gold.get(path.stem, []), set()
        for span in spans:
            if span.nested:
                continue
            chosen = by_start.get((span.start, span.end))
            ctx = QuoteContext(index, span, index.sentences_overlapping(span.start, span.end), spoken)
            found = claim_match(raw, (to_raw[span.start], to_raw[span.end - 1] + 1), golds, used, 0.8)
            match = golds[found] if found is not None else None
            candidates = []
            for position, rule in enumerate(SIEVE):
                cue = rule(ctx)
                if cue is None or cue.inherited is not None:
                    if cue is not None:  # continuation: the previous quote's speaker
                        prev = cue.inherited
                        candidates.append(
                            dict(
                                rule=cue.rule,
                                resolver="inherited",
                                strength=int(cue.strength),
                                position=position,
                                speaker=prev.speaker,
                                kind=mention_kind(prev),
                                distance=99,
                                mention_span=None
                                if prev.mention_start is None
                                else [to_raw[prev.mention_start], to_raw[prev.mention_end - 1] + 1],
                            )
                        )
                    continue
                found = resolve(facts, cue)
                token = index.token(cue.mention)
                _, m_start, m_end = index.span_text(cue.mention.sentence, cue.mention_first, cue.mention_last)
                proxy = Attribution(text="", start=0, end=0, type=QuoteType.direct, mention=index.text[m_start:m_end])
                distance = min(abs(token.start - span.outer_start), abs(token.end - span.outer_end))
                candidates.append(
                    dict(
                        rule=cue.rule,
                        resolver=found.resolver.split("/")[0] if found else "unresolved",
                        strength=int(cue.strength),
                        position=position,
                        speaker=found.name if found else None,
                        kind=mention_kind(proxy),
                        distance=distance,
                        mention_span=[to_raw[m_start], to_raw[m_end - 1] + 1],
                    )
                )
            if chosen is not None and (chosen.speaker or chosen.mention):
                spoken.append(chosen)
            if match is None or not candidates or chosen is None:
                continue
            chosen_span = (
                [to_raw[chosen.mention_start], to_raw[chosen.mention_end - 1] + 1] if chosen.mention_start is not None else None
            )
            sieve_right = speaker_matches({"speaker": chosen.speaker, "speaker_span": chosen_span}, match)
            for c in candidates:
                c["right"] = speaker_matches({"speaker": c["speaker"], "speaker_span": c["mention_span"]}, match)
            counts = Counter(c["speaker"] for c in candidates if c["speaker"])
            for c in candidates:
                c["agree"] = counts.get(c["speaker"], 0) if c["speaker"] else 0
                c["named"] = index.mention_counts.get(c["speaker"], 0) if c["speaker"] else 0
            yield path.stem, candidates, sieve_right


def features(c: dict) -> dict:
    return {
        f"rule={c['rule']}": 1.0,
        f"resolver={c['resolver']}": 1.0,
        f"kind={c['kind']}": 1.0,
        f"rule_kind={c['rule']}|{c['kind']}": 1.0,
        "strength": c["strength"] / 4,
        "position": c["position"] / len(ORDER),
        "first": float(c["position"] == c["min_position"]),
        "log_distance": math.log1p(c["distance"]) / 5,
        "agree": math.log1p(c["agree"]),
        "named": math.log1p(c["named"]) / 3,
        "no_speaker": float(c["speaker"] is None),
    }


def prepare(rows):
    quotes = []
    for doc, candidates, sieve_right in rows:
        low = min(c["position"] for c in candidates)
        for c in candidates:
            c["min_position"] = low
        quotes.append((doc, candidates, sieve_right))
    return quotes


def main() -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    train = prepare(list(quotes_of(EVAL / "polnear-train")))
    dev = prepare(list(quotes_of(EVAL / "polnear-dev")))

    def fit(quotes):
        vec = DictVectorizer()
        X = vec.fit_transform([features(c) for _, cs, _ in quotes for c in cs])
        y = [c["right"] for _, cs, _ in quotes for c in cs]
        model = LogisticRegression(C=1.0, max_iter=2000).fit(X, y)
        return vec, model

    def choose_right(vec, model, quotes) -> int:
        right = 0
        for _, cs, _ in quotes:
            p = model.predict_proba(vec.transform([features(c) for c in cs]))[:, 1]
            right += cs[max(range(len(cs)), key=lambda i: p[i])]["right"]
        return right

    docs = [d for d, _, _ in train]
    folds = GroupKFold(n_splits=5)
    cv_right = 0
    for fit_idx, test_idx in folds.split(train, groups=docs):
        vec, model = fit([train[i] for i in fit_idx])
        cv_right += choose_right(vec, model, [train[i] for i in test_idx])
    vec, model = fit(train)
    result = {
        "train_matched_quotes": len(train),
        "train_sieve_right": sum(r for _, _, r in train),
        "train_chooser_right_cross_validated": cv_right,
        "train_oracle_right": sum(any(c["right"] for c in cs) for _, cs, _ in train),
        "dev_matched_quotes": len(dev),
        "dev_sieve_right": sum(r for _, _, r in dev),
        "dev_chooser_right": choose_right(vec, model, dev),
        "dev_oracle_right": sum(any(c["right"] for c in cs) for _, cs, _ in dev),
        "candidates_per_quote_train": round(sum(len(cs) for _, cs, _ in train) / len(train), 2),
    }
    out = ROOT / "bench" / "results" / "chooser.json"
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
