"""How fast the explorer page opens in headless Chromium, for a real story and a large graph.

Two graphs are built from the evaluation data (nothing of it is written into the
repository): a 40-article story (the FNC-1 training headline with the most related bodies:
its first 40 related bodies by id, each read as one article) and a graph of about 2,000
nodes (the first 130 PolNeAR train articles in name order).  For each, the
page is written (timed: data, layout and file) and opened ``--repeat`` times in a fresh
tab of the system's headless Chromium.  "open" is the time from the start of navigation to
the first frame drawn after the page's script has run, read from the page's own clock: by
then the graph is drawn (the graph library draws in the first frame after it is set up) and
every control answers.  "script" is the part of it spent in the page's own script (reading
the data, setting up the graph library, filters and panels); the rest is loading the page
and the library, and drawing.

    python benchmarks/explore_open.py --fnc ../shared/evaldata/fnc1 \\
        --polnear ../shared/evaldata/polnear/train [--polnear-articles 130] [--repeat 5]
    python benchmarks/explore_open.py --graph some-graph.json   # any graph written by build
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OPENED = """() => new Promise(done => {
    const wait = () => window.trackerExplorer && window.trackerExplorer.ready
        ? requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now())))
        : setTimeout(wait, 5);
    wait();
})"""


def fnc_story(folder: Path, articles: int) -> list:
    """The bodies of the FNC-1 headline with the most related bodies, as articles."""
    from tracker.ingest.readers import article_from_text

    csv.field_size_limit(10**7)
    with (folder / "train_stances.csv").open(encoding="utf-8") as handle:
        related = defaultdict(set)
        for row in csv.DictReader(handle):
            if row["Stance"] != "unrelated":
                related[row["Headline"]].add(int(row["Body ID"]))
    headline = min(related, key=lambda h: (-len(related[h]), h))
    chosen = sorted(related[headline])[:articles]
    with (folder / "train_bodies.csv").open(encoding="utf-8") as handle:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(handle)}
    return [article_from_text(bodies[i], id=f"fnc-body-{i}", parse_header=False) for i in chosen]


def polnear_articles(folder: Path, count: int) -> list:
    """The first ``count`` PolNeAR articles in name order."""
    from tracker.ingest.readers import article_from_text

    paths = sorted(folder.glob("text/*.txt"))[:count]
    return [
        article_from_text(p.read_text(encoding="utf-8"), id=p.stem, parse_header=False)
        for p in paths
    ]


def graph_of(articles: list):
    from tracker.graph.build import build_graph
    from tracker.pipeline import extract_attributions

    return build_graph(extract_attributions(articles), {a.id: a for a in articles})


def measure(browser, graph, name: str, repeat: int) -> dict:
    from tracker.present.explore import write_explorer

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        path = write_explorer(graph, Path(folder) / "page.html")
        written = time.perf_counter() - started
        size = path.stat().st_size
        opens, scripts = [], []
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors: list[str] = []
            page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
            page.goto(path.as_uri(), wait_until="commit")
            opens.append(page.evaluate(OPENED) / 1000)
            timings = page.evaluate("window.trackerExplorer.timings")
            scripts.append((timings["ready"] - timings["start"]) / 1000)
            page.close()
            if errors:
                raise SystemExit(f"{name}: the page failed: {errors[0]}")
    sources = sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "source")
    return {
        "graph": name,
        "nodes": graph.number_of_nodes(),
        "sources": sources,
        "claims": graph.number_of_nodes() - sources,
        "edges": graph.number_of_edges(),
        "page_mb": round(size / 1e6, 2),
        "write_s": round(written, 2),
        "open_median_s": round(statistics.median(opens), 2),
        "open_max_s": round(max(opens), 2),
        "script_median_s": round(statistics.median(scripts), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fnc", type=Path, help="FNC-1 folder (train_stances.csv, bodies)")
    parser.add_argument("--articles", type=int, default=40, help="articles of the FNC-1 story")
    parser.add_argument("--polnear", type=Path, help="a PolNeAR split folder (with text/)")
    parser.add_argument(
        "--polnear-articles", type=int, default=130, help="PolNeAR articles (about 2,000 nodes)"
    )
    parser.add_argument("--graph", type=Path, action="append", default=[], help="a graph file")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from tests.browser import launch_chromium
    from tracker.io import read_graph

    graphs = []
    if args.fnc:
        story = fnc_story(args.fnc, args.articles)
        graphs.append((f"FNC-1 story, {len(story)} articles", graph_of(story)))
    if args.polnear:
        articles = polnear_articles(args.polnear, args.polnear_articles)
        graphs.append((f"PolNeAR train, first {len(articles)} articles", graph_of(articles)))
    graphs += [(str(path.name), read_graph(path)) for path in args.graph]
    with launch_chromium() as browser:
        for name, graph in graphs:
            print(measure(browser, graph, name, args.repeat), flush=True)


if __name__ == "__main__":
    main()
