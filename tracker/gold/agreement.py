"""How far the annotators of a gold corpus agree with one another, on ``tracker eval``'s terms.

An extractor's scores mean most beside the scores one person's annotations get against
another's.  Where a gold folder holds several ``<article>_<annotator>.ann`` files for an
article, :func:`annotator_agreement` scores each annotator's reading against the first one
(the reading ``tracker eval`` scores an extractor against), with the same definitions
(``docs/EVALUATION.md``): what a second annotator reaches is about as far as an extractor
can be expected to go on that corpus.

>>> from tracker.gold.brat import GoldArticle, GoldAttribution, GoldSpan
>>> text = "Ada Quill said the bridge is safe."
>>> def reading(content):  # Ada Quill / said / the content
...     spans = [GoldSpan.from_text(text, [part]) for part in ((0, 9), (10, 14), content)]
...     return GoldArticle("a", text, (GoldAttribution(*spans),), "a.txt")
>>> report = readings_agreement([(reading((15, 33)), reading((19, 33)))])
>>> report.pairs, report.roles["content"]["exact"].f1, report.relation.f1
(1, 0.0, 1.0)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tracker.errors import EvaluationError
from tracker.gold.brat import GoldArticle, load_annotator_readings
from tracker.gold.evaluate import (
    MATCHES,
    ROLES,
    RoleScores,
    gold_role_spans,
    score_spans,
    scores_table,
    scores_to_dict,
)

__all__ = ["REFERENCES", "AgreementReport", "annotator_agreement", "readings_agreement"]

#: Whom each annotator is scored against: the first annotator of the article (sorted by
#: file name, as ``tracker eval`` reads), or each of the others in turn.
REFERENCES = ("first", "each")


@dataclass(frozen=True)
class AgreementReport:
    """Scores micro-averaged over every pair of readings compared.

    ``articles`` counts the articles with two or more readings, ``readings`` their
    annotation files, ``pairs`` the (reference, other) readings compared.
    """

    articles: int
    readings: int
    pairs: int
    reference: str
    roles: dict[str, dict[str, RoleScores]]
    relation: RoleScores

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "readings": self.readings,
            "pairs": self.pairs,
            "reference": self.reference,
            **scores_to_dict(self.roles, self.relation),
        }

    def format_table(self) -> str:
        """The scores as an aligned plain-text table under a line saying what was compared."""
        whom = "the first" if self.reference == "first" else "each other one"
        header = (
            f"Annotator agreement: {self.articles} "
            f"{'article' if self.articles == 1 else 'articles'} read by two or more annotators "
            f"({self.readings} annotation files), {self.pairs} "
            f"{'pair' if self.pairs == 1 else 'pairs'}: each annotator scored against {whom}"
        )
        return "\n".join([header, "", scores_table(self.roles, self.relation)])


def readings_agreement(
    readings: Sequence[Sequence[GoldArticle]], *, reference: str = "first"
) -> AgreementReport:
    """Agreement over articles' readings (one sequence per article, the first the reference).

    Articles read by one annotator only are left out.
    """
    if reference not in REFERENCES:
        raise EvaluationError(
            f"unknown reference {reference!r}; use one of: {', '.join(REFERENCES)}"
        )
    roles = {role: {match: RoleScores() for match in MATCHES} for role in ROLES}
    relation = RoleScores()
    articles = files = pairs = 0
    for article in readings:
        if len(article) < 2:
            continue
        articles += 1
        files += len(article)
        spans = [gold_role_spans(r) for r in article]
        if reference == "first":
            compared = [(0, k) for k in range(1, len(article))]
        else:
            compared = [(i, k) for i in range(len(article)) for k in range(len(article)) if i != k]
        for ref, other in compared:
            pair_roles, matched = score_spans(article[ref].text, spans[ref], spans[other])
            for role in ROLES:
                for match in MATCHES:
                    roles[role][match] = roles[role][match] + pair_roles[role][match]
            found = len(matched)
            relation = relation + RoleScores(
                found, len(spans[other]) - found, len(spans[ref]) - found
            )
            pairs += 1
    return AgreementReport(articles, files, pairs, reference, roles, relation)


def annotator_agreement(
    gold_dir: str | os.PathLike[str], *, reference: str = "first"
) -> AgreementReport:
    """How far the annotators of the articles in ``gold_dir`` that several people read agree.

    Raises :class:`~tracker.errors.EvaluationError` when the folder cannot be read or no
    article in it has two or more annotation files.
    """
    report = readings_agreement(load_annotator_readings(gold_dir), reference=reference)
    if not report.articles:
        raise EvaluationError(
            f"{gold_dir}: no article has two or more annotation files; agreement compares "
            "<article>_<annotator>.ann files of the same article by different annotators"
        )
    return report
