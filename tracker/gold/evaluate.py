"""Score an attribution extractor against gold brat standoff annotations (PolNeAR layout).

A gold folder holds ``text/<article>.txt`` beside ``attributions/<article>_<annotator>.ann``.
:func:`load_gold_corpus` reads it (it and the gold records live in :mod:`tracker.gold.brat` and
are importable from here too), :func:`score_predictions` compares predicted
:class:`~tracker.model.Attribution` records with the gold ones, and
:func:`evaluate_extractor` does both around an extraction function.  The definitions of
every figure are in ``docs/EVALUATION.md``.

>>> from tracker.model import Attribution, Span
>>> text = "Ada Quill said the bridge is safe."
>>> gold = GoldArticle("a", text, (GoldAttribution(
...     GoldSpan(((0, 9),), "Ada Quill"), GoldSpan(((10, 14),), "said"),
...     GoldSpan(((15, 33),), "the bridge is safe")),), "a.txt")
>>> guess = Attribution("p1", "a", Span(0, 9, "Ada Quill"), Span(10, 14, "said"),
...                     Span(15, 34, "the bridge is safe."))
>>> report = score_predictions([gold], {"a": [guess]})
>>> report.roles["content"]["exact"].f1, report.relation.f1
(1.0, 1.0)
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from tracker import lexicon
from tracker.errors import EvaluationError
from tracker.gold.brat import Fragments, GoldArticle, GoldAttribution, GoldSpan, load_gold_corpus
from tracker.ingest.readers import article_from_text
from tracker.model import Article, Attribution, Span

__all__ = [
    "ROLES",
    "MATCHES",
    "RoleScores",
    "ArticleErrors",
    "EvalReport",
    "score_predictions",
    "score_spans",
    "gold_role_spans",
    "scores_table",
    "scores_to_dict",
    "evaluate_extractor",
    "gold_article",
]

#: The attribution roles scored one by one.
ROLES = ("source", "cue", "content")
#: The two ways a predicted span can match a gold span.
MATCHES = ("exact", "overlap")

_WORD_CHAR, _NON_WORD_CHAR = re.compile(r"\w"), re.compile(r"\W")
_MARK_CHAR, _SPACE_CHAR = re.compile(r"\S"), re.compile(r"\s")

_QUOTES = lexicon.QUOTE_CHARACTERS
#: Characters trimmed from both ends of a span before exact comparison (with white space).
_TRIMMED = frozenset(_QUOTES + ",.\u2026:;-\u2010\u2011\u2012\u2013\u2014\u2015\u2212()[]")


# -- comparing spans -------------------------------------------------------------------


class _Text:
    """Per-article prefix counts of word and non-space characters, for O(1) span measures."""

    def __init__(self, text: str) -> None:
        self.text = text
        # One byte per character, 1 for a word character: prefix sums count them in O(1).
        flags = _WORD_CHAR.sub("\x01", _NON_WORD_CHAR.sub("\x00", text))
        self.words = list(accumulate(flags.encode("latin-1"), initial=0))
        self._marks: list[int] | None = None

    @property
    def marks(self) -> list[int]:
        """Prefix counts of non-space characters (needed only for spans without words)."""
        if self._marks is None:
            flags = _SPACE_CHAR.sub("\x00", _MARK_CHAR.sub("\x01", self.text))
            self._marks = list(accumulate(flags.encode("latin-1"), initial=0))
        return self._marks

    def normalized(self, frags: Fragments) -> tuple[int, int]:
        """The overall extent with quotes, punctuation and spaces trimmed from both ends."""
        text, start, end = self.text, frags[0][0], frags[-1][1]
        s, e = start, end
        while s < e and (text[s] in _TRIMMED or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in _TRIMMED or text[e - 1].isspace()):
            e -= 1
        if s < e:
            return s, e
        # Nothing but punctuation (a cue such as "--"): compare it without trimming it away.
        s, e = start, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return (s, e) if s < e else (start, end)

    def overlap(self, a: Fragments, b: Fragments) -> float:
        """Shared over combined characters (word characters, or non-space if either has none)."""
        if a[0][0] >= b[-1][1] or b[0][0] >= a[-1][1]:
            return 0.0
        counts = self.words
        size_a = sum(counts[e] - counts[s] for s, e in a)
        size_b = sum(counts[e] - counts[s] for s, e in b)
        if not size_a or not size_b:
            counts = self.marks
            size_a = sum(counts[e] - counts[s] for s, e in a)
            size_b = sum(counts[e] - counts[s] for s, e in b)
        shared = 0
        for sa, ea in a:
            for sb, eb in b:
                s, e = max(sa, sb), min(ea, eb)
                if s < e:
                    shared += counts[e] - counts[s]
        return shared / (size_a + size_b - shared) if shared else 0.0


def _match_one_to_one(scored: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of ``(score, gold, predicted)`` candidates, best score first."""
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, g, p in sorted(scored, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


def _role_candidates(
    measure: _Text, gold: Sequence[Fragments], pred: Sequence[Fragments], match: str
) -> Iterable[tuple[float, int, int]]:
    """Pairs that match, scored by overlap (the closest raw spans win ties of exact keys)."""
    if match == "exact":
        by_key: dict[tuple[int, int], list[int]] = {}
        for pi, p in enumerate(pred):
            by_key.setdefault(measure.normalized(p), []).append(pi)
        for gi, g in enumerate(gold):
            for pi in by_key.get(measure.normalized(g), ()):
                yield max(measure.overlap(g, pred[pi]), 1e-9), gi, pi
        return
    extents = [(p[0][0], p[-1][1]) for p in pred]
    for gi, g in enumerate(gold):
        start, end = g[0][0], g[-1][1]
        for pi, (p_start, p_end) in enumerate(extents):
            # Spans whose extents do not meet cannot share a character.
            if p_start < end and start < p_end:
                score = measure.overlap(g, pred[pi])
                if score > 0:
                    yield score, gi, pi


def _role_overlap(measure: _Text, gold: Fragments | None, pred: Fragments | None) -> float:
    if gold is None or pred is None:
        return 1.0 if gold is None and pred is None else 0.0
    return measure.overlap(gold, pred)


# -- scores and report -----------------------------------------------------------------


@dataclass(frozen=True)
class RoleScores:
    """True positives, false positives and false negatives, with the figures they give.

    Precision is 0 when nothing was predicted, recall 0 when there is no gold, F1 0 when both are.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: RoleScores) -> RoleScores:
        return RoleScores(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass(frozen=True)
class ArticleErrors:
    """Gold attributions nothing found (``missed``) and unmatched predictions (``spurious``)."""

    article_id: str
    missed: tuple[GoldAttribution, ...]
    spurious: tuple[Attribution, ...]

    def to_dict(self) -> dict[str, Any]:
        def predicted(a: Attribution) -> dict[str, Any]:
            return {
                "id": a.id,
                "source": a.source.to_dict() if a.source else None,
                "cue": a.cue.to_dict(),
                "content": a.content.to_dict() if a.content else None,
            }

        return {
            "article_id": self.article_id,
            "missed": [g.to_dict() for g in self.missed],
            "spurious": [predicted(a) for a in self.spurious],
        }


@dataclass(frozen=True)
class EvalReport:
    """Scores micro-averaged over a corpus; ``roles[role][match]`` and ``relation``."""

    articles: int
    gold: int
    predicted: int
    roles: dict[str, dict[str, RoleScores]]
    relation: RoleScores
    errors: tuple[ArticleErrors, ...] = field(default=())

    def to_dict(self, *, include_errors: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            **scores_to_dict(self.roles, self.relation),
        }
        if include_errors:
            data["errors"] = [e.to_dict() for e in self.errors]
        return data

    def format_table(self) -> str:
        """The scores as an aligned plain-text table."""
        header = (
            f"PolNeAR-style evaluation: {_plural(self.articles, 'article')}, "
            f"{_plural(self.gold, 'gold attribution')}, {self.predicted} predicted"
        )
        return "\n".join([header, "", scores_table(self.roles, self.relation)])

    def format_errors(self, limit: int | None = None) -> str:
        """Missed and spurious attributions per article; ``limit`` caps the articles shown."""
        shown = self.errors if limit is None else self.errors[:limit]
        if not self.errors:
            return "no missed or spurious attributions"
        blocks = []
        for errors in shown:
            lines = [
                f"{errors.article_id}: {len(errors.missed)} missed, {len(errors.spurious)} spurious"
            ]
            for g in sorted(errors.missed, key=lambda a: a.cue.fragments):
                lines.append("  missed: " + _describe(g.source, g.cue, g.content))
            for p in sorted(errors.spurious, key=lambda a: (a.cue.start, a.cue.end)):
                lines.append("  spurious: " + _describe(p.source, p.cue, p.content))
            blocks.append("\n".join(lines))
        if len(shown) < len(self.errors):
            blocks.append(
                f"... and {_plural(len(self.errors) - len(shown), 'more article')} with errors"
            )
        return "\n".join(blocks)


def scores_to_dict(
    roles: Mapping[str, Mapping[str, RoleScores]], relation: RoleScores
) -> dict[str, Any]:
    """``{"roles": {role: {match: scores}}, "relation": scores}``, each as a plain dict."""
    return {
        "roles": {
            role: {match: scores.to_dict() for match, scores in by_match.items()}
            for role, by_match in roles.items()
        },
        "relation": relation.to_dict(),
    }


def scores_table(roles: Mapping[str, Mapping[str, RoleScores]], relation: RoleScores) -> str:
    """Role and relation scores as aligned plain-text rows under a header row."""
    rows = [("role", "match", "precision", "recall", "f1", "tp/pred/gold")]
    named = [(role, match, s) for role in ROLES for match, s in roles[role].items()]
    for role, match, s in [*named, ("relation", "overlap", relation)]:
        counts = f"{s.tp}/{s.predicted}/{s.gold}"
        rows.append((role, match, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", counts))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _describe(
    source: Span | GoldSpan | None, cue: Span | GoldSpan, content: Span | GoldSpan | None
) -> str:
    def flat(span: Span | GoldSpan) -> str:
        return " ".join(span.text.split())

    said = "(no content)"
    if content is not None:
        # The display adds its own quotation marks, so the span's own come off.
        text = flat(content).strip(_QUOTES)
        said = '"' + (text if len(text) <= 80 else text[:79] + "\u2026") + '"'
    who = flat(source) if source is not None else "no source"
    return f"[{who}] {flat(cue)} \u2192 {said}"


# -- scoring ---------------------------------------------------------------------------


def _fragments(
    span: Span | None, text: str, article_id: str, role: str, ident: str
) -> Fragments | None:
    if span is None:
        return None
    if not 0 <= span.start <= span.end <= len(text):
        raise EvaluationError(
            f"prediction {ident} for article {article_id}: "
            f"{role} span {span.start}-{span.end} lies "
            f"outside the article text ({len(text)} characters); offsets must index the gold text"
        )
    return ((span.start, span.end),)


def _gold_fragments(span: GoldSpan | None, article: GoldArticle) -> Fragments | None:
    if span is None:
        return None
    if not span.fragments or any(not 0 <= s <= e <= len(article.text) for s, e in span.fragments):
        raise EvaluationError(
            f"gold article {article.id}: span {span.fragments} does not lie inside its text "
            f"({len(article.text)} characters)"
        )
    return span.fragments


def _dedupe(spans: Iterable[Fragments | None]) -> list[Fragments]:
    return list(dict.fromkeys(s for s in spans if s is not None))


#: One attribution's spans, by role (``None`` where it has no such role).
RoleSpans = dict[str, Fragments | None]


def score_spans(
    text: str, gold: Sequence[RoleSpans], pred: Sequence[RoleSpans]
) -> tuple[dict[str, dict[str, RoleScores]], list[tuple[int, int]]]:
    """Role scores for one article's ``text``, and the indices of the ``(gold, predicted)``
    attributions matched (as the relation level matches them)."""
    measure = _Text(text)
    roles: dict[str, dict[str, RoleScores]] = {}
    for role in ROLES:
        gold_spans = _dedupe(g[role] for g in gold)
        pred_spans = _dedupe(p[role] for p in pred)
        roles[role] = {}
        for match in MATCHES:
            tp = len(_match_one_to_one(_role_candidates(measure, gold_spans, pred_spans, match)))
            roles[role][match] = RoleScores(tp, len(pred_spans) - tp, len(gold_spans) - tp)

    candidates = []
    for gi, g in enumerate(gold):
        g_cue = g["cue"]
        if g_cue is None:  # an attribution always has a cue; without one nothing matches
            continue
        cue_start, cue_end = g_cue[0][0], g_cue[-1][1]
        for pi, p in enumerate(pred):
            p_cue = p["cue"]
            if p_cue is None or p_cue[0][0] >= cue_end or cue_start >= p_cue[-1][1]:
                continue
            cue = measure.overlap(g_cue, p_cue)
            if not cue:
                continue
            content = _role_overlap(measure, g["content"], p["content"])
            source = _role_overlap(measure, g["source"], p["source"])
            if content and source:
                candidates.append(((cue + content + source) / 3, gi, pi))
    return roles, _match_one_to_one(candidates)


def gold_role_spans(article: GoldArticle) -> list[RoleSpans]:
    """Each gold attribution's spans by role, checked to lie inside the article's text."""
    return [
        {role: _gold_fragments(getattr(g, role), article) for role in ROLES}
        for g in article.attributions
    ]


def _score_article(
    article: GoldArticle, predictions: Sequence[Attribution]
) -> tuple[dict[str, dict[str, RoleScores]], RoleScores, ArticleErrors]:
    gold = gold_role_spans(article)
    pred = [
        {role: _fragments(getattr(p, role), article.text, article.id, role, p.id) for role in ROLES}
        for p in predictions
    ]
    roles, pairs = score_spans(article.text, gold, pred)
    tp = len(pairs)
    relation = RoleScores(tp, len(pred) - tp, len(gold) - tp)
    found_gold = {g for g, _ in pairs}
    found_pred = {p for _, p in pairs}
    errors = ArticleErrors(
        article.id,
        tuple(a for i, a in enumerate(article.attributions) if i not in found_gold),
        tuple(a for i, a in enumerate(predictions) if i not in found_pred),
    )
    return roles, relation, errors


def score_predictions(
    gold: Sequence[GoldArticle], predicted: Mapping[str, Sequence[Attribution]]
) -> EvalReport:
    """Compare predictions (by article id) with the gold articles; micro-averaged scores.

    A gold article missing from ``predicted`` counts as predicting nothing; predictions for
    ids that are not among ``gold`` are ignored.
    """
    roles = {role: {match: RoleScores() for match in MATCHES} for role in ROLES}
    relation = RoleScores()
    errors = []
    predicted_total = 0
    for article in gold:
        predictions = list(predicted.get(article.id, ()))
        predicted_total += len(predictions)
        article_roles, article_relation, article_errors = _score_article(article, predictions)
        for role in ROLES:
            for match in MATCHES:
                roles[role][match] = roles[role][match] + article_roles[role][match]
        relation = relation + article_relation
        if article_errors.missed or article_errors.spurious:
            errors.append(article_errors)
    return EvalReport(
        articles=len(gold),
        gold=sum(len(a.attributions) for a in gold),
        predicted=predicted_total,
        roles=roles,
        relation=relation,
        errors=tuple(errors),
    )


# -- running an extractor --------------------------------------------------------------


def gold_article(g: GoldArticle) -> Article:
    """An :class:`~tracker.model.Article` over the gold text, read as tracker reads a text
    file (without a header block), so its offsets are the gold offsets; the first non-blank
    line is its title."""
    article = article_from_text(
        g.text, id=g.id, title=_headline(g.text), path=g.path, parse_header=False
    )
    if article.text != g.text:
        raise EvaluationError(
            f"{g.path}: reading the article changed its text, so gold offsets no "
            "longer line up; article_from_text must keep the text as read"
        )
    return article


def _headline(text: str) -> str | None:
    """The first non-blank line, trimmed."""
    for line in text.split("\n"):
        line = line.lstrip("\ufeff").strip()
        if line:
            return line
    return None


def evaluate_extractor(
    gold_dir: str | os.PathLike[str],
    extract: Callable[[Article], Iterable[Attribution]],
    *,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EvalReport:
    """Run ``extract`` over every gold article and score what it returns.

    ``progress(done, total)`` is called after each article.
    """
    gold = load_gold_corpus(gold_dir, limit=limit)
    predicted: dict[str, list[Attribution]] = {}
    for done, g in enumerate(gold, start=1):
        predicted[g.id] = list(extract(gold_article(g)))
        if progress is not None:
            progress(done, len(gold))
    return score_predictions(gold, predicted)
