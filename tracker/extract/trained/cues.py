"""A cue model you train on attribution annotations you own.

The rules in :mod:`tracker.extract.rules` only see cues their word lists name.  A
:class:`CueModel` scores every verb and noun of a parsed paragraph for how likely it heads a
cue, learned from brat annotations in the PolNeAR layout (see :mod:`tracker.gold.brat`).  With
one, :class:`~tracker.extract.SpacyExtractor` also reads a word scoring at least
``accept`` as a cue, and skips a listed word scoring below ``veto``.  The rules still find
the source and content: the model only decides which words are cues.

Nothing trained ships with tracker: the default extractor is the rules alone.  Training
needs LightGBM (``pip install "tracker[train]"``).

>>> model = train_cue_model("annotations/", nlp)                    # doctest: +SKIP
>>> model.save("cues.json")                                         # doctest: +SKIP
>>> extractor = SpacyExtractor(nlp, cue_model=CueModel.load("cues.json"))  # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker import lexicon
from tracker.errors import TrainedModelError
from tracker.extract.quotes import quote_segments
from tracker.nlp import doc_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from tracker.gold.brat import GoldArticle

__all__ = [
    "require_lightgbm",
    "CueModel",
    "train_cue_model",
    "fit_cue_model",
    "cross_fitted_scores",
    "article_folds",
    "cue_training_rows",
    "gold_cue_heads",
    "parsed_paragraphs",
    "read_model_file",
    "write_model_file",
]

#: Parts of speech a learned cue may have: the rules read a cue verb's or noun's source
#: and content off the parse, and no other word class.
CUE_POS = ("VERB", "AUX", "NOUN")

_FORMAT = "tracker-cue-model"
_VERSION = 1

_POS = "ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split()
_DEPS = (
    "ROOT acl acomp advcl advmod amod appos attr aux auxpass cc ccomp compound conj dative "
    "dep det dobj expl intj mark neg nmod npadvmod nsubj nsubjpass oprd parataxis pcomp pobj "
    "poss prep prt relcl xcomp"
).split()
_CHILD_DEPS = (
    "ccomp xcomp dobj nsubj nsubjpass prep mark acomp advcl neg aux auxpass attr prt dative"
).split()
_LEXICONS = (
    lexicon.ASSERT_VERBS,
    lexicon.DENY_VERBS,
    lexicon.DECLINE_VERBS,
    lexicon.OBJECT_CUE_VERBS,
    lexicon.INTENT_VERBS,
    lexicon.COGNITION_VERBS,
    lexicon.CUE_NOUNS,
)
_TOPIC_PREPOSITIONS = lexicon.CUE_MODEL_TOPIC_PREPOSITIONS
#: categorical columns first, in this order (LightGBM is told which they are)
_CATEGORICAL = ("lemma", "head_lemma", "pos", "dep", "head_pos", "head_dep")


def require_lightgbm() -> Any:
    try:
        import lightgbm
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise TrainedModelError(
            'training or using a cue model needs LightGBM: pip install "tracker[train]"'
        ) from exc
    return lightgbm


def _index(values: Sequence[str]) -> dict[str, int]:
    return {v: i + 1 for i, v in enumerate(values)}


_POS_ID = _index(_POS)
_DEP_ID = _index(_DEPS)


def _feature_names(width: int) -> list[str]:
    names = list(_CATEGORICAL)
    names += [f"lexicon_{i}" for i in range(len(_LEXICONS))]
    names += [f"head_lexicon_{i}" for i in range(len(_LEXICONS))]
    names += [f"child_{d}" for d in _CHILD_DEPS]
    names += ["topic_prep", "that_clause", "to_infinitive", "in_quote", "negated", "position"]
    names += ["relative_position", "lower_case_text", "tag_past", "tag_participle"]
    names += [f"context_{i}" for i in range(width)]
    return names


def _rows(doc: Doc, lemmas: dict[str, int]) -> tuple[list[int], list[list[float]]]:
    """The candidate tokens of one paragraph and their feature rows."""
    segments = quote_segments(doc_text(doc))
    lower_text = float(not any(ch.isupper() for ch in doc_text(doc)))
    tensor = doc.tensor if doc.tensor is not None and len(doc.tensor) == len(doc) else None
    width = tensor.shape[1] if tensor is not None else 0
    picked: list[int] = []
    rows: list[list[float]] = []
    for token in doc:
        if token.pos_ not in CUE_POS:
            continue
        picked.append(token.i)
        rows.append(_token_row(token, lemmas, segments, lower_text, tensor, width))
    return picked, rows


def _token_row(
    token: Token,
    lemmas: dict[str, int],
    segments: list[tuple[int, int]],
    lower_text: float,
    tensor: Any,
    width: int,
) -> list[float]:
    lemma = token.lemma_.lower()
    head = token.head
    head_lemma = head.lemma_.lower()
    children = list(token.children)
    deps = {c.dep_ for c in children}
    sent = token.sent
    row: list[float] = [
        float(lemmas.get(lemma, 0)),
        float(lemmas.get(head_lemma, 0)),
        float(_POS_ID.get(token.pos_, 0)),
        float(_DEP_ID.get(token.dep_, 0)),
        float(_POS_ID.get(head.pos_, 0)),
        float(_DEP_ID.get(head.dep_, 0)),
    ]
    row += [float(lemma in words) for words in _LEXICONS]
    row += [float(head_lemma in words and head.i != token.i) for words in _LEXICONS]
    row += [float(d in deps) for d in _CHILD_DEPS]
    row += [
        float(any(c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS for c in children)),
        float(any(m.lower_ == "that" for c in children for m in c.children if m.dep_ == "mark")),
        float(any(a.lower_ == "to" for c in children if c.dep_ == "xcomp" for a in c.children)),
        float(any(a <= token.idx < b for a, b in segments)),
        float("neg" in deps),
        float(token.i - sent.start),
        (token.i - sent.start) / max(1, len(sent)),
        lower_text,
        float(token.tag_ == "VBD"),
        float(token.tag_ == "VBN"),
    ]
    if tensor is not None:
        row += [float(x) for x in tensor[token.i]]
    return row


def gold_cue_heads(article: GoldArticle, paragraph_start: int, doc: Doc) -> set[int]:
    """Token indices of ``doc`` (the paragraph starting at ``paragraph_start``) that head a
    gold cue (the first fragment of each)."""
    heads: set[int] = set()
    for attribution in article.attributions:
        start, end = attribution.cue.fragments[0]
        start, end = start - paragraph_start, end - paragraph_start
        if end <= 0 or start >= len(doc_text(doc)):
            continue
        tokens = [t for t in doc if t.idx < end and t.idx + len(t) > start]
        inside = {t.i for t in tokens}
        for token in tokens:
            if token.head.i not in inside or token.head.i == token.i:
                heads.add(token.i)
                break
    return heads


def parsed_paragraphs(
    articles: Sequence[GoldArticle], nlp: Language
) -> Iterator[tuple[GoldArticle, int, Doc]]:
    """Every paragraph of every gold article, parsed, as ``(article, paragraph start, doc)``:
    the paragraphs :class:`~tracker.extract.SpacyExtractor` reads, in article order."""
    from tracker.extract.extractor import paragraph_spans
    from tracker.gold.evaluate import gold_article

    def paragraphs() -> Iterator[tuple[str, tuple[GoldArticle, int]]]:
        for gold in articles:
            for span in paragraph_spans(gold_article(gold)):
                yield span.text, (gold, span.start)

    for doc, (gold, start) in nlp.pipe(paragraphs(), as_tuples=True, batch_size=64):
        yield gold, start, doc


def cue_training_rows(
    articles: Sequence[GoldArticle],
    nlp: Language,
    *,
    min_count: int = 3,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[str], list[list[float]], list[int]]:
    """The lemma vocabulary, feature rows and labels (1: heads a gold cue) for training."""
    return _rows_of(_parse(articles, nlp, progress), min_count=min_count)


def _parse(
    articles: Sequence[GoldArticle],
    nlp: Language,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[GoldArticle, int, Doc]]:
    parsed: list[tuple[GoldArticle, int, Doc]] = []
    done: set[str] = set()
    for gold, start, doc in parsed_paragraphs(articles, nlp):
        parsed.append((gold, start, doc))
        if gold.id not in done:
            done.add(gold.id)
            if progress is not None:
                progress(len(done), len(articles))
    return parsed


def _rows_of(
    parsed: Sequence[tuple[GoldArticle, int, Doc]], *, min_count: int = 3
) -> tuple[list[str], list[list[float]], list[int]]:
    counts: Counter[str] = Counter()
    for _gold, _start, doc in parsed:
        counts.update(t.lemma_.lower() for t in doc if t.pos_ in CUE_POS)
    vocabulary = sorted(lemma for lemma, n in counts.items() if n >= min_count)
    lemmas = _index(vocabulary)
    rows: list[list[float]] = []
    labels: list[int] = []
    for gold, start, doc in parsed:
        heads = gold_cue_heads(gold, start, doc)
        picked, doc_rows = _rows(doc, lemmas)
        rows.extend(doc_rows)
        labels.extend(int(i in heads) for i in picked)
    return vocabulary, rows, labels


class CueModel:
    """A trained scorer of cue words (see the module docstring)."""

    def __init__(
        self,
        booster: Any,
        vocabulary: Sequence[str],
        *,
        thresholds: tuple[float, float] = (0.5, 0.1),
        trained_on: str = "",
    ) -> None:
        self.booster = booster
        self.vocabulary = list(vocabulary)
        self._lemmas = _index(self.vocabulary)
        #: ``(accept, veto)``: see :func:`tracker.extract.rules.find_candidates`
        self.thresholds = thresholds
        self.trained_on = trained_on

    def probabilities(self, doc: Doc) -> list[float]:
        """For each token of ``doc``, the chance it heads a cue; NaN for words of a kind the
        model does not judge (the rules alone decide those)."""
        import numpy as np

        scores = [float("nan")] * len(doc)
        picked, rows = _rows(doc, self._lemmas)
        if rows:
            predicted = self.booster.predict(np.asarray(rows, dtype=np.float32))
            for i, p in zip(picked, predicted, strict=True):
                scores[i] = float(p)
        return scores

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": _FORMAT,
            "version": _VERSION,
            "trained_on": self.trained_on,
            "thresholds": list(self.thresholds),
            "vocabulary": self.vocabulary,
            "booster": self.booster.model_to_string(),
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model as one JSON file (atomically)."""
        write_model_file(path, self.to_dict())

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> CueModel:
        """Read a model written by :meth:`save`; a file of any other kind is refused."""
        data = read_model_file(path, _FORMAT, _VERSION, "cue model", "tracker train-cues")
        return cls.from_dict(data, path)

    @classmethod
    def from_dict(cls, data: dict[str, Any], where: object = "cue model") -> CueModel:
        """The model :meth:`to_dict` described; ``where`` names it in errors."""
        from tracker.extract.trained.modelcheck import clean_lightgbm

        lightgbm = require_lightgbm()
        try:
            # every field checked before LightGBM reads anything (see docs/LIMITS.md)
            if not isinstance(data, dict):
                raise ValueError("not an object")
            vocabulary, thresholds = data.get("vocabulary"), data.get("thresholds")
            if not isinstance(vocabulary, list) or not all(isinstance(w, str) for w in vocabulary):
                raise ValueError("its vocabulary is not a list of words")
            if not (
                isinstance(thresholds, list)
                and len(thresholds) == 2
                and all(_is_chance(t) for t in thresholds)
            ):
                raise ValueError("its thresholds are not two numbers between 0 and 1")
            if not isinstance(data.get("trained_on", ""), str):
                raise ValueError("its 'trained_on' is not text")
            booster = lightgbm.Booster(model_str=clean_lightgbm(data.get("booster")))
            accept, veto = thresholds
            return cls(
                booster,
                vocabulary,
                thresholds=(float(accept), float(veto)),
                trained_on=data.get("trained_on", ""),
            )
        except (ValueError, lightgbm.basic.LightGBMError) as exc:
            raise TrainedModelError(f"{where}: damaged cue model ({exc}); train it again") from None


#: Model files larger than this many bytes are refused.
MAX_MODEL_BYTES = 1_000_000_000


def _is_chance(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1


def write_model_file(path: str | os.PathLike[str], data: dict[str, Any]) -> None:
    """Write a trained model's JSON object to ``path`` atomically (nothing half-written)."""
    from tracker.io import atomic_write

    with atomic_write(path) as handle:
        json.dump(data, handle)


def read_model_file(
    path: str | os.PathLike[str], fmt: str, version: int, kind: str, command: str
) -> dict[str, Any]:
    """The JSON object of a trained model file whose ``format`` is ``fmt`` and ``version``
    is ``version``; anything else is a :class:`TrainedModelError` naming the file, what
    ``kind`` of model it should hold and the ``command`` that trains one."""
    from tracker.errors import InputError
    from tracker.ingest.files import read_bounded
    from tracker.ingest.readers import parse_json

    where = Path(path)
    if not where.exists():
        raise TrainedModelError(f"{where}: no such {kind} file")
    try:
        data = parse_json(where, read_bounded(where, MAX_MODEL_BYTES).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise TrainedModelError(
            f"{where}: not a {kind} ({exc}); train one with `{command}`"
        ) from None
    except InputError as exc:
        raise TrainedModelError(
            f"{where}: not a {kind} ({exc.problem}); train one with `{command}`"
        ) from None
    if not isinstance(data, dict) or data.get("format") != fmt:
        raise TrainedModelError(f"{where}: not a {kind}; train one with `{command}`")
    if data.get("version") != version:
        raise TrainedModelError(
            f"{where}: {kind} format version {data.get('version')!r} is not {version}; "
            "train it again with this version of tracker"
        )
    return data


def train_cue_model(
    gold_dir: str | os.PathLike[str],
    nlp: Language,
    *,
    limit: int | None = None,
    thresholds: tuple[float, float] = (0.5, 0.1),
    rounds: int = 150,
    min_leaf: int = 20,
    threads: int = 0,
    seed: int = 7,
    progress: Callable[[int, int], None] | None = None,
) -> CueModel:
    """Train a :class:`CueModel` on the brat annotations in ``gold_dir``.

    Deterministic for the same data, pipeline and settings."""
    from tracker.gold.brat import load_gold_corpus

    articles = load_gold_corpus(gold_dir, limit=limit)
    return fit_cue_model(
        _parse(articles, nlp, progress),
        where=str(gold_dir),
        trained_on=f"{len(articles)} articles",
        thresholds=thresholds,
        rounds=rounds,
        min_leaf=min_leaf,
        threads=threads,
        seed=seed,
    )


def fit_cue_model(
    parsed: Sequence[tuple[GoldArticle, int, Doc]],
    *,
    where: str = "the annotations",
    trained_on: str | None = None,
    thresholds: tuple[float, float] = (0.5, 0.1),
    rounds: int = 150,
    min_leaf: int = 20,
    threads: int = 0,
    seed: int = 7,
) -> CueModel:
    """Train a :class:`CueModel` on paragraphs already parsed by :func:`parsed_paragraphs`
    (so a caller that trains several models on parts of one corpus parses it once)."""
    import numpy as np

    vocabulary, rows, labels = _rows_of(parsed)
    if not rows or not any(labels) or all(labels):
        raise TrainedModelError(
            f"{where}: the annotations give no cue words to learn from (or nothing "
            "else); a cue model needs annotated attributions in running text"
        )
    lightgbm = require_lightgbm()
    features = np.asarray(rows, dtype=np.float32)
    width = features.shape[1] - len(_feature_names(0))
    dataset = lightgbm.Dataset(
        features,
        label=np.asarray(labels),
        feature_name=_feature_names(width),
        categorical_feature=list(_CATEGORICAL),
        free_raw_data=True,
    )
    params = {
        "objective": "binary",
        "learning_rate": 0.1,
        "num_leaves": 63,
        "min_data_in_leaf": min_leaf,
        "feature_fraction": 0.8,
        "bagging_fraction": 0.8,
        "bagging_freq": 1,
        "cat_smooth": 10,
        "max_cat_to_onehot": 8,
        "seed": seed,
        "deterministic": True,
        "force_row_wise": True,
        "num_threads": threads,
        "verbose": -1,
    }
    booster = lightgbm.train(params, dataset, num_boost_round=rounds)
    if trained_on is None:
        trained_on = f"{len({gold.id for gold, _start, _doc in parsed})} articles"
    return CueModel(booster, vocabulary, thresholds=thresholds, trained_on=trained_on)


def article_folds(parsed: Sequence[tuple[GoldArticle, int, Doc]], folds: int) -> dict[str, int]:
    """The fold of each article of ``parsed`` for cross-fitting: dealt in turn, in order."""
    ids = dict.fromkeys(gold.id for gold, _start, _doc in parsed)
    return {article_id: k % folds for k, article_id in enumerate(ids)}


def cross_fitted_scores(
    parsed: Sequence[tuple[GoldArticle, int, Doc]],
    folds: int,
    *,
    threads: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> list[list[float]]:
    """Each parsed paragraph's cue scores from a cue model trained without its article.

    The articles are dealt into ``folds`` folds in turn; each fold is scored by a model
    trained on the others.  A model learning from cue scores (the span model) needs these:
    on the articles it was trained on, a cue model is surer than it will be on new text.
    ``progress(fold, folds)`` is called before each fold's model is trained."""
    fold_of = article_folds(parsed, folds)
    scores: list[list[float]] = [[] for _ in parsed]
    for k in range(folds):
        if progress is not None:
            progress(k + 1, folds)
        rest = [item for item in parsed if fold_of[item[0].id] != k]
        model = fit_cue_model(rest, threads=threads)
        for n, (gold, _start, doc) in enumerate(parsed):
            if fold_of[gold.id] == k:
                scores[n] = model.probabilities(doc)
    return scores
