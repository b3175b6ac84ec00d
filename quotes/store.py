"""The index: one SQLite file, written only here.

Schema (versioned with sqlite-utils migrations): articles, speakers, speaker_aliases,
speaker_roles, quotes (one row per occurrence), quote_groups, group_keys (the grouping's
candidate index), corrections; FTS5 over quote text and speaker names; views
quote_sheet, speaker_index and variant_groups for direct SQL.

Every article is written in one transaction, so a killed ingest leaves either the whole
article or nothing; the article id is the SHA-256 of its normalised text, so ingesting the
same text twice (under any name) adds nothing.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import sqlite_utils
from sqlite_utils import Migrations

from quotes import consensus, grouping, occasions, resolve
from quotes.reported import paraphrase
from quotes.models import (
    Article,
    AttributedArticle,
    CueClass,
    Statement,
    GroupDetail,
    GroupSummary,
    IngestOutcome,
    Occurrence,
    RoleSummary,
    QuoteType,
    RepeatedLine,
    SearchHit,
    Setting,
    SpeakerSummary,
    SpeakerType,
)
from quotes.quotefinder import marks_around
from quotes.text import role_key
from quotes.textdiff import word_diff

migrations = Migrations("quotes")


@migrations()
def m001_schema(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,            -- SHA-256 of the normalised text
            source TEXT NOT NULL,           -- file path or URL it came from
            url TEXT, outlet TEXT, title TEXT, date TEXT, authors TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            seq INTEGER NOT NULL            -- ingest order
        );
        CREATE TABLE speakers (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ('person', 'organisation', 'unknown'))
        );
        CREATE TABLE speaker_aliases (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            alias TEXT NOT NULL,
            article_id TEXT REFERENCES articles(id),
            evidence TEXT NOT NULL,
            PRIMARY KEY (speaker_id, alias, article_id)
        );
        CREATE TABLE speaker_roles (
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            role TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id),
            PRIMARY KEY (speaker_id, role, article_id)
        );
        CREATE TABLE speaker_keys (
            key TEXT NOT NULL,
            speaker_id INTEGER NOT NULL REFERENCES speakers(id),
            PRIMARY KEY (key, speaker_id)
        );
        CREATE TABLE quote_groups (
            id INTEGER PRIMARY KEY,
            speaker_id INTEGER REFERENCES speakers(id),
            root TEXT NOT NULL,             -- the longest wording: new quotes are compared with it
            canonical TEXT NOT NULL,        -- the wording shown: most printed, then longest
            wordings INTEGER NOT NULL DEFAULT 0,
            occurrences INTEGER NOT NULL DEFAULT 0,
            outlets INTEGER NOT NULL DEFAULT 0,
            first_seen TEXT, last_seen TEXT
        );
        CREATE TABLE group_keys (
            speaker_key INTEGER NOT NULL,   -- speaker id, 0 when the speaker is unknown
            key TEXT NOT NULL,
            group_id INTEGER NOT NULL REFERENCES quote_groups(id),
            PRIMARY KEY (speaker_key, key, group_id)
        ) WITHOUT ROWID;
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL,             -- as printed, without the marks
            normalised TEXT NOT NULL,
            type TEXT NOT NULL,
            speaker_id INTEGER REFERENCES speakers(id),
            role TEXT, mention TEXT, mention_start INTEGER, mention_end INTEGER,
            cue TEXT, cue_start INTEGER, cue_end INTEGER,
            rule TEXT, evidence TEXT, confidence REAL NOT NULL,
            context TEXT NOT NULL,
            group_id INTEGER REFERENCES quote_groups(id),
            UNIQUE (article_id, start, "end")
        );
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'reassign')),
            article_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,  -- the quote
            other_article_id TEXT, other_start INTEGER, other_end INTEGER,            -- merge: a quote of the absorbed group
            speaker TEXT,                                                              -- reassign: the new speaker's name
            created_at TEXT NOT NULL
        );
        CREATE INDEX quotes_article ON quotes(article_id);
        CREATE INDEX quotes_speaker ON quotes(speaker_id);
        CREATE INDEX quotes_group ON quotes(group_id);
        CREATE INDEX quotes_normalised ON quotes(speaker_id, normalised);
        CREATE INDEX groups_speaker ON quote_groups(speaker_id, occurrences);
        CREATE INDEX aliases_alias ON speaker_aliases(alias COLLATE NOCASE);
        CREATE INDEX speakers_name ON speakers(name COLLATE NOCASE);

        CREATE VIEW quote_sheet AS
        SELECT q.group_id, s.name AS speaker, q.role, g.canonical, q.text AS variant,
               COALESCE(a.url, a.source) AS source, a.outlet, a.title, a.date, q.context,
               q.type, q.rule, q.confidence, q.id AS quote_id, a.id AS article_id
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN speakers s ON s.id = q.speaker_id
        LEFT JOIN quote_groups g ON g.id = q.group_id;

        CREATE VIEW speaker_index AS
        SELECT s.id, s.name, s.type,
               (SELECT group_concat(DISTINCT role) FROM speaker_roles r WHERE r.speaker_id = s.id) AS roles,
               (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes,
               (SELECT count(*) FROM quote_groups g WHERE g.speaker_id = s.id) AS groups
        FROM speakers s;

        CREATE VIEW variant_groups AS
        SELECT g.id AS group_id, s.name AS speaker, g.canonical, g.wordings, g.occurrences,
               g.outlets, g.first_seen, g.last_seen
        FROM quote_groups g LEFT JOIN speakers s ON s.id = g.speaker_id;
        """
    )
    db.table("quotes").enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db.table("speakers").enable_fts(["name"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


@migrations()
def m002_first_name_keys(db: sqlite_utils.Database) -> None:
    """Speakers known by one word ("Melania") are also filed under ``solo:``, the key a
    full name looks its first name up under (``resolve.lookup_keys``)."""
    for speaker_id, name, kind in db.execute("SELECT id, name, type FROM speakers").fetchall():
        for key in resolve.blocking_keys(name, SpeakerType(kind)):
            db.execute("INSERT OR IGNORE INTO speaker_keys VALUES (?, ?)", (key, speaker_id))


@migrations()
def m003_indexes_for_growth(db: sqlite_utils.Database) -> None:
    """Indexes measured missing at 100,000 quotes (bench/bench_store.py): the next ingest
    number (max(seq) scanned every article) and a group's keys (merging or deleting a group
    scanned every key, including the foreign-key check behind each deleted group)."""
    db.execute("CREATE UNIQUE INDEX IF NOT EXISTS articles_seq ON articles(seq)")
    db.execute("CREATE INDEX IF NOT EXISTS group_keys_group ON group_keys(group_id)")
    # The full-text index only needs refreshing when a quote's text changes, not each
    # time grouping sets its group_id (that re-indexed every quote once more).
    db.execute('DROP TRIGGER IF EXISTS "quotes_au"')
    db.execute(
        'CREATE TRIGGER "quotes_au" AFTER UPDATE OF "text" ON "quotes" BEGIN\n'
        '  INSERT INTO "quotes_fts" ("quotes_fts", rowid, "text") VALUES(\'delete\', old.rowid, old."text");\n'
        '  INSERT INTO "quotes_fts" (rowid, "text") VALUES (new.rowid, new."text");\n'
        "END"
    )


@migrations()
def m004_resolver(db: sqlite_utils.Database) -> None:
    """Each quote keeps the name of the resolver that turned its mention into the speaker,
    beside the rule's (older rows: NULL, nothing else changes); the quote sheet shows it."""
    if "resolver" not in db["quotes"].columns_dict:
        db.execute("ALTER TABLE quotes ADD COLUMN resolver TEXT")
    db.execute("DROP VIEW IF EXISTS quote_sheet")
    db.execute(
        """CREATE VIEW quote_sheet AS
        SELECT q.group_id, s.name AS speaker, q.role, g.canonical, q.text AS variant,
               COALESCE(a.url, a.source) AS source, a.outlet, a.title, a.date, q.context,
               q.type, q.rule, q.confidence, q.id AS quote_id, a.id AS article_id, q.resolver
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN speakers s ON s.id = q.speaker_id
        LEFT JOIN quote_groups g ON g.id = q.group_id"""
    )


@migrations()
def m005_article_versions(db: sqlite_utils.Database) -> None:
    """An article seen again under the same URL with changed text is a new version: a new
    row (its quotes kept beside the old ones) whose ``previous_id`` is the version before.
    Articles already stored under one URL are linked in ingest order."""
    if "previous_id" not in db["articles"].columns_dict:
        db.execute("ALTER TABLE articles ADD COLUMN previous_id TEXT REFERENCES articles(id)")
    db.execute("CREATE INDEX IF NOT EXISTS articles_url ON articles(url, seq)")
    db.execute("CREATE INDEX IF NOT EXISTS articles_previous ON articles(previous_id)")
    last: dict[str, str] = {}
    for article_id, url in db.execute("SELECT id, url FROM articles WHERE url IS NOT NULL ORDER BY seq").fetchall():
        if url in last:
            db.execute("UPDATE articles SET previous_id = ? WHERE id = ?", (last[url], article_id))
        last[url] = article_id


@migrations()
def m006_reported_statements(db: sqlite_utils.Database) -> None:
    """Reported statements beside the quotes: their own table (content clause, cue and its
    class, speaker, the rule and resolver, and the quote group a statement paraphrases
    with the score that linked them), full-text indexed; a partial quote inside a
    statement's content points to it (``quotes.statement_id``, NULL for older rows). The
    speaker index counts statements apart. Existing rows are kept as they are."""
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS statements (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id),
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            cue_class TEXT NOT NULL,
            speaker_id INTEGER REFERENCES speakers(id),
            role TEXT, mention TEXT, mention_start INTEGER, mention_end INTEGER,
            cue TEXT, cue_start INTEGER, cue_end INTEGER,
            rule TEXT, resolver TEXT, evidence TEXT, confidence REAL NOT NULL,
            context TEXT NOT NULL,
            paraphrase_group_id INTEGER REFERENCES quote_groups(id),
            paraphrase_score REAL,
            UNIQUE (article_id, start, "end", cue_start)
        );
        CREATE INDEX IF NOT EXISTS statements_article ON statements(article_id);
        CREATE INDEX IF NOT EXISTS statements_speaker ON statements(speaker_id, cue_class);
        CREATE INDEX IF NOT EXISTS statements_paraphrase ON statements(paraphrase_group_id);
        DROP VIEW IF EXISTS speaker_index;
        CREATE VIEW speaker_index AS
        SELECT s.id, s.name, s.type,
               (SELECT group_concat(DISTINCT role) FROM speaker_roles r WHERE r.speaker_id = s.id) AS roles,
               (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes,
               (SELECT count(*) FROM quote_groups g WHERE g.speaker_id = s.id) AS groups,
               (SELECT count(*) FROM statements t WHERE t.speaker_id = s.id) AS statements
        FROM speakers s;
        DROP VIEW IF EXISTS reported_sheet;
        CREATE VIEW reported_sheet AS
        SELECT t.id AS statement_id, sp.name AS speaker, t.role, t.cue, t.cue_class, t.text AS content,
               COALESCE(a.url, a.source) AS source, a.outlet, a.title, a.date, t.context, t.rule, t.resolver,
               t.confidence, t.paraphrase_group_id, t.paraphrase_score, g.canonical AS paraphrases, a.id AS article_id
        FROM statements t JOIN articles a ON a.id = t.article_id
        LEFT JOIN speakers sp ON sp.id = t.speaker_id
        LEFT JOIN quote_groups g ON g.id = t.paraphrase_group_id;
        """
    )
    if "statement_id" not in db["quotes"].columns_dict:
        db.execute("ALTER TABLE quotes ADD COLUMN statement_id INTEGER REFERENCES statements(id)")
    if "statements_fts" not in db.table_names():
        db.table("statements").enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


@migrations()
def m007_cross_article_speakers(db: sqlite_utils.Database) -> None:
    """Speakers across articles (issue 12). Each alias link keeps its typed match kind
    beside its evidence (older links: NULL). Speaker keys are refiled folded (accents and
    punctuation aside), so "José" and "Jose" meet."""
    if "kind" not in db["speaker_aliases"].columns_dict:
        db.execute("ALTER TABLE speaker_aliases ADD COLUMN kind TEXT")
    db.execute("DELETE FROM speaker_keys")
    for speaker_id, name, kind in db.execute("SELECT id, name, type FROM speakers").fetchall():
        for key in resolve.blocking_keys(name, SpeakerType(kind)):
            db.execute("INSERT OR IGNORE INTO speaker_keys VALUES (?, ?)", (key, speaker_id))
    # Each occurrence keeps the speaker its own article gave it (attributed_speaker_id)
    # beside the one it is shown under (speaker_id), how that was decided (speaker_basis:
    # article, agreed from the other occurrences of the same words, or correction), why, with
    # what confidence, and whether a confident attribution contradicts the agreed one.
    columns = db["quotes"].columns_dict
    for column, kind in (
        ("attributed_speaker_id", "INTEGER REFERENCES speakers(id)"),
        ("speaker_basis", "TEXT"),
        ("speaker_evidence", "TEXT"),
        ("speaker_confidence", "REAL"),
        ("conflict", "INTEGER NOT NULL DEFAULT 0"),
    ):
        if column not in columns:
            db.execute(f"ALTER TABLE quotes ADD COLUMN {column} {kind}")
    db.execute(
        "UPDATE quotes SET attributed_speaker_id = speaker_id, speaker_confidence = confidence,"
        " speaker_basis = CASE WHEN rule = 'correction' THEN 'correction' ELSE 'article' END WHERE speaker_basis IS NULL"
    )
    # candidate groups are looked up across speakers by runs of three content words
    # (grouping.shingle_keys), exact wordings by their normalised words
    db.execute(
        "CREATE TABLE IF NOT EXISTS group_shingles (shingle TEXT NOT NULL, group_id INTEGER NOT NULL REFERENCES quote_groups(id),"
        " PRIMARY KEY (shingle, group_id)) WITHOUT ROWID"
    )
    db.execute("CREATE INDEX IF NOT EXISTS group_shingles_group ON group_shingles(group_id)")
    for group_id, root in db.execute("SELECT id, root FROM quote_groups").fetchall():
        for key in grouping.shingle_keys(root):
            db.execute("INSERT OR IGNORE INTO group_shingles VALUES (?, ?)", (key, group_id))
    db.execute("CREATE INDEX IF NOT EXISTS quotes_wording ON quotes(normalised)")
    db.execute("CREATE INDEX IF NOT EXISTS quotes_conflict ON quotes(conflict) WHERE conflict = 1")
    db.execute("DROP VIEW IF EXISTS conflicts")
    db.execute(
        """CREATE VIEW conflicts AS
        SELECT q.group_id, q.id AS quote_id, q.text, s.name AS speaker, agreed.name AS agreed_speaker,
               q.speaker_evidence AS evidence, q.confidence, a.outlet, COALESCE(a.url, a.source) AS source, a.date
        FROM quotes q JOIN articles a ON a.id = q.article_id
        LEFT JOIN speakers s ON s.id = q.speaker_id
        LEFT JOIN quote_groups g ON g.id = q.group_id
        LEFT JOIN speakers agreed ON agreed.id = g.speaker_id
        WHERE q.conflict = 1"""
    )


@migrations()
def m008_occasions(db: sqlite_utils.Database) -> None:
    """Occasions (issue 12). Each occurrence keeps when and where its article says the words
    were said (``quotes.setting``: the JSON of models.Setting; ``said_from``/``said_to``: the
    days a stated time means, ISO, for SQL); rows stored before have none (NULL: their
    article's NLP is not in the index, and re-ingesting the text fills them in). Two groups of
    the same words said on clearly different occasions are linked in ``group_links`` (kind
    ``same_line_repeated``, with the evidence), shown as "also said on ..."."""
    columns = db["quotes"].columns_dict
    for column in ("setting", "said_from", "said_to"):
        if column not in columns:
            db.execute(f"ALTER TABLE quotes ADD COLUMN {column} TEXT")
    db.executescript(
        """
        CREATE TABLE IF NOT EXISTS group_links (
            group_id INTEGER NOT NULL REFERENCES quote_groups(id),
            other_group_id INTEGER NOT NULL REFERENCES quote_groups(id),
            kind TEXT NOT NULL,
            evidence TEXT,
            PRIMARY KEY (group_id, other_group_id),
            CHECK (group_id < other_group_id)
        );
        CREATE INDEX IF NOT EXISTS group_links_other ON group_links(other_group_id);
        DROP VIEW IF EXISTS repeated_lines;
        CREATE VIEW repeated_lines AS
        SELECT l.group_id, g.canonical, g.first_seen, l.other_group_id, o.canonical AS other_canonical,
               o.first_seen AS other_first_seen, l.kind, l.evidence
        FROM group_links l JOIN quote_groups g ON g.id = l.group_id JOIN quote_groups o ON o.id = l.other_group_id;
        """
    )


@migrations()
def m009_quote_marks(db: sqlite_utils.Database) -> None:
    """The marks each occurrence was printed with (issue 18): ``quotes.open_mark`` and
    ``close_mark`` ("" for none: a quote never closed), so that a wording is shown as the
    page printed it, straight or curly. Rows stored before are filled in from their article's
    text, which holds the marks around every quote's offsets."""
    columns = db["quotes"].columns_dict
    for column in ("open_mark", "close_mark"):
        if column not in columns:
            db.execute(f"ALTER TABLE quotes ADD COLUMN {column} TEXT")
    articles = [r[0] for r in db.execute("SELECT DISTINCT article_id FROM quotes WHERE open_mark IS NULL").fetchall()]
    for article_id in articles:
        text = db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
        rows = db.execute('SELECT id, start, "end" FROM quotes WHERE article_id = ?', (article_id,)).fetchall()
        db.conn.executemany(
            "UPDATE quotes SET open_mark = ?, close_mark = ? WHERE id = ?",
            [(*marks_around(text, start, end), quote_id) for quote_id, start, end in rows],
        )


# How many of a speaker's latest role-giving articles decide which role is shown first
# ("the most frequent recent role"): Mike Pence is the governor in 2016's articles and the
# vice president in 2017's, whatever the count over both years.
RECENT_ROLE_ARTICLES = 10


@migrations()
def m010_role_meanings_and_party(db: sqlite_utils.Database) -> None:
    """Speaker roles a reporter can print (issue 17). Each stored role keeps its meaning
    (``speaker_roles.role_key``: quotes.text.role_key, so case, apostrophes, -ise/-ize and
    a leading article make no new role; filled in for the rows stored before), every
    spelling still stored with each article it came from. A speaker has a ``party`` when an
    article gives one ("(D-Mo.)": a label, not a role; NULL before). The view
    ``speaker_role_meanings`` gives each role once per meaning with its articles, first and
    last dates and how many of the speaker's latest articles give it; ``speaker_index``
    shows the speaker's most frequent recent role (``role``) and party. No row changes."""
    if "role_key" not in db["speaker_roles"].columns_dict:
        db.execute("ALTER TABLE speaker_roles ADD COLUMN role_key TEXT")
    for rowid, role in db.execute("SELECT rowid, role FROM speaker_roles WHERE role_key IS NULL").fetchall():
        db.execute("UPDATE speaker_roles SET role_key = ? WHERE rowid = ?", (role_key(role), rowid))
    db.execute("CREATE INDEX IF NOT EXISTS speaker_roles_key ON speaker_roles(speaker_id, role_key)")
    if "party" not in db["speakers"].columns_dict:
        db.execute("ALTER TABLE speakers ADD COLUMN party TEXT")
    db.executescript(
        f"""
        DROP VIEW IF EXISTS speaker_role_meanings;
        CREATE VIEW speaker_role_meanings AS
        WITH given AS (
            SELECT DISTINCT r.speaker_id, r.article_id, a.seq, substr(a.date, 1, 10) AS date,
                   COALESCE(substr(a.date, 1, 10), substr(a.ingested_at, 1, 10)) AS day
            FROM speaker_roles r JOIN articles a ON a.id = r.article_id
        ), ranked AS (
            SELECT speaker_id, article_id, date,
                   ROW_NUMBER() OVER (PARTITION BY speaker_id ORDER BY day DESC, seq DESC) AS recency
            FROM given
        )
        SELECT r.speaker_id, r.role_key,
               (SELECT x.role FROM speaker_roles x WHERE x.speaker_id = r.speaker_id AND x.role_key = r.role_key
                GROUP BY x.role ORDER BY count(*) DESC, min(x.rowid) LIMIT 1) AS role,
               count(DISTINCT r.article_id) AS articles,
               count(DISTINCT CASE WHEN k.recency <= {RECENT_ROLE_ARTICLES} THEN r.article_id END) AS recent_articles,
               min(k.recency) AS latest,
               min(k.date) AS first_date, max(k.date) AS last_date
        FROM speaker_roles r JOIN ranked k ON k.speaker_id = r.speaker_id AND k.article_id = r.article_id
        GROUP BY r.speaker_id, r.role_key;
        DROP VIEW IF EXISTS speaker_index;
        CREATE VIEW speaker_index AS
        SELECT s.id, s.name, s.type, s.party,
               (SELECT m.role FROM speaker_role_meanings m WHERE m.speaker_id = s.id
                ORDER BY m.recent_articles DESC, m.latest, m.articles DESC LIMIT 1) AS role,
               (SELECT group_concat(DISTINCT role) FROM speaker_roles r WHERE r.speaker_id = s.id) AS roles,
               (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes,
               (SELECT count(*) FROM quote_groups g WHERE g.speaker_id = s.id) AS groups,
               (SELECT count(*) FROM statements t WHERE t.speaker_id = s.id) AS statements
        FROM speakers s;
        """
    )


def role_meanings(rows: list[dict]) -> list[RoleSummary]:
    """A speaker's stored roles once per meaning, the most frequent recent one first: the
    one most of the speaker's latest RECENT_ROLE_ARTICLES role-giving articles give (an
    article is dated by its date, else by the day it was ingested), then the one given
    latest, then the one given most. ``rows``: the speaker's ``speaker_roles`` rows in
    storage order, each with its article's ``date``, ``ingested_at``, ``seq`` and
    ``source``. The same order as the ``speaker_role_meanings`` view's."""
    day = {}
    for r in rows:
        day[r["article_id"]] = ((r["date"] or "")[:10] or (r["ingested_at"] or "")[:10], r["seq"])
    recency = {a: n for n, a in enumerate(sorted(day, key=lambda a: day[a], reverse=True), start=1)}
    meanings: dict[str, dict] = {}
    for r in rows:
        key = r["role_key"] or role_key(r["role"])
        m = meanings.setdefault(key, {"spellings": {}, "articles": [], "sources": [], "dates": []})
        spelling = m["spellings"].setdefault(r["role"], [0, len(m["spellings"])])
        spelling[0] += 1
        if r["article_id"] not in m["articles"]:
            m["articles"].append(r["article_id"])
            if r["date"]:
                m["dates"].append(r["date"][:10])
        if r["source"] and r["source"] not in m["sources"]:
            m["sources"].append(r["source"])
    ranked = []
    for m in meanings.values():
        shown = min(m["spellings"], key=lambda sp: (-m["spellings"][sp][0], m["spellings"][sp][1]))
        recent = sum(1 for a in m["articles"] if recency[a] <= RECENT_ROLE_ARTICLES)
        summary = RoleSummary(
            role=shown,
            articles=m["articles"],
            sources=m["sources"],
            first_date=min(m["dates"]) if m["dates"] else None,
            last_date=max(m["dates"]) if m["dates"] else None,
            recent=recent,
        )
        ranked.append(((-recent, min(recency[a] for a in m["articles"]), -len(m["articles"])), summary))
    return [summary for _, summary in sorted(ranked, key=lambda pair: pair[0])]


class StoreError(RuntimeError):
    pass


SQL_INT_MAX = 2**63 - 1


def _count(n: int) -> int:
    """A limit or offset SQLite can take: 0 ... 2**63-1 (a larger one means all rows; a
    negative one none)."""
    return max(0, min(int(n), SQL_INT_MAX))


# FTS5 snippet() marks matches with these two private-use characters, which no article
# text holds (they are removed from the snippet's text if one does): the snippet goes out
# as plain text with the matches' offsets, never as markup to be parsed.
_MATCH_OPEN, _MATCH_CLOSE = "\ue000", "\ue001"


def split_snippet(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """A snippet with match markers -> (plain text, [(start, end) of each match])."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length, opened = 0, None
    for char in marked:
        if char == _MATCH_OPEN:
            opened = length
        elif char == _MATCH_CLOSE:
            if opened is not None and length > opened:
                spans.append((opened, length))
            opened = None
        else:
            plain.append(char)
            length += 1
    return "".join(plain), spans


def _new_id(cursor: sqlite3.Cursor) -> int:
    """The rowid an INSERT just made (always set after an INSERT that wrote a row)."""
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def fts_query(text: str, prefix: bool = True) -> str | None:
    """A safe FTS5 query for any user input: its words, each quoted, all required; the
    last one as a prefix so results update while typing. Operators, quote marks and
    parentheses in the input are just text."""
    found = re.findall(r"\w+", text)
    if not found:
        return None
    parts = [f'"{w}"' for w in found]
    if prefix and text and text[-1].isalnum() and len(found[-1]) >= 2:
        parts[-1] += "*"  # a one-letter prefix matches half the index: wait for a second letter
    return " ".join(parts)


SQLITE_HEADER = b"SQLite format 3\x00"


def _can_write(path: str) -> bool:
    """Whether this process may write ``path`` (an existing file) and create its WAL and
    shared-memory files beside it."""
    return os.access(path, os.W_OK) and os.access(os.path.dirname(os.path.abspath(path)), os.W_OK)


def check_index(path: str, create: bool) -> bool:
    """Whether ``path`` can be opened as a quotes index, before anything is written to it:
    True if it exists (and is one), False if it does not and ``create`` allows making it.
    Anything else raises StoreError with a one-line reason naming the file: a missing
    file for a reader, a missing or unwritable folder, a folder, a file that is not
    SQLite, another program's SQLite file (which is never touched)."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise StoreError(f"{path}: is a folder, not an index file")
    if not os.path.exists(path):
        if not os.path.isdir(folder):
            raise StoreError(f"{path}: no such folder {folder}")
        if not create:
            raise StoreError(
                f"{path}: no such index (build one with `quotes ingest PATH --db {path}` or `quotes run --db {path}`)"
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(f"{path}: cannot create the index: folder {folder} is not writable")
        return False
    if not os.path.isfile(path):
        raise StoreError(f"{path}: not a regular file")
    try:
        with open(path, "rb") as stream:
            head = stream.read(20)
            header = head[: len(SQLITE_HEADER)]
    except OSError as error:
        raise StoreError(f"{path}: cannot read: {error.strerror or error}") from None
    if not header:
        if create:
            return False  # an empty file: nothing in it to lose
        raise StoreError(f"{path}: empty file, not a quotes index")
    if header != SQLITE_HEADER:
        raise StoreError(f"{path}: not an SQLite file, so not a quotes index (left untouched)")
    # Read it without leaving a trace: a WAL-mode file (header byte 18 is 2) with no WAL file
    # beside it has everything in the file itself and no writer, so it is read immutable (a
    # read-only connection would leave -wal and -shm files next to it); otherwise (a WAL
    # file exists: a writer may hold pages there, as during a first ingest; or a rollback
    # journal file, for which read-only makes no file) read-only.
    wal_mode = len(head) > 18 and head[18] == 2
    mode = "immutable=1" if wal_mode and not os.path.exists(path + "-wal") else "mode=ro"
    try:
        try:
            tables, ours = _probe(path, mode)
        except sqlite3.OperationalError:
            if mode == "immutable=1":
                raise
            tables, ours = _probe(path, "immutable=1")  # read-only media: no lock or -shm file can be made
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: damaged or unreadable SQLite file ({error}); left untouched") from None
    if not ours:
        if not tables and create:
            return False  # an SQLite file with no tables at all: nothing to lose
        raise StoreError(f"{path}: an SQLite file but not a quotes index (no quotes schema in it); left untouched")
    return True


def _probe(path: str, mode: str) -> tuple[set[str], bool]:
    """The tables of an SQLite file, and whether it holds this project's migrations, read
    through a read-only connection (nothing is written to the file)."""
    probe = sqlite3.connect(f"{Path(path).resolve().as_uri()}?{mode}", uri=True, timeout=30)
    try:
        tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        ours = (
            Migrations.migrations_table in tables
            and probe.execute(
                f"SELECT 1 FROM [{Migrations.migrations_table}] WHERE migration_set = ? LIMIT 1", (migrations.name,)
            ).fetchone()
            is not None
        )
    finally:
        probe.close()
    return tables, ours


_SAME_WORDS = grouping.Match(True, 1.0, "same words", grouping.MatchKind.same_words)


class _SpeakerRecords:
    """The store's side of ``resolve.SpeakerDirectory``: questions answered and outcomes
    recorded over SQLite; the decision is ``resolve.resolve``'s."""

    def __init__(self, store: "Store"):
        self.store = store

    def candidates(self, keys) -> list[resolve.Candidate]:
        found: dict[int, resolve.Candidate] = {}
        for key in keys:
            for speaker_id, name, kind in self.store.conn.execute(
                "SELECT s.id, s.name, s.type FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id WHERE k.key = ?", (key,)
            ).fetchall():
                if speaker_id not in found:
                    roles = tuple(
                        r[0]
                        for r in self.store.conn.execute(
                            "SELECT DISTINCT role FROM speaker_roles WHERE speaker_id = ?", (speaker_id,)
                        )
                    )
                    found[speaker_id] = resolve.Candidate(speaker_id, name, SpeakerType(kind), roles)
        return list(found.values())

    def shares_wording(self, speaker_id: int, normalised) -> bool:
        texts = sorted(set(normalised))
        if not texts:
            return False
        marks = ",".join("?" * len(texts))
        return (
            self.store.conn.execute(
                f"SELECT 1 FROM quotes WHERE speaker_id = ? AND normalised IN ({marks}) LIMIT 1", (speaker_id, *texts)
            ).fetchone()
            is not None
        )

    def new_speaker(self, name: str, kind: SpeakerType) -> int:
        return self.store._new_speaker(name, kind)

    def rename(self, speaker_id: int, name: str, kind: SpeakerType) -> None:
        self.store.conn.execute("UPDATE speakers SET name = ? WHERE id = ?", (name, speaker_id))
        self.store._file_keys(speaker_id, name, kind)

    def record_alias(self, speaker_id: int, alias: str, article_id: str, kind: resolve.MatchKind, evidence: str) -> None:
        self.store.conn.execute(
            "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, article_id, evidence, kind) VALUES (?, ?, ?, ?, ?)",
            (speaker_id, alias, article_id, evidence, kind.value),
        )

    def record_role(self, speaker_id: int, role: str, article_id: str) -> None:
        self.store.conn.execute(
            "INSERT OR IGNORE INTO speaker_roles (speaker_id, role, article_id, role_key) VALUES (?, ?, ?, ?)",
            (speaker_id, role, article_id, role_key(role)),
        )

    def record_party(self, speaker_id: int, party: str) -> None:
        self.store.conn.execute("UPDATE speakers SET party = ? WHERE id = ?", (party, speaker_id))


class Store:
    """The index file. ``create``: make the file if it does not exist (writers do; readers
    pass False and get a StoreError naming the missing file). ``read_only``: never write;
    chosen by itself when the file or its folder is not writable (read-only media), in
    which case the file is opened immutable and read as it is."""

    def __init__(self, path: str | Path, create: bool = True, read_only: bool = False):
        self.path = str(path)
        exists = check_index(self.path, create)
        self.read_only = read_only or (exists and not _can_write(self.path))
        if self.read_only:
            if not exists:
                raise StoreError(f"{self.path}: no such index")
            # immutable: no lock, WAL or shared-memory file is created beside it (none can be)
            # (unless a WAL file still holds pages not yet copied back into it: those need mode=ro)
            wal = self.path + "-wal"
            pending_wal = os.path.exists(wal) and os.path.getsize(wal) > 0
            mode = "mode=ro" if _can_write(self.path) or pending_wal else "immutable=1"
            self.conn = sqlite3.connect(
                f"{Path(self.path).resolve().as_uri()}?{mode}",
                uri=True,
                timeout=30,
                isolation_level=None,
                check_same_thread=False,
            )
        else:
            self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            self.conn.execute("PRAGMA busy_timeout = 30000")
            if not self.read_only:
                self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # 64 MB of page cache instead of SQLite's 2 MB: grouping reads keys and roots all
            # over a large file (bench/bench_store.py)
            self.conn.execute("PRAGMA cache_size = -65536")
            self.db = sqlite_utils.Database(self.conn)
            if not self.read_only:
                migrations.apply(self.db)
        except sqlite3.Error as error:
            self.conn.close()
            raise StoreError(f"{self.path}: cannot open the index: {error}") from None

    def require_writable(self) -> None:
        """StoreError unless this index can be written here."""
        if self.read_only:
            raise StoreError(f"{self.path}: the index is read-only here; copy it somewhere writable to change it")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _rows(self, sql: str, params=()) -> list[dict]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _one(self, sql: str, params=()):
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------------ writes

    def has_article(self, article_id: str) -> bool:
        return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def ingest(self, attributed: AttributedArticle) -> IngestOutcome:
        self.require_writable()
        article = attributed.article
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has_article(article.id):
                self.conn.execute("ROLLBACK")
                return IngestOutcome(article_id=article.id, source=article.source, status="present")
            previous = self._latest_version(article.url)
            count = self._write_article(attributed, previous)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return IngestOutcome(article_id=article.id, source=article.source, status="added", quotes=count,
                             statements=len(attributed.statements), previous_id=previous)

    def _latest_version(self, url: str | None) -> str | None:
        """The id of the latest article stored under ``url`` (None for no URL: a file path
        is not an article's identity)."""
        if not url:
            return None
        return self._one("SELECT id FROM articles WHERE url = ? ORDER BY seq DESC LIMIT 1", (url,))

    def _write_article(self, attributed: AttributedArticle, previous_id: str | None = None) -> int:
        article = attributed.article
        seq = (self._one("SELECT max(seq) FROM articles") or 0) + 1
        self.conn.execute(
            "INSERT INTO articles (id, source, url, outlet, title, date, authors, text, ingested_at, seq, previous_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.source,
                article.url,
                article.outlet,
                article.title,
                article.date,
                json.dumps(article.authors),
                article.text,
                _now(),
                seq,
                previous_id,
            ),
        )
        wordings: dict[str, list[str]] = {}
        for quote in attributed.quotes:
            if quote.speaker:
                wordings.setdefault(quote.speaker, []).append(grouping.normalise_quote(quote.text))
        speaker_ids = {s.name: self._resolve_speaker(s, article.id, wordings.get(s.name)) for s in attributed.speakers}
        touched: set[int] = set()
        written = 0
        for quote in attributed.quotes:
            speaker_id = speaker_ids.get(quote.speaker) if quote.speaker else None
            if quote.speaker and speaker_id is None:
                speaker_id = self._speaker_id_for(quote.speaker, quote.speaker_type, article.id, "named by the attributor")
            cursor = self.conn.execute(
                'INSERT OR IGNORE INTO quotes (article_id, start, "end", text, normalised, type, speaker_id, role,'
                " mention, mention_start, mention_end, cue, cue_start, cue_end, rule, resolver, evidence, confidence, context,"
                " attributed_speaker_id, speaker_basis, speaker_confidence, setting, said_from, said_to, open_mark, close_mark)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'article', ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    quote.start,
                    quote.end,
                    quote.text,
                    grouping.normalise_quote(quote.text),
                    quote.type.value,
                    speaker_id,
                    quote.role,
                    quote.mention,
                    quote.mention_start,
                    quote.mention_end,
                    quote.cue,
                    quote.cue_start,
                    quote.cue_end,
                    quote.rule,
                    quote.resolver,
                    quote.evidence,
                    quote.confidence,
                    quote.context,
                    speaker_id,
                    quote.confidence,
                    quote.setting.model_dump_json(exclude_defaults=True) if quote.setting is not None else None,
                    *occasions.stated_days(quote.setting),
                    *marks_around(article.text, quote.start, quote.end),
                ),
            )
            if cursor.rowcount:
                written += 1
                quote_id = _new_id(cursor)
                if quote.type != QuoteType.non_speech:
                    touched.add(self._assign_group(quote_id, speaker_id, quote.text))
        self._apply_corrections(article.id, touched)
        for group_id in touched:
            self._refresh_group(group_id)
        self._write_statements(attributed, speaker_ids)
        self._link_paraphrases_to(touched)
        return written

    # -- reported statements

    def _write_statements(self, attributed: AttributedArticle, speaker_ids: dict[str, int]) -> int:
        """The article's reported statements, each linked to the quote group it paraphrases;
        its partial quotes point to it."""
        article = attributed.article
        written = 0
        for statement in attributed.statements:
            speaker_id = speaker_ids.get(statement.speaker) if statement.speaker else None
            if statement.speaker and speaker_id is None:
                speaker_id = self._speaker_id_for(statement.speaker, statement.speaker_type, article.id, "named by the reported-speech finder")
            held = {  # the quotes inside (or overlapping) its content, whatever their type
                r[0]
                for r in self.conn.execute(
                    'SELECT group_id FROM quotes WHERE article_id = ? AND start < ? AND "end" > ? AND group_id IS NOT NULL',
                    (article.id, statement.end, statement.start),
                )
            }
            link = self._paraphrased_group(speaker_id, statement.text, held)
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO statements (article_id, start, \"end\", text, cue_class, speaker_id, role, mention,"
                " mention_start, mention_end, cue, cue_start, cue_end, rule, resolver, evidence, confidence, context,"
                " paraphrase_group_id, paraphrase_score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, statement.start, statement.end, statement.text, statement.cue_class.value, speaker_id,
                 statement.role, statement.mention, statement.mention_start, statement.mention_end, statement.cue,
                 statement.cue_start, statement.cue_end, statement.rule, statement.resolver, statement.evidence,
                 statement.confidence, statement.context, link[0] if link else None, link[1] if link else None),
            )
            if not cursor.rowcount:
                continue
            written += 1
            statement_id = _new_id(cursor)
            for i in statement.quotes:
                quote = attributed.quotes[i]
                self.conn.execute(
                    'UPDATE quotes SET statement_id = ? WHERE article_id = ? AND start = ? AND "end" = ?',
                    (statement_id, article.id, quote.start, quote.end),
                )
        return written

    def _paraphrased_group(self, speaker_id: int | None, text: str, held: set | frozenset = frozenset()) -> tuple[int, float] | None:
        """The quote group of the same speaker whose wording the statement paraphrases, with
        the score: candidates are the groups sharing two of its content words (the
        grouping's key index), verified against each group's root and canonical wording.
        The groups of the partial quotes the statement itself holds (``held``) are not
        paraphrases of it: they are its own words."""
        if speaker_id is None:
            return None
        keys = grouping.index_keys(text)
        if not keys:
            return None
        marks = ",".join("?" * len(keys))
        hits = dict(self.conn.execute(
            f"SELECT group_id, count(*) FROM group_keys WHERE speaker_key = ? AND key IN ({marks}) GROUP BY group_id",
            (speaker_id, *keys),
        ).fetchall())
        best: tuple[int, float] | None = None
        for group_id in grouping.shortlist(hits, len(keys)):
            if group_id in held:
                continue
            row = self._rows("SELECT root, canonical FROM quote_groups WHERE id = ?", (group_id,))
            if not row:
                continue
            score = max(paraphrase.paraphrase_score(text, row[0]["root"]), paraphrase.paraphrase_score(text, row[0]["canonical"]))
            if score >= paraphrase.MIN_SCORE and (best is None or score > best[1]):
                best = (group_id, score)
        return best

    def _link_paraphrases_to(self, groups: set[int]) -> None:
        """Statements stored before the quote they paraphrase (another article, ingested
        earlier) are linked when the quote's group appears or grows."""
        for group_id in groups:
            row = self._rows("SELECT speaker_id, root, canonical FROM quote_groups WHERE id = ?", (group_id,))
            if not row or row[0]["speaker_id"] is None:
                continue
            for statement in self._rows(
                "SELECT id, text, paraphrase_score FROM statements WHERE speaker_id = ? AND paraphrase_group_id IS NULL"
                " AND id NOT IN (SELECT t.id FROM statements t JOIN quotes q ON q.article_id = t.article_id"
                ' AND q.start < t."end" AND q."end" > t.start WHERE q.group_id = ?)'
                " ORDER BY id DESC LIMIT 1000",
                (row[0]["speaker_id"], group_id),
            ):
                score = max(paraphrase.paraphrase_score(statement["text"], row[0]["root"]),
                            paraphrase.paraphrase_score(statement["text"], row[0]["canonical"]))
                if score >= paraphrase.MIN_SCORE:
                    self.conn.execute("UPDATE statements SET paraphrase_group_id = ?, paraphrase_score = ? WHERE id = ?",
                                      (group_id, score, statement["id"]))

    # -- speakers

    def _resolve_speaker(self, speaker, article_id: str, wordings: list[str] | None = None) -> int:
        return resolve.resolve(_SpeakerRecords(self), speaker, article_id, wordings or [])

    def _new_speaker(self, name: str, kind: SpeakerType) -> int:
        speaker_id = _new_id(self.conn.execute("INSERT INTO speakers (name, type) VALUES (?, ?)", (name, kind.value)))
        self._file_keys(speaker_id, name, kind)
        return speaker_id

    def _file_keys(self, speaker_id: int, name: str, kind: SpeakerType) -> None:
        for key in resolve.blocking_keys(name, kind):
            self.conn.execute("INSERT OR IGNORE INTO speaker_keys VALUES (?, ?)", (key, speaker_id))

    def _speaker_id_for(self, name: str, kind: SpeakerType, article_id: str | None, evidence: str) -> int:
        existing = self._one("SELECT id FROM speakers WHERE name = ? COLLATE NOCASE", (name,))
        if existing is None:
            existing = self._one("SELECT speaker_id FROM speaker_aliases WHERE alias = ? COLLATE NOCASE LIMIT 1", (name,))
        if existing is None:
            existing = self._new_speaker(name, kind)
            self.conn.execute(
                "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, article_id, evidence, kind) VALUES (?, ?, ?, ?, ?)",
                (existing, name, article_id, evidence, resolve.MatchKind.first_seen.value),
            )
        return existing

    # -- groups

    def _assign_group(self, quote_id: int, speaker_id: int | None, text: str) -> int:
        """Put a new occurrence in its group: an identical wording's group, else the best
        matching group root among candidates sharing a key, else a new group. Candidates
        come from every speaker; ``consensus.may_join`` says which may take this wording
        (the decision is grouping.place's and consensus's; this only looks up and records)."""
        block = speaker_id or 0
        normalised = grouping.normalise_quote(text)
        weak = self._weak_quote(quote_id)
        setting, said = self._setting_of(quote_id)
        repeats: dict[int, str] = {}

        def apart(gid: int) -> str | None:
            """Why group ``gid`` holds these words said on another occasion (occasions decides)."""
            if occasions.said_between(setting, said) is None:
                return None  # nothing known of this occurrence's occasion: no member can differ
            why = occasions.apart_from_group(setting, said, self._group_settings(gid))
            if why is not None:
                repeats.setdefault(gid, why)
            return why

        nameless = speaker_id is None or self._one("SELECT type FROM speakers WHERE id = ?", (speaker_id,)) == SpeakerType.unknown.value
        length = len(grouping.words(text))
        same = None
        for gid, group_speaker, group_type in self.conn.execute(
            "SELECT DISTINCT q.group_id, g.speaker_id, s.type FROM quotes q JOIN quote_groups g ON g.id = q.group_id"
            " LEFT JOIN speakers s ON s.id = g.speaker_id WHERE q.normalised = ? AND q.id != ?"
            " ORDER BY g.speaker_id IS NOT ?, q.group_id LIMIT 50",
            (normalised, quote_id, speaker_id),
        ).fetchall():
            group_weak = group_speaker is None or group_type == SpeakerType.unknown.value
            if group_speaker == speaker_id or consensus.crossing_ok(weak, group_weak, _SAME_WORDS, length):
                if apart(gid) is None:
                    same = gid
                    break
        if same is None:
            cross: set[int] = set()  # groups of another speaker: joined only on the words themselves
            shingles = grouping.shingle_keys(text)
            across: dict[int, int] = {}
            for shingle in shingles:
                bucket = self.conn.execute(
                    "SELECT group_id FROM group_shingles WHERE shingle = ? LIMIT ?", (shingle, grouping.MAX_SHINGLE_GROUPS + 1)
                ).fetchall()
                if len(bucket) <= grouping.MAX_SHINGLE_GROUPS:  # a common run of words finds nothing
                    for (gid,) in bucket:
                        across[gid] = across.get(gid, 0) + 1
            need = grouping.min_shared_shingles(len(shingles))
            across = {g: n for g, n in across.items() if n >= need}

            def lookup(keys: list[str], allow_cross: bool = True) -> dict[int, int]:
                """The speaker's own groups sharing the keys, and any speaker's groups sharing
                a run of three content words that this wording may join."""
                hits = lookup_cuts(keys)
                others = self._joinable({g: n for g, n in across.items() if g not in hits}, speaker_id, weak, length, cross)
                for gid, shared in others.items():
                    if allow_cross or gid not in cross:
                        hits[gid] = max(2, shared)
                return hits

            def lookup_cuts(keys: list[str]) -> dict[int, int]:
                if not keys or nameless:  # the block of nobody or of "candidate" would hold every speaker's quotes
                    return {}
                marks = ",".join("?" * len(keys))
                return dict(
                    self.conn.execute(
                        f"SELECT group_id, count(*) FROM group_keys WHERE speaker_key = ? AND key IN ({marks}) GROUP BY group_id",
                        (block, *keys),
                    ).fetchall()
                )

            def root_of(gid: int) -> str:
                return self._one("SELECT root FROM quote_groups WHERE id = ?", (gid,))

            placement = grouping.place(text, lookup, root_of, lookup_cuts, apart)
            if placement.join in cross:
                root = root_of(placement.join)
                match = grouping.similarity(text, root)
                sizes = sorted((length, len(grouping.words(root))))
                if not consensus.crossing_ok(weak, self._group_weak(placement.join), match, *sizes):
                    placement = grouping.place(text, lambda keys: lookup(keys, allow_cross=False), root_of, lookup_cuts, apart)
            if placement.join is None:
                same = _new_id(
                    self.conn.execute("INSERT INTO quote_groups (speaker_id, root, canonical) VALUES (?, ?, ?)", (speaker_id, text, text))
                )
                self._index_group(same, block, text)
            else:
                same = placement.join
                if placement.becomes_root:
                    self.conn.execute("UPDATE quote_groups SET root = ? WHERE id = ?", (text, same))
                    self._index_group(same, block, text)
                for other in placement.absorb:
                    if other not in cross and not self._split_by_hand(other):
                        self._merge(same, other)
        self.conn.execute("UPDATE quotes SET group_id = ? WHERE id = ?", (same, quote_id))
        for other, why in repeats.items():
            if other != same and self._one("SELECT 1 FROM quote_groups WHERE id = ?", (other,)):
                self._link_repeat(same, other, why)
        return same

    def _setting_of(self, quote_id: int) -> tuple[Setting | None, str | None]:
        row = self.conn.execute(
            "SELECT q.setting, a.date FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ?", (quote_id,)
        ).fetchone()
        if row is None:
            return None, None
        return (Setting.model_validate_json(row[0]) if row[0] else None), row[1]

    def _group_settings(self, group_id: int) -> list[tuple[Setting | None, str | None]]:
        """The distinct (setting, article date) of a group's occurrences."""
        return [
            (Setting.model_validate_json(setting) if setting else None, day)
            for setting, day in self.conn.execute(
                "SELECT DISTINCT q.setting, a.date FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.group_id = ?",
                (group_id,),
            )
        ]

    def _link_repeat(self, a: int, b: int, evidence: str) -> None:
        """Record that groups ``a`` and ``b`` are the same line said on two occasions."""
        low, high = sorted((a, b))
        self.conn.execute(
            "INSERT OR IGNORE INTO group_links (group_id, other_group_id, kind, evidence) VALUES (?, ?, 'same_line_repeated', ?)",
            (low, high, evidence),
        )

    def _group_weak(self, group_id: int) -> bool:
        row = self.conn.execute(
            "SELECT g.speaker_id, s.type FROM quote_groups g LEFT JOIN speakers s ON s.id = g.speaker_id WHERE g.id = ?", (group_id,)
        ).fetchone()
        return row is None or row[0] is None or row[1] == SpeakerType.unknown.value

    def _weak_quote(self, quote_id: int) -> bool:
        """Whether an occurrence's own attribution is too weak to hold against the others'
        (consensus.is_weak): no speaker, a description for a name, a low confidence."""
        row = self.conn.execute(
            "SELECT q.speaker_id, q.confidence, q.rule, s.type FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id WHERE q.id = ?",
            (quote_id,),
        ).fetchone()
        if row is None or row[2] == "correction":
            return False
        return consensus.is_weak(row[0], row[3] in (SpeakerType.person.value, SpeakerType.organisation.value), row[1])

    def _joinable(self, hits: dict[int, int], speaker_id: int | None, weak: bool, length: int, cross: set[int]) -> dict[int, int]:
        """The candidate groups a wording may be compared with: its speaker's, and those of
        another speaker that ``consensus.may_consider`` lets it consider (noted in ``cross``:
        joined only if ``consensus.crossing_ok``)."""
        if not hits:
            return hits
        kept: dict[int, int] = {}
        ids = list(hits)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for gid, group_speaker, group_type in self.conn.execute(
                f"SELECT g.id, g.speaker_id, s.type FROM quote_groups g LEFT JOIN speakers s ON s.id = g.speaker_id WHERE g.id IN ({marks})",
                chunk,
            ).fetchall():
                group_weak = group_speaker is None or group_type == SpeakerType.unknown.value
                if group_speaker == speaker_id:
                    kept[gid] = hits[gid]
                elif consensus.may_consider(weak, group_weak, length):
                    kept[gid] = hits[gid]
                    cross.add(gid)
        return kept

    def _split_by_hand(self, group_id: int) -> bool:
        """Whether a user split a wording of this group out on purpose: such a group is
        never merged back automatically."""
        return (
            self._one(
                "SELECT 1 FROM quotes q JOIN corrections c ON c.kind = 'split' AND c.article_id = q.article_id"
                ' AND c.start = q.start AND c."end" = q."end" WHERE q.group_id = ? LIMIT 1',
                (group_id,),
            )
            is not None
        )

    def _index_group(self, group_id: int, block: int, text: str) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO group_keys VALUES (?, ?, ?)", [(block, key, group_id) for key in grouping.index_keys(text)]
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO group_shingles VALUES (?, ?)", [(key, group_id) for key in grouping.shingle_keys(text)]
        )

    def _refresh_group(self, group_id: int) -> None:
        rows = self._rows(
            "SELECT q.text, q.normalised, a.outlet, a.source, a.date, a.seq FROM quotes q JOIN articles a ON a.id = q.article_id"
            " WHERE q.group_id = ? ORDER BY a.seq, q.start",
            (group_id,),
        )
        if not rows:
            self.conn.execute("DELETE FROM group_keys WHERE group_id = ?", (group_id,))
            self.conn.execute(
                "UPDATE statements SET paraphrase_group_id = NULL, paraphrase_score = NULL WHERE paraphrase_group_id = ?", (group_id,)
            )
            self.conn.execute("DELETE FROM group_shingles WHERE group_id = ?", (group_id,))
            self.conn.execute("DELETE FROM group_links WHERE group_id = ? OR other_group_id = ?", (group_id, group_id))
            self.conn.execute("DELETE FROM quote_groups WHERE id = ?", (group_id,))
            return
        counts: dict[str, list] = {}
        for row in rows:
            counts.setdefault(row["normalised"], [row["text"], 0])[1] += 1
        canonical = grouping.canonical_wording([(t, n) for t, n in counts.values()])
        root = max((r["text"] for r in rows), key=lambda t: len(grouping.words(t)))
        outlets = {r["outlet"] or r["source"] for r in rows}
        dates = [r["date"] for r in rows if r["date"]]
        self.conn.execute(
            "UPDATE quote_groups SET canonical = ?, root = ?, wordings = ?, occurrences = ?, outlets = ?,"
            " first_seen = ?, last_seen = ? WHERE id = ?",
            (canonical, root, len(counts), len(rows), len(outlets), min(dates, default=None), max(dates, default=None), group_id),
        )
        self._vote(group_id)

    def _vote(self, group_id: int) -> None:
        """Every occurrence of the group votes on its speaker (consensus.decide); the
        verdicts are recorded on the occurrences, the agreed speaker on the group."""
        rows = self._rows(
            "SELECT q.id, q.article_id, q.speaker_id, q.attributed_speaker_id, q.confidence, q.rule, q.speaker_basis,"
            " q.speaker_evidence, q.speaker_confidence, q.conflict, s.type FROM quotes q"
            " LEFT JOIN speakers s ON s.id = COALESCE(CASE WHEN q.rule = 'correction' THEN q.speaker_id END, q.attributed_speaker_id)"
            " JOIN articles a ON a.id = q.article_id WHERE q.group_id = ? ORDER BY a.seq, q.start",
            (group_id,),
        )
        voters = [
            consensus.Voter(
                r["id"],
                r["article_id"],
                r["speaker_id"] if r["rule"] == "correction" else r["attributed_speaker_id"],
                r["confidence"],
                r["type"] in (SpeakerType.person.value, SpeakerType.organisation.value),
                corrected=r["rule"] == "correction",
            )
            for r in rows
        ]
        verdicts = consensus.decide(voters)
        names: dict[int, str] = {}

        def name(speaker_id: int) -> str:
            if speaker_id not in names:
                names[speaker_id] = self._one("SELECT name FROM speakers WHERE id = ?", (speaker_id,)) or "?"
            return names[speaker_id]

        for row, verdict in zip(rows, verdicts):
            evidence = None
            if (
                verdict.agreed_speaker_id is not None
                and verdict.agreeing_articles
                and verdict.basis != consensus.Basis.correction
                and (verdict.basis == consensus.Basis.agreed or verdict.conflict)
            ):
                evidence = consensus.evidence(verdict.agreeing_articles, name(verdict.agreed_speaker_id))
            update = (verdict.speaker_id, verdict.basis.value, evidence, verdict.confidence, int(verdict.conflict))
            current = (
                row["speaker_id"],
                row["speaker_basis"],
                row["speaker_evidence"],
                row["speaker_confidence"],
                row["conflict"],
            )
            if update != current:
                self.conn.execute(
                    "UPDATE quotes SET speaker_id = ?, speaker_basis = ?, speaker_evidence = ?, speaker_confidence = ?, conflict = ?"
                    " WHERE id = ?",
                    (*update, row["id"]),
                )
        if verdicts and verdicts[0].agreed_speaker_id is not None:
            self.conn.execute("UPDATE quote_groups SET speaker_id = ? WHERE id = ?", (verdicts[0].agreed_speaker_id, group_id))

    # -- corrections

    def _quote_key(self, quote_id: int) -> tuple[str, int, int]:
        row = self.conn.execute('SELECT article_id, start, "end" FROM quotes WHERE id = ?', (quote_id,)).fetchone()
        if row is None:
            raise StoreError(f"no quote {quote_id}")
        return row

    def _quote_by_key(self, article_id, start, end) -> int | None:
        return self._one('SELECT id FROM quotes WHERE article_id = ? AND start = ? AND "end" = ?', (article_id, start, end))

    def _in_transaction(self, fn):
        self.require_writable()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            result = fn()
            self.conn.execute("COMMIT")
            return result
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def merge_groups(self, keep: int, absorb: int, across_speakers: bool = False) -> None:
        """Put every occurrence of group ``absorb`` into group ``keep`` (recorded, so it
        holds when the groups are rebuilt). Groups of two different speakers are merged
        only with ``across_speakers``: each quote keeps its own speaker (attribution is
        unchanged) and the merged group is filed under ``keep``'s speaker."""
        if keep == absorb:
            raise StoreError(f"cannot merge group {keep} into itself")

        def run():
            speakers = {}
            for gid in (keep, absorb):
                row = self._rows(
                    "SELECT g.speaker_id, s.name FROM quote_groups g LEFT JOIN speakers s ON s.id = g.speaker_id WHERE g.id = ?",
                    (gid,),
                )
                if not row:
                    raise StoreError(f"no group {gid}")
                speakers[gid] = row[0]
            if speakers[keep]["speaker_id"] != speakers[absorb]["speaker_id"] and not across_speakers:
                raise StoreError(
                    f"group {absorb} ({speakers[absorb]['name'] or 'unknown speaker'}) and group {keep} "
                    f"({speakers[keep]['name'] or 'unknown speaker'}) have different speakers; merging them needs "
                    "--across-speakers (each quote keeps its own speaker)"
                )
            a = self._one("SELECT id FROM quotes WHERE group_id = ? ORDER BY id LIMIT 1", (keep,))
            b = self._one("SELECT id FROM quotes WHERE group_id = ? ORDER BY id LIMIT 1", (absorb,))
            self._record("merge", a, other=b)
            self._merge(keep, absorb)

        self._in_transaction(run)

    def _merge(self, keep: int, absorb: int) -> None:
        self.conn.execute("UPDATE quotes SET group_id = ? WHERE group_id = ?", (keep, absorb))
        self.conn.execute("UPDATE OR IGNORE group_keys SET group_id = ? WHERE group_id = ?", (keep, absorb))
        self.conn.execute("UPDATE statements SET paraphrase_group_id = ? WHERE paraphrase_group_id = ?", (keep, absorb))
        self.conn.execute("UPDATE OR IGNORE group_shingles SET group_id = ? WHERE group_id = ?", (keep, absorb))
        # the absorbed group's repeat links now belong to the merged group
        for (other, evidence) in self.conn.execute(
            "SELECT CASE WHEN group_id = ? THEN other_group_id ELSE group_id END, evidence FROM group_links"
            " WHERE group_id = ? OR other_group_id = ?",
            (absorb, absorb, absorb),
        ).fetchall():
            if other != keep:
                self._link_repeat(keep, other, evidence)
        self.conn.execute("DELETE FROM group_links WHERE group_id = ? OR other_group_id = ?", (absorb, absorb))
        self._refresh_group(keep)
        self._refresh_group(absorb)

    def split_quote(self, quote_id: int) -> int:
        """Take one occurrence out of its group into a group of its own."""

        def run():
            self._record("split", quote_id)
            return self._split(quote_id)

        return self._in_transaction(run)

    def _split(self, quote_id: int) -> int:
        row = self._rows("SELECT speaker_id, text, group_id FROM quotes WHERE id = ?", (quote_id,))[0]
        new = _new_id(
            self.conn.execute(
                "INSERT INTO quote_groups (speaker_id, root, canonical) VALUES (?, ?, ?)",
                (row["speaker_id"], row["text"], row["text"]),
            )
        )
        self.conn.execute("UPDATE quotes SET group_id = ? WHERE id = ?", (new, quote_id))
        for gid in (row["group_id"], new):
            if gid is not None:
                self._refresh_group(gid)
        return new

    def reassign_quote(self, quote_id: int, speaker_name: str) -> int:
        """Give one occurrence another speaker (created if new); it leaves its group for
        the matching group of the new speaker."""
        speaker_name = " ".join((speaker_name or "").split())
        if not speaker_name:
            raise StoreError("a speaker's name cannot be blank")

        def run():
            self._record("reassign", quote_id, speaker=speaker_name)
            return self._reassign(quote_id, speaker_name)

        return self._in_transaction(run)

    def _reassign(self, quote_id: int, speaker_name: str) -> int:
        speaker = self.find_speaker(speaker_name)
        speaker_id = (
            speaker.id if speaker else self._speaker_id_for(speaker_name, SpeakerType.person, None, "set by a correction")
        )
        row = self._rows("SELECT text, group_id, article_id FROM quotes WHERE id = ?", (quote_id,))[0]
        self.conn.execute(
            "UPDATE quotes SET speaker_id = ?, group_id = NULL, rule = 'correction', resolver = NULL, confidence = 1.0,"
            " speaker_basis = 'correction', speaker_evidence = NULL, speaker_confidence = 1.0, conflict = 0 WHERE id = ?",
            (speaker_id, quote_id),
        )
        if row["group_id"] is not None:
            self._refresh_group(row["group_id"])
        new_group = self._assign_group(quote_id, speaker_id, row["text"])
        self._refresh_group(new_group)
        return speaker_id

    def _record(self, kind: str, quote_id: int, other: int | None = None, speaker: str | None = None) -> None:
        article_id, start, end = self._quote_key(quote_id)
        other_key = self._quote_key(other) if other is not None else (None, None, None)
        self.conn.execute(
            'INSERT INTO corrections (kind, article_id, start, "end", other_article_id, other_start, other_end, speaker, created_at)'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (kind, article_id, start, end, *other_key, speaker, _now()),
        )

    def _apply_corrections(self, article_id: str | None, touched: set[int]) -> None:
        """Replay recorded corrections that concern ``article_id`` (or all, for None)."""
        where = "" if article_id is None else "WHERE article_id = ? OR other_article_id = ?"
        params = () if article_id is None else (article_id, article_id)
        for row in self._rows(f"SELECT * FROM corrections {where} ORDER BY id", params):
            quote_id = self._quote_by_key(row["article_id"], row["start"], row["end"])
            if quote_id is None:
                continue
            if row["kind"] == "reassign":
                self._reassign(quote_id, row["speaker"])
            elif row["kind"] == "split":
                self._split(quote_id)
            elif row["kind"] == "merge":
                other = self._quote_by_key(row["other_article_id"], row["other_start"], row["other_end"])
                if other is not None:
                    a = self._one("SELECT group_id FROM quotes WHERE id = ?", (quote_id,))
                    b = self._one("SELECT group_id FROM quotes WHERE id = ?", (other,))
                    if a and b and a != b:
                        self._merge(a, b)

    def regroup(self) -> int:
        """Rebuild every group from the quotes, in ingest order, then replay the recorded
        corrections. Returns the number of groups."""

        def run():
            # from scratch: every occurrence back to its own article's speaker; corrections are replayed below
            self.conn.execute(
                "UPDATE quotes SET group_id = NULL, speaker_id = attributed_speaker_id, speaker_basis = 'article',"
                " speaker_evidence = NULL, speaker_confidence = confidence, conflict = 0"
            )
            self.conn.execute("DELETE FROM group_keys")
            self.conn.execute("UPDATE statements SET paraphrase_group_id = NULL, paraphrase_score = NULL")
            self.conn.execute("DELETE FROM group_shingles")
            self.conn.execute("DELETE FROM group_links")
            self.conn.execute("DELETE FROM quote_groups")
            touched = set()
            for row in self._rows(
                "SELECT q.id, q.speaker_id, q.text FROM quotes q JOIN articles a ON a.id = q.article_id"
                " WHERE q.type != 'non_speech' ORDER BY a.seq, q.start"
            ):
                touched.add(self._assign_group(row["id"], row["speaker_id"], row["text"]))
            for gid in touched:
                self._refresh_group(gid)
            self._apply_corrections(None, set())
            for statement in self._rows("SELECT id, speaker_id, text FROM statements WHERE speaker_id IS NOT NULL"):
                held = {
                    r[0]
                    for r in self.conn.execute(
                        'SELECT q.group_id FROM quotes q JOIN statements t ON t.article_id = q.article_id AND q.start < t."end"'
                        ' AND q."end" > t.start WHERE t.id = ?',
                        (statement["id"],),
                    )
                }
                link = self._paraphrased_group(statement["speaker_id"], statement["text"], held)
                if link is not None:
                    self.conn.execute(
                        "UPDATE statements SET paraphrase_group_id = ?, paraphrase_score = ? WHERE id = ?", (*link, statement["id"])
                    )
            return self._one("SELECT count(*) FROM quote_groups")

        return self._in_transaction(run)

    # ------------------------------------------------------------------ reads

    def stats(self) -> dict[str, int]:
        return {
            "articles": self._one("SELECT count(*) FROM articles"),
            "quotes": self._one("SELECT count(*) FROM quotes"),
            "speakers": self._one("SELECT count(*) FROM speakers"),
            "groups": self._one("SELECT count(*) FROM quote_groups"),
            "statements": self._one("SELECT count(*) FROM statements"),
        }

    def _speaker_summaries(self, where: str, params, limit: int, offset: int) -> list[SpeakerSummary]:
        rows = self._rows(
            f"""SELECT s.id, s.name, s.type, s.party,
                   (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes,
                   (SELECT count(*) FROM quote_groups g WHERE g.speaker_id = s.id) AS groups,
                   (SELECT count(*) FROM statements t WHERE t.speaker_id = s.id) AS statements
                FROM speakers s {where}
                ORDER BY quotes DESC, s.name LIMIT ? OFFSET ?""",
            (*params, _count(limit), _count(offset)),
        )
        out = []
        for row in rows:
            # one role per meaning (role_key: spelling variants, curly apostrophes, a leading
            # article), the most frequent recent one first, each with every article it came from
            details = self._role_details(row["id"])
            aliases = [
                r["alias"]
                for r in self._rows(
                    "SELECT DISTINCT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", (row["id"],)
                )
            ]
            outlets = [
                r["o"]
                for r in self._rows(
                    "SELECT DISTINCT COALESCE(a.outlet, a.source) AS o FROM quotes q JOIN articles a ON a.id = q.article_id"
                    " WHERE q.speaker_id = ? ORDER BY o LIMIT 50",
                    (row["id"],),
                )
            ]
            out.append(
                SpeakerSummary(
                    id=row["id"],
                    name=row["name"],
                    type=SpeakerType(row["type"]),
                    roles=[d.role for d in details],
                    role_sources={d.role: d.sources for d in details},
                    role_details=details,
                    party=row["party"],
                    aliases=aliases,
                    quotes=row["quotes"],
                    groups=row["groups"],
                    outlets=outlets,
                    statements=row["statements"],
                )
            )
        return out

    def _role_details(self, speaker_id: int) -> list[RoleSummary]:
        return role_meanings(
            self._rows(
                "SELECT r.role, r.role_key, r.article_id, a.date, a.ingested_at, a.seq,"
                " COALESCE(a.outlet, a.url, a.source) AS source FROM speaker_roles r"
                " JOIN articles a ON a.id = r.article_id WHERE r.speaker_id = ? ORDER BY r.rowid",
                (speaker_id,),
            )
        )

    def lead_role(self, speaker_id: int) -> str | None:
        """The speaker's most frequent recent role (``role_meanings``), or None."""
        details = self._role_details(speaker_id)
        return details[0].role if details else None

    @staticmethod
    def _speaker_filter(filter: str | None) -> tuple[str, tuple]:
        if filter and filter.strip():
            like = f"%{filter.strip()}%"
            return "WHERE s.name LIKE ? OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?)", (like, like)
        return "", ()

    def speakers(self, filter: str | None = None, limit: int = 100, offset: int = 0) -> list[SpeakerSummary]:
        """Speakers with their counts, most quoted first; ``filter`` matches name or alias."""
        where, params = self._speaker_filter(filter)
        return self._speaker_summaries(where, params, limit, offset)

    def speaker_count(self, filter: str | None = None) -> int:
        """How many speakers ``speakers(filter)`` lists without a limit."""
        where, params = self._speaker_filter(filter)
        return self._one(f"SELECT count(*) FROM speakers s {where}", params)

    def find_speaker(self, name: str) -> SpeakerSummary | None:
        found = self._one("SELECT id FROM speakers WHERE name = ? COLLATE NOCASE", (name,))
        if found is None:
            found = self._one("SELECT speaker_id FROM speaker_aliases WHERE alias = ? COLLATE NOCASE LIMIT 1", (name,))
        return self.speaker(found) if found is not None else None

    def speaker(self, speaker_id: int) -> SpeakerSummary | None:
        found = self._speaker_summaries("WHERE s.id = ?", (speaker_id,), 1, 0)
        return found[0] if found else None

    def _group_summary(self, row: dict) -> GroupSummary:
        return GroupSummary(
            id=row["id"],
            speaker_id=row["speaker_id"],
            speaker=row["speaker"],
            canonical=row["canonical"],
            wordings=row["wordings"],
            occurrences=row["occurrences"],
            outlets=row["outlets"],
            first_seen=row["first_seen"],
            last_seen=row["last_seen"],
        )

    _GROUP_SELECT = "SELECT g.*, s.name AS speaker FROM quote_groups g LEFT JOIN speakers s ON s.id = g.speaker_id"

    def groups(self, speaker_id: int | None = None, limit: int = 100, offset: int = 0) -> list[GroupSummary]:
        where, params = ("WHERE g.speaker_id = ?", (speaker_id,)) if speaker_id is not None else ("", ())
        rows = self._rows(
            f"{self._GROUP_SELECT} {where} ORDER BY g.occurrences DESC, g.id LIMIT ? OFFSET ?",
            (*params, _count(limit), _count(offset)),
        )
        return [self._group_summary(r) for r in rows]

    _OCCURRENCE_SELECT = """SELECT q.*, s.name AS speaker, own.name AS attributed_speaker, a.source, a.url, a.outlet, a.title, a.date
        FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id
        LEFT JOIN speakers own ON own.id = q.attributed_speaker_id"""

    def _occurrence(self, row: dict, canonical: str | None = None, diffs: dict | None = None) -> Occurrence:
        diff: list = []
        if canonical is None:
            pass
        elif diffs is not None:
            # a group prints the same wording many times: one diff per distinct wording
            cached = diffs.get(row["text"])
            if cached is None:
                cached = diffs[row["text"]] = word_diff(canonical, row["text"])
            diff = cached
        else:
            diff = word_diff(canonical, row["text"])
        setting = Setting.model_validate_json(row["setting"]) if row.get("setting") else None
        return Occurrence(
            id=row["id"],
            group_id=row["group_id"],
            article_id=row["article_id"],
            text=row["text"],
            start=row["start"],
            end=row["end"],
            type=QuoteType(row["type"]),
            speaker_id=row["speaker_id"],
            speaker=row["speaker"],
            role=row["role"],
            mention=row["mention"],
            mention_start=row["mention_start"],
            mention_end=row["mention_end"],
            cue=row["cue"],
            cue_start=row["cue_start"],
            cue_end=row["cue_end"],
            rule=row["rule"],
            resolver=row["resolver"],
            confidence=row["confidence"],
            context=row["context"],
            source=row["url"] or row["source"],
            outlet=row["outlet"],
            title=row["title"],
            date=row["date"],
            diff=diff,
            attributed_speaker_id=row.get("attributed_speaker_id"),
            attributed_speaker=row.get("attributed_speaker"),
            speaker_basis=row.get("speaker_basis") or "article",
            speaker_evidence=row.get("speaker_evidence"),
            speaker_confidence=row.get("speaker_confidence"),
            conflict=bool(row.get("conflict")),
            setting=setting,
            occasion=occasions.describe(setting, row["date"]) if setting is not None and setting.occasions else None,
            open_mark=row.get("open_mark") or "",
            close_mark=row.get("close_mark") or "",
        )

    def group_exists(self, group_id: int) -> bool:
        """Whether the group is still there (a merge removes the group merged away)."""
        return self._one("SELECT 1 FROM quote_groups WHERE id = ?", (group_id,)) is not None

    def group(self, group_id: int, diffs: bool = True, lead_roles: dict | None = None) -> GroupDetail | None:
        """A group with every occurrence in ingest order; ``diffs=False`` leaves each
        occurrence's diff against the canonical wording empty (the timeline does not need
        them, and a group printed a thousand times has hundreds of wordings to diff)."""
        rows = self._rows(f"{self._GROUP_SELECT} WHERE g.id = ?", (group_id,))
        if not rows:
            return None
        summary = self._group_summary(rows[0])
        memo: dict = {}
        occurrences = [
            self._occurrence(r, summary.canonical if diffs else None, memo)
            for r in self._rows(f"{self._OCCURRENCE_SELECT} WHERE q.group_id = ? ORDER BY a.seq, q.start", (group_id,))
        ]
        # the speaker's most frequent recent role across the index, as the speaker index
        # shows it (``lead_roles``: a speaker -> role memo for a whole sheet); an occurrence's
        # own article's role when the speaker has none stored
        role = None
        if summary.speaker_id is not None:
            memo_roles = lead_roles if lead_roles is not None else {}
            if summary.speaker_id not in memo_roles:
                memo_roles[summary.speaker_id] = self.lead_role(summary.speaker_id)
            role = memo_roles[summary.speaker_id]
        role = role or next((o.role for o in occurrences if o.role), None)
        reported = [self._statement(r) for r in self._rows(f"{self._STATEMENT_SELECT} WHERE t.paraphrase_group_id = ? ORDER BY a.seq, t.start", (group_id,))]
        return GroupDetail(group=summary, role=role, occurrences=occurrences, reported=reported, repeated=self.repeated_lines(group_id))

    def repeated_lines(self, group_id: int) -> list[RepeatedLine]:
        """The groups linked to this one as the same line said on another occasion, each with
        when it was said there (its first occurrence stating a time, else its first)."""
        found = []
        for other, evidence in self.conn.execute(
            "SELECT CASE WHEN group_id = ? THEN other_group_id ELSE group_id END, evidence FROM group_links"
            " WHERE (group_id = ? OR other_group_id = ?) AND kind = 'same_line_repeated' ORDER BY 1",
            (group_id, group_id, group_id),
        ).fetchall():
            head = self._rows("SELECT canonical, first_seen FROM quote_groups WHERE id = ?", (other,))
            first = self._rows(
                "SELECT q.setting, a.date FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.group_id = ?"
                " ORDER BY q.said_from IS NULL, a.seq, q.start LIMIT 1",
                (other,),
            )
            if not head or not first:
                continue
            setting = Setting.model_validate_json(first[0]["setting"]) if first[0]["setting"] else None
            found.append(
                RepeatedLine(
                    group_id=other,
                    canonical=head[0]["canonical"],
                    said=occasions.describe(setting, first[0]["date"]),
                    first_seen=head[0]["first_seen"],
                    evidence=evidence or "",
                )
            )
        return found

    _STATEMENT_SELECT = """SELECT t.*, sp.name AS speaker, a.source, a.url, a.outlet, a.title, a.date, g.canonical AS paraphrase_canonical
        FROM statements t JOIN articles a ON a.id = t.article_id LEFT JOIN speakers sp ON sp.id = t.speaker_id
        LEFT JOIN quote_groups g ON g.id = t.paraphrase_group_id"""

    def _statement(self, row: dict) -> Statement:
        quote_ids = [r[0] for r in self.conn.execute("SELECT id FROM quotes WHERE statement_id = ? ORDER BY start", (row["id"],))]
        return Statement(
            id=row["id"], article_id=row["article_id"], text=row["text"], start=row["start"], end=row["end"],
            cue_class=CueClass(row["cue_class"]), speaker_id=row["speaker_id"], speaker=row["speaker"], role=row["role"],
            mention=row["mention"], mention_start=row["mention_start"], mention_end=row["mention_end"], cue=row["cue"],
            cue_start=row["cue_start"], cue_end=row["cue_end"], rule=row["rule"], resolver=row["resolver"],
            confidence=row["confidence"], context=row["context"], source=row["url"] or row["source"], outlet=row["outlet"],
            title=row["title"], date=row["date"], paraphrase_group_id=row["paraphrase_group_id"],
            paraphrase_score=row["paraphrase_score"], paraphrase_canonical=row["paraphrase_canonical"], quote_ids=quote_ids,
        )

    @staticmethod
    def _statement_filter(speaker_id: int | None, cue_class: CueClass | str | None) -> tuple[str, list[int | str]]:
        clauses: list[str] = []
        params: list[int | str] = []
        if speaker_id is not None:
            clauses.append("t.speaker_id = ?")
            params.append(speaker_id)
        if cue_class is not None:
            clauses.append("t.cue_class = ?")
            params.append(CueClass(cue_class).value)
        return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params

    def statements(self, speaker_id: int | None = None, cue_class: CueClass | str | None = None, limit: int = 100,
                   offset: int = 0) -> list[Statement]:
        """Reported statements in ingest order, optionally of one speaker and one cue class."""
        where, params = self._statement_filter(speaker_id, cue_class)
        rows = self._rows(f"{self._STATEMENT_SELECT} {where} ORDER BY a.seq, t.start LIMIT ? OFFSET ?",
                          (*params, _count(limit), _count(offset)))
        return [self._statement(r) for r in rows]

    def statement_count(self, speaker_id: int | None = None, cue_class: CueClass | str | None = None) -> int:
        """How many statements ``statements(speaker_id, cue_class)`` lists without a limit."""
        where, params = self._statement_filter(speaker_id, cue_class)
        return self._one(f"SELECT count(*) FROM statements t {where}", params)

    def statement(self, statement_id: int) -> Statement | None:
        rows = self._rows(f"{self._STATEMENT_SELECT} WHERE t.id = ?", (statement_id,))
        return self._statement(rows[0]) if rows else None

    def quotes(self, speaker_id: int | None = None, limit: int = 100, offset: int = 0) -> list[Occurrence]:
        where, params = ("WHERE q.speaker_id = ?", (speaker_id,)) if speaker_id is not None else ("", ())
        rows = self._rows(
            f"{self._OCCURRENCE_SELECT} {where} ORDER BY a.seq, q.start LIMIT ? OFFSET ?",
            (*params, _count(limit), _count(offset)),
        )
        return [self._occurrence(r) for r in rows]

    def non_speech(self, speaker_id: int | None = None, page: int = 1000) -> Iterator[Occurrence]:
        """The strings in quote marks that nobody speaks (titles, names, scare quotes: type
        ``non_speech``, never in a group), in ingest order, streamed."""
        where, params = "WHERE q.type = 'non_speech'", []
        if speaker_id is not None:
            where, params = where + " AND q.speaker_id = ?", [speaker_id]
        offset = 0
        while True:
            rows = self._rows(f"{self._OCCURRENCE_SELECT} {where} ORDER BY a.seq, q.start LIMIT ? OFFSET ?", (*params, page, offset))
            yield from (self._occurrence(r) for r in rows)
            if len(rows) < page:
                return
            offset += page

    def quote_count(self, speaker_id: int | None = None) -> int:
        """How many quotes ``quotes(speaker_id)`` lists without a limit."""
        if speaker_id is None:
            return self._one("SELECT count(*) FROM quotes")
        return self._one("SELECT count(*) FROM quotes WHERE speaker_id = ?", (speaker_id,))

    def quote(self, quote_id: int) -> Occurrence | None:
        rows = self._rows(f"{self._OCCURRENCE_SELECT} WHERE q.id = ?", (quote_id,))
        if not rows:
            return None
        canonical = self._one("SELECT canonical FROM quote_groups WHERE id = ?", (rows[0]["group_id"],))
        return self._occurrence(rows[0], canonical)

    def conflicts(self, limit: int = 100, offset: int = 0) -> list[Occurrence]:
        """Occurrences whose confident speaker contradicts the speaker the other occurrences
        of the same words agree on, by group."""
        rows = self._rows(
            f"{self._OCCURRENCE_SELECT} WHERE q.conflict = 1 ORDER BY q.group_id, a.seq, q.start LIMIT ? OFFSET ?",
            (_count(limit), _count(offset)),
        )
        return [self._occurrence(r) for r in rows]

    def conflict_count(self) -> int:
        return self._one("SELECT count(*) FROM quotes WHERE conflict = 1")

    def search_counts(self, text: str) -> dict[str, int]:
        """How many hits of each kind (``speaker``, ``quote``, ``reported``) ``search(text)``
        has without a limit."""
        query = fts_query(text)
        if query is None:
            return {"speaker": 0, "quote": 0, "reported": 0}
        return {
            kind: self._one(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (query,))
            for kind, table in (("speaker", "speakers_fts"), ("quote", "quotes_fts"), ("reported", "statements_fts"))
        }

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over quotes and speaker names. Any input is safe. Results come in
        index order, not by relevance: ranking every match of a one-letter prefix over a million
        quotes would make search-as-you-type lag."""
        query = fts_query(text)
        if query is None:
            return []
        limit = _count(limit)
        hits = [
            SearchHit(kind="speaker", speaker_id=r["id"], speaker=r["name"], text=r["name"])
            for r in self._rows(
                "SELECT s.id, s.name FROM speakers_fts f JOIN speakers s ON s.rowid = f.rowid WHERE speakers_fts MATCH ? LIMIT ?",
                (query, limit),
            )
        ]
        for r in self._rows(
            "SELECT q.id, q.group_id, q.speaker_id, s.name AS speaker, q.text,"
            f" snippet(quotes_fts, 0, '{_MATCH_OPEN}', '{_MATCH_CLOSE}', '…', 12) AS snip"
            " FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid LEFT JOIN speakers s ON s.id = q.speaker_id"
            " WHERE quotes_fts MATCH ? LIMIT ?",
            (query, limit),
        ):
            snippet, spans = split_snippet(r["snip"] or "")
            hits.append(SearchHit(kind="quote", quote_id=r["id"], group_id=r["group_id"], speaker_id=r["speaker_id"],
                                  speaker=r["speaker"], text=r["text"], snippet=snippet, highlights=spans))
        for r in self._rows(
            "SELECT t.id, t.paraphrase_group_id, t.speaker_id, s.name AS speaker, t.text,"
            f" snippet(statements_fts, 0, '{_MATCH_OPEN}', '{_MATCH_CLOSE}', '…', 12) AS snip"
            " FROM statements_fts f JOIN statements t ON t.rowid = f.rowid LEFT JOIN speakers s ON s.id = t.speaker_id"
            " WHERE statements_fts MATCH ? LIMIT ?",
            (query, limit),
        ):
            snippet, spans = split_snippet(r["snip"] or "")
            hits.append(SearchHit(kind="reported", statement_id=r["id"], group_id=r["paraphrase_group_id"],
                                  speaker_id=r["speaker_id"], speaker=r["speaker"], text=r["text"], snippet=snippet,
                                  highlights=spans))
        return hits

    def article(self, article_id: str) -> Article | None:
        rows = self._rows("SELECT * FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        r = rows[0]
        return Article(
            id=r["id"],
            text=r["text"],
            source=r["source"],
            title=r["title"],
            outlet=r["outlet"],
            date=r["date"],
            url=r["url"],
            authors=json.loads(r["authors"] or "[]"),
            previous_id=r.get("previous_id"),
        )

    def versions(self, article_id: str) -> list[Article]:
        """Every version of an article (the same URL, changed text), oldest first; just the
        article itself when it has no other version, [] for an unknown id."""
        start = self._one("SELECT url FROM articles WHERE id = ?", (article_id,))
        if start is None:
            return [a for a in [self.article(article_id)] if a]
        ids = [r[0] for r in self.conn.execute("SELECT id FROM articles WHERE url = ? ORDER BY seq", (start,))]
        return [a for a in (self.article(i) for i in ids) if a]

    def sheet(self, speaker_id: int | None = None, group_id: int | None = None) -> Iterator[GroupDetail]:
        """Groups with all their occurrences, streamed (for exports of any size), in the order
        a reader wants them: groups with a speaker first, then the unattributed ones (film
        titles, slogans, statements nobody is named for); within each, the most reprinted
        first, then the most recently seen."""
        if group_id is not None:
            detail = self.group(group_id)
            if detail:
                yield detail
            return
        where, params = ("WHERE speaker_id = ?", (speaker_id,)) if speaker_id is not None else ("", ())
        ids = [
            r[0]
            for r in self.conn.execute(
                f"SELECT id FROM quote_groups {where}"
                " ORDER BY speaker_id IS NULL, occurrences DESC, last_seen IS NULL, last_seen DESC, id",
                params,
            )
        ]
        lead_roles: dict[int, str | None] = {}
        for gid in ids:
            detail = self.group(gid, lead_roles=lead_roles)
            if detail:
                yield detail
