"""Joining paraphrases of the most widely reported claims (synthetic claims)."""

from __future__ import annotations

from tracker.resolve.paraphrase import ClaimView, paraphrase_joins
from tracker.resolve.similarity import ClaimSignature


def view(key: int, text: str, entities: set[str], words: set[str], articles: int = 1, **kw):
    signature = ClaimSignature(
        entities=frozenset(entities), words=frozenset(words | entities), **kw
    )
    return ClaimView(key, (text,), signature, articles)


HUB = view(0, "The port of Velmora was closed to ships", {"velm"}, {"port", "close", "ship"}, 3)


def test_a_restatement_joins_the_hub_and_an_unrelated_claim_does_not():
    claims = [
        HUB,
        view(1, "Ships were barred from the harbour at Velmora", {"velm"}, {"ship", "bar"}),
        view(2, "The Velmora football club will build a stadium", {"velm"}, {"club", "build"}),
    ]
    assert paraphrase_joins(claims) == {1: 0}


def test_a_paraphrase_must_name_one_of_the_hubs_entities():
    other_place = view(1, "Ships were barred from the harbour at Dunmere", {"dunm"}, {"ship"})
    assert paraphrase_joins([HUB, other_place]) == {}


def test_a_demand_never_joins_a_statement():
    demand = view(1, "Reopen the port of Velmora to ships", {"velm"}, {"port"}, directive=True)
    assert paraphrase_joins([HUB, demand], threshold=0.5) == {}


def test_only_claims_said_in_two_articles_are_hubs():
    single = view(0, "The port of Velmora was closed to ships", {"velm"}, {"port"}, articles=1)
    restated = view(1, "Ships were barred from the harbour at Velmora", {"velm"}, {"ship"})
    assert paraphrase_joins([single, restated]) == {}
    assert paraphrase_joins([]) == {}


def test_the_number_of_hubs_is_bounded():
    bridge = view(1, "The Velmora bridge collapsed in the storm", {"velm"}, {"bridge"}, 2)
    restated = view(9, "A storm brought down the bridge at Velmora", {"velm"}, {"storm"})
    assert paraphrase_joins([HUB, bridge, restated], hubs=2) == {9: 1}
    # with one hub only the most reported claim can be joined
    assert paraphrase_joins([HUB, bridge, restated], hubs=1) == {}
