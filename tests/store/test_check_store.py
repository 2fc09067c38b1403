"""`tracker check` over a story store: the sentences kept at `add` give the verdicts of
parsing the files, and only the claim is parsed.

Every article is synthetic (tests/fixtures/check/ and data/synthetic/, marked so in their
metadata), with invented places, bodies and people only.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest
from click.testing import CliRunner

from tests.conftest import DATA, FIXTURES
from tracker.check.checker import ClaimChecker, ClaimRequest, check_claims
from tracker.cli import cli
from tracker.ingest.readers import read_articles
from tracker.model import Article
from tracker.store import add_articles, open_store, rebuild_store
from tracker.store.sentences import add_store_articles, check_store

CHECK = FIXTURES / "check"
STORY = DATA / "synthetic"
DAM = "The Velmora dam burst on Monday"
ARMS = "Freedonia transferred missiles to Ruritania"
SHELLS = "The freighter Orla Star delivered artillery shells to Tessaly"
CLAIMS = [ClaimRequest(DAM), ClaimRequest(ARMS), ClaimRequest(SHELLS)]


@pytest.fixture(scope="module")
def articles():
    found = read_articles([CHECK, STORY])
    assert all(a.synthetic for a in found)
    return found


@pytest.fixture(scope="module")
def from_files(articles, nlp):
    return [v.to_dict() for v in check_claims(CLAIMS, articles, checker=ClaimChecker(nlp))]


@pytest.fixture()
def store(tmp_path, articles, extractor):
    path = tmp_path / "story.db"
    add_articles(path, articles[:7], extractor=extractor)  # two batches
    add_articles(path, articles[7:], extractor=extractor)
    return path


class CountingPipeline:
    """The spaCy pipeline, noting every text it is asked to parse."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.texts: list[str] = []

    def __call__(self, text):
        self.texts.append(text)
        return self.nlp(text)

    def pipe(self, items, **kwargs):
        for doc, context in self.nlp.pipe(items, **kwargs):
            self.texts.append(doc.text)
            yield doc, context


def test_verdicts_from_a_store_are_those_from_the_files(store, from_files, nlp):
    counting = CountingPipeline(nlp)
    verdicts = [v.to_dict() for v in check_store(CLAIMS, store, ClaimChecker(counting))]
    assert verdicts == from_files
    assert counting.texts == [DAM, ARMS, SHELLS]  # no article parsed again
    by_claim = {(v["claim"], v["article_id"]): v["verdict"] for v in verdicts}
    assert by_claim[DAM, "denies-false"] == "denies"
    assert by_claim[DAM, "supports-own-voice"] == "supports"
    assert by_claim[ARMS, "denies-paraphrase"] == "denies"
    assert by_claim[ARMS, "orla-star-2026-03-02"] == "unrelated"


def test_a_stance_claim_grouping_changed_is_read_as_extracted(tmp_path, extractor, nlp):
    # grouping makes the second source's assertion of the contrary a denial of the first
    # claim; check reads the record as extraction gave it, as it does from files
    port = "the port of Velmora was closed on Monday"
    articles = [
        Article("port-closed", f"Synthetic. Harbour officials said {port}.", synthetic=True),
        Article(
            "port-open",
            f"Synthetic. The harbour master Ilse Varn said {port.replace('was', 'was not')}.",
            synthetic=True,
        ),
    ]
    path = tmp_path / "port.db"
    add_articles(path, articles, extractor=extractor)
    conn = open_store(path)
    stored = conn.execute("SELECT article_id, stance FROM attributions ORDER BY id").fetchall()
    assert [tuple(row) for row in stored] == [("port-closed", "asserts"), ("port-open", "denies")]
    from_store, from_files = ClaimChecker(nlp), ClaimChecker(nlp)
    add_store_articles(from_store, conn)
    from_files.add_articles(articles)
    claim = "The port of Velmora was closed"
    parsed = [a.article for a in from_store.assess(claim)]
    assert parsed == [a.article for a in from_files.assess(claim)]
    assert [r.stance for s in parsed[1].sentences for r, _ in s.attributions] == ["asserts"]
    assert [v.to_dict() for v in from_store.check(claim)] == [
        v.to_dict() for v in from_files.check(claim)
    ]


def test_the_store_keeps_the_current_revision_only(tmp_path, articles, extractor, nlp):
    path = tmp_path / "story.db"
    add_articles(path, articles, extractor=extractor)
    first = articles[0]
    revised = replace(first, text=first.text.replace("Velmora", "Velmora river"))
    assert revised.text != first.text
    add_articles(path, [revised], extractor=extractor)
    conn = open_store(path)
    kept = conn.execute(
        "SELECT r.current, COUNT(s.sentence) FROM articles r "
        "LEFT JOIN check_sentences s ON s.article = r.id WHERE r.article_id = ? "
        "GROUP BY r.id ORDER BY r.revision",
        (first.id,),
    ).fetchall()
    assert [tuple(row) for row in kept][0] == (0, 0) and kept[1][0] == 1 and kept[1][1] > 0
    checker = ClaimChecker(nlp)
    add_store_articles(checker, conn)
    files = ClaimChecker(nlp)
    files.add_articles([revised, *articles[1:]])
    assert sorted(checker.article_ids) == sorted(files.article_ids)
    expected = {v.article_id: v.to_dict() for v in files.check(DAM)}
    assert {v.article_id: v.to_dict() for v in checker.check(DAM)} == expected


def _make_older(path) -> None:
    """The store as a tracker before schema 3 left it: no kept sentences."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DROP TABLE check_sentences")
    conn.execute("ALTER TABLE articles DROP COLUMN sentences")
    conn.execute("DELETE FROM schema_version WHERE version = 3")
    conn.close()


def test_an_older_store_is_parsed_again_until_rebuilt(store, from_files, nlp, extractor):
    _make_older(store)
    told: list[list[str]] = []
    counting = CountingPipeline(nlp)
    verdicts = check_store(CLAIMS, store, ClaimChecker(counting), on_parse=told.append)
    assert [v.to_dict() for v in verdicts] == from_files
    assert len(told) == 1 and len(told[0]) == 16
    assert len(counting.texts) > 16  # the articles' paragraphs, then the claims
    rebuild_store(store, extractor=extractor)
    told.clear()
    counting = CountingPipeline(nlp)
    verdicts = check_store(CLAIMS, store, ClaimChecker(counting), on_parse=told.append)
    assert [v.to_dict() for v in verdicts] == from_files
    assert told == [] and counting.texts == [DAM, ARMS, SHELLS]


def _run(*args):
    return CliRunner().invoke(cli, ["check", *map(str, args)])


def test_cli_check_over_a_store_prints_what_the_files_give(store):
    files = _run(ARMS, CHECK, STORY, "-q")
    assert files.exit_code == 0, files.output
    stored = _run(ARMS, "--db", store, "-q")
    assert (stored.exit_code, stored.stderr) == (0, "")
    assert stored.stdout == files.stdout
    assert stored.stdout.splitlines()[:5] == [
        "denies-actually  unrelated  (relatedness 0.00)",
        "denies-contrary  denies  (relatedness 0.39)",
        "    Freedonian mission to the regional council denies (said, similarity 0.70, "
        "characters 92-230)",
        "      Freedonia refrains from transferring missiles to any party in the war, the",
        "      Freedonian mission to the regional council said in a statement.",
    ]
    talkative = _run(ARMS, "--db", store, "--format", "jsonl")
    assert talkative.stderr == "checking 1 claim(s) against 16 article(s)\n"
    verdicts = [json.loads(line)["verdict"] for line in talkative.stdout.splitlines()]
    assert verdicts == ["unrelated", "denies", "denies", "unrelated", "unrelated", "denies"] + [
        "denies",
        *["unrelated"] * 6,
        "denies",
        "unrelated",
        "unrelated",
    ]


def test_cli_check_claims_file_over_a_store(store, tmp_path):
    claims = CHECK / "claims.jsonl"
    files = _run("--claims", claims, CHECK, STORY, "-q")
    stored = _run("--claims", claims, "--db", store, "-q")
    assert (stored.exit_code, stored.stderr) == (0, "")
    assert stored.stdout == files.stdout
    assert [json.loads(line)["verdict"] for line in stored.stdout.splitlines()[:2]] == [
        "supports",
        "denies",
    ]


def test_cli_check_an_older_store_warns_and_agrees(store):
    files = _run(DAM, CHECK, STORY, "-q")
    _make_older(store)
    stored = _run(DAM, "--db", store, "-q")
    assert stored.exit_code == 0
    assert stored.stderr == (
        f"Warning: {store}: 16 article(s) stored by an older tracker are parsed again; "
        f"run `tracker rebuild {store}` to keep their sentences\n"
    )
    assert stored.stdout == files.stdout


def test_cli_check_store_usage(store, tmp_path):
    both = _run(ARMS, CHECK, "--db", store)
    assert both.exit_code == 2
    assert both.stderr.splitlines()[-1] == (
        "Error: give article PATHS or --db STORE, not both (with --db, give only the claim)"
    )
    given = _run(ARMS, store)
    assert given.exit_code == 2
    assert (
        given.stderr.splitlines()[-1]
        == f"Error: {store} is a story store: check it with --db {store}"
    )
    missing = _run(ARMS, "--db", tmp_path / "none.db")
    assert missing.exit_code == 1
    assert missing.stderr == (
        f"Error: {tmp_path / 'none.db'}: no such story store; create one with: "
        f"tracker add ARTICLES --db {tmp_path / 'none.db'}\n"
    )
