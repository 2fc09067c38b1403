"""The ``tracker`` commands over gold attribution annotations (brat standoff, PolNeAR
layout): scoring the extractor and the annotators, and training the models users may
extract with."""

from __future__ import annotations

import json

import click

from tracker.cli.options import (
    cue_model_option,
    fail_cleanly,
    load_learned_model,
    output_option,
    span_model_option,
)


@click.command(name="eval")
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
@cue_model_option
@span_model_option
@fail_cleanly
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
    from tracker.extract.extractor import SpacyExtractor
    from tracker.gold.evaluate import evaluate_extractor

    cue_model, span_model = load_learned_model(cue_model_path, span_model_path)
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


@click.command()
@click.argument("gold_dir", type=click.Path(file_okay=False))
@click.option(
    "--reference",
    type=click.Choice(["first", "each"]),
    default="first",
    show_default=True,
    help="Score each annotator against the first one (as `tracker eval` scores the "
    "extractor), or against each other one in turn.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@fail_cleanly
def agreement(gold_dir, reference, fmt):
    """Score the annotators of a gold corpus against one another.

    Reads the articles of GOLD_DIR (laid out as for `tracker eval`) that two or
    more annotators read (several attributions/<article>_<annotator>.ann files)
    and scores each annotator's attributions as `tracker eval` scores the
    extractor's: the figures a second person reaches, to set the extractor's
    scores beside.

    \b
    Example:
        tracker agreement ../shared/evaldata/polnear/train
        tracker agreement my-annotations/ --reference each --format json
    """
    from tracker.gold.agreement import annotator_agreement

    report = annotator_agreement(gold_dir, reference=reference)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(report.format_table())


@click.command(name="train-cues")
@click.argument("gold_dir", type=click.Path(file_okay=False))
@output_option("Cue model file to write (JSON).")
@click.option("--limit", type=int, help="Train on the first N articles only (sorted by name).")
@click.option(
    "--threads", type=int, default=0, show_default=True, help="Training threads (0: all cores)."
)
@click.option("--model", help="spaCy pipeline to load (package name or path).")
@click.option("-q", "--quiet", is_flag=True, help="No progress messages on stderr.")
@fail_cleanly
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
    from tracker.extract.trained.cues import train_cue_model
    from tracker.nlp import load_pipeline

    def progress(done: int, total: int) -> None:
        if not quiet and (done == total or done % 50 == 0):
            click.echo(f"parsed {done}/{total} articles", err=True)

    trained = train_cue_model(
        gold_dir, load_pipeline(model), limit=limit, threads=threads, progress=progress
    )
    trained.save(output)
    if not quiet:
        click.echo(f"Wrote a cue model trained on {trained.trained_on} to {output}", err=True)


@click.command(name="train-spans")
@click.argument("gold_dir", type=click.Path(file_okay=False))
@output_option("Span model file to write (JSON).")
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
@fail_cleanly
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
    from tracker.extract.trained.spantrain import train_span_model
    from tracker.nlp import load_pipeline

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
