"""Score tracker on whole stories: who asserts, denies and declines a story's central claim.

A story is the set of FNC-1 training bodies related to one headline (agree, disagree or
discuss).  ``benchmarks/stories/gold.json`` gives, for each chosen story, our own wording of
its central claim, the sources that assert, deny and decline to confirm it (canonical name,
the aliases the articles use, one body id as evidence) and "forbidden" pairs: a source that
must not be shown with a stance (a listener shown as a source, a publicist's denial put in the
mouth of the person he speaks for).  Only ids, hashes and names are stored, never text.

For each story the bodies are written as articles to a temporary folder, tracker builds the
claim graph of that folder, and the script scores:

- the claim nodes *about* the central claim (gold ``about`` word groups, matched in a node's
  text or in one of its members' contents);
- among those, the node whose (source, stance) pairs best match the gold pairs: pair
  precision, recall and F1, and its asserter and denier recall;
- ``any R``: the share of gold pairs shown on some node about the claim (what perfect claim
  grouping would reach);
- ``nodes``: how many claim nodes about the claim carry at least one gold pair;
- ``forbid``: forbidden pairs shown (scope ``about`` or anywhere, as the gold says).

    python benchmarks/story_eval.py                  # the development half
    python benchmarks/story_eval.py --half report    # the report half: run it only to report
    python benchmarks/story_eval.py --story isis-border --show   # one story, with its pairs

The data is read from ``../shared/evaldata/fnc1`` (relative to the repository root) unless
``--data`` says otherwise; it has no stated licence and stays out of the repository.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.nlp import load_pipeline  # noqa: E402
from tracker.pipeline import build_claim_graph  # noqa: E402

GOLD = ROOT / "benchmarks" / "stories" / "gold.json"
STANCES = ("asserts", "denies", "declines")
ROLE_STANCE = {"asserters": "asserts", "deniers": "denies", "decliners": "declines"}
_LEADING = re.compile(r"^(?:the|a|an)\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def norm(name: str) -> str:
    """A name compared case-insensitively, without a leading article or outer punctuation."""
    text = " ".join(name.translate(_QUOTES).lower().split()).strip(" .,:;\"'()")
    return _LEADING.sub("", text)


def names_of(entry: dict) -> set[str]:
    return {norm(entry["name"]), *(norm(a) for a in entry.get("aliases", []))}


@dataclass
class StoryScore:
    id: str
    half: str
    bodies: int
    about_nodes: int
    precision: float
    recall: float
    f1: float
    asserter_recall: float | None
    denier_recall: float | None
    any_recall: float
    nodes: int
    forbidden: list[str]
    best: str | None = None
    seconds: float = 0.0
    details: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "details"}


def load_stories(data_dir: Path, gold: dict) -> dict[str, tuple[list[str], dict[str, str]]]:
    """For each gold story: its related body ids (in file order) and the bodies' texts."""
    wanted = {s["headline_sha1"]: s["id"] for s in gold["stories"]}
    related: dict[str, list[str]] = {sid: [] for sid in wanted.values()}
    with open(data_dir / "train_stances.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            sid = wanted.get(hashlib.sha1(row["Headline"].encode("utf-8")).hexdigest())
            if sid and row["Stance"] != "unrelated" and row["Body ID"] not in related[sid]:
                related[sid].append(row["Body ID"])
    needed = {b for ids in related.values() for b in ids}
    texts: dict[str, str] = {}
    with open(data_dir / "train_bodies.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Body ID"] in needed:
                texts[row["Body ID"]] = row["articleBody"]
    return {sid: (ids, {b: texts[b] for b in ids}) for sid, ids in related.items()}


def story_graph(bodies: dict[str, str], nlp):
    with tempfile.TemporaryDirectory() as tmp:
        for body_id, text in bodies.items():
            path = Path(tmp) / f"fnc-{body_id}.json"
            path.write_text(json.dumps({"id": f"fnc-{body_id}", "text": text}), encoding="utf-8")
        return build_claim_graph([tmp], nlp=nlp)


def _about(texts: Iterable[str], groups: list[list[str]], minimum: int) -> bool:
    for text in texts:
        low = text.translate(_QUOTES).lower()
        if sum(any(stem in low for stem in group) for group in groups) >= minimum:
            return True
    return False


def _source_names(graph, node: str) -> set[str]:
    data = graph.nodes[node]
    found = {norm(data.get("name", "")), norm(node.split(":", 1)[1].replace("-", " "))}
    found.update(norm(a) for a in data.get("aliases", []) or [])
    return found - {""}


def claim_pairs(graph) -> dict[str, set[tuple[str, str]]]:
    """Claim node -> its (source node, stance) pairs."""
    pairs: dict[str, set[tuple[str, str]]] = {}
    for source, claim, data in graph.edges(data=True):
        if graph.nodes[claim].get("kind") == "claim" and data.get("stance") in STANCES:
            pairs.setdefault(claim, set()).add((source, data["stance"]))
    return pairs


def _matches(graph, source: str, entry: dict) -> bool:
    return bool(_source_names(graph, source) & names_of(entry))


def score_story(story: dict, graph, bodies: int) -> StoryScore:
    pairs = claim_pairs(graph)
    members: dict[str, list[str]] = {}
    for _, claim, data in graph.edges(data=True):
        if data.get("content"):
            members.setdefault(claim, []).append(data["content"])
    about = [
        c
        for c in pairs
        if _about(
            [graph.nodes[c].get("text", ""), *members.get(c, [])],
            story["about"],
            story.get("about_min", len(story["about"])),
        )
    ]
    gold = [(e, ROLE_STANCE[role]) for role in ROLE_STANCE for e in story[role]]
    fine = story.get("also_fine", [])

    def judge(claim: str) -> tuple[int, int, list[bool]]:
        found = [
            any(st == stance and _matches(graph, s, e) for s, st in pairs[claim])
            for e, stance in gold
        ]
        counted = correct = 0
        for s, st in pairs[claim]:
            right = any(st == stance and _matches(graph, s, e) for e, stance in gold)
            if right:
                counted += 1
                correct += 1
            elif not any(_matches(graph, s, e) for e in fine):
                counted += 1
        return counted, correct, found

    best, best_key, best_found, best_pr = None, (-1.0, -1), [False] * len(gold), (0.0, 0.0, 0.0)
    spread, any_found = 0, [False] * len(gold)
    for claim in about:
        counted, correct, found = judge(claim)
        precision = correct / counted if counted else 0.0
        recall = sum(found) / len(gold) if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        spread += any(found)
        any_found = [a or b for a, b in zip(any_found, found, strict=True)]
        if (f1, len(pairs[claim])) > best_key:
            best, best_key, best_found, best_pr = (
                claim,
                (f1, len(pairs[claim])),
                found,
                (precision, recall, f1),
            )

    def role_recall(stance: str) -> float | None:
        hits = [f for f, (_, st) in zip(best_found, gold, strict=True) if st == stance]
        return sum(hits) / len(hits) if hits else None

    forbidden = []
    for rule in story.get("forbidden", []):
        scope = about if rule.get("scope", "about") == "about" else list(pairs)
        for claim in scope:
            shown = [
                (s, st)
                for s, st in pairs[claim]
                if rule["stance"] in ("any", st) and _matches(graph, s, rule)
            ]
            if shown:
                forbidden.append(f"{rule['name']} {shown[0][1]} {claim}")
                break
    details = {
        "best_pairs": sorted((graph.nodes[s].get("name", s), st) for s, st in pairs.get(best, ())),
        "best_text": graph.nodes[best].get("text") if best else None,
        "missed": [
            f"{e['name']} {st}" for (e, st), f in zip(gold, best_found, strict=True) if not f
        ],
        "about": {c: graph.nodes[c].get("text") for c in about},
    }
    return StoryScore(
        id=story["id"],
        half=story["half"],
        bodies=bodies,
        about_nodes=len(about),
        precision=best_pr[0],
        recall=best_pr[1],
        f1=best_pr[2],
        asserter_recall=role_recall("asserts"),
        denier_recall=role_recall("denies"),
        any_recall=sum(any_found) / len(gold) if gold else 0.0,
        nodes=spread,
        forbidden=forbidden,
        best=best,
        details=details,
    )


def fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.2f}"


def mean_of(values: Iterable[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


HEADER = (
    f"{'story':22} {'half':6} {'art':>3} {'about':>5} {'P':>4} {'R':>4} {'F1':>4} "
    f"{'A-R':>4} {'D-R':>4} {'anyR':>4} {'nodes':>5} {'forbid':>6}"
)


def row(s: StoryScore) -> str:
    return (
        f"{s.id:22} {s.half:6} {s.bodies:3d} {s.about_nodes:5d} {fmt(s.precision)} "
        f"{fmt(s.recall)} {fmt(s.f1)} {fmt(s.asserter_recall)} {fmt(s.denier_recall)} "
        f"{fmt(s.any_recall)} {s.nodes:5d} {len(s.forbidden):6d}"
    )


def summary(label: str, scores: list[StoryScore]) -> str:
    return (
        f"{'mean ' + label:22} {'':6} {len(scores):3d} "
        f"{mean_of(s.about_nodes for s in scores) or 0:5.1f} "
        f"{fmt(mean_of(s.precision for s in scores))} {fmt(mean_of(s.recall for s in scores))} "
        f"{fmt(mean_of(s.f1 for s in scores))} {fmt(mean_of(s.asserter_recall for s in scores))} "
        f"{fmt(mean_of(s.denier_recall for s in scores))} "
        f"{fmt(mean_of(s.any_recall for s in scores))} "
        f"{mean_of(s.nodes for s in scores) or 0:5.2f} {sum(len(s.forbidden) for s in scores):6d}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "evaldata" / "fnc1"))
    parser.add_argument("--gold", default=str(GOLD))
    parser.add_argument("--half", choices=("dev", "report", "all"), default="dev")
    parser.add_argument("--story", action="append", default=[], help="only this story id")
    parser.add_argument("--show", action="store_true", help="print each story's best pairs")
    parser.add_argument("--json", dest="json_path", default=None, help="write scores as JSON")
    parser.add_argument("--model", default=None, help="spaCy pipeline to load")
    args = parser.parse_args(argv)

    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    stories = [
        s
        for s in gold["stories"]
        if (args.half == "all" or s["half"] == args.half)
        and (not args.story or s["id"] in args.story)
    ]
    if not stories:
        parser.error("no story matches --half/--story")
    data = load_stories(Path(args.data), {"stories": stories})
    nlp = load_pipeline(args.model)
    print(HEADER)
    scores: list[StoryScore] = []
    for story in stories:
        ids, texts = data[story["id"]]
        if sorted(ids) != sorted(story["bodies"]):
            print(f"warning: {story['id']}: related bodies differ from the gold's", file=sys.stderr)
        started = time.perf_counter()
        graph = story_graph(texts, nlp)
        score = score_story(story, graph, len(ids))
        score.seconds = round(time.perf_counter() - started, 1)
        scores.append(score)
        print(row(score), flush=True)
        if args.show:
            print(f"    best {score.best}: {score.details['best_text']!r}")
            print(f"    pairs {score.details['best_pairs']}")
            print(f"    missed {score.details['missed']}")
            for bad in score.forbidden:
                print(f"    forbidden {bad}")
            for claim, text in score.details["about"].items():
                print(f"    about {claim}: {text!r}")
    for half in ("dev", "report"):
        part = [s for s in scores if s.half == half]
        if part:
            print(summary(half, part))
    if args.json_path:
        Path(args.json_path).write_text(
            json.dumps([s.to_dict() for s in scores], indent=2) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
