"""Extract: from a parsed article to attribution records (source, cue, content, stance)."""

from tracker.extract.extractor import (
    Extractor,
    SpacyExtractor,
    ExtractedArticle,
    CueScorer,
    SpanScorer,
)

__all__ = ["Extractor", "SpacyExtractor", "ExtractedArticle", "CueScorer", "SpanScorer"]
