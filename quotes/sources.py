"""Source files -> Articles. Every input gets a clear outcome: an Article, or a SourceError
naming the file and the reason; reading goes on after a bad file.

Formats: .txt/.md (UTF-8, UTF-16 with BOM, cp1252), .html/.htm (trafilatura), .json/.jsonl
(news-please and trafilatura records), .warc/.warc.gz (HTML responses, through warcio).
Folders are read recursively; glob patterns are expanded.

Metadata: HTML, JSON and WARC carry their own (a WARC record's WARC-Date is the fallback
date); .txt/.md take YAML-style front matter, and a metadata CSV can fill in or override
any input's fields (quotes.metadata). An article without a date stays undated.
"""

from __future__ import annotations

import glob
import json
import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from pydantic import BaseModel

from quotes.metadata import MetadataError, MetadataTable, parse_date, split_front_matter
from quotes.models import Article


class SourceError(BaseModel):
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class NotAnArticle(SourceError):
    """A page read without fault that holds no news article (a placeholder domain page, a
    section front): reported as such, not as a failure, and stored only when asked
    (``keep_non_articles``)."""

    def __str__(self) -> str:
        return f"{self.path}: not a news article: {self.reason}"


TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".warc.gz"}


def _suffix(path: str) -> str:
    name = path.lower()
    if name.endswith(".warc.gz"):
        return ".warc.gz"
    return os.path.splitext(name)[1]


def expand_paths(paths: Iterable[str]) -> Iterator[str | SourceError]:
    """Files, folders (recursively, sorted, hidden entries skipped) and glob patterns."""
    for raw in paths:
        if os.path.isdir(raw):
            for root, dirs, files in os.walk(raw):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield os.path.join(root, name)
        elif os.path.exists(raw):
            yield raw
        elif any(c in raw for c in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield SourceError(path=raw, reason="no file matches this pattern")
            for match in matches:
                yield from expand_paths([match])
        else:
            yield SourceError(path=raw, reason="no such file or folder")


def read_sources(
    paths: Iterable[str], metadata: MetadataTable | None = None, keep_non_articles: bool = False
) -> Iterator[Article | SourceError]:
    """Articles (or errors) from ``paths``; ``metadata`` (a metadata CSV's rows) fills in or
    overrides each article's title, outlet, date, url and authors. A web page that holds no
    news article comes as a NotAnArticle with the reason, or, with ``keep_non_articles``, as
    the Article it would be."""
    for item in _read_sources(paths):
        if isinstance(item, _Kept):
            item = item.article if keep_non_articles else NotAnArticle(path=item.where, reason=item.reason)
        if metadata is not None and isinstance(item, Article):
            row = metadata.lookup(item.source, item.url)
            if row is not None:
                item = item.model_copy(update=row.values())
        yield item


def _read_sources(paths: Iterable[str]) -> Iterator[Article | SourceError | _Kept]:
    for path in expand_paths(paths):
        if isinstance(path, SourceError):
            yield path
            continue
        special = _special_file(path)
        if special:
            yield SourceError(path=path, reason=f"{special}, not a regular file: skipped")
            continue
        suffix = _suffix(path)
        try:
            if suffix in TEXT_SUFFIXES:
                yield _read_text_file(path)
            elif suffix in HTML_SUFFIXES:
                yield _read_html_file(path)
            elif suffix in JSON_SUFFIXES:
                yield from _read_json_file(path)
            elif suffix in WARC_SUFFIXES:
                yield from _read_warc(path)
            else:
                yield SourceError(path=path, reason=f"unsupported file type {suffix or '(no extension)'}")
        except OSError as error:
            yield SourceError(path=path, reason=f"cannot read: {error.strerror or error}")


def _special_file(path: str) -> str | None:
    """What ``path`` is when it is not a regular file (a FIFO, which would block the
    reader forever, a socket, a device), else None. ``os.stat`` never blocks."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # reading it will say why
    if stat.S_ISREG(mode):
        return None
    for test, name in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "a special file"


# ----------------------------------------------------------------------------- text


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252; ValueError for binary."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ValueError("neither UTF-8 nor cp1252 text") from None
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return control > len(sample) * 0.05


_MD_RULES = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: keep the alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links: keep the text
    (re.compile(r"^\s{0,3}#{1,6}\s+", re.M), ""),  # headings
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),  # block quotes
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *em*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),  # _em_
    (re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$", re.M), ""),  # rules
]
_HAS_MARKDOWN = re.compile(r"\*\*\S|__\S|^#{1,6}\s|\]\(http", re.M)


def strip_markdown(text: str) -> str:
    """Markdown markup out, paragraph breaks and every quote mark and apostrophe kept."""
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


def _headline(text: str) -> str | None:
    """The first line, when it reads like a headline: short and without a sentence end."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first and len(first) <= 200 and len(first.split()) <= 25 and not re.search(r"[.!?]$", first):
        return first
    return None


def _read_text_file(path: str) -> Article | SourceError:
    data = Path(path).read_bytes()
    if not data.strip():
        return SourceError(path=path, reason="empty file")
    try:
        text = decode(data)
    except ValueError as error:
        return SourceError(path=path, reason=str(error))
    if _looks_binary(text):
        return SourceError(path=path, reason="binary file (control characters), not text")
    # front matter comes off before anything else reads the text (markdown would take its
    # '---' lines for rules), so offsets into the stored text are exact
    try:
        meta, text = split_front_matter(text)
    except MetadataError as error:
        return SourceError(path=path, reason=f"bad front matter: {error}")
    if _suffix(path) in {".md", ".markdown"} or _HAS_MARKDOWN.search(text):
        text = strip_markdown(text)
    if not text.strip():
        return SourceError(path=path, reason="no article text")
    fields = {"title": _headline(text)}
    if meta is not None:
        fields.update(meta.values())
    return Article.from_text(text, source=path, **fields)


# ----------------------------------------------------------------------------- html


# Fewer words than this after extraction is a menu, an error page or a stub, not an article.
MIN_ARTICLE_WORDS = 12


# A page this short that names no date and no author and quotes nobody is a placeholder
# or a stub, not news for this tool (a news brief of two sentences names its day or quotes).
MIN_UNDATED_WORDS = 50
_QUOTE_MARKS = set('"“”„«»「」')
# Words that may stand beside a site's name in the title of its home or placeholder page.
_HOME_WORDS = {"home", "homepage", "domain", "welcome", "index", "page", "site", "website", "official", "main", "the",
               "to", "of", "news", "online"}
# A text of at least LISTING_LINES lines with fewer than one sentence end per
# MAX_WORDS_PER_SENTENCE words is a list of headlines or links (a section front), not prose:
# news sentences run about 20-25 words. Counted over the whole text, not per line, so that a
# page that breaks its paragraphs inside sentences still reads as prose.
LISTING_LINES = 5
MAX_WORDS_PER_SENTENCE = 40
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|$)")
# og:type values an article page declares; a page declaring another type ("website") with
# no date is a front page or an index.
_ARTICLE_TYPES = {"article", "newsarticle", "news", "blogposting", "blog", "reportage", "report", "analysisnewsarticle"}


class _Kept(BaseModel):
    """A page that is not a news article, with the Article it would be (read_sources keeps
    it only when asked)."""

    article: Article
    reason: str
    where: str  # the input as an error names it


def not_an_article(text: str, title: str | None, date: str | None, authors: list[str], page_type: str | None,
                   site: str | None) -> str | None:
    """Why an extracted page holds no news article, or None when it reads as one. ``site``:
    the name part of the page's domain (pagemeta.site_label)."""
    words = len(text.split())
    lines = [line for line in text.splitlines() if line.strip()]
    ends = len(_SENTENCE_END.findall(text))
    if len(lines) >= LISTING_LINES and ends * MAX_WORDS_PER_SENTENCE < words:
        return (f"{len(lines)} lines and {ends} sentence end(s) in {words} words:"
                " a list of headlines or links (a section front or an index page)")
    if date is None and title and site:
        # a headline says what happened; the title of a home or placeholder page is the site's name
        rest = [w for w in re.findall(r"\w+", title.lower()) if w not in _HOME_WORDS and w not in site and site not in w]
        if not rest:
            return f"its title {title!r} is the site's name and it names no date (a home or placeholder page)"
    if date is None and not authors and words < MIN_UNDATED_WORDS and not _QUOTE_MARKS & set(text):
        return f"{words} words with no date, no byline and nothing quoted (a placeholder or a stub page)"
    kind = (page_type or "").strip().lower().replace(" ", "")
    if date is None and kind and kind.split(".")[0] not in _ARTICLE_TYPES:
        return f"the page says it is a {page_type!r}, not an article, and names no date"
    return None


def _page_words(tree) -> list[str]:
    """The words of a page's visible text (navigation and footer included: that is where a
    site prints its own name)."""
    from quotes.pagemeta import page_words

    if tree is None:
        return []
    texts = tree.xpath("//title//text() | //body//text()[not(ancestor::script) and not(ancestor::style)]")
    return page_words(" ".join(str(t) for t in texts[:20_000]))


def _article_from_html(html: str | bytes, source: str, url: str | None = None) -> Article | SourceError | _Kept:
    import trafilatura

    from quotes import pagemeta

    try:
        # the page's own names for its outlet first: the extractor is told that none of them
        # is an author (its author blacklist), and the outlet's readable name is chosen from them
        tree = trafilatura.load_html(html)
        head = trafilatura.extract_metadata(tree, default_url=url, extensive=False) if tree is not None else None
        words = _page_words(tree)
        site_url = (head.url if head is not None else None) or url
        outlet = pagemeta.outlet(head.sitename if head is not None else None, site_url or (head.hostname if head else None), words)
        names = {n for n in (outlet, head.sitename if head is not None else None, pagemeta.site_label(site_url)) if n}
        extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                                include_tables=False, favor_precision=True, author_blacklist=names)
    except Exception as error:  # trafilatura raises assorted parser errors on broken pages
        return SourceError(path=source, reason=f"cannot parse the HTML ({type(error).__name__})")
    if extracted is None:
        return SourceError(path=source, reason="no article text found in the page")
    data = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = data.get("text") or ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return SourceError(path=source, reason="no article text found in the page")
    title = data.get("title")
    authors = pagemeta.authors(data.get("author"), names)
    reason = not_an_article(text, title, data.get("date"), authors, data.get("pagetype"), pagemeta.site_label(data.get("url") or site_url))
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    article = Article.from_text(
        text, source=source, title=title, outlet=outlet, date=data.get("date"), url=data.get("url") or url, authors=authors,
    )
    return _Kept(article=article, reason=reason, where=source) if reason else article


def _read_html_file(path: str) -> Article | SourceError | _Kept:
    data = Path(path).read_bytes()
    if not data.strip():
        return SourceError(path=path, reason="empty file")
    return _article_from_html(data, path)


# ----------------------------------------------------------------------------- json


def _article_from_record(record, where: str) -> Article | SourceError | _Kept:
    if not isinstance(record, dict):
        return SourceError(path=where, reason="not a JSON object")
    text = record.get("maintext") or record.get("text") or record.get("raw_text") or ""
    if not isinstance(text, str) or not text.strip():
        html = record.get("html") or record.get("raw_html")
        if html:
            return _article_from_html(html, where, record.get("url"))
        return SourceError(path=where, reason="no article text (expected 'maintext' or 'text')")
    title = record.get("title")
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    from quotes import pagemeta

    outlet = record.get("source_domain") or record.get("sitename") or record.get("hostname")
    authors = record.get("authors") or record.get("author") or []
    return Article.from_text(
        text, source=record.get("url") or record.get("source") or where, title=title, outlet=outlet,
        date=record.get("date_publish") or record.get("date"), url=record.get("url") or record.get("source"),
        authors=pagemeta.authors(authors if isinstance(authors, str) else [str(a) for a in authors], [outlet] if outlet else []),
    )


def _read_json_file(path: str) -> Iterator[Article | SourceError | _Kept]:
    if _suffix(path) != ".json" and _starts_as_json_lines(path):
        yield from _stream_json_lines(path)
        return
    raw = Path(path).read_bytes()
    if not raw.strip():
        yield SourceError(path=path, reason="empty file")
        return
    try:
        text = decode(raw)
    except ValueError as error:
        yield SourceError(path=path, reason=str(error))
        return
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and _suffix(path) == ".json"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            if _suffix(path) == ".json":
                yield SourceError(path=path, reason=f"broken JSON: {error.msg}: line {error.lineno} column {error.colno}")
                return
        else:
            records = data if isinstance(data, list) else [data]
            for i, record in enumerate(records):
                yield _article_from_record(record, f"{path}#{i}")
            return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            # json's msg alone ("Unterminated string starting at") stops mid-sentence: the
            # position is the end of it
            yield SourceError(path=f"{path}:{number}", reason=f"broken JSON line: {error.msg}: column {error.colno}")
            continue
        yield _article_from_record(record, f"{path}:{number}")


def _starts_as_json_lines(path: str) -> bool:
    """A UTF-8 JSON Lines file (not one JSON array, not UTF-16): read a line at a time, so a
    crawl of millions of records never sits in memory whole."""
    with open(path, "rb") as stream:
        head = stream.read(4096)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        return False
    first = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    return bool(first) and not first.startswith(b"[")


def _stream_json_lines(path: str) -> Iterator[Article | SourceError | _Kept]:
    with open(path, "rb") as stream:
        for number, raw_line in enumerate(stream, start=1):
            if not raw_line.strip():
                continue
            try:
                record = json.loads(decode(raw_line.rstrip(b"\r\n")))
            except ValueError as error:  # json.JSONDecodeError is a ValueError, and so is a bad encoding
                message = f"{error.msg}: column {error.colno}" if isinstance(error, json.JSONDecodeError) else str(error)
                yield SourceError(path=f"{path}:{number}", reason=f"broken JSON line: {message}")
                continue
            yield _article_from_record(record, f"{path}:{number}")


# ----------------------------------------------------------------------------- warc


def _read_warc(path: str) -> Iterator[Article | SourceError | _Kept]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = complete = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response":
                    continue
                content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in content_type.lower():
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                crawled = record.rec_headers.get_header("WARC-Date")
                body = record.content_stream().read()
                record.raw_stream.read()  # whatever the decoder left: the record must be read to its end
                found += 1
                missing = getattr(record.raw_stream, "limit", 0)
                if missing:
                    # cut off by the end of the file: a partial page (and a cut quote) is never stored
                    yield SourceError(path=f"{path} ({url})", reason=f"record cut off ({missing:,} of its "
                                      f"{record.length:,} bytes missing): not read")
                    continue
                complete += 1
                result = _article_from_html(body, url or f"{path}#{found}", url)
                if isinstance(result, SourceError):
                    result = SourceError(path=f"{path} ({url})", reason=result.reason)
                elif isinstance(result, _Kept):
                    result = result.model_copy(update={"where": f"{path} ({url})"})
                elif not result.date and crawled and parse_date(crawled):
                    # the page names no date: the day it was archived is the latest it can be
                    result = result.model_copy(update={"date": crawled})
                yield result
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
        kind = "truncated or corrupt WARC" if not isinstance(error, ArchiveLoadFailed) else "not a WARC file"
        yield SourceError(path=path, reason=f"{kind} after {complete} complete record(s): {str(error).splitlines()[0] if str(error) else type(error).__name__}")
        return
    problem = _gzip_damage(path) if path.lower().endswith(".gz") else None
    if problem:
        yield SourceError(path=path, reason=f"truncated or corrupt WARC after {complete} complete HTML record(s): {problem}")
    elif found == 0:
        yield SourceError(path=path, reason="no HTML responses in this WARC")


def _gzip_damage(path: str) -> str | None:
    """Why a .gz file is damaged, or None. warcio stops quietly at a cut gzip member, so
    the whole stream is checked (streamed, in 1 MB reads)."""
    import gzip
    import zlib

    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as error:
        return str(error) or type(error).__name__
    return None
