"""One exception tree for the whole library.

Every error the library raises on purpose is a :class:`TrackerError`; the CLI turns
each into a single ``Error: ...`` line.  Messages name the file and say how to fix it.
"""

from __future__ import annotations

__all__ = [
    "TrackerError",
    "InputError",
    "NoArticlesError",
    "RecordError",
    "GraphError",
    "ModelError",
    "EvaluationError",
    "TrainedModelError",
    "StoreError",
    "CorrectionError",
]


class TrackerError(Exception):
    """Base class for every error raised by tracker."""

    #: The record of a file holding several ("line 3") when only that record is bad.
    record: str | None = None


class InputError(TrackerError):
    """An input file cannot be read as an article (empty, binary, bad encoding, bad JSON...).

    ``record`` names the record of a file that holds several ("line 3", "article 2") when
    only that record is bad; the rest of the file can still be read.
    """

    def __init__(self, path: object, problem: str, *, record: str | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        if record is not None:
            self.record = record
        super().__init__(f"{self.path}: {problem}")


class NoArticlesError(TrackerError):
    """A run found no article it could read."""


class RecordError(TrackerError):
    """An attribution record (JSONL) is malformed or misses a required field."""


class GraphError(TrackerError):
    """A graph file cannot be read or lacks what a command needs."""


class ModelError(TrackerError):
    """A language model (the spaCy pipeline, the sentence encoder) cannot be loaded."""


class EvaluationError(TrackerError):
    """Gold annotations cannot be read or scored."""


class TrainedModelError(TrackerError):
    """A model trained on the user's own annotations cannot be trained, saved or loaded."""


class StoreError(TrackerError):
    """A story store cannot be opened, read or written (not a store, newer schema, locked)."""


class CorrectionError(StoreError):
    """A correction is malformed or its target is not in the store."""
