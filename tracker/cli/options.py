"""Options and helpers the ``tracker`` commands share (see :mod:`tracker.cli`)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TextIO

import click

from tracker.errors import TrackerError

__all__ = [
    "about_option",
    "format_option",
    "CleanGroup",
    "fail_cleanly",
    "clean_error",
    "progress_reporter",
    "ProgressBar",
    "parallel_options",
    "workers_option",
    "skip_warning",
    "SkipReport",
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


def clean_error(exc: BaseException) -> click.ClickException | None:
    """The one-line error a user sees for ``exc``, or None when it is not one of ours.

    Library errors keep their message.  What bad files and full disks raise past the
    library's own checks (``OSError``, ``RecursionError``, ``MemoryError``, ``ValueError``
    and ``UnicodeError``) gets a line naming the file where Python knows it.
    """
    if isinstance(exc, TrackerError):
        return click.ClickException(str(exc))
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return click.ClickException(f"{where}{exc.strerror or exc}; check the path and free space")
    if isinstance(exc, RecursionError):
        return click.ClickException("an input is nested too deeply to read; simplify or remove it")
    if isinstance(exc, MemoryError):
        return click.ClickException(
            "ran out of memory; read fewer or smaller articles at a time (see docs/LIMITS.md)"
        )
    if isinstance(exc, (ValueError, UnicodeError)):
        return click.ClickException(f"an input could not be read: {exc}")
    return None


def fail_cleanly(func: Callable) -> Callable:
    """Turn what a command raises (see :func:`clean_error`) into one ``Error: ...`` line."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception as exc:
            error = clean_error(exc)
            if error is None or isinstance(exc, click.ClickException):
                raise
            raise error from exc

    return wrapper


class CleanGroup(click.Group):
    """A command group whose commands fail with one ``Error: ...`` line, never a traceback,
    for every error :func:`clean_error` knows, whether or not the command catches it."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.ClickException:
            raise
        except Exception as exc:
            error = clean_error(exc)
            if error is None:
                raise
            raise error from exc


class ProgressBar:
    """Articles done, articles per second and time left, redrawn in place on stderr."""

    def __init__(self, stream: TextIO, total: int | None = None, width: int = 24) -> None:
        self.stream = stream
        self.total = total
        self.width = width
        self.start = time.monotonic()
        self._last = 0.0

    def __call__(self, n: int, article: object) -> None:
        now = time.monotonic()
        if now - self._last < 0.2 and n != self.total:
            return
        self._last = now
        rate = n / max(now - self.start, 1e-9)
        if self.total:
            filled = int(self.width * n / self.total)
            bar = "#" * filled + "-" * (self.width - filled)
            left = (self.total - n) / rate if rate else 0.0
            line = f"[{bar}] {n}/{self.total} articles  {rate:.1f}/s  ETA {_clock(left)}"
        else:
            line = f"{n} articles  {rate:.1f}/s"
        end = "\n" if self.total and n >= self.total else ""
        self.stream.write("\r" + line + end)
        self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def progress_reporter(quiet: bool, total: int | None = None) -> ProgressBar | None:
    """A progress bar on stderr, or None with ``-q`` or when stderr is not a terminal."""
    stream = sys.stderr
    if quiet or not stream.isatty():
        return None
    return ProgressBar(stream, total)


def skip_warning(path: str, error: TrackerError) -> None:
    click.echo(f"Warning: skipped {error}", err=True)


class SkipReport:
    """An ``on_skip`` handler: warns of each skipped file or record and counts them.

    >>> from tracker.errors import InputError
    >>> report = SkipReport(quiet_warnings=True)
    >>> report("a.jsonl", InputError("a.jsonl", "line 3 has no 'text' field", record="line 3"))
    >>> report("b.txt", InputError("b.txt", "file is empty"))
    >>> report.summary()
    '; skipped 1 record and 1 file (see the warnings above)'
    """

    def __init__(self, *, quiet_warnings: bool = False) -> None:
        self.files = 0
        self.records = 0
        self.quiet_warnings = quiet_warnings

    def __call__(self, path: str, error: TrackerError) -> None:
        if error.record is None:
            self.files += 1
        else:
            self.records += 1
        if not self.quiet_warnings:
            skip_warning(path, error)

    def summary(self) -> str:
        """``"; skipped N records and M files (...)"`` or ``""`` when nothing was skipped."""
        parts = [
            f"{n} {word}{'' if n == 1 else 's'}"
            for n, word in ((self.records, "record"), (self.files, "file"))
            if n
        ]
        return f"; skipped {' and '.join(parts)} (see the warnings above)" if parts else ""


def common_input_options(func: Callable) -> Callable:
    func = click.option("--model", help="spaCy pipeline to load (package name or path).")(func)
    func = click.option(
        "--strict",
        is_flag=True,
        help="Stop at the first unreadable file or record instead of skipping it.",
    )(func)
    func = click.option("-q", "--quiet", is_flag=True, help="No progress messages on stderr.")(func)
    return func


def parallel_options(func: Callable) -> Callable:
    """--workers, --engine and --scheduler: where extraction runs (the records are the same)."""
    func = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Extract on the Dask cluster whose scheduler is at ADDRESS (host:port); "
        'needs the "dask" extra. Claims are grouped here, on the merged records.',
    )(func)
    func = click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="local: this process, or --workers processes; dask: a Dask LocalCluster of "
        "--workers workers (or the cluster at --scheduler).",
    )(func)
    return workers_option(func)


def workers_option(func: Callable) -> Callable:
    """--workers: extract on this many processes."""
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Extract on this many processes (each loads the pipeline once); same records, "
        "same order.",
    )(func)


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


def _writable_output(ctx: click.Context, param: click.Parameter, value: str | None):
    """Check the output's folder before any work is done (see :func:`tracker.io.check_output`)."""
    if value is None or ctx.resilient_parsing:
        return value
    from tracker.io import check_output

    try:
        check_output(value)
    except TrackerError as exc:
        raise click.ClickException(str(exc)) from None
    return value


def output_option(help_text: str, *, required: bool = True) -> Callable:
    return click.option(
        "-o",
        "--output",
        required=required,
        type=click.Path(dir_okay=False),
        callback=_writable_output,
        help=help_text,
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
