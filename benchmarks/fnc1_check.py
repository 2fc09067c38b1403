"""Score ``tracker check`` on FNC-1 (headline = claim, body = article).

Verdicts map to FNC-1 labels: supports -> agree, denies -> disagree, reports -> discuss,
unrelated -> unrelated.  Headlines are split by a hash of their text (``tracker.fnc.split_of``):
about 80% to tune the rules on, 20% held out; report the held-out figures.

    python benchmarks/fnc1_check.py                      # held-out part
    python benchmarks/fnc1_check.py --part all --json results.json
    python benchmarks/fnc1_check.py --bodies 300 --part tune  # quick look while tuning

The data is read from ``../shared/evaldata/fnc1`` (relative to the repository root) unless
``--data`` says otherwise; it has no stated licence and must stay out of the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.check import ClaimChecker  # noqa: E402
from tracker.fnc import LABEL_OF_VERDICT, fnc_report, load_fnc  # noqa: E402
from tracker.model import Article  # noqa: E402

#: Published FNC-1 competition results (test set), F1 of the disagree class.
PUBLISHED_DISAGREE_F1 = {
    "SOLAT in the SWEN (1st)": 0.04,
    "Athene (2nd)": 0.15,
    "UCL Machine Reading (3rd)": 0.11,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "evaldata" / "fnc1"))
    parser.add_argument("--part", choices=("held-out", "tune", "all"), default="held-out")
    parser.add_argument("--bodies", type=int, default=0, help="only the first N bodies (0: all)")
    parser.add_argument("--n-process", type=int, default=1, help="spaCy worker processes")
    parser.add_argument("--model", default=None, help="spaCy pipeline to load")
    parser.add_argument("--json", dest="json_path", default=None, help="write the report as JSON")
    parser.add_argument("--errors", default=None, help="write misjudged related pairs as JSONL")
    args = parser.parse_args(argv)

    data = load_fnc(args.data)
    body_ids = list(data.bodies)
    if args.bodies:
        body_ids = body_ids[: args.bodies]
    wanted = set(body_ids)
    pairs = [p for p in data.split(args.part) if p.body_id in wanted]
    used = sorted({p.body_id for p in pairs}, key=body_ids.index)

    started = time.perf_counter()
    checker = ClaimChecker(model=args.model, n_process=args.n_process)
    checker.add_articles(Article(body_id, data.bodies[body_id]) for body_id in used)
    parsed = time.perf_counter()
    gold, predicted, errors = [], [], []
    for pair in pairs:
        verdict = checker.check(pair.headline, [pair.body_id])[0]
        label = LABEL_OF_VERDICT[verdict.verdict]
        gold.append(pair.stance)
        predicted.append(label)
        if label != pair.stance and "unrelated" not in (label, pair.stance):
            errors.append({"gold": pair.stance, **verdict.to_dict()})
    finished = time.perf_counter()

    report = fnc_report(gold, predicted)
    print(f"FNC-1 {args.part}: {len(pairs)} pairs over {len(used)} bodies")
    print(report.to_text())
    print(
        f"time: {finished - started:.1f} s in all "
        f"(parse {parsed - started:.1f} s, check {finished - parsed:.1f} s)"
    )
    print(
        "published disagree F1 (competition test set): "
        + ", ".join(f"{k} {v:.2f}" for k, v in PUBLISHED_DISAGREE_F1.items())
    )
    if args.json_path:
        result = report.to_dict() | {
            "part": args.part,
            "bodies": len(used),
            "seconds": round(finished - started, 1),
            "parse_seconds": round(parsed - started, 1),
        }
        Path(args.json_path).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as handle:
            for error in errors:
                handle.write(json.dumps(error) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
