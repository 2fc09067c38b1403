"""A killed ``add`` leaves the store as it was before that batch; the next one completes it."""

from __future__ import annotations

import signal
import subprocess
import sys

from tests.conftest import DATA
from tracker.ingest import read_articles
from tracker.store import add_articles, open_store, store_counts

SYNTHETIC = DATA / "synthetic"

# adds the articles named on the command line, and stalls after storing the second one
_SLOW_ADD = """
import sys, time
from tracker.ingest import read_articles
from tracker.store import add_articles

def progress(n, article):
    print(f"stored {n}", flush=True)
    if n == 2:
        time.sleep(120)

add_articles(sys.argv[1], read_articles(sys.argv[2:]), progress=progress)
"""


def test_a_killed_add_changes_nothing_and_the_next_add_completes_it(tmp_path, extractor):
    path = tmp_path / "story.db"
    files = sorted(SYNTHETIC.glob("*.json"))
    add_articles(path, read_articles(files[:2]), extractor=extractor)
    before = store_counts(open_store(path))

    proc = subprocess.Popen(
        [sys.executable, "-c", _SLOW_ADD, str(path), *map(str, files[2:])],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().strip() for _ in range(2)]
        assert lines == ["stored 1", "stored 2"]  # two articles written, inside the batch
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    conn = open_store(path)
    assert store_counts(conn) == before
    result = add_articles(conn, read_articles(files), extractor=extractor)
    assert result.skipped == [f.stem for f in files[:2]]
    assert result.added == [f.stem for f in files[2:]]
    full = tmp_path / "full.db"
    add_articles(full, read_articles(files), extractor=extractor)
    assert store_counts(conn) == dict(store_counts(open_store(full)), batches=2)
