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


class _Tokenizing:
    """An extractor that only tokenizes each article, noting whether spaCy was in a memory
    zone as it did."""

    def __init__(self, nlp) -> None:
        self.nlp, self.zoned = nlp, []

    def extract_many(self, articles):
        from tracker.extract.extractor import ExtractedArticle

        for article in articles:
            self.nlp(article.text)
            self.zoned.append(self.nlp.vocab.in_memory_zone)
            yield ExtractedArticle(article, [])


def test_a_pipeline_reads_its_first_zone_of_articles_outside_a_memory_zone():
    # spaCy's tokenizer caches nothing inside a zone: the first zone's words stay cached
    # for every later zone, while later zones' words are released
    import spacy

    from tracker.extract.parallel import extract_stream
    from tracker.model import Article

    extractor = _Tokenizing(spacy.blank("en"))
    articles = [Article(f"a{n}", f"Qwerty{n}zz said so.") for n in range(5)]
    out = [e.article.id for e in extract_stream(extractor, articles, zone=2)]
    assert out == ["a0", "a1", "a2", "a3", "a4"]
    assert extractor.zoned == [False, False, True, True, True]
    strings = extractor.nlp.vocab.strings
    assert "Qwerty0zz" in strings and "Qwerty1zz" in strings
    assert "Qwerty2zz" not in strings and "Qwerty4zz" not in strings
    # once per pipeline: its next stream is zoned from the start
    list(extract_stream(extractor, articles[:2], zone=2))
    assert extractor.zoned[5:] == [True, True]
