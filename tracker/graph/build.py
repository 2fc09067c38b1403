"""The claim graph: sources and claims as nodes, stances and citations as edges.

Node ids are ``source:<id>`` and ``claim:<id>``.  An edge from a source to a claim is one
attribution (its key is the attribution id) and carries the stance, the cue, the article
with its date, outlet, url and title, the sentence it came from and the offsets of every span.  An edge from one
source to another (``relation="cites"``) records that the first relays the second.

>>> from tracker.model import Attribution, Span
>>> a = Attribution("a1", "art", Span(0, 3, "she"), Span(4, 8, "said"), Span(9, 12, "yes"),
...                 source_id="ann-lee", source_name="Ann Lee", source_kind="person",
...                 claim_id="c-yes", claim="yes", evidence="she said yes")
>>> g = build_graph([a])
>>> sorted(g.nodes)
['claim:c-yes', 'source:ann-lee']
>>> g.edges["source:ann-lee", "claim:c-yes", "a1"]["stance"]
'asserts'
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

from tracker.model import Article, Attribution
from tracker.resolve.heap import corpus_in_place

__all__ = ["UNNAMED_SOURCE", "build_graph", "source_node", "claim_node", "attribution_edges"]

#: The source id used when the text names no source ("it was reported that ...").
UNNAMED_SOURCE = "unnamed"
#: Its name: what the articles state or report without saying who says it, not an
#: anonymous source ("officials said"), which is a source of its own
UNATTRIBUTED_NAME = "unattributed"


def source_node(source_id: str) -> str:
    return f"source:{source_id}"


def claim_node(claim_id: str) -> str:
    return f"claim:{claim_id}"


def _where_said(r: Attribution) -> dict[str, Any]:
    """The article and sentence an edge comes from, as edge attributes."""
    return {
        "article_id": r.article_id,
        "date": r.date,
        "outlet": r.outlet,
        "url": r.url,
        "title": r.title,
        "sentence": r.sentence,
        "evidence": r.evidence,
    }


def _offsets(prefix: str, span) -> dict[str, int]:
    if span is None:
        return {}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end}


def _description(counts: Counter[str]) -> dict[str, str]:
    """What the articles say a source is ("gossip website"), the most said first."""
    if not counts:
        return {}
    return {"description": "; ".join(d for d, _ in counts.most_common(3))}


def _add_nodes(graph: nx.MultiDiGraph[str], records: Sequence[Attribution]) -> None:
    """One node per source (its most used name and known kind, every alias) and one per
    claim (its wording and the date it was first seen)."""
    names: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    aliases: dict[str, set[str]] = defaultdict(set)
    anonymous: dict[str, bool] = defaultdict(bool)
    descriptions: dict[str, Counter[str]] = defaultdict(Counter)
    claim_texts: dict[str, str] = {}

    for r in records:
        sid = r.source_id or UNNAMED_SOURCE
        names[sid][r.source_name or (UNATTRIBUTED_NAME if r.source is None else r.source.text)] += 1
        kinds[sid][r.source_kind or "unknown"] += 1
        if r.source is not None:
            aliases[sid].add(r.source.text)
        anonymous[sid] |= r.anonymous
        if r.extra.get("source_description"):
            descriptions[sid][r.extra["source_description"]] += 1
        if r.claim_id:
            claim_texts.setdefault(r.claim_id, r.claim or (r.content.text if r.content else ""))

    for sid in names:
        known = [k for k, _ in kinds[sid].most_common() if k != "unknown"]
        graph.add_node(
            source_node(sid),
            kind="source",
            name=names[sid].most_common(1)[0][0],
            source_kind=known[0] if known else "unknown",
            anonymous=anonymous[sid],
            aliases=sorted(aliases[sid]),
            **_description(descriptions[sid]),
        )
    first_seen: dict[str, tuple] = {}
    for r in records:
        if r.claim_id and r.claim_id not in first_seen:
            first_seen[r.claim_id] = (r.date or "", r.article_id, r.sentence)
    for cid, text in claim_texts.items():
        graph.add_node(
            claim_node(cid), kind="claim", text=text, first_seen=first_seen[cid][0] or None
        )


def _edges(
    records: Sequence[Attribution], by_id: Mapping[str, Attribution]
) -> Iterable[tuple[str, str, str, dict[str, Any]]]:
    """Each record's stance edge, and a ``cites`` edge where it relays another source."""
    for r in records:
        sid = r.source_id or UNNAMED_SOURCE
        if r.claim_id:
            yield (
                source_node(sid),
                claim_node(r.claim_id),
                r.id,
                {
                    "stance": r.stance,
                    "cue": r.cue.text,
                    "quote": r.quote,
                    "hedged": r.hedged,
                    **_where_said(r),
                    "content": r.content.text if r.content else None,
                    "via": r.via,
                    **_offsets("source", r.source),
                    **_offsets("cue", r.cue),
                    **_offsets("content", r.content),
                },
            )
        relay = by_id.get(r.via) if r.via else None
        if relay is not None:
            relay_sid = relay.source_id or UNNAMED_SOURCE
            if relay_sid != sid:
                yield (
                    source_node(relay_sid),
                    source_node(sid),
                    f"cites:{r.id}",
                    {"relation": "cites", **_where_said(r)},
                )


def build_graph(
    attributions: Iterable[Attribution], articles: Mapping[str, Article] | None = None
) -> nx.MultiDiGraph:
    """Build the claim graph from attribution records (claims already assigned)."""
    graph: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    records = list(attributions)
    # the records (often just grouped) are not walked by the garbage collector's passes
    # while the graph's many small objects are made
    with corpus_in_place():
        by_id = {r.id: r for r in records}
        _add_nodes(graph, records)
        # one bulk call: adding edges one by one costs a cache clear and a call per edge;
        # the stubs know only Graph's 2- and 3-tuples, a MultiDiGraph also takes
        # (u, v, key, data)
        graph.add_edges_from(_edges(records, by_id))  # type: ignore[arg-type]
    if articles:
        graph.graph["articles"] = sorted(articles)
    return graph


def attribution_edges(graph: nx.MultiDiGraph) -> Iterable[tuple[str, str, str, dict]]:
    """The source-to-claim edges: ``(source node, claim node, attribution id, attributes)``."""
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        if attrs.get("relation") != "cites" and "stance" in attrs:
            yield u, v, key, attrs
