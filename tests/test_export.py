"""Quote sheets: golden files for every format, CSV safety, HTML escaping, DOCX opening in
LibreOffice, and the HTML sheet rendered in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from quotes.export import FORMATS, export, format_from_filename, safe_cell
from quotes.store import Store
from tests.factories import trump_articles

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("QUOTES_UPDATE_GOLDEN") == "1"  # regenerate: QUOTES_UPDATE_GOLDEN=1 pytest tests/test_export.py


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "sheet.db") as s:
        for a in trump_articles():
            s.ingest(a)
        yield s


def sheet(store, fmt) -> bytes:
    out = io.BytesIO()
    export(store.sheet(), fmt, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "html"])
def test_golden_files(store, fmt):
    data = sheet(store, fmt)
    golden = GOLDEN / f"sheet.{fmt}"
    if UPDATE or not golden.exists():
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(data)
    assert data == golden.read_bytes(), f"{fmt} sheet changed: check it, then QUOTES_UPDATE_GOLDEN=1"


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "html"])
def test_golden_files_on_the_seeds(seed_db, fmt):
    """The quote sheet of the five seeds, from the real pipeline's index."""
    with Store(seed_db) as seeds:
        data = sheet(seeds, fmt)
    golden = GOLDEN / f"seeds.{fmt}"
    if UPDATE or not golden.exists():
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(data)
    assert data == golden.read_bytes(), f"{fmt} sheet of the seeds changed: check it, then QUOTES_UPDATE_GOLDEN=1"


def test_csv_reads_back_exactly_and_is_formula_safe(store):
    text = sheet(store, "csv").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    stored = {q.text for q in store.quotes()}
    printed = {r["variant"][1:] if r["variant"].startswith("'") and r["variant"][1:] in stored else r["variant"] for r in rows}
    assert stored <= printed
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r", "\0")), value
    assert any(r["variant"].startswith("'=HYPERLINK") for r in rows)
    assert safe_cell("-1") == "'-1" and safe_cell("ok") == "ok" and safe_cell(None) == ""


def test_html_is_escaped_and_self_contained(store):
    html = sheet(store, "html").decode("utf-8")
    assert "<script" not in html and "<b>" not in html
    assert "&lt;b&gt;analyst&lt;/b&gt;" in html
    assert "http://" not in html.split("<body>")[0], "no external resources in the head"
    assert '<mark class="editorial"' in html and "@media print" in html


def test_json_parses_with_every_wording(store):
    data = json.loads(sheet(store, "json"))
    wordings = {o["text"] for g in data["groups"] for o in g["occurrences"]}
    assert "If you could do it cheaper [and] reach the same result, that’s a good thing for us." in wordings


def test_md_keeps_wordings_as_printed(store):
    md = sheet(store, "md").decode("utf-8")
    assert "[and]" in md and "…" in md and "‘really’" in md and "😀" in md


def test_docx_is_a_valid_document(store, tmp_path):
    path = tmp_path / "sheet.docx"
    with open(path, "wb") as out:
        export(store.sheet(), "docx", out)
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "If you could do it cheaper" in body and "\x1b" not in body


@pytest.mark.skipif(not shutil.which("libreoffice"), reason="LibreOffice not installed (setup installs it in CI)")
def test_docx_opens_in_libreoffice(store, tmp_path):
    path = tmp_path / "sheet.docx"
    with open(path, "wb") as out:
        export(store.sheet(), "docx", out)
    subprocess.run(["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "sheet.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000


@pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium not installed (setup installs it in CI)")
def test_html_sheet_renders_in_headless_chromium(store, tmp_path):
    page = tmp_path / "sheet.html"
    page.write_bytes(sheet(store, "html"))
    shot = tmp_path / "shot.png"
    chromium_screenshot(page, shot, tmp_path / "profile")
    assert non_white_fraction(shot) > 0.01, "the rendered sheet is blank"


def chromium_screenshot(page: Path, shot: Path, profile: Path, size: str = "1000,1400") -> None:
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={profile}", f"--screenshot={shot}", f"--window-size={size}",
                    page.as_uri()], check=True, capture_output=True, timeout=120)


@pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium not installed (setup installs it in CI)")
def test_html_sheet_shows_the_timeline_in_headless_chromium(store, tmp_path):
    """The group quoted by two outlets on two dates: its inline SVG timeline draws one mark per
    occurrence in the wordings' colours. Measured against the same sheet with the SVG emptied,
    so the wording badges (same colours) do not count."""
    from quotes.timeline import colour

    html = sheet(store, "html").decode("utf-8")
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="timeline"' in html
    # the same SVG element emptied: same size, so the rest of the page stays where it was
    a = html.index('<svg xmlns="http://www.w3.org/2000/svg" class="timeline"')
    without = html[: html.index(">", a) + 1] + html[html.index("</svg>", a) :]
    counts = []
    for name, text in (("with", html), ("without", without)):
        page, shot = tmp_path / f"{name}.html", tmp_path / f"{name}.png"
        page.write_text(text, encoding="utf-8")
        chromium_screenshot(page, shot, tmp_path / f"profile-{name}")
        counts.append({n: pixels_of_colour(shot, colour(n)) for n in (1, 2)})
    shown, hidden = counts
    for n in (1, 2):  # both wordings have a mark (and a legend dot) of their own colour
        assert shown[n] - hidden[n] > 150, f"no timeline mark for wording {n}: {shown} vs {hidden}"


def png_rows(png: Path) -> tuple[int, int, list[bytes]]:
    """(width, channels, rows of pixel bytes) of an 8-bit RGB or RGBA PNG, decoded with zlib
    and the five PNG filters (no imaging library needed)."""
    import struct
    import zlib

    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, width, height, ctype = 8, [], 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8, "only 8-bit PNGs"
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    bpp = {2: 3, 6: 4}[ctype]
    stride = width * bpp
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, bpp, rows


def pixels_of_colour(png: Path, hex_colour: str, tolerance: int = 12) -> int:
    want = bytes.fromhex(hex_colour.lstrip("#"))
    width, bpp, rows = png_rows(png)
    return sum(
        1
        for row in rows
        for x in range(0, width * bpp, bpp)
        if all(abs(row[x + c] - want[c]) <= tolerance for c in range(3))
    )


def non_white_fraction(png: Path) -> float:
    """Share of rows that hold something other than white."""
    width, bpp, rows = png_rows(png)
    busy = sum(1 for row in rows if row.count(255) < width * bpp * 0.98)
    return busy / len(rows)


def test_format_from_filename():
    assert [format_from_filename(f"x.{f}") for f in FORMATS] == list(FORMATS)
    assert format_from_filename("x.HTM") == "html"
    with pytest.raises(ValueError):
        format_from_filename("x.pdf")
