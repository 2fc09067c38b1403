"""The static sentence embeddings shipped with the package (synthetic sentences only)."""

from __future__ import annotations

import numpy
import pytest

from tracker.errors import ModelError
from tracker.resolve import embeddings
from tracker.resolve.embeddings import StaticEmbeddings, basic_words, cosine, load_embeddings


@pytest.fixture(scope="module")
def shipped() -> StaticEmbeddings:
    return load_embeddings()


def test_shipped_file_matches_the_vocabulary(shipped: StaticEmbeddings) -> None:
    # the encoder's own word pieces, less its placeholders ([unused0] ...) and markers
    assert len(shipped.vocabulary) == 29525
    assert shipped.vectors.shape == (29525, 128)
    assert shipped.vocabulary[:3] == ["[PAD]", "[UNK]", "!"]
    assert "[CLS]" not in shipped.vocabulary and "[unused0]" not in shipped.vocabulary
    assert load_embeddings() is shipped  # read once per process


def test_ascii_text_is_split_as_any_text_is() -> None:
    # an accented word at the end takes the general path; ASCII alone the quick one
    for code in range(128):
        text = f"Ab{chr(code)}cd 12{chr(code)}{chr(code)}x"
        assert basic_words(text) + ["e"] == basic_words(text + " \u00e9"), repr(chr(code))


def test_basic_words_split_like_the_encoder() -> None:
    words = basic_words("Dr. Ana\u00efs O'Brien-Lutz said: \u201cNo!\u201d")
    assert words == "dr . anais o ' brien - lutz said : \u201c no ! \u201d".split()
    cjk = basic_words("\u5317\u4eac office\tclosed\u200b")
    assert cjk == ["\u5317", "\u4eac", "office", "closed"]
    assert basic_words("  \n ") == []


def test_word_pieces_longest_first(shipped: StaticEmbeddings) -> None:
    assert shipped.tokenize("The harbour closed") == ["the", "harbour", "closed"]
    assert shipped.tokenize("Unaffordable") == ["una", "##ff", "##ord", "##able"]
    # a word with a character outside the vocabulary is unknown as a whole, and left out
    assert shipped.tokenize("port \u2603x closed") == ["port", "closed"]
    assert shipped.tokenize("a" * 101) == []


def test_encode_gives_unit_rows_and_zero_rows_for_empty_text(shipped: StaticEmbeddings) -> None:
    vectors = shipped.encode(["The dam burst on Monday.", "", "\u2603\u2603"])
    assert vectors.shape == (3, 128)
    assert vectors.dtype == numpy.float32
    assert numpy.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert not vectors[1].any() and not vectors[2].any()
    assert shipped.encode([]).shape == (0, 128)
    assert cosine("", "The dam burst") == 0.0


@pytest.mark.parametrize(
    ("claim", "paraphrase", "unrelated"),
    [
        (
            "The port of Velmora was closed to ships",
            "Vessels could not enter the harbour at Velmora",
            "The singer released her new album on Friday",
        ),
        (
            "The mayor resigned after the scandal",
            "The city's leader quit his job over the affair",
            "Heavy rain flooded the football stadium",
        ),
        (
            "Doctors found the vaccine safe for children",
            "Physicians said the shot poses no danger to kids",
            "The bridge toll will rise by two dollars",
        ),
        (
            "The company will cut 500 jobs",
            "The firm plans to lay off hundreds of workers",
            "A rare bird was seen in the national park",
        ),
    ],
)
def test_paraphrase_scores_above_unrelated(claim: str, paraphrase: str, unrelated: str) -> None:
    assert cosine(claim, paraphrase) > cosine(claim, unrelated) + 0.1
    assert cosine(claim, claim) == pytest.approx(1.0, abs=1e-5)


def test_mismatched_vocabulary_and_vectors() -> None:
    with pytest.raises(ValueError, match="2 word pieces but 3 vectors"):
        StaticEmbeddings(["a", "b"], numpy.zeros((3, 4), dtype=numpy.float32))


def test_missing_data_file_says_how_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "DATA_FILE", "no-such-file.npz")
    embeddings.load_embeddings.cache_clear()
    try:
        with pytest.raises(ModelError, match="reinstall the package"):
            embeddings.load_embeddings()
    finally:
        embeddings.load_embeddings.cache_clear()
