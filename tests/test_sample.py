"""The bundled sample article, end to end: what a reader of the contested table must see."""

from __future__ import annotations

from collections import defaultdict

from tests.conftest import SAMPLE
from tracker.graph.analysis import contested_claims
from tracker.graph.build import build_graph

MAIN = "c-iran-transferred-short-range-ballistic"


def by_claim(records):
    table = defaultdict(lambda: defaultdict(set))
    for r in records:
        if r.claim_id:
            table[r.claim_id][r.stance].add(r.source_name)
    return table


def test_offsets_point_at_the_text(sample_records):
    text = SAMPLE.read_text(encoding="utf-8")
    for r in sample_records:
        for span in (r.source, r.cue, r.content):
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_main_claim_is_contested_with_the_right_sides(sample_records):
    items = contested_claims(build_graph(sample_records))
    assert [i.claim_id for i in items] == [MAIN]
    main = items[0]
    assert main.claim == "iran has transferred short-range ballistic missiles to russia"
    assert {
        "us intelligence",
        "wall street journal",
        "two government sources",
        "us authorities",
    } <= set(main.asserted_by)
    assert set(main.denied_by) == {"iranian officials", "iran's un mission"}
    assert main.declined_by == ("white house",)


def test_relay_chain_is_linked_by_via(sample_records):
    by_cue = {(r.sentence, r.cue.text): r for r in sample_records}
    media = by_cue[(1, "quoted")]
    sources = by_cue[(1, "saying")]
    authorities = by_cue[(1, "confirmed")]
    assert (media.source_name, sources.source_name, authorities.source_name) == (
        "us media",
        "two government sources",
        "us authorities",
    )
    assert sources.via == media.id and authorities.via == sources.id
    assert sources.anonymous and sources.source_kind == "anonymous"
    assert media.source_kind == "media"


def test_other_attributions_have_the_right_source_and_stance(sample_records):
    found = {(r.source_id, r.stance, r.cue.text) for r in sample_records}
    for expected in [
        ("sean-savett", "asserts", "said"),
        ("sean-savett", "asserts", "stressed"),  # "the statement stressed" resolved to its author
        ("william-burns", "asserts", "warned"),
        ("biden-administration", "asserts", "said"),
        ("white-house", "asserts", "said"),
        ("white-house", "asserts", "has warned"),
        ("white-house", "declines", "declined to confirm"),
        ("karine-jean-pierre", "asserts", "said"),
        ("iranian-officials", "denies", "immediately denied"),
        ("wall-street-journal", "asserts", "first reported"),
    ]:
        assert expected in found
    kinds = {r.source_id: r.source_kind for r in sample_records}
    assert kinds["sean-savett"] == kinds["william-burns"] == kinds["karine-jean-pierre"] == "person"
    assert kinds["wall-street-journal"] == "media"
    assert kinds["white-house"] == kinds["iranian-officials"] == "government"


def test_nothing_from_captions_or_debris(sample_records):
    text = " ".join(r.evidence for r in sample_records)
    for debris in ("getty images", "file photo", "further reading", "한어"):
        assert debris not in text


def test_warning_is_not_merged_with_the_claim(sample_records):
    warned = [
        r for r in sample_records if r.cue.text == "has warned" and r.source_id == "white-house"
    ]
    assert warned and warned[0].claim_id != MAIN
    unrelated = [
        r for r in sample_records if r.source_id in ("william-burns", "karine-jean-pierre")
    ]
    assert all(r.claim_id != MAIN for r in unrelated)
