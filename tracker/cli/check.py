"""The ``tracker`` commands that check a claim against articles and train verdict models."""

import json

import click

from tracker.cli.options import (
    common_input_options,
    fail_cleanly,
    output_option,
    semantic_option,
    sentence_encoder,
    skip_warning,
)
from tracker.present.tables import (
    verdict_rows_csv,
    verdicts_table,
)


@click.command()
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
    from tracker.check.checker import ClaimChecker, ClaimRequest, check_claims, read_claim_requests
    from tracker.ingest.readers import read_articles

    verdict_model = None
    if verdict_model_path:
        from tracker.check.verdict.model import VerdictModel

        verdict_model = VerdictModel.load(verdict_model_path)
        # a model trained on embedding features cannot decide without them
        semantic = semantic or verdict_model.semantic
    if claims_file:
        requests = read_claim_requests(
            claims_file, on_skip=None if strict else lambda error: skip_warning(claims_file, error)
        )
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
    if output:
        from tracker.io import check_output

        check_output(output, [*args, *([claims_file] if claims_file else [])])
    articles = read_articles(paths, strict=strict, on_skip=skip_warning)
    if not quiet:
        click.echo(
            f"checking {len(requests)} claim(s) against {len(articles)} article(s)", err=True
        )
    checker = ClaimChecker(model=model, encoder=sentence_encoder(semantic))

    def no_verdict(request, error) -> None:
        click.echo(f"Warning: no verdict: {error}", err=True)

    verdicts = list(
        check_claims(
            requests,
            articles,
            checker=checker,
            verdict_model=verdict_model,
            strict=strict,
            on_skip=no_verdict,
        )
    )
    if fmt == "json":
        text = json.dumps([v.to_dict() for v in verdicts], ensure_ascii=False, indent=2) + "\n"
    elif fmt == "jsonl":
        text = "".join(json.dumps(v.to_dict(), ensure_ascii=False) + "\n" for v in verdicts)
    elif fmt == "csv":
        text = verdict_rows_csv(verdicts)
    else:
        text = verdicts_table(verdicts)
    if output:
        from tracker.io import atomic_write

        with atomic_write(output) as handle:
            handle.write(text)
        if not quiet:
            click.echo(f"Wrote {len(verdicts)} verdicts to {output}", err=True)
    else:
        click.echo(text, nl=False)


@click.command(name="train-check")
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
    from tracker.check.checker import ClaimChecker
    from tracker.check.verdict.model import TrainSettings, read_labelled_pairs, train_verdict_model
    from tracker.ingest.readers import read_articles
    from tracker.io import check_output

    check_output(output, [*paths, claims_file])
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
