"""Extraction over several processes gives the records of one process, in the same order."""

from __future__ import annotations

import pytest

from tracker.extract.extractor import SpacyExtractor
from tracker.ingest.readers import article_from_text

# synthetic: invented people and places
PARAGRAPHS = [
    "The mayor of Dunmere said the bridge would reopen in May.",
    "Council officials denied that the bridge had been closed for safety reasons.",
    '"We expect traffic to return by summer," said Ilse Varga, the transport chief.',
    "The harbour authority declined to comment on the cost of the repairs.",
    "Residents said the ferry was running late every morning.",
]


def _articles(count: int):
    return [
        article_from_text(
            "\n\n".join(PARAGRAPHS[(n + k) % len(PARAGRAPHS)] for k in range(3)),
            id=f"synthetic-{n}",
            parse_header=False,
        )
        for n in range(count)
    ]


def test_articles_spanning_batches_stay_whole_with_two_processes(nlp):
    # three paragraphs per article and batches of two: most articles straddle a boundary
    extractor = SpacyExtractor(nlp, batch_size=2)
    articles = _articles(8)
    one = [
        (e.article.id, [r.to_dict() for r in e.attributions])
        for e in extractor.extract_many(articles)
    ]
    two = [
        (e.article.id, [r.to_dict() for r in e.attributions])
        for e in extractor.extract_many(articles, n_process=2)
    ]
    assert [a for a, _ in two] == [a.id for a in articles]
    assert two == one
    assert sum(len(r) for _, r in one) >= 16


def _records(articles, nlp=None, **options):
    from tracker.pipeline import extract_attributions

    return [r.to_dict() for r in extract_attributions(articles, nlp=nlp, **options)]


def test_one_worker_two_workers_and_a_dask_cluster_give_the_same_records(nlp):
    articles = _articles(6)
    one = _records(articles, nlp)
    assert len(one) >= 12
    assert _records(articles, workers=2) == one
    pytest.importorskip("distributed")
    assert _records(articles, engine="dask", workers=1) == one


def test_the_memory_zone_keeps_records_whole(nlp):
    from tracker.extract.parallel import extract_stream

    extractor = SpacyExtractor(nlp)
    articles = _articles(5)
    zoned = [
        [r.to_dict() for r in e.attributions] for e in extract_stream(extractor, articles, zone=2)
    ]
    assert zoned == [
        [r.to_dict() for r in e.attributions] for e in extractor.extract_many(articles)
    ]
