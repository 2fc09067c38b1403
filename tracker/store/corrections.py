"""Corrections made by hand, kept in the store and replayed over every extraction.

A correction names its target by id (a source id, a claim id or an attribution id) and is
applied, in the order they were made, to each record as extraction gives it: after every
``tracker add`` and every rebuild, so a newer extractor never loses them.  A correction
whose target no longer appears among the extracted records is reported, never dropped.

>>> from tracker.model import Attribution, Span
>>> r = Attribution("a1", "art", Span(0, 3, "Ann"), Span(4, 8, "said"), None, source_id="ann")
>>> fix = Correction("stance", "a1", {"stance": "denies"})
>>> correct_record(r, [fix])[0].stance
'denies'
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from tracker.errors import CorrectionError
from tracker.model import STANCES, Attribution
from tracker.store.db import refresh_tables, transaction

__all__ = [
    "CORRECTION_KINDS",
    "Correction",
    "CorrectionProblem",
    "correct_record",
    "load_corrections",
    "correction_aliases",
    "add_correction",
    "remove_correction",
    "import_corrections",
    "export_corrections",
    "replay_corrections",
    "check_corrections",
]

#: What each kind of correction does, and the detail fields it needs.
CORRECTION_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "merge-sources": ("the source's records go to source 'into'", ("into",)),
    "rename-source": ("the source is shown under 'name'", ("name",)),
    "alias": ("records whose source reads 'alias' belong to the source", ("alias",)),
    "merge-claims": ("the claim's records go to claim 'into'", ("into",)),
    "split-claim": (
        "the records 'attributions' of the claim become claim 'into' ('text')",
        ("attributions", "into", "text"),
    ),
    "stance": ("the record's stance becomes 'stance'", ("stance",)),
    "drop": ("the record is left out", ()),
}

#: Detail fields a correction notes when it is made (names it carries over), not asked for.
_CARRIED = ("into_name", "target_name", "into_text")


@dataclass(frozen=True)
class Correction:
    """One correction: ``kind`` (see :data:`CORRECTION_KINDS`), its ``target`` id, and the
    ``detail`` that kind needs."""

    kind: str
    target: str
    detail: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    note: str | None = None
    id: int | None = None
    created: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "target": self.target,
            "detail": dict(self.detail),
            "note": self.note,
            "created": self.created,
        }

    @classmethod
    def from_dict(cls, data: Any) -> Correction:
        if not isinstance(data, dict):
            raise CorrectionError(f"a correction must be a JSON object, got {data!r}")
        kind, target = data.get("kind"), data.get("target")
        if kind not in CORRECTION_KINDS:
            raise CorrectionError(
                f"unknown correction kind {kind!r}; use one of {', '.join(CORRECTION_KINDS)}"
            )
        if not isinstance(target, str) or not target:
            raise CorrectionError(f"a {kind} correction needs a 'target' id")
        detail = data.get("detail") or {}
        missing = [k for k in CORRECTION_KINDS[kind][1] if not detail.get(k)]
        if missing:
            raise CorrectionError(f"a {kind} correction needs {', '.join(missing)} in 'detail'")
        if kind == "stance" and detail["stance"] not in STANCES:
            raise CorrectionError(f"stance {detail['stance']!r} is not one of {', '.join(STANCES)}")
        return cls(kind, target, dict(detail), data.get("note"), None, data.get("created"))

    def describe(self) -> str:
        """One line for people: ``merge-sources us-officials -> into=u-s-officials``."""
        shown = {k: v for k, v in self.detail.items() if k not in _CARRIED}
        detail = ", ".join(f"{k}={v}" for k, v in shown.items())
        return f"{self.kind} {self.target}" + (f" -> {detail}" if detail else "")


@dataclass(frozen=True)
class CorrectionProblem:
    """A correction that cannot be applied: its target is not among the records."""

    correction: Correction
    problem: str

    def __str__(self) -> str:
        return f"correction {self.correction.id} ({self.correction.describe()}): {self.problem}"


def _apply(record: Attribution, c: Correction) -> tuple[Attribution, bool]:
    d = c.detail
    if c.kind == "merge-sources" and record.source_id == c.target:
        return replace(record, source_id=d["into"], source_name=d.get("into_name")), False
    if c.kind == "rename-source" and record.source_id == c.target:
        return replace(record, source_name=d["name"]), False
    alias = str(d.get("alias", "")).lower()
    if c.kind == "alias" and record.source is not None and record.source.text.lower() == alias:
        return replace(record, source_id=c.target, source_name=d.get("target_name")), False
    if c.kind == "merge-claims" and record.claim_id == c.target:
        return replace(record, claim_id=d["into"], claim=d.get("into_text") or record.claim), False
    if c.kind == "split-claim" and record.claim_id == c.target and record.id in d["attributions"]:
        return replace(record, claim_id=d["into"], claim=d["text"]), False
    if c.kind == "stance" and record.id == c.target:
        return replace(record, stance=d["stance"]), False
    return record, c.kind == "drop" and record.id == c.target


def correct_record(
    record: Attribution, corrections: Sequence[Correction]
) -> tuple[Attribution, bool]:
    """The record with every correction applied in order, and whether one drops it."""
    dropped = False
    for c in corrections:
        record, gone = _apply(record, c)
        dropped |= gone
    if record.source_name is None and record.source_id is not None:
        record = replace(record, source_name=record.source_id)
    return record, dropped


def load_corrections(conn: sqlite3.Connection) -> list[Correction]:
    """The store's corrections, in the order they were made."""
    return [
        Correction(
            row["kind"],
            row["target"],
            json.loads(row["detail"]),
            row["note"],
            row["id"],
            row["created"],
        )
        for row in conn.execute("SELECT * FROM corrections ORDER BY id")
    ]


def correction_aliases(corrections: Iterable[Correction]) -> dict[str, set[str]]:
    """The aliases corrections give sources, by source id."""
    out: dict[str, set[str]] = {}
    for c in corrections:
        if c.kind == "alias":
            out.setdefault(c.target, set()).add(str(c.detail["alias"]))
    return out


def _present(conn: sqlite3.Connection) -> tuple[set[str], set[str], set[str]]:
    """Source ids, claim ids and attribution ids as extraction gave them (current revisions)."""
    sources, claims, records = set(), set(), set()
    for sid, cid, aid in conn.execute(
        "SELECT json_extract(a.extracted, '$.source_id'), json_extract(a.extracted, '$.claim_id'), "
        "a.attribution_id FROM attributions a JOIN articles r ON r.id = a.article "
        "WHERE r.current = 1"
    ):
        sources.add(sid)
        claims.add(cid)
        records.add(aid)
    return sources, claims, records


def check_corrections(
    conn: sqlite3.Connection, corrections: Sequence[Correction] | None = None
) -> list[CorrectionProblem]:
    """Corrections whose target is not among the records they apply to, in order."""
    sources, claims, records = _present(conn)
    problems = []
    for c in load_corrections(conn) if corrections is None else corrections:
        problem = None
        if c.kind in ("merge-sources", "rename-source", "alias") and c.target not in sources:
            problem = f"no source {c.target!r} in the store any more"
        elif c.kind in ("merge-claims", "split-claim") and c.target not in claims:
            problem = f"no claim {c.target!r} in the store any more"
        elif c.kind in ("stance", "drop") and c.target not in records:
            problem = f"no attribution {c.target!r} in the store any more"
        elif c.kind == "split-claim":
            gone = [a for a in c.detail["attributions"] if a not in records]
            if gone:
                problem = f"no attribution {', '.join(map(repr, gone))} in the store any more"
        if problem:
            problems.append(CorrectionProblem(c, problem))
        if c.kind == "merge-sources":
            sources.add(c.detail["into"])
        elif c.kind in ("merge-claims", "split-claim"):
            claims.add(c.detail["into"])
    return problems


def replay_corrections(conn: sqlite3.Connection) -> list[CorrectionProblem]:
    """Apply every correction afresh to every stored record (inside the caller's
    transaction), refresh the derived tables, and report corrections without a target."""
    corrections = load_corrections(conn)
    updates = []
    for rowid, extracted, stance, source_id, source_name, claim_id, claim, dropped in conn.execute(
        "SELECT id, extracted, stance, source_id, source_name, claim_id, claim, dropped "
        "FROM attributions"
    ):
        record, gone = correct_record(Attribution.from_dict(json.loads(extracted)), corrections)
        new = (record.stance, record.source_id, record.source_name, record.claim_id, record.claim)
        if new != (stance, source_id, source_name, claim_id, claim) or int(gone) != dropped:
            raw = Attribution.from_dict(json.loads(extracted))
            updates.append((*new, int(gone), int(gone or record != raw), rowid))
    conn.executemany(
        "UPDATE attributions SET stance = ?, source_id = ?, source_name = ?, claim_id = ?, "
        "claim = ?, dropped = ?, corrected = ? WHERE id = ?",
        updates,
    )
    refresh_tables(conn, correction_aliases(corrections))
    return check_corrections(conn, corrections)


def _lookup(conn: sqlite3.Connection, table: str, key: str) -> sqlite3.Row | None:
    return conn.execute(f"SELECT * FROM {table} WHERE id = ?", (key,)).fetchone()


def _complete(conn: sqlite3.Connection, c: Correction) -> Correction:
    """Check the correction's targets exist now, and note the names it carries over."""
    detail = dict(c.detail)
    source_kinds = ("merge-sources", "rename-source", "alias")
    if c.kind in source_kinds and _lookup(conn, "sources", c.target) is None:
        raise CorrectionError(f"no source {c.target!r} in the store; see: tracker sources DB")
    if c.kind == "merge-sources":
        into = _lookup(conn, "sources", detail["into"])
        if into is None:
            raise CorrectionError(f"no source {detail['into']!r} in the store to merge into")
        detail["into_name"] = into["name"]
    if c.kind == "alias":
        detail["target_name"] = _lookup(conn, "sources", c.target)["name"]  # type: ignore[index]
    if c.kind in ("merge-claims", "split-claim") and _lookup(conn, "claims", c.target) is None:
        raise CorrectionError(f"no claim {c.target!r} in the store; see: tracker claims DB")
    if c.kind == "merge-claims":
        into = _lookup(conn, "claims", detail["into"])
        if into is None:
            raise CorrectionError(f"no claim {detail['into']!r} in the store to merge into")
        detail["into_text"] = into["name"]
    if c.kind == "split-claim":
        ids = list(detail["attributions"])
        found = {
            row[0]
            for row in conn.execute(
                f"SELECT attribution_id FROM attributions WHERE claim_id = ? "
                f"AND attribution_id IN ({','.join('?' * len(ids))})",
                (c.target, *ids),
            )
        }
        missing = [a for a in ids if a not in found]
        if missing:
            raise CorrectionError(
                f"claim {c.target!r} has no attribution {', '.join(map(repr, missing))}"
            )
    exists = "SELECT 1 FROM attributions WHERE attribution_id = ?"
    if c.kind in ("stance", "drop") and conn.execute(exists, (c.target,)).fetchone() is None:
        raise CorrectionError(f"no attribution {c.target!r} in the store")
    return replace(c, detail=detail)


def _insert(conn: sqlite3.Connection, c: Correction) -> Correction:
    created = c.created or datetime.now(timezone.utc).isoformat(timespec="seconds")
    cursor = conn.execute(
        "INSERT INTO corrections (kind, target, detail, note, created) VALUES (?, ?, ?, ?, ?)",
        (
            c.kind,
            c.target,
            json.dumps(c.detail, ensure_ascii=False, sort_keys=True),
            c.note,
            created,
        ),
    )
    return replace(c, id=cursor.lastrowid, created=created)


def add_correction(conn: sqlite3.Connection, correction: Correction) -> Correction:
    """Check, store and apply one correction; returns it with its id."""
    correction = Correction.from_dict(correction.to_dict())
    with transaction(conn):
        stored = _insert(conn, _complete(conn, correction))
        replay_corrections(conn)
    return stored


def remove_correction(conn: sqlite3.Connection, correction_id: int) -> Correction:
    """Forget one correction and replay the others."""
    found = [c for c in load_corrections(conn) if c.id == correction_id]
    if not found:
        raise CorrectionError(f"no correction {correction_id}; see: tracker correct list DB")
    with transaction(conn):
        conn.execute("DELETE FROM corrections WHERE id = ?", (correction_id,))
        replay_corrections(conn)
    return found[0]


def export_corrections(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The corrections as JSON-ready dicts, to share with :func:`import_corrections`."""
    return [c.to_dict() for c in load_corrections(conn)]


def import_corrections(
    conn: sqlite3.Connection, items: Iterable[Any]
) -> tuple[int, list[CorrectionProblem]]:
    """Add corrections exported from another store (those already here are skipped);
    returns how many were added and the corrections whose target this store lacks."""
    incoming = [Correction.from_dict(item) for item in items]
    have = {
        (c.kind, c.target, json.dumps(c.detail, sort_keys=True)) for c in load_corrections(conn)
    }
    added = 0
    with transaction(conn):
        for c in incoming:
            key = (c.kind, c.target, json.dumps(c.detail, sort_keys=True))
            if key not in have:
                _insert(conn, c)
                have.add(key)
                added += 1
        problems = replay_corrections(conn)
    return added, problems
