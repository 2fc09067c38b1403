"""--about: claims ranked and filtered by closeness to a given claim or headline."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tests.conftest import DATA
from tracker.cli import cli
from tracker.graph import build_graph
from tracker.graph.about import about_scores, about_subgraph, claims_about, words
from tracker.graph.analysis import claims_table, contested_claims
from tracker.model import Attribution, Span

# synthetic: invented places and sources


def rec(i: str, who: str, stance: str, claim_id: str, content: str) -> Attribution:
    return Attribution(
        i,
        "art",
        Span(0, 1, who),
        Span(2, 3, "said"),
        Span(4, 5, content),
        stance=stance,
        source_id=who,
        source_name=who,
        claim_id=claim_id,
        claim=content,
    )


@pytest.fixture()
def graph():
    return build_graph(
        [
            rec("1", "ann", "asserts", "c-bridge", "the Dunmere bridge was closed for repairs"),
            rec("2", "bob", "denies", "c-bridge", "the bridge in Dunmere was shut for repairs"),
            rec("3", "cy", "asserts", "c-ferry", "the ferry ran late every morning"),
            rec("4", "dee", "denies", "c-ferry", "the ferry ran late every morning"),
            rec("5", "eve", "asserts", "c-budget", "the council cut the harbour budget"),
        ]
    )


def test_words_fold_inflections_and_drop_stop_words():
    assert words("The Bridges were CLOSED, closing the road") == ["bridg", "clos", "clos", "road"]


def test_scores_rank_the_claim_about_the_text_first(graph):
    scores = about_scores(graph, "Dunmere bridge closed")
    assert set(scores) == {"c-bridge", "c-ferry", "c-budget"}
    assert scores["c-bridge"] > 0.5
    assert scores["c-ferry"] == scores["c-budget"] == 0.0
    assert [c.claim_id for c in claims_about(graph, "Dunmere bridge closed")] == ["c-bridge"]


def test_a_claim_is_as_close_as_its_closest_wording(graph):
    # "shut" is only in bob's wording, not in the claim's display text
    assert about_scores(graph, "bridge shut")["c-bridge"] > 0.5


def test_contested_and_claims_keep_only_close_claims(graph):
    assert [c.claim_id for c in contested_claims(graph)] == ["c-bridge", "c-ferry"]
    assert [c.claim_id for c in contested_claims(graph, about="the ferry was late")] == ["c-ferry"]
    table = claims_table(graph, about="harbour budget cut")
    assert list(table["claim_id"]) == ["c-budget"]
    assert list(table.columns)[-1] == "about"
    assert "about" not in claims_table(graph).columns


def test_subgraph_holds_the_close_claims_and_their_sources(graph):
    part = about_subgraph(graph, "ferry late")
    assert sorted(part.nodes) == ["claim:c-ferry", "source:cy", "source:dee"]


@pytest.fixture(scope="module")
def synthetic_graph(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("about") / "graph.json"
    result = CliRunner().invoke(cli, ["build", str(DATA / "synthetic"), "-o", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return path


def test_claims_about_on_the_command_line(synthetic_graph):
    result = CliRunner().invoke(
        cli,
        ["claims", str(synthetic_graph), "--format", "csv", "--about", "freighter shells Tessaly"],
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith(",first_seen,about")
    # the headline "Freighter carried shells to Tessaly" is one of the story claim's wordings
    assert lines[1].startswith("c-orla-star-delivered-artillery-shells,")
    assert len(lines) == 3


def test_render_about_nothing_close_is_an_error(synthetic_graph, tmp_path):
    out = tmp_path / "g.png"
    result = CliRunner().invoke(
        cli, ["render", str(synthetic_graph), "-o", str(out), "--about", "volcano erupted"]
    )
    assert result.exit_code == 1
    assert result.output == (
        "Error: no claim in the graph is close to 'volcano erupted'; word it as the "
        "articles do, or draw the whole graph without --about\n"
    )
    assert not out.exists()


def test_contested_about_on_the_command_line(synthetic_graph):
    result = CliRunner().invoke(
        cli, ["contested", str(synthetic_graph), "--format", "json", "--about", "artillery"]
    )
    assert result.exit_code == 0
    assert '"claim_id": "c-orla-star-delivered-artillery-shells"' in result.stdout
    result = CliRunner().invoke(
        cli, ["contested", str(synthetic_graph), "--format", "json", "--about", "ferry"]
    )
    assert result.stdout == "[]\n"
