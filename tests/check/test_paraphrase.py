"""Tests for tracker.check.paraphrase: a short text that names a claim's event in other
words (a word close in meaning, another derivation) is related to the claim when it shares
one of the claim's names, and the sentence that names it is the evidence.

Every headline here is synthetic: invented places, bodies and people.
"""

from __future__ import annotations

import pytest

from tracker.check.checker import ClaimChecker
from tracker.check.paraphrase import shares_a_name, text_words, word_credits
from tracker.check.records import CheckSettings
from tracker.model import Article

PLANES = "Rebels in Velmora took six cargo airliners from Kessin airport."
CASTRATED = "A preacher persuaded 40 followers to be castrated."
FERRIES = "Kessin council sold the harbour ferries to a Brenvik firm."
DRONE = "The Velmoran army shot down a cargo drone over Orsk."


def _check(nlp, claim: str, text: str, settings: CheckSettings | None = None):
    checker = ClaimChecker(nlp, settings=settings)
    checker.add_articles([Article("h", text)])
    [verdict] = checker.check(claim, ["h"])
    return verdict


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
@pytest.mark.parametrize(
    ("claim", "text", "expected"),
    [
        (PLANES, "Missing Velmoran Planes Spark Fears In Kessin", ("supports", "asserts", None)),
        (DRONE, "Velmora Downs Unmanned Aircraft Above Orsk", ("supports", "asserts", None)),
        (FERRIES, "Kessin Boats Bought By Brenvik Company", ("supports", "asserts", None)),
        (
            CASTRATED,
            "Judge Orders Probe Into 'Forced Castration' In Hill Sect",
            ("reports", "reports", "'"),
        ),
    ],
    ids=["synonym", "synonym-and-shortened-name", "synonym-and-inflection", "derivation"],
)
def test_a_headline_naming_the_event_in_other_words_is_related(nlp, claim, text, expected, lower):
    text = text.lower() if lower else text
    verdict = _check(nlp, claim, text)
    assert verdict.verdict == expected[0]
    [evidence] = verdict.evidence
    assert (evidence.stance, evidence.cue, evidence.sentence) == (*expected[1:], text)
    assert (evidence.start, evidence.end) == (0, len(text))


def test_without_word_vectors_close_enough_the_same_headline_stays_unrelated(nlp):
    # the threshold is what relates it: above any cosine, only the words it shares count
    verdict = _check(
        nlp, PLANES, "Missing Velmoran Planes Spark Fears In Kessin", CheckSettings(paraphrase=1.1)
    )
    assert verdict.verdict == "unrelated"


@pytest.mark.parametrize(
    "text",
    [
        "Velmora Chess Club Wins Kessin Trophy",
        "velmora festival draws record crowds",
        # close in meaning, but no name of the claim's: another story's planes
        "Missing Planes Spark Fears",
    ],
    ids=["names-only", "one-name", "no-name"],
)
def test_a_headline_sharing_names_but_not_the_event_stays_unrelated(nlp, text):
    verdict = _check(nlp, PLANES, text)
    assert verdict.verdict == "unrelated"
    assert all(e.stance == "nearest" for e in verdict.evidence)


def test_word_credits():
    credits = word_credits(
        frozenset({"airliner", "castrate", "harbour"}),
        frozenset({"liby", "orsk"}),
        {},
        text_words("Libya: Missing Planes And Castration Fears"),
        {"libya", "miss", "plane", "castr", "fear"},
        0.6,
    )
    # a name by the start of a word, a derivation by its stem, a synonym by its cosine;
    # a word with nothing close and a name the text does not use get nothing
    assert set(credits) == {"liby", "castrate", "airliner"}
    assert credits["liby"] == credits["castrate"] == 1.0
    assert 0.6 <= credits["airliner"] < 1.0


def test_shares_a_name_and_text_words():
    assert text_words("The Kessin’s Ferries, 2024!") == ["kessin", "ferries"]
    assert shares_a_name({"kess"}, set(), ["kessin"])
    assert not shares_a_name({"orsk"}, {"kessin"}, ["kessin"])
