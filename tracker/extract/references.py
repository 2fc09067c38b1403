"""What a denial of a mere reference denies: "the story is a hoax", "KFC confirmed it. Not
happening." name no claim of their own; the claim they deny is one the article told before
them (:func:`resolve_claim_references`).  :mod:`tracker.extract.debunks` marks such denials.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

from tracker import lexicon
from tracker.model import Attribution

__all__ = ["resolve_claim_references"]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower())} - _COMMON


_COMMON = lexicon.DEBUNK_COMMON_WORDS
#: the words of the nouns that name a claim or its telling ("report", "story", "rumours")
_CLAIM_NOUN_WORDS = frozenset(w for w in lexicon.CLAIM_NOUNS if len(w) >= 4)


#: an explicit negation in a content ("did not", "never", "isn't")
_NEGATION = re.compile(r"\b(?:not|never)\b|n['\u2019]t\b", re.IGNORECASE)


def _name_words(record: Attribution, content: bool = False) -> set[str]:
    """The words that name a record's source ("Brakwell", "varley" of "Varley's
    publicist"), less roles and descriptions; with ``content``, every word of its content."""
    span = record.content if content else record.source
    if span is None:
        return set()
    found = set(re.findall(r"[a-z][a-z0-9&]{2,}", span.text.lower()))
    return found if content else found - _NOT_NAMES


_NOT_NAMES = (
    lexicon.DESCRIPTOR_NOUNS
    | lexicon.GOVERNMENT_WORDS
    | lexicon.MEDIA_WORDS
    | lexicon.GROUP_NOUNS
    | lexicon.ANONYMOUS_HEADS
    | lexicon.ORGANIZATION_WORDS
    | lexicon.CLAIM_STOP_WORDS
    | lexicon.POSSESSIVE_WORDS
)


def resolve_claim_references(
    records: list[Attribution], signatures: dict[str, Any], references: set[str]
) -> list[Attribution]:
    """Point each denial of a mere reference ("the story is a hoax") at the claim it
    refers to: of the assertions another named source made before it in the article, one
    whose words or source the reference names besides its noun ("reports of Varga's
    death", "the Ledger story"), then one that names the denying source, then the one
    whose words the article's other contents share most (the story's claim, not an
    aside).  The denial takes that claim's words, so it joins that claim.  ``signatures``
    (record id -> claim signature) is updated to match."""
    words = {r.id: _words(r.content.text) for r in records if r.content is not None}

    def centrality(record: Attribution) -> float:
        own = words.get(record.id, set())
        shared = sum(len(own & other) for rid, other in words.items() if rid != record.id)
        return shared / math.sqrt(1 + len(own))

    out: list[Attribution] = []
    for record in records:
        if record.id in references:
            earlier = [
                r
                for r in out
                if r.stance in ("asserts", "denies")  # "the tale is rubbish" after a denial
                and r.content is not None
                and r.source_id is not None
                and r.id not in references
                and r.source_id != record.source_id
                and r.id != record.via  # what relays the denial is not what it denies
                and len(r.content.text.split()) >= 4
                # "the Post said a bird did not ...": a negated restatement denies already
                and not _NEGATION.search(r.content.text)
            ]
            if earlier:
                named = _name_words(record)
                # "reports of Ilse Varga's death", "the Harbour Ledger story": what the
                # reference itself names besides its noun, in what was told or who told it
                own = words.get(record.id, set()) - _CLAIM_NOUN_WORDS
                target = max(
                    enumerate(earlier),
                    key=lambda p: (
                        bool(own & (words.get(p[1].id, set()) | _name_words(p[1]))),
                        # a source denying "it" most often denies what was told of it
                        bool(named & _name_words(p[1], content=True)),
                        centrality(p[1]),
                        p[0],
                    ),
                )[1]
                record = replace(
                    record,
                    content=target.content,
                    extra={**record.extra, "refers_to": target.id},
                )
                if target.id in signatures:
                    signatures[record.id] = signatures[target.id]
        out.append(record)
    return out
