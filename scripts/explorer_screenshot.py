"""Make docs/explorer.png: the explorer page for the bundled data, with its contested claim open.

Builds the graph of data/ (the sample article and the synthetic ones), writes the page,
opens it in the system's headless Chromium, clicks the claim asserted and denied by the most
sources, and saves a screenshot.

    python scripts/explorer_screenshot.py [-o docs/explorer.png]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "explorer.png")
    args = parser.parse_args()

    from tests.browser import launch_chromium
    from tracker.graph.analysis import contested_claims
    from tracker.pipeline import build_claim_graph
    from tracker.present.explore import write_explorer

    graph = build_claim_graph([ROOT / "data"])
    claim = "claim:" + contested_claims(graph)[0].claim_id
    with tempfile.TemporaryDirectory() as folder, launch_chromium() as browser:
        page_path = write_explorer(graph, Path(folder) / "data.html", title="tracker explore data/")
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.goto(page_path.as_uri())
        page.wait_for_function("window.trackerExplorer && window.trackerExplorer.ready")
        page.evaluate("id => window.trackerExplorer.select(id, false)", claim)
        page.wait_for_timeout(300)
        page.screenshot(path=str(args.output))
    print(f"Wrote {args.output}")


if __name__ == "__main__":
    main()
