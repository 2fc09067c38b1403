"""The ``tracker`` command line: a thin layer over the library.

Each command parses its options, calls one library function, and formats the result.
Library errors become one ``Error: ...`` line and exit status 1.  The commands live in one
module per group: :mod:`tracker.cli.graph` (extract, build and read the claim graph),
:mod:`tracker.cli.explore` (the explorer page), :mod:`tracker.cli.check` (claim check) and :mod:`tracker.cli.gold` (gold annotations and
the models trained on them).
"""

from __future__ import annotations

import click

from tracker import __version__
from tracker.cli.check import check, train_check
from tracker.cli.explore import explore
from tracker.cli.gold import agreement, evaluate, train_cues, train_spans
from tracker.cli.graph import build, claims, contested, extract, render, sources
from tracker.cli.options import CleanGroup
from tracker.cli.store import add, correct, export, outlets, rebuild, timeline

__all__ = ["cli", "main"]


@click.group(cls=CleanGroup)
@click.version_option(__version__, prog_name="tracker")
def cli() -> None:
    """Track who said what in the news, on whose authority, and who denied it.

    \b
    Typical use:
        tracker build data/ -o graph.json
        tracker contested graph.json
        tracker render graph.json -o graph.png
    """


for _command in (
    extract,
    build,
    contested,
    claims,
    sources,
    render,
    explore,
    add,
    rebuild,
    timeline,
    outlets,
    correct,
    export,
    check,
    train_check,
    agreement,
    evaluate,
    train_cues,
    train_spans,
):
    cli.add_command(_command)


def main() -> None:  # pragma: no cover
    """Run the command line (``python -m tracker``)."""
    cli(prog_name="tracker")
