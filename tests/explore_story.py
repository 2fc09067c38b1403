"""A small synthetic story for the explorer's tests: invented places, people and outlets.

Three articles over three days: the Veldmark port authority says the harbour of Skellig
closed; the ministry of ports denies it; an anonymous dock worker relays the closure via the
Harbour Ledger; the Tessaly defence ministry declines to comment on a second claim.
"""

from __future__ import annotations

import networkx as nx

from tracker.graph import build_graph
from tracker.model import Attribution, Span

# (article, date, outlet, sentence, source, cue, content, stance, claim id, source id, kind)
SENTENCES = [
    (
        "ledger-1",
        "2026-05-01",
        "The Harbour Ledger (synthetic)",
        "The port authority said the harbour of Skellig closed on Monday.",
        "The port authority",
        "said",
        "the harbour of Skellig closed on Monday",
        "asserts",
        "c-skellig-closed",
        "port-authority",
        "government",
    ),
    (
        "ledger-1",
        "2026-05-01",
        "The Harbour Ledger (synthetic)",
        "A dock worker told the Ledger that the harbour of Skellig closed.",
        "A dock worker",
        "told",
        "that the harbour of Skellig closed",
        "asserts",
        "c-skellig-closed",
        "dock-worker",
        "anonymous",
    ),
    (
        "courier-2",
        "2026-05-02",
        "Veldmark Courier (synthetic)",
        "The ministry of ports denied that the harbour of Skellig closed.",
        "The ministry of ports",
        "denied",
        "that the harbour of Skellig closed",
        "denies",
        "c-skellig-closed",
        "ports-ministry",
        "government",
    ),
    (
        "courier-2",
        "2026-05-02",
        "Veldmark Courier (synthetic)",
        "Mira Okonde said the ferry to Tessaly runs on time.",
        "Mira Okonde",
        "said",
        "the ferry to Tessaly runs on time",
        "asserts",
        "c-ferry-on-time",
        "mira-okonde",
        "person",
    ),
    (
        "gazette-3",
        "2026-05-04",
        None,
        "The Tessaly defence ministry declined to confirm that shells were unloaded.",
        "The Tessaly defence ministry",
        "declined to confirm",
        "that shells were unloaded",
        "declines",
        "c-shells-unloaded",
        "tessaly-defence",
        "government",
    ),
]

TITLES = {"ledger-1": "Skellig harbour shut, officials say", "courier-2": "Ministry: Skellig open"}
URLS = {"ledger-1": "https://ledger.example/skellig"}


def story_records() -> list[Attribution]:
    records = []
    for number, row in enumerate(SENTENCES):
        article, date, _, sentence, source, cue, content, stance, claim, sid, kind = row
        # The sentence sits after a headline, so article offsets differ from sentence offsets.
        start = 100 + 200 * number

        def span(text: str, sentence: str = sentence, start: int = start) -> Span:
            at = sentence.index(text)
            return Span(start + at, start + at + len(text), text)

        records.append(
            Attribution(
                id=f"a{number}",
                article_id=article,
                source=span(source),
                cue=span(cue),
                content=span(content),
                stance=stance,
                source_id=sid,
                source_name=source.removeprefix("The ").lower(),
                source_kind=kind,
                anonymous=kind == "anonymous",
                claim_id=claim,
                claim=content.removeprefix("that "),
                sentence=number,
                evidence=sentence,
                date=date,
            )
        )
    return records


def story_graph(*, outlets: bool = True) -> nx.MultiDiGraph:
    """The story's graph; with ``outlets``, edges carry outlet, title and url as a story
    store's do."""
    graph = build_graph(story_records())
    if outlets:
        by_article = {row[0]: row[2] for row in SENTENCES}
        for _, _, attrs in graph.edges(data=True):
            article = attrs.get("article_id")
            if by_article.get(article):
                attrs["outlet"] = by_article[article]
            if article in TITLES:
                attrs["title"] = TITLES[article]
            if article in URLS:
                attrs["url"] = URLS[article]
    return graph
