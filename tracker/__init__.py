"""tracker: who said what in the news, on whose authority, and who denied it.

The library works without the command line::

    from tracker.ingest import read_articles
    from tracker.pipeline import extract_attributions
    from tracker.graph import build_graph
    from tracker.analysis import contested_claims

    records = extract_attributions(read_articles(["data/"]))
    for claim in contested_claims(build_graph(records)):
        print(claim.claim, claim.asserted_by, claim.denied_by)
"""

from .errors import TrackerError
from .model import Article, Attribution, Span

__version__ = "0.1.0"

__all__ = ["__version__", "Article", "Attribution", "Span", "TrackerError"]
