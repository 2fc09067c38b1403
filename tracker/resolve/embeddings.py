"""Static sentence embeddings that need no PyTorch: one vector per word piece, averaged.

The vectors ship with the package (``tracker/resolve/data/``).  They were distilled from the
sentence encoder all-MiniLM-L6-v2 (Apache-2.0; see ``data/NOTICE``): every word piece of the
encoder's vocabulary was run through it alone, its output vector kept, reduced by PCA to 128
dimensions and weighted down for frequent pieces (``scripts/distill_embeddings.py`` makes
the file again).  A sentence's vector is the mean of its pieces' vectors, scaled to unit
length, so two sentences' cosine is a dot product.  It is far cruder than the encoder itself
(it reads no word order), but catches words that mean the same thing: "harbour" and "port",
"shut" and "closed".

Text is cut into pieces the way the encoder's own tokenizer does it (lower case, accents
dropped, punctuation split off, then the longest pieces of the vocabulary from the left).
Nothing is read until the first sentence is embedded, and then only once per process.

>>> embeddings = load_embeddings()
>>> embeddings.tokenize("Unaffordable housing!")
['una', '##ff', '##ord', '##able', 'housing', '!']
>>> embeddings.encode(["The harbour was closed.", ""]).shape
(2, 128)
>>> port = cosine("The port was closed to ships", "Ships could not enter the harbour")
>>> port > cosine("The port was closed to ships", "The singer released a new album")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING

import numpy

from tracker.errors import ModelError

if TYPE_CHECKING:
    from numpy.typing import NDArray

__all__ = [
    "DATA_FILE",
    "VOCAB_FILE",
    "MAX_WORD_CHARS",
    "basic_words",
    "StaticEmbeddings",
    "load_embeddings",
    "cosine",
    "is_common_word",
]

#: The vectors (``vectors``: int8 rows, ``scales``: each row's scale), in the package's data.
DATA_FILE = "minilm_static.npz"
#: The word pieces, one a line, in the order of the vectors' rows.
VOCAB_FILE = "minilm_vocab.txt"
#: A word longer than this is one unknown piece (as the encoder's tokenizer has it).
MAX_WORD_CHARS = 100

_UNKNOWN = "[UNK]"
_CONTINUATION = "##"


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True  # ASCII symbols count as punctuation too ("$", "+", "^")
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x2A6DF
        or 0x2A700 <= code <= 0x2CEAF
        or 0xF900 <= code <= 0xFAFF
        or 0x2F800 <= code <= 0x2FA1F
    )


# ASCII text has no accents, CJK or format characters: its control characters that are not
# spaces are dropped, its symbols are pieces of their own
_ASCII_DROP = {code: None for code in [*range(0, 9), *range(14, 28), 127]}
_ASCII_PIECES = re.compile(r"[!-/:-@\[-`{-~]|[^!-/:-@\[-`{-~]+")


def basic_words(text: str) -> list[str]:
    """Lower-cased words without accents, punctuation split off, CJK characters alone.

    >>> basic_words("Café-owners' \\"NO\\" vote")
    ['cafe', '-', 'owners', "'", '"', 'no', '"', 'vote']
    """
    if text.isascii():
        return [
            piece
            for word in text.translate(_ASCII_DROP).lower().split()
            for piece in _ASCII_PIECES.findall(word)
        ]
    chars = []
    for char in text:
        code = ord(char)
        if code == 0 or code == 0xFFFD:
            continue
        category = unicodedata.category(char)
        if char.isspace():
            chars.append(" ")
        elif category in ("Cc", "Cf"):
            continue
        elif _is_cjk(code):
            chars.append(f" {char} ")
        else:
            chars.append(char)
    words = []
    for word in "".join(chars).lower().split():
        word = "".join(
            c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn"
        )
        current: list[str] = []
        for char in word:
            if _is_punctuation(char):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(char)
            else:
                current.append(char)
        if current:
            words.append("".join(current))
    return words


class StaticEmbeddings:
    """Word-piece vectors and the vocabulary that cuts text into pieces.

    ``vectors`` has one row per piece of ``vocabulary`` (in that order).  :meth:`encode`
    gives unit-length sentence vectors, so it can stand in wherever a
    :class:`~tracker.resolve.semantic.SentenceEncoder` is taken.
    """

    def __init__(self, vocabulary: Sequence[str], vectors: NDArray[numpy.float32]) -> None:
        if len(vocabulary) != vectors.shape[0]:
            raise ValueError(
                f"{len(vocabulary)} word pieces but {vectors.shape[0]} vectors: "
                "the vocabulary and the vectors come from different files"
            )
        self.vocabulary = list(vocabulary)
        self.vectors = vectors
        self.dim = int(vectors.shape[1])
        self._ids = {piece: n for n, piece in enumerate(self.vocabulary)}
        self._pieces: dict[str, tuple[int, ...]] = {}

    def _word_ids(self, word: str) -> tuple[int, ...]:
        """The pieces of one word, longest first from the left (empty: unknown)."""
        found = self._pieces.get(word)
        if found is not None:
            return found
        ids: list[int] = []
        if len(word) <= MAX_WORD_CHARS:
            start = 0
            while start < len(word):
                end = len(word)
                piece_id = None
                while end > start:
                    piece = word[start:end] if start == 0 else _CONTINUATION + word[start:end]
                    piece_id = self._ids.get(piece)
                    if piece_id is not None:
                        break
                    end -= 1
                if piece_id is None:
                    ids = []  # one piece cannot be matched: the whole word is unknown
                    break
                ids.append(piece_id)
                start = end
        found = self._pieces[word] = tuple(ids)
        return found

    def token_ids(self, text: str) -> list[int]:
        """Ids of the pieces of ``text``; unknown words are left out."""
        return [n for word in basic_words(text) for n in self._word_ids(word)]

    def tokenize(self, text: str) -> list[str]:
        """The pieces of ``text`` (unknown words left out)."""
        return [self.vocabulary[n] for n in self.token_ids(text)]

    def encode(self, texts: Sequence[str]) -> NDArray[numpy.float32]:
        """Unit-length vectors of ``texts``, one row each (all zeros for a text with no
        known piece)."""
        out = numpy.zeros((len(texts), self.dim), dtype=numpy.float32)
        for row, text in enumerate(texts):
            ids = self.token_ids(text)
            if not ids:
                continue
            mean = self.vectors[ids].mean(axis=0)
            norm = float(numpy.linalg.norm(mean))
            if norm > 0.0:
                out[row] = mean / norm
        return out

    def similarity(self, a: str, b: str) -> float:
        """Cosine of the two texts' vectors (0.0 when either has no known piece)."""
        vectors = self.encode([a, b])
        return float(vectors[0] @ vectors[1])


@functools.cache
def load_embeddings() -> StaticEmbeddings:
    """The vectors shipped with the package, read once per process.

    Raises :class:`tracker.errors.ModelError` when the package's data files are missing or
    damaged (reinstalling the package restores them).
    """
    data = resources.files("tracker.resolve") / "data"
    try:
        with (data / DATA_FILE).open("rb") as handle, numpy.load(handle) as stored:
            pieces = stored["vectors"].astype(numpy.float32)
            scales = stored["scales"].astype(numpy.float32)
        vocabulary = (data / VOCAB_FILE).read_text(encoding="utf-8").split("\n")
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(
            f"the sentence vectors shipped with tracker cannot be read ({exc}); "
            "reinstall the package: pip install --force-reinstall tracker"
        ) from None
    if vocabulary and vocabulary[-1] == "":
        vocabulary.pop()
    vectors = pieces * scales[:, None]
    try:
        return StaticEmbeddings(vocabulary, vectors)
    except ValueError as exc:
        raise ModelError(f"{exc}; reinstall the package") from None


def cosine(a: str, b: str) -> float:
    """Cosine of two texts' static embeddings, from -1 to 1 (0.0 when either is empty).

    >>> cosine("", "anything")
    0.0
    """
    return load_embeddings().similarity(a, b)


def is_common_word(word: str) -> bool:
    """Whether ``word`` (any case) is whole in the encoder's vocabulary of common English
    words and names, unlike a rare name ("Politifact", "Brenvik").

    >>> is_common_word("Infection"), is_common_word("Brenvik")
    (True, False)
    """
    return word.lower() in _vocabulary()


@functools.cache
def _vocabulary() -> frozenset[str]:
    """The encoder's word pieces, read once per process without the vectors (extraction asks
    only whether a word is one)."""
    data = resources.files("tracker.resolve") / "data"
    try:
        return frozenset((data / VOCAB_FILE).read_text(encoding="utf-8").split("\n")) - {""}
    except OSError as exc:
        raise ModelError(
            f"the word list shipped with tracker cannot be read ({exc}); "
            "reinstall the package: pip install --force-reinstall tracker"
        ) from None
