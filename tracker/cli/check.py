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
@click.argument("args", nargs=-1, metavar="[CLAIM] [PATHS...]")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    help="Check the current articles of this story store (made by `tracker add`) instead "
    "of PATHS: only the claims are parsed.",
)
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
def check(
    args, db_path, claims_file, fmt, verdict_model_path, semantic, output, model, strict, quiet
):
    """Does each article support, deny, or only report a claim?

    Verdicts: supports, denies, reports (attributed or hedged, not endorsed) or
    unrelated, each with the sentences and attributions that decided it.

    With --db, the articles are a story store's: their sentences were kept when
    `tracker add` parsed them, so only the claims are parsed (the verdicts are
    those of checking the same articles' files).

    \b
    Example:
        tracker check "Iran transferred missiles to Russia" data/
        tracker check --claims claims.jsonl data/ -o verdicts.jsonl
        tracker check "Iran transferred missiles to Russia" --db story.db
        tracker check --claims claims.jsonl data/ --verdict-model verdicts.model
        tracker check "Iran supplied weapons to Russia" data/ --semantic
    """
    from tracker.check.checker import (
        ClaimChecker,
        ClaimRequest,
        check_requests,
        read_claim_requests,
    )

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
        if not args:
            raise click.UsageError("give the claim text (or use --claims FILE)")
        requests = [ClaimRequest(args[0])]
        paths = args[1:]
        fmt = fmt or "table"
    _check_sources(db_path, paths, claims_file)
    if output:
        from tracker.io import check_output

        check_output(output, [*args, *(p for p in (claims_file, db_path) if p)])
    checker = ClaimChecker(model=model, encoder=sentence_encoder(semantic))
    count = _add_articles(checker, db_path, paths, strict)
    if not quiet:
        click.echo(f"checking {len(requests)} claim(s) against {count} article(s)", err=True)

    def no_verdict(request, error) -> None:
        click.echo(f"Warning: no verdict: {error}", err=True)

    verdicts = list(
        check_requests(
            requests, checker, verdict_model=verdict_model, strict=strict, on_skip=no_verdict
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


def _add_articles(checker, db_path, paths, strict) -> int:
    """Add the articles of PATHS (parsed) or of the store (read back) to ``checker``."""
    if not db_path:
        from tracker.ingest.readers import read_articles

        articles = read_articles(paths, strict=strict, on_skip=skip_warning)
        checker.add_articles(articles)
        return len(articles)
    from tracker.store.sentences import add_store_articles

    def parsing(article_ids: list[str]) -> None:
        click.echo(
            f"Warning: {db_path}: {len(article_ids)} article(s) stored by an older tracker "
            f"are parsed again; run `tracker rebuild {db_path}` to keep their sentences",
            err=True,
        )

    return add_store_articles(checker, db_path, on_parse=parsing)


def _check_sources(db_path, paths, claims_file) -> None:
    """Articles come from PATHS or from --db, not both nor neither."""
    from tracker.store.schema import is_store_file

    if db_path and paths:
        raise click.UsageError(
            "give article PATHS or --db STORE, not both"
            + ("" if claims_file else " (with --db, give only the claim)")
        )
    if not db_path and not paths:
        raise click.UsageError(
            "give at least one article path, or a story store with --db"
            if claims_file
            else "give the claim text and at least one article path (or --db STORE)"
        )
    stores = [path for path in paths if is_store_file(path)]
    if stores:
        raise click.UsageError(f"{stores[0]} is a story store: check it with --db {stores[0]}")


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
