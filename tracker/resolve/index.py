"""Finding the claims a new content may belong to without comparing it with every claim.

An inverted index from the words of claim signatures (content lemmas, with synonyms folded,
and entity keys) to the members of claims that use them.  Two contents can only be scored as
one claim when they share at least two words (:func:`~tracker.resolve.similarity.claim_similarity`),
so the members found through the index are the only ones worth an exact comparison.  The cost
of a look-up is bounded: a word's list is read only up to its latest :data:`POSTING_CAP`
members (a word used by thousands of contents, "year" or a country, tells little), and at most
:data:`CANDIDATE_LIMIT` members, those sharing the most words, are compared exactly.  Adding a
member costs one append per word, so the index grows with the corpus and can take new
articles at any time.  A word's members are kept in a numpy array, so a look-up that reads
hundreds of them counts them in one sort rather than one Python step each (the candidates
are the same either way).

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

import numpy as np
import numpy.typing as npt

from tracker.resolve.similarity import ClaimSignature

__all__ = ["POSTING_CAP", "CANDIDATE_LIMIT", "CandidateIndex"]

#: How many of a word's latest members a look-up reads.
POSTING_CAP = 200
#: How many members, those sharing the most words, a look-up hands over for exact comparison.
CANDIDATE_LIMIT = 40
#: Below this many members read, a look-up counts them in Python (quicker for a few).
_FEW = 300


class _Posting:
    """A word's members, in the order they were added, in a numpy array that doubles
    when full."""

    __slots__ = ("members", "size")

    def __init__(self) -> None:
        self.members: npt.NDArray[np.int64] = np.empty(4, dtype=np.int64)
        self.size = 0

    def append(self, entry: int) -> None:
        if self.size == len(self.members):
            grown = np.empty(2 * self.size, dtype=np.int64)
            grown[: self.size] = self.members
            self.members = grown
        self.members[self.size] = entry
        self.size += 1

    def latest(self, cap: int) -> npt.NDArray[np.int64]:
        """The latest ``cap`` members (a view)."""
        return self.members[max(0, self.size - cap) : self.size]


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
        self._postings: dict[str, _Posting] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, key: int, signature: ClaimSignature) -> None:
        entry = len(self._entries)
        self._entries.append((key, signature))
        postings = self._postings
        for word in signature.words:
            posting = postings.get(word)
            if posting is None:
                posting = postings[word] = _Posting()
            posting.append(entry)

    def candidates(self, signature: ClaimSignature) -> list[tuple[int, ClaimSignature]]:
        windows = []
        total = 0
        for word in signature.words:
            posting = self._postings.get(word)
            if posting is not None:
                windows.append(posting.latest(self.cap))
                total += len(windows[-1])
        if len(windows) < 2:
            return []
        found = self._few(windows) if total < _FEW else self._many(windows)
        return [self._entries[entry] for entry in found]

    def _few(self, windows: list[npt.NDArray[np.int64]]) -> list[int]:
        counts: Counter[int] = Counter()
        for window in windows:
            counts.update(window.tolist())
        found = [entry for entry, n in counts.items() if n >= 2]
        if len(found) > self.limit:
            # those sharing the most words, the latest of equals
            found = heapq.nlargest(self.limit, found, key=lambda entry: (counts[entry], entry))
        return sorted(found)

    def _many(self, windows: list[npt.NDArray[np.int64]]) -> list[int]:
        """What :meth:`_few` gives, counted by sorting (a window holds a member once, so a
        member read under n words is n equal neighbours)."""
        read = np.concatenate(windows)
        read.sort()
        if not (read[1:] == read[:-1]).any():
            return []
        members, counts = np.unique(read, return_counts=True)
        shared = counts >= 2
        members, counts = members[shared], counts[shared]
        if len(members) > self.limit:
            # those sharing the most words, the latest of equals
            members = np.sort(members[np.lexsort((members, counts))[-self.limit :]])
        found: list[int] = members.tolist()
        return found
