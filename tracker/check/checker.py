"""Check a claim against articles: does each article support it, deny it, only report it,
or say nothing about it?

Each article is parsed once (:meth:`ClaimChecker.add_articles`); any number of claims can
then be checked against it.  A verdict rests on three kinds of evidence:

* how much of the claim's vocabulary the article uses at all (TF-IDF cosine over the
  articles added so far) -- below a threshold the article is ``unrelated``;
* the article's sentences and attributions that match the claim (weighted word overlap
  and :func:`tracker.resolve.similarity.claim_similarity`), each read for its stance: a source's
  denial, a refutation in the article's own voice ("there is no evidence that", "a hoax",
  "the video was actually filmed in"), a contrary negated statement, a hedge
  ("reportedly", "according to unconfirmed reports") or a plain assertion;
* refutation and hedge cues anywhere in the article, which weigh less.

With a sentence encoder (:mod:`tracker.resolve.semantic`, the optional extra ``semantic``), a
sentence also matches the claim by the cosine of their embeddings, which catches
paraphrases that share few words, and an article whose best sentence is that close is
related whatever its vocabulary.

A claim that is itself a denial ("Ministry denies that the dam burst") is checked as the
proposition it denies, and the verdict flipped: an article refuting the burst supports it,
and so does one passing on a denial of it, however far down or hedged.

The rules above give the default verdict.  A verdict model a user trained on labelled
pairs of their own (:mod:`tracker.check.verdict.model`) can decide instead: pass it as
``verdict_model``; the evidence listed stays what the rules read.  How claims and
articles are parsed is in :mod:`tracker.check.text`.

>>> from tracker.model import Article
>>> checker = ClaimChecker()                                          # doctest: +SKIP
>>> checker.add_articles([Article("a1", "Officials denied that the dam burst on Monday.")])
...                                                                   # doctest: +SKIP
>>> [v.verdict for v in checker.check("The dam burst on Monday")]    # doctest: +SKIP
['denies']
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from tracker.check.clauses import headline_for_claim
from tracker.check.paraphrase import shares_a_name, text_words, word_credits
from tracker.check.records import VERDICTS, CheckSettings, ClaimRequest, Evidence, Verdict
from tracker.check.rules import decide, deciding_evidence, read_sentence
from tracker.check.text import (
    ParsedArticle,
    ParsedClaim,
    RecordingPipeline,
    parse_article,
    parse_claim,
    refers_back,
    terms_of,
)
from tracker.errors import InputError, RecordError
from tracker.extract.extractor import SpacyExtractor
from tracker.io import read_utf8
from tracker.model import Article
from tracker.resolve.semantic import similarity_from_cosine
from tracker.resolve.similarity import claim_similarity

if TYPE_CHECKING:
    from spacy.language import Language

    from tracker.resolve.semantic import SentenceEncoder

__all__ = [
    "VERDICTS",
    "CheckSettings",
    "Evidence",
    "Verdict",
    "ClaimRequest",
    "Assessment",
    "VerdictDecider",
    "ClaimChecker",
    "check_claims",
    "check_requests",
    "read_claim_requests",
    "claim_lines",
]


@dataclass(frozen=True)
class Assessment:
    """Everything the rules derive for one (claim, article) pair: what a verdict model
    reads.

    ``similarities`` holds, for each sentence of ``article`` in order, how closely it
    matches the claim (0 to 1).  ``evidence`` is what the rules read (nothing when they
    found the article unrelated and were not asked for it, ``full=False``),
    ``verdict`` what they decided.  ``cosines`` holds each sentence's embedding cosine
    with the claim when the checker has a sentence encoder, else nothing.
    """

    claim: ParsedClaim
    article: ParsedArticle
    cosine: float
    overlap: float
    similarities: tuple[float, ...]
    evidence: tuple[Evidence, ...]
    verdict: str
    cosines: tuple[float, ...] = ()


class VerdictDecider(Protocol):
    """What :class:`ClaimChecker` needs of a verdict model
    (:class:`tracker.check.verdict.model.VerdictModel` is one)."""

    def predict(self, assessments: Sequence[Assessment]) -> list[str]: ...


class ClaimChecker:
    """Articles parsed once, checked against any number of claims.

    ``verdict_model``, when given, decides the verdicts in place of the rules (see
    :mod:`tracker.check.verdict.model`); the evidence is the rules' either way.  ``encoder``
    (see :mod:`tracker.resolve.semantic`) adds sentence-embedding similarity to the matching.

    >>> checker = ClaimChecker()                                       # doctest: +SKIP
    >>> checker.add_articles(articles)                                 # doctest: +SKIP
    >>> for verdict in checker.check("Freedonia sold drones to Ruritania"):  # doctest: +SKIP
    ...     print(verdict.article_id, verdict.verdict)
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        model: str | None = None,
        settings: CheckSettings | None = None,
        n_process: int = 1,
        verdict_model: VerdictDecider | None = None,
        encoder: SentenceEncoder | None = None,
    ) -> None:
        if nlp is None:
            from tracker.nlp import load_pipeline

            nlp = load_pipeline(model)
        self.nlp = nlp
        self.settings = settings or CheckSettings()
        self.n_process = n_process
        self.verdict_model = verdict_model
        self.encoder = encoder
        self._articles: dict[str, ParsedArticle] = {}
        self._vectors: dict[str, Any] = {}  # article id -> its sentences' embeddings
        self._claim_vectors: dict[str, Any] = {}
        self._claims: dict[str, ParsedClaim] = {}
        self._claim_words: dict[str, dict[str, str]] = {}  # claim -> its terms' words
        self._idf: dict[str, float] | None = None
        self._default_idf = 1.0
        self._norms: dict[str, float] = {}
        self._prefixes: dict[str, set[str]] = {}

    @property
    def article_ids(self) -> list[str]:
        """Ids of the articles added, in the order they were added."""
        return list(self._articles)

    def add_articles(self, articles: Iterable[Article]) -> None:
        """Parse articles (all in one stream) and keep what checking needs."""
        self.add_parsed(self.parse_articles(articles))

    def parse_articles(self, articles: Iterable[Article]) -> list[ParsedArticle]:
        """The articles parsed (all in one stream) as checking reads them, not added."""
        recorder = RecordingPipeline(self.nlp, self.n_process)
        extractor = SpacyExtractor(recorder)
        parsed = []
        for n, extracted in enumerate(extractor.extract_many(articles)):
            docs = recorder.docs.pop(n, [])
            starts = recorder.starts.pop(n, [])
            parsed.append(parse_article(extracted, docs, starts if -1 not in starts else None))
        return parsed

    def add_parsed(self, parsed_articles: Iterable[ParsedArticle]) -> None:
        """Keep articles parsed already (by :meth:`parse_articles`, or read back from a
        story store: :func:`tracker.store.sentences.add_store_articles`)."""
        added = []
        for parsed in parsed_articles:
            self._articles[parsed.article.id] = parsed
            added.append(parsed)
        if self.encoder is not None and added:
            # one call for all new sentences: the encoder batches far better than per article
            texts = [s.text for parsed in added for s in parsed.sentences]
            vectors = self.encoder.encode(texts)
            start = 0
            for parsed in added:
                end = start + len(parsed.sentences)
                self._vectors[parsed.article.id] = vectors[start:end]
                start = end
        self._idf = None
        self._norms = {}
        self._prefixes = {}

    def claim(self, text: str) -> ParsedClaim:
        """The parsed claim (cached)."""
        claim = self._claims.get(text)
        if claim is None:
            doc = self.nlp(text)
            claim = self._claims[text] = parse_claim(doc)
            self._claim_words[text] = {
                term: token.lower_
                for token in doc
                for term in terms_of([token])
                if term != token.lower_
            }
        return claim

    # -- lexical relatedness ------------------------------------------------------------

    def _ensure_idf(self) -> dict[str, float]:
        if self._idf is None:
            df: Counter[str] = Counter()
            for parsed in self._articles.values():
                df.update(parsed.counts.keys())
            n = len(self._articles)
            self._idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in df.items()}
            self._default_idf = math.log(1 + n) + 1.0
        return self._idf

    def _idf_of(self, term: str) -> float:
        return self._ensure_idf().get(term, self._default_idf)

    def _norm(self, parsed: ParsedArticle) -> float:
        norm = self._norms.get(parsed.article.id)
        if norm is None:
            norm = math.sqrt(
                sum(((1 + math.log(c)) * self._idf_of(t)) ** 2 for t, c in parsed.counts.items())
            )
            self._norms[parsed.article.id] = norm
        return norm

    def relatedness(
        self, claim: ParsedClaim, parsed: ParsedArticle, credits: dict[str, float] | None = None
    ) -> tuple[float, float]:
        """(TF-IDF cosine, weighted share of the claim's words the article uses).

        ``credits`` (:meth:`paraphrased`) counts a claim's word the article names in other
        words for that share of a use."""
        if not claim.terms or not parsed.counts:
            return 0.0, 0.0
        # fsum: the terms are a set, whose order changes from run to run; a plain sum's
        # last bit would change with it, and a verdict can sit on a threshold
        weights = {t: self._idf_of(t) for t in claim.terms}
        used = {
            t: (1 + math.log(parsed.counts[t])) if parsed.counts[t] else (credits or {}).get(t, 0.0)
            for t in weights
        }
        dot = math.fsum(w * used[t] * w for t, w in weights.items() if used[t])
        claim_norm = math.sqrt(math.fsum(w * w for w in weights.values()))
        norm = self._norm(parsed)
        cosine = dot / (claim_norm * norm) if norm else 0.0
        total = math.fsum(weights.values())
        overlap = math.fsum(w * min(used[t], 1.0) for t, w in weights.items()) / total
        return cosine, overlap

    def paraphrased(self, claim: ParsedClaim, parsed: ParsedArticle) -> dict[str, float] | None:
        """For a short text (``settings.short_text`` sentences at most) that uses one of
        the claim's names (or a claim of none), how far it names each of the claim's words
        (:func:`tracker.check.paraphrase.word_credits`); ``None`` for any other text."""
        if len(parsed.sentences) > self.settings.short_text or not claim.terms:
            return None
        words = text_words(parsed.article.text)
        if claim.names and not shares_a_name(claim.names, parsed.counts, words):
            return None
        return word_credits(
            claim.terms - claim.names,
            claim.names,
            self._claim_words.get(claim.text, {}),
            words,
            parsed.counts,
            self.settings.paraphrase,
        )

    # -- verdicts -----------------------------------------------------------------------

    def check(self, claim: str, article_ids: Iterable[str] | None = None) -> list[Verdict]:
        """Verdicts of the articles (all, or those named) on ``claim``, in article order."""
        model = self.verdict_model
        assessments = self.assess(claim, article_ids, full=model is not None)
        labels = [a.verdict for a in assessments] if model is None else model.predict(assessments)
        return [
            Verdict(
                claim,
                a.article.article.id,
                label,
                deciding_evidence(
                    a.claim, label, a.evidence, a.article, a.similarities, self.settings
                ),
                a.cosine,
            )
            for a, label in zip(assessments, labels, strict=True)
        ]

    def assess(
        self, claim: str, article_ids: Iterable[str] | None = None, *, full: bool = False
    ) -> list[Assessment]:
        """What the rules derive for ``claim`` and each article (all, or those named).

        With ``full``, the sentence similarities and evidence are worked out for unrelated
        articles too (a verdict model reads them; the rules need not).
        """
        parsed_claim = self.claim(claim)
        ids = list(self._articles) if article_ids is None else list(article_ids)
        missing = [i for i in ids if i not in self._articles]
        if missing:
            raise KeyError(f"no article with id {missing[0]!r} was added")
        return [self._assess(parsed_claim, self._articles[i], full) for i in ids]

    def _assess(self, claim: ParsedClaim, parsed: ParsedArticle, full: bool) -> Assessment:
        settings = self.settings
        credits = self.paraphrased(claim, parsed)
        cosine, overlap = self.relatedness(claim, parsed, credits)
        cosines = self._cosines(claim, parsed)
        related = (
            cosine >= settings.related
            and overlap >= settings.related_overlap
            and (
                _shares_the_story(claim, parsed, self._prefixes_of(parsed))
                or any(t in (credits or {}) for t in claim.terms - claim.names)
            )
        ) or (max(cosines, default=0.0) >= settings.semantic_related)
        similarities = self._similarities(claim, parsed, cosines, credits is not None)
        if not related and not (full and (overlap > 0 or cosines)):
            return Assessment(
                claim, parsed, cosine, overlap, similarities, (), "unrelated", cosines
            )
        # a headline's clauses that do not state the claim say nothing of it
        parsed = headline_for_claim(claim, parsed)
        evidence = tuple(self._evidence(claim, parsed, similarities))
        verdict = decide(claim, evidence, parsed, settings) if related else "unrelated"
        return Assessment(claim, parsed, cosine, overlap, similarities, evidence, verdict, cosines)

    def _prefixes_of(self, parsed: ParsedArticle) -> set[str]:
        found = self._prefixes.get(parsed.article.id)
        if found is None:
            found = self._prefixes[parsed.article.id] = {_prefix(t) for t in parsed.counts}
        return found

    def _cosines(self, claim: ParsedClaim, parsed: ParsedArticle) -> tuple[float, ...]:
        """Each sentence's embedding cosine with the claim (nothing without an encoder)."""
        if self.encoder is None or not parsed.sentences:
            return ()
        vector = self._claim_vectors.get(claim.text)
        if vector is None:
            vector = self._claim_vectors[claim.text] = self.encoder.encode([claim.text])[0]
        return tuple(float(c) for c in self._vectors[parsed.article.id] @ vector)

    def _similarities(
        self,
        claim: ParsedClaim,
        parsed: ParsedArticle,
        cosines: Sequence[float] = (),
        paraphrased: bool = False,
    ) -> tuple[float, ...]:
        if not claim.terms and not cosines:
            return tuple(0.0 for _ in parsed.sentences)
        weights = {t: self._idf_of(t) for t in claim.terms}
        total = math.fsum(weights.values())
        out = []
        for k, sentence in enumerate(parsed.sentences):
            credits = (
                word_credits(
                    claim.terms - claim.names,
                    claim.names,
                    self._claim_words.get(claim.text, {}),
                    text_words(sentence.text),
                    sentence.terms,
                    self.settings.paraphrase,
                )
                if paraphrased
                else {t: 1.0 for t in claim.terms if t in sentence.terms}
            )
            sim = (
                math.fsum(w * credits.get(t, 0.0) for t, w in weights.items()) / total
                if total
                else 0.0
            )
            for _record, signature in sentence.attributions:
                if signature is not None:
                    sim = max(sim, claim_similarity(claim.signature, signature))
            if cosines:
                sim = max(sim, similarity_from_cosine(cosines[k]))
            out.append(sim)
        return tuple(out)

    def _evidence(
        self, claim: ParsedClaim, parsed: ParsedArticle, similarities: Sequence[float]
    ) -> list[Evidence]:
        settings = self.settings
        scored = [
            (sim, sentence)
            for sim, sentence in zip(similarities, parsed.sentences, strict=True)
            if sim >= settings.match
        ]
        if scored:
            # a later denial that points back ("dismissed the report as baseless") is
            # about the claim the earlier matching sentence stated
            first = min(sentence.index for _, sentence in scored)
            best = max(sim for sim, _ in scored)
            matched = {sentence.index for _, sentence in scored}
            for sentence in parsed.sentences:
                if (
                    sentence.index > first
                    and sentence.index not in matched
                    and refers_back(sentence)
                ):
                    scored.append((best * 0.9, sentence))
        short = len(parsed.sentences) <= settings.short_text
        if short and not scored and any(sim > 0 for sim in similarities):
            # a headline or a few lines: the sentence closest to the claim is about it
            best = max(range(len(similarities)), key=lambda k: (similarities[k], -k))
            scored.append((similarities[best], parsed.sentences[best]))
        scored.sort(key=lambda pair: (-pair[0], pair[1].index))
        evidence = [
            read_sentence(claim, sentence, sim, parsed.article.id, short=short)
            for sim, sentence in scored[: settings.max_matches]
        ]
        # on equal similarity a denial comes first: it is the evidence a reader needs
        order = {id(e): k for k, e in enumerate(evidence)}
        evidence.sort(key=lambda e: (-round(e.similarity, 6), e.stance != "denies", order[id(e)]))
        return evidence


def _prefix(term: str) -> str:
    """A term cut to five letters, so that derived words meet: "suspended" / "suspension",
    "investigate" / "investigation"."""
    return term[:5]


def _shares_the_story(claim: ParsedClaim, parsed: ParsedArticle, prefixes: set[str]) -> bool:
    """Whether the article shares what the claim says happened (one of its words that are
    not names, or a word derived from the same stem: ``prefixes`` are the article's terms
    cut by :func:`_prefix`) or at least two of its names ("Fidel Castro"); a place in
    common is not a story in common.  A claim of names alone asks nothing more."""
    events = claim.terms - claim.names
    if not events:
        return True
    if any(parsed.counts[t] or _prefix(t) in prefixes for t in events):
        return True
    return sum(1 for t in claim.names if parsed.counts[t]) >= 2


# ---------------------------------------------------------------------------------------
# Many claims


def check_claims(
    claims: Sequence[ClaimRequest],
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    checker: ClaimChecker | None = None,
    verdict_model: VerdictDecider | None = None,
    strict: bool = True,
    on_skip: Callable[[ClaimRequest, RecordError], None] | None = None,
) -> Iterator[Verdict]:
    """Verdicts for every request: against its article, or against every article when the
    request names none.  Each article is parsed once, however many claims it meets.

    A request naming an article that is not among ``articles`` (a file that could not be
    read, a wrong id) raises :class:`RecordError` when ``strict``; otherwise it gets no
    verdict, ``on_skip`` hears of it, and the other requests are checked.

    ``verdict_model`` (see :mod:`tracker.check.verdict.model`) decides the verdicts in place of
    the rules; it replaces the checker's own, if any."""
    if checker is None:
        checker = ClaimChecker(nlp)
    checker.add_articles(articles)
    yield from check_requests(
        claims, checker, verdict_model=verdict_model, strict=strict, on_skip=on_skip
    )


def check_requests(
    claims: Sequence[ClaimRequest],
    checker: ClaimChecker,
    *,
    verdict_model: VerdictDecider | None = None,
    strict: bool = True,
    on_skip: Callable[[ClaimRequest, RecordError], None] | None = None,
) -> Iterator[Verdict]:
    """Verdicts for every request against the articles ``checker`` holds; the rest as for
    :func:`check_claims`."""
    if verdict_model is not None:
        checker.verdict_model = verdict_model
    known = set(checker.article_ids)
    for request in claims:
        if request.article_id is not None and request.article_id not in known:
            error = RecordError(
                f"claim {request.claim!r} names article {request.article_id!r}, which is not "
                "among the articles read; fix its article_id or add that article's file"
            )
            if strict:
                raise error
            if on_skip is not None:
                on_skip(request, error)
            continue
        ids = None if request.article_id is None else [request.article_id]
        yield from checker.check(request.claim, ids)


def read_claim_requests(
    path: str | Path, on_skip: Callable[[InputError], None] | None = None
) -> list[ClaimRequest]:
    """Read claim requests from JSON Lines: ``{"claim": "...", "article_id": "..."}`` a line
    (``article_id`` optional); blank lines are skipped.  With ``on_skip``, a bad line is
    handed to it and the rest are read; without, the first bad line raises."""
    return [
        ClaimRequest(claim, article_id)
        for _, _, claim, article_id in claim_lines(Path(path), on_skip=on_skip)
    ]


def claim_lines(
    path: str | Path, on_skip: Callable[[InputError], None] | None = None
) -> Iterator[tuple[int, dict[str, Any], str, str | None]]:
    """The claim objects of a JSON Lines file, checked: (line number, object, claim,
    article_id) for each non-blank line.  A bad line raises :class:`InputError` naming the
    file and line, or, with ``on_skip``, is handed to it and skipped; a file that holds no
    claim at all raises."""
    path = Path(path)
    text = read_utf8(path, "is not UTF-8 text; save it as UTF-8 JSON Lines")
    found = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item, claim, article_id = _claim_line(path, number, line)
        except InputError as error:
            if on_skip is None:
                raise
            on_skip(error)
            continue
        found = True
        yield number, item, claim, article_id
    if not found:
        raise InputError(path, 'holds no claims; write one {"claim": "..."} object a line')


def _claim_line(path: Path, number: int, line: str) -> tuple[dict[str, Any], str, str | None]:
    record = f"line {number}"
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"{record}: not valid JSON ({exc.msg})", record=record) from None
    except (RecursionError, ValueError):
        raise InputError(path, f"{record}: not JSON tracker can read", record=record) from None
    if not isinstance(item, dict):
        raise InputError(
            path, f'{record}: expected an object like {{"claim": "..."}}', record=record
        )
    claim = item.get("claim")
    if not isinstance(claim, str) or not claim.strip():
        raise InputError(path, f'{record}: needs a non-empty "claim" string', record=record)
    article_id = item.get("article_id")
    if article_id is not None and not isinstance(article_id, str):
        raise InputError(path, f'{record}: "article_id" must be a string', record=record)
    return item, claim.strip(), article_id or None
