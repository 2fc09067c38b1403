"""schema.org ``ClaimReview`` JSON-LD for a claim, ready for a fact-checker to publish.

The claim's appearances are the articles that carried it (url, headline, date, outlet),
the first of them its ``firstAppearance``, and its ``author`` the source of the first
report.  The verdict is the fact-checker's, never tracker's: ``rating`` is what they give.

>>> from tracker.graph import build_graph
>>> from tracker.model import Attribution, Span
>>> r = Attribution("1", "art", Span(0, 3, "Ann"), Span(4, 8, "said"), Span(9, 12, "yes"),
...                 source_id="ann", source_name="Ann Lee", source_kind="person", claim_id="c1",
...                 claim="yes", date="2026-03-02", outlet="Ledger", url="https://l.example/1")
>>> review = claim_review(build_graph([r]), "c1", date="2026-03-05", rating="False")
>>> review["itemReviewed"]["author"]
{'@type': 'Person', 'name': 'Ann Lee'}
>>> review["itemReviewed"]["firstAppearance"]["url"]
'https://l.example/1'
"""

from __future__ import annotations

from datetime import date as _date
from typing import Any

import networkx as nx

from tracker.store.timeline import TimelineEntry, claim_timeline

__all__ = ["claim_review"]

_PERSON_KINDS = ("person",)


def _appearance(entry: TimelineEntry) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "NewsArticle"}
    if entry.url:
        work["url"] = entry.url
    if entry.title:
        work["headline"] = entry.title
    if entry.date:
        work["datePublished"] = entry.date
    if entry.outlet:
        work["publisher"] = {"@type": "Organization", "name": entry.outlet}
    work["identifier"] = entry.article_id
    return work


def claim_review(
    graph: nx.MultiDiGraph,
    claim_id: str,
    *,
    date: str | None = None,
    rating: str | None = None,
    author: str | None = None,
    url: str | None = None,
) -> dict[str, Any]:
    """The ``ClaimReview`` of one claim: ``date`` is the review's (default today),
    ``rating`` the verdict's wording ("False", "Misleading"), ``author`` the reviewing
    organisation and ``url`` where the review is published."""
    timeline = claim_timeline(graph, claim_id)
    seen: dict[str, TimelineEntry] = {}
    for entry in timeline.entries:
        seen.setdefault(entry.article_id or "", entry)
    claim: dict[str, Any] = {"@type": "Claim"}
    first = timeline.first_report or (timeline.entries[0] if timeline.entries else None)
    if first is not None:
        kind = graph.nodes[f"source:{first.source_id}"].get("source_kind")
        claim["author"] = {
            "@type": "Person" if kind in _PERSON_KINDS else "Organization",
            "name": first.source,
        }
        if first.date:
            claim["datePublished"] = first.date
        claim["firstAppearance"] = _appearance(first)
    claim["appearance"] = [_appearance(entry) for entry in seen.values()]
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "datePublished": date or _date.today().isoformat(),
        "claimReviewed": timeline.claim,
        "itemReviewed": claim,
    }
    if url:
        review["url"] = url
    if author:
        review["author"] = {"@type": "Organization", "name": author}
    if rating:
        review["reviewRating"] = {"@type": "Rating", "alternateName": rating}
    return review
