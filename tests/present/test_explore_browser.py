"""The explorer page in a real headless Chromium: loads offline, searches, filters, explains.

Skipped when no ``chromium`` is installed, except under ``CI=true`` (where ``.ci/run``
installs it), so that CI never passes without running them.
"""

from __future__ import annotations

import io
import os

import networkx as nx
import pytest

from tests.browser import chromium_path, launch_chromium, watch_page
from tests.explore_story import story_graph
from tracker.present.explore import write_explorer

if chromium_path() is None or not __import__("importlib").util.find_spec("playwright"):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(
            "the explorer's browser tests need chromium and playwright; .ci/run installs them",
            pytrace=False,
        )
    pytest.skip("chromium or playwright is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with launch_chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("explorer")
    return {
        "story": write_explorer(story_graph(), folder / "story.html", title="Skellig"),
        "about": write_explorer(story_graph(), folder / "about.html", about="ferry to Tessaly"),
        "large": write_explorer(large_graph(), folder / "large.html"),
    }


def large_graph() -> nx.MultiDiGraph:
    """900 nodes (synthetic): 450 made-up spokespeople, each asserting a claim of its own."""
    g = nx.MultiDiGraph()
    for i in range(450):
        g.add_node(
            f"source:s{i}",
            kind="source",
            name=f"spokesperson {i} of the Veldmark ferries",
            source_kind="person",
        )
        g.add_node(f"claim:c{i}", kind="claim", text=f"the pier number {i} reopens in spring")
        g.add_edge(f"source:s{i}", f"claim:c{i}", key=f"a{i}", stance="asserts", cue="said")
    return g


@pytest.fixture()
def open_page(browser, pages):
    opened = []

    def open_(name: str):
        page = browser.new_page(viewport={"width": 1300, "height": 800})
        url = pages[name].as_uri()
        seen = watch_page(page, url)
        page.goto(url)
        page.wait_for_function("window.trackerExplorer && window.trackerExplorer.ready")
        opened.append(page)
        return page, seen

    yield open_
    for page in opened:
        page.close()


def shown(page) -> str:
    return page.inner_text("#shown")


def click_node(page, node_id: str) -> None:
    """Click a node where the page draws it, as a person would."""
    x, y = page.evaluate(
        """id => { const n = window.trackerExplorer.cy.getElementById(id);
                   const p = n.renderedPosition(); return [p.x, p.y]; }""",
        node_id,
    )
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + x, box["y"] + y)


def test_page_loads_without_errors_or_network_requests(open_page):
    page, seen = open_page("story")
    assert page.inner_text("#title") == "Skellig"
    assert page.inner_text("#summary") == "5 sources · 3 claims · 5 attributions from 3 articles"
    assert shown(page) == "Showing 3 of 3 claims, 5 of 5 sources, 5 of 5 attributions."
    page.wait_for_timeout(200)
    assert seen == {"errors": [], "requests": []}


def test_search_finds_a_source(open_page):
    page, _ = open_page("story")
    page.fill("#search", "ministry of")
    assert page.locator("#results button").all_inner_texts() == ["source: ministry of ports"]
    page.click("#results button")
    assert page.inner_text("#panel h2") == "ministry of ports"
    assert page.locator("#panel h3").all_inner_texts() == ["denies (1)"]


def test_clicking_a_claim_shows_its_sentences_with_highlighted_spans(open_page):
    page, _ = open_page("story")
    click_node(page, "claim:c-skellig-closed")
    panel = page.locator("#panel")
    assert panel.locator("h2").inner_text() == "Claim contested"
    assert panel.locator("h3").all_inner_texts() == ["Asserted by (2)", "Denied by (1)"]
    denial = panel.locator("li[data-stance=denies]")
    assert denial.locator("mark.m-source").inner_text() == "The ministry of ports"
    assert denial.locator("mark.m-cue").inner_text() == "denied"
    assert denial.locator("mark.m-content").inner_text() == "that the harbour of Skellig closed"
    assert denial.locator(".article").inner_text() == (
        "Ministry: Skellig open · Veldmark Courier (synthetic) · 2026-05-02"
    )
    link = panel.locator("li[data-stance=asserts] .article a").first
    assert link.get_attribute("href") == "https://ledger.example/skellig"


def test_clicking_a_source_lists_its_claims(open_page):
    page, _ = open_page("story")
    click_node(page, "source:tessaly-defence")
    assert page.inner_text("#panel h2") == "tessaly defence ministry"
    assert page.locator("#panel h3").all_inner_texts() == ["declines to confirm (1)"]
    page.click("#panel li button")
    assert page.inner_text("#panel .claim-text") == "shells were unloaded"


def test_contested_switch_and_filters_change_what_is_shown(open_page):
    page, _ = open_page("story")
    page.check("#contested-only")
    assert shown(page) == "Showing 1 of 3 claims, 3 of 5 sources, 3 of 5 attributions."
    page.uncheck("#contested-only")
    page.uncheck("#stance-filter input[value=denies]")
    assert shown(page) == "Showing 3 of 3 claims, 4 of 5 sources, 4 of 5 attributions."
    page.check("#stance-filter input[value=denies]")
    page.uncheck("#outlet-filter input[value='The Harbour Ledger (synthetic)']")
    assert shown(page) == "Showing 3 of 3 claims, 3 of 5 sources, 3 of 5 attributions."
    hidden = page.evaluate("window.trackerExplorer.cy.nodes('.hidden').map(n => n.id())")
    assert "source:port-authority" in hidden


def test_date_filter_and_timeline_selection(open_page):
    page, _ = open_page("story")
    page.fill("#date-from", "2026-05-02")
    page.dispatch_event("#date-from", "change")
    assert shown(page) == "Showing 3 of 3 claims, 3 of 5 sources, 3 of 5 attributions."
    page.click("#date-clear")
    assert shown(page) == "Showing 3 of 3 claims, 5 of 5 sources, 5 of 5 attributions."
    # Drag across the first day of the strip: only that day's attributions stay.
    box = page.locator("#timeline svg").bounding_box()
    page.mouse.move(box["x"] + 42, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 60, box["y"] + 40)
    page.mouse.up()
    assert page.input_value("#date-from") == "2026-05-01"
    assert page.input_value("#date-to") == "2026-05-01"
    assert shown(page) == "Showing 1 of 3 claims, 2 of 5 sources, 2 of 5 attributions."


def test_about_opens_on_the_claim(open_page):
    page, seen = open_page("about")
    assert page.inner_text("#panel .claim-text") == "the ferry to Tessaly runs on time"
    assert page.is_checked("#focus-only")
    assert shown(page) == "Showing 1 of 3 claims, 1 of 5 sources, 1 of 5 attributions."
    page.uncheck("#focus-only")
    assert shown(page) == "Showing 3 of 3 claims, 5 of 5 sources, 5 of 5 attributions."
    assert seen == {"errors": [], "requests": []}


def test_screenshot_is_not_blank(open_page):
    import matplotlib.image
    import numpy as np

    page, _ = open_page("story")
    picture = matplotlib.image.imread(io.BytesIO(page.locator("#graph").screenshot()))
    pixels = (picture[..., :3] * 255).astype(np.uint8).reshape(-1, 3)
    colours = {tuple(p) for p in pixels[:: max(len(pixels) // 50000, 1)]}
    drawn = (pixels.min(axis=1) < 200).mean()
    assert len(colours) > 20
    assert drawn > 0.002


def test_a_large_graph_opens_whole_and_labels_what_is_zoomed_into(open_page):
    page, seen = open_page("large")
    label = "window.trackerExplorer.cy.getElementById('{}').style('label')"
    # Opened on the whole graph: every node inside the drawing area, no label measured yet.
    inside = page.evaluate(
        """() => { const cy = window.trackerExplorer.cy, w = cy.width(), h = cy.height();
                   return cy.nodes().every(n => { const p = n.renderedPosition();
                     return p.x > 0 && p.x < w && p.y > 0 && p.y < h; }); }"""
    )
    assert inside
    assert page.evaluate(label.format("source:s7")) == ""
    page.fill("#search", "spokesperson 7 of")
    page.click("#results button")
    page.wait_for_function(f"() => {label.format('source:s7')} !== ''", timeout=5000)
    assert page.evaluate(label.format("source:s7")) == "spokesperson 7 of the\nVeldmark ferries"
    assert page.evaluate(label.format("source:s400")) == ""
    assert seen == {"errors": [], "requests": []}
