"""Score ``tracker check`` on FNC-1 (headline = claim, body = article).

Verdicts map to FNC-1 labels: supports -> agree, denies -> disagree, reports -> discuss,
unrelated -> unrelated.  The pairs are split by story (``--split story``, the default): a
story is the headlines and bodies that related pairs join, and a hash of its smallest body id
puts about 20% of stories in the held-out part (``tracker.gold.fnc.story_keys``), so held-out
figures are those of stories never read while tuning.  ``--split headline`` splits by a hash
of the headline (``tracker.gold.fnc.split_of``) as before: held-out headlines, but of stories whose
other headlines were read while tuning.  Report the held-out figures.

    python benchmarks/fnc1_check.py                      # held-out part, split by story
    python benchmarks/fnc1_check.py --split headline     # held-out part, split by headline
    python benchmarks/fnc1_check.py --part all --json results.json
    python benchmarks/fnc1_check.py --bodies 300 --part tune  # quick look while tuning
    python benchmarks/fnc1_check.py --train --n-process 2     # rules and a trained model
    python benchmarks/fnc1_check.py --train --semantic        # both with sentence embeddings

``--train`` trains a verdict model (tracker.check.verdict.model) on the "tune" pairs of the
split and reports both the rules and the model on the "held-out" pairs (never the other way round).  The
model stays in memory unless ``--save-model`` names a file, which must lie outside the
repository: a model trained on FNC-1 is not to be shipped.

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

from tracker.check.checker import ClaimChecker  # noqa: E402
from tracker.gold.fnc import LABEL_OF_VERDICT, SPLITS, fnc_report, load_fnc  # noqa: E402
from tracker.model import Article  # noqa: E402

#: Published FNC-1 competition results (test set), F1 of the disagree class.
PUBLISHED_DISAGREE_F1 = {
    "SOLAT in the SWEN (1st)": 0.04,
    "Athene (2nd)": 0.15,
    "UCL Machine Reading (3rd)": 0.11,
}


def _verdicts(checker: ClaimChecker, pairs) -> list:
    """Verdicts of the pairs, in their order, checking each headline once."""
    by_headline: dict[str, list[int]] = {}
    for k, pair in enumerate(pairs):
        by_headline.setdefault(pair.headline, []).append(k)
    verdicts: list = [None] * len(pairs)
    for headline, indices in by_headline.items():
        found = checker.check(headline, [pairs[k].body_id for k in indices])
        for k, verdict in zip(indices, found, strict=True):
            verdicts[k] = verdict
    return verdicts


def _score(pairs, verdicts):
    gold = [p.stance for p in pairs]
    predicted = [LABEL_OF_VERDICT[v.verdict] for v in verdicts]
    errors = [
        {"gold": g, **v.to_dict()}
        for g, p, v in zip(gold, predicted, verdicts, strict=True)
        if p != g and "unrelated" not in (p, g)
    ]
    return fnc_report(gold, predicted), errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "evaldata" / "fnc1"))
    parser.add_argument("--part", choices=("held-out", "tune", "all"), default="held-out")
    parser.add_argument(
        "--split", choices=SPLITS, default="story", help="split the pairs by story or by headline"
    )
    parser.add_argument("--bodies", type=int, default=0, help="only the first N bodies (0: all)")
    parser.add_argument("--n-process", type=int, default=1, help="spaCy worker processes")
    parser.add_argument("--model", default=None, help="spaCy pipeline to load")
    parser.add_argument("--json", dest="json_path", default=None, help="write the report as JSON")
    parser.add_argument("--errors", default=None, help="write misjudged related pairs as JSONL")
    parser.add_argument(
        "--train",
        action="store_true",
        help="also train a verdict model on the tune part and score it on the held-out part",
    )
    parser.add_argument("--threads", type=int, default=1, help="LightGBM threads (with --train)")
    parser.add_argument(
        "--semantic",
        action="store_true",
        help="match with sentence embeddings (tracker.resolve.semantic)",
    )
    parser.add_argument(
        "--save-model", default=None, help="with --train: write the model here (not in the repo)"
    )
    args = parser.parse_args(argv)
    if args.train and args.part != "held-out":
        parser.error("--train trains on the tune part and reports the held-out part only")
    if args.save_model and ROOT in Path(args.save_model).resolve().parents:
        parser.error("--save-model: keep models trained on FNC-1 out of the repository")

    data = load_fnc(args.data)
    body_ids = list(data.bodies)
    if args.bodies:
        body_ids = body_ids[: args.bodies]
    wanted = set(body_ids)
    pairs = [p for p in data.split(args.part, args.split) if p.body_id in wanted]
    tune = [p for p in data.split("tune", args.split) if p.body_id in wanted] if args.train else []
    used = sorted({p.body_id for p in [*pairs, *tune]}, key=body_ids.index)

    started = time.perf_counter()
    encoder = None
    if args.semantic:
        from tracker.resolve.semantic import load_encoder

        encoder = load_encoder()
    checker = ClaimChecker(model=args.model, n_process=args.n_process, encoder=encoder)
    checker.add_articles(Article(body_id, data.bodies[body_id]) for body_id in used)
    parsed = time.perf_counter()
    report, errors = _score(pairs, _verdicts(checker, pairs))
    finished = time.perf_counter()

    print(f"FNC-1 {args.part} (split by {args.split}): {len(pairs)} pairs over {len(used)} bodies")
    if args.train:
        print("rule-based verdicts (the default):")
    print(report.to_text())
    print(
        f"time: {finished - started:.1f} s in all "
        f"(parse {parsed - started:.1f} s, check {finished - parsed:.1f} s)"
    )
    result = report.to_dict() | {
        "part": args.part,
        "split": args.split,
        "bodies": len(used),
        "seconds": round(finished - started, 1),
        "parse_seconds": round(parsed - started, 1),
        "semantic": args.semantic,
    }
    if args.train:
        from tracker.check.verdict.model import LabelledPair, train_verdict_model

        verdict_of = {label: verdict for verdict, label in LABEL_OF_VERDICT.items()}
        labelled = [LabelledPair(p.headline, p.body_id, verdict_of[p.stance]) for p in tune]
        train_started = time.perf_counter()
        model = train_verdict_model(labelled, checker, num_threads=args.threads)
        trained = time.perf_counter()
        checker.verdict_model = model
        trained_report, errors = _score(pairs, _verdicts(checker, pairs))
        done = time.perf_counter()
        print()
        print(
            f"trained verdict model ({len(tune)} tune pairs, {len(model.feature_names)} features "
            f"of which {len(model.vocabulary)} learned words), on the same {len(pairs)} pairs:"
        )
        print(trained_report.to_text())
        print(
            f"time: train {trained - train_started:.1f} s, check {done - trained:.1f} s; "
            f"{done - started:.1f} s in all for {len(tune) + len(pairs)} pairs"
        )
        result["trained"] = trained_report.to_dict() | {
            "tune_pairs": len(tune),
            "features": len(model.feature_names),
            "learned_words": len(model.vocabulary),
            "train_seconds": round(trained - train_started, 1),
            "check_seconds": round(done - trained, 1),
        }
        result["total_seconds"] = round(done - started, 1)
        if args.save_model:
            model.save(args.save_model)
            print(f"model written to {args.save_model}")
    print(
        "published disagree F1 (competition test set): "
        + ", ".join(f"{k} {v:.2f}" for k, v in PUBLISHED_DISAGREE_F1.items())
    )
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as handle:
            for error in errors:
                handle.write(json.dumps(error) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
