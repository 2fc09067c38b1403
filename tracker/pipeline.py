"""From input paths to attribution records and graphs: the steps the commands run.

Inputs may be articles (text, JSON, JSON Lines, HTML, folders) or attribution records
written by ``tracker extract`` (``.jsonl`` whose objects have ``cue`` and ``stance``), so an
analyst can edit records and rebuild.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.errors import InputError, NoArticlesError, TrackerError
from tracker.graph.build import build_graph
from tracker.io import looks_like_attributions, read_attributions
from tracker.model import Article, Attribution
from tracker.resolve.aliases import unify_sources
from tracker.resolve.claims import assign_claims

if TYPE_CHECKING:
    import networkx as nx
    from spacy.language import Language

    from tracker.extract.extractor import CueScorer, ExtractedArticle, SpanScorer

__all__ = ["extract_attributions", "one_id_per_source", "load_records", "build_claim_graph"]

SkipHandler = Callable[[str, TrackerError], None]
Progress = Callable[[int, Article], None]


def extract_attributions(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    progress: Progress | None = None,
    cue_model: CueScorer | None = None,
    span_model: SpanScorer | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> list[Attribution]:
    """Extract the attributions of every article and group their contents into claims.

    ``cue_model`` is an optional trained cue model (:mod:`tracker.extract.trained.cues`),
    ``span_model`` an optional span model (:mod:`tracker.extract.trained.spans`); not both.
    ``workers`` > 1 extracts on that many processes; ``engine="dask"`` (or a ``scheduler``
    address) on a Dask cluster (:mod:`tracker.extract.parallel`).  The records are the same,
    in the same order, whichever way; claims are grouped here, over all of them."""
    from tracker.extract import parallel

    settings = parallel.ExtractionSettings(model, cue_model, span_model)
    items: Iterable[ExtractedArticle]
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', not {engine!r}")
    if engine == "dask" or scheduler is not None:
        items = parallel.extract_on_dask(
            articles, settings, scheduler=scheduler, workers=max(1, workers)
        )
    else:
        items = parallel.extract_local(articles, settings, workers=workers, nlp=nlp)

    if progress is not None and isinstance(articles, Sized) and hasattr(progress, "total"):
        progress.total = len(articles)  # a progress bar can tell the time left

    collected = []
    for n, item in enumerate(items, start=1):
        if progress is not None:
            progress(n, item.article)
        collected.append(item)
    return assign_claims(one_id_per_source(collected))


def one_id_per_source(items: list[ExtractedArticle]) -> list[ExtractedArticle]:
    """The articles' records with one id for each source of the corpus (surnames, aliases,
    acronyms: :func:`~tracker.resolve.aliases.unify_sources`)."""
    records = unify_sources(
        [r for item in items for r in item.attributions],
        [pair for item in items for pair in item.aliases],
    )
    out, start = [], 0
    for item in items:
        end = start + len(item.attributions)
        out.append(replace(item, attributions=records[start:end]))
        start = end
    return out


def _split_inputs(paths: Sequence[str | Path]) -> tuple[list[Path], list[Path]]:
    """Attribution record files apart from article inputs."""
    records: list[Path] = []
    articles: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(path, "no such file or folder")
        (records if path.is_file() and looks_like_attributions(path) else articles).append(path)
    return records, articles


def load_records(
    paths: Sequence[str | Path],
    *,
    strict: bool = False,
    on_skip: SkipHandler | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    progress: Progress | None = None,
    cue_model: CueScorer | None = None,
    span_model: SpanScorer | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> tuple[list[Attribution], list[Article]]:
    """Attribution records for ``paths``: read from record files, extracted from articles."""
    from tracker.ingest.readers import read_articles

    record_paths, article_paths = _split_inputs(paths)
    records: list[Attribution] = []
    for path in record_paths:
        records.extend(read_attributions(path, strict=strict, on_skip=on_skip))
    articles: list[Article] = []
    if article_paths:
        try:
            articles = read_articles(article_paths, strict=strict, on_skip=on_skip)
        except NoArticlesError:
            if not records:
                raise
    if articles:
        records.extend(
            extract_attributions(
                articles,
                nlp=nlp,
                model=model,
                progress=progress,
                cue_model=cue_model,
                span_model=span_model,
                workers=workers,
                engine=engine,
                scheduler=scheduler,
            )
        )
    if not records and not articles:
        raise NoArticlesError(
            "no article or attribution record was read from: " + ", ".join(map(str, paths))
        )
    return records, articles


def build_claim_graph(
    paths: Sequence[str | Path],
    *,
    strict: bool = False,
    on_skip: SkipHandler | None = None,
    nlp: Language | None = None,
    model: str | None = None,
    progress: Progress | None = None,
    cue_model: CueScorer | None = None,
    span_model: SpanScorer | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> nx.MultiDiGraph:
    """The claim graph of everything in ``paths``."""
    records, articles = load_records(
        paths,
        strict=strict,
        on_skip=on_skip,
        nlp=nlp,
        model=model,
        progress=progress,
        cue_model=cue_model,
        span_model=span_model,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
    )
    return build_graph(records, {a.id: a for a in articles})
