"""A source's negated restatement of a story's claim, in its own words, denies that claim
(synthetic sentences and articles)."""

from __future__ import annotations

import pytest

from tracker.ingest.readers import article_from_text
from tracker.pipeline import extract_attributions
from tracker.resolve.paraphrase import ClaimView, paraphrase_joins
from tracker.resolve.similarity import ClaimSignature, signature_of


def cased(text: str, lower: bool) -> str:
    return text.lower() if lower else text


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "there was no arrest of Ada Lind in Brenvik",
        "There were no cases of fever in Orsk",
        "there is nothing to the Orsk rumour",
        "Ada Lind was nowhere near Brenvik",
        "Ada Lind was never in Brenvik",
    ],
)
def test_an_existential_no_and_nowhere_negate_the_claim(nlp, text, lower):
    assert signature_of(nlp(cased(text, lower))[:], claimed=True).negated


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "there is no doubt that Ada Lind was arrested in Brenvik",
        "There is no question that the Orsk port closed",
        "there were arrests in Brenvik",
    ],
)
def test_no_doubt_and_plain_existentials_stay_affirmative(nlp, text, lower):
    assert not signature_of(nlp(cased(text, lower))[:], claimed=True).negated


def signature(words: set[str], names: set[str], agent: set[str], **kw) -> ClaimSignature:
    return ClaimSignature(
        entities=frozenset(names),
        words=frozenset(words | names),
        agent=frozenset(agent),
        **kw,
    )


# the hub: "Ada Lind was arrested in Brenvik", said in three articles
HUB = ClaimView(
    0,
    ("Ada Lind was arrested in Brenvik",),
    signature(
        {"arrest"}, {"ada", "lind", "bren"}, {"ada", "lind"}, predicates=frozenset({"arrest"})
    ),
    3,
)


def negated(key: int, text: str, words: set[str], names: set[str], agent: set[str]) -> ClaimView:
    return ClaimView(key, (text,), signature(words, names, agent, negated=True))


def test_a_negated_copula_about_the_hubs_subject_joins_the_hub():
    never = negated(
        1, "Ada Lind was never in Brenvik", set(), {"ada", "lind", "bren"}, {"ada", "lind"}
    )
    assert paraphrase_joins([HUB, never], seeds=0) == {1: 0}


@pytest.mark.parametrize(
    "claim",
    [
        # its subject is a description holding the name, not the name
        negated(
            1,
            "The lawyers of Ada Lind were never in Brenvik",
            {"lawyer"},
            {"ada", "lind", "bren"},
            {"lawyer", "ada", "lind"},
        ),
        # the name and nothing else of the story
        negated(1, "Ada Lind was never a mayor", {"mayor"}, {"ada", "lind"}, {"ada", "lind"}),
        # no name as its subject: "this is not the first time ..." affirms what it names
        negated(
            1,
            "this is not the first time Ada Lind was arrested in Brenvik",
            {"time", "first", "arrest"},
            {"ada", "lind", "bren"},
            set(),
        ),
    ],
)
def test_a_negated_copula_without_the_hubs_subject_or_words_stays_apart(claim):
    assert paraphrase_joins([HUB, claim], seeds=0) == {}


# a synthetic story: the claim in three articles, a lawyer's negated restatement of it in a
# fourth, and an aside in a fifth
STORY = (
    "The Orsk Herald reported that Ada Lind was arrested by police in Brenvik on Monday.",
    "Police sources said that Ada Lind was arrested in Brenvik after a raid.",
    "A neighbour said that Ada Lind was arrested in Brenvik.",
    "Her lawyer, Tomas Kell, said that Ada Lind was {} Brenvik.",
    "Kessin officials said that the Brenvik bridge will reopen in May.",
)


@pytest.mark.parametrize("lower", [False, True])
@pytest.mark.parametrize("where", ["never in", "nowhere near"])
def test_a_later_articles_negated_restatement_denies_the_story_claim(nlp, where, lower):
    articles = [
        article_from_text(
            cased(text.format(where), lower),
            id=f"synthetic-{n}",
            parse_header=False,
            synthetic=True,
        )
        for n, text in enumerate(STORY, start=1)
    ]
    rows = [(r.source_name, r.stance, r.claim) for r in extract_attributions(articles, nlp=nlp)]
    claim = rows[0][2]
    assert "arrested" in claim
    assert rows == [
        (cased("Orsk Herald", lower), "asserts", claim),
        (cased("Police sources", lower), "asserts", claim),
        ("neighbour", "asserts", claim),
        (cased("Tomas Kell", lower), "denies", claim),
        (
            cased("Kessin officials", lower),
            "asserts",
            cased("the Brenvik bridge will reopen in May", lower),
        ),
    ]
