"""Tests for tracker.check.verdict.words: the words a verdict model learns, and where in a pair
it looks for them.  The articles are the synthetic ones of tests/fixtures/check/."""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES
from tracker.check.checker import ClaimChecker
from tracker.check.verdict.words import (
    choose_vocabulary,
    pair_words,
    stories,
    word_features,
    words_of,
)
from tracker.ingest.readers import read_articles

FIXTURES = FIXTURES / "check"


@pytest.fixture(scope="module")
def checker(nlp):
    checker = ClaimChecker(nlp)
    checker.add_articles(read_articles([FIXTURES]))
    return checker


def test_words_of_lowers_and_keeps_inner_apostrophes():
    assert words_of("It\u2019s NOT true -- 'fake' news, 2 times.") == {
        "it's", "not", "true", "fake", "news", "times"
    }  # fmt: skip


def test_pair_words_reads_four_places(checker):
    [assessment] = checker.assess("The Velmora dam burst on Monday", ["denies-hoax"], full=True)
    words = pair_words(assessment, checker.settings.match)
    assert words["claim"] == {"the", "velmora", "dam", "burst", "on", "monday"}
    first = {"a", "picture", "shared", "thousands", "of", "times", "claims", "the", "velmora"}
    first |= {"dam", "burst", "on", "monday"}
    second = {"it", "is", "a", "hoax", "the", "picture", "was", "made", "from", "two"}
    second |= {"older", "photographs"}
    assert words["best"] == first
    assert words["near"] == first | second
    # the body only: the front matter ("title:", "synthetic: true") is not read
    assert words["article"] == first | second


def test_pair_words_of_an_article_that_never_matches(checker):
    [assessment] = checker.assess("Freedonia transferred missiles", ["unrelated"], full=True)
    words = pair_words(assessment, checker.settings.match)
    # no sentence reaches the match similarity, but the closest one is still the best
    assert words["near"] == frozenset()
    assert words["best"] == {
        "the", "goat", "cheese", "stalls", "sold", "out", "before", "noon", "said",
        "organiser", "mira", "talven"
    }  # fmt: skip
    assert words["claim"] == {"freedonia", "transferred", "missiles"}
    assert "freedonia" not in words["article"]


def bag(text):
    return {"near": words_of(text)}


def test_choose_vocabulary_needs_words_seen_in_several_articles():
    bags = [bag("hoax in velmora"), bag("a hoax"), bag("it was true"), bag("true enough")]
    verdicts = ["denies", "denies", "supports", "supports"]
    claims = ["c1", "c2", "c3", "c4"]
    apart = ["a", "b", "c", "d"]
    twice = choose_vocabulary(bags, verdicts, claims, apart, per_verdict=5, min_stories=2)
    assert twice == ("near_true", "near_hoax")
    # the same words, but each pair of claims shares an article: two stories, and a word
    # of one story is never learned
    shared = ["a", "a", "c", "c"]
    assert choose_vocabulary(bags, verdicts, claims, shared, per_verdict=5, min_stories=2) == ()
    # ties go to the first word in alphabetical order
    top = choose_vocabulary(bags, verdicts, claims, apart, per_verdict=2, min_stories=1)
    assert top == ("near_true", "near_enough", "near_hoax", "near_a")


def test_stories_join_claims_through_related_articles():
    claims = ["dam", "dam video", "missiles", "missiles", "cheese"]
    articles = ["a1", "a1", "a2", "a1", "a3"]
    related = [True, True, True, False, True]
    assert stories(claims, articles, related) == [0, 0, 1, 1, 2]


def test_choose_vocabulary_ignores_unrelated_pairs_and_missing_places():
    bags = [bag("no hoax"), bag("no hoax"), bag("hoax everywhere"), {"claim": words_of("x")}]
    verdicts = ["denies", "denies", "unrelated", "supports"]
    chosen = choose_vocabulary(
        bags, verdicts, ["c1", "c2", "c3", "c4"], ["a", "b", "c", "d"], per_verdict=3, min_stories=2
    )
    assert chosen == ("near_hoax", "near_no")


def test_word_features_mark_each_place():
    bags = [{"claim": words_of("a hoax"), "near": words_of("a fact")}, {}]
    names = ("claim_hoax", "near_hoax", "near_fact")
    assert word_features(names, bags) == [[1.0, 0.0, 1.0], [0.0, 0.0, 0.0]]
