"""Tests for tracker.check on short texts: a headline alone is an article that can be
checked, with the patterns headlines use to deny a claim or pass it on (the headline
register, tracker.check.headline: its own hedges, comparisons, presupposing negations,
refuting words about something else, topics and sources beside a colon).

Every sentence here is synthetic: invented places, bodies and people.
"""

from __future__ import annotations

import json

import pytest

from tracker.check.checker import ClaimChecker
from tracker.model import Article

DAM = "The Velmora dam burst on Monday"
THREATS = "Threats were made against the Ostervik school"

QUIT = "Orlo Pell quit the Velmora council"
BRIBES = "Orlo Pell took bribes from a Velmora builder"
KILLED = "Orlo Pell killed Brin Tass"
STORE = "Astrin Mart is opening its first store in Velmora"
TRUCK = "An Astrin farmer's truck ended up with rebels in Velmora"
WANTS = "Orlo Pell wants Brin Tass fired"
SHOT = "A guard was shot at the Astrin war memorial"
FORTUNE = "A Velmora schoolboy made 70 million crowns trading shares"
JUMPER = "The Astrin palace intruder got further inside than the guards said"

HEADLINES = {
    # denials in the text's own voice and in headline style
    "no-comma": (DAM, "No, the Velmora dam did not burst on Monday", "denies", "no"),
    "says-no": (
        THREATS,
        "Ostervik police chief says no threats were made against the school",
        "denies",
        "says",
    ),
    "colon-false": (
        DAM,
        "Astrin water board: claims that the Velmora dam burst on Monday are false",
        "denies",
        ":",
    ),
    "not-after-colon": (DAM, "Water board, mayor: Velmora dam did not burst", "denies", "not"),
    "denial-verb": (DAM, "Water Board Denies Velmora Dam Burst On Monday", "denies", "denies"),
    "shoots-down": (
        DAM,
        "Mayor shoots down report that the Velmora dam burst on Monday",
        "denies",
        "shoots",
    ),
    "nobody": (
        "Workers were hurt when the Velmora dam burst",
        "Nobody was hurt when the Velmora dam burst",
        "denies",
        "nobody",
    ),
    # passed on without vouching for it
    "colon-source": (DAM, "Astrin water board: Velmora dam burst on Monday", "reports", ":"),
    "trailing-source": (DAM, "Velmora dam burst on Monday: water board", "reports", ":"),
    "quoted": (DAM, "Velmora dam 'burst on Monday', officials say", "reports", "say"),
    "scare-quotes": (
        "The mayor of Astrin will resign",
        "Mayor of Astrin 'to resign over the dam'",
        "reports",
        "'",
    ),
    "claim-label": (DAM, "Claim: Velmora dam burst on Monday", "reports", ":"),
    # in lower case the parser reads "claim" as the source's verb: reported all the same
    "claim-label-lower": (DAM.lower(), "claim: velmora dam burst on monday", "reports", "claim"),
    "question": (DAM, "Did the Velmora dam burst on Monday?", "reports", "?"),
    "hedged": (DAM, "Velmora dam reportedly burst on Monday", "reports", "reportedly"),
    # stated, or confirmed
    "own-voice": (DAM, "Velmora dam bursts on Monday, flooding Astrin", "supports", None),
    "confirms": (
        DAM,
        "Water board confirms the Velmora dam burst on Monday",
        "supports",
        "confirms",
    ),
    "label-colon": (DAM, "Update: the Velmora dam burst on Monday", "supports", None),
    "place-colon": (DAM, "Astrin: the Velmora dam burst on Monday", "supports", None),
    # the headline register (tracker.check.headline): its own hedges, comparisons,
    # presupposing negations, refuting words about something else, rebuffs of reports
    # passed on as headlines pass a claim on
    "said-to": (QUIT, "Orlo Pell said to quit Velmora council", "reports", "said to"),
    "amid-reports": (
        STORE,
        "Shoppers queue amid reports Astrin Mart is opening first store in Velmora",
        "reports",
        "amid reports",
    ),
    "could": (STORE, "Astrin Mart could open its first store in Velmora", "reports", "could"),
    "fear": (
        TRUCK,
        "Velmora rebels fear Astrin farmer's truck ended up in their hands",
        "reports",
        "fear",
    ),
    "possible": (
        SHOT,
        "Astrin update: possible shooting of a guard at war memorial",
        "reports",
        "possible",
    ),
    "trailing-outlet": (
        STORE,
        "Astrin Mart to open its first store in Velmora: Korvan Wire",
        "reports",
        ":",
    ),
    # the claim's own verb, but passed on: reported by its verb
    "own-verb-relayed": (WANTS, "Orlo Pell wants Brin Tass fired: report", "reports", "wants"),
    "scare-quote": (QUIT, "Orlo Pell 'quit' Velmora council", "reports", "'"),
    # stated as fact
    "quoted-other-word": (QUIT, "'Tired' Orlo Pell quit Velmora council", "supports", None),
    "modal-below": (
        SHOT,
        "Guard shot at Astrin war memorial, and more attacks could follow",
        "supports",
        None,
    ),
    "than-claim": (
        JUMPER,
        "Astrin palace intruder got further inside than the guards claim",
        "supports",
        None,
    ),
    "not-sure-how": (
        TRUCK,
        "Astrin farmer isn't sure how his truck ended up with rebels in Velmora",
        "supports",
        None,
    ),
    "topic-colon": (
        SHOT,
        "Astrin shooting: guard shot at the war memorial",
        "supports",
        None,
    ),
    "own-verb": (WANTS, "Orlo Pell wants Brin Tass fired", "supports", "wants"),
    "false-elsewhere": (
        WANTS,
        "Orlo Pell reportedly wants Brin Tass fired over fabricated river story",
        "reports",
        "reportedly",
    ),
    # refuted
    # a "not" in a relative clause describes someone; in the main clause it denies
    "relative-never": (
        QUIT,
        "Orlo Pell, who never liked the job, quits Velmora council",
        "supports",
        None,
    ),
    "main-not": (
        QUIT,
        "Orlo Pell, who was elected in May, has not quit Velmora council",
        "denies",
        "not",
    ),
    "not-end-up": (
        TRUCK,
        "Astrin farmer's truck did not end up with rebels in Velmora",
        "denies",
        "not",
    ),
    "is-a-rumour": (
        FORTUNE,
        "The story of the Velmora schoolboy who made 70 million crowns is a rumour spun out "
        "of control",
        "denies",
        "is a rumour",
    ),
    "made-it-up": (
        FORTUNE,
        "Velmora schoolboy who made 70 million crowns trading shares made it all up",
        "denies",
        "made it all up",
    ),
    "slams-reports": (
        QUIT,
        "Orlo Pell slams reports he quit Velmora council",
        "denies",
        "slams",
    ),
    "laughs-off": (
        QUIT,
        "Orlo Pell laughs off rumours that he quit the Velmora council",
        "denies",
        "laughs off",
    ),
    "despite-rumours": (
        QUIT,
        "Orlo Pell chairs Velmora council despite rumours he quit",
        "denies",
        "despite",
    ),
    # what is slammed is no report: said, not denied
    "slams-plan": (QUIT, "Orlo Pell slams Velmora council over his quitting", "reports", "slams"),
    "false-of-subject": (
        QUIT,
        "Orlo Pell quitting Velmora council is probably fabricated nonsense",
        "denies",
        "fabricated",
    ),
    # a source after a dash or in brackets at the end passes the claim on
    "dash-report": (DAM, "Velmora dam burst on Monday \u2013 report", "reports", "-"),
    "hyphen-officials": (DAM, "Velmora dam burst on Monday - officials", "reports", "-"),
    "bracket-report": (DAM, "Velmora dam burst on Monday [report]", "reports", "-"),
    "paren-witnesses": (DAM, "Velmora dam burst on Monday (witnesses)", "reports", "-"),
    "dash-person": (DAM, "Velmora dam burst on Monday \u2013 Orlo Pell", "reports", "-"),
    # a label, a place or an outlet's name after the dash is no source
    "dash-label": (DAM, "Velmora dam burst on Monday - video", "supports", None),
    "bracket-label": (DAM, "Velmora dam burst on Monday [PHOTOS]", "supports", None),
    "dash-outlet": (DAM, "Velmora dam burst on Monday - Velmora Times", "supports", None),
    "dash-place": (DAM, "Velmora dam burst on Monday \u2013 Astrin", "supports", None),
    # a source that confirms vouches for the claim
    "confirmed-dash": (
        DAM,
        "Velmora dam burst confirmed \u2013 officials",
        "supports",
        "confirmed",
    ),
    "confirmed-colon": (DAM, "Water board: Velmora dam burst confirmed", "supports", "confirmed"),
    # ... and one that is not confirmed passes it on
    "not-confirmed": (DAM, "Velmora dam burst not confirmed", "reports", "not confirmed"),
    # labels and answers that say no
    "fake-news-label": (DAM, "Fake news: Velmora dam burst on Monday", "denies", "fake"),
    "topic-says-no": (DAM, "Velmora dam burst: water board says no", "denies", "says no"),
    "topic-says-no-to": (
        DAM,
        "Velmora dam burst: water board says no to repairs",
        "reports",
        "says",
    ),
    "probably-not": (DAM, "Velmora dam burst on Monday? Probably not", "denies", "?"),
    # the mayor's own denial: "there was no X" is a negated content, shown by its cue
    "there-was-no": (
        DAM,
        "There was no Velmora dam burst on Monday, mayor says",
        "denies",
        "says",
    ),
    "was-staged": (DAM, "Velmora dam burst video was staged", "denies", "was staged"),
    "cleared-of": (
        BRIBES,
        "Orlo Pell cleared of taking bribes from Velmora builder",
        "denies",
        "cleared of",
    ),
    # the headline's own hedges
    "accused-of": (
        BRIBES,
        "Orlo Pell accused of taking bribes from Velmora builder",
        "reports",
        "accused of",
    ),
    "purported": (DAM, "Purported video shows Velmora dam burst on Monday", "reports", "purported"),
    # a "not" set against a noun after a comma denies nothing of the claim ...
    "not-sabotage": (
        DAM,
        "Velmora dam burst on Monday in heavy rain, not sabotage",
        "supports",
        None,
    ),
    # ... one without the comma still does
    "not-the-killer": (
        KILLED,
        "Orlo Pell not the killer of Brin Tass, police say",
        "denies",
        "not",
    ),
    # a cue in a clause that does not state the claim says nothing of it
    "side-say-could": (
        DAM,
        "Velmora dam burst on Monday; experts say more could follow",
        "supports",
        None,
    ),
    "side-nobody": (
        DAM,
        "Velmora dam burst on Monday \u2013 and nobody was hurt",
        "supports",
        None,
    ),
    "side-not": (
        DAM,
        "Velmora dam burst on Monday, and the mayor did not respond",
        "supports",
        None,
    ),
    "side-fear": (DAM, "Velmora dam bursts; residents fear looting", "supports", None),
    "side-quote": (DAM, "Velmora dam burst on Monday: 'We lost everything'", "supports", None),
    "side-wont": (
        QUIT,
        "Orlo Pell quits Velmora council, says he won't run again",
        "supports",
        None,
    ),
    "side-denies-object": (
        QUIT,
        "Orlo Pell quits Velmora council but denies wrongdoing",
        "supports",
        None,
    ),
    "side-blames": (DAM, "Mayor blames rain as Velmora dam bursts", "supports", None),
    # ... but a piece that is only a source, a denial or a hedge bears on the whole line
    "bare-say": (DAM, "Velmora dam burst on Monday, officials say", "reports", "say"),
    "bare-denies": (DAM, "Velmora dam burst rumours heat up, Astrin denies", "denies", "denies"),
    "bare-hedge": (DAM, "Velmora dam burst on Monday, reportedly", "reports", "reportedly"),
    # ... and so does a piece pointing back at the claim
    "points-back": (DAM, "Velmora dam burst on Monday, but officials deny it", "denies", "deny"),
    # a word in scare quotes outside the claim's still keeps its distance
    "scare-quoted-other": (DAM, "Velmora dam 'sabotaged', burst on Monday", "reports", "'"),
}


@pytest.fixture(scope="module")
def checker(nlp):
    checker = ClaimChecker(nlp)
    checker.add_articles(Article(key, text) for key, (_, text, _, _) in HEADLINES.items())
    return checker


@pytest.mark.parametrize("key", list(HEADLINES))
def test_a_headline_alone_is_checked(checker, key):
    claim, text, expected, cue = HEADLINES[key]
    [verdict] = checker.check(claim, [key])
    assert verdict.verdict == expected
    first = verdict.evidence[0]
    assert first.cue == cue
    assert first.sentence in text
    assert text[first.start : first.end] == first.sentence


def test_unrelated_lists_the_nearest_sentence(checker):
    # a place in common is not a story in common
    claim = "Teachers in Ostervik go on strike over pay"
    [verdict] = checker.check(claim, ["own-voice"])
    assert (verdict.verdict, verdict.evidence) == ("unrelated", ())
    [verdict] = checker.check(claim, ["says-no"])
    assert verdict.verdict == "unrelated"
    [nearest] = verdict.evidence
    assert (nearest.stance, nearest.sentence) == ("nearest", HEADLINES["says-no"][1])
    assert 0 < nearest.similarity < 0.35


TRACTOR = "An Astrin farmer's tractor was stolen by a Velmora dam worker"
# the parser cuts this headline after "Had" when it is in title case
CUT_HEADLINE = (
    "This Astrin Farmer Reportedly Had His Tractor Stolen By An ‘Angry’ Velmora Dam Worker"
)


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
def test_a_hedge_in_any_piece_of_a_headline_hedges_it(nlp, lower):
    claim, text = (TRACTOR.lower(), CUT_HEADLINE.lower()) if lower else (TRACTOR, CUT_HEADLINE)
    checker = ClaimChecker(nlp)
    checker.add_articles([Article("h", text)])
    [verdict] = checker.check(claim, ["h"])
    assert verdict.verdict == "reports"
    # cased, the hedge is in the first piece; in lower case the headline stays whole
    hedge = text if lower else "This Astrin Farmer Reportedly Had"
    assert [(e.stance, e.cue, e.sentence, e.start) for e in verdict.evidence][-1] == (
        "reports",
        "reportedly",
        hedge,
        0,
    )


CLAIM = "Threats were made against the Ostervik school"
FILES = {
    "says-no.txt": "Ostervik police chief says no threats were made against the school\n",
    "pictured.txt": "Pictured: Ostervik pupils hold up the letters that threatened their school\n",
    "library.txt": "Astrin council opens a new library on Monday\n",
    "empty.txt": "Advertisement\n",
}


@pytest.fixture()
def headline_files(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _cli():
    from click.testing import CliRunner

    from tracker.cli import cli

    return cli, CliRunner()


def test_cli_table_of_headlines(headline_files):
    cli, runner = _cli()
    paths = [str(headline_files / name) for name in FILES]
    result = runner.invoke(cli, ["check", CLAIM, *paths, "-q"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "says-no  denies  (relatedness 0.72)\n"
        "    Ostervik police chief denies (says, similarity 1.00, characters 0-66)\n"
        "      Ostervik police chief says no threats were made against the school\n"
        "pictured  supports  (relatedness 0.59)\n"
        "    the article itself asserts (-, similarity 1.00, characters 0-74)\n"
        "      Pictured: Ostervik pupils hold up the letters that threatened their school\n"
        "library  unrelated  (relatedness 0.00)\n"
    )
    # the file that is only debris is skipped with a warning, the others are checked
    assert result.stderr == (
        f"Warning: skipped {headline_files / 'empty.txt'}: has no text to read "
        "(it is blank or holds only a header and scraping debris)\n"
    )


def test_cli_claims_skip_an_unread_article_unless_strict(headline_files):
    cli, runner = _cli()
    claims = headline_files / "claims.jsonl"
    claims.write_text(
        "".join(
            json.dumps({"claim": CLAIM, "article_id": name}) + "\n"
            for name in ("empty", "says-no", "library")
        ),
        encoding="utf-8",
    )
    paths = [str(headline_files / name) for name in FILES]
    out = headline_files / "verdicts.jsonl"
    result = runner.invoke(cli, ["check", "--claims", str(claims), *paths, "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert [(v["article_id"], v["verdict"]) for v in map(json.loads, out.open())] == [
        ("says-no", "denies"),
        ("library", "unrelated"),
    ]
    assert result.stderr.splitlines()[1] == (
        f"Warning: no verdict: claim {CLAIM!r} names article 'empty', which is not among the "
        "articles read; fix its article_id or add that article's file"
    )
    out.unlink()
    result = runner.invoke(
        cli, ["check", "--claims", str(claims), *paths, "-o", str(out), "-q", "--strict"]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {headline_files / 'empty.txt'}: has no text to read "
        "(it is blank or holds only a header and scraping debris)\n"
    )
    assert not out.exists()


def test_strict_check_claims_stops_at_an_unknown_article(checker):
    from tracker.check.checker import ClaimRequest, check_claims
    from tracker.errors import RecordError

    requests = [ClaimRequest(CLAIM, "says-no"), ClaimRequest(CLAIM, "nowhere")]
    skipped = []
    found = list(
        check_claims(
            requests, [], checker=checker, strict=False, on_skip=lambda r, e: skipped.append(r)
        )
    )
    assert [v.article_id for v in found] == ["says-no"]
    assert skipped == [requests[1]]
    with pytest.raises(RecordError, match="names article 'nowhere'"):
        list(check_claims(requests, [], checker=checker))


# headline register: phrases that refute only in a headline or a few lines
VISIT = "Senator Orlo Pell visited the Velmora dam"
REGISTER = {
    "no-sign": (
        VISIT,
        "Orlo Pell Velmora Dam Visit Rumours Sweep The Web, But No Sign Of Him In Astrin",
        "denies",
        "no sign",
    ),
    "fell-for": (
        VISIT,
        "Astrin Sites Fell For Fake Orlo Pell Velmora Dam Visit",
        "denies",
        "fell for",
    ),
    "if-only": (VISIT, "If Only Orlo Pell Had Really Visited The Velmora Dam", "denies", "if only"),
    "instead-of": (
        "Orlo Pell has died",
        "Astrin Mourns Brin Pell Instead Of Velmora's Orlo",
        "denies",
        "instead of",
    ),
    # what replaced is not the claim's: no denial
    "instead-of-other": (
        "Astrin builds a rail line to the Velmora dam",
        "Astrin Builds Rail Line Instead Of Road To Velmora Dam",
        "supports",
        None,
    ),
    # a fall in figures is no dupe
    "fell-for-days": (
        "Velmora dam shares fell",
        "Velmora Dam Shares Fell For A Third Day",
        "supports",
        None,
    ),
}


@pytest.fixture(scope="module")
def register_checker(nlp):
    checker = ClaimChecker(nlp)
    for key, (_, text, _, _) in REGISTER.items():
        checker.add_articles([Article(key, text), Article(key + "-lower", text.lower())])
    long = (
        "Crowds fell for Senator Orlo Pell when he visited the Velmora dam on Monday. He met "
        "the engineers. He toured the spillway. He spoke to the press."
    )
    checker.add_articles([Article("long", long)])
    return checker


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
@pytest.mark.parametrize("key", list(REGISTER))
def test_headline_register_refutes_only_what_it_is_about(register_checker, key, lower):
    claim, text, expected, cue = REGISTER[key]
    article_id, text = (key + "-lower", text.lower()) if lower else (key, text)
    [verdict] = register_checker.check(claim.lower() if lower else claim, [article_id])
    assert (verdict.verdict, verdict.evidence[0].stance, verdict.evidence[0].cue) == (
        expected,
        "denies" if expected == "denies" else "asserts",
        cue,
    )
    assert verdict.evidence[0].sentence == text


def test_headline_register_leaves_longer_texts_alone(register_checker):
    # in a report, crowds that "fell for" the senator are no dupes of a fake visit
    [verdict] = register_checker.check(VISIT, ["long"])
    assert verdict.verdict == "supports"


@pytest.mark.parametrize("lower", [False, True], ids=["cased", "lower"])
def test_a_question_answered_yes_confirms(nlp, lower):
    claim = "Astrin sent parents a letter about the Velmora dam in 1974"
    text = "That Astrin letter to parents about the Velmora dam from 1974? It's real"
    asked = "Did Astrin send parents a letter about the Velmora dam in 1974?"
    if lower:
        claim, text, asked = claim.lower(), text.lower(), asked.lower()
    checker = ClaimChecker(nlp)
    checker.add_articles([Article("answered", text), Article("asked", asked)])
    answered, only_asked = checker.check(claim, ["answered", "asked"])
    assert answered.verdict == "supports"
    assert [(e.stance, e.cue, text[e.start : e.end]) for e in answered.evidence] == [
        ("reports", "?", text[: text.index("?") + 1]),
        ("asserts", "it's real", text[text.index("?") + 2 :]),
    ]
    assert only_asked.verdict == "reports"


def _verdict_of(nlp, claim, text):
    """The verdict on ``claim`` of ``text`` checked alone."""
    checker = ClaimChecker(nlp)
    checker.add_articles([Article("text", text)])
    [verdict] = checker.check(claim, ["text"])
    return verdict


def test_a_refuting_phrase_cut_by_the_parser_still_refutes(nlp):
    # the parser cuts this line after "Isn't"; the phrase refutes from the piece it starts in
    text = "Velmora Schoolboy Trader Made 70 Million Crowns? Viral Photo Isn\u2019t What It Seems"
    verdict = _verdict_of(nlp, FORTUNE, text)
    assert verdict.verdict == "denies"
    denial = next(e for e in verdict.evidence if e.stance == "denies")
    assert denial.cue == "isn't what it seems"
    assert text[denial.start : denial.end] == denial.sentence


def test_headline_hedges_leave_longer_texts_alone(nlp):
    # in a report of several lines, "could" is read as before
    text = (
        "Astrin Mart could open its first store in Velmora.\n\n"
        "It has leased a shop on the high street.\n\n"
        "Staff are being hired now.\n\n"
        "The store opens in spring."
    )
    verdict = _verdict_of(nlp, STORE, text)
    assert verdict.verdict == "supports"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Orlo Pell quit Velmora council? Party says no", "denies"),
        ("Orlo Pell quit Velmora council? Nope", "denies"),
        ("Orlo Pell quit Velmora council? Party says no to his return", "reports"),
    ],
)
def test_a_question_answered_no_refutes(nlp, text, expected):
    verdict = _verdict_of(nlp, QUIT, text)
    assert verdict.verdict == expected
    if expected == "denies":
        denial = next(e for e in verdict.evidence if e.stance == "denies")
        assert text[denial.start : denial.end] == denial.sentence
        assert denial.sentence == text[text.index("?") + 2 :]
