"""A span model you train on attribution annotations you own.

The rules in :mod:`tracker.extract.rules` read a cue's source and content off the parse
with fixed conventions; an annotated corpus draws the boundaries its own way (which
modifiers a cue takes, where a content ends).  A :class:`SpanModel` learns them: two
linear-chain CRFs (python-crfsuite) over the tokens of each paragraph.

1. The *cue tagger* marks cue words (``B``/``I``/``O``).  It reads each word, its
   neighbours, its parse, which cue lexicons list it, what the rules make of it and, when
   the model carries one, a trained :class:`~tracker.extract.trained.cues.CueModel`'s score.
2. The *span tagger* runs once per cue found and marks every token of the paragraph as
   that cue's source (``S``), its content (``T``), the cue itself (``K``) or nothing,
   from the token's position and syntactic relation to the cue and the rules' reading.

Trained with a :class:`~tracker.extract.trained.wordscorer.WordScorer` (a fine-tuned sentence
encoder), both taggers also read its chances that each word is a cue word, or lies in
anyone's source or content: it knows cue words the training corpus shows too rarely for
the CRFs to learn.

A cue whose tagger finds no content (not even a token the CRF gives a chance of at least
``fallback``) is dropped.  Stance, quote kind and hedging come from the rules' record for
the same cue where there is one.  Training cross-fits the cue model: the CRFs learn from
scores the cue model gives to articles it was not trained on, as it will at extraction.
The word scorer's chances are not cross-fitted by default: the taggers learn from the
scorer trained on every article, and so learn to follow it (measured on PolNeAR, where
chances from scorers trained on half the articles made them find fewer attributions).

Nothing trained ships with tracker; training and using a span model needs python-crfsuite
(and LightGBM for the cue model it carries): ``pip install "tracker[train]"``; a word
scorer needs PyTorch and the ``semantic`` extra too.

>>> model = train_span_model("annotations/", nlp)                   # doctest: +SKIP
>>> model.save("spans.json")                                        # doctest: +SKIP
>>> extractor = SpacyExtractor(nlp, span_model=SpanModel.load("spans.json"))  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker import lexicon
from tracker.errors import TrainedModelError
from tracker.extract.parse import is_hedged, is_negated, noun_phrase, quote_kind
from tracker.extract.rules import Candidate
from tracker.extract.trained.spanfeatures import (
    Features,
    Paragraph,
    Tokens,
    cue_features,
    head_of,
    paragraph_tokens,
    span_features,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from tracker.extract.trained.cues import CueModel
    from tracker.extract.trained.wordscorer import WordExample, WordScorer, WordScorerSettings
    from tracker.gold.brat import GoldArticle, GoldSpan

__all__ = ["SpanModel", "SpanSettings", "train_span_model"]

_FORMAT = "tracker-span-model"
_VERSION = 1
_TAGGERS = ("cue_tagger", "span_tagger")


@dataclass(frozen=True)
class SpanSettings:
    """Training settings (stored with the model).  ``c1``/``c2`` are the CRFs' L1 and L2
    penalties: strong ones, as annotated boundaries are noisy and weak ones overfit."""

    cue_c1: float = 2.0
    cue_c2: float = 0.2
    span_c1: float = 3.0
    span_c2: float = 0.3
    iterations: int = 100
    #: the cue model's scores for training come from this many folds of the articles
    folds: int = 4
    #: a cue whose best reading has no source (content) takes the run of tokens the span
    #: tagger gives at least this chance of being one
    fallback: float = 0.05
    #: where the taggers' word chances come from in training: below 2, the word scorer
    #: trained on every article (the one extraction reads); 2 or more, that many scorers
    #: each trained without the fold of articles it scores.  Cross-fitted chances come from
    #: scorers trained on fewer articles, and taggers that learn from them trust the full
    #: scorer too little: on PolNeAR they find fewer attributions.
    word_folds: int = 0


def _crfsuite() -> Any:
    try:
        import pycrfsuite
    except ImportError as exc:
        raise TrainedModelError(
            'training or using a span model needs python-crfsuite: pip install "tracker[train]"'
        ) from exc
    return pycrfsuite


# -- reading the taggers' output ---------------------------------------------------------


def _cues(tags: Sequence[str]) -> list[Tokens]:
    cues: list[Tokens] = []
    for i, tag in enumerate(tags):
        if tag == "B" or (tag == "I" and (not cues or cues[-1][-1] != i - 1)):
            cues.append([i])
        elif tag == "I":
            cues[-1].append(i)
    return cues


def _runs(tokens: Sequence[int]) -> list[Tokens]:
    runs: list[Tokens] = []
    for i in tokens:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _roles(tagger: Any, tags: Sequence[str], fallback: float) -> tuple[Tokens, Tokens]:
    """Source and content tokens; a role the best reading lacks takes the run of tokens most
    likely to fill it (by the sum of the CRF's marginals, each at least ``fallback``)."""
    tags = list(tags)
    known = set(tagger.labels())
    for role in ("S", "T"):
        if role in tags or role not in known:
            continue
        chances = [tagger.marginal(role, i) if tag == "O" else 0.0 for i, tag in enumerate(tags)]
        likely = _runs([i for i, p in enumerate(chances) if p >= fallback])
        if likely:
            best = max(likely, key=lambda run: sum(chances[i] for i in run))
            for i in best:
                tags[i] = role
    source = [i for i, tag in enumerate(tags) if tag == "S"]
    content = [i for i, tag in enumerate(tags) if tag == "T"]
    return source, content


def _extent(doc: Doc, tokens: Sequence[int]) -> tuple[int, int]:
    return doc[tokens[0]].idx, doc[tokens[-1]].idx + len(doc[tokens[-1]])


def _candidate(par: Paragraph, cue: Tokens, source: Tokens, content: Tokens) -> Candidate:
    """The record the taggers read; stance and quote kind as the rules see the same cue."""
    doc = par.doc
    head = head_of(doc, cue)
    rule_index = par.rule_for(cue)
    rule = par.rules[rule_index] if rule_index is not None else None
    content_span = _extent(doc, content)
    # the quote kind of what was tagged, without widening it to whole quotations
    quote, _ = quote_kind(content_span, par.segments, doc.text)
    if rule is not None and rule.quote == "according_to" and quote == "indirect":
        quote = "according_to"
    lemma = head.lemma_.lower()
    stance = (
        rule.stance
        if rule is not None
        else "denies"
        if lemma in lexicon.DENY_VERBS
        else "declines"
        if lemma in lexicon.DECLINE_VERBS or (is_negated(head) and lemma in lexicon.ASSERT_VERBS)
        else "asserts"
    )
    source_span, source_token = None, None
    notes: dict[str, object] = {}
    if source:
        # the source nearest the cue, when the tagger marked more than one stretch
        nearest = min(_runs(source), key=lambda r: min(abs(r[0] - cue[0]), abs(r[-1] - cue[-1])))
        source_span = _extent(doc, nearest)
        if rule is not None and rule.source_token is not None and rule.source_token.i in nearest:
            source_token = rule.source_token
        else:
            source_token = head_of(doc, nearest)
        name = noun_phrase(source_token)
        if name is not None and source_span[0] <= name[0] and name[1] <= source_span[1]:
            notes["source_name"] = name
    return Candidate(
        cue=_extent(doc, cue),
        source=source_span,
        content=content_span,
        stance=stance,
        quote=quote,
        hedged=is_hedged(head, content_span, doc),
        sentence=head.sent,
        cue_token=head,
        source_token=source_token,
        content_root=head_of(doc, content),
        directive=rule.directive if rule is not None else False,
        notes=notes,
    )


# -- the model -------------------------------------------------------------------------


class SpanModel:
    """Trained cue and span taggers (see the module docstring)."""

    def __init__(
        self,
        cue_tagger: bytes,
        span_tagger: bytes,
        *,
        cue_model: CueModel | None = None,
        word_scorer: WordScorer | None = None,
        settings: SpanSettings | None = None,
        trained_on: str = "",
    ) -> None:
        pycrfsuite = _crfsuite()
        #: the CRFs in crfsuite's own format (kept: the taggers read them in place)
        self.blobs = {"cue_tagger": bytes(cue_tagger), "span_tagger": bytes(span_tagger)}
        self._taggers = {}
        for name, blob in self.blobs.items():
            tagger = pycrfsuite.Tagger()
            try:
                tagger.open_inmemory(blob)
            except (ValueError, OSError) as exc:
                raise TrainedModelError(f"damaged span model ({name}: {exc})") from None
            self._taggers[name] = tagger
        #: the cue model whose scores the taggers read (None: trained without one)
        self.cue_model = cue_model
        #: the fine-tuned encoder whose word chances the taggers read (None: without one)
        self.word_scorer = word_scorer
        self.settings = settings if settings is not None else SpanSettings()
        self.trained_on = trained_on

    @property
    def thresholds(self) -> tuple[float, float]:
        """The carried cue model's thresholds (so a span model can stand where a
        :class:`~tracker.extract.CueScorer` is expected)."""
        return self.cue_model.thresholds if self.cue_model is not None else (0.5, 0.1)

    def probabilities(self, doc: Doc) -> list[float]:
        """The carried cue model's scores; NaN throughout without one."""
        if self.cue_model is None:
            return [float("nan")] * len(doc)
        return self.cue_model.probabilities(doc)

    def candidates(self, doc: Doc) -> list[Candidate]:
        """The attributions of one parsed paragraph, in text order (paragraph offsets)."""
        if not len(doc):
            return []
        scores = self.cue_model.probabilities(doc) if self.cue_model is not None else None
        words = (
            self.word_scorer.scores([t.text for t in doc]) if self.word_scorer is not None else None
        )
        par = Paragraph(doc, scores, self.thresholds, words)
        cue_tagger, span_tagger = self._taggers["cue_tagger"], self._taggers["span_tagger"]
        found = []
        for cue in _cues(cue_tagger.tag(cue_features(par))):
            tags = span_tagger.tag(span_features(par, cue, par.rule_for(cue)))
            source, content = _roles(span_tagger, tags, self.settings.fallback)
            if content:  # a cue with nothing said is a word the tagger misread
                found.append(_candidate(par, cue, source, content))
        return found

    def to_dict(self) -> dict[str, Any]:
        taggers = {name: _embedded(blob, "crfsuite") for name, blob in self.blobs.items()}
        scorer = self.word_scorer
        return {
            "format": _FORMAT,
            "version": _VERSION,
            "trained_on": self.trained_on,
            "settings": asdict(self.settings),
            **taggers,
            "cue_model": self.cue_model.to_dict() if self.cue_model is not None else None,
            "word_scorer": {
                **_embedded(scorer.to_bytes(), "safetensors"),
                "settings": asdict(scorer.settings),
            }
            if scorer is not None
            else None,
        }

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model as one JSON file (atomically)."""
        from tracker.extract.trained.cues import write_model_file

        write_model_file(path, self.to_dict())

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> SpanModel:
        """Read a model written by :meth:`save`; a file of any other kind is refused."""
        from tracker.extract.trained.cues import CueModel, read_model_file

        data = read_model_file(path, _FORMAT, _VERSION, "span model", "tracker train-spans")
        _crfsuite()  # a missing package is no damage to the file
        where = Path(path)
        try:
            # crfsuite trusts its input: a damaged model could crash it, so check first
            blobs = [_unembedded(data[name], "crfsuite", name) for name in _TAGGERS]
            settings = SpanSettings(**data["settings"])
            cue_data = data["cue_model"]
            # written before word scorers existed: none
            scorer_data = data.get("word_scorer")
            if scorer_data is not None:
                scorer_blob = _unembedded(scorer_data, "safetensors", "word_scorer")
                scorer_settings = scorer_data["settings"]
        except (KeyError, TypeError, ValueError, binascii.Error) as exc:
            raise TrainedModelError(
                f"{where}: damaged span model ({exc}); train it again"
            ) from None
        cue_model = CueModel.from_dict(cue_data, where) if cue_data is not None else None
        word_scorer = (
            _word_scorer(scorer_blob, scorer_settings, where) if scorer_data is not None else None
        )
        try:
            return cls(
                *blobs,
                cue_model=cue_model,
                word_scorer=word_scorer,
                settings=settings,
                trained_on=str(data.get("trained_on", "")),
            )
        except TrainedModelError as exc:
            raise TrainedModelError(f"{where}: {exc}; train it again") from None


def _word_scorer(blob: bytes, settings: Any, where: Path) -> WordScorer:
    """The word scorer a span model file carries (``settings`` as the file holds them)."""
    from tracker.extract.trained.wordscorer import (
        WordScorer,
        WordScorerSettings,
        require_libraries,
    )

    try:
        require_libraries()
    except TrainedModelError as exc:  # a missing package is no damage to the file
        raise TrainedModelError(f"{where}: {exc}") from None
    try:
        word_settings = WordScorerSettings(**settings)
    except TypeError as exc:
        raise TrainedModelError(
            f"{where}: damaged word scorer settings ({exc}); train it again"
        ) from None
    try:
        return WordScorer.from_bytes(blob, word_settings)
    except TrainedModelError as exc:
        raise TrainedModelError(f"{where}: {exc}; train it again") from None


def _embedded(blob: bytes, kind: str) -> dict[str, str]:
    """A binary part of the model file: base64 under ``kind``, with its checksum."""
    return {
        kind: base64.b64encode(blob).decode("ascii"),
        "sha256": hashlib.sha256(blob).hexdigest(),
    }


def _unembedded(entry: dict[str, Any], kind: str, name: str) -> bytes:
    """The bytes :func:`_embedded` wrote, refused (ValueError) when they fail the checksum."""
    blob = base64.b64decode(entry[kind], validate=True)
    if hashlib.sha256(blob).hexdigest() != entry["sha256"]:
        raise ValueError(f"{name} does not match its checksum")
    return blob


# -- training ----------------------------------------------------------------------------


def _gold_roles(gold: GoldArticle, start: int, doc: Doc) -> list[tuple[Tokens, Tokens, Tokens]]:
    """Cue, source and content tokens of the gold attributions whose cue is in ``doc``."""

    def tokens(span: GoldSpan | None) -> Tokens:
        if span is None:
            return []
        found = {
            i for a, b in span.fragments for i in paragraph_tokens(doc, (a - start, b - start))
        }
        return sorted(found)

    roles = []
    for attribution in gold.attributions:
        if start <= attribution.cue.start < start + len(doc.text):
            cue = tokens(attribution.cue)
            if cue:
                roles.append((cue, tokens(attribution.source), tokens(attribution.content)))
    return roles


def _cue_tags(size: int, roles: Sequence[tuple[Tokens, Tokens, Tokens]]) -> list[str]:
    tags = ["O"] * size
    for cue, _, _ in roles:
        for j, i in enumerate(cue):
            if j == 0 or tags[i] == "O":
                tags[i] = "B" if j == 0 else "I"
    return tags


def _span_tags(size: int, cue: Tokens, source: Tokens, content: Tokens) -> list[str]:
    tags = ["O"] * size
    for role, tokens in (("T", content), ("S", source), ("K", cue)):
        for i in tokens:
            tags[i] = role
    return tags


def _word_example(doc: Doc, roles: Sequence[tuple[Tokens, Tokens, Tokens]]) -> WordExample:
    """A paragraph's words with the cue and role labels a word scorer learns."""
    from tracker.extract.trained.wordscorer import WordExample

    role = ["O"] * len(doc)
    for _cue, source, content in roles:
        for tag, tokens in (("T", content), ("S", source)):
            for i in tokens:
                role[i] = tag
    return WordExample(
        words=tuple(t.text for t in doc),
        cue=tuple(_cue_tags(len(doc), roles)),
        role=tuple(role),
    )


def _cross_fitted_words(
    parsed: Sequence[tuple[GoldArticle, int, Doc]],
    examples: Sequence[WordExample],
    folds: int,
    settings: WordScorerSettings | None,
    threads: int,
    note: Callable[[str], None],
) -> list[Any]:
    """Each paragraph's word chances from a word scorer trained without its article."""
    from tracker.extract.trained.cues import article_folds
    from tracker.extract.trained.wordscorer import train_word_scorer

    fold_of = article_folds(parsed, folds)
    chances: list[Any] = [None] * len(parsed)
    for k in range(folds):
        rest = [
            e for e, (gold, _, _) in zip(examples, parsed, strict=True) if fold_of[gold.id] != k
        ]
        scorer = train_word_scorer(
            rest,
            settings,
            threads=threads,
            progress=functools.partial(_note_scorer_step, note, k + 1, folds),
        )
        for n, (gold, _start, _doc) in enumerate(parsed):
            if fold_of[gold.id] == k:
                chances[n] = scorer.scores(examples[n].words)
    return chances


def _fold_count(wanted: int, articles: Sequence[Any], refusal: str) -> int:
    """How many folds to cross-fit over: ``wanted``, or one per article when fewer; fewer
    than two articles is refused with ``refusal``."""
    folds = min(wanted, len(articles))
    if folds < 2:
        raise TrainedModelError(refusal)
    return folds


def _note_scorer_step(
    note: Callable[[str], None], fold: int, folds: int, step: int, steps: int
) -> None:
    note(f"training word scorer {fold}/{folds} (cross-fitting): step {step}/{steps}")


def _train_crf(
    sequences: Iterable[tuple[Features, list[str]]], c1: float, c2: float, iterations: int
) -> bytes:
    trainer = _crfsuite().Trainer(verbose=False)
    for features, tags in sequences:
        trainer.append(features, tags)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model.crfsuite")
        trainer.train(path)
        return Path(path).read_bytes()


def train_span_model(
    gold_dir: str | os.PathLike[str],
    nlp: Language,
    *,
    limit: int | None = None,
    cue_model: bool = True,
    word_scorer: bool = False,
    word_settings: WordScorerSettings | None = None,
    settings: SpanSettings | None = None,
    threads: int = 0,
    progress: Callable[[str], None] | None = None,
) -> SpanModel:
    """Train a :class:`SpanModel` on the brat annotations in ``gold_dir``.

    With ``cue_model`` (needs LightGBM) it carries a cue model trained on all the articles,
    and the taggers learn from cross-fitted scores (``settings.folds`` cue models, each
    trained without the articles it scores).  With ``word_scorer`` (needs PyTorch and the
    ``semantic`` extra) it also carries a :class:`~tracker.extract.trained.wordscorer.WordScorer`
    trained on all the articles, whose chances on those articles the taggers learn from
    (or cross-fitted ones: ``settings.word_folds``).  ``threads`` is LightGBM's
    and PyTorch's; the CRFs train on one thread.  Deterministic for the same data, pipeline
    and settings (the word scorer is seeded; PyTorch may still differ in the last digits
    between machines)."""
    from tracker.extract.trained.cues import parsed_paragraphs
    from tracker.gold.brat import load_gold_corpus

    settings = settings if settings is not None else SpanSettings()
    # fail before minutes of parsing when a package is missing
    _crfsuite()
    if cue_model:
        from tracker.extract.trained.cues import require_lightgbm

        require_lightgbm()
    if word_scorer:
        from tracker.extract.trained.wordscorer import require_libraries

        require_libraries()

    def note(message: str) -> None:
        if progress is not None:
            progress(message)

    articles = load_gold_corpus(gold_dir, limit=limit)
    note(f"parsing {len(articles)} articles")
    parsed = list(parsed_paragraphs(articles, nlp))
    gold_roles = [_gold_roles(gold, start, doc) for gold, start, doc in parsed]
    if not any(gold_roles):
        raise TrainedModelError(
            f"{gold_dir}: the annotations give no attributions to learn from; a span model "
            "needs annotated cues in running text"
        )
    scores, carried = (
        _cue_scores(parsed, articles, gold_dir, settings, threads, note)
        if cue_model
        else ([None] * len(parsed), None)
    )
    chances: Sequence[Any] = [None] * len(parsed)
    scorer = None
    if word_scorer:
        chances, scorer = _word_chances(
            parsed, gold_roles, articles, gold_dir, settings, word_settings, threads, note
        )
    thresholds = carried.thresholds if carried is not None else (0.5, 0.1)
    paragraphs = [
        (Paragraph(doc, s, thresholds, w), roles)
        for (_gold, _start, doc), s, w, roles in zip(
            parsed, scores, chances, gold_roles, strict=True
        )
    ]
    paragraphs = [(par, roles) for par, roles in paragraphs if len(par.doc)]
    cue_blob, span_blob = _train_taggers(paragraphs, settings, note)
    return SpanModel(
        cue_blob,
        span_blob,
        cue_model=carried,
        word_scorer=scorer,
        settings=settings,
        trained_on=f"{len(articles)} articles",
    )


def _cue_scores(
    parsed: Sequence[tuple[GoldArticle, int, Doc]],
    articles: Sequence[GoldArticle],
    gold_dir: str | os.PathLike[str],
    settings: SpanSettings,
    threads: int,
    note: Callable[[str], None],
) -> tuple[Sequence[Sequence[float] | None], CueModel]:
    """Cross-fitted cue scores for every paragraph, and the cue model trained on all."""
    from tracker.extract.trained.cues import cross_fitted_scores, fit_cue_model

    folds = _fold_count(
        settings.folds,
        articles,
        f"{gold_dir}: a span model with a cue model needs at least 2 articles (its cue "
        "scores are cross-fitted); train it without the cue model",
    )
    scores = cross_fitted_scores(
        parsed,
        folds,
        threads=threads,
        progress=lambda k, n: note(f"training cue model {k}/{n} (cross-fitting)"),
    )
    note("training the cue model on every article")
    return scores, fit_cue_model(parsed, threads=threads)


def _word_chances(
    parsed: Sequence[tuple[GoldArticle, int, Doc]],
    gold_roles: Sequence[list[tuple[Tokens, Tokens, Tokens]]],
    articles: Sequence[GoldArticle],
    gold_dir: str | os.PathLike[str],
    settings: SpanSettings,
    word_settings: WordScorerSettings | None,
    threads: int,
    note: Callable[[str], None],
) -> tuple[Sequence[Any], WordScorer]:
    """The word scorer's chances for every paragraph (cross-fitted with
    ``settings.word_folds``), and the word scorer trained on all."""
    from tracker.extract.trained.wordscorer import train_word_scorer

    examples = [
        _word_example(doc, roles)
        for (_gold, _start, doc), roles in zip(parsed, gold_roles, strict=True)
    ]
    chances: Sequence[Any] = [None] * len(parsed)
    if settings.word_folds >= 2:
        folds = _fold_count(
            settings.word_folds,
            articles,
            f"{gold_dir}: a span model whose word chances are cross-fitted needs at least "
            "2 articles; train it with word_folds=0",
        )
        chances = _cross_fitted_words(parsed, examples, folds, word_settings, threads, note)
    scorer = train_word_scorer(
        examples,
        word_settings,
        threads=threads,
        progress=lambda step, steps: note(
            f"training the word scorer on every article: step {step}/{steps}"
        ),
    )
    if settings.word_folds < 2:
        note("scoring every paragraph with the word scorer")
        chances = [scorer.scores(example.words) for example in examples]
    return chances, scorer


def _train_taggers(
    paragraphs: Sequence[tuple[Paragraph, list[tuple[Tokens, Tokens, Tokens]]]],
    settings: SpanSettings,
    note: Callable[[str], None],
) -> tuple[bytes, bytes]:
    """The cue tagger's and the span tagger's CRFs, trained on the paragraphs' gold roles."""
    note("training the cue tagger")
    cue_blob = _train_crf(
        ((cue_features(par), _cue_tags(len(par.doc), roles)) for par, roles in paragraphs),
        settings.cue_c1,
        settings.cue_c2,
        settings.iterations,
    )
    note("training the span tagger")
    span_blob = _train_crf(
        (
            (span_features(par, role[0], par.rule_for(role[0])), _span_tags(len(par.doc), *role))
            for par, roles in paragraphs
            for role in roles
        ),
        settings.span_c1,
        settings.span_c2,
        settings.iterations,
    )
    return cue_blob, span_blob
