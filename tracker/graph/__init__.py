"""The claim graph: building it from records, and the analyses over it."""

from tracker.graph.analysis import (
    ContestedClaim,
    claim_attributions,
    claims_table,
    contested_claims,
    sources_table,
)
from tracker.graph.build import build_graph

__all__ = [
    "build_graph",
    "ContestedClaim",
    "contested_claims",
    "claims_table",
    "sources_table",
    "claim_attributions",
]
