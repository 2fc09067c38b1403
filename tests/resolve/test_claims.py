"""Grouping contents into claims, within and across articles (synthetic texts)."""

from __future__ import annotations

import pytest

from tracker.ingest.readers import article_from_text
from tracker.pipeline import extract_attributions
from tracker.resolve.wording import claim_text


def claims_of(nlp, *texts: str) -> list[tuple[str | None, str, str | None]]:
    articles = [
        article_from_text(t, id=f"synthetic-{n}", parse_header=False, synthetic=True)
        for n, t in enumerate(texts, start=1)
    ]
    return [(r.source_name, r.stance, r.claim_id) for r in extract_attributions(articles, nlp=nlp)]


def test_claim_text_drops_that_and_quotes():
    assert claim_text('that "the port is closed,"') == "the port is closed"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("10.50 Lind named as Lady Orsk", "Lind named as Lady Orsk"),
        ("9:45 a.m. Police closed the port", "Police closed the port"),
        ("10.50 people died in Orsk", "10.50 people died in Orsk"),
    ],
)
def test_claim_text_drops_a_live_pages_time_stamp(content, expected):
    assert claim_text(content) == expected


def test_paraphrase_in_a_later_article_joins_the_claim_as_a_denial(nlp):
    rows = claims_of(
        nlp,
        "Harbour officials said that the freighter Vessa Moon delivered rifles to the Korvan militia.",
        "The Korvan council denied that the Vessa Moon had supplied rifles to the militia.",
    )
    assert rows == [
        ("Harbour officials", "asserts", "c-freighter-vessa-moon-delivered-rifles"),
        ("Korvan council", "denies", "c-freighter-vessa-moon-delivered-rifles"),
    ]


def test_different_events_stay_apart(nlp):
    rows = claims_of(
        nlp,
        "Officials said that the Vessa Moon delivered rifles to the Korvan militia.\n\n"
        "Analysts said that the Korvan militia attacked a border post on Friday.",
    )
    assert rows[0][2] != rows[1][2]


def test_a_definite_reference_joins_the_earlier_claim(nlp):
    rows = claims_of(
        nlp,
        "Officials said that the Vessa Moon delivered rifles to the Korvan militia.\n\n"
        "The ministry declined to confirm the deliveries.",
    )
    assert rows == [
        ("Officials", "asserts", "c-vessa-moon-delivered-rifles-korvan"),
        ("ministry", "declines", "c-vessa-moon-delivered-rifles-korvan"),
    ]


def test_lower_case_text_merges_the_same_way(nlp):
    rows = claims_of(
        nlp,
        "harbour officials said that the freighter vessa moon delivered rifles to the korvan militia.",
        "the korvan council denied that the vessa moon had supplied rifles to the militia.",
    )
    assert [r[1] for r in rows] == ["asserts", "denies"]
    assert rows[0][2] == rows[1][2]


def test_a_demand_is_not_the_claim_it_mentions(nlp):
    rows = claims_of(
        nlp,
        "Officials said that the Vessa Moon delivered rifles to the Korvan militia.\n\n"
        "The council has warned the captain not to deliver rifles to the militia.",
    )
    assert rows[0][2] != rows[1][2]


def test_identical_contents_always_join_one_claim(nlp):
    rows = claims_of(
        nlp,
        '"It is over," said Ann Lee.',
        '"It is over," said Bo Rin.',
        'Cal Ode said: "it is  over."',
    )
    assert rows == [
        ("Ann Lee", "asserts", "c-it-over"),
        ("Bo Rin", "asserts", "c-it-over"),
        ("Cal Ode", "asserts", "c-it-over"),
    ]


def test_the_opposite_claim_joins_as_a_denial_and_the_affirmative_words_it(nlp):
    articles = [
        article_from_text(t, id=f"synthetic-{n}", parse_header=False, synthetic=True)
        for n, t in enumerate(
            [
                "The clinic said that no surgeon agreed to the operation.",
                "Ann Lee said that a surgeon in Dunmere agreed to the operation.",
                "Bo Rin said that a surgeon agreed to the operation.",
            ],
            start=1,
        )
    ]
    rows = [
        (r.source_name, r.stance, r.claim_id, r.claim)
        for r in extract_attributions(articles, nlp=nlp)
    ]
    claim = ("c-surgeon-agreed-operation", "a surgeon agreed to the operation")
    assert rows == [
        ("clinic", "denies", *claim),
        ("Ann Lee", "asserts", *claim),
        ("Bo Rin", "asserts", *claim),
    ]


def test_nobody_as_subject_negates_the_content(nlp):
    from tracker.resolve.similarity import signature_of

    assert signature_of(nlp("nobody saw the ship")[:]).negated
    assert signature_of(nlp("No witness saw the ship")[:]).negated
    assert not signature_of(nlp("a witness saw the ship")[:]).negated


def test_a_verb_of_knowing_leaves_the_claim_to_its_clause(nlp):
    from tracker.resolve.similarity import signature_of

    doc = nlp("we know the ferry sank off Dunmere")
    assert signature_of(doc[:], claimed=True).predicates == {"sink"}
    assert signature_of(doc[:]).predicates == {"know"}  # a sentence as check reads it
    negated = nlp("we do not know that the ferry sank off Dunmere")[:]
    assert signature_of(negated, claimed=True).predicates == {"know"}


@pytest.mark.parametrize("lower", [False, True])
def test_a_content_of_two_sentences_claims_what_its_first_says(nlp, lower):
    from tracker.resolve.similarity import signature_of

    text = (
        "The Dunmere Courier said that \u201ca hawk did not attack the mayor of Dunmere during "
        "his speech. The video appears to have been a hoax.\u201d"
    )
    doc = nlp(text.lower() if lower else text)
    start = text.index("a hawk")
    span = doc.char_span(start, text.index("hoax") + 4, alignment_mode="expand")
    claimed = signature_of(span, claimed=True)
    assert (claimed.predicates, claimed.negated) == ({"attack"}, True)
    assert signature_of(span).predicates == {"appear"}  # the span's root, as check reads it


@pytest.mark.parametrize("lower", [False, True])
def test_a_claim_said_as_known_joins_the_claim_it_states(nlp, lower):
    texts = [
        "Harbour officials said that the ferry Orla Star sank off Dunmere on Monday.",
        '"We know the ferry Orla Star sank off Dunmere," Captain Ines Marrow said.',
        '"We know the Dunmere council closed the harbour," Mayor Tobin Hale said.',
    ]
    if lower:
        texts[1] = texts[1].replace("We know", "we know")
    rows = claims_of(nlp, *texts)
    assert rows == [
        ("Harbour officials", "asserts", "c-ferry-orla-star-sank-off"),
        ("Ines Marrow", "asserts", "c-ferry-orla-star-sank-off"),
        ("Tobin Hale", "asserts", "c-we-know-dunmere-council-closed"),
    ]


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_a_headline_reference_with_nothing_before_it_joins_the_claim_it_names(nlp, case):
    texts = [
        "Harbour officials said that the freighter Vessa Moon delivered rifles to the Korvan "
        "militia.\n\nThe Korvan council declined to comment on the rifle shipment.",
        "Harbour officials said that the freighter Vessa Moon delivered rifles to the Korvan "
        "militia.\n\nAnalysts said that the Korvan militia attacked a border post on Friday.",
        "Korvan rejects rifle shipment report\n\n"
        "Analysts said that the Korvan militia attacked a border post on Friday.",
    ]
    rows = claims_of(nlp, *(t.lower() if case == "lower" else t for t in texts))
    claim = "c-freighter-vessa-moon-delivered-rifles"
    korvan = [row for row in rows if row[0] and row[0].lower() == "korvan"]
    assert rows[0][1:] == ("asserts", claim)
    assert korvan == [(korvan[0][0], "denies", claim)]  # the third article's headline


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_a_bare_reference_joins_the_most_reported_claim(nlp, case):
    texts = [
        "Officials said that the Vessa Moon delivered rifles to the Korvan militia.",
        "Port workers said that the Vessa Moon delivered rifles to the Korvan militia.\n\n"
        "Analysts said that the Korvan militia attacked a border post on Friday.",
        "The Korvan council said the rumours were false.",
    ]
    rows = claims_of(nlp, *(t.lower() if case == "lower" else t for t in texts))
    assert rows[-1][1:] == ("denies", "c-vessa-moon-delivered-rifles-korvan")
    assert rows[-1][0].lower() == "korvan council"


def test_a_reference_that_names_no_claim_of_the_corpus_stays_its_own(nlp):
    rows = claims_of(
        nlp,
        "Officials said that the Vessa Moon delivered rifles to the Korvan militia.",
        "The Korvan council said the weather reports were false.",
    )
    assert rows[-1][2] != rows[0][2]


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_a_denied_report_naming_its_claim_joins_it_rather_than_an_earlier_aside(nlp, case):
    texts = [
        "The Vellmar Times reported that the singer Ilse Varga had died in Orrin.",
        "Fans said that the singer Ilse Varga had died in Orrin.",
        "It was reported that the new album was weak.\n\n"
        "Her agent Piet Dorn denied reports of Varga's death.",
    ]
    rows = claims_of(nlp, *(t.lower() if case == "lower" else t for t in texts))
    died = rows[0][2]
    assert rows[1][1:] == ("asserts", died)
    assert rows[-1][0] == ("Piet Dorn" if case == "cased" else "her agent piet dorn")
    assert rows[-1][1:] == ("denies", died)  # not the album's claim told before it


PARAPHRASED_STORY = (
    "Harbour officials said that the port of Velmora was closed to all ships on Monday.",
    "The Velmora port authority said that the port of Velmora was closed to ships.",
    "Captain Ines Marrow said that ships were barred from the harbour at Velmora.",
    "Mayor Tobin Hale said that the Velmora football club would build a new stadium.",
)


def test_a_paraphrase_of_the_story_claim_joins_it(nlp):
    rows = claims_of(nlp, *PARAPHRASED_STORY)
    assert rows == [
        ("Harbour officials", "asserts", "c-port-velmora-closed-all-ships"),
        ("Velmora port authority", "asserts", "c-port-velmora-closed-all-ships"),
        ("Ines Marrow", "asserts", "c-port-velmora-closed-all-ships"),
        ("Tobin Hale", "asserts", "c-velmora-football-club-would-build"),
    ]


def test_without_paraphrase_joins_word_overlap_keeps_it_apart(nlp):
    from tracker.extract.extractor import SpacyExtractor
    from tracker.resolve.claims import assign_claims

    articles = [
        article_from_text(t, id=f"synthetic-{n}", parse_header=False, synthetic=True)
        for n, t in enumerate(PARAPHRASED_STORY, start=1)
    ]
    extracted = list(SpacyExtractor(nlp).extract_many(articles))
    ids = [r.claim_id for r in assign_claims(extracted, paraphrase_threshold=None)]
    assert ids[0] == ids[1] != ids[2]
    assert [r.claim_id for r in assign_claims(extracted)][2] == ids[0]


# a synthetic story: the central claim worded differently in each article, an aside about
# another actor, and a denial in a later article
WORDED_APART = (
    "Senator Ilse Varga said that ten Drovan fighters were caught crossing the Kessel border.",
    "The Kessel Courier reported that Drovan fighters had been caught at the Kessel border.",
    "Border police said that ten men with ties to the Drovan militia were apprehended at the "
    "Kessel border.",
    "Analysts said that Marrow traders sold rifles to Drovan fighters.",
    "The interior ministry denied that Drovan fighters were apprehended at the Kessel border.",
)


def test_the_central_claim_worded_apart_is_one_claim_and_an_aside_stays_apart(nlp):
    rows = claims_of(nlp, *WORDED_APART)
    central = rows[0][2]
    assert rows == [
        ("Ilse Varga", "asserts", central),
        ("The Kessel Courier", "asserts", central),
        ("Border police", "asserts", central),
        ("Analysts", "asserts", "c-marrow-traders-sold-rifles-drovan"),
        ("interior ministry", "denies", central),
    ]


def test_a_corpus_of_many_stories_joins_nothing_to_its_most_reported_claim():
    from tracker.resolve.claims import CorpusClaim, corpus_joins
    from tracker.resolve.similarity import ClaimSignature

    def claim(key: int, text: str, articles: int) -> CorpusClaim:
        signature = ClaimSignature(words=frozenset(text.lower().split()))
        said = frozenset(f"synthetic-{key}-{n}" for n in range(articles))
        return CorpusClaim(key, (text,), signature, (signature,), said, articles, frozenset())

    claims = [claim(0, "the Vessa Moon delivered rifles", 3), claim(1, "the rumours", 1)]
    floating = {"r1": (1, frozenset())}  # "the rumours were false", nothing before it
    assert corpus_joins(claims, floating, articles=10).key("r1", 1) == 0
    assert corpus_joins(claims, floating, articles=40).key("r1", 1) == 1


def test_the_same_name_as_a_content_is_one_claim_in_every_article(nlp):
    rows = claims_of(
        nlp,
        "Ada Lind praised Brenvik Shipping.",
        "Tom Vale praised Brenvik Shipping.",
        "Ada Lind praised Brenvik Shipping on Monday.",
    )
    assert rows == [
        ("Ada Lind", "asserts", "c-brenvik-shipping"),
        ("Tom Vale", "asserts", "c-brenvik-shipping"),
        ("Ada Lind", "asserts", "c-brenvik-shipping"),
    ]


def test_a_quote_of_several_sentences_takes_no_polarity_from_its_first(nlp):
    rows = claims_of(
        nlp,
        'Ada Lind said: "The Vessa Moon is a hard ship to sail and Tomas Brenner will master it."',
        'Tomas Brenner told reporters: "There is not a storm it has not met. So the Vessa Moon '
        'is a hard ship to sail and Tomas Brenner will master it."',
    )
    assert [(name, stance) for name, stance, _ in rows] == [
        ("Ada Lind", "asserts"),
        ("Tomas Brenner", "asserts"),
    ]
    assert rows[0][2] == rows[1][2]


def test_who_someone_is_is_one_claim_however_worded(nlp):
    rows = claims_of(
        nlp,
        "The Vellmar Post reported that Lady Orsk is Ada Lind.",
        "A friend said Ada Lind was Lady Orsk.",
        'Tomas Brenner said: "I have no doubt that Ada Lind is Lady Orsk."',
        "The council said Ada Lind is the new mayor of Brenvik.",
    )
    assert [stance for _, stance, _ in rows] == ["asserts"] * 4
    assert len({claim for _, _, claim in rows[:3]}) == 1
    assert rows[3][2] != rows[0][2]


def test_a_quote_whose_first_sentence_tells_the_claims_event_takes_its_polarity(nlp):
    rows = claims_of(
        nlp,
        "Officials said the ferry line to Orsk would close in May.",
        'The minister said: "The ferry line to Orsk will not close in May. We have the money '
        'to run it."',
    )
    assert [(name, stance) for name, stance, _ in rows] == [
        ("Officials", "asserts"),
        ("minister", "denies"),
    ]
    assert rows[0][2] == rows[1][2]
