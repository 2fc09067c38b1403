"""Draw the claim graph as a picture (PNG, SVG or PDF) with matplotlib.

Sources sit in a column on the left as circles coloured by what kind of source they are
(hollow when unnamed); claims sit in a column on the right as rounded boxes holding their
shortened wording.  Each line from a source to a claim is one stance: green and solid for
*asserts*, red and dashed for *denies*, orange and dotted for *declines to confirm*.  A
source that took the same stance on a claim several times gets one thicker line marked
``×N``.  Thin grey arrows beside the source column show who cited whom (an outlet relaying
officials).

The layout, planned by :mod:`tracker.present.layout`, is deterministic for a given ``seed``: both
columns are ordered to keep lines from crossing, and each source is placed level with the
claims it spoke about.  matplotlib
is imported only when a picture is drawn, and only through its object-oriented API (no
``pyplot``), so drawing needs no display and leaves no open figures behind.

>>> import tempfile, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("source:ports", kind="source", name="ministry of ports",
...            source_kind="government", anonymous=False, aliases=[])
>>> g.add_edge("source:ports", "claim:c-dredging", key="a1", stance="denies", cue="denied")
'a1'
>>> g.nodes["claim:c-dredging"].update(kind="claim", text="the harbour will be dredged in may")
>>> with tempfile.TemporaryDirectory() as folder:
...     render_graph(g, f"{folder}/graph.svg").name
'graph.svg'
"""

from __future__ import annotations

import os
import secrets
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from tracker.errors import GraphError
from tracker.present.layout import (
    MARGIN,
    PNG_DPI,
    SOURCE_KIND_COLOURS,
    STANCE_STYLES,
    Link,
    Plan,
    claim_neighbourhood,
    find_claim_node,
    node_kind,
    plan_picture,
    shorten,
    stance_rank,
    strip_prefix,
    wrap_lines,
)
from tracker.present.selection import Selection, select_for_drawing

__all__ = [
    "MAX_PIXELS",
    "SUPPORTED_FORMATS",
    "render_graph",
]

#: Output formats by file extension.
SUPPORTED_FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}

# A stance the palette does not know yet (say "questions") is still drawn, and named.
_OTHER_STANCE_STYLE = ("#7B3294", "dashdot")
_CITES_COLOUR = "#8C8C8C"
_CLAIM_FILL = "#F6F3EC"
_CLAIM_EDGE = "#9A9488"
_TEXT_COLOUR = "#222222"
_MUTED_COLOUR = "#6B6B6B"
_NOTE_COLOUR = "#A31D1D"

#: The longest side of a picture, in pixels at the PNG resolution (inches x 150 for SVG, PDF).
MAX_PIXELS = 4000


def render_graph(
    graph: nx.MultiDiGraph,
    path: str | Path,
    *,
    claim: str | None = None,
    about: str | None = None,
    show_all: bool = False,
    title: str | None = None,
    seed: int = 7,
    max_label_chars: int = 60,
    on_note: Callable[[str], None] | None = None,
) -> Path:
    """Draw ``graph`` to ``path`` (``.png``, ``.svg`` or ``.pdf``) and return the path.

    With ``claim``, only that claim's neighbourhood is drawn (see :func:`claim_neighbourhood`)
    and its full wording heads the picture.  Otherwise a graph of more than
    :data:`~tracker.present.selection.DRAWN_CLAIMS` claims is cut to its contested claims and
    their sources, or, with ``about``, to the claims closest to that wording
    (:func:`~tracker.present.selection.select_for_drawing`); ``show_all`` draws every claim.
    The picture stays under :data:`MAX_PIXELS` on its long side: a selection is cut further
    to fit, and a drawing asked for whole that cannot fit is refused.  Whatever is left out
    is said in the picture and passed to ``on_note``.

    Claim wording longer than ``max_label_chars`` is shortened with an ellipsis.  The file
    is written whole or not at all: the picture goes to a temporary file in the same
    folder, then is renamed into place.
    """
    path = Path(path)
    fmt = SUPPORTED_FORMATS.get(path.suffix.lower())
    if fmt is None:
        given = f"a {path.suffix} file" if path.suffix else "a file without an extension"
        raise GraphError(
            f"{path}: cannot draw to {given}; end the output name with one of "
            f"{', '.join(SUPPORTED_FORMATS)}"
        )
    if not path.parent.is_dir():
        raise GraphError(
            f"{path}: the folder {path.parent} does not exist; create it or write elsewhere"
        )
    if max_label_chars < 10:
        raise GraphError(f"max_label_chars must be at least 10, not {max_label_chars}")
    wording, selection = None, None
    if claim is not None:
        graph = claim_neighbourhood(graph, claim)
        node = find_claim_node(graph, claim)
        wording = "“" + shorten(graph.nodes[node].get("text") or strip_prefix(node), 400) + "”"
        if title is None:
            title = f"Claim {strip_prefix(node)}: who asserted, denied or declined it"
    else:
        selection = select_for_drawing(graph, about=about, show_all=show_all)
        graph = selection.graph
    if not any(node_kind(graph, node) for node in graph):
        raise GraphError(
            "the graph has no sources or claims to draw; build it from articles or "
            "attribution records that hold attributions (tracker build PATHS -o GRAPH)"
        )
    import matplotlib

    settings: Any = {"svg.hashsalt": "tracker", "pdf.fonttype": 42, "font.family": "DejaVu Sans"}
    with matplotlib.rc_context(settings):
        fixed = claim is not None or show_all
        plan, header = _fit(
            graph, selection, (title or "Who said what", wording), seed, max_label_chars, fixed
        )
        if header.note and on_note is not None:
            on_note(header.note)
        figure = _draw(plan, header)
        _save_atomically(figure, path, fmt)
    return path


def _fit(
    graph: nx.MultiDiGraph,
    selection: Selection | None,
    heading: tuple[str, str | None],
    seed: int,
    max_label_chars: int,
    fixed: bool,
) -> tuple[Plan, _Header]:
    """The plan and header of a picture under :data:`MAX_PIXELS`: a selection loses its
    last-ranked claims until it fits; a drawing asked for whole (``fixed``) is refused."""
    limit = MAX_PIXELS / PNG_DPI
    while True:
        note = selection.note if selection is not None else None
        plan = plan_picture(graph, seed, max_label_chars)
        header = _header(plan, *heading, note)
        longest = max(plan.width, header.height)
        if longest <= limit:
            return plan, header
        claims = len(selection.claims) if selection is not None else len(plan.claims)
        if fixed or selection is None or claims <= 1:
            raise GraphError(
                f"{claims:,} claims and {len(plan.sources):,} sources need a picture "
                f"{int(longest * PNG_DPI):,} pixels long, more than {MAX_PIXELS:,}; draw "
                "fewer (leave out --all, or use --about CLAIM), or explore the whole graph "
                "with tracker explore GRAPH -o FILE.html"
            )
        selection = selection.first(min(claims - 1, int(claims * limit / longest)))
        graph = selection.graph


# --- drawing ----------------------------------------------------------------------------

_LEGEND_STYLE: dict[str, Any] = {
    "frameon": False,
    "fontsize": 8.5,
    "title_fontsize": 9,
    "handlelength": 2.6,
    "borderaxespad": 0,
    "columnspacing": 1.2,
    "alignment": "left",
}


@dataclass(frozen=True)
class _Header:
    """The header over the drawing, top down: title, the claim's wording (one-claim
    pictures), summary, the note of what was left out, legends; and the picture's height."""

    heading: list[tuple[str, float, str, str]]
    blocks: list[float]
    legends: list[tuple[str, list[Any], int, str]]
    height: float
    note: str | None


def _header(plan: Plan, title: str, wording: str | None, note: str | None) -> _Header:
    node_handles, line_handles = _legend_handles(plan)
    legends = [
        ("Sources and claims", node_handles, min(len(node_handles), 4), "upper left"),
        (
            "Lines from a source to a claim",
            line_handles,
            1 + (len(line_handles) > 3),
            "upper right",
        ),
    ]
    # The header, top down: title, the claim's wording (one-claim pictures), summary, legends.
    per_line = max(int((plan.width - 2 * MARGIN) * 72 / (14 * 0.58)), 30)
    heading: list[tuple[str, float, str, str]] = [
        (wrap_lines(title, per_line, 2), 14, "bold", _TEXT_COLOUR)
    ]
    if wording:
        heading.append((wrap_lines(wording, per_line * 4 // 3, 5), 10.5, "normal", _TEXT_COLOUR))
    heading.append((_summary(plan), 9, "normal", _MUTED_COLOUR))
    if note:
        heading.append((wrap_lines(note, per_line * 3 // 2, 4), 9, "normal", _NOTE_COLOUR))
    blocks = [(text.count("\n") + 1) * size * 1.3 / 72 + 0.1 for text, size, *_ in heading]
    # Room for the legends' titles and rows: the drawing starts below them.
    legend_rows = max(-(-len(handles) // columns) for _, handles, columns, _ in legends)
    height = plan.height + 0.72 + sum(blocks) + 0.2 * legend_rows
    return _Header(heading, blocks, legends, height, note)


def _draw(plan: Plan, header: _Header) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    heading, blocks, legends, height = header.heading, header.blocks, header.legends, header.height
    figure = Figure(figsize=(plan.width, height))
    FigureCanvasAgg(figure)
    ax = figure.add_axes((0, 0, 1, 1))
    # One data unit is one inch, so text and positions can be planned together.
    ax.set_xlim(0, plan.width)
    ax.set_ylim(0, height)
    ax.set_axis_off()
    y = height - 0.25
    for (text, size, weight, colour), block in zip(heading, blocks, strict=True):
        style: dict[str, Any] = {
            "fontsize": size,
            "fontweight": weight,
            "color": colour,
            "linespacing": 1.3,
        }
        ax.text(MARGIN, y, text, va="top", ha="left", parse_math=False, **style)
        y -= block
    for name, handles, columns, corner in legends:
        x = MARGIN if corner == "upper left" else plan.width - MARGIN
        place: dict[str, Any] = {
            "loc": corner,
            "bbox_to_anchor": (x / plan.width, y / height),
            "ncol": columns,
        }
        figure.legend(handles=handles, title=name, **place, **_LEGEND_STYLE)
    _draw_cites(ax, plan)
    _draw_links(ax, plan)
    _draw_sources(ax, plan)
    _draw_claims(ax, plan)
    return figure


def _draw_cites(ax: Any, plan: Plan) -> None:
    """Thin grey arrows from a citing source to the cited one, bowing right of the circles."""
    from matplotlib.patches import FancyArrowPatch

    shrink = plan.marker / 2 + 1
    style: dict[str, Any] = {
        "color": _CITES_COLOUR,
        "lw": 0.9,
        "shrinkA": shrink,
        "shrinkB": shrink,
        "zorder": 2,
    }
    for u, v, count in plan.cites:
        (xu, yu), (xv, yv) = plan.positions[u], plan.positions[v]
        # arc3 bows right of the direction of travel for a negative rad: pick the sign that
        # bows into the gap beside the circles, and keep long arcs from bowing far.
        bend = min(1.6, 0.9 / max(abs(yu - yv), 1e-6))
        bend = -bend if yv < yu else bend
        shape: dict[str, Any] = {"arrowstyle": "-|>", "connectionstyle": f"arc3,rad={bend}"}
        size = 7 + 2 * min(count, 3)
        ax.add_patch(FancyArrowPatch((xu, yu), (xv, yv), mutation_scale=size, **shape, **style))


def _draw_links(ax: Any, plan: Plan) -> None:
    """One line per source, claim and stance; thicker and marked ×N when said N times."""
    from matplotlib.patches import FancyArrowPatch

    base_width, alpha = (0.9, 0.7) if plan.compact else (1.5, 0.9)
    ends: dict[str, Any] = {
        "shrinkA": plan.marker / 2 + 0.5,
        "shrinkB": 1,
        "capstyle": "butt",
        "zorder": 3,
    }
    count_box: dict[str, Any] = {
        "boxstyle": "round,pad=0.15",
        "fc": "white",
        "ec": "none",
        "alpha": 0.9,
    }
    end_y = _link_ends(plan)
    for link in plan.links:
        colour, dashes = _stance_style(link.stance)
        (xs, ys), xc = plan.positions[link.source], plan.positions[link.claim][0]
        yc = end_y[(link.source, link.claim, link.stance)]
        width = min(base_width * (1 + 0.7 * (link.count - 1)), 5.0)
        style: dict[str, Any] = {"color": colour, "linestyle": dashes, "lw": width, "alpha": alpha}
        shape: dict[str, Any] = {"arrowstyle": "-", "connectionstyle": f"arc3,rad={link.bend}"}
        ax.add_patch(FancyArrowPatch((xs, ys), (xc, yc), **shape, **style, **ends))
        if link.count > 1:
            # Past the middle, where lines from one source have drawn apart and those into
            # one claim have not yet met.
            x = xs + 0.6 * (xc - xs)
            y = ys + 0.6 * (yc - ys) - link.bend * 0.48 * (xc - xs)
            style = {"fontsize": plan.font - 1.5, "color": colour, "fontweight": "bold"}
            place: dict[str, Any] = {"ha": "center", "va": "center", "zorder": 6, "bbox": count_box}
            ax.text(x, y, f"×{link.count}", parse_math=False, **place, **style)


def _link_ends(plan: Plan) -> dict[tuple[Any, Any, str], float]:
    """Where each line meets its claim box: spread down the box's edge in source order, so
    that lines into a much-discussed claim stay apart instead of meeting in one point."""
    into: dict[Any, list[Link]] = defaultdict(list)
    for link in plan.links:
        into[link.claim].append(link)
    ends: dict[tuple[Any, Any, str], float] = {}
    for claim, links in into.items():
        y = plan.positions[claim][1]
        links.sort(key=lambda link: (-plan.positions[link.source][1], stance_rank(link.stance)))
        reach = plan.lines_of(claim) * plan.font * 1.25 / 72 / 2 * 0.8
        if len(links) == 1:
            reach = 0.0
        step = 2 * reach / max(len(links) - 1, 1)
        for i, link in enumerate(links):
            ends[(link.source, link.claim, link.stance)] = y + reach - i * step
    return ends


def _draw_sources(ax: Any, plan: Plan) -> None:
    """Circles coloured by kind (hollow when unnamed), each with its name to the left."""
    if not plan.sources:
        return
    faces, edges, widths = [], [], []
    place: dict[str, Any] = {
        "xytext": (-(plan.marker / 2 + 4), 0),
        "textcoords": "offset points",
        "zorder": 5,
    }
    style: dict[str, Any] = {"fontsize": plan.font, "color": _TEXT_COLOUR, "linespacing": 1.05}
    for node in plan.sources:
        colour = SOURCE_KIND_COLOURS[plan.kinds[node]]
        hollow = node in plan.anonymous
        faces.append("white" if hollow else colour)
        edges.append(colour if hollow else "white")
        widths.append(2.2 if hollow else 0.8)
        italic = "italic" if hollow else "normal"
        label, xy = plan.labels[node], plan.positions[node]
        ax.annotate(
            label, xy, ha="right", va="center", fontstyle=italic, parse_math=False, **place, **style
        )
    xs, ys = zip(*(plan.positions[n] for n in plan.sources), strict=True)
    ax.scatter(xs, ys, s=plan.marker**2, c=faces, edgecolors=edges, linewidths=widths, zorder=4)


def _draw_claims(ax: Any, plan: Plan) -> None:
    """Rounded boxes whose left edge is the claim's position, with the claim id above."""
    pad = plan.claim_pad
    box = {"boxstyle": f"round,pad={pad / plan.font:.3f}", "fc": _CLAIM_FILL, "ec": _CLAIM_EDGE}
    place: dict[str, Any] = {
        "xytext": (pad, 0),
        "textcoords": "offset points",
        "ha": "left",
        "va": "center",
    }
    style: dict[str, Any] = {
        "fontsize": plan.font,
        "color": _TEXT_COLOUR,
        "linespacing": 1.1,
        "zorder": 5,
    }
    id_style = {"fontsize": plan.font - 1.5, "color": _MUTED_COLOUR, "ha": "left", "va": "bottom"}
    for node in plan.claims:
        x, y = plan.positions[node]
        ax.annotate(plan.labels[node], (x, y), bbox=box, parse_math=False, **place, **style)
        if node in plan.claim_ids:
            top = y + plan.lines_of(node) * plan.font * 1.25 / 72 / 2 + pad / 72
            ax.text(x + 0.02, top + 0.02, plan.claim_ids[node], parse_math=False, **id_style)


def _legend_handles(plan: Plan) -> tuple[list[Any], list[Any]]:
    """Legend entries for what the picture holds; the three stances are always explained."""
    from matplotlib.lines import Line2D

    def mark(label: str, face: str, edge: str, marker: str = "o", width: float = 1.0) -> Any:
        style: dict[str, Any] = {"marker": marker, "ms": 9, "mfc": face, "mec": edge, "mew": width}
        return Line2D([], [], ls="none", label=label, **style)

    named_kinds = {plan.kinds[n] for n in plan.sources if n not in plan.anonymous}
    nodes = [mark(k, c, "white") for k, c in SOURCE_KIND_COLOURS.items() if k in named_kinds]
    if plan.anonymous:
        nodes.append(mark("unnamed source (hollow)", "white", _MUTED_COLOUR, width=2))
    if plan.claims:
        nodes.append(mark("claim", _CLAIM_FILL, _CLAIM_EDGE, marker="s"))

    lines = []
    others = sorted({link.stance for link in plan.links} - set(STANCE_STYLES))
    for stance in [*STANCE_STYLES, *others]:
        colour, dashes = _stance_style(stance)
        label = STANCE_STYLES[stance][2] if stance in STANCE_STYLES else stance
        lines.append(Line2D([], [], color=colour, ls=dashes, lw=2, label=label))
    if plan.cites:
        cites_style: dict[str, Any] = {"color": _CITES_COLOUR, "lw": 1, "marker": ">", "ms": 5}
        lines.append(Line2D([], [], label="cites as its source", **cites_style))
    if any(link.count > 1 for link in plan.links):
        lines.append(Line2D([], [], color=_TEXT_COLOUR, lw=3.5, label="×N: said N times"))
    return nodes, lines


def _stance_style(stance: str) -> tuple[str, Any]:
    if stance in STANCE_STYLES:
        return STANCE_STYLES[stance][:2]
    return _OTHER_STANCE_STYLE


def _summary(plan: Plan) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}" if n == 1 else f"{n} {word}s"

    attributions = sum(link.count for link in plan.links)
    text = " · ".join(
        [
            count(len(plan.sources), "source"),
            count(len(plan.claims), "claim"),
            count(attributions, "attribution"),
        ]
    )
    return text + (f" from {count(plan.n_articles, 'article')}" if plan.n_articles else "")


def _save_atomically(figure: Any, path: Path, fmt: str) -> None:
    # No timestamps, so the same graph always gives the same file.
    metadata = {"svg": {"Date": None}, "pdf": {"CreationDate": None}, "png": {}}[fmt]
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        # Opened with "xb" rather than mkstemp, so the picture gets the usual permissions.
        with open(temp, "xb") as handle:
            figure.savefig(handle, format=fmt, dpi=PNG_DPI, metadata=metadata)
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise GraphError(f"{path}: cannot write the picture: {error.strerror or error}") from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
