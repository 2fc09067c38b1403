"""Claims said to circulate: "reports circulated that Y", "rumours emerged on Monday that Y".

No one is named as saying Y, but the text attributes it: to the reports or rumours
themselves, which is how news coverage tells of a claim it goes on to check or debunk.
These readings serve claim tracking, as those of :mod:`tracker.extract.debunks` do.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tracker import lexicon
from tracker.extract.candidate import Candidate
from tracker.extract.parse import (
    children_with,
    in_segment,
    is_hedged,
    quote_kind,
    subtree_tokens,
    token_extent,
)
from tracker.extract.subjects import (
    noun_phrase,
)
from tracker.nlp import doc_text

__all__ = ["circulating_claims"]


def _told(verb: Token) -> tuple[Token, Token] | None:
    """(the claim noun, the clause it tells) for "reports circulated that Y"."""
    nouns = [
        s
        for s in children_with(verb, "nsubj")
        if s.lemma_.lower() in lexicon.CLAIM_NOUNS and s.pos_ == "NOUN"
    ]
    if not nouns:
        return None
    clauses = [
        c
        for c in children_with(verb, "ccomp")
        if c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    return (nouns[0], clauses[0]) if clauses else None


def circulating_claims(
    doc: Doc, candidates: Sequence[Candidate], segments: list[tuple[int, int]]
) -> list[Candidate]:
    """Assertions of what reports or rumours are said to tell, outside quotations:
    "reports circulated that Brakwell would sell cheese" -> (reports, asserts, Brakwell
    would sell cheese)."""
    taken = {c.cue_token.i for c in candidates}
    found: list[Candidate] = []
    for verb in doc:
        if (
            verb.pos_ != "VERB"
            or verb.lemma_.lower() not in lexicon.CIRCULATION_VERBS
            or verb.i in taken
            or in_segment(verb.idx, segments)
        ):
            continue
        told = _told(verb)
        if told is None:
            continue
        noun, clause = told
        tokens = [t for t in subtree_tokens(clause) if not (t.dep_ == "mark" and t.head == clause)]
        extent = token_extent(tokens)
        if extent is None:
            continue
        quote, content = quote_kind(extent, segments, doc_text(doc))
        cand = Candidate(
            cue=(verb.idx, verb.idx + len(verb)),
            source=noun_phrase(noun),
            content=content,
            stance="asserts",
            quote=quote,
            hedged=is_hedged(verb, content, doc),
            sentence=verb.sent,
            cue_token=verb,
            source_token=noun,
            content_root=clause,
        )
        cand.notes["source_name"] = noun_phrase(noun)
        found.append(cand)
    return found
