"""Paraphrases of a corpus's central claims, found by sentence embeddings.

Word overlap (:func:`tracker.resolve.similarity.claim_similarity`) joins contents that share
at least two content words.  A paraphrase of a story's central claim in other words ("the
port was closed" / "ships could not enter the harbour") escapes it and becomes a claim of its
own.  Once every article is in, each such claim is compared with the few claims most widely
reported (the *hubs*: those said in the most articles), by the cosine of their static
embeddings (:mod:`tracker.resolve.embeddings`).  A claim that is close enough to a hub, and
names one of the same entities, joins it.  The cost is a fixed number of comparisons per
claim, so it grows with the number of claims, not its square.

>>> from tracker.resolve.similarity import ClaimSignature
>>> port = ClaimSignature(entities=frozenset({"velm"}), words=frozenset({"port", "close", "velm"}))
>>> ships = ClaimSignature(entities=frozenset({"velm"}), words=frozenset({"ship", "enter", "velm"}))
>>> hub = ClaimView(0, ("The port of Velmora was closed",), port, articles=3)
>>> other = ClaimView(1, ("Ships could not enter Velmora's port",), ships, articles=1)
>>> paraphrase_joins([hub, other], threshold=0.5)
{1: 0}
>>> not_in = ClaimSignature(entities=ships.entities, words=ships.words, negated=True)
>>> negated = ClaimView(1, ("Ships could not enter Velmora's port",), not_in)
>>> paraphrase_joins([hub, negated], threshold=0.5)
{}
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy

from tracker.resolve.embeddings import load_embeddings
from tracker.resolve.similarity import ClaimSignature

__all__ = ["PARAPHRASE_THRESHOLD", "HUBS", "HUB_TEXTS", "ClaimView", "paraphrase_joins"]

#: Cosine of static embeddings at or above which a claim is taken to restate a hub.
PARAPHRASE_THRESHOLD = 0.7
#: How many of the most widely reported claims others are compared with.
HUBS = 8
#: How many wordings of a hub (its most said) a claim is compared with.
HUB_TEXTS = 5


@dataclass(frozen=True)
class ClaimView:
    """What the join reads of a claim: its key, wordings (most said first), signature and
    the number of articles that state it."""

    key: int
    texts: tuple[str, ...]
    signature: ClaimSignature
    articles: int = 1


def _names(view: ClaimView) -> frozenset[str]:
    return view.signature.entities | view.signature.agent


def _compatible(claim: ClaimView, hub: ClaimView) -> bool:
    """A demand never restates a statement, a paraphrase names one of the hub's entities
    (or, when neither names any, shares a word), and both say it the same way round: static
    vectors hardly tell "the port was closed" from "the port was not closed", so a negated
    near-wording is left alone rather than joined as a denial it may not be."""
    a, b = claim.signature, hub.signature
    if a.directive != b.directive or a.negated != b.negated or not a.words:
        return False
    if _names(claim) or _names(hub):
        return bool(_names(claim) & _names(hub))
    return bool(a.words & b.words)


def paraphrase_joins(
    claims: Sequence[ClaimView], *, threshold: float = PARAPHRASE_THRESHOLD, hubs: int = HUBS
) -> dict[int, int]:
    """``{claim key: hub key}`` for each claim that restates one of the ``hubs`` claims said
    in the most articles (at least two); a claim close to several joins the closest."""
    ranked = sorted(
        (c for c in claims if c.articles >= 2 and c.texts), key=lambda c: (-c.articles, c.key)
    )
    top = ranked[:hubs]
    if not top:
        return {}
    embeddings = load_embeddings()
    hub_rows = [(n, text) for n, hub in enumerate(top) for text in hub.texts[:HUB_TEXTS]]
    hub_vectors = embeddings.encode([text for _, text in hub_rows])
    hub_of_row = numpy.array([n for n, _ in hub_rows])
    top_keys = {hub.key for hub in top}
    others = [c for c in claims if c.key not in top_keys and c.texts]
    if not others:
        return {}
    vectors = embeddings.encode([c.texts[0] for c in others])
    joins: dict[int, int] = {}
    for claim, cosines in zip(others, vectors @ hub_vectors.T, strict=True):
        best, best_cosine = None, threshold
        for row in numpy.argsort(-cosines):
            if cosines[row] < best_cosine:
                break
            hub = top[int(hub_of_row[row])]
            if _compatible(claim, hub):
                best, best_cosine = hub, float(cosines[row])
                break
        if best is not None:
            joins[claim.key] = best.key
    return joins
