"""``tracker check`` over a story store against over the same files, and what keeping the
sentences costs ``tracker add``.

Writes ``--articles`` FNC-1 training bodies (default 200; then 50 more) as text files into
``--work`` and measures in one run, with the spaCy pipeline loaded once:

- checking the headlines of the first bodies (one, then all) against the bodies' files
  (each body parsed) and against a store of them (only the claims parsed), with the
  articles' reading timed apart; the verdicts must be identical, or the run fails;
- adding the bodies to a store as ``tracker add`` does (their sentences kept for check)
  against adding them with the sentences not kept (the reader switched off), in batches of
  25 given to both in turns, so the ratio is what keeping them costs;
- the story store's growth ratio at this size (as ``benchmarks/store.py`` takes it): adding
  50 more bodies to the full store against adding them to an empty one (mean of a run
  before and after);
- the store's size per article, and the part of it the kept sentences take.

    python benchmarks/check_store.py --fnc ../shared/evaldata/fnc1 --work /tmp/check-store

Nothing of the corpus's text goes anywhere but ``--work``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import platform
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from store import add_timed, growth, timed  # benchmarks/store.py, beside this script

EXTRA = 50


def write_bodies(fnc: Path, work: Path, count: int) -> tuple[Path, Path, list[str]]:
    """The first ``count`` non-empty bodies into ``work/bodies``, the next 50 into
    ``work/extra``; returns both folders and the headlines of the first bodies."""
    csv.field_size_limit(sys.maxsize)
    bodies, extra = work / "bodies", work / "extra"
    for folder in (bodies, extra):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    ids: list[str] = []
    with (fnc / "train_bodies.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if not row["articleBody"].strip():
                continue
            folder = bodies if len(ids) < count else extra
            (folder / f"fnc-{row['Body ID']}.txt").write_text(row["articleBody"], encoding="utf-8")
            ids.append(row["Body ID"])
            if len(ids) == count + EXTRA:
                break
    first = set(ids[: max(1, count // 20)])
    headlines: list[str] = []
    with (fnc / "train_stances.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Body ID"] in first and row["Headline"] not in headlines:
                headlines.append(row["Headline"])
    return bodies, extra, headlines


@contextlib.contextmanager
def sentences_not_kept() -> Iterator[None]:
    """Inside, ``add`` keeps no sentences for check (the reader switched off), as a store
    did before they were kept."""
    import tracker.check.text as text

    reader = text.parse_extracted
    text.parse_extracted = lambda extracted, docs: None  # type: ignore[assignment]
    try:
        yield
    finally:
        text.parse_extracted = reader  # type: ignore[assignment]


def check_both(nlp, bodies: Path, store: Path, claims: list[str]) -> dict[str, object]:
    """Check the claims against the files and against the store, timing the articles'
    reading (and parsing) and the checking apart; the verdicts must agree."""
    from tracker.check.checker import ClaimChecker, ClaimRequest, check_requests
    from tracker.ingest import read_articles
    from tracker.store.sentences import add_store_articles

    requests = [ClaimRequest(c) for c in claims]
    out: dict[str, object] = {"claims": len(claims)}
    verdicts = {}
    for way in ("files", "store"):
        checker = ClaimChecker(nlp)
        if way == "files":
            out["files_read_and_parse_s"], _ = timed(
                lambda checker=checker: checker.add_articles(read_articles([bodies]))
            )
        else:
            out["store_read_s"], _ = timed(
                lambda checker=checker: add_store_articles(checker, store)
            )
        out[f"{way}_first_claim_s"], _ = timed(
            lambda checker=checker: list(check_requests(requests[:1], checker))
        )
        out[f"{way}_all_claims_s"], found = timed(
            lambda checker=checker: [v.to_dict() for v in check_requests(requests, checker)]
        )
        verdicts[way] = found
    assert verdicts["store"] == verdicts["files"], "the store's verdicts differ from the files'"
    counts: dict[str, int] = {}
    for v in verdicts["store"]:
        counts[v["verdict"]] = counts.get(v["verdict"], 0) + 1
    out.update(verdicts=len(verdicts["store"]), verdict_counts=counts, identical=True)
    for way in ("files", "store"):
        ready = out["files_read_and_parse_s" if way == "files" else "store_read_s"]
        out[f"{way}_one_claim_s"] = ready + out[f"{way}_first_claim_s"]  # type: ignore[operator]
    out["one_claim_files_over_store"] = out["files_one_claim_s"] / out["store_one_claim_s"]  # type: ignore[operator]
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in out.items()}


def kept_bytes(path: Path) -> int:
    """Bytes of the store's pages that hold the kept sentences."""
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(
            "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'check_sentences%' "
            "OR name LIKE 'sqlite_autoindex_check_sentences%'"
        ).fetchone()
        return int(row[0] or 0)
    except sqlite3.OperationalError:  # SQLite built without the dbstat table
        return -1
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fnc", type=Path, required=True, help="FNC-1 folder (train_*.csv)")
    parser.add_argument("--work", type=Path, required=True, help="folder for files and stores")
    parser.add_argument("--articles", type=int, default=200, help="bodies in the store")
    args = parser.parse_args()

    from tracker.extract import SpacyExtractor
    from tracker.ingest import read_articles

    args.work.mkdir(parents=True, exist_ok=True)
    bodies, extra_folder, claims = write_bodies(args.fnc, args.work, args.articles)
    articles, extra = read_articles([bodies]), read_articles([extra_folder])
    extractor = SpacyExtractor()
    list(extractor.extract_many(extra[:2]))  # warm up
    report: dict[str, object] = {
        "machine": f"{platform.processor() or platform.machine()}, Python {platform.python_version()}",
        "articles": len(articles),
        "extra_articles": len(extra),
    }
    full, plain = args.work / "full.db", args.work / "plain.db"
    for path in (full, plain):
        path.unlink(missing_ok=True)
    # the same batches of 25 to both stores, in turns (which goes first alternates), so a
    # change in the machine's load falls on both alike
    kept = not_kept = 0.0
    for n, start in enumerate(range(0, len(articles), 25)):
        batch = articles[start : start + 25]
        for keep in (True, False) if n % 2 == 0 else (False, True):
            with contextlib.nullcontext() if keep else sentences_not_kept():
                seconds = add_timed(full if keep else plain, batch, extractor)
            kept, not_kept = (kept + seconds, not_kept) if keep else (kept, not_kept + seconds)
    report["add_kept_s"] = round(kept, 1)
    report["add_not_kept_s"] = round(not_kept, 1)
    report["add_kept_over_not_kept"] = round(kept / not_kept, 2)
    report.update(check_both(extractor.nlp, bodies, full, claims))
    report.update(growth(args.work, full, extra, extractor))
    size = full.stat().st_size
    report["bytes_per_article"] = round(size / len(articles))
    report["kept_sentences_bytes_per_article"] = round(kept_bytes(full) / len(articles))
    report["plain_bytes_per_article"] = round(plain.stat().st_size / len(articles))
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
