"""Draw the claim graph as a picture (PNG, SVG or PDF) with matplotlib.

Sources sit in a column on the left as circles coloured by what kind of source they are;
claims sit in a column on the right as rounded boxes holding their (shortened) wording.
Each line from a source to a claim is one stance: green and solid for *asserts*, red and
dashed for *denies*, orange and dotted for *declines to confirm*.  A source that took the
same stance on a claim several times gets one thicker line marked ``×N``.  Thin grey arrows
inside the source column show which source cited which (an outlet relaying officials).

The layout is deterministic for a given ``seed``: both columns are ordered to keep lines
from crossing, and each source is placed level with the claims it spoke about.

matplotlib is imported only when a picture is drawn, and only its object-oriented API is
used (no ``pyplot``), so drawing needs no display and leaves no open figures behind.

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
import os
import random
import secrets
import textwrap
from bisect import bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import GraphError

__all__ = [
    "SUPPORTED_FORMATS",
    "SOURCE_KIND_COLOURS",
    "STANCE_STYLES",
    "render_graph",
    "claim_neighbourhood",
    "layout_positions",
    "shorten",
]

#: Output formats by file extension.
SUPPORTED_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

#: Fill colour of a source circle by its ``source_kind``.  Kept clear of the green, red and
#: orange that mark stances, so a node never reads as an edge.
SOURCE_KIND_COLOURS = {
    "person": "#4C72B0",
    "government": "#8172B3",
    "organization": "#937860",
    "media": "#DA8BC3",
    "anonymous": "#8C8C8C",
    "document": "#CCB974",
    "unknown": "#C7C7C7",
}

#: Colour, line style and legend label of a source→claim edge by its ``stance``.
STANCE_STYLES = {
    "asserts": ("#2E8B3E", "solid", "asserts"),
    "denies": ("#D62728", (0, (5, 2.5)), "denies"),
    "declines": ("#E69F00", (0, (1, 1.6)), "declines to confirm"),
}
# A stance the palette does not know yet (say "questions") still gets drawn, and named.
_OTHER_STANCE_STYLE = ("#7B3294", "dashdot")
_CITES_COLOUR = "#8C8C8C"
_CLAIM_FILL = "#F6F3EC"
_CLAIM_EDGE = "#9A9488"
_TEXT_COLOUR = "#222222"
_MUTED_COLOUR = "#6B6B6B"

_PNG_DPI = 150
# Above this many nodes the picture switches to compact claim labels.
_LARGE_GRAPH = 40
# matplotlib refuses images wider or taller than 2**16 pixels.
_MAX_INCHES = 2**16 / _PNG_DPI - 1


def shorten(text: str, limit: int) -> str:
    """Collapse whitespace and cut ``text`` to at most ``limit`` characters, ending in "…".

    The cut falls on a word boundary when one is near.

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
    # Drop a word the cut went through, unless that leaves too little.
    if text[len(cut)] != " " and space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def claim_neighbourhood(graph: nx.MultiDiGraph, claim: str) -> nx.MultiDiGraph:
    """Return a copy of the part of ``graph`` about one claim.

    It holds the claim node, every source with an edge to it (all of those edges), and the
    ``cites`` edges among those sources.  ``claim`` is the claim id with or without the
    ``claim:`` prefix.  Raises :class:`~tracker.errors.GraphError` when there is no such claim.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("source:a", kind="source", name="a")
    >>> g.add_node("claim:c1", kind="claim", text="x")
    >>> g.add_node("claim:c2", kind="claim", text="y")
    >>> g.add_edge("source:a", "claim:c1", stance="asserts")
    0
    >>> sorted(claim_neighbourhood(g, "c1"))
    ['claim:c1', 'source:a']
    """
    node = _find_claim_node(graph, claim)
    keep = {node} | {u for u in graph.predecessors(node) if _node_kind(graph, u) == "source"}
    sub = graph.subgraph(keep).copy()
    # Claim-to-claim or claim-to-source edges are not part of the contract; drop any stray ones.
    stray = [
        (u, v, k)
        for u, v, k in sub.edges(keys=True)
        if _node_kind(sub, u) != "source" or (v != node and _node_kind(sub, v) != "source")
    ]
    sub.remove_edges_from(stray)
    return sub


def layout_positions(
    graph: nx.MultiDiGraph, seed: int = 7, *, max_label_chars: int = 60
) -> dict[Any, tuple[float, float]]:
    """Where each drawable node goes, in inches from the picture's bottom-left corner.

    A source's position is the centre of its circle; a claim's is the middle of its box's
    left edge.  The same graph and seed always give the same positions.
    """
    return dict(_plan(graph, seed, max_label_chars).positions)


def render_graph(
    graph: nx.MultiDiGraph,
    path: str | Path,
    *,
    claim: str | None = None,
    title: str | None = None,
    seed: int = 7,
    max_label_chars: int = 60,
) -> Path:
    """Draw ``graph`` to ``path`` (``.png``, ``.svg`` or ``.pdf``) and return the path.

    With ``claim``, only that claim's neighbourhood is drawn (see :func:`claim_neighbourhood`).
    Claim wording longer than ``max_label_chars`` is shortened with an ellipsis.  The file
    is written whole or not at all: the picture goes to a temporary file in the same folder
    first and is renamed into place.
    """
    path = Path(path)
    fmt = SUPPORTED_FORMATS.get(path.suffix.lower())
    if fmt is None:
        supported = ", ".join(SUPPORTED_FORMATS)
        shown = path.suffix or "(no extension)"
        raise GraphError(
            f"{path}: cannot draw to a {shown} file; give the output one of these "
            f"extensions: {supported}"
        )
    folder = path.parent
    if not folder.is_dir():
        raise GraphError(
            f"{path}: the folder {folder} does not exist; create it or choose another output path"
        )
    if max_label_chars < 10:
        raise GraphError(f"max_label_chars must be at least 10, got {max_label_chars}")
    if claim is not None:
        graph = claim_neighbourhood(graph, claim)
    plan = _plan(graph, seed, max_label_chars)
    if not plan.positions:
        raise GraphError(
            "the graph has no sources or claims to draw; build it from articles or "
            "attribution records that contain attributions (tracker build PATHS -o GRAPH)"
        )
    if title is None:
        title = (
            f"Claim {_strip_prefix(plan.claims[0])}: who asserted, denied or declined it"
            if claim is not None
            else "Who said what"
        )
    # Drawing one claim: its full wording heads the picture, since its box shows only part.
    wording = None
    if claim is not None:
        node = plan.claims[0]
        wording = "“" + shorten(graph.nodes[node].get("text") or _strip_prefix(node), 400) + "”"
    import matplotlib

    with matplotlib.rc_context(
        {"svg.hashsalt": "tracker", "pdf.fonttype": 42, "font.family": "DejaVu Sans"}
    ):
        figure = _draw(plan, title, wording)
        _save_atomically(figure, path, fmt)
    return path


# --- reading the graph -------------------------------------------------------------------


def _node_kind(graph: nx.MultiDiGraph, node: Any) -> str | None:
    kind = graph.nodes[node].get("kind")
    if kind in ("source", "claim"):
        return kind
    name = str(node)
    for prefix in ("source", "claim"):
        if name.startswith(prefix + ":"):
            return prefix
    return None


def _strip_prefix(node: Any) -> str:
    name = str(node)
    return name.split(":", 1)[1] if name.startswith(("claim:", "source:")) else name


def _find_claim_node(graph: nx.MultiDiGraph, claim: str) -> Any:
    wanted = str(claim).strip()
    for candidate in (wanted, f"claim:{wanted}"):
        if candidate in graph and _node_kind(graph, candidate) == "claim":
            return candidate
    ids = [_strip_prefix(n) for n in graph if _node_kind(graph, n) == "claim"]
    close = difflib.get_close_matches(_strip_prefix(wanted), ids, n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise GraphError(
        f"no claim {_strip_prefix(wanted)!r} in the graph{hint}; "
        "run `tracker claims GRAPH` to list the claim ids"
    )


def _as_bool(value: Any) -> bool:
    # GraphML and hand-edited JSON may carry booleans as strings.
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


@dataclass
class _Link:
    """One drawn source→claim line: every edge with the same source, claim and stance."""

    source: Any
    claim: Any
    stance: str
    count: int
    bend: float = 0.0


@dataclass
class _Plan:
    """Everything needed to draw: sizes in inches, fonts in points, labels, positions."""

    sources: list[Any]
    claims: list[Any]
    links: list[_Link]
    cites: list[tuple[Any, Any, int]]
    positions: dict[Any, tuple[float, float]]
    source_labels: dict[Any, str]
    claim_labels: dict[Any, str]
    claim_ids: dict[Any, str]
    kinds: dict[Any, str]
    anonymous: set[Any]
    width: float
    height: float  # of the drawing below the header; positions are measured from its bottom
    font: float
    marker: float  # circle diameter, points
    claim_pad: float  # box padding, points
    compact: bool
    n_attributions: int
    n_articles: int
    stances: list[str] = field(default_factory=list)


def _plan(graph: nx.MultiDiGraph, seed: int, max_label_chars: int) -> _Plan:
    sources = sorted((n for n in graph if _node_kind(graph, n) == "source"), key=str)
    claims = sorted((n for n in graph if _node_kind(graph, n) == "claim"), key=str)
    n_nodes = len(sources) + len(claims)
    compact = n_nodes > _LARGE_GRAPH

    stance_counts: Counter[tuple[Any, Any, str]] = Counter()
    cite_counts: Counter[tuple[Any, Any]] = Counter()
    articles = set()
    for u, v, data in graph.edges(data=True):
        kind_u, kind_v = _node_kind(graph, u), _node_kind(graph, v)
        if kind_u != "source":
            continue
        if kind_v == "source" and u != v:
            cite_counts[(u, v)] += 1
        elif kind_v == "claim":
            stance_counts[(u, v, str(data.get("stance") or "asserts"))] += 1
            if data.get("article_id"):
                articles.add(data["article_id"])
    links = [_Link(s, c, stance, n) for (s, c, stance), n in sorted(stance_counts.items(), key=str)]
    _bend_parallel_links(links)
    cites = [(u, v, n) for (u, v), n in sorted(cite_counts.items(), key=str)]
    stances = sorted({link.stance for link in links}, key=_stance_rank)

    # Fonts and marks shrink as the graph grows, within limits that stay readable.
    shrink = min(max(n_nodes - 20, 0) / 130, 1.0)
    font = 9.5 - 2.5 * shrink
    marker = 13.0 - 5.0 * shrink
    claim_pad = 0.45 * font
    line_in = font * 1.25 / 72

    kinds = {}
    anonymous = set()
    source_labels = {}
    for node in sources:
        data = graph.nodes[node]
        kind = str(data.get("source_kind") or "unknown")
        kinds[node] = kind if kind in SOURCE_KIND_COLOURS else "unknown"
        if _as_bool(data.get("anonymous", False)):
            anonymous.add(node)
        name = shorten(data.get("name") or _strip_prefix(node), min(max_label_chars, 48))
        source_labels[node] = _wrap(name, 26, 2)
    claim_labels = {}
    claim_ids = {}
    for node in claims:
        text = graph.nodes[node].get("text") or _strip_prefix(node)
        if compact:
            claim_labels[node] = _wrap(shorten(text, min(max_label_chars, 48)), 48, 1)
        else:
            claim_labels[node] = _wrap(shorten(text, max_label_chars), 32, 4)
            claim_ids[node] = shorten(_strip_prefix(node), 40)

    source_order, claim_order = _order_columns(sources, claims, links, cites, seed)

    # Each source wants to sit level with the claims it spoke about (a source that only
    # cites, or is cited, borrows the claims of the source at the other end).
    claims_of: dict[Any, list[Any]] = defaultdict(list)
    for link in links:
        claims_of[link.source].append(link.claim)
    anchors = {
        node: claims_of.get(node)
        or [
            c
            for u, v, _ in cites
            if node in (u, v)
            for c in claims_of.get(v if u == node else u, [])
        ]
        for node in source_order
    }
    gaps = [
        max((source_labels[node].count("\n") + 1) * line_in, marker / 72) + 0.06
        for node in source_order
    ]
    anchored_span = sum(g for g, node in zip(gaps, source_order, strict=True) if anchors[node])

    # Claims are stacked top to bottom (this y grows downwards; it is flipped at the end),
    # spread out to match the height the sources need so that lines stay shallow.
    id_line = (font - 1.5) * 1.3 / 72 if claim_ids else 0.0
    claim_half = {
        node: (claim_labels[node].count("\n") + 1) * line_in / 2 + claim_pad / 72
        for node in claim_order
    }
    claim_gap = 0.1 if compact else 0.16
    stacked = sum(2 * h + id_line for h in claim_half.values())
    if len(claim_order) > 1:
        claim_gap = max(claim_gap, (anchored_span - stacked) / (len(claim_order) - 1))
    claim_y: dict[Any, float] = {}
    cursor = 0.0
    for node in claim_order:
        cursor += id_line
        claim_y[node] = cursor + claim_half[node]
        cursor += 2 * claim_half[node] + claim_gap

    wanted = []
    after_last = cursor
    for node in source_order:
        if anchors[node]:
            wanted.append(sum(claim_y[c] for c in anchors[node]) / len(anchors[node]))
        else:  # speaks about no claim: goes below the rest, in order
            after_last += 0.01
            wanted.append(after_last)
    source_y = dict(zip(source_order, _spread(wanted, gaps), strict=True))

    # Horizontal plan: [margin][source labels][circle][lines][claim boxes][margin].
    label_w = max((_text_width(source_labels[n], font) for n in sources), default=0.0)
    box_w = max((_text_width(claim_labels[n], font) for n in claims), default=0.0)
    box_w = max(
        box_w + 2 * claim_pad / 72,
        max((_text_width(i, font - 1.5) for i in claim_ids.values()), default=0.0),
    )
    margin = 0.3
    x_source = margin + label_w + (marker / 2 + 5) / 72
    lines_w = min(max(2.4, 1.6 + 0.02 * len(links)), 4.5)
    width = x_source + lines_w + box_w + margin
    min_width = 9.5
    if width < min_width:
        lines_w += min_width - width
        width = min_width
    x_claim = x_source + lines_w

    tops = [claim_y[c] - claim_half[c] - id_line for c in claims] + [
        source_y[s] - gaps[i] / 2 for i, s in enumerate(source_order)
    ]
    bottoms = [claim_y[c] + claim_half[c] for c in claims] + [
        source_y[s] + gaps[i] / 2 for i, s in enumerate(source_order)
    ]
    top = min(tops, default=0.0)
    body = max(bottoms, default=0.0) - top
    bottom_margin = 0.35
    height = body + bottom_margin
    width = min(width, _MAX_INCHES)

    def flip(y: float) -> float:
        return height - (y - top)

    positions: dict[Any, tuple[float, float]] = {}
    for node in source_order:
        positions[node] = (round(x_source, 4), round(flip(source_y[node]), 4))
    for node in claim_order:
        positions[node] = (round(x_claim, 4), round(flip(claim_y[node]), 4))

    return _Plan(
        sources=source_order,
        claims=claim_order,
        links=links,
        cites=cites,
        positions=positions,
        source_labels=source_labels,
        claim_labels=claim_labels,
        claim_ids=claim_ids,
        kinds=kinds,
        anonymous=anonymous,
        width=width,
        height=height,
        font=font,
        marker=marker,
        claim_pad=claim_pad,
        compact=compact,
        n_attributions=sum(link.count for link in links),
        n_articles=len(articles),
        stances=stances,
    )


def _stance_rank(stance: str) -> tuple[int, str]:
    order = list(STANCE_STYLES)
    return (order.index(stance) if stance in order else len(order), stance)


def _bend_parallel_links(links: list[_Link]) -> None:
    # A source that both asserted and denied one claim gets two lines; fan them apart.
    by_pair: dict[tuple[Any, Any], list[_Link]] = defaultdict(list)
    for link in links:
        by_pair[(link.source, link.claim)].append(link)
    for group in by_pair.values():
        group.sort(key=lambda link: _stance_rank(link.stance))
        middle = (len(group) - 1) / 2
        for i, link in enumerate(group):
            link.bend = 0.12 * (i - middle)


def _wrap(text: str, width: int, max_lines: int) -> str:
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = shorten(lines[-1] + " …", width)
        if not lines[-1].endswith("…"):
            lines[-1] = lines[-1].rstrip() + "…"
    return "\n".join(lines)


def _text_width(text: str, size: float) -> float:
    """Width in inches of (possibly multi-line) ``text`` at ``size`` points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family="DejaVu Sans", size=size)
    widest = 0.0
    for line in text.split("\n"):
        w, _, _ = text_to_path.get_text_width_height_descent(line, prop, ismath=False)
        widest = max(widest, w)
    return widest / 72


# --- layout -----------------------------------------------------------------------------


def _order_columns(
    sources: list[Any],
    claims: list[Any],
    links: list[_Link],
    cites: list[tuple[Any, Any, int]],
    seed: int,
    *,
    restarts: int = 4,
    sweeps: int = 10,
) -> tuple[list[Any], list[Any]]:
    """Order both columns to reduce crossing lines (barycentre sweeps, a few seeded restarts)."""
    neighbours: dict[Any, set[Any]] = defaultdict(set)
    pairs = sorted({(link.source, link.claim) for link in links}, key=str)
    for s, c in pairs:
        neighbours[s].add(c)
        neighbours[c].add(s)
    # A source that only cites (or is cited) borrows the claims of the sources it is tied to.
    for u, v, _ in cites:
        for node, other in ((u, v), (v, u)):
            if not any(p[0] == node for p in pairs):
                neighbours[node] |= {c for c in neighbours[other] if c in set(claims)}

    def by_barycentre(column: list[Any], rank: dict[Any, int]) -> list[Any]:
        def key(node: Any) -> tuple[float, str]:
            ranks = [rank[n] for n in neighbours[node] if n in rank]
            return (sum(ranks) / len(ranks) if ranks else math.inf, str(node))

        return sorted(column, key=key)

    rng = random.Random(seed)
    degree = Counter(c for _, c in pairs)
    best: tuple[int, list[Any], list[Any]] | None = None
    for attempt in range(restarts):
        claim_order = sorted(claims, key=lambda c: (-degree[c], str(c)))
        if attempt:
            rng.shuffle(claim_order)
        for _ in range(sweeps):
            source_order = by_barycentre(sources, {c: i for i, c in enumerate(claim_order)})
            claim_order = by_barycentre(claims, {s: i for i, s in enumerate(source_order)})
            crossings = _count_crossings(pairs, source_order, claim_order)
            if best is None or crossings < best[0]:
                best = (crossings, source_order, claim_order)
            if crossings == 0:
                break
        if best[0] == 0:
            break
    if best is None:  # no claims at all
        return list(sources), list(claims)
    return best[1], best[2]


def _count_crossings(
    pairs: Iterable[tuple[Any, Any]], source_order: list[Any], claim_order: list[Any]
) -> int:
    s_rank = {n: i for i, n in enumerate(source_order)}
    c_rank = {n: i for i, n in enumerate(claim_order)}
    ends = sorted((s_rank[s], c_rank[c]) for s, c in pairs)
    seen: list[int] = []
    crossings = 0
    for _, c in ends:
        crossings += len(seen) - bisect_right(seen, c)
        insort(seen, c)
    return crossings


def _spread(wanted: list[float], gaps: list[float]) -> list[float]:
    """Positions closest to ``wanted`` (in order) with at least ``(gaps[i]+gaps[i+1])/2`` apart.

    Subtracting the running minimum offset turns this into isotonic regression, solved
    exactly by pooling adjacent violators.
    """
    if not wanted:
        return []
    offsets = [0.0]
    for a, b in zip(gaps[:-1], gaps[1:], strict=True):
        offsets.append(offsets[-1] + (a + b) / 2)
    targets = [w - o for w, o in zip(wanted, offsets, strict=True)]
    blocks: list[list[float]] = []  # [mean, size]
    for t in targets:
        blocks.append([t, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            m2, n2 = blocks.pop()
            m1, n1 = blocks.pop()
            blocks.append([(m1 * n1 + m2 * n2) / (n1 + n2), n1 + n2])
    fitted = [mean for mean, size in blocks for _ in range(int(size))]
    return [f + o for f, o in zip(fitted, offsets, strict=True)]


# --- drawing ----------------------------------------------------------------------------

_MARGIN = 0.3  # inches round the picture
_LEGEND_STYLE = {
    "frameon": False,
    "fontsize": 8.5,
    "title_fontsize": 9,
    "handlelength": 2.6,
    "borderaxespad": 0,
    "columnspacing": 1.2,
    "alignment": "left",
}


def _draw(plan: _Plan, title: str, wording: str | None = None) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    node_handles, edge_handles = _legend_handles(plan)
    legends = [
        ("Sources and claims", node_handles, min(len(node_handles), 4), "upper left"),
        (
            "Lines from a source to a claim",
            edge_handles,
            1 + (len(edge_handles) > 3),
            "upper right",
        ),
    ]
    # The header, top down: title, the claim's wording (one-claim pictures), summary, legends.
    per_line = max(int((plan.width - 2 * _MARGIN) * 72 / (14 * 0.58)), 30)
    heading = [(_wrap(title, per_line, 2), 14, "bold", _TEXT_COLOUR)]
    if wording:
        heading.append((_wrap(wording, int(per_line * 14 / 10.5), 5), 10.5, "normal", _TEXT_COLOUR))
    heading.append((_summary(plan), 9, "normal", _MUTED_COLOUR))
    blocks = [(text.count("\n") + 1) * size * 1.3 / 72 + 0.1 for text, size, *_ in heading]
    legend_rows = max(-(-len(handles) // columns) for _, handles, columns, _ in legends)
    header = 0.25 + sum(blocks) + 0.42 + 0.2 * legend_rows
    height = min(plan.height + header, _MAX_INCHES)

    figure = Figure(figsize=(plan.width, height))
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0, 0, 1, 1))
    # One data unit is one inch, so text sizes and positions can be planned together.
    ax.set_xlim(0, plan.width)
    ax.set_ylim(0, height)
    ax.set_axis_off()

    y = height - 0.25
    for (text, size, weight, colour), block in zip(heading, blocks, strict=True):
        style = {"fontsize": size, "fontweight": weight, "color": colour, "linespacing": 1.3}
        ax.text(_MARGIN, y, text, va="top", ha="left", parse_math=False, **style)
        y -= block
    for name, handles, columns, corner in legends:
        x = _MARGIN if corner == "upper left" else plan.width - _MARGIN
        anchor = (x / plan.width, y / height)
        figure.legend(
            handles=handles,
            title=name,
            loc=corner,
            bbox_to_anchor=anchor,
            ncol=columns,
            **_LEGEND_STYLE,
        )
    _draw_cites(ax, plan)
    _draw_links(ax, plan)
    _draw_sources(ax, plan)
    _draw_claims(ax, plan)
    return figure


def _draw_cites(ax: Any, plan: _Plan) -> None:
    """Thin grey arrows from a citing source to the cited one, bowing right of the circles."""
    from matplotlib.patches import FancyArrowPatch

    shrink = plan.marker / 2 + 1
    for u, v, count in plan.cites:
        (xu, yu), (xv, yv) = plan.positions[u], plan.positions[v]
        # arc3 bows to the right of the direction of travel for a negative rad: pick the sign
        # that bows into the gap beside the circles, and keep long arcs from bowing far.
        bend = min(0.45, 0.9 / max(abs(yu - yv), 1e-6)) * (-1 if yv < yu else 1)
        style = {"color": _CITES_COLOUR, "lw": 0.9, "shrinkA": shrink, "shrinkB": shrink}
        arrow = FancyArrowPatch(
            (xu, yu),
            (xv, yv),
            arrowstyle="-|>",
            mutation_scale=7 + 2 * min(count, 3),
            connectionstyle=f"arc3,rad={bend}",
            zorder=2,
            **style,
        )
        ax.add_patch(arrow)


def _draw_links(ax: Any, plan: _Plan) -> None:
    """One line per source, claim and stance; thicker and marked ×N when said N times."""
    from matplotlib.patches import FancyArrowPatch

    base_width, alpha = (0.9, 0.7) if plan.compact else (1.5, 0.9)
    count_box = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.9}
    for link in plan.links:
        colour, dashes = _stance_style(link.stance)
        (xs, ys), (xc, yc) = plan.positions[link.source], plan.positions[link.claim]
        width = min(base_width * (1 + 0.7 * (link.count - 1)), 5.0)
        style = {"color": colour, "linestyle": dashes, "lw": width, "alpha": alpha}
        line = FancyArrowPatch(
            (xs, ys),
            (xc, yc),
            arrowstyle="-",
            connectionstyle=f"arc3,rad={link.bend}",
            shrinkA=plan.marker / 2 + 0.5,
            shrinkB=1,
            zorder=3,
            capstyle="butt",
            **style,
        )
        ax.add_patch(line)
        if link.count > 1:
            # Near the claim end, where the line is already told apart from its neighbours.
            x = xs + 0.82 * (xc - xs)
            y = ys + 0.82 * (yc - ys) + link.bend * 0.25 * (xc - xs)
            style = {"fontsize": plan.font - 1.5, "color": colour, "fontweight": "bold"}
            ax.text(
                x,
                y,
                f"×{link.count}",
                ha="center",
                va="center",
                zorder=6,
                parse_math=False,
                bbox=count_box,
                **style,
            )


def _draw_sources(ax: Any, plan: _Plan) -> None:
    """Circles coloured by kind (hollow when unnamed), with the name to the left."""
    if not plan.sources:
        return
    faces, edges, widths = [], [], []
    offset = (-(plan.marker / 2 + 4), 0)
    for node in plan.sources:
        colour = SOURCE_KIND_COLOURS[plan.kinds[node]]
        hollow = node in plan.anonymous
        faces.append("white" if hollow else colour)
        edges.append(colour if hollow else "white")
        widths.append(2.2 if hollow else 0.8)
        style = {"fontsize": plan.font, "color": _TEXT_COLOUR, "linespacing": 1.05}
        ax.annotate(
            plan.source_labels[node],
            plan.positions[node],
            xytext=offset,
            textcoords="offset points",
            ha="right",
            va="center",
            parse_math=False,
            zorder=5,
            fontstyle="italic" if hollow else "normal",
            **style,
        )
    xs, ys = zip(*(plan.positions[n] for n in plan.sources), strict=True)
    ax.scatter(xs, ys, s=plan.marker**2, c=faces, edgecolors=edges, linewidths=widths, zorder=4)


def _draw_claims(ax: Any, plan: _Plan) -> None:
    """Rounded boxes whose left edge is the claim's position, with the claim id above."""
    box = {
        "boxstyle": f"round,pad={plan.claim_pad / plan.font:.3f}",
        "fc": _CLAIM_FILL,
        "ec": _CLAIM_EDGE,
        "lw": 0.8,
    }
    style = {"fontsize": plan.font, "color": _TEXT_COLOUR, "linespacing": 1.1}
    id_style = {"fontsize": plan.font - 1.5, "color": _MUTED_COLOUR}
    for node in plan.claims:
        x, y = plan.positions[node]
        label = plan.claim_labels[node]
        ax.annotate(
            label,
            (x, y),
            xytext=(plan.claim_pad, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            parse_math=False,
            zorder=5,
            bbox=box,
            **style,
        )
        if node in plan.claim_ids:
            top = y + (label.count("\n") + 1) * plan.font * 1.25 / 72 / 2 + plan.claim_pad / 72
            ax.text(
                x + 0.02,
                top + 0.02,
                plan.claim_ids[node],
                ha="left",
                va="bottom",
                parse_math=False,
                zorder=5,
                **id_style,
            )


def _legend_handles(plan: _Plan) -> tuple[list[Any], list[Any]]:
    """Legend entries for what the picture holds; the three stances are always explained."""
    from matplotlib.lines import Line2D

    def node(label: str, face: str, edge: str, marker: str = "o", width: float = 1.0) -> Any:
        return Line2D(
            [], [], ls="none", marker=marker, ms=9, mfc=face, mec=edge, mew=width, label=label
        )

    named_kinds = {plan.kinds[n] for n in plan.sources if n not in plan.anonymous}
    node_handles = [
        node(kind, colour, "white")
        for kind, colour in SOURCE_KIND_COLOURS.items()
        if kind in named_kinds
    ]
    if plan.anonymous:
        node_handles.append(node("unnamed source (hollow)", "white", _MUTED_COLOUR, width=2))
    if plan.claims:
        node_handles.append(node("claim", _CLAIM_FILL, _CLAIM_EDGE, marker="s"))

    edge_handles = []
    for stance in list(STANCE_STYLES) + [s for s in plan.stances if s not in STANCE_STYLES]:
        colour, dashes = _stance_style(stance)
        label = STANCE_STYLES[stance][2] if stance in STANCE_STYLES else stance
        edge_handles.append(Line2D([], [], color=colour, ls=dashes, lw=2, label=label))
    if plan.cites:
        edge_handles.append(
            Line2D([], [], color=_CITES_COLOUR, lw=1, marker=">", ms=5, label="cites as its source")
        )
    if any(link.count > 1 for link in plan.links):
        edge_handles.append(Line2D([], [], color=_TEXT_COLOUR, lw=3.5, label="×N: said N times"))
    return node_handles, edge_handles


def _stance_style(stance: str) -> tuple[str, Any]:
    if stance in STANCE_STYLES:
        colour, style, _ = STANCE_STYLES[stance]
        return colour, style
    return _OTHER_STANCE_STYLE


def _summary(plan: _Plan) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    parts = [
        count(len(plan.sources), "source"),
        count(len(plan.claims), "claim"),
        count(plan.n_attributions, "attribution"),
    ]
    text = " · ".join(parts)
    if plan.n_articles:
        text += f" from {count(plan.n_articles, 'article')}"
    return text


def _save_atomically(figure: Any, path: Path, fmt: str) -> None:
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}, "png": {}}[fmt]
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        # Opened with "xb" (not mkstemp) so the picture gets the user's usual permissions.
        with open(temp, "xb") as handle:
            figure.savefig(handle, format=fmt, dpi=_PNG_DPI, metadata=metadata)
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise GraphError(f"{path}: cannot write the picture: {error.strerror or error}") from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
