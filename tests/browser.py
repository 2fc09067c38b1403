"""Driving Debian's Chromium with Playwright, for the tests and benchmarks of the explorer.

The browser is never downloaded: Playwright drives the ``chromium`` executable installed by
the system (``apt-get install chromium``; ``.ci/run`` installs it).  Without it the tests
skip, except under ``CI=true``, where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["CHROMIUM_FLAGS", "chromium_path", "launch_chromium", "watch_page"]

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The system's Chromium, or None."""
    for name in (os.environ.get("TRACKER_CHROMIUM"), "chromium", "chromium-browser"):
        if name and (found := shutil.which(name)):
            return found
    return None


@contextmanager
def launch_chromium() -> Iterator[Any]:
    """A headless Chromium (a fresh profile each launch), closed on leaving."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError("no chromium executable found; install it: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def watch_page(page: Any, allowed_url: str) -> dict[str, list[str]]:
    """Record the console errors, page errors and requests of ``page``; any request for
    another URL than ``allowed_url`` is recorded and aborted."""
    seen: dict[str, list[str]] = {"errors": [], "requests": []}

    def on_console(message: Any) -> None:
        if message.type in ("error", "warning"):
            seen["errors"].append(f"{message.type}: {message.text}")

    def on_route(route: Any) -> None:
        if route.request.url != allowed_url:
            route.abort()  # recorded by the request listener
        else:
            route.continue_()

    page.on("console", on_console)
    page.on("pageerror", lambda error: seen["errors"].append(f"page error: {error}"))
    page.on(
        "request",
        lambda request: (
            None if request.url == allowed_url else seen["requests"].append(request.url)
        ),
    )
    page.route("**/*", on_route)
    return seen
