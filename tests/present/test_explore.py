"""Tests for tracker.present.explore and tracker.present.focus: the explorer page's data.

The page itself is driven in a real browser in test_explore_browser.py.
"""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest

from tests.explore_story import story_graph
from tracker.errors import GraphError
from tracker.present.explore import (
    about_claim,
    evidence_marks,
    explorer_data,
    explorer_html,
    explorer_positions,
    write_explorer,
)


def marked(attribution: dict) -> list[tuple[str, str]]:
    text = attribution["evidence"]
    return [(role, text[start:end]) for start, end, role in attribution["marks"]]


def test_data_holds_nodes_attributions_and_articles():
    data = explorer_data(story_graph())
    claims = {n["id"]: n["contested"] for n in data["nodes"] if n["kind"] == "claim"}
    assert claims == {
        "claim:c-skellig-closed": True,
        "claim:c-ferry-on-time": False,
        "claim:c-shells-unloaded": False,
    }
    worker = next(n for n in data["nodes"] if n["id"] == "source:dock-worker")
    assert (worker["sourceKind"], worker["anonymous"]) == ("anonymous", True)
    denial = next(a for a in data["attributions"] if a["stance"] == "denies")
    assert marked(denial) == [
        ("source", "The ministry of ports"),
        ("cue", "denied"),
        ("content", "that the harbour of Skellig closed"),
    ]
    assert (denial["date"], denial["outlet"]) == ("2026-05-02", "Veldmark Courier (synthetic)")
    assert data["articles"]["ledger-1"] == {
        "title": "Skellig harbour shut, officials say",
        "outlet": "The Harbour Ledger (synthetic)",
        "date": "2026-05-01",
        "url": "https://ledger.example/skellig",
    }
    assert [a["date"] for a in data["attributions"]] == sorted(
        a["date"] for a in data["attributions"]
    )


def test_data_without_outlets_titles_or_urls():
    data = explorer_data(story_graph(outlets=False))
    assert data["articles"]["ledger-1"] == {"date": "2026-05-01"}
    assert {a["outlet"] for a in data["attributions"]} == {None}


def test_about_focuses_a_claim_by_id_or_wording():
    graph = story_graph()
    assert explorer_data(graph, about="c-ferry-on-time")["focus"] == "claim:c-ferry-on-time"
    assert explorer_data(graph, about="Was Skellig harbour closed?")["focus"] == (
        "claim:c-skellig-closed"
    )
    assert explorer_data(graph)["focus"] is None


def test_about_with_no_close_claim_is_an_error():
    with pytest.raises(GraphError, match="no claim in the graph is close to 'volcanic ash'"):
        about_claim(story_graph(), "volcanic ash")


def test_evidence_marks_leave_out_a_source_outside_the_sentence():
    attrs = {
        "evidence": "She denied it.",
        "cue": "denied",
        "content": "it",
        "source_start": 10,
        "source_end": 18,  # in an earlier sentence
        "cue_start": 504,
        "cue_end": 510,
        "content_start": 511,
        "content_end": 513,
    }
    assert evidence_marks(attrs) == [[4, 10, "cue"], [11, 13, "content"]]


def test_evidence_marks_find_the_occurrence_that_fits_every_span():
    attrs = {
        "evidence": "He said they said no.",
        "cue": "said",
        "content": "no",
        "cue_start": 213,
        "cue_end": 217,
        "content_start": 218,
        "content_end": 220,
    }
    assert evidence_marks(attrs) == [[13, 17, "cue"], [18, 20, "content"]]


def test_evidence_marks_without_offsets_or_matching_text():
    assert evidence_marks({"evidence": "He said so.", "cue": "said"}) == []
    mismatch = {"evidence": "He said so.", "cue": "told", "cue_start": 3, "cue_end": 7}
    assert evidence_marks(mismatch) == []


def test_positions_are_seeded_and_spread_out():
    graph = story_graph()
    positions = explorer_positions(graph, seed=3)
    assert positions == explorer_positions(graph, seed=3)
    assert set(positions) == set(graph.nodes)
    assert len(set(positions.values())) == len(positions)


def test_positions_of_a_large_graph_fill_a_screen_shaped_area():
    graph = nx.MultiDiGraph()
    for i in range(300):
        graph.add_node(f"source:s{i}", kind="source", name=f"s{i}")
        graph.add_node(f"claim:c{i}", kind="claim", text=f"c{i}")
        graph.add_edge(f"source:s{i}", f"claim:c{i}", stance="asserts")
    positions = explorer_positions(graph)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    ratio = (max(xs) - min(xs)) / (max(ys) - min(ys))
    assert 0.8 < ratio < 3


def test_page_is_self_contained(tmp_path):
    graph = story_graph()
    graph.edges["source:mira-okonde", "claim:c-ferry-on-time", "a3"]["evidence"] = (
        "Mira Okonde said </script><script>alert(1)</script> the ferry to Tessaly runs on time."
    )
    page = explorer_html(graph, title="Skellig <harbour>")
    assert "<title>Skellig &lt;harbour&gt;</title>" in page
    assert page.count("</script>") == 3  # the data, the library, the page's script
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(http" not in page
    data = re.search(r'<script type="application/json" id="tracker-data">(.*?)</script>', page)
    assert json.loads(data.group(1))["title"] == "Skellig <harbour>"


def test_write_explorer_writes_the_page_whole(tmp_path):
    path = write_explorer(story_graph(), tmp_path / "story.html", about="c-ferry-on-time")
    assert path == tmp_path / "story.html"
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["story.html"]


def test_write_explorer_refuses_other_extensions_and_empty_graphs(tmp_path):
    with pytest.raises(GraphError, match=r"story\.png: the explorer is a web page"):
        write_explorer(story_graph(), tmp_path / "story.png")
    with pytest.raises(GraphError, match="the graph has no sources or claims to explore"):
        write_explorer(nx.MultiDiGraph(), tmp_path / "story.html")
    assert list(tmp_path.iterdir()) == []


def test_a_source_and_only_its_claims_sit_round_it():
    graph = nx.MultiDiGraph()
    graph.add_node("source:hub", kind="source", name="hub")
    for i in range(6):
        graph.add_node(f"claim:c{i}", kind="claim", text=f"claim {i}")
        graph.add_edge("source:hub", f"claim:c{i}", stance="asserts")
    positions = explorer_positions(graph)
    hx, hy = positions["source:hub"]
    distances = {
        round(((x - hx) ** 2 + (y - hy) ** 2) ** 0.5, 1)
        for n, (x, y) in positions.items()
        if n != "source:hub"
    }
    assert len(distances) == 1 and distances.pop() >= 100
