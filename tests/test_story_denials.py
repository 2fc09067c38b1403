"""The gold-free denial measure (benchmarks/story_denials.py) on a hand-made graph."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def story_denials():
    sys.path.insert(0, str(ROOT / "benchmarks"))  # it imports story_eval from beside it
    return importlib.import_module("story_denials")


def _graph(edges):
    graph = nx.MultiDiGraph()
    for source, claim, text, stance, body in edges:
        graph.add_node(f"source:{source}", kind="source", name=source)
        graph.add_node(f"claim:{claim}", kind="claim", text=text)
        graph.add_edge(
            f"source:{source}", f"claim:{claim}", stance=stance, content=text, article_id=body
        )
    return graph


def test_denials_on_the_central_node_and_spread(story_denials):
    story = story_denials.Story(
        "Halvor bridge closed by flood",
        "1",
        {"1": "agree", "2": "agree", "3": "disagree", "4": "disagree", "5": "disagree"},
    )
    graph = _graph(
        [
            ("olsk", "c1", "the Halvor bridge was closed", "asserts", "fnc-1"),
            ("mara", "c1", "the Halvor bridge was closed", "asserts", "fnc-2"),
            ("office", "c1", "the Halvor bridge was closed", "denies", "fnc-3"),
            ("board", "c2", "the bridge closed after the flood", "denies", "fnc-4"),
            ("board", "c3", "the ferry runs", "denies", "fnc-5"),
        ]
    )
    score = story_denials.score_denials(story, graph, {"halvo", "bridg", "close", "flood"})
    assert score.about_nodes == 2  # c1, c2 (the ferry names nothing of the headline)
    assert score.central_articles == 3
    assert score.d_hit == pytest.approx(1 / 3)
    assert score.d_any == pytest.approx(2 / 3)
    assert score.d_nodes == 2
    assert score.a_hit == 1.0 and score.a_denies == 0.0
    assert score.misses == ["4: denies", "5: nothing about the headline"]
