"""Hostile and messy input, as a newsroom's folder of scraped files has it: each case gives
one ``Error:`` line or a warning, the exit code says so, and no output is left half-written
or overwritten."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli

RECORD = {
    "id": "r1",
    "article_id": "a",
    "source": {"start": 0, "end": 9, "text": "Officials"},
    "source_id": "officials",
    "source_name": "officials",
    "source_kind": "government",
    "anonymous": False,
    "cue": {"start": 10, "end": 14, "text": "said"},
    "content": {"start": 15, "end": 35, "text": "the port was closed."},
    "stance": "asserts",
    "quote": "indirect",
    "hedged": False,
    "via": None,
    "claim_id": "c-port-closed",
    "claim": "the port was closed",
    "sentence": 0,
    "evidence": "Officials said the port was closed.",
}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def run_process(*args, timeout: float = 60) -> subprocess.CompletedProcess:
    """The command in a process of its own, for what must not hang the test run."""
    return subprocess.run(
        [sys.executable, "-m", "tracker", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def records_file(path: Path, *lines: object) -> Path:
    path.write_text(
        "".join(line + "\n" if isinstance(line, str) else json.dumps(line) + "\n" for line in lines)
    )
    return path


# --- JSON Lines: line separators in text, per-record tolerance ---------------------------


def test_line_separators_in_text_round_trip_through_records(tmp_path, nlp):
    article = tmp_path / "a.txt"
    article.write_text("Officials said the port\u2028was closed.\n", encoding="utf-8")
    records = tmp_path / "r.jsonl"
    assert run("extract", article, "-o", records, "-q").exit_code == 0
    assert "\u2028" in records.read_text(encoding="utf-8")
    graph = tmp_path / "g.json"
    result = run("build", records, "-o", graph, "-q")
    assert (result.exit_code, result.stderr) == (0, "")
    (record,) = [json.loads(line) for line in records.read_text(encoding="utf-8").split("\n")[:-1]]
    text = article.read_text(encoding="utf-8")
    content = record["content"]
    assert text[content["start"] : content["end"]] == content["text"]


def test_claims_file_keeps_line_separators(tmp_path):
    from tracker.check.checker import read_claim_requests

    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps({"claim": "the port\u2028was closed"}, ensure_ascii=False) + "\n")
    assert [r.claim for r in read_claim_requests(path)] == ["the port\u2028was closed"]


def test_one_bad_article_record_is_skipped_and_the_rest_read(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    good = [{"id": f"g{n}", "text": f"Officials said port {n} was closed."} for n in range(3)]
    lines = [
        json.dumps(good[0]),
        json.dumps({"id": "empty", "text": ""}),
        *map(json.dumps, good[1:]),
    ]
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path / "r.jsonl"
    result = run("extract", folder, "-o", out)
    assert result.exit_code == 0
    bad = folder / "many.jsonl"
    assert result.stderr.splitlines()[0] == (
        f"Warning: skipped {bad}: line 2 has no text to read "
        "(it is blank or holds only a header and scraping debris)"
    )
    assert result.stderr.splitlines()[-1] == (
        f"Wrote 3 attributions from 3 articles to {out}; skipped 1 record (see the warnings above)"
    )
    ids = {json.loads(line)["article_id"] for line in out.read_text().splitlines()}
    assert ids == {"g0", "g1", "g2"}
    out.unlink()
    result = run("extract", folder, "-o", out, "--strict")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {bad}: line 2 has no text to read "
        "(it is blank or holds only a header and scraping debris)\n"
    )
    assert not out.exists()


def test_bad_records_are_skipped_with_their_line(tmp_path):
    bad_lines = [
        RECORD | {"id": "r2", "sentence": None},
        '{"id": "r3", "article_id": "a", "stance": "asserts", "cue": {"start": Infinity, "end": 1, "text": "x"}}',
        RECORD | {"id": "r4", "source_id": ["officials"]},
        '{"id": ' + "9" * 5000 + "}",
        "[" * 100_000,
    ]
    path = records_file(tmp_path / "r.jsonl", RECORD, *bad_lines)
    out = tmp_path / "g.json"
    result = run("build", path, "-o", out)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"Warning: skipped {path}: line 2: 'sentence' must be a whole number of 0 or more, not null",
        f"Warning: skipped {path}: line 3 is not valid JSON: Infinity is not a number JSON allows",
        f"Warning: skipped {path}: line 4: 'source_id' must be a string or null, not a list",
        f"Warning: skipped {path}: line 5 has a number with too many digits (over 4,300); "
        "write long ids as strings",
        f"Warning: skipped {path}: line 6 is nested too deeply to read as JSON",
        f"Wrote {out}: 1 sources, 1 claims, 1 edges; skipped 5 records (see the warnings above)",
    ]
    out.unlink()
    result = run("build", path, "-o", out, "--strict")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}: line 2: 'sentence' must be a whole number of 0 or more, not null\n"
    )
    assert not out.exists()


def test_deeply_nested_article_json_in_a_folder_is_skipped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "long.json").write_text('{"id": ' + "1" * 5000 + ', "text": "x"}')
    result = run("build", folder, "-o", tmp_path / "g.json")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Warning: skipped {folder / 'deep.json'}: is nested too deeply to read as JSON",
        f"Warning: skipped {folder / 'long.json'}: has a number with too many digits "
        "(over 4,300); write long ids as strings",
        f"Error: no article could be read from: {folder}; 2 file(s) could not be read; "
        "fix or remove them",
    ]
    assert not (tmp_path / "g.json").exists()


def test_title_that_is_not_a_string_is_named_once(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": "Officials said so.", "title": 3}))
    result = run("build", path, "-o", tmp_path / "g.json", "--strict")
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: the article has a 'title' that is not a string\n"


# --- outputs --------------------------------------------------------------------------


def test_output_equal_to_an_input_is_refused(tmp_path):
    path = records_file(tmp_path / "r.jsonl", RECORD)
    before = path.read_bytes()
    result = run("build", path, "-o", tmp_path / "r.json")
    assert result.exit_code == 0
    article = tmp_path / "art.json"
    article.write_text(json.dumps({"text": "Officials said the port was closed."}))
    before = article.read_bytes()
    result = run("build", article, "-o", article)
    assert result.exit_code == 1
    assert (
        result.stderr == f"Error: {article}: is also an input; write the output to another file\n"
    )
    assert article.read_bytes() == before
    result = run("extract", tmp_path, "-o", article)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {article}: is also an input: it lies in the folder {tmp_path} being read; "
        "write the output to another file\n"
    )
    assert article.read_bytes() == before


def test_missing_output_folder_is_reported_before_any_work(tmp_path, monkeypatch):
    import tracker.nlp

    def no_work(*args, **kwargs):
        raise AssertionError("the pipeline was loaded before the output was checked")

    monkeypatch.setattr(tracker.nlp, "load_pipeline", no_work)
    article = tmp_path / "a.txt"
    article.write_text("Officials said so.")
    out = tmp_path / "nowhere" / "r.jsonl"
    result = run("extract", article, "-o", out)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {out}: cannot write here: folder {tmp_path / 'nowhere'} does not exist\n"
    )


def test_read_only_output_folder_is_reported_before_any_work(tmp_path, monkeypatch):
    import tracker.io

    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        tracker.io.os, "access", lambda p, mode: Path(p) != folder and real_access(p, mode)
    )
    article = tmp_path / "a.txt"
    article.write_text("Officials said so.")
    result = run("extract", article, "-o", folder / "r.jsonl")
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {folder / 'r.jsonl'}: cannot write here: folder {folder} is not writable\n"
    )
    assert list(folder.iterdir()) == []


def test_output_that_is_a_folder_is_a_usage_error(tmp_path):
    path = records_file(tmp_path / "r.jsonl", RECORD)
    (tmp_path / "g.json").mkdir()
    result = run("build", path, "-o", tmp_path / "g.json")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '-o' / '--output': File '{tmp_path / 'g.json'}' is a directory."
    )


def test_write_fsyncs_before_the_rename(tmp_path, monkeypatch):
    from tracker import io

    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(io.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        io.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1]
    )
    with io.atomic_write(tmp_path / "x.txt") as handle:
        handle.write("done")
    assert calls[:2] == ["fsync", "replace"]
    assert (tmp_path / "x.txt").read_text() == "done"


def test_a_killed_write_leaves_no_output_and_its_temporary_file_is_cleaned_next_run(tmp_path):
    out = tmp_path / "g.json"
    code = (
        "import os, signal, sys\n"
        "from tracker.io import atomic_write\n"
        "with atomic_write(sys.argv[1]) as handle:\n"
        "    handle.write('half'); handle.flush()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(out)], timeout=60)
    assert done.returncode == -9
    assert not out.exists()
    (orphan,) = tmp_path.glob(".g.json.*.tmp")
    young = tmp_path / ".g.json.young.tmp"
    young.write_text("a run still going")
    old = time.time() - 2 * 3600
    os.utime(orphan, (old, old))
    records = records_file(tmp_path / "r.jsonl", RECORD)
    result = run("build", records, "-o", out, "-q")
    assert (result.exit_code, result.stderr) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".g.json.young.tmp", "g.json", "r.jsonl"]


# --- files that are not plain files ---------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_named_pipe_in_a_folder_is_skipped_without_hanging(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    out = tmp_path / "g.json"
    done = run_process("build", folder, "-o", out)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"Warning: skipped {folder / 'pipe.txt'}: is a named pipe; tracker reads only regular files",
        f"Warning: skipped {folder / 'zero.txt'}: is a symlink to somewhere outside the folder "
        "(or a broken link or loop); not followed: copy the file into the folder to read it",
        f"Error: no article could be read from: {folder}; 2 file(s) could not be read; "
        "fix or remove them",
    ]
    assert not out.exists()
    done = run_process("build", folder / "zero.txt", "-o", out)
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        f"Warning: skipped {folder / 'zero.txt'}: is a device; tracker reads only regular files"
    )


def test_symlinks_are_followed_only_inside_the_folder(tmp_path, nlp):
    secret = tmp_path / "private.txt"
    secret.write_text("The minister said the private memo was leaked.")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "real.txt").write_text("Officials said the port was closed.")
    os.symlink(secret, folder / "outside.txt")
    os.symlink(folder / "sub" / "real.txt", folder / "inside.txt")
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    out = tmp_path / "r.jsonl"
    result = run("extract", folder, "-o", out, "-q")
    assert result.exit_code == 0
    outside = "(or a broken link or loop); not followed: copy the file into the folder to read it"
    assert result.stderr.splitlines() == [
        f"Warning: skipped {folder / name}: is a symlink to somewhere outside the folder {outside}"
        for name in ("loop-a.txt", "loop-b.txt", "outside.txt")
    ]
    assert "private" not in out.read_text()
    result = run("extract", folder / "loop-a.txt", "-o", out, "--strict")
    assert result.stderr == f"Error: {folder / 'loop-a.txt'}: is a symlink loop; remove the link\n"


def test_unreadable_subfolder_is_skipped(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "a.txt").write_text("Officials said so.")
    real_iterdir = Path.iterdir

    def iterdir(self):
        if self == folder / "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = run("build", folder, "-o", tmp_path / "g.json")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Warning: skipped {folder / 'locked'}: folder cannot be read (permission denied); "
        "check its permissions"
    )


def test_size_is_counted_while_reading(tmp_path):
    from tracker.errors import InputError
    from tracker.ingest.files import read_bounded

    status = Path("/proc/self/status")
    if not status.exists() or status.stat().st_size != 0:
        pytest.skip("needs a file whose size the system reports as 0")
    with pytest.raises(InputError) as caught:
        read_bounded(status, 10)
    assert str(caught.value) == (
        f"{status}: grew over the limit of 10 bytes per file; split it into smaller files"
    )


def test_article_text_limit(tmp_path, monkeypatch):
    from tracker.ingest import readers

    assert readers.MAX_ARTICLE_CHARS == 200_000
    monkeypatch.setattr(readers, "MAX_ARTICLE_CHARS", 100)
    long_text = "Officials said the port was closed. " * 5
    (tmp_path / "long.txt").write_text(long_text)
    (tmp_path / "many.jsonl").write_text(json.dumps({"id": "x", "text": long_text}) + "\n")
    result = run("build", tmp_path, "-o", tmp_path / "out" / "g.json")
    assert result.exit_code == 1  # the output folder is checked first
    (tmp_path / "out").mkdir()
    result = run("build", tmp_path, "-o", tmp_path / "out" / "g.json")
    limit = "over the limit of 100 per article; split it into several articles"
    assert result.stderr.splitlines() == [
        f"Warning: skipped {tmp_path / 'long.txt'}: has 180 characters of text, {limit}",
        f"Warning: skipped {tmp_path / 'many.jsonl'}: line 1 has 180 characters of text, {limit}",
        f"Error: no article could be read from: {tmp_path}; 2 file(s) could not be read; "
        "fix or remove them",
    ]


def test_paragraph_over_the_parser_limit_is_parsed_in_pieces(nlp, monkeypatch):
    from tracker.extract.extractor import SpacyExtractor
    from tracker.ingest import readers, structure

    monkeypatch.setattr(nlp, "max_length", 2_000)
    monkeypatch.setattr(structure, "MAX_PARAGRAPH_CHARS", 1_000)
    filler = "The weather was mild that week in the harbour town. " * 40
    text = filler + "Officials said the port was closed. " + filler
    article = readers.article_from_text(text, id="long", parse_header=False, synthetic=True)
    assert len(article.paragraphs) == 1 and len(text) > nlp.max_length
    (record,) = SpacyExtractor(nlp).extract(article)
    assert record.cue.text == "said"
    assert text[record.content.start : record.content.end] == record.content.text


# --- graph files ----------------------------------------------------------------------

SOURCE = {"id": "source:officials", "kind": "source", "name": "officials"}
CLAIM = {"id": "claim:c", "kind": "claim", "text": "the port was closed"}
EDGE = {"source": "source:officials", "target": "claim:c", "key": "r1", "stance": "asserts"}
HINT = "; was it written by tracker build?"


@pytest.mark.parametrize(
    ("nodes", "edges", "problem"),
    [
        ([{"kind": "source"}, CLAIM], [], f"node 1 has no string 'id'{HINT}"),
        ([SOURCE | {"id": ["a"]}, CLAIM], [], f"node 1 has no string 'id'{HINT}"),
        (
            [SOURCE | {"name": {"first": "x"}}, CLAIM],
            [EDGE],
            f"node 'source:officials' has a 'name' that is not a string{HINT}",
        ),
        (
            [SOURCE, CLAIM],
            [{k: v for k, v in EDGE.items() if k != "stance"}],
            "edge 'source:officials' -> 'claim:c' has no 'stance' "
            f"(one of asserts, denies, declines){HINT}",
        ),
    ],
)
@pytest.mark.parametrize("command", ["contested", "claims", "sources", "render"])
def test_malformed_graph_files_give_one_error_line(tmp_path, nodes, edges, problem, command):
    path = tmp_path / "g.json"
    graph = {"directed": True, "multigraph": True, "graph": {}, "nodes": nodes, "edges": edges}
    path.write_text(json.dumps(graph))
    extra = ["-o", tmp_path / "g.png"] if command == "render" else []
    result = run(command, path, *extra)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: {problem}\n"
    assert not (tmp_path / "g.png").exists()
