"""The story scorer (benchmarks/story_eval.py) on hand-made graphs and one synthetic story."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def story_eval():
    spec = importlib.util.spec_from_file_location(
        "story_eval", ROOT / "benchmarks" / "story_eval.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["story_eval"] = module
    spec.loader.exec_module(module)
    return module


STORY = {
    "id": "synthetic-bridge",
    "half": "dev",
    "claim": "the Halvor bridge was closed",
    "about": [["bridge"], ["closed", "shut"]],
    "about_min": 2,
    "asserters": [{"name": "Mara Olsk", "aliases": ["olsk"], "evidence": "1"}],
    "deniers": [{"name": "the Harbour Office", "aliases": ["harbour office"], "evidence": "2"}],
    "decliners": [],
    "also_fine": [{"name": "Tessa Brann", "aliases": []}],
    "forbidden": [
        {"name": "Daily Lantern", "aliases": [], "stance": "any", "scope": "any", "why": "listener"}
    ],
}


def _graph(edges):
    graph = nx.MultiDiGraph()
    for source, claim, text, stance in edges:
        graph.add_node(f"source:{source}", kind="source", name=source.replace("-", " "))
        graph.add_node(f"claim:{claim}", kind="claim", text=text)
        graph.add_edge(f"source:{source}", f"claim:{claim}", stance=stance, content=text)
    return graph


def test_best_node_pairs_recall_spread_and_forbidden(story_eval):
    graph = _graph(
        [
            ("olsk", "c1", "the bridge was closed", "asserts"),
            ("tessa-brann", "c1", "the bridge was closed", "asserts"),
            ("harbour-office", "c2", "the bridge was shut at noon", "denies"),
            ("daily-lantern", "c3", "the ferry runs", "asserts"),
            ("olsk", "c3", "the ferry runs", "denies"),
        ]
    )
    score = story_eval.score_story(STORY, graph, 2)
    assert score.about_nodes == 2
    assert score.best == "claim:c1"
    assert (score.precision, score.recall, score.f1) == (1.0, 0.5, pytest.approx(2 / 3))
    assert (score.asserter_recall, score.denier_recall) == (1.0, 0.0)
    assert score.any_recall == 1.0
    assert score.nodes == 2
    assert score.forbidden == ["Daily Lantern asserts claim:c3"]


def test_wrong_stance_counts_against_precision(story_eval):
    graph = _graph(
        [
            ("mara-olsk", "c1", "the bridge was closed", "asserts"),
            ("harbour-office", "c1", "the bridge was closed", "asserts"),
        ]
    )
    score = story_eval.score_story(STORY, graph, 1)
    assert (score.precision, score.recall) == (0.5, 0.5)
    assert score.forbidden == []


def test_names_compare_without_case_article_or_curly_quotes(story_eval):
    assert story_eval.norm("The  Racket Report\u2019s piece.") == "racket report's piece"
    assert story_eval.names_of({"name": "A source", "aliases": ["The Mirror"]}) == {
        "source",
        "mirror",
    }


def test_gold_file_keeps_to_ids_hashes_and_names(story_eval):
    gold = json.loads(story_eval.GOLD.read_text(encoding="utf-8"))
    stories = gold["stories"]
    assert len(stories) >= 12
    assert {s["half"] for s in stories} == {"dev", "report"}
    for story in stories:
        assert len(story["headline_sha1"]) == 40
        assert story["asserters"] and story["deniers"]
        for role in ("asserters", "deniers", "decliners"):
            for entry in story[role]:
                assert entry["evidence"] in story["bodies"]
                assert len(entry["name"]) <= 60
