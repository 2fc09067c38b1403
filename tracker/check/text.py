"""Claims and articles as :mod:`tracker.check` reads them: terms, sentences and cues.

An article is parsed once into :class:`ParsedArticle`: its sentences, each with the terms
it uses (lemmas folded through a light stemmer and the predicate classes of
:mod:`tracker.resolve.similarity`), its claim signature, its attributions, and the first
refutation ("no evidence", "a hoax"), correction ("actually"), doubt ("cast doubt") and
hedge ("reportedly") phrase it holds.  A claim is parsed into :class:`ParsedClaim`, with
the cue that makes it a denial, if any ("Ministry denies that the dam burst").

Nothing here depends on other articles; the weights of terms (TF-IDF over the articles
added) and the verdicts live in :mod:`tracker.check`.

>>> stem("allegations"), stem("arrested"), stem("stories")
('alleg', 'arrest', 'story')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from tracker import lexicon
from tracker.lexicon import WEAK_REFUTATIONS
from tracker.model import Article, Attribution
from tracker.resolve.similarity import ClaimSignature, entity_key, signature_of, word_class

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "ParsedClaim",
    "ParsedSentence",
    "ParsedArticle",
    "RecordingPipeline",
    "parse_claim",
    "parse_article",
    "terms_of",
    "stem",
    "first_phrase",
    "refutes",
    "refers_back",
    "REFUTE",
    "DOUBT",
    "CORRECT",
    "HEDGE",
    "WEAK_CUES",
]


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])")


#: Refutations: "no evidence", "is false", "a hoax" (and every word of lexicon.FALSE_WORDS).
REFUTE = _phrase_pattern(lexicon.REFUTATION_PHRASES + tuple(lexicon.FALSE_WORDS))
#: Doubt: "cast doubt", "skeptical", "implausible".
DOUBT = _phrase_pattern(lexicon.DOUBT_PHRASES)
#: Corrections: "actually", "in fact", "turned out".
CORRECT = _phrase_pattern(lexicon.CORRECTION_PHRASES)
#: Hedges: "reportedly", "according to", "may".
HEDGE = _phrase_pattern(lexicon.REPORTING_HEDGES + tuple(lexicon.HEDGE_WORDS - {"could"}))
#: Cues too weak to settle a denial alone, even in the sentence that best matches a claim.
WEAK_CUES = frozenset(lexicon.DOUBT_PHRASES) | {"not"} | WEAK_REFUTATIONS
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_TERM_POS = frozenset("NOUN PROPN VERB ADJ NUM ADV".split())


@dataclass(frozen=True)
class ParsedSentence:
    """One sentence of an article, with its terms, signature, attributions and cues."""

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
class ParsedArticle:
    """An article's sentences and term counts, and how many sentences refute or hedge."""

    article: Article
    sentences: list[ParsedSentence]
    counts: Counter[str]
    refuting: int  # sentences that refute, doubt or deny something
    hedged: int  # sentences that hedge


@dataclass(frozen=True)
class ParsedClaim:
    """A claim's text, terms and signature; ``negative`` is the cue that makes the claim
    itself a denial, if any."""

    text: str
    terms: frozenset[str]
    signature: ClaimSignature
    negative: str | None


_UNINFORMATIVE = lexicon.UNINFORMATIVE_CLAIM_WORDS
# "the report", "these claims": a sentence pointing back at what the claim is about
_BACK_REFERENCE = re.compile(
    r"\b(?:the|these|those|this|such|that)\s+(?:\w+\s+)?(?:reports?|claims?|stor(?:y|ies)|"
    r"allegations?|accusations?|rumou?rs?|videos?|photos?|pictures?|images?|footage)\b"
)
_SUFFIXES = lexicon.CHECK_SUFFIXES


def stem(word: str) -> str:
    """Strip one common English suffix, keeping at least four letters."""
    word = word.replace("’", "'").removesuffix("'s")
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


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
    return folded if folded != lemma else stem(lemma)


def terms_of(tokens: Iterable) -> list[str]:
    """The content terms of spaCy tokens, in order (repeats kept)."""
    return [t for t in (_term(tok) for tok in tokens) if t]


def first_phrase(pattern: re.Pattern[str], text: str) -> str | None:
    """The first phrase of ``pattern`` in ``text`` (case and curly apostrophes folded)."""
    match = pattern.search(text.lower().translate(_APOSTROPHES))
    return match.group(1) if match else None


def parse_claim(doc: Doc) -> ParsedClaim:
    """A parsed claim; a denial ("X denies that ...") keeps the terms of what it denies."""
    text = doc.text
    negative = first_phrase(REFUTE, text)
    if negative is None:
        for token in doc:
            lemma = token.lemma_.lower()
            if lemma in lexicon.DENY_VERBS or (
                token.dep_ == "neg" and token.head.pos_ in ("VERB", "AUX")
            ):
                negative = token.text.lower()
                break
    terms = frozenset(terms_of(doc))
    if negative:
        # match the proposition denied, not the denial's own words
        terms -= {word_class(w) for w in lexicon.DENY_VERBS} | {
            stem(w) for w in lexicon.FALSE_WORDS
        }
    return ParsedClaim(text, terms, signature_of(doc[:]), negative)


def _sentence(index: int, sent: SpacySpan) -> ParsedSentence:
    text = sent.text.strip()
    return ParsedSentence(
        index=index,
        text=text,
        terms=frozenset(terms_of(sent)),
        signature=signature_of(sent),
        refutation=first_phrase(REFUTE, text),
        correction=first_phrase(CORRECT, text),
        doubt=first_phrase(DOUBT, text),
        hedge=first_phrase(HEDGE, text),
    )


def parse_article(extracted, docs: list[Doc]) -> ParsedArticle:
    """An extracted article (:class:`tracker.extract.ExtractedArticle`-like: ``article``,
    ``attributions``, ``signatures``) and the parsed paragraphs it came from."""
    by_sentence: dict[int, list[tuple[Attribution, ClaimSignature | None]]] = {}
    for record in extracted.attributions:
        by_sentence.setdefault(record.sentence, []).append(
            (record, extracted.signatures.get(record.id))
        )
    sentences: list[ParsedSentence] = []
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
                parsed = replace(parsed, attributions=attributions)
            sentences.append(parsed)
            counts.update(terms_of(sent))
    refuting = sum(1 for s in sentences if refutes(s))
    hedged = sum(1 for s in sentences if s.hedge)
    return ParsedArticle(extracted.article, sentences, counts, refuting, hedged)


class RecordingPipeline:
    """Stands in for the spaCy pipeline inside the extractor and keeps every parsed
    paragraph, so each article is parsed once for attributions and sentences alike.

    ``docs`` holds each article's paragraphs under its place in the stream (0, 1, ...):
    with ``n_process`` > 1 the contexts come back as copies, so identity cannot tell them."""

    def __init__(self, nlp: Language, n_process: int = 1) -> None:
        self.nlp = nlp
        self.n_process = n_process
        self.docs: dict[int, list[Doc]] = {}

    def pipe(self, items, as_tuples: bool = False, batch_size: int = 64, **kwargs):
        kwargs.setdefault("n_process", self.n_process)
        for doc, context in self.nlp.pipe(items, as_tuples=True, batch_size=batch_size, **kwargs):
            article = context[0] if isinstance(context, tuple) else None
            if isinstance(article, Article) and doc.text:
                self.docs.setdefault(context[2], []).append(doc)
            yield (doc, context) if as_tuples else doc


def refutes(sentence: ParsedSentence) -> bool:
    """Whether a sentence refutes, doubts or denies something (not necessarily the claim);
    a weak cue alone (:data:`WEAK_REFUTATIONS`) does not count."""
    if any(record.stance == "denies" for record, _ in sentence.attributions):
        return True
    cue = sentence.refutation or sentence.doubt
    return cue is not None and cue not in WEAK_REFUTATIONS


def refers_back(sentence: ParsedSentence) -> bool:
    """Whether a refuting or correcting sentence points back at a report or claim made
    earlier ("dismissed the report as baseless", "these claims are false")."""
    if not (refutes(sentence) or sentence.correction):
        return False
    return bool(_BACK_REFERENCE.search(sentence.text.lower())) or any(
        signature is not None
        and (signature.reference in lexicon.INFORMATION_NOUNS or signature.anaphoric)
        for _, signature in sentence.attributions
    )
