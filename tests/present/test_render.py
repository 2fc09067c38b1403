"""Tests for tracker.present.render: files written, errors, neighbourhoods, what the picture shows.

Every graph here is synthetic: invented sources, claims and article ids.
"""

from __future__ import annotations

import random
import re
import struct
from pathlib import Path

import matplotlib
import networkx as nx
import pytest

from tracker.errors import GraphError
from tracker.present.layout import claim_neighbourhood, layout_positions, shorten
from tracker.present.render import render_graph

ARTICLE = "synthetic-harbour-01"


def add_source(graph, sid, name, kind, anonymous=False):
    graph.add_node(
        f"source:{sid}",
        kind="source",
        name=name,
        source_kind=kind,
        anonymous=anonymous,
        aliases=[],
    )


def add_claim(graph, cid, text):
    graph.add_node(f"claim:{cid}", kind="claim", text=text)


def attribute(graph, sid, cid, stance, key, article=ARTICLE, cue="said"):
    graph.add_edge(
        f"source:{sid}",
        f"claim:{cid}",
        key=key,
        stance=stance,
        cue=cue,
        article_id=article,
        date="2024-03-01",
        evidence=f"synthetic sentence for {key}",
        quote="indirect",
        hedged=False,
    )


def cite(graph, citing, cited, key):
    graph.add_edge(
        f"source:{citing}",
        f"source:{cited}",
        key=key,
        relation="cites",
        article_id=ARTICLE,
        evidence=f"synthetic sentence for {key}",
    )


def harbour_graph():
    """Two claims about an invented port; the courier relays two unnamed officials."""
    g = nx.MultiDiGraph(name="synthetic harbour story")
    add_source(g, "ministry-of-ports", "ministry of ports", "government")
    add_source(g, "daily-courier", "the daily courier", "media")
    add_source(g, "two-officials", "two officials familiar with the talks", "anonymous", True)
    add_source(g, "harbour-union", "harbour workers' union", "organization")
    add_source(g, "mara-velt", "Mara Velt", "person")
    add_claim(
        g,
        "c-dredging",
        "the ministry awarded the dredging contract without a public tender, bypassing "
        "the procurement rules adopted last year",
    )
    add_claim(g, "c-strike", "dock workers plan a strike if wages are not raised")
    attribute(g, "daily-courier", "c-dredging", "asserts", "a1", cue="reported")
    attribute(g, "two-officials", "c-dredging", "asserts", "a2")
    attribute(g, "two-officials", "c-dredging", "asserts", "a3", article="synthetic-harbour-02")
    attribute(g, "ministry-of-ports", "c-dredging", "denies", "a4", cue="denied")
    attribute(g, "harbour-union", "c-strike", "asserts", "a5")
    attribute(g, "mara-velt", "c-strike", "declines", "a6", cue="declined to comment")
    cite(g, "daily-courier", "two-officials", "k1")
    # Mara Velt cites the union about the strike, so this cites edge stays outside c-dredging.
    cite(g, "mara-velt", "harbour-union", "k2")
    cite(g, "daily-courier", "mara-velt", "k3")
    return g


def random_graph(n_sources=90, n_claims=60, n_edges=220, seed=3):
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    kinds = ["person", "government", "organization", "media", "anonymous", "document", "unknown"]
    words = ["port", "harbour", "union", "ministry", "ferry", "audit", "tender", "wages", "cargo"]
    for i in range(n_sources):
        kind = rng.choice(kinds)
        name = " ".join(rng.sample(words, rng.randint(1, 4))) + f" {i}"
        add_source(g, f"s{i}", name, kind, kind == "anonymous")
    for i in range(n_claims):
        add_claim(g, f"c{i}", " ".join(rng.choices(words, k=rng.randint(20, 40))))
    for i in range(n_edges):
        stance = rng.choice(["asserts", "asserts", "denies", "declines"])
        attribute(g, f"s{rng.randrange(n_sources)}", f"c{rng.randrange(n_claims)}", stance, i)
    for i in range(10):
        a, b = rng.sample(range(n_sources), 2)
        cite(g, f"s{a}", f"s{b}", f"k{i}")
    return g


def svg_with_text(graph, path, **options):
    """Render to SVG keeping text as text, and return (texts, svg source)."""
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        render_graph(graph, path, **options)
    svg = path.read_text(encoding="utf-8")
    return re.findall(r"<text[^>]*>([^<]*)</text>", svg), svg


# --- files ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "magic"),
    [
        ("graph.png", b"\x89PNG\r\n\x1a\n"),
        ("graph.PNG", b"\x89PNG\r\n\x1a\n"),
        ("graph.svg", b"<?xml"),
        ("graph.pdf", b"%PDF-"),
    ],
)
def test_writes_the_format_named_by_the_extension(tmp_path, name, magic):
    out = render_graph(harbour_graph(), tmp_path / name)
    assert out == tmp_path / name
    data = out.read_bytes()
    assert data.startswith(magic)
    if name.endswith(".svg"):
        assert b"<svg" in data[:1000]
    # Nothing but the picture is left in the folder (no temporary file).
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_png_is_written_at_150_dpi(tmp_path):
    data = render_graph(harbour_graph(), tmp_path / "graph.png").read_bytes()
    chunk = data.index(b"pHYs")
    per_metre_x, per_metre_y = struct.unpack(">II", data[chunk + 4 : chunk + 12])
    assert (per_metre_x, per_metre_y) == (5906, 5906)  # 150 dots per inch


def test_same_graph_and_seed_give_identical_svg_and_pdf(tmp_path):
    for suffix in (".svg", ".pdf"):
        first = render_graph(harbour_graph(), tmp_path / f"a{suffix}").read_bytes()
        second = render_graph(harbour_graph(), tmp_path / f"b{suffix}").read_bytes()
        assert first == second


def test_layout_is_deterministic_and_puts_sources_left_of_claims():
    positions = layout_positions(harbour_graph(), seed=11)
    assert positions == layout_positions(harbour_graph(), seed=11)
    assert set(positions) == set(harbour_graph())
    source_x = {x for node, (x, _) in positions.items() if node.startswith("source:")}
    claim_x = {x for node, (x, _) in positions.items() if node.startswith("claim:")}
    assert len(source_x) == 1 and len(claim_x) == 1
    assert source_x.pop() + 2 < claim_x.pop()


def test_a_failing_render_leaves_no_file(tmp_path, monkeypatch):
    from matplotlib.figure import Figure

    def broken_savefig(self, handle, **kwargs):
        handle.write(b"half a picture")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Figure, "savefig", broken_savefig)
    with pytest.raises(RuntimeError, match="disk on fire"):
        render_graph(harbour_graph(), tmp_path / "graph.png")
    assert list(tmp_path.iterdir()) == []


def test_a_failing_render_keeps_the_old_picture(tmp_path, monkeypatch):
    from matplotlib.figure import Figure

    out = tmp_path / "graph.svg"
    out.write_text("the previous picture")

    def broken_savefig(self, handle, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Figure, "savefig", broken_savefig)
    with pytest.raises(GraphError) as caught:
        render_graph(harbour_graph(), out)
    assert str(caught.value) == f"{out}: cannot write the picture: No space left on device"
    assert out.read_text() == "the previous picture"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.svg"]


def test_leaves_no_open_pyplot_figures(tmp_path):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    render_graph(harbour_graph(), tmp_path / "graph.png")
    assert plt.get_fignums() == before


# --- errors -----------------------------------------------------------------------------


def test_unsupported_extension_lists_the_supported_ones(tmp_path):
    out = tmp_path / "graph.jpg"
    with pytest.raises(GraphError) as caught:
        render_graph(harbour_graph(), out)
    assert str(caught.value) == (
        f"{out}: cannot draw to a .jpg file; end the output name with one of .png, .svg, .pdf"
    )
    assert not out.exists()


def test_missing_extension_is_explained(tmp_path):
    out = tmp_path / "graph"
    with pytest.raises(GraphError) as caught:
        render_graph(harbour_graph(), out)
    assert str(caught.value) == (
        f"{out}: cannot draw to a file without an extension; "
        "end the output name with one of .png, .svg, .pdf"
    )


def test_missing_folder_is_explained(tmp_path):
    out = tmp_path / "pictures" / "graph.png"
    with pytest.raises(GraphError) as caught:
        render_graph(harbour_graph(), out)
    assert str(caught.value) == (
        f"{out}: the folder {tmp_path / 'pictures'} does not exist; create it or write elsewhere"
    )


def test_unknown_claim_names_it_and_says_how_to_list_claims(tmp_path):
    with pytest.raises(GraphError) as caught:
        render_graph(harbour_graph(), tmp_path / "graph.png", claim="c-ferry-line")
    assert str(caught.value) == (
        "no claim 'c-ferry-line' in the graph; run `tracker claims GRAPH` to list the claim ids"
    )
    assert list(tmp_path.iterdir()) == []


def test_unknown_claim_suggests_a_close_id():
    with pytest.raises(GraphError) as caught:
        claim_neighbourhood(harbour_graph(), "claim:c-dredgin")
    assert str(caught.value) == (
        "no claim 'c-dredgin' in the graph (did you mean c-dredging?); "
        "run `tracker claims GRAPH` to list the claim ids"
    )


def test_a_source_id_is_not_a_claim():
    with pytest.raises(GraphError, match=r"^no claim 'source:mara-velt' in the graph"):
        claim_neighbourhood(harbour_graph(), "source:mara-velt")


def test_empty_graph_is_refused(tmp_path):
    with pytest.raises(GraphError) as caught:
        render_graph(nx.MultiDiGraph(), tmp_path / "graph.png")
    assert str(caught.value) == (
        "the graph has no sources or claims to draw; build it from articles or attribution "
        "records that hold attributions (tracker build PATHS -o GRAPH)"
    )
    assert list(tmp_path.iterdir()) == []


def test_too_small_label_limit_is_refused(tmp_path):
    with pytest.raises(GraphError, match="^max_label_chars must be at least 10, not 3$"):
        render_graph(harbour_graph(), tmp_path / "graph.png", max_label_chars=3)


# --- claim neighbourhood ----------------------------------------------------------------


@pytest.mark.parametrize("claim", ["c-dredging", "claim:c-dredging", " c-dredging "])
def test_neighbourhood_keeps_the_claim_its_sources_and_their_cites(claim):
    part = claim_neighbourhood(harbour_graph(), claim)
    assert set(part) == {
        "claim:c-dredging",
        "source:daily-courier",
        "source:two-officials",
        "source:ministry-of-ports",
    }
    assert sorted(part.edges(keys=True)) == [
        ("source:daily-courier", "claim:c-dredging", "a1"),
        ("source:daily-courier", "source:two-officials", "k1"),
        ("source:ministry-of-ports", "claim:c-dredging", "a4"),
        ("source:two-officials", "claim:c-dredging", "a2"),
        ("source:two-officials", "claim:c-dredging", "a3"),
    ]
    assert part.nodes["source:two-officials"]["anonymous"] is True
    assert part.edges["source:ministry-of-ports", "claim:c-dredging", "a4"]["cue"] == "denied"


def test_neighbourhood_is_a_copy():
    graph = harbour_graph()
    part = claim_neighbourhood(graph, "c-strike")
    assert set(part) == {"claim:c-strike", "source:harbour-union", "source:mara-velt"}
    assert sorted(part.edges(keys=True)) == [
        ("source:harbour-union", "claim:c-strike", "a5"),
        ("source:mara-velt", "claim:c-strike", "a6"),
        ("source:mara-velt", "source:harbour-union", "k2"),
    ]
    part.remove_node("source:mara-velt")
    assert "source:mara-velt" in graph


# --- what the picture shows -------------------------------------------------------------


def test_picture_shows_title_summary_labels_and_legends(tmp_path):
    texts, _ = svg_with_text(harbour_graph(), tmp_path / "graph.svg")
    assert texts[:2] == ["Who said what", "5 sources · 2 claims · 6 attributions from 2 articles"]
    for expected in [
        "ministry of ports",
        "Mara Velt",
        "two officials familiar",
        "with the talks",
        "c-dredging",
        "the ministry awarded the",
        "dredging contract without a",
        "public…",
        "×2",
        "unnamed source (hollow)",
        "asserts",
        "denies",
        "declines to confirm",
        "cites as its source",
        "×N: said N times",
    ]:
        assert expected in texts
    assert "anonymous" not in texts  # unnamed sources are explained by the hollow entry
    assert "×1" not in texts


def test_repeated_attributions_are_drawn_once_and_thicker(tmp_path):
    g = nx.MultiDiGraph()
    add_source(g, "ports", "ministry of ports", "government")
    add_claim(g, "c-ferry", "a new ferry line to the islands will open in june")
    attribute(g, "ports", "c-ferry", "asserts", "a1")
    attribute(g, "ports", "c-ferry", "asserts", "a2", article="synthetic-harbour-02")
    attribute(g, "ports", "c-ferry", "denies", "a3")
    texts, svg = svg_with_text(g, tmp_path / "graph.svg")
    strokes = re.findall(r"stroke: #(2e8b3e|d62728|e69f00); stroke-width: ([\d.]+)", svg)
    # One line per stance (the asserting one 1.7 times as wide), plus one per legend entry.
    assert sorted(strokes) == [
        ("2e8b3e", "2"),
        ("2e8b3e", "2.55"),
        ("d62728", "1.5"),
        ("d62728", "2"),
        ("e69f00", "2"),
    ]
    assert texts.count("×2") == 1


def test_long_claims_are_cut_at_max_label_chars(tmp_path):
    texts, _ = svg_with_text(harbour_graph(), tmp_path / "graph.svg", max_label_chars=30)
    assert "the ministry awarded the…" in texts
    assert "dock workers plan a strike if…" in texts


def test_dollar_signs_are_shown_not_read_as_maths(tmp_path):
    g = nx.MultiDiGraph()
    add_source(g, "audit", "the 2023 audit report", "document")
    add_claim(g, "c-budget", "the budget was overspent by $40 million and $3 million")
    attribute(g, "audit", "c-budget", "asserts", "a1", cue="found")
    texts, _ = svg_with_text(g, tmp_path / "graph.svg")
    assert "the budget was overspent by $40" in texts


def test_one_claim_picture_has_its_title_and_full_wording(tmp_path):
    texts, _ = svg_with_text(harbour_graph(), tmp_path / "graph.svg", claim="c-dredging")
    assert texts[:4] == [
        "Claim c-dredging: who asserted, denied or declined it",
        "“the ministry awarded the dredging contract without a public tender, bypassing the "
        "procurement rules",
        "adopted last year”",
        "3 sources · 1 claim · 4 attributions from 2 articles",
    ]
    assert "Mara Velt" not in texts


def test_given_title_is_used(tmp_path):
    texts, _ = svg_with_text(harbour_graph(), tmp_path / "graph.svg", title="Port of Vell, March")
    assert texts[0] == "Port of Vell, March"


def test_graph_read_back_from_graphml_renders(tmp_path):
    graph = harbour_graph()
    for _, data in graph.nodes(data=True):
        if "aliases" in data:
            data["aliases"] = ";".join(data["aliases"])  # GraphML has no lists
    nx.write_graphml(graph, tmp_path / "graph.graphml")
    again = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    texts, _ = svg_with_text(again, tmp_path / "graph.svg")
    assert texts[1] == "5 sources · 2 claims · 6 attributions from 2 articles"
    assert "unnamed source (hollow)" in texts


def test_isolated_nodes_are_drawn(tmp_path):
    g = nx.MultiDiGraph()
    add_source(g, "ports", "ministry of ports", "government")
    add_claim(g, "c-ferry", "a new ferry line to the islands will open in june")
    texts, _ = svg_with_text(g, tmp_path / "graph.svg")
    assert texts[1] == "1 source · 1 claim · 0 attributions"
    assert "ministry of ports" in texts and "c-ferry" in texts


def test_150_nodes_stay_apart_and_the_picture_grows(tmp_path):
    graph = random_graph()
    positions = layout_positions(graph)
    assert set(positions) == set(graph)
    for prefix, least in (("source:", 8 / 72), ("claim:", 0.15)):
        ys = sorted(y for node, (_, y) in positions.items() if node.startswith(prefix))
        assert min(b - a for a, b in zip(ys[:-1], ys[1:], strict=True)) >= least - 1e-6
    assert min(y for _, y in positions.values()) > 0

    def png_size(path):
        width, height = struct.unpack(">II", Path(path).read_bytes()[16:24])
        return width, height

    small = png_size(render_graph(harbour_graph(), tmp_path / "small.png"))
    large = png_size(render_graph(graph, tmp_path / "large.png"))
    assert large[1] > 3 * small[1]
    assert large[1] < 2**16


def test_shorten_cuts_between_words():
    assert shorten("officials  said the port\nwill reopen next week", 30) == (
        "officials said the port will…"
    )
    assert shorten("the ministry awarded the dredging contract", 25) == "the ministry awarded the…"
    assert shorten("unbreakablewordwithoutanyspaces", 10) == "unbreakab…"
    assert shorten("short enough", 12) == "short enough"
