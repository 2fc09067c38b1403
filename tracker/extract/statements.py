"""Texts a source puts out: "Ada Lind issued a statement on her page: ...".

The verb ("issued", "released") is no verb of saying, but its subject speaks through the
text it puts out; what follows the colon is what the source says.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker import lexicon
from tracker.extract.candidate import Candidate
from tracker.extract.parse import (
    content_after_colon,
    quote_kind,
)
from tracker.extract.subjects import (
    issuing_verb,
    noun_phrase,
    subject_of,
)

__all__ = ["statement_after_colon"]

#: where or when a text was put out ("on her page", "on Monday"), between it and the colon
_SETTING_DEPS = ("prep", "advmod", "npadvmod")


def statement_after_colon(
    colon: Token, sent: Span, segments: list[tuple[int, int]], text: str
) -> Candidate | None:
    """The assertion of 'Ada Lind issued a statement on her page: "We are proud."': the
    subject of a verb that puts out a text, said to say what follows the colon.  None when
    the colon follows no such text, or the verb is a verb of saying ("posted a message:",
    read as a cue of its own)."""
    before = [t for t in sent if t.i < colon.i]
    issued = [(t, v) for t in before if (v := issuing_verb(t)) is not None]
    if not issued:
        return None
    put_out, verb = issued[-1]
    if verb.lemma_.lower() in lexicon.ATTRIBUTION_VERBS:
        return None
    inside = {t.i for t in put_out.subtree} | {
        t.i for c in verb.children if c.i > put_out.i and c.dep_ in _SETTING_DEPS for t in c.subtree
    }
    if not all(t.i in inside for t in before if t.i > put_out.i):
        return None
    content = content_after_colon(colon, sent)
    source_token, _ = subject_of(verb)
    if content is None or source_token is None:
        return None
    source = noun_phrase(source_token, clauses=True, cue=verb)
    if source is None:
        return None
    quote, content = quote_kind(content, segments, text)
    cue = (verb.idx, put_out.idx + len(put_out))
    found = Candidate.plain_assertion(verb, cue, source, content, quote, source_token)
    found.notes["source_name"] = noun_phrase(source_token)
    return found
