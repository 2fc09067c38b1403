"""Joining restatements of a story's central claims (synthetic claims)."""

from __future__ import annotations

from tracker.resolve.paraphrase import ClaimView, paraphrase_joins, story_terms
from tracker.resolve.similarity import ClaimSignature


def view(
    key: int,
    text: str,
    entities: set[str],
    words: set[str],
    articles: int = 1,
    predicates: set[str] = frozenset(),
    **kw,
):
    signature = ClaimSignature(
        entities=frozenset(entities),
        words=frozenset(words | entities | predicates),
        predicates=frozenset(predicates),
        **kw,
    )
    return ClaimView(key, (text,), signature, articles)


HUB = view(0, "The port of Velmora was closed to ships", {"velm"}, {"port", "ship"}, 3, {"close"})


def test_a_restatement_joins_the_hub_and_an_unrelated_claim_does_not():
    claims = [
        HUB,
        view(1, "Ships were barred from the harbour at Velmora", {"velm"}, {"ship"}, 1, {"close"}),
        view(2, "The Velmora football club will build a stadium", {"velm"}, {"club"}, 1, {"build"}),
    ]
    assert paraphrase_joins(claims, seeds=0) == {1: 0}


def test_a_shared_name_alone_is_not_the_same_event():
    # close in wording and naming Velmora, but neither the hub's predicate nor its words
    mayor = view(1, "The mayor of Velmora closed his office", {"velm"}, {"mayor"}, 1, {"shut"})
    assert paraphrase_joins([HUB, mayor], threshold=0.3, seeds=0) == {}


def test_a_paraphrase_must_name_one_of_the_hubs_entities():
    other_place = view(
        1, "Ships were barred from the harbour at Dunmere", {"dunm"}, {"ship"}, 1, {"close"}
    )
    assert paraphrase_joins([HUB, other_place], seeds=0) == {}


def test_a_demand_never_joins_a_statement():
    demand = view(
        1, "Reopen the port of Velmora to ships", {"velm"}, {"port"}, 1, {"close"}, directive=True
    )
    assert paraphrase_joins([HUB, demand], threshold=0.5) == {}


def test_the_story_words_join_a_restatement_without_a_shared_name():
    # "seized" and "detained" are one predicate class (folded in the signatures); no name in
    # common, but the story's words "smuggler" and "coast" and the event are
    hub = view(
        0,
        "Ten smugglers were seized on the Dunmere coast",
        {"dunm"},
        {"smuggler", "coast"},
        3,
        {"arrest"},
    )
    said = view(
        1,
        "Coastguards detained a gang of smugglers near the coast",
        set(),
        {"smuggler", "coast", "gang"},
        1,
        {"arrest"},
    )
    other = view(
        2,
        "Smugglers on the coast sell cheap cigarettes",
        set(),
        {"smuggler", "coast"},
        1,
        {"sell"},
    )
    assert paraphrase_joins([hub, said, other], seeds=0) == {1: 0}


def test_a_negated_restatement_joins_only_with_the_story_words_and_a_name():
    said_not = view(
        1,
        "The port of Velmora was not closed to ships",
        {"velm"},
        {"port", "ship"},
        1,
        {"close"},
        negated=True,
    )
    assert paraphrase_joins([HUB, said_not], seeds=0) == {1: 0}
    nameless = view(
        1,
        "The port was not closed to ships",
        set(),
        {"port", "ship"},
        1,
        {"close"},
        negated=True,
    )
    assert paraphrase_joins([HUB, nameless], seeds=0) == {}


def test_a_hub_joins_a_hub_ranked_above_it_and_its_claims_follow():
    second = view(
        1,
        "Velmora's harbour was shut to all vessels",
        {"velm"},
        {"harbour", "vessel"},
        2,
        {"close"},
    )
    third = view(
        2,
        "All vessels were turned away from the harbour at Velmora",
        {"velm"},
        {"harbour", "vessel"},
        1,
        {"close"},
    )
    joins = paraphrase_joins([HUB, second, third], seeds=0)
    assert joins[1] == 0 and joins.get(2, 0) == 0


def test_a_story_no_two_articles_word_alike_still_has_hubs():
    single = view(0, "The port of Velmora was closed to ships", {"velm"}, {"port"}, 1, {"close"})
    restated = view(
        1, "Ships were barred from the harbour at Velmora", {"velm"}, {"ship"}, 1, {"close"}
    )
    assert paraphrase_joins([single, restated], seeds=0, articles=2) == {}
    assert paraphrase_joins([single, restated], articles=2) == {1: 0}
    # one article is no story: nothing is said in two articles, so there is no hub
    assert paraphrase_joins([single, restated], articles=1) == {}
    assert paraphrase_joins([]) == {}


def test_the_number_of_hubs_is_bounded():
    bridge = view(
        1, "The Velmora bridge collapsed in the storm", {"velm"}, {"bridge"}, 2, {"collapse"}
    )
    restated = view(
        9, "A storm brought down the bridge at Velmora", {"velm"}, {"storm"}, 1, {"collapse"}
    )
    assert paraphrase_joins([HUB, bridge, restated], hubs=2, seeds=0) == {9: 1}
    # with one hub only the most reported claim can be joined
    assert paraphrase_joins([HUB, bridge, restated], hubs=1, seeds=0) == {}


def test_story_terms_are_the_words_said_across_the_articles():
    claims = [HUB, view(1, "Ships waited", set(), {"ship", "wait"}, 1)]
    assert sorted(story_terms(claims, articles=4)) == ["close", "port", "ship", "velm"]
    assert sorted(story_terms(claims, articles=12)) == ["ship"]


def test_without_the_hubs_event_a_name_needs_three_of_the_storys_words():
    # a mixed folder: "voters" and "poll" are words of every story in it
    hub = view(
        0,
        "Dorn voters at the poll support Tomas Vell",
        {"vell"},
        {"voter", "poll", "dorn"},
        4,
        {"support"},
    )
    two = view(1, "Tomas Vell met voters at a poll", {"vell"}, {"voter", "poll"}, 1, {"meet"})
    three = view(
        2,
        "Tomas Vell met voters at a poll in Dorn",
        {"vell"},
        {"voter", "poll", "dorn"},
        1,
        {"meet"},
    )
    assert paraphrase_joins([hub, two], threshold=0.3, seeds=0, articles=5) == {}
    assert paraphrase_joins([hub, three], threshold=0.3, seeds=0, articles=5) == {2: 0}


def test_a_claim_naming_the_hubs_event_in_its_words_joins_it():
    # "coming" is no predicate class of "caught", but a word of the hub's members said by
    # the same actor; the cartels' coming names the event of no one the hub names
    hub = view(
        0,
        "Ten Drovan fighters were caught coming across the Kessel border",
        {"drov", "kess"},
        {"fighter", "come", "border", "ten"},
        3,
        {"arrest"},
        agent=frozenset({"drov", "figh"}),
    )

    def arriving(key: int, actor: str, name: str, noun: str):
        return view(
            key, f"{actor} are coming into Kessel", {name, "kess"}, {noun}, 1, {"come"},
            agent=frozenset({name, noun[:4]}),
        )  # fmt: skip

    coming, cartels = (
        arriving(1, "Drovan fighters", "drov", "fighter"),
        arriving(2, "Marrow cartels", "marr", "cartel"),
    )
    assert paraphrase_joins([hub, coming], seeds=0, articles=5) == {1: 0}
    assert paraphrase_joins([hub, cartels], seeds=0, articles=5) == {}


def test_a_claim_whose_words_hold_the_hubs_verb_joins_it():
    hub = view(
        0,
        "Mayor Tobin Hale tore up the Dunmere harbour contract in front of Ada Brenn",
        {"hale", "dunm", "bren"},
        {"harbour", "contract", "front"},
        3,
        {"tear"},
        agent=frozenset({"hale"}),
    )
    stunned = view(
        1,
        "Ada Brenn was left stunned when Hale tore the harbour contract to pieces",
        {"bren", "hale"},
        {"harbour", "contract", "tear", "stunned", "piece"},
        1,
        {"leave"},
        agent=frozenset({"bren"}),
    )
    assert paraphrase_joins([hub, stunned], seeds=0, articles=5) == {1: 0}
