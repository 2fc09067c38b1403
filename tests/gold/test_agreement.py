"""Tests for tracker.gold.agreement and `tracker agreement`.

The article, its people and its quotes are synthetic.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli import cli
from tracker.errors import EvaluationError
from tracker.gold.agreement import annotator_agreement
from tracker.gold.brat import load_annotator_readings, load_gold_corpus

TEXT = (
    "Dock fees to rise\n\n"
    "Harbourmaster Ilse Varga said the fees will rise in May.\n\n"
    "The rise is needed, according to the board.\n"
)
#: per annotator: (source, cue, content) of each attribution, found in TEXT in order
READINGS = {
    "a1": [
        ("Harbourmaster Ilse Varga", "said", "the fees will rise in May"),
        ("the board", "according to", "The rise is needed"),
    ],
    # a shorter source, the full stop inside the content, and the second attribution missed
    "b2": [("Ilse Varga", "said", "the fees will rise in May.")],
}


def write_readings(root: Path, readings: dict[str, list[tuple[str, str, str]]]) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "dock-fees.txt").write_text(TEXT, encoding="utf-8")
    for annotator, attributions in readings.items():
        lines = []
        for n, parts in enumerate(attributions):
            ids = []
            for label, part in zip(("Source", "Cue", "Content"), parts, strict=True):
                at = TEXT.index(part)
                ids.append(f"{label}:T{len(lines) + 1}")
                lines.append(f"T{len(lines) + 1}\t{label} {at} {at + len(part)}\t{part}")
            lines.append(f"E{n + 1}\tAttribution:{ids[1].split(':')[1]} {' '.join(ids)}")
        path = root / "attributions" / f"dock-fees_{annotator}.ann"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_readings(tmp_path / "gold", READINGS)


def test_readings_are_every_annotation_file_in_name_order(corpus):
    (readings,) = load_annotator_readings(corpus)
    assert [Path(r.annotation_path).name for r in readings] == [
        "dock-fees_a1.ann",
        "dock-fees_b2.ann",
    ]
    assert [len(r.attributions) for r in readings] == [2, 1]
    assert load_gold_corpus(corpus)[0] == readings[0]


def test_second_annotator_scored_against_the_first(corpus):
    report = annotator_agreement(corpus)
    assert (report.articles, report.readings, report.pairs) == (1, 2, 1)
    counts = {
        (role, match): (s.tp, s.predicted, s.gold)
        for role, by_match in report.roles.items()
        for match, s in by_match.items()
    }
    assert counts == {
        ("source", "exact"): (0, 1, 2),
        ("source", "overlap"): (1, 1, 2),
        ("cue", "exact"): (1, 1, 2),
        ("cue", "overlap"): (1, 1, 2),
        ("content", "exact"): (1, 1, 2),
        ("content", "overlap"): (1, 1, 2),
    }
    assert (report.relation.tp, report.relation.predicted, report.relation.gold) == (1, 1, 2)


def test_each_reference_scores_both_ways(corpus):
    report = annotator_agreement(corpus, reference="each")
    assert report.pairs == 2
    cue = report.roles["cue"]["exact"]
    assert (cue.tp, cue.predicted, cue.gold) == (2, 3, 3)
    assert cue.precision == cue.recall


def test_cli_table(corpus):
    result = CliRunner().invoke(cli, ["agreement", str(corpus)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "Annotator agreement: 1 article read by two or more annotators (2 annotation files), "
        "1 pair: each annotator scored against the first\n"
        "\n"
        "role      match    precision  recall  f1     tp/pred/gold\n"
        "source    exact    0.000      0.000   0.000  0/1/2\n"
        "source    overlap  1.000      0.500   0.667  1/1/2\n"
        "cue       exact    1.000      0.500   0.667  1/1/2\n"
        "cue       overlap  1.000      0.500   0.667  1/1/2\n"
        "content   exact    1.000      0.500   0.667  1/1/2\n"
        "content   overlap  1.000      0.500   0.667  1/1/2\n"
        "relation  overlap  1.000      0.500   0.667  1/1/2\n"
    )


def test_cli_json(corpus):
    result = CliRunner().invoke(
        cli, ["agreement", str(corpus), "--reference", "each", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {k: data[k] for k in ("articles", "readings", "pairs", "reference")} == {
        "articles": 1,
        "readings": 2,
        "pairs": 2,
        "reference": "each",
    }
    assert data["relation"] == {
        "tp": 2,
        "fp": 1,
        "fn": 1,
        "predicted": 3,
        "gold": 3,
        "precision": 0.667,
        "recall": 0.667,
        "f1": 0.667,
    }


def test_cli_corpus_with_one_annotator_per_article(tmp_path):
    corpus = write_readings(tmp_path / "gold", {"a1": READINGS["a1"]})
    result = CliRunner().invoke(cli, ["agreement", str(corpus)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {corpus}: no article has two or more annotation files; agreement compares "
        "<article>_<annotator>.ann files of the same article by different annotators\n"
    )


def test_cli_unreadable_annotation_names_the_file(corpus):
    bad = corpus / "attributions" / "dock-fees_b2.ann"
    bad.write_bytes(b"T1\tCue 0 4\t\xff\xfe\n")
    result = CliRunner().invoke(cli, ["agreement", str(corpus)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: not UTF-8")


def test_unknown_reference_is_refused(corpus):
    with pytest.raises(EvaluationError, match="unknown reference 'last'; use one of: first, each"):
        annotator_agreement(corpus, reference="last")
