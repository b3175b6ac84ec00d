"""`quotes export`: a quote sheet in md, csv, json, html or docx."""

from __future__ import annotations

import sys

from quotes.commands.index import DEFAULT_DB, UnknownSpeaker, speaker_id_for, statements_of
from quotes.models import CueClass


def register(subparsers) -> None:
    p = subparsers.add_parser("export", help="write a quote sheet (md, csv, json, html, docx)")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--format", choices=["md", "csv", "json", "html", "docx"], help="default: from --out's extension, else md")
    p.add_argument("--speaker", help="only this speaker's groups")
    p.add_argument("--group", type=int, help="only this group")
    p.add_argument(
        "--kind",
        choices=["all", "quotes", "reported"],
        default="all",
        help="quote groups, reported statements, or both (default)",
    )
    p.add_argument("--cue-class", choices=[c.value for c in CueClass], help="only reported statements of this cue class")
    p.add_argument(
        "--non-speech",
        action="store_true",
        help="also export the strings in quote marks nobody speaks (titles, names, scare quotes), in a section of their own",
    )
    p.add_argument("--out", help="file to write (default: standard output)")
    p.set_defaults(func=run)


def run(args) -> int:
    from quotes.export import ExportError, export, format_from_filename
    from quotes.store import Store

    try:
        fmt = args.format or (format_from_filename(args.out) if args.out else "md")
    except ExportError as error:
        print(error, file=sys.stderr)
        return 2
    if fmt == "docx" and not args.out:
        print("docx needs --out FILE", file=sys.stderr)
        return 2
    with Store(args.db, create=False) as store:
        try:
            speaker_id = speaker_id_for(store, args.speaker)
        except UnknownSpeaker:
            return 1
        if args.group is not None and store.group(args.group) is None:
            print(f"no group {args.group} (see `quotes quotes` or `quotes search`)", file=sys.stderr)
            return 1
        details = store.sheet(speaker_id=speaker_id, group_id=args.group) if args.kind != "reported" else iter(())
        statements = (
            statements_of(store, speaker_id, args.cue_class) if args.kind != "quotes" and args.group is None else iter(())
        )
        non_speech = store.non_speech(speaker_id) if args.non_speech and args.group is None else None
        if args.out:
            try:
                out = open(args.out, "wb")
            except OSError as error:
                print(f"{args.out}: cannot write: {error.strerror or error}", file=sys.stderr)
                return 1
            with out:
                export(details, fmt, out, statements, non_speech)
            print(f"wrote {args.out} ({fmt})", file=sys.stderr)
        else:
            export(details, fmt, sys.stdout.buffer, statements, non_speech)
            sys.stdout.flush()
    return 0
