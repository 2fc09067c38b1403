"""Opening a story store, its transactions, and the tables derived from its records.

>>> conn = open_store(":memory:", create=True)
>>> store_counts(conn)["articles"]
0
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from tracker.errors import StoreError
from tracker.store.schema import is_store_file, migrate

__all__ = ["open_store", "transaction", "refresh_tables", "store_counts", "CURRENT_RECORDS"]

#: The attributions of the current revision of every article, not dropped by a correction.
CURRENT_RECORDS = (
    "SELECT a.* FROM attributions a JOIN articles r ON r.id = a.article "
    "WHERE r.current = 1 AND a.dropped = 0"
)


def open_store(path: str | Path, *, create: bool = False) -> sqlite3.Connection:
    """Open the store at ``path`` (creating it when ``create``), migrated to this version.

    The connection runs in autocommit mode: :func:`transaction` groups writes."""
    where = str(path)
    if where != ":memory:":
        file = Path(where)
        if not file.exists():
            if not create:
                raise StoreError(
                    f"{file}: no such story store; create one with: tracker add ARTICLES --db {file}"
                )
        elif not file.is_file() or (file.stat().st_size and not is_store_file(file)):
            raise StoreError(f"{file}: not a story store (not an SQLite file)")
    try:
        conn = sqlite3.connect(where, isolation_level=None, timeout=30)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if names and "schema_version" not in names:
            conn.close()
            raise StoreError(f"{where}: an SQLite file, but not a story store written by tracker")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{where}: cannot be opened as a story store ({exc})") from exc
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything inside commits together, or nothing does."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreError(f"the store is busy ({exc}); try again when the other write ends") from exc
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def store_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many rows each main table holds (``articles`` counts every revision)."""
    tables = ("articles", "attributions", "sources", "claims", "corrections", "batches")
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}


def _most_common(counter: Counter) -> str:
    return sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))[0][0]


def refresh_tables(conn: sqlite3.Connection, aliases: dict[str, set[str]] | None = None) -> None:
    """Recompute ``sources``, ``source_aliases`` and ``claims`` from the attributions.

    Every source and claim any revision mentions gets a row (so foreign keys hold); the
    counts are over the current revisions' records not dropped.  ``aliases`` are more
    aliases per source id (from corrections)."""
    names: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    anonymous: dict[str, bool] = defaultdict(bool)
    counts: Counter = Counter()
    spans: dict[str, set[str]] = defaultdict(set)
    rows = conn.execute(
        "SELECT a.source_id, a.source_name, a.source_kind, a.anonymous, a.source_text, "
        "r.current = 1 AND a.dropped = 0 AS live, COUNT(*) FROM attributions a "
        "JOIN articles r ON r.id = a.article WHERE a.source_id IS NOT NULL "
        "GROUP BY 1, 2, 3, 4, 5, 6"
    )
    for sid, name, kind, anon, text, live, n in rows:
        names[sid][name or sid] += n
        kinds[sid][kind or "unknown"] += n
        anonymous[sid] |= bool(anon)
        if text:
            spans[sid].add(text)
        if live:
            counts[sid] += n
    conn.execute("DELETE FROM source_aliases")
    conn.execute("DELETE FROM sources")
    for sid in sorted(names):
        known = Counter({k: n for k, n in kinds[sid].items() if k != "unknown"})
        conn.execute(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
            (
                sid,
                _most_common(names[sid]),
                _most_common(known) if known else "unknown",
                int(anonymous[sid]),
                counts[sid],
            ),
        )
        extra = (aliases or {}).get(sid, set())
        conn.executemany(
            "INSERT INTO source_aliases VALUES (?, ?)",
            [(sid, alias) for alias in sorted(spans[sid] | extra)],
        )
    _refresh_claims(conn)


def _refresh_claims(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM claims")
    conn.execute(
        """
        INSERT INTO claims (id, name, first_seen, attributions, asserts, denies, declines)
        SELECT a.claim_id,
               COALESCE((SELECT b.claim FROM attributions b JOIN articles s ON s.id = b.article
                         WHERE b.claim_id = a.claim_id AND b.claim IS NOT NULL
                         ORDER BY s.current DESC, b.dropped, COALESCE(b.date, ''), b.article_id,
                                  b.sentence LIMIT 1), a.claim_id),
               MIN(CASE WHEN r.current = 1 AND a.dropped = 0 THEN a.date END),
               SUM(r.current = 1 AND a.dropped = 0),
               SUM(r.current = 1 AND a.dropped = 0 AND a.stance = 'asserts'),
               SUM(r.current = 1 AND a.dropped = 0 AND a.stance = 'denies'),
               SUM(r.current = 1 AND a.dropped = 0 AND a.stance = 'declines')
        FROM attributions a JOIN articles r ON r.id = a.article
        WHERE a.claim_id IS NOT NULL
        GROUP BY a.claim_id
        ORDER BY a.claim_id
        """
    )
