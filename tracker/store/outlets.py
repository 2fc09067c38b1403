"""Outlets: per outlet, the claims it carried and the stances it reported.

Works on any claim graph: the edges carry each article's outlet.  Attributions from an
article with no known outlet are counted under ``(unknown outlet)``.

>>> from tracker.graph import build_graph
>>> from tracker.model import Attribution, Span
>>> def rec(i, who, stance, date, outlet, anonymous=False):
...     return Attribution(i, f"art-{i}", Span(0, 1, who), Span(2, 3, "said"), Span(4, 5, "y"),
...                        stance=stance, source_id=who, source_name=who, claim_id="c1",
...                        claim="y", date=date, outlet=outlet, anonymous=anonymous)
>>> g = build_graph([rec("1", "al", "asserts", "2026-03-02", "Ledger", anonymous=True),
...                  rec("2", "bo", "denies", "2026-03-04", "Wire")])
>>> [(o.outlet, o.first_reports, o.anonymous_share) for o in outlet_report(g)]
[('Ledger', ('c1',), 1.0), ('Wire', (), 0.0)]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

from tracker.graph.build import attribution_edges

__all__ = ["UNKNOWN_OUTLET", "OutletClaim", "OutletReport", "outlet_report", "outlet_rows"]

#: The outlet name used for articles that name none.
UNKNOWN_OUTLET = "(unknown outlet)"


@dataclass(frozen=True)
class OutletClaim:
    """A claim an outlet carried, and how often it reported each stance on it."""

    claim_id: str
    claim: str
    asserts: int
    denies: int
    declines: int
    first: bool

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class OutletReport:
    """One outlet: its articles and attributions, the share of them from anonymous
    sources, the claims it reported first, and every claim it carried."""

    outlet: str
    articles: int
    attributions: int
    anonymous_share: float
    first_reports: tuple[str, ...]
    claims: tuple[OutletClaim, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "articles": self.articles,
            "attributions": self.attributions,
            "anonymous_share": self.anonymous_share,
            "first_reports": list(self.first_reports),
            "claims": [c.to_dict() for c in self.claims],
        }


def _first_reporters(graph: nx.MultiDiGraph) -> dict[str, str]:
    """The outlet of each claim's earliest dated asserting attribution."""
    best: dict[str, tuple] = {}
    for _, v, _, attrs in attribution_edges(graph):
        if attrs["stance"] != "asserts" or not attrs.get("date"):
            continue
        key = (attrs["date"], attrs.get("article_id") or "", attrs.get("sentence") or 0)
        if v not in best or key < best[v][0]:
            best[v] = (key, attrs.get("outlet") or UNKNOWN_OUTLET)
    return {claim: outlet for claim, (_, outlet) in best.items()}


def outlet_report(graph: nx.MultiDiGraph) -> list[OutletReport]:
    """Every outlet of the graph, the one with the most attributions first."""
    articles: dict[str, set[str]] = defaultdict(set)
    stances: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    anonymous: Counter = Counter()
    total: Counter = Counter()
    for u, v, _, attrs in attribution_edges(graph):
        outlet = attrs.get("outlet") or UNKNOWN_OUTLET
        articles[outlet].add(attrs.get("article_id") or "")
        stances[outlet][v][attrs["stance"]] += 1
        total[outlet] += 1
        source = graph.nodes[u]
        if source.get("anonymous") or source.get("source_kind") == "anonymous":
            anonymous[outlet] += 1
    first = _first_reporters(graph)
    reports = []
    for outlet in stances:
        claims = tuple(
            OutletClaim(
                claim_id=node.removeprefix("claim:"),
                claim=graph.nodes[node].get("text", ""),
                asserts=counts["asserts"],
                denies=counts["denies"],
                declines=counts["declines"],
                first=first.get(node) == outlet,
            )
            for node, counts in sorted(
                stances[outlet].items(), key=lambda item: (-sum(item[1].values()), item[0])
            )
        )
        reports.append(
            OutletReport(
                outlet=outlet,
                articles=len(articles[outlet]),
                attributions=total[outlet],
                anonymous_share=round(anonymous[outlet] / total[outlet], 3),
                first_reports=tuple(sorted(c.claim_id for c in claims if c.first)),
                claims=claims,
            )
        )
    reports.sort(key=lambda r: (r.outlet == UNKNOWN_OUTLET, -r.attributions, r.outlet))
    return reports


def outlet_rows(reports: list[OutletReport]) -> list[dict[str, Any]]:
    """One flat row per outlet and claim, for CSV."""
    return [
        {
            "outlet": r.outlet,
            "articles": r.articles,
            "anonymous_share": r.anonymous_share,
            **c.to_dict(),
        }
        for r in reports
        for c in r.claims
    ]
