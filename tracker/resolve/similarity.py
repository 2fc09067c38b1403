"""Claim signatures and how alike two claims are.

A signature keeps what identifies a proposition: its entities, its content words (with
synonyms folded into one class: transfer / supply / send / deliver ...), the predicate
of its main clause, its agent, and whether it is negated or only a demand.

>>> a = ClaimSignature(entities=frozenset({"iran", "russ"}), words=frozenset({"transfer", "weapon"}),
...                    predicates=frozenset({"transfer"}))
>>> b = ClaimSignature(entities=frozenset({"iran", "russ"}), words=frozenset({"transfer", "weapon", "war"}),
...                    predicates=frozenset({"transfer"}))
>>> round(claim_similarity(a, b), 2)
0.94
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from tracker import lexicon

__all__ = [
    "ClaimSignature",
    "signature_of",
    "claim_similarity",
    "emphatic_negation",
    "word_class",
    "entity_key",
]

_CONTENT_POS = frozenset("NOUN VERB PROPN ADJ NUM".split())
_IGNORED = lexicon.SIGNATURE_IGNORED_WORDS
_CLASS_OF = {word: name for name, words in lexicon.PREDICATE_CLASSES.items() for word in words}
_ENTITY_TYPES = frozenset("GPE NORP ORG PERSON LOC FAC".split())


def word_class(lemma: str) -> str:
    """The synonym class of a lemma, or the lemma itself."""
    return _CLASS_OF.get(lemma, lemma)


def entity_key(word: str) -> str:
    """Fold name variants together: 'iranian' and 'iran', 'u.s.' and 'us'."""
    word = word.lower().replace(".", "")
    return word[:4] if len(word) > 4 else word


@dataclass(frozen=True)
class ClaimSignature:
    """What identifies a claim, for matching."""

    entities: frozenset[str] = frozenset()
    words: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()
    agent: frozenset[str] = frozenset()  # names in the subject of the main clause
    negated: bool = False
    directive: bool = False
    reference: str | None = None  # head noun when the content only points back ("the findings")
    modifiers: frozenset[str] = frozenset()
    anaphoric: bool = False  # mentions "such actions", "these claims"
    reporting: bool = False  # its main verbs only report speech: "officials said that ..."
    core: frozenset[str] = frozenset()  # what the main verbs take, modifiers aside: "dead"
    named: frozenset[str] = frozenset()  # the names the subject is ("Ada Lind, 34": ada, lind)
    # the predicate classes the negation is on ("has two wives but neither is named X": name)
    negated_verbs: frozenset[str] = frozenset()


def _is_entity(token: Token) -> bool:
    return token.ent_type_ in _ENTITY_TYPES or token.pos_ == "PROPN"


def _denying_subject(verb: Token) -> bool:
    """'nobody agreed', 'no surgeon agreed': the subject itself denies the clause."""
    for subject in verb.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subject.lower_ in lexicon.NEGATIVE_SUBJECTS:
            return True
        if any(c.dep_ == "det" and c.lower_ in lexicon.NEGATIVE_SUBJECTS for c in subject.children):
            return True
    return False


def _denies_existence(verb: Token) -> bool:
    """'there was no blurring', 'there were no cases of X': the clause says that what it
    names does not exist ('there is no doubt that X' says X)."""
    if not any(c.dep_ == "expl" for c in verb.children):
        return False
    for thing in verb.children:
        if thing.dep_ not in ("attr", "nsubj", "nsubjpass"):
            continue
        if thing.lemma_.lower() in lexicon.AFFIRMED_BY_DENIAL:
            return False
        if thing.lower_ in lexicon.NEGATIVE_SUBJECTS or any(
            c.dep_ == "det" and c.lower_ == "no" for c in thing.children
        ):
            return True
    return False


def _nowhere(verb: Token) -> bool:
    """'Ada Lind was nowhere near Brenvik': an adverb that negates the verb it modifies."""
    return any(c.dep_ == "advmod" and c.lower_ in lexicon.NEGATING_ADVERBS for c in verb.children)


def _first_sentence(span: Span) -> Span:
    """The part of a content in its first sentence: "a bird did not defecate on X. The video
    appears to have been a hoax" claims what its first sentence says."""
    end = span[0].sent.end if len(span) else span.end
    return span.doc[span.start : end] if span.start < end < span.end else span


def _claimed_clause(root: Token) -> Token:
    """The verb of what is claimed: the clause of a verb of knowing that is not negated
    ("we know ISIS is coming": "coming"), the clause no one doubts ("I have no doubt that
    Lind is Lady Orsk": "is"), or the root itself."""
    for noun in root.children:
        if (
            noun.dep_ in ("dobj", "attr")
            and noun.lemma_.lower() in lexicon.AFFIRMED_BY_DENIAL
            and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        ):
            clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
            if clauses and clauses[0].pos_ in ("VERB", "AUX"):
                return clauses[0]
    if root.lemma_.lower() not in lexicon.KNOWING_VERBS or any(
        c.dep_ == "neg" for c in root.children
    ):
        return root
    for child in root.children:
        if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX"):
            return child
    return root


def emphatic_negation(verb: Token) -> bool:
    """Whether a negation of ``verb`` says the most rather than the opposite: a comparative
    with nothing it is compared to ("we have never been prouder", "I could not agree more",
    "she couldn't be happier"), unlike "it is not bigger than the old one"."""
    comparatives = [
        c
        for c in verb.children
        if c.dep_ in ("acomp", "attr", "advmod")
        and (c.tag_ in ("JJR", "RBR") or c.lower_ in lexicon.EMPHATIC_COMPARATIVES)
    ]
    return (
        bool(comparatives)
        and not any(t.lower_ == "than" for c in comparatives for t in c.subtree)
        and not any(t.lower_ == "than" for t in verb.children)
    )


#: The dependents of a main verb that complete its event (what it takes), not modifiers.
_CORE_DEPS = frozenset("dobj attr acomp oprd dative xcomp ccomp".split())


def _word(token: Token) -> str:
    return entity_key(token.text) if _is_entity(token) else word_class(token.lemma_.lower())


def _core(verb: Token, depth: int = 1) -> frozenset[str]:
    """The words of what the main verb takes (its objects and complements, with the names and
    numbers compounded into them, and what a clause it leads takes), leaving out modifiers:
    "Ada Lind, 34, was found dead in Orsk on Tuesday" and "Lind was found dead" both take
    ``{"dead"}``; "was arrested" and "was arrested in Orsk" take nothing."""
    found: set[str] = set()
    for child in verb.children:
        if child.dep_ not in _CORE_DEPS:
            continue
        if child.dep_ in ("xcomp", "ccomp") and depth and (child.is_stop or child.lemma_ == "be"):
            found |= _core(child, depth - 1)  # "decided he was not right": right
            continue
        for t in (child, *(c for c in child.children if c.dep_ in ("compound", "nummod"))):
            if not (t.is_stop or t.is_punct or t.is_space) and t.pos_ in _CONTENT_POS:
                found.add(_word(t))
    return frozenset(found)


def _named(verbs: list[Token]) -> frozenset[str]:
    """The names the subject of the main verbs is: its head, a name set beside it ("the
    singer, Tomas Varga") and the names compounded into them or qualifying them ("the
    Lebanese army": leba), not those of what it is said of ("the spouse of a Velm commander":
    none)."""
    for verb in verbs:
        for subject in verb.children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            heads = [subject, *(c for c in subject.children if c.dep_ == "appos")]
            parts = [
                t
                for head in heads
                for t in (head, *(c for c in head.children if c.dep_ in ("compound", "amod")))
            ]
            return frozenset(entity_key(t.text) for t in parts if _is_entity(t))
    return frozenset()


#: the predicate class of a clause that says who someone is
IDENTITY = "identify"


def _names_someone(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "NORP")


def _identifies(verb: Token) -> bool:
    """Whether ``verb`` says who someone is: a name as subject and a name as complement ("Ada
    Lind is Lady Orsk"), or a verb of naming with "as" ("was named as Ada Lind")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not _names_someone(subjects[0]):
        return False
    if verb.lemma_ == "be":
        return any(c.dep_ == "attr" and _names_someone(c) for c in verb.children)
    return word_class(verb.lemma_.lower()) == IDENTITY and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(_names_someone(o) for o in c.children)
        for c in verb.children
    )


def signature_of(span: Span, *, directive: bool = False, claimed: bool = False) -> ClaimSignature:
    """Signature of a content span of a parsed document.  ``claimed=True`` reads an
    attribution's content: its predicate, agent and polarity are those of its first sentence,
    and of the clause a verb of knowing leads ("I know that ten fighters were caught" claims a
    capture, not knowledge), and "there was no X" or "X was nowhere near Y" deny what they
    name (:func:`tracker.check` reads a checked sentence's existentials its own way)."""
    tokens = [t for t in span if not (t.is_punct or t.is_space or t.is_stop)]
    entities = frozenset(entity_key(t.text) for t in tokens if _is_entity(t))
    words = (
        frozenset(
            word_class(t.lemma_.lower())
            for t in tokens
            if t.pos_ in _CONTENT_POS and t.lemma_.lower() not in _IGNORED and not _is_entity(t)
        )
        | entities
    )
    root = _claimed_clause(_first_sentence(span).root) if claimed else span.root
    verbs = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    verbal = [v for v in verbs if v.pos_ in ("VERB", "AUX")]
    predicates = frozenset(word_class(v.lemma_.lower()) for v in verbal if v.lemma_ != "be")
    if any(_identifies(v) for v in verbal):
        # "X is Y", "X was named as Y": who someone is, one proposition however worded
        predicates |= {IDENTITY}
        words |= {IDENTITY}
    negating = [
        v
        for v in verbal
        if any((c.dep_ == "neg" or c.lower_ == "never") for c in v.children)
        and not emphatic_negation(v)
        or v.lemma_.lower() in lexicon.NEGATIVE_PREDICATES
        or _denying_subject(v)
    ]
    negated = bool(negating)
    if claimed and not negated:
        negated = any(_denies_existence(v) or _nowhere(v) for v in verbal)
    agent: frozenset[str] = frozenset()
    for v in verbal:
        # the parser sometimes splits one subject in two ("the freighter | Orla Star")
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            agent = frozenset(
                entity_key(t.text)
                for subject in subjects
                for t in subject.subtree
                if not (t.is_stop or t.is_punct)
            )
            break
    reference = None
    modifiers: frozenset[str] = frozenset()
    if not verbal and root.pos_ in ("NOUN", "PROPN"):
        reference = word_class(root.lemma_.lower())
        modifiers = frozenset(
            entity_key(t.text)
            for t in span
            if t.i != root.i
            and not (t.is_punct or t.is_stop)
            and t.pos_ in ("PROPN", "NOUN", "ADJ")
        )
    anaphoric = any(
        t.dep_ in ("det", "amod", "predet") and t.lower_ in ("such", "these", "those") for t in span
    )
    reporting = bool(verbal) and all(v.lemma_.lower() in lexicon.CUE_VERBS for v in verbal)
    return ClaimSignature(
        entities,
        words,
        predicates,
        agent,
        negated,
        directive,
        reference,
        modifiers,
        anaphoric,
        reporting,
        core=_core(root),
        named=_named(verbal),
        negated_verbs=frozenset(word_class(v.lemma_.lower()) for v in negating if v.lemma_ != "be"),
    )


def claim_similarity(a: ClaimSignature, b: ClaimSignature) -> float:
    """How likely two contents state the same proposition, from 0 to 1.

    Demands never match statements; two statements with verbs must share a predicate
    class, and a noun phrase must name the other's predicate ("the transfer"); different
    agents halve the score; then shared entities and shared words decide.
    """
    if a.directive != b.directive or not a.words or not b.words:
        return 0.0
    if a.predicates and b.predicates:
        if not a.predicates & b.predicates:
            return 0.0
    elif a.predicates or b.predicates:
        verbal, nominal = (a, b) if a.predicates else (b, a)
        if not verbal.predicates & nominal.words:
            return 0.0
    shared = a.words & b.words
    if not shared - a.entities - b.entities:
        return 0.0  # the same names alone do not make the same claim
    if len(shared) < 2:
        return 0.0  # one shared word is chance
    words = 2 * len(shared) / (len(a.words) + len(b.words))
    containment = len(shared) / min(len(a.words), len(b.words))
    if a.entities and b.entities:
        entities = 2 * len(a.entities & b.entities) / (len(a.entities) + len(b.entities))
    else:
        entities = 0.5 if not (a.entities or b.entities) else 0.0
    score = 0.3 * words + 0.3 * containment + 0.4 * entities
    # who someone is reads both ways ("X is Y", "Y was X"): its subject is no agent
    identity = IDENTITY in a.predicates and IDENTITY in b.predicates
    if a.agent and b.agent and not a.agent & b.agent and not identity:
        score *= 0.5
    return score
