"""The optional trained span model, on a small synthetic brat corpus written at test time.

Every article below is invented (synthetic): the people and councils do not exist and the
sentences quote no real person.  The annotations draw contents without the word "that",
where the rules keep it, so a model that learned them reads the boundary differently.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("pycrfsuite")

from tests.synthetic_brat import write_generated  # noqa: E402
from tracker.cli import cli  # noqa: E402
from tracker.errors import TrainedModelError  # noqa: E402
from tracker.extract.extractor import SpacyExtractor  # noqa: E402
from tracker.extract.trained.spans import SpanModel, SpanSettings  # noqa: E402
from tracker.extract.trained.spantrain import train_span_model  # noqa: E402
from tracker.model import Article  # noqa: E402

NAMES = ["Ada Quill", "Bram Oster", "Cora Vance", "Dil Marrow", "Esme Tolland", "Fen Arbor"]
TOPICS = ["the ferry plan", "the library budget", "the new bridge", "the port levy"]
CLAIMS = ["the vote was rushed", "the budget is short", "the bridge will open late"]
#: weak penalties: a handful of articles gives too little evidence for the defaults
SETTINGS = SpanSettings(cue_c1=0.05, cue_c2=0.01, span_c1=0.05, span_c2=0.01, iterations=60)
ARTICLES = 16


def _article(i: int) -> tuple[str, list[tuple[int, str, str, str]]]:
    """One synthetic article and its annotations: (sentence start, source, cue, content)."""
    name, other = NAMES[i % len(NAMES)], NAMES[(i + 1) % len(NAMES)]
    topic, claim = TOPICS[i % len(TOPICS)], CLAIMS[i % len(CLAIMS)]
    second = CLAIMS[(i + 1) % len(CLAIMS)]
    sentences = [
        (f"{name} quipped that {claim}.", (name, "quipped", claim)),
        (f"{other} walked to {topic} on Monday.", None),
        (f"{other} said that {second}.", (other, "said", second)),
        ("The council met at noon.", None),
    ]
    text, found = "", []
    for sentence, annotation in sentences:
        if annotation is not None:
            found.append((len(text), *annotation))
        text += sentence + "\n\n"
    return text, found


def _write_corpus(folder: Path) -> Path:
    return write_generated(folder, (_article(i) for i in range(ARTICLES)))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("synthetic-brat"))


@pytest.fixture(scope="module")
def model(corpus, nlp) -> SpanModel:
    return train_span_model(corpus, nlp, cue_model=False, settings=SETTINGS)


def read(extractor: SpacyExtractor, text: str) -> list[tuple[str | None, str, str | None]]:
    return [
        (a.source.text if a.source else None, a.cue.text, a.content.text if a.content else None)
        for a in extractor.extract(Article("synthetic", text))
    ]


TEXT = "Gil Harrow quipped that the ferry plan is late.\n\nGil Harrow said that the levy is short."


def test_span_model_learns_cues_and_boundaries(model, nlp):
    assert read(SpacyExtractor(nlp), TEXT) == [
        ("Gil Harrow", "said", "that the levy is short"),
    ]
    learned = [
        ("Gil Harrow", "quipped", "the ferry plan is late"),
        ("Gil Harrow", "said", "the levy is short"),
    ]
    assert read(SpacyExtractor(nlp, span_model=model), TEXT) == learned
    assert read(SpacyExtractor(nlp, span_model=model, flat=True), TEXT) == learned


def test_span_model_keeps_the_rules_stance(model, nlp):
    extractor = SpacyExtractor(nlp, span_model=model)
    [record] = extractor.extract(Article("synthetic", "Gil Harrow said that the levy is short."))
    assert (record.stance, record.quote, record.source_name) == (
        "asserts",
        "indirect",
        "Gil Harrow",
    )


def test_span_model_in_the_cue_model_slot(model, nlp):
    # a span model handed over where a cue model goes is still read as a span model
    extractor = SpacyExtractor(nlp, cue_model=model)
    assert extractor.span_model is model and extractor.cue_model is None
    assert read(extractor, TEXT)[0] == ("Gil Harrow", "quipped", "the ferry plan is late")


def test_pipeline_takes_a_span_model(model, nlp):
    from tracker.pipeline import extract_attributions

    [record, _] = extract_attributions([Article("synthetic", TEXT)], nlp=nlp, span_model=model)
    assert (record.source_name, record.cue.text, record.content.text, record.claim_id) == (
        "Gil Harrow",
        "quipped",
        "the ferry plan is late",
        "c-ferry-plan-late",
    )


def test_cue_and_span_model_together_are_refused(model, nlp):
    class Scorer:
        thresholds = (0.5, 0.1)

        def probabilities(self, doc):
            return [0.0] * len(doc)

    with pytest.raises(TrainedModelError, match="use a cue model or a span model, not both"):
        SpacyExtractor(nlp, cue_model=Scorer(), span_model=model)


def test_saved_model_reads_the_same(model, nlp, tmp_path):
    path = tmp_path / "spans.json"
    model.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["version"], data["trained_on"]) == (
        "tracker-span-model",
        1,
        "16 articles",
    )
    assert data["cue_model"] is None
    assert base64.b64decode(data["cue_tagger"]["crfsuite"])[:4] == b"lCRF"
    loaded = SpanModel.load(path)
    assert loaded.settings == SETTINGS
    assert read(SpacyExtractor(nlp, span_model=loaded), TEXT) == read(
        SpacyExtractor(nlp, span_model=model), TEXT
    )


def _damaged(model: SpanModel, change) -> str:
    data = model.to_dict()
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    "content, message",
    [
        (
            "",
            "not a span model (is not valid JSON: line 1 column 1: Expecting value); "
            "train one with `tracker train-spans`",
        ),
        (
            '{"format": "tracker-cue-model", "version": 1}',
            "not a span model; train one with `tracker train-spans`",
        ),
        (
            '{"format": "tracker-span-model", "version": 9}',
            "span model format version 9 is not 1; train it again with this version of tracker",
        ),
        (
            '{"format": "tracker-span-model", "version": 1}',
            "damaged span model ('cue_tagger'); train it again",
        ),
    ],
)
def test_loading_something_else_is_refused(tmp_path, content, message):
    path = tmp_path / "spans.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TrainedModelError) as raised:
        SpanModel.load(path)
    assert str(raised.value) == f"{path}: {message}"


def test_a_damaged_tagger_is_refused_before_crfsuite_reads_it(model, tmp_path):
    def truncate(data):
        blob = base64.b64decode(data["span_tagger"]["crfsuite"])
        data["span_tagger"]["crfsuite"] = base64.b64encode(blob[:100]).decode("ascii")

    path = tmp_path / "spans.json"
    path.write_text(_damaged(model, truncate), encoding="utf-8")
    with pytest.raises(TrainedModelError) as raised:
        SpanModel.load(path)
    assert str(raised.value) == (
        f"{path}: damaged span model (span_tagger does not match its checksum); train it again"
    )


def test_a_crafted_tagger_with_its_checksum_is_refused_before_crfsuite_reads_it(model, tmp_path):
    def craft(data):  # the label strings' offset points far past the end; checksum redone
        blob = bytearray(base64.b64decode(data["span_tagger"]["crfsuite"]))
        blob[32:36] = (2**31).to_bytes(4, "little")
        data["span_tagger"] = {
            "crfsuite": base64.b64encode(bytes(blob)).decode("ascii"),
            "sha256": hashlib.sha256(bytes(blob)).hexdigest(),
        }

    path = tmp_path / "spans.json"
    path.write_text(_damaged(model, craft), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["extract", str(path), "--span-model", str(path), "-o", str(tmp_path / "r.jsonl")]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {path}: damaged span model (span_tagger: label strings lie outside the data); "
        "train it again\n"
    )
    assert not (tmp_path / "r.jsonl").exists()


def test_without_python_crfsuite(model, corpus, nlp, tmp_path, monkeypatch):
    path = tmp_path / "spans.json"
    model.save(path)
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)  # as if it were not installed
    message = 'training or using a span model needs python-crfsuite: pip install "tracker[train]"'
    with pytest.raises(TrainedModelError) as raised:
        SpanModel.load(path)
    assert str(raised.value) == message
    with pytest.raises(TrainedModelError) as raised:
        train_span_model(corpus, nlp, cue_model=False)
    assert str(raised.value) == message


def test_missing_model_file(tmp_path):
    with pytest.raises(TrainedModelError) as raised:
        SpanModel.load(tmp_path / "absent.json")
    assert str(raised.value) == f"{tmp_path / 'absent.json'}: no such span model file"


def test_annotations_without_attributions_cannot_train(tmp_path, nlp):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "quiet.txt").write_text("The council met at noon.\n", encoding="utf-8")
    (tmp_path / "attributions" / "quiet_a1.ann").write_text("", encoding="utf-8")
    with pytest.raises(TrainedModelError) as raised:
        train_span_model(tmp_path, nlp, cue_model=False)
    assert str(raised.value) == (
        f"{tmp_path}: the annotations give no attributions to learn from; a span model "
        "needs annotated cues in running text"
    )


def test_one_article_cannot_cross_fit_a_cue_model(corpus, nlp):
    pytest.importorskip("lightgbm")
    with pytest.raises(TrainedModelError) as raised:
        train_span_model(corpus, nlp, limit=1, settings=SETTINGS)
    assert str(raised.value) == (
        f"{corpus}: a span model with a cue model needs at least 2 articles (its cue scores "
        "are cross-fitted); train it without the cue model"
    )


def test_span_model_with_a_cue_model(corpus, nlp, tmp_path):
    pytest.importorskip("lightgbm")
    trained = train_span_model(corpus, nlp, settings=SETTINGS, threads=1)
    assert trained.cue_model is not None
    assert trained.cue_model.trained_on == "16 articles"
    path = tmp_path / "spans.json"
    trained.save(path)
    loaded = SpanModel.load(path)
    assert loaded.cue_model is not None
    assert read(SpacyExtractor(nlp, span_model=loaded), TEXT) == read(
        SpacyExtractor(nlp, span_model=trained), TEXT
    )
    assert read(SpacyExtractor(nlp, span_model=loaded), TEXT)[0] == (
        "Gil Harrow",
        "quipped",
        "the ferry plan is late",
    )


def test_cli_train_spans_then_eval_and_extract(corpus, tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli

    runner = CliRunner()
    path = tmp_path / "spans.json"
    result = runner.invoke(cli, ["train-spans", str(corpus), "-o", str(path), "--no-cue-model"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "parsing 16 articles",
        "training the cue tagger",
        "training the span tagger",
        f"Wrote a span model trained on 16 articles to {path}",
    ]
    result = runner.invoke(cli, ["eval", str(corpus), "--span-model", str(path), "-q"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("PolNeAR-style evaluation: 16 articles, 32 gold attributions")
    article = tmp_path / "note.txt"
    article.write_text(TEXT + "\n", encoding="utf-8")
    out = tmp_path / "records.jsonl"
    result = runner.invoke(
        cli, ["extract", str(article), "-o", str(out), "--span-model", str(path), "-q"]
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "options, message",
    [
        (
            ["--cue-model", "cues.json", "--span-model", "spans.json"],
            "Error: use --cue-model or --span-model, not both: a span model carries the cue "
            "model it was trained with",
        ),
        (["--span-model", "absent.json"], "Error: absent.json: no such span model file"),
    ],
)
def test_cli_refuses_bad_model_options(corpus, options, message):
    from click.testing import CliRunner

    from tracker.cli import cli

    result = CliRunner().invoke(cli, ["eval", str(corpus), "-q", *options])
    assert result.exit_code == 1
    assert result.output.splitlines() == [message]
