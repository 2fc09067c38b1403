"""What a picture of a large claim graph draws, and a note of what it leaves out.

A picture holds a few dozen claims legibly.  Above :data:`DRAWN_CLAIMS` claims,
:func:`select_for_drawing` keeps the contested claims (asserted by one source, denied by
another; most contested first) with their sources, or, given ``about``, the claims closest
to that wording (:func:`tracker.graph.about.claims_about`); when no claim is contested, the claims with the most attributions.  The
:class:`Selection` it returns says what was left out, so that nothing is dropped silently.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for i in range(70):
...     g.add_node(f"source:s{i}", kind="source", name=f"s{i}")
...     g.add_node(f"claim:c{i}", kind="claim", text=f"claim number {i}")
...     _ = g.add_edge(f"source:s{i}", f"claim:c{i}", stance="asserts")
>>> _ = g.add_edge("source:s1", "claim:c0", stance="denies")
>>> chosen = select_for_drawing(g)
>>> sorted(chosen.graph)
['claim:c0', 'source:s0', 'source:s1']
>>> print(chosen.note)
Drawn: the 1 contested claim and its 2 sources; left out: 69 of 70 claims and 68 of 70 sources (--all draws every claim; tracker explore shows the whole graph).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

from tracker.errors import GraphError
from tracker.graph.about import claims_about

__all__ = ["DRAWN_CLAIMS", "Selection", "select_for_drawing", "ranked_claims"]

#: Above this many claims a picture draws only a selection of them.
DRAWN_CLAIMS = 60


@dataclass(frozen=True)
class Selection:
    """The part of a graph to draw: ``claims`` in ranked order and what they were chosen by."""

    graph: nx.MultiDiGraph
    claims: tuple[str, ...]
    chosen_by: str  # "all", "contested", "attributions", "ranked" or "about"
    total_claims: int
    total_sources: int
    about: str | None = None
    contested: int = 0  # how many claims are contested in the whole graph

    @property
    def sources(self) -> int:
        return sum(1 for _, a in self.graph.nodes(data=True) if a.get("kind") == "source")

    @property
    def note(self) -> str | None:
        """What was drawn and what was left out; None when everything was drawn."""
        if self.chosen_by == "all":
            return None
        n, sources = len(self.claims), self.sources
        what = {
            "contested": (
                f"the {_count(n, 'contested claim')}"
                if n == self.contested
                else f"the {n} most contested of {_count(self.contested, 'contested claim')}"
            ),
            "attributions": f"the {_count(n, 'claim')} with the most attributions (none is contested)",
            "about": f'the {_count(n, "claim")} closest to "{self.about}"',
            "ranked": f"the first {_count(n, 'claim')}, most contested first, then most attributed",
        }[self.chosen_by]
        whose = "its" if n == 1 else "their"
        return (
            f"Drawn: {what} and {whose} {_count(sources, 'source')}; left out: "
            f"{self.total_claims - n:,} of {self.total_claims:,} claims and "
            f"{self.total_sources - sources:,} of {self.total_sources:,} sources "
            "(--all draws every claim; tracker explore shows the whole graph)."
        )

    def first(self, n: int) -> Selection:
        """The same selection cut to its ``n`` first claims (at least one)."""
        keep = self.claims[: max(n, 1)]
        return Selection(
            _claims_and_sources(self.graph, keep),
            keep,
            "ranked" if self.chosen_by == "all" else self.chosen_by,
            self.total_claims,
            self.total_sources,
            self.about,
            self.contested,
        )


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def ranked_claims(graph: nx.MultiDiGraph) -> tuple[list[str], int]:
    """Claim nodes, contested ones first (most contested first, as ``tracker contested``
    orders them), then by attributions; and how many are contested.  One pass over edges."""
    sides: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    attributions: dict[str, int] = defaultdict(int)
    for u, v, attrs in graph.edges(data=True):
        if attrs.get("relation") == "cites" or "stance" not in attrs:
            continue
        sides[v][str(attrs["stance"])].add(u)
        attributions[v] += 1
    claims = [n for n, a in graph.nodes(data=True) if a.get("kind") == "claim"]

    def key(node: str) -> tuple[Any, ...]:
        asserted, denied = len(sides[node]["asserts"]), len(sides[node]["denies"])
        return (-min(asserted, denied), -attributions[node], node)

    claims.sort(key=key)
    contested = sum(1 for n in claims if sides[n]["asserts"] and sides[n]["denies"])
    return claims, contested


def select_for_drawing(
    graph: nx.MultiDiGraph,
    *,
    about: str | None = None,
    show_all: bool = False,
    max_claims: int = DRAWN_CLAIMS,
) -> Selection:
    """The claims (with their sources and the citations among those) a picture draws.

    ``show_all`` draws every claim; ``about`` the claims closest to that wording (at most
    ``max_claims``); otherwise a graph of more than ``max_claims`` claims is cut to its
    contested claims, most contested first (or to the claims with the most attributions
    when none is contested).
    """
    ranked, contested = ranked_claims(graph)
    total_sources = sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "source")
    common: dict[str, Any] = {
        "total_claims": len(ranked),
        "total_sources": total_sources,
        "contested": contested,
    }
    if about is not None:
        close = tuple(f"claim:{c.claim_id}" for c in claims_about(graph, about))[:max_claims]
        if not close:
            raise GraphError(
                f"no claim in the graph is close to {about!r}; word it as the articles do, "
                "or draw the whole graph without --about"
            )
        return Selection(_claims_and_sources(graph, close), close, "about", about=about, **common)
    if show_all or len(ranked) <= max_claims:
        return Selection(graph, tuple(ranked), "all", **common)
    keep = tuple(ranked[: min(contested, max_claims) or max_claims])
    chosen_by = "contested" if contested else "attributions"
    return Selection(_claims_and_sources(graph, keep), keep, chosen_by, **common)


def _claims_and_sources(graph: nx.MultiDiGraph, claims: tuple[str, ...]) -> nx.MultiDiGraph:
    """A copy holding ``claims``, every source with an edge to them, and those edges (with
    the ``cites`` edges among those sources)."""
    keep = set(claims)
    for claim in claims:
        keep.update(u for u in graph.predecessors(claim) if graph.nodes[u].get("kind") == "source")
    part = graph.subgraph(keep).copy()
    part.graph.update(graph.graph)
    return part
