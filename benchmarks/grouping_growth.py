"""How claim grouping's time grows with the corpus, on records extracted once and cached.

Extraction is the slow part and does not change while grouping is worked on, so it runs once
and writes each article's records, claim signatures and aliases to a JSON Lines cache (keep it
outside the repository: it holds the articles' text).  Then the grouping steps run alone on
prefixes of the cache (100, 400, 1,600 ... articles), each timed apart: the source pass
(``unify_sources``), assigning claims article by article, the final claim pass
(``resolve``) and the graph.  The growth exponent is the least-squares slope of log time over
log records.  Articles past the end of the data are the first ones again under a marked id
(``~2``), as ``benchmarks/scale.py`` repeats them.

    python benchmarks/grouping_growth.py extract /tmp/records.jsonl \\
        --polnear ../shared/evaldata/polnear/train/text \\
        --fnc ../shared/evaldata/fnc1/train_bodies.csv --limit 3200
    python benchmarks/grouping_growth.py time /tmp/records.jsonl --sizes 100 400 1600 3200

``--build-steps`` times instead what ``benchmarks/scale.py`` times after extraction at each
size (its ``group()``: sources, claims with the final pass, the graph, as a build runs them),
the best of ``--repeat`` runs at each size, in CPU seconds of the process.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import load_articles, slope  # noqa: E402


def write_cache(path: Path, polnear: Path | None, fnc: Path | None, limit: int, workers: int):
    from tracker.extract.parallel import ExtractionSettings, extract_in_processes, extract_stream
    from tracker.store.records import signature_json

    articles = load_articles(polnear, fnc, limit, repeat=False)
    settings = ExtractionSettings()
    items = (
        extract_in_processes(articles, settings, workers=workers)
        if workers > 1
        else extract_stream(settings.extractor(), articles)
    )
    start = time.perf_counter()
    with path.open("w", encoding="utf-8") as out:
        for n, item in enumerate(items, start=1):
            data = {
                "article": item.article.to_dict(),
                "attributions": [r.to_dict() for r in item.attributions],
                "signatures": {k: signature_json(s) for k, s in item.signatures.items()},
                "aliases": item.aliases,
            }
            out.write(json.dumps(data, ensure_ascii=False) + "\n")
            if n % 100 == 0:
                rate = n / (time.perf_counter() - start)
                print(f"{n} articles, {rate:.2f}/s", file=sys.stderr, flush=True)


def read_cache(path: Path, limit: int) -> list:
    """The first ``limit`` cached articles, the first ones again under a marked id when the
    cache has fewer."""
    from tracker.extract.extractor import ExtractedArticle
    from tracker.model import Article, Attribution
    from tracker.store.records import signature_from_json

    items = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if len(items) >= limit:
                break
            data = json.loads(line)
            items.append(
                ExtractedArticle(
                    Article.from_dict(data["article"]),
                    [Attribution.from_dict(r) for r in data["attributions"]],
                    {k: signature_from_json(s) for k, s in data["signatures"].items()},
                    [tuple(pair) for pair in data["aliases"]],
                )
            )
    distinct, copy = len(items), 2
    while items and len(items) < limit:
        for item in items[:distinct]:
            if len(items) >= limit:
                break
            items.append(_marked(item, f"~{copy}"))
        copy += 1
    return items


def _marked(item, mark: str):
    def rid(value: str | None) -> str | None:
        return None if value is None else value + mark

    return replace(
        item,
        article=replace(item.article, id=item.article.id + mark),
        attributions=[
            replace(r, id=r.id + mark, article_id=r.article_id + mark, via=rid(r.via))
            for r in item.attributions
        ],
        signatures={k + mark: s for k, s in item.signatures.items()},
    )


def time_steps(items) -> dict:
    from tracker.graph.build import build_graph
    from tracker.pipeline import one_id_per_source
    from tracker.resolve.claims import ClaimRegistry

    timing: dict = {"articles": len(items)}
    start = time.process_time()
    items = one_id_per_source(items)
    timing["sources"] = time.process_time() - start
    registry = ClaimRegistry()
    start = time.process_time()
    records = [r for item in items for r in registry.assign(item)]
    timing["assign"] = time.process_time() - start
    start = time.process_time()
    records = registry.resolve(records)
    timing["resolve"] = time.process_time() - start
    start = time.process_time()
    build_graph(records, {item.article.id: item.article for item in items})
    timing["graph"] = time.process_time() - start
    timing["records"] = len(records)
    timing["claims"] = len(registry.claims)
    timing["grouping"] = timing["sources"] + timing["assign"] + timing["resolve"]
    return timing


def time_build_steps(items, repeat: int) -> dict:
    """``benchmarks/scale.py``'s ``group()`` on ``items``, in CPU seconds, the best of
    ``repeat`` runs (each from scratch)."""
    import gc

    import scale

    best: dict = {}
    for _ in range(repeat):
        gc.collect()
        records, timing = scale.group(items, clock=time.process_time)
        row = {
            "articles": len(items),
            "records": len(records),
            "claims": timing["claims"],
            "sources": timing["sources_seconds"],
            "assign": timing["claims_seconds"],  # claims with the final pass
            "resolve": 0.0,
            "graph": timing["graph_seconds"],
        }
        row["grouping"] = row["sources"] + row["assign"] + row["graph"]
        if not best or row["grouping"] < best["grouping"]:
            best = row
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="extract the articles once into a cache")
    extract.add_argument("cache", type=Path)
    extract.add_argument("--polnear", type=Path, help="folder of PolNeAR .txt articles")
    extract.add_argument("--fnc", type=Path, help="FNC-1 train_bodies.csv")
    extract.add_argument("--limit", type=int, default=3200)
    extract.add_argument("--workers", type=int, default=1)
    timing = sub.add_parser("time", help="time the grouping steps on prefixes of the cache")
    timing.add_argument("cache", type=Path)
    timing.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600, 3200])
    timing.add_argument("--profile", action="store_true", help="profile the largest size")
    timing.add_argument(
        "--build-steps",
        action="store_true",
        help="time benchmarks/scale.py's group() (sources, claims with the final pass, graph)",
    )
    timing.add_argument("--repeat", type=int, default=1, help="best of N at each size")
    args = parser.parse_args()
    if args.command == "extract":
        write_cache(args.cache, args.polnear, args.fnc, args.limit, args.workers)
        return
    time_steps(read_cache(args.cache, 1))  # first-use costs (the paraphrase vectors) stay out
    rows = []
    print("articles  records  claims  sources s  assign s  resolve s  graph s  grouping s")
    if args.build_steps:
        print(
            "(build steps: 'assign s' is claims with the final pass; 'grouping s' adds the graph)"
        )
    for size in sorted(args.sizes):
        items = read_cache(args.cache, size)
        if args.build_steps:
            row = time_build_steps(items, args.repeat)
        else:
            row = min((time_steps(items) for _ in range(args.repeat)), key=lambda r: r["grouping"])
        rows.append(row)
        print(
            f"{row['articles']:>8} {row['records']:>8} {row['claims']:>7} {row['sources']:>10.2f}"
            f" {row['assign']:>9.2f} {row['resolve']:>10.2f} {row['graph']:>8.2f}"
            f" {row['grouping']:>11.2f}",
            flush=True,
        )
    if len(rows) > 1:
        xs = [r["records"] for r in rows]
        steps = (
            ("sources", "assign", "graph", "grouping")
            if args.build_steps
            else ("sources", "assign", "resolve", "graph", "grouping")
        )
        for step in steps:
            print(f"{step}: time grows as records^{slope(xs, [r[step] for r in rows]):.2f}")
    if args.profile:
        items = read_cache(args.cache, max(args.sizes))
        profiler = cProfile.Profile()
        profiler.runcall(time_steps, items)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
