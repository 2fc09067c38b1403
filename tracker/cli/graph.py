"""The ``tracker`` commands that extract records, build the claim graph and read it."""

import json
from pathlib import Path

import click

from tracker.cli.options import (
    SkipReport,
    about_option,
    common_input_options,
    cue_model_option,
    fail_cleanly,
    format_option,
    load_learned_model,
    output_option,
    parallel_options,
    progress_reporter,
    span_model_option,
)
from tracker.present.tables import (
    contested_table,
    rows_csv,
    text_table,
)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@output_option("JSON Lines file to write.")
@common_input_options
@cue_model_option
@span_model_option
@parallel_options
@fail_cleanly
def extract(
    paths, output, model, strict, quiet, cue_model_path, span_model_path, workers, engine, scheduler
):
    """Extract attribution records from articles into a JSON Lines file.

    PATHS are article files (.txt, .md, .json, .jsonl, .html) or folders of them.

    \b
    Example:
        tracker extract data/ -o attributions.jsonl
        tracker extract data/ -o attributions.jsonl --span-model spans.json
        tracker extract articles/ -o attributions.jsonl --workers 2
    """
    from tracker.ingest.readers import read_articles
    from tracker.io import check_output, write_attributions
    from tracker.pipeline import extract_attributions

    check_output(output, paths)
    cue_model, span_model = load_learned_model(cue_model_path, span_model_path)
    skipped = SkipReport()
    articles = read_articles(paths, strict=strict, on_skip=skipped)
    records = extract_attributions(
        articles,
        model=model,
        progress=progress_reporter(quiet, len(articles)),
        cue_model=cue_model,
        span_model=span_model,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
    )
    count = write_attributions(records, output)
    if not quiet:
        click.echo(
            f"Wrote {count} attributions from {len(articles)} articles to {output}"
            f"{skipped.summary()}",
            err=True,
        )


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@output_option("Graph file to write: .json (node-link), .graphml or .gexf.")
@common_input_options
@cue_model_option
@span_model_option
@parallel_options
@fail_cleanly
def build(
    paths, output, model, strict, quiet, cue_model_path, span_model_path, workers, engine, scheduler
):
    """Build the claim graph from articles or attribution records.

    PATHS are articles, folders of articles, or .jsonl files written by
    `tracker extract` (edit the records, then rebuild).

    \b
    Example:
        tracker build data/ -o graph.json
        tracker build attributions.jsonl -o graph.graphml
        tracker build data/ -o graph.json --span-model spans.json
        tracker build articles/ -o graph.json --workers 2
        tracker build articles/ -o graph.json --scheduler tcp://10.0.0.5:8786
    """
    from tracker.io import GRAPH_FORMATS, check_output, write_graph
    from tracker.pipeline import build_claim_graph

    if Path(output).suffix.lower() not in GRAPH_FORMATS:
        raise click.BadParameter(f"use one of {', '.join(GRAPH_FORMATS)}", param_hint="--output")
    check_output(output, paths)
    cue_model, span_model = load_learned_model(cue_model_path, span_model_path)
    skipped = SkipReport()
    graph = build_claim_graph(
        paths,
        strict=strict,
        on_skip=skipped,
        model=model,
        progress=progress_reporter(quiet),
        cue_model=cue_model,
        span_model=span_model,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
    )
    write_graph(graph, output)
    if not quiet:
        sources = sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "source")
        claims = sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "claim")
        click.echo(
            f"Wrote {output}: {sources} sources, {claims} claims, {graph.number_of_edges()} edges"
            f"{skipped.summary()}",
            err=True,
        )


@click.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path())
@format_option
@click.option(
    "--evidence", is_flag=True, help="With --format table: list every attribution and its sentence."
)
@about_option
@click.option(
    "--include-unresolved",
    is_flag=True,
    help="Count pronouns no person in their article fits (left out by default).",
)
@fail_cleanly
def contested(graph_path, fmt, evidence, about, include_unresolved):
    """List claims that some source asserts and another denies, most contested first.

    \b
    Example:
        tracker contested graph.json
        tracker contested graph.json --format json
        tracker contested graph.json --about "iran sent missiles to russia"
    """
    from tracker.graph.analysis import contested_claims
    from tracker.io import read_graph

    items = contested_claims(
        read_graph(graph_path), about=about, include_unresolved=include_unresolved
    )
    if fmt == "json":
        click.echo(json.dumps([i.to_dict() for i in items], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        rows = [i.to_dict() for i in items]
        click.echo(
            rows_csv(rows, ["claim_id", "claim", "asserted_by", "denied_by", "declined_by"]),
            nl=False,
        )
    else:
        click.echo(contested_table(items, evidence), nl=False)


def _print_frame(frame, fmt: str, wide_columns: dict[str, int]) -> None:
    if fmt == "json":
        click.echo(frame.to_json(orient="records", force_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(frame.to_csv(index=False, lineterminator="\n"), nl=False)
    elif frame.empty:
        click.echo("(none)")
    else:
        click.echo(text_table(frame, wide_columns))


@click.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path())
@format_option
@about_option
@fail_cleanly
def claims(graph_path, fmt, about):
    """List the claims in a graph with how many sources assert, deny or decline each.

    \b
    Example:
        tracker claims graph.json --format csv > claims.csv
        tracker claims graph.json --about "iran sent missiles to russia"
    """
    from tracker.graph.analysis import claims_table
    from tracker.io import read_graph

    _print_frame(claims_table(read_graph(graph_path), about=about), fmt, {"claim": 60})


@click.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path())
@format_option
@fail_cleanly
def sources(graph_path, fmt):
    """List the sources in a graph: kind, anonymity, and what they assert, deny or decline.

    \b
    Example:
        tracker sources graph.json
    """
    from tracker.graph.analysis import sources_table
    from tracker.io import read_graph

    _print_frame(sources_table(read_graph(graph_path)), fmt, {"name": 40})


@click.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path())
@output_option("Image to write: .png, .svg or .pdf.")
@click.option("--claim", "claim_id", help="Draw only this claim and the sources around it.")
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Draw every claim, however many (refused when they cannot fit in a picture).",
)
@click.option("--title", help="Title drawn above the graph.")
@about_option
@click.option(
    "--timeline",
    "as_timeline",
    is_flag=True,
    help="Draw a claim's timeline instead (dates across, sources down, markers by stance): "
    "--claim's, the claim closest to --about, else the most contested.",
)
@fail_cleanly
def render(graph_path, output, claim_id, show_all, title, about, as_timeline):
    """Draw the claim graph: sources coloured by kind, edges styled by stance.

    Above 60 claims only the contested claims and their sources are drawn (or, with
    --about, the claims closest to it), most contested first, as many as fit; a claim
    with more than 15 sources is passed over (--claim draws it).  The picture and a note
    on stderr say what was left out.  Pictures stay under 4,000 pixels on their long side.

    \b
    Example:
        tracker render graph.json -o graph.png
        tracker render graph.json -o claim.svg --claim c-iran-transferred-short-range-ballistic
        tracker render graph.json -o missiles.png --about "iran sent missiles to russia"
        tracker render story.db -o timeline.png --timeline
    """
    from tracker.io import read_graph

    if as_timeline:
        from tracker.present.timeline import render_timeline
        from tracker.store.timeline import claim_timeline, pick_claim

        graph = read_graph(graph_path)
        found = claim_timeline(graph, pick_claim(graph, claim_id, about))
        click.echo(f"Wrote {render_timeline(found, output, title=title)}", err=True)
        return
    from tracker.present.render import render_graph

    if claim_id is not None and (about is not None or show_all):
        raise click.UsageError("--claim draws one claim; use it without --about and --all")
    path = render_graph(
        read_graph(graph_path),
        output,
        claim=claim_id,
        about=about,
        show_all=show_all,
        title=title,
        on_note=lambda note: click.echo(f"Note: {note}", err=True),
    )
    click.echo(f"Wrote {path}", err=True)
