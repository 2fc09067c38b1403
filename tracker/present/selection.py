"""What a picture of a large claim graph draws, and a note of what it leaves out.

A picture holds a few dozen claims legibly.  Above :data:`DRAWN_CLAIMS` claims,
:func:`select_for_drawing` keeps the contested claims (asserted by one source, denied by
another; most contested first) with their sources, or, given ``about``, the claims closest
to that wording (:func:`tracker.graph.about.claims_about`); when no claim is contested, the
claims with the most attributions.  They are packed until their sources fill a picture
(:data:`DRAWN_SOURCES`); a claim with too many sources to sit beside others is passed over
and named.  The :class:`Selection` it returns says what was left out, so that nothing is
dropped silently.

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

__all__ = [
    "DRAWN_CLAIMS",
    "DRAWN_SOURCES",
    "SOURCES_PER_CLAIM",
    "Selection",
    "pack_claims",
    "select_for_drawing",
    "ranked_claims",
]

#: Above this many claims a picture draws only a selection of them.
DRAWN_CLAIMS = 60
#: A selection holds at most this many sources: about as many as fit, one above the other,
#: in a picture 4,000 pixels tall (``tracker.present.render.MAX_PIXELS``).
DRAWN_SOURCES = 80
#: A claim with more sources than this is passed over in a selection (one such claim would
#: take the room of tens of others); the note names the first, ``--claim`` draws it.
SOURCES_PER_CLAIM = 15


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
    # Where each drawn claim stood among the candidates, and the candidates ranked above the
    # last drawn one that were passed over for their many sources: (rank, claim, sources).
    ranks: tuple[int, ...] = ()
    passed_over: tuple[tuple[int, str, int], ...] = ()

    @property
    def sources(self) -> int:
        return sum(1 for _, a in self.graph.nodes(data=True) if a.get("kind") == "source")

    @property
    def note(self) -> str | None:
        """What was drawn and what was left out; None when everything was drawn."""
        if self.chosen_by == "all":
            return None
        n, sources = len(self.claims), self.sources
        fit = " that fit" if self.passed_over else ""
        if self.chosen_by == "contested" and self.passed_over:
            what = f"{n:,} of the {self.contested:,} contested claims (the most contested{fit})"
        elif self.chosen_by == "contested":
            what = (
                f"the {_count(n, 'contested claim')}"
                if n == self.contested
                else f"the {n} most contested of {_count(self.contested, 'contested claim')}"
            )
        else:
            what = {
                "attributions": (
                    f"the {_count(n, 'claim')} with the most attributions{fit} (none is contested)"
                ),
                "about": f'the {_count(n, "claim")} closest to "{self.about}"{fit}',
                "ranked": f"the first {_count(n, 'claim')}, most contested first, then most attributed",
            }[self.chosen_by]
        whose = "its" if n == 1 else "their"
        note = (
            f"Drawn: {what} and {whose} {_count(sources, 'source')}; left out: "
            f"{self.total_claims - n:,} of {self.total_claims:,} claims and "
            f"{self.total_sources - sources:,} of {self.total_sources:,} sources "
            "(--all draws every claim; tracker explore shows the whole graph)."
        )
        if self.passed_over:
            _, first, many = self.passed_over[0]
            which = {"about": "closest", "contested": "most contested"}.get(
                self.chosen_by, "most attributed"
            )
            why = (
                f"{many:,} sources, too many to draw beside others"
                if many > SOURCES_PER_CLAIM
                else f"{_count(many, 'source')}; the picture was full"
            )
            note += (
                f" The {which} claim left out is {first.removeprefix('claim:')} ({why}); "
                "--claim ID draws a claim alone."
            )
        return note

    def first(self, n: int) -> Selection:
        """The same selection cut to its ``n`` first claims (at least one)."""
        keep = self.claims[: max(n, 1)]
        ranks = self.ranks[: len(keep)]
        last = ranks[-1] if ranks else len(keep) - 1
        return Selection(
            _claims_and_sources(self.graph, keep),
            keep,
            "ranked" if self.chosen_by == "all" else self.chosen_by,
            self.total_claims,
            self.total_sources,
            self.about,
            self.contested,
            ranks,
            tuple(p for p in self.passed_over if p[0] < last),
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
    max_sources: int = DRAWN_SOURCES,
) -> Selection:
    """The claims (with their sources and the citations among those) a picture draws.

    ``show_all`` draws every claim; ``about`` the claims closest to that wording; otherwise a
    graph of more than ``max_claims`` claims is cut to its contested claims, most contested
    first (or to the claims with the most attributions when none is contested).  A cut
    selection is packed (:func:`pack_claims`): at most ``max_claims`` claims and
    ``max_sources`` sources, passing over the claims whose sources do not fit.
    """
    ranked, contested = ranked_claims(graph)
    total_sources = sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "source")
    common: dict[str, Any] = {
        "total_claims": len(ranked),
        "total_sources": total_sources,
        "contested": contested,
    }
    if about is not None:
        close = [f"claim:{c.claim_id}" for c in claims_about(graph, about)]
        if not close:
            raise GraphError(
                f"no claim in the graph is close to {about!r}; word it as the articles do, "
                "or draw the whole graph without --about"
            )
        packed = pack_claims(graph, close, max_claims, max_sources, keep_first=True)
        return _selection(graph, packed, "about", about=about, **common)
    if show_all or len(ranked) <= max_claims:
        return Selection(graph, tuple(ranked), "all", **common)
    candidates = ranked[:contested] if contested else ranked
    packed = pack_claims(graph, candidates, max_claims, max_sources)
    return _selection(graph, packed, "contested" if contested else "attributions", **common)


def pack_claims(
    graph: nx.MultiDiGraph,
    candidates: list[str],
    max_claims: int,
    max_sources: int,
    *,
    keep_first: bool = False,
) -> tuple[list[tuple[int, str]], list[tuple[int, str, int]]]:
    """The candidates (in order) a picture can hold, and those it passes over.

    Going down ``candidates``, a claim with more than :data:`SOURCES_PER_CLAIM` sources is
    passed over; the others are kept until ``max_claims`` claims are kept or the next one's
    sources would bring those kept past ``max_sources``.  Returns the kept claims and the
    passed-over ones ranked above the last kept, with their places among the candidates
    (and, for the passed over, how many sources each has).  ``keep_first`` keeps the first
    candidate whatever its sources; when every candidate is passed over, the one with the
    fewest sources is kept.
    """
    per_claim = min(SOURCES_PER_CLAIM, max_sources)
    kept: list[tuple[int, str]] = []
    passed: list[tuple[int, str, int]] = []
    union: set[str] = set()
    for rank, claim in enumerate(candidates):
        if len(kept) >= max_claims:
            break
        sources = _sources_of(graph, claim)
        if len(sources) > per_claim and not (keep_first and rank == 0):
            passed.append((rank, claim, len(sources)))
            continue
        if kept and len(union | sources) > max_sources:
            passed.append((rank, claim, len(sources)))
            continue
        kept.append((rank, claim))
        union |= sources
    if not kept:
        rank, claim, _ = min(passed, key=lambda p: (p[2], p[0]))
        kept.append((rank, claim))
    last = kept[-1][0]
    return kept, [p for p in passed if p[0] < last]


def _selection(
    graph: nx.MultiDiGraph,
    packed: tuple[list[tuple[int, str]], list[tuple[int, str, int]]],
    chosen_by: str,
    **common: Any,
) -> Selection:
    kept, passed = packed
    claims = tuple(claim for _, claim in kept)
    return Selection(
        _claims_and_sources(graph, claims),
        claims,
        chosen_by,
        ranks=tuple(rank for rank, _ in kept),
        passed_over=tuple(passed),
        **common,
    )


def _sources_of(graph: nx.MultiDiGraph, claim: str) -> set[str]:
    return {u for u in graph.predecessors(claim) if graph.nodes[u].get("kind") == "source"}


def _claims_and_sources(graph: nx.MultiDiGraph, claims: tuple[str, ...]) -> nx.MultiDiGraph:
    """A copy holding ``claims``, every source with an edge to them, and those edges (with
    the ``cites`` edges among those sources)."""
    keep = set(claims)
    for claim in claims:
        keep |= _sources_of(graph, claim)
    part = graph.subgraph(keep).copy()
    part.graph.update(graph.graph)
    return part
