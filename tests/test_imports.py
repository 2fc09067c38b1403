"""Each subpackage imports on its own, in a fresh interpreter (as `tracker eval` loads the
extractor first), so no import cycle hides behind the order the test suite happens to use."""

from __future__ import annotations

import subprocess
import sys

import pytest

SUBPACKAGES = ["extract", "resolve", "graph", "ingest", "present", "check", "gold", "cli"]


@pytest.mark.parametrize("name", SUBPACKAGES)
def test_subpackage_imports_first(name):
    done = subprocess.run(
        [sys.executable, "-c", f"import tracker.{name}"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
