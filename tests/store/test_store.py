"""The story store: incremental adds, revisions, corrections that survive a rebuild."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from tests.conftest import DATA
from tracker.errors import CorrectionError, StoreError
from tracker.graph.analysis import contested_claims
from tracker.graph.build import build_graph
from tracker.ingest import read_articles
from tracker.io import read_graph
from tracker.pipeline import extract_attributions
from tracker.store import (
    Correction,
    add_articles,
    add_correction,
    open_store,
    rebuild_store,
    store_counts,
    store_graph,
    store_records,
)
from tracker.store.corrections import export_corrections, import_corrections, remove_correction
from tracker.store.schema import SCHEMA_VERSION, migrate

SYNTHETIC = DATA / "synthetic"
CLAIM = "c-freighter-orla-star-delivered-artillery"
CUSTOMS = "customs-officials-in-veldmark"
# attribution ids in the synthetic story
HEADLINE = "d4cd14ac8924"  # "Tessaly rejects shipment report"
FIRST_DENIAL = "00136f79cc1b"  # the foreign ministry's, on 2026-03-04
DIPLOMATS = "d21d0301e9bb"  # two anonymous diplomats back the report
FACTLINE = "38b69b59c2fd"  # FactLine's conclusion


@pytest.fixture(scope="module")
def story(nlp):
    return read_articles([SYNTHETIC])


@pytest.fixture()
def store(tmp_path, extractor, story):
    path = tmp_path / "story.db"
    add_articles(path, story[:2], extractor=extractor)
    add_articles(path, story[2:], extractor=extractor)
    return open_store(path)


def test_two_batches_give_the_records_of_one(store, story, extractor, tmp_path):
    one = tmp_path / "one.db"
    add_articles(one, story, extractor=extractor)
    once = [r.to_dict() for r in store_records(open_store(one))]
    assert [r.to_dict() for r in store_records(store)] == once
    counts = store_counts(store)
    assert (counts["articles"], counts["attributions"], counts["batches"]) == (5, 20, 2)


def test_re_adding_is_idempotent(store, story, extractor):
    before = store_counts(store)
    result = add_articles(store, story, extractor=extractor)
    assert (result.added, result.revised, result.attributions) == ([], [], 0)
    assert result.skipped == [a.id for a in story]
    assert store_counts(store) == before


def test_a_revision_keeps_both_versions(store, story, extractor):
    first = story[0]
    changed = replace(
        first,
        text=first.text.replace("last month", "in February"),
        paragraphs=(),
        debris=(),
    )
    result = add_articles(store, [changed], extractor=extractor)
    assert result.revised == [first.id]
    rows = store.execute(
        "SELECT revision, current, (SELECT COUNT(*) FROM attributions a WHERE a.article = r.id) "
        "FROM articles r WHERE article_id = ? ORDER BY revision",
        (first.id,),
    ).fetchall()
    assert [tuple(r) for r in rows] == [(1, 0, 5), (2, 1, 5)]
    contents = {
        r.content.text for r in store_records(store) if r.content and r.article_id == first.id
    }
    assert any("in February" in c for c in contents)
    assert not any("last month" in c for c in contents)
    # the same url with new text is a revision of the article stored under that url
    moved = replace(story[1], id="renamed", text=story[1].text + "\n\nMore.", paragraphs=())
    assert add_articles(store, [moved], extractor=extractor).revised == [story[1].id]


def test_the_graph_of_a_store_is_read_like_a_graph_file(store, tmp_path):
    path = tmp_path / "story.db"
    graph = read_graph(path)
    assert [c.claim_id for c in contested_claims(graph)] == [CLAIM]
    edge = next(
        a for _, v, a in graph.in_edges(f"claim:{CLAIM}", data=True) if a["stance"] == "denies"
    )
    assert (edge["outlet"], edge["date"]) == ("Northern Wire (synthetic)", "2026-03-04")


def test_a_source_named_differently_in_two_batches_is_one_node(store, story, extractor):
    # the two batches name the customs officials and Veldmark differently; each batch only
    # knows its own articles, so the names are joined when the store is read
    graph = store_graph(store)
    built = build_graph(extract_attributions(story, nlp=extractor.nlp))
    sources = sorted(n for n, kind in graph.nodes(data="kind") if kind == "source")
    assert sources == sorted(n for n, kind in built.nodes(data="kind") if kind == "source")
    assert "source:veldmark-customs-officials" not in graph
    assert graph.nodes["source:veldmark"]["source_kind"] == "government"


def test_evidence_sentences_are_searchable(store):
    rows = store.execute(
        "SELECT a.source_name FROM attributions_fts f JOIN attributions a ON a.id = f.rowid "
        "WHERE attributions_fts MATCH 'denied' ORDER BY a.id"
    ).fetchall()
    assert [r[0] for r in rows] == ["Tessaly's foreign ministry"] * 3


def _id_of(store, source_id, stance):
    return store.execute(
        "SELECT attribution_id FROM attributions WHERE source_id = ? AND stance = ? LIMIT 1",
        (source_id, stance),
    ).fetchone()[0]


def _apply_every_kind(store) -> None:
    for kind, target, detail in [
        ("merge-sources", "veldmark", {"into": CUSTOMS}),
        ("rename-source", CUSTOMS, {"name": "Veldmark customs"}),
        ("alias", "tessaly-foreign-ministry", {"alias": "tessaly"}),
        ("merge-claims", "c-shipment-report", {"into": CLAIM}),
        ("split-claim", CLAIM, {"attributions": [FACTLINE], "into": "c-rating", "text": "rated"}),
        ("stance", FIRST_DENIAL, {"stance": "declines"}),
        ("drop", DIPLOMATS, {}),
    ]:
        add_correction(store, Correction(kind, target, detail))


def _corrected_view(store) -> dict:
    records = {r.id: r for r in store_records(store)}
    graph = store_graph(store)
    return {
        "customs": sorted(
            {r.source_name for r in records.values() if r.source_id in ("veldmark", CUSTOMS)}
        ),
        "headline": (records[HEADLINE].source_id, records[HEADLINE].claim_id),
        "factline": records[FACTLINE].claim_id,
        "diplomats": DIPLOMATS in records,
        "stances": sorted(
            r.stance for r in records.values() if r.source_id == "tessaly-foreign-ministry"
        ),
        "aliases": graph.nodes["source:tessaly-foreign-ministry"]["aliases"],
    }


def test_every_correction_kind_survives_a_rebuild(store, extractor):
    _apply_every_kind(store)
    expected = {
        "customs": ["Veldmark customs"],
        "headline": ("tessaly-foreign-ministry", CLAIM),
        "factline": "c-rating",
        "diplomats": False,
        "stances": ["declines", "denies", "denies", "denies"],
        "aliases": ["Tessaly", "Tessaly's foreign ministry", "tessaly"],
    }
    assert _corrected_view(store) == expected
    counts = store_counts(store)
    result = rebuild_store(store, extractor=extractor)
    assert result.problems == []
    assert _corrected_view(store) == expected
    assert store_counts(store) == dict(counts, batches=counts["batches"] + 1)
    sources = {r["id"]: r["name"] for r in store.execute("SELECT id, name FROM sources")}
    assert sources[CUSTOMS] == "Veldmark customs"


def test_corrections_export_import_and_missing_targets(store, tmp_path, extractor, story):
    _apply_every_kind(store)
    exported = export_corrections(store)
    assert [c["kind"] for c in exported] == [
        "merge-sources",
        "rename-source",
        "alias",
        "merge-claims",
        "split-claim",
        "stance",
        "drop",
    ]
    other = tmp_path / "other.db"
    add_articles(other, story[:1], extractor=extractor)
    added, problems = import_corrections(open_store(other), json.loads(json.dumps(exported)))
    assert added == 7
    assert [str(p).split(": ", 1)[1] for p in problems] == [
        "no source 'veldmark' in the store any more",
        "no source 'tessaly-foreign-ministry' in the store any more",
        "no claim 'c-shipment-report' in the store any more",
        f"no attribution '{FACTLINE}' in the store any more",
        f"no attribution '{FIRST_DENIAL}' in the store any more",
        f"no attribution '{DIPLOMATS}' in the store any more",
    ]
    # importing twice adds nothing; adding the missing articles resolves the targets
    assert import_corrections(open_store(other), exported)[0] == 0
    assert add_articles(other, story[1:], extractor=extractor).problems == []
    removed = remove_correction(store, 1)
    assert removed.kind == "merge-sources"


def test_bad_corrections_are_refused(store):
    with pytest.raises(CorrectionError, match="no source 'nobody' in the store"):
        add_correction(store, Correction("rename-source", "nobody", {"name": "X"}))
    with pytest.raises(CorrectionError, match="stance 'maybe' is not one of"):
        add_correction(store, Correction("stance", "x", {"stance": "maybe"}))
    with pytest.raises(CorrectionError, match="unknown correction kind 'undo'"):
        Correction.from_dict({"kind": "undo", "target": "x"})


def test_opening_what_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="no such story store; create one with"):
        open_store(tmp_path / "missing.db")
    text = tmp_path / "notes.db"
    text.write_text("hello")
    with pytest.raises(StoreError, match="not a story store"):
        open_store(text)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a story store written by tracker"):
        open_store(other)


def test_a_newer_schema_is_refused(tmp_path):
    conn = sqlite3.connect(tmp_path / "s.db", isolation_level=None)
    assert migrate(conn) == SCHEMA_VERSION
    conn.execute("INSERT INTO schema_version VALUES (99, 'future', 'x')")
    with pytest.raises(StoreError, match="schema version 99, newer than"):
        open_store(tmp_path / "s.db")
