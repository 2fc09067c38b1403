"""FNC-1 (Fake News Challenge, stage 1) data: loading, splits by headline and by story, and
scoring.

FNC-1 pairs a headline (the claim) with an article body and labels the body's stance
toward the headline: ``agree``, ``disagree``, ``discuss`` or ``unrelated``.  tracker's
verdicts map onto those labels one to one (:data:`LABEL_OF_VERDICT`).

The data has no stated licence: read it from where it lies, never copy it into a project.

>>> score_fnc(["agree", "unrelated"], ["discuss", "unrelated"])
0.5
>>> split_of("Man bitten by shark") in ("tune", "held-out")
True
>>> story_part_of("1042") in ("tune", "held-out")
True
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import EvaluationError

__all__ = [
    "FNC_LABELS",
    "LABEL_OF_VERDICT",
    "HELD_OUT_SHARE",
    "FncPair",
    "FncData",
    "ClassScores",
    "class_scores",
    "FncReport",
    "load_fnc",
    "SPLITS",
    "split_of",
    "headline_hash",
    "story_part_of",
    "story_keys",
    "score_fnc",
    "fnc_report",
]

#: FNC-1 stance labels, in the order reports list them.
FNC_LABELS = ("agree", "disagree", "discuss", "unrelated")
#: tracker verdict -> FNC-1 label.
LABEL_OF_VERDICT = {
    "supports": "agree",
    "denies": "disagree",
    "reports": "discuss",
    "unrelated": "unrelated",
}
#: Share of headlines held out from tuning (by a hash of the headline, so stable).
HELD_OUT_SHARE = 0.2
#: How :meth:`FncData.split` can split the pairs.
SPLITS = ("headline", "story")

_RELATED = frozenset(("agree", "disagree", "discuss"))


@dataclass(frozen=True)
class FncPair:
    """One labelled (headline, body) pair."""

    headline: str
    body_id: str
    stance: str


@dataclass(frozen=True)
class FncData:
    """Bodies by id and the labelled pairs."""

    bodies: dict[str, str]
    pairs: tuple[FncPair, ...]

    def split(self, part: str, by: str = "headline") -> tuple[FncPair, ...]:
        """The pairs of ``part`` (``"tune"``, ``"held-out"`` or ``"all"``), split ``by``
        headline (:func:`split_of`) or by story (:func:`story_keys`, :func:`story_part_of`).

        By story, a pair belongs to its headline's story, and the tune part also leaves out
        the pairs whose body belongs to a held-out story, so that no text of a held-out
        story is read while tuning.
        """
        if by not in SPLITS:
            raise EvaluationError(f"unknown split {by!r}: use 'headline' or 'story'")
        if part == "all":
            return self.pairs
        if part not in ("tune", "held-out"):
            raise EvaluationError(f"unknown split {part!r}: use 'tune', 'held-out' or 'all'")
        if by == "headline":
            return tuple(p for p in self.pairs if split_of(p.headline) == part)
        of_headline, of_body = story_keys(self.pairs)
        held_out = [story_part_of(of_headline[p.headline]) == "held-out" for p in self.pairs]
        if part == "held-out":
            return tuple(p for p, out in zip(self.pairs, held_out, strict=True) if out)
        return tuple(
            p
            for p, out in zip(self.pairs, held_out, strict=True)
            if not out and story_part_of(of_body.get(p.body_id, "")) != "held-out"
        )


def headline_hash(headline: str) -> str:
    """How files of the project name an FNC-1 headline without its text: the SHA-1 of the
    stripped UTF-8 text, in hexadecimal.

    >>> headline_hash(" Man bitten by shark ") == headline_hash("Man bitten by shark")
    True
    """
    return hashlib.sha1(headline.strip().encode("utf-8")).hexdigest()


def split_of(headline: str) -> str:
    """``"held-out"`` for about :data:`HELD_OUT_SHARE` of headlines, else ``"tune"``.

    Decided by a hash of the headline, so every pair with one headline falls on one side
    and the split is the same on every machine.
    """
    digest = hashlib.sha1(headline.strip().encode("utf-8")).digest()
    fraction = int.from_bytes(digest[:4], "big") / 2**32
    return "held-out" if fraction < HELD_OUT_SHARE else "tune"


def story_keys(pairs: Sequence[FncPair]) -> tuple[dict[str, str], dict[str, str]]:
    """The story of each headline and of each body that a related pair names, as a key.

    A story is a connected group of headlines and bodies that related pairs join
    (:func:`tracker.check.verdict.words.stories`); its key is its smallest body id (in numeric
    order), so it does not depend on the order of the pairs.  A headline whose pairs are
    all unrelated is a story of its own, keyed ``"headline:"`` and the SHA-1 of its text.
    Returns (key by headline, key by body).

    >>> pairs = [FncPair("h1", "7", "agree"), FncPair("h2", "7", "discuss"),
    ...          FncPair("h2", "12", "disagree"), FncPair("h3", "12", "unrelated")]
    >>> heads, bodies = story_keys(pairs)
    >>> heads["h1"], heads["h2"], bodies["12"], heads["h3"][:9]
    ('7', '7', '7', 'headline:')
    """
    from tracker.check.verdict.words import stories

    related = [p.stance != "unrelated" for p in pairs]
    numbers = stories([p.headline for p in pairs], [p.body_id for p in pairs], related)
    bodies_of: dict[int, list[str]] = {}
    for pair, number, is_related in zip(pairs, numbers, related, strict=True):
        bodies_of.setdefault(number, [])
        if is_related:
            bodies_of[number].append(pair.body_id)

    def key(number: int, headline: str) -> str:
        bodies = bodies_of[number]
        if not bodies:
            return "headline:" + headline_hash(headline)
        return min(bodies, key=lambda b: (int(b), b) if b.isdigit() else (2**63, b))

    of_headline = {p.headline: key(n, p.headline) for p, n in zip(pairs, numbers, strict=True)}
    of_body = {
        p.body_id: of_headline[p.headline]
        for p, is_related in zip(pairs, related, strict=True)
        if is_related
    }
    return of_headline, of_body


def story_part_of(key: str) -> str:
    """``"held-out"`` for about :data:`HELD_OUT_SHARE` of stories, else ``"tune"``, by a
    hash of the story's key (:func:`story_keys`); ``""`` (no story) is ``"tune"``."""
    if not key:
        return "tune"
    digest = hashlib.sha1(("story:" + key).encode("utf-8")).digest()
    fraction = int.from_bytes(digest[:4], "big") / 2**32
    return "held-out" if fraction < HELD_OUT_SHARE else "tune"


def _rows(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise EvaluationError(
            f"{path}: not found; point to the folder holding FNC-1's train_bodies.csv "
            "and train_stances.csv"
        )
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise EvaluationError(f"{path}: lacks the column(s) {', '.join(missing)}")
        for row in reader:
            yield reader.line_num, row


def load_fnc(folder: str | Path) -> FncData:
    """Read ``train_bodies.csv`` and ``train_stances.csv`` from ``folder``."""
    folder = Path(folder)
    bodies = {
        row["Body ID"].strip(): row["articleBody"]
        for _, row in _rows(folder / "train_bodies.csv", ("Body ID", "articleBody"))
    }
    pairs = []
    stances_path = folder / "train_stances.csv"
    for line, row in _rows(stances_path, ("Headline", "Body ID", "Stance")):
        body_id, stance = row["Body ID"].strip(), row["Stance"].strip()
        if stance not in FNC_LABELS:
            raise EvaluationError(f"{stances_path}, line {line}: unknown stance {stance!r}")
        if body_id not in bodies:
            raise EvaluationError(f"{stances_path}, line {line}: no body with id {body_id!r}")
        pairs.append(FncPair(row["Headline"], body_id, stance))
    return FncData(bodies, tuple(pairs))


def score_fnc(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The official FNC-1 score: +0.25 for each right related/unrelated decision, +0.75
    more for the exact label of a related pair."""
    if len(gold) != len(predicted):
        raise EvaluationError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    score = 0.0
    for g, p in zip(gold, predicted, strict=True):
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.50
        if g in _RELATED and p in _RELATED:
            score += 0.25
    return score


@dataclass(frozen=True)
class ClassScores:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class FncReport:
    """Per-class scores, macro-F1, the FNC score and the confusion matrix."""

    classes: tuple[ClassScores, ...]
    macro_f1: float
    score: float
    max_score: float
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count
    pairs: int

    @property
    def relative_score(self) -> float:
        return self.score / self.max_score if self.max_score else 0.0

    def to_dict(self) -> dict:
        return {
            "pairs": self.pairs,
            "classes": {
                c.label: {
                    "precision": c.precision,
                    "recall": c.recall,
                    "f1": c.f1,
                    "support": c.support,
                }
                for c in self.classes
            },
            "macro_f1": self.macro_f1,
            "fnc_score": self.score,
            "fnc_max_score": self.max_score,
            "fnc_relative_score": self.relative_score,
            "confusion": self.confusion,
        }

    def to_text(self) -> str:
        lines = [f"{'label':<10} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}"]
        for c in self.classes:
            lines.append(
                f"{c.label:<10} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.support:8d}"
            )
        lines.append(f"macro-F1 {self.macro_f1:.3f}")
        lines.append(
            f"FNC score {self.score:.2f} of {self.max_score:.2f} ({100 * self.relative_score:.1f}%)"
        )
        lines.append("confusion (rows gold, columns predicted):")
        lines.append(f"{'':<10}" + "".join(f"{p:>10}" for p in FNC_LABELS))
        for g in FNC_LABELS:
            lines.append(f"{g:<10}" + "".join(f"{self.confusion[g][p]:>10d}" for p in FNC_LABELS))
        return "\n".join(lines)


def class_scores(
    confusion: Mapping[str, Mapping[str, int]], labels: Sequence[str]
) -> list[ClassScores]:
    """Precision, recall, F1 and support of each label, from a confusion table
    (``confusion[gold][predicted]`` counts).

    >>> [round(c.f1, 2) for c in class_scores({"a": {"a": 2, "b": 1}, "b": {"b": 1}}, "ab")]
    [0.8, 0.67]
    """
    classes = []
    for label in labels:
        tp = confusion.get(label, {}).get(label, 0)
        predicted_n = sum(row.get(label, 0) for row in confusion.values())
        gold_n = sum(confusion.get(label, {}).values())
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        classes.append(ClassScores(label, precision, recall, f1, gold_n))
    return classes


def fnc_report(gold: Sequence[str], predicted: Sequence[str]) -> FncReport:
    """Score predicted FNC labels against gold ones."""
    score = score_fnc(gold, predicted)
    confusion = {g: dict.fromkeys(FNC_LABELS, 0) for g in FNC_LABELS}
    for g, p in zip(gold, predicted, strict=True):
        if g not in confusion or p not in confusion[g]:
            raise EvaluationError(f"label {g if g not in confusion else p!r} is not an FNC-1 label")
        confusion[g][p] += 1
    classes = class_scores(confusion, FNC_LABELS)
    macro = sum(c.f1 for c in classes) / len(classes)
    max_score = score_fnc(gold, gold)
    return FncReport(tuple(classes), macro, score, max_score, confusion, len(gold))
