"""The explorer: the claim graph as one HTML page that works offline.

:func:`write_explorer` writes a single file holding everything the page needs: the graph
library (Cytoscape.js, see ``tracker/present/assets/``), the page's script and styles, and
the graph's data.  Opening it makes no network request.  Positions are computed here, with
a seeded networkx layout, so the page draws a large graph at once instead of running a
physics simulation.

:func:`explorer_data` is the data the page is drawn from, as plain JSON-ready values:

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("source:ports", kind="source", name="ministry of ports",
...            source_kind="government", anonymous=False, aliases=["the ministry"])
>>> g.add_node("claim:c-dredging", kind="claim", text="the harbour will be dredged in may")
>>> g.add_edge("source:ports", "claim:c-dredging", key="a1", stance="denies", cue="denied",
...            article_id="ledger-1", date="2026-03-04", evidence="The ministry denied it.",
...            source_start=100, source_end=112, cue_start=113, cue_end=119)
'a1'
>>> data = explorer_data(g)
>>> [(n["id"], n["label"]) for n in data["nodes"]]
[('source:ports', 'ministry of ports'), ('claim:c-dredging', 'the harbour will be dredged in may')]
>>> data["attributions"][0]["marks"]
[[0, 12, 'source'], [13, 19, 'cue']]
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from tracker.errors import GraphError
from tracker.graph.about import claims_about
from tracker.io import atomic_write
from tracker.present.layout import SOURCE_KIND_COLOURS, STANCE_STYLES, shorten

__all__ = [
    "ARTICLE_FIELDS",
    "about_claim",
    "explorer_data",
    "explorer_html",
    "explorer_positions",
    "evidence_marks",
    "write_explorer",
]

#: What the page shows of an article when the graph's edges carry it.
ARTICLE_FIELDS = ("title", "outlet", "date", "url")
# Where a span's offsets are kept on an edge, and which role wins where spans overlap.
_ROLES = ("content", "source", "cue")
# Pixels between nodes in the page; parts of the graph are packed this far apart, with room
# for the labels drawn under the nodes (at most _LABEL_WIDTH wide).
_NODE_SPACING = 110.0
_COMPONENT_GAP = 50.0
_LABEL_WIDTH = 160.0
_SOURCE_LABEL_CHARS = 40
_CLAIM_LABEL_CHARS = 60
_STANCE_DASHES = {"asserts": "solid", "denies": "dashed", "declines": "dotted"}


def write_explorer(
    graph: nx.MultiDiGraph,
    path: str | Path,
    *,
    about: str | None = None,
    title: str | None = None,
    seed: int = 7,
) -> Path:
    """Write the explorer page for ``graph`` to ``path`` and return the path.

    With ``about`` (a claim id, or words of a claim) the page opens on that claim.  The file
    is written whole or not at all.
    """
    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise GraphError(f"{path}: the explorer is a web page; end the output name with .html")
    page = explorer_html(graph, about=about, title=title, seed=seed)
    with atomic_write(path) as handle:
        handle.write(page)
    return path


def explorer_html(
    graph: nx.MultiDiGraph,
    *,
    about: str | None = None,
    title: str | None = None,
    seed: int = 7,
) -> str:
    """The explorer page for ``graph``, as one self-contained HTML document."""
    data = explorer_data(graph, about=about, title=title, seed=seed)
    assets = resources.files("tracker.present") / "assets"
    template = (assets / "explorer.html").read_text(encoding="utf-8")
    parts = {
        "TITLE": _html_escape(data["title"]),
        "STYLE": (assets / "explorer.css").read_text(encoding="utf-8"),
        "LIBRARY": (assets / "cytoscape.min.js").read_text(encoding="utf-8"),
        "SCRIPT": (assets / "explorer.js").read_text(encoding="utf-8"),
        # "<" is escaped so that no text in the data can close the script element.
        "DATA": json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"),
    }
    return re.sub(r"/\*@(\w+)@\*/", lambda m: parts[m.group(1)], template)


def explorer_data(
    graph: nx.MultiDiGraph,
    *,
    about: str | None = None,
    title: str | None = None,
    seed: int = 7,
) -> dict[str, Any]:
    """Nodes with positions, stance links, attributions, citations and articles of ``graph``."""
    sources = [n for n, a in graph.nodes(data=True) if a.get("kind") == "source"]
    claims = [n for n, a in graph.nodes(data=True) if a.get("kind") == "claim"]
    if not sources and not claims:
        raise GraphError(
            "the graph has no sources or claims to explore; build it from articles that "
            "hold attributions (tracker build PATHS -o GRAPH)"
        )
    attributions, cites, articles = _edges(graph)
    focus = about_claim(graph, about) if about else None
    positions = explorer_positions(graph, seed=seed)
    contested = _contested(attributions)
    nodes = [_source_node(graph, n) for n in sources] + [
        _claim_node(graph, n, n in contested) for n in claims
    ]
    for node in nodes:
        node["x"], node["y"] = positions[node["id"]]
    return {
        "title": title or "Who said what",
        "focus": focus,
        "about": about,
        "palette": {
            "kinds": SOURCE_KIND_COLOURS,
            "stances": {
                stance: {"colour": colour, "label": label, "line": _STANCE_DASHES[stance]}
                for stance, (colour, _, label) in STANCE_STYLES.items()
            },
        },
        "nodes": nodes,
        "attributions": attributions,
        "cites": cites,
        "articles": articles,
    }


def about_claim(graph: nx.MultiDiGraph, text: str) -> str:
    """The claim node ``text`` names (its id, with or without ``claim:``) or, else, the claim
    closest to it (:func:`tracker.graph.about.claims_about`).

    Raises :class:`~tracker.errors.GraphError` when no claim is close enough.
    """
    wanted = text.strip()
    for node in (wanted, f"claim:{wanted}"):
        if node in graph and graph.nodes[node].get("kind") == "claim":
            return node
    close = claims_about(graph, wanted)
    if not close:
        raise GraphError(
            f"no claim in the graph is close to {text!r}; give a claim id (tracker claims "
            "GRAPH lists them) or word it as the articles do"
        )
    return f"claim:{close[0].claim_id}"


def _source_node(graph: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    attrs = graph.nodes[node]
    name = str(attrs.get("name") or node.removeprefix("source:"))
    kind = attrs.get("source_kind") or "unknown"
    aliases = attrs.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split("; ") if a]
    return {
        "id": node,
        "kind": "source",
        "label": shorten(name, _SOURCE_LABEL_CHARS),
        "name": name,
        "sourceKind": kind if kind in SOURCE_KIND_COLOURS else "unknown",
        "anonymous": _as_bool(attrs.get("anonymous")),
        "aliases": sorted({str(a) for a in aliases} - {name}),
    }


def _claim_node(graph: nx.MultiDiGraph, node: str, contested: bool) -> dict[str, Any]:
    text = str(graph.nodes[node].get("text") or node.removeprefix("claim:"))
    return {
        "id": node,
        "kind": "claim",
        "label": shorten(text, _CLAIM_LABEL_CHARS),
        "text": text,
        "contested": contested,
    }


def _edges(
    graph: nx.MultiDiGraph,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, str]]]:
    """The page's attributions (source→claim edges), citations and articles."""
    kinds = {n: a.get("kind") for n, a in graph.nodes(data=True)}
    attributions, cites = [], []
    articles: dict[str, dict[str, str]] = {}
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        article = attrs.get("article_id")
        if article:
            known = articles.setdefault(str(article), {})
            for name in ARTICLE_FIELDS:
                if attrs.get(name) and name not in known:
                    known[name] = str(attrs[name])
        date = _day(attrs.get("date"))
        if attrs.get("relation") == "cites":
            if kinds.get(u) == "source" and kinds.get(v) == "source":
                cites.append({"source": u, "target": v, "article": article, "date": date})
            continue
        if "stance" not in attrs or kinds.get(u) != "source" or kinds.get(v) != "claim":
            continue
        attributions.append(
            {
                "id": str(key),
                "source": u,
                "claim": v,
                "stance": str(attrs["stance"]),
                "cue": attrs.get("cue") or "",
                "article": article,
                "date": date,
                "outlet": attrs.get("outlet") or None,
                "evidence": attrs.get("evidence") or "",
                "marks": evidence_marks(attrs),
            }
        )
    attributions.sort(key=lambda a: (a["date"] or "", str(a["article"] or ""), a["id"]))
    return attributions, cites, articles


def evidence_marks(attrs: Mapping[str, Any]) -> list[list[Any]]:
    """Where the source, cue and content of an edge lie in its evidence sentence.

    Edges keep their spans' offsets in the article and the sentence's text, not where the
    sentence starts; the start is found as the shift that puts the cue's (or else the
    content's) text at its offsets.  Returns ``[start, end, role]`` triples that do not
    overlap, in order (the cue wins over the source, the source over the content); a span
    outside the sentence (a source named in an earlier one) is left out.

    >>> evidence_marks({"evidence": "Kim said the port is shut.", "cue": "said",
    ...                 "content": "the port is shut", "source_start": 40, "source_end": 43,
    ...                 "cue_start": 44, "cue_end": 48, "content_start": 49, "content_end": 65})
    [[0, 3, 'source'], [4, 8, 'cue'], [9, 25, 'content']]
    """
    evidence = str(attrs.get("evidence") or "")
    spans = {}
    for role in _ROLES:
        start, end = attrs.get(f"{role}_start"), attrs.get(f"{role}_end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            spans[role] = (start, end)
    shift = _sentence_start(evidence, spans, attrs)
    if shift is None:
        return []
    owner: list[str | None] = [None] * len(evidence)
    for role in _ROLES:  # later roles win
        if role not in spans:
            continue
        start, end = spans[role][0] - shift, spans[role][1] - shift
        if start < 0 or end > len(evidence):
            continue
        owner[start:end] = [role] * (end - start)
    marks: list[list[Any]] = []
    for i, owned in enumerate(owner):
        if owned is None:
            continue
        if marks and marks[-1][2] == owned and marks[-1][1] == i:
            marks[-1][1] = i + 1
        else:
            marks.append([i, i + 1, owned])
    return marks


def _sentence_start(
    evidence: str, spans: Mapping[str, tuple[int, int]], attrs: Mapping[str, Any]
) -> int | None:
    """The article offset of ``evidence``'s first character, from spans whose text is known."""
    known = [
        (spans[role], str(attrs.get(role) or ""))
        for role in ("cue", "content")
        if role in spans and attrs.get(role)
    ]
    known = [(span, text) for span, text in known if span[1] - span[0] == len(text)]
    if not known or not evidence:
        return None
    (start, _), text = known[0]
    at = evidence.find(text)
    while at >= 0:
        shift = start - at
        if all(evidence[s - shift : e - shift] == t for (s, e), t in known if s - shift >= 0):
            return shift
        at = evidence.find(text, at + 1)
    return None


def _contested(attributions: Iterable[Mapping[str, Any]]) -> set[str]:
    """Claims at least one source asserts and one denies (as ``tracker contested``)."""
    stances: dict[str, set[str]] = defaultdict(set)
    for a in attributions:
        stances[a["claim"]].add(a["stance"])
    return {claim for claim, seen in stances.items() if {"asserts", "denies"} <= seen}


def explorer_positions(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Page coordinates (pixels, y down) of every source and claim node.

    Each connected part of the graph is laid out on its own with a seeded spring layout,
    sized by how many nodes it holds, and the parts are packed in rows, largest first, so
    that a graph of many small stories fills a screen-shaped area.  The same graph and
    seed always give the same positions.
    """
    nodes = [n for n, a in graph.nodes(data=True) if a.get("kind") in ("source", "claim")]
    simple: nx.Graph[Any] = nx.Graph()
    simple.add_nodes_from(sorted(nodes))
    simple.add_edges_from(
        (u, v) for u, v in graph.edges() if u in simple and v in simple and u != v
    )
    parts = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(c)))
    boxes = [_lay_out_part(simple.subgraph(part), seed) for part in parts]
    return _pack(boxes)


def _lay_out_part(part: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one connected part, with its top-left corner at (0, 0)."""
    n = len(part)
    if n == 1:
        return {next(iter(part)): (0.0, 0.0)}
    if n == 2:  # a source and what it said, one above the other
        a, b = sorted(part, key=lambda node: (not str(node).startswith("source:"), node))
        return {a: (0.0, 0.0), b: (0.0, _NODE_SPACING * 0.7)}
    hub = max(sorted(part), key=part.degree)
    if part.degree(hub) == n - 1 and part.number_of_edges() == n - 1:
        return _star(hub, sorted(node for node in part if node != hub))
    ordered: nx.Graph[Any] = nx.Graph()
    ordered.add_nodes_from(sorted(part))
    ordered.add_edges_from(sorted(tuple(sorted(e)) for e in part.edges()))
    iterations = 50 if n <= 400 else 30
    raw = nx.spring_layout(ordered, seed=seed, iterations=iterations)
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    scale = _NODE_SPACING * math.sqrt(n) * 1.2 / max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    return {
        node: (float((x - min(xs)) * scale), float((y - min(ys)) * scale))
        for node, (x, y) in raw.items()
    }


def _star(hub: str, leaves: list[str]) -> dict[str, tuple[float, float]]:
    """A node and those it alone links to (a source and its claims): the others on a circle
    round it, as a spring layout would place them but at once."""
    radius = max(_NODE_SPACING, _NODE_SPACING * len(leaves) / (2 * math.pi) * 0.8)
    positions = {hub: (radius, radius)}
    for i, leaf in enumerate(leaves):
        angle = 2 * math.pi * i / len(leaves) - math.pi / 2
        positions[leaf] = (radius + radius * math.cos(angle), radius + radius * math.sin(angle))
    return positions


def _pack(boxes: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """Place the laid-out parts in rows about as wide as the whole is tall (times 1.6)."""
    sizes = [
        (max(x for x, _ in box.values()) + _LABEL_WIDTH, max(y for _, y in box.values()) + 30)
        for box in boxes
    ]
    area = sum((w + _COMPONENT_GAP) * (h + _COMPONENT_GAP) for w, h in sizes)
    row_width = max(math.sqrt(area * 1.6), max((w for w, _ in sizes), default=0.0))
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for box, (width, height) in zip(boxes, sizes, strict=True):
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + _COMPONENT_GAP, 0.0
        for node, (nx_, ny) in box.items():
            positions[node] = (round(x + _LABEL_WIDTH / 2 + nx_, 1), round(y + ny, 1))
        x += width + _COMPONENT_GAP
        row_height = max(row_height, height)
    return positions


def _day(value: Any) -> str | None:
    """A date as ``YYYY-MM-DD`` (the day of a timestamp), or None."""
    text = str(value or "").strip()
    return text[:10] if re.match(r"\d{4}-\d\d-\d\d", text) else None


def _as_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() == "true"
    return bool(value)


def _html_escape(text: str) -> str:
    table = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
    return "".join(table.get(c, c) for c in text)
