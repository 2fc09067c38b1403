"""Options and helpers the ``tracker`` commands share (see :mod:`tracker.cli`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import click

from tracker.errors import TrackerError

__all__ = [
    "about_option",
    "format_option",
    "fail_cleanly",
    "progress_reporter",
    "skip_warning",
    "common_input_options",
    "cue_model_option",
    "span_model_option",
    "load_learned_model",
    "output_option",
    "semantic_option",
    "sentence_encoder",
]

format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)


about_option = click.option(
    "--about",
    metavar="CLAIM TEXT",
    help="Only claims close to this claim or headline, closest first (so a folder that "
    "also holds off-topic articles shows its story's dispute first).",
)


def fail_cleanly(func: Callable) -> Callable:
    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except TrackerError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper


def progress_reporter(quiet: bool):
    if quiet:
        return None

    def report(n: int, article) -> None:
        click.echo(f"extracted {n}: {article.id}", err=True)

    return report


def skip_warning(path: str, error: TrackerError) -> None:
    click.echo(f"Warning: skipped {error}", err=True)


def common_input_options(func: Callable) -> Callable:
    func = click.option("--model", help="spaCy pipeline to load (package name or path).")(func)
    func = click.option(
        "--strict", is_flag=True, help="Stop at the first unreadable file instead of skipping it."
    )(func)
    func = click.option("-q", "--quiet", is_flag=True, help="No progress messages on stderr.")(func)
    return func


def cue_model_option(func: Callable) -> Callable:
    return click.option(
        "--cue-model",
        "cue_model_path",
        type=click.Path(dir_okay=False),
        help="A cue model trained with `tracker train-cues`: finds cues the word lists lack.",
    )(func)


def span_model_option(func: Callable) -> Callable:
    return click.option(
        "--span-model",
        "span_model_path",
        type=click.Path(dir_okay=False),
        help="A span model trained with `tracker train-spans`: reads cues, sources and "
        "contents with the boundaries it learned (and the cue model it was trained with, "
        "so not together with --cue-model).",
    )(func)


def load_learned_model(cue_path: str | None, span_path: str | None):
    """The trained ``(cue model, span model)`` asked for (None where not asked for)."""
    from tracker.extract.extractor import refuse_two_models

    refuse_two_models(cue_path, span_path, cue="--cue-model", span="--span-model")
    if span_path is not None:
        from tracker.extract.trained.spans import SpanModel

        return None, SpanModel.load(span_path)
    if cue_path is None:
        return None, None
    from tracker.extract.trained.cues import CueModel

    return CueModel.load(cue_path), None


def output_option(help_text: str, *, required: bool = True) -> Callable:
    return click.option(
        "-o", "--output", required=required, type=click.Path(dir_okay=False), help=help_text
    )


semantic_option = click.option(
    "--semantic",
    is_flag=True,
    help="Also match the claim by sentence embeddings, which catches paraphrases "
    '(needs the "semantic" extra: pip install "tracker[semantic]").',
)


def sentence_encoder(semantic: bool):
    """The sentence encoder when asked for, loaded now so a missing extra fails early."""
    if not semantic:
        return None
    from tracker.resolve.semantic import load_encoder

    return load_encoder()
