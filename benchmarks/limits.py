"""Extraction time and peak memory against the size of one article's text.

The article-size limit (``tracker.ingest.readers.MAX_ARTICLE_CHARS``) is set where these
stay reasonable.  Each size runs in its own process, so its peak memory is its own; the
text is the synthetic Orla Star articles of ``data/synthetic`` repeated, either as ordinary
paragraphs or as one long paragraph (which extraction parses in pieces of
``MAX_PARAGRAPH_CHARS``).

    python benchmarks/limits.py                         # 25k to 200k characters
    python benchmarks/limits.py --sizes 50000 100000 --shape one-paragraph
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def synthetic_text(size: int, shape: str) -> str:
    from tracker.ingest.readers import read_articles

    paragraphs = [
        p.text for a in read_articles([ROOT / "data" / "synthetic"]) for p in a.paragraphs
    ]
    pieces: list[str] = []
    total = 0
    while total < size:
        for paragraph in paragraphs:
            pieces.append(paragraph)
            total += len(paragraph) + 2
            if total >= size:
                break
    joiner = " " if shape == "one-paragraph" else "\n\n"
    return joiner.join(pieces)[:size]


def run_one(size: int, shape: str) -> dict:
    from tracker.ingest.readers import article_from_text
    from tracker.nlp import load_pipeline
    from tracker.pipeline import extract_attributions

    nlp = load_pipeline()
    list(nlp.pipe(["Officials said the port was closed."]))  # warm up
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    text = synthetic_text(size, shape)
    article = article_from_text(text, id="big", parse_header=False, synthetic=True)
    start = time.perf_counter()
    records = extract_attributions([article], nlp=nlp)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "chars": len(text),
        "shape": shape,
        "seconds": round(seconds, 2),
        "chars_per_s": round(len(text) / seconds),
        "peak_mib": round(peak / 1024),
        "growth_mib": round((peak - base) / 1024),
        "attributions": len(records),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[25_000, 100_000, 200_000])
    parser.add_argument("--shape", choices=["paragraphs", "one-paragraph"], default="paragraphs")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.shape)))
        return
    print("| chars | shape | seconds | chars/s | peak MiB | growth MiB | attributions |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for size in args.sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--shape", args.shape],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"| {row['chars']:,} | {row['shape']} | {row['seconds']} | {row['chars_per_s']:,} "
            f"| {row['peak_mib']} | {row['growth_mib']} | {row['attributions']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
