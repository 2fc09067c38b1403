"""The wording of a claim: its text without what frames it, and the word stems that tell
two wordings apart without a parser."""

from __future__ import annotations

import re

from tracker import lexicon
from tracker.resolve.similarity import ClaimSignature

__all__ = ["claim_text", "floating_words", "stems"]

#: what leads a content but is no part of the claim: "that", "whether", a live page's
#: time stamp ("10.50 Lind named as ...")
_LEAD = re.compile(r"^(?:(?i:that|whether)\s+|\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s+(?=[A-Z]))")
_STOP = lexicon.CLAIM_STOP_WORDS


def stems(text: str) -> set[str]:
    """The first five letters of each word of four letters or more that is not a stop word
    (enough to tell "shipment" from "shipments" as one word without a parser).

    >>> sorted(stems("the shipment reports"))
    ['repor', 'shipm']
    """
    words = re.findall(r"[a-z]{4,}", text.lower())
    return {w[:5] for w in words if w not in _STOP}


_CLAIM_NOUN_STEMS = stems(" ".join(lexicon.CLAIM_NOUNS))
#: the most words a reference to a claim has ("the claims in the Harbour Ledger report")
_REFERENCE_WORDS = 7


def floating_words(text: str, signature: ClaimSignature) -> frozenset[str] | None:
    """The word stems a bare reference to a claim names besides its noun ("Tessaly rejects
    shipment report": ``{'shipm', 'tessa', 'rejec'}`` less the noun's), or None when the
    content is no short reference to a claim (only such a content, with nothing before it in
    its article, is resolved over the whole corpus).

    >>> from tracker.resolve.similarity import ClaimSignature
    >>> sorted(floating_words("shipment report", ClaimSignature(reference="report")))
    ['shipm']
    >>> floating_words("shipment report", ClaimSignature()) is None
    True
    """
    if signature.reference not in lexicon.CLAIM_NOUNS or len(text.split()) > _REFERENCE_WORDS:
        return None
    return frozenset(stems(text) - _CLAIM_NOUN_STEMS)


def claim_text(content: str) -> str:
    """The wording of a claim: the content without a leading 'that', a time stamp or
    quotation marks.

    >>> claim_text("10.50 Lind named as Lady Orsk")
    'Lind named as Lady Orsk'
    """
    text = _LEAD.sub("", content.strip())
    text = text.strip(" \t\n\"'\u201c\u201d\u2018\u2019,.;:")
    return re.sub(r"\s+", " ", text)
