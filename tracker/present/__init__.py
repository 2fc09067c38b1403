"""Present: tables and pictures of the claim graph."""

from tracker.present.render import render_graph

__all__ = ["render_graph"]
