"""Corpus scale: build time and peak memory against bare spaCy parsing as the corpus grows,
the growth of claim grouping, the speed-up of two workers, and the analyses on a large graph.

Articles are distinct: PolNeAR training texts, then FNC-1 training bodies (neither is
committed; pass their paths); past the end of both, the first ones again under a marked id
(``~2``).  Each phase runs in its own process over the largest size and notes its running
totals when it has read 100, 400, 1,600 ... articles, so one pass gives every size.

- ``bare``: spaCy's own pipeline over the same paragraphs (tracker's components off);
- ``build``: extraction streamed over the largest size; at each size, what a build of that
  many articles does next, each step timed: one id per source, claim grouping (with the
  final claim pass), the graph.  A size's build time is its extraction plus those;
- ``workers``: extraction of the first ``--worker-articles`` articles with 1 and 2 workers;
- ``analyses``: contested, claims, sources and a claim timeline on the graph of each size
  (of the build phase's records, so nothing is extracted twice).

The growth exponents are least-squares slopes of log time over log records.

    python benchmarks/scale.py --polnear ../shared/evaldata/polnear/train/text \\
        --fnc ../shared/evaldata/fnc1/train_bodies.csv --sizes 100 400 840 1600 3200
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
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_articles(polnear: Path | None, fnc: Path | None, limit: int, *, repeat: bool = True):
    """The PolNeAR texts, then FNC-1 bodies, up to ``limit``; when there are fewer (and
    ``repeat``), the first ones again under a marked id (``~2``, ``~3`` ...)."""
    from dataclasses import replace

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
    distinct, copy = len(articles), 2
    while repeat and articles and len(articles) < limit:
        for article in articles[:distinct]:
            if len(articles) >= limit:
                break
            articles.append(replace(article, id=f"{article.id}~{copy}"))
        copy += 1
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


def group(items, clock=time.perf_counter) -> tuple[list, dict]:
    """What a build does after extraction, timed step by step (by ``clock``): one id per
    source over the corpus, claim grouping, the graph."""
    from tracker.graph.build import build_graph
    from tracker.pipeline import one_id_per_source
    from tracker.resolve.claims import assign_claims

    timing = {}
    start = clock()
    unified = one_id_per_source(items)
    timing["sources_seconds"] = clock() - start
    start = clock()
    records = assign_claims(unified)
    timing["claims_seconds"] = clock() - start
    start = clock()
    graph = build_graph(records, {item.article.id: item.article for item in items})
    timing["graph_seconds"] = clock() - start
    timing["claims"] = sum(1 for _, a in graph.nodes(data=True) if a.get("kind") == "claim")
    return records, timing


def phase_build(articles, sizes, records_out: Path | None) -> list[dict]:
    """Extraction streams over the largest size; at each size, what a build of that many
    articles does next (sources, claims, graph) runs on the articles so far.  A size's build
    time is the extraction up to it plus that."""
    from tracker.extract.extractor import SpacyExtractor
    from tracker.extract.parallel import extract_stream
    from tracker.io import write_attributions

    extractor = SpacyExtractor()
    items: list = []
    marks: list[dict] = []
    extracting = 0.0
    start = time.perf_counter()
    for n, item in enumerate(extract_stream(extractor, articles), start=1):
        items.append(item)
        if n not in sizes:
            continue
        extracting += time.perf_counter() - start
        if not marks:
            group(items[:1])  # first-use costs (the paraphrase vectors are read) stay out
        records, timing = group(items)
        grouping = timing["sources_seconds"] + timing["claims_seconds"] + timing["graph_seconds"]
        marks.append(
            {
                "articles": n,
                "records": len(records),
                **timing,
                "extract_seconds": extracting,
                "grouping_seconds": grouping,
                "seconds": extracting + grouping,
                "peak_mib": peak_mib(),
            }
        )
        if n == max(sizes) and records_out is not None:
            write_attributions(records, records_out)
        start = time.perf_counter()
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
    if records_path is not None:  # the build phase's, or tracker extract's over the articles
        records = list(read_attributions(records_path))
    else:
        records = extract_attributions(articles[: max(sizes)])
    by_article = {a.id: n for n, a in enumerate(articles)}
    for size in sorted(sizes):
        graph = build_graph([r for r in records if by_article.get(r.article_id, 0) < size])
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
        "--records",
        type=Path,
        help="records of the articles (tracker extract) for the analyses; by default the build "
        "phase's",
    )
    parser.add_argument("--records-out", type=Path, help=argparse.SUPPRESS)
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
            "build": lambda: phase_build(articles, set(sizes), args.records_out),
            "workers": lambda: phase_workers(articles, args.worker_articles),
            "analyses": lambda: phase_analyses(articles, set(args.sizes), args.records),
        }[args.phase]()
        print(json.dumps(result))
        return
    print(f"{len(articles)} articles, sizes {sizes}", flush=True)
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        built = Path(scratch) / "records.jsonl"  # the build's records, for the analyses
        for phase in args.phases:
            command = [sys.executable, __file__, "--phase", phase, "--sizes", *map(str, sizes)]
            command += ["--worker-articles", str(args.worker_articles)]
            records = args.records or (built if built.exists() else None)
            for flag, value in (
                ("--polnear", args.polnear),
                ("--fnc", args.fnc),
                ("--records", records if phase == "analyses" else None),
                ("--records-out", built if phase == "build" and not args.records else None),
            ):
                if value is not None:
                    command += [flag, str(value)]
            start = time.perf_counter()
            out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
            results[phase] = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{phase} ({time.perf_counter() - start:.0f} s):",
                json.dumps(results[phase]),
                flush=True,
            )
    print(f"machine: {platform.machine()}, CPython {platform.python_version()}")
    if "bare" in results and "build" in results:
        print(
            "articles  records  build s  parse s  build/parse  sources s  claims s  graph s"
            "  peak MiB build/parse"
        )
        for b, p in zip(results["build"], results["bare"], strict=True):
            print(
                f"{b['articles']:>8} {b['records']:>8} {b['seconds']:>8.1f} {p['seconds']:>8.1f}"
                f" {b['seconds'] / p['seconds']:>12.2f} {b['sources_seconds']:>10.2f}"
                f" {b['claims_seconds']:>9.2f} {b['graph_seconds']:>8.2f}"
                f" {b['peak_mib']:>10.0f}/{p['peak_mib']:.0f}"
            )
    if "build" in results and len(results["build"]) > 1:
        rows = results["build"]
        xs = [r["records"] for r in rows]
        for name, key in (
            ("claim grouping", "claims_seconds"),
            ("joining sources", "sources_seconds"),
            ("the graph", "graph_seconds"),
            ("all three", "grouping_seconds"),
        ):
            print(f"{name}: time grows as records^{slope(xs, [r[key] for r in rows]):.2f}")
    if "analyses" in results:
        print("articles    edges  contested s  claims s  sources s  timeline s")
        for a in results["analyses"]:
            print(
                f"{a['articles']:>8} {a['edges']:>8} {a['contested']:>12.2f} {a['claims']:>9.2f}"
                f" {a['sources']:>10.2f} {a['timeline']:>11.2f}"
            )
    if "workers" in results:
        one, two = results["workers"]
        print(f"2 workers: {one['seconds'] / two['seconds']:.2f}x faster than 1")


if __name__ == "__main__":
    main()
