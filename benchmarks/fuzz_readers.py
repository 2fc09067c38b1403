"""Coverage-guided fuzzing of tracker's readers with atheris (libFuzzer for Python).

Every input becomes one file of one kind (article text, Markdown, JSON, JSON Lines, HTML,
attribution records, graph JSON, GraphML, GEXF, claims) and goes through the reader for it.
A reader may return what it read or raise one of tracker's own errors; any other exception
is a finding, and atheris stops and writes the input that caused it.

    pip install "tracker[fuzz]"
    python benchmarks/fuzz_readers.py -max_total_time=600 -artifact_prefix=fuzz-findings/
    python benchmarks/fuzz_readers.py fuzz-findings/crash-...     # replay one finding

The seed inputs are the files of ``data/`` and a records and a graph file made from them
(in a temporary folder); pass a folder of your own as the last argument to add more.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["tracker"]):
    from tracker.check.checker import read_claim_requests
    from tracker.errors import TrackerError
    from tracker.ingest import readers
    from tracker.io import read_attributions, read_graph

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="tracker-fuzz-"))
KINDS = [
    (".txt", readers.read_article_file),
    (".md", readers.read_article_file),
    (".json", readers.read_article_file),
    (".jsonl", readers.read_article_file),
    (".html", readers.read_article_file),
    ("-records.jsonl", lambda p: read_attributions(p, strict=False)),
    ("-graph.json", read_graph),
    (".graphml", read_graph),
    (".gexf", read_graph),
    ("-claims.jsonl", read_claim_requests),
]


def test_one_input(data: bytes) -> None:
    if not data:
        return
    suffix, reader = KINDS[data[0] % len(KINDS)]  # the first byte picks the kind of file
    path = WORK / f"input{suffix}"
    path.write_bytes(data[1:])
    with contextlib.suppress(TrackerError):  # our own errors are answers, not findings
        reader(path)


def seeds() -> Path:
    """A folder of seed inputs: the repository's articles, prefixed with their kind's byte."""
    folder = Path(tempfile.mkdtemp(prefix="tracker-fuzz-seeds-"))
    for n, path in enumerate(sorted((ROOT / "data").rglob("*"))):
        suffix = path.suffix.lower()
        for index, (kind, _) in enumerate(KINDS):
            if path.is_file() and kind == suffix:
                (folder / f"seed-{n}").write_bytes(bytes([index]) + path.read_bytes()[:20_000])
    return folder


def main() -> None:
    args = list(sys.argv)
    if not any(Path(a).is_file() for a in args[1:]):  # not replaying: add the seeds
        args.append(str(seeds()))
    atheris.Setup(args, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
