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

from tracker.graph.about import ABOUT_MINIMUM
from tracker.graph.build import attribution_edges

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ContestedClaim",
    "contested_claims",
    "claims_table",
    "sources_table",
    "claim_attributions",
    "attributions_by_claim",
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


def _row(graph: nx.MultiDiGraph, u: str, key: str, attrs: dict) -> dict[str, Any]:
    return {
        "source": graph.nodes[u].get("name", u),
        "stance": attrs["stance"],
        "cue": attrs.get("cue"),
        "article_id": attrs.get("article_id"),
        "evidence": attrs.get("evidence"),
        "sentence": attrs.get("sentence"),
        "attribution_id": key,
        "_order": (*_order(attrs), key),
    }


def _sorted_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows.sort(key=lambda r: r["_order"])
    for row in rows:
        del row["_order"]
    return rows


def claim_attributions(graph: nx.MultiDiGraph, claim: str) -> list[dict[str, Any]]:
    """Every attribution of one claim in reading order: source name, stance, cue, article, evidence.

    Reads only the claim's own edges, so its cost follows the claim, not the graph."""
    node = claim if claim.startswith("claim:") else f"claim:{claim}"
    if node not in graph:
        return []
    rows = [
        _row(graph, u, key, attrs)
        for u, _, key, attrs in graph.in_edges(node, keys=True, data=True)
        if attrs.get("relation") != "cites" and "stance" in attrs
    ]
    return _sorted_rows(rows)


def attributions_by_claim(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, Any]]]:
    """:func:`claim_attributions` of every claim node, by node, in one pass over the edges."""
    rows: dict[str, list[dict[str, Any]]] = {
        node: [] for node, attrs in graph.nodes(data=True) if attrs.get("kind") == "claim"
    }
    for u, v, key, attrs in attribution_edges(graph):
        if v in rows:
            rows[v].append(_row(graph, u, key, attrs))
    return {node: _sorted_rows(found) for node, found in rows.items()}


def _names(rows: list[dict], stance: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for row in rows:
        if row["stance"] == stance:
            seen.setdefault(row["source"], None)
    return tuple(seen)


def _closeness(graph: nx.MultiDiGraph, about: str | None) -> dict[str, float] | None:
    if about is None:
        return None
    from tracker.graph.about import about_scores

    return about_scores(graph, about)


def contested_claims(
    graph: nx.MultiDiGraph,
    *,
    about: str | None = None,
    minimum: float = ABOUT_MINIMUM,
    include_unresolved: bool = False,
) -> list[ContestedClaim]:
    """Claims with at least one ``asserts`` and one ``denies`` edge, most contested first.

    Most contested means the most distinct sources on the smaller side, then the most
    sources overall.  With ``about`` (a claim or headline), only claims at least
    ``minimum`` close to it (:mod:`tracker.graph.about`), closest first.  A pronoun no
    person in its article fits (source kind ``unresolved``) counts for no side unless
    ``include_unresolved``.
    """
    scores = _closeness(graph, about)
    unresolved = set()
    if not include_unresolved:
        unresolved = {
            attrs.get("name")
            for _, attrs in graph.nodes(data=True)
            if attrs.get("kind") == "source" and attrs.get("source_kind") == "unresolved"
        }
    found = []
    for node, rows in attributions_by_claim(graph).items():
        if scores is not None and scores[node.removeprefix("claim:")] < minimum:
            continue
        rows = [r for r in rows if r["source"] not in unresolved]
        asserted, denied = _names(rows, "asserts"), _names(rows, "denies")
        if not asserted or not denied:
            continue
        found.append(
            ContestedClaim(
                claim_id=node.removeprefix("claim:"),
                claim=graph.nodes[node].get("text", ""),
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
        key=lambda c: (
            -(scores[c.claim_id] if scores is not None else 0.0),
            -min(len(c.asserted_by), len(c.denied_by)),
            -len(c.attributions),
            c.claim_id,
        )
    )
    return found


def claims_table(
    graph: nx.MultiDiGraph, *, about: str | None = None, minimum: float = ABOUT_MINIMUM
) -> pd.DataFrame:
    """One row per claim: id, text, how many sources assert / deny / decline, articles, first seen.

    With ``about`` (a claim or headline), only claims at least ``minimum`` close to it, closest
    first, with their closeness in a last column ``about``."""
    import pandas as pd

    scores = _closeness(graph, about)
    rows = []
    for node, edges in attributions_by_claim(graph).items():
        claim_id = node.removeprefix("claim:")
        if scores is not None and scores[claim_id] < minimum:
            continue
        row = {
            "claim_id": claim_id,
            "claim": graph.nodes[node].get("text", ""),
            "asserts": len(_names(edges, "asserts")),
            "denies": len(_names(edges, "denies")),
            "declines": len(_names(edges, "declines")),
            "attributions": len(edges),
            "articles": len({e["article_id"] for e in edges}),
            "first_seen": graph.nodes[node].get("first_seen") or None,
        }
        if scores is not None:
            row["about"] = round(scores[claim_id], 3)
        rows.append(row)
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
    if scores is not None:
        table = pd.DataFrame(rows, columns=[*columns, "about"])
        return table.sort_values(
            ["about", "attributions", "claim_id"],
            ascending=[False, False, True],
            ignore_index=True,
        )
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
