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
