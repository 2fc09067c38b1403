"""Words that label what follows instead of naming who says it: a heading word alone on
the line above a sentence ("Outline" over "Circulating report claims that ...") on a
fact-check page or in a list of facts."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from tracker import lexicon
from tracker.nlp import doc_text
from tracker.resolve.embeddings import is_common_word
from tracker.resolve.names import KNOWN_SOURCE_WORDS

__all__ = ["heading_word"]


def heading_word(tokens: Sequence[Token]) -> bool:
    """Whether ``tokens`` are one common noun alone on its line, a heading: capitalised
    (unless the whole text is in lower case), tagged as a noun and no entity, a common
    English word (unlike a site's name, "Politifact") and no kind of speaker that a word list
    knows ("Police", "Officials", "Reporter")."""
    words = [t for t in tokens if not t.is_space]
    if len(words) != 1:
        return False
    word = words[0]
    if not word.is_alpha or word.pos_ != "NOUN" or word.ent_type_:
        return False
    if not (word.is_title or not any(c.isupper() for c in doc_text(word.doc))):
        return False
    before = word.doc[word.i - 1] if word.i else None
    if before is not None and not ("\n" in before.text or "\n" in before.whitespace_):
        return False
    if {word.lower_, word.lemma_.lower()} & _SPEAKERS or word.lower_.endswith(
        lexicon.AGENT_SUFFIXES
    ):
        return False
    return is_common_word(word.text)


_SPEAKERS = KNOWN_SOURCE_WORDS | lexicon.SPEAKING_NOUNS
