"""An optional verdict model, trained by the user on labelled (claim, article) pairs they own.

The rules of :mod:`tracker.check` decide verdicts by default.  A user with labelled pairs
can train a LightGBM classifier on what those rules derive for each pair
(:mod:`tracker.check.verdict.features`) and on words it learns from the training pairs
(:mod:`tracker.check.verdict.words`), and let it decide instead (``tracker check
--verdict-model``).  No feature identifies an article or a story (no id; a learned word
must occur in many different stories): the model learns how articles relate to claims,
not which article or story it saw.  The evidence listed with a verdict stays what the
rules read.

Nothing trained ships with tracker; LightGBM is the optional extra ``train``
(``pip install "tracker[train]"``) and is imported only when a model is trained or loaded.
A model file is one line of JSON (format, tracker version, features, labels, learned
words) followed by LightGBM's text model; nothing is pickled.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker import __version__
from tracker.check.checker import VERDICTS, Assessment, ClaimChecker, claim_lines
from tracker.check.verdict.features import FEATURE_NAMES, SEMANTIC_FEATURE_NAMES, pair_features
from tracker.check.verdict.words import PLACES, choose_vocabulary, pair_words, word_features
from tracker.errors import InputError, TrainedModelError
from tracker.io import read_utf8

if TYPE_CHECKING:
    import lightgbm

__all__ = [
    "MODEL_FORMAT",
    "LabelledPair",
    "TrainSettings",
    "VerdictModel",
    "read_labelled_pairs",
    "train_verdict_model",
]

#: The first word of the header line of a model file.
MODEL_FORMAT = "tracker-verdict-model"
_FORMAT_VERSION = 1


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
    #: words learned per verdict and place (:mod:`tracker.check.verdict.words`); 0 learns none
    words_per_verdict: int = 50
    #: a learned word must occur with pairs of at least this many different stories
    word_min_stories: int = 10


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
        vocabulary: Sequence[str] = (),
    ) -> None:
        self.booster = booster
        self.labels = tuple(labels)
        self.feature_names = tuple(feature_names)
        self.tracker_version = tracker_version
        self.match = match
        #: trained with a sentence encoder: checking needs one too
        self.semantic = semantic
        #: the learned word features, ``"place_word"`` (:mod:`tracker.check.verdict.words`)
        self.vocabulary = tuple(vocabulary)

    def features(self, assessments: Sequence[Assessment]) -> list[list[float]]:
        """The feature rows of the pairs."""
        rows = [pair_features(a, self.match, semantic=self.semantic) for a in assessments]
        if self.vocabulary:
            bags = [pair_words(a, self.match) for a in assessments]
            for row, words in zip(rows, word_features(self.vocabulary, bags), strict=True):
                row += words
        return rows

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
            "vocabulary": list(self.vocabulary),
        }
        return json.dumps(header) + "\n" + self.booster.model_to_string()

    def save(self, path: str | Path) -> None:
        """Write the model to ``path`` (atomically: a failed write leaves nothing)."""
        from tracker.io import atomic_write

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
        vocabulary = header.get("vocabulary", [])
        if not isinstance(vocabulary, list) or not all(
            isinstance(name, str) and name.partition("_")[0] in PLACES for name in vocabulary
        ):
            raise InputError(source, 'has a damaged "vocabulary"; train it again')
        expected = FEATURE_NAMES + (SEMANTIC_FEATURE_NAMES if semantic else ()) + tuple(vocabulary)
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
        match = header.get("match", 0.35)
        if isinstance(match, bool) or not isinstance(match, (int, float)) or not 0 <= match <= 1:
            raise InputError(source, 'has a damaged "match"; train it again')
        from tracker.extract.trained.modelcheck import clean_lightgbm

        lightgbm = _lightgbm()
        try:
            # checked tree by tree before LightGBM reads it (see docs/LIMITS.md)
            body = clean_lightgbm(body)
            booster = lightgbm.Booster(model_str=body)
        except (ValueError, lightgbm.basic.LightGBMError) as exc:
            raise InputError(source, f"holds a damaged LightGBM model ({exc})") from None
        if booster.num_feature() != len(expected):
            raise InputError(source, "holds a LightGBM model whose features do not match its list")
        if booster.num_model_per_iteration() != len(labels):
            raise InputError(source, "holds a LightGBM model whose classes do not match its labels")
        return cls(
            booster,
            labels,
            feature_names=expected,
            tracker_version=str(header.get("tracker_version")),
            match=float(match),
            semantic=semantic,
            vocabulary=vocabulary,
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
    from tracker.errors import RecordError

    settings = settings or TrainSettings()
    lightgbm = _lightgbm()
    if not pairs:
        raise RecordError("no labelled pairs to train on")
    _check_pairs(pairs, set(checker.article_ids))
    match = checker.settings.match
    semantic = checker.encoder is not None
    rows, bags = _feature_rows(pairs, checker, match, semantic)
    vocabulary: tuple[str, ...] = ()
    if settings.words_per_verdict > 0:
        vocabulary = choose_vocabulary(
            bags,
            [p.verdict for p in pairs],
            [p.claim for p in pairs],
            [p.article_id for p in pairs],
            per_verdict=settings.words_per_verdict,
            min_stories=settings.word_min_stories,
        )
        for row, words in zip(rows, word_features(vocabulary, bags), strict=True):
            row += words
    if progress:
        progress(f"features of {len(pairs)} pairs computed; training")
    labels = [VERDICTS.index(p.verdict) for p in pairs]
    counts = [labels.count(k) for k in range(len(VERDICTS))]
    weights = [
        (len(labels) / (len(VERDICTS) * counts[k])) ** settings.class_balance for k in labels
    ]
    params = _booster_params(settings, len(pairs), num_threads)
    import numpy

    names = FEATURE_NAMES + (SEMANTIC_FEATURE_NAMES if semantic else ()) + vocabulary
    dataset = lightgbm.Dataset(
        numpy.asarray(rows, dtype=numpy.float64),
        label=labels,
        weight=weights,
        feature_name=list(names),
        params={"min_data_in_bin": 1, "verbosity": -1},
    )
    booster = lightgbm.train(params, dataset, num_boost_round=settings.rounds)
    return VerdictModel(
        booster,
        VERDICTS,
        feature_names=names,
        match=match,
        semantic=semantic,
        vocabulary=vocabulary,
    )


def _check_pairs(pairs: Sequence[LabelledPair], known: set[str]) -> None:
    from tracker.errors import RecordError

    for pair in pairs:
        if pair.article_id not in known:
            raise RecordError(
                f"labelled claim {pair.claim!r} names article {pair.article_id!r}, which is "
                "not among the articles read; fix its article_id or add that article's file"
            )
        if pair.verdict not in VERDICTS:
            raise RecordError(f"unknown verdict {pair.verdict!r}: use {', '.join(VERDICTS)}")


def _booster_params(settings: TrainSettings, n_pairs: int, num_threads: int) -> dict[str, Any]:
    """LightGBM's parameters for ``n_pairs`` training pairs."""
    return {
        "objective": "multiclass",
        "num_class": len(VERDICTS),
        "learning_rate": settings.learning_rate,
        "num_leaves": settings.num_leaves,
        # small training sets (a few dozen pairs) still get splits
        "min_data_in_leaf": max(1, min(settings.min_data_in_leaf, n_pairs // 10)),
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


def _feature_rows(
    pairs: Sequence[LabelledPair], checker: ClaimChecker, match: float, semantic: bool = False
) -> tuple[list[list[float]], list[dict[str, frozenset[str]]]]:
    """Feature rows and words (:func:`tracker.check.verdict.words.pair_words`) in the order of
    ``pairs``; each claim is assessed once against all its articles."""
    by_claim: dict[str, list[int]] = {}
    for k, pair in enumerate(pairs):
        by_claim.setdefault(pair.claim, []).append(k)
    rows: list[list[float]] = [[] for _ in pairs]
    bags: list[dict[str, frozenset[str]]] = [{} for _ in pairs]
    for claim, indices in by_claim.items():
        assessments = checker.assess(claim, [pairs[k].article_id for k in indices], full=True)
        for k, assessment in zip(indices, assessments, strict=True):
            rows[k] = pair_features(assessment, match, semantic=semantic)
            bags[k] = pair_words(assessment, match)
    return rows, bags
