"""Resolve: who a source is across articles, and which contents state the same claim."""

from tracker.resolve.claims import ClaimRegistry, assign_claims
from tracker.resolve.similarity import claim_similarity
from tracker.resolve.sources import SourceResolver, describe_source

__all__ = [
    "SourceResolver",
    "describe_source",
    "ClaimRegistry",
    "assign_claims",
    "claim_similarity",
]
