"""Which clause of a headline states the claim: cues of the other clauses are not about it.

A headline often says two things: "Velmora dam bursts; experts say more could follow",
"Orlo Pell resigns, says he won't run again", "Dam bursts – and nobody was hurt", "Mayor
blames rain as dam bursts".  A "not", a "could" or an "X says" in the clause that does not
state the claim says nothing about the claim.  :func:`headline_for_claim` reads a headline
checked against a claim piece by piece (cut at semicolons, commas, spaced dashes and "and",
"but", "as", "while"): a cue in a piece that holds none of the claim's words (and points
back at no report of it: "officials deny it", "rubbish the claims", "it was all a tease")
is dropped, except a source, denial or hedge that is all its piece says (", officials say",
", Astrin denies", "reportedly"), which bears on the whole line.  An attribution is dropped
when its content lies in such a piece too ("experts say more could follow").  A quotation
set off by a colon holding none of the claim's words is a statement of something else
("Dam bursts: 'We lost everything'"), not the claim passed on.  So are what a source says
and a quotation of a few words, wherever they stand, when they hold none of the claim's
words and the rest of the line states it ("Pell quits council after his wife tells him he
has no head for politics", "'We have no regrets' Pell quits council"): their "no", "not"
or "never" denies nothing of the claim.

>>> pieces("Dam bursts; experts say more could follow")
[(0, 10, 'Dam bursts'), (12, 41, 'experts say more could follow')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from tracker import lexicon
from tracker.check.headline import APOSTROPHES, QUOTED
from tracker.check.text import (
    HEADLINE_SENTENCES,
    WORD,
    ParsedArticle,
    ParsedClaim,
    ParsedSentence,
    is_claim_word,
    stem,
)
from tracker.model import Attribution
from tracker.resolve.similarity import ClaimSignature

__all__ = ["pieces", "headline_for_claim"]

_BREAK = re.compile(r"(?:\s*(?:[;,]|\s[-\u2013\u2014]+|\s(?:and|but|as|while)(?=\s)))+\s+", re.I)
#: the most words a piece may have and still be only a source or hedge (", officials say")
_BARE_WORDS = 4
#: the fewest words of a quotation that says something ("'We lost everything'"), not a
#: word or phrase held at a distance ("jets 'missing'")
_STATEMENT_WORDS = 3
#: how many of the claim's words a headline must hold outside someone's words about
#: something else for those words to be beside the claim, not a paraphrase of it
_STATED_WORDS = 2
#: what points back to the claim ("it is false", "it's a hoax")
_BACK_PRONOUNS = lexicon.CLAIM_PRONOUNS | {"it's"}


def pieces(text: str) -> list[tuple[int, int, str]]:
    """A headline's pieces as (start, end, text): cut at semicolons, commas, spaced dashes
    and the words "and", "but", "as", "while"."""
    out, start = [], 0
    for match in _BREAK.finditer(text):
        out.append((start, match.start(), text[start : match.start()]))
        start = match.end()
    out.append((start, len(text), text[start:]))
    return [p for p in out if p[2].strip()]


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower().translate(APOSTROPHES))


def _points_back(words: list[str]) -> bool:
    """Whether a piece points back at the claim: a report noun ("rubbish the claims") or a
    pronoun ("officials deny it", "it was all a tease")."""
    return any(w in lexicon.HEADLINE_REPORT_NOUNS or w in _BACK_PRONOUNS for w in words)


def _cue_at(sentence: ParsedSentence, phrase: str | None) -> int | None:
    """Where a cue ``phrase`` of ``sentence`` starts in the article (found as a word)."""
    if not phrase:
        return None
    lowered = sentence.text.lower().translate(APOSTROPHES)
    phrase = phrase.lower().translate(APOSTROPHES)
    found = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", lowered)
    if found is None and phrase == "n't":
        found = re.search(re.escape(phrase), lowered)
    return None if found is None else sentence.start + found.start()


def _said_of_other(
    sentence: ParsedSentence, about: Callable[[str], bool], event: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The spans of ``sentence`` (article offsets) that are someone's words about something
    else, in a headline that states the claim beside them: what a source says ("..., after
    his wife tells him he has no head for politics") or a quotation of a few words ("'We
    have no regrets' ...") holding none of the claim's words and not pointing back at it,
    when the rest of the line holds at least :data:`_STATED_WORDS` of the claim's words
    other than its names (``event``): "Orlo Pell 'is done with it all'" may be the claim in other
    words."""
    # (content, source) spans; the source's words do not state the claim either
    spans = [
        (
            (record.content.start, record.content.end),
            (record.source.start, record.source.end) if record.source else (0, 0),
        )
        for record, _ in sentence.attributions
        if record.content is not None and record.cue.text != ":"
    ]
    text = sentence.text.translate(APOSTROPHES)
    for match in QUOTED.finditer(text):
        if len(_words(match.group(1) or match.group(2))) >= _STATEMENT_WORDS:
            spans.append(((sentence.start + match.start(), sentence.start + match.end()), (0, 0)))
    other = []
    for (start, end), source in spans:
        inside = _words(_slice(sentence, text, start, end))
        if any(about(w) for w in inside) or _points_back(inside):
            continue
        rest = _outside(sentence, text, [(start, end), source])
        if len({w for w in _words(rest) if event(w)}) >= _STATED_WORDS:
            other.append((start, end))
    return other


def _slice(sentence: ParsedSentence, text: str, start: int, end: int) -> str:
    """``text`` (the sentence's) between article offsets ``start`` and ``end``."""
    return text[max(start - sentence.start, 0) : max(end - sentence.start, 0)]


def _outside(sentence: ParsedSentence, text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` (the sentence's) with the ``spans`` (article offsets) blanked out."""
    chars = list(text)
    for start, end in spans:
        for k in range(max(start - sentence.start, 0), min(end - sentence.start, len(chars))):
            chars[k] = " "
    return "".join(chars)


class _Sides:
    """The pieces of one headline that do not state the claim (:func:`pieces`)."""

    def __init__(self, text: str, claim: ParsedClaim) -> None:
        self.text = text
        self.about = self._about(claim)
        self.event = self._about(claim, names=False)
        cut = [(start, end, _words(piece)) for start, end, piece in pieces(text)]
        unnamed = [p for p in cut if not any(self.about(w) for w in p[2])]
        self.sides = [p for p in unnamed if not _points_back(p[2])]
        # pieces that point back at the claim without naming it: "it was all a tease"
        self.back = [p for p in unnamed if _points_back(p[2])]
        if len(unnamed) == len(cut):
            self.sides = self.back = []  # no piece names the claim: nothing to tell apart

    @staticmethod
    def _about(claim: ParsedClaim, *, names: bool = True) -> Callable[[str], bool]:
        """What counts as the claim's word: one of its terms as written or inflected
        ("resigns" for a claim's "resigned"); without ``names``, one that is not a name."""
        terms = claim.terms if names else claim.terms - claim.names
        return lambda word: is_claim_word(word, terms) or is_claim_word(stem(word), terms)

    def side(self, at: int, length: int, *, bare_counts: bool, last: bool = False) -> bool:
        """Whether a cue at ``at`` (``length`` characters) lies in a piece that does not
        state the claim; with ``bare_counts``, a piece that is only the cue and a few words
        around it (", officials say", "reportedly") bears on the whole line instead (with
        ``last``, only with the cue at its end: ", Astrin denies", not "denies wrongdoing")."""
        for start, end, words in self.sides:
            if start <= at < end:
                if not bare_counts or len(words) > _BARE_WORDS:
                    return True
                at_end = at + length >= end - 1
                return not (at_end or (not last and at <= start + 1))
        return False

    def phrase_side(
        self, sentence: ParsedSentence, phrase: str | None, *, bare: bool, last: bool = False
    ) -> bool:
        """Whether a cue ``phrase`` of ``sentence`` lies in a piece that does not state the
        claim (found as a word in the sentence's text)."""
        at = _cue_at(sentence, phrase)
        if at is None or phrase is None:
            return False
        return self.side(at, len(phrase), bare_counts=bare, last=last)

    def off_claim(self, record: Attribution) -> bool:
        """Whether an attribution lies in a piece that does not state the claim ("experts
        say more could follow", "says he won't run again", "denies wrongdoing"), unless that
        piece is only its cue and source (", officials say", ", Astrin denies") or its
        content points back at the claim ("as X tells us, it was all a tease")."""
        last = record.stance == "denies"  # ", Astrin denies", not "denies wrongdoing"
        if not self.side(record.cue.start, len(record.cue.text), bare_counts=True, last=last):
            return False
        content = record.content
        return content is None or not any(a <= content.start < b for a, b, _ in self.back)


def _kept_attributions(
    sentence: ParsedSentence, sides: _Sides
) -> tuple[tuple[Attribution, ClaimSignature | None], ...]:
    return tuple(
        (record, signature)
        for record, signature in sentence.attributions
        if not sides.off_claim(record)
    )


def _quotes_other(text: str, about: Callable[[str], bool]) -> bool:
    """Whether a headline's quotations are all statements of something else: set off by
    a colon ("Dam bursts: 'We lost everything'") and holding none of the claim's words (not
    a word or phrase in scare quotes: "jets 'missing' after takeover")."""
    text = text.translate(APOSTROPHES)
    found = False
    for match in QUOTED.finditer(text):
        found = True
        quoted = match.group(1) or match.group(2)
        by_colon = text[: match.start()].rstrip().endswith(":") or text[
            match.end() :
        ].lstrip().startswith(":")
        if not by_colon or any(about(w) for w in _words(quoted)):
            return False
    return found


def _all_quotes_in(sentence: ParsedSentence, other: list[tuple[int, int]]) -> bool:
    """Whether every quotation of ``sentence`` lies in one of the ``other`` spans."""
    text = sentence.text.translate(APOSTROPHES)
    quotes = [sentence.start + m.start() for m in QUOTED.finditer(text)]
    return bool(quotes) and all(any(a <= q < b for a, b in other) for q in quotes)


def _for_claim(sentence: ParsedSentence, sides: _Sides) -> ParsedSentence:
    """``sentence`` with the cues of the pieces that do not state the claim dropped, and
    those of someone's words about something else beside it (:func:`_said_of_other`)."""
    changes: dict = {}
    other = _said_of_other(sentence, sides.about, sides.event)

    def in_other(phrase: str | None) -> bool:
        at = _cue_at(sentence, phrase)
        return at is not None and any(start <= at < end for start, end in other)

    attributions = tuple(
        (record, signature)
        for record, signature in _kept_attributions(sentence, sides)
        if record.content is None or (record.content.start, record.content.end) not in other
    )
    if attributions != sentence.attributions:
        changes["attributions"] = attributions
    for field in ("negation", "negated_word"):
        phrase = getattr(sentence, field)
        if sides.phrase_side(sentence, phrase, bare=False) or in_other(phrase):
            changes[field] = None  # "..., not sabotage" is no less about something else
    if sides.phrase_side(sentence, sentence.denial, bare=True, last=True) or in_other(
        sentence.denial
    ):
        changes["denial"] = None  # not ", Astrin denies", which denies the whole line
    if sides.phrase_side(sentence, sentence.hedge, bare=True) or in_other(sentence.hedge):
        changes["hedge"] = None  # not ", reportedly", which passes on the whole line
    if sentence.relayed == "quoted" and (
        _quotes_other(sentence.text, sides.about) or _all_quotes_in(sentence, other)
    ):
        changes["relayed"] = None  # "Dam bursts: 'We lost everything'"
    dropped = "negation" in changes or "negated_word" in changes
    if (
        dropped
        and sentence.signature.negated
        and changes.get("negation", sentence.negation) is None
        and changes.get("negated_word", sentence.negated_word) is None
    ):
        changes["signature"] = replace(sentence.signature, negated=False)
    return replace(sentence, **changes) if changes else sentence


def headline_for_claim(claim: ParsedClaim, parsed: ParsedArticle) -> ParsedArticle:
    """A headline's parsed article as it bears on ``claim``: the cues of its pieces that do
    not state the claim dropped (the module's docstring says which).  A text of more than
    one line, or of more sentences than a headline has, is returned as it is."""
    text = parsed.article.text
    if "\n" in text.strip() or len(parsed.sentences) > HEADLINE_SENTENCES:
        return parsed
    sides = _Sides(text, claim)
    sentences = [_for_claim(s, sides) for s in parsed.sentences]
    if all(a is b for a, b in zip(sentences, parsed.sentences, strict=True)):
        return parsed
    return ParsedArticle.of(parsed.article, sentences)
