"""Adding articles to a story store: skip what is there, keep revisions, group claims.

One call is one batch and one transaction: extraction, claim grouping and every write
commit together, so a run that is killed leaves the store as it was before the batch, and
running it again completes it.  Claims are grouped against the claims already stored,
loading only those that share at least two words with a new content (no claim sharing
fewer can reach the similarity threshold), so adding a batch costs about the same on a
full store as on an empty one.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from tracker import __version__, lexicon
from tracker.check.text import ParsedArticle
from tracker.model import Article, Attribution
from tracker.resolve.claims import ClaimRegistry
from tracker.resolve.sources import slugify
from tracker.store.corrections import (
    CorrectionProblem,
    check_corrections,
    correct_record,
    correction_aliases,
    load_corrections,
)
from tracker.store.db import open_store, refresh_tables, transaction
from tracker.store.records import (
    ATTRIBUTION_COLUMNS,
    attribution_row,
    signature_from_json,
    signature_json,
)
from tracker.store.sentences import store_sentences

if TYPE_CHECKING:
    from tracker.extract.extractor import ExtractedArticle, SpacyExtractor
    from tracker.resolve.similarity import ClaimSignature

__all__ = ["AddResult", "add_articles", "rebuild_store"]

Progress = Callable[[int, Article], None]


@dataclass
class AddResult:
    """What one batch did: article ids added, revised and skipped (same text), how many
    records were stored, and the corrections whose target is missing."""

    added: list[str] = field(default_factory=list)
    revised: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    attributions: int = 0
    problems: list[CorrectionProblem] = field(default_factory=list)

    def summary(self) -> str:
        """``3 added, 1 revised, 2 unchanged; 41 attributions``"""
        return (
            f"{len(self.added)} added, {len(self.revised)} revised, "
            f"{len(self.skipped)} unchanged; {self.attributions} attributions"
        )


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class _Planned:
    article: Article
    revision: int
    position: int
    row: int | None = None  # the article's row when it is stored already (rebuild)
    current: bool = True  # the article's latest revision (its sentences are kept for check)


def _plan(
    conn: sqlite3.Connection, articles: Iterable[Article], result: AddResult
) -> list[_Planned]:
    """Which articles to extract, under which stored id and revision."""
    planned: list[_Planned] = []
    latest: dict[str, tuple[int, str]] = {}  # id -> (revision, sha1) including this batch
    for article in articles:
        stored_id = article.id
        row = conn.execute(
            "SELECT article_id, revision, text_sha1 FROM articles WHERE article_id = ? "
            "ORDER BY revision DESC LIMIT 1",
            (article.id,),
        ).fetchone()
        if row is None and article.url:
            row = conn.execute(
                "SELECT article_id, revision, text_sha1 FROM articles WHERE url = ? "
                "ORDER BY revision DESC LIMIT 1",
                (article.url,),
            ).fetchone()
        if row is not None:
            stored_id = row["article_id"]
            latest.setdefault(stored_id, (row["revision"], row["text_sha1"]))
        digest = _sha1(article.text)
        if stored_id in latest:
            revision, last = latest[stored_id]
            if last == digest:
                result.skipped.append(stored_id)
                continue
            (result.revised if row is not None else result.added).append(stored_id)
            revision += 1
        else:
            revision = 1
            result.added.append(stored_id)
        latest[stored_id] = (revision, digest)
        planned.append(_Planned(replace(article, id=stored_id), revision, len(planned)))
    return planned


class _Grouper:
    """Claim grouping against the store, one article at a time: a fresh registry holds
    the stored claims that share at least two words with one of the article's contents,
    and the claims and members the article adds are written back at once."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.taken = {row[0] for row in conn.execute("SELECT id FROM grouped_claims")}
        # ids corrections gave claims split off are taken too
        self.taken.update(
            c.detail["into"] for c in load_corrections(conn) if c.kind == "split-claim"
        )

    def _candidates(self, signature: ClaimSignature) -> list[str]:
        words = sorted(signature.words)
        if len(words) < 2:
            return []
        rows = self.conn.execute(
            f"SELECT claim_id FROM claim_terms WHERE term IN ({','.join('?' * len(words))}) "
            "GROUP BY claim_id HAVING COUNT(*) >= 2",
            words,
        )
        return [row[0] for row in rows]

    def assign(self, extracted: ExtractedArticle) -> list[Attribution]:
        registry = ClaimRegistry()
        wanted: set[str] = set()
        for signature in extracted.signatures.values():
            wanted.update(self._candidates(signature))
        members: dict[str, list[tuple[int, ClaimSignature]]] = {}
        texts: dict[str, str] = {}
        for chunk in _chunks(sorted(wanted), 500):
            marks = ",".join("?" * len(chunk))
            for claim_id, text in self.conn.execute(
                f"SELECT id, text FROM grouped_claims WHERE id IN ({marks})", chunk
            ):
                texts[claim_id] = text
            for rowid, claim_id, signature in self.conn.execute(
                f"SELECT id, claim_id, signature FROM claim_signatures WHERE claim_id IN ({marks})",
                chunk,
            ):
                members.setdefault(claim_id, []).append((rowid, signature_from_json(signature)))
        stored: dict[str, tuple[str, int]] = {}  # provisional id -> (stored id, members read)
        # stored claims in the order they were made, as one registry would hold them
        for claim_id in sorted(members, key=lambda c: min(r for r, _ in members[c])):
            signatures = [sig for _, sig in sorted(members[claim_id], key=lambda m: m[0])]
            stored[registry.add_claim(texts[claim_id], signatures)] = (claim_id, len(signatures))
        records = registry.assign(extracted)
        ids = self._save(registry, stored)
        return [replace(r, claim_id=ids[r.claim_id]) if r.claim_id in ids else r for r in records]

    def _save(self, registry: ClaimRegistry, stored: dict[str, tuple[str, int]]) -> dict[str, str]:
        """Store the claims and members the article added; returns the stored id of every
        provisional id."""
        ids = {}
        for provisional, text, members in registry.claim_members():
            claim_id, known = stored.get(provisional, ("", 0))
            if not claim_id:
                claim_id = _new_claim_id(text, self.taken)
                self.conn.execute("INSERT INTO grouped_claims VALUES (?, ?)", (claim_id, text))
                self.taken.add(claim_id)
            ids[provisional] = claim_id
            for signature in members[known:]:
                self.conn.execute(
                    "INSERT INTO claim_signatures (claim_id, signature) VALUES (?, ?)",
                    (claim_id, signature_json(signature)),
                )
                self.conn.executemany(
                    "INSERT OR IGNORE INTO claim_terms VALUES (?, ?)",
                    [(term, claim_id) for term in sorted(signature.words)],
                )
        return ids


def _new_claim_id(text: str, taken: set[str]) -> str:
    """``c-`` and the first five words of the claim that are not stop words, numbered on
    where that id is taken."""
    words = [w for w in slugify(text).split("-") if w not in lexicon.CLAIM_STOP_WORDS][:5]
    base = "c-" + ("-".join(words) or "claim")
    claim_id, n = base, 2
    while claim_id in taken:
        claim_id, n = f"{base}-{n}", n + 1
    return claim_id


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _outlet_id(conn: sqlite3.Connection, name: str | None) -> int | None:
    if not name:
        return None
    conn.execute("INSERT OR IGNORE INTO outlets (name) VALUES (?)", (name,))
    return int(conn.execute("SELECT id FROM outlets WHERE name = ?", (name,)).fetchone()[0])


def _insert_article(conn: sqlite3.Connection, item: _Planned, batch_id: int) -> int:
    a = item.article
    # only the current revision keeps the sentences tracker check reads
    conn.execute(
        "DELETE FROM check_sentences WHERE article IN (SELECT id FROM articles WHERE article_id = ?)",
        (a.id,),
    )
    conn.execute("UPDATE articles SET current = 0, sentences = NULL WHERE article_id = ?", (a.id,))
    meta = a.to_dict()
    meta.pop("text")
    cursor = conn.execute(
        "INSERT INTO articles (article_id, revision, current, title, date, outlet_id, url, path, "
        "synthetic, text_sha1, text, article, batch_id, position) "
        "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            a.id,
            item.revision,
            a.title,
            a.date,
            _outlet_id(conn, a.outlet),
            a.url,
            a.path,
            int(a.synthetic),
            _sha1(a.text),
            a.text,
            json.dumps(meta, ensure_ascii=False, sort_keys=True),
            batch_id,
            item.position,
        ),
    )
    return int(cursor.lastrowid or 0)


_INSERT_ATTRIBUTION = (
    f"INSERT INTO attributions ({', '.join(ATTRIBUTION_COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in ATTRIBUTION_COLUMNS)})"
)


def _store_records(
    conn: sqlite3.Connection, article_row: int, records: Sequence[Attribution], corrections
) -> int:
    rows = []
    for raw in records:
        record, dropped = correct_record(raw, corrections)
        rows.append(attribution_row(record, article=article_row, extracted=raw, dropped=dropped))
    conn.executemany(_INSERT_ATTRIBUTION, rows)
    return len(rows)


@dataclass(frozen=True)
class _Extraction:
    """How to extract: an extractor in this process, or ``workers`` processes that each
    load the pipeline ``model`` (the extractor's trained models go with them)."""

    extractor: SpacyExtractor | None = None
    model: str | None = None
    workers: int = 1

    def run(self, articles: list[Article]) -> Iterator[ExtractedArticle]:
        """The articles extracted, in their order."""
        from tracker.check.text import parse_extracted
        from tracker.extract.parallel import ExtractionSettings, extract_local

        given = self.extractor
        # each article's sentences as tracker check reads them, from the same parse
        settings = ExtractionSettings(
            self.model,
            given.cue_model if given is not None else None,
            given.span_model if given is not None else None,
            reader=parse_extracted,
        )
        return extract_local(articles, settings, workers=self.workers, extractor=given)


def _extract_into(
    conn: sqlite3.Connection,
    planned: list[_Planned],
    extraction: _Extraction,
    batch_id: int,
    progress: Progress | None,
) -> int:
    """Extract, group and store the planned articles (inside the caller's transaction)."""
    corrections = load_corrections(conn)
    grouper = _Grouper(conn)
    count = 0
    stream = extraction.run([p.article for p in planned])
    for n, (item, extracted) in enumerate(zip(planned, stream, strict=True), start=1):
        records = grouper.assign(extracted)
        row = item.row if item.row is not None else _insert_article(conn, item, batch_id)
        count += _store_records(conn, row, records, corrections)
        if item.current and isinstance(extracted.reading, ParsedArticle):
            store_sentences(conn, row, extracted.reading, records)
        if progress is not None:
            progress(n, extracted.article)
    refresh_tables(conn, correction_aliases(corrections))
    return count


def _new_batch(conn: sqlite3.Connection, command: str, articles: int) -> int:
    cursor = conn.execute(
        "INSERT INTO batches (added, tracker_version, command, articles) VALUES (?, ?, ?, ?)",
        (datetime.now(timezone.utc).isoformat(timespec="seconds"), __version__, command, articles),
    )
    return int(cursor.lastrowid or 0)


def add_articles(
    store: str | Path | sqlite3.Connection,
    articles: Iterable[Article],
    *,
    extractor: SpacyExtractor | None = None,
    model: str | None = None,
    progress: Progress | None = None,
    workers: int = 1,
) -> AddResult:
    """Add a batch of articles to the store (created when missing), in one transaction.

    An article stored with the same text is skipped; one with the same id (or url) and new
    text becomes a new revision, the older revision's records staying in the store.
    ``workers`` > 1 extracts on that many processes, each loading the pipeline ``model``
    (``extractor`` is then used for its trained models only); the store ends up the same."""
    conn = store if isinstance(store, sqlite3.Connection) else open_store(store, create=True)
    result = AddResult()
    with transaction(conn):
        planned = _plan(conn, articles, result)
        if planned:
            batch_id = _new_batch(conn, "add", len(planned))
            result.attributions = _extract_into(
                conn, planned, _Extraction(extractor, model, workers), batch_id, progress
            )
        result.problems = check_corrections(conn)
    return result


def rebuild_store(
    store: str | Path | sqlite3.Connection,
    *,
    extractor: SpacyExtractor | None = None,
    model: str | None = None,
    progress: Progress | None = None,
    workers: int = 1,
) -> AddResult:
    """Extract every stored revision again (with this tracker), in the order they were
    added, regroup the claims and replay the corrections; one transaction.  ``workers`` as
    for :func:`add_articles`."""
    conn = store if isinstance(store, sqlite3.Connection) else open_store(store)
    result = AddResult()
    with transaction(conn):
        rows = conn.execute("SELECT * FROM articles ORDER BY batch_id, position, id").fetchall()
        for table in (
            "attributions",
            "claim_terms",
            "claim_signatures",
            "grouped_claims",
            "check_sentences",
        ):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("UPDATE articles SET sentences = NULL")
        planned = []
        for row in rows:
            meta = json.loads(row["article"])
            meta["text"] = row["text"]
            article = Article.from_dict(meta)
            planned.append(
                _Planned(article, row["revision"], row["position"], row["id"], bool(row["current"]))
            )
            result.revised.append(row["article_id"])
        _new_batch(conn, "rebuild", len(planned))
        result.attributions = _extract_into(
            conn, planned, _Extraction(extractor, model, workers), 0, progress
        )
        result.problems = check_corrections(conn)
    return result
