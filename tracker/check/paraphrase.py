"""How much of a claim a short text names in other words.

A headline names a story's event once, often in words other than the claim's: another
derivation ("castration" for "castrated"), a word close in meaning ("planes" for
"airliners").  For a short text that shares one of the claim's names (or a claim with
none), each of the claim's words it does not use is credited with how close the text
comes to it: 1.0 for a word of the same five-letter stem, else the cosine of the static
word vectors (:mod:`tracker.resolve.embeddings`) of the closest word when it reaches
``threshold``.  Names are credited only when the text uses them (a name's stem begins one
of its words: "Libya" for the claim's "Libyan").

>>> credits = word_credits(
...     frozenset({"airliner", "seize"}), frozenset({"orsk"}),
...     {"airliner": "airliners"}, ["militants", "seized", "planes", "orsk"],
...     {"militant", "seize", "plane", "orsk"}, 0.6,
... )
>>> credits["seize"], round(credits["airliner"], 2) > 0.6
(1.0, True)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from tracker.resolve.embeddings import load_embeddings

__all__ = ["text_words", "shares_a_name", "word_credits", "STEM_LETTERS"]

#: Words that begin with the same this many letters are one word derived ("suspended",
#: "suspension").
STEM_LETTERS = 5
_WORD = re.compile(r"[^\W\d_]{3,}")


def text_words(text: str) -> list[str]:
    """The lower-case words of ``text`` that are not stop words, in order.

    >>> text_words("Orsk Planes Seized at the airport")
    ['orsk', 'planes', 'seized', 'airport']
    """
    words = (w.lower() for w in _WORD.findall(text))
    return [w for w in words if w not in STOP_WORDS]


def shares_a_name(names: Iterable[str], terms: Collection[str], words: Iterable[str]) -> bool:
    """Whether a text of these ``terms`` and ``words`` uses one of a claim's ``names``
    (name terms: "liby" for "Libyan"): a term of it, or a word that begins with it.

    >>> shares_a_name({"liby"}, set(), ["libya", "planes"])
    True
    """
    words = list(words)
    return any(n in terms or any(w.startswith(n) for w in words) for n in names)


def word_credits(
    events: frozenset[str],
    names: frozenset[str],
    claim_words: Mapping[str, str],
    words: Iterable[str],
    terms: Collection[str],
    threshold: float,
) -> dict[str, float]:
    """How far a text of these ``words`` and ``terms`` names each of a claim's terms.

    ``events`` are the claim's terms that are not names, ``names`` the others;
    ``claim_words`` maps a term to the claim's word it comes from, when they differ.
    A term the text uses is 1.0; an event term of the same stem as one of the text's
    terms 1.0; else the closest word's vector cosine when it reaches ``threshold``.
    """
    words = list(dict.fromkeys(words))
    prefixes = {t[:STEM_LETTERS] for t in terms}
    credits = {n: 1.0 for n in names if n in terms or any(w.startswith(n) for w in words)}
    open_terms = []
    for term in events:
        if term in terms or (len(term) >= STEM_LETTERS and term[:STEM_LETTERS] in prefixes):
            credits[term] = 1.0
        else:
            open_terms.append(term)
    if not open_terms or not words:
        return credits
    vectors = load_embeddings().encode([*(claim_words.get(t, t) for t in open_terms), *words])
    closeness = vectors[: len(open_terms)] @ vectors[len(open_terms) :].T
    for term, row in zip(open_terms, closeness, strict=True):
        best = float(row.max())
        if best >= threshold:
            credits[term] = best
    return credits
