"""Quote sheets: every group with its canonical wording, speaker and role, every wording
exactly as printed with its word diff, where and when each appeared, the context sentence,
the attribution rule and confidence. Formats: md, csv, json, html, docx.

One registry serves the CLI and the TUI: ``export(details, fmt, out)`` writes to a binary
stream; ``format_from_filename`` infers the format. Exporters stream (a 100,000-quote
sheet never sits in memory as one string, except for DOCX, which python-docx builds in
memory).
"""

from __future__ import annotations

import csv
import html
import io
from typing import IO, Callable, Iterable

from quotes.models import DiffOp, GroupDetail, Occurrence, Statement
from quotes.textdiff import spaced

FORMATS = ("md", "csv", "json", "html", "docx")

# A spreadsheet runs a cell that begins with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\0")


# Groups nobody is named for come last, under a heading of their own (Store.sheet orders them).
UNATTRIBUTED = "Unattributed quotes"
UNATTRIBUTED_NOTE = "No speaker was found for these words (titles, slogans, statements nobody is named for)."
# Strings in quote marks that nobody speaks are exported only when asked for, after everything else.
NON_SPEECH = "Not speech: titles, names and phrases in quote marks"


class ExportError(ValueError):
    pass


def _opens_unattributed(detail: GroupDetail, seen: list[bool]) -> bool:
    """True for the first group without a speaker (``seen`` keeps the state of one sheet)."""
    if detail.group.speaker_id is None and not seen:
        seen.append(True)
        return True
    return False


def _where_printed(o: Occurrence) -> str:
    return " · ".join(x for x in (", ".join(x for x in (o.outlet, o.title, o.date) if x), o.source) if x)


def format_from_filename(name: str) -> str:
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    ext = {"markdown": "md", "htm": "html"}.get(ext, ext)
    if ext not in FORMATS:
        raise ExportError(f"cannot tell the format of {name!r}: use one of .{', .'.join(FORMATS)} or --format")
    return ext


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: a leading ' before a formula character."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _counts(detail: GroupDetail) -> str:
    g = detail.group
    seen = f", first seen {g.first_seen}" + (f", last seen {g.last_seen}" if g.last_seen != g.first_seen else "") if g.first_seen else ""
    return f"{g.wordings} wording(s), {g.occurrences} occurrence(s), {g.outlets} outlet(s){seen}"


def diff_text(ops: list[DiffOp], style: str) -> str:
    """A diff as text: markdown (~~deleted~~ **inserted** ⟨[and]⟩) or plain ([-x-] {+y+})."""
    parts = []
    for op in ops:
        if op.op == "equal":
            parts.append(op.variant)
        elif op.op == "editorial":
            parts.append(f"⟨{op.variant}⟩")
        elif op.op == "insert":
            parts.append(f"**{op.variant}**" if style == "md" else f"{{+{op.variant}+}}")
        elif op.op == "delete":
            parts.append(f"~~{op.canonical}~~" if style == "md" else f"[-{op.canonical}-]")
        else:  # replace, punctuation
            parts.append(f"~~{op.canonical}~~ **{op.variant}**" if style == "md" else f"[-{op.canonical}-]{{+{op.variant}+}}")
    if style == "md":
        # Markdown only opens ** or ~~ after a space when the marked text starts with
        # punctuation ("cheaper**, for less,**" would print its asterisks)
        ops = [op.model_copy(update={"space_before": True})
               if op.op != "equal" and not (op.variant or op.canonical)[:1].isalnum() else op for op in ops]
    return spaced(ops, parts)


# ----------------------------------------------------------------------------- formats


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")


def _reported_line(r: Statement) -> str:
    """'Donald Trump said: the wall would be paid for by Mexico' (reported, no quote marks)."""
    return f"{r.speaker or r.mention or 'Unknown source'} {r.cue or 'reported'}: {r.text}"


def _where(r: Statement) -> str:
    return " · ".join(x for x in (", ".join(x for x in (r.outlet, r.title, r.date) if x), r.source) if x)


def write_md(details: Iterable[GroupDetail], out: IO[str], statements: Iterable[Statement] = (),
             non_speech: Iterable[Occurrence] = ()) -> None:
    out.write("# Quote sheet\n\n")
    unattributed: list[bool] = []
    for d in details:
        g = d.group
        if _opens_unattributed(d, unattributed):
            out.write(f"# {UNATTRIBUTED}\n\n{UNATTRIBUTED_NOTE}\n\n")
        who = f"{g.speaker or 'Unknown speaker'}" + (f" ({d.role})" if d.role else "")
        out.write(f"## Group {g.id}: {_md_escape(who)}\n\n> {_md_escape(g.canonical)}\n\n*{_counts(d)}*\n\n")
        for o in d.occurrences:
            where = ", ".join(x for x in (o.outlet, o.title, o.date) if x)
            out.write(f"- {_md_escape(o.printed())}  \n  {_md_escape(' · '.join(x for x in (where, o.source) if x))}  \n")
            if any(op.op != "equal" for op in o.diff):
                out.write(f"  diff: {_md_escape(diff_text(o.diff, 'md'))}  \n")
            out.write(f"  context: {_md_escape(o.context)}  \n  rule: {o.rule} · resolver: {o.resolver or '-'} · confidence {o.confidence:.2f}\n")
            if o.speaker_note():
                out.write(f"  {_md_escape(o.speaker_note() or '')}\n")
        for r in d.reported:
            out.write(f"- also reported as: {_md_escape(_reported_line(r))} (paraphrase score {r.paraphrase_score or 0:.2f})\n")
        for line in d.repeated:
            out.write(f"- {_md_escape(line.line())}\n")
        out.write("\n")
    first = True
    for r in statements:
        if first:
            out.write("# Reported statements\n\n")
            first = False
        out.write(f"- {_md_escape(_reported_line(r))}  \n  {_md_escape(_where(r))}  \n"
                  f"  cue: {_md_escape(r.cue or '-')} ({r.cue_class.value}) · rule: {r.rule} · resolver: {r.resolver or '-'}"
                  f" · confidence {r.confidence:.2f}")
        if r.paraphrase_group_id is not None:
            out.write(f"  \n  paraphrases group {r.paraphrase_group_id} (score {r.paraphrase_score or 0:.2f})")
        out.write("\n")
    first = True
    for o in non_speech:
        if first:
            out.write(f"\n# {NON_SPEECH}\n\n")
            first = False
        out.write(f"- {_md_escape(o.printed())}  \n  {_md_escape(_where_printed(o))}  \n  context: {_md_escape(o.context)}\n")


CSV_FIELDS = ["group_id", "speaker", "role", "canonical", "variant", "diff", "outlet", "title", "date", "source",
              "context", "type", "rule", "resolver", "confidence", "wordings", "occurrences", "outlets", "first_seen", "last_seen",
              "kind", "cue", "cue_class", "paraphrase_score",
              "speaker_basis", "speaker_note"]


def write_csv(details: Iterable[GroupDetail], out: IO[str], statements: Iterable[Statement] = (),
              non_speech: Iterable[Occurrence] = ()) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for d in details:
        g = d.group
        for o in d.occurrences:
            row = [g.id, g.speaker, d.role, g.canonical, o.text, diff_text(o.diff, "plain"), o.outlet, o.title, o.date,
                   o.source, o.context, o.type.value, o.rule, o.resolver, f"{o.confidence:.3f}", g.wordings, g.occurrences,
                   g.outlets, g.first_seen, g.last_seen, "quote", o.cue, "", "", o.speaker_basis, o.speaker_note() or ""]
            writer.writerow([safe_cell(v) for v in row])
    for r in statements:
        # a reported statement is a row of its own: its content is the "variant", the group
        # it paraphrases (if any) gives group_id and canonical
        row = [r.paraphrase_group_id, r.speaker, r.role, r.paraphrase_canonical, r.text, "", r.outlet, r.title, r.date,
               r.source, r.context, "reported", r.rule, r.resolver, f"{r.confidence:.3f}", "", "", "", "", "",
               "reported", r.cue, r.cue_class.value, f"{r.paraphrase_score:.3f}" if r.paraphrase_score is not None else "", "", ""]
        writer.writerow([safe_cell(v) for v in row])
    for o in non_speech:
        row = ["", o.speaker, o.role, "", o.text, "", o.outlet, o.title, o.date, o.source, o.context, o.type.value, o.rule,
               o.resolver, f"{o.confidence:.3f}", "", "", "", "", "", "non_speech", o.cue, "", "", "", ""]
        writer.writerow([safe_cell(v) for v in row])


def write_json(details: Iterable[GroupDetail], out: IO[str], statements: Iterable[Statement] = (),
               non_speech: Iterable[Occurrence] | None = None) -> None:
    out.write('{"groups": [\n')
    for i, d in enumerate(details):
        out.write(("," if i else "") + d.model_dump_json() + "\n")
    out.write('],\n"statements": [\n')
    for i, r in enumerate(statements):
        out.write(("," if i else "") + r.model_dump_json() + "\n")
    if non_speech is not None:
        out.write('],\n"non_speech": [\n')
        for i, o in enumerate(non_speech):
            out.write(("," if i else "") + o.model_dump_json() + "\n")
    out.write("]}\n")


_CSS = """
body{font:15px/1.5 Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}
h1{font-family:sans-serif}section{border-top:2px solid #333;padding:.5rem 0 1rem;page-break-inside:avoid}
h2{font:600 1.05rem sans-serif;margin:.4rem 0}blockquote{font-size:1.15rem;margin:.5rem 0 .5rem 1rem;border-left:4px solid #999;padding-left:.8rem}
.meta{color:#555;font:13px sans-serif}table{border-collapse:collapse;width:100%;font-size:14px}
td,th{border-bottom:1px solid #ddd;padding:.3rem;vertical-align:top;text-align:left}
svg.timeline{display:block;margin:.5rem 0;-webkit-print-color-adjust:exact;print-color-adjust:exact}
ul.tree,ul.tree ul{list-style:none;margin:0;padding-left:1.1rem;border-left:1px solid #bbb}ul.tree{padding-left:.4rem;border:none}
ul.tree li{margin:.25rem 0}.w{display:inline-block;min-width:1.6em;text-align:center;color:#fff;font:bold 12px sans-serif;border-radius:.8em;padding:0 .3em;-webkit-print-color-adjust:exact;print-color-adjust:exact}
details.drift summary{font:600 .95rem sans-serif;cursor:pointer}
ins{background:#d4f7d4;text-decoration:none}del{background:#fbd0d0}mark.editorial{background:#ffe9a8}mark.punct{background:#e0e0ff}
@media print{body{margin:0;max-width:none}a{color:#000}details.drift>*{display:block}}
"""


def _html_diff(ops: list[DiffOp]) -> str:
    parts = []
    for op in ops:
        e = html.escape
        if op.op == "equal":
            parts.append(e(op.variant))
        elif op.op == "editorial":
            parts.append(f'<mark class="editorial" title="editorial insertion">{e(op.variant)}</mark>')
        elif op.op == "punctuation":
            parts.append(f'<mark class="punct" title="punctuation: {e(op.canonical)}">{e(op.variant) or "∅"}</mark>')
        elif op.op == "insert":
            parts.append(f"<ins>{e(op.variant)}</ins>")
        elif op.op == "delete":
            parts.append(f"<del>{e(op.canonical)}</del>")
        else:
            parts.append(f"<del>{e(op.canonical)}</del> <ins>{e(op.variant)}</ins>")
    return spaced(ops, parts)


def _html_drift(detail: GroupDetail) -> str:
    """The group's timeline (inline SVG), first appearance, tree of wordings and what each
    outlet changed: see quotes.drift."""
    from quotes import drift, timeline

    d = drift.analyse(detail)
    e = html.escape

    def badge(n: int) -> str:
        return f'<span class="w" style="background:{timeline.colour(n)}">W{n}</span>'

    parts = ['<details class="drift" open><summary>Where it came from and how it changed</summary>']
    if d.first is not None:
        parts.append(f'<p class="meta">First appearance: <strong>{e(d.first.outlet)}</strong>, {e(d.first.date or "")}, {badge(d.first.wording)}'
                     f' “{e(d.first.text)}”' + (f"; {d.undated} undated occurrence(s)" if d.undated else "") + "</p>")
    else:
        parts.append('<p class="meta">First appearance: unknown (no occurrence is dated)</p>')
    parts.append(timeline.timeline_svg(d))
    # nested lists built from the depth-first walk (no recursion: a chain of a thousand
    # wordings, each from the last, is a thousand levels deep)
    depth_now = -1
    for depth, w in d.tree():
        if depth > depth_now:
            parts.append('<ul class="tree">' if depth == 0 else "<ul>")
        else:
            parts.append("</li>" + "</ul></li>" * (depth_now - depth))
        depth_now = depth
        origin = f" · {w.edits} word edit(s) from W{w.parent}" if w.parent else ""
        body = _html_diff(w.diff) if w.parent else e(w.text)
        parts.append(f'<li>{badge(w.number)} <span class="meta">{e(w.first_outlet)} · {e(w.first_date or "undated")} · '
                     f'{w.occurrences}×{origin}</span><div>{body}</div>')
    if depth_now >= 0:
        parts.append("</li>" + "</ul></li>" * depth_now + "</ul>")
    changed = [c for c in d.outlets if c.changed]
    if changed:
        parts.append("<table><tr><th>Outlet</th><th>Date</th><th>Printed</th><th>Against what it most likely copied</th></tr>")
        for c in changed:
            parts.append(f"<tr><td>{e(c.outlet)}</td><td>{e(c.date or 'undated')}</td><td>{badge(c.wording)}</td>"
                         f"<td>from {badge(c.copied) if c.copied is not None else '-'}, {c.edits} word edit(s): {_html_diff(c.diff)}</td></tr>")
        parts.append("</table>")
    parts.append("</details>\n")
    return "".join(parts)


def write_html(details: Iterable[GroupDetail], out: IO[str], statements: Iterable[Statement] = (),
               non_speech: Iterable[Occurrence] = ()) -> None:
    out.write(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quote sheet</title><style>{_CSS}</style></head><body><h1>Quote sheet</h1>\n')
    e = html.escape
    unattributed: list[bool] = []
    for d in details:
        g = d.group
        if _opens_unattributed(d, unattributed):
            out.write(f'<h1 id="unattributed">{e(UNATTRIBUTED)}</h1><p class="meta">{e(UNATTRIBUTED_NOTE)}</p>\n')
        who = e(g.speaker or "Unknown speaker") + (f" <span class=meta>({e(d.role)})</span>" if d.role else "")
        out.write(f'<section id="g{g.id}"><h2>Group {g.id} · {who}</h2><blockquote>{e(g.canonical)}</blockquote>'
                  f'<p class="meta">{e(_counts(d))}</p><table><tr><th>Wording as printed</th><th>Difference</th><th>Where</th><th>Context</th><th>Rule</th></tr>\n')
        for o in d.occurrences:
            where = "<br>".join(e(x) for x in (o.outlet, o.title, o.date, o.source) if x)
            out.write(f"<tr><td>{e(o.printed())}</td><td>{_html_diff(o.diff)}</td><td>{where}</td><td>{e(o.context)}</td>"
                      f"<td>{e(o.rule or '')}<br>{e(o.resolver or '')}<br>{o.confidence:.2f}"
                      + (f'<br><span class="{"conflict" if o.conflict else "agreed"}">{e(o.speaker_note() or "")}</span>' if o.speaker_note() else "")
                      + "</td></tr>\n")
        out.write("</table>\n")
        for r in d.reported:
            out.write(f'<p class="meta">also reported as: {e(_reported_line(r))} · {e(_where(r))}'
                      f" (paraphrase score {r.paraphrase_score or 0:.2f})</p>\n")
        for line in d.repeated:
            out.write(f'<p class="meta">{e(line.line())} <a href="#g{line.group_id}">group {line.group_id}</a></p>\n')
        if len(d.occurrences) > 1:
            out.write(_html_drift(d))
        out.write("</section>\n")
    first = True
    for r in statements:
        if first:
            out.write('<section id="reported"><h2>Reported statements</h2><table><tr><th>Source</th><th>Cue</th>'
                      "<th>Content</th><th>Where</th><th>Rule</th></tr>\n")
            first = False
        link = f'<br><a href="#g{r.paraphrase_group_id}">paraphrases group {r.paraphrase_group_id}</a>' if r.paraphrase_group_id else ""
        out.write(f"<tr><td>{e(r.speaker or r.mention or '')}</td><td>{e(r.cue or '')}<br>{e(r.cue_class.value)}</td>"
                  f"<td>{e(r.text)}{link}</td><td>{e(_where(r))}</td>"
                  f"<td>{e(r.rule or '')}<br>{e(r.resolver or '')}<br>{r.confidence:.2f}</td></tr>\n")
    if not first:
        out.write("</table></section>\n")
    first = True
    for o in non_speech:
        if first:
            out.write(f'<section id="non-speech"><h2>{e(NON_SPEECH)}</h2><table><tr><th>As printed</th><th>Where</th><th>Context</th></tr>\n')
            first = False
        out.write(f"<tr><td>{e(o.printed())}</td><td>{e(_where_printed(o))}</td><td>{e(o.context)}</td></tr>\n")
    if not first:
        out.write("</table></section>\n")
    out.write("</body></html>\n")


def write_docx(details: Iterable[GroupDetail], out: IO[bytes], statements: Iterable[Statement] = (),
               non_speech: Iterable[Occurrence] = ()) -> None:
    from docx import Document
    from docx.shared import RGBColor

    def clean(text: str | None) -> str:
        # XML 1.0 forbids most control characters: show them as the terminal does
        from quotes.terminal import inert

        return inert(text or "")

    doc = Document()
    # python-docx scans every style to find the default each time a style is set by name
    # or object (most of the export's time); setting the style id on the XML is instant
    ids = {name: doc.styles[name].style_id for name in ("Intense Quote", "List Bullet", "Heading 1")}

    from docx.text.paragraph import Paragraph

    body = doc.element.body
    end = body.sectPr

    def paragraph(text: str = "", style: str | None = None):
        # doc.add_paragraph looks for the section properties among all the body's children
        # on every call (quadratic on a big sheet); we keep that element and insert before it
        p = body._new_p()
        if end is not None:
            end.addprevious(p)
        else:
            body.append(p)
        para = Paragraph(p, doc._body)
        if text:
            para.add_run(text)
        if style:
            p.style = ids[style]
        return para

    doc.add_heading("Quote sheet", level=0)
    unattributed: list[bool] = []
    for d in details:
        g = d.group
        if _opens_unattributed(d, unattributed):
            doc.add_heading(UNATTRIBUTED, level=0)
            paragraph(UNATTRIBUTED_NOTE)
        paragraph(clean(f"Group {g.id}: {g.speaker or 'Unknown speaker'}" + (f" ({d.role})" if d.role else "")), "Heading 1")
        paragraph(clean(g.canonical), "Intense Quote")
        paragraph(clean(_counts(d)))
        for o in d.occurrences:
            p = paragraph(style="List Bullet")
            p.add_run(clean(o.printed())).bold = True
            p.add_run(clean("  — " + ", ".join(x for x in (o.outlet, o.title, o.date, o.source) if x)))
            if any(op.op != "equal" for op in o.diff):
                dp = paragraph()
                dp.add_run("Difference: ")
                for k, op in enumerate(o.diff):
                    if k and op.space_before:
                        dp.add_run(" ")
                    if op.op == "equal":
                        dp.add_run(clean(op.variant))
                    elif op.op in ("delete", "replace", "punctuation") and op.canonical:
                        run = dp.add_run(clean(op.canonical))
                        run.font.strike = True
                        run.font.color.rgb = RGBColor(0xB0, 0x00, 0x00)
                    if op.op in ("insert", "replace", "editorial", "punctuation") and op.variant:
                        if op.op == "replace" or (op.op == "punctuation" and op.canonical):
                            dp.add_run(" ")
                        run = dp.add_run(clean(op.variant))
                        run.font.underline = True
                        run.font.color.rgb = RGBColor(0x00, 0x70, 0x00) if op.op != "editorial" else RGBColor(0x99, 0x66, 0x00)
            paragraph(clean(f"Context: {o.context}"))
            paragraph(clean(f"Rule: {o.rule} · resolver: {o.resolver or '-'} · confidence {o.confidence:.2f}"))
            if o.speaker_note():
                paragraph(clean(o.speaker_note() or ""))
        for r in d.reported:
            paragraph(clean(f"Also reported as: {_reported_line(r)} — {_where(r)} (paraphrase score {r.paraphrase_score or 0:.2f})"))
    first = True
    for r in statements:
        if first:
            paragraph("Reported statements", "Heading 1")
            first = False
        p = paragraph(style="List Bullet")
        p.add_run(clean(_reported_line(r))).bold = True
        p.add_run(clean("  — " + _where(r)))
        paragraph(clean(f"Cue: {r.cue or '-'} ({r.cue_class.value}) · rule: {r.rule} · resolver: {r.resolver or '-'} · confidence {r.confidence:.2f}"))
    first = True
    for o in non_speech:
        if first:
            doc.add_heading(NON_SPEECH, level=0)
            first = False
        p = paragraph(style="List Bullet")
        p.add_run(clean(o.printed())).bold = True
        p.add_run(clean("  — " + _where_printed(o)))
    doc.save(out)


_TEXT_WRITERS: dict[str, Callable] = {"md": write_md, "csv": write_csv, "json": write_json, "html": write_html}


def export(details: Iterable[GroupDetail], fmt: str, out: IO[bytes], statements: Iterable[Statement] = (),
           non_speech: Iterable[Occurrence] | None = None) -> None:
    """Write a quote sheet in ``fmt`` to the binary stream ``out``: the groups, then the
    reported statements (each group also lists those that paraphrase it), then, only when
    given, the ``non_speech`` strings (titles, names: nobody speaks them)."""
    if fmt == "docx":
        write_docx(details, out, statements, non_speech or ())
        return
    if fmt not in _TEXT_WRITERS:
        raise ExportError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    text = io.TextIOWrapper(out, encoding="utf-8", newline="" if fmt == "csv" else None, write_through=True)
    try:
        if fmt == "json":
            write_json(details, text, statements, non_speech)
        else:
            _TEXT_WRITERS[fmt](details, text, statements, non_speech or ())
        text.flush()
    finally:
        text.detach()
