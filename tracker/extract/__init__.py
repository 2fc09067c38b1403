"""Extract: from a parsed article to attribution records (source, cue, content, stance)."""

from tracker.extract.extractor import (
    CueScorer,
    ExtractedArticle,
    Extractor,
    SpacyExtractor,
    SpanScorer,
)

__all__ = ["Extractor", "SpacyExtractor", "ExtractedArticle", "CueScorer", "SpanScorer"]
