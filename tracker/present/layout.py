"""Plan a picture of the claim graph: what goes where, before anything is drawn.

:mod:`tracker.present.render` draws from the plan made here.  Sources go in a left column and
claims in a right one, each column ordered to keep source→claim lines from crossing, and
each source placed level with the claims it spoke about.  Labels are wrapped and shortened
to fit, and fonts and circles shrink as the graph grows.  The plan is deterministic for a
given ``seed``.

Nothing here draws.  Only sizing text needs matplotlib, to measure label widths with the
font the picture uses, and it imports matplotlib's font tools only when it does.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("source:ports", kind="source", name="ministry of ports",
...            source_kind="government", anonymous=False, aliases=[])
>>> g.add_node("claim:c-dredging", kind="claim", text="the harbour will be dredged in may")
>>> g.add_edge("source:ports", "claim:c-dredging", key="a1", stance="asserts", cue="said")
'a1'
>>> sorted(layout_positions(g))
['claim:c-dredging', 'source:ports']
"""

from __future__ import annotations

import difflib
import math
import random
import textwrap
from bisect import bisect_right, insort
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from tracker.errors import GraphError

__all__ = [
    "SOURCE_KIND_COLOURS",
    "STANCE_STYLES",
    "claim_neighbourhood",
    "layout_positions",
    "shorten",
    "MARGIN",
    "MAX_INCHES",
    "PNG_DPI",
    "find_claim_node",
    "Link",
    "node_kind",
    "Plan",
    "plan_picture",
    "stance_rank",
    "strip_prefix",
    "wrap_lines",
]

# The palettes live with the plan because they also say which source kinds are known and
# in which order a pair's stances fan out; tracker.present.render draws with them.

#: Fill colour of a source circle by its ``source_kind``.  Kept clear of the green, red and
#: orange that mark stances, so that a circle never reads as a line.
SOURCE_KIND_COLOURS = {
    "person": "#4C72B0",
    "group": "#64B5CD",
    "government": "#8172B3",
    "organization": "#937860",
    "media": "#DA8BC3",
    "anonymous": "#8C8C8C",
    "document": "#CCB974",
    "unknown": "#C7C7C7",
}

#: Colour, dash pattern and legend label of a source→claim line by its ``stance``.
STANCE_STYLES = {
    "asserts": ("#2E8B3E", "solid", "asserts"),
    "denies": ("#D62728", (0, (5, 2.5)), "denies"),
    "declines": ("#E69F00", (0, (1, 1.6)), "declines to confirm"),
}

PNG_DPI = 150  # tracker.present.render saves PNGs at this resolution, which caps the size
MARGIN = 0.3  # inches of blank round the picture
_MIN_WIDTH = 9.5  # inches; room for the title and both legends
# Above this many nodes claims get one-line labels and no id line.
_LARGE_GRAPH = 40
# matplotlib refuses pictures wider or taller than 2**16 pixels.
MAX_INCHES = 2**16 / PNG_DPI - 1


def shorten(text: str, limit: int) -> str:
    """Collapse whitespace and cut ``text`` to at most ``limit`` characters, ending in "…".

    The cut falls between words unless that would leave less than half the limit.

    >>> shorten("officials  said the port\\nwill reopen next week", 30)
    'officials said the port will…'
    >>> shorten("short enough", 30)
    'short enough'
    """
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    if text[len(cut)] != " " and space >= limit // 2:
        cut = cut[:space]  # drop the word the cut went through
    return cut.rstrip(" ,;:.-–—") + "…"


def claim_neighbourhood(graph: nx.MultiDiGraph, claim: str) -> nx.MultiDiGraph:
    """Return a copy of the part of ``graph`` about one claim.

    It holds the claim node, every source with an edge to it (with all those edges), and
    the ``cites`` edges among those sources.  ``claim`` is the claim id with or without the
    ``claim:`` prefix.  Raises :class:`~tracker.errors.GraphError` when there is no such claim.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("source:a", kind="source", name="a")
    >>> g.add_nodes_from(["claim:c1", "claim:c2"], kind="claim", text="x")
    >>> g.add_edge("source:a", "claim:c1", stance="asserts")
    0
    >>> sorted(claim_neighbourhood(g, "c1"))
    ['claim:c1', 'source:a']
    """
    node = find_claim_node(graph, claim)
    keep = {node} | {u for u in graph.predecessors(node) if node_kind(graph, u) == "source"}
    part = graph.subgraph(keep).copy()
    # Only source→claim and source→source edges belong; drop anything pointing elsewhere.
    part.remove_edges_from(
        [(u, v, k) for u, v, k in part.edges(keys=True) if node_kind(part, u) != "source"]
    )
    return part


def layout_positions(
    graph: nx.MultiDiGraph, seed: int = 7, *, max_label_chars: int = 60
) -> dict[Any, tuple[float, float]]:
    """Where each source and claim is drawn, in inches from the bottom-left of the drawing.

    A source's position is the centre of its circle; a claim's is the middle of its box's
    left edge.  The same graph and seed always give the same positions.
    """
    return dict(plan_picture(graph, seed, max_label_chars).positions)


# --- reading the graph -------------------------------------------------------------------


def node_kind(graph: nx.MultiDiGraph, node: Any) -> str | None:
    kind = graph.nodes[node].get("kind")
    if kind in ("source", "claim"):
        return kind
    prefix = str(node).split(":", 1)[0]
    return prefix if prefix in ("source", "claim") else None


def strip_prefix(node: Any) -> str:
    name = str(node)
    return name.split(":", 1)[1] if name.startswith(("claim:", "source:")) else name


def find_claim_node(graph: nx.MultiDiGraph, claim: str) -> Any:
    wanted = str(claim).strip()
    for candidate in (wanted, f"claim:{wanted}"):
        if candidate in graph and node_kind(graph, candidate) == "claim":
            return candidate
    wanted = wanted.removeprefix("claim:")
    ids = [strip_prefix(n) for n in graph if node_kind(graph, n) == "claim"]
    close = difflib.get_close_matches(wanted, ids, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise GraphError(
        f"no claim {wanted!r} in the graph{hint}; run `tracker claims GRAPH` to list the claim ids"
    )


def _as_bool(value: Any) -> bool:
    # GraphML and hand-edited JSON may carry booleans as strings.
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


@dataclass
class Link:
    """One drawn source→claim line: all edges with the same source, claim and stance."""

    source: Any
    claim: Any
    stance: str
    count: int
    bend: float = 0.0  # arc3 curvature, to fan apart two stances between one pair


@dataclass
class Plan:
    """What to draw and where: lengths in inches, font sizes and paddings in points."""

    sources: list[Any]  # in drawing order, top to bottom, once ordered
    claims: list[Any]
    links: list[Link]
    cites: list[tuple[Any, Any, int]]  # citing source, cited source, how many edges
    labels: dict[Any, str]  # wrapped text beside each node
    claim_ids: dict[Any, str]  # the small id line over each claim box (small graphs only)
    kinds: dict[Any, str]
    anonymous: set[Any]
    n_articles: int
    font: float
    marker: float  # circle diameter
    compact: bool
    positions: dict[Any, tuple[float, float]] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0  # of the drawing under the header

    @property
    def claim_pad(self) -> float:
        return 0.45 * self.font

    def lines_of(self, node: Any) -> int:
        return self.labels[node].count("\n") + 1


def plan_picture(graph: nx.MultiDiGraph, seed: int, max_label_chars: int) -> Plan:
    plan = _read(graph, max_label_chars)
    plan.sources, plan.claims = _order_columns(plan, seed)
    _place(plan)
    return plan


def _read(graph: nx.MultiDiGraph, max_label_chars: int) -> Plan:
    """Collect nodes, labels and grouped edges; pick sizes that suit the graph's size."""
    sources = sorted((n for n in graph if node_kind(graph, n) == "source"), key=str)
    claims = sorted((n for n in graph if node_kind(graph, n) == "claim"), key=str)
    compact = len(sources) + len(claims) > _LARGE_GRAPH
    # Fonts and circles shrink as the graph grows, within limits that stay readable.
    shrink = min(max(len(sources) + len(claims) - 20, 0) / 130, 1.0)

    stances: Counter[tuple[Any, Any, str]] = Counter()
    cites: Counter[tuple[Any, Any]] = Counter()
    articles = set()
    for u, v, data in graph.edges(data=True):
        if node_kind(graph, u) != "source" or u == v:
            continue
        if node_kind(graph, v) == "source":
            cites[(u, v)] += 1
        elif node_kind(graph, v) == "claim":
            stances[(u, v, str(data.get("stance") or "asserts"))] += 1
            articles.add(data.get("article_id"))
    links = [Link(s, c, stance, n) for (s, c, stance), n in sorted(stances.items(), key=str)]
    _bend_parallel_links(links)

    labels, kinds, anonymous = {}, {}, set()
    for node in sources:
        data = graph.nodes[node]
        kind = str(data.get("source_kind") or "unknown")
        kinds[node] = kind if kind in SOURCE_KIND_COLOURS else "unknown"
        if _as_bool(data.get("anonymous", False)):
            anonymous.add(node)
        name = data.get("name") or strip_prefix(node)
        labels[node] = wrap_lines(shorten(name, min(max_label_chars, 48)), 26, 2)
    claim_ids = {}
    for node in claims:
        text = graph.nodes[node].get("text") or strip_prefix(node)
        if compact:
            labels[node] = wrap_lines(shorten(text, min(max_label_chars, 48)), 48, 1)
        else:
            labels[node] = wrap_lines(shorten(text, max_label_chars), 32, 4)
            claim_ids[node] = shorten(strip_prefix(node), 40)
    return Plan(
        sources=sources,
        claims=claims,
        links=links,
        cites=[(u, v, n) for (u, v), n in sorted(cites.items(), key=str)],
        labels=labels,
        claim_ids=claim_ids,
        kinds=kinds,
        anonymous=anonymous,
        n_articles=len(articles - {None, ""}),
        font=9.5 - 2.5 * shrink,
        marker=13.0 - 5.0 * shrink,
        compact=compact,
    )


def stance_rank(stance: str) -> tuple[int, str]:
    known = list(STANCE_STYLES)
    return (known.index(stance) if stance in known else len(known), stance)


def _bend_parallel_links(links: list[Link]) -> None:
    # A source that both asserted and denied one claim gets two lines; fan them apart.
    by_pair: dict[tuple[Any, Any], list[Link]] = defaultdict(list)
    for link in links:
        by_pair[(link.source, link.claim)].append(link)
    for group in by_pair.values():
        group.sort(key=lambda link: stance_rank(link.stance))
        for i, link in enumerate(group):
            link.bend = 0.07 * (i - (len(group) - 1) / 2)


def wrap_lines(text: str, width: int, max_lines: int) -> str:
    lines = textwrap.wrap(text, width=width) or [""]
    if len(lines) > max_lines:
        # The last line shown takes the rest of the text, cut to fit with an ellipsis.
        lines[max_lines - 1] = shorten(" ".join(lines[max_lines - 1 :]), width)
        del lines[max_lines:]
    return "\n".join(lines)


def _text_width(text: str, size: float) -> float:
    """Width in inches of (possibly multi-line) ``text`` set at ``size`` points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    font = FontProperties(family="DejaVu Sans", size=size)
    measure = text_to_path.get_text_width_height_descent
    return max(measure(line, font, ismath=False)[0] for line in text.split("\n")) / 72


# --- layout -----------------------------------------------------------------------------


def _order_columns(
    plan: Plan, seed: int, restarts: int = 4, sweeps: int = 10
) -> tuple[list[Any], list[Any]]:
    """Order both columns to cut line crossings: barycentre sweeps from seeded starts."""
    pairs = sorted({(link.source, link.claim) for link in plan.links}, key=str)
    if not pairs:
        return list(plan.sources), list(plan.claims)
    neighbours: dict[Any, set[Any]] = defaultdict(set)
    for s, c in pairs:
        neighbours[s].add(c)
        neighbours[c].add(s)
    # A source that only cites (or is only cited) borrows the claims at the other end.
    speakers = {s for s, _ in pairs}
    for u, v, _ in plan.cites:
        for node, other in ((u, v), (v, u)):
            if node not in speakers:
                neighbours[node] |= neighbours[other]

    def by_barycentre(column: list[Any], rank: dict[Any, int]) -> list[Any]:
        def key(node: Any) -> tuple[float, str]:
            ranks = [rank[n] for n in neighbours[node] if n in rank]
            return (sum(ranks) / len(ranks) if ranks else math.inf, str(node))

        return sorted(column, key=key)

    rng = random.Random(seed)
    degree = Counter(c for _, c in pairs)
    best: tuple[int, list[Any], list[Any]] | None = None
    for attempt in range(restarts):
        claims = sorted(plan.claims, key=lambda c: (-degree[c], str(c)))
        if attempt:
            rng.shuffle(claims)
        for _ in range(sweeps):
            sources = by_barycentre(plan.sources, {c: i for i, c in enumerate(claims)})
            claims = by_barycentre(plan.claims, {s: i for i, s in enumerate(sources)})
            crossings = _count_crossings(pairs, sources, claims)
            if best is None or crossings < best[0]:
                best = (crossings, sources, claims)
        if best is not None and best[0] == 0:
            break
    if best is None:  # no sweep asked for: keep the order the plan has
        return list(plan.sources), list(plan.claims)
    return best[1], best[2]


def _count_crossings(pairs: list[tuple[Any, Any]], sources: list[Any], claims: list[Any]) -> int:
    source_rank = {n: i for i, n in enumerate(sources)}
    claim_rank = {n: i for i, n in enumerate(claims)}
    ends = sorted((source_rank[s], claim_rank[c]) for s, c in pairs)
    seen: list[int] = []
    crossings = 0
    for _, c in ends:  # every earlier line ending lower down crosses this one
        crossings += len(seen) - bisect_right(seen, c)
        insort(seen, c)
    return crossings


def _place(plan: Plan) -> None:
    """Fill in positions and the drawing's size; y grows downwards until the final flip."""
    if not plan.sources and not plan.claims:
        return
    line = plan.font * 1.25 / 72
    pad = plan.claim_pad / 72
    id_line = (plan.font - 1.5) * 1.3 / 72 if plan.claim_ids else 0.0
    claims_of: dict[Any, list[Any]] = defaultdict(list)
    for link in plan.links:
        claims_of[link.source].append(link.claim)
    # A source level with the claims it spoke about; one that only cites, or is only cited,
    # level with the claims of the source at the other end.
    anchors = {
        node: claims_of[node]
        or [c for u, v, _ in plan.cites if node in (u, v) for c in claims_of[u if v == node else v]]
        for node in plan.sources
    }
    gaps = [max(plan.lines_of(n) * line, plan.marker / 72) + 0.06 for n in plan.sources]
    sources_span = sum(g for g, n in zip(gaps, plan.sources, strict=True) if anchors[n])

    # Claims stacked top to bottom, spread to the height the sources need (shallow lines).
    half = {n: plan.lines_of(n) * line / 2 + pad for n in plan.claims}
    stacked = sum(2 * h + id_line for h in half.values())
    gap = 0.1 if plan.compact else 0.16
    if len(plan.claims) > 1:
        gap = max(gap, (sources_span - stacked) / (len(plan.claims) - 1))
    claim_y, cursor = {}, 0.0
    for node in plan.claims:
        claim_y[node] = cursor + id_line + half[node]
        cursor += id_line + 2 * half[node] + gap

    wanted = []
    for node in plan.sources:
        if anchors[node]:
            wanted.append(sum(claim_y[c] for c in anchors[node]) / len(anchors[node]))
        else:  # speaks of no claim: below the rest, in order
            wanted.append(cursor + 0.01 * len(wanted))
    source_y = dict(zip(plan.sources, _spread(wanted, gaps), strict=True))

    # Across: [margin][source names][circle][lines][claim boxes][margin].
    names = max((_text_width(plan.labels[n], plan.font) for n in plan.sources), default=0.0)
    boxes = max((_text_width(plan.labels[n], plan.font) + 2 * pad for n in plan.claims), default=0)
    ids = max((_text_width(i, plan.font - 1.5) for i in plan.claim_ids.values()), default=0.0)
    x_source = MARGIN + names + (plan.marker / 2 + 5) / 72
    lines = min(max(2.4, 1.6 + 0.02 * len(plan.links)), 4.5)
    lines += max(_MIN_WIDTH - (x_source + lines + max(boxes, ids) + MARGIN), 0.0)
    plan.width = min(x_source + lines + max(boxes, ids) + MARGIN, MAX_INCHES)

    extents = [(claim_y[n] - half[n] - id_line, claim_y[n] + half[n]) for n in plan.claims]
    extents += [
        (source_y[n] - g / 2, source_y[n] + g / 2) for n, g in zip(plan.sources, gaps, strict=True)
    ]
    top = min(e[0] for e in extents)
    plan.height = max(e[1] for e in extents) - top + 0.35
    for node, y in [*source_y.items(), *claim_y.items()]:
        x = x_source if node in source_y else x_source + lines
        plan.positions[node] = (round(x, 4), round(plan.height - (y - top), 4))


def _spread(wanted: list[float], gaps: list[float]) -> list[float]:
    """Positions in order, closest to ``wanted``, neighbours ``(gaps[i]+gaps[i+1])/2`` apart.

    Taking off the running minimum offset turns this into isotonic regression, solved
    exactly by pooling adjacent violators.
    """
    if not wanted:
        return []
    offsets = [0.0]
    for above, below in zip(gaps[:-1], gaps[1:], strict=True):
        offsets.append(offsets[-1] + (above + below) / 2)
    blocks: list[tuple[float, int]] = []  # (mean, size)
    for target in (w - o for w, o in zip(wanted, offsets, strict=True)):
        blocks.append((target, 1))
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            (m2, n2), (m1, n1) = blocks.pop(), blocks.pop()
            blocks.append(((m1 * n1 + m2 * n2) / (n1 + n2), n1 + n2))
    fitted = [mean for mean, size in blocks for _ in range(size)]
    return [f + o for f, o in zip(fitted, offsets, strict=True)]
