"""Grouping steps leave the corpus out of the garbage collector's passes, and one step run
inside another does not let it back in before the outer one ends."""

from __future__ import annotations

import gc

from tracker.graph.build import build_graph
from tracker.model import Attribution, Span
from tracker.resolve.heap import corpus_in_place


def _record() -> Attribution:
    return Attribution(
        "a1",
        "synthetic-1",
        Span(0, 3, "Ann"),
        Span(4, 8, "said"),
        Span(9, 12, "yes"),
        source_id="ann",
        source_name="Ann",
        claim_id="c-yes",
        claim="yes",
    )


def test_an_inner_block_keeps_what_the_outer_one_left_out():
    with corpus_in_place():
        outer = gc.get_freeze_count()
        made_between = [[n] for n in range(100)]
        with corpus_in_place():
            pass
        assert outer > 0
        # what was made between the two is left out too, and stays so after the inner one
        assert gc.get_freeze_count() >= outer + len(made_between)
    assert gc.get_freeze_count() == 0


def test_building_the_graph_inside_grouping_leaves_the_corpus_out_until_grouping_ends():
    with corpus_in_place():
        graph = build_graph([_record()])
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    assert sorted(graph.nodes) == ["claim:c-yes", "source:ann"]
    build_graph([_record()])
    assert gc.get_freeze_count() == 0
