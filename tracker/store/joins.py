"""The claim joins ``tracker build`` makes over the whole corpus, made when a store is read.

``tracker add`` groups each article against the claims already stored, one batch at a time,
so two joins that need every claim at once are left to reading: a claim that restates one of
the story's hubs in other words, and a bare reference with nothing before it in its article
("Tessaly rejects shipment report" as a headline).  Both are
:func:`tracker.resolve.claims.corpus_joins`, the function ``tracker build`` calls; here it
reads the stored claims (their signatures in ``claim_signatures``) and the records as the
corrections left them, so a correction naming a stored claim applies before its claim is
joined.  The stored ``claims`` and ``grouped_claims`` tables keep the claims as each batch
grouped them.

The paraphrase join encodes every claim, which on a store of thousands of articles costs
more than the rest of a read: :func:`cached_claim_joins` keeps what the joins changed in
``claim_joins``, for the state of the store they were made for (its last batch, its
corrections and the tracker version), so only the first read after a change pays for them.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from tracker import __version__
from tracker.errors import StoreError
from tracker.model import Attribution
from tracker.resolve.claims import CorpusClaim, claim_text, corpus_joins, floating_words, stems
from tracker.resolve.paraphrase import PARAPHRASE_THRESHOLD
from tracker.resolve.similarity import ClaimSignature
from tracker.store.db import transaction
from tracker.store.records import signature_from_json

__all__ = ["join_stored_claims", "cached_claim_joins", "store_state"]


@dataclass
class _Stored:
    """One claim id of the records, gathered in their order."""

    key: int
    records: list[Attribution] = field(default_factory=list)
    texts: Counter[str] = field(default_factory=Counter)
    vocabulary: set[str] = field(default_factory=set)


def _signatures(conn: sqlite3.Connection) -> dict[str, list[ClaimSignature]]:
    """Each stored claim's member signatures, in the order they joined it."""
    found: dict[str, list[ClaimSignature]] = {}
    for claim_id, signature in conn.execute(
        "SELECT claim_id, signature FROM claim_signatures ORDER BY id"
    ):
        found.setdefault(claim_id, []).append(signature_from_json(signature))
    return found


def _gather(records: Sequence[Attribution]) -> dict[str, _Stored]:
    claims: dict[str, _Stored] = {}
    for r in records:
        if r.claim_id is None:
            continue
        claim = claims.get(r.claim_id)
        if claim is None:
            claim = claims[r.claim_id] = _Stored(len(claims))
        claim.records.append(r)
        if r.content is not None:
            claim.texts[claim_text(r.content.text)] += 1
            claim.vocabulary |= stems(r.content.text)
    return claims


def join_stored_claims(
    conn: sqlite3.Connection,
    records: Sequence[Attribution],
    *,
    paraphrase_threshold: float | None = PARAPHRASE_THRESHOLD,
) -> list[Attribution]:
    """``records`` (a store's current records, corrections applied, in the order their
    articles were added) with the claims joined that ``tracker build`` joins over the whole
    corpus: a record of a joined claim takes the id and wording of the claim it joined, and
    an asserted content said the other way round from that claim denies it."""
    gathered = _gather(records)
    if not gathered:
        return list(records)
    signatures = _signatures(conn)
    corpus: list[CorpusClaim] = []
    floating: dict[str, tuple[int, frozenset[str]]] = {}
    for claim_id, claim in gathered.items():
        members = signatures.get(claim_id) or [ClaimSignature()]
        first = claim.records[0]
        # the record that made a claim of a bare reference (it is the claim's first wording)
        maker = claim_text(first.content.text) if first.content is not None else ""
        words = floating_words(maker, members[0]) if maker else None
        if words is not None:
            floating[first.id] = (claim.key, words)
        corpus.append(
            CorpusClaim(
                claim.key,
                tuple(text for text, _ in claim.texts.most_common()),
                members[0],
                tuple(members),
                frozenset(r.article_id for r in claim.records),
                len(claim.records),
                frozenset(claim.vocabulary),
                int(words is not None),
            )
        )
    articles = len({r.article_id for c in gathered.values() for r in c.records})
    joins = corpus_joins(
        corpus, floating, articles=articles, paraphrase_threshold=paraphrase_threshold
    )
    if not joins.claims and not joins.records:
        return list(records)
    target = {c.key: c.records[0] for c in gathered.values()}
    keys = {claim_id: c.key for claim_id, c in gathered.items()}
    out = []
    for r in records:
        if r.claim_id is None:
            out.append(r)
            continue
        own = keys[r.claim_id]
        key = joins.key(r.id, own)
        if key == own:
            out.append(r)
            continue
        hub = target[key]
        stance = r.stance
        turned = corpus[own].signature.negated != corpus[key].signature.negated
        if turned and stance == "asserts" and r.id not in floating:
            stance = "denies"
        out.append(replace(r, claim_id=hub.claim_id, claim=hub.claim, stance=stance))
    return out


def store_state(conn: sqlite3.Connection) -> str:
    """A digest of what the claim joins of a store depend on besides its code: its last
    batch (every add and rebuild makes one) and its corrections."""
    batch = conn.execute("SELECT MAX(id) FROM batches").fetchone()[0]
    corrections = conn.execute("SELECT id, kind, target, detail FROM corrections ORDER BY id")
    payload = json.dumps([__version__, batch, [list(row) for row in corrections]])
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


Change = tuple[str, str | None, str]  # claim id, claim, stance


def cached_claim_joins(
    conn: sqlite3.Connection, records: Sequence[Attribution]
) -> list[Attribution]:
    """:func:`join_stored_claims`, read from ``claim_joins`` when it was made for the store
    as it is, else made and kept there (when the store can be written)."""
    state = store_state(conn)
    row = conn.execute("SELECT state FROM read_cache WHERE name = 'claim_joins'").fetchone()
    changes: dict[str, Change]
    if row is not None and row[0] == state:
        changes = {
            rid: (claim_id, claim, stance)
            for rid, claim_id, claim, stance in conn.execute(
                "SELECT attribution_id, claim_id, claim, stance FROM claim_joins"
            )
        }
    else:
        joined = join_stored_claims(conn, records)
        changes = {
            new.id: (new.claim_id or "", new.claim, new.stance)
            for old, new in zip(records, joined, strict=True)
            if new is not old
        }
        try:
            with transaction(conn):
                conn.execute("DELETE FROM claim_joins")
                conn.executemany(
                    "INSERT OR REPLACE INTO claim_joins VALUES (?, ?, ?, ?)",
                    [(rid, *change) for rid, change in changes.items()],
                )
                conn.execute(
                    "INSERT OR REPLACE INTO read_cache VALUES ('claim_joins', ?)", (state,)
                )
        except (sqlite3.Error, StoreError):
            pass  # a store that cannot be written now is joined again on the next read
    return [
        replace(r, claim_id=changes[r.id][0], claim=changes[r.id][1], stance=changes[r.id][2])
        if r.id in changes
        else r
        for r in records
    ]
