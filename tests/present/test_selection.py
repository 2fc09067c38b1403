"""Tests for tracker.present.selection and for pictures of large graphs: what is drawn,
what the note says was left out, and the size limit.  Every graph here is synthetic."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import matplotlib
import networkx as nx
import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.errors import GraphError
from tracker.io import write_graph
from tracker.present.render import MAX_PIXELS, render_graph
from tracker.present.selection import ranked_claims, select_for_drawing

WORDS = "port harbour union ministry ferry audit tender wages cargo dredging pier crane".split()


def story(claims: int, contested: int, speakers: int = 1) -> nx.MultiDiGraph:
    """``claims`` claims, each asserted by ``speakers`` sources of its own; the first
    ``contested`` of them also denied by one more source (claim i by i + 1 sources)."""
    g = nx.MultiDiGraph()
    for i in range(claims):
        words = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(4))
        g.add_node(f"claim:c{i:03d}", kind="claim", text=f"the {words} claim {i}")
        for k in range(speakers):
            g.add_node(f"source:s{i}-{k}", kind="source", name=f"speaker {i}-{k}")
            g.add_edge(f"source:s{i}-{k}", f"claim:c{i:03d}", stance="asserts", cue="said")
        if i < contested:
            for k in range(i % 3 + 1):
                g.add_node(f"source:d{i}-{k}", kind="source", name=f"denier {i}-{k}")
                g.add_edge(f"source:d{i}-{k}", f"claim:c{i:03d}", stance="denies", cue="denied")
    return g


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])
    return width, height


def test_a_small_graph_is_drawn_whole():
    chosen = select_for_drawing(story(60, 2))
    assert (len(chosen.claims), chosen.chosen_by, chosen.note) == (60, "all", None)


def test_a_large_graph_keeps_its_contested_claims_and_says_so():
    chosen = select_for_drawing(story(100, 4))
    assert chosen.claims == ("claim:c002", "claim:c001", "claim:c000", "claim:c003")
    assert chosen.sources == 4 + (1 + 3 + 2 + 1)
    assert chosen.note == (
        "Drawn: the 4 contested claims and their 11 sources; left out: 96 of 100 claims and "
        "96 of 107 sources (--all draws every claim; tracker explore shows the whole graph)."
    )


def test_without_contested_claims_the_most_attributed_are_kept():
    graph = story(100, 0)
    graph.add_edge("source:s7-0", "claim:c050", stance="asserts")
    chosen = select_for_drawing(graph, max_claims=3)
    assert chosen.claims == ("claim:c050", "claim:c000", "claim:c001")
    assert chosen.note.startswith(
        "Drawn: the 3 claims with the most attributions (none is contested) and their 4 sources;"
    )


def test_about_keeps_the_closest_claims():
    graph = story(100, 4)
    graph.nodes["claim:c042"]["text"] = "the lighthouse keeper resigned"
    chosen = select_for_drawing(graph, about="the keeper of the lighthouse resigned")
    assert chosen.claims == ("claim:c042",)
    assert chosen.note.startswith(
        'Drawn: the 1 claim closest to "the keeper of the lighthouse resigned" and its 1 source;'
    )
    with pytest.raises(GraphError, match="no claim in the graph is close to 'volcanic ash'"):
        select_for_drawing(story(10, 1), about="volcanic ash")


def test_all_draws_everything():
    chosen = select_for_drawing(story(100, 4), show_all=True)
    assert (len(chosen.claims), chosen.note) == (100, None)


def test_ranking_counts_contested_claims_once():
    ranked, contested = ranked_claims(story(10, 3))
    assert (ranked[:3], contested) == (["claim:c002", "claim:c001", "claim:c000"], 3)


def test_large_graph_picture_says_what_it_left_out(tmp_path):
    notes = []
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        render_graph(story(300, 5), tmp_path / "story.svg", on_note=notes.append)
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", (tmp_path / "story.svg").read_text())
    assert notes == [
        "Drawn: the 5 contested claims and their 14 sources; left out: 295 of 300 claims and "
        "295 of 309 sources (--all draws every claim; tracker explore shows the whole graph)."
    ]
    assert "Drawn: the 5 contested claims and their 14 sources; left out: 295 of 300" in " ".join(
        texts
    )


def test_a_selection_too_tall_for_a_picture_is_cut_further(tmp_path):
    notes = []
    path = render_graph(story(200, 60, speakers=4), tmp_path / "story.png", on_note=notes.append)
    assert max(png_size(path)) <= MAX_PIXELS
    drawn = int(re.match(r"Drawn: the (\d+) most contested of 60 contested claims", notes[0])[1])
    assert 10 < drawn < 60


def test_all_is_refused_when_it_cannot_fit(tmp_path):
    with pytest.raises(GraphError, match=r"pixels long, more than 4,000; draw fewer"):
        render_graph(story(300, 5), tmp_path / "story.png", show_all=True)
    assert list(tmp_path.iterdir()) == []


def test_render_command_prints_the_note(tmp_path):
    write_graph(story(100, 4), tmp_path / "story.json")
    runner = CliRunner()
    result = runner.invoke(
        cli, ["render", str(tmp_path / "story.json"), "-o", str(tmp_path / "s.png")]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "Note: Drawn: the 4 contested claims and their 11 sources; left out: 96 of 100 claims "
        "and 96 of 107 sources (--all draws every claim; tracker explore shows the whole "
        f"graph).\nWrote {tmp_path / 's.png'}\n"
    )
    both = ["render", str(tmp_path / "story.json"), "-o", "x.png", "--claim", "c001", "--all"]
    result = runner.invoke(cli, both)
    assert result.exit_code == 2
    assert "--claim draws one claim; use it without --about and --all" in result.stderr
