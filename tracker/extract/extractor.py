"""Extractors: from an :class:`~tracker.model.Article` to :class:`~tracker.model.Attribution` records.

An extractor is anything with ``extract(article)`` that yields attributions.  The default,
:class:`SpacyExtractor`, reads the spaCy dependency parse with the rules in
:mod:`tracker.extract.rules` and the cue words in :mod:`tracker.lexicon`.  Two optional
models trained on annotations you own refine it: a cue model
(:mod:`tracker.extract.trained.cues`) finds cues the word lists lack, and a span model
(:mod:`tracker.extract.trained.spans`) also learns where cues, sources and contents begin and end.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

from tracker.errors import TrainedModelError
from tracker.extract.candidate import Candidate, link_relays
from tracker.extract.debunks import (
    REFERENCE_NOTE,
    SAID_NOTE,
    debunk_candidates,
    quoted_span,
    reframe_debunks,
)
from tracker.extract.offers import denied_intentions, without_offers_turned_down
from tracker.extract.quotes import quote_segments
from tracker.extract.references import resolve_claim_references
from tracker.extract.rules import find_candidates
from tracker.extract.rumours import circulating_claims
from tracker.extract.speakers import AUDIENCE_NOTE, mark_audience, resolve_speakers
from tracker.ingest.structure import split_long_paragraphs, split_paragraphs
from tracker.model import Article, Attribution, Span, attribution_id
from tracker.nlp import doc_text, remember_text, span_text
from tracker.resolve.article_aliases import find_aliases, qualified_aliases
from tracker.resolve.similarity import ClaimSignature, signature_of
from tracker.resolve.sources import SourceResolver

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "Parser",
    "refuse_two_models",
    "paragraph_spans",
    "Extractor",
    "SpacyExtractor",
    "ExtractedArticle",
    "ArticleReader",
    "CueScorer",
    "SpanScorer",
]


class Parser(Protocol):
    """What the extractor needs of a spaCy pipeline: ``pipe`` over ``(text, context)``
    pairs, yielding ``(doc, context)`` (a :class:`spacy.language.Language`, or a stand-in
    that also keeps the docs)."""

    @property
    def pipe(self) -> Callable[..., Iterator[Any]]: ...


class CueScorer(Protocol):
    """A trained cue model: how likely each token of a parsed paragraph is a cue."""

    thresholds: tuple[float, float]

    def probabilities(self, doc: Doc) -> Sequence[float]: ...


class SpanScorer(Protocol):
    """A trained span model: the attributions of a parsed paragraph, boundaries learned."""

    def candidates(self, doc: Doc) -> list[Candidate]: ...


class Extractor(Protocol):
    """Anything that turns an article into attribution records."""

    def extract(self, article: Article) -> Iterator[Attribution]: ...


@dataclass
class ExtractedArticle:
    """An article's attributions, with the claim signature of each content for merging."""

    article: Article
    attributions: list[Attribution]
    signatures: dict[str, ClaimSignature] = field(default_factory=dict)
    #: (real name id, other name id) pairs the article gives ("Ada Lind, who goes by Lindy")
    aliases: list[tuple[str, str]] = field(default_factory=list)
    #: what the extractor's ``reader`` made of the article while its parse was at hand
    #: (``None`` without a reader)
    reading: Any = None


#: A function of an extracted article and its parsed paragraphs (``(paragraph, doc)``
#: pairs), called while the parse is at hand: what it returns is kept as
#: :attr:`ExtractedArticle.reading`.  It must be a module-level function to reach worker
#: processes.
ArticleReader = Callable[[ExtractedArticle, "list[tuple[Span, Doc]]"], Any]


def refuse_two_models(
    cue_model: object, span_model: object, *, cue: str = "a cue model", span: str = "a span model"
) -> None:
    """Refuse a cue model and a span model together: a span model carries the cue model it
    was trained with.  ``cue`` and ``span`` name them in the message (the CLI's options)."""
    if cue_model is not None and span_model is not None:
        raise TrainedModelError(
            f"use {cue} or {span}, not both: a span model carries the cue model it was trained with"
        )


def paragraph_spans(article: Article) -> list[Span]:
    """The paragraphs the extractor reads: the article's own, or (for an article built by
    hand, without them) its blocks between blank lines; any longer than spaCy can parse at
    once (:data:`~tracker.ingest.structure.MAX_PARAGRAPH_CHARS`) is cut into pieces."""
    return split_long_paragraphs(_given_paragraphs(article))


def _given_paragraphs(article: Article) -> list[Span]:
    if article.paragraphs:
        return list(article.paragraphs)
    return split_paragraphs(article.text, ())


class SpacyExtractor:
    """Rule-based extraction over the spaCy dependency parse.

    >>> from tracker.model import Article
    >>> extractor = SpacyExtractor()                                  # doctest: +SKIP
    >>> text = "The ministry denied sending troops to the border."
    >>> [a.stance for a in extractor.extract(Article("x", text))]     # doctest: +SKIP
    ['denies']
    """

    def __init__(
        self,
        nlp: Language | Parser | None = None,
        *,
        model: str | None = None,
        batch_size: int = 64,
        flat: bool = False,
        cue_model: CueScorer | None = None,
        span_model: SpanScorer | None = None,
        reader: ArticleReader | None = None,
    ):
        if span_model is None and hasattr(cue_model, "candidates"):
            # a span model handed over where a cue model goes (it carries its own)
            span_model, cue_model = cue_model, None  # type: ignore[assignment]
        refuse_two_models(cue_model, span_model)
        if nlp is None:
            from tracker.nlp import load_pipeline

            nlp = load_pipeline(model)
        self.nlp = nlp
        self.batch_size = batch_size
        #: ``flat=False`` (the default) gives what claim tracking wants: attributions relayed
        #: inside another's content too (linked by ``via``), and every further quoted sentence,
        #: in the paragraph or the ones after it, as a record of its own continuing the last
        #: direct quote.  ``flat=True`` gives attributions as annotated corpora such as
        #: PolNeAR mark them: the outermost only, a quotation interrupted by its cue ('"...,"
        #: she said. "..."') as one content, and paragraphs of bare quotation unattributed.
        self.flat = flat
        #: an optional trained model (:class:`tracker.extract.trained.cues.CueModel`) that adds
        #: cues the word lists lack and vetoes listed words it is sure are no cue
        self.cue_model = cue_model
        #: an optional trained model (:class:`tracker.extract.trained.spans.SpanModel`) that reads
        #: cues, sources and contents in place of the rules, with the rules' reading as a hint
        self.span_model = span_model
        #: an optional :data:`ArticleReader`, for what else the parse of each article gives
        self.reader = reader

    def with_reader(self, reader: ArticleReader | None) -> SpacyExtractor:
        """This extractor (same pipeline, settings and models) with another ``reader``."""
        other = copy.copy(self)
        other.reader = reader
        return other

    def extract(self, article: Article) -> Iterator[Attribution]:
        for extracted in self.extract_many([article]):
            yield from extracted.attributions

    def extract_many(
        self, articles: Iterable[Article], *, n_process: int = 1
    ) -> Iterator[ExtractedArticle]:
        """Parse every paragraph of every article in one stream (fast), article by article.

        ``n_process`` > 1 parses in that many spaCy worker processes; the records are the
        same, in the same order.  Articles are told apart by their place in the stream, not
        by identity: worker processes hand back a copy of each paragraph's context.
        """
        current = -1
        docs: list[tuple[Span, Doc]] = []
        seen: dict[int, Article] = {}

        def paragraphs() -> Iterator[tuple[str, tuple[Article, Span, int]]]:
            for n, article in enumerate(articles):
                seen[n] = article
                spans = paragraph_spans(article)
                if not spans:
                    yield "", (article, Span(0, 0, ""), n)
                for span in spans:
                    yield span.text, (article, span, n)

        kwargs: dict[str, Any] = {"n_process": n_process} if n_process != 1 else {}
        for doc, (_, span, n) in self.nlp.pipe(
            paragraphs(), as_tuples=True, batch_size=self.batch_size, **kwargs
        ):
            if n != current and current >= 0:
                yield self._article_records(seen.pop(current), docs)
                docs = []
            current = n
            if span.text:
                remember_text(doc, span.text)
                docs.append((span, doc))
        if current >= 0:
            yield self._article_records(seen.pop(current), docs)

    def _article_records(self, article: Article, docs: list[tuple[Span, Doc]]) -> ExtractedArticle:
        resolver = SourceResolver()
        records: list[Attribution] = []
        signatures: dict[str, ClaimSignature] = {}
        sentence_base = 0
        references: set[str] = set()
        last_direct: Attribution | None = None
        for paragraph, doc in docs:
            sentences = list(doc.sents)
            index_of = {s.start: sentence_base + k for k, s in enumerate(sentences)}
            if self.span_model is not None:
                candidates = self.span_model.candidates(doc)
                if not self.flat:
                    link_relays(candidates)
            elif self.cue_model is not None:
                candidates = find_candidates(
                    doc,
                    join_quotes=self.flat,
                    cue_scores=self.cue_model.probabilities(doc),
                    thresholds=self.cue_model.thresholds,
                )
            else:
                candidates = find_candidates(doc, join_quotes=self.flat)
            if self.flat:
                candidates = [c for c in candidates if c.relay_of is None]
            else:
                # denials as news writes them: the claim called false is what is denied
                segments = quote_segments(doc_text(doc))
                candidates += debunk_candidates(doc, candidates, segments)
                candidates += circulating_claims(doc, candidates, segments)
                reframe_debunks(doc, candidates)
                denied_intentions(candidates)
                candidates = without_offers_turned_down(doc, candidates)
                for cand in candidates:
                    mark_audience(cand)
            local: list[Attribution] = []
            for cand in candidates:
                record = self._record(article, paragraph, cand, index_of, resolver)
                if cand.notes.get(REFERENCE_NOTE):
                    references.add(record.id)
                heard = cand.notes.get(AUDIENCE_NOTE)
                if isinstance(heard, tuple):
                    a, b = paragraph.start + heard[0], paragraph.start + heard[1]
                    record = replace(record, extra={**record.extra, "audience": article.text[a:b]})
                local.append(record)
                if cand.content is not None:
                    span = doc.char_span(*cand.content, alignment_mode="expand")
                    if span is not None:
                        signatures[record.id] = signature_of(
                            span, directive=cand.directive, claimed=True
                        )
                if record.quote in ("direct", "mixed") and record.source is not None:
                    last_direct = record
            local = [
                replace(r, via=local[c.relay_of].id) if c.relay_of is not None else r
                for r, c in zip(local, candidates, strict=True)
            ]
            said = [quoted_span(c) for c in candidates if SAID_NOTE in c.notes]
            continued = (
                self._continuations(
                    article, paragraph, doc, local, last_direct, index_of, signatures, said
                )
                if not self.flat
                else []
            )
            if continued:
                last_direct = continued[-1]
            elif not any(r.quote in ("direct", "mixed") for r in local):
                last_direct = None if local else last_direct
            records.extend(local + continued)
            sentence_base += len(sentences)
        records.sort(key=lambda r: (r.sentence, r.cue.start))
        if not self.flat:
            records = _without_questions(records, article.text)
        if references:
            records = resolve_claim_references(records, signatures, references)
        if not self.flat:
            records = resolve_speakers(records, docs, article.id)
        aliases = [pair for _, doc in docs for pair in find_aliases(doc)]
        extracted = ExtractedArticle(
            article, _merge_qualified_sources(records), signatures, aliases
        )
        if self.reader is not None:
            extracted.reading = self.reader(extracted, docs)
        return extracted

    def _record(
        self,
        article: Article,
        paragraph: Span,
        cand: Candidate,
        index_of: dict[int, int],
        resolver: SourceResolver,
    ) -> Attribution:
        base = paragraph.start
        text = article.text

        def span(offsets: tuple[int, int] | None) -> Span | None:
            if offsets is None:
                return None
            start, end = base + offsets[0], base + offsets[1]
            return Span(start, end, text[start:end])

        source = span(cand.source)
        info = None
        if source is not None and cand.source_token is not None:
            named = span(cand.notes.get("source_name")) or source  # type: ignore[arg-type]
            info = resolver.resolve(cand.source_token, named.text, cand.cue_token)
            if info is None:
                source = None  # "a sign said", "9:45 a.m.": the text names no source
        cue = span(cand.cue)
        content = span(cand.content)
        assert cue is not None
        return Attribution(
            id=attribution_id(article.id, cue.start, cue.end, content.start if content else None),
            article_id=article.id,
            source=source,
            cue=cue,
            content=content,
            stance=cand.stance,
            quote=cand.quote,
            hedged=cand.hedged,
            source_id=info.id if info else None,
            source_name=info.name if info else None,
            source_kind=info.kind if info else None,
            anonymous=info.anonymous if info else False,
            sentence=index_of.get(cand.sentence.start, 0),
            evidence=span_text(cand.sentence).strip(),
            date=article.date,
            outlet=article.outlet,
            url=article.url,
            title=article.title,
            extra={"source_description": info.description} if info and info.description else {},
        )

    def _continuations(
        self,
        article: Article,
        paragraph: Span,
        doc: Doc,
        local: list[Attribution],
        last_direct: Attribution | None,
        index_of: dict[int, int],
        signatures: dict[str, ClaimSignature],
        said: Sequence[tuple[int, int]] = (),
    ) -> list[Attribution]:
        """Quoted sentences with no cue of their own continue the last direct quote.

        ``said`` are paragraph-relative spans quoted by candidates whose content became the
        claim they deny: their words are taken too."""
        if last_direct is None:
            return []
        covered = [(r.content.start, r.content.end) for r in local if r.content is not None]
        covered += [(paragraph.start + a, paragraph.start + b) for a, b in said]
        records = []
        for start, end in quote_segments(doc_text(doc)):
            a, b = paragraph.start + start, paragraph.start + end
            if any(x <= a < y or x < b <= y for x, y in covered):
                continue
            if any(r.cue.start >= a and r.cue.end <= b for r in local):
                continue
            words = doc_text(doc)[start:end].split()
            if len(words) < 4:
                continue  # a scare-quoted word or title, not speech
            sent = doc.char_span(start, end, alignment_mode="expand")
            content = Span(a, b, article.text[a:b])
            # the same speaker and cue, another stretch of what they said
            record = replace(
                last_direct,
                id=attribution_id(article.id, last_direct.cue.start, last_direct.cue.end, a),
                content=content,
                quote="direct",
                sentence=index_of.get(sent.sent.start, 0)
                if sent is not None
                else last_direct.sentence,
                evidence=span_text(sent.sent).strip() if sent is not None else content.text,
                extra={**last_direct.extra, "continues": last_direct.id},
            )
            if sent is not None:
                signatures[record.id] = signature_of(sent, claimed=True)
            records.append(record)
        return records


def _without_questions(records: list[Attribution], text: str) -> list[Attribution]:
    """The records less the questions a source is quoted asking ("Van Susteren: And the
    border patrol just lets them across?"): a question asserts nothing."""
    marks = " \"'\u201d\u2019\n"

    def asks(content: Span) -> bool:
        after = text[content.end : content.end + 3].lstrip(marks)
        return content.text.rstrip(marks).endswith("?") or after.startswith("?")

    dropped = {
        r.id for r in records if r.stance == "asserts" and r.content is not None and asks(r.content)
    }
    if not dropped:
        return records
    return [replace(r, via=None) if r.via in dropped else r for r in records if r.id not in dropped]


def _merge_qualified_sources(records: list[Attribution]) -> list[Attribution]:
    """One source for "customs officials" and "customs officials in veldmark", in either
    order: the resolver reads in order, so a headline cannot borrow the body's fuller name."""
    aliases = qualified_aliases(
        (r.source_id, r.source_name or r.source_id, r.source_kind or "unknown")
        for r in records
        if r.source_id is not None
    )
    if not aliases:
        return records
    # the name and kind the longer source has where the article first names it
    sources = {r.source_id: r for r in reversed(records) if r.source_id is not None}
    merged = []
    for record in records:
        long = aliases.get(record.source_id or "")
        if long is not None:
            first = sources[long]
            record = replace(
                record,
                source_id=long,
                source_name=first.source_name,
                source_kind=first.source_kind,
                anonymous=record.anonymous or first.anonymous,
            )
        merged.append(record)
    return merged
