"""Check FNC-1 headlines, each as a one-line article, against their story's central claim.

``benchmarks/fnc1_headlines.json`` labels headlines of held-out stories (split by story,
``tracker.gold.fnc.story_keys``) with their stance toward a claim written for each story:
supports, reports or denies.  It names each headline by ``tracker.gold.fnc.headline_hash`` only;
the text is read from the FNC-1 files.  Each headline becomes an article of its own, and
``tracker check`` (default rules) judges it against its story's claim; a headline judged
``unrelated`` counts as wrong.  Reports the 3-way accuracy, per-label scores and confusion.

    python benchmarks/fnc1_headlines.py
    python benchmarks/fnc1_headlines.py --json headlines.json
    python benchmarks/fnc1_headlines.py --labels benchmarks/fnc1_headlines_tune.json --misses

``fnc1_headlines_tune.json`` and ``fnc1_headlines_tune2.json`` label headlines of tune stories
(to develop the rules on); ``fnc1_headlines_tune3.json`` labels headlines of other tune stories,
kept to validate rule changes made on the first two (not to read misses off);
``fnc1_headlines_tune4.json`` labels headlines of 16 more tune stories, to develop the rules
on with the first two; ``--misses`` prints each misjudged headline with its gold label,
verdict, story and the cue of the evidence that decided it.

The data is read from ``../shared/evaldata/fnc1`` (relative to the repository root) unless
``--data`` says otherwise; it has no stated licence and must stay out of the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.check.checker import ClaimChecker  # noqa: E402
from tracker.gold.fnc import class_scores, headline_hash, load_fnc  # noqa: E402
from tracker.model import Article  # noqa: E402

STANCES = ("supports", "reports", "denies")
PREDICTED = (*STANCES, "unrelated")


def load_labels(path: Path, headlines: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(story, claim, headline text, label) for each labelled headline found in the data."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for story in doc["stories"]:
        for digest, label in story["headlines"].items():
            if digest not in headlines:
                raise SystemExit(f"{path}: headline {digest} is not in the FNC-1 data read")
            if label not in STANCES:
                raise SystemExit(f"{path}: headline {digest}: unknown label {label!r}")
            found.append((story["story"], story["claim"], headlines[digest], label))
    return found


def print_misses(labelled: list[tuple[str, str, str, str]], verdicts: list) -> None:
    """Each misjudged headline, grouped by gold label and verdict: the story, the cue of the
    evidence that decided it, the headline."""
    misses = sorted(
        (
            (gold, verdict.verdict, story, verdict, text)
            for (story, _, text, gold), verdict in zip(labelled, verdicts, strict=True)
            if verdict.verdict != gold
        ),
        key=lambda m: (m[0], m[1], m[2], m[4]),
    )
    print(f"misses ({len(misses)}), as gold -> verdict [story] (cue) headline:")
    for gold, predicted, story, verdict, text in misses:
        cues = ", ".join(f"{e.stance}:{e.cue}" for e in verdict.evidence[:2]) or "-"
        print(f"  {gold:>8} -> {predicted:<9} [{story}] ({cues}) {text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "evaldata" / "fnc1"))
    parser.add_argument("--labels", default=str(ROOT / "benchmarks" / "fnc1_headlines.json"))
    parser.add_argument("--model", default=None, help="spaCy pipeline to load")
    parser.add_argument("--json", dest="json_path", default=None, help="write the report as JSON")
    parser.add_argument(
        "--misses",
        action="store_true",
        help="print each misjudged headline (gold, verdict, its deciding cue, the text)",
    )
    args = parser.parse_args(argv)

    data = load_fnc(args.data)
    headlines = {headline_hash(p.headline): p.headline for p in data.pairs}
    labelled = load_labels(Path(args.labels), headlines)

    started = time.perf_counter()
    checker = ClaimChecker(model=args.model)
    ids = [headline_hash(text)[:12] for _, _, text, _ in labelled]
    checker.add_articles(
        Article(id_, text) for id_, (_, _, text, _) in zip(ids, labelled, strict=True)
    )
    verdicts = [
        checker.check(claim, [id_])[0] for id_, (_, claim, _, _) in zip(ids, labelled, strict=True)
    ]
    predicted = [v.verdict for v in verdicts]
    seconds = time.perf_counter() - started

    gold = [label for *_, label in labelled]
    confusion = {g: Counter() for g in STANCES}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    right = sum(confusion[g][g] for g in STANCES)
    accuracy = right / len(gold)
    stories = len({story for story, *_ in labelled})
    print(f"{len(gold)} headlines of {stories} stories, each checked as an article")
    print(f"3-way accuracy {accuracy:.3f} ({right} of {len(gold)}); time {seconds:.1f} s")
    print(f"{'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
    scores = {}
    for c in class_scores(confusion, STANCES):
        scores[c.label] = {
            "precision": c.precision,
            "recall": c.recall,
            "f1": c.f1,
            "support": c.support,
        }
        print(f"{c.label:<10} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.support:8d}")
    print("confusion (rows gold, columns predicted):")
    print(f"{'':<10}" + "".join(f"{p:>10}" for p in PREDICTED))
    for g in STANCES:
        print(f"{g:<10}" + "".join(f"{confusion[g][p]:>10d}" for p in PREDICTED))
    if args.misses:
        print_misses(labelled, verdicts)
    if args.json_path:
        result = {
            "headlines": len(gold),
            "stories": stories,
            "accuracy": accuracy,
            "classes": scores,
            "confusion": {g: {p: confusion[g][p] for p in PREDICTED} for g in STANCES},
            "seconds": round(seconds, 1),
        }
        Path(args.json_path).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
