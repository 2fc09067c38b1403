"""Corpus scale: build time and peak memory against bare spaCy parsing as the corpus grows,
the growth of claim grouping, the speed-up of two workers, and the analyses on a large graph.

Articles are distinct: PolNeAR training texts, then FNC-1 training bodies (neither is
committed; pass their paths); past the end of both, the first ones again under a marked id
(``~2``).  One pass over the largest size gives every size: each side notes its running
totals when it has read 100, 400, 1,600 ... articles.

- ``bare`` and ``build`` run together, interleaved, each in a process of its own (so each has
  its own pipeline, string store and tokenizer cache, and its own peak memory):

  - ``bare``: spaCy's own pipeline (tracker's components off) over the paragraphs the
    extractor parses, one ``nlp.pipe`` stream over every article;
  - ``build``: what ``tracker build`` does: extraction streamed over every article (spaCy's
    memory released every few hundred, as the command does); at each size, what a build
    of that many articles does next, each step timed: one id per source, claim grouping
    (with the final claim pass), the graph.  A size's build time is its extraction plus
    those.

  The two take turns, ``--step`` articles at a time (and up to each size), the other side
  waiting; the first turn alternates between them.  Each side times only its own turns
  (wall clock, and CPU time as a check), so a change in the machine's speed over the run
  falls on both alike rather than on whichever ran in the worse minutes.  build / parse at
  a size is the ratio of the two sides' totals up to it.
- ``workers``: extraction of the first ``--worker-articles`` articles with 1 and 2 workers;
- ``analyses``: contested, claims, sources and a claim timeline on the graph of each size
  (of the build side's records, so nothing is extracted twice).

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


class BareSide:
    """spaCy's own pipeline (tracker's components off) over the paragraphs the extractor
    parses, in one stream over every article (as ``nlp.pipe`` is meant to be used)."""

    def __init__(self, articles) -> None:
        from tracker.extract.extractor import paragraph_spans
        from tracker.nlp import load_pipeline

        nlp = load_pipeline()
        nlp.select_pipes(disable=[n for n in nlp.pipe_names if n.startswith("tracker_")])
        texts: list[str] = []
        self.counts: list[int] = []  # paragraphs of each article
        for article in articles:
            paragraphs = [s.text for s in paragraph_spans(article)] or [""]  # as extracted
            texts += paragraphs
            self.counts.append(len(paragraphs))
        self.docs = iter(nlp.pipe(texts, batch_size=64))
        self.done = 0

    def advance(self, upto: int) -> None:
        """Parse on to the end of article ``upto``."""
        for _ in range(sum(self.counts[self.done : upto])):
            next(self.docs)
        self.done = upto

    def mark(self, articles: int) -> dict:
        return {}


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


class BuildSide:
    """``tracker build``'s work: extraction streamed over every article (memory released
    every few hundred, as the command does); at each size, what a build of that many
    articles does next (sources, claims, graph) on the articles so far."""

    def __init__(self, articles, sizes: set[int], records_out: Path | None) -> None:
        from tracker.extract.extractor import SpacyExtractor
        from tracker.extract.parallel import extract_stream

        self.stream = extract_stream(SpacyExtractor(), articles)
        self.items: list = []
        self.sizes, self.records_out = sizes, records_out

    def advance(self, upto: int) -> None:
        """Extract on to the end of article ``upto``."""
        while len(self.items) < upto:
            self.items.append(next(self.stream))

    def mark(self, articles: int) -> dict:
        """Group the articles so far, timed (wall and CPU); the records, at the largest size,
        go to ``records_out`` for the analyses (not timed)."""
        if articles == min(self.sizes):
            group(self.items[:1])  # first-use costs (the paraphrase vectors are read) stay out
        wall, cpu = time.perf_counter(), time.process_time()
        records, timing = group(self.items)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if articles == max(self.sizes) and self.records_out is not None:
            from tracker.io import write_attributions

            write_attributions(records, self.records_out)
        return {
            "records": len(records),
            **timing,
            "grouping_seconds": wall,
            "grouping_cpu_seconds": cpu,
        }


def serve(side, sizes: set[int]) -> list[dict]:
    """One side of the interleaved run, in its own process: each line on stdin is a number
    of articles to advance to; only that work (and a size's grouping) is timed, and the
    side answers ``done``.  At the end of input, its totals at each size."""
    wall = cpu = 0.0
    marks = []
    print("ready", flush=True)
    for line in sys.stdin:
        upto = int(line)
        start, start_cpu = time.perf_counter(), time.process_time()
        side.advance(upto)
        wall += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        if upto in sizes:
            mark = side.mark(upto)
            grouping, grouping_cpu = (
                mark.get("grouping_seconds", 0.0),
                mark.get("grouping_cpu_seconds", 0.0),
            )
            marks.append(
                {
                    "articles": upto,
                    **mark,
                    **({"extract_seconds": wall} if "grouping_seconds" in mark else {}),
                    "seconds": wall + grouping,
                    "cpu_seconds": cpu + grouping_cpu,
                    "peak_mib": peak_mib(),
                }
            )
        print("done", flush=True)
    return marks


def interleave(commands: dict[str, list[str]], total: int, sizes: list[int], step: int) -> dict:
    """Run the sides (``bare``, ``build``) in processes of their own, alternately, ``step``
    articles at a time (and to each size), each taking the first turn on every other
    step, so that the machine's changes of speed fall on both alike.  One side waits
    while the other works."""
    stops = sorted(set(range(step, total, step)) | set(sizes) | {total})
    sides = {
        name: subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT
        )
        for name, command in commands.items()
    }
    try:
        for name, process in sides.items():
            if process.stdout.readline().strip() != "ready":
                raise SystemExit(f"the {name} side did not start")
        for turn, upto in enumerate(stops):
            order = list(sides.values())
            for process in order if turn % 2 == 0 else order[::-1]:
                process.stdin.write(f"{upto}\n")
                process.stdin.flush()
                if process.stdout.readline().strip() != "done":
                    raise SystemExit("a side stopped")
        results = {}
        for name, process in sides.items():
            out, _ = process.communicate()
            results[name] = json.loads(out.strip().splitlines()[-1])
            if process.returncode:
                raise SystemExit(f"the {name} side failed")
        return results
    finally:
        for process in sides.values():
            if process.poll() is None:
                process.kill()


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
    parser.add_argument(
        "--step",
        type=int,
        default=20,
        help="articles the bare parse and the build each take in turn (default 20)",
    )
    parser.add_argument("--phases", nargs="+", default=["bare", "build", "workers", "analyses"])
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = sorted(set(args.sizes))
    articles = load_articles(args.polnear, args.fnc, max(sizes))
    if articles:
        sizes = [s for s in sizes if s <= len(articles)]
    if args.phase in ("bare", "build"):
        if args.phase == "bare":
            side: BareSide | BuildSide = BareSide(articles)
        else:
            side = BuildSide(articles, set(sizes), args.records_out)
        print(json.dumps(serve(side, set(sizes))))
        return
    if args.phase:
        result = {
            "workers": lambda: phase_workers(articles, args.worker_articles),
            "analyses": lambda: phase_analyses(articles, set(args.sizes), args.records),
        }[args.phase]()
        print(json.dumps(result))
        return
    print(f"{len(articles)} articles, sizes {sizes}", flush=True)
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        built = Path(scratch) / "records.jsonl"  # the build's records, for the analyses
        paired = [p for p in args.phases if p in ("bare", "build")]
        for phase in dict.fromkeys(p if p not in paired else "+".join(paired) for p in args.phases):
            commands = {}
            for name in phase.split("+"):
                command = [sys.executable, __file__, "--phase", name, "--sizes", *map(str, sizes)]
                command += ["--worker-articles", str(args.worker_articles)]
                records = args.records or (built if built.exists() else None)
                for flag, value in (
                    ("--polnear", args.polnear),
                    ("--fnc", args.fnc),
                    ("--records", records if name == "analyses" else None),
                    ("--records-out", built if name == "build" and not args.records else None),
                ):
                    if value is not None:
                        command += [flag, str(value)]
                commands[name] = command
            start = time.perf_counter()
            if phase in ("workers", "analyses"):
                out = subprocess.run(
                    commands[phase], check=True, capture_output=True, text=True, cwd=ROOT
                )
                done = {phase: json.loads(out.stdout.strip().splitlines()[-1])}
            else:
                done = interleave(commands, len(articles), sizes, args.step)
            results.update(done)
            for name, result in done.items():
                print(
                    f"{name} ({time.perf_counter() - start:.0f} s):", json.dumps(result), flush=True
                )
    print(f"machine: {platform.machine()}, CPython {platform.python_version()}")
    if "bare" in results and "build" in results:
        print(
            "articles  records  build s  parse s  build/parse  (CPU)  sources s  claims s  graph s"
            "  peak MiB build/parse"
        )
        for b, p in zip(results["build"], results["bare"], strict=True):
            print(
                f"{b['articles']:>8} {b['records']:>8} {b['seconds']:>8.1f} {p['seconds']:>8.1f}"
                f" {b['seconds'] / p['seconds']:>12.2f} {b['cpu_seconds'] / p['cpu_seconds']:>6.2f}"
                f" {b['sources_seconds']:>10.2f} {b['claims_seconds']:>9.2f}"
                f" {b['graph_seconds']:>8.2f} {b['peak_mib']:>10.0f}/{p['peak_mib']:.0f}"
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
