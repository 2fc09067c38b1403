"""Run the notebooks in notebooks/ from a clean kernel and save the outputs they produce.

    python scripts/run_notebooks.py                 # every notebook, outputs saved in place
    python scripts/run_notebooks.py NOTEBOOK...     # only these
    python scripts/run_notebooks.py --check         # run, save nothing; exit 1 if a text
                                                    # output differs from the committed one

Each notebook runs in a fresh IPython kernel (ipykernel, from the ``dev`` extra) with
``notebooks/`` as its working folder, against the installed package.  What is saved is made
to be the same from run to run: no timing, fixed notebook metadata, numbered cell ids.  The
tests (tests/test_notebooks.py) run every notebook the same way and compare its text outputs
with the committed ones.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import nbformat
from nbclient import NotebookClient

__all__ = ["NOTEBOOKS", "coalesce_streams", "execute", "notebook_paths", "save", "text_outputs"]

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

#: the notebook metadata that is saved; the interpreter's exact version is left out
METADATA = {
    "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
    "language_info": {"name": "python"},
}


def notebook_paths() -> list[Path]:
    """The notebooks the tests run, in name order."""
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def execute(path: Path, timeout: int = 600) -> Any:
    """Run the notebook at ``path`` in a fresh kernel; raise on the first cell that fails."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return coalesce_streams(notebook)


def coalesce_streams(notebook: Any) -> Any:
    """Join each cell's consecutive printed outputs: how the kernel splits them into
    messages depends on timing, so the saved outputs would differ from run to run."""
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        joined: list[Any] = []
        for output in cell.outputs:
            last = joined[-1] if joined else None
            if (
                output.output_type == "stream"
                and last is not None
                and last.output_type == "stream"
                and last.name == output.name
            ):
                last.text += output.text
            else:
                joined.append(output)
        cell.outputs = joined
    return notebook


def text_outputs(notebook: Any) -> list[list[str]]:
    """Per code cell, the text it shows: printed text, text results and errors (not images)."""
    cells = []
    for cell in coalesce_streams(notebook).cells:
        if cell.cell_type != "code":
            continue
        shown = []
        for output in cell.outputs:
            if output.output_type == "stream":
                shown.append(f"{output.name}: {output.text}")
            elif output.output_type == "error":
                shown.append(f"error: {output.ename}: {output.evalue}")
            else:
                data = output.get("data", {})
                shown.append(str(data.get("text/html") or data.get("text/plain", "")))
        cells.append(shown)
    return cells


def save(notebook: Any, path: Path) -> None:
    """Write ``notebook`` to ``path`` with fixed metadata and numbered cell ids."""
    notebook.metadata = nbformat.from_dict(METADATA)
    for number, cell in enumerate(notebook.cells, 1):
        cell.id = f"cell-{number:02d}"
        cell.metadata = nbformat.from_dict(
            {k: v for k, v in cell.metadata.items() if k not in ("execution", "ExecuteTime")}
        )
    nbformat.validate(notebook)
    path.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: notebooks/)")
    parser.add_argument("--check", action="store_true", help="compare with the committed outputs")
    args = parser.parse_args(argv)
    stale = []
    for path in args.paths or notebook_paths():
        print(f"running {path.name}", file=sys.stderr)
        executed = execute(path)
        if args.check:
            if text_outputs(executed) != text_outputs(nbformat.read(path, as_version=4)):
                stale.append(path.name)
        else:
            save(executed, path)
    if stale:
        print(f"outputs differ from the committed ones: {', '.join(stale)}", file=sys.stderr)
        print("run `make notebooks` and commit the result", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
