"""The ``tracker`` command line: a thin layer over the library.

Each command parses its options, calls one library function, and formats the result.
Library errors become one ``Error: ...`` line and exit status 1.  The commands over gold
annotations (``eval``, ``agreement``, ``train-cues``, ``train-spans``) live in :mod:`tracker.cli_gold`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .cli_gold import agreement, evaluate, train_cues, train_spans
from .cli_options import (
    common_input_options,
    cue_model_option,
    fail_cleanly,
    format_option,
    load_learned_model,
    output_option,
    progress_reporter,
    semantic_option,
    sentence_encoder,
    skip_warning,
    span_model_option,
)
from .cli_tables import (
    contested_table,
    rows_csv,
    text_table,
    verdict_rows_csv,
    verdicts_table,
)


@click.group()
@click.version_option(__version__, prog_name="tracker")
def cli() -> None:
    """Track who said what in the news, on whose authority, and who denied it.

    \b
    Typical use:
        tracker build data/ -o graph.json
        tracker contested graph.json
        tracker render graph.json -o graph.png
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@output_option("JSON Lines file to write.")
@common_input_options
@cue_model_option
@span_model_option
@fail_cleanly
def extract(paths, output, model, strict, quiet, cue_model_path, span_model_path):
    """Extract attribution records from articles into a JSON Lines file.

    PATHS are article files (.txt, .md, .json, .jsonl, .html) or folders of them.

    \b
    Example:
        tracker extract data/ -o attributions.jsonl
        tracker extract data/ -o attributions.jsonl --span-model spans.json
    """
    from .ingest import read_articles
    from .io import write_attributions
    from .pipeline import extract_attributions

    cue_model, span_model = load_learned_model(cue_model_path, span_model_path)
    articles = read_articles(paths, strict=strict, on_skip=skip_warning)
    records = extract_attributions(
        articles,
        model=model,
        progress=progress_reporter(quiet),
        cue_model=cue_model,
        span_model=span_model,
    )
    count = write_attributions(records, output)
    if not quiet:
        click.echo(
            f"Wrote {count} attributions from {len(articles)} articles to {output}", err=True
        )


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@output_option("Graph file to write: .json (node-link), .graphml or .gexf.")
@common_input_options
@cue_model_option
@span_model_option
@fail_cleanly
def build(paths, output, model, strict, quiet, cue_model_path, span_model_path):
    """Build the claim graph from articles or attribution records.

    PATHS are articles, folders of articles, or .jsonl files written by
    `tracker extract` (edit the records, then rebuild).

    \b
    Example:
        tracker build data/ -o graph.json
        tracker build attributions.jsonl -o graph.graphml
        tracker build data/ -o graph.json --span-model spans.json
    """
    from .io import GRAPH_FORMATS, write_graph
    from .pipeline import build_claim_graph

    if Path(output).suffix.lower() not in GRAPH_FORMATS:
        raise click.BadParameter(f"use one of {', '.join(GRAPH_FORMATS)}", param_hint="--output")
    cue_model, span_model = load_learned_model(cue_model_path, span_model_path)
    graph = build_claim_graph(
        paths,
        strict=strict,
        on_skip=skip_warning,
        model=model,
        progress=progress_reporter(quiet),
        cue_model=cue_model,
        span_model=span_model,
    )
    write_graph(graph, output)
    if not quiet:
        sources = sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "source")
        claims = sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "claim")
        click.echo(
            f"Wrote {output}: {sources} sources, {claims} claims, {graph.number_of_edges()} edges",
            err=True,
        )


@cli.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path())
@format_option
@click.option(
    "--evidence", is_flag=True, help="With --format table: list every attribution and its sentence."
)
@fail_cleanly
def contested(graph_path, fmt, evidence):
    """List claims that some source asserts and another denies, most contested first.

    \b
    Example:
        tracker contested graph.json
        tracker contested graph.json --format json
    """
    from .analysis import contested_claims
    from .io import read_graph

    items = contested_claims(read_graph(graph_path))
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


@cli.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path())
@format_option
@fail_cleanly
def claims(graph_path, fmt):
    """List the claims in a graph with how many sources assert, deny or decline each.

    \b
    Example:
        tracker claims graph.json --format csv > claims.csv
    """
    from .analysis import claims_table
    from .io import read_graph

    _print_frame(claims_table(read_graph(graph_path)), fmt, {"claim": 60})


@cli.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path())
@format_option
@fail_cleanly
def sources(graph_path, fmt):
    """List the sources in a graph: kind, anonymity, and what they assert, deny or decline.

    \b
    Example:
        tracker sources graph.json
    """
    from .analysis import sources_table
    from .io import read_graph

    _print_frame(sources_table(read_graph(graph_path)), fmt, {"name": 40})


@cli.command()
@click.argument("graph_path", metavar="GRAPH", type=click.Path())
@output_option("Image to write: .png, .svg or .pdf.")
@click.option("--claim", "claim_id", help="Draw only this claim and the sources around it.")
@click.option("--title", help="Title drawn above the graph.")
@fail_cleanly
def render(graph_path, output, claim_id, title):
    """Draw the claim graph: sources coloured by kind, edges styled by stance.

    \b
    Example:
        tracker render graph.json -o graph.png
        tracker render graph.json -o claim.svg --claim c-iran-transferred-short-range-ballistic
    """
    from .io import read_graph
    from .render import render_graph

    path = render_graph(read_graph(graph_path), output, claim=claim_id, title=title)
    click.echo(f"Wrote {path}", err=True)


@cli.command()
@click.argument("args", nargs=-1, required=True, metavar="[CLAIM] PATHS...")
@click.option(
    "--claims",
    "claims_file",
    type=click.Path(dir_okay=False),
    help='JSON Lines of {"claim": ..., "article_id": ...} to check many claims at once.',
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl", "csv"]),
    help="Output format (default: table for one claim, jsonl with --claims).",
)
@click.option(
    "--verdict-model",
    "verdict_model_path",
    type=click.Path(dir_okay=False),
    help="A model trained with `tracker train-check`: it decides the verdicts instead of "
    "the rules (the evidence listed is the rules' either way).",
)
@semantic_option
@output_option("Write to this file instead of stdout.", required=False)
@common_input_options
@fail_cleanly
def check(args, claims_file, fmt, verdict_model_path, semantic, output, model, strict, quiet):
    """Does each article support, deny, or only report a claim?

    Verdicts: supports, denies, reports (attributed or hedged, not endorsed) or
    unrelated, each with the sentences and attributions that decided it.

    \b
    Example:
        tracker check "Iran transferred missiles to Russia" data/
        tracker check --claims claims.jsonl data/ -o verdicts.jsonl
        tracker check --claims claims.jsonl data/ --verdict-model verdicts.model
        tracker check "Iran supplied weapons to Russia" data/ --semantic
    """
    from .check import ClaimChecker, ClaimRequest, check_claims, read_claim_requests
    from .ingest import read_articles

    verdict_model = None
    if verdict_model_path:
        from .verdict_model import VerdictModel

        verdict_model = VerdictModel.load(verdict_model_path)
        # a model trained on embedding features cannot decide without them
        semantic = semantic or verdict_model.semantic
    if claims_file:
        requests = read_claim_requests(claims_file)
        paths = args
        fmt = fmt or "jsonl"
    else:
        if len(args) < 2:
            raise click.UsageError(
                "give the claim text and at least one article path (or use --claims FILE)"
            )
        requests = [ClaimRequest(args[0])]
        paths = args[1:]
        fmt = fmt or "table"
    articles = read_articles(paths, strict=strict, on_skip=skip_warning)
    if not quiet:
        click.echo(
            f"checking {len(requests)} claim(s) against {len(articles)} article(s)", err=True
        )
    checker = ClaimChecker(model=model, encoder=sentence_encoder(semantic))
    verdicts = list(check_claims(requests, articles, checker=checker, verdict_model=verdict_model))
    if fmt == "json":
        text = json.dumps([v.to_dict() for v in verdicts], ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        text = "".join(json.dumps(v.to_dict(), ensure_ascii=False) + "\n" for v in verdicts)
    elif fmt == "csv":
        text = verdict_rows_csv(verdicts)
    else:
        text = verdicts_table(verdicts)
    if output:
        from .io import atomic_write

        with atomic_write(output) as handle:
            handle.write(text)
        if not quiet:
            click.echo(f"Wrote {len(verdicts)} verdicts to {output}", err=True)
    else:
        click.echo(text, nl=False)


@cli.command(name="train-check")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--claims",
    "claims_file",
    required=True,
    type=click.Path(dir_okay=False),
    help='JSON Lines of {"claim": ..., "article_id": ..., "verdict": ...}, verdict one of '
    "supports, denies, reports, unrelated.",
)
@output_option("Model file to write (text: a JSON header, then LightGBM's model).")
@click.option(
    "--threads", type=click.IntRange(min=1), default=1, show_default=True, help="Training threads."
)
@click.option(
    "--words",
    type=click.IntRange(min=0),
    default=50,
    show_default=True,
    help="Words to learn per verdict and place (claim, best sentence, matching sentences, "
    "article); 0 learns none.",
)
@click.option(
    "--min-stories",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Learn only words seen in at least this many different stories.",
)
@semantic_option
@common_input_options
@fail_cleanly
def train_check(
    paths, claims_file, output, threads, words, min_stories, semantic, model, strict, quiet
):
    """Train a verdict model for `tracker check` on labelled claims you own.

    Each line of the --claims file names a claim, the article it was checked
    against (among PATHS) and the verdict a person gave. The model reads what
    the rules derive for each pair, and words it learns from the pairs that
    occur in at least --min-stories different stories (claims and articles that
    related pairs connect), never an article's identity; use it with `tracker check
    --verdict-model`. Needs LightGBM: pip install "tracker[train]".
    With --semantic it also reads sentence-embedding similarities, and checking
    with it then loads the sentence encoder too.

    \b
    Example:
        tracker train-check --claims labelled.jsonl articles/ -o verdicts.model
        tracker check "The dam burst" articles/ --verdict-model verdicts.model
    """
    from .check import ClaimChecker
    from .ingest import read_articles
    from .verdict_model import TrainSettings, read_labelled_pairs, train_verdict_model

    pairs = read_labelled_pairs(claims_file)
    articles = read_articles(paths, strict=strict, on_skip=skip_warning)
    if not quiet:
        click.echo(
            f"training on {len(pairs)} labelled pair(s), {len(articles)} article(s)", err=True
        )
    checker = ClaimChecker(model=model, encoder=sentence_encoder(semantic))
    checker.add_articles(articles)
    progress = (lambda message: click.echo(message, err=True)) if not quiet else None
    settings = TrainSettings(words_per_verdict=words, word_min_stories=min_stories)
    trained = train_verdict_model(
        pairs, checker, settings=settings, num_threads=threads, progress=progress
    )
    trained.save(output)
    if not quiet:
        click.echo(f"Wrote a verdict model trained on {len(pairs)} pairs to {output}", err=True)


for _command in (agreement, evaluate, train_cues, train_spans):
    cli.add_command(_command)


def main() -> None:  # pragma: no cover
    cli(prog_name="tracker")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
