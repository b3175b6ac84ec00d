"""Scoring quotes and speakers against gold.

Two gold formats:
- PolNeAR-style JSONL (../shared/eval/polnear-dev/gold.jsonl): the semantics of its
  reference scorer, score.py, reimplemented: quote marks and edge punctuation trimmed,
  symmetric coverage >= min_coverage, greedy one-to-one matching in prediction order; the
  speaker is right when the predicted mention span overlaps a gold source span or the last
  word of the predicted name occurs in the gold source text. That check passes a wrong name
  whenever the mention is right ("he" -> the wrong man), so where the gold also names every
  speaker (a ``speaker_canonical`` field, null for unnamed ones), a stricter score asks for
  the right name: the last word of the predicted name among the gold name's words (or, for
  an unnamed speaker, the gold source text's).
- The seeds gold (tests/gold_seeds.json): required quotes count for recall; optional quotes,
  when predicted, count only if their speaker is wrong; negatives attributed to anyone are
  errors.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

STRIP = " \t\n\"\u201c\u201d\u2018\u2019',.;:!?"


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in STRIP:
        a += 1
    while b > a and text[b - 1] in STRIP:
        b -= 1
    return a, b


def overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def claim_match(text: str, span, golds: list[dict], used: set[int], min_coverage: float) -> int | None:
    """The reference scorer's match for one predicted quote span: the unused gold segment
    with the highest symmetric coverage of the trimmed spans, if it reaches
    ``min_coverage``; it is then marked used (greedy, one to one, in prediction order)."""
    pa = trim(text, *span)
    best, best_cov = None, 0.0
    for i, g in enumerate(golds):
        if i in used:
            continue
        ga = trim(text, *g["span"])
        cov = overlap(pa, ga) / max(1, max(ga[1] - ga[0], pa[1] - pa[0]))
        if cov > best_cov:
            best, best_cov = i, cov
    if best is None or best_cov < min_coverage:
        return None
    used.add(best)
    return best


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"P": round(p, 4), "R": round(r, 4), "F1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


@dataclass
class Report:
    n_gold: int = 0
    n_pred: int = 0
    tp_quote: int = 0
    tp_speaker: int = 0
    tp_named: int | None = None  # set when the gold names every speaker (speaker_canonical)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)

    def summary(self) -> dict:
        out = {
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "quote": prf(self.tp_quote, self.n_pred, self.n_gold),
            "quote_and_speaker": prf(self.tp_speaker, self.n_pred, self.n_gold),
            "speaker_acc_on_matched": round(self.tp_speaker / self.tp_quote, 4) if self.tp_quote else 0,
        }
        if self.tp_named is not None:
            out["quote_and_named_speaker"] = prf(self.tp_named, self.n_pred, self.n_gold)
        return out


def _context(text: str, a: int, b: int, width: int = 90) -> str:
    return text[max(0, a - width) : b + width].replace("\n", " ¶ ")


def speaker_matches(pred: dict, gold: dict) -> bool:
    """The reference check: the mention span overlaps a gold source span, or the last word
    of the predicted name is in the gold source text."""
    span = pred.get("speaker_span")
    if span and any(overlap(span, g) > 0 for g in gold["source_spans"]):
        return True
    name = (pred.get("speaker") or "").lower().split()
    source = (gold.get("source_text") or "").lower()
    return bool(name) and name[-1] in re.findall(r"[\w\-']+", source)


def _words(text: str | None) -> list[str]:
    return re.findall(r"[\w\-']+", (text or "").lower())


def _name_ok(pred: dict, gold: dict) -> bool:
    """The predicted canonical name is the gold's (see the module docstring)."""
    name = [w for w in _words(pred.get("speaker")) if w not in _NAME_SUFFIXES]
    expected = gold.get("speaker_canonical") or gold.get("source_text")
    if not expected:
        return not name
    return bool(name) and name[-1] in _words(expected)


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "James Kennedy Jr." is a Kennedy


def gold_segments(gold_path: str | Path) -> dict[str, list[dict]]:
    """A PolNeAR gold file's quoted segments by document, each with its attribution's fields
    (``span`` is the segment): the reference scorer's unit."""
    gold: dict[str, list[dict]] = defaultdict(list)
    for line in Path(gold_path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            for segment in record["quoted_segments"]:
                gold[record["doc_id"]].append(dict(span=segment, **record))
    return gold


def score_polnear(gold_path: str | Path, predictions: list[dict], texts_dir: str | Path, min_coverage: float = 0.8) -> Report:
    gold = gold_segments(gold_path)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        if p.get("kind") == "reported":
            continue  # reported statements are scored by score_reported
        by_doc[p["doc_id"]].append(p)
    report = Report()
    if gold and all("speaker_canonical" in g for golds in gold.values() for g in golds):
        report.tp_named = 0
    for doc in sorted(set(gold) | set(by_doc)):
        text = (Path(texts_dir) / f"{doc}.txt").read_text(encoding="utf-8")
        golds, preds = gold.get(doc, []), by_doc.get(doc, [])
        report.n_gold += len(golds)
        report.n_pred += len(preds)
        used: set[int] = set()
        for p in preds:
            best = claim_match(text, p["quote_span"], golds, used, min_coverage)
            if best is not None:
                report.tp_quote += 1
                if report.tp_named is not None and _name_ok(p, golds[best]):
                    report.tp_named += 1
                if speaker_matches(p, golds[best]):
                    report.tp_speaker += 1
                else:
                    report.wrong_speakers.append(
                        f"{doc}: predicted {p.get('speaker')!r} (rule {p.get('rule')}), gold {golds[best].get('source_text')!r}\n"
                        f"    {_context(text, *p['quote_span'])}"
                    )
            else:
                report.false_positives.append(f"{doc}: {text[p['quote_span'][0] : p['quote_span'][1]][:100]!r} ({p.get('rule')})")
        for i, g in enumerate(golds):
            if i not in used:
                report.misses.append(
                    f"{doc}: {text[g['span'][0] : g['span'][1]][:100]!r} by {g.get('source_text')!r}\n"
                    f"    {_context(text, *g['span'])}"
                )
    return report


def _is_reported(record: dict, text: str) -> bool:
    """The reference scorer's gold unit for reported speech: an attribution whose content,
    without its quoted segments, still holds two words or more."""
    rest = "".join(text[a:b] for a, b in record["content_spans"])
    for segment in record["quoted_text"]:
        rest = rest.replace(segment, " ")
    return len(re.findall(r"\w+", rest)) >= 2


def reported_gold(gold_path: str | Path, texts_dir: str | Path) -> dict[str, list[dict]]:
    """The reported-speech gold units of gold_all.jsonl by document, each with its ``span``."""
    texts: dict[str, str] = {}
    gold: dict[str, list[dict]] = defaultdict(list)
    for line in Path(gold_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        doc = record["doc_id"]
        if doc not in texts:
            texts[doc] = (Path(texts_dir) / f"{doc}.txt").read_text(encoding="utf-8")
        if record["content_spans"] and _is_reported(record, texts[doc]):
            span = [min(a for a, _ in record["content_spans"]), max(b for _, b in record["content_spans"])]
            gold[doc].append(dict(record, span=span))
    return gold


def match_reported(text: str, preds: list[dict], golds: list[dict], min_coverage: float = 0.5) -> dict[int, int]:
    """score_reported.py's matching: prediction index -> gold index, one to one, the pairs
    with the highest coverage of the longer trimmed span first."""
    pairs = []
    for j, p in enumerate(preds):
        pa = trim(text, *p["content_span"])
        for i, g in enumerate(golds):
            ga = trim(text, *g["span"])
            cov = overlap(pa, ga) / max(1, max(ga[1] - ga[0], pa[1] - pa[0]))
            if cov >= min_coverage:
                pairs.append((cov, j, i))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, j, i in sorted(pairs, reverse=True):
        if j in matched or i in taken:
            continue
        matched[j] = i
        taken.add(i)
    return matched


def score_reported(gold_path: str | Path, predictions: list[dict], texts_dir: str | Path, min_coverage: float = 0.5) -> Report:
    """The semantics of ../shared/eval/score_reported.py: gold units from gold_all.jsonl (see
    ``_is_reported``), each spanning its content; predictions are the lines with "kind":
    "reported" and a "content_span"; one-to-one matching, best coverage first."""
    gold = reported_gold(gold_path, texts_dir)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        if p.get("kind") == "reported":
            by_doc[p["doc_id"]].append(p)
    report = Report()
    for doc in sorted(set(gold) | set(by_doc)):
        text = (Path(texts_dir) / f"{doc}.txt").read_text(encoding="utf-8")
        golds, preds = gold.get(doc, []), by_doc.get(doc, [])
        report.n_gold += len(golds)
        report.n_pred += len(preds)
        matched = match_reported(text, preds, golds, min_coverage)
        for j, i in matched.items():
            report.tp_quote += 1
            if speaker_matches(preds[j], golds[i]):
                report.tp_speaker += 1
            else:
                report.wrong_speakers.append(
                    f"{doc}: predicted {preds[j].get('speaker')!r} (rule {preds[j].get('rule')}), "
                    f"gold {golds[i].get('source_text')!r}\n    {_context(text, *preds[j]['content_span'])}"
                )
        for j, p in enumerate(preds):
            if j not in matched:
                a, b = p["content_span"]
                report.false_positives.append(f"{doc}: {text[a:b][:100]!r} ({p.get('rule')})")
        taken = set(matched.values())
        for i, g in enumerate(golds):
            if i not in taken:
                a, b = g["span"]
                report.misses.append(
                    f"{doc}: {text[a:b][:100]!r} by {g.get('source_text')!r} (cue {g.get('cue_text')!r})\n    {_context(text, a, b)}"
                )
    return report


def score_seeds(gold_path: str | Path, predictions: list[dict], texts_dir: str | Path) -> Report:
    """Predictions: {"doc_id": article file name, "quote_span": [s, e], "speaker": name}."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    names = {name: {name.lower(), *(a.lower() for a in info.get("aliases", []))} for name, info in gold["speakers"].items()}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        by_doc[p["doc_id"] if p["doc_id"].endswith(".txt") else p["doc_id"] + ".txt"].append(p)
    report = Report()
    matched: set[tuple[str, int]] = set()

    def find(article: str, start: int, length: int):
        for i, p in enumerate(by_doc.get(article, [])):
            a, b = p["quote_span"]
            ov = overlap((a, b), (start, start + length))
            if ov >= 0.8 * length and ov >= 0.5 * (b - a):
                return i, p
        return None, None

    for quote in gold["quotes"]:
        text = (Path(texts_dir) / quote["article"]).read_text(encoding="utf-8")
        length = len(quote["text"].rstrip(" ,."))
        i, p = find(quote["article"], quote["offset"], length)
        if quote["required"]:
            report.n_gold += 1
        if p is None:
            if quote["required"]:
                report.misses.append(
                    f"{quote['article']}: {quote['text'][:80]!r} by {quote['speaker']}\n"
                    f"    {_context(text, quote['offset'], quote['offset'] + length)}"
                )
            continue
        matched.add((quote["article"], i))
        ok = (p.get("speaker") or "").lower() in names[quote["speaker"]]
        if quote["required"]:
            report.tp_quote += 1
            report.tp_speaker += ok
        if not ok:
            report.wrong_speakers.append(
                f"{quote['article']}: {quote['text'][:60]!r} predicted {p.get('speaker')!r}, gold {quote['speaker']!r}"
            )
            if not quote["required"]:
                report.n_pred += 1  # a wrong optional quote is an error, not a free pass
    for negative in gold.get("negatives", []):
        i, p = find(negative["article"], negative["offset"], len(negative["text"]))
        if p is not None and p.get("speaker"):
            matched.add((negative["article"], i))
            report.false_positives.append(f"{negative['article']}: negative {negative['text']!r} attributed to {p['speaker']!r}")
            report.n_pred += 1
    for article, preds in by_doc.items():
        for i, p in enumerate(preds):
            if (article, i) in matched:
                continue
            optional = any(
                q["article"] == article and overlap(p["quote_span"], (q["offset"], q["offset"] + len(q["text"]))) > 0
                for q in gold["quotes"]
            )
            if not optional:
                report.false_positives.append(f"{article}: {p.get('text', '')[:80]!r} ({p.get('speaker')})")
    report.n_pred += report.tp_quote + len([f for f in report.false_positives if "negative" not in f])
    return report


def raw_offsets(raw: str) -> list[int]:
    """For each index of Article.from_text(raw).text, its index in ``raw`` (plus one past the
    end): undoes the BOM, CRLF and surrounding-whitespace normalisation."""
    positions: list[int] = []
    i = 1 if raw.startswith("\ufeff") else 0
    while i < len(raw):
        if raw[i] == "\r" and i + 1 < len(raw) and raw[i + 1] == "\n":
            i += 1
            continue
        positions.append(i)
        i += 1
    mapped_text = "".join("\n" if raw[p] == "\r" else raw[p] for p in positions)
    lead = len(mapped_text) - len(mapped_text.lstrip())
    end = len(mapped_text.rstrip())
    kept = positions[lead:end]
    kept.append(kept[-1] + 1 if kept else 0)
    return kept
