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
from tracker.check.headline import (
    APOSTROPHES,
    comparative_hedge,
    contrastive_negation,
    denying_answer,
    describing_negation,
    existential_negation,
    headline_hedge_phrase,
    modal_hedge,
    negating_word,
    presupposing_negation,
    rebuffed_report,
    relayed,
    tail_source,
    unconfirming_negation,
)
from tracker.lexicon import WEAK_REFUTATIONS
from tracker.model import Article, Attribution, Span
from tracker.nlp import span_text
from tracker.resolve.similarity import ClaimSignature, entity_key, signature_of, word_class

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "WORD",
    "verb_forms",
    "ParsedClaim",
    "ParsedSentence",
    "ParsedArticle",
    "RecordingPipeline",
    "parse_claim",
    "parse_article",
    "parse_extracted",
    "terms_of",
    "stem",
    "first_phrase",
    "subject_negation",
    "OPENING_DENIAL",
    "headline_refutation",
    "affirming_answer",
    "read_as_headline",
    "HEADLINE_SENTENCES",
    "is_claim_word",
    "DENIAL_VERB",
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
#: Denials that open a sentence: "No, the dam did not burst", "Fact check: false".
OPENING_DENIAL = re.compile(
    r"^(" + "|".join(re.escape(p) for p in lexicon.OPENING_DENIALS) + r")(?=[\s,.:!])"
)


def verb_forms(verb: str) -> list[str]:
    """A regular verb's finite forms: deny, denies, denied; reject, rejects, rejected (not
    the gerund: "contesting the charges" is no denial of a claim)."""
    if verb.endswith("y"):
        return [verb, verb[:-1] + "ies", verb[:-1] + "ied"]
    if verb.endswith("e"):
        return [verb, verb + "s", verb + "d"]
    if verb.endswith(("s", "sh", "ch")):
        return [verb, verb + "es", verb + "ed"]
    return [verb, verb + "s", verb + "ed"]


#: Denial verbs in any form: "denies", "rejected", "shoots down".
DENIAL_VERB = _phrase_pattern(
    [form for verb in lexicon.DENY_VERBS for form in verb_forms(verb)]
    + list(lexicon.DENIAL_PHRASAL_VERBS)
)
_HEADLINE_REFUTE = _phrase_pattern(lexicon.HEADLINE_REFUTATIONS)
_SUBSTITUTE = _phrase_pattern(lexicon.HEADLINE_SUBSTITUTIONS)
WORD = re.compile(r"[\w']+")
_ANSWER = re.compile(
    r"^(" + "|".join(re.escape(p) for p in lexicon.AFFIRMING_ANSWERS) + r")[\s,.!]*$"
)

#: Hedges: "reportedly", "according to", "may".
HEDGE = _phrase_pattern(lexicon.REPORTING_HEDGES + tuple(lexicon.HEDGE_WORDS - {"could"}))
#: Cues too weak to settle a denial alone, even in the sentence that best matches a claim.
WEAK_CUES = frozenset(lexicon.DOUBT_PHRASES) | {"not"} | WEAK_REFUTATIONS
#: A text of one line and at most this many sentences is a headline
#: (:func:`read_as_headline`).
HEADLINE_SENTENCES = 3
_TERM_POS = frozenset("NOUN PROPN VERB ADJ NUM ADV".split())
_NAME_TYPES = frozenset("PERSON ORG GPE NORP LOC FAC".split())


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
    start: int = 0  # offsets of ``text`` in the article's text (end-exclusive)
    end: int = 0
    #: the word that makes the sentence say the contrary of a claim without "not":
    #: "no threats were made", "nobody was hurt", "none survived"
    negation: str | None = None
    #: "not", "n't" or "never" anywhere in the sentence (a headline's "X not banned")
    negated_word: str | None = None
    #: a denial verb in any form ("denies", "rejected"): what a headline denies with
    denial: str | None = None
    #: how a headline-like sentence passes a claim on without vouching for it: "says"
    #: (a source before a colon or after the claim: "Police: ...", "...: police"),
    #: "quoted" (the claim in quotation marks), "question" (it ends with a question mark),
    #: "tail" (a headline's source after a dash or in brackets at its end: "... – report")
    relayed: str | None = None
    #: the sentence's terms in order, repeats kept (``terms`` is their set; the article's
    #: term counts add them up)
    words: tuple[str, ...] = ()


@dataclass
class ParsedArticle:
    """An article's sentences and term counts, and how many sentences refute or hedge."""

    article: Article
    sentences: list[ParsedSentence]
    counts: Counter[str]
    refuting: int  # sentences that refute, doubt or deny something
    hedged: int  # sentences that hedge

    @classmethod
    def of(cls, article: Article, sentences: list[ParsedSentence]) -> ParsedArticle:
        """The parsed article of these sentences: term counts, refuting and hedged
        sentences counted from them."""
        counts: Counter[str] = Counter()
        for sentence in sentences:
            counts.update(sentence.words)
        refuting = sum(1 for s in sentences if refutes(s))
        hedged = sum(1 for s in sentences if s.hedge)
        return cls(article, sentences, counts, refuting, hedged)


@dataclass(frozen=True)
class ParsedClaim:
    """A claim's text, terms and signature; ``negative`` is the cue that makes the claim
    itself a denial, if any."""

    text: str
    terms: frozenset[str]
    signature: ClaimSignature
    negative: str | None
    #: the terms that name someone or somewhere (people, organisations, places); the rest
    #: say what happened
    names: frozenset[str] = frozenset()
    #: how the claim as worded only passes its proposition on, if it does: a source set off
    #: by a colon, quotation marks or a question (as :func:`relayed` names them), or a hedge
    #: ("reportedly", "allegedly")
    relayed: str | None = None


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
    match = pattern.search(text.lower().translate(APOSTROPHES))
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
    names = frozenset(
        term
        for token in doc
        if token.ent_type_ in _NAME_TYPES and (term := _term(token)) is not None
    )
    passed_on = relayed(doc[:]) or first_phrase(HEDGE, text)
    return ParsedClaim(text, terms, signature_of(doc[:]), negative, names & terms, passed_on)


def _sentence(index: int, sent: SpacySpan, base: int = 0) -> ParsedSentence:
    raw = span_text(sent)
    text = raw.strip()
    start = base + sent.start_char + len(raw) - len(raw.lstrip())
    words = tuple(terms_of(sent))
    return ParsedSentence(
        index=index,
        text=text,
        terms=frozenset(words),
        signature=signature_of(sent),
        refutation=first_phrase(REFUTE, text) or first_phrase(OPENING_DENIAL, text),
        correction=first_phrase(CORRECT, text),
        doubt=first_phrase(DOUBT, text),
        hedge=first_phrase(HEDGE, text),
        start=start,
        end=start + len(text),
        negation=subject_negation(sent),
        negated_word=next(
            (t.lower_ for t in sent if t.dep_ == "neg" or t.lower_ in ("not", "never")), None
        ),
        denial=first_phrase(DENIAL_VERB, text),
        relayed=relayed(sent),
        words=words,
    )


def headline_refutation(text: str, claim_terms: frozenset[str]) -> str | None:
    """The phrase by which a headline refutes what it is about, if any: "no sign", "if
    only", "fell for" (not before a time: "fell for a third day"), or "instead of" right
    before one of the claim's terms (what was replaced is the claim's).  Only a headline's register:
    in a longer text these phrases say other things.

    >>> headline_refutation("Rumours sweep the web, but no sign in Astrin", frozenset())
    'no sign'
    >>> headline_refutation("Velmora shares fell for a third day", frozenset())
    >>> headline_refutation("Astrin mourns Orlo instead of Velmora's Pell", frozenset({"pell"}))
    'instead of'
    >>> headline_refutation("Astrin builds rail instead of road to Velmora", frozenset({"velmora"}))
    """
    lowered = text.lower().translate(APOSTROPHES)
    for match in _HEADLINE_REFUTE.finditer(lowered):
        phrase = match.group(1)
        if phrase.endswith(" for"):
            after = WORD.findall(lowered[match.end() :])[:3]
            if any(w in lexicon.DURATION_WORDS or w.isdigit() for w in after):
                continue
        return phrase
    for match in _SUBSTITUTE.finditer(lowered):
        after = WORD.findall(lowered[match.end() :])[:2]  # "instead of Velmora's Orlo"
        if any(stem(w.removesuffix("'s")) in claim_terms for w in after):
            return match.group(1)
    return None


def read_as_headline(sentence: ParsedSentence, sent: SpacySpan) -> ParsedSentence:
    """A sentence of a text of one line, read in the headline register
    (:mod:`tracker.check.headline`): an event before a colon is its topic ("Ottawa shooting:
    ..."), not a source; a source after a dash or in brackets at the end passes it on
    ("Dam bursts – report"); a hedge in a comparison ("than officials claim") is
    none; a headline's own hedges ("said to", "amid reports", "could") and refutations ("is
    a rumour", "made it all up") count; a "not" on a predicate that takes the clause after
    it for granted ("isn't sure how ..."), in a clause describing someone ("X, who never
    liked the job, quits") or on a noun set against the statement ("..., not sabotage")
    negates nothing of the claim; one on a verb of confirming ("not confirmed") hedges it."""
    passed_on = relayed(sent, topics=True)
    tail = tail_source(sent.doc) if passed_on is None else None
    if tail is not None and sent.start < tail:
        passed_on = "tail"  # "Dam bursts – report", "... [report]"
    sentence = replace(sentence, relayed=passed_on)
    hedge = sentence.hedge
    if hedge is not None and comparative_hedge(sentence.text, hedge):
        hedge = None
    if hedge is None and sentence.relayed is None:
        hedge = headline_hedge_phrase(sentence.text) or modal_hedge(sent)
    negations = [t for t in sent if negating_word(t)]
    if hedge is None and sentence.relayed is None:
        hedge = next(  # "Dam burst not confirmed": unconfirmed, not false
            (f"{t.lower_} {t.head.lower_}" for t in negations if unconfirming_negation(t)), None
        )
    negated = next(
        (
            negating_word(t)
            for t in negations
            if not presupposing_negation(t)
            and not describing_negation(t)
            and not contrastive_negation(t)
            and not unconfirming_negation(t)
        ),
        None,
    )
    refutation = (
        sentence.refutation
        or headline_refutation(sentence.text, frozenset())
        or rebuffed_report(sentence.text)
    )
    negation = sentence.negation or existential_negation(sent)  # "there was no dam burst"
    signature = sentence.signature
    if signature.negated and negated is None and not negation:
        signature = replace(signature, negated=False)  # only "isn't sure how ..."
    return replace(
        sentence,
        hedge=hedge,
        negated_word=negated,
        refutation=refutation,
        signature=signature,
        negation=negation,
    )


def is_claim_word(word: str, terms: frozenset[str]) -> bool:
    """Whether a word of a text, as written, is one of a claim's ``terms`` (stemmed, by
    synonym class or name key, or sharing their first five letters).

    >>> is_claim_word("Arrested", frozenset({"arrest"})), is_claim_word("visit", frozenset())
    (True, False)
    """
    word = word.lower().translate(APOSTROPHES).strip("'\".,").removesuffix("'s")
    if not word:
        return False
    if {word, stem(word), word_class(word), entity_key(word)} & terms:
        return True
    return len(word) >= 5 and any(len(t) >= 5 and t[:5] == word[:5] for t in terms)


def affirming_answer(sentences: list[ParsedSentence]) -> ParsedSentence | None:
    """The sentence that answers a question before it with a plain yes, if any: "That
    letter from 1974? It's real" (a headline's way of confirming, not passing on)."""
    for before, sentence in zip(sentences, sentences[1:], strict=False):
        if before.relayed == "question" and _ANSWER.match(
            sentence.text.lower().translate(APOSTROPHES)
        ):
            return sentence
    return None


def subject_negation(sent: SpacySpan) -> str | None:
    """The word by which a clause says nothing of the kind happened, without "not": a
    negative subject ("no threats were made", "nobody was hurt", "nothing was stolen").

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("No threats were made")
    >>> doc[0].dep_, doc[1].dep_ = "det", "nsubjpass"
    >>> doc[1].head = doc[3]; doc[0].head = doc[1]
    >>> subject_negation(doc[:])
    'no'
    """
    for token in sent:
        word = token.lower_
        if word in lexicon.NEGATIVE_SUBJECTS and token.dep_ in ("nsubj", "nsubjpass"):
            return word
        if word == "no" and token.dep_ == "det" and token.head.dep_ in ("nsubj", "nsubjpass"):
            return word
    return None


def parse_article(extracted, docs: list[Doc], starts: list[int] | None = None) -> ParsedArticle:
    """An extracted article (:class:`tracker.extract.ExtractedArticle`-like: ``article``,
    ``attributions``, ``signatures``) and the parsed paragraphs it came from, which start
    at ``starts`` in the article's text (so each sentence knows its offsets)."""
    if starts is None or len(starts) != len(docs):
        starts = _paragraph_starts(extracted.article.text, docs)
    by_sentence: dict[int, list[tuple[Attribution, ClaimSignature | None]]] = {}
    for record in extracted.attributions:
        by_sentence.setdefault(record.sentence, []).append(
            (record, extracted.signatures.get(record.id))
        )
    sentences: list[ParsedSentence] = []
    spans: list[SpacySpan] = []
    index = 0  # counts sentences as the extractor does, blank ones included
    for doc, base in zip(docs, starts, strict=True):
        for sent in doc.sents:
            index += 1
            if not sent.text.strip():
                continue
            parsed = _sentence(index - 1, sent, base)
            attributions = tuple(by_sentence.get(index - 1, ()))
            if attributions:
                parsed = replace(parsed, attributions=attributions)
            sentences.append(parsed)
            spans.append(sent)
    if len(sentences) <= HEADLINE_SENTENCES and "\n" not in extracted.article.text.strip():
        # a headline: read as headlines are written
        sentences = [read_as_headline(p, sent) for p, sent in zip(sentences, spans, strict=True)]
        sentences = _refutation_across_pieces(sentences, extracted.article.text)
        sentences = _source_across_colon(sentences, spans)
        sentences = _answered_no(sentences)
    return ParsedArticle.of(extracted.article, sentences)


def _answered_no(sentences: list[ParsedSentence]) -> list[ParsedSentence]:
    """A headline's question answered no by the piece after it ("Dam burst? Water board
    says no"), or its topic answered no by a source after a colon ("Dam burst: water board
    says no"): that piece refutes."""
    out = list(sentences)
    for k in range(len(out)):
        if out[k].refutation:
            continue
        answer = denying_answer(out[k].text)
        if k > 0 and out[k - 1].relayed == "question" and answer:
            out[k] = replace(out[k], refutation=answer)
            continue
        _, colon, after = out[k].text.rpartition(":")
        answer = denying_answer(after) if colon else None
        if answer is not None and " " in answer:  # "says no", not a bare "no"
            out[k] = replace(out[k], refutation=answer)
    return out


def _source_across_colon(
    sentences: list[ParsedSentence], spans: list[SpacySpan]
) -> list[ParsedSentence]:
    """A headline's source before a colon that the parser cut off as a sentence of its own
    ("ASTRIN POLICE: | DAM BURST WAS SABOTAGE", as it cuts lines in capitals): the piece
    after the colon passes the claim on, as the whole line read at once does."""
    out = list(sentences)
    for k in range(len(spans) - 1):
        before, after = spans[k], spans[k + 1]
        if before.doc is not after.doc or not before.text.rstrip().endswith(":"):
            continue
        if (
            out[k + 1].relayed is None
            and relayed(before.doc[before.start : after.end], topics=True) == "says"
        ):
            out[k + 1] = replace(out[k + 1], relayed="says")
    return out


def _refutation_across_pieces(sentences: list[ParsedSentence], text: str) -> list[ParsedSentence]:
    """A headline's refuting phrase that the parser cut in two ("Viral photo isn't | what
    it seems"): the piece where it starts refutes."""
    if any(s.refutation for s in sentences):
        return sentences
    lowered = text.lower().translate(APOSTROPHES)
    match = _HEADLINE_REFUTE.search(lowered)
    if match is None or headline_refutation(text, frozenset()) is None:
        return sentences
    return [
        replace(s, refutation=match.group(1)) if s.start <= match.start() < s.end else s
        for s in sentences
    ]


def parse_extracted(extracted, docs: list[tuple[Span, Doc]]) -> ParsedArticle:
    """:func:`parse_article` of an extracted article and its parsed paragraphs as the
    extractor holds them, ``(paragraph, doc)`` pairs: what a
    :class:`~tracker.extract.extractor.SpacyExtractor` given it as ``reader`` keeps with
    each article (the story store does, so ``tracker check`` need not parse it again)."""
    return parse_article(extracted, [doc for _, doc in docs], [span.start for span, _ in docs])


def _paragraph_starts(text: str, docs: list[Doc]) -> list[int]:
    """Where each parsed paragraph lies in ``text``, found in order."""
    starts, position = [], 0
    for doc in docs:
        found = text.find(doc.text, position)
        starts.append(max(found, 0))
        position = found + len(doc.text) if found >= 0 else position
    return starts


class RecordingPipeline:
    """Stands in for the spaCy pipeline inside the extractor and keeps every parsed
    paragraph, so each article is parsed once for attributions and sentences alike.

    ``docs`` holds each article's paragraphs under its place in the stream (0, 1, ...):
    with ``n_process`` > 1 the contexts come back as copies, so identity cannot tell them."""

    def __init__(self, nlp: Language, n_process: int = 1) -> None:
        self.nlp = nlp
        self.n_process = n_process
        self.docs: dict[int, list[Doc]] = {}
        self.starts: dict[int, list[int]] = {}  # where each paragraph starts in the text

    def pipe(self, items, as_tuples: bool = False, batch_size: int = 64, **kwargs):
        kwargs.setdefault("n_process", self.n_process)
        for doc, context in self.nlp.pipe(items, as_tuples=True, batch_size=batch_size, **kwargs):
            article = context[0] if isinstance(context, tuple) else None
            if isinstance(article, Article) and doc.text:
                self.docs.setdefault(context[2], []).append(doc)
                start = getattr(context[1], "start", None)
                self.starts.setdefault(context[2], []).append(
                    start if isinstance(start, int) else -1
                )
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
