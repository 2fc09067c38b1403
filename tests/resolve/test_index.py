"""The candidate index: contents that may state the same claim are found without comparing
every claim, and a large claim does not slow later assignments down."""

from __future__ import annotations

import pytest

import tracker.resolve.claims as claims_module
from tracker.extract.extractor import ExtractedArticle
from tracker.model import Article, Attribution, Span
from tracker.resolve.claims import ClaimRegistry
from tracker.resolve.index import CandidateIndex
from tracker.resolve.similarity import ClaimSignature, signature_of


def content_signature(nlp, text: str) -> ClaimSignature:
    return signature_of(nlp(text)[:])


def test_a_paraphrase_is_found_among_many_contents(nlp):
    # synthetic: invented ship and places
    index = CandidateIndex()
    index.add(
        0, content_signature(nlp, "the freighter Vessa Moon delivered rifles to the Korvan militia")
    )
    # a thousand other contents that share one word each with the paraphrase
    for n in range(1, 1001):
        index.add(n, ClaimSignature(words=frozenset({"rifle", f"topic{n}", f"place{n}"})))
    paraphrase = content_signature(nlp, "the Vessa Moon had supplied rifles to the militia")
    keys = [key for key, _ in index.candidates(paraphrase)]
    assert keys == [0]


def test_unrelated_contents_are_not_candidates(nlp):
    index = CandidateIndex()
    index.add(0, content_signature(nlp, "the council cut the harbour budget"))
    assert index.candidates(content_signature(nlp, "the ferry ran late every morning")) == []


def _article(n: int, words: frozenset[str]) -> ExtractedArticle:
    article = Article(f"synthetic-{n}", "x said y")
    record = Attribution(
        f"r{n}",
        article.id,
        Span(0, 1, "x"),
        Span(2, 6, "said"),
        Span(7, 8, f"wording {n}"),
        source_id=f"s{n}",
        source_name=f"s{n}",
    )
    return ExtractedArticle(article, [record], {record.id: ClaimSignature(words=words)})


def _comparisons_of_next_assignment(monkeypatch, registry: ClaimRegistry, n: int) -> int:
    calls = 0
    real = claims_module.claim_similarity

    def counting(a, b):
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(claims_module, "claim_similarity", counting)
    registry.assign(_article(n, frozenset({"bridge", "close", "next"})))
    monkeypatch.setattr(claims_module, "claim_similarity", real)
    return calls


@pytest.mark.parametrize("members", [10, 10_000])
def test_a_claim_with_many_members_costs_a_bounded_comparison(monkeypatch, members):
    # a small index keeps the test quick; the bound is the same with the default sizes
    registry = ClaimRegistry(index=CandidateIndex(cap=20, limit=8))
    for n in range(members):
        # every one a distinct wording of the one claim "the bridge is closed"
        registry.assign(_article(n, frozenset({"bridge", "close", f"detail{n}"})))
    assert len(registry.claims) == 1
    assert len(registry.claims[0].members) == members
    calls = _comparisons_of_next_assignment(monkeypatch, registry, members)
    assert 1 <= calls <= registry.index.limit
    assert len(registry.claims) == 1


def _counted(added: list[ClaimSignature], query: ClaimSignature, cap: int, limit: int) -> list[int]:
    """The candidates by the index's rule, counted one by one: members among the latest
    ``cap`` of a word's that share two words or more, at most ``limit`` of those sharing the
    most (the latest of equals), in the order they were added."""
    shared: dict[int, int] = {}
    for word in query.words:
        using = [n for n, signature in enumerate(added) if word in signature.words]
        for n in using[-cap:]:
            shared[n] = shared.get(n, 0) + 1
    found = [n for n, count in shared.items() if count >= 2]
    return sorted(sorted(found, key=lambda n: (shared[n], n))[-limit:])


@pytest.mark.parametrize("members", [12, 600])
def test_candidates_are_those_sharing_the_most_words_however_many_are_read(members):
    # few members are counted one by one, many by sorting: the same rule either way
    words = ["bridge", "close", "ferry", "late", "harbour", "storm", "repair", "toll"]
    added = [
        ClaimSignature(words=frozenset(words[(n * k) % 8] for k in (1, 3, 5)) | {f"d{n % 7}"})
        for n in range(members)
    ]
    index = CandidateIndex(cap=150, limit=10)
    for n, signature in enumerate(added):
        index.add(n, signature)
    for query in (
        ClaimSignature(words=frozenset({"bridge", "close", "ferry", "d3"})),
        ClaimSignature(words=frozenset({"storm", "toll", "d1", "d2"})),
        ClaimSignature(words=frozenset({"late", "unseen"})),
    ):
        expected = _counted(added, query, index.cap, index.limit)
        assert [key for key, _ in index.candidates(query)] == expected
        assert [signature for _, signature in index.candidates(query)] == [
            added[n] for n in expected
        ]
    assert len(index) == members


def test_the_latest_of_members_sharing_as_many_words_are_kept():
    index = CandidateIndex(limit=3)
    for n in range(200):
        index.add(n, ClaimSignature(words=frozenset({"bridge", "close", f"detail{n}"})))
    for n in range(200, 210):
        index.add(n, ClaimSignature(words=frozenset({"bridge", "close", "late"})))
    query = ClaimSignature(words=frozenset({"bridge", "close", "late"}))
    assert [key for key, _ in index.candidates(query)] == [207, 208, 209]
    query = ClaimSignature(words=frozenset({"bridge", "close", "storm"}))
    assert [key for key, _ in index.candidates(query)] == [207, 208, 209]
    query = ClaimSignature(words=frozenset({"close", "late"}))  # few read
    assert [key for key, _ in index.candidates(query)] == [207, 208, 209]


@pytest.mark.parametrize(("later", "found"), [(99, [0]), (100, [])])
def test_a_word_is_read_up_to_its_latest_members_only(later, found):
    index = CandidateIndex(cap=100)
    index.add(0, ClaimSignature(words=frozenset({"bridge", "close"})))
    for n in range(1, later + 1):
        index.add(n, ClaimSignature(words=frozenset({"bridge", f"detail{n}"})))
    query = ClaimSignature(words=frozenset({"bridge", "close"}))
    assert [key for key, _ in index.candidates(query)] == found


def test_one_shared_word_is_no_candidate_however_many_are_read():
    index = CandidateIndex()
    for n in range(400):
        index.add(n, ClaimSignature(words=frozenset({"bridge", f"detail{n}"})))
    query = ClaimSignature(words=frozenset({"bridge", "detail399", "detail7"}))
    # detail7's member is older than the latest 200 members that 'bridge' reads
    assert [key for key, _ in index.candidates(query)] == [399]
