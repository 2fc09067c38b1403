"""Denials as news writes them: invented sentences, each in news case and in lower case.

Every expectation is the exact (source, stance, cue, content) tuple a user would see; the
content of a denial is the claim denied, never "the report" or "the rumours".  Names, places
and outlets are invented.
"""

from __future__ import annotations

import pytest

CLAIM = "The Vellmar Times reported that the dam at Orrin had burst."
CHEESE = "Brakwell is to become a cheese shop as well as a restaurant"
TIMES = ("The Vellmar Times", "asserts", "reported", "that the dam at Orrin had burst")
VARGA = "The Vellmar Times reported that the singer Ilse Varga had died in Orrin."
VARGA_DIED = "that the singer Ilse Varga had died in Orrin"
VARGA_TIMES = ("The Vellmar Times", "asserts", "reported", VARGA_DIED)
FEES = "The Orrin Ledger reported that the harbour fees would rise next spring."
FEES_LEDGER = (
    "The Orrin Ledger",
    "asserts",
    "reported",
    "that the harbour fees would rise next spring",
)

PATTERNS = [
    pytest.param(
        "Port director Ada Lind said the reports that the bridge had collapsed were false.",
        [
            ("Port director Ada Lind", "denies", "said", "the bridge had collapsed"),
            (None, "asserts", "reports", "that the bridge had collapsed"),
        ],
        id="reports-that-y-are-false",
    ),
    pytest.param(
        "Port director Ada Lind said the rumour that the bridge had collapsed was false.",
        [("Port director Ada Lind", "denies", "said", "the bridge had collapsed")],
        id="the-rumour-that-y-was-false",
    ),
    pytest.param(
        "The report that the bridge had collapsed is untrue, according to the Vellmar council.",
        [
            (None, "asserts", "report", "that the bridge had collapsed"),
            ("the Vellmar council", "denies", "according to", "the bridge had collapsed"),
        ],
        id="y-is-untrue-according-to-x",
    ),
    pytest.param(
        "The claim that the mayor resigned is fake, according to the gossip site Quillnet.",
        [
            (None, "asserts", "claim", "that the mayor resigned"),
            ("the gossip site Quillnet", "denies", "according to", "the mayor resigned"),
        ],
        id="y-is-fake-according-to-x",
    ),
    pytest.param(
        "The council dismissed rumours that the ferry would stop running.",
        [("The council", "denies", "dismissed", "the ferry would stop running")],
        id="dismissed-rumours-that-y",
    ),
    pytest.param(
        "Officials shot down claims that the dam had burst.",
        [
            ("Officials", "denies", "shot", "the dam had burst"),
            (None, "asserts", "claims", "that the dam had burst"),
        ],
        id="shot-down-claims-that-y",
    ),
    pytest.param(
        "Engineers have cast doubt on claims that the tower was leaning.",
        [
            ("Engineers", "denies", "cast", "the tower was leaning"),
            (None, "asserts", "claims", "that the tower was leaning"),
        ],
        id="cast-doubt-on-claims-that-y",
    ),
    pytest.param(
        "The ministry said there is no evidence that the dam was opened.",
        [("The ministry", "denies", "said", "the dam was opened")],
        id="no-evidence-that-y",
    ),
    pytest.param(
        "The ministry said there is no proof that the dam was opened and that it is still "
        "looking into the flood.",
        [("The ministry", "denies", "said", "the dam was opened")],
        id="no-proof-that-y-and-that-z",
    ),
    pytest.param(
        "The harbour office said there is no truth to reports that the dam had burst.",
        [
            ("The harbour office", "denies", "said", "the dam had burst"),
            (None, "asserts", "reports", "that the dam had burst"),
        ],
        id="no-truth-to-reports-that-y",
    ),
    pytest.param(
        "There is no truth to the rumours that the mayor resigned, a council spokesman said.",
        [("a council spokesman", "denies", "said", "the mayor resigned")],
        id="no-truth-to-the-rumours-that-y-source-after",
    ),
    pytest.param(
        f"{CLAIM} Emergency officials said there was no truth to the report.",
        [TIMES, ("Emergency officials", "denies", "said", "that the dam at Orrin had burst")],
        id="no-truth-to-the-report-denies-the-claim-reported",
    ),
    pytest.param(
        "The council said there was no substance to claims that the ferry would stop running.",
        [
            ("The council", "denies", "said", "the ferry would stop running"),
            (None, "asserts", "claims", "that the ferry would stop running"),
        ],
        id="no-substance-to-claims-that-y",
    ),
    pytest.param(
        "The Velmar embassy has denied that it is planning to open a restaurant in Orrin.",
        [
            (
                "The Velmar embassy",
                "denies",
                "has denied",
                "that it is planning to open a restaurant in Orrin",
            ),
            ("it", "denies", "is planning", "to open a restaurant in Orrin"),
        ],
        id="denied-that-it-plans-to-y-is-no-plan-asserted",
    ),
    pytest.param(
        "The council denied that Ada Lind plans to sell the ferry.",
        [
            ("The council", "denies", "denied", "that Ada Lind plans to sell the ferry"),
            ("Ada Lind", "asserts", "plans", "to sell the ferry"),
        ],
        id="denied-that-someone-else-plans-leaves-their-plan",
    ),
    pytest.param(
        "The Velmar embassy said it had no plans to open a restaurant in Orrin.",
        [("The Velmar embassy", "denies", "said", "to open a restaurant in Orrin")],
        id="said-it-had-no-plans-to-y",
    ),
    pytest.param(
        "Brakwell Foods said there were no plans to close the Orrin brewery.",
        [("Brakwell Foods", "denies", "said", "to close the Orrin brewery")],
        id="there-were-no-plans-to-y",
    ),
    pytest.param(
        '"We have no intention of selling the ferry," the harbour board said.',
        [("the harbour board", "denies", "said", "selling the ferry")],
        id="quoted-no-intention-of-y",
    ),
    pytest.param(
        "The council said Ada Lind has no plans to sell the ferry.",
        [("The council", "asserts", "said", "Ada Lind has no plans to sell the ferry")],
        id="someone-elses-lack-of-plans-is-asserted",
    ),
    pytest.param(
        '"We had no intention that this would happen," the harbour board said.',
        [("the harbour board", "asserts", "said", "We had no intention that this would happen")],
        id="no-intention-that-something-happen-denies-nothing",
    ),
    pytest.param(
        f"{CLAIM} The ministry said the dam was intact, despite reports to the contrary.",
        [TIMES, ("The ministry", "denies", "said", "that the dam at Orrin had burst")],
        id="y-despite-reports-to-the-contrary-denies-the-claim-reported",
    ),
    pytest.param(
        f"{CLAIM} Contrary to published reports, the dam was intact, the ministry said.",
        [TIMES, ("the ministry", "denies", "said", "that the dam at Orrin had burst")],
        id="contrary-to-published-reports-y-denies-the-claim-reported",
    ),
    pytest.param(
        "Harbour officials said the dam was intact, contrary to reports that it had burst.",
        [
            ("Harbour officials", "denies", "said", "it had burst"),
            (None, "asserts", "reports", "that it had burst"),
        ],
        id="contrary-to-reports-that-y-denies-y",
    ),
    pytest.param(
        "On the contrary, the mayor said the bridge would stay open.",
        [("the mayor", "asserts", "said", "the bridge would stay open")],
        id="on-the-contrary-denies-nothing",
    ),
    pytest.param(
        f"{VARGA} {FEES} Her agent denied the reports of Varga's death.",
        [VARGA_TIMES, FEES_LEDGER, ("Her agent", "denies", "denied", VARGA_DIED)],
        id="reports-of-a-death-deny-the-earlier-claim-they-name",
    ),
    pytest.param(
        f"{VARGA} {FEES} The agency called the Vellmar Times story false.",
        [VARGA_TIMES, FEES_LEDGER, ("The agency", "denies", "called", VARGA_DIED)],
        id="the-outlet-story-is-false-denies-what-that-outlet-reported",
    ),
    pytest.param(
        f"{CLAIM} The harbour office said the report was a hoax.",
        [TIMES, ("The harbour office", "denies", "said", "that the dam at Orrin had burst")],
        id="the-report-is-a-hoax-denies-the-claim-reported",
    ),
    pytest.param(
        f"{CLAIM} Harbour office: not true.",
        [TIMES, ("Harbour office", "denies", ":", "that the dam at Orrin had burst")],
        id="x-colon-not-true",
    ),
    pytest.param(
        'Residents said the ferry would stop running. "That is simply not true," the operator '
        "said.",
        [
            ("Residents", "asserts", "said", "the ferry would stop running"),
            ("the operator", "denies", "said", "the ferry would stop running"),
        ],
        id="quoted-that-is-not-true",
    ),
    pytest.param(
        f'{CLAIM} Ada Lind called the report "a work of fiction."',
        [TIMES, ("Ada Lind", "denies", "called", "that the dam at Orrin had burst")],
        id="called-the-report-fiction",
    ),
    pytest.param(
        f"{CLAIM}\n\nHarbour office: Orrin dam report is false",
        [TIMES, ("Harbour office", "denies", ":", "that the dam at Orrin had burst")],
        id="x-colon-the-report-is-false",
    ),
    pytest.param(
        f"{CLAIM} The harbour office said the story had been debunked.",
        [TIMES, ("The harbour office", "denies", "said", "that the dam at Orrin had burst")],
        id="the-story-has-been-debunked",
    ),
    pytest.param(
        "A clip shows a heron stealing a hat from Mayor Ilse Varga. The Korvan Herald says "
        "the video was doctored.",
        [
            ("A clip", "asserts", "shows", "a heron stealing a hat from Mayor Ilse Varga"),
            ("The Korvan Herald", "denies", "says", "a heron stealing a hat from Mayor Ilse Varga"),
        ],
        id="the-video-was-doctored",
    ),
    pytest.param(
        "A clip shows a heron stealing a hat from Mayor Ilse Varga. The Korvan Herald reveals "
        "this video to have been faked.",
        [
            ("A clip", "asserts", "shows", "a heron stealing a hat from Mayor Ilse Varga"),
            (
                "The Korvan Herald",
                "denies",
                "reveals",
                "a heron stealing a hat from Mayor Ilse Varga",
            ),
        ],
        id="reveals-the-video-to-have-been-faked",
    ),
    pytest.param(
        "The Korvan Herald reveals the video to have been doctored to show a heron stealing a hat.",
        [("The Korvan Herald", "denies", "reveals", "the video")],
        id="doctored-to-show-z-asserts-no-z",
    ),
    pytest.param(
        "A clip shows a heron stealing a hat from Mayor Ilse Varga. The Korvan Herald reveals "
        "this video to have been falsely doctored to show a heron stealing a hat.",
        [
            ("A clip", "asserts", "shows", "a heron stealing a hat from Mayor Ilse Varga"),
            (
                "The Korvan Herald",
                "denies",
                "reveals",
                "a heron stealing a hat from Mayor Ilse Varga",
            ),
        ],
        id="falsely-doctored-to-show-z-denies-the-clip",
    ),
    pytest.param(
        "The photos were staged to show a heron stealing a hat, the ministry said.",
        [("the ministry", "denies", "said", "The photos")],
        id="staged-to-show-z-asserts-no-z",
    ),
    pytest.param(
        "A clip shows a heron stealing a hat from Mayor Ilse Varga. The Vellmar Post later "
        'updated its post, saying that "The Korvan Herald reveals this video to have been '
        'falsely doctored to show a heron stealing a hat."',
        [
            ("A clip", "asserts", "shows", "a heron stealing a hat from Mayor Ilse Varga"),
            (
                "The Vellmar Post",
                "asserts",
                "saying",
                'that "The Korvan Herald reveals this video to have been falsely doctored to '
                'show a heron stealing a hat."',
            ),
            (
                "The Korvan Herald",
                "denies",
                "reveals",
                "a heron stealing a hat from Mayor Ilse Varga",
            ),
        ],
        id="a-denial-quoted-in-an-update-is-the-named-source-s",
    ),
    pytest.param(
        '"Ada Lind says the bridge is safe."', [], id="a-quote-no-one-is-quoted-saying-stays-bare"
    ),
    pytest.param(
        f"{CLAIM} The photos of the flood had been staged, the harbour office said.",
        [TIMES, ("the harbour office", "denies", "said", "that the dam at Orrin had burst")],
        id="the-photos-had-been-staged",
    ),
    pytest.param(
        "The Korvan Herald reported that Tomas Vell rejected a new £5m stadium deal.",
        [
            (
                "The Korvan Herald",
                "asserts",
                "reported",
                "that Tomas Vell rejected a new £5m stadium deal",
            )
        ],
        id="rejected-a-deal-turns-down-a-thing",
    ),
    pytest.param(
        "The Vellmar council rejected the offer.", [], id="rejected-the-offer-denies-nothing"
    ),
    pytest.param(
        "The Vellmar council rejected the report.",
        [("The Vellmar council", "denies", "rejected", "the report")],
        id="rejected-the-report-still-denies",
    ),
    pytest.param(
        'The Dalton Courier printed this line: "Veldish officials denied that the dam at Orrin '
        'had been opened."',
        [("Veldish officials", "denies", "denied", "that the dam at Orrin had been opened")],
        id="a-denial-quoted-after-a-colon-is-the-officials-own",
    ),
    pytest.param(
        f"{CLAIM} That never happened, the harbour office said.",
        [TIMES, ("the harbour office", "denies", "said", "that the dam at Orrin had burst")],
        id="that-never-happened",
    ),
    pytest.param(
        f'{CLAIM} "It did not happen," the harbour office said.',
        [TIMES, ("the harbour office", "denies", "said", "that the dam at Orrin had burst")],
        id="it-did-not-happen",
    ),
    pytest.param(
        f"{CLAIM} The harbour office said it could not happen again.",
        [TIMES, ("The harbour office", "asserts", "said", "it could not happen again")],
        id="could-not-happen-is-no-verdict",
    ),
    pytest.param(
        f"{CLAIM} Update: the harbour office confirmed it. Not true.",
        [
            TIMES,
            ("the harbour office", "denies", "confirmed", "that the dam at Orrin had burst"),
        ],
        id="confirmed-it-then-a-bare-verdict",
    ),
    pytest.param(
        f"{CLAIM} The harbour office confirmed it. The dam will reopen on Monday.",
        [TIMES, ("The harbour office", "asserts", "confirmed", "it")],
        id="confirmed-it-then-news-confirms",
    ),
    pytest.param(
        "Fans were sad to learn that a story that appeared in the Korvan Herald suggesting that "
        "the dam at Orrin had burst is false, according to the Vellmar Ledger.",
        [
            (
                "a story that appeared in the Korvan Herald",
                "asserts",
                "suggesting",
                "that the dam at Orrin had burst",
            ),
            ("the Vellmar Ledger", "denies", "according to", "the dam at Orrin had burst"),
        ],
        id="a-story-suggesting-y-is-false-according-to-x",
    ),
    pytest.param(
        f"{CLAIM} Veldish officials denied they were to blame.",
        [TIMES, ("Veldish officials", "denies", "denied", "that the dam at Orrin had burst")],
        id="denied-they-were-to-blame",
    ),
    pytest.param(
        f"{CLAIM} The harbour office denied responsibility for the flood at the port.",
        [
            TIMES,
            ("The harbour office", "denies", "denied", "responsibility for the flood at the port"),
        ],
        id="denied-responsibility-for-a-named-deed",
    ),
    pytest.param(
        "The Korvan Herald reported that Brakwell would sell cheese at its Orrin shops. Ada Lind "
        "said the ferry would stop running. Update: Brakwell confirmed it. Not happening.",
        [
            (
                "The Korvan Herald",
                "asserts",
                "reported",
                "that Brakwell would sell cheese at its Orrin shops",
            ),
            ("Ada Lind", "asserts", "said", "the ferry would stop running"),
            (
                "Brakwell",
                "denies",
                "confirmed",
                "that Brakwell would sell cheese at its Orrin shops",
            ),
        ],
        id="a-source-denying-it-denies-what-was-told-of-it",
    ),
    pytest.param(
        "A clip shows a heron stealing a hat from Mayor Ilse Varga. The Vellmar Post said a heron "
        "did not steal a hat from Mayor Ilse Varga. The Korvan Herald reveals this video to have "
        "been faked.",
        [
            ("A clip", "asserts", "shows", "a heron stealing a hat from Mayor Ilse Varga"),
            (
                "The Vellmar Post",
                "asserts",
                "said",
                "a heron did not steal a hat from Mayor Ilse Varga",
            ),
            (
                "The Korvan Herald",
                "denies",
                "reveals",
                "a heron stealing a hat from Mayor Ilse Varga",
            ),
        ],
        id="a-fake-denies-the-claim-not-its-negated-restatement",
    ),
    pytest.param(
        "A heron stole a hat from Mayor Ilse Varga during her speech, as shown in the footage "
        "above.",
        [
            (
                "the footage above",
                "asserts",
                "shown",
                "A heron stole a hat from Mayor Ilse Varga during her speech",
            )
        ],
        id="as-shown-in-the-footage",
    ),
    pytest.param(
        "Rumours emerged on Monday that the mayor had resigned.",
        [("Rumours", "asserts", "emerged", "the mayor had resigned")],
        id="rumours-emerged-that-y",
    ),
    pytest.param(
        "The internet has been salivating at the prospect this week, after reports circulated "
        "that Brakwell is to become a cheese shop as well as a restaurant. Update: Brakwell "
        "confirmed it. Not happening.",
        [
            ("reports", "asserts", "circulated", CHEESE),
            ("Brakwell", "denies", "confirmed", CHEESE),
        ],
        id="reports-circulated-that-y-then-denied",
    ),
    pytest.param(
        "Ada Lind told the council that the bridge would reopen.",
        [("Ada Lind", "asserts", "told", "that the bridge would reopen")],
        id="a-plain-assertion-stays-one",
    ),
]


def _lower(expected: list[tuple]) -> list[tuple]:
    return [tuple(part.lower() if part else part for part in row) for row in expected]


@pytest.mark.parametrize("case", ["cased", "lower"])
@pytest.mark.parametrize(("text", "expected"), PATTERNS)
def test_denial_pattern(extract_text, text, expected, case):
    if case == "lower":
        text, expected = text.lower(), _lower(expected)
    assert extract_text(text) == expected


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_a_clause_deep_in_a_quote_that_debunks_the_article(extract_text, case):
    text = (
        f'{CLAIM} As the fact-checking site Verilo says, "given the water levels on the day, '
        'the article can be debunked simply by reading the gauge log."'
    )
    rows = extract_text(text.lower() if case == "lower" else text)
    assert rows[0] == (TIMES if case == "cased" else _lower([TIMES])[0])
    source, *rest = rows[1]
    assert "verilo" in source.lower()
    content = "that the dam at Orrin had burst"
    assert tuple(rest) == ("denies", "says", content.lower() if case == "lower" else content)


def test_the_tale_called_rubbish_after_a_denial_is_the_claim_denied(extract_text):
    text = (
        "A story in the Korvan Herald that the dam at Orrin had burst is false, according to "
        "the Vellmar Ledger. Turns out, the entire tale is rubbish, said a harbour spokesman."
    )
    assert extract_text(text) == [
        ("the Vellmar Ledger", "denies", "according to", "the dam at Orrin had burst"),
        ("a harbour spokesman", "denies", "said", "the dam at Orrin had burst"),
    ]


@pytest.mark.parametrize("case", ["cased", "lower"])
def test_a_quote_before_its_cue_stays_the_content(extract_text, case):
    # the parser hangs a later clause ("the video was not staged") on the cue too; only a
    # colon between the first clause and the cue makes the later one the cue's own
    text = (
        '"People think I changed his life," said Ada Lind, who maintains the video was not staged.'
    )
    text = text.lower() if case == "lower" else text
    rows = [(stance, content) for _, stance, _, content in extract_text(text)]
    assert rows == [("asserts", text[1:32])]


def test_slammed_reports_that_y(extract_text):
    assert extract_text("Ada Lind slammed reports that the mayor had resigned.") == [
        ("Ada Lind", "denies", "slammed", "the mayor had resigned")
    ]


def test_a_denial_of_the_report_joins_the_reported_claim(nlp):
    from tracker.ingest.readers import article_from_text
    from tracker.pipeline import extract_attributions

    article = article_from_text(
        f"{CLAIM} The harbour office said the report was a hoax.",
        id="synthetic",
        parse_header=False,
        synthetic=True,
    )
    times, office = extract_attributions([article], nlp=nlp)
    assert (times.stance, office.stance) == ("asserts", "denies")
    assert office.claim_id == times.claim_id
    assert office.extra["refers_to"] == times.id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials shot down claims that the dam had burst.", [("claims", "asserts")]),
        (
            'The Vellmar Post wrote that "The Korvan Herald reveals the video to be fake."',
            [("wrote", "asserts")],
        ),
    ],
    ids=["a-debunking-verb-stays-unread", "a-quoted-report-stays-inside-its-quote"],
)
def test_flat_extraction_keeps_the_words_as_annotated(nlp, text, expected):
    from tracker.extract.extractor import SpacyExtractor
    from tracker.ingest.readers import article_from_text

    article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
    records = list(SpacyExtractor(nlp, flat=True).extract(article))
    assert [(r.cue.text, r.stance) for r in records] == expected
