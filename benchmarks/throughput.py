"""Throughput of `tracker extract` against bare spaCy parsing of the same text.

Both phases parse exactly the same paragraphs with the same pipeline; the tracker phase
also runs the attribution rules, source resolution and claim grouping.  Each phase runs in
its own process (so peak memory is its own), alternating, best of ``--repeat`` runs.  The
figure to watch is the ratio tracker / bare words per second (1.0 = no overhead).

The articles are distinct, so claim grouping meets as many claims as a real corpus of that
size gives: ``--corpus`` is a folder of plain ``.txt`` articles (read as PolNeAR's are, with no
header), or anything ``tracker extract`` reads (a folder, JSON Lines, JSON).  Without it, the
PolNeAR training texts next to the repository are used when they are there; otherwise the
bundled ``data/`` articles, repeated, with a note that grouping is then barely exercised
(the same few contents over and over join the same few claims).

    python benchmarks/throughput.py                       # PolNeAR train if present, else data/
    python benchmarks/throughput.py --corpus ../shared/evaldata/polnear/dev/text --limit 100
    python benchmarks/throughput.py --corpus articles.jsonl
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
#: Where the PolNeAR training texts are when the evaluation data sits next to the repository.
POLNEAR_TRAIN = ROOT.parent / "shared" / "evaldata" / "polnear" / "train" / "text"

FALLBACK_NOTE = (
    "note: no corpus given and no PolNeAR texts at {where}: measuring on data/ repeated "
    "{copies} times, so claim grouping is NOT exercised (the same contents join the same few "
    "claims); pass --corpus FOLDER for a real figure"
)


def load_articles(corpus: Path | None, limit: int, copies: int):
    """``limit`` distinct articles of ``corpus``, or data/'s articles ``copies`` times."""
    from tracker.ingest.readers import article_from_text, read_articles

    if corpus is None:
        base = read_articles([ROOT / "data"])
        return [
            article_from_text(a.text, id=f"{a.id}-{n}", title=a.title, date=a.date)
            for n in range(copies)
            for a in base
        ]
    files = sorted(corpus.iterdir()) if corpus.is_dir() else []
    if files and all(p.suffix == ".txt" for p in files if p.is_file()):
        return [
            article_from_text(p.read_text(encoding="utf-8"), id=p.stem, parse_header=False)
            for p in files[:limit]
        ]
    return read_articles([corpus])[:limit]


def run_phase(phase: str, corpus: Path | None, limit: int, copies: int) -> dict:
    from tracker.nlp import load_pipeline
    from tracker.pipeline import extract_attributions

    nlp = load_pipeline()
    articles = load_articles(corpus, limit, copies)
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
        records = claims = 0
    else:
        found = extract_attributions(articles, nlp=nlp)
        records, claims = len(found), len({r.claim_id for r in found if r.claim_id})
    seconds = time.perf_counter() - start
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "phase": phase,
        "articles": len(articles),
        "words": words,
        "seconds": seconds,
        "words_per_second": words / seconds,
        "records": records,
        "claims": claims,
        "peak_mib": peak_mib,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="the articles (default: see above)")
    parser.add_argument(
        "--limit", type=int, default=200, help="how many articles of the corpus (default 200)"
    )
    parser.add_argument(
        "--copies", type=int, default=40, help="how many times to repeat data/ (default 40)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per phase; the best is kept")
    parser.add_argument("--phase", choices=["bare", "tracker"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    corpus = args.corpus
    if corpus is None and POLNEAR_TRAIN.is_dir():
        corpus = POLNEAR_TRAIN
    if args.phase:
        print(json.dumps(run_phase(args.phase, corpus, args.limit, args.copies)))
        return
    if corpus is None:
        print(FALLBACK_NOTE.format(where=POLNEAR_TRAIN, copies=args.copies), flush=True)
    elif not corpus.exists():
        sys.exit(f"Error: {corpus}: no such file or folder")

    best: dict[str, dict] = {}
    for _ in range(args.repeat):
        for phase in ("bare", "tracker"):
            command = [sys.executable, __file__, "--phase", phase]
            command += ["--limit", str(args.limit), "--copies", str(args.copies)]
            if corpus is not None:
                command += ["--corpus", str(corpus)]
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
    source = corpus if corpus is not None else f"data/ x {args.copies}"
    print(f"text: {bare['articles']} articles, {bare['words']} words ({source})")
    for r in (bare, tracked):
        print(
            f"{r['phase']:<8} {r['words_per_second']:>9.0f} words/s  {r['seconds']:6.2f} s  peak {r['peak_mib']:6.0f} MiB"
            + (
                f"  {r['records']} attributions, {r['claims']} claims"
                if r["phase"] == "tracker"
                else ""
            )
        )
    print(f"ratio tracker/bare: {tracked['words_per_second'] / bare['words_per_second']:.2f}")


if __name__ == "__main__":
    main()
