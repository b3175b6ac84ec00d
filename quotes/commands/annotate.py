"""`quotes annotate FILE`: what CoreNLP sees in one file (sentences, entities, coref chains,
CoreNLP's own quotes and speakers). `--json` prints the Document model."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.text import Text

from quotes.terminal import inert


def register(subparsers) -> None:
    parser = subparsers.add_parser("annotate", help="show CoreNLP's annotations of one text file")
    parser.add_argument("file", help="a .txt file (UTF-8)")
    parser.add_argument("--json", action="store_true", help="print the document model as JSON")
    parser.add_argument("--no-cache", action="store_true", help="always ask CoreNLP, never the cache")
    parser.set_defaults(func=run)


def run(args) -> int:
    from quotes.models import Article
    from quotes.pipeline import Pipeline, PipelineError

    try:
        raw = open(args.file, encoding="utf-8-sig").read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    article = Article.from_text(raw, source=args.file)
    from quotes.nlp.profiles import BASELINE_PROFILE

    # every annotator, CoreNLP's own quotes included: this command shows all CoreNLP sees
    with Pipeline(use_cache=not args.no_cache, profile=BASELINE_PROFILE) as pipeline:
        try:
            document = pipeline.annotate(article)
        except PipelineError as error:
            print(error, file=sys.stderr)
            return 1
    if args.json:
        print(document.model_dump_json(indent=1))
        return 0
    console = Console(highlight=False)
    text = document.text
    console.rule(Text(f"{args.file} · {len(document.sentences)} sentences · pipeline {document.pipeline_version}", style="bold"))
    for sentence in document.sentences:
        line = Text(f"[{sentence.index}] ¶{sentence.paragraph} ", style="dim")
        line.append(inert(text[sentence.start : sentence.end]))
        console.print(line)
        entities = [e for e in document.entities if e.sentence == sentence.index]
        if entities:
            console.print(Text("     entities: " + "; ".join(f"{e.text} ({e.ner})" for e in entities), style="cyan"))
    console.rule("coref chains")
    for chain in document.coref_chains:
        if len(chain.mentions) < 2:
            continue
        head = chain.mentions[chain.representative].text
        others = ", ".join(f"{m.text} [s{m.sentence}]" for m in chain.mentions)
        console.print(Text(f"#{chain.id} {head}: {others}"))
    console.rule("CoreNLP's own quotes (baseline)")
    for quote in document.corenlp_quotes:
        who = quote.canonical_speaker or quote.speaker or "?"
        mention = f" via '{quote.mention}'" if quote.mention else ""
        console.print(Text(f"{who}{mention} [{quote.sieve or '-'}]: ", style="bold").append(Text(quote.text[:160], style="")))
    return 0
