"""Tests for tracker.check.verdict.model: a verdict model trained on labelled pairs, its file,
and the `train-check` / `check --verdict-model` commands.

The articles are the synthetic ones of tests/fixtures/check/ (invented places, bodies and
people only); the labelled pairs are written here.  Nothing is trained on real data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

pytest.importorskip("lightgbm")

from click.testing import CliRunner  # noqa: E402

from tests.conftest import FIXTURES
from tracker.check.checker import ClaimChecker, ClaimRequest, check_claims  # noqa: E402
from tracker.check.verdict.features import FEATURE_NAMES  # noqa: E402
from tracker.check.verdict.model import (  # noqa: E402
    MODEL_FORMAT,
    LabelledPair,
    TrainSettings,
    VerdictModel,
    read_labelled_pairs,
    train_verdict_model,
)
from tracker.cli import cli  # noqa: E402
from tracker.errors import InputError, RecordError, TrainedModelError  # noqa: E402
from tracker.ingest.readers import read_articles  # noqa: E402

FIXTURES = FIXTURES / "check"
ARTICLES = sorted(str(p) for p in FIXTURES.glob("*.txt"))
DAM = "The Velmora dam burst on Monday"
ARMS = "Freedonia transferred missiles to Ruritania"
VIDEO = "A video shows the Velmora dam bursting"

LABELLED = [
    LabelledPair(DAM, "supports-own-voice", "supports"),
    LabelledPair(DAM, "supports-source", "supports"),
    LabelledPair(DAM, "reports-hedged", "reports"),
    LabelledPair(DAM, "unrelated", "unrelated"),
    LabelledPair(DAM, "denies-false", "denies"),
    LabelledPair(DAM, "denies-hoax", "denies"),
    LabelledPair(ARMS, "denies-paraphrase", "denies"),
    LabelledPair(ARMS, "denies-no-evidence", "denies"),
    LabelledPair(ARMS, "denies-contrary", "denies"),
    LabelledPair(ARMS, "denies-dismissed-report", "denies"),
    LabelledPair(ARMS, "supports-own-voice", "unrelated"),
    LabelledPair(ARMS, "reports-hedged", "unrelated"),
    LabelledPair(ARMS, "unrelated", "unrelated"),
    LabelledPair(VIDEO, "denies-actually", "denies"),
]


def write_labelled(path: Path, pairs=LABELLED) -> Path:
    path.write_text(
        "".join(
            json.dumps({"claim": p.claim, "article_id": p.article_id, "verdict": p.verdict}) + "\n"
            for p in pairs
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def articles():
    found = read_articles([FIXTURES])
    assert all(a.synthetic for a in found)
    return found


@pytest.fixture(scope="module")
def checker(nlp, articles):
    checker = ClaimChecker(nlp)
    checker.add_articles(articles)
    return checker


# The fixtures hold three stories (the dam, its video, the arms transfer): words are learned
# from two stories on, not the default ten.
FEW_STORIES = TrainSettings(word_min_stories=2)


@pytest.fixture(scope="module")
def model(checker):
    return train_verdict_model(LABELLED, checker, settings=FEW_STORIES)


def predicted(checker, model):
    out = {}
    for pair in LABELLED:
        [assessment] = checker.assess(pair.claim, [pair.article_id], full=True)
        out[(pair.claim, pair.article_id)] = model.predict([assessment])[0]
    return out


def test_model_predicts_the_labels_it_was_trained_on(checker, model):
    assert predicted(checker, model) == {(p.claim, p.article_id): p.verdict for p in LABELLED}


def test_model_file_round_trips(tmp_path, checker, model):
    path = tmp_path / "verdicts.model"
    model.save(path)
    header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert header["format"] == MODEL_FORMAT
    assert header["labels"] == ["supports", "denies", "reports", "unrelated"]
    assert header["vocabulary"] == list(model.vocabulary)
    assert header["vocabulary"][:4] == ["claim_dam", "claim_the", "claim_velmora", "best_dam"]
    assert header["features"] == [*FEATURE_NAMES, *model.vocabulary]
    loaded = VerdictModel.load(path)
    # LightGBM reads the model as tracker writes it out again after checking every tree:
    # the same header and predictions, and a second round trip changes nothing
    assert loaded.to_string().partition("\n")[0] == model.to_string().partition("\n")[0]
    assert VerdictModel.from_string(loaded.to_string()).to_string() == loaded.to_string()
    assessments = [checker.assess(p.claim, [p.article_id], full=True)[0] for p in LABELLED]
    assert loaded.predict_proba(assessments) == model.predict_proba(assessments)


def test_training_is_deterministic(checker, model):
    again = train_verdict_model(LABELLED, checker, settings=FEW_STORIES)
    assert again.to_string() == model.to_string()


def test_checker_with_a_model_keeps_the_rule_evidence(nlp, articles, model):
    with_model = ClaimChecker(nlp, verdict_model=model)
    with_model.add_articles(articles)
    rules = ClaimChecker(nlp)
    rules.add_articles(articles)
    [by_model] = with_model.check(ARMS, ["denies-paraphrase"])
    [by_rules] = rules.check(ARMS, ["denies-paraphrase"])
    assert by_model.verdict == "denies"
    assert by_model.evidence == by_rules.evidence
    assert by_model.evidence[0].source == "Freedonia"
    out = list(
        check_claims([ClaimRequest(DAM, "reports-hedged")], [], checker=rules, verdict_model=model)
    )
    assert [v.verdict for v in out] == ["reports"]


def test_training_needs_known_articles(checker):
    with pytest.raises(RecordError, match="names article 'nope', which is not among"):
        train_verdict_model([LabelledPair(DAM, "nope", "supports")], checker)
    with pytest.raises(RecordError, match="no labelled pairs"):
        train_verdict_model([], checker)


def test_missing_lightgbm_says_how_to_install(monkeypatch, checker):
    monkeypatch.setitem(sys.modules, "lightgbm", None)
    with pytest.raises(TrainedModelError, match=r'pip install "tracker\[train\]"'):
        train_verdict_model(LABELLED, checker)


def test_load_rejects_other_files(tmp_path, model):
    other = tmp_path / "other.model"
    other.write_text("tree\nversion=v4\n", encoding="utf-8")
    with pytest.raises(InputError, match="is not a tracker verdict model"):
        VerdictModel.load(other)
    header, _, body = model.to_string().partition("\n")
    changed = json.loads(header) | {"features": ["cosine"], "tracker_version": "0.0.1"}
    other.write_text(json.dumps(changed) + "\n" + body, encoding="utf-8")
    with pytest.raises(InputError, match="trained by tracker 0.0.1 on other features"):
        VerdictModel.load(other)
    with pytest.raises(InputError, match="no such file"):
        VerdictModel.load(tmp_path / "none.model")
    changed = json.loads(header) | {"vocabulary": ["somewhere_the"]}
    other.write_text(json.dumps(changed) + "\n" + body, encoding="utf-8")
    with pytest.raises(InputError, match='has a damaged "vocabulary"; train it again'):
        VerdictModel.load(other)


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("left_child=", "tree 0: its children do not form a tree"),
        ("split_feature=", "tree 0: splits on a feature the model does not have"),
        ("leaf_value=", "tree 0: leaf_value holds something that is not a number"),
    ],
)
def test_a_crafted_lightgbm_tree_is_refused_before_lightgbm_reads_it(
    tmp_path, model, line, problem
):
    header, _, body = model.to_string().partition("\n")
    start = body.index("\n" + line) + 1
    end = body.index("\n", start)
    values = body[start + len(line) : end].split(" ")
    values[0] = "x" if line == "leaf_value=" else "99999"
    crafted = tmp_path / "crafted.model"
    crafted.write_text(header + "\n" + body[:start] + line + " ".join(values) + body[end:])
    with pytest.raises(InputError) as raised:
        VerdictModel.load(crafted)
    assert str(raised.value) == (
        f"{crafted}: holds a damaged LightGBM model (LightGBM model: {problem})"
    )


def test_learned_words_are_settings(checker):
    none = train_verdict_model(LABELLED, checker, settings=TrainSettings(words_per_verdict=0))
    assert none.vocabulary == ()
    assert none.feature_names == FEATURE_NAMES
    assert predicted(checker, none) == {(p.claim, p.article_id): p.verdict for p in LABELLED}
    # by default a word must be seen in ten stories: the fixtures have three
    assert train_verdict_model(LABELLED, checker).vocabulary == ()
    few = TrainSettings(words_per_verdict=2, word_min_stories=2)
    assert train_verdict_model(LABELLED, checker, settings=few).vocabulary == (
        *("claim_dam", "claim_the", "best_dam", "best_after", "best_a", "best_to"),
        *("near_dam", "near_velmora", "near_is", "near_was", "near_council", "near_in"),
        *("article_dam", "article_velmora", "article_is", "article_was", "article_council"),
        "article_in",
    )


def test_read_labelled_pairs(tmp_path):
    path = write_labelled(tmp_path / "labelled.jsonl")
    assert read_labelled_pairs(path) == LABELLED


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"claim": "x", "article_id": "a", "verdict": "supports"}\n{oops\n', "line 2: not valid"),
        ('{"claim": "x", "verdict": "supports"}\n', 'line 1: needs an "article_id" string'),
        (
            '{"claim": "x", "article_id": "a", "verdict": "agree"}\n',
            'line 1: "verdict" must be one of supports, denies, reports, unrelated, not "agree"',
        ),
        ('{"claim": "x", "article_id": "a"}\n', 'line 1: "verdict" must be one of'),
    ],
)
def test_read_labelled_pairs_errors(tmp_path, content, message):
    path = tmp_path / "labelled.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_labelled_pairs(path)
    assert str(info.value).startswith(str(path))


# -- command line --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def model_file(tmp_path_factory, nlp):
    """A model trained by `tracker train-check` on the labelled fixtures."""
    folder = tmp_path_factory.mktemp("model")
    labelled = write_labelled(folder / "labelled.jsonl")
    out = folder / "verdicts.model"
    result = CliRunner().invoke(
        cli, ["train-check", "--claims", str(labelled), *ARTICLES, "-o", str(out)]
    )
    return result, out


def test_cli_train_check(model_file):
    result, out = model_file
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == (
        "training on 14 labelled pair(s), 11 article(s)\n"
        "features of 14 pairs computed; training\n"
        f"Wrote a verdict model trained on 14 pairs to {out}\n"
    )
    loaded = VerdictModel.load(out)
    assert loaded.labels == ("supports", "denies", "reports", "unrelated")
    assert loaded.vocabulary == ()  # three stories: fewer than --min-stories


def test_cli_train_check_word_options(tmp_path):
    labelled = write_labelled(tmp_path / "labelled.jsonl")
    out = tmp_path / "words.model"
    train = ["train-check", "--claims", str(labelled), *ARTICLES, "-o", str(out), "-q"]
    result = CliRunner().invoke(cli, [*train, "--min-stories", "2", "--words", "1"])
    assert result.exit_code == 0, result.output
    assert VerdictModel.load(out).vocabulary == (
        *("claim_dam", "best_dam", "best_a", "best_to", "near_dam", "near_is", "near_council"),
        *("article_dam", "article_is", "article_council"),
    )
    result = CliRunner().invoke(cli, [*train, "--min-stories", "2", "--words", "0"])
    assert result.exit_code == 0, result.output
    assert VerdictModel.load(out).feature_names == FEATURE_NAMES
    result = CliRunner().invoke(cli, [*train, "--words", "-1"])
    assert result.exit_code == 2
    assert "Invalid value for '--words': -1 is not in the range x>=0." in result.output


def test_cli_check_with_a_verdict_model(model_file):
    _, out = model_file
    paths = [str(FIXTURES / f"{name}.txt") for name in ("reports-hedged", "denies-hoax")]
    result = CliRunner().invoke(
        cli, ["check", DAM, *paths, "--verdict-model", str(out), "--format", "csv", "-q"]
    )
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert rows[0] == "claim,article_id,verdict,score,evidence"
    assert [row.split(",")[1:3] for row in rows[1:]] == [
        ["reports-hedged", "reports"],
        ["denies-hoax", "denies"],
    ]


def test_cli_train_check_bad_lines(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"claim": "x", "article_id": "unrelated", "verdict": "supports"}\nnot json\n',
        encoding="utf-8",
    )
    out = tmp_path / "m.model"
    result = runner.invoke(
        cli, ["train-check", "--claims", str(bad), str(FIXTURES), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert result.output == f"Error: {bad}: line 2: not valid JSON (Expecting value)\n"
    bad.write_text('{"claim": "x", "article_id": "unrelated", "verdict": "agree"}\n')
    result = runner.invoke(
        cli, ["train-check", "--claims", str(bad), str(FIXTURES), "-o", str(out)]
    )
    assert result.exit_code == 1
    assert result.output == (
        f'Error: {bad}: line 1: "verdict" must be one of supports, denies, reports, '
        'unrelated, not "agree"\n'
    )
    assert not out.exists()


def test_cli_check_rejects_a_file_that_is_no_model(tmp_path):
    fake = tmp_path / "fake.model"
    fake.write_text("hello\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", DAM, str(FIXTURES / "unrelated.txt"), "--verdict-model", str(fake), "-q"]
    )
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {fake}: is not a tracker verdict model; train one with `tracker train-check`\n"
    )


def test_a_model_trained_with_an_encoder_needs_one(tmp_path, nlp, articles, checker):
    from tests.resolve.test_semantic import ConceptEncoder
    from tracker.check.verdict.features import SEMANTIC_FEATURE_NAMES

    with_encoder = ClaimChecker(nlp, encoder=ConceptEncoder())
    with_encoder.add_articles(articles)
    trained = train_verdict_model(LABELLED, with_encoder)
    assert trained.semantic
    path = tmp_path / "semantic.model"
    trained.save(path)
    loaded = VerdictModel.load(path)
    assert loaded.semantic
    assert loaded.feature_names == FEATURE_NAMES + SEMANTIC_FEATURE_NAMES + loaded.vocabulary
    [assessment] = with_encoder.assess(DAM, ["denies-hoax"], full=True)
    assert loaded.predict([assessment]) == trained.predict([assessment])
    [plain] = checker.assess(DAM, ["denies-hoax"], full=True)
    with pytest.raises(TrainedModelError, match="trained with sentence embeddings"):
        loaded.predict([plain])
