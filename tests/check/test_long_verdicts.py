"""Verdicts of longer articles (more sentences than a headline or a lead): who denies,
whether the article vouches for the claim or passes it on.

Every text here is synthetic: invented places, bodies and people.  Each is checked as
written and in lower case (as some feeds and transcripts deliver it).
"""

from __future__ import annotations

import pytest

from tracker.check.checker import ClaimChecker
from tracker.model import Article

DAM = "The Velmora dam burst on Monday"

# the article itself calls the claim false in the sentence that matches it best
OWN_VOICE_REFUTATION = (
    "Rescue teams travelled to the valley on Tuesday. "
    "The story that the Velmora dam burst on Monday is false. "
    "Roads near the reservoir stayed closed overnight. "
    "Farmers in the valley waited for news. "
    "Engineers inspected the wall on Wednesday."
)
# the claim stated plainly, then called a hoax, fake and untrue in other sentences
REFUTED_AT_LENGTH = (
    "Posts shared widely said the Velmora dam burst on Monday. "
    "The pictures in the posts are a hoax. "
    "One widely shared photograph is fake. "
    "A caption describing a flooded school is untrue. "
    "Engineers inspected the wall on Wednesday."
)
# the same article doubting, not refuting: doubts are no denial
DOUBTED_AT_LENGTH = (
    "Posts shared widely said the Velmora dam burst on Monday. "
    "Engineers were skeptical of the pictures. "
    "Some residents voiced doubts about the posts. "
    "A hydrologist called the account implausible. "
    "Engineers inspected the wall on Wednesday."
)
# the claim passed on by sources only, without a hedge word
ATTRIBUTED_ONLY = (
    "Officials in Astrin said the Velmora dam burst on Monday. "
    "Witnesses told the Zembla Herald that the Velmora dam burst. "
    "Rescue teams travelled to the valley on Tuesday. "
    "Roads near the reservoir stayed closed overnight. "
    "Farmers in the valley waited for news."
)
# the article's own voice states the claim; one source adds a detail
ASSERTED = (
    "The Velmora dam burst on Monday, flooding the valley below it. "
    "The water from the Velmora dam burst through the lower town. "
    "Rescue teams travelled to the valley on Tuesday. "
    "Officials in Astrin said the dam burst after heavy rain. "
    "Roads near the reservoir stayed closed overnight."
)

# a source's denial of the claim far down a report, and the same denial as its lead
LATE_DENIAL = (
    "Heavy rain fell across the valley on Sunday. "
    "Residents of Astrin reported flooding in the low streets. "
    "Rescue teams travelled to the valley on Tuesday. "
    "Roads near the reservoir stayed closed overnight. "
    "The Astrin water board denied that the Velmora dam burst on Monday."
)
LEAD_DENIAL = (
    "The Astrin water board denied that the Velmora dam burst on Monday. "
    "Heavy rain fell across the valley on Sunday. "
    "Residents of Astrin reported flooding in the low streets. "
    "Rescue teams travelled to the valley on Tuesday. "
    "Roads near the reservoir stayed closed overnight."
)
DENIAL = "The Astrin water board denied that the Velmora dam burst on Monday."
# a claim that is itself a denial, and a hedged report calling two things false in passing
DAM_DENIED = "Officials deny that the Velmora dam burst on Monday"
HEDGED_WITH_TWO_REFUTATIONS = (
    "Posts shared widely said the Velmora dam reportedly burst on Monday. "
    "Rescue teams travelled to the valley on Tuesday. "
    "Roads near the reservoir stayed closed overnight. "
    "Farmers in the valley waited for news. "
    "The pictures in the posts are a hoax. "
    "Engineers inspected the wall on Wednesday. "
    "Schools in Astrin opened as usual. "
    "One widely shared photograph is fake. "
    "Buses ran on time across the valley. "
    "The weather service expects a dry week."
)


def _check(nlp, text: str, lower: bool, claim: str = DAM):
    claim = claim.lower() if lower else claim
    text = text.lower() if lower else text
    checker = ClaimChecker(nlp)
    checker.add_articles([Article("a1", "Synthetic. " + text)])
    [verdict] = checker.check(claim, ["a1"])
    return verdict


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
def test_the_article_own_voice_refuting_the_claim_denies(nlp, lower):
    verdict = _check(nlp, OWN_VOICE_REFUTATION, lower)
    assert verdict.verdict == "denies"
    first = verdict.evidence[0]
    assert (first.source, first.stance, first.cue) == (None, "denies", "is false")
    assert first.sentence.lower() == "the story that the velmora dam burst on monday is false."


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
def test_three_sentences_calling_things_false_deny(nlp, lower):
    verdict = _check(nlp, REFUTED_AT_LENGTH, lower)
    assert verdict.verdict == "denies"
    assert {e.cue for e in verdict.evidence if e.stance == "denies"} >= {"hoax"}


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
def test_three_sentences_of_doubt_do_not_deny(nlp, lower):
    assert _check(nlp, DOUBTED_AT_LENGTH, lower).verdict != "denies"


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
def test_a_claim_passed_on_by_sources_only_is_reported(nlp, lower):
    verdict = _check(nlp, ATTRIBUTED_ONLY, lower)
    assert verdict.verdict == "reports"
    assert verdict.evidence[0].stance == "reports"


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
def test_a_claim_the_article_states_is_supported(nlp, lower):
    verdict = _check(nlp, ASSERTED, lower)
    assert verdict.verdict == "supports"
    assert verdict.evidence[0].stance == "asserts"


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [(LATE_DENIAL, "reports"), (LEAD_DENIAL, "denies")],
    ids=["far-down-reports", "in-the-lead-denies"],
)
def test_a_denial_counts_as_the_article_own_only_in_its_lead(nlp, lower, text, expected):
    verdict = _check(nlp, text, lower)
    assert verdict.verdict == expected
    source = "astrin water board" if lower else "Astrin water board"
    sentence = DENIAL.lower() if lower else DENIAL
    start = len("Synthetic. ") + text.index(DENIAL)
    assert [(e.source, e.stance, e.cue, e.sentence, e.start) for e in verdict.evidence] == [
        (source, "denies", "denied", sentence, start)
    ]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
def test_a_denial_passed_on_far_down_supports_a_claim_that_is_a_denial(nlp, lower):
    verdict = _check(nlp, LATE_DENIAL, lower, DAM_DENIED)
    assert verdict.verdict == "supports"
    source = "astrin water board" if lower else "Astrin water board"
    assert [(e.source, e.stance, e.cue) for e in verdict.evidence] == [(source, "denies", "denied")]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
def test_two_refutations_in_a_hedged_report_support_a_claim_that_is_a_denial(nlp, lower):
    verdict = _check(nlp, HEDGED_WITH_TWO_REFUTATIONS, lower, DAM_DENIED)
    assert verdict.verdict == "supports"
    text = HEDGED_WITH_TWO_REFUTATIONS
    assert [(e.source, e.cue, e.start) for e in verdict.evidence if e.stance == "denies"] == [
        (None, "hoax", len("Synthetic. ") + text.index("The pictures")),
        (None, "fake", len("Synthetic. ") + text.index("One widely")),
    ]


RELAYED_CLAIMS = [
    ("Astrin officials: the Velmora dam burst on Monday", "says"),
    ("Did the Velmora dam burst on Monday?", "question"),
    ("The Velmora dam reportedly burst on Monday", "reportedly"),
]
RELAYED_IDS = ["source-colon", "question", "hedged"]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
@pytest.mark.parametrize(("claim", "relayed"), RELAYED_CLAIMS, ids=RELAYED_IDS)
def test_an_article_refuting_a_claim_passed_on_reports_it(nlp, lower, claim, relayed):
    verdict = _check(nlp, OWN_VOICE_REFUTATION, lower, claim)
    assert ClaimChecker(nlp).claim(claim.lower() if lower else claim).relayed == relayed
    assert verdict.verdict == "reports"
    start = len("Synthetic. ") + OWN_VOICE_REFUTATION.index("The story")
    assert [(e.source, e.stance, e.cue, e.start) for e in verdict.evidence] == [
        (None, "denies", "is false", start)
    ]


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
@pytest.mark.parametrize(("claim", "relayed"), RELAYED_CLAIMS, ids=RELAYED_IDS)
def test_an_article_stating_a_claim_passed_on_reports_it(nlp, lower, claim, relayed):
    verdict = _check(nlp, ASSERTED, lower, claim)
    assert verdict.verdict == "reports"
    source = "officials in astrin" if lower else "Officials in Astrin"
    at = len("Synthetic. ")
    assert sorted((e.start, e.source, e.stance, e.cue) for e in verdict.evidence) == [
        (at, None, "asserts", None),
        (at + ASSERTED.index("The water"), None, "asserts", None),
        (at + ASSERTED.index("Officials in"), source, "reports", "said"),
    ]
