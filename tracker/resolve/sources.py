"""Who a source is: its kind, whether it is anonymous, and its canonical identity.

Pronouns ("he", "they"), nominals standing for an earlier speaker ("the statement",
"the report", "the us side") and short names ("savett" after "spokesman sean savett") are
resolved to the entity they stand for within the article; otherwise a source is its own
noun phrase, normalised ("The U.S. officials" -> ``us-officials``).  A name and the same name
with a short qualifier ("customs officials", "customs officials in veldmark") are one source
(:func:`qualified_aliases`).

>>> slugify("The U.S. officials")
'us-officials'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from tracker import lexicon

__all__ = [
    "SourceInfo",
    "SourceResolver",
    "describe_source",
    "slugify",
    "display_name",
    "qualified_aliases",
]

_DROP_WORDS = lexicon.SOURCE_DROP_WORDS


def slugify(text: str) -> str:
    """A lower-case id: words joined by hyphens, dots inside abbreviations dropped.

    >>> slugify("Two senior officials"), slugify("Seventy-two percent of voters")
    ('officials', 'seventy-two-percent-of-voters')
    """
    text = text.lower().replace("\u2019", "'")
    text = re.sub(r"(?<=\b\w)\.(?=\w\.)|(?<=\b\w\.\w)\.", "", text)  # u.s. -> us
    text = text.replace(".", "").replace("'s", "")
    # a hyphenated word is one word: "seventy-two percent" keeps its "two"
    words = [w for w in re.findall(r"\w+(?:-\w+)*", text) if w not in _DROP_WORDS]
    return "-".join(words) or "unknown"


def display_name(text: str) -> str:
    """The name shown to people: the noun phrase without a leading article."""
    text = re.sub(r"\s+", " ", text.strip())
    return re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)


@dataclass(frozen=True)
class SourceInfo:
    """What tracker knows about one source mention."""

    id: str
    name: str
    kind: str
    anonymous: bool
    head: str
    plural: bool = False


def _name_tokens(head: Token) -> list[Token]:
    """The tokens of a person's name inside the phrase headed by ``head``."""
    phrase = [t for t in head.subtree if t.i <= head.i]
    people = [t for t in phrase if t.ent_type_ == "PERSON"]
    if people:
        return people
    # "cia director william burns": proper nouns after a role word
    for i, tok in enumerate(phrase):
        if tok.lemma_.lower() in lexicon.PERSON_ROLES:
            rest = phrase[i + 1 :]
            if 1 <= len(rest) <= 4 and all(t.pos_ == "PROPN" or t.is_title for t in rest):
                return rest
    return []


def describe_source(head: Token, text: str, sentence: str) -> SourceInfo:
    """Classify the source phrase ``text`` headed by ``head`` (an unresolved mention)."""
    lemma = head.lemma_.lower()
    lower = text.lower()
    words = set(re.findall(r"\w+", lower.replace(".", "")))
    plural = head.tag_ in ("NNS", "NNPS") or lemma in ("they", "we")
    anonymous = (
        any(p in sentence.lower() for p in lexicon.ANONYMITY_PHRASES) and head.pos_ != "PRON"
    )

    if head.pos_ == "PRON":
        kind = "person" if lemma in ("he", "she", "i") else "unknown"
        return SourceInfo(slugify(text), display_name(text), kind, False, lemma, plural)
    names = _name_tokens(head)
    if names:
        name = " ".join(t.text for t in names)
        return SourceInfo(slugify(name), display_name(text), "person", False, lemma, False)
    if lemma in lexicon.DOCUMENT_NOUNS and not (words & lexicon.MEDIA_WORDS - {"report"}):
        return SourceInfo(slugify(text), display_name(text), "document", anonymous, lemma, plural)
    named = any(
        t.ent_type_ in ("ORG", "GPE", "NORP", "FAC") or t.pos_ == "PROPN" for t in head.subtree
    )
    if lemma in lexicon.ANONYMOUS_HEADS and (
        lemma in ("source", "sources", "person", "people", "insider", "insiders")
        or anonymous
        or any(c.dep_ == "nummod" or c.lower_ in ("a", "an") for c in head.children)
    ):
        return SourceInfo(slugify(text), display_name(text), "anonymous", True, lemma, plural)
    if words & lexicon.MEDIA_WORDS and not words & {"secretary", "spokesman", "spokeswoman"}:
        kind = "media"
    elif words & lexicon.GOVERNMENT_WORDS:
        kind = "government"
    elif words & lexicon.ORGANIZATION_WORDS or head.ent_type_ == "ORG":
        kind = "organization"
    elif head.ent_type_ == "PERSON":
        kind = "person"
    elif head.ent_type_ in ("GPE", "NORP"):
        kind = "government"
    elif named:
        kind = "organization"
    else:
        kind = "unknown"
    return SourceInfo(slugify(text), display_name(text), kind, anonymous, lemma, plural)


class SourceResolver:
    """Resolves source mentions within one article, in reading order."""

    def __init__(self) -> None:
        self.history: list[SourceInfo] = []
        self.nouns_by_source: list[tuple[set[str], SourceInfo]] = []

    def resolve(self, head: Token, text: str, cue: Token) -> SourceInfo:
        """Who the mention ``text`` (headed by ``head``, speaking through ``cue``) stands for."""
        info = describe_source(head, text, head.sent.text)
        resolved = self._antecedent(head, info) or info
        if info.anonymous and not resolved.anonymous:
            resolved = replace(resolved, anonymous=True)
        self.history.append(resolved)
        # remember the nouns the sentence uses for this source's words ("in a statement")
        nouns = {
            t.lemma_.lower()
            for prep in cue.children
            if prep.dep_ == "prep"
            for t in prep.children
            if t.dep_ == "pobj"
        } & lexicon.DOCUMENT_NOUNS
        self.nouns_by_source.append((nouns, resolved))
        return resolved

    def _antecedent(self, head: Token, info: SourceInfo) -> SourceInfo | None:
        lemma = head.lemma_.lower()
        earlier = [s for s in reversed(self.history)]
        if head.pos_ == "PRON":
            if lemma in ("he", "she", "i"):
                return next((s for s in earlier if s.kind == "person"), None)
            if lemma in ("they", "we"):
                return next(
                    (
                        s
                        for s in earlier
                        if s.plural or s.kind in ("government", "organization", "media")
                    ),
                    None,
                )
            if lemma == "it":
                return next(
                    (
                        s
                        for s in earlier
                        if s.kind in ("government", "organization", "media", "document")
                    ),
                    None,
                )
            return None
        # "a statement from the ministry": the author speaks
        for child in head.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in ("from", "by", "of")
                and lemma in lexicon.DOCUMENT_NOUNS
            ):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    phrase = head.doc[objs[0].left_edge.i : objs[0].right_edge.i + 1].text
                    return describe_source(objs[0], phrase, head.sent.text)
        definite = any(
            c.lower_ in ("the", "this", "that") for c in head.children if c.dep_ == "det"
        )
        if definite and lemma in lexicon.DOCUMENT_NOUNS and info.kind == "document":
            # "the statement" stands for whoever just spoke "in a statement"
            for nouns, source in reversed(self.nouns_by_source):
                if lemma in nouns and source.kind != "document":
                    return source
            if lemma in ("report", "reporting"):
                return next((s for s in earlier if s.kind == "media"), None)
            return None
        if definite and lemma in lexicon.GENERIC_SIDE_NOUNS:
            modifiers = set(info.id.split("-")) - {lemma}
            for s in earlier:
                if s.kind in ("government", "organization") and modifiers & set(s.id.split("-")):
                    return s
            return None
        # a surname standing for a person named in full earlier
        if info.kind in ("person", "unknown", "organization") and len(info.id.split("-")) <= 2:
            parts = info.id.split("-")
            for s in earlier:
                if (
                    s.kind == "person"
                    and s.id != info.id
                    and s.id.split("-")[-len(parts) :] == parts
                ):
                    return s
        return None


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
