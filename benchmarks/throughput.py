"""Throughput of `tracker extract` against bare spaCy parsing of the same text.

Both phases parse exactly the same paragraphs with the same pipeline; the tracker phase
also runs the attribution rules, source resolution and claim grouping.  Each phase runs in
its own process (so peak memory is its own), alternating, best of ``--repeat`` runs.  The
figure to watch is the ratio tracker / bare words per second (1.0 = no overhead).

    python benchmarks/throughput.py                       # data/ articles, repeated
    python benchmarks/throughput.py --texts ../shared/evaldata/polnear/dev/text
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_articles(texts: Path | None, copies: int):
    from tracker.ingest.readers import article_from_text, read_articles

    if texts is None:
        base = read_articles([ROOT / "data"])
    else:
        base = [
            article_from_text(p.read_text(encoding="utf-8"), id=p.stem, parse_header=False)
            for p in sorted(texts.glob("*.txt"))
        ]
    return [
        article_from_text(a.text, id=f"{a.id}-{n}", title=a.title, date=a.date)
        if texts is None
        else a
        for n in range(copies)
        for a in base
    ]


def run_phase(phase: str, texts: Path | None, copies: int) -> dict:
    from tracker.nlp import load_pipeline
    from tracker.pipeline import extract_attributions

    nlp = load_pipeline()
    articles = load_articles(texts, copies)
    paragraphs = [p.text for a in articles for p in a.paragraphs]
    words = sum(len(p.split()) for p in paragraphs)
    list(nlp.pipe(paragraphs[:20]))  # warm up
    start = time.perf_counter()
    if phase == "bare":
        # spaCy's own components only: tracker's lemma repair counts as tracker's work
        own = [name for name in nlp.pipe_names if name.startswith("tracker_")]
        with nlp.select_pipes(disable=own):
            for _ in nlp.pipe(paragraphs, batch_size=64):
                pass
        records = 0
    else:
        records = len(extract_attributions(articles, nlp=nlp))
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "phase": phase,
        "articles": len(articles),
        "words": words,
        "seconds": seconds,
        "words_per_second": words / seconds,
        "records": records,
        "peak_mib": peak_mib,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--texts", type=Path, help="folder of .txt articles (default: data/, repeated)"
    )
    parser.add_argument(
        "--copies", type=int, default=40, help="how many times to repeat data/ (default 40)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per phase; the best is kept")
    parser.add_argument("--phase", choices=["bare", "tracker"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    copies = args.copies if args.texts is None else 1
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.texts, copies)))
        return

    best: dict[str, dict] = {}
    for _ in range(args.repeat):
        for phase in ("bare", "tracker"):
            command = [sys.executable, __file__, "--phase", phase, "--copies", str(copies)]
            if args.texts:
                command += ["--texts", str(args.texts)]
            out = subprocess.run(
                command, check=True, capture_output=True, text=True, cwd=ROOT
            ).stdout
            result = json.loads(out.strip().splitlines()[-1])
            if phase not in best or result["seconds"] < best[phase]["seconds"]:
                best[phase] = result
    bare, tracked = best["bare"], best["tracker"]
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    )
    print(f"text: {bare['articles']} articles, {bare['words']} words")
    for r in (bare, tracked):
        print(
            f"{r['phase']:<8} {r['words_per_second']:>9.0f} words/s  {r['seconds']:6.2f} s  peak {r['peak_mib']:6.0f} MiB"
            + (f"  {r['records']} attributions" if r["phase"] == "tracker" else "")
        )
    print(f"ratio tracker/bare: {tracked['words_per_second'] / bare['words_per_second']:.2f}")


if __name__ == "__main__":
    main()
