"""How close each claim of a graph is to a given claim or headline (``--about``).

A folder about one story often holds off-topic articles too; ranking claims by closeness to
the story's claim puts its dispute first.  Closeness is the cosine of TF-IDF weighted word
stems, between the given text and the closest of a claim's wordings (its display text and
the content of each attribution on it), with the weights of words learnt from the graph
itself: a word that many claims use ("said", "year") counts for little.  It needs no parser,
so it runs in a fraction of a second on graphs of thousands of claims, and adding a claim
costs one more vector.

>>> scorer = AboutScorer(["iran sent missiles to russia", "the harbour reopened in may",
...                       "russia received iranian missiles"])
>>> [round(scorer.score(t, "iran transferred missiles to russia"), 2) for t in
...  ("iran sent missiles to russia", "the harbour reopened in may")]
[0.54, 0.0]
>>> words("The Iranian missiles were transferred")
['iran', 'missil', 'transfer']
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from spacy.lang.en.stop_words import STOP_WORDS

from tracker import lexicon
from tracker.graph.build import attribution_edges

__all__ = [
    "ABOUT_MINIMUM",
    "AboutScorer",
    "ClaimCloseness",
    "about_scores",
    "about_subgraph",
    "claims_about",
    "words",
]

#: Closeness below which a claim is taken as off the given topic.
ABOUT_MINIMUM = 0.2

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*", re.UNICODE)
_SUFFIXES = lexicon.ABOUT_SUFFIXES


def _stem(word: str) -> str:
    """A crude stem, enough to fold 'transferred' with 'transfer' and 'iranian' with 'iran'."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2]:
        word = word[:-1]  # transferr -> transfer
    return word[:8]


def words(text: str) -> list[str]:
    """The content word stems of a text, lower case, stop words left out."""
    out = []
    for match in _WORD.finditer(text.lower().replace("\u2019", "'")):
        word = match.group().split("'")[0]
        if len(word) < 2 or word in STOP_WORDS or word.isdigit():
            continue
        out.append(_stem(word))
    return out


class AboutScorer:
    """TF-IDF closeness to a query, with word weights from the texts it is given."""

    def __init__(self, texts: Iterable[str]) -> None:
        frequency: Counter[str] = Counter()
        count = 0
        for text in texts:
            frequency.update(set(words(text)))
            count += 1
        self._count = count
        self._frequency = frequency

    def weight(self, word: str) -> float:
        """Inverse document frequency (smoothed; an unseen word weighs the most)."""
        return math.log((1 + self._count) / (1 + self._frequency.get(word, 0))) + 1.0

    def vector(self, text: str) -> dict[str, float]:
        counts = Counter(words(text))
        vec = {w: (1 + math.log(n)) * self.weight(w) for w, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {w: v / norm for w, v in vec.items()} if norm else {}

    def score(self, text: str, query: str | dict[str, float]) -> float:
        """Cosine closeness of ``text`` to ``query`` (0 to 1)."""
        q = self.vector(query) if isinstance(query, str) else query
        v = self.vector(text)
        return float(sum(weight * v[w] for w, weight in q.items() if w in v))


@dataclass(frozen=True)
class ClaimCloseness:
    """A claim and how close it is to the given text."""

    claim_id: str
    claim: str
    score: float


def about_scores(graph: nx.MultiDiGraph, text: str) -> dict[str, float]:
    """Closeness of every claim of ``graph`` to ``text``, by claim id (no ``claim:`` prefix).

    A claim is as close as the closest of its wordings: its display text or the content of
    any attribution on it.  Linear in the size of the graph.
    """
    wordings: dict[str, set[str]] = {}
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") == "claim":
            wordings[node] = {attrs.get("text") or ""}
    for _, claim, _, attrs in attribution_edges(graph):
        content = attrs.get("content")
        if content and claim in wordings:
            wordings[claim].add(content)
    scorer = AboutScorer(w for texts in wordings.values() for w in texts)
    query = scorer.vector(text)
    scores = {}
    for node, texts in wordings.items():
        scores[node.removeprefix("claim:")] = max(
            (scorer.score(t, query) for t in texts), default=0.0
        )
    return scores


def claims_about(
    graph: nx.MultiDiGraph, text: str, *, minimum: float = ABOUT_MINIMUM
) -> list[ClaimCloseness]:
    """The claims at least ``minimum`` close to ``text``, closest first (then by id)."""
    scores = about_scores(graph, text)
    found = [
        ClaimCloseness(cid, graph.nodes[f"claim:{cid}"].get("text", ""), round(score, 4))
        for cid, score in scores.items()
        if score >= minimum
    ]
    found.sort(key=lambda c: (-c.score, c.claim_id))
    return found


def about_subgraph(
    graph: nx.MultiDiGraph, text: str, *, minimum: float = ABOUT_MINIMUM
) -> nx.MultiDiGraph:
    """The part of ``graph`` about ``text``: the claims at least ``minimum`` close to it, the
    sources with a stance on them, and the citations between those sources."""
    claims = {f"claim:{c.claim_id}" for c in claims_about(graph, text, minimum=minimum)}
    sources = {u for u, v, _, _ in attribution_edges(graph) if v in claims}
    return graph.subgraph(claims | sources).copy()
