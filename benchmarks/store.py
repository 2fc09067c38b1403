"""The story store at corpus size: adding to a full store, and the views over it.

Stores 2,000 articles (PolNeAR train text, then FNC-1 train bodies; each given a made-up
outlet and date so the views have something to group), then measures in one run:

- adding 50 more articles to the full store against adding the same 50 to an empty store
  (same pipeline, loaded once; the empty-store figure is the mean of a run before and
  after), target ratio <= 1.5;
- ``contested``, ``timeline`` (the claim with the most attributions) and ``outlets`` on
  the full store, each from opening the file to the finished result, target < 5 s each;
- the store's size per article.

    python benchmarks/store.py --polnear ../shared/evaldata/polnear/train \\
        --fnc ../shared/evaldata/fnc1/train_bodies.csv --work /tmp/store-bench

The full store is built once into ``--work`` and reused by later runs (its build time is
printed when it is built); the 50-article runs always work on copies.  None of the
corpora's text goes anywhere but ``--work``.
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import shutil
import sys
import time
from pathlib import Path

STORED = 2000
EXTRA = 50
OUTLETS = 7


def load_articles(polnear: Path, fnc: Path, count: int):
    from tracker.ingest import article_from_text

    texts: list[tuple[str, str]] = []
    for path in sorted((polnear / "text").glob("*.txt")):
        texts.append((f"polnear-{path.stem}", path.read_text(encoding="utf-8")))
    csv.field_size_limit(sys.maxsize)
    with fnc.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            texts.append((f"fnc-{row['Body ID']}", row["articleBody"]))
    articles = []
    for n, (article_id, text) in enumerate(texts[:count]):
        if not text.strip():
            continue
        articles.append(
            article_from_text(
                text,
                id=article_id,
                date=f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
                outlet=f"Outlet {n % OUTLETS} (benchmark)",
                parse_header=False,
            )
        )
    return articles


def timed(func):
    start = time.perf_counter()
    value = func()
    return time.perf_counter() - start, value


def add_timed(path: Path, articles, extractor) -> float:
    from tracker.store import add_articles

    seconds, result = timed(lambda: add_articles(path, articles, extractor=extractor))
    assert len(result.added) == len(articles), result.summary()
    return seconds


def growth(work: Path, full: Path, extra, extractor) -> dict[str, object]:
    """Adding ``extra`` to a copy of the store ``full`` (``work/full-plus.db``) against
    adding it to an empty store (the mean of a run before and after)."""
    out: dict[str, object] = {}
    empty_runs = []
    for n in range(2):
        empty = work / f"empty-{n}.db"
        empty.unlink(missing_ok=True)
        if n == 1:
            grown = work / "full-plus.db"
            shutil.copyfile(full, grown)
            out["add_to_full_s"] = round(add_timed(grown, extra, extractor), 2)
        empty_runs.append(add_timed(empty, extra, extractor))
    out["add_to_empty_s"] = [round(s, 2) for s in empty_runs]
    out["ratio_full_to_empty"] = round(
        out["add_to_full_s"] / (sum(empty_runs) / len(empty_runs)),  # type: ignore[operator]
        2,
    )
    return out


def views(path: Path) -> dict[str, float]:
    from tracker.graph.analysis import contested_claims
    from tracker.io import read_graph
    from tracker.store.outlets import outlet_report
    from tracker.store.timeline import claim_timeline

    out = {}
    out["contested"], found = timed(lambda: contested_claims(read_graph(path)))
    graph = read_graph(path)
    busiest = max(
        (n for n, a in graph.nodes(data=True) if a.get("kind") == "claim"),
        key=lambda n: graph.in_degree(n),
    )
    out["timeline"], _ = timed(lambda: claim_timeline(read_graph(path), busiest))
    out["outlets"], _ = timed(lambda: outlet_report(read_graph(path)))
    out["contested_claims"] = len(found)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--polnear", type=Path, required=True, help="PolNeAR split folder")
    parser.add_argument("--fnc", type=Path, required=True, help="FNC-1 train_bodies.csv")
    parser.add_argument("--work", type=Path, required=True, help="folder for the stores")
    parser.add_argument("--build-only", action="store_true", help="only build the full store")
    parser.add_argument("--stored", type=int, default=STORED, help="articles in the full store")
    args = parser.parse_args()

    from tracker.extract import SpacyExtractor
    from tracker.store import open_store, store_counts

    articles = load_articles(args.polnear, args.fnc, args.stored + EXTRA)
    stored, extra = articles[: args.stored], articles[args.stored : args.stored + EXTRA]
    extractor = SpacyExtractor()
    list(extractor.extract_many(extra[:2]))  # warm up
    args.work.mkdir(parents=True, exist_ok=True)
    full = args.work / "full.db"
    report: dict[str, object] = {
        "machine": f"{platform.processor() or platform.machine()}, Python {platform.python_version()}",
        "stored_articles": len(stored),
        "extra_articles": len(extra),
    }
    if not full.exists():
        partial = args.work / "full.db.partial"
        partial.unlink(missing_ok=True)
        report["build_full_s"] = round(add_timed(partial, stored, extractor), 1)
        partial.rename(full)
    if args.build_only:
        print(json.dumps(report, indent=1))
        return
    report.update(growth(args.work, full, extra, extractor))
    grown = args.work / "full-plus.db"
    counts = store_counts(open_store(grown))
    report["store"] = counts
    report["bytes_per_article"] = round(grown.stat().st_size / (len(stored) + len(extra)))
    report.update({k: round(v, 2) for k, v in views(grown).items()})
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
