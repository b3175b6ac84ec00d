"""Pictures of a quote's drift (quotes.drift.Drift): an SVG timeline for the HTML sheet,
and a Rich timeline, tree of wordings and outlet table for the terminal (``quotes show
GROUP --timeline`` and the TUI's timeline pane).

Dates run across, outlets down, one mark per occurrence, coloured by wording and carrying
the wording's number (so a black-and-white print still tells them apart); undated
occurrences stand in a column of their own at the right. Every piece of article text is
escaped (SVG/HTML) or made inert and wrapped in Text objects, never markup (terminal).
"""

from __future__ import annotations

import html
from datetime import date

from quotes.drift import Drift
from quotes.terminal import diff_as_text, inert

# Okabe-Ito and Tableau hues: distinct for most colour-blind readers, dark enough for white numbers
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8C6D1F", "#56B4E9", "#E69F00", "#7F7F7F", "#9467BD", "#17BECF"]


def colour(wording: int) -> str:
    return PALETTE[(wording - 1) % len(PALETTE)]


def _days(d: Drift) -> tuple[date | None, date | None]:
    days = [a.day for a in d.appearances if a.day]
    if not days:
        return None, None
    return date.fromisoformat(min(days)), date.fromisoformat(max(days))


def _outlet_rows(d: Drift) -> list[str]:
    rows: list[str] = []
    for a in d.appearances:
        if a.outlet not in rows:
            rows.append(a.outlet)
    return rows


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# ----------------------------------------------------------------------------- SVG


def timeline_svg(d: Drift, width: int = 760, legend_items: int = 12) -> str:
    """An inline SVG (no scripts, no external references): a self-contained picture."""
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    rows = _outlet_rows(d)
    first, last = _days(d)
    label_w, row_h, top, r = 170, 22, 34, 8
    undated_w = 80 if d.undated else 0
    step = 2 * r + 1  # marks on the same day and row step aside by this much, up to 4 of them
    plot_left, plot_right = label_w + 14, width - 14 - undated_w - 4 * step
    span = (last - first).days if first and last else 0
    plot_h = row_h * len(rows)

    def x_of(day: str | None) -> float:
        if day is None:
            return width - 14 - undated_w + r + 4
        if span == 0:
            return (plot_left + plot_right) / 2
        assert first is not None  # a dated occurrence means a first day
        return plot_left + (date.fromisoformat(day) - first).days / span * (plot_right - plot_left)

    out: list[str] = []
    add = out.append
    legend_shown = d.wordings[:legend_items]
    legend_h = 20 * len(legend_shown) + (20 if len(d.wordings) > legend_items else 0) + 24
    height = top + plot_h + 30 + legend_h
    add(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" font-family="sans-serif" font-size="11">'
    )
    add(
        f"<title>{e(f'Timeline of group {d.group_id}: {len(d.appearances)} occurrence(s), {len(d.wordings)} wording(s), {len(rows)} outlet(s)')}</title>"
    )
    # rows and their outlet names
    for i, outlet in enumerate(rows):
        y = top + i * row_h + row_h / 2
        if i % 2 == 0:
            add(f'<rect x="0" y="{top + i * row_h}" width="{width}" height="{row_h}" fill="#f3f3f3"/>')
        add(
            f'<text x="{label_w}" y="{y + 4:.1f}" text-anchor="end" fill="#222"><title>{e(outlet)}</title>{e(_short(outlet, 28))}</text>'
        )
    # date axis
    axis_y = top + plot_h + 4
    add(f'<line x1="{plot_left}" y1="{axis_y}" x2="{plot_right}" y2="{axis_y}" stroke="#444"/>')
    if first is not None:
        ticks = 1 if span == 0 else min(5, span + 1)
        for k in range(ticks):
            day = first if ticks == 1 else date.fromordinal(first.toordinal() + round(k * span / (ticks - 1)))
            x = x_of(day.isoformat())
            anchor = "middle" if 0 < k < ticks - 1 or ticks == 1 else ("start" if k == 0 else "end")
            add(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{axis_y + 4}" stroke="#ccc" stroke-dasharray="2 3"/>')
            add(f'<text x="{x:.1f}" y="{axis_y + 16}" text-anchor="{anchor}" fill="#222">{day.isoformat()}</text>')
    else:
        add(
            f'<text x="{(plot_left + plot_right) / 2:.1f}" y="{axis_y + 16}" text-anchor="middle" fill="#555">no dated occurrence</text>'
        )
    if d.undated:
        ux = width - 14 - undated_w
        add(f'<line x1="{ux}" y1="{top - 6}" x2="{ux}" y2="{axis_y}" stroke="#999" stroke-dasharray="4 3"/>')
        add(f'<text x="{ux + undated_w / 2:.1f}" y="{axis_y + 16}" text-anchor="middle" fill="#222">undated</text>')
    add(f'<text x="{plot_left}" y="{top - 12}" fill="#222" font-weight="bold">dates →</text>')
    add(f'<text x="{label_w}" y="{top - 12}" text-anchor="end" fill="#222" font-weight="bold">outlets ↓</text>')
    # one mark per occurrence; marks on the same day and row step aside
    stacked: dict[tuple[int, str | None], int] = {}
    row_of = {o: i for i, o in enumerate(rows)}
    for a in d.appearances:
        i = row_of[a.outlet]
        k = stacked.get((i, a.day), 0)
        stacked[(i, a.day)] = k + 1
        x = x_of(a.day) + (k % 5) * step
        y = top + i * row_h + row_h / 2
        tip = f"W{a.wording} · {a.outlet} · {a.date or 'undated'}\n“{a.text}”"
        add(
            f'<g><title>{e(tip)}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour(a.wording)}" stroke="#fff" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{y + 3.5:.1f}" text-anchor="middle" fill="#fff" font-size="{9 if a.wording < 10 else 7}" font-weight="bold">{a.wording}</text></g>'
        )
    # legend: each wording with its number, where it first appeared and what it came from
    y = top + plot_h + 36
    add(f'<text x="8" y="{y}" fill="#222" font-weight="bold">Wordings (first printed, derived from)</text>')
    for w in legend_shown:
        y += 20
        add(
            f'<circle cx="16" cy="{y - 4}" r="{r}" fill="{colour(w.number)}"/>'
            f'<text x="16" y="{y - 0.5}" text-anchor="middle" fill="#fff" font-size="9" font-weight="bold">{w.number}</text>'
        )
        origin = f"from W{w.parent}, {w.edits} word edit(s)" if w.parent else "first"
        meta = f"{w.first_outlet}, {w.first_date or 'undated'}; {origin}; {w.occurrences}×"
        add(
            f'<text x="30" y="{y}" fill="#222"><title>{e(w.text)}</title>“{e(_short(w.text, 64))}” '
            f'<tspan fill="#555">{e(_short(meta, 48))}</tspan></text>'
        )
    if len(d.wordings) > legend_items:
        y += 20
        add(f'<text x="30" y="{y}" fill="#555">… and {len(d.wordings) - legend_items} more wording(s)</text>')
    add("</svg>")
    return "".join(out)


# ----------------------------------------------------------------------------- terminal


def first_line(d: Drift):
    from rich.text import Text

    if d.first is None:
        return Text("First appearance: unknown (no dated occurrence)", style="yellow")
    a = d.first
    text = Text("First appearance: ", style="bold")
    text.append(inert(a.outlet, False), style="bold cyan").append(f" · {a.date} · ")
    text.append(f"W{a.wording}", style=f"bold {colour(a.wording)}").append(" “" + inert(a.text, False) + "”")
    return text


def chart(d: Drift, width: int = 80):
    """Outlets down, dates across, one cell per occurrence showing its wording's number
    (``+`` where two wordings share a cell); undated ones in a column at the right."""
    from rich.text import Text

    rows = _outlet_rows(d)
    first, last = _days(d)
    label_w = max(8, min(22, max((len(r) for r in rows), default=8), width // 3))
    undated_w = 9 if d.undated else 0
    cols = max(4, width - label_w - 1 - undated_w)
    span = (last - first).days if first and last else 0

    def col_of(day: str | None) -> int | None:
        if day is None:
            return None
        if span == 0:
            return 0
        assert first is not None
        return round((date.fromisoformat(day) - first).days / span * (cols - 1))

    cells: dict[tuple[int, int | None], set[int]] = {}
    row_of = {o: i for i, o in enumerate(rows)}
    for a in d.appearances:
        cells.setdefault((row_of[a.outlet], col_of(a.day)), set()).add(a.wording)
    out = Text()
    if first is not None and last is not None:
        left, right = first.isoformat(), last.isoformat()
        axis = left if span == 0 else left + " " * max(1, cols - len(left) - len(right)) + right
        out.append(" " * (label_w + 1) + axis[:cols].ljust(cols), style="dim")
    else:
        out.append(" " * (label_w + 1) + "no dated occurrence".ljust(cols), style="dim")
    if undated_w:
        out.append("│undated", style="dim")
    out.append("\n")
    for i, outlet in enumerate(rows):
        # each row is one string, styled only where a mark stands (a row of single-character
        # appends made the chart of a big group slow to wrap)
        label = _short(inert(outlet, False), label_w).ljust(label_w) + " "
        line = [" "] * cols
        marks: list[tuple[int, str]] = []
        for c in range(cols):
            found = cells.get((i, c))
            if found:
                n = min(found)
                line[c] = "+" if len(found) > 1 else (str(n) if n < 10 else "●")
                marks.append((len(label) + c, "bold" if len(found) > 1 else f"bold {colour(n)}"))
        row = Text(label + "".join(line))
        row.stylize("cyan", 0, len(label))
        for at, style in marks:
            row.stylize(style, at, at + 1)
        out.append_text(row)
        if undated_w:
            found = cells.get((i, None))
            mark = ""
            if found:
                mark = ",".join(str(n) for n in sorted(found))
            out.append("│", style="dim").append(_short(mark, undated_w - 1))
        out.append("\n")
    out.rstrip()
    return out


def tree(d: Drift, limit: int | None = None):
    """The wordings as a tree: each under the wording it most likely derives from, with the
    word diff against it. ``limit``: only the first that many wordings (their parents are
    always among them: a parent appeared first)."""
    from rich.text import Text
    from rich.tree import Tree

    root = Tree(Text("Wordings (each under the earlier wording it most likely derives from)", style="bold"))
    nodes: dict[int, Tree] = {}
    for depth, w in d.tree():
        if limit is not None and w.number > limit:
            continue
        label = Text(f"W{w.number} ", style=f"bold {colour(w.number)}")
        label.append(inert(w.first_outlet, False), style="cyan").append(f" · {w.first_date or 'undated'} · {w.occurrences}×")
        if w.parent:
            label.append(f" · {w.edits} word edit(s) from W{w.parent}", style="dim")
        label.append("\n")
        label.append_text(diff_as_text(d.diff(w.number), w.text) if w.parent else Text(inert(w.text, False)))
        parent = nodes[w.parent] if w.parent else root
        nodes[w.number] = parent.add(label)
    if limit is not None and len(d.wordings) > limit:
        root.add(
            Text(
                f"… and {len(d.wordings) - limit} more wording(s): quotes show {d.group_id} --timeline lists them all",
                style="dim",
            )
        )
    return root


def outlet_table(d: Drift, limit: int | None = None, compact: bool = False):
    """One row per outlet: the wordings it was first to print, each with the word diff
    against the wording it most likely copied, and the ones it copied as they stood.
    ``compact``: the change without its diff ("W5 from W2, 3 word edit(s)"; the tree
    has the diffs)."""
    from rich.table import Table
    from rich.text import Text

    by_outlet: dict[str, list] = {}
    for c in d.outlets:
        by_outlet.setdefault(c.outlet, []).append(c)
    table = Table(title="What each outlet printed, against what it most likely copied", show_lines=False, expand=True)
    table.add_column("outlet", overflow="fold", ratio=2)
    table.add_column("first", no_wrap=True)
    table.add_column("changes", overflow="fold", ratio=6)
    shown = list(by_outlet.items())
    for outlet, copies in shown[:limit] if limit is not None else shown:
        cell = Text()
        stood = [c for c in copies if not c.changed and c.copied is not None]
        for c in copies:
            if c.changed:
                if cell:
                    cell.append("\n")
                cell.append(f"W{c.wording}", style=f"bold {colour(c.wording)}").append(
                    f" from W{c.copied}, {c.edits} word edit(s)"
                )
                if not compact:
                    cell.append(": ").append_text(diff_as_text(c.diff or d.diff(c.wording)))
            elif c.copied is None:
                if cell:
                    cell.append("\n")
                cell.append(f"W{c.wording}", style=f"bold {colour(c.wording)}").append(" first printing", style="dim")
        if stood:
            if cell:
                cell.append("\n")
            cell.append("as they stood: " + ", ".join(f"W{c.wording}" for c in stood), style="dim")
        table.add_row(Text(inert(outlet, False)), copies[0].date or "undated", cell)
    if limit is not None and len(shown) > limit:
        table.add_row(Text(f"… {len(shown) - limit} more", style="dim"), "", Text(""))
    return table


def legend(d: Drift, limit: int = 12):
    from rich.text import Text

    text = Text()
    for w in d.wordings[:limit]:
        text.append(f" {w.number} ", style=f"bold white on {colour(w.number)}").append(
            " " + _short(inert(w.text, False), 70) + "\n"
        )
    if len(d.wordings) > limit:
        text.append(f"… and {len(d.wordings) - limit} more wording(s)\n", style="dim")
    text.rstrip()
    return text


def render(d: Drift, width: int = 80, limit: int | None = None):
    """Everything for a terminal of ``width`` columns, as one Rich renderable; ``limit``
    caps the tree and the outlet table (the TUI's pane: a huge group stays quick)."""
    from rich.console import Group
    from rich.text import Text

    head = Text(
        f"{len(d.appearances)} occurrence(s) · {len(d.wordings)} wording(s) · {len(_outlet_rows(d))} outlet(s)", style="dim"
    )
    if d.undated:
        head.append(f" · {d.undated} undated", style="yellow")
    return Group(
        first_line(d),
        head,
        Text(""),
        chart(d, width),
        Text(""),
        legend(d),
        Text(""),
        tree(d, limit),
        Text(""),
        outlet_table(d, limit, compact=limit is not None),
    )
