"""A negated remark about something else never joins a claim as its denial; a negated
restatement of the claim itself still does (synthetic sentences and articles)."""

from __future__ import annotations

import pytest

from tracker.ingest.readers import article_from_text
from tracker.pipeline import extract_attributions
from tracker.resolve.restating import restates_opposite
from tracker.resolve.similarity import signature_of


def cased(text: str, lower: bool) -> str:
    return text.lower() if lower else text


def restates(nlp, content: str, claim: str, lower: bool) -> bool:
    return restates_opposite(
        signature_of(nlp(cased(content, lower))[:], claimed=True),
        signature_of(nlp(cased(claim, lower))[:], claimed=True),
    )


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(
    ("content", "claim"),
    [
        ("the Brenvik mill will not close in March", "the Brenvik mill will close in March"),
        ("Ada Lind was not arrested", "Ada Lind was arrested in Orsk on Tuesday"),
        ("Tomas Kell did not sign the contract", "Tomas Kell signed the $9 million contract"),
        ("the Orsk ferry will keep running", "the Orsk ferry will not keep running"),
    ],
)
def test_a_negated_restatement_of_the_same_event_restates_it(nlp, content, claim, lower):
    assert restates(nlp, content, claim, lower)


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(
    ("content", "claim"),
    [
        # the verb takes something else: the negation is about another matter
        (
            "the Brenvik mill will not close its gates to visitors",
            "the Brenvik mill will close in March",
        ),
        ("Ada Lind did not need to audition", "we needed the best singer in Orsk"),
        ("the town will not see any major damage", "the town will see three days of rain"),
        # the negation is on a clause beside the one restated
        ("Orsk has two mills but did not close them", "Orsk has two mills"),
        ("Ada Lind has two brothers, and neither was arrested", "Ada Lind has two brothers"),
        # someone else did not do it
        ("Kessin did not close the Orsk port", "Brenvik closed the Orsk port"),
        # one of them has an event, the other only says what there is
        ("there are no doctors in Orsk able to test for it", "the fever could be in Orsk"),
    ],
)
def test_a_negated_remark_about_something_else_does_not_restate_it(nlp, content, claim, lower):
    assert not restates(nlp, content, claim, lower)


# a synthetic story: a claim in two articles, its owner's negated restatement in a third, a
# negated remark about the mill's gates in a fourth, and a director's remark that the singer
# she chose did not need to audition beside the claim that she needed the best singer
STORY = (
    "The Orsk Herald reported that the Brenvik mill will close in March.",
    "Union leader Ada Lind said that the Brenvik mill will close in March.",
    "The owner, Tomas Kell, said that the Brenvik mill will not close in March.",
    "A Kessin spokesman said that the Brenvik mill will not close its gates to visitors.",
    "Director Mira Sand said that she needed the best singer in Orsk. "
    "She said that Ada Lind did not need to audition.",
    "The Orsk Herald said that Mira Sand needed the best singer in Orsk.",
)


@pytest.mark.parametrize("lower", [False, True])
def test_a_negated_aside_stays_apart_and_a_true_denial_joins(nlp, lower):
    articles = [
        article_from_text(
            cased(text, lower), id=f"synthetic-{n}", parse_header=False, synthetic=True
        )
        for n, text in enumerate(STORY, start=1)
    ]
    rows = [(r.source_name, r.stance, r.claim) for r in extract_attributions(articles, nlp=nlp)]
    mill = cased("the Brenvik mill will close in March", lower)
    singer = cased("she needed the best singer in Orsk", lower)
    assert rows[:4] == [
        (cased("Orsk Herald", lower), "asserts", mill),
        (cased("Ada Lind", lower), "asserts", mill),
        (cased("Tomas Kell", lower), "denies", mill),
        (
            cased("Kessin spokesman", lower),
            "asserts",
            cased("the Brenvik mill will not close its gates to visitors", lower),
        ),
    ]
    # the director's remark about the audition is a claim of its own, asserted, not a denial
    # of the claim that she needed the best singer
    later = sorted({(stance, claim) for _, stance, claim in rows[4:]})
    assert later == [
        ("asserts", cased("Ada Lind did not need to audition", lower)),
        ("asserts", singer),
    ]
