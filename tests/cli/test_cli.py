"""The command line, as a user runs it: exact output and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.conftest import DATA
from tracker.cli import cli

SYNTHETIC = DATA / "synthetic"
# the report and the denial: the first two days of the bundled Orla Star story
FIRST_TWO = [SYNTHETIC / "orla-star-2026-03-02.json", SYNTHETIC / "orla-star-2026-03-04.json"]
CLAIM = "c-freighter-orla-star-delivered-artillery"


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, nlp):
    path = tmp_path_factory.mktemp("graph") / "graph.json"
    result = CliRunner().invoke(cli, ["build", *map(str, FIRST_TWO), "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Wrote {path}: 8 sources, 5 claims, 9 edges",
    ]
    return path


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_contested_table(graph_file):
    result = run("contested", graph_file)
    assert result.exit_code == 0
    assert result.stdout == (
        "Contested claims: 1\n"
        "\n"
        f"{CLAIM}\n"
        "  claim         the freighter Orla Star delivered artillery shells to the Tessaly army\n"
        "                last month\n"
        "  asserted by   Customs officials in Veldmark\n"
        "  denied by     Tessaly; Tessaly's foreign ministry\n"
        "  declined by   Tessaly defence ministry\n"
    )


def test_contested_json_follows_the_contract(graph_file):
    result = run("contested", graph_file, "--format", "json")
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    assert [i["claim_id"] for i in items] == [CLAIM]
    item = items[0]
    assert set(item) == {
        "claim_id",
        "claim",
        "asserted_by",
        "denied_by",
        "declined_by",
        "attributions",
    }
    # the headline "Tessaly rejects shipment report" denies the claim the report made
    assert item["denied_by"] == ["Tessaly", "Tessaly's foreign ministry"]
    assert [
        (a["source"], a["stance"], a["cue"], a["article_id"]) for a in item["attributions"]
    ] == [
        # the headline "Freighter carried shells to Tessaly, customs officials say" says the
        # same in other words
        ("Customs officials in Veldmark", "asserts", "say", "orla-star-2026-03-02"),
        ("Customs officials in Veldmark", "asserts", "said", "orla-star-2026-03-02"),
        ("Tessaly defence ministry", "declines", "declined to comment", "orla-star-2026-03-02"),
        ("Tessaly", "denies", "rejects", "orla-star-2026-03-04"),
        ("Tessaly's foreign ministry", "denies", "denied", "orla-star-2026-03-04"),
    ]
    assert item["attributions"][3]["evidence"] == "Tessaly rejects shipment report"
    assert item["attributions"][4]["evidence"] == (
        "Tessaly's foreign ministry on Wednesday denied that the Orla Star had delivered "
        "artillery shells to its army."
    )


def test_contested_csv(graph_file):
    result = run("contested", graph_file, "--format", "csv")
    assert result.stdout.splitlines() == [
        "claim_id,claim,asserted_by,denied_by,declined_by",
        f"{CLAIM},the freighter Orla Star delivered artillery shells to the Tessaly army last month,"
        "Customs officials in Veldmark,Tessaly; Tessaly's foreign ministry,Tessaly defence ministry",
    ]


def test_contested_evidence_lists_sentences(graph_file):
    result = run("contested", graph_file, "--evidence")
    assert (
        "    - Tessaly's foreign ministry denies (denied, orla-star-2026-03-04)\n" in result.stdout
    )


def test_claims_csv(graph_file):
    result = run("claims", graph_file, "--format", "csv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "claim_id,claim,asserts,denies,declines,attributions,articles,first_seen"
    assert lines[1] == (
        f"{CLAIM},the freighter Orla Star delivered artillery shells to the Tessaly army last month,"
        "1,2,1,5,2,2026-03-02"
    )
    assert len(lines) == 6


def test_sources_table_aligns_columns(graph_file):
    lines = run("sources", graph_file).stdout.splitlines()
    assert lines[0].split() == [
        "source_id",
        "name",
        "kind",
        "anonymous",
        "asserts",
        "denies",
        "declines",
        "claims",
        "cites",
    ]
    row = next(line for line in lines if line.startswith("tessaly-foreign-ministry"))
    assert row.split() == [
        "tessaly-foreign-ministry",
        "Tessaly's",
        "foreign",
        "ministry",
        "government",
        "False",
        "0",
        "1",
        "0",
        "1",
        "0",
    ]


def test_sources_json(graph_file):
    rows = json.loads(run("sources", graph_file, "--format", "json").stdout)
    workers = next(r for r in rows if r["source_id"] == "port-workers")
    assert workers["anonymous"] is True and workers["asserts"] == 1


def test_extract_writes_records(tmp_path, nlp):
    out = tmp_path / "records.jsonl"
    result = run("extract", SYNTHETIC / "orla-star-2026-03-04.json", "-o", out, "-q")
    assert result.exit_code == 0 and result.output == ""
    records = [json.loads(line) for line in out.read_text().splitlines()]
    denial = records[1]
    assert denial["source"] == {"start": 33, "end": 59, "text": "Tessaly's foreign ministry"}
    assert (denial["stance"], denial["cue"]["text"], denial["source_id"]) == (
        "denies",
        "denied",
        "tessaly-foreign-ministry",
    )
    assert (
        denial["content"]["text"] == "that the Orla Star had delivered artillery shells to its army"
    )


def test_build_from_edited_records(tmp_path, nlp):
    records = tmp_path / "records.jsonl"
    assert run("extract", *FIRST_TWO, "-o", records, "-q").exit_code == 0
    lines = [json.loads(line) for line in records.read_text().splitlines()]
    for line in lines:  # an analyst corrects a stance by hand
        if line["source_id"] == "tessaly-defence-ministry":
            line["stance"] = "denies"
    records.write_text("".join(json.dumps(line) + "\n" for line in lines))
    graph = tmp_path / "g.graphml"
    assert run("build", records, "-o", graph, "-q").exit_code == 0
    result = run("contested", graph, "--format", "json")
    assert json.loads(result.stdout)[0]["denied_by"] == [
        "Tessaly defence ministry",
        "Tessaly",
        "Tessaly's foreign ministry",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["contested", "missing.json"],
            "Error: missing.json: no such graph file; create one with: tracker build ARTICLES -o missing.json\n",
        ),
        (["build", "nowhere", "-o", "g.json"], "Error: nowhere: no such file or folder\n"),
        (
            ["render", "missing.json", "-o", "g.png"],
            "Error: missing.json: no such graph file; create one with: tracker build ARTICLES -o missing.json\n",
        ),
    ],
)
def test_errors_are_one_line(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr == message


def test_unreadable_files_are_skipped_with_a_warning_or_refused_with_strict(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02")
    (folder / "good.txt").write_text("The ministry denied that the port was closed.\n")
    out = tmp_path / "g.json"
    result = run("build", folder, "-o", out, "-q")
    assert result.exit_code == 0
    assert (
        result.stderr
        == f"Warning: skipped {folder / 'bad.txt'}: looks like a binary file, not an article\n"
    )
    assert out.exists()
    out.unlink()
    result = run("build", folder, "-o", out, "--strict")
    assert result.exit_code == 1
    assert (
        result.stderr == f"Error: {folder / 'bad.txt'}: looks like a binary file, not an article\n"
    )
    assert not out.exists()


def test_no_article_at_all_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = run("build", tmp_path / "empty.txt", "-o", tmp_path / "g.json", "-q")
    assert result.exit_code == 1
    first, last = result.stderr.splitlines()
    assert first.startswith(f"Warning: skipped {tmp_path / 'empty.txt'}: file is empty")
    assert last.startswith("Error: no article could be read from:")
    assert not (tmp_path / "g.json").exists()


def test_bad_graph_extension_is_a_usage_error(tmp_path):
    result = run("build", SYNTHETIC, "-o", tmp_path / "g.txt")
    assert result.exit_code == 2
    assert "Invalid value for --output: use one of .json, .graphml, .gexf" in result.stderr


def test_every_command_has_help_with_an_example():
    for name, _command in cli.commands.items():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert "Example:" in result.stdout, name
