"""The features a verdict model (:mod:`tracker.check.verdict.model`) reads of one (claim,
article) pair: what the rules of :mod:`tracker.check` derive for it.

They describe how related the article is, how closely its best sentences and
attributions match the claim, how much of the matching evidence denies, refutes, hedges
or asserts, refutation and hedge cues in the whole article and near the matching
sentences, whether the claim itself is a denial, and the rules' own verdict; with a
sentence encoder, also the embedding cosines (:data:`SEMANTIC_FEATURE_NAMES`).  None
identifies an article.

>>> len(FEATURE_NAMES) == len(set(FEATURE_NAMES))
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from tracker.check.checker import VERDICTS, Assessment
from tracker.check.text import HEDGE, WEAK_CUES, first_phrase
from tracker.resolve.similarity import claim_similarity

__all__ = ["FEATURE_NAMES", "SEMANTIC_FEATURE_NAMES", "NEAR", "pair_features"]

_STANCES = ("asserts", "denies", "reports", "declines")
#: Sentences either side of a matching one that count as near it.
NEAR = 1

#: Names of the features of a pair, in the order :func:`pair_features` gives them.
FEATURE_NAMES: tuple[str, ...] = (
    # relatedness
    "cosine",
    "overlap",
    "claim_terms",
    "claim_is_denial",
    "claim_negated",
    "claim_hedged",
    "claim_question",
    # the article as a whole
    "log_sentences",
    "log_chars",
    "refuting_sentences",
    "refuting_share",
    "hedged_sentences",
    "hedged_share",
    "refutation_sentences",
    "doubt_sentences",
    "correction_sentences",
    "negated_share",
    "attributions",
    "denying_attributions",
    "declining_attributions",
    "question_share",
    # how well the best sentences match
    "best_similarity",
    "second_similarity",
    "top3_similarity",
    "lead_similarity",
    "best_attribution_similarity",
    "best_position",
    "matching_sentences",
    "matching_share",
    "close_sentences",
    "very_close_sentences",
    # the rules' evidence
    *(f"{stance}_{what}" for stance in _STANCES for what in ("count", "weight", "best")),
    *(f"first_{stance}" for stance in _STANCES),
    "first_cue_weak",
    # cues in and near the matching sentences, and weighted by similarity
    "refute_in_matching",
    "doubt_in_matching",
    "correction_in_matching",
    "hedge_in_matching",
    "negated_in_matching",
    "denial_in_matching",
    "refute_near",
    "hedge_near",
    "denial_near",
    "refute_weighted",
    "doubt_weighted",
    "correction_weighted",
    "hedge_weighted",
    "negated_weighted",
    "denial_weighted",
    "assertion_weighted",
    "refute_best_similarity",
    "hedge_best_similarity",
    # the rules' verdict
    *(f"rule_{verdict}" for verdict in VERDICTS),
)

#: Features a model trained with a sentence encoder (:mod:`tracker.resolve.semantic`) reads after
#: :data:`FEATURE_NAMES`: embedding cosines of the claim with the article's sentences.
SEMANTIC_FEATURE_NAMES: tuple[str, ...] = (
    "cosine_best",
    "cosine_top3",
    "cosine_lead",
    "cosine_mean",
    "cosine_close_sentences",
    "cosine_best_position",
    "cosine_best_refutes",
    "cosine_refuting_weighted",
    "cosine_refuting_best",
    "cosine_denial_best",
    "cosine_hedge_best",
    "cosine_negated_best",
)


def pair_features(
    assessment: Assessment, match: float = 0.35, *, semantic: bool = False
) -> list[float]:
    """The features of one (claim, article) pair, in the order of :data:`FEATURE_NAMES`
    (then :data:`SEMANTIC_FEATURE_NAMES` with ``semantic``).

    ``match`` is the similarity from which a sentence counts as matching the claim
    (:attr:`tracker.check.CheckSettings.match`)."""
    claim = assessment.claim
    parsed = assessment.article
    sentences = parsed.sentences
    n = max(len(sentences), 1)
    sims = assessment.similarities or tuple(0.0 for _ in sentences)
    text = parsed.article.text

    features: list[float] = [
        assessment.cosine,
        assessment.overlap,
        float(len(claim.terms)),
        float(claim.negative is not None),
        float(claim.signature.negated),
        float(first_phrase(HEDGE, claim.text) is not None),
        float("?" in claim.text),
    ]

    negated = [s.signature.negated for s in sentences]
    denial = [any(r.stance == "denies" for r, _ in s.attributions) for s in sentences]
    refute = [bool(s.refutation) for s in sentences]
    doubt = [bool(s.doubt) for s in sentences]
    correction = [bool(s.correction) for s in sentences]
    hedge = [bool(s.hedge) for s in sentences]
    attributions = [r for s in sentences for r, _ in s.attributions]
    features += [
        math.log1p(len(sentences)),
        math.log1p(len(text)),
        float(parsed.refuting),
        parsed.refuting / n,
        float(parsed.hedged),
        parsed.hedged / n,
        float(sum(refute)),
        float(sum(doubt)),
        float(sum(correction)),
        sum(negated) / n,
        float(len(attributions)),
        float(sum(r.stance == "denies" for r in attributions)),
        float(sum(r.stance == "declines" for r in attributions)),
        sum("?" in s.text for s in sentences) / n,
    ]

    ranked = sorted(sims, reverse=True)
    best = ranked[0] if ranked else 0.0
    best_attribution = max(
        (
            claim_similarity(claim.signature, signature)
            for s in sentences
            for _, signature in s.attributions
            if signature is not None
        ),
        default=0.0,
    )
    best_index = sims.index(best) if sims and best > 0 else 0
    matching = [i for i, sim in enumerate(sims) if sim >= match]
    features += [
        best,
        ranked[1] if len(ranked) > 1 else 0.0,
        sum(ranked[:3]) / 3,
        max(sims[:2], default=0.0),
        best_attribution,
        best_index / n,
        float(len(matching)),
        len(matching) / n,
        float(sum(sim >= 0.5 for sim in sims)),
        float(sum(sim >= 0.7 for sim in sims)),
    ]

    evidence = assessment.evidence
    for stance in _STANCES:
        weights = [e.similarity for e in evidence if e.stance == stance]
        features += [float(len(weights)), sum(weights), max(weights, default=0.0)]
    first = evidence[0] if evidence else None
    features += [float(first is not None and first.stance == stance) for stance in _STANCES]
    features.append(
        float(first is not None and first.stance == "denies" and first.cue in WEAK_CUES)
    )

    near = {j for i in matching for j in range(i - NEAR, i + NEAR + 1) if 0 <= j < len(sims)}

    def count(flags: Sequence[bool], where: Sequence[int] | set[int]) -> float:
        return float(sum(flags[i] for i in where))

    def weighted(flags: Sequence[bool]) -> float:
        return sum(sim for sim, flag in zip(sims, flags, strict=True) if flag)

    def best_of(flags: Sequence[bool]) -> float:
        return max((sim for sim, flag in zip(sims, flags, strict=True) if flag), default=0.0)

    asserting = [
        bool(s.attributions) and not (d or h)
        for s, d, h in zip(sentences, denial, hedge, strict=True)
    ]
    refuting = [r or d for r, d in zip(refute, doubt, strict=True)]
    features += [
        count(refute, matching),
        count(doubt, matching),
        count(correction, matching),
        count(hedge, matching),
        count(negated, matching),
        count(denial, matching),
        count(refuting, near),
        count(hedge, near),
        count(denial, near),
        weighted(refute),
        weighted(doubt),
        weighted(correction),
        weighted(hedge),
        weighted(negated),
        weighted(denial),
        weighted(asserting),
        best_of(refuting),
        best_of(hedge),
    ]
    features += [float(assessment.verdict == verdict) for verdict in VERDICTS]
    if semantic:
        against = [r or c or d for r, c, d in zip(refuting, correction, denial, strict=True)]
        features += _semantic_features(assessment.cosines, against, denial, hedge, negated)
    return features


def _semantic_features(
    cosines: Sequence[float],
    refuting: Sequence[bool],
    denial: Sequence[bool],
    hedge: Sequence[bool],
    negated: Sequence[bool],
) -> list[float]:
    if not cosines:
        return [0.0] * len(SEMANTIC_FEATURE_NAMES)

    def best_of(flags: Sequence[bool]) -> float:
        return max((c for c, flag in zip(cosines, flags, strict=True) if flag), default=0.0)

    ranked = sorted(cosines, reverse=True)
    best = ranked[0]
    best_index = cosines.index(best)
    return [
        best,
        sum(ranked[:3]) / len(ranked[:3]),
        cosines[0],
        sum(cosines) / len(cosines),
        float(sum(c >= 0.5 for c in cosines)),
        best_index / len(cosines),
        float(refuting[best_index]),
        sum(max(c - 0.3, 0.0) for c, flag in zip(cosines, refuting, strict=True) if flag),
        best_of(refuting),
        best_of(denial),
        best_of(hedge),
        best_of(negated),
    ]
