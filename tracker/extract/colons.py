"""A speaker, a colon, their words: "Senator Vale: the bridge will be rebuilt".

Not every colon names a speaker: a time ("Updated 2:15 p.m. ET:"), a page label
("WARNING:"), a heading in capitals, or a common noun that labels what follows
("Infection: ...") does not.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker import lexicon
from tracker.extract.candidate import Candidate
from tracker.extract.parse import quote_kind, token_extent
from tracker.resolve.embeddings import is_common_word
from tracker.resolve.names import KNOWN_SOURCE_WORDS

__all__ = ["colon_speaker"]


def colon_speaker(
    colon: Token, sent: Span, segments: list[tuple[int, int]], text: str
) -> Candidate | None:
    """The assertion of "Senator Vale: the bridge will be rebuilt" -- the words before the
    colon (a name or a noun phrase of at most eight words, no verb) say what follows it;
    None when the colon follows no speaker.  ``segments`` are the paragraph's quotations,
    ``text`` its text."""
    doc = sent.doc
    left = [t for t in sent if t.i < colon.i and not t.is_space]
    if not left or len(left) > 8 or colon.i + 1 >= len(doc):
        return None
    if any(t.pos_ in ("VERB", "AUX", "PRON") or t.is_punct and t.text not in ".'" for t in left):
        return None
    if not any(t.pos_ in ("PROPN", "NOUN") for t in left):
        return None
    rest_sent = doc[colon.i + 1].sent
    end = rest_sent.end_char if len(list(doc.sents)) > 2 else len(text)
    after = [t for t in doc[colon.i + 1 :] if t.idx < end]
    if _labels_no_speaker(left, after):
        return None
    content = token_extent(after)
    source = token_extent(left)
    if content is None or source is None:
        return None
    quote, content = quote_kind(content, segments, text)
    head = max(left, key=lambda t: (t.pos_ == "PROPN", t.i))
    return Candidate.plain_assertion(
        colon, (colon.idx, colon.idx + 1), source, content, quote, head
    )


def _common_noun_label(word: Token) -> bool:
    """Whether a capitalised word before a colon is a common noun that labels what follows
    ("Infection: ...", "HOAX: ..."): the tagger read it as a noun despite its capitals,
    it is no entity and a common word (unlike a site's name, "Politifact: ..."), and no word
    list knows it as something that speaks."""
    lemma = word.lemma_.lower()
    return (
        word.pos_ == "NOUN"
        and (word.is_title or word.is_upper)
        and not word.ent_type_
        and is_common_word(word.text)
        and lemma not in KNOWN_SOURCE_WORDS
        and word.lower_ not in KNOWN_SOURCE_WORDS
        and lemma not in lexicon.SPEAKING_NOUNS
        and not word.lower_.endswith(lexicon.AGENT_SUFFIXES)
    )


def _labels_no_speaker(left: list[Token], after: list[Token]) -> bool:
    """Whether the words before a colon label what follows instead of naming who says it: a
    time ("Updated 2:15 p.m. ET:"), a page label ("WARNING:"), a heading in capitals
    ("IN CAPTIVITY: ..."), or a caption in capitals after it ("...: GRAPHIC IMAGES"); not a
    headline all in capitals."""
    if any(t.like_num or t.ent_type_ in ("TIME", "DATE") for t in left):
        return True
    if " ".join(t.lower_ for t in left) in lexicon.PAGE_LABELS:
        return True
    words = [t for t in left if t.is_alpha]
    if len(words) == 1 and _common_noun_label(words[0]):
        return True
    # both in capitals: a headline in capitals
    return _in_capitals(words) != _in_capitals([t for t in after if t.is_alpha])


def _in_capitals(words: list[Token]) -> bool:
    return len(words) >= 2 and all(t.is_upper for t in words)
