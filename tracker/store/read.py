"""Reading a story store back as records and as the claim graph every command reads.

The graph of a store is the graph ``tracker build`` would write for its records: the
current revision of every article, with the corrections applied; sources also carry the
aliases corrections gave them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import networkx as nx

from tracker.graph.build import build_graph, source_node
from tracker.resolve.aliases import unify_sources
from tracker.store.corrections import correction_aliases, load_corrections
from tracker.store.db import CURRENT_RECORDS, open_store
from tracker.store.records import RECORD_SELECT, rows_attributions

__all__ = ["store_records", "store_graph", "read_store_graph"]


def store_records(conn: sqlite3.Connection) -> list:
    """The current records (corrections applied, dropped ones left out), in the order
    their articles were added."""
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: the columns are looked up by position
    rows = cursor.execute(
        f"SELECT {RECORD_SELECT} FROM ({CURRENT_RECORDS}) a JOIN articles r ON r.id = a.article "
        "ORDER BY r.batch_id, r.position, a.id"
    )
    return list(rows_attributions(rows))


def store_graph(conn: sqlite3.Connection) -> nx.MultiDiGraph:
    """The claim graph of the store's current records, with one id for each source across
    the whole store (a batch only knows the names of its own articles)."""
    graph = build_graph(unify_sources(store_records(conn)))
    for source_id, aliases in correction_aliases(load_corrections(conn)).items():
        node = source_node(source_id)
        if node in graph:
            graph.nodes[node]["aliases"] = sorted(set(graph.nodes[node]["aliases"]) | aliases)
    articles = [row[0] for row in conn.execute("SELECT article_id FROM articles WHERE current = 1")]
    if articles:
        graph.graph["articles"] = sorted(articles)
    return graph


def read_store_graph(path: str | Path) -> nx.MultiDiGraph:
    """The claim graph of the store at ``path``."""
    conn = open_store(path)
    try:
        return store_graph(conn)
    finally:
        conn.close()
