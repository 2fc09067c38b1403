"""The claim graph, its files, and the analyses over it (records built by hand)."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from tracker.errors import GraphError, InputError, RecordError
from tracker.graph.analysis import claims_table, contested_claims, sources_table
from tracker.graph.build import build_graph
from tracker.io import read_attributions, read_graph, write_attributions, write_graph
from tracker.model import Attribution, Span


def record(
    rid,
    source,
    stance,
    claim="c-port",
    via=None,
    article="synthetic-a",
    kind="government",
    sentence=0,
):
    return Attribution(
        id=rid,
        article_id=article,
        source=Span(0, len(source), source),
        cue=Span(20, 24, "said"),
        content=Span(30, 50, "the port was closed"),
        stance=stance,
        source_id=source.lower().replace(" ", "-"),
        source_name=source,
        source_kind=kind,
        via=via,
        claim_id=claim,
        claim="the port was closed",
        sentence=sentence,
        evidence=f"{source} said the port was closed.",
        date="2026-01-05",
        outlet="Dock Gazette (synthetic)",
        url=f"https://dock-gazette.example/{article}",
        title="Port closed",
    )


@pytest.fixture()
def records():
    return [
        record("a1", "Port Authority", "asserts"),
        record("a2", "Two Dockers", "asserts", via="a1", kind="anonymous", sentence=1),
        record("a3", "Shipping Ministry", "denies", article="synthetic-b"),
        record("a4", "Harbour Police", "declines", article="synthetic-b", sentence=2),
        record("a5", "Port Authority", "asserts", claim="c-fees", sentence=3),
    ]


def test_nodes_and_edges_follow_the_contract(records):
    g = build_graph(records)
    assert g.nodes["source:two-dockers"] == {
        "kind": "source",
        "name": "Two Dockers",
        "source_kind": "anonymous",
        "anonymous": False,
        "aliases": ["Two Dockers"],
    }
    assert g.nodes["claim:c-port"]["kind"] == "claim"
    edge = g.edges["source:shipping-ministry", "claim:c-port", "a3"]
    assert (edge["stance"], edge["cue"], edge["article_id"], edge["date"]) == (
        "denies",
        "said",
        "synthetic-b",
        "2026-01-05",
    )
    assert edge["evidence"] == "Shipping Ministry said the port was closed."
    assert (edge["cue_start"], edge["cue_end"], edge["content_start"]) == (20, 24, 30)
    assert (edge["outlet"], edge["url"], edge["title"]) == (
        "Dock Gazette (synthetic)",
        "https://dock-gazette.example/synthetic-b",
        "Port closed",
    )
    cites = g.edges["source:port-authority", "source:two-dockers", "cites:a2"]
    assert (cites["relation"], cites["outlet"]) == ("cites", "Dock Gazette (synthetic)")


def test_contested_claims_lists_sides(records):
    (item,) = contested_claims(build_graph(records))
    assert item.to_dict() == {
        "claim_id": "c-port",
        "claim": "the port was closed",
        "asserted_by": ["Port Authority", "Two Dockers"],
        "denied_by": ["Shipping Ministry"],
        "declined_by": ["Harbour Police"],
        "attributions": [
            {
                "source": "Port Authority",
                "stance": "asserts",
                "cue": "said",
                "article_id": "synthetic-a",
                "evidence": "Port Authority said the port was closed.",
            },
            {
                "source": "Two Dockers",
                "stance": "asserts",
                "cue": "said",
                "article_id": "synthetic-a",
                "evidence": "Two Dockers said the port was closed.",
            },
            {
                "source": "Shipping Ministry",
                "stance": "denies",
                "cue": "said",
                "article_id": "synthetic-b",
                "evidence": "Shipping Ministry said the port was closed.",
            },
            {
                "source": "Harbour Police",
                "stance": "declines",
                "cue": "said",
                "article_id": "synthetic-b",
                "evidence": "Harbour Police said the port was closed.",
            },
        ],
    }


def test_tables(records):
    g = build_graph(records)
    claims = claims_table(g)
    assert claims[
        ["claim_id", "asserts", "denies", "declines", "attributions", "articles"]
    ].values.tolist() == [
        ["c-port", 2, 1, 1, 4, 2],
        ["c-fees", 1, 0, 0, 1, 1],
    ]
    sources = sources_table(g)
    assert sources.iloc[0].to_dict() == {
        "source_id": "port-authority",
        "name": "Port Authority",
        "kind": "government",
        "anonymous": False,
        "asserts": 2,
        "denies": 0,
        "declines": 0,
        "claims": 2,
        "cites": 1,
    }


@pytest.mark.parametrize("suffix", [".json", ".graphml", ".gexf"])
def test_graph_files_round_trip(tmp_path, records, suffix):
    g = build_graph(records)
    path = tmp_path / f"g{suffix}"
    write_graph(g, path)
    back = read_graph(path)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
    assert [c.to_dict() for c in contested_claims(back)] == [
        c.to_dict() for c in contested_claims(g)
    ]
    assert back.nodes["source:two-dockers"]["aliases"] == ["Two Dockers"]


def test_written_files_get_the_usual_permissions(tmp_path, records):
    import os

    umask = os.umask(0o022)
    try:
        write_graph(build_graph(records), tmp_path / "g.json")
    finally:
        os.umask(umask)
    assert (tmp_path / "g.json").stat().st_mode & 0o777 == 0o644


def test_a_failed_write_leaves_nothing(tmp_path, records):
    class Boom(Exception):
        pass

    def explode(*_args, **_kwargs):
        raise Boom

    g = build_graph(records)
    path = tmp_path / "g.json"
    original = nx.node_link_data
    nx.node_link_data = explode
    try:
        with pytest.raises(Boom):
            write_graph(g, path)
    finally:
        nx.node_link_data = original
    assert list(tmp_path.iterdir()) == []


def test_records_round_trip_and_bad_records(tmp_path, records):
    path = tmp_path / "r.jsonl"
    assert write_attributions(records, path) == 5
    assert read_attributions(path) == records
    path.write_text(json.dumps({"id": "x", "article_id": "a", "stance": "asserts"}) + "\n")
    with pytest.raises(RecordError, match=r"r.jsonl: line 1: attribution record lacks 'cue'"):
        read_attributions(path)
    path.write_text('{"id": \n')
    with pytest.raises(InputError, match=r"r.jsonl: is not valid JSON: line 1 column 8"):
        read_attributions(path)
    bad = records[0].to_dict() | {"stance": "maybe"}
    path.write_text(json.dumps(bad) + "\n")
    with pytest.raises(RecordError, match="stance 'maybe' is not one of asserts, denies, declines"):
        read_attributions(path)


def test_reading_something_else_is_refused(tmp_path):
    path = tmp_path / "g.json"
    path.write_text("[1, 2]")
    with pytest.raises(GraphError, match="not a graph written by tracker build"):
        read_graph(path)


def test_what_no_source_is_named_for_shows_as_unattributed(records):
    from dataclasses import replace

    unsourced = replace(
        records[0], id="a6", source=None, source_id=None, source_name=None, source_kind=None
    )
    graph = build_graph([*records, unsourced])
    assert graph.nodes["source:unnamed"]["name"] == "unattributed"
    [contested] = contested_claims(graph)
    assert contested.asserted_by == ("Port Authority", "unattributed", "Two Dockers")
