"""Ingest: read articles from files and folders, and recognise the parts of their text."""

from tracker.ingest.readers import (
    article_from_text,
    iter_articles,
    read_article_file,
    read_articles,
)

__all__ = ["read_articles", "iter_articles", "read_article_file", "article_from_text"]
