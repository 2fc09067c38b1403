"""An optional verdict model, trained by the user on labelled (claim, article) pairs they own.

The rules of :mod:`tracker.check` decide verdicts by default.  A user with labelled pairs
can train a LightGBM classifier on what those rules derive for each pair -- how related
the article is, how closely its best sentences and attributions match the claim, how much
of the matching evidence denies, refutes, hedges or asserts, refutation and hedge cues in
the whole article and near the matching sentences, whether the claim itself is a denial,
and the rules' own verdict -- and let it decide instead (``tracker check --verdict-model``).
No feature identifies an article (no id, no bag of its words): the model learns how
articles relate to claims, not which article it saw.  The evidence listed with a verdict
stays what the rules read.

Nothing trained ships with tracker; LightGBM is the optional extra ``train``
(``pip install "tracker[train]"``) and is imported only when a model is trained or loaded.
A model file is one line of JSON (format, tracker version, features, labels) followed by
LightGBM's text model; nothing is pickled.

>>> len(FEATURE_NAMES) == len(set(FEATURE_NAMES))
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .check import VERDICTS, Assessment, ClaimChecker, claim_lines
from .checktext import HEDGE, WEAK_CUES, first_phrase
from .errors import InputError, TrainedModelError
from .io import read_utf8
from .similarity import claim_similarity

if TYPE_CHECKING:
    import lightgbm

__all__ = [
    "FEATURE_NAMES",
    "SEMANTIC_FEATURE_NAMES",
    "MODEL_FORMAT",
    "LabelledPair",
    "TrainSettings",
    "VerdictModel",
    "pair_features",
    "read_labelled_pairs",
    "train_verdict_model",
]

#: The first word of the header line of a model file.
MODEL_FORMAT = "tracker-verdict-model"
_FORMAT_VERSION = 1
_STANCES = ("asserts", "denies", "reports", "declines")
_NEAR = 1  # sentences either side of a matching one that count as near it

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

#: Features a model trained with a sentence encoder (:mod:`tracker.semantic`) reads after
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


@dataclass(frozen=True)
class LabelledPair:
    """A claim, the article it was checked against, and the verdict a person gave."""

    claim: str
    article_id: str
    verdict: str


@dataclass(frozen=True)
class TrainSettings:
    """LightGBM settings for :func:`train_verdict_model` (general values, not tuned to
    one data set).  ``class_balance`` weighs each pair by (pairs / (labels * pairs with
    its label)) to that power: 0 weighs all alike, 1 weighs every label alike."""

    rounds: int = 300
    learning_rate: float = 0.05
    num_leaves: int = 31
    min_data_in_leaf: int = 20
    feature_fraction: float = 0.8
    lambda_l2: float = 1.0
    class_balance: float = 1.0
    seed: int = 0


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

    near = {j for i in matching for j in range(i - _NEAR, i + _NEAR + 1) if 0 <= j < len(sims)}

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


def _lightgbm() -> Any:
    try:
        import lightgbm
    except ImportError:
        raise TrainedModelError(
            'verdict models need LightGBM, which is not installed: pip install "tracker[train]"'
        ) from None
    return lightgbm


class VerdictModel:
    """A trained verdict model: a LightGBM booster, the labels of its classes and the
    features it reads.  Pass it to :class:`tracker.check.ClaimChecker` as
    ``verdict_model``."""

    def __init__(
        self,
        booster: lightgbm.Booster,
        labels: Sequence[str] = VERDICTS,
        *,
        feature_names: Sequence[str] = FEATURE_NAMES,
        tracker_version: str = __version__,
        match: float = 0.35,
        semantic: bool = False,
    ) -> None:
        self.booster = booster
        self.labels = tuple(labels)
        self.feature_names = tuple(feature_names)
        self.tracker_version = tracker_version
        self.match = match
        #: trained with a sentence encoder: checking needs one too
        self.semantic = semantic

    def features(self, assessments: Sequence[Assessment]) -> list[list[float]]:
        """The feature rows of the pairs."""
        return [pair_features(a, self.match, semantic=self.semantic) for a in assessments]

    def predict_proba(self, assessments: Sequence[Assessment]) -> list[dict[str, float]]:
        """The probability of each label, for each pair.

        Raises :class:`tracker.errors.TrainedModelError` when the model was trained with
        a sentence encoder and the pairs were assessed without one."""
        if not assessments:
            return []
        if self.semantic and any(a.article.sentences and not a.cosines for a in assessments):
            raise TrainedModelError(
                "this verdict model was trained with sentence embeddings: check with them "
                "too (tracker check --semantic, or ClaimChecker(encoder=...))"
            )
        import numpy

        matrix = numpy.asarray(self.features(assessments), dtype=numpy.float64)
        rows = self.booster.predict(matrix, num_threads=1)
        return [dict(zip(self.labels, map(float, row), strict=True)) for row in rows]

    def predict(self, assessments: Sequence[Assessment]) -> list[str]:
        """The most probable verdict of each pair."""
        return [max(p, key=p.__getitem__) for p in self.predict_proba(assessments)]

    # -- files --------------------------------------------------------------------------

    def to_string(self) -> str:
        """The model as text: a JSON header line, then LightGBM's text model."""
        header = {
            "format": MODEL_FORMAT,
            "format_version": _FORMAT_VERSION,
            "tracker_version": self.tracker_version,
            "labels": list(self.labels),
            "features": list(self.feature_names),
            "match": self.match,
            "semantic": self.semantic,
        }
        return json.dumps(header) + "\n" + self.booster.model_to_string()

    def save(self, path: str | Path) -> None:
        """Write the model to ``path`` (atomically: a failed write leaves nothing)."""
        from .io import atomic_write

        with atomic_write(path) as handle:
            handle.write(self.to_string())

    @classmethod
    def from_string(cls, text: str, source: str = "<string>") -> VerdictModel:
        """Read a model written by :meth:`to_string`; ``source`` names it in errors."""
        first, _, body = text.partition("\n")
        try:
            header = json.loads(first)
        except json.JSONDecodeError:
            header = None
        if not isinstance(header, dict) or header.get("format") != MODEL_FORMAT:
            raise InputError(
                source, "is not a tracker verdict model; train one with `tracker train-check`"
            )
        semantic = header.get("semantic") is True
        expected = FEATURE_NAMES + (SEMANTIC_FEATURE_NAMES if semantic else ())
        if (
            header.get("format_version") != _FORMAT_VERSION
            or tuple(header.get("features", ())) != expected
        ):
            raise InputError(
                source,
                f"was trained by tracker {header.get('tracker_version')} on other features; "
                f"train it again with this version ({__version__})",
            )
        labels = header.get("labels")
        if not isinstance(labels, list) or not set(labels) <= set(VERDICTS) or not labels:
            raise InputError(source, f"lists labels other than {', '.join(VERDICTS)}")
        lightgbm = _lightgbm()
        try:
            booster = lightgbm.Booster(model_str=body)
        except lightgbm.basic.LightGBMError as exc:
            raise InputError(source, f"holds a damaged LightGBM model ({exc})") from None
        if booster.num_model_per_iteration() != len(labels):
            raise InputError(source, "holds a LightGBM model whose classes do not match its labels")
        return cls(
            booster,
            labels,
            feature_names=expected,
            tracker_version=str(header.get("tracker_version")),
            match=float(header.get("match", 0.35)),
            semantic=semantic,
        )

    @classmethod
    def load(cls, path: str | Path) -> VerdictModel:
        """Read a model file written by :meth:`save` (or ``tracker train-check``)."""
        path = Path(path)
        text = read_utf8(path, "is not a tracker verdict model (not UTF-8 text)")
        return cls.from_string(text, str(path))


def read_labelled_pairs(path: str | Path) -> list[LabelledPair]:
    """Read labelled pairs from JSON Lines: ``{"claim": "...", "article_id": "...",
    "verdict": "supports|denies|reports|unrelated"}`` a line; blank lines are skipped."""
    pairs = []
    for number, item, claim, article_id in claim_lines(path):
        if article_id is None:
            raise InputError(path, f'line {number}: needs an "article_id" string')
        verdict = item.get("verdict")
        if verdict not in VERDICTS:
            raise InputError(
                path,
                f'line {number}: "verdict" must be one of {", ".join(VERDICTS)}, not '
                f"{json.dumps(verdict)}",
            )
        pairs.append(LabelledPair(claim, article_id, verdict))
    return pairs


def train_verdict_model(
    pairs: Sequence[LabelledPair],
    checker: ClaimChecker,
    *,
    settings: TrainSettings | None = None,
    num_threads: int = 1,
    progress: Callable[[str], None] | None = None,
) -> VerdictModel:
    """Train a verdict model on labelled pairs whose articles ``checker`` holds.

    When the checker has a sentence encoder, the model also reads embedding cosines
    (:data:`SEMANTIC_FEATURE_NAMES`) and needs an encoder wherever it is used.

    The same pairs, settings and ``num_threads`` give the same model.  One thread is the
    default: LightGBM's threads spin while they wait, and on a machine whose cores are
    busy with other work two threads can train a hundred times slower than one.  Raises
    :class:`tracker.errors.RecordError` when a pair names an article the checker lacks or
    no pair is given, and :class:`tracker.errors.TrainedModelError` when LightGBM is missing.
    """
    from .errors import RecordError

    settings = settings or TrainSettings()
    lightgbm = _lightgbm()
    if not pairs:
        raise RecordError("no labelled pairs to train on")
    known = set(checker.article_ids)
    for pair in pairs:
        if pair.article_id not in known:
            raise RecordError(
                f"labelled claim {pair.claim!r} names article {pair.article_id!r}, which is "
                "not among the articles read; fix its article_id or add that article's file"
            )
        if pair.verdict not in VERDICTS:
            raise RecordError(f"unknown verdict {pair.verdict!r}: use {', '.join(VERDICTS)}")
    match = checker.settings.match
    semantic = checker.encoder is not None
    rows = _feature_rows(pairs, checker, match, semantic)
    if progress:
        progress(f"features of {len(pairs)} pairs computed; training")
    labels = [VERDICTS.index(p.verdict) for p in pairs]
    counts = [labels.count(k) for k in range(len(VERDICTS))]
    weights = [
        (len(labels) / (len(VERDICTS) * counts[k])) ** settings.class_balance for k in labels
    ]
    params = {
        "objective": "multiclass",
        "num_class": len(VERDICTS),
        "learning_rate": settings.learning_rate,
        "num_leaves": settings.num_leaves,
        # small training sets (a few dozen pairs) still get splits
        "min_data_in_leaf": max(1, min(settings.min_data_in_leaf, len(pairs) // 10)),
        "min_sum_hessian_in_leaf": 1e-3,
        "min_data_in_bin": 1,
        "feature_fraction": settings.feature_fraction,
        "lambda_l2": settings.lambda_l2,
        "seed": settings.seed,
        "deterministic": True,
        "force_row_wise": True,
        "num_threads": num_threads,
        "verbosity": -1,
    }
    import numpy

    names = FEATURE_NAMES + (SEMANTIC_FEATURE_NAMES if semantic else ())
    dataset = lightgbm.Dataset(
        numpy.asarray(rows, dtype=numpy.float64),
        label=labels,
        weight=weights,
        feature_name=list(names),
        params={"min_data_in_bin": 1, "verbosity": -1},
    )
    booster = lightgbm.train(params, dataset, num_boost_round=settings.rounds)
    return VerdictModel(booster, VERDICTS, feature_names=names, match=match, semantic=semantic)


def _feature_rows(
    pairs: Sequence[LabelledPair], checker: ClaimChecker, match: float, semantic: bool = False
) -> list[list[float]]:
    """Feature rows in the order of ``pairs``; each claim is assessed once against all
    its articles."""
    by_claim: dict[str, list[int]] = {}
    for k, pair in enumerate(pairs):
        by_claim.setdefault(pair.claim, []).append(k)
    rows: list[list[float]] = [[] for _ in pairs]
    for claim, indices in by_claim.items():
        assessments = checker.assess(claim, [pairs[k].article_id for k in indices], full=True)
        for k, assessment in zip(indices, assessments, strict=True):
            rows[k] = pair_features(assessment, match, semantic=semantic)
    return rows
