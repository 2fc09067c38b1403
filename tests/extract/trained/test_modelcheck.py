"""The checks model files pass before crfsuite or LightGBM reads them."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

pycrfsuite = pytest.importorskip("pycrfsuite")

from tracker.extract.trained.modelcheck import check_crfsuite  # noqa: E402


@pytest.fixture(scope="module")
def crf(tmp_path_factory) -> bytes:
    trainer = pycrfsuite.Trainer(verbose=False)
    for i in range(10):
        trainer.append(
            [{"w": f"w{j % 5}", "p": f"p{(i + j) % 3}"} for j in range(5)],
            [["O", "B", "I"][(i + j) % 3] for j in range(5)],
        )
    path = Path(tmp_path_factory.mktemp("crf")) / "m.crfsuite"
    trainer.train(str(path))
    return path.read_bytes()


def changed(blob: bytes, offset: int, value: int) -> bytes:
    data = bytearray(blob)
    struct.pack_into("<I", data, offset, value)
    return bytes(data)


def attribute_strings(blob: bytes) -> int:
    return struct.unpack_from("<I", blob, 36)[0]  # the header's offset of the attribute strings


def test_a_model_crfsuite_wrote_passes(crf):
    check_crfsuite(crf)


@pytest.mark.parametrize(
    ("where", "value", "problem"),
    [
        (lambda b: 4, lambda b: len(b) + 1, "says it is"),
        (lambda b: 32, lambda b: 2**31, "label strings lie outside the data"),
        # an empty hash table given a count: crfsuite would count strings it cannot find
        (
            lambda b: (
                attribute_strings(b)
                + 24
                + 8
                * next(
                    t
                    for t in range(256)
                    if struct.unpack_from("<I", b, attribute_strings(b) + 24 + 8 * t)[0] == 0
                )
                + 4
            ),
            lambda b: 2**24,
            "attribute strings have a damaged hash table",
        ),
        # a string whose id is past the attributes: crfsuite would index past its tables
        (lambda b: attribute_strings(b) + 24 + 8 * 256, lambda b: 10**6, "id out of range"),
    ],
)
def test_a_crafted_field_is_refused(crf, where, value, problem):
    with pytest.raises(ValueError, match=problem):
        check_crfsuite(changed(crf, where(crf), value(crf)))
