"""Whether a content said the other way round restates a claim, so that it denies it.

A content of the opposite polarity that joins a claim turns its source's stance into a
denial (:meth:`tracker.resolve.claims.ClaimRegistry.resolve`).  Sharing words is not
enough for that: "Ada Lind did not need to audition" shares a verb and a name with "we
needed the best singer in Orsk, and that is Ada Lind", and "there are no doctors in Brenvik
able to test for it" shares its words with a claim that gives that very lack as its reason.
A negated content denies a claim only when it says the same event of the same names:

- the same predicate class, or a copula said of what the other's verb takes ("Lind is not
  the mayor's wife" / "the police arrested the mayor's wife");
- the same that the verbs take (:func:`same_core`): "did not need to audition" takes
  "audition", "needed the best singer" takes "singer", so the negation is on another matter;
- the negation on the verb the other says, not on a clause beside it ("Orsk has two mills
  but neither is closing" does not deny "Orsk has two mills");
- no other names in the subject: "Orsk did not close the port" does not deny "Kessin closed
  the port".

>>> from tracker.resolve.similarity import ClaimSignature
>>> claim = ClaimSignature(words=frozenset({"need", "singer", "lind"}),
...     entities=frozenset({"lind"}), predicates=frozenset({"need"}), core=frozenset({"singer"}))
>>> remark = ClaimSignature(words=frozenset({"need", "audition", "lind"}), negated=True,
...     entities=frozenset({"lind"}), predicates=frozenset({"need"}), core=frozenset({"audition"}))
>>> restates_opposite(remark, claim)
False
>>> from dataclasses import replace
>>> restates_opposite(replace(remark, core=frozenset({"singer"})), claim)
True
"""

from __future__ import annotations

from tracker.resolve.similarity import ClaimSignature

__all__ = ["same_core", "restates_opposite"]


def same_core(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two contents' main verbs take the same: both nothing, or the words of one
    among the other's ("dead" / "dead"; "the contract" / "the $800 million contract").

    >>> same_core(frozenset({"dead"}), frozenset({"dead"}))
    True
    >>> same_core(frozenset(), frozenset({"wallet"}))
    False
    """
    return a == b or bool(a and b and (a <= b or b <= a))


def _cores_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two verbs said the other way round take the same: :func:`same_core`, or a word
    in common (the parser hangs "$9 million" on the object or not), unless one takes a word
    that the other takes with "un" before it ("not clear" / "unclear" say the same).

    >>> _cores_meet(frozenset({"million", "9"}), frozenset({"million", "share"}))
    True
    >>> _cores_meet(frozenset({"clear", "involve"}), frozenset({"unclear", "involve"}))
    False
    """
    if any(f"un{word}" in b for word in a) or any(f"un{word}" in a for word in b):
        return False
    return same_core(a, b) or bool(a & b)


def restates_opposite(content: ClaimSignature, claim: ClaimSignature) -> bool:
    """Whether ``content`` may join ``claim`` as the same proposition: always when both say it
    the same way round; when one is negated and the other not, only when it states the same
    event (the module's rules), so that the negation is of that claim and not of something
    said beside it."""
    if content.negated == claim.negated:
        return True
    if content.directive or claim.directive:
        return False
    if content.predicates and claim.predicates and not content.predicates & claim.predicates:
        return False
    denying = content if content.negated else claim
    other = claim if content.negated else content
    if denying.negated_verbs and other.predicates and not denying.negated_verbs & other.predicates:
        return False  # "X has two wives but neither is named Y": the 'neither' is on 'named'
    if not _cores_meet(content.core, claim.core):
        return False
    if bool(content.predicates) != bool(claim.predicates) and not content.core & claim.core:
        return False  # a copula against an event: only of the same thing ("is not his wife")
    mine, theirs = content.agent & content.entities, claim.agent & claim.entities
    return not (mine and theirs and not mine & theirs)
