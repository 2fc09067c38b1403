"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SAMPLE = DATA / "iran-missiles-2024-09-08.txt"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from tracker.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def extractor(nlp):
    from tracker.extract.extractor import SpacyExtractor

    return SpacyExtractor(nlp)


@pytest.fixture(scope="session")
def sample_records(nlp):
    from tracker.ingest.readers import read_articles
    from tracker.pipeline import extract_attributions

    return extract_attributions(read_articles([SAMPLE]), nlp=nlp)


@pytest.fixture()
def extract_text(extractor):
    """Attributions of one synthetic text, as (source, stance, cue, content) tuples."""
    from tracker.ingest.readers import article_from_text

    def run(text: str) -> list[tuple]:
        article = article_from_text(text, id="synthetic", parse_header=False, synthetic=True)
        return [
            (
                a.source.text if a.source else None,
                a.stance,
                a.cue.text,
                a.content.text if a.content else None,
            )
            for a in extractor.extract(article)
        ]

    return run


# Property tests (hypothesis): a bounded run in the suite, a long one with `make fuzz`
# (HYPOTHESIS_PROFILE=fuzz).  No example database is written in either.
try:
    import os

    from hypothesis import settings

    settings.register_profile("default", max_examples=30, deadline=None, database=None)
    settings.register_profile("fuzz", max_examples=5_000, deadline=None, database=None)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
except ImportError:  # pragma: no cover - hypothesis is in the dev extra
    pass
