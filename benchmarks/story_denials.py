"""A gold-free measure of denials across a story's coverage, on FNC-1 train stories.

A story here is the related bodies (agree, disagree, discuss) of one FNC-1 training headline.
FNC-1 labels a body ``disagree`` when it debunks or denies the headline's claim and ``agree``
when it states it, so without writing any gold of our own we can ask of tracker's claim graph
of the story:

- which claim node is the story's central claim: among the nodes *about* the headline (a
  third of its content words and at least two, or all of them when it has fewer, in the
  node's text or in one of its members' contents), the one said in the most articles;
- ``D-hit``: the share of ``disagree`` bodies with a ``denies`` edge on that node (what issue
  tracking asks: a denial in any article lands on the claim's node);
- ``D-any``: the share with a ``denies`` edge on some node about the headline (what perfect
  claim joining would give);
- ``D-nodes``: over how many nodes about the headline the disagree bodies' denials are spread;
- ``A-hit``: the share of ``agree`` bodies with an ``asserts`` edge on the central node;
- ``A-den``: the share of ``agree`` bodies with a ``denies`` edge on it (wrong-way denials;
  lower is better).

The stories are chosen without looking at any result: headlines of the tune part of the
FNC-1 story split (``tracker.gold.fnc``; never the held-out part) that are not in
``benchmarks/stories/gold.json``'s stories (no body in the same FNC-1 story as one of them), that
carry no negation of their own ("won't", "not": there a disagree body asserts), with at least
three disagree bodies; at most two headlines per FNC-1 story (those with the most disagree
bodies), then the first ``--stories`` by the SHA-1 of the headline.  Only ids are printed.

    python benchmarks/story_denials.py                 # 26 stories, the table and the means
    python benchmarks/story_denials.py --stories 5     # a quick look
    python benchmarks/story_denials.py --show          # each miss: body id, what was found

The data is read from ``../shared/evaldata/fnc1`` (relative to the repository root) unless
``--data`` says otherwise; it has no stated licence and stays out of the repository.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from story_eval import fmt, mean_of, story_graph  # noqa: E402  (benchmarks/story_eval.py, beside this one)

from tracker.gold.fnc import FncPair, headline_hash, load_fnc, story_keys  # noqa: E402
from tracker.lexicon import UNINFORMATIVE_CLAIM_WORDS  # noqa: E402
from tracker.nlp import load_pipeline  # noqa: E402

GOLD = ROOT / "benchmarks" / "stories" / "gold.json"
FUNCTION_POS = frozenset("ADP DET PRON AUX CCONJ SCONJ PART PUNCT SPACE SYM".split())
NEGATIONS = frozenset("not n't no never nor none nobody nothing".split())
_WORD = re.compile(r"\w+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


@dataclass
class Story:
    headline: str
    key: str
    stances: dict[str, str]  # body id -> agree / disagree / discuss

    @property
    def sha(self) -> str:
        return headline_hash(self.headline)[:10]


@dataclass
class DenialScore:
    sha: str
    key: str
    bodies: int
    disagree: int
    agree: int
    about_nodes: int
    central_articles: int
    d_hit: float | None
    d_any: float | None
    d_nodes: int
    a_hit: float | None
    a_denies: float | None
    misses: list[str] = field(default_factory=list)


def choose_stories(pairs: tuple[FncPair, ...], gold: dict, count: int, nlp) -> list[Story]:
    """The stories measured, chosen as the module says (no result is looked at)."""
    of_headline, of_body = story_keys(pairs)
    gold_hashes = {s["headline_sha1"] for s in gold["stories"]}
    gold_bodies = {b for s in gold["stories"] for b in s["bodies"]}
    gold_keys = {of_headline[p.headline] for p in pairs if headline_hash(p.headline) in gold_hashes}
    gold_keys |= {of_body[b] for b in gold_bodies if b in of_body}
    stances: dict[str, dict[str, str]] = defaultdict(dict)
    for p in pairs:
        if p.stance != "unrelated":
            stances[p.headline][p.body_id] = p.stance
    by_key: dict[str, list[Story]] = defaultdict(list)
    for headline, bodies in stances.items():
        key = of_headline[headline]
        keys = {key, *(of_body.get(b, key) for b in bodies)}
        if keys & gold_keys or Counter(bodies.values())["disagree"] < 3:
            continue
        if any(t.lower_ in NEGATIONS for t in nlp.make_doc(headline)):
            continue
        by_key[key].append(Story(headline, key, bodies))
    chosen: list[Story] = []
    for stories in by_key.values():
        stories.sort(key=lambda s: (-Counter(s.stances.values())["disagree"], s.sha))
        chosen.extend(stories[:2])
    chosen.sort(key=lambda s: headline_hash(s.headline))
    return chosen[:count]


def headline_words(headline: str, nlp) -> set[str]:
    """The headline's content words, lower-case lemmas cut to five letters (no stop word,
    no light verb such as "get" or "say")."""
    doc = nlp(headline.translate(_QUOTES))
    return {
        t.lemma_.lower()[:5]
        for t in doc
        if t.pos_ not in FUNCTION_POS
        and t.is_alpha
        and len(t.text) > 2
        and not (t.is_stop or nlp.vocab[t.lemma_.lower()].is_stop)
        and t.lemma_.lower() not in UNINFORMATIVE_CLAIM_WORDS
    }


def _hits(text: str, stems: set[str]) -> int:
    words = _WORD.findall(text.translate(_QUOTES).lower())
    return sum(any(w.startswith(s) for w in words) for s in stems)


def score_denials(story: Story, graph, stems: set[str]) -> DenialScore:
    """Score one story's graph (see the module's docstring)."""
    texts: dict[str, list[str]] = defaultdict(list)
    edges: dict[str, list[tuple[str, str]]] = defaultdict(list)  # claim -> (article, stance)
    for _, claim, data in graph.edges(data=True):
        if graph.nodes[claim].get("kind") != "claim" or "stance" not in data:
            continue
        article = str(data.get("article_id", "")).removeprefix("fnc-")
        edges[claim].append((article, data["stance"]))
        if data.get("content"):
            texts[claim].append(data["content"])
    needed = max(min(2, len(stems)), math.ceil(len(stems) / 3))
    about = [
        c
        for c in edges
        if needed
        and any(_hits(t, stems) >= needed for t in [graph.nodes[c].get("text", ""), *texts[c]])
    ]
    central = max(
        about,
        key=lambda c: (len({a for a, _ in edges[c]}), len(edges[c]), c),
        default=None,
    )
    on_central = set(edges.get(central, [])) if central else set()
    on_about = {c: set(edges[c]) for c in about}
    disagree = [b for b, s in story.stances.items() if s == "disagree"]
    agree = [b for b, s in story.stances.items() if s == "agree"]

    def share(bodies: list[str], hit) -> float | None:
        return sum(map(hit, bodies)) / len(bodies) if bodies else None

    nodes = {c for c in about for b in disagree if (b, "denies") in on_about[c]}
    misses = []
    for b in disagree:
        if (b, "denies") not in on_central:
            found = sorted({st for c in about for a, st in on_about[c] if a == b})
            misses.append(f"{b}: {','.join(found) or 'nothing about the headline'}")
    return DenialScore(
        sha=story.sha,
        key=story.key,
        bodies=len(story.stances),
        disagree=len(disagree),
        agree=len(agree),
        about_nodes=len(about),
        central_articles=len({a for a, _ in edges.get(central, [])}) if central else 0,
        d_hit=share(disagree, lambda b: (b, "denies") in on_central),
        d_any=share(disagree, lambda b: any((b, "denies") in on_about[c] for c in about)),
        d_nodes=len(nodes),
        a_hit=share(agree, lambda b: (b, "asserts") in on_central),
        a_denies=share(agree, lambda b: (b, "denies") in on_central),
        misses=misses,
    )


HEADER = (
    f"{'headline':10} {'story':>5} {'art':>3} {'dis':>3} {'agr':>3} {'about':>5} {'cen':>3} "
    f"{'D-hit':>5} {'D-any':>5} {'D-nodes':>7} {'A-hit':>5} {'A-den':>5}"
)


def row(s: DenialScore) -> str:
    return (
        f"{s.sha:10} {s.key:>5} {s.bodies:3d} {s.disagree:3d} {s.agree:3d} {s.about_nodes:5d} "
        f"{s.central_articles:3d} {fmt(s.d_hit):>5} {fmt(s.d_any):>5} {s.d_nodes:7d} "
        f"{fmt(s.a_hit):>5} {fmt(s.a_denies):>5}"
    )


def summary(scores: list[DenialScore]) -> str:
    """The means over the stories, under the table's columns."""
    shares = " ".join(
        f"{fmt(mean_of(getattr(s, name) for s in scores)):>5}" for name in ("d_hit", "d_any")
    )
    spread = mean_of(s.d_nodes for s in scores) or 0.0
    asserted = " ".join(
        f"{fmt(mean_of(getattr(s, name) for s in scores)):>5}" for name in ("a_hit", "a_denies")
    )
    about = mean_of(s.about_nodes for s in scores) or 0.0
    return f"{'mean':10} {'':>5} {len(scores):3d} {'':7} {about:5.1f} {'':3} {shares} {spread:7.2f} {asserted}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "evaldata" / "fnc1"))
    parser.add_argument("--stories", type=int, default=26, help="how many stories (default 26)")
    parser.add_argument("--only", action="append", default=[], help="only this headline hash")
    parser.add_argument("--show", action="store_true", help="list each disagree body missed")
    parser.add_argument("--json", dest="json_path", default=None, help="write scores as JSON")
    parser.add_argument("--model", default=None, help="spaCy pipeline to load")
    args = parser.parse_args(argv)

    data = load_fnc(args.data)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    nlp = load_pipeline(args.model)
    stories = choose_stories(data.split("tune", "story"), gold, args.stories, nlp)
    if args.only:
        stories = [s for s in stories if any(s.sha.startswith(o) for o in args.only)]
    print(HEADER)
    scores = []
    started = time.perf_counter()
    for story in stories:
        graph = story_graph({b: data.bodies[b] for b in story.stances}, nlp)
        score = score_denials(story, graph, headline_words(story.headline, nlp))
        scores.append(score)
        print(row(score), flush=True)
        if args.show:
            for miss in score.misses:
                print(f"    missed {miss}")
    print(summary(scores))
    print(f"time: {time.perf_counter() - started:.0f} s")
    if args.json_path:
        Path(args.json_path).write_text(
            json.dumps([s.__dict__ for s in scores], indent=2) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
