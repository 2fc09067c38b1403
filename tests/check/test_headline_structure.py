"""Tests for the parts of a headline's structure that tracker.check.headline and
tracker.check.clauses read (confirmations, refuting labels, answers, pieces); how whole
headlines are then judged is in test_headlines.py.

Every headline here is synthetic: invented places, bodies and people.
"""

from __future__ import annotations

import pytest

from tracker.check.checker import ClaimChecker
from tracker.check.clauses import pieces
from tracker.check.headline import confirmation, off_claim_refutation
from tracker.model import Article


def test_a_question_answered_probably_not_is_refuted_by_the_answer(nlp):
    text = "Velmora dam burst on Monday? Probably not"
    checker = ClaimChecker(nlp)
    checker.add_articles([Article("answered", text)])
    [verdict] = checker.check("The Velmora dam burst on Monday", ["answered"])
    assert verdict.verdict == "denies"
    denial = next(e for e in verdict.evidence if e.stance == "denies")
    assert (denial.cue, denial.sentence) == ("probably not", "Probably not")
    assert text[denial.start : denial.end] == "Probably not"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Velmora dam burst confirmed: police", "confirmed"),
        ("Police: Velmora dam burst verified", "verified"),
        ("Velmora dam burst not yet confirmed: police", None),
        ("Velmora dam burst unconfirmed \u2013 police", None),
        ("Police have yet to confirm Velmora dam burst", None),
        ("Velmora dam burst hasn't been confirmed", None),
    ],
)
def test_confirmation(text, expected):
    assert confirmation(text) == expected


def test_a_refuting_label_before_a_colon_is_about_what_follows():
    about = {"velmora", "burst"}.__contains__
    assert not off_claim_refutation("Fake news: Velmora dam burst", "fake", about)
    assert not off_claim_refutation("Fake: Velmora dam burst", "fake", about)
    # a refuting word before another noun, not opening the line, stays about that noun
    assert off_claim_refutation("Astrin spreads fake news: Velmora dam burst", "fake", about)


def test_pieces_cut_at_clause_breaks_only():
    assert [p[2] for p in pieces("Dam bursts \u2013 and nobody was hurt")] == [
        "Dam bursts",
        "nobody was hurt",
    ]
    # a hyphen inside a word and a dash without spaces cut nothing
    assert [p[2] for p in pieces("Astrin-Velmora dam bursts")] == ["Astrin-Velmora dam bursts"]
    text = "Orlo Pell, who quit, says he won't run"
    assert [(text[a:b], piece) for a, b, piece in pieces(text)] == [
        ("Orlo Pell", "Orlo Pell"),
        ("who quit", "who quit"),
        ("says he won't run", "says he won't run"),
    ]
