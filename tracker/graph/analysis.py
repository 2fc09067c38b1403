"""Analyses over the claim graph, as plain functions returning records or DataFrames.

>>> from tracker.graph import build_graph
>>> from tracker.model import Attribution, Span
>>> def rec(i, who, stance):
...     return Attribution(i, "art", Span(0, 1, who), Span(2, 3, "x"), Span(4, 5, "y"),
...                        stance=stance, source_id=who, source_name=who, claim_id="c1", claim="y")
>>> g = build_graph([rec("1", "ann", "asserts"), rec("2", "bob", "denies")])
>>> [(c.claim_id, c.asserted_by, c.denied_by) for c in contested_claims(g)]
[('c1', ('ann',), ('bob',))]
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import networkx as nx

from tracker.graph.build import attribution_edges

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ContestedClaim",
    "contested_claims",
    "claims_table",
    "sources_table",
    "claim_attributions",
]


@dataclass(frozen=True)
class ContestedClaim:
    """A claim that at least one source asserts and at least one denies."""

    claim_id: str
    claim: str
    asserted_by: tuple[str, ...]
    denied_by: tuple[str, ...]
    declined_by: tuple[str, ...]
    attributions: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("asserted_by", "denied_by", "declined_by"):
            data[key] = list(data[key])
        data["attributions"] = [dict(a) for a in self.attributions]
        return data


def _order(attrs: dict) -> tuple:
    return (
        attrs.get("date") or "",
        attrs.get("article_id") or "",
        attrs.get("sentence") or 0,
        attrs.get("cue_start") or 0,
    )


def claim_attributions(graph: nx.MultiDiGraph, claim: str) -> list[dict[str, Any]]:
    """Every attribution of one claim in reading order: source name, stance, cue, article, evidence."""
    node = claim if claim.startswith("claim:") else f"claim:{claim}"
    rows = []
    for u, v, key, attrs in attribution_edges(graph):
        if v != node:
            continue
        rows.append(
            {
                "source": graph.nodes[u].get("name", u),
                "stance": attrs["stance"],
                "cue": attrs.get("cue"),
                "article_id": attrs.get("article_id"),
                "evidence": attrs.get("evidence"),
                "sentence": attrs.get("sentence"),
                "attribution_id": key,
                "_order": _order(attrs),
            }
        )
    rows.sort(key=lambda r: r.pop("_order"))
    return rows


def _names(rows: list[dict], stance: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for row in rows:
        if row["stance"] == stance:
            seen.setdefault(row["source"], None)
    return tuple(seen)


def contested_claims(graph: nx.MultiDiGraph) -> list[ContestedClaim]:
    """Claims with at least one ``asserts`` and one ``denies`` edge, most contested first.

    Most contested means the most distinct sources on the smaller side, then the most
    sources overall.
    """
    found = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "claim":
            continue
        rows = claim_attributions(graph, node)
        asserted, denied = _names(rows, "asserts"), _names(rows, "denies")
        if not asserted or not denied:
            continue
        found.append(
            ContestedClaim(
                claim_id=node.removeprefix("claim:"),
                claim=attrs.get("text", ""),
                asserted_by=asserted,
                denied_by=denied,
                declined_by=_names(rows, "declines"),
                attributions=tuple(
                    {k: r[k] for k in ("source", "stance", "cue", "article_id", "evidence")}
                    for r in rows
                ),
            )
        )
    found.sort(
        key=lambda c: (-min(len(c.asserted_by), len(c.denied_by)), -len(c.attributions), c.claim_id)
    )
    return found


def claims_table(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per claim: id, text, how many sources assert / deny / decline, articles, first seen."""
    import pandas as pd

    rows = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "claim":
            continue
        edges = claim_attributions(graph, node)
        rows.append(
            {
                "claim_id": node.removeprefix("claim:"),
                "claim": attrs.get("text", ""),
                "asserts": len(_names(edges, "asserts")),
                "denies": len(_names(edges, "denies")),
                "declines": len(_names(edges, "declines")),
                "attributions": len(edges),
                "articles": len({e["article_id"] for e in edges}),
                "first_seen": attrs.get("first_seen") or None,
            }
        )
    columns = [
        "claim_id",
        "claim",
        "asserts",
        "denies",
        "declines",
        "attributions",
        "articles",
        "first_seen",
    ]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(
        ["attributions", "claim_id"], ascending=[False, True], ignore_index=True
    )


def sources_table(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per source: id, name, kind, anonymity, how often it asserts / denies / declines / cites."""
    import pandas as pd

    rows = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "source":
            continue
        stances = {"asserts": 0, "denies": 0, "declines": 0}
        claims = set()
        for _, v, edge in graph.out_edges(node, data=True):
            if edge.get("relation") == "cites":
                continue
            stances[edge["stance"]] = stances.get(edge["stance"], 0) + 1
            claims.add(v)
        cites = sum(
            1 for _, _, e in graph.out_edges(node, data=True) if e.get("relation") == "cites"
        )
        rows.append(
            {
                "source_id": node.removeprefix("source:"),
                "name": attrs.get("name", ""),
                "kind": attrs.get("source_kind", "unknown"),
                "anonymous": bool(attrs.get("anonymous", False)),
                **stances,
                "claims": len(claims),
                "cites": cites,
            }
        )
    columns = [
        "source_id",
        "name",
        "kind",
        "anonymous",
        "asserts",
        "denies",
        "declines",
        "claims",
        "cites",
    ]
    table = pd.DataFrame(rows, columns=columns)
    table["total"] = table[["asserts", "denies", "declines"]].sum(axis=1)
    table = table.sort_values(["total", "source_id"], ascending=[False, True], ignore_index=True)
    return table.drop(columns="total")
