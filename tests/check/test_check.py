"""Tests for tracker.check: verdicts of articles on a claim, with evidence.

Every article under tests/fixtures/check/ is synthetic (marked so in its front matter) and
names invented places, bodies and people only.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES
from tracker.check.checker import (
    VERDICTS,
    ClaimChecker,
    ClaimRequest,
    Evidence,
    Verdict,
    check_claims,
    read_claim_requests,
)
from tracker.errors import InputError, RecordError
from tracker.ingest.readers import read_articles
from tracker.model import Article

FIXTURES = FIXTURES / "check"
DAM = "The Velmora dam burst on Monday"
ARMS = "Freedonia transferred missiles to Ruritania"
VIDEO = "A video shows the Velmora dam bursting"


@pytest.fixture(scope="module")
def articles():
    found = read_articles([FIXTURES])
    assert all(a.synthetic for a in found)
    return found


@pytest.fixture(scope="module")
def checker(articles):
    checker = ClaimChecker()
    checker.add_articles(articles)
    return checker


def verdicts(checker, claim, ids):
    return {v.article_id: v.verdict for v in checker.check(claim, ids)}


def test_each_article_parsed_once_and_listed(checker, articles):
    assert checker.article_ids == [a.id for a in articles]


def test_supports_reports_and_unrelated(checker):
    assert verdicts(
        checker, DAM, ["supports-own-voice", "supports-source", "reports-hedged", "unrelated"]
    ) == {
        "supports-own-voice": "supports",
        "supports-source": "supports",
        "reports-hedged": "reports",
        "unrelated": "unrelated",
    }


def test_unrelated_across_topics(checker):
    assert verdicts(checker, ARMS, ["supports-own-voice", "reports-hedged", "unrelated"]) == {
        "supports-own-voice": "unrelated",
        "reports-hedged": "unrelated",
        "unrelated": "unrelated",
    }


@pytest.mark.parametrize(
    ("claim", "article_id", "source", "cue"),
    [
        # a denial whose object paraphrases the claim ("supplying weapons" / "transferred missiles")
        (ARMS, "denies-paraphrase", "Freedonia", "denied"),
        # refutations without a denial verb
        # "there is no evidence that Y, the inspectors concluded": the extractor reads the
        # denial of Y, so its cue is the inspectors' verb
        (ARMS, "denies-no-evidence", "border inspectors", "concluded"),
        (DAM, "denies-false", None, "is false"),
        (DAM, "denies-hoax", None, "hoax"),
        # a source's own contrary statement
        (ARMS, "denies-contrary", "Freedonian mission to the regional council", "said"),
        # denial of a report
        (ARMS, "denies-dismissed-report", "Freedonian foreign ministry", "dismissed"),
        # a claim that turned out false
        (VIDEO, "denies-actually", None, "actually"),
    ],
)
def test_denial_forms(checker, claim, article_id, source, cue):
    [verdict] = checker.check(claim, [article_id])
    assert verdict.verdict == "denies"
    denial = next(e for e in verdict.evidence if e.stance == "denies")
    assert (denial.source, denial.cue) == (source, cue)
    assert denial.article_id == article_id
    assert 0 < denial.similarity <= 1


def test_evidence_of_a_supporting_source(checker):
    [verdict] = checker.check(DAM, ["supports-source"])
    first = verdict.evidence[0]
    assert (first.source, first.stance, first.cue) == ("Astrin water board", "asserts", "confirmed")
    assert (
        first.sentence
        == "The Astrin water board confirmed that the Velmora dam burst on Monday night."
    )
    assert first.similarity == 1.0


def test_hedged_evidence(checker):
    [verdict] = checker.check(DAM, ["reports-hedged"])
    assert verdict.evidence[0].stance == "reports"
    assert verdict.evidence[0].cue == "reportedly"


def test_a_claim_that_is_a_denial_flips(checker):
    claim = "Officials deny that the Velmora dam burst on Monday"
    assert verdicts(checker, claim, ["denies-false", "supports-own-voice"]) == {
        "denies-false": "supports",
        "supports-own-voice": "denies",
    }


def test_unknown_article_id(checker):
    with pytest.raises(KeyError, match="no article with id 'nope'"):
        checker.check(DAM, ["nope"])


def test_records_round_trip(checker):
    [verdict] = checker.check(ARMS, ["denies-paraphrase"])
    data = verdict.to_dict()
    assert list(data) == ["claim", "article_id", "verdict", "score", "evidence"]
    assert list(data["evidence"][0]) == [
        "source",
        "stance",
        "cue",
        "sentence",
        "start",
        "end",
        "similarity",
        "article_id",
    ]
    again = Verdict.from_dict(json.loads(json.dumps(data)))
    assert (again.claim, again.article_id, again.verdict) == (ARMS, "denies-paraphrase", "denies")
    assert again.evidence[0] == Evidence.from_dict(data["evidence"][0])
    assert VERDICTS == ("supports", "denies", "reports", "unrelated")


def test_check_claims_parses_each_article_once(monkeypatch):
    texts = {
        "a1": "Synthetic. The Velmora dam burst on Monday night, flooding Astrin.",
        "a2": "Synthetic. There is no evidence that the Velmora dam burst on Monday.",
    }
    checker = ClaimChecker()
    calls = []
    real_pipe = checker.nlp.pipe

    def counting_pipe(items, *args, **kwargs):
        # spaCy calls pipe again inside itself without tuples: count the outer call only
        for item in real_pipe(items, *args, **kwargs):
            if kwargs.get("as_tuples"):
                calls.append(item[0].text)
            yield item

    monkeypatch.setattr(checker.nlp, "pipe", counting_pipe)
    requests = [
        ClaimRequest(DAM),
        ClaimRequest(DAM, "a2"),
        ClaimRequest("The dam was repaired", "a1"),
    ]
    out = list(check_claims(requests, [Article(i, t) for i, t in texts.items()], checker=checker))
    assert [(v.article_id, v.verdict) for v in out] == [
        ("a1", "supports"),
        ("a2", "denies"),
        ("a2", "denies"),
        ("a1", "supports"),
    ]
    assert len(calls) == 2


def test_check_claims_unknown_article(checker):
    with pytest.raises(RecordError, match="names article 'nope', which is not among the articles"):
        list(check_claims([ClaimRequest(DAM, "nope")], [], checker=checker))


def test_read_claim_requests(tmp_path):
    requests = read_claim_requests(FIXTURES / "claims.jsonl")
    assert requests == [
        ClaimRequest(DAM, "supports-own-voice"),
        ClaimRequest(DAM, "denies-false"),
        ClaimRequest(ARMS, None),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"claim": "x"}\nnot json\n', "line 2: not valid JSON"),
        ('{"claim": ""}\n', 'line 1: needs a non-empty "claim" string'),
        ('["x"]\n', "line 1: expected an object"),
        ('{"claim": "x", "article_id": 3}\n', 'line 1: "article_id" must be a string'),
        ("\n\n", "holds no claims"),
    ],
)
def test_read_claim_requests_errors(tmp_path, content, message):
    path = tmp_path / "claims.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        read_claim_requests(path)
    assert str(info.value).startswith(str(path))


def test_read_claim_requests_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_claim_requests(tmp_path / "none.jsonl")


# -- command line (the `check` command wires these functions) ------------------------------


def _cli():
    from click.testing import CliRunner

    from tracker.cli import cli

    assert "check" in cli.commands, "the check command is missing from the command line"
    return cli, CliRunner()


def test_cli_check_one_claim():
    cli, runner = _cli()
    paths = [str(FIXTURES / "denies-paraphrase.txt"), str(FIXTURES / "unrelated.txt")]
    result = runner.invoke(cli, ["check", ARMS, *paths, "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["article_id"], r["verdict"]) for r in rows] == [
        ("denies-paraphrase", "denies"),
        ("unrelated", "unrelated"),
    ]
    assert rows[0]["evidence"][0]["source"] == "Freedonia"


def test_cli_check_claims_file(tmp_path):
    cli, runner = _cli()
    out = tmp_path / "verdicts.jsonl"
    result = runner.invoke(
        cli,
        ["check", "--claims", str(FIXTURES / "claims.jsonl"), str(FIXTURES), "-o", str(out), "-q"],
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["article_id"], r["verdict"]) for r in lines[:2]] == [
        ("supports-own-voice", "supports"),
        ("denies-false", "denies"),
    ]
    # the third claim names no article: one line per article read
    assert len(lines) == 2 + len(list(FIXTURES.glob("*.txt")))


def test_weak_refutation_words_do_not_make_a_denial(nlp):
    # synthetic: a story that discusses a "propaganda video" reports the claim, it does
    # not refute it
    text = (
        "Synthetic. Militants in Zembla released a propaganda video on Tuesday. "
        "The video reportedly shows the Velmora dam bursting. "
        "Officials in Astrin said they were studying the footage."
    )
    checker = ClaimChecker(nlp)
    checker.add_articles([Article("weak", text)])
    [verdict] = checker.check(VIDEO, ["weak"])
    assert verdict.verdict == "reports"
    assert all(e.stance != "denies" for e in verdict.evidence)


def test_cli_check_claims_file_skips_a_bad_line_or_stops_with_strict(tmp_path):
    cli, runner = _cli()
    claims = tmp_path / "claims.jsonl"
    good = (FIXTURES / "claims.jsonl").read_text(encoding="utf-8").splitlines()[0]
    claims.write_text(good + "\n{not json\n" + '{"claim": ""}\n', encoding="utf-8")
    out = tmp_path / "verdicts.jsonl"
    result = runner.invoke(cli, ["check", "--claims", str(claims), str(FIXTURES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    prefix = f"Warning: skipped {claims}"
    warnings = [line for line in result.stderr.splitlines() if line.startswith(prefix)]
    assert warnings == [
        f"Warning: skipped {claims}: line 2: not valid JSON (Expecting property name "
        "enclosed in double quotes)",
        f'Warning: skipped {claims}: line 3: needs a non-empty "claim" string',
    ]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1

    out.unlink()
    strict = runner.invoke(
        cli, ["check", "--claims", str(claims), str(FIXTURES), "-o", str(out), "--strict"]
    )
    assert strict.exit_code == 1
    assert strict.output.splitlines()[-1] == (
        f"Error: {claims}: line 2: not valid JSON (Expecting property name enclosed in "
        "double quotes)"
    )
    assert not out.exists()
