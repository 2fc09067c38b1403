"""Attribution patterns, one invented sentence each, checked in news case and in lower case.

Every expectation is the exact (source, stance, cue, content) tuple a user would see.  The
names and places are invented.
"""

from __future__ import annotations

import pytest

from tracker.extract.quotes import quote_segments

PATTERNS = [
    pytest.param(
        "Mayor Ada Lind said that the bridge would reopen in May.",
        [("Mayor Ada Lind", "asserts", "said", "that the bridge would reopen in May")],
        id="indirect-speech-keeps-that",
    ),
    pytest.param(
        '"The bridge will reopen in May," said Ada Lind, the mayor of Vellmar.',
        [("Ada Lind, the mayor of Vellmar", "asserts", "said", "The bridge will reopen in May")],
        id="source-after-quote-with-apposition",
    ),
    pytest.param(
        "It was reported that the bridge had cracked.",
        [(None, "asserts", "was reported", "that the bridge had cracked")],
        id="no-source",
    ),
    pytest.param(
        "The bridge will reopen in May, according to the Vellmar council.",
        [("the Vellmar council", "asserts", "according to", "The bridge will reopen in May")],
        id="according-to",
    ),
    pytest.param(
        "Lind's criticism of the council surprised no one.",
        [("Lind's", "asserts", "criticism of", "the council")],
        id="possessive-noun-cue",
    ),
    pytest.param(
        'The militant known as "the Ferryman" said the ferry at Kessin sank.',
        [('The militant known as "the Ferryman"', "asserts", "said", "the ferry at Kessin sank")],
        id="known-as-gives-a-name-and-says-nothing",
    ),
    pytest.param(
        "Mayor Lind: Bridge will reopen in May",
        [("Mayor Lind", "asserts", ":", "Bridge will reopen in May")],
        id="colon-headline",
    ),
    pytest.param(
        "Lind said the bridge was safe, but Okafor said it was not.",
        [
            ("Lind", "asserts", "said", "the bridge was safe"),
            ("Okafor", "asserts", "said", "it was not"),
        ],
        id="two-attributions-in-a-sentence",
    ),
    pytest.param(
        "Lind said the bridge was safe and insisted that the repairs were finished.",
        [
            ("Lind", "asserts", "said", "the bridge was safe"),
            ("Lind", "asserts", "insisted", "that the repairs were finished"),
        ],
        id="one-source-two-cues",
    ),
    pytest.param(
        'Lind called the report "a work of great care."',
        [("Lind", "asserts", "called", 'the report "a work of great care."')],
        id="mixed-quote-in-object",
    ),
    pytest.param(
        "The council denied that the bridge had cracked.",
        [("The council", "denies", "denied", "that the bridge had cracked")],
        id="denial",
    ),
    pytest.param(
        "The council declined to comment on the cracks.",
        [("The council", "declines", "declined to comment", "the cracks")],
        id="declines-to-comment",
    ),
    pytest.param(
        "Lind did not confirm that the bridge had cracked.",
        [("Lind", "declines", "did not confirm", "that the bridge had cracked")],
        id="negated-cue-with-auxiliary",
    ),
    pytest.param(
        "Lind would neither confirm nor deny that it cracked.",
        [("Lind", "declines", "neither confirm nor deny", "that it cracked")],
        id="neither-confirm-nor-deny",
    ),
    pytest.param(
        "The council refused to confirm or deny the reports.",
        [("The council", "declines", "refused to confirm or deny", "the reports")],
        id="refused-to-confirm-or-deny",
    ),
    pytest.param(
        "Lind confirmed the cracks but denied that the bridge would close.",
        [
            ("Lind", "asserts", "confirmed", "the cracks"),
            ("Lind", "denies", "denied", "that the bridge would close"),
        ],
        id="confirmed-but-denied-are-two-stances",
    ),
    pytest.param(
        "Lind has repeatedly said that the bridge is safe.",
        [("Lind", "asserts", "has repeatedly said", "that the bridge is safe")],
        id="cue-keeps-auxiliary-and-adverb",
    ),
    pytest.param(
        "Lind wants to rebuild the bridge.",
        [("Lind", "asserts", "wants", "to rebuild the bridge")],
        id="intention",
    ),
    pytest.param(
        "Lind hopes that the bridge will reopen. Okafor was hoping to rebuild it.",
        [
            ("Lind", "asserts", "hopes", "that the bridge will reopen"),
            ("Okafor", "asserts", "was hoping", "to rebuild it"),
        ],
        id="hope-despite-its-lemma-hop",
    ),
    pytest.param(
        "Okafor criticized the repair plan.",
        [("Okafor", "asserts", "criticized", "the repair plan")],
        id="stance-on-an-object",
    ),
    pytest.param(
        "As the council noted, the bridge is old.",
        [("the council", "asserts", "noted", "the bridge is old")],
        id="as-clause",
    ),
    pytest.param(
        "Tomas Vell did not, as some outlets reported, paint the bridge red.",
        [("some outlets", "asserts", "reported", "paint the bridge red")],
        id="as-clause-inside-a-negation-asserts-the-positive",
    ),
    pytest.param(
        'He didn\'t, as the Korvan Herald claims, "steal the hat" at the fair.',
        [("the Korvan Herald", "asserts", "claims", '"steal the hat" at the fair')],
        id="as-clause-inside-a-negation-before-a-quote",
    ),
    pytest.param(
        "As the Korvan Herald reported, Tomas Vell did not paint the bridge.",
        [("the Korvan Herald", "asserts", "reported", "Tomas Vell did not paint the bridge")],
        id="as-clause-before-a-negation-reports-it",
    ),
    pytest.param(
        "The bridge, Lind added, will reopen in May.",
        [("Lind", "asserts", "added", "The bridge, Lind added, will reopen in May")],
        id="cue-inside-the-content",
    ),
    pytest.param(
        'Lind said: "The bridge will reopen."',
        [("Lind", "asserts", "said", "The bridge will reopen.")],
        id="colon-after-verb",
    ),
    pytest.param(
        "Lind left the meeting early, saying that the vote was rigged.",
        [("Lind", "asserts", "saying", "that the vote was rigged")],
        id="participle-shares-subject",
    ),
    pytest.param(
        "Residents who said the bridge was unsafe stayed home.",
        [("who", "asserts", "said", "the bridge was unsafe")],
        id="relative-pronoun-source",
    ),
    pytest.param(
        '"I think the bridge is safe," Lind said.',
        [("Lind", "asserts", "said", "I think the bridge is safe")],
        id="no-attribution-inside-a-quote",
    ),
]


def _lower(expected: list[tuple]) -> list[tuple]:
    return [tuple(part.lower() if part else part for part in row) for row in expected]


@pytest.mark.parametrize("case", ["cased", "lower"])
@pytest.mark.parametrize(("text", "expected"), PATTERNS)
def test_pattern(extract_text, text, expected, case):
    if case == "lower":
        text, expected = text.lower(), _lower(expected)
    assert extract_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Updated 2:15 p.m. ET: The ferry at Kessin was towed away.",
        "WARNING: GRAPHIC IMAGES.",
        "IN CAPTIVITY: The ferry at Kessin was towed away.",
        "The ferry at Kessin: GRAPHIC IMAGES",
        "Infection: Several sailors have arrived at a hospital in Kessin.",
        "HOAX: The ferry at Kessin was sold to a buyer in Brenvik.",
    ],
)
def test_words_before_a_colon_that_label_what_follows_name_no_speaker(extract_text, text):
    assert extract_text(text) == []


@pytest.mark.parametrize("speaker", ["Witnesses", "Brenvikfact", "WITNESSES", "ORSK"])
def test_a_group_or_a_rare_name_before_a_colon_still_speaks(extract_text, speaker):
    assert extract_text(f"{speaker}: the ferry at Kessin was towed away.") == [
        (speaker, "asserts", ":", "the ferry at Kessin was towed away")
    ]


@pytest.mark.parametrize("lower", [False, True])
def test_a_heading_on_the_line_above_is_no_part_of_the_speaker(extract_text, lower):
    text = "Outline\nCirculating report claims that the Kessin ferry was towed away."
    record = ("Circulating report", "asserts", "claims", "that the Kessin ferry was towed away")
    if lower:
        text, record = text.lower(), tuple(part.lower() for part in record)
    assert extract_text(text) == [record]


def test_a_headline_in_capitals_keeps_its_speaker(extract_text):
    assert extract_text("MAYOR LIND: BRIDGE WILL REOPEN IN MAY") == [
        ("MAYOR LIND", "asserts", ":", "BRIDGE WILL REOPEN IN MAY")
    ]


@pytest.fixture(scope="module")
def extract_flat(nlp):
    """Like ``extract_text``, with the extractor set to annotated-corpus conventions."""
    from tracker.extract.extractor import SpacyExtractor
    from tracker.ingest.readers import article_from_text

    extractor = SpacyExtractor(nlp, flat=True)

    def run(text: str) -> list[tuple]:
        article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
        return [
            (a.source.text if a.source else None, a.stance, a.cue.text, a.content.text)
            for a in extractor.extract(article)
        ]

    return run


INTERRUPTED = '"The bridge will reopen in May," Lind said. "We have the money."'
NESTED = "The Vellmar Post reported that engineers said the bridge had cracked."


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_interrupted_quote_is_one_record_per_sentence_by_default(extract_text, case):
    text = INTERRUPTED if case == "cased" else INTERRUPTED.lower()
    expected = [
        ("Lind", "asserts", "said", "The bridge will reopen in May"),
        ("Lind", "asserts", "said", "We have the money."),
    ]
    assert extract_text(text) == (expected if case == "cased" else _lower(expected))


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_flat_joins_a_quote_interrupted_by_its_cue(extract_flat, case):
    text = INTERRUPTED if case == "cased" else INTERRUPTED.lower()
    expected = [
        (
            "Lind",
            "asserts",
            "said",
            'The bridge will reopen in May," Lind said. "We have the money.',
        )
    ]
    assert extract_flat(text) == (expected if case == "cased" else _lower(expected))


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_nested_attribution_is_relayed_by_default_and_dropped_when_flat(
    extractor, extract_flat, case
):
    from tracker.ingest.readers import article_from_text

    text = NESTED if case == "cased" else NESTED.lower()
    article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
    paper, engineers = list(extractor.extract(article))
    assert (paper.cue.text, engineers.cue.text, engineers.source.text) == (
        "reported",
        "said",
        "engineers",
    )
    assert engineers.via == paper.id
    assert extract_flat(text) == [
        (paper.source.text, "asserts", "reported", "that engineers said the bridge had cracked")
    ]


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_flat_keeps_a_denial_and_drops_the_claim_it_rejects(extract_text, extract_flat, case):
    text = "Lind dismissed the council's claim that the bridge was safe."
    # by default the denial's content is the claim denied, so it joins that claim; flat
    # extraction keeps the words as annotated corpora mark them
    denial = ("Lind", "denies", "dismissed", "the bridge was safe")
    flat = ("Lind", "denies", "dismissed", "the council's claim that the bridge was safe")
    claim = ("the council's", "asserts", "claim", "that the bridge was safe")
    if case == "lower":
        text, (denial, flat, claim) = text.lower(), _lower([denial, flat, claim])
    assert extract_text(text) == [denial, claim]
    assert extract_flat(text) == [flat]


def test_records_keep_the_span_contract(extractor):
    from tracker.ingest.readers import article_from_text

    text = 'First line.\n\n"We will win," said Ada Lind. "They know it."\n\nOkafor denied it.'
    article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
    records = list(extractor.extract(article))
    assert records
    for record in records:
        for span in (record.source, record.cue, record.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
        assert record.stance in ("asserts", "denies", "declines")
        assert record.quote in ("direct", "indirect", "mixed", "according_to")


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("she said ''we will win,'' and left.", ["we will win"]),
        ("lind said \u201cwe will win,\u201c and left.", ["we will win"]),
        ('"open-ended quote that runs on', ["open-ended quote that runs on"]),
        ("it's ''not'' what we'd say, '''he''' said", ["not", "'he"]),
        ("\u00abnous gagnerons,\u00bb dit-il, \"and 'so' on\"", ["nous gagnerons", "and 'so' on"]),
        ("\u201ewir\u201c and \u201cthey\u201d", ["wir", "they"]),
    ],
    ids=[
        "doubled-apostrophes",
        "wrong-way-closing-mark",
        "unclosed",
        "lone-and-tripled-apostrophes",
        "guillemets-and-straight",
        "low-opening-mark",
    ],
)
def test_quote_segments(text, quoted):
    assert [text[a:b] for a, b in quote_segments(text)] == quoted


def test_cue_positions_are_the_tokens_a_rule_may_start_at(nlp):
    from tracker.extract.parse import cue_positions

    doc = nlp("Vale: the council said the claim was wrong, according to Lind, who hoped otherwise.")
    assert [doc[i].text for i in sorted(cue_positions(doc))] == [
        ":",
        "said",
        "claim",
        "according",
        "hoped",  # its lemma repaired to the cue "hope"
    ]


def test_doc_text_is_the_parsed_text_joined_once(nlp):
    from tracker.nlp import doc_text

    doc = nlp("\u201cWe will win,\u201d  she said.\n")
    assert doc_text(doc) == doc.text == "\u201cWe will win,\u201d  she said.\n"
    assert doc_text(doc) is doc_text(doc)


def test_span_text_is_the_span_text_cut_from_the_doc_text(nlp):
    from tracker.nlp import span_text

    doc = nlp("Lind said it.  \u201cWe won,\u201d she added.\n\nOkafor left. ")
    spans = [*doc.sents, doc[0:0], doc[1:3], doc[-1:]]
    assert [span_text(s) for s in spans] == [s.text for s in spans]


def test_remember_text_keeps_only_a_text_that_fits_the_doc(nlp):
    from tracker.nlp import doc_text, remember_text

    text = "Lind said it.  "
    doc, other = nlp(text), nlp(text)
    remember_text(doc, text)
    assert doc_text(doc) is text
    remember_text(other, "Lind said")  # not what it was parsed from
    assert doc_text(other) == text


def test_records_carry_the_article_outlet_url_title_and_date(extractor):
    from tracker.ingest import article_from_text
    from tracker.model import Attribution

    article = article_from_text(
        "Okafor denied the report.",
        id="synthetic",
        title="A denial",
        date="2026-03-04",
        url="https://tessaly-wire.example/denial",
        parse_header=False,
        synthetic=True,
    )
    (record,) = extractor.extract(article)
    data = record.to_dict()
    assert (data["date"], data["outlet"], data["url"], data["title"]) == (
        "2026-03-04",
        "tessaly-wire.example",
        "https://tessaly-wire.example/denial",
        "A denial",
    )
    assert Attribution.from_dict(data).outlet == "tessaly-wire.example"


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_a_question_a_source_is_quoted_asking_asserts_nothing(extract_text, case):
    text = (
        'Host Ada Lind: And the port just lets the ships through?\n\n"Is the dam safe?" '
        'Ada Lind asked. "The dam is safe," Tomas Brenner said.'
    )
    text = text.lower() if case == "lower" else text
    rows = extract_text(text)
    assert [(source.lower(), stance, content.lower()) for source, stance, _, content in rows] == [
        ("tomas brenner", "asserts", "the dam is safe")
    ]


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_a_content_cut_at_a_copula_runs_through_its_quoted_complement(extract_text, case):
    text = (
        "The agent backed up what Tomas Vell had said to the paper in September - a Korvan "
        "reunion was \u201c[not] very likely.\u201d"
    )
    rows = extract_text(text.lower() if case == "lower" else text)
    content = "a Korvan reunion was \u201c[not] very likely.\u201d"
    assert [row[3] for row in rows if row[0] and "vell" in row[0].lower()] == [
        content.lower() if case == "lower" else content
    ]


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_a_speaker_after_the_quote_read_as_an_object_is_the_speaker(extract_text, case):
    text = '"The bridge is closed," tweeted the fake Korvan police account.'
    rows = extract_text(text.lower() if case == "lower" else text)
    expected = [("the fake Korvan police account", "asserts", "tweeted", "The bridge is closed")]
    assert rows == (_lowered(expected) if case == "lower" else expected)


def _lowered(rows: list[tuple]) -> list[tuple]:
    return [tuple(part.lower() if part else part for part in row) for row in rows]


@pytest.mark.parametrize(
    "text",
    [
        'Ada Lind said: "We have never been prouder of our son."',
        "Ada Lind said she could not agree more that the bridge at Orsk is unsafe.",
        "ada lind said she couldn't be happier that the bridge at orsk reopened.",
    ],
)
def test_a_negated_comparative_with_nothing_compared_is_emphasis(extractor, nlp, text):
    from tracker.ingest.readers import article_from_text
    from tracker.resolve.similarity import signature_of

    article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
    records = list(extractor.extract(article))
    assert records and {r.stance for r in records} == {"asserts"}
    said = next(r for r in records if r.cue.text == "said")
    assert not signature_of(nlp(said.content.text)[:], claimed=True).negated


def test_a_negated_comparative_against_something_is_a_negation(nlp):
    from tracker.resolve.similarity import signature_of

    assert signature_of(nlp("the bridge is not bigger than the tower")[:], claimed=True).negated


_WHO_SPEAKS = [
    # a name given in an aside reports nothing
    (
        "Tom, as he is known, said the price was high. Ada Lind, as she's called, said so too.",
        [("tom", "said")],
    ),
    # a verb joined to a passive one shares its subject, not its agent
    (
        "Ada Lind was questioned by the harbour police and said the ferry was safe.",
        [("ada lind", "said")],
    ),
    # the second verb of a clause a later cue reports is the clause's subject's
    (
        "The new mayor of Orsk met the pilots and confirmed that the port would reopen, "
        "the Orsk Courier reported.",
        [("the new mayor of orsk", "confirmed"), ("the orsk courier", "reported")],
    ),
    # finding oneself somewhere is no finding
    (
        "The pilots found themselves stranded in Orsk. Ada Lind found herself out of work. "
        "Investigators found that the ferry had sunk.",
        [("investigators", "found")],
    ),
]


@pytest.mark.parametrize("case", ["cased", "lower"])
@pytest.mark.parametrize(("text", "expected"), _WHO_SPEAKS)
def test_who_speaks_in_constructions_that_misled_it(extract_text, text, expected, case):
    text = text.lower() if case == "lower" else text
    assert [(source.lower(), cue) for source, _, cue, _ in extract_text(text)] == expected
