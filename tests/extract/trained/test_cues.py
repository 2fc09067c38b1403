"""The optional trained cue model, on a small synthetic brat corpus written at test time.

Every article below is invented (synthetic): the people and councils do not exist and the
sentences quote no real person.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("lightgbm")

from tests.synthetic_brat import write_generated  # noqa: E402
from tracker.errors import TrainedModelError  # noqa: E402
from tracker.extract.extractor import SpacyExtractor  # noqa: E402
from tracker.extract.rules import find_candidates  # noqa: E402
from tracker.extract.trained.cues import CueModel, train_cue_model  # noqa: E402
from tracker.model import Article  # noqa: E402

NAMES = ["Ada Quill", "Bram Oster", "Cora Vance", "Dil Marrow", "Esme Tolland", "Fen Arbor"]
TOPICS = ["the ferry plan", "the library budget", "the new bridge", "the port levy"]
CLAIMS = ["the vote was rushed", "the budget is short", "the bridge will open late"]


def _article(i: int) -> tuple[str, list[tuple[int, str, str, str]]]:
    """One synthetic article and its annotations: (sentence start, source, cue, content)."""
    name, other = NAMES[i % len(NAMES)], NAMES[(i + 1) % len(NAMES)]
    topic, claim = TOPICS[i % len(TOPICS)], CLAIMS[i % len(CLAIMS)]
    sentences = [
        (f"{name} quipped that {claim}.", (name, "quipped", claim)),
        (f"{other} walked to {topic} on Monday.", None),
        (f"{other} lauded {topic}.", (other, "lauded", topic)),
        ("The council met at noon.", None),
    ]
    text, found = "", []
    for sentence, annotation in sentences:
        if annotation is not None:
            found.append((len(text), *annotation))
        text += sentence + "\n\n"
    return text, found


def _write_corpus(folder: Path, articles: int = 24) -> Path:
    return write_generated(folder, (_article(i) for i in range(articles)))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return _write_corpus(tmp_path_factory.mktemp("synthetic-brat"))


@pytest.fixture(scope="module")
def model(corpus, nlp) -> CueModel:
    return train_cue_model(corpus, nlp, rounds=40, min_leaf=2, threads=1)


def cues(extractor: SpacyExtractor, text: str) -> list[tuple[str | None, str, str | None]]:
    return [
        (a.source.text if a.source else None, a.cue.text, a.content.text if a.content else None)
        for a in extractor.extract(Article("synthetic", text))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Gil Harrow quipped that the ferry plan is late. Gil Harrow lauded the port levy.",
        "gil harrow quipped that the ferry plan is late. gil harrow lauded the port levy.",
    ],
)
def test_trained_cues_find_verbs_the_word_lists_lack(model, nlp, text):
    lower = text[0] == "g"
    name = "gil harrow" if lower else "Gil Harrow"
    assert cues(SpacyExtractor(nlp), text) == []
    assert cues(SpacyExtractor(nlp, cue_model=model), text) == [
        (name, "quipped", "that the ferry plan is late"),
        (name, "lauded", "the port levy"),
    ]


def test_plain_walking_is_not_a_cue(model, nlp):
    assert cues(SpacyExtractor(nlp, cue_model=model), "Ada Quill walked to the new bridge.") == []


def test_saved_model_scores_the_same(model, nlp, tmp_path):
    path = tmp_path / "cues.json"
    model.save(path)
    loaded = CueModel.load(path)
    doc = nlp("Ada Quill quipped that the vote was rushed.")
    assert loaded.thresholds == (0.5, 0.1)
    assert loaded.trained_on == "24 articles"
    assert loaded.probabilities(doc) == pytest.approx(model.probabilities(doc), nan_ok=True)
    assert json.loads(path.read_text())["format"] == "tracker-cue-model"


@pytest.mark.parametrize(
    "content, message",
    [
        (
            "",
            "not a cue model (is not valid JSON: line 1 column 1: Expecting value); "
            "train one with `tracker train-cues`",
        ),
        ('{"format": "other"}', "not a cue model; train one with `tracker train-cues`"),
        (
            '{"format": "tracker-cue-model", "version": 9}',
            "cue model format version 9 is not 1; train it again with this version of tracker",
        ),
        (
            '{"format": "tracker-cue-model", "version": 1, "thresholds": [0.5, 0.1]}',
            "damaged cue model (its vocabulary is not a list of words); train it again",
        ),
        (
            '{"format": "tracker-cue-model", "version": 1, "thresholds": [0.5, 0.1], '
            '"vocabulary": [], "booster": 7}',
            "damaged cue model (LightGBM model: not text); train it again",
        ),
        (
            '{"format": "tracker-cue-model", "version": 1, "thresholds": [0.5, 0.1], '
            '"vocabulary": [], "booster": "tree\\nversion=v4\\nnum_class=1\\n"}',
            "damaged cue model (LightGBM model: num_tree_per_iteration is not a whole number); "
            "train it again",
        ),
    ],
)
def test_loading_something_else_is_refused(tmp_path, content, message):
    path = tmp_path / "cues.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TrainedModelError) as raised:
        CueModel.load(path)
    assert str(raised.value) == f"{path}: {message}"


def test_missing_model_file(tmp_path):
    with pytest.raises(TrainedModelError, match="no such cue model file"):
        CueModel.load(tmp_path / "absent.json")


def test_annotations_without_attributions_cannot_train(tmp_path, nlp):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "quiet.txt").write_text("The council met at noon.\n", encoding="utf-8")
    (tmp_path / "attributions" / "quiet_a1.ann").write_text("", encoding="utf-8")
    with pytest.raises(TrainedModelError, match="give no cue words to learn from"):
        train_cue_model(tmp_path, nlp, rounds=2)


def _scored(nlp, text: str, cue_word: str):
    """Candidates when only ``cue_word`` is scored as a sure cue (as a trained model would)."""
    doc = nlp(text)
    scores = [1.0 if t.lower_ == cue_word else 0.5 for t in doc]
    return [
        (
            doc.text[c.source[0] : c.source[1]] if c.source else None,
            doc.text[c.cue[0] : c.cue[1]],
            doc.text[c.content[0] : c.content[1]] if c.content else None,
        )
        for c in find_candidates(doc, cue_scores=scores, thresholds=(0.9, 0.1))
    ]


@pytest.mark.parametrize("lower", [False, True])
def test_learned_copula_cue_reads_what_the_adjective_is_about(nlp, lower):
    text = "Mayor Ada Quill was critical of the ferry plan."
    text = text.lower() if lower else text
    expected = ("Mayor Ada Quill", "was critical of", "the ferry plan")
    assert _scored(nlp, text, "was") == [tuple(x.lower() if lower else x for x in expected)]


@pytest.mark.parametrize("lower", [False, True])
def test_learned_passive_cue_reads_its_subject_as_content(nlp, lower):
    text = "The ferry plan was lauded by Mayor Ada Quill."
    text = text.lower() if lower else text
    expected = ("Mayor Ada Quill", "was lauded", "The ferry plan")
    assert _scored(nlp, text, "lauded") == [tuple(x.lower() if lower else x for x in expected)]


def test_a_sure_veto_drops_a_listed_cue(nlp):
    doc = nlp("Ada Quill said the vote was rushed.")
    assert len(find_candidates(doc)) == 1
    scores = [0.0] * len(doc)
    assert find_candidates(doc, cue_scores=scores, thresholds=(0.5, 0.1)) == []


def test_cli_train_cues_then_extract_and_eval(corpus, tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli

    runner = CliRunner()
    model_path = tmp_path / "cues.json"
    result = runner.invoke(cli, ["train-cues", str(corpus), "-o", str(model_path), "-q"])
    assert (result.exit_code, result.output) == (0, "")
    assert CueModel.load(model_path).trained_on == "24 articles"

    article = tmp_path / "synthetic.txt"
    article.write_text("Gil Harrow quipped that the ferry plan is late.\n", encoding="utf-8")
    records = tmp_path / "records.jsonl"
    result = runner.invoke(
        cli, ["extract", str(article), "-o", str(records), "-q", "--cue-model", str(model_path)]
    )
    assert result.exit_code == 0, result.output
    [record] = [json.loads(line) for line in records.read_text().splitlines()]
    assert (record["source"]["text"], record["cue"]["text"]) == ("Gil Harrow", "quipped")

    result = runner.invoke(
        cli, ["eval", str(corpus), "-q", "--format", "json", "--cue-model", str(model_path)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["relation"]["recall"] == 1.0


def test_cli_refuses_a_file_that_is_no_cue_model(tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli

    article = tmp_path / "synthetic.txt"
    article.write_text("Gil Harrow said the ferry plan is late.\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["extract", str(article), "-o", str(tmp_path / "out.jsonl"), "--cue-model", str(article)],
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {article}: not a cue model (is not valid JSON: line 1 column 1: Expecting value); "
        "train one with `tracker train-cues`\n"
    )
    assert not (tmp_path / "out.jsonl").exists()
