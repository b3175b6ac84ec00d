"""What each CoreNLP annotator costs, and what each pipeline profile costs and scores, on the
same train articles in the same run.

    .venv/bin/python bench/annotator_cost.py [how many train articles, default 20]
                                             # writes bench/results/annotators.json

For each measured profile (``corenlp``: every annotator, today's pipeline before profiles;
``fast``: no coreference), CoreNLP's own command-line pipeline annotates the first N train
articles (sorted by name, those short enough to be one server request) on one thread and
prints its timing summary per annotator; those are the seconds in the table. The
``full`` profile (no CoreNLP quote annotator) is the ``corenlp`` run less its quote
annotator's seconds: its Documents are the ``corenlp`` ones without CoreNLP's quotes
(annotators only add layers). CoreNLP's answers (protobuf) are converted by the same code
as the server's and attributed; quote + speaker F1 is scored with ../shared/eval's scorer
on those N articles' gold. Model loading is excluded (the server loads once per worker).
The article texts are read from ../shared at run time and written only to a temporary folder.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from quotes.attribution import attribute_quotes  # noqa: E402
from quotes.commands.evaluate import predictions_for  # noqa: E402
from quotes.models import Article, AttributedArticle  # noqa: E402
from quotes.nlp.convert import document_from_chunks  # noqa: E402
from quotes.nlp.profiles import PROFILES, Profile  # noqa: E402
from quotes.nlp.server import corenlp_home, split_into_chunks  # noqa: E402
from quotes.quotefinder import find_quotes  # noqa: E402

# Room for every model; lower it on a machine short of memory (the seconds are CPU-bound).
HEAP = os.environ.get("QUOTES_BENCH_HEAP", "5g")
TRAIN = ROOT.parent / "shared" / "eval" / "polnear-train"
SCORER = ROOT.parent / "shared" / "eval" / "polnear-dev" / "score.py"
# CoreNLP's timing summary names annotator classes; the table uses the pipeline's names.
CLASS_TO_ANNOTATOR = {
    "TokenizerAnnotator": "tokenize",
    "WordsToSentencesAnnotator": "ssplit",
    "POSTaggerAnnotator": "pos",
    "MorphaAnnotator": "lemma",
    "NERCombinerAnnotator": "ner",
    "DependencyParseAnnotator": "depparse",
    "CorefAnnotator": "coref",
    "QuoteAnnotator": "quote",
}


def sample(limit: int) -> list[tuple[Path, str, Article, tuple[int, int]]]:
    """The first ``limit`` train articles (by name) that the server sends as one request."""
    chosen = []
    for path in sorted((TRAIN / "text").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        article = Article.from_text(raw, source=str(path))
        chunks = split_into_chunks(article.text)
        if len(chunks) == 1:
            chosen.append((path, raw, article, chunks[0]))
        if len(chosen) == limit:
            break
    return chosen


def read_delimited(path: Path):
    from stanza.protobuf import Document as ProtoDocument
    from stanza.protobuf import parseFromDelimitedString

    blob = path.read_bytes()
    if blob[:2] == b"\x1f\x8b":
        blob = gzip.decompress(blob)
    proto = ProtoDocument()
    parseFromDelimitedString(proto, blob)
    return proto


def run_corenlp(profile: Profile, articles, work: Path) -> tuple[dict[str, float], float, dict[str, object]]:
    """CoreNLP's command-line pipeline over the articles: seconds per annotator (its timing
    summary), the wall time of the annotation, and the protobuf answer per article."""
    inputs = work / f"in-{profile.name}"
    outputs = work / f"out-{profile.name}"
    inputs.mkdir()
    outputs.mkdir()
    listing = []
    for path, _, article, (start, end) in articles:
        target = inputs / path.name
        target.write_text(article.text[start:end], encoding="utf-8")
        listing.append(str(target))
    (work / f"{profile.name}.list").write_text("\n".join(listing) + "\n", encoding="utf-8")
    props = work / f"{profile.name}.properties"
    properties = {**profile.properties, "outputSerializer": profile.properties["serializer"], "threads": "1"}
    props.write_text("".join(f"{k} = {v}\n" for k, v in properties.items()), encoding="utf-8")
    command = [
        "java",
        f"-mx{HEAP}",
        "-cp",
        f"{corenlp_home()}/*",
        "edu.stanford.nlp.pipeline.StanfordCoreNLP",
        "-props",
        str(props),
        "-filelist",
        str(work / f"{profile.name}.list"),
        "-outputDirectory",
        str(outputs),
        "-outputExtension",
        ".pb",
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    (work / f"{profile.name}.log").write_text(done.stderr, encoding="utf-8")
    if done.returncode != 0:
        raise SystemExit(f"CoreNLP failed on profile {profile.name} (exit {done.returncode}):\n{done.stderr[-2000:]}")
    seconds: dict[str, float] = {}
    for klass, value in re.findall(r"^(\w+Annotator): ([\d.]+) sec", done.stderr, flags=re.M):
        name = CLASS_TO_ANNOTATOR.get(klass, klass)
        seconds[name] = seconds.get(name, 0.0) + float(value)
    setup = re.search(r"Pipeline setup: ([\d.]+) sec", done.stderr)
    answers = {}
    for path, *_ in articles:
        found = sorted(outputs.glob(f"{path.name}*"))
        if not found:
            raise SystemExit(f"CoreNLP wrote no answer for {path.name} (profile {profile.name})")
        answers[path.name] = read_delimited(found[0])
    return seconds, wall - (float(setup.group(1)) if setup else 0.0), answers


def score(profile: Profile, articles, answers, work: Path) -> dict:
    ids = {path.stem for path, *_ in articles}
    gold = work / "gold.jsonl"
    if not gold.exists():
        lines = (TRAIN / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        gold.write_text("\n".join(line for line in lines if json.loads(line)["doc_id"] in ids) + "\n", encoding="utf-8")
    predictions = work / f"{profile.name}.predictions.jsonl"
    with predictions.open("w", encoding="utf-8") as out:
        for path, raw, article, (start, end) in articles:
            document = profile.derive(document_from_chunks(article.text, [(start, end, answers[path.name])], profile.version))
            quotes, speakers = attribute_quotes(document, find_quotes(document.text), title=article.title)
            result = AttributedArticle(article=article, quotes=quotes, speakers=speakers)
            for line in predictions_for(path.stem, raw, result, "ours"):
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    scored = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(predictions), str(TRAIN / "text"), "0.8"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(scored.stdout)


def main(limit: int) -> dict:
    articles = sample(limit)
    results: dict = {
        "articles": len(articles),
        "chars": sum(len(a.text) for _, _, a, _ in articles),
        "threads": 1,
        "heap": HEAP,
        "profiles": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        runs = {}
        for name in ("corenlp", "fast"):
            print(f"annotating {len(articles)} articles with profile {name} ...", flush=True)
            runs[name] = run_corenlp(PROFILES[name], articles, work)
            print(json.dumps(runs[name][0]), flush=True)
        corenlp_seconds, corenlp_wall, corenlp_answers = runs["corenlp"]
        total = sum(corenlp_seconds.values())
        results["annotators"] = [
            {"annotator": name, "s_per_article": round(s / len(articles), 3), "share": round(s / total, 3)}
            for name, s in corenlp_seconds.items()
        ]
        measured = {
            "corenlp": (corenlp_seconds, corenlp_answers),
            "full": ({k: v for k, v in corenlp_seconds.items() if k != "quote"}, corenlp_answers),
            "fast": (runs["fast"][0], runs["fast"][2]),
        }
        for name, (seconds, answers) in measured.items():
            annotate = sum(seconds.values())
            scored = score(PROFILES[name], articles, answers, work)
            results["profiles"][name] = {
                "annotators": ",".join(PROFILES[name].annotators),
                "s_per_article": round(annotate / len(articles), 3),
                "articles_per_s": round(len(articles) / annotate, 4),
                "speedup_vs_corenlp": round(total / annotate, 2),
                "quote_F1": scored["quote"]["F1"],
                "quote_speaker_F1": scored["quote_and_speaker"]["F1"],
            }
            print(name, json.dumps(results["profiles"][name]), flush=True)
        results["wall_s_excluding_model_loading"] = {"corenlp": round(corenlp_wall, 1), "fast": round(runs["fast"][1], 1)}
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "annotators.json").write_text(json.dumps(results, indent=1) + "\n")
    return results


if __name__ == "__main__":
    os.nice(5)  # the machine is shared: this run yields to interactive work
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20), indent=1))
