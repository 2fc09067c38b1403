"""Property tests over hostile input: whatever the bytes, JSON or text, the readers give
records or one of tracker's own errors, and any text survives extract -> JSON Lines ->
build -> graph file -> contested with its offsets intact.

The suite runs a bounded number of examples (the "default" profile in tests/conftest.py);
``make fuzz`` runs the same properties with many more.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.errors import TrackerError
from tracker.graph.analysis import claims_table, contested_claims, sources_table
from tracker.graph.build import build_graph
from tracker.ingest.readers import SUPPORTED_EXTENSIONS, read_article_file
from tracker.io import read_attributions, read_graph, write_attributions, write_graph
from tracker.model import Attribution

# Characters that split lines somewhere (str.splitlines, browsers, editors), and others that
# scraped text holds: the readers and writers must keep every one of them.
AWKWARD = "\u2028\u2029\x85\x0c\x0b\x1c\x1d\x1e\r\t\u00a0\u200b\ufeff\u202e\U0001f600\"\\'"
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
awkward_text = st.lists(
    st.one_of(words, st.sampled_from(list(AWKWARD)), st.sampled_from([" ", "\n", "\n\n"])),
    max_size=12,
).map("".join)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | words,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(words, inner, max_size=4),
    max_leaves=12,
)
article_keys = st.sampled_from(
    ["id", "text", "body", "title", "date", "url", "outlet", "synthetic"]
)
article_like = st.dictionaries(article_keys, json_values | awkward_text, max_size=6)

SUITE = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


def reads_cleanly(path: Path) -> None:
    with contextlib.suppress(TrackerError):
        read_article_file(path, strict=False, on_skip=lambda error: None)


@SUITE
@given(data=st.binary(max_size=400), suffix=st.sampled_from(SUPPORTED_EXTENSIONS))
def test_any_bytes_give_articles_or_our_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        reads_cleanly(path)


@SUITE
@given(items=st.lists(article_like | json_values, max_size=4), raw=st.booleans())
def test_any_json_gives_articles_or_our_error(items: list, raw: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        listed = Path(folder) / "list.json"
        listed.write_text(json.dumps(items, ensure_ascii=raw), encoding="utf-8")
        reads_cleanly(listed)
        lines = Path(folder) / "lines.jsonl"
        text = "\n".join(json.dumps(item, ensure_ascii=raw) for item in items)
        lines.write_text(text, encoding="utf-8")
        reads_cleanly(lines)


record_like = st.fixed_dictionaries(
    {"id": words, "article_id": words, "stance": st.sampled_from(["asserts", "denies", "x"])},
    optional={
        "cue": st.fixed_dictionaries({"start": json_values, "end": json_values, "text": words})
        | json_values,
        "source": json_values,
        "content": json_values,
        "source_id": json_values,
        "sentence": json_values,
        "hedged": json_values,
        "extra": json_values,
    },
)


@SUITE
@given(items=st.lists(record_like | json_values, min_size=1, max_size=4))
def test_any_json_lines_give_records_or_our_error(items: list) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.jsonl"
        path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n")
        try:
            records = read_attributions(path, strict=False)
        except TrackerError:
            return
        graph = build_graph(records)
        contested_claims(graph)


node_like = st.dictionaries(
    st.sampled_from(["id", "kind", "name", "text", "aliases", "anonymous", "source_kind"]),
    json_values | st.sampled_from(["source", "claim"]),
)
edge_like = st.dictionaries(
    st.sampled_from(["source", "target", "stance", "relation", "cue", "evidence", "sentence"]),
    json_values | st.sampled_from(["source:a", "claim:b", "asserts", "denies", "cites"]),
)


@SUITE
@given(
    nodes=st.lists(node_like, max_size=4),
    edges=st.lists(edge_like, max_size=4),
    suffix=st.sampled_from([".json", ".graphml", ".gexf"]),
)
def test_any_graph_file_gives_a_graph_or_our_error(nodes, edges, suffix) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"g{suffix}"
        if suffix == ".json":
            data = {"directed": True, "multigraph": True, "graph": {}, "nodes": nodes}
            path.write_text(json.dumps(data | {"edges": edges}))
        else:
            path.write_text(json.dumps(nodes))  # not XML at all
        try:
            graph = read_graph(path)
        except TrackerError:
            return
        contested_claims(graph)
        claims_table(graph)
        sources_table(graph)


@pytest.mark.usefixtures("nlp")
@SUITE
@given(before=awkward_text, between=awkward_text, after=awkward_text)
def test_any_text_round_trips_with_offsets_intact(nlp, before, between, after) -> None:
    from tracker.ingest.readers import article_from_text
    from tracker.pipeline import extract_attributions

    text = (
        f"{before}\n\nOfficials said the port{between}was closed.\n\n"
        f"The ministry denied that the port was closed.{after}"
    )
    article = article_from_text(text, id="fuzz", parse_header=False, synthetic=True)
    records = extract_attributions([article], nlp=nlp)
    for record in records:
        for span in (record.source, record.cue, record.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.jsonl"
        write_attributions(records, path)
        assert (read_attributions(path) if records else []) == records
        assert [Attribution.from_dict(r.to_dict()) for r in records] == records
        graph_path = Path(folder) / "g.json"
        write_graph(build_graph(records), graph_path)
        if records:
            graph = read_graph(graph_path)
            evidence = {r.evidence for r in records}
            for item in contested_claims(graph):
                assert {a["evidence"] for a in item.to_dict()["attributions"]} <= evidence
