"""Attribution records and claim signatures to and from store rows.

>>> from tracker.model import Span
>>> a = Attribution("a1", "art", Span(0, 3, "Ann"), Span(4, 8, "said"), Span(9, 12, "yes"),
...                 source_id="ann", claim_id="c-yes", claim="yes", evidence="Ann said yes")
>>> row = attribution_row(a, article=1)
>>> next(rows_attributions([[row[name] for name in RECORD_COLUMNS] + [None]])) == a
True
>>> sig = ClaimSignature(words=frozenset({"port", "close"}), negated=True)
>>> signature_from_json(signature_json(sig)) == sig
True
>>> signature_list(sig)
[[], ['close', 'port'], [], [], [], 1, 0, 0, 0, None, [], [], []]
>>> signature_from_list(signature_list(sig)) == sig
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from tracker.model import Attribution, Span
from tracker.resolve.similarity import ClaimSignature

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "attribution_row",
    "rows_attributions",
    "RECORD_COLUMNS",
    "RECORD_SELECT",
    "signature_json",
    "signature_from_json",
    "signature_list",
    "signature_from_list",
]

#: The columns of ``attributions`` that hold a record's (corrected) fields, in order.
ATTRIBUTION_COLUMNS = (
    "attribution_id",
    "article",
    "article_id",
    "source_id",
    "source_name",
    "source_kind",
    "anonymous",
    "source_text",
    "source_start",
    "source_end",
    "cue_text",
    "cue_start",
    "cue_end",
    "content_text",
    "content_start",
    "content_end",
    "stance",
    "quote",
    "hedged",
    "via",
    "claim_id",
    "claim",
    "sentence",
    "evidence",
    "date",
    "outlet",
    "url",
    "title",
    "dropped",
    "corrected",
    "extracted",
)

_SPAN_PREFIXES = ("source", "cue", "content")
_SETS = ("entities", "words", "predicates", "agent", "modifiers")
_FLAGS = ("negated", "directive", "anaphoric", "reporting")
#: Sets added later: a signature stored before them reads them as empty.
_LATER_SETS = ("core", "named", "negated_verbs")


def _span_columns(prefix: str, span: Span | None) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {f"{prefix}_text": span.text, f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def attribution_row(
    record: Attribution,
    *,
    article: int,
    extracted: Attribution | None = None,
    dropped: bool = False,
) -> dict[str, Any]:
    """The ``attributions`` row of ``record`` (as corrected); ``extracted`` is the record as
    extraction gave it (``record`` itself when no correction touched it)."""
    raw = extracted if extracted is not None else record
    return {
        "attribution_id": record.id,
        "article": article,
        "article_id": record.article_id,
        "source_id": record.source_id,
        "source_name": record.source_name,
        "source_kind": record.source_kind,
        "anonymous": int(record.anonymous),
        **_span_columns("source", record.source),
        **_span_columns("cue", record.cue),
        **_span_columns("content", record.content),
        "stance": record.stance,
        "quote": record.quote,
        "hedged": int(record.hedged),
        "via": record.via,
        "claim_id": record.claim_id,
        "claim": record.claim,
        "sentence": record.sentence,
        "evidence": record.evidence,
        "date": record.date,
        "outlet": record.outlet,
        "url": record.url,
        "title": record.title,
        "dropped": int(dropped),
        "corrected": int(dropped or raw != record),
        "extracted": json.dumps(raw.to_dict(), ensure_ascii=False, sort_keys=True),
    }


#: What :func:`rows_attributions` selects, in order: the record's columns, then the
#: ``extra`` object cut out of the extracted JSON by SQLite (much cheaper than parsing the
#: whole record in Python for every row of a big store).
RECORD_COLUMNS = tuple(n for n in ATTRIBUTION_COLUMNS if n not in ("article", "extracted"))
RECORD_SELECT = ", ".join(
    [f"a.{name}" for name in RECORD_COLUMNS] + ["json_extract(a.extracted, '$.extra')"]
)


def rows_attributions(rows: Iterable[Sequence[Any]]) -> Iterator[Attribution]:
    """The records of rows selected as :data:`RECORD_SELECT` (from an ``attributions``
    table aliased ``a``), one at a time."""
    at = {name: i for i, name in enumerate(RECORD_COLUMNS)}
    extra_at = len(RECORD_COLUMNS)
    spans = [(at[f"{p}_start"], at[f"{p}_end"], at[f"{p}_text"]) for p in _SPAN_PREFIXES]
    for row in rows:
        source, cue, content = (
            None if row[s] is None else Span(row[s], row[e], row[t]) for s, e, t in spans
        )
        assert cue is not None
        extra = row[extra_at]
        yield Attribution(
            id=row[at["attribution_id"]],
            article_id=row[at["article_id"]],
            source=source,
            cue=cue,
            content=content,
            stance=row[at["stance"]],
            quote=row[at["quote"]],
            hedged=bool(row[at["hedged"]]),
            source_id=row[at["source_id"]],
            source_name=row[at["source_name"]],
            source_kind=row[at["source_kind"]],
            anonymous=bool(row[at["anonymous"]]),
            via=row[at["via"]],
            claim_id=row[at["claim_id"]],
            claim=row[at["claim"]],
            sentence=row[at["sentence"]],
            evidence=row[at["evidence"]],
            date=row[at["date"]],
            outlet=row[at["outlet"]],
            url=row[at["url"]],
            title=row[at["title"]],
            extra=json.loads(extra) if extra and extra != "{}" else {},
        )


def signature_json(signature: ClaimSignature) -> str:
    """A claim signature as compact JSON (sets as sorted lists)."""
    data: dict[str, Any] = {name: sorted(getattr(signature, name)) for name in _SETS}
    data.update({name: getattr(signature, name) for name in _FLAGS})
    data["reference"] = signature.reference
    data.update({name: sorted(getattr(signature, name)) for name in _LATER_SETS})
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def signature_from_json(text: str) -> ClaimSignature:
    """The claim signature :func:`signature_json` wrote."""
    data = json.loads(text)
    return ClaimSignature(
        entities=frozenset(data["entities"]),
        words=frozenset(data["words"]),
        predicates=frozenset(data["predicates"]),
        agent=frozenset(data["agent"]),
        negated=bool(data["negated"]),
        directive=bool(data["directive"]),
        reference=data["reference"],
        modifiers=frozenset(data["modifiers"]),
        anaphoric=bool(data["anaphoric"]),
        reporting=bool(data["reporting"]),
        core=frozenset(data.get("core", ())),
        named=frozenset(data.get("named", ())),
        negated_verbs=frozenset(data.get("negated_verbs", ())),
    )


def signature_list(signature: ClaimSignature) -> list[Any]:
    """A claim signature as a compact JSON list, for the many signatures of a store's
    sentences: the sets (sorted lists), the flags (0 or 1), the reference, then the sets
    added later."""
    return [
        *(sorted(getattr(signature, name)) for name in _SETS),
        *(int(getattr(signature, name)) for name in _FLAGS),
        signature.reference,
        *(sorted(getattr(signature, name)) for name in _LATER_SETS),
    ]


def signature_from_list(data: Sequence[Any]) -> ClaimSignature:
    """The claim signature :func:`signature_list` gave."""
    entities, words, predicates, agent, modifiers = (frozenset(data[k]) for k in range(5))
    negated, directive, anaphoric, reporting = (bool(data[k]) for k in range(5, 9))
    core, named, negated_verbs = (
        frozenset(data[k]) if len(data) > k else frozenset() for k in (10, 11, 12)
    )
    return ClaimSignature(
        entities=entities,
        words=words,
        predicates=predicates,
        agent=agent,
        negated=negated,
        directive=directive,
        reference=data[9],
        modifiers=modifiers,
        anaphoric=anaphoric,
        reporting=reporting,
        core=core,
        named=named,
        negated_verbs=negated_verbs,
    )
