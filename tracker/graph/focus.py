"""Which claim of a graph ``--about "CLAIM"`` means.

A claim id (with or without the ``claim:`` prefix) names its claim.  Other text is matched
to the claim whose wording shares the most of its content words (spaCy's English stop
words are left out); at least half of them must be shared.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("claim:c-port", kind="claim", text="the port of veldmark was closed on monday")
>>> g.add_node("claim:c-ship", kind="claim", text="the orla star carried shells to tessaly")
>>> about_claim(g, "c-ship")
'claim:c-ship'
>>> about_claim(g, "Was the port closed?")
'claim:c-port'
>>> [node for node, score in rank_claims_about(g, "shells on the orla star")]
['claim:c-ship']
"""

from __future__ import annotations

import re

import networkx as nx
from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import GraphError

__all__ = ["about_claim", "rank_claims_about", "content_words"]

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")


def content_words(text: str) -> set[str]:
    """The lower-cased words of ``text`` that are not stop words.

    >>> sorted(content_words("The ministry denied that the port was closed."))
    ['closed', 'denied', 'ministry', 'port']
    """
    return {w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS}


def rank_claims_about(
    graph: nx.MultiDiGraph, text: str, *, at_least: float = 0.5
) -> list[tuple[str, float]]:
    """Claim nodes sharing at least ``at_least`` of the content words of ``text``, closest
    first, with the share (ties: the claim with more attributions, then by id)."""
    wanted = content_words(text)
    if not wanted:
        return []
    found = []
    for node, attrs in graph.nodes(data=True):
        if attrs.get("kind") != "claim":
            continue
        share = len(wanted & content_words(str(attrs.get("text") or ""))) / len(wanted)
        if share >= at_least:
            found.append((node, share, graph.in_degree(node)))
    found.sort(key=lambda item: (-item[1], -item[2], item[0]))
    return [(node, round(share, 3)) for node, share, _ in found]


def about_claim(graph: nx.MultiDiGraph, text: str) -> str:
    """The claim node ``text`` names (its id) or is closest to (its wording).

    Raises :class:`~tracker.errors.GraphError` when no claim comes close enough.
    """
    text = text.strip()
    for node in (text, f"claim:{text}"):
        if node in graph and graph.nodes[node].get("kind") == "claim":
            return node
    ranked = rank_claims_about(graph, text)
    if not ranked:
        raise GraphError(
            f'no claim in the graph is about "{text}"; give a claim id or words of its '
            "wording (tracker claims GRAPH lists them)"
        )
    return ranked[0][0]
