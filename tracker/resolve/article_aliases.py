"""The names one article says are one source: "Ada Lind, who goes by Lindy", "Lindy (real
name Ada Lind)", "the Port Safety Board (PSB)", and a name given short and then with its
qualifier ("port officials", "port officials in Orsk").  :func:`tracker.resolve.aliases.unify_sources`
joins them over the corpus."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tracker import lexicon
from tracker.nlp import doc_text
from tracker.resolve.names import nicknamed
from tracker.resolve.sources import acronym_of, slugify

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MAX_NAME_WORDS", "find_aliases", "qualified_aliases"]

#: the most words a person's name has
MAX_NAME_WORDS = 4


#: each phrase that says two names are one, as a whole-word pattern, and whether the real
#: name comes first
_PHRASES = [
    (phrase, re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"), real_first)
    for phrases, real_first in ((lexicon.ALIAS_PHRASES, True), (lexicon.REAL_NAME_PHRASES, False))
    for phrase in phrases
]


def _name_like(token: Token, lower_text: bool) -> bool:
    if token.is_punct or token.is_space:
        return False
    if token.ent_type_ in ("PERSON", "ORG") or token.pos_ == "PROPN":
        return True
    if lower_text:
        lemma = token.lemma_.lower()
        return token.pos_ == "NOUN" and lemma not in lexicon.DESCRIPTOR_NOUNS
    return token.is_title and token.pos_ in ("NOUN", "ADJ", "X")


def _name_before(doc: Doc, index: int, lower_text: bool) -> str:
    """The name that ends just before token ``index`` (past a comma or a parenthesis)."""
    k = index - 1
    while k >= 0 and doc[k].text in (",", "(", "-", "\u2014"):
        k -= 1
    run: list[Token] = []
    while k >= 0 and len(run) < MAX_NAME_WORDS and _name_like(doc[k], lower_text):
        run.insert(0, doc[k])
        k -= 1
    return "".join(t.text_with_ws for t in run).strip()


def _name_after(doc: Doc, index: int, lower_text: bool) -> str:
    """The name that starts at token ``index`` (past "is", a colon or a determiner)."""
    k = index
    while k < len(doc) and (doc[k].lower_ in ("is", "was", ":", "as") or doc[k].pos_ == "DET"):
        k += 1
    run: list[Token] = []
    while k < len(doc) and len(run) < MAX_NAME_WORDS and _name_like(doc[k], lower_text):
        run.append(doc[k])
        k += 1
    return "".join(t.text_with_ws for t in run).strip()


def _defined_acronyms(text: str) -> list[tuple[str, str]]:
    """("port-safety-board", "psb") for "the Port Safety Board (PSB)", in any case."""
    pairs = []
    for match in re.finditer(r"\(\s*([A-Za-z][A-Za-z&.]{1,9})\s*\)", text):
        words = slugify(text[max(0, match.start() - 120) : match.start()]).split("-")
        acronym = match.group(1).replace(".", "").lower()
        for n in range(2, min(len(words), 9) + 1):
            if words[-n] not in lexicon.ACRONYM_SKIP_WORDS and acronym_of(words[-n:], acronym):
                pairs.append(("-".join(words[-n:]), acronym))
                break
    return pairs


def find_aliases(doc: Doc) -> list[tuple[str, str]]:
    """(real name id, other name id) pairs that ``doc`` says name one source.

    "Ada Lind, who goes by Lindy" and "Lindy (real name Ada Lind)" both give
    ``("ada-lind", "lindy")`` (:data:`~tracker.lexicon.ALIAS_PHRASES`,
    :data:`~tracker.lexicon.REAL_NAME_PHRASES`); "the Port Safety Board (PSB)" gives
    ``("port-safety-board", "psb")``."""
    text = doc_text(doc)
    lower_text = not any(map(str.isupper, text))
    low = text.lower()
    pairs: list[tuple[str, str]] = _defined_acronyms(text)
    # every full name the text gives, source or not, is a person a short name may stand for
    # ("Haley" with "Gov. Nikki Haley" named in passing and a "Haley Morris" quoted)
    pairs += [
        (slugify(e.text), slugify(e.text))
        for e in doc.ents
        if e.label_ == "PERSON"
        and 2 <= len(e) <= MAX_NAME_WORDS
        and not lower_text
        and not any(t.is_quote for t in e)
    ]  # 'Tomas "Tom" Varga' is Tomas Varga, also called Tom (or Tom Varga):
    for full, nickname, rest in nicknamed(text):
        pairs += [(slugify(full), slugify(w)) for w in (full, nickname, f"{nickname} {rest}")]
    for phrase, pattern, real_first in _PHRASES:
        if phrase in low:
            for match in pattern.finditer(low):
                first = doc.char_span(match.start(), match.end(), alignment_mode="expand")
                if first is None:
                    continue
                before = _name_before(doc, first.start, lower_text)
                after = _name_after(doc, first.end, lower_text)
                if not before or not after or slugify(before) == slugify(after):
                    continue
                real, other = (before, after) if real_first else (after, before)
                pairs.append((slugify(real), slugify(other)))
    return pairs


def qualified_aliases(mentions: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """Which source ids of one article are the same source named without its qualifier.

    ``mentions`` are ``(id, name, kind)`` triples.  A name of two words or more stands for a
    longer name that adds only a short phrase opened by a preposition
    (:data:`~tracker.lexicon.QUALIFYING_PREPOSITIONS`), whichever comes first in the article
    (a headline usually names the source shortest), when the kinds agree (or the short
    one's is unknown) and exactly one longer source fits: with "port officials in kyiv" and
    "port officials in odesa" beside it, "port officials" stays itself.

    >>> qualified_aliases([("customs-officials", "customs officials", "government"),
    ...     ("customs-officials-in-veldmark", "Customs officials in Veldmark", "government")])
    {'customs-officials': 'customs-officials-in-veldmark'}
    >>> qualified_aliases([("us-intelligence", "us intelligence", "government"),
    ...     ("us-intelligence-officials", "us intelligence officials", "government")])
    {}
    """
    named = {(i, " ".join(name.lower().split()), kind) for i, name, kind in mentions}
    longer: dict[str, set[str]] = {}
    for short, name, kind in named:
        if len(name.split()) < 2:
            continue  # one word ("officials") is too generic to pin on one source
        longer.setdefault(short, set()).update(
            long
            for long, long_name, long_kind in named
            if long != short and kind in (long_kind, "unknown") and _qualifies(name, long_name)
        )
    return {short: next(iter(ids)) for short, ids in longer.items() if len(ids) == 1}


#: a longer qualifier ("in final stages of new album") is more often a misread headline
_MAX_QUALIFIER_WORDS = 5


def _qualifies(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` and a short phrase opened by a preposition."""
    if not long.startswith(short + " "):
        return False
    rest = long[len(short) + 1 :].split()
    return rest[0] in lexicon.QUALIFYING_PREPOSITIONS and len(rest) <= _MAX_QUALIFIER_WORDS
