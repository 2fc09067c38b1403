"""Check a claim against articles: does each article support it, deny it, only report it,
or say nothing about it?

Each article is parsed once (:meth:`ClaimChecker.add_articles`); any number of claims can
then be checked against it.  A verdict rests on three kinds of evidence:

* how much of the claim's vocabulary the article uses at all (TF-IDF cosine over the
  articles added so far) -- below a threshold the article is ``unrelated``;
* the article's sentences and attributions that match the claim (weighted word overlap
  and :func:`tracker.similarity.claim_similarity`), each read for its stance: a source's
  denial, a refutation in the article's own voice ("there is no evidence that", "a hoax",
  "the video was actually filmed in"), a contrary negated statement, a hedge
  ("reportedly", "according to unconfirmed reports") or a plain assertion;
* refutation and hedge cues anywhere in the article, which weigh less.

A claim that is itself a denial ("Ministry denies that the dam burst") is checked as the
proposition it denies, and the verdict flipped: an article refuting the burst supports it.

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
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import lexicon
from .errors import InputError, RecordError
from .extract import SpacyExtractor
from .model import Article, Attribution
from .similarity import ClaimSignature, claim_similarity, entity_key, signature_of, word_class

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "VERDICTS",
    "CheckSettings",
    "Evidence",
    "Verdict",
    "ClaimRequest",
    "ClaimChecker",
    "check_claims",
    "read_claim_requests",
]

#: Every verdict, in the order tables list them.
VERDICTS = ("supports", "denies", "reports", "unrelated")


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])")


_REFUTE = _phrase_pattern(lexicon.REFUTATION_PHRASES + tuple(lexicon.FALSE_WORDS))
_DOUBT = _phrase_pattern(lexicon.DOUBT_PHRASES)
_CORRECT = _phrase_pattern(lexicon.CORRECTION_PHRASES)
_HEDGE = _phrase_pattern(lexicon.REPORTING_HEDGES + tuple(lexicon.HEDGE_WORDS - {"could"}))
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_ENTITY_TYPES = frozenset("GPE NORP ORG PERSON LOC FAC EVENT PRODUCT WORK_OF_ART".split())
_TERM_POS = frozenset("NOUN PROPN VERB ADJ NUM ADV".split())


@dataclass(frozen=True)
class CheckSettings:
    """Thresholds of the verdict rules (general values, picked by reading errors).

    ``related`` is the TF-IDF cosine of claim and article below which an article is
    unrelated (``related_overlap``: the weighted share of the claim's words it must use);
    ``match`` the weighted share of the claim's words a sentence must hold to count as
    being about the claim.  An article refutes the claim when its denials of the claim
    weigh ``deny`` (sum of their similarities), or when ``refuting_sentences`` of its
    sentences, or ``refuting_share`` of them, refute, doubt or deny something.  It only
    reports the claim when ``hedged_share`` of its sentences hedge.  A claim that is
    itself a denial is denied by an article that asserts what it denies with a weight of
    ``flip_assertion``.
    """

    related: float = 0.08
    related_overlap: float = 0.1
    match: float = 0.35
    max_matches: int = 5
    deny: float = 0.9
    refuting_sentences: int = 3
    refuting_share: float = 0.2
    hedged_share: float = 0.08
    flip_assertion: float = 0.5


@dataclass(frozen=True)
class Evidence:
    """One sentence or attribution that bears on the verdict.

    ``source`` is who speaks (``None``: the article's own voice); ``stance`` is what the
    sentence does with the claim (``asserts``, ``denies``, ``declines``, ``reports``);
    ``cue`` the word that shows it; ``similarity`` how closely the sentence matches the claim.
    """

    source: str | None
    stance: str
    cue: str | None
    sentence: str
    similarity: float
    article_id: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "stance": self.stance,
            "cue": self.cue,
            "sentence": self.sentence,
            "similarity": round(self.similarity, 3),
            "article_id": self.article_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(
            source=data.get("source"),
            stance=str(data["stance"]),
            cue=data.get("cue"),
            sentence=str(data.get("sentence", "")),
            similarity=float(data.get("similarity", 0.0)),
            article_id=str(data.get("article_id", "")),
        )


@dataclass(frozen=True)
class Verdict:
    """An article's verdict on a claim, with the evidence that decided it.

    ``score`` is how related the article is to the claim (0 to 1).
    """

    claim: str
    article_id: str
    verdict: str
    evidence: tuple[Evidence, ...] = ()
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim": self.claim,
            "article_id": self.article_id,
            "verdict": self.verdict,
            "score": round(self.score, 3),
            "evidence": [e.to_dict() for e in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        return cls(
            claim=str(data["claim"]),
            article_id=str(data["article_id"]),
            verdict=str(data["verdict"]),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence", ())),
            score=float(data.get("score", 0.0)),
        )


@dataclass(frozen=True)
class ClaimRequest:
    """A claim to check, against one article (``article_id``) or against all (``None``)."""

    claim: str
    article_id: str | None = None


# ---------------------------------------------------------------------------------------
# Parsed text


@dataclass(frozen=True)
class _Sentence:
    index: int
    text: str
    terms: frozenset[str]
    signature: ClaimSignature
    refutation: str | None
    correction: str | None
    doubt: str | None
    hedge: str | None
    attributions: tuple[tuple[Attribution, ClaimSignature | None], ...] = ()


@dataclass
class _ParsedArticle:
    article: Article
    sentences: list[_Sentence]
    counts: Counter[str]
    refuting: int  # sentences that refute, doubt or deny something
    hedged: int  # sentences that hedge


@dataclass(frozen=True)
class _Claim:
    text: str
    terms: frozenset[str]
    signature: ClaimSignature
    negative: str | None  # the cue that makes the claim itself a denial


def _term(token) -> str | None:
    if token.is_stop or token.is_punct or token.is_space or token.pos_ not in _TERM_POS:
        return None
    if not any(ch.isalnum() for ch in token.text):
        return None
    # headlines in title case tag most words PROPN, and a PROPN keeps its inflection:
    # fold both sides through the same light stemmer so "Arrested" meets "arrest"
    lemma = token.lower_ if token.pos_ == "PROPN" else token.lemma_.lower()
    if lemma in _UNINFORMATIVE:
        return None
    if token.ent_type_ in ("NORP", "GPE"):
        return entity_key(lemma)
    folded = word_class(lemma)
    return folded if folded != lemma else _stem(lemma)


_UNINFORMATIVE = frozenset(
    "say tell report be have do also just new monday tuesday wednesday thursday friday "
    "saturday sunday today yesterday tomorrow week month year day time".split()
)
# "the report", "these claims": a sentence pointing back at what the claim is about
_BACK_REFERENCE = re.compile(
    r"\b(?:the|these|those|this|such|that)\s+(?:\w+\s+)?(?:reports?|claims?|stor(?:y|ies)|"
    r"allegations?|accusations?|rumou?rs?|videos?|photos?|pictures?|images?|footage)\b"
)
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "edly", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    """Strip one common English suffix, keeping at least four letters."""
    word = word.replace("’", "'").removesuffix("'s")
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _terms(tokens: Iterable) -> list[str]:
    return [t for t in (_term(tok) for tok in tokens) if t]


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text.lower().translate(_APOSTROPHES))
    return match.group(1) if match else None


def _parse_claim(doc: Doc) -> _Claim:
    span = doc[:]
    text = doc.text
    negative = _first(_REFUTE, text)
    if negative is None:
        for token in doc:
            lemma = token.lemma_.lower()
            if lemma in lexicon.DENY_VERBS or (
                token.dep_ == "neg" and token.head.pos_ in ("VERB", "AUX")
            ):
                negative = token.text.lower()
                break
    terms = frozenset(_terms(doc))
    if negative:
        # match the proposition denied, not the denial's own words
        terms -= {word_class(w) for w in lexicon.DENY_VERBS} | {
            _stem(w) for w in lexicon.FALSE_WORDS
        }
    return _Claim(text, terms, signature_of(span), negative)


def _sentence(index: int, sent: SpacySpan) -> _Sentence:
    text = sent.text.strip()
    return _Sentence(
        index=index,
        text=text,
        terms=frozenset(_terms(sent)),
        signature=signature_of(sent),
        refutation=_first(_REFUTE, text),
        correction=_first(_CORRECT, text),
        doubt=_first(_DOUBT, text),
        hedge=_first(_HEDGE, text),
    )


class _RecordingPipeline:
    """Stands in for the spaCy pipeline inside the extractor and keeps every parsed
    paragraph, so each article is parsed once for attributions and sentences alike."""

    def __init__(self, nlp: Language, n_process: int = 1) -> None:
        self.nlp = nlp
        self.n_process = n_process
        self.docs: dict[int, list[Doc]] = {}

    def pipe(self, items, as_tuples: bool = False, batch_size: int = 64, **kwargs):
        kwargs.setdefault("n_process", self.n_process)
        for doc, context in self.nlp.pipe(items, as_tuples=True, batch_size=batch_size, **kwargs):
            article = context[0] if isinstance(context, tuple) else None
            if isinstance(article, Article) and doc.text:
                self.docs.setdefault(id(article), []).append(doc)
            yield (doc, context) if as_tuples else doc


# ---------------------------------------------------------------------------------------
# Checking


class ClaimChecker:
    """Articles parsed once, checked against any number of claims.

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
    ) -> None:
        if nlp is None:
            from .nlp import load_pipeline

            nlp = load_pipeline(model)
        self.nlp = nlp
        self.settings = settings or CheckSettings()
        self.n_process = n_process
        self._articles: dict[str, _ParsedArticle] = {}
        self._claims: dict[str, _Claim] = {}
        self._idf: dict[str, float] | None = None
        self._norms: dict[str, float] = {}

    @property
    def article_ids(self) -> list[str]:
        """Ids of the articles added, in the order they were added."""
        return list(self._articles)

    def add_articles(self, articles: Iterable[Article]) -> None:
        """Parse articles (all in one stream) and keep what checking needs."""
        recorder = _RecordingPipeline(self.nlp, self.n_process)
        extractor = SpacyExtractor(recorder)
        for extracted in extractor.extract_many(articles):
            docs = recorder.docs.pop(id(extracted.article), [])
            self._articles[extracted.article.id] = self._parsed(extracted, docs)
        self._idf = None
        self._norms = {}

    def _parsed(self, extracted, docs: list[Doc]) -> _ParsedArticle:
        by_sentence: dict[int, list[tuple[Attribution, ClaimSignature | None]]] = {}
        for record in extracted.attributions:
            by_sentence.setdefault(record.sentence, []).append(
                (record, extracted.signatures.get(record.id))
            )
        sentences: list[_Sentence] = []
        counts: Counter[str] = Counter()
        index = 0  # counts sentences as the extractor does, blank ones included
        for doc in docs:
            for sent in doc.sents:
                index += 1
                if not sent.text.strip():
                    continue
                parsed = _sentence(index - 1, sent)
                attributions = tuple(by_sentence.get(index - 1, ()))
                if attributions:
                    parsed = _with_attributions(parsed, attributions)
                sentences.append(parsed)
                counts.update(_terms(sent))
        refuting = sum(1 for s in sentences if _refutes(s))
        hedged = sum(1 for s in sentences if s.hedge)
        return _ParsedArticle(extracted.article, sentences, counts, refuting, hedged)

    def claim(self, text: str) -> _Claim:
        """The parsed claim (cached)."""
        claim = self._claims.get(text)
        if claim is None:
            claim = self._claims[text] = _parse_claim(self.nlp(text))
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

    def _norm(self, parsed: _ParsedArticle) -> float:
        norm = self._norms.get(parsed.article.id)
        if norm is None:
            norm = math.sqrt(
                sum(((1 + math.log(c)) * self._idf_of(t)) ** 2 for t, c in parsed.counts.items())
            )
            self._norms[parsed.article.id] = norm
        return norm

    def relatedness(self, claim: _Claim, parsed: _ParsedArticle) -> tuple[float, float]:
        """(TF-IDF cosine, weighted share of the claim's words the article uses)."""
        if not claim.terms or not parsed.counts:
            return 0.0, 0.0
        weights = {t: self._idf_of(t) for t in claim.terms}
        dot = sum(
            w * (1 + math.log(parsed.counts[t])) * w for t, w in weights.items() if parsed.counts[t]
        )
        claim_norm = math.sqrt(sum(w * w for w in weights.values()))
        norm = self._norm(parsed)
        cosine = dot / (claim_norm * norm) if norm else 0.0
        total = sum(weights.values())
        overlap = sum(w for t, w in weights.items() if parsed.counts[t]) / total
        return cosine, overlap

    # -- verdicts -----------------------------------------------------------------------

    def check(self, claim: str, article_ids: Iterable[str] | None = None) -> list[Verdict]:
        """Verdicts of the articles (all, or those named) on ``claim``, in article order."""
        parsed_claim = self.claim(claim)
        ids = list(self._articles) if article_ids is None else list(article_ids)
        missing = [i for i in ids if i not in self._articles]
        if missing:
            raise KeyError(f"no article with id {missing[0]!r} was added")
        return [self._verdict(parsed_claim, self._articles[i]) for i in ids]

    def _verdict(self, claim: _Claim, parsed: _ParsedArticle) -> Verdict:
        settings = self.settings
        article_id = parsed.article.id
        cosine, overlap = self.relatedness(claim, parsed)
        if cosine < settings.related or overlap < settings.related_overlap:
            return Verdict(claim.text, article_id, "unrelated", (), cosine)
        evidence = self._evidence(claim, parsed)
        verdict = _decide(claim, evidence, parsed, settings)
        return Verdict(claim.text, article_id, verdict, tuple(evidence), cosine)

    def _sentence_similarity(self, claim: _Claim, sentence: _Sentence) -> float:
        if not claim.terms:
            return 0.0
        total = sum(self._idf_of(t) for t in claim.terms)
        shared = sum(self._idf_of(t) for t in claim.terms & sentence.terms)
        return shared / total

    def _evidence(self, claim: _Claim, parsed: _ParsedArticle) -> list[Evidence]:
        settings = self.settings
        scored = []
        for sentence in parsed.sentences:
            sim = self._sentence_similarity(claim, sentence)
            for _record, signature in sentence.attributions:
                if signature is not None:
                    sim = max(sim, claim_similarity(claim.signature, signature))
            if sim >= settings.match:
                scored.append((sim, sentence))
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
                    and _refers_back(sentence)
                ):
                    scored.append((best * 0.9, sentence))
        scored.sort(key=lambda pair: (-pair[0], pair[1].index))
        evidence = [
            _read_sentence(claim, sentence, sim, parsed.article.id)
            for sim, sentence in scored[: settings.max_matches]
        ]
        # on equal similarity a denial comes first: it is the evidence a reader needs
        order = {id(e): k for k, e in enumerate(evidence)}
        evidence.sort(key=lambda e: (-round(e.similarity, 6), e.stance != "denies", order[id(e)]))
        return evidence


def _with_attributions(sentence: _Sentence, attributions) -> _Sentence:
    return replace(sentence, attributions=tuple(attributions))


def _refers_back(sentence: _Sentence) -> bool:
    if not (_refutes(sentence) or sentence.correction):
        return False
    return bool(_BACK_REFERENCE.search(sentence.text.lower())) or any(
        signature is not None
        and (signature.reference in lexicon.INFORMATION_NOUNS or signature.anaphoric)
        for _, signature in sentence.attributions
    )


def _refutes(sentence: _Sentence) -> bool:
    """Whether a sentence refutes, doubts or denies something (not necessarily the claim)."""
    return bool(
        sentence.refutation
        or sentence.doubt
        or any(record.stance == "denies" for record, _ in sentence.attributions)
    )


def _read_sentence(claim: _Claim, sentence: _Sentence, sim: float, article_id: str) -> Evidence:
    """What one sentence about the claim does with it."""
    for record, _signature in sentence.attributions:
        if record.stance == "denies":
            return _said(record, "denies", sentence, sim, article_id)
    refutation = sentence.refutation or sentence.correction or sentence.doubt
    if refutation and not (claim.negative and sentence.refutation):
        source = next((r.source_name or _text(r.source) for r, _ in sentence.attributions), None)
        return Evidence(source, "denies", refutation, sentence.text, sim, article_id)
    if not (claim.signature.negated or claim.negative):
        # a contrary statement: "X refrains from such actions", "the bodies were not ..."
        for record, signature in sentence.attributions:
            if signature is not None and signature.negated and not signature.directive:
                return _said(record, "denies", sentence, sim, article_id)
        if sentence.signature.negated and not sentence.attributions:
            return Evidence(None, "denies", "not", sentence.text, sim, article_id)
    for record, _signature in sentence.attributions:
        if record.stance == "declines":
            return _said(record, "declines", sentence, sim, article_id)
    if sentence.hedge:
        source = next((r.source_name or _text(r.source) for r, _ in sentence.attributions), None)
        return Evidence(source, "reports", sentence.hedge, sentence.text, sim, article_id)
    for record, _signature in sentence.attributions:
        cue = record.cue.text.lower().split()[0] if record.cue.text else ""
        endorsing = any(cue.startswith(c[:5]) for c in lexicon.ENDORSING_CUES)
        stance = "asserts" if endorsing and not record.hedged else "reports"
        return _said(record, stance, sentence, sim, article_id)
    return Evidence(None, "asserts", None, sentence.text, sim, article_id)


def _text(span) -> str | None:
    return span.text if span is not None else None


def _said(
    record: Attribution, stance: str, sentence: _Sentence, sim: float, article_id: str
) -> Evidence:
    """Evidence from an attribution: its source and cue."""
    source = record.source_name or _text(record.source)
    return Evidence(source, stance, record.cue.text, sentence.text, sim, article_id)


# cues too weak to settle a denial alone, even in the sentence that best matches the claim
_WEAK = frozenset(lexicon.DOUBT_PHRASES) | {"not"}


def _decide(
    claim: _Claim, evidence: Sequence[Evidence], parsed: _ParsedArticle, settings: CheckSettings
) -> str:
    weight: Counter[str] = Counter()
    for e in evidence:
        weight[e.stance] += e.similarity
    sentences = max(len(parsed.sentences), 1)
    refutes = (
        weight["denies"] >= settings.deny
        or bool(evidence and evidence[0].stance == "denies" and evidence[0].cue not in _WEAK)
        or parsed.refuting >= settings.refuting_sentences
        or parsed.refuting / sentences >= settings.refuting_share
    )
    hedges = parsed.hedged / sentences >= settings.hedged_share
    if claim.negative:
        # the claim is a denial: an article refuting what it denies agrees with it
        if refutes:
            return "supports"
        if not hedges and weight["asserts"] >= settings.flip_assertion:
            return "denies"
        return "reports" if hedges else "supports"
    if refutes:
        return "denies"
    return "reports" if hedges else "supports"


# ---------------------------------------------------------------------------------------
# Many claims


def check_claims(
    claims: Sequence[ClaimRequest],
    articles: Iterable[Article],
    nlp: Language | None = None,
    *,
    checker: ClaimChecker | None = None,
) -> Iterator[Verdict]:
    """Verdicts for every request: against its article, or against every article when the
    request names none.  Each article is parsed once, however many claims it meets."""
    if checker is None:
        checker = ClaimChecker(nlp)
    checker.add_articles(articles)
    known = set(checker.article_ids)
    for request in claims:
        if request.article_id is not None and request.article_id not in known:
            raise RecordError(
                f"claim {request.claim!r} names article {request.article_id!r}, which is not "
                "among the articles read; fix its article_id or add that article's file"
            )
        ids = None if request.article_id is None else [request.article_id]
        yield from checker.check(request.claim, ids)


def read_claim_requests(path: str | Path) -> list[ClaimRequest]:
    """Read claim requests from JSON Lines: ``{"claim": "...", "article_id": "..."}`` a line
    (``article_id`` optional); blank lines are skipped."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except UnicodeDecodeError:
        raise InputError(path, "is not UTF-8 text; save it as UTF-8 JSON Lines") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})") from None
    requests = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(item, dict):
            raise InputError(path, f'line {number}: expected an object like {{"claim": "..."}}')
        claim = item.get("claim")
        if not isinstance(claim, str) or not claim.strip():
            raise InputError(path, f'line {number}: needs a non-empty "claim" string')
        article_id = item.get("article_id")
        if article_id is not None and not isinstance(article_id, str):
            raise InputError(path, f'line {number}: "article_id" must be a string')
        requests.append(ClaimRequest(claim.strip(), article_id or None))
    if not requests:
        raise InputError(path, 'holds no claims; write one {"claim": "..."} object a line')
    return requests
