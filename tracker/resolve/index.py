"""Finding the claims a new content may belong to without comparing it with every claim.

An inverted index from the words of claim signatures (content lemmas, with synonyms folded,
and entity keys) to the members of claims that use them.  Two contents can only be scored as
one claim when they share at least two words (:func:`~tracker.resolve.similarity.claim_similarity`),
so the members found through the index are the only ones worth an exact comparison.  The cost
of a look-up is bounded: a word's list is read only up to its latest :data:`POSTING_CAP`
members (a word used by thousands of contents, "year" or a country, tells little), and at most
:data:`CANDIDATE_LIMIT` members, those sharing the most words, are compared exactly.  Adding a
member costs one append per word, so the index grows with the corpus and can take new
articles at any time.

>>> from tracker.resolve.similarity import ClaimSignature
>>> index = CandidateIndex()
>>> a = ClaimSignature(words=frozenset({"bridge", "close", "dunmere"}))
>>> b = ClaimSignature(words=frozenset({"ferry", "late", "morning"}))
>>> index.add(0, a)
>>> index.add(1, b)
>>> index.candidates(ClaimSignature(words=frozenset({"bridge", "close", "repair"})))
[(0, ClaimSignature(entities=frozenset(), words=frozenset({...}), ...)]
"""

from __future__ import annotations

import heapq
from collections import Counter

from tracker.resolve.similarity import ClaimSignature

__all__ = ["POSTING_CAP", "CANDIDATE_LIMIT", "CandidateIndex"]

#: How many of a word's latest members a look-up reads.
POSTING_CAP = 200
#: How many members, those sharing the most words, a look-up hands over for exact comparison.
CANDIDATE_LIMIT = 40


class CandidateIndex:
    """Claim members by the words of their signatures.

    ``add(key, signature)`` files a member under its claim's key; ``candidates(signature)``
    gives the ``(key, signature)`` of the members that share at least two words with it, in
    the order they were added.
    """

    def __init__(self, cap: int = POSTING_CAP, limit: int = CANDIDATE_LIMIT) -> None:
        self.cap = cap
        self.limit = limit
        self._entries: list[tuple[int, ClaimSignature]] = []
        self._postings: dict[str, list[int]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, key: int, signature: ClaimSignature) -> None:
        entry = len(self._entries)
        self._entries.append((key, signature))
        for word in signature.words:
            self._postings.setdefault(word, []).append(entry)

    def candidates(self, signature: ClaimSignature) -> list[tuple[int, ClaimSignature]]:
        counts: Counter[int] = Counter()
        for word in signature.words:
            posting = self._postings.get(word)
            if posting is not None:
                counts.update(posting[-self.cap :] if len(posting) > self.cap else posting)
        found = [entry for entry, n in counts.items() if n >= 2]
        if len(found) > self.limit:
            # those sharing the most words, the latest of equals
            found = heapq.nlargest(self.limit, found, key=lambda entry: (counts[entry], entry))
        return [self._entries[entry] for entry in sorted(found)]
