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


def with_a_crowded_claim(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` with claim c050 asserted by 20 more sources and denied by 20: the most
    contested claim, with 41 sources."""
    for side, stance in (("a", "asserts"), ("n", "denies")):
        for k in range(20):
            g_source = f"source:crowd-{side}{k}"
            graph.add_node(g_source, kind="source", name=f"crowd {side}{k}")
            graph.add_edge(g_source, "claim:c050", stance=stance, cue="said")
    return graph


def test_a_claim_with_too_many_sources_is_passed_over_and_named():
    chosen = select_for_drawing(with_a_crowded_claim(story(100, 4)))
    assert chosen.claims == ("claim:c002", "claim:c001", "claim:c000", "claim:c003")
    assert chosen.note == (
        "Drawn: 4 of the 5 contested claims (the most contested that fit) and their 11 sources; "
        "left out: 96 of 100 claims and 136 of 147 sources (--all draws every claim; tracker "
        "explore shows the whole graph). The most contested claim left out is c050 (41 "
        "sources, too many to draw beside others); --claim ID draws a claim alone."
    )


def test_claims_are_packed_until_their_sources_fill_the_picture():
    # c002 (4 sources) is kept, c001 (3 more) would pass 6, c000 (2 more) fits, c003 not.
    chosen = select_for_drawing(story(100, 4), max_sources=6)
    assert chosen.claims == ("claim:c002", "claim:c000")
    assert chosen.note == (
        "Drawn: 2 of the 4 contested claims (the most contested that fit) and their 6 sources; "
        "left out: 98 of 100 claims and 101 of 107 sources (--all draws every claim; tracker "
        "explore shows the whole graph). The most contested claim left out is c001 (3 "
        "sources; the picture was full); --claim ID draws a claim alone."
    )
    # Cut to its first claim (as a picture too tall is), it is the top-ranked claim alone.
    assert chosen.first(1).note == (
        "Drawn: the 1 most contested of 4 contested claims and its 4 sources; left out: 99 of "
        "100 claims and 103 of 107 sources (--all draws every claim; tracker explore shows the "
        "whole graph)."
    )


def test_about_keeps_the_closest_claim_whatever_its_sources():
    graph = with_a_crowded_claim(story(100, 4))
    graph.nodes["claim:c050"]["text"] = "the lighthouse keeper resigned"
    chosen = select_for_drawing(graph, about="the lighthouse keeper resigned", max_claims=1)
    assert (chosen.claims, chosen.sources) == (("claim:c050",), 41)


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


def test_a_large_graph_with_a_crowded_claim_is_drawn_legibly(tmp_path):
    notes = []
    graph = with_a_crowded_claim(story(300, 40, speakers=2))
    path = render_graph(graph, tmp_path / "story.png", on_note=notes.append)
    assert max(png_size(path)) <= MAX_PIXELS
    drawn = re.match(
        r"Drawn: (\d+) of the 41 contested claims \(the most contested that fit\)", notes[0]
    )
    assert drawn and 10 < int(drawn[1]) < 41
    assert notes[0].endswith(
        "The most contested claim left out is c050 (42 sources, too many to draw beside "
        "others); --claim ID draws a claim alone."
    )


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
