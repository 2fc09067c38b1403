"""Tests for tracker.gold.fnc: reading FNC-1 style files, the splits by headline and by story,
and scoring.

The CSV files here are tiny synthetic stand-ins written by the tests; the real FNC-1 data
never enters the repository.
"""

from __future__ import annotations

import csv

import pytest

from tracker.errors import EvaluationError
from tracker.gold.fnc import (
    FNC_LABELS,
    LABEL_OF_VERDICT,
    FncData,
    FncPair,
    fnc_report,
    load_fnc,
    score_fnc,
    split_of,
    story_keys,
    story_part_of,
)


def write_fnc(folder, bodies, stances):
    with (folder / "train_bodies.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Body ID", "articleBody"])
        writer.writerows(bodies)
    with (folder / "train_stances.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Headline", "Body ID", "Stance"])
        writer.writerows(stances)


def test_verdicts_map_onto_every_label():
    assert sorted(LABEL_OF_VERDICT.values()) == sorted(FNC_LABELS)
    assert LABEL_OF_VERDICT["denies"] == "disagree"


def test_official_score_weights():
    # right unrelated: 0.25; right related label: 1.0; related but wrong label: 0.25
    assert score_fnc(["unrelated"], ["unrelated"]) == 0.25
    assert score_fnc(["agree"], ["agree"]) == 1.0
    assert score_fnc(["agree"], ["disagree"]) == 0.25
    assert score_fnc(["disagree"], ["unrelated"]) == 0.0
    assert score_fnc(["unrelated"], ["discuss"]) == 0.0


def test_score_needs_equal_lengths():
    with pytest.raises(EvaluationError, match="2 gold labels but 1 predictions"):
        score_fnc(["agree", "agree"], ["agree"])


def test_report_per_class_and_macro():
    gold = ["agree", "agree", "disagree", "discuss", "unrelated", "unrelated"]
    pred = ["agree", "discuss", "disagree", "discuss", "unrelated", "agree"]
    report = fnc_report(gold, pred)
    scores = {
        c.label: (round(c.precision, 3), round(c.recall, 3), round(c.f1, 3), c.support)
        for c in report.classes
    }
    assert scores == {
        "agree": (0.5, 0.5, 0.5, 2),
        "disagree": (1.0, 1.0, 1.0, 1),
        "discuss": (0.5, 1.0, 0.667, 1),
        "unrelated": (1.0, 0.5, 0.667, 2),
    }
    assert round(report.macro_f1, 3) == 0.708
    assert report.score == 3.5 and report.max_score == 4.5
    assert report.confusion["agree"]["discuss"] == 1
    assert report.to_dict()["fnc_relative_score"] == pytest.approx(3.5 / 4.5)
    assert "macro-F1 0.708" in report.to_text()


def test_split_is_by_headline_and_stable():
    assert split_of("Dam bursts in Astrin") == split_of("Dam bursts in Astrin ")
    parts = [split_of(f"synthetic headline {n}") for n in range(2000)]
    held_out = parts.count("held-out") / len(parts)
    assert 0.17 < held_out < 0.23
    assert set(parts) == {"tune", "held-out"}


def test_load_and_split(tmp_path):
    write_fnc(
        tmp_path,
        [("1", "Synthetic body one."), ("2", "Synthetic body two.")],
        [
            ("Headline A", "1", "agree"),
            ("Headline B", "2", "unrelated"),
            ("Headline A", "2", "discuss"),
        ],
    )
    data = load_fnc(tmp_path)
    assert data.bodies == {"1": "Synthetic body one.", "2": "Synthetic body two."}
    assert [p.stance for p in data.pairs] == ["agree", "unrelated", "discuss"]
    tune, held = data.split("tune"), data.split("held-out")
    assert len(tune) + len(held) == 3
    # both pairs of one headline fall on one side
    sides = {split_of(p.headline) for p in data.pairs if p.headline == "Headline A"}
    assert len(sides) == 1
    with pytest.raises(EvaluationError, match="unknown split 'dev'"):
        data.split("dev")


def test_load_reports_bad_rows(tmp_path):
    write_fnc(tmp_path, [("1", "Synthetic body.")], [("Headline", "7", "agree")])
    with pytest.raises(EvaluationError, match=r"train_stances.csv, line 2: no body with id '7'"):
        load_fnc(tmp_path)
    write_fnc(tmp_path, [("1", "Synthetic body.")], [("Headline", "1", "maybe")])
    with pytest.raises(EvaluationError, match="line 2: unknown stance 'maybe'"):
        load_fnc(tmp_path)


def test_load_missing_folder(tmp_path):
    with pytest.raises(EvaluationError, match="train_bodies.csv: not found"):
        load_fnc(tmp_path / "nowhere")


def synthetic_stories(count: int) -> FncData:
    """``count`` stories of two headlines and two bodies each (ids 10k+1, 10k+2), every
    headline also paired, unrelated, with a body of the next story."""
    pairs = []
    for k in range(count):
        first, second = str(10 * k + 1), str(10 * k + 2)
        later = str(10 * ((k + 1) % count) + 1)
        pairs += [
            FncPair(f"story {k} headline a", first, "agree"),
            FncPair(f"story {k} headline a", second, "discuss"),
            FncPair(f"story {k} headline b", second, "disagree"),
            FncPair(f"story {k} headline b", later, "unrelated"),
        ]
    return FncData({p.body_id: "Synthetic body." for p in pairs}, tuple(pairs))


def test_story_keys_are_the_smallest_body_id_whatever_the_order():
    data = synthetic_stories(3)
    heads, bodies = story_keys(data.pairs)
    assert heads["story 1 headline a"] == heads["story 1 headline b"] == "11"
    assert bodies == {"1": "1", "2": "1", "11": "11", "12": "11", "21": "21", "22": "21"}
    assert story_keys(data.pairs[::-1]) == (heads, bodies)
    # a headline with unrelated pairs only is a story of its own
    alone, _ = story_keys([FncPair("Lonely headline", "1", "unrelated")])
    assert alone["Lonely headline"].startswith("headline:")


def test_split_by_story_keeps_each_story_on_one_side():
    data = synthetic_stories(200)
    heads, bodies = story_keys(data.pairs)
    held, tune = data.split("held-out", by="story"), data.split("tune", by="story")
    held_stories = {heads[p.headline] for p in held}
    assert 20 <= len(held_stories) <= 60  # about 20% of 200
    assert not held_stories & {heads[p.headline] for p in tune}
    # the tune part reads no body of a held-out story, not even as unrelated
    assert not {bodies[p.body_id] for p in tune} & held_stories
    # every pair of a held-out story is held out, unrelated ones included
    assert len(held) == 4 * len(held_stories)
    assert {story_part_of(key) for key in held_stories} == {"held-out"}
    assert story_part_of("") == "tune"
    with pytest.raises(EvaluationError, match="unknown split 'body'"):
        data.split("tune", by="body")
