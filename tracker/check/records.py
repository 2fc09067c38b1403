"""What :mod:`tracker.check` reads and returns: its settings, the evidence of a verdict,
the verdict, and a request to check a claim.

>>> Evidence(None, "denies", "hoax", "It was a hoax.", 0.5, "a1", 10, 24).to_dict()["start"]
10
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["VERDICTS", "CheckSettings", "Evidence", "Verdict", "ClaimRequest"]

#: Every verdict, in the order tables list them.
VERDICTS = ("supports", "denies", "reports", "unrelated")


@dataclass(frozen=True)
class CheckSettings:
    """Thresholds of the verdict rules (general values, picked by reading errors).

    ``related`` is the TF-IDF cosine of claim and article below which an article is
    unrelated (``related_overlap``: the weighted share of the claim's words it must use);
    ``match`` the weighted share of the claim's words a sentence must hold to count as
    being about the claim.  An article refutes the claim when its denials of the claim
    weigh ``deny`` (sum of their similarities), or when ``refuting_sentences`` of its
    sentences, or ``refuting_share`` of them, refute, doubt or deny something.  It only
    reports the claim when ``hedged_share`` of its sentences hedge, or when its matching
    sentences that pass the claim on (hedged or attributed) weigh more than
    ``reported_over_asserted`` times those that assert it.  A claim that is itself a
    denial is supported by an article that passes a denial of it on (one of its matching
    sentences denies, wherever it stands) or has ``echoed_refutations`` sentences that
    refute, and denied by one that asserts what it denies with a weight of
    ``flip_assertion``.  With a sentence encoder, an article is also related when one of
    its sentences reaches a cosine of ``semantic_related`` with the claim.  A text of at
    most ``short_text`` sentences (a headline, a lead) is decided by the sentence that
    matches the claim best.  In a longer text, a denial of the claim counts as the
    article's own only within its first ``denial_lead`` sentences; further down it passes a
    denial on, as a report does.  In a short text that uses one of the claim's names, a
    claim's word it names in other words counts for the cosine of their word vectors when
    that reaches ``paraphrase`` (:mod:`tracker.check.paraphrase`).
    """

    related: float = 0.08
    related_overlap: float = 0.1
    match: float = 0.35
    max_matches: int = 5
    deny: float = 1.2
    refuting_sentences: int = 3
    refuting_share: float = 0.2
    hedged_share: float = 0.08
    reported_over_asserted: float = 1.5
    flip_assertion: float = 0.5
    echoed_refutations: int = 2
    semantic_related: float = 0.6
    short_text: int = 3
    denial_lead: int = 3
    paraphrase: float = 0.6


@dataclass(frozen=True)
class Evidence:
    """One sentence or attribution that bears on the verdict.

    ``source`` is who speaks (``None``: the article's own voice); ``stance`` is what the
    sentence does with the claim (``asserts``, ``denies``, ``declines``, ``reports``, or
    ``nearest`` for the sentence closest to a claim the article is unrelated to); ``cue``
    the word that shows it; ``similarity`` how closely the sentence matches the claim;
    ``start`` and ``end`` where the sentence lies in the article's text (end-exclusive).
    """

    source: str | None
    stance: str
    cue: str | None
    sentence: str
    similarity: float
    article_id: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "stance": self.stance,
            "cue": self.cue,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "similarity": round(self.similarity, 3),
            "article_id": self.article_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(
            source=data.get("source"),
            stance=str(data["stance"]),
            cue=data.get("cue"),
            sentence=str(data.get("sentence", "")),
            similarity=float(data.get("similarity", 0.0)),
            article_id=str(data.get("article_id", "")),
            start=data.get("start"),
            end=data.get("end"),
        )


@dataclass(frozen=True)
class Verdict:
    """An article's verdict on a claim, with the evidence that decided it.

    ``score`` is how related the article is to the claim (0 to 1).
    """

    claim: str
    article_id: str
    verdict: str
    evidence: tuple[Evidence, ...] = ()
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "article_id": self.article_id,
            "verdict": self.verdict,
            "score": round(self.score, 3),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        return cls(
            claim=str(data["claim"]),
            article_id=str(data["article_id"]),
            verdict=str(data["verdict"]),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence", ())),
            score=float(data.get("score", 0.0)),
        )


@dataclass(frozen=True)
class ClaimRequest:
    """A claim to check, against one article (``article_id``) or against all (``None``)."""

    claim: str
    article_id: str | None = None
