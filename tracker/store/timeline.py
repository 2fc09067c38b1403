"""A claim's timeline: who said what, where and when, in date order.

Works on any claim graph (a store's or a graph file's): edges carry the article's date,
outlet, url and title.  Undated attributions come after the dated ones.

>>> from tracker.graph import build_graph
>>> from tracker.model import Attribution, Span
>>> def rec(i, who, stance, date, outlet):
...     return Attribution(i, f"art-{i}", Span(0, 1, who), Span(2, 3, "said"), Span(4, 5, "y"),
...                        stance=stance, source_id=who, source_name=who, claim_id="c1",
...                        claim="y", date=date, outlet=outlet)
>>> g = build_graph([rec("2", "bo", "denies", "2026-03-04", "Wire"),
...                  rec("1", "al", "asserts", "2026-03-02", "Ledger")])
>>> t = claim_timeline(g, "c1")
>>> (t.first_report.source, t.first_report.outlet, t.first_denial.date)
('al', 'Ledger', '2026-03-04')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

import networkx as nx

from tracker.errors import GraphError
from tracker.graph.build import attribution_edges

__all__ = ["TimelineEntry", "ClaimTimeline", "claim_timeline", "timeline_rows", "pick_claim"]


@dataclass(frozen=True)
class TimelineEntry:
    """One attribution of the claim: when, where, who, with which stance, citing whom."""

    date: str | None
    outlet: str | None
    source: str
    source_id: str
    stance: str
    cue: str | None
    article_id: str | None
    title: str | None
    url: str | None
    citing: str | None
    evidence: str | None
    attribution_id: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ClaimTimeline:
    """A claim's attributions in date order, with the moments a fact-checker looks for.

    ``pickups`` are the first asserting attribution of every later article that carried
    the claim; ``per_day`` counts attributions by date and stance."""

    claim_id: str
    claim: str
    entries: tuple[TimelineEntry, ...]
    first_report: TimelineEntry | None
    pickups: tuple[TimelineEntry, ...]
    first_denial: TimelineEntry | None
    first_decline: TimelineEntry | None
    per_day: tuple[tuple[str, dict[str, int]], ...]

    def to_dict(self) -> dict[str, Any]:
        def one(entry: TimelineEntry | None) -> dict[str, Any] | None:
            return entry.to_dict() if entry is not None else None

        return {
            "claim_id": self.claim_id,
            "claim": self.claim,
            "first_report": one(self.first_report),
            "pickups": [p.to_dict() for p in self.pickups],
            "first_denial": one(self.first_denial),
            "first_decline": one(self.first_decline),
            "per_day": [{"date": d, **counts} for d, counts in self.per_day],
            "entries": [e.to_dict() for e in self.entries],
        }


def _order(attrs: dict[str, Any]) -> tuple:
    date = attrs.get("date")
    return (
        date is None,
        date or "",
        attrs.get("article_id") or "",
        attrs.get("sentence") or 0,
        attrs.get("cue_start") or 0,
    )


def _relayers(graph: nx.MultiDiGraph, keys: set[str]) -> dict[str, str]:
    """The source name of each attribution id in ``keys`` (for 'citing whom')."""
    names = {}
    for u, _, key, _ in attribution_edges(graph):
        if key in keys:
            names[key] = graph.nodes[u].get("name", u)
    return names


def claim_timeline(graph: nx.MultiDiGraph, claim_id: str) -> ClaimTimeline:
    """The timeline of one claim of ``graph``; raises :class:`GraphError` for an unknown id."""
    node = claim_id if claim_id.startswith("claim:") else f"claim:{claim_id}"
    if node not in graph or graph.nodes[node].get("kind") != "claim":
        raise GraphError(f"no claim {claim_id!r} in the graph; list them with: tracker claims")
    edges = [
        (u, key, attrs)
        for u, _, key, attrs in graph.in_edges(node, keys=True, data=True)
        if attrs.get("relation") != "cites" and "stance" in attrs
    ]
    edges.sort(key=lambda e: _order(e[2]))
    relayed = _relayers(graph, {a["via"] for _, _, a in edges if a.get("via")})
    entries = tuple(
        TimelineEntry(
            date=attrs.get("date") or None,
            outlet=attrs.get("outlet") or None,
            source=graph.nodes[u].get("name", u),
            source_id=u.removeprefix("source:"),
            stance=attrs["stance"],
            cue=attrs.get("cue"),
            article_id=attrs.get("article_id"),
            title=attrs.get("title") or None,
            url=attrs.get("url") or None,
            citing=relayed.get(attrs.get("via") or ""),
            evidence=attrs.get("evidence"),
            attribution_id=key,
        )
        for u, key, attrs in edges
    )
    asserts = [e for e in entries if e.stance == "asserts"]
    first = asserts[0] if asserts else None
    seen = {first.article_id} if first else set()
    pickups = []
    for entry in asserts[1:]:
        if entry.article_id not in seen:
            seen.add(entry.article_id)
            pickups.append(entry)
    days: dict[str, Counter] = {}
    for entry in entries:
        days.setdefault(entry.date or "undated", Counter())[entry.stance] += 1
    per_day = tuple(
        (day, {s: counts.get(s, 0) for s in ("asserts", "denies", "declines")})
        for day, counts in days.items()
    )
    return ClaimTimeline(
        claim_id=node.removeprefix("claim:"),
        claim=graph.nodes[node].get("text", ""),
        entries=entries,
        first_report=first,
        pickups=tuple(pickups),
        first_denial=next((e for e in entries if e.stance == "denies"), None),
        first_decline=next((e for e in entries if e.stance == "declines"), None),
        per_day=per_day,
    )


def timeline_rows(timeline: ClaimTimeline) -> list[dict[str, Any]]:
    """One flat row per attribution, for CSV and tables."""
    return [{"claim_id": timeline.claim_id, **entry.to_dict()} for entry in timeline.entries]


def pick_claim(
    graph: nx.MultiDiGraph, claim_id: str | None = None, about: str | None = None
) -> str:
    """The claim a command is about: ``claim_id`` when given, else the claim closest to
    ``about``, else the most contested claim (the one with the most attributions where
    none is contested)."""
    if claim_id:
        return claim_id.removeprefix("claim:")
    if about:
        from tracker.graph.about import claims_about

        close = claims_about(graph, about)
        if not close:
            raise GraphError(
                f"no claim in the graph is close to {about!r}; word it as the articles do, "
                "or name the claim (tracker claims lists them)"
            )
        return close[0].claim_id
    from tracker.graph.analysis import contested_claims

    contested = contested_claims(graph)
    if contested:
        return contested[0].claim_id
    claims = [n for n, a in graph.nodes(data=True) if a.get("kind") == "claim"]
    if not claims:
        raise GraphError("the graph has no claims; add articles that hold attributions")
    best = max(claims, key=lambda n: (graph.in_degree(n), n))
    return str(best).removeprefix("claim:")
