"""The progress bar of long extractions: on stderr, in place, quiet when not a terminal."""

from __future__ import annotations

import io

from tracker.cli.options import ProgressBar, progress_reporter


def test_bar_shows_articles_rate_and_time_left(monkeypatch):
    clock = iter([0.0, 2.0, 4.0])
    monkeypatch.setattr("tracker.cli.options.time.monotonic", lambda: next(clock))
    stream = io.StringIO()
    bar = ProgressBar(stream, total=4, width=8)
    bar(2, None)
    bar(4, None)
    assert stream.getvalue() == (
        "\r[####----] 2/4 articles  1.0/s  ETA 0:02\r[########] 4/4 articles  1.0/s  ETA 0:00\n"
    )


def test_no_bar_when_quiet_or_not_a_terminal():
    assert progress_reporter(quiet=True) is None
    assert progress_reporter(quiet=False) is None  # pytest's stderr is not a terminal
