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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from tracker import lexicon
from tracker.nlp import doc_text, span_text

__all__ = [
    "SourceInfo",
    "SourceResolver",
    "describe_source",
    "slugify",
    "display_name",
    "names_nothing",
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
    """
    text = text.lower().replace("\u2019", "'")
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


def _possessed(head: Token) -> set[int]:
    """Token indices inside the possessive modifiers of ``head`` ("Ada Lind's" publicist)."""
    return {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}


def _person_entity(tokens: Iterable[Token]) -> list[Token]:
    """The last run of PERSON-entity tokens among ``tokens``."""
    run: list[Token] = []
    last = -2
    for tok in tokens:
        if tok.ent_type_ != "PERSON":
            continue
        if tok.i != last + 1 or tok.ent_iob_ == "B":
            run = []
        run.append(tok)
        last = tok.i
    return run


def _drop_descriptors(tokens: list[Token]) -> list[Token]:
    """A name without the role words an entity tagger took in ("Comedian" Ada Lind,
    "Screenwriter" Ada Lind: a compound of a role word, before a name of two words)."""
    k = 0
    while k < len(tokens) - 1 and (
        tokens[k].lemma_.lower() in lexicon.DESCRIPTOR_NOUNS
        or (len(tokens) - k >= 3 and _compound_role(tokens[k].lower_))
    ):
        k += 1
    return tokens[k:]


def _compound_role(word: str) -> bool:
    """Whether ``word`` is a role word with a word before it ("screenwriter", "newsreader")."""
    return any(
        word.endswith(role) and len(word) - len(role) >= 4 for role in lexicon.COMPOUND_ROLES
    )


def _aged_or_described(head: Token) -> list[Token]:
    """The name of "Ada Lind, 48, a dental receptionist": proper nouns followed by an age or a
    person noun in apposition, which only a person has (whatever entity the tagger saw)."""
    if head.pos_ != "PROPN":
        return []
    said = [c for c in head.children if c.dep_ == "appos" and c.i > head.i]
    if not any(
        (c.like_num and c.text.isdigit() and 0 < int(c.text) < 120)
        or c.lemma_.lower() in lexicon.PERSON_NOUNS
        for c in said
    ):
        return []
    name = [head]
    while (
        name[0].i > 0 and name[0].nbor(-1).pos_ == "PROPN" and name[0].nbor(-1).dep_ == "compound"
    ):
        name.insert(0, name[0].nbor(-1))
    while name and name[0].lower_.rstrip(".") in lexicon.GENDERED_TITLES:
        name.pop(0)  # "Mr Beaton, 68": the title is not the name
    return name if 2 <= len(name) <= 4 else []


def _name_tokens(head: Token) -> list[Token]:
    """The tokens of a person's name inside the phrase headed by ``head``.

    The name the head belongs to, never a possessor's ("Ada Lind's doctor"); a person
    noun's apposition ("her doctor, Ben Okafor") names it."""
    skip = _possessed(head)
    phrase = [t for t in head.subtree if t.i <= head.i and t.i not in skip]
    if head.ent_type_ == "PERSON":
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            return _drop_descriptors(_with_first_name([t for t in ent if t.i not in skip]))
    personal = head.pos_ == "PROPN"  # "Lind spokesman": Lind is who he speaks for
    people = _drop_descriptors(_person_entity(phrase)) if personal else []
    if people:
        # "screenwriter aaron sorkin" in lower case: the tagger's person is "aaron" alone,
        # and the proper nouns up to the head are the rest of the name
        after = list(head.doc[people[-1].i + 1 : head.i + 1])
        if len(people) + len(after) <= 4 and all(t.pos_ == "PROPN" for t in after):
            return [*people, *after]
        return people
    aged = _aged_or_described(head)
    if aged:
        return aged
    if head.lemma_.lower() in lexicon.PERSON_NOUNS:
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i:
                named = _person_entity(child.subtree)
                if named:
                    return named
    # "cia director william burns": proper nouns after a role word
    lower_text = not any(c.isupper() for c in span_text(head.sent))
    for i, tok in enumerate(phrase):
        if tok.lemma_.lower() in lexicon.PERSON_NOUNS or _compound_role(tok.lower_):
            rest = phrase[i + 1 :]
            if 1 <= len(rest) <= 4 and all(t.pos_ == "PROPN" or t.is_title for t in rest):
                return rest
            if lower_text and _lower_case_name(rest):
                return rest
    return []


def _with_first_name(ent: list[Token]) -> list[Token]:
    """A surname the entity tagger took alone, with the first name before it ("Sgt Gill
    Cherry": "Cherry"): a capitalised proper noun compounded to it that is no title."""
    if len(ent) != 1 or ent[0].i == 0:
        return ent
    before = ent[0].nbor(-1)
    if (
        before.pos_ == "PROPN"
        and before.dep_ == "compound"
        and before.head.i == ent[0].i
        and before.is_title
        and before.ent_type_ == ""
        and before.lower_.rstrip(".") not in lexicon.GENDERED_TITLES
        and before.lemma_.lower().rstrip(".") not in lexicon.DESCRIPTOR_NOUNS
    ):
        return [before, *ent]
    return ent


def _lower_case_name(rest: list[Token]) -> bool:
    """Whether the words after a role word in lower-case text are a name of two or three
    words ("songwriter tavi rennick"): nouns no word list knows, one at least a proper noun."""
    known = _KNOWN_SOURCE_WORDS | lexicon.NOT_SOURCE_NOUNS | lexicon.DESCRIPTOR_NOUNS
    return (
        2 <= len(rest) <= 3
        and any(t.pos_ == "PROPN" for t in rest)
        and all(t.pos_ in ("PROPN", "NOUN") and t.lemma_.lower() not in known for t in rest)
    )


def _described_name(head: Token, tokens: list[Token]) -> tuple[list[Token], str] | None:
    """The name and the description of "the gossip website Tattlerly", "comedian Ada Lind":
    a proper name after a noun that says what it names (:data:`~tracker.lexicon.DESCRIPTOR_NOUNS`)."""
    lower_text = not any(c.isupper() for c in span_text(head.sent))
    if head.lemma_.lower() in lexicon.DESCRIPTOR_NOUNS:
        # "the gossip website Tattlerly": the name is the descriptor's apposition
        for child in head.children:
            if child.dep_ == "appos" and child.i > head.i:
                name = [t for t in child.subtree if t.pos_ != "DET" and not t.is_punct]
                if 1 <= len(name) <= 4 and all(t.pos_ == "PROPN" for t in name):
                    words = [t for t in tokens if t.i <= head.i and t.dep_ != "det"]
                    return name, _joined(words)
        return None
    before = [t for t in tokens if t.i <= head.i]
    name = [t for t in before if t.pos_ != "DET"]
    if (
        head.pos_ == "PROPN"
        and 1 <= len(name) <= 4
        and all(t.pos_ == "PROPN" and t.dep_ == "compound" for t in name[:-1])
        # a name with words of its own after the head ("the Observatory for Human Rights")
        # is left whole
        and not any(c.dep_ == "prep" and c.i > head.i for c in head.children)
    ):
        # "Tattlerly, the gossip website": a descriptor in apposition after the name
        for child in head.children:
            if (
                child.dep_ == "appos"
                and child.i > head.i
                and child.lemma_.lower() in lexicon.DESCRIPTOR_NOUNS
            ):
                said = [t for t in child.subtree if t.pos_ != "DET" and not t.is_punct]
                return name, _joined(said)
    if not lower_text and head.pos_ == "PROPN":
        # "the 66-year-old Lind", "a visibly shaken Lind": what is said of a name is no name
        run = [t for t in before if t.is_title or t.is_upper or t.pos_ == "PROPN"]
        rest = before[: len(before) - len(run)]
        if (
            run
            and rest
            and before[len(rest) :] == run
            and all(t.pos_ in ("DET", "ADJ", "ADV", "NUM", "PUNCT") for t in rest)
            and not any(t.is_title or t.is_upper for t in rest[1:])
            and any(t.pos_ in ("ADJ", "NUM") for t in rest)
        ):
            return run, _joined([t for t in rest if t.pos_ != "DET"])
    for k in range(len(before) - 2, -1, -1):
        tok = before[k]
        if tok.lemma_.lower() not in lexicon.DESCRIPTOR_NOUNS and tok.lower_ not in (
            lexicon.DESCRIPTOR_NOUNS
        ):
            continue
        if tok.pos_ == "PROPN" and not lower_text:
            continue  # part of the name ("Channel" in a cased name)
        name = before[k + 1 :]
        while name and name[0].pos_ == "DET":
            name = name[1:]
        if not 1 <= len(name) <= 4 or any(t.is_punct for t in name):
            return None
        if lower_text:
            # no capitals to go by: a name is what no word list knows
            known = _KNOWN_SOURCE_WORDS | lexicon.NOT_SOURCE_NOUNS | lexicon.DESCRIPTOR_NOUNS
            if any(t.lemma_.lower() in known or t.pos_ not in ("PROPN", "NOUN") for t in name):
                return None
        elif not all(t.pos_ == "PROPN" or t.is_title or t.is_upper for t in name):
            return None
        words = [t for t in before[: k + 1] if not (t.i == before[0].i and t.pos_ == "DET")]
        return name, _joined(words)
    return None


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


def _joined(tokens: list[Token]) -> str:
    return "".join(t.text_with_ws for t in tokens).strip()


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
    return (lemma in lexicon.NOT_SOURCE_NOUNS or head.lower_ in lexicon.NOT_SOURCE_NOUNS) and (
        not of_group
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
        words & _KNOWN_SOURCE_WORDS and not words & lexicon.NOT_SOURCE_NOUNS
    )


def _headline_fragment(tokens: list[Token]) -> bool:
    """A title-cased run with verbs or function words inside ("Mayor Says Port Will Close")."""
    words = [t for t in tokens if t.is_alpha or t.like_num]
    if len(words) < 3 or not all(t.is_title or t.is_upper or t.like_num for t in words):
        return False
    odd = sum(1 for t in words[1:] if t.pos_ in _HEADLINE_POS) + int(words[0].like_num)
    return odd >= 2 or (odd >= 1 and len(words) >= 4)


_KNOWN_SOURCE_WORDS = (
    lexicon.PERSON_NOUNS
    | lexicon.GROUP_NOUNS
    | lexicon.ANONYMOUS_HEADS
    | lexicon.DOCUMENT_NOUNS
    | lexicon.MEDIA_WORDS
    | lexicon.GOVERNMENT_WORDS
    | lexicon.ORGANIZATION_WORDS
    | lexicon.OUTLET_DESCRIPTORS
)


def _without(text: str, name: str) -> str:
    """``text`` less the name in it: what it says of the source ("cia director")."""
    rest = display_name(text)
    at = rest.find(name)
    if at != -1:
        rest = rest[:at] + " " + rest[at + len(name) :]
    rest = re.sub(r"\s+([,;])", r"\1", re.sub(r"\s+", " ", rest)).strip(" ,;:-\u2014(")
    return display_name(rest) if rest.lower() not in ("", "'s", "\u2019s") else ""


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
        name = _joined(names)
        return SourceInfo(slugify(name), name, "person", False, lemma, False, _without(text, name))
    described = _described_name(head, _phrase_tokens(head, text))
    if described is not None:
        tokens, description = described
        name = _joined(tokens)
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
