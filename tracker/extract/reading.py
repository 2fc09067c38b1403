"""Reading one reporting verb: the steps :mod:`tracker.extract.rules` takes for a verb cue.

A :class:`CueReading` is filled in step by step (cue, stance, content); each ``read_*``
function is one way a verb can carry its content, and says whether it found one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from tracker import lexicon
from tracker.extract.parse import (
    children_with,
    clause_content,
    clause_extent,
    cue_extent,
    intent_content,
    object_content,
    predicate_content,
    subtree_tokens,
    target_content,
    token_extent,
)
from tracker.extract.subjects import (
    subject_of,
)
from tracker.lexicon import RELATIVE_PRONOUNS

__all__ = [
    "CueReading",
    "Speaker",
    "verb_cue_extent",
    "read_directive",
    "read_predicate",
    "read_intent",
    "read_target",
    "read_passive_subject",
    "read_negation",
    "confirm_or_deny",
    "read_confirm_or_deny",
    "faked_to_show",
    "found_oneself",
    "read_past_denial",
    "quoted_report",
]


@dataclass
class CueReading:
    """What a reporting verb says, filled in step by step."""

    cue: tuple[int, int]
    stance: str = "asserts"
    content: tuple[int, int] | None = None
    content_root: Token | None = None
    directive: bool = False


@dataclass
class Speaker:
    """Who a reporting verb says speaks: the token, its phrase, and who relays it."""

    token: Token | None
    source: tuple[int, int] | None
    passive: bool
    relay_of: int | None
    notes: dict[str, object]


def verb_cue_extent(verb: Token) -> tuple[int, int]:
    cue = cue_extent(verb)
    if (
        verb.dep_ == "xcomp"
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.head.lemma_.lower() not in lexicon.ATTRIBUTION_VERBS
        and verb.head.i < verb.i
    ):
        # "went on to say", "seemed to blame": the verb that carries the saying is
        # part of the cue
        cue = (cue_extent(verb.head)[0], cue[1])
    return cue


def read_directive(verb: Token, reading: CueReading) -> bool:
    """'urged them to leave': the infinitive (with its object) is what is urged."""
    xcomps = children_with(verb, "xcomp")
    if not xcomps:
        return False
    reading.directive = True
    reading.content_root = xcomps[0]
    tokens = subtree_tokens(xcomps[0])
    for obj in children_with(verb, "dobj"):
        tokens = subtree_tokens(obj) + tokens
    reading.content = token_extent(sorted(tokens, key=lambda t: t.i))
    return True


def read_predicate(verb: Token, reading: CueReading) -> bool:
    found = predicate_content(verb)
    if found is None:
        return False
    reading.content, reading.content_root, prep = found
    reading.cue = (reading.cue[0], prep.idx + len(prep))
    return True


def read_intent(verb: Token, reading: CueReading) -> bool:
    found = intent_content(verb)
    if found is None:
        return False
    reading.content, reading.content_root = found
    return True


def read_target(verb: Token, reading: CueReading) -> bool:
    found = target_content(verb)
    if found is None:
        return False
    reading.content, reading.content_root, prep = found
    if prep is not None and prep.i <= verb.i + 2:
        reading.cue = (reading.cue[0], prep.idx + len(prep))
    return True


def read_passive_subject(verb: Token, reading: CueReading) -> bool:
    """'the plan was criticized (by ...)': what is talked about is the subject."""
    patients = children_with(verb, "nsubjpass")
    if not patients or patients[0].lower_ in RELATIVE_PRONOUNS:
        return False
    reading.content_root = patients[0]
    reading.content = token_extent(subtree_tokens(patients[0]))
    return True


def read_negation(verb: Token, reading: CueReading) -> None:
    """'did not confirm' withholds the claim; 'does not support the plan' is a stance on
    it, still attributed.  The negation joins the cue."""
    if reading.stance == "asserts" and verb.lemma_.lower() in lexicon.ASSERT_VERBS:
        reading.stance = "declines"
    neg = [c for c in verb.children if c.dep_ == "neg" or c.lower_ in ("not", "n't", "never")]
    aux = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    first = min([verb] + neg + aux, key=lambda t: t.i)
    reading.cue = (min(first.idx, reading.cue[0]), reading.cue[1])


def confirm_or_deny(verb: Token) -> Token | None:
    """The "deny" of "neither confirm nor deny", "refused to confirm or deny": a verb of
    denying joined by "or" or "nor" to a verb of confirming (``verb``).  Said together they
    decline; neither is a claim's confirmation or denial."""
    if verb.lemma_.lower() not in lexicon.CONFIRM_OR_DENY:
        return None
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in verb.children):
        return None  # "confirmed it but denied ...": two stances
    return next(
        (c for c in verb.children if c.dep_ == "conj" and c.lemma_.lower() in lexicon.DENY_VERBS),
        None,
    )


def read_confirm_or_deny(verb: Token, reading: CueReading) -> bool:
    """'would neither confirm nor deny reports', 'refused to confirm or deny that Y': a
    decline, its cue running to "deny", its content what follows "deny".  False when
    ``verb`` has no "deny" joined to it."""
    deny = confirm_or_deny(verb)
    if deny is None:
        return False
    reading.stance = "declines"
    first = min([verb] + [c for c in verb.children if c.dep_ == "preconj"], key=lambda t: t.i)
    reading.cue = (min(reading.cue[0], first.idx), deny.idx + len(deny))
    if reading.content is None:
        reading.content_root = clause_content(deny) or clause_content(verb)
        if reading.content_root is not None:
            reading.content = clause_extent(reading.content_root)
        else:
            reading.content = object_content(deny)
    return True


def faked_to_show(verb: Token) -> bool:
    """'the video was doctored to show Z', 'photos staged to look like Z': what a fake is
    made to show is asserted by no one."""
    head = verb.head
    return (
        verb.dep_ in ("xcomp", "advcl")
        and head.i != verb.i
        and (head.lemma_.lower() in lexicon.FAKING_VERBS or head.lower_ in lexicon.FAKING_VERBS)
    )


def found_oneself(verb: Token) -> bool:
    """'the pilots found themselves stranded': what befell the subject, not a finding."""
    said = [verb, *(c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd"))]
    return verb.lemma_.lower() == "find" and any(
        c.dep_ in ("dobj", "nsubj") and c.lower_ in lexicon.INTENSIFYING_REFLEXIVES
        for clause in said
        for c in clause.children
    )


def read_past_denial(verb: Token, reading: CueReading) -> bool:
    """'He did not, as some outlets report, write ...': the clause of comparison sits
    between the writer's negation and the predicate, so the outlets assert the predicate
    without that negation ('write ...'); the negation is the writer's own."""
    if not (verb.dep_ == "advcl" and any(c.lower_ == "as" for c in children_with(verb, "mark"))):
        return False
    doc, sent = verb.doc, verb.sent
    before = [t for t in doc[sent.start : verb.left_edge.i] if not t.is_punct]
    after = [t for t in doc[verb.right_edge.i + 1 : sent.end] if not t.is_punct]
    if not before or not after or before[-1].lower_ not in ("not", "n't", "never"):
        return False
    if after[0].pos_ != "VERB" or after[0].tag_ not in ("VB", "VBN", "VBD"):
        return False
    end = max(t.i for t in after[0].subtree if t.i >= after[0].i and not t.is_punct)
    tokens = list(doc[verb.right_edge.i + 1 : end + 1])
    while tokens[0].is_punct and tokens[0].text not in lexicon.OPENING_MARKS:
        tokens.pop(0)  # the comma closing the clause of comparison, not an opening mark
    extent = token_extent(tokens)
    if extent is None:
        return False
    reading.content, reading.content_root = (min(tokens[0].idx, extent[0]), extent[1]), after[0]
    return True


def quoted_report(verb: Token, contents: Sequence[tuple[int, int] | None]) -> bool:
    """Whether a verb inside a quotation reports what a named source says ('saying that
    "The Herald reveals ..."'): a verb of saying whose subject is a name, not the quoted
    speaker's "I", in one of ``contents`` (those of the attributions already found), so
    the attribution that quotes it relays it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.ATTRIBUTION_VERBS:
        return False
    if not any(c is not None and c[0] <= verb.idx < c[1] for c in contents):
        return False
    subject, passive = subject_of(verb)
    if subject is None or passive:
        return False
    named = [t for t in subject.subtree if t.i <= subject.i]
    # a name, or a public body named by its people ("Veldish officials denied ...",
    # "the ministry said ...") where a quoting outlet relays what they said
    return (
        any(t.pos_ == "PROPN" or t.ent_type_ in lexicon.NAMED_SOURCE_ENTITIES for t in named)
        or subject.lemma_.lower() in lexicon.GOVERNMENT_WORDS
    )
