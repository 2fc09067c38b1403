"""`import tracker` gives the names a library user needs, loading each on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import tracker


@pytest.mark.parametrize("name", tracker.__all__)
def test_every_public_name_loads(name):
    assert getattr(tracker, name) is not None


def test_an_unknown_name_says_so():
    with pytest.raises(AttributeError, match="module 'tracker' has no attribute 'contested'"):
        tracker.contested  # noqa: B018


def test_dir_lists_the_public_names():
    assert dir(tracker) == sorted(tracker.__all__)


def test_import_tracker_loads_no_heavy_library():
    code = (
        "import sys, tracker; print(sorted({'spacy', 'pandas', 'matplotlib'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"
