"""Grouping attribution contents into claims.

Contents that state the same proposition become one claim, within an article and across
articles.  Three rules, in order:

1. relays share the claim they relay: "media quoted officials as saying that X" puts the
   media, the officials and whoever they quote on claim X;
2. a definite reference ("the findings", "the arms transfers", "the agency's findings")
   joins the earlier claim it points back to;
3. otherwise the most similar claim (:func:`tracker.resolve.similarity.claim_similarity`) above a
   threshold, or a new claim.

A negated restatement of a claim by another source ("iran refrains from such actions")
joins that claim as a denial.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tracker import lexicon
from tracker.model import Attribution
from tracker.resolve.similarity import ClaimSignature, claim_similarity, entity_key
from tracker.resolve.sources import slugify

if TYPE_CHECKING:
    from tracker.extract.extractor import ExtractedArticle

__all__ = ["MATCH_THRESHOLD", "ClaimRegistry", "assign_claims", "claim_text"]

#: Similarity at or above which two contents are taken as one claim.
MATCH_THRESHOLD = 0.55

_LEAD = re.compile(r"^(that|whether)\s+", re.IGNORECASE)
_STOP = lexicon.CLAIM_STOP_WORDS


def claim_text(content: str) -> str:
    """The wording of a claim: the content without a leading 'that' or quotation marks."""
    text = _LEAD.sub("", content.strip())
    text = text.strip(" \t\n\"'\u201c\u201d\u2018\u2019,.;:")
    return re.sub(r"\s+", " ", text)


@dataclass
class _Claim:
    id: str
    text: str
    signature: ClaimSignature
    members: list[ClaimSignature] = field(default_factory=list)
    article_ids: set[str] = field(default_factory=set)
    asserted_by: set[str] = field(default_factory=set)
    count: int = 0
    last_sentence: int = 0


class ClaimRegistry:
    """Claims seen so far, across articles; assigns each attribution its claim."""

    def __init__(self, threshold: float = MATCH_THRESHOLD) -> None:
        self.threshold = threshold
        self.claims: list[_Claim] = []
        self._ids: set[str] = set()

    # -- public -----------------------------------------------------------------------

    def assign(self, extracted: ExtractedArticle) -> list[Attribution]:
        """The article's attributions with ``claim_id``, ``claim`` and, for negated
        restatements, ``stance='denies'`` filled in."""
        records = extracted.attributions
        by_id = {r.id: r for r in records}
        relayed_by: dict[str, list[Attribution]] = {}
        for r in records:
            if r.via:
                relayed_by.setdefault(r.via, []).append(r)
        done: dict[str, Attribution] = {}

        def relays(r: Attribution) -> bool:
            sig = extracted.signatures.get(r.id)
            return bool(relayed_by.get(r.id)) and sig is not None and sig.reporting

        for r in records:
            if not relays(r):
                done[r.id] = self._assign_one(
                    r, extracted.signatures.get(r.id), extracted.article.id
                )
        # a relay takes the claim of what it relays, innermost first
        pending = [r for r in records if r.id not in done]
        for _ in range(len(pending) + 1):
            for r in list(pending):
                inner = [done[c.id] for c in relayed_by.get(r.id, []) if c.id in done]
                if inner:
                    target = inner[0]
                    done[r.id] = replace(r, claim_id=target.claim_id, claim=target.claim)
                    self._note(target.claim_id, r)
                    pending.remove(r)
        for r in pending:
            done[r.id] = self._assign_one(r, extracted.signatures.get(r.id), extracted.article.id)
        return [done[r.id] for r in records if r.id in by_id]

    # -- rules ------------------------------------------------------------------------

    def _assign_one(
        self, r: Attribution, sig: ClaimSignature | None, article_id: str
    ) -> Attribution:
        if r.content is None or sig is None:
            return r
        stance = r.stance
        claim = None
        if sig.reference is not None:
            claim = self._referent(sig, article_id, r)
        if claim is None and sig.negated and not sig.directive:
            claim = self._contradicted(sig, article_id, r)
            if claim is not None and stance == "asserts":
                stance = "denies"
        if claim is None:
            claim, score = self._most_similar(sig)
            if claim is not None and score < self.threshold:
                claim = None
            if claim is not None and sig.negated != claim.signature.negated and stance == "asserts":
                stance = "denies"
        if claim is None:
            claim = self._new_claim(claim_text(r.content.text), sig)
        if sig not in claim.members and sig.reference is None:
            claim.members.append(sig)
        updated = replace(r, claim_id=claim.id, claim=claim.text, stance=stance)
        self._note(claim.id, updated, article_id)
        return updated

    def _article_claims(self, article_id: str, before: int) -> list[_Claim]:
        return [c for c in self.claims if article_id in c.article_ids and c.last_sentence <= before]

    def _referent(self, sig: ClaimSignature, article_id: str, r: Attribution) -> _Claim | None:
        """The earlier claim a definite reference ('the findings') points back to."""
        earlier = [c for c in self._article_claims(article_id, r.sentence) if c.count]
        if not earlier:
            return None
        # "the intelligence community's findings": the claim that source asserted
        if sig.modifiers:
            for claim in sorted(earlier, key=lambda c: -c.count):
                for source in claim.asserted_by:
                    words = {entity_key(w) for w in source.split("-")}
                    if len(words & sig.modifiers) >= min(2, len(words)):
                        return claim
        # "the arms transfers": a claim whose predicate is the noun's verb
        same_event = [c for c in earlier if sig.reference in c.signature.predicates]
        if same_event:
            return max(same_event, key=lambda c: (c.count, c.last_sentence))
        if sig.reference in lexicon.INFORMATION_NOUNS or sig.reference in lexicon.PREDICATE_CLASSES:
            return max(earlier, key=lambda c: (c.count, c.last_sentence))
        return None

    def _contradicted(self, sig: ClaimSignature, article_id: str, r: Attribution) -> _Claim | None:
        """A claim this negated content contradicts: same agent, same event or 'such acts',
        asserted by someone else."""
        if not sig.agent:
            return None
        for claim in sorted(self._article_claims(article_id, r.sentence), key=lambda c: -c.count):
            others = claim.asserted_by - {r.source_id}
            if not others or not claim.signature.agent & sig.agent or claim.signature.negated:
                continue
            if claim.signature.predicates & sig.predicates or sig.anaphoric:
                return claim
        return None

    def _most_similar(self, sig: ClaimSignature) -> tuple[_Claim | None, float]:
        best, best_score = None, 0.0
        for claim in self.claims:
            score = max(claim_similarity(sig, member) for member in claim.members)
            if score > best_score:
                best, best_score = claim, score
        return best, best_score

    def _new_claim(self, text: str, sig: ClaimSignature) -> _Claim:
        words = [w for w in slugify(text).split("-") if w not in _STOP][:5]
        base = "c-" + ("-".join(words) or "claim")
        claim_id, n = base, 2
        while claim_id in self._ids:
            claim_id, n = f"{base}-{n}", n + 1
        self._ids.add(claim_id)
        claim = _Claim(claim_id, text, sig, [sig])
        self.claims.append(claim)
        return claim

    def _note(self, claim_id: str | None, r: Attribution, article_id: str | None = None) -> None:
        for claim in self.claims:
            if claim.id == claim_id:
                claim.article_ids.add(article_id or r.article_id)
                claim.count += 1
                claim.last_sentence = max(claim.last_sentence, r.sentence)
                if r.stance == "asserts" and r.source_id:
                    claim.asserted_by.add(r.source_id)
                return


def assign_claims(
    extracted: Iterable[ExtractedArticle], threshold: float = MATCH_THRESHOLD
) -> list[Attribution]:
    """Attributions of all articles, in order, with their claims assigned."""
    registry = ClaimRegistry(threshold)
    out: list[Attribution] = []
    for item in extracted:
        out.extend(registry.assign(item))
    return out
