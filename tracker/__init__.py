"""tracker: who said what in the news, on whose authority, and who denied it.

The names a library user needs are here; the rest lives in one subpackage per stage of the
flow (``ingest`` → ``extract`` → ``resolve`` → ``graph`` → ``present``, with ``check`` and
``gold`` beside it; docs/ARCHITECTURE.md maps them).  They load on first use, so
``import tracker`` stays quick::

    import tracker

    records = tracker.extract_attributions(tracker.read_articles(["data/"]))
    for claim in tracker.contested_claims(tracker.build_graph(records)):
        print(claim.claim, claim.asserted_by, claim.denied_by)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tracker.errors import TrackerError
from tracker.model import Article, Attribution, Span

if TYPE_CHECKING:
    from tracker.graph.analysis import (
        ContestedClaim,
        claim_attributions,
        claims_table,
        contested_claims,
        sources_table,
    )
    from tracker.graph.build import build_graph
    from tracker.ingest.readers import read_articles
    from tracker.io import read_attributions, read_graph, write_attributions, write_graph
    from tracker.pipeline import build_claim_graph, extract_attributions, load_records
    from tracker.present.explore import write_explorer
    from tracker.present.render import render_graph
    from tracker.store.add import add_articles, rebuild_store
    from tracker.store.corrections import Correction, add_correction
    from tracker.store.db import open_store
    from tracker.store.outlets import outlet_report
    from tracker.store.timeline import claim_timeline

__version__ = "0.1.0"

#: where each name that loads on first use is defined
_LAZY_NAMES = {
    "read_articles": "tracker.ingest.readers",
    "extract_attributions": "tracker.pipeline",
    "load_records": "tracker.pipeline",
    "build_claim_graph": "tracker.pipeline",
    "build_graph": "tracker.graph.build",
    "contested_claims": "tracker.graph.analysis",
    "claims_table": "tracker.graph.analysis",
    "sources_table": "tracker.graph.analysis",
    "claim_attributions": "tracker.graph.analysis",
    "ContestedClaim": "tracker.graph.analysis",
    "render_graph": "tracker.present.render",
    "write_explorer": "tracker.present.explore",
    "add_articles": "tracker.store.add",
    "rebuild_store": "tracker.store.add",
    "open_store": "tracker.store.db",
    "add_correction": "tracker.store.corrections",
    "Correction": "tracker.store.corrections",
    "claim_timeline": "tracker.store.timeline",
    "outlet_report": "tracker.store.outlets",
    "read_attributions": "tracker.io",
    "write_attributions": "tracker.io",
    "read_graph": "tracker.io",
    "write_graph": "tracker.io",
}

__all__ = [
    "__version__",
    "Article",
    "Attribution",
    "Span",
    "TrackerError",
    "read_articles",
    "extract_attributions",
    "load_records",
    "build_claim_graph",
    "build_graph",
    "contested_claims",
    "claims_table",
    "sources_table",
    "claim_attributions",
    "ContestedClaim",
    "render_graph",
    "write_explorer",
    "read_attributions",
    "write_attributions",
    "read_graph",
    "write_graph",
    "add_articles",
    "rebuild_store",
    "open_store",
    "add_correction",
    "Correction",
    "claim_timeline",
    "outlet_report",
]


def __getattr__(name: str) -> Any:
    module = _LAZY_NAMES.get(name)
    if module is None:
        raise AttributeError(f"module 'tracker' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
