"""The story store's commands as a user runs them: add twice, timeline, outlets, correct,
export, render --timeline."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import DATA
from tracker.cli import cli

SYNTHETIC = DATA / "synthetic"
CLAIM = "c-freighter-orla-star-delivered-artillery"
MONDAY = [SYNTHETIC / "orla-star-2026-03-02.json", SYNTHETIC / "orla-star-2026-03-03.json"]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("store") / "story.db"
    first = run("add", *MONDAY, "--db", path)
    assert first.exit_code == 0, first.output
    assert first.stderr.splitlines() == ["2 added, 0 revised, 0 unchanged; 10 attributions"]
    second = run("add", SYNTHETIC, "--db", path, "-q")
    assert (second.exit_code, second.stderr) == (0, "")
    return path


def test_adding_again_skips_what_is_stored(store):
    result = run("add", SYNTHETIC, "--db", store)
    assert result.exit_code == 0
    assert result.stderr == "0 added, 0 revised, 5 unchanged; 0 attributions\n"


def test_contested_reads_a_store(store):
    result = run("contested", store, "--format", "json")
    assert result.exit_code == 0
    assert [c["claim_id"] for c in json.loads(result.stdout)] == [CLAIM]


def test_timeline_json_has_the_key_moments(store):
    result = run("timeline", store, "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    moments = {
        key: (found[key]["source"], found[key]["outlet"], found[key]["date"])
        for key in ("first_report", "first_denial", "first_decline")
    }
    assert moments == {
        "first_report": (
            "Customs officials in Veldmark",
            "The Harbour Ledger (synthetic)",
            "2026-03-02",
        ),
        "first_denial": ("Tessaly's foreign ministry", "Northern Wire (synthetic)", "2026-03-04"),
        "first_decline": (
            "Tessaly defence ministry",
            "The Harbour Ledger (synthetic)",
            "2026-03-02",
        ),
    }
    assert [p["outlet"] for p in found["pickups"]] == [
        "Coastal Courier (synthetic)",
        "Morning Dispatch (synthetic)",
        "FactLine (synthetic)",
    ]
    assert found["per_day"][0] == {"date": "2026-03-02", "asserts": 1, "denies": 0, "declines": 1}
    citing = {e["source"]: e["citing"] for e in found["entries"] if e["citing"]}
    assert citing == {"Customs officials in Veldmark": "Harbour Ledger"}


def test_timeline_about_and_csv(store):
    result = run("timeline", store, "--about", "the Orla Star delivered shells", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("claim_id,date,outlet,source,source_id,stance,cue,")
    assert lines[1].startswith(f"{CLAIM},2026-03-02,The Harbour Ledger (synthetic),")
    assert len(lines) == 12


def test_timeline_of_an_unknown_claim(store):
    result = run("timeline", store, "c-nothing")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: no claim 'c-nothing' in the graph; list them with: tracker claims\n"
    )


def test_outlets(store):
    result = run("outlets", store, "--format", "json")
    assert result.exit_code == 0
    found = {o["outlet"]: o for o in json.loads(result.stdout)}
    ledger = found["The Harbour Ledger (synthetic)"]
    assert (ledger["articles"], ledger["attributions"], ledger["anonymous_share"]) == (1, 5, 0.2)
    assert CLAIM in ledger["first_reports"]
    dispatch = found["Morning Dispatch (synthetic)"]
    assert dispatch["claims"] == [
        {
            "claim_id": CLAIM,
            "claim": "the freighter Orla Star delivered artillery shells to the Tessaly army last month",
            "asserts": 1,
            "denies": 1,
            "declines": 0,
            "first": False,
        }
    ]
    table = run("outlets", store).stdout
    assert table.startswith("Outlets: 5\n\nCoastal Courier (synthetic)\n")


def test_claimreview_export(store, tmp_path):
    out = tmp_path / "review.jsonld"
    result = run(
        "export", store, "--claimreview", CLAIM, "--date", "2026-03-08",
        "--rating", "Mostly true", "--author", "FactLine", "-o", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    review = json.loads(out.read_text())
    assert (review["@type"], review["datePublished"], review["reviewRating"]) == (
        "ClaimReview",
        "2026-03-08",
        {"@type": "Rating", "alternateName": "Mostly true"},
    )
    claim = review["itemReviewed"]
    assert claim["author"] == {"@type": "Organization", "name": "Customs officials in Veldmark"}
    assert claim["firstAppearance"]["publisher"]["name"] == "The Harbour Ledger (synthetic)"
    assert [a["identifier"] for a in claim["appearance"]] == [
        "orla-star-2026-03-02",
        "orla-star-2026-03-03",
        "orla-star-2026-03-04",
        "orla-star-2026-03-05",
        "orla-star-2026-03-07",
    ]
    assert claim["appearance"][1]["url"] == "https://coastal-courier.example/2026/03/03/orla-star"


def test_render_timeline(store, tmp_path):
    out = tmp_path / "timeline.png"
    result = run("render", store, "-o", out, "--timeline")
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_corrections_from_the_command_line(tmp_path, store):
    db = tmp_path / "story.db"
    db.write_bytes(store.read_bytes())
    merged = run(
        "correct", "merge-sources", db, "veldmark", "--into", "customs-officials-in-veldmark"
    )
    assert (merged.exit_code, merged.stderr) == (
        0,
        "correction 1: merge-sources veldmark -> into=customs-officials-in-veldmark\n",
    )
    assert run("correct", "stance", db, "00136f79cc1b", "declines").exit_code == 0
    bad = run("correct", "drop", db, "nothing")
    assert (bad.exit_code, bad.stderr) == (1, "Error: no attribution 'nothing' in the store\n")
    listed = run("correct", "list", db)
    assert listed.stdout == (
        "  1  merge-sources veldmark -> into=customs-officials-in-veldmark\n"
        "  2  stance 00136f79cc1b -> stance=declines\n"
    )
    sources = json.loads(run("sources", db, "--format", "json").stdout)
    assert "veldmark" not in {s["source_id"] for s in sources}
    shared = tmp_path / "corrections.json"
    assert run("correct", "export", db, "-o", shared).exit_code == 0
    other = tmp_path / "other.db"
    assert run("add", SYNTHETIC / "orla-star-2026-03-02.json", "--db", other, "-q").exit_code == 0
    imported = run("correct", "import", other, shared)
    assert imported.exit_code == 0
    assert imported.stderr.splitlines() == [
        "Warning: correction 1 (merge-sources veldmark -> into=customs-officials-in-veldmark): "
        "no source 'veldmark' in the store any more",
        "Warning: correction 2 (stance 00136f79cc1b -> stance=declines): "
        "no attribution '00136f79cc1b' in the store any more",
        "Imported 2 corrections (0 already here)",
    ]


def test_store_errors_are_one_line(tmp_path):
    result = run("timeline", tmp_path / "missing.db")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path / 'missing.db'}: no such story store; create one with: "
        f"tracker add ARTICLES --db {tmp_path / 'missing.db'}\n"
    )


def _store_rows(path) -> dict[str, list[tuple]]:
    """Every row of every table of the store, but when it was made and when batches were
    added."""
    import sqlite3

    conn = sqlite3.connect(path)
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
            "AND name != 'schema_version' ORDER BY name"
        )
    ]
    rows = {}
    for table in tables:
        columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})") if c[1] != "added"]
        try:  # in the order written, where the table keeps it
            found = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid")
        except sqlite3.OperationalError:  # a table WITHOUT ROWID
            found = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1, 2")
        rows[table] = found.fetchall()
    conn.close()
    return rows


def test_two_workers_fill_the_store_as_one_does(tmp_path, nlp):
    stores = {}
    for workers in (1, 2):
        path = tmp_path / f"story-{workers}.db"
        for batch in (MONDAY, [SYNTHETIC]):
            result = run("add", *batch, "--db", path, "--workers", workers, "-q")
            assert (result.exit_code, result.stderr) == (0, ""), result.output
        stores[workers] = _store_rows(path)
    one, two = stores[1], stores[2]
    assert len(one["attributions"]) == 20 and len(one["articles"]) == 5
    assert one["claim_signatures"] and one["grouped_claims"]
    assert two == one
