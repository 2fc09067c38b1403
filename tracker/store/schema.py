"""The story store's tables, and the migrations that bring an older store up to date.

The store is one SQLite file, written with the standard library's :mod:`sqlite3`: every
write is a plain transaction the store controls itself (a whole ``tracker add`` batch commits
at once or not at all), and the DDL below is the whole schema, readable in one place.
Datasette and any other SQLite tool open the file as it is.

``schema_version`` lists the migrations applied; :func:`migrate` applies the missing ones,
each in its own transaction, so a store written by an older tracker opens in a newer one.

>>> import sqlite3
>>> conn = sqlite3.connect(":memory:")
>>> migrate(conn)
3
>>> migrate(conn)  # nothing left to apply
3
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from tracker.errors import StoreError

__all__ = [
    "STORE_SUFFIXES",
    "SCHEMA_VERSION",
    "MIGRATIONS",
    "migrate",
    "schema_version",
    "is_store_file",
]

#: File extensions a story store is expected to have (any SQLite file is read as one).
STORE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
#: The first bytes of every SQLite database file.
_SQLITE_HEADER = b"SQLite format 3\x00"

_V1 = """
CREATE TABLE batches (
    id INTEGER PRIMARY KEY,
    added TEXT NOT NULL,
    tracker_version TEXT NOT NULL,
    command TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE outlets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    current INTEGER NOT NULL DEFAULT 1,
    title TEXT,
    date TEXT,
    outlet_id INTEGER REFERENCES outlets(id),
    url TEXT,
    path TEXT,
    synthetic INTEGER NOT NULL DEFAULT 0,
    text_sha1 TEXT NOT NULL,
    text TEXT NOT NULL,
    article TEXT NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    position INTEGER NOT NULL,
    UNIQUE (article_id, revision)
);
CREATE INDEX articles_url ON articles(url);
CREATE INDEX articles_current ON articles(current, batch_id, position);
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    anonymous INTEGER NOT NULL DEFAULT 0,
    attributions INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE source_aliases (
    source_id TEXT NOT NULL REFERENCES sources(id) DEFERRABLE INITIALLY DEFERRED,
    alias TEXT NOT NULL,
    PRIMARY KEY (source_id, alias)
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    first_seen TEXT,
    attributions INTEGER NOT NULL DEFAULT 0,
    asserts INTEGER NOT NULL DEFAULT 0,
    denies INTEGER NOT NULL DEFAULT 0,
    declines INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE attributions (
    id INTEGER PRIMARY KEY,
    attribution_id TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id),
    article_id TEXT NOT NULL,
    source_id TEXT REFERENCES sources(id) DEFERRABLE INITIALLY DEFERRED,
    source_name TEXT,
    source_kind TEXT,
    anonymous INTEGER NOT NULL DEFAULT 0,
    source_text TEXT,
    source_start INTEGER,
    source_end INTEGER,
    cue_text TEXT NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    content_text TEXT,
    content_start INTEGER,
    content_end INTEGER,
    stance TEXT NOT NULL,
    quote TEXT NOT NULL,
    hedged INTEGER NOT NULL DEFAULT 0,
    via TEXT,
    claim_id TEXT REFERENCES claims(id) DEFERRABLE INITIALLY DEFERRED,
    claim TEXT,
    sentence INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    date TEXT,
    outlet TEXT,
    url TEXT,
    title TEXT,
    dropped INTEGER NOT NULL DEFAULT 0,
    corrected INTEGER NOT NULL DEFAULT 0,
    extracted TEXT NOT NULL,
    UNIQUE (article, attribution_id)
);
CREATE INDEX attributions_claim ON attributions(claim_id);
CREATE INDEX attributions_source ON attributions(source_id);
CREATE INDEX attributions_id ON attributions(attribution_id);
CREATE VIRTUAL TABLE attributions_fts USING fts5(
    evidence, content='attributions', content_rowid='id'
);
CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
    INSERT INTO attributions_fts(rowid, evidence) VALUES (new.id, new.evidence);
END;
CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, evidence)
    VALUES ('delete', old.id, old.evidence);
END;
CREATE TABLE grouped_claims (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL
);
CREATE TABLE claim_signatures (
    id INTEGER PRIMARY KEY,
    claim_id TEXT NOT NULL REFERENCES grouped_claims(id),
    signature TEXT NOT NULL
);
CREATE INDEX claim_signatures_claim ON claim_signatures(claim_id);
CREATE TABLE claim_terms (
    term TEXT NOT NULL,
    claim_id TEXT NOT NULL REFERENCES grouped_claims(id),
    PRIMARY KEY (term, claim_id)
) WITHOUT ROWID;
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL,
    note TEXT,
    created TEXT NOT NULL
);
"""

# Datasette offers a search box where the full-text table names its content table in
# double quotes; and a view lists the records with their article's place and time.
_V2 = """
DROP TRIGGER attributions_fts_insert;
DROP TRIGGER attributions_fts_delete;
DROP TABLE attributions_fts;
CREATE VIRTUAL TABLE attributions_fts USING fts5(
    evidence, content="attributions", content_rowid="id"
);
INSERT INTO attributions_fts(attributions_fts) VALUES ('rebuild');
CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
    INSERT INTO attributions_fts(rowid, evidence) VALUES (new.id, new.evidence);
END;
CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
    INSERT INTO attributions_fts(attributions_fts, rowid, evidence)
    VALUES ('delete', old.id, old.evidence);
END;
CREATE VIEW who_said_what AS
SELECT a.date, a.outlet, a.source_name AS source, a.stance, a.cue_text AS cue,
       a.claim_id, a.claim, a.evidence, a.article_id, a.url
FROM attributions a JOIN articles r ON r.id = a.article
WHERE r.current = 1 AND a.dropped = 0
ORDER BY COALESCE(a.date, '9999'), a.article_id, a.sentence;
"""

# What ``tracker check`` reads of each current article's sentences, kept from the parse
# extraction made (see tracker.store.sentences); ``articles.sentences`` counts them, NULL for
# an article stored before (``tracker rebuild`` fills them in).
_V3 = """
ALTER TABLE articles ADD COLUMN sentences INTEGER;
CREATE TABLE check_sentences (
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    sentence INTEGER NOT NULL,
    text_start INTEGER NOT NULL,
    text_end INTEGER NOT NULL,
    text TEXT,
    words TEXT NOT NULL,
    signature TEXT NOT NULL,
    refutation TEXT,
    correction TEXT,
    doubt TEXT,
    hedge TEXT,
    negation TEXT,
    negated_word TEXT,
    denial TEXT,
    relayed TEXT,
    attributions TEXT,
    UNIQUE (article, sentence)
);
"""

#: ``(version, description, SQL)`` in order; a store records each one it has applied.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "articles, attributions, sources, claims, corrections, evidence search", _V1),
    (2, "evidence search Datasette finds; the who_said_what view", _V2),
    (3, "the sentences tracker check reads, kept with each current article", _V3),
)
#: The schema version this tracker writes.
SCHEMA_VERSION = MIGRATIONS[-1][0]


def is_store_file(path: object) -> bool:
    """True when ``path`` is an SQLite file (a story store), judged by its first bytes."""
    try:
        with open(str(path), "rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def schema_version(conn: sqlite3.Connection) -> int:
    """The highest migration applied to the store (0 for an empty database)."""
    found = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if found is None:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the migrations the store lacks, each in one transaction; returns the version.

    Raises :class:`StoreError` for a store written by a newer tracker."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied TEXT NOT NULL)"
    )
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {current}, newer than this tracker's "
            f"{SCHEMA_VERSION}; upgrade tracker to read it"
        )
    for version, description, sql in MIGRATIONS:
        if version <= current:
            continue
        statements = [s.strip() for s in _split_sql(sql) if s.strip()]
        conn.execute("BEGIN")
        try:
            for statement in statements:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                (version, description, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return SCHEMA_VERSION


def _split_sql(sql: str) -> list[str]:
    """Statements of a script, keeping trigger bodies (``BEGIN ... END;``) whole."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current)
            current = ""
    if current.strip():
        statements.append(current)
    return statements
