"""Corpus scale: build time and peak memory against bare spaCy parsing as the corpus grows,
the growth of claim grouping, the speed-up of two workers, and the analyses on a large graph.

Articles are distinct: PolNeAR training texts, then FNC-1 training bodies (neither is
committed; pass their paths).  Each phase runs in its own process over the largest size and
notes its running totals when it has read 100, 400, 1,600 ... articles, so one pass gives
every size (grouping is incremental: its total after N articles is what N articles cost).

- ``bare``: spaCy's own pipeline over the same paragraphs (tracker's components off);
- ``build``: extraction, claim grouping, and at each size the final claim pass and the graph;
- ``workers``: extraction of the first ``--worker-articles`` articles with 1 and 2 workers;
- ``analyses``: contested, claims, sources and a claim timeline on the graph of each size.

    python benchmarks/scale.py --polnear ../shared/evaldata/polnear/train/text \\
        --fnc ../shared/evaldata/fnc1/train_bodies.csv --sizes 100 400 1600 3200
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_articles(polnear: Path | None, fnc: Path | None, limit: int):
    from tracker.ingest.readers import article_from_text

    articles = []
    if polnear is not None:
        for path in sorted(polnear.glob("*.txt")):
            articles.append(
                article_from_text(
                    path.read_text(encoding="utf-8"), id=path.stem, parse_header=False
                )
            )
    if fnc is not None and len(articles) < limit:
        csv.field_size_limit(sys.maxsize)
        with fnc.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if len(articles) >= limit:
                    break
                articles.append(
                    article_from_text(
                        row["articleBody"], id=f"fnc-{row['Body ID']}", parse_header=False
                    )
                )
    return articles[:limit]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_bare(articles, sizes) -> list[dict]:
    from tracker.nlp import load_pipeline

    nlp = load_pipeline()
    own = [name for name in nlp.pipe_names if name.startswith("tracker_")]
    texts = [(p.text, n) for n, a in enumerate(articles) for p in a.paragraphs]
    marks, done = [], 0
    start = time.perf_counter()
    with nlp.select_pipes(disable=own):
        for _, n in nlp.pipe(texts, as_tuples=True, batch_size=64):
            while done < n:  # articles before this paragraph's are parsed
                done += 1
                marks.append({"articles": done, "seconds": time.perf_counter() - start})
    marks.append({"articles": len(articles), "seconds": time.perf_counter() - start})
    return [dict(m, peak_mib=peak_mib()) for m in marks if m["articles"] in sizes]


def phase_build(articles, sizes) -> list[dict]:
    from tracker.extract.extractor import SpacyExtractor
    from tracker.extract.parallel import extract_stream
    from tracker.graph.build import build_graph
    from tracker.resolve.claims import ClaimRegistry

    extractor = SpacyExtractor()
    registry = ClaimRegistry()
    records: list = []
    grouping = 0.0
    marks = []
    start = time.perf_counter()
    for n, item in enumerate(extract_stream(extractor, articles), start=1):
        t = time.perf_counter()
        records.extend(registry.assign(item))
        grouping += time.perf_counter() - t
        if n in sizes:
            t = time.perf_counter()
            graph = build_graph(registry.resolve(records))
            final = time.perf_counter() - t
            # the claim pass and the graph are what a build of n articles ends with
            elapsed = time.perf_counter() - start
            marks.append(
                {
                    "articles": n,
                    "records": len(records),
                    "claims": sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "claim"),
                    "seconds": elapsed - sum(m["final_seconds"] for m in marks),
                    "grouping_seconds": grouping + final,
                    "final_seconds": final,
                    "peak_mib": peak_mib(),
                }
            )
    return marks


def phase_workers(articles, count: int) -> list[dict]:
    from tracker.pipeline import extract_attributions

    out = []
    for workers in (1, 2):
        start = time.perf_counter()
        records = extract_attributions(articles[:count], workers=workers)
        out.append(
            {"workers": workers, "seconds": time.perf_counter() - start, "records": len(records)}
        )
    return out


def phase_analyses(articles, sizes, records_path: Path | None) -> list[dict]:
    import pandas  # noqa: F401  (imported before timing: the first table would pay for it)

    from tracker.graph.analysis import claims_table, contested_claims, sources_table
    from tracker.graph.build import build_graph
    from tracker.io import read_attributions
    from tracker.pipeline import extract_attributions
    from tracker.store.timeline import claim_timeline

    out = []
    if records_path is not None:  # written by tracker extract over the same articles
        records = list(read_attributions(records_path))
        order = list(dict.fromkeys(r.article_id for r in records))
    else:
        records = extract_attributions(articles[: max(sizes)])
        order = [a.id for a in articles[: max(sizes)]]
    by_article = {article_id: n for n, article_id in enumerate(order)}
    # articles with no attribution add nothing: the largest size is the whole file
    for size in sorted(sizes):
        graph = build_graph([r for r in records if by_article[r.article_id] < size])
        timing = {"articles": size, "edges": graph.number_of_edges()}
        for name, run in (
            ("contested", contested_claims),
            ("claims", claims_table),
            ("sources", sources_table),
        ):
            start = time.perf_counter()
            run(graph)
            timing[name] = time.perf_counter() - start
        biggest = max(
            (n for n, a in graph.nodes(data=True) if a.get("kind") == "claim"),
            key=graph.in_degree,
        )
        start = time.perf_counter()
        claim_timeline(graph, biggest.removeprefix("claim:"))
        timing["timeline"] = time.perf_counter() - start
        out.append(timing)
    return out


def slope(xs: list[float], ys: list[float]) -> float:
    """The least-squares slope of log y over log x: the growth exponent."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum(
        (a - mx) ** 2 for a in lx
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, help="folder of PolNeAR .txt articles")
    parser.add_argument("--fnc", type=Path, help="FNC-1 train_bodies.csv")
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600, 3200])
    parser.add_argument("--worker-articles", type=int, default=100)
    parser.add_argument(
        "--records", type=Path, help="records of the articles (tracker extract) for the analyses"
    )
    parser.add_argument("--phases", nargs="+", default=["bare", "build", "workers", "analyses"])
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = sorted(set(args.sizes))
    articles = load_articles(args.polnear, args.fnc, max(sizes))
    if articles:
        sizes = [s for s in sizes if s <= len(articles)]
    if args.phase:
        result = {
            "bare": lambda: phase_bare(articles, set(sizes)),
            "build": lambda: phase_build(articles, set(sizes)),
            "workers": lambda: phase_workers(articles, args.worker_articles),
            "analyses": lambda: phase_analyses(articles, set(args.sizes), args.records),
        }[args.phase]()
        print(json.dumps(result))
        return
    results = {}
    for phase in args.phases:
        command = [sys.executable, __file__, "--phase", phase, "--sizes", *map(str, sizes)]
        command += ["--worker-articles", str(args.worker_articles)]
        for flag, value in (
            ("--polnear", args.polnear),
            ("--fnc", args.fnc),
            ("--records", args.records),
        ):
            if value is not None:
                command += [flag, str(value)]
        out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
        results[phase] = json.loads(out.stdout.strip().splitlines()[-1])
        print(phase, json.dumps(results[phase]), flush=True)
    print(f"machine: {platform.machine()}, CPython {platform.python_version()}")
    if "bare" in results and "build" in results:
        print("articles  records  build s  parse s  build/parse  grouping s  peak MiB build/parse")
        for b, p in zip(results["build"], results["bare"], strict=True):
            print(
                f"{b['articles']:>8} {b['records']:>8} {b['seconds']:>8.1f} {p['seconds']:>8.1f}"
                f" {b['seconds'] / p['seconds']:>12.2f} {b['grouping_seconds']:>11.1f}"
                f" {b['peak_mib']:>8.0f}/{p['peak_mib']:.0f}"
            )
    if "build" in results and len(results["build"]) > 1:
        rows = results["build"]
        exponent = slope([r["records"] for r in rows], [r["grouping_seconds"] for r in rows])
        print(f"grouping time grows as records^{exponent:.2f}")
    if "workers" in results:
        one, two = results["workers"]
        print(f"2 workers: {one['seconds'] / two['seconds']:.2f}x faster than 1")


if __name__ == "__main__":
    main()
