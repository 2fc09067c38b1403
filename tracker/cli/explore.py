"""The ``tracker explore`` command: the claim graph as one offline HTML page."""

from __future__ import annotations

import click

from tracker.cli.options import fail_cleanly, output_option

__all__ = ["explore"]


@click.command()
@click.argument("graph_path", metavar="GRAPH_OR_STORE", type=click.Path())
@output_option("Web page to write (.html).")
@click.option(
    "--about",
    metavar="CLAIM",
    help="Open the page on this claim: its id, or words of its wording.",
)
@click.option("--title", help="Title shown above the graph.")
@fail_cleanly
def explore(graph_path, output, about, title):
    """Write the claim graph as one HTML page to explore in a browser, offline.

    The page holds everything it needs (no network request, no CDN): search by source
    or claim, filters by stance, source kind, outlet and date, a contested-only switch,
    and, for each claim, every attribution's sentence with source, cue and content
    highlighted.

    \b
    Example:
        tracker explore graph.json -o story.html
        tracker explore graph.json -o story.html --about "iran transferred missiles"
    """
    from tracker.io import read_graph
    from tracker.present.explore import write_explorer

    graph = read_graph(graph_path)
    path = write_explorer(graph, output, about=about, title=title)
    click.echo(f"Wrote {path}", err=True)
