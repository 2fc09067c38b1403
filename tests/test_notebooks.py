"""The notebooks in notebooks/ run from a clean kernel, use only `import tracker`'s names, and
show the outputs committed with them (`make notebooks` re-runs and saves them)."""

from __future__ import annotations

import re

import nbformat
import pytest

from scripts.run_notebooks import execute, notebook_paths, text_outputs

PATHS = notebook_paths()

# importing a module of the package, or a private name of it, rather than `import tracker`
PRIVATE = re.compile(r"^\s*(from|import)\s+tracker\.|\btracker\._", re.MULTILINE)


def test_the_notebooks_are_found():
    assert [path.name for path in PATHS] == ["sample-analysis.ipynb", "story-analysis.ipynb"]


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_notebook_uses_only_the_public_api(path):
    notebook = nbformat.read(path, as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "import tracker\n" in code
    assert PRIVATE.findall(code) == []


@pytest.mark.parametrize("path", PATHS, ids=lambda path: path.stem)
def test_notebook_runs_and_shows_its_committed_outputs(path):
    executed = execute(path)  # a cell that raises fails the test, naming the cell
    committed = nbformat.read(path, as_version=4)
    assert text_outputs(executed) == text_outputs(committed), "run `make notebooks`, commit"
