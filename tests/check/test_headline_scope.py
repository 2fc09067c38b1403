"""Tests for how far a headline's cues reach in tracker.check: a negation however it is
typed or tagged, a source the parser cut off before its colon, and cues inside what someone
says or quotes about something else.

Every headline here is synthetic: invented places, bodies and people.
"""

from __future__ import annotations

import pytest

from tracker.check.checker import ClaimChecker
from tracker.model import Article


def _check(nlp, claim: str, text: str):
    checker = ClaimChecker(nlp)
    checker.add_articles([Article("h", text)])
    [verdict] = checker.check(claim, ["h"])
    return verdict


def _deciding(verdict):
    return [(e.stance, e.cue, e.sentence) for e in verdict.evidence]


def _read(nlp, claim: str, text: str, lower: bool):
    """The text as checked (lower-cased with ``lower``), its verdict and its evidence."""
    text = text.lower() if lower else text
    verdict = _check(nlp, claim, text)
    return text, verdict.verdict, _deciding(verdict)


ARREST = "Orlo Pell was arrested in Velmora"


@pytest.mark.parametrize(
    "text",
    [
        "Good News, Orlo Pell Wasn\u2019t Arrested In Velmora",
        "good news, orlo pell wasn\u2019t arrested in velmora",
        "Orlo Pell Hasn\u2019t Been Arrested In Velmora After All",
        "ORLO PELL WASN\u2019T ARRESTED IN VELMORA",
    ],
    ids=["cased", "lower", "has-not", "capitals"],
)
def test_a_contracted_not_with_a_typographic_apostrophe_denies(nlp, text):
    # the tagger reads a title-case "n’t" as punctuation, and leaves "WASN’T" whole
    verdict = _check(nlp, ARREST, text)
    assert verdict.verdict == "denies"
    assert _deciding(verdict)[0] == ("denies", "n't", text)


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            "REPORTS: ASTRIN MAYOR SECRETLY BUYING BRENVIK FERRY LINE",
            "ASTRIN MAYOR SECRETLY BUYING BRENVIK FERRY LINE",
        ),
        (
            "REPORT: ASTRIN KING SECRETLY SELLING PALACE TO VELMORA",
            "ASTRIN KING SECRETLY SELLING PALACE TO VELMORA",
        ),
    ],
)
def test_a_source_the_parser_cut_off_before_its_colon_passes_the_claim_on(nlp, text, sentence):
    claim = (
        "The Astrin mayor is secretly buying the Brenvik ferry line"
        if "MAYOR" in text
        else "The Astrin king is secretly selling his palace to Velmora"
    )
    verdict = _check(nlp, claim, text)
    assert verdict.verdict == "reports"
    assert _deciding(verdict)[0] == ("reports", ":", sentence)


def test_a_topic_the_parser_cut_off_before_its_colon_is_no_source(nlp):
    # the same cut with an event before the colon: the headline states the claim
    text = "VELMORA FLOODING: ASTRIN MAYOR SECRETLY BUYING BRENVIK FERRY LINE"
    verdict = _check(nlp, "The Astrin mayor is secretly buying the Brenvik ferry line", text)
    assert verdict.verdict == "supports"


QUIT = "Orlo Pell quit the Velmora council"


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
@pytest.mark.parametrize(
    "text",
    [
        # a source's words about something else in a clause below the claim's
        "Orlo Pell quits Velmora council after wife tells him he has no head for politics",
        # a quotation of something else before the claim, and after a colon
        "'We have no regrets at all' Orlo Pell quits Velmora council",
        "Orlo Pell quits Velmora council: 'I have never felt so free'",
    ],
    ids=["told-him", "quote-before", "quote-after-colon"],
)
def test_a_negation_in_words_about_something_else_does_not_deny(nlp, text, lower):
    text = text.lower() if lower else text
    verdict = _check(nlp, QUIT, text)
    assert verdict.verdict == "supports"
    assert _deciding(verdict) == [("asserts", None, text)]


@pytest.mark.parametrize(
    ("text", "expected", "cue"),
    [
        # what is said holds the claim: a denial
        ("Orlo Pell says he did not quit the Velmora council", "denies", "says"),
        # the words outside what is said are only names and the source: what is said may
        # be the claim in other words, and is passed on
        ("Orlo Pell's aides are saying he cleared his desk", "reports", "are saying"),
    ],
)
def test_what_is_said_of_the_claim_is_still_read(nlp, text, expected, cue):
    verdict = _check(nlp, QUIT, text)
    assert (verdict.verdict, verdict.evidence[0].cue) == (expected, cue)


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
@pytest.mark.parametrize(
    "text",
    [
        "Angry Diner: Velmora Caf\u00e9 Phoned My Boss To Get Me Sacked",
        "Ex-Waiter Diner: I Lost My Job Over Velmora Caf\u00e9 Review",
    ],
    ids=["me", "i"],
)
def test_who_speaks_in_the_first_person_after_a_colon_is_its_source(nlp, text, lower):
    claim = "Velmora Caf\u00e9 had a diner sacked over his review"
    text, verdict, deciding = _read(nlp, claim, text, lower)
    assert (verdict, deciding) == ("reports", [("reports", ":", text)])


def test_a_quotation_after_a_colon_is_no_first_person_source(nlp):
    # the quotation's "we" is someone else's: the line before the colon states the claim
    text = "Velmora Caf\u00e9 had reviewing diner sacked: 'We lost a good man'"
    verdict = _check(nlp, "Velmora Caf\u00e9 had a diner sacked over his review", text)
    assert verdict.verdict == "supports"


def test_the_country_us_after_a_colon_is_no_first_person(nlp):
    text = "Astrin Flooding: US Engineers Fly In As Velmora Dam Bursts"
    verdict = _check(nlp, "The Velmora dam burst on Monday", text)
    assert verdict.verdict == "supports"


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
def test_a_question_of_the_claims_event_in_any_piece_passes_it_on(nlp, lower):
    # the second piece matches the claim's names best, but the line only asks the claim
    text = "Bribes For Pell? Velmora Builder Sues Orlo Pell's Accusers"
    text = text.lower() if lower else text
    verdict = _check(nlp, "Orlo Pell took bribes from a Velmora builder", text)
    assert verdict.verdict == "reports"
    question = text.split("? ")[0] + "?"
    assert ("reports", "?", question) in _deciding(verdict)


def test_a_question_of_something_else_beside_the_claim_passes_nothing_on(nlp):
    text = "Sweet Tooth? Velmora Baker Wins Astrin Cake Prize For Third Year"
    claim = "A Velmora baker won the Astrin cake prize for the third year"
    verdict = _check(nlp, claim, text)
    assert verdict.verdict == "supports"


FERRY = "Orlo Pell tried to sell the Brenvik ferry line to save the Velmora festival"
FESTIVAL = "Orlo Pell asked the Velmora council to move the Brenvik festival up to June"


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
@pytest.mark.parametrize(
    ("claim", "text"),
    [
        # "Asks" for the claim's "asked": the asking is the claim, not a source passing it on
        (FESTIVAL, "Orlo Pell Asks Velmora Council To Move Up Brenvik Festival Date"),
        # what someone offers or wants to do is what they do, not what they say
        (FERRY, "Orlo Pell Offers To Sell Brenvik Ferry Line, Save Velmora Festival"),
        (FERRY, "Orlo Pell Wants To Sell Brenvik Ferry Line To Save Velmora Festival"),
    ],
    ids=["asks", "offers", "wants"],
)
def test_a_headline_verb_of_acting_states_the_claim(nlp, claim, text, lower):
    text, verdict, deciding = _read(nlp, claim, text, lower)
    assert (verdict, deciding[0][0], deciding[0][2]) == ("supports", "asserts", text)


def test_a_verb_of_saying_with_a_to_clause_still_passes_the_claim_on(nlp):
    text = "Orlo Pell vows to sell the Brenvik ferry line to save the Velmora festival"
    verdict = _check(nlp, FERRY, text)
    assert verdict.verdict == "reports"
    assert _deciding(verdict) == [("reports", "vows", text)]
