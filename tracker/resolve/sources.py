"""Who a source is: its kind, whether it is anonymous, and its canonical identity.

Pronouns ("he", "they"), nominals standing for an earlier speaker ("the statement",
"the report", "the us side") and short names ("savett" after "spokesman sean savett") are
resolved to the entity they stand for within the article; otherwise a source is its own
noun phrase, normalised ("The U.S. officials" -> ``us-officials``).  A name and the same name
with a short qualifier ("customs officials", "customs officials in veldmark") are one source
(:func:`tracker.resolve.aliases.qualified_aliases`).

>>> slugify("The U.S. officials")
'us-officials'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from tracker import lexicon
from tracker.nlp import doc_text, span_text
from tracker.resolve.names import KNOWN_SOURCE_WORDS, described_name, joined, name_tokens

__all__ = [
    "SourceInfo",
    "SourceResolver",
    "describe_source",
    "slugify",
    "display_name",
    "names_nothing",
    "written_as_acronym",
    "demanded_by",
    "inside_quotes",
    "acronym_of",
]

_DROP_WORDS = lexicon.SOURCE_DROP_WORDS


def slugify(text: str) -> str:
    """A lower-case id: words joined by hyphens, dots inside abbreviations dropped.

    >>> slugify("Two senior officials"), slugify("Seventy-two percent of voters")
    ('officials', 'seventy-two-percent-of-voters')
    >>> slugify("U.S. officials"), slugify("US officials"), slugify("United States officials")
    ('us-officials', 'us-officials', 'us-officials')

    Accents are dropped, as outlets drop them: "Íñigo Brask" and "Inigo Brask" are one id.

    >>> slugify("Íñigo Brask"), slugify("Mikaël Vågen")
    ('inigo-brask', 'mikael-vagen')
    """
    text = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    text = unicodedata.normalize("NFC", "".join(c for c in text if not unicodedata.combining(c)))
    text = re.sub(r"(?<=\b\w)\.(?=\w\.)|(?<=\b\w\.\w)\.", "", text)  # u.s. -> us
    text = text.replace(".", "").replace("'s", "")
    # a hyphenated word is one word: "seventy-two percent" keeps its "two"
    words = [w for w in re.findall(r"\w+(?:-\w+)*", text) if w not in _DROP_WORDS]
    return "-".join(_canonical_words(words)) or "unknown"


def _variants_by_first_word() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    found: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for variant, canonical in lexicon.NAME_VARIANTS.items():
        found.setdefault(variant[0], []).append((tuple(variant), tuple(canonical)))
    return found


#: :data:`~tracker.lexicon.NAME_VARIANTS` by their first word, in the lexicon's order
_VARIANTS = _variants_by_first_word()


def _canonical_words(words: list[str]) -> list[str]:
    """Words with the several spellings of one name made one ("united states": "us")."""
    out: list[str] = []
    k = 0
    while k < len(words):
        for variant, canonical in _VARIANTS.get(words[k], ()):
            if tuple(words[k : k + len(variant)]) == variant:
                out.extend(canonical)
                k += len(variant)
                break
        else:
            out.append(words[k])
            k += 1
    return out


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
    #: what the text says the source is ("gossip website", "cia director"), apart from its name
    description: str = ""


#: entity labels that make a phrase name something
_NAMED_LABELS = frozenset("PERSON ORG GPE NORP FAC LOC PRODUCT WORK_OF_ART EVENT LAW".split())
#: entity labels of times and quantities: a phrase headed by one names nothing that speaks
#: (not numbers: "six in 10 say", "a third said", "the 46-year-old said" are people)
_MEASURE_LABELS = frozenset("TIME QUANTITY MONEY".split())
#: parts of speech a title-cased headline has inside it and a name does not
_HEADLINE_POS = frozenset("ADP AUX VERB PART SCONJ CCONJ PRON ADV".split())


def _phrase_tokens(head: Token, text: str) -> list[Token]:
    """The tokens of the phrase ``text`` around ``head`` (``[head]`` if it is not found)."""
    doc = head.doc
    start = doc_text(doc).find(text, max(0, head.idx - len(text)))
    while start != -1 and not start <= head.idx < start + len(text):
        start = doc_text(doc).find(text, start + 1)
        if start > head.idx:
            start = -1
    if start == -1 or not text:
        return [head]
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    return list(span) if span is not None else [head]


def acronym_of(words: Sequence[str], acronym: str) -> bool:
    """Whether ``acronym`` is made of the initials of ``words``, which may leave out small
    words (:data:`~tracker.lexicon.ACRONYM_SKIP_WORDS`).

    >>> acronym_of("department of homeland security".split(), "dhs")
    True
    >>> acronym_of("coordinator of government activities in the territories".split(), "cogat")
    True
    >>> acronym_of("port safety board".split(), "psa")
    False
    """
    letters = acronym.lower().replace(".", "").replace("&", "")

    def match(w: int, k: int) -> bool:
        if k == len(letters):
            return all(word in lexicon.ACRONYM_SKIP_WORDS for word in words[w:])
        if w == len(words):
            return False
        word = words[w]
        if word[:1] == letters[k] and match(w + 1, k + 1):
            return True
        return word in lexicon.ACRONYM_SKIP_WORDS and match(w + 1, k)

    return len(letters) >= 2 and len(words) >= 2 and match(0, 0)


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym`` is the initials of the last words of ``words``."""
    return any(acronym_of(words[-n:], acronym) for n in range(2, len(words) + 1))


def names_nothing(head: Token, text: str) -> bool:
    """Whether the source phrase ``text`` (headed by ``head``) names nothing that can speak:
    a web page label ("UPDATE"), a headline read as a phrase, a time or a number, or a
    common noun such as "sign" or "the final bit of evidence"."""
    if display_name(text).lower().strip(" .,:;!?\"'\u201c\u201d") in lexicon.PAGE_LABELS:
        return True
    if head.pos_ == "PRON":
        return False
    tokens = _phrase_tokens(head, text)
    if _headline_fragment(tokens):
        return True
    if any(t.ent_type_ in _NAMED_LABELS or t.pos_ == "PROPN" for t in tokens):
        return False
    of_group = any(
        c.dep_ == "prep" and c.lower_ == "of" and g.dep_ == "pobj" and _speaks(g)
        for c in head.children
        for g in c.children
    )
    if head.ent_type_ in _MEASURE_LABELS:
        return not of_group
    lemma = head.lemma_.lower()
    if (lemma in lexicon.NOT_SOURCE_NOUNS or head.lower_ in lexicon.NOT_SOURCE_NOUNS) and (
        not of_group
    ):
        return True
    # a common noun, with its article, that stands for no one who could speak ("the region",
    # "a black screen"), and no word before it that does ("the gossip website tattlerly");
    # without an article it may be a name the tagger took for a noun ("brakwell said")
    return (
        head.pos_ == "NOUN"
        and _determined(head)
        and not of_group
        and not any(_may_speak(t) for t in tokens if t.i <= head.i)
    )


def _names_author(token: Token) -> bool:
    """Whether ``token`` after "of" names who wrote a text ("the report of the commission"),
    not what it is about ("reports of suspected cases")."""
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMED_LABELS or _may_speak(token)


def _may_speak(token: Token) -> bool:
    """Whether ``token`` is a noun that can stand for someone or something that speaks."""
    return token.pos_ in ("NOUN", "PROPN") and (
        bool({token.lemma_.lower(), token.lower_} & _SPEAKING_WORDS)
        or token.lower_.endswith(lexicon.AGENT_SUFFIXES)
    )


def inside_quotes(token: Token) -> bool:
    """Whether ``token`` stands inside quotation marks opened earlier in its paragraph."""
    before = doc_text(token.doc)[: token.idx]
    opened = sum(before.count(q) for q in lexicon.OPENING_QUOTES)
    closed = sum(before.count(q) for q in lexicon.CLOSING_QUOTES)
    return opened > closed or before.count('"') % 2 == 1


def demanded_by(head: Token, cue: Token) -> bool:
    """Whether the cue is a demand that the noun ``head`` makes in a clause of its own ("a
    problem that demands a bipartisan response", "a crisis that calls for calm"): the text
    gives that thing as the one demanding, whatever noun it is."""
    return (
        cue.dep_ == "relcl"
        and cue.head.i == head.i
        and cue.lemma_.lower() in lexicon.DIRECTIVE_VERBS
        and any(c.dep_ == "nsubj" and c.lower_ in lexicon.RELATIVE_PRONOUNS for c in cue.children)
    )


def _speaks(token: Token) -> bool:
    words = {token.lemma_.lower(), token.lower_}
    return token.pos_ in ("PROPN", "PRON") or bool(
        words & KNOWN_SOURCE_WORDS and not words & lexicon.NOT_SOURCE_NOUNS
    )


def _headline_fragment(tokens: list[Token]) -> bool:
    """A title-cased run with verbs or function words inside ("Mayor Says Port Will Close")."""
    words = [t for t in tokens if t.is_alpha or t.like_num]
    if len(words) < 3 or not all(t.is_title or t.is_upper or t.like_num for t in words):
        return False
    odd = sum(1 for t in words[1:] if t.pos_ in _HEADLINE_POS) + int(words[0].like_num)
    return odd >= 2 or (odd >= 1 and len(words) >= 4)


def _determined(head: Token) -> bool:
    """Whether the noun ``head`` is a common noun by its words: with an article, a possessive
    or a number ("the region", "12 strikes"), or in lower case and singular in a sentence
    that has capitals ("history shows")."""
    if any(c.dep_ in ("det", "poss", "nummod") for c in head.children):
        return True
    return head.tag_ == "NN" and head.is_lower and any(c.isupper() for c in span_text(head.sent))


_SPEAKING_WORDS = (
    KNOWN_SOURCE_WORDS | lexicon.SPEAKING_NOUNS | lexicon.DESCRIPTOR_NOUNS | lexicon.CLAIM_NOUNS
)


def _without(text: str, name: str) -> str:
    """``text`` less the name in it: what it says of the source ("cia director")."""
    rest = display_name(text)
    at = rest.find(name)
    if at != -1:
        rest = rest[:at] + " " + rest[at + len(name) :]
    rest = re.sub(r"\s+([,;])", r"\1", re.sub(r"\s+", " ", rest)).strip(" ,;:-\u2014(")
    return display_name(rest) if rest.lower() not in ("", "'s", "\u2019s") else ""


def written_as_acronym(text: str, sentence: str) -> bool:
    """Whether a pronoun source is an acronym ("WHO said" in a sentence not all in capitals).

    >>> written_as_acronym("WHO", "WHO said the case was negative."), written_as_acronym("who", "")
    (True, False)
    """
    return len(text) > 1 and text.isupper() and any(c.islower() for c in sentence)


def describe_source(head: Token, text: str, sentence: str) -> SourceInfo:
    """Classify the source phrase ``text`` headed by ``head`` (an unresolved mention)."""
    lemma = head.lemma_.lower()
    lower = text.lower()
    words = set(re.findall(r"\w+", lower.replace(".", "")))
    plural = head.tag_ in ("NNS", "NNPS") or lemma in ("they", "we")
    anonymous = (
        any(p in sentence.lower() for p in lexicon.ANONYMITY_PHRASES) and head.pos_ != "PRON"
    )

    if head.pos_ == "PRON" and written_as_acronym(text, sentence):
        return SourceInfo(slugify(text), display_name(text), "organization", False, lemma)
    if head.pos_ == "PRON":
        kind = "person" if lemma in ("he", "she", "i") else "unknown"
        return SourceInfo(slugify(text), display_name(text), kind, False, lemma, plural)
    names = name_tokens(head)
    if names:
        name = joined(names)
        return SourceInfo(slugify(name), name, "person", False, lemma, False, _without(text, name))
    described = described_name(head, _phrase_tokens(head, text))
    if described is not None:
        tokens, description = described
        name = joined(tokens)
        said = {w.lower() for w in re.findall(r"\w+", description)}
        if said & lexicon.PERSON_NOUNS:
            kind = "person"
        elif said & lexicon.OUTLET_DESCRIPTORS:
            kind = "media"
        else:
            kind = "organization"
        return SourceInfo(slugify(name), name, kind, anonymous, lemma, plural, description)
    defined = re.match(r"^(.*\w)\s*\(\s*([A-Za-z][A-Za-z&.]{1,9})\s*\)?$", text.strip())
    if defined and _abbreviates(defined.group(2), slugify(defined.group(1)).split("-")):
        text = defined.group(1)  # "the Port Safety Board (PSB)": the acronym is an alias
        words = set(re.findall(r"\w+", text.lower().replace(".", "")))
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
    elif lemma in lexicon.PERSON_NOUNS and not plural:
        kind = "person"
    elif plural and head.lower_ in lexicon.GROUP_NOUNS:
        kind = "group"  # "residents", "witnesses", "experts"
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


def _relative_antecedent(pronoun: Token) -> SourceInfo | None:
    """Who "who" stands for in "a senior official, who said ...": the noun its clause
    describes, with the words before that noun."""
    noun = pronoun.head.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    text = joined([t for t in noun.subtree if t.i <= noun.i and not t.is_punct])
    if names_nothing(noun, text):
        return None
    return describe_source(noun, text, span_text(noun.sent))


class SourceResolver:
    """Resolves source mentions within one article, in reading order."""

    def __init__(self) -> None:
        self.history: list[SourceInfo] = []
        self.nouns_by_source: list[tuple[set[str], SourceInfo]] = []

    def resolve(self, head: Token, text: str, cue: Token) -> SourceInfo | None:
        """Who the mention ``text`` (headed by ``head``, speaking through ``cue``) stands for;
        ``None`` when it names nothing that can speak (:func:`names_nothing`)."""
        if names_nothing(head, text) and not demanded_by(head, cue):
            return None
        info = describe_source(head, text, span_text(head.sent))
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
            if lemma == "i" and not inside_quotes(head):
                return None  # "I think ..." in the article's own words: its writer
            if head.lower_ in lexicon.RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
                return _relative_antecedent(head)
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
        # "a statement from the ministry": the author speaks; "reports of suspected cases"
        # tell what the reports are about
        for child in head.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in ("from", "by", "of")
                and lemma in lexicon.DOCUMENT_NOUNS
            ):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and (child.lower_ != "of" or _names_author(objs[0])):
                    phrase = head.doc[objs[0].left_edge.i : objs[0].right_edge.i + 1].text
                    return describe_source(objs[0], phrase, span_text(head.sent))
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
