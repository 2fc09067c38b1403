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
from collections.abc import Iterable, Sequence

from tracker.check.checker import VERDICTS, Assessment
from tracker.check.text import HEDGE, WEAK_CUES, ParsedSentence, first_phrase
from tracker.resolve.similarity import claim_similarity

__all__ = [
    "FEATURE_NAMES",
    "SEMANTIC_FEATURE_NAMES",
    "NEAR",
    "pair_features",
    "named_pair_features",
]

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
    named = named_pair_features(assessment, match)
    features = [named[name] for name in FEATURE_NAMES]
    if semantic:
        flags = _SentenceFlags(assessment.article.sentences)
        features += _semantic_features(
            assessment.cosines, flags.against, flags.denial, flags.hedge, flags.negated
        )
    return features


def named_pair_features(assessment: Assessment, match: float = 0.35) -> dict[str, float]:
    """The features of :func:`pair_features` (without the semantic ones) by name: each
    group computes its values under their names, so the order of :data:`FEATURE_NAMES`
    cannot drift from what is computed."""
    sims = assessment.similarities or tuple(0.0 for _ in assessment.article.sentences)
    matching = [i for i, sim in enumerate(sims) if sim >= match]
    flags = _SentenceFlags(assessment.article.sentences)
    named = {
        **_relatedness(assessment),
        **_article_features(assessment, flags),
        **_match_features(assessment, sims, matching),
        **_evidence_features(assessment),
        **_cue_features(flags, sims, matching),
        **{f"rule_{verdict}": float(assessment.verdict == verdict) for verdict in VERDICTS},
    }
    if named.keys() != set(FEATURE_NAMES):
        raise AssertionError(
            f"features and FEATURE_NAMES differ: {set(named) ^ set(FEATURE_NAMES)}"
        )
    return named


class _SentenceFlags:
    """What the rules found in each sentence of the article, one flag per sentence."""

    def __init__(self, sentences: Sequence[ParsedSentence]) -> None:
        self.negated = [s.signature.negated for s in sentences]
        self.denial = [any(r.stance == "denies" for r, _ in s.attributions) for s in sentences]
        self.refute = [bool(s.refutation) for s in sentences]
        self.doubt = [bool(s.doubt) for s in sentences]
        self.correction = [bool(s.correction) for s in sentences]
        self.hedge = [bool(s.hedge) for s in sentences]
        self.question = ["?" in s.text for s in sentences]
        self.asserting = [
            bool(s.attributions) and not (d or h)
            for s, d, h in zip(sentences, self.denial, self.hedge, strict=True)
        ]
        self.refuting = [r or d for r, d in zip(self.refute, self.doubt, strict=True)]
        self.against = [
            r or c or d for r, c, d in zip(self.refuting, self.correction, self.denial, strict=True)
        ]


def _relatedness(assessment: Assessment) -> dict[str, float]:
    claim = assessment.claim
    return {
        "cosine": assessment.cosine,
        "overlap": assessment.overlap,
        "claim_terms": float(len(claim.terms)),
        "claim_is_denial": float(claim.negative is not None),
        "claim_negated": float(claim.signature.negated),
        "claim_hedged": float(first_phrase(HEDGE, claim.text) is not None),
        "claim_question": float("?" in claim.text),
    }


def _article_features(assessment: Assessment, flags: _SentenceFlags) -> dict[str, float]:
    parsed = assessment.article
    sentences = parsed.sentences
    n = max(len(sentences), 1)
    attributions = [r for s in sentences for r, _ in s.attributions]
    return {
        "log_sentences": math.log1p(len(sentences)),
        "log_chars": math.log1p(len(parsed.article.text)),
        "refuting_sentences": float(parsed.refuting),
        "refuting_share": parsed.refuting / n,
        "hedged_sentences": float(parsed.hedged),
        "hedged_share": parsed.hedged / n,
        "refutation_sentences": float(sum(flags.refute)),
        "doubt_sentences": float(sum(flags.doubt)),
        "correction_sentences": float(sum(flags.correction)),
        "negated_share": sum(flags.negated) / n,
        "attributions": float(len(attributions)),
        "denying_attributions": float(sum(r.stance == "denies" for r in attributions)),
        "declining_attributions": float(sum(r.stance == "declines" for r in attributions)),
        "question_share": sum(flags.question) / n,
    }


def _match_features(
    assessment: Assessment, sims: Sequence[float], matching: Sequence[int]
) -> dict[str, float]:
    claim = assessment.claim
    sentences = assessment.article.sentences
    n = max(len(sentences), 1)
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
    best_index = list(sims).index(best) if sims and best > 0 else 0
    return {
        "best_similarity": best,
        "second_similarity": ranked[1] if len(ranked) > 1 else 0.0,
        "top3_similarity": sum(ranked[:3]) / 3,
        "lead_similarity": max(sims[:2], default=0.0),
        "best_attribution_similarity": best_attribution,
        "best_position": best_index / n,
        "matching_sentences": float(len(matching)),
        "matching_share": len(matching) / n,
        "close_sentences": float(sum(sim >= 0.5 for sim in sims)),
        "very_close_sentences": float(sum(sim >= 0.7 for sim in sims)),
    }


def _evidence_features(assessment: Assessment) -> dict[str, float]:
    evidence = assessment.evidence
    named: dict[str, float] = {}
    for stance in _STANCES:
        weights = [e.similarity for e in evidence if e.stance == stance]
        named[f"{stance}_count"] = float(len(weights))
        named[f"{stance}_weight"] = sum(weights)
        named[f"{stance}_best"] = max(weights, default=0.0)
    first = evidence[0] if evidence else None
    for stance in _STANCES:
        named[f"first_{stance}"] = float(first is not None and first.stance == stance)
    named["first_cue_weak"] = float(
        first is not None and first.stance == "denies" and first.cue in WEAK_CUES
    )
    return named


def _cue_features(
    flags: _SentenceFlags, sims: Sequence[float], matching: Sequence[int]
) -> dict[str, float]:
    near = {j for i in matching for j in range(i - NEAR, i + NEAR + 1) if 0 <= j < len(sims)}

    def count(values: Sequence[bool], where: Iterable[int]) -> float:
        return float(sum(values[i] for i in where))

    def weighted(values: Sequence[bool]) -> float:
        return sum(sim for sim, flag in zip(sims, values, strict=True) if flag)

    def best_of(values: Sequence[bool]) -> float:
        return max((sim for sim, flag in zip(sims, values, strict=True) if flag), default=0.0)

    return {
        "refute_in_matching": count(flags.refute, matching),
        "doubt_in_matching": count(flags.doubt, matching),
        "correction_in_matching": count(flags.correction, matching),
        "hedge_in_matching": count(flags.hedge, matching),
        "negated_in_matching": count(flags.negated, matching),
        "denial_in_matching": count(flags.denial, matching),
        "refute_near": count(flags.refuting, near),
        "hedge_near": count(flags.hedge, near),
        "denial_near": count(flags.denial, near),
        "refute_weighted": weighted(flags.refute),
        "doubt_weighted": weighted(flags.doubt),
        "correction_weighted": weighted(flags.correction),
        "hedge_weighted": weighted(flags.hedge),
        "negated_weighted": weighted(flags.negated),
        "denial_weighted": weighted(flags.denial),
        "assertion_weighted": weighted(flags.asserting),
        "refute_best_similarity": best_of(flags.refuting),
        "hedge_best_similarity": best_of(flags.hedge),
    }


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
