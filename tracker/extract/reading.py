"""Reading one reporting verb: the steps :mod:`tracker.extract.rules` takes for a verb cue.

A :class:`CueReading` is filled in step by step (cue, stance, content); each ``read_*``
function is one way a verb can carry its content, and says whether it found one.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tracker import lexicon
from tracker.extract.parse import (
    children_with,
    cue_extent,
    intent_content,
    predicate_content,
    subtree_tokens,
    target_content,
    token_extent,
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
