"""Records that flow through tracker, as frozen dataclasses with dict round-trips.

The JSON shape of :class:`Attribution` is a contract (see ``docs/FORMATS.md``): fields
may be added, never renamed or removed.

>>> span = Span(4, 9, "said")
>>> Span.from_dict(span.to_dict()) == span
True
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeGuard

from tracker.errors import RecordError

__all__ = [
    "STANCES",
    "QUOTE_TYPES",
    "SOURCE_KINDS",
    "Span",
    "Article",
    "Attribution",
    "attribution_id",
]

#: What a source does with a claim.
STANCES = ("asserts", "denies", "declines")
#: How the content is given: in quotation marks, paraphrased, partly quoted, or "according to".
QUOTE_TYPES = ("direct", "indirect", "mixed", "according_to")
#: What kind of entity a source is.
SOURCE_KINDS = (
    "person",
    "group",
    "government",
    "organization",
    "media",
    "anonymous",
    "document",
    "unknown",
)


@dataclass(frozen=True)
class Span:
    """A stretch of article text: ``article.text[start:end] == text`` (code points, end-exclusive)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        if isinstance(data, dict):
            start, end, text = data.get("start"), data.get("end"), data.get("text")
            if (
                isinstance(start, int)
                and isinstance(end, int)
                and _is_count(start)
                and _is_count(end)
                and start <= end
                and isinstance(text, str)
            ):
                return cls(start, end, text)
        shown = repr(data)
        shown = shown if len(shown) <= 80 else shown[:77] + "..."
        raise RecordError(
            f"span needs whole-number 'start' <= 'end' and a 'text' string: got {shown}"
        )


def _is_count(value: object) -> TypeGuard[int]:
    """A whole number of zero or more (not a bool, not a float)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _field_types(data: dict[str, Any]) -> None:
    """Refuse a record field of the wrong JSON type, naming the field."""
    for key in _TEXT_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise RecordError(f"'{key}' must be a string or null, not {_json_kind(value)}")
    for key in ("id", "article_id"):
        if not isinstance(data[key], str) or not data[key]:
            raise RecordError(f"'{key}' must be a non-empty string, not {_json_kind(data[key])}")
    for key in ("hedged", "anonymous"):
        if not isinstance(data.get(key, False), bool):
            raise RecordError(f"'{key}' must be true or false, not {_json_kind(data[key])}")
    if "sentence" in data and not _is_count(data["sentence"]):
        raise RecordError(
            f"'sentence' must be a whole number of 0 or more, not {_json_kind(data['sentence'])}"
        )
    if not isinstance(data.get("extra") or {}, dict):
        raise RecordError(f"'extra' must be an object, not {_json_kind(data['extra'])}")


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value!r}" if len(repr(value)) < 30 else "a number"
    if isinstance(value, str):
        return "an empty string" if not value else "a string"
    names: dict[type, str] = {list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


_TEXT_FIELDS = (
    "quote", "source_id", "source_name", "source_kind", "via", "claim_id", "claim",
    "evidence", "date", "outlet", "url", "title",
)  # fmt: skip


@dataclass(frozen=True)
class Article:
    """One news article as read from disk.

    ``paragraphs`` are the spans extraction reads; ``debris`` are spans recognised as
    scraping debris (language bars, photo captions, "further reading:"), kept out of
    extraction.  Both index into ``text`` unchanged.
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    path: str | None = None
    paragraphs: tuple[Span, ...] = ()
    debris: tuple[Span, ...] = ()
    synthetic: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["paragraphs"] = [p.to_dict() for p in self.paragraphs]
        data["debris"] = [d.to_dict() for d in self.debris]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["paragraphs"] = tuple(Span.from_dict(p) for p in data.get("paragraphs", ()))
        kwargs["debris"] = tuple(Span.from_dict(d) for d in data.get("debris", ()))
        return cls(**kwargs)


def attribution_id(article_id: str, cue_start: int, cue_end: int, content_start: int | None) -> str:
    """A stable id for an attribution: same article and spans, same id across runs."""
    key = f"{article_id}\x1f{cue_start}\x1f{cue_end}\x1f{content_start}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Attribution:
    """Who (``source``) said (``cue``) what (``content``), and with which ``stance``.

    ``source_id`` is the canonical id of the resolved source (pronouns and nominals such
    as "the statement" resolved within the article), ``source_name`` its display name.
    ``via`` is the id of the attribution that relays this one.  ``sentence`` is the
    index of the sentence in the article and ``evidence`` its text, so every edge can be
    traced back to where it came from.  ``date``, ``outlet``, ``url`` and ``title`` are
    those of the article, when known.
    """

    id: str
    article_id: str
    source: Span | None
    cue: Span
    content: Span | None
    stance: str = "asserts"
    quote: str = "indirect"
    hedged: bool = False
    source_id: str | None = None
    source_name: str | None = None
    source_kind: str | None = None
    anonymous: bool = False
    via: str | None = None
    claim_id: str | None = None
    claim: str | None = None
    sentence: int = 0
    evidence: str = ""
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "article_id": self.article_id,
            "source": self.source.to_dict() if self.source else None,
            "source_id": self.source_id,
            "source_name": self.source_name,
            "source_kind": self.source_kind,
            "anonymous": self.anonymous,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict() if self.content else None,
            "stance": self.stance,
            "quote": self.quote,
            "hedged": self.hedged,
            "via": self.via,
            "claim_id": self.claim_id,
            "claim": self.claim,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "date": self.date,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
        }
        if self.extra:
            data["extra"] = dict(self.extra)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        if not isinstance(data, dict):
            raise RecordError(f"an attribution must be a JSON object, got {type(data).__name__}")
        missing = [k for k in ("id", "article_id", "cue", "stance") if k not in data]
        if missing:
            raise RecordError(f"attribution record lacks {', '.join(repr(m) for m in missing)}")
        stance = data["stance"]
        if not isinstance(stance, str) or stance not in STANCES:
            raise RecordError(f"stance {stance!r} is not one of {', '.join(STANCES)}")
        _field_types(data)
        source = data.get("source")
        content = data.get("content")
        return cls(
            id=data["id"],
            article_id=data["article_id"],
            source=Span.from_dict(source) if source else None,
            cue=Span.from_dict(data["cue"]),
            content=Span.from_dict(content) if content else None,
            stance=stance,
            quote=data.get("quote") or "indirect",
            hedged=data.get("hedged", False),
            source_id=data.get("source_id"),
            source_name=data.get("source_name"),
            source_kind=data.get("source_kind"),
            anonymous=data.get("anonymous", False),
            via=data.get("via"),
            claim_id=data.get("claim_id"),
            claim=data.get("claim"),
            sentence=data.get("sentence", 0),
            evidence=data.get("evidence") or "",
            date=data.get("date"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            title=data.get("title"),
            extra=dict(data.get("extra") or {}),
        )
