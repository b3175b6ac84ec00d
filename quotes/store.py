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
import re
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

import sqlite_utils
from sqlite_utils import Migrations

from quotes import grouping, resolve
from quotes.models import (
    Article,
    AttributedArticle,
    GroupDetail,
    GroupSummary,
    IngestOutcome,
    Occurrence,
    QuoteType,
    SearchHit,
    SpeakerSummary,
    SpeakerType,
)
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
    db["quotes"].enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db["speakers"].enable_fts(["name"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


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


class StoreError(RuntimeError):
    pass


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


class Store:
    def __init__(self, path: str | Path):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA busy_timeout = 30000")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        # 64 MB of page cache instead of SQLite's 2 MB: grouping reads keys and roots all
        # over a large file (bench/bench_store.py)
        self.conn.execute("PRAGMA cache_size = -65536")
        self.db = sqlite_utils.Database(self.conn)
        migrations.apply(self.db)

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
        article = attributed.article
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has_article(article.id):
                self.conn.execute("ROLLBACK")
                return IngestOutcome(article_id=article.id, source=article.source, status="present")
            count = self._write_article(attributed)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return IngestOutcome(article_id=article.id, source=article.source, status="added", quotes=count)

    def _write_article(self, attributed: AttributedArticle) -> int:
        article = attributed.article
        seq = (self._one("SELECT max(seq) FROM articles") or 0) + 1
        self.conn.execute(
            "INSERT INTO articles (id, source, url, outlet, title, date, authors, text, ingested_at, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article.id, article.source, article.url, article.outlet, article.title, article.date,
             json.dumps(article.authors), article.text, _now(), seq),
        )
        speaker_ids = {s.name: self._resolve_speaker(s, article.id) for s in attributed.speakers}
        touched: set[int] = set()
        written = 0
        for quote in attributed.quotes:
            speaker_id = speaker_ids.get(quote.speaker) if quote.speaker else None
            if quote.speaker and speaker_id is None:
                speaker_id = self._speaker_id_for(quote.speaker, quote.speaker_type, article.id, "named by the attributor")
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO quotes (article_id, start, \"end\", text, normalised, type, speaker_id, role,"
                " mention, mention_start, mention_end, cue, cue_start, cue_end, rule, evidence, confidence, context)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, quote.start, quote.end, quote.text, grouping.normalise_quote(quote.text),
                 quote.type.value, speaker_id, quote.role, quote.mention, quote.mention_start, quote.mention_end,
                 quote.cue, quote.cue_start, quote.cue_end, quote.rule, quote.evidence, quote.confidence, quote.context),
            )
            if cursor.rowcount:
                written += 1
                quote_id = cursor.lastrowid
                if quote.type != QuoteType.non_speech:
                    touched.add(self._assign_group(quote_id, speaker_id, quote.text))
        self._apply_corrections(article.id, touched)
        for group_id in touched:
            self._refresh_group(group_id)
        return written

    # -- speakers

    def _resolve_speaker(self, speaker, article_id: str) -> int:
        kind = speaker.type
        keys = resolve.lookup_keys(speaker.name, kind)
        candidates = {}
        for key in keys:
            for row in self._rows("SELECT s.id, s.name, s.type FROM speaker_keys k JOIN speakers s ON s.id = k.speaker_id WHERE k.key = ?", (key,)):
                candidates[row["id"]] = row
        matched, evidence, best = None, None, 0
        for row in candidates.values():
            roles = tuple(r["role"] for r in self._rows("SELECT DISTINCT role FROM speaker_roles WHERE speaker_id = ?", (row["id"],)))
            found = resolve.same_speaker(speaker.name, kind, speaker.roles,
                                         resolve.Candidate(row["id"], row["name"], SpeakerType(row["type"]), roles))
            strength = resolve.evidence_strength(found, row["name"])
            if strength > best:
                matched, evidence, best = row, found, strength
        if matched is None:
            speaker_id = self._new_speaker(speaker.name, kind)
            evidence = "first seen"
        else:
            speaker_id = matched["id"]
            better = resolve.better_name(matched["name"], speaker.name)
            if better != matched["name"]:
                self.conn.execute("UPDATE speakers SET name = ? WHERE id = ?", (better, speaker_id))
                self._file_keys(speaker_id, better, kind)
        for alias in {speaker.name, *speaker.aliases}:
            self.conn.execute("INSERT OR IGNORE INTO speaker_aliases VALUES (?, ?, ?, ?)", (speaker_id, alias, article_id, evidence))
        for role in speaker.roles:
            self.conn.execute("INSERT OR IGNORE INTO speaker_roles VALUES (?, ?, ?)", (speaker_id, role, article_id))
        return speaker_id

    def _new_speaker(self, name: str, kind: SpeakerType) -> int:
        speaker_id = self.conn.execute("INSERT INTO speakers (name, type) VALUES (?, ?)", (name, kind.value)).lastrowid
        self._file_keys(speaker_id, name, kind)
        return speaker_id

    def _file_keys(self, speaker_id: int, name: str, kind: SpeakerType) -> None:
        for key in resolve.blocking_keys(name, kind):
            self.conn.execute("INSERT OR IGNORE INTO speaker_keys VALUES (?, ?)", (key, speaker_id))

    def _speaker_id_for(self, name: str, kind: SpeakerType, article_id: str | None, evidence: str) -> int:
        existing = self._one("SELECT id FROM speakers WHERE name = ? COLLATE NOCASE", (name,))
        if existing is None:
            existing = self._one(
                "SELECT speaker_id FROM speaker_aliases WHERE alias = ? COLLATE NOCASE LIMIT 1", (name,)
            )
        if existing is None:
            existing = self._new_speaker(name, kind)
            self.conn.execute("INSERT OR IGNORE INTO speaker_aliases VALUES (?, ?, ?, ?)", (existing, name, article_id, evidence))
        return existing

    # -- groups

    def _assign_group(self, quote_id: int, speaker_id: int | None, text: str) -> int:
        """Put a new occurrence in its group: an identical wording's group, else the best
        matching group root among candidates sharing a key, else a new group."""
        block = speaker_id or 0
        normalised = grouping.normalise_quote(text)
        same = self._one(
            "SELECT group_id FROM quotes WHERE speaker_id IS ? AND normalised = ? AND group_id IS NOT NULL AND id != ? LIMIT 1",
            (speaker_id, normalised, quote_id),
        )
        if same is None:
            def lookup(keys: list[str]) -> dict[int, int]:
                if not keys:
                    return {}
                marks = ",".join("?" * len(keys))
                return dict(self.conn.execute(
                    f"SELECT group_id, count(*) FROM group_keys WHERE speaker_key = ? AND key IN ({marks}) GROUP BY group_id",
                    (block, *keys),
                ).fetchall())

            placement = grouping.place(text, lookup, lambda gid: self._one("SELECT root FROM quote_groups WHERE id = ?", (gid,)))
            if placement.join is None:
                same = self.conn.execute(
                    "INSERT INTO quote_groups (speaker_id, root, canonical) VALUES (?, ?, ?)", (speaker_id, text, text)
                ).lastrowid
                self._index_group(same, block, text)
            else:
                same = placement.join
                if placement.becomes_root:
                    self.conn.execute("UPDATE quote_groups SET root = ? WHERE id = ?", (text, same))
                    self._index_group(same, block, text)
                for other in placement.absorb:
                    if not self._split_by_hand(other):
                        self._merge(same, other)
        self.conn.execute("UPDATE quotes SET group_id = ? WHERE id = ?", (same, quote_id))
        return same

    def _split_by_hand(self, group_id: int) -> bool:
        """Whether a user split a wording of this group out on purpose: such a group is
        never merged back automatically."""
        return self._one(
            "SELECT 1 FROM quotes q JOIN corrections c ON c.kind = 'split' AND c.article_id = q.article_id"
            ' AND c.start = q.start AND c."end" = q."end" WHERE q.group_id = ? LIMIT 1',
            (group_id,),
        ) is not None

    def _index_group(self, group_id: int, block: int, text: str) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO group_keys VALUES (?, ?, ?)", [(block, key, group_id) for key in grouping.index_keys(text)]
        )

    def _refresh_group(self, group_id: int) -> None:
        rows = self._rows(
            "SELECT q.text, q.normalised, a.outlet, a.source, a.date, a.seq FROM quotes q JOIN articles a ON a.id = q.article_id"
            " WHERE q.group_id = ? ORDER BY a.seq, q.start",
            (group_id,),
        )
        if not rows:
            self.conn.execute("DELETE FROM group_keys WHERE group_id = ?", (group_id,))
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

    # -- corrections

    def _quote_key(self, quote_id: int) -> tuple[str, int, int]:
        row = self.conn.execute('SELECT article_id, start, "end" FROM quotes WHERE id = ?', (quote_id,)).fetchone()
        if row is None:
            raise StoreError(f"no quote {quote_id}")
        return row

    def _quote_by_key(self, article_id, start, end) -> int | None:
        return self._one('SELECT id FROM quotes WHERE article_id = ? AND start = ? AND "end" = ?', (article_id, start, end))

    def _in_transaction(self, fn):
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            result = fn()
            self.conn.execute("COMMIT")
            return result
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def merge_groups(self, keep: int, absorb: int) -> None:
        """Put every occurrence of group ``absorb`` into group ``keep`` (recorded, so it
        holds when the groups are rebuilt)."""
        if keep == absorb:
            return

        def run():
            for gid in (keep, absorb):
                if self._one("SELECT 1 FROM quote_groups WHERE id = ?", (gid,)) is None:
                    raise StoreError(f"no group {gid}")
            a = self._one("SELECT id FROM quotes WHERE group_id = ? ORDER BY id LIMIT 1", (keep,))
            b = self._one("SELECT id FROM quotes WHERE group_id = ? ORDER BY id LIMIT 1", (absorb,))
            self._record("merge", a, other=b)
            self._merge(keep, absorb)

        self._in_transaction(run)

    def _merge(self, keep: int, absorb: int) -> None:
        self.conn.execute("UPDATE quotes SET group_id = ? WHERE group_id = ?", (keep, absorb))
        self.conn.execute("UPDATE OR IGNORE group_keys SET group_id = ? WHERE group_id = ?", (keep, absorb))
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
        new = self.conn.execute(
            "INSERT INTO quote_groups (speaker_id, root, canonical) VALUES (?, ?, ?)", (row["speaker_id"], row["text"], row["text"])
        ).lastrowid
        self.conn.execute("UPDATE quotes SET group_id = ? WHERE id = ?", (new, quote_id))
        for gid in (row["group_id"], new):
            if gid is not None:
                self._refresh_group(gid)
        return new

    def reassign_quote(self, quote_id: int, speaker_name: str) -> int:
        """Give one occurrence another speaker (created if new); it leaves its group for
        the matching group of the new speaker."""

        def run():
            self._record("reassign", quote_id, speaker=speaker_name)
            return self._reassign(quote_id, speaker_name)

        return self._in_transaction(run)

    def _reassign(self, quote_id: int, speaker_name: str) -> int:
        speaker = self.find_speaker(speaker_name)
        speaker_id = speaker.id if speaker else self._speaker_id_for(speaker_name, SpeakerType.person, None, "set by a correction")
        row = self._rows("SELECT text, group_id, article_id FROM quotes WHERE id = ?", (quote_id,))[0]
        self.conn.execute("UPDATE quotes SET speaker_id = ?, group_id = NULL, rule = 'correction', confidence = 1.0 WHERE id = ?",
                          (speaker_id, quote_id))
        if row["group_id"] is not None:
            self._refresh_group(row["group_id"])
        new_group = self._assign_group(quote_id, speaker_id, row["text"])
        self._refresh_group(new_group)
        return speaker_id

    def _record(self, kind: str, quote_id: int, other: int | None = None, speaker: str | None = None) -> None:
        article_id, start, end = self._quote_key(quote_id)
        other_key = self._quote_key(other) if other is not None else (None, None, None)
        self.conn.execute(
            "INSERT INTO corrections (kind, article_id, start, \"end\", other_article_id, other_start, other_end, speaker, created_at)"
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
            self.conn.execute("UPDATE quotes SET group_id = NULL")
            self.conn.execute("DELETE FROM group_keys")
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
            return self._one("SELECT count(*) FROM quote_groups")

        return self._in_transaction(run)

    # ------------------------------------------------------------------ reads

    def stats(self) -> dict[str, int]:
        return {
            "articles": self._one("SELECT count(*) FROM articles"),
            "quotes": self._one("SELECT count(*) FROM quotes"),
            "speakers": self._one("SELECT count(*) FROM speakers"),
            "groups": self._one("SELECT count(*) FROM quote_groups"),
        }

    def _speaker_summaries(self, where: str, params, limit: int, offset: int) -> list[SpeakerSummary]:
        rows = self._rows(
            f"""SELECT s.id, s.name, s.type,
                   (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id) AS quotes,
                   (SELECT count(*) FROM quote_groups g WHERE g.speaker_id = s.id) AS groups
                FROM speakers s {where}
                ORDER BY quotes DESC, s.name LIMIT ? OFFSET ?""",
            (*params, limit, offset),
        )
        out = []
        for row in rows:
            roles = []
            for r in self._rows("SELECT role, min(rowid) AS first FROM speaker_roles WHERE speaker_id = ? GROUP BY role ORDER BY first", (row["id"],)):
                if r["role"].lower() not in (x.lower() for x in roles):
                    roles.append(r["role"])
            aliases = [r["alias"] for r in self._rows("SELECT DISTINCT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", (row["id"],))]
            outlets = [r["o"] for r in self._rows(
                "SELECT DISTINCT COALESCE(a.outlet, a.source) AS o FROM quotes q JOIN articles a ON a.id = q.article_id"
                " WHERE q.speaker_id = ? ORDER BY o LIMIT 50", (row["id"],))]
            out.append(SpeakerSummary(id=row["id"], name=row["name"], type=SpeakerType(row["type"]), roles=roles,
                                      aliases=aliases, quotes=row["quotes"], groups=row["groups"], outlets=outlets))
        return out

    def speakers(self, filter: str | None = None, limit: int = 100, offset: int = 0) -> list[SpeakerSummary]:
        """Speakers with their counts, most quoted first; ``filter`` matches name or alias."""
        if filter and filter.strip():
            like = f"%{filter.strip()}%"
            return self._speaker_summaries(
                "WHERE s.name LIKE ? OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?)",
                (like, like), limit, offset,
            )
        return self._speaker_summaries("", (), limit, offset)

    def find_speaker(self, name: str) -> SpeakerSummary | None:
        found = self._one("SELECT id FROM speakers WHERE name = ? COLLATE NOCASE", (name,))
        if found is None:
            found = self._one("SELECT speaker_id FROM speaker_aliases WHERE alias = ? COLLATE NOCASE LIMIT 1", (name,))
        return self.speaker(found) if found is not None else None

    def speaker(self, speaker_id: int) -> SpeakerSummary | None:
        found = self._speaker_summaries("WHERE s.id = ?", (speaker_id,), 1, 0)
        return found[0] if found else None

    def _group_summary(self, row: dict) -> GroupSummary:
        return GroupSummary(id=row["id"], speaker_id=row["speaker_id"], speaker=row["speaker"], canonical=row["canonical"],
                            wordings=row["wordings"], occurrences=row["occurrences"], outlets=row["outlets"],
                            first_seen=row["first_seen"], last_seen=row["last_seen"])

    _GROUP_SELECT = "SELECT g.*, s.name AS speaker FROM quote_groups g LEFT JOIN speakers s ON s.id = g.speaker_id"

    def groups(self, speaker_id: int | None = None, limit: int = 100, offset: int = 0) -> list[GroupSummary]:
        where, params = ("WHERE g.speaker_id = ?", (speaker_id,)) if speaker_id is not None else ("", ())
        rows = self._rows(f"{self._GROUP_SELECT} {where} ORDER BY g.occurrences DESC, g.id LIMIT ? OFFSET ?", (*params, limit, offset))
        return [self._group_summary(r) for r in rows]

    _OCCURRENCE_SELECT = """SELECT q.*, s.name AS speaker, a.source, a.url, a.outlet, a.title, a.date
        FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"""

    def _occurrence(self, row: dict, canonical: str | None = None, diffs: dict | None = None) -> Occurrence:
        if canonical is None:
            diff = []
        elif diffs is not None:
            # a group prints the same wording many times: one diff per distinct wording
            diff = diffs.get(row["text"])
            if diff is None:
                diff = diffs[row["text"]] = word_diff(canonical, row["text"])
        else:
            diff = word_diff(canonical, row["text"])
        return Occurrence(
            id=row["id"], group_id=row["group_id"], article_id=row["article_id"], text=row["text"], start=row["start"],
            end=row["end"], type=QuoteType(row["type"]), speaker_id=row["speaker_id"], speaker=row["speaker"],
            role=row["role"], mention=row["mention"], mention_start=row["mention_start"], mention_end=row["mention_end"],
            cue=row["cue"], cue_start=row["cue_start"], cue_end=row["cue_end"], rule=row["rule"],
            confidence=row["confidence"], context=row["context"], source=row["url"] or row["source"],
            outlet=row["outlet"], title=row["title"], date=row["date"],
            diff=diff,
        )

    def group(self, group_id: int, diffs: bool = True) -> GroupDetail | None:
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
        role = next((o.role for o in occurrences if o.role), None)
        if role is None and summary.speaker_id is not None:
            role = self._one("SELECT role FROM speaker_roles WHERE speaker_id = ? ORDER BY rowid LIMIT 1", (summary.speaker_id,))
        return GroupDetail(group=summary, role=role, occurrences=occurrences)

    def quotes(self, speaker_id: int | None = None, limit: int = 100, offset: int = 0) -> list[Occurrence]:
        where, params = ("WHERE q.speaker_id = ?", (speaker_id,)) if speaker_id is not None else ("", ())
        rows = self._rows(f"{self._OCCURRENCE_SELECT} {where} ORDER BY a.seq, q.start LIMIT ? OFFSET ?", (*params, limit, offset))
        return [self._occurrence(r) for r in rows]

    def quote(self, quote_id: int) -> Occurrence | None:
        rows = self._rows(f"{self._OCCURRENCE_SELECT} WHERE q.id = ?", (quote_id,))
        if not rows:
            return None
        canonical = self._one("SELECT canonical FROM quote_groups WHERE id = ?", (rows[0]["group_id"],))
        return self._occurrence(rows[0], canonical)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Full-text search over quotes and speaker names. Any input is safe. Results come in
    index order, not by relevance: ranking every match of a one-letter prefix over a million
    quotes would make search-as-you-type lag."""
        query = fts_query(text)
        if query is None:
            return []
        hits = [
            SearchHit(kind="speaker", speaker_id=r["id"], speaker=r["name"], text=r["name"])
            for r in self._rows(
                "SELECT s.id, s.name FROM speakers_fts f JOIN speakers s ON s.rowid = f.rowid WHERE speakers_fts MATCH ? LIMIT ?",
                (query, limit),
            )
        ]
        hits += [
            SearchHit(kind="quote", quote_id=r["id"], group_id=r["group_id"], speaker_id=r["speaker_id"], speaker=r["speaker"],
                      text=r["text"], snippet=r["snip"])
            for r in self._rows(
                "SELECT q.id, q.group_id, q.speaker_id, s.name AS speaker, q.text,"
                " snippet(quotes_fts, 0, '[', ']', '…', 12) AS snip"
                " FROM quotes_fts f JOIN quotes q ON q.rowid = f.rowid LEFT JOIN speakers s ON s.id = q.speaker_id"
                " WHERE quotes_fts MATCH ? LIMIT ?",
                (query, limit),
            )
        ]
        return hits

    def article(self, article_id: str) -> Article | None:
        rows = self._rows("SELECT * FROM articles WHERE id = ?", (article_id,))
        if not rows:
            return None
        r = rows[0]
        return Article(id=r["id"], text=r["text"], source=r["source"], title=r["title"], outlet=r["outlet"], date=r["date"],
                       url=r["url"], authors=json.loads(r["authors"] or "[]"))

    def sheet(self, speaker_id: int | None = None, group_id: int | None = None) -> Iterator[GroupDetail]:
        """Groups with all their occurrences, streamed (for exports of any size)."""
        if group_id is not None:
            detail = self.group(group_id)
            if detail:
                yield detail
            return
        where, params = ("WHERE speaker_id = ?", (speaker_id,)) if speaker_id is not None else ("", ())
        ids = [r[0] for r in self.conn.execute(f"SELECT id FROM quote_groups {where} ORDER BY speaker_id, occurrences DESC, id", params)]
        for gid in ids:
            detail = self.group(gid)
            if detail:
                yield detail
