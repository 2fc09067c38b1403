"""What the rules find in a paragraph: a :class:`Candidate` attribution, before it becomes a
record, and the steps that relate candidates to each other (a quotation interrupted by its
cue joined into one content, an attribution relayed by the one whose content holds it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from tracker.lexicon import OPENING_MARKS

__all__ = ["Candidate", "join_interrupted_quotes", "link_relays"]


@dataclass
class Candidate:
    """One attribution found in a paragraph (offsets relative to the paragraph text)."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    stance: str
    quote: str
    hedged: bool
    sentence: Span
    cue_token: Token
    source_token: Token | None = None
    content_root: Token | None = None
    directive: bool = False
    relay_of: int | None = None  # index of the candidate that relays this one
    continuation_of: int | None = None
    notes: dict[str, object] = field(default_factory=dict)

    @classmethod
    def plain_assertion(
        cls,
        cue_token: Token,
        cue: tuple[int, int],
        source: tuple[int, int],
        content: tuple[int, int],
        quote: str,
        source_token: Token | None,
    ) -> Candidate:
        """An unhedged assertion read without a verb of saying ("Senator Vale: ...", "issued
        a statement: ...")."""
        return cls(
            cue=cue,
            source=source,
            content=content,
            stance="asserts",
            quote=quote,
            hedged=False,
            sentence=cue_token.sent,
            cue_token=cue_token,
            source_token=source_token,
        )


def join_interrupted_quotes(
    found: Sequence[Candidate], segments: Sequence[tuple[int, int]], text: str
) -> None:
    """'"We will win," she said. "They know it."': one quotation, interrupted by its cue.

    A direct quote runs on through the quotations that follow it in the paragraph when
    nothing but its own sentence and punctuation lies between them.  Changes ``found`` in
    place; ``segments`` are the paragraph's quotations, ``text`` its text."""
    if len(segments) < 2:
        return
    cues = sorted(c.cue[0] for c in found)
    for cand in found:
        if (
            cand.quote not in ("direct", "mixed")
            or cand.content is None
            or cand.relay_of is not None
        ):
            continue
        start, end = cand.content
        sent_start, sent_end = cand.sentence.start_char, cand.sentence.end_char
        for a, b in segments:
            if a < end:
                continue
            gap = text[end:a]
            after_sentence = text[sent_end:a]
            own = sent_start <= end and (a <= sent_end or not after_sentence.strip(OPENING_MARKS))
            if not (own or not any(ch.isalnum() for ch in gap)):
                break
            if any(end <= c < a for c in cues if c != cand.cue[0]):
                break
            if not own and any(ch.isalnum() for ch in gap):
                break
            end = b
            # quoted speech runs into a following sentence only past the cue
            sent_end = max(sent_end, b)
        if end != cand.content[1]:
            cand.content = (start, end)
            cand.quote = "direct" if cand.quote == "direct" else "mixed"


def link_relays(candidates: Sequence[Candidate]) -> None:
    """An attribution whose cue lies inside another's content is relayed by it: sets
    ``relay_of`` (in place) on every candidate that has none yet."""
    for i, cand in enumerate(candidates):
        if cand.relay_of is not None:
            continue
        best = None
        for j, other in enumerate(candidates):
            if i == j or other.content is None or other.relay_of == i:
                continue
            a, b = other.content
            # the innermost container relays; of equal ones, the one itself relayed
            rank = (b - a, other.relay_of is None)
            if a <= cand.cue[0] < b and (best is None or rank < best[1]):
                best = (j, rank)
        if best is not None:
            cand.relay_of = best[0]
