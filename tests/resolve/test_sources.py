"""Which source a mention stands for, across the article.  Names and places are invented."""

from __future__ import annotations

import pytest

from tracker.ingest.readers import article_from_text


@pytest.fixture()
def sources(extractor):
    """(source text, source id, source name) of each attribution of one synthetic text."""

    def run(text: str) -> list[tuple[str | None, str | None, str | None]]:
        article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
        return [
            (a.source.text if a.source else None, a.source_id, a.source_name)
            for a in extractor.extract(article)
        ]

    return run


@pytest.fixture()
def only_record(extractor):
    """The one attribution of one synthetic sentence."""

    def run(text: str):
        article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
        [record] = extractor.extract(article)
        return record

    return run


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_headline_name_joins_the_qualified_name_the_body_gives(sources, case):
    text = (
        "Ship carried grain to Arvenna, port officials say\n\n"
        "Port officials at Castmoor Harbour said that the ship carried grain to Arvenna."
    )
    text = text.lower() if case == "lower" else text
    qualified = "Port officials at Castmoor Harbour"
    qualified = qualified.lower() if case == "lower" else qualified
    assert sources(text) == [
        ("port officials", "port-officials-at-castmoor-harbour", qualified),
        (qualified, "port-officials-at-castmoor-harbour", qualified),
    ]


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_short_name_after_the_qualified_one_is_the_same_source(sources, case):
    text = (
        "Port officials in Castmoor said the ship carried grain. "
        "Port officials later said the grain had spoiled."
    )
    text = text.lower() if case == "lower" else text
    assert [source_id for _, source_id, _ in sources(text)] == [
        "port-officials-in-castmoor",
        "port-officials-in-castmoor",
    ]


def test_a_short_name_two_qualified_names_fit_stays_itself(sources):
    text = (
        "Port officials in Castmoor said the ship had left. "
        "Port officials in Arvenna said the ship had not arrived. "
        "Port officials said the ship was late."
    )
    assert [source_id for _, source_id, _ in sources(text)] == [
        "port-officials-in-castmoor",
        "port-officials-in-arvenna",
        "port-officials",
    ]


def test_a_name_that_adds_a_noun_is_another_source(sources):
    text = "Port officials said the ship was late. Port union officials said it was on time."
    assert [source_id for _, source_id, _ in sources(text)] == [
        "port-officials",
        "port-union-officials",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a compound of a role word that the entity tagger took into the name
        ("Screenwriter Tavi Rennick said the bridge at Kessin was closed.", "tavi-rennick"),
        ("Filmmaker Mara Olsk said the bridge at Kessin was closed.", "mara-olsk"),
        # an age in apposition: only a person has one, whatever the tagger saw
        ("Ilse Varga, 33, said the bridge at Kessin was closed.", "ilse-varga"),
        # a rank before the name; the first name the entity tagger left out
        ("Sgt Orla Finch from Brenvik Police said the bridge was closed.", "orla-finch"),
        ("Sgt Fern Cherry said the bridge at Kessin was closed.", "fern-cherry"),
        # lower-case text: a role word, then a name of two words no word list knows
        ("songwriter tavi rennick said the bridge at kessin was closed.", "tavi-rennick"),
        # a name set off by commas closing a description, wherever the parser hung it
        (
            "One of the reporters held with Lind in Orsk, Clare Brenvik, said the bridge was "
            "closed.",
            "clare-brenvik",
        ),
        ("A fellow teacher at the school, Sara Kessin, said the bridge was closed.", "sara-kessin"),
        # a name right after the role word, parsed as the role's object
        (
            "WHO director Lena Brask told reporters early this weekend that the bridge was closed.",
            "lena-brask",
        ),
        # an opening participle the parser took for the speaker
        (
            "Responding to inquiries from the Orsk Herald, a WHO spokesperson, Ada Lindqvist, "
            "said the bridge was closed.",
            "ada-lindqvist",
        ),
    ],
)
def test_a_role_or_an_age_is_not_part_of_the_name(only_record, text, expected):
    record = only_record(text)
    assert (record.source_id, record.source_kind) == (expected, "person")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brenvik Shipping, a freight company, said the bridge was closed.", "brenvik-shipping"),
        (
            "The Harbour Ledger, a local newspaper, reported that the bridge was closed.",
            "harbour-ledger",
        ),
    ],
)
def test_a_descriptor_in_apposition_after_a_name_is_not_part_of_it(extractor, text, expected):
    article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
    [record] = extractor.extract(article)
    assert record.source_id == expected


def test_a_turn_of_phrase_names_no_speaker(extractor):
    text = "That said, the ferry company has not confirmed the closure at Kessin."
    article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
    records = list(extractor.extract(article))
    assert [(r.stance, r.source_id, r.cue.text) for r in records] == [
        ("declines", "ferry-company", "has not confirmed")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common noun with its article that names nothing that speaks
        ("A black screen then shows that the ferry at Kessin sank.", None),
        ("The region said that the ferry at Kessin sank.", None),
        ("Twelve strikes suggest that the ferry at Kessin sank.", None),
        ("In Kessin, history suggests that the ferry sank.", None),
        # nouns that may speak: an institution, an agent noun, a name the tagger took for a noun
        ("The clinic said that the ferry at Kessin sank.", "clinic"),
        ("The kidnapper said that the ferry at Kessin sank.", "kidnapper"),
        ("brakwell said that the ferry at kessin sank.", "brakwell"),
        ("The band said that the ferry at Kessin sank.", "band"),
    ],
)
def test_a_source_is_something_that_can_speak(only_record, text, expected):
    assert only_record(text).source_id == expected


def test_a_pronoun_written_as_an_acronym_is_the_organisation(only_record):
    record = only_record("WHO said that the ferry at Kessin sank.")
    assert (record.source_id, record.source_name, record.source_kind) == (
        "who",
        "WHO",
        "organization",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Residents said that the ferry at Kessin sank.", ("residents", "group")),
        ("Kessin residents said that the ferry sank.", ("kessin-residents", "group")),
        ("Police said that the ferry at Kessin sank.", ("police", "government")),
    ],
)
def test_a_group_of_people_is_a_group(only_record, text, expected):
    record = only_record(text)
    assert (record.source_id, record.source_kind) == expected


def test_a_relative_pronoun_stands_for_the_noun_its_clause_describes(only_record):
    record = only_record("Residents who said that the ferry at Kessin sank went home.")
    assert (record.source.text, record.source_id, record.source_kind) == (
        "who",
        "residents",
        "group",
    )


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_the_author_of_a_statement_speaks_through_it(extractor, case):
    text = (
        "On Tuesday, Jon Lind's mother, Ada Lind, issued a statement on the page the family "
        'had set up: "We are proud of our son."\n\n'
        "The Orsk ministry released a statement denying that the bridge was closed."
    )
    text = text.lower() if case == "lower" else text
    article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
    proud = "We are proud of our son." if case == "cased" else "we are proud of our son."
    assert [
        (r.stance, r.source_id, r.cue.text, r.content.text if r.content else None)
        for r in extractor.extract(article)
    ] == [
        ("asserts", "ada-lind", "issued a statement", proud),
        ("denies", "orsk-ministry", "denying", "that the bridge was closed"),
    ]


def test_what_a_report_is_about_is_not_its_author(only_record):
    record = only_record(
        "Sailors may have caught the fever, according to Brenvik media reports of suspected "
        "cases at an Orsk-run hospital in the city."
    )
    assert (record.source_id, record.source_name, record.source_kind) == (
        "brenvik-media-reports",
        "Brenvik media reports",
        "media",
    )


@pytest.mark.parametrize("outlet", ["The Brenvik Courier", "The Orsk Ledger", "Vellmar Daily"])
def test_according_to_an_outlet_the_name_after_the_comma_is_the_clauses_subject(extractor, outlet):
    text = (
        f'According to {outlet}, Okafor "came to the conclusion he was not right for the part '
        'and decided to withdraw" before negotiations began.'
    )
    article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
    first = next(iter(extractor.extract(article)))
    assert first.source is not None and first.content is not None
    assert (first.source.text, first.content.text.split()[0]) == (outlet, "Okafor")


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_a_person_tagged_with_her_organisation_is_named_without_it(nlp, case):
    from spacy.tokens import Span as SpacySpan

    from tracker.resolve.names import joined, name_tokens

    text = "Ada Lind of Kessin Ferry Lines told the Courier that the ferry was sold."
    doc = nlp(text.lower() if case == "lower" else text)
    # the tagger sometimes takes "X of Y" for one person's name
    doc.ents = [SpacySpan(doc, 0, 6, label="PERSON")]
    head = next(t for t in doc if t.dep_ == "nsubj")
    assert joined(name_tokens(head)).lower() == "ada lind"
