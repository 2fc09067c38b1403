"""What a denial turns down that is no claim, and the intentions it denies.

"Rejected a reunion" or "rejected the offer" turns down a thing: the candidate is dropped.
"X denied that it was planning to Y" denies the plan: the intention inside the denial is
X's denial, not an assertion of it.  These readings serve claim tracking, like
:mod:`tracker.extract.debunks`.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from tracker import lexicon
from tracker.extract.candidate import Candidate
from tracker.extract.debunks import REFERENCE_NOTE, content_root

__all__ = ["without_offers_turned_down", "denied_intentions"]


def _turned_down(doc: Doc, cand: Candidate) -> bool:
    """'rejected a reunion', 'rejected the deal': a verb of rejecting whose object names no
    claim (no report, allegation or finding, and no clause) turns down a thing; it denies no
    claim."""
    if cand.stance != "denies" or cand.cue_token.lemma_.lower() not in lexicon.TURN_DOWN_VERBS:
        return False
    if cand.content_root is not None or cand.notes.get(REFERENCE_NOTE):
        return False
    root = content_root(doc, cand)
    if root is None or root.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in root.subtree):
        return False
    lemma = root.lemma_.lower()
    return not (
        lemma in lexicon.CLAIM_NOUNS
        or lemma in lexicon.INFORMATION_NOUNS
        or lemma in lexicon.CLAIM_PRONOUNS
    )


def without_offers_turned_down(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates less those that turn down a thing rather than deny a claim ("he
    rejected a reunion"); the links between the others (relays, continuations) are kept."""
    dropped = {i for i, cand in enumerate(candidates) if _turned_down(doc, cand)}
    if not dropped:
        return candidates
    new_index: dict[int, int] = {}
    kept: list[Candidate] = []
    for i, cand in enumerate(candidates):
        if i not in dropped:
            new_index[i] = len(kept)
            kept.append(cand)
    for cand in kept:
        if cand.relay_of is not None:
            cand.relay_of = new_index.get(cand.relay_of)
        if cand.continuation_of is not None:
            cand.continuation_of = new_index.get(cand.continuation_of)
    return kept


def denied_intentions(candidates: Sequence[Candidate]) -> None:
    """'X denied that it was planning to Y', 'denied he wanted to Y': the intention inside
    the denial is what X denies, not something X asserts; its stance becomes a denial (in
    place).  Only an intention of the denier itself (a pronoun or no subject): in 'denied
    that Ada Lind plans to Y' Ada Lind still plans."""
    for cand in candidates:
        outer = candidates[cand.relay_of] if cand.relay_of is not None else None
        if outer is None or outer.stance != "denies" or cand.stance != "asserts":
            continue
        if cand.cue_token.lemma_.lower() not in lexicon.INTENT_VERBS:
            continue
        source = cand.source_token
        if source is None or source.lower_ in lexicon.PRONOUNS:
            cand.stance = "denies"
