"""Training a :class:`~tracker.extract.trained.spans.SpanModel` on brat annotations you own.

The cue tagger learns from every paragraph's gold cues, the span tagger from each gold
cue's source and content; with a cue model or a word scorer, the taggers learn from their
scores (cross-fitted where :class:`~tracker.extract.trained.spans.SpanSettings` says so).

>>> model = train_span_model("annotations/", nlp)                   # doctest: +SKIP
>>> model.save("spans.json")                                        # doctest: +SKIP
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.errors import TrainedModelError
from tracker.extract.trained.spanfeatures import (
    Features,
    Paragraph,
    Tokens,
    cue_features,
    paragraph_tokens,
    span_features,
)
from tracker.extract.trained.spans import SpanModel, SpanSettings, require_crfsuite
from tracker.nlp import doc_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from tracker.extract.trained.cues import CueModel
    from tracker.extract.trained.wordscorer import WordExample, WordScorer, WordScorerSettings
    from tracker.gold.brat import GoldArticle, GoldSpan

__all__ = ["train_span_model"]


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
        if start <= attribution.cue.start < start + len(doc_text(doc)):
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
    trainer = require_crfsuite().Trainer(verbose=False)
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
    require_crfsuite()
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
