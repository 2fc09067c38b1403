"""Grouping over a whole corpus without the garbage collector re-reading the corpus.

Claim grouping, joining source names and building the graph run once every article is
extracted, over tens of thousands of records that stay alive until the end.  Python's cyclic
garbage collector walks every object it tracks on each full pass, and a pass comes more often
the more objects are made, so on a large corpus grouping spent a growing share of its time
walking the records it was reading (on 840 PolNeAR articles, a third of claim grouping).
Inside :func:`corpus_in_place`, the objects that existed when it began are left out of those
passes; they take part again when the outermost such block ends, so one step may run inside
another (the graph of records just grouped).

>>> with corpus_in_place():
...     with corpus_in_place():
...         total = sum(range(10))
...     still_frozen = gc.get_freeze_count() > 0
>>> total, still_frozen, gc.get_freeze_count()
(45, True, 0)
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["corpus_in_place"]

_depth = threading.local()


@contextmanager
def corpus_in_place() -> Iterator[None]:
    """Leave the objects alive now out of the garbage collector's passes while the block
    runs (:func:`gc.freeze`); what the block makes is collected as usual.  Nested blocks
    also leave out what the outer one made so far; everything takes part again when the
    outermost block ends."""
    depth = getattr(_depth, "value", 0)
    _depth.value = depth + 1
    gc.freeze()
    try:
        yield
    finally:
        _depth.value = depth
        if depth == 0:
            gc.unfreeze()
