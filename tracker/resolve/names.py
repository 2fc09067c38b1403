"""The name inside a source phrase, apart from what the phrase says of it.

"Screenwriter Ada Lind" is Ada Lind, a screenwriter; "the gossip website Tattlerly" is
Tattlerly, a gossip website; "Sgt Fern Cherry" is Fern Cherry; "Ada Lind's doctor" is not Ada
Lind.  :mod:`tracker.resolve.sources` builds a source's id and kind from what these find.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from tracker import lexicon
from tracker.nlp import span_text
from tracker.resolve.firstnames import is_first_name

__all__ = [
    "KNOWN_SOURCE_WORDS",
    "described_name",
    "joined",
    "name_tokens",
    "nicknamed",
    "without_nickname",
]

#: nouns a word list knows as something that speaks (people, groups, outlets, governments,
#: organisations, documents): in lower-case text, no part of a name
KNOWN_SOURCE_WORDS = (
    lexicon.PERSON_NOUNS
    | lexicon.GROUP_NOUNS
    | lexicon.ANONYMOUS_HEADS
    | lexicon.DOCUMENT_NOUNS
    | lexicon.MEDIA_WORDS
    | lexicon.GOVERNMENT_WORDS
    | lexicon.ORGANIZATION_WORDS
    | lexicon.OUTLET_DESCRIPTORS
)

#: words that no name in lower-case text is made of
_KNOWN_WORDS = KNOWN_SOURCE_WORDS | lexicon.NOT_SOURCE_NOUNS | lexicon.DESCRIPTOR_NOUNS


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


def name_tokens(head: Token) -> list[Token]:
    """The tokens of a person's name inside the phrase headed by ``head``.

    The name the head belongs to, never a possessor's ("Ada Lind's doctor"); a person
    noun's apposition ("her doctor, Ben Okafor") names it."""
    skip = _possessed(head)
    phrase = [t for t in head.subtree if t.i <= head.i and t.i not in skip]
    if head.ent_type_ == "PERSON":
        ent = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        if ent is not None:
            # a name has no comma: "the Orsk Ledger, Okafor" is two, however tagged; and
            # "Ada Lind of Orsk Holdings" tagged as one person: what follows "of" is not her name
            org_part = {
                t.i for c in head.children if c.dep_ == "prep" and c.i > head.i for t in c.subtree
            }
            run = [t for t in ent if t.i not in skip and t.i not in org_part]
            commas = [t.i for t in run if t.text == ","]
            first = max([c for c in commas if c < head.i], default=-1)
            last = min([c for c in commas if c > head.i], default=len(head.doc))
            run = [t for t in run if first < t.i < last]
            if any(t.is_quote for t in run):
                run = without_nickname(run)
            return _drop_descriptors(_with_first_name(run))
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
    described = _name_closing_description(head)
    if described:
        return described
    # "cia director william burns": proper nouns after a role word
    lower_text = not any(c.isupper() for c in span_text(head.sent))
    for i, tok in enumerate(phrase):
        if tok.lemma_.lower() in lexicon.PERSON_NOUNS or _compound_role(tok.lower_):
            rest = phrase[i + 1 :]
            if 1 <= len(rest) <= 4 and all(t.pos_ == "PROPN" or t.is_title for t in rest):
                return rest
            if lower_text and _lower_case_name(rest):
                return rest
    return _name_after_role(head)


def _name_after_role(head: Token) -> list[Token]:
    """The person's name right after a role word, however the parser hung it ("WHO director
    Christy Feig told ...", parsed with the name as the role's object)."""
    if head.lemma_.lower() not in lexicon.PERSON_NOUNS and not _compound_role(head.lower_):
        return []
    inside = {t.i for t in head.subtree}
    for ent in head.doc.ents:
        if ent.start == head.i + 1 and ent.label_ == "PERSON" and ent.end - 1 in inside:
            return _drop_descriptors(list(ent))
    return []


def without_nickname(tokens: list[Token]) -> list[Token]:
    """The name of 'Tomas "Tom" Varga' without its nickname, however the tagger cut the entity
    ('Tomas "Tom', 'Tom" Varga'): the proper nouns around it, less what the marks enclose."""
    doc = tokens[0].doc
    start, end = tokens[0].i, tokens[-1].i
    while (
        start > 0
        and end - start < 6
        and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].is_quote)
    ):
        start -= 1
    while (
        end + 1 < len(doc)
        and end - start < 6
        and (doc[end + 1].pos_ == "PROPN" or doc[end + 1].is_quote)
    ):
        end += 1
    marks = [t.i for t in doc[start : end + 1] if t.is_quote]
    inside = set(range(marks[0], marks[1] + 1)) if len(marks) == 2 else set(marks)
    return [t for t in doc[start : end + 1] if t.i not in inside and not t.is_quote]


def _name_closing_description(head: Token) -> list[Token]:
    """The name that closes a description of a person, set off by commas ("one of the
    reporters held with him, Clare Brenvik, said"): the parser often hangs it on the
    nearest noun rather than on the description's head."""
    if not _describes_person(head):
        return []
    tokens = list(head.subtree)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    if not commas:
        return []
    name = tokens[commas[-1] + 1 :]
    if 2 <= len(name) <= 4 and all(t.pos_ == "PROPN" and not t.is_lower for t in name):
        return name
    return []


def _describes_person(head: Token) -> bool:
    """Whether ``head`` heads a description of a person: a person noun, or "one" of them."""
    if head.pos_ == "PROPN":
        return False
    if head.lemma_.lower() in lexicon.PERSON_NOUNS:
        return True
    return head.lower_ == "one" and any(
        o.lemma_.lower() in lexicon.PERSON_NOUNS
        for p in head.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children
        if o.dep_ == "pobj"
    )


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
    return (
        2 <= len(rest) <= 3
        and any(t.pos_ == "PROPN" for t in rest)
        and all(t.pos_ in ("PROPN", "NOUN") and t.lemma_.lower() not in _KNOWN_WORDS for t in rest)
    )


def described_name(head: Token, tokens: list[Token]) -> tuple[list[Token], str] | None:
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
                    return name, joined(words)
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
                return name, joined(said)
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
            return run, joined([t for t in rest if t.pos_ != "DET"])
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
            if any(
                t.lemma_.lower() in _KNOWN_WORDS or t.pos_ not in ("PROPN", "NOUN") for t in name
            ):
                return None
        elif not all(t.pos_ == "PROPN" or t.is_title or t.is_upper for t in name):
            return None
        words = [t for t in before[: k + 1] if not (t.i == before[0].i and t.pos_ == "DET")]
        return name, joined(words)
    return None


def joined(tokens: list[Token]) -> str:
    """The text of ``tokens`` as the article spells it."""
    return "".join(t.text_with_ws for t in tokens).strip()


_WORD = r"[^\W\d_][\w'’.-]*"
#: a first name, a nickname in quotation marks, and one to three more words of the name
_NICKNAME = re.compile(
    rf"(?<![\w'’-])({_WORD})\s+[\"“]({_WORD})[\"”]\s+({_WORD}(?:\s+{_WORD}){{0,2}})"
)


def nicknamed(text: str) -> list[tuple[str, str, str]]:
    """(full name, nickname, surname) of each name given with a nickname in quotation marks
    between its first name and the rest ('Tomas "Tom" Varga'), the name being in capitals
    where the text has any, and starting with a first name where it has none.

    >>> nicknamed('Brenvik hails Tomas "Tom" Varga, who sold the ferry.')
    [('Tomas Varga', 'Tom', 'Varga')]
    >>> nicknamed('tomas "tom" varga said so.'), nicknamed('they called "fake" news')
    ([('tomas varga', 'tom', 'varga')], [])
    """
    cased = any(c.isupper() for c in text)
    found = []
    for match in _NICKNAME.finditer(text):
        first, nickname, rest = match.groups()
        words = [first, nickname, *rest.split()]
        if cased:
            words = [w for w in words if w[0].isupper()]
            if len(words) < 3 or words[0] != first or words[1] != nickname:
                continue
            rest = " ".join(words[2:])
        elif not is_first_name(first):
            continue
        else:
            rest = rest.split()[0]
        found.append((f"{first} {rest}", nickname, rest))
    return found
