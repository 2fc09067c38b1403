"""Read gold attributions from brat standoff files in the PolNeAR folder layout.

A gold folder holds ``text/<article>.txt`` beside ``attributions/<article>_<annotator>.ann``.
:func:`load_gold_corpus` reads it into :class:`GoldArticle` records (the first annotator's;
:func:`load_annotator_readings` reads every annotator's), each holding the
:class:`GoldAttribution` relations (one per ``E`` line) whose roles are :class:`GoldSpan`
records.  Offsets are code-point offsets into the text file as read, ``\\r`` included.
Scoring against these records is :mod:`tracker.gold.evaluate`'s job.

>>> text = "Ada Quill said, on Monday, the bridge is safe."
>>> span = GoldSpan.from_text(text, [(27, 45), (0, 9)])
>>> span.fragments, span.text, span.discontinuous
(((0, 9), (27, 45)), 'Ada Quill the bridge is safe', True)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.errors import EvaluationError

__all__ = [
    "Fragments",
    "GoldSpan",
    "GoldAttribution",
    "GoldArticle",
    "load_gold_corpus",
    "load_annotator_readings",
]


#: Labels a PolNeAR text-bound (``T``) line may carry.
_LABELS = ("Source", "Cue", "Content", "Attribution", "Attribution-no-source", "Discuss", "Discard")
_ANCHORS = ("Attribution", "Attribution-no-source")
#: brat line kinds that carry nothing an attribution score needs (notes, attributes, ...).
_IGNORED_KINDS = ("#", "A", "M", "N", "R")
_FRAGMENT = re.compile(r"(\d+) (\d+)")
_ROLE_ARG = re.compile(r"(Source|Cue|Content)(\d*):(T\d+)")

#: A span's ``(start, end)`` fragments, in text order.
Fragments = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldSpan:
    """A gold span: one or more ``(start, end)`` fragments in text order.

    ``text`` joins the fragments' texts with a space, as brat writes a discontinuous span.
    """

    fragments: Fragments
    text: str

    @property
    def start(self) -> int:
        """Where the first fragment starts."""
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        """Where the last fragment ends."""
        return self.fragments[-1][1]

    @property
    def discontinuous(self) -> bool:
        return len(self.fragments) > 1

    @classmethod
    def from_text(cls, text: str, fragments: Iterable[tuple[int, int]]) -> GoldSpan:
        """The span over ``fragments`` of ``text``, sorted, overlapping fragments merged."""
        merged: list[list[int]] = []
        for start, end in sorted(fragments):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        frags = tuple((s, e) for s, e in merged)
        return cls(frags, " ".join(text[s:e] for s, e in frags))

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "fragments": [list(f) for f in self.fragments],
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoldSpan:
        return cls(tuple((int(s), int(e)) for s, e in data["fragments"]), str(data["text"]))


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution relation (one ``E`` line)."""

    source: GoldSpan | None
    cue: GoldSpan
    content: GoldSpan | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict() if self.content else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GoldAttribution:
        source, content = data.get("source"), data.get("content")
        return cls(
            GoldSpan.from_dict(source) if source else None,
            GoldSpan.from_dict(data["cue"]),
            GoldSpan.from_dict(content) if content else None,
        )


@dataclass(frozen=True)
class GoldArticle:
    """An article's text and its gold attributions.

    ``path`` is the text file; ``annotation_path`` the ``.ann`` file the attributions came from.
    """

    id: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    path: str
    annotation_path: str = ""


# -- reading brat standoff -------------------------------------------------------------


def load_gold_corpus(
    gold_dir: str | os.PathLike[str], *, limit: int | None = None
) -> list[GoldArticle]:
    """Read every article of a PolNeAR-style folder, in sorted id order.

    An article's attributions come from the first of its ``<article>_<annotator>.ann``
    files in sorted name order.  ``limit`` keeps only the first ``limit`` articles.
    Raises :class:`~tracker.errors.EvaluationError` naming the file (and line) at fault.
    """
    if limit is not None and limit < 1:
        raise EvaluationError(f"limit must be 1 or more, got {limit}")
    text_dir, ann_dir, annotations = _annotation_files(Path(gold_dir))
    chosen = sorted(annotations)[:limit]
    return [
        _read_article(
            article_id, text_dir / f"{article_id}.txt", ann_dir / annotations[article_id][0]
        )
        for article_id in chosen
    ]


def load_annotator_readings(gold_dir: str | os.PathLike[str]) -> list[tuple[GoldArticle, ...]]:
    """Every annotator's reading of every article, in sorted id order.

    One :class:`GoldArticle` per ``<article>_<annotator>.ann`` file of an article, in sorted
    name order (so the first is the one :func:`load_gold_corpus` reads).
    Raises :class:`~tracker.errors.EvaluationError` as :func:`load_gold_corpus` does.
    """
    text_dir, ann_dir, annotations = _annotation_files(Path(gold_dir))
    return [
        tuple(
            _read_article(article_id, text_dir / f"{article_id}.txt", ann_dir / name)
            for name in names
        )
        for article_id, names in sorted(annotations.items())
    ]


def _annotation_files(root: Path) -> tuple[Path, Path, dict[str, list[str]]]:
    """The text and annotation folders, and each article's ``.ann`` file names, sorted."""
    text_dir, ann_dir = root / "text", root / "attributions"
    if not root.is_dir():
        raise EvaluationError(
            f"{root}: no such folder; give the folder that holds text/ and attributions/"
        )
    for sub in (text_dir, ann_dir):
        if not sub.is_dir():
            raise EvaluationError(
                f"{root}: no {sub.name}/ folder; a gold folder holds text/<article>.txt "
                "and attributions/<article>_<annotator>.ann"
            )
    annotations: dict[str, list[str]] = {}
    for name in sorted(os.listdir(ann_dir)):
        if not name.endswith(".ann"):
            continue
        article_id, sep, _annotator = name[:-4].rpartition("_")
        if not sep or not article_id:
            raise EvaluationError(
                f"{ann_dir / name}: name is not <article>_<annotator>.ann; rename it"
            )
        annotations.setdefault(article_id, []).append(name)
    texts = sorted(name[:-4] for name in os.listdir(text_dir) if name.endswith(".txt"))
    orphans = sorted(set(annotations) - set(texts))
    if orphans:
        raise EvaluationError(
            f"{ann_dir / annotations[orphans[0]][0]}: no text file "
            f"{text_dir / (orphans[0] + '.txt')}; "
            "add the article's text or remove the annotation file"
        )
    for article_id in texts:
        if article_id not in annotations:
            raise EvaluationError(
                f"{text_dir / (article_id + '.txt')}: no annotation file "
                f"{ann_dir / (article_id + '_<annotator>.ann')}; add one (it may be empty)"
            )
    if not texts:
        raise EvaluationError(f"{text_dir}: no .txt articles found")
    return text_dir, ann_dir, annotations


def _read_utf8(path: Path) -> str:
    try:
        # newline="" keeps "\r" so offsets count every code point in the file.
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        raise EvaluationError(
            f"{path}: not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8"
        ) from exc
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read ({exc.strerror})") from exc


def _read_article(article_id: str, text_path: Path, ann_path: Path) -> GoldArticle:
    text = _read_utf8(text_path)
    lines = _read_utf8(ann_path).replace("\r\n", "\n").split("\n")
    spans: dict[str, tuple[str, GoldSpan]] = {}
    events: list[tuple[int, str, list[tuple[str, str]]]] = []
    index = 0
    while index < len(lines):
        line, lineno = lines[index], index + 1
        index += 1
        where = f"{ann_path}:{lineno}"
        if line.startswith("T"):
            tid, label, fragments = _parse_t_line(line, text, where, text_path)
            if tid in spans:
                raise EvaluationError(
                    f"{where}: {tid} is defined twice; give each T line its own id"
                )
            # brat writes the fragments' text in the order the offsets are given, as is: a
            # span across a line break goes on over the next lines of the .ann file.
            expected = " ".join(text[s:e] for s, e in fragments)
            extra = expected.count("\n")
            surface = "\n".join([line.split("\t", 2)[2], *lines[index : index + extra]])
            index += extra
            if surface.replace("\r", "") != expected.replace("\r", ""):
                offsets = ";".join(f"{s}-{e}" for s, e in fragments)
                raise EvaluationError(
                    f"{where}: {tid} reads {_clip(surface)!r} but the text at {offsets} is "
                    f"{_clip(expected)!r}; the .ann file does not belong to this version of "
                    f"{text_path.name}"
                )
            spans[tid] = (label, GoldSpan.from_text(text, fragments))
        elif line.startswith("E"):
            events.append((lineno, *_parse_e_line(line, where)))
        elif line.strip() and not line.startswith(_IGNORED_KINDS):
            raise EvaluationError(
                f"{where}: cannot read {_clip(line)!r}; expected a brat line such as "
                "'T1<TAB>Cue 10 14<TAB>said' or 'E1<TAB>Attribution:T2 Cue:T1'"
            )
    attributions = tuple(
        _resolve_event(eid, args, spans, text, f"{ann_path}:{lineno}")
        for lineno, eid, args in events
    )
    return GoldArticle(article_id, text, attributions, str(text_path), str(ann_path))


def _parse_t_line(
    line: str, text: str, where: str, text_path: Path
) -> tuple[str, str, list[tuple[int, int]]]:
    parts = line.split("\t", 2)
    if len(parts) != 3 or not parts[0][1:].isdigit() or " " not in parts[1]:
        raise EvaluationError(
            f"{where}: cannot read {_clip(line)!r}; a T line is "
            "'T<n><TAB><Label> <start> <end>[;<start> <end>...]<TAB><text>'"
        )
    tid, (label, offsets) = parts[0], parts[1].split(" ", 1)
    if label not in _LABELS:
        raise EvaluationError(
            f"{where}: {tid} has unknown label {label!r}; expected one of {', '.join(_LABELS)}"
        )
    fragments = []
    for piece in offsets.split(";"):
        found = _FRAGMENT.fullmatch(piece)
        if not found:
            raise EvaluationError(
                f"{where}: {tid} has offsets {offsets!r}; "
                "write '<start> <end>' pairs separated by ';'"
            )
        start, end = int(found[1]), int(found[2])
        if start > end or end > len(text):
            raise EvaluationError(
                f"{where}: {tid} spans {start}-{end}, outside {text_path.name} "
                f"({len(text)} characters); the .ann file does not belong to this text"
            )
        fragments.append((start, end))
    return tid, label, fragments


def _parse_e_line(line: str, where: str) -> tuple[str, list[tuple[str, str]]]:
    parts = line.split("\t")
    args = parts[1].split() if len(parts) >= 2 else []
    if len(parts) < 2 or not parts[0][1:].isdigit() or not args:
        raise EvaluationError(
            f"{where}: cannot read {_clip(line)!r}; an E line is "
            "'E<n><TAB>Attribution:T<a> Source:T<s> Cue:T<c> Content:T<x>'"
        )
    eid = parts[0]
    anchor, _, anchor_id = args[0].partition(":")
    if anchor not in _ANCHORS or not re.fullmatch(r"T\d+", anchor_id):
        raise EvaluationError(
            f"{where}: {eid} starts with {args[0]!r}; an attribution starts with "
            "'Attribution:T<n>' or 'Attribution-no-source:T<n>'"
        )
    roles = [("anchor", anchor_id)]
    for arg in args[1:]:
        found = _ROLE_ARG.fullmatch(arg)
        if not found:
            raise EvaluationError(
                f"{where}: {eid} has argument {arg!r}; expected Source:T<n>, Cue:T<n>, "
                "Content:T<n> or Content2:T<n>"
            )
        roles.append((found[1], found[3]))
    return eid, roles


def _resolve_event(
    eid: str,
    args: list[tuple[str, str]],
    spans: Mapping[str, tuple[str, GoldSpan]],
    text: str,
    where: str,
) -> GoldAttribution:
    fragments: dict[str, list[tuple[int, int]]] = {}
    for role, tid in args:
        if tid not in spans:
            raise EvaluationError(f"{where}: {eid} refers to {tid}, which the file does not define")
        fragments.setdefault(role, []).extend(spans[tid][1].fragments)
    # Content2 (and any numbered repeat of a role) is a further fragment of the same role.
    source = GoldSpan.from_text(text, fragments["Source"]) if "Source" in fragments else None
    content = GoldSpan.from_text(text, fragments["Content"]) if "Content" in fragments else None
    # The anchor repeats the cue span, so it stands in when an E line lacks its Cue.
    cue = GoldSpan.from_text(text, fragments.get("Cue", fragments["anchor"]))
    return GoldAttribution(source, cue, content)


def _clip(value: str, width: int = 60) -> str:
    value = value.replace("\n", " ")
    return value if len(value) <= width else value[: width - 1] + "\u2026"
