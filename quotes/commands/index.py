"""Commands over the index: run, ingest, speakers, quotes, search, show, and the
corrections merge, split, reassign, regroup."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quotes.terminal import cell, diff_as_text, highlighted, inert, uses_markers
from quotes.models import CueClass

DEFAULT_DB = "quotes.db"
SQL_INT_MAX = 2**63 - 1


def seeds_folder() -> Path:
    """The bundled default corpus (package data: found in an installed copy too)."""
    from quotes.ingestion import seeds_folder as bundled

    return bundled()


CUE_CLASSES = [c.value for c in CueClass]


def _listed(limit: int) -> int:
    """A --limit as the store takes it: 0 means no limit."""
    return limit or SQL_INT_MAX


def _count(value: str) -> int:
    """A --limit: a whole number >= 0, 0 for all (any size: the store clamps what SQLite
    cannot take)."""
    import argparse

    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return number


def _db_option(parser) -> None:
    parser.add_argument("--db", default=DEFAULT_DB, help=f"the index file (default {DEFAULT_DB})")


def _pipeline_option(parser) -> None:
    from quotes.nlp.profiles import DEFAULT_PROFILE, PROFILES

    parser.add_argument(
        "--pipeline",
        choices=sorted(PROFILES),
        default=None,
        help=f"which CoreNLP annotators run (default {DEFAULT_PROFILE}; README: What each annotator costs)",
    )


def _keep_option(parser) -> None:
    parser.add_argument(
        "--keep-non-articles",
        action="store_true",
        help="store web pages that hold no news article (a placeholder page, a section front) instead of reporting them",
    )


def register(subparsers) -> None:
    p = subparsers.add_parser("run", help="ingest articles (default: the bundled seeds) and print speakers and variant groups")
    p.add_argument("paths", nargs="*", help="files, folders or globs (default: seeds/)")
    _db_option(p)
    p.add_argument("--workers", type=int, default=2, help="articles annotated at once (one server, that many threads)")
    _pipeline_option(p)
    _keep_option(p)
    p.set_defaults(func=cmd_run)

    p = subparsers.add_parser("ingest", help="add articles (.txt .md .html .json .jsonl .warc) to the index")
    p.add_argument("paths", nargs="+", help="files, folders (recursive) or glob patterns")
    _db_option(p)
    p.add_argument(
        "--workers",
        type=int,
        default=2,
        help="articles annotated at once: one CoreNLP server with that many threads, measured faster than N servers (README)",
    )
    p.add_argument(
        "--metadata",
        metavar="FILE.csv",
        help="CSV with a 'file' and/or 'url' column and any of title, outlet, date, authors: fills in or overrides each matching input's fields",
    )
    _pipeline_option(p)
    _keep_option(p)
    p.add_argument(
        "--cluster",
        metavar="local:N|tcp://HOST:8786",
        help="annotate on a Dask cluster: local:N starts N worker processes here, an address uses a running "
        "scheduler (README: Ingest on a cluster)",
    )
    p.add_argument(
        "--in-flight",
        type=int,
        default=None,
        metavar="N",
        help="with --cluster: at most N articles on the cluster at once (default 4 per worker)",
    )
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser("speakers", help="the speaker index")
    _db_option(p)
    p.add_argument("--filter", help="only names or aliases containing this")
    p.add_argument("--limit", type=_count, default=100, help="at most N (default 100; 0: all)")
    p.add_argument("--roles", action="store_true", help="every role of each speaker, with the articles it came from")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_speakers)

    p = subparsers.add_parser("quotes", help="quotes (or reported statements: --kind reported), optionally of one speaker")
    _db_option(p)
    p.add_argument("--speaker", help="speaker name or alias")
    p.add_argument(
        "--kind",
        choices=["quotes", "reported"],
        default="quotes",
        help="verbatim quotes (default) or reported statements (no quote marks)",
    )
    p.add_argument("--cue-class", choices=CUE_CLASSES, help="with --kind reported: only this cue class")
    p.add_argument("--limit", type=_count, default=200, help="at most N (default 200; 0: all)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_quotes)

    p = subparsers.add_parser("search", help="full-text search over quotes, reported statements and speakers")
    p.add_argument("text", help="words to find (any input is safe)")
    _db_option(p)
    p.add_argument("--kind", choices=["all", "quotes", "reported", "speakers"], default="all", help="only hits of this kind")
    p.add_argument("--limit", type=_count, default=50, help="at most N (default 50; 0: all)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)

    p = subparsers.add_parser("show", help="every wording of one quote group, with word differences")
    p.add_argument("group", type=int, help="group id")
    _db_option(p)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--timeline",
        action="store_true",
        help="where the quote came from and how it changed: occurrences by date, first appearance, "
        "the tree of wordings, what each outlet copied (with --json: the drift model)",
    )
    p.set_defaults(func=cmd_show)

    p = subparsers.add_parser(
        "conflicts", help="occurrences whose confident speaker contradicts the speaker other articles give the same words"
    )
    _db_option(p)
    p.add_argument("--limit", type=_count, default=100, help="at most N (default 100; 0: all)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts)

    p = subparsers.add_parser("merge", help="correction: merge group ABSORB into group KEEP")
    p.add_argument("keep", type=int)
    p.add_argument("absorb", type=int)
    p.add_argument(
        "--across-speakers",
        action="store_true",
        help="allow merging groups of two different speakers: every quote keeps its own speaker, "
        "the merged group is listed under KEEP's speaker (kept after a regroup)",
    )
    _db_option(p)
    p.set_defaults(func=cmd_merge)

    p = subparsers.add_parser("split", help="correction: move one quote occurrence into a group of its own")
    p.add_argument("quote", type=int, help="quote id")
    _db_option(p)
    p.set_defaults(func=cmd_split)

    p = subparsers.add_parser("reassign", help="correction: give one quote occurrence another speaker")
    p.add_argument("quote", type=int, help="quote id")
    p.add_argument("speaker", help="the speaker's name (created if new)")
    _db_option(p)
    p.set_defaults(func=cmd_reassign)

    p = subparsers.add_parser("regroup", help="rebuild every variant group from the quotes (corrections are kept)")
    _db_option(p)
    p.set_defaults(func=cmd_regroup)


def _store(args):
    """The index for a read or a correction: it must exist and be a quotes index (never
    created here); read-only media are opened read-only."""
    from quotes.store import Store

    return Store(args.db, create=False)


def say_if_cut(shown: int, total: int, noun: str, rest: str | None = None) -> None:
    """A listing that stopped at its limit says so on stderr (stdout stays a clean table or
    JSON): how many it showed of how many, and how to see the rest."""
    if shown < total:
        print(f"showing {shown} of {total} {noun}; {rest or '--limit 0 lists them all'}", file=sys.stderr)


def _print_json(items) -> None:
    print(json.dumps([i.model_dump(mode="json") for i in items], ensure_ascii=False, indent=1))


# ----------------------------------------------------------------------------- ingest


def ingest(
    paths,
    db: str,
    workers: int = 1,
    console: Console | None = None,
    metadata: str | None = None,
    pipeline: str | None = None,
    cluster: str | None = None,
    in_flight: int | None = None,
    keep_non_articles: bool = False,
) -> dict:
    """The library's ingest (quotes.ingest) with a progress bar and a summary line; the
    pipeline (and Java) starts only if a new article needs it; ``metadata``: a metadata CSV."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from quotes.ingestion import IngestProgress
    from quotes.ingestion import ingest as ingest_paths

    console = console or Console(stderr=True)
    bar: dict = {}

    def progress(step: IngestProgress) -> None:
        if "progress" not in bar:
            bar["progress"] = Progress(
                TextColumn("[bold]ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            bar["progress"].start()
            bar["task"] = bar["progress"].add_task("ingest", total=step.total, rate="")
        bar["progress"].update(
            bar["task"], completed=step.done, total=step.total, rate=f"{step.rate:.2f} articles/s" if step.done else ""
        )

    try:
        extra: dict[str, Any] = {"metadata": metadata} if metadata else {}
        if pipeline:
            extra["profile"] = pipeline
        if cluster:
            extra.update(cluster=cluster, in_flight=in_flight)
        if keep_non_articles:
            extra["keep_non_articles"] = True
        report = ingest_paths(paths, db, workers=workers, progress=progress, **extra)
    finally:
        if "progress" in bar:
            bar["progress"].stop()
    if report.metadata_unused:
        console.print(
            Text(f"{inert(metadata or '')}: {report.metadata_unused} row(s) matched no input", style="yellow"), soft_wrap=True
        )
    for failure in report.failures:
        console.print(Text("✗ " + inert(failure, keep_newlines=False), style="red"), soft_wrap=True)
    for page in report.not_articles:
        console.print(Text("– " + inert(page, keep_newlines=False) + " (--keep-non-articles stores it)", style="yellow"), soft_wrap=True)
    stats = report.index
    versions = f" ({report.versions} new version(s) of stored articles)" if report.versions else ""
    skipped = f", {len(report.not_articles)} not news article(s)" if report.not_articles else ""
    console.print(
        Text(
            f"articles: {report.added} added{versions}, {report.present} already present, {report.failed} failed{skipped} · "
            f"index: {stats['quotes']} quotes, {stats['speakers']} speakers, {stats['groups']} groups "
            f"({report.seconds:.1f} s)"
        ),
        soft_wrap=True,
    )
    summary = report.model_dump(exclude={"failures", "index", "metadata_unused", "not_articles"})
    summary["not_articles"] = len(report.not_articles)
    summary.update({f"index_{k}": v for k, v in stats.items()})
    return summary


def cmd_ingest(args) -> int:
    try:
        summary = ingest(
            args.paths,
            args.db,
            args.workers,
            metadata=args.metadata,
            pipeline=args.pipeline,
            cluster=args.cluster,
            in_flight=args.in_flight,
            keep_non_articles=args.keep_non_articles,
        )
    except (ValueError, OSError) as error:  # a bad --cluster value, a scheduler that does not answer
        if not args.cluster:
            raise
        said = " ".join(str(error).split())  # one line, whatever distributed's message holds
        print(said if said.startswith("--cluster") else f"--cluster {args.cluster}: {said}", file=sys.stderr)
        return 2
    return 1 if summary["failed"] else 0


def cmd_run(args) -> int:
    paths = args.paths or [str(seeds_folder())]
    summary = ingest(paths, args.db, args.workers, pipeline=args.pipeline, keep_non_articles=args.keep_non_articles)
    console = Console(highlight=False)
    with _store(args) as store:
        speakers = store.speakers(limit=RUN_SPEAKERS)
        console.print(_speaker_table(speakers, console.width))
        db = inert(args.db)
        say_if_cut(len(speakers), store.speaker_count(), "speakers", f"`quotes speakers --db {db} --limit 0` lists them all")
        console.rule("[bold]Variant groups")
        groups = store.groups(limit=RUN_GROUPS)
        for group in groups:
            detail = store.group(group.id)
            head = Text(f"#{group.id} ", style="bold cyan")
            head.append(inert(group.speaker or "unknown speaker"), style="bold")
            head.append(
                f" · {group.wordings} wording(s), {group.occurrences} occurrence(s), {group.outlets} source(s)", style="dim"
            )
            console.print(head)
            console.print(Text("  “" + inert(group.canonical) + "”"))
            for occurrence in detail.occurrences:
                if occurrence.text != group.canonical:
                    console.print(_diff_line(occurrence, uses_markers(console)))
        say_if_cut(len(groups), store.stats()["groups"], "variant groups", f"`quotes export --db {db} --out sheet.html` has them all")
    next_steps = Text("\nNext: browse with ")
    next_steps.append(f"quotes tui --db {inert(args.db)}", style="bold").append(", export a sheet with ")
    next_steps.append(f"quotes export --db {inert(args.db)} --out sheet.html", style="bold")
    next_steps.append(f", or query {inert(args.db)} with sqlite3 / Datasette.")
    console.print(next_steps)
    return 1 if summary["failed"] else 0


# ----------------------------------------------------------------------------- reads

# What `quotes run` prints of the index it built (the rest: `quotes speakers`, the sheet).
RUN_SPEAKERS = 50
RUN_GROUPS = 30


# Below this many columns a table of seven or eight columns leaves each about ten
# characters: the narrow layouts give the words lines of their own instead.
NARROW = 100


def _speaker_table(speakers, width: int | None = None) -> Table:
    narrow = width is not None and width < NARROW
    table = Table(title="Speakers", show_lines=narrow)
    wide = ("id", "name", "type", "role", "quotes", "groups", "sources")
    for column in ("id", "name · type · role", "quotes", "groups", "sources") if narrow else wide:
        table.add_column(column, overflow="fold", ratio=1 if column.startswith("name") else None)
    for s in speakers:
        # reported statements counted apart: "12 +3r" is 12 quotes and 3 reported statements
        counts = f"{s.quotes} +{s.statements}r" if s.statements else str(s.quotes)
        role = _lead_role(s)
        if narrow:
            who = cell(s.name).append(Text(f"\n{s.type.value}" + (" · " if role.plain else ""), style="dim")).append(role)
            table.add_row(str(s.id), who, counts, str(s.groups), str(len(s.outlets)))
        else:
            table.add_row(str(s.id), cell(s.name), s.type.value, role, counts, str(s.groups), str(len(s.outlets)))
    return table


def _blocks(console: Console, title: str, items) -> None:
    """The narrow layout of a listing: per item a dim line of facts, then its words on lines of
    their own, wrapped at the terminal's width, so a quote reads as a sentence."""
    import textwrap

    console.print(Text(title, style="bold"))
    for head, words in items:
        console.print(Text(" · ".join(inert(x, keep_newlines=False) for x in head if x), style="dim"), soft_wrap=True)
        wrapped = textwrap.fill(inert(words, keep_newlines=False), width=max(20, console.width - 2), initial_indent="  ",
                                subsequent_indent="  ", break_on_hyphens=False)
        console.print(Text(wrapped + "\n"), soft_wrap=True)


def _lead_role(speaker) -> Text:
    """The speaker's most frequent recent role, and how many others `--roles` would list."""
    if not speaker.roles:
        return Text("")
    text = cell(speaker.roles[0])
    if len(speaker.roles) > 1:
        text.append(f" +{len(speaker.roles) - 1}", style="dim")
    return text


def _role_lines(speaker) -> list[Text]:
    """Every role of a speaker, most frequent recent first: how many articles give it, the
    first and last dated one, and where it came from."""
    head = Text(f"{speaker.id} ", style="dim")
    head.append(inert(speaker.name), style="bold")
    if speaker.party:
        head.append(f" · party: {inert(speaker.party)}", style="dim")
    lines = [head]
    for detail in speaker.role_details:
        line = Text("  " + inert(detail.role))
        dates = " – ".join(dict.fromkeys(d for d in (detail.first_date, detail.last_date) if d))
        articles = f"{len(detail.articles)} article{'s' if len(detail.articles) != 1 else ''}"
        line.append(f" · {articles}" + (f", {dates}" if dates else ""), style="dim")
        if detail.sources:
            line.append(" · " + inert(", ".join(detail.sources)), style="dim")
        lines.append(line)
    if not speaker.role_details:
        lines.append(Text("  no role stored", style="dim"))
    return lines

def cmd_speakers(args) -> int:
    with _store(args) as store:
        speakers = store.speakers(filter=args.filter, limit=_listed(args.limit))
        total = store.speaker_count(filter=args.filter)
    if args.json:
        _print_json(speakers)
    elif args.roles:
        console = Console(highlight=False)
        for speaker in speakers:
            for line in _role_lines(speaker):
                console.print(line)
    else:
        console = Console(highlight=False)
        console.print(_speaker_table(speakers, console.width))
    say_if_cut(len(speakers), total, "speakers")
    return 0


class UnknownSpeaker(LookupError):
    pass


def speaker_id_for(store, name: str | None) -> int | None:
    """The id of the speaker named (by name or alias) on the command line; None for no name."""
    if not name:
        return None
    speaker = store.find_speaker(name)
    if speaker is None:
        print(f"no speaker named {name!r} (see `quotes speakers`)", file=sys.stderr)
        raise UnknownSpeaker(name)
    return speaker.id


def cmd_quotes(args) -> int:
    with _store(args) as store:
        try:
            speaker_id = speaker_id_for(store, args.speaker)
        except UnknownSpeaker:
            return 1
        if args.kind == "reported":
            statements = store.statements(speaker_id=speaker_id, cue_class=args.cue_class, limit=_listed(args.limit))
            say_if_cut(len(statements), store.statement_count(speaker_id, args.cue_class), "reported statements")
            return _print_statements(statements, args)
        quotes = store.quotes(speaker_id=speaker_id, limit=_listed(args.limit))
        say_if_cut(len(quotes), store.quote_count(speaker_id), "quotes")
    if args.json:
        _print_json(quotes)
        return 0
    title = f"Quotes{' of ' + inert(args.speaker) if args.speaker else ''}"
    console = Console(highlight=False)
    if console.width < NARROW:
        heads = (
            (str(q.id), f"group {q.group_id}" if q.group_id else "", q.speaker or "?", q.type.value, q.outlet or q.source,
             f"{q.rule} {q.confidence:.2f}")
            for q in quotes
        )
        _blocks(console, title, zip(heads, (q.printed() for q in quotes)))
        return 0
    table = Table(title=Text(title))
    for column in ("id", "group", "speaker", "quote", "type", "source", "rule", "conf"):
        table.add_column(column, overflow="fold")
    for q in quotes:
        table.add_row(
            str(q.id),
            str(q.group_id or ""),
            cell(q.speaker or "?"),
            cell(q.text),
            q.type.value,
            cell(q.outlet or q.source),
            cell(q.rule),
            f"{q.confidence:.2f}",
        )
    console.print(table)
    return 0


def statements_of(store, speaker_id: int | None = None, cue_class: str | None = None, page: int = 1000):
    """Every reported statement (of one speaker, one cue class), streamed page by page."""
    offset = 0
    while True:
        batch = store.statements(speaker_id=speaker_id, cue_class=cue_class, limit=page, offset=offset)
        yield from batch
        if len(batch) < page:
            return
        offset += page


def _print_statements(statements, args) -> int:
    if args.json:
        _print_json(statements)
        return 0
    title = f"Reported statements{' of ' + inert(args.speaker) if args.speaker else ''}"
    console = Console(highlight=False)
    if console.width < NARROW:
        heads = (
            (str(r.id), r.speaker or r.mention or "?", f"{r.cue or ''} ({r.cue_class.value})",
             f"also quoted: group {r.paraphrase_group_id} ({r.paraphrase_score or 0:.2f})" if r.paraphrase_group_id else "",
             r.outlet or r.source, f"{r.rule} {r.confidence:.2f}")
            for r in statements
        )
        _blocks(console, title, zip(heads, (r.text for r in statements)))
        return 0
    table = Table(title=Text(title))
    for column in ("id", "speaker", "cue", "content", "also quoted", "source", "rule", "conf"):
        table.add_column(column, overflow="fold")
    for r in statements:
        linked = f"group {r.paraphrase_group_id} ({r.paraphrase_score:.2f})" if r.paraphrase_group_id else ""
        table.add_row(
            str(r.id),
            cell(r.speaker or r.mention or "?"),
            cell(f"{r.cue or ''} ({r.cue_class.value})"),
            cell(r.text),
            linked,
            cell(r.outlet or r.source),
            cell(r.rule),
            f"{r.confidence:.2f}",
        )
    console.print(table)
    return 0


_SEARCH_KINDS = {"quotes": "quote", "reported": "reported", "speakers": "speaker"}


def cmd_search(args) -> int:
    with _store(args) as store:
        hits = store.search(args.text, limit=_listed(args.limit))
        counts = store.search_counts(args.text)
    if args.kind != "all":
        hits = [h for h in hits if h.kind == _SEARCH_KINDS[args.kind]]
    for kind, noun in (("speaker", "speaker hits"), ("quote", "quote hits"), ("reported", "reported statement hits")):
        if args.kind in ("all", next(k for k, v in _SEARCH_KINDS.items() if v == kind)):
            say_if_cut(sum(h.kind == kind for h in hits), counts[kind], noun)
    if args.json:
        _print_json(hits)
        return 0
    table = Table(title=Text(f"Search: {inert(args.text)}"))
    console = Console(highlight=False)
    match_style = "bold reverse" if not uses_markers(console) else "bold"
    for column in ("kind", "group", "quote", "speaker", "text"):
        table.add_column(column, overflow="fold")
    for h in hits:
        shown = highlighted(h.snippet, h.highlights, match_style) if h.snippet else cell(h.text)
        table.add_row(h.kind, str(h.group_id or ""), str(h.quote_id or h.statement_id or ""), cell(h.speaker or ""), shown)
    console.print(table if hits else "no match")
    return 0


def _diff_line(occurrence, markers: bool = False) -> Text:
    line = Text("  ")
    line.append(diff_as_text(occurrence.diff, occurrence.text, markers=markers))
    line.append(f"  ({inert(occurrence.outlet or occurrence.source)})", style="dim")
    return line


def cmd_show(args) -> int:
    with _store(args) as store:
        detail = store.group(args.group)
    if detail is None:
        print(f"no group {args.group}", file=sys.stderr)
        return 1
    if args.timeline:
        return _show_timeline(detail, args.json)
    if args.json:
        print(detail.model_dump_json(indent=1))
        return 0
    console = Console(highlight=False)
    g = detail.group
    console.rule(
        Text(f"Group {g.id} · {inert(g.speaker or 'unknown speaker')}" + (f" ({inert(detail.role)})" if detail.role else ""))
    )
    console.print(Text("canonical: “" + inert(g.canonical) + "”", style="bold"))
    console.print(
        Text(
            f"{g.wordings} wording(s), {g.occurrences} occurrence(s), {g.outlets} source(s); first seen {g.first_seen or '?'}",
            style="dim",
        )
    )
    table = Table(show_lines=True)
    for column in ("quote", "wording as printed / difference", "where", "context", "rule"):
        table.add_column(column, overflow="fold")
    for o in detail.occurrences:
        where = "\n".join(inert(x) for x in (o.outlet, o.title, o.date, o.source, o.occasion and f"said {o.occasion}") if x)
        table.add_row(
            str(o.id),
            Text(inert(o.printed()) + "\n").append_text(_diff_line(o, uses_markers(console))),
            cell(where),
            cell(o.context),
            cell(f"{o.rule}\n{o.resolver or ''}\n{o.confidence:.2f}" + (f"\n{o.speaker_note()}" if o.speaker_note() else "")),
        )
    console.print(table)
    if detail.reported:
        console.print(Text("also reported as:", style="bold"))
        for r in detail.reported:
            where = ", ".join(inert(x) for x in (r.outlet or r.source, r.date) if x)
            console.print(
                Text(
                    f"  {inert(r.speaker or r.mention or '?')} {inert(r.cue or '')}: {inert(r.text)}  ({where};"
                    f" statement {r.id}, paraphrase score {r.paraphrase_score or 0:.2f})"
                )
            )
    for line in detail.repeated:
        console.print(Text(inert(line.line()), style="bold"))
    conflicts = sum(o.conflict for o in detail.occurrences)
    if conflicts:
        console.print(Text(f"{conflicts} occurrence(s) contradict the agreed speaker (see `quotes conflicts`)", style="bold red"))
    return 0


def cmd_conflicts(args) -> int:
    with _store(args) as store:
        found = store.conflicts(limit=_listed(args.limit))
        say_if_cut(len(found), store.conflict_count(), "conflicts")
    if args.json:
        _print_json(found)
        return 0
    if not found:
        print("no conflicts: every confident attribution agrees with the other occurrences of its words")
        return 0
    table = Table(title="Conflicts: a confident speaker contradicting the other articles")
    for column in ("group", "quote", "this article says", "the others", "quote text", "source"):
        table.add_column(column, overflow="fold")
    for o in found:
        table.add_row(
            str(o.group_id or ""),
            str(o.id),
            cell(o.speaker or "?"),
            cell(o.speaker_evidence or ""),
            cell(o.text),
            cell(o.outlet or o.source),
        )
    Console(highlight=False).print(table)
    return 0


def _show_timeline(detail, as_json: bool) -> int:
    from quotes import drift, timeline

    d = drift.analyse(detail)
    if as_json:
        print(d.model_dump_json(indent=1))
        return 0
    console = Console(highlight=False)
    g = detail.group
    console.rule(f"Group {g.id} · {inert(g.speaker or 'unknown speaker')} · timeline")
    console.print(Text("canonical: “" + inert(g.canonical) + "”", style="bold"))
    console.print(timeline.render(d, width=console.width))
    return 0


# ----------------------------------------------------------------------------- corrections


def _correct(args, action) -> int:
    from quotes.store import StoreError

    with _store(args) as store:
        try:
            print(action(store))
        except (StoreError, IndexError) as error:
            print(f"cannot apply: {error}", file=sys.stderr)
            return 1
    return 0


def cmd_merge(args) -> int:
    def merge(store) -> str:
        store.merge_groups(args.keep, args.absorb, across_speakers=args.across_speakers)
        return f"merged group {args.absorb} into {args.keep}"

    return _correct(args, merge)


def cmd_split(args) -> int:
    return _correct(args, lambda s: f"quote {args.quote} is now in group {s.split_quote(args.quote)}")


def cmd_reassign(args) -> int:
    return _correct(args, lambda s: f"quote {args.quote} now attributed to speaker {s.reassign_quote(args.quote, args.speaker)}")


def cmd_regroup(args) -> int:
    return _correct(args, lambda s: f"{s.regroup()} groups")
