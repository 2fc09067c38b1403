"""A story's event told with and without its details joins one claim: the same predicate
class said of the same name, taking the same (synthetic sentences: invented names, places
and outlets)."""

from __future__ import annotations

import pytest

from tracker.ingest.readers import article_from_text
from tracker.pipeline import extract_attributions
from tracker.resolve.paraphrase import ClaimView, paraphrase_joins
from tracker.resolve.similarity import ClaimSignature, signature_of


def read(nlp, text: str) -> ClaimSignature:
    return signature_of(nlp(text)[:], claimed=True)


@pytest.mark.parametrize(
    ("text", "named", "core"),
    [
        ("Tomas Varga was found dead", {"toma", "varg"}, {"dead"}),
        (
            "Tomas Varga, best known for his winter ballads, had been found dead at 61",
            {"toma", "varg"},
            {"dead"},
        ),
        (
            "varga was found dead on sunday evening in his flat in the brenvik towers",
            {"varg"},
            {"dead"},
        ),
        ("Ada Lind, 34, was arrested in Orsk on Tuesday", {"ada", "lind"}, set()),
        ("Varga found a wallet", {"varg"}, {"wallet"}),
        # a description named in apposition is that name
        ("The singer, Tomas Varga, was found dead at home", {"toma", "varg"}, {"dead"}),
        # the subject names the mayor only as whose spouse it is
        ("The spouse of the Kessin mayor was arrested", set(), set()),
    ],
)
def test_a_content_records_the_names_of_its_subject_and_what_its_verb_takes(nlp, text, named, core):
    signature = read(nlp, text)
    assert (signature.named, signature.core) == (frozenset(named), frozenset(core))


def view(key: int, text: str, signature: ClaimSignature, articles: int = 1) -> ClaimView:
    return ClaimView(key, (text,), signature, articles)


def event(
    words: set[str], core: set[str] = frozenset(), *, named=("varg",), negated=False
) -> ClaimSignature:
    return ClaimSignature(
        entities=frozenset(named),
        words=frozenset(words | set(named) | set(core) | {"find"}),
        predicates=frozenset({"find"}),
        agent=frozenset(named),
        negated=negated,
        core=frozenset(core),
        named=frozenset(named),
    )


# the hub: said in three articles; the claims below are worded so that their static vectors
# are far from it, so only the event can join them
HUB = view(0, "Tomas Varga has been found dead", event(set(), {"dead"}), articles=3)


def test_the_event_with_other_details_joins_the_hub():
    long = view(
        1,
        "Varga was found dead on Sunday evening in his flat after officers answered a call",
        event({"sunday", "evening", "flat", "officer", "answer", "call"}, {"dead"}),
    )
    assert paraphrase_joins([HUB, long], seeds=0, articles=4) == {1: 0}


@pytest.mark.parametrize(
    "claim",
    [
        # the same name and verb taking something else
        view(1, "Varga found a wallet in the snow", event({"snow"}, {"wallet"})),
        # another time than any the hub's wordings name: another event
        view(
            1, "In 2019, Varga was found dead drunk in a ditch", event({"2019", "ditch"}, {"dead"})
        ),
        # the name is not the subject
        view(
            1,
            "Police say the spouse of the ballad singer was found dead in a ditch near the road",
            event({"spouse", "police", "ditch", "road"}, {"dead"}, named=()),
        ),
        # a supposition restates no fact
        view(1, "Varga could be found dead by morning", event({"morning"}, {"dead"})),
    ],
)
def test_another_event_of_the_name_stays_apart(claim):
    assert paraphrase_joins([HUB, claim], seeds=0, articles=4) == {}


# a synthetic story: the central claim told short (with the singer's fame) in two articles
# and long (with the evening's details) in two others, a denial, and an aside
TOLD_SHORT_AND_LONG = (
    "The Kessin Times reported that Tomas Varga, best known for his winter ballads on Radio "
    "Orsk, had been found dead at 61.",
    "Police sources said that Varga was found dead on Sunday evening in his flat in the "
    "Brenvik Towers after officers answered a call about an unconscious man shortly before ten.",
    "The Orsk Herald said that the singer Tomas Varga, best known for his winter ballads on "
    "Radio Orsk, had been found dead at 61.",
    "The Brenvik Post said that Varga was found dead on Sunday evening in his flat in the "
    "Brenvik Towers after officers answered a call about an unconscious man.",
    "His agent, Ada Lind, denied that Varga had been found dead.",
    "The mayor of Orsk said that the river festival would go ahead.",
)


def test_a_story_told_short_and_long_ends_on_one_claim_with_its_denial(nlp):
    articles = [
        article_from_text(t, id=f"synthetic-{n}", parse_header=False, synthetic=True)
        for n, t in enumerate(TOLD_SHORT_AND_LONG, start=1)
    ]
    rows = [(r.source_name, r.stance, r.claim_id) for r in extract_attributions(articles, nlp=nlp)]
    central = "c-varga-found-dead-sunday-evening"
    assert rows == [
        ("Kessin Times", "asserts", central),
        ("Police sources", "asserts", central),
        ("Orsk Herald", "asserts", central),
        ("Brenvik Post", "asserts", central),
        ("Ada Lind", "denies", central),
        ("mayor of Orsk", "asserts", "c-river-festival-would-go-ahead"),
    ]


def test_a_store_keeps_what_a_subject_names_and_its_verb_takes_and_reads_older_rows():
    from tracker.store.records import (
        signature_from_json,
        signature_from_list,
        signature_json,
        signature_list,
    )

    signature = event({"flat"}, {"dead"})
    assert signature_from_json(signature_json(signature)) == signature
    assert signature_from_list(signature_list(signature)) == signature
    # a row written before these sets were kept reads them as empty
    older = signature_list(signature)[:10]
    assert signature_from_list(older).core == signature_from_list(older).named == frozenset()
