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

>>> model = train_span_model("annotations/", nlp)  # tracker.extract.trained.spantrain                   # doctest: +SKIP
>>> model.save("spans.json")                                        # doctest: +SKIP
>>> extractor = SpacyExtractor(nlp, span_model=SpanModel.load("spans.json"))  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker import lexicon
from tracker.errors import TrainedModelError
from tracker.extract.candidate import Candidate
from tracker.extract.parse import (
    is_hedged,
    is_negated,
    quote_kind,
)
from tracker.extract.subjects import (
    noun_phrase,
)
from tracker.extract.trained.modelcheck import check_crfsuite, check_settings
from tracker.extract.trained.spanfeatures import (
    Paragraph,
    Tokens,
    cue_features,
    head_of,
    span_features,
)
from tracker.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from tracker.extract.trained.cues import CueModel
    from tracker.extract.trained.wordscorer import WordScorer

__all__ = ["SpanModel", "SpanSettings", "require_crfsuite"]

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


def require_crfsuite() -> Any:
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
    quote, _ = quote_kind(content_span, par.segments, doc_text(doc))
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
        pycrfsuite = require_crfsuite()
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
        require_crfsuite()  # a missing package is no damage to the file
        where = Path(path)
        try:
            # crfsuite trusts its input: a damaged or crafted model could crash it, so its
            # layout is checked field by field first (see docs/LIMITS.md)
            blobs = [_unembedded(data[name], "crfsuite", name) for name in _TAGGERS]
            for name, blob in zip(_TAGGERS, blobs, strict=True):
                try:
                    check_crfsuite(blob)
                except ValueError as exc:
                    raise ValueError(f"{name}: {exc}") from None
            settings = SpanSettings(**check_settings(SpanSettings, data["settings"], "settings"))
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
        if cue_data is not None and not isinstance(cue_data, dict):
            raise TrainedModelError(f"{where}: damaged span model (its cue model); train it again")
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
        word_settings = WordScorerSettings(
            **check_settings(WordScorerSettings, settings, "word scorer settings")
        )
    except (TypeError, ValueError) as exc:
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
    if not isinstance(entry, dict) or not isinstance(entry.get(kind), str):
        raise ValueError(f"{name} is not an object holding {kind} data")
    blob = base64.b64decode(entry[kind], validate=True)
    if hashlib.sha256(blob).hexdigest() != entry["sha256"]:
        raise ValueError(f"{name} does not match its checksum")
    return blob
