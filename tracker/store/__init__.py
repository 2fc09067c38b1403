"""The story store: articles added as they come, kept in one SQLite file.

``tracker add`` stores articles batch by batch (:func:`add_articles`), each batch in one
transaction; every command that reads a graph also reads a store (:func:`store_graph`).
Corrections made by hand (:mod:`tracker.store.corrections`) are kept in the store and
replayed over every extraction.  The sentences ``tracker check`` reads are kept with each
article (:mod:`tracker.store.sentences`), so :func:`check_store` parses only the claims.  :mod:`tracker.store.timeline`,
:mod:`tracker.store.outlets` and :mod:`tracker.store.claimreview` read a claim graph, so
they work on a store and on a graph file alike.
"""

from tracker.store.add import AddResult, add_articles, rebuild_store
from tracker.store.corrections import Correction, CorrectionProblem, add_correction
from tracker.store.db import open_store, store_counts
from tracker.store.read import read_store_graph, store_graph, store_records
from tracker.store.sentences import add_store_articles, check_store

__all__ = [
    "AddResult",
    "add_articles",
    "rebuild_store",
    "Correction",
    "CorrectionProblem",
    "add_correction",
    "open_store",
    "store_counts",
    "read_store_graph",
    "store_graph",
    "store_records",
    "add_store_articles",
    "check_store",
]
