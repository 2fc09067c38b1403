"""The claim graph: building it from records, and the analyses over it."""

from tracker.graph.build import build_graph
from tracker.graph.analysis import (
    ContestedClaim,
    contested_claims,
    claims_table,
    sources_table,
    claim_attributions,
)

__all__ = [
    "build_graph",
    "ContestedClaim",
    "contested_claims",
    "claims_table",
    "sources_table",
    "claim_attributions",
]
