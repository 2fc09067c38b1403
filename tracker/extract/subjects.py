"""Who says it: the subject of a verb of saying, however the parser hung it, and the noun
phrase that names a source ("Ada Lind, who chairs the council"; "the statement" a ministry
issued speaks for it; a name after "According to the Orsk Ledger," is the clause's own)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from tracker import lexicon
from tracker.extract.labels import heading_word
from tracker.extract.parse import (
    CLAUSAL_MODIFIERS,
    SOURCE_CLAUSES,
    SUBJECT_DEPS,
    children_with,
    is_second_cue,
    subtree_tokens,
    token_extent,
)
from tracker.lexicon import DATELINE_DASHES

__all__ = [
    "noun_phrase",
    "stray_subject",
    "subject_of",
    "issuing_verb",
    "closes_sentence",
]


def noun_phrase(
    token: Token, *, clauses: bool = False, cue: Token | None = None
) -> tuple[int, int] | None:
    """The source noun phrase headed by ``token``.

    Without ``clauses`` it is the name alone ("Ada Lind"); with them it keeps what the
    text says about the source ("Ada Lind, who chairs the council"), except a clause that
    holds the ``cue`` itself."""
    tokens = [token]
    for child in token.children:
        if cue is not None and child.left_edge.i <= cue.i <= child.right_edge.i:
            continue
        if child.i > token.i and child.dep_ in (SOURCE_CLAUSES if clauses else CLAUSAL_MODIFIERS):
            continue
        if _topic_of_text(token, child) or _intensifier(token, child):
            continue
        tokens.extend(subtree_tokens(child))
    tokens.sort(key=lambda t: t.i)
    # keep a contiguous run around the head
    run = [t for t in tokens if abs(t.i - token.i) <= len(tokens)]
    # a dateline ("RENO, Nev. (AP) -- the mayor said") is not part of the speaker
    # (a hyphen inside a name, "jean-pierre", is no dateline)
    dashes = [
        k
        for k, t in enumerate(run)
        if t.i < token.i and t.text in DATELINE_DASHES and t.tag_ != "HYPH" and t.whitespace_
    ]
    if dashes:
        run = run[dashes[-1] + 1 :]
    # a heading alone on the line above ("Outline\nCirculating report claims") is no speaker
    breaks = [k for k, t in enumerate(run) if t.i < token.i and t.is_space and "\n" in t.text]
    if breaks and heading_word(run[: breaks[-1]]):
        run = run[breaks[-1] + 1 :]
    return token_extent(run)


def _intensifier(head: Token, child: Token) -> bool:
    """Whether ``child`` is a reflexive that stresses the source ("Ada Lind herself said",
    "the ministry itself"), which is no part of its name."""
    return child.i > head.i and child.lower_ in lexicon.INTENSIFYING_REFLEXIVES


def _topic_of_text(text: Token, child: Token) -> bool:
    """Whether ``child`` tells what the text ``text`` is about or where, naming no author
    ("reports of suspected cases", "a study on sleep"): no part of the source's name."""
    return (
        child.dep_ == "prep"
        and child.i > text.i
        and text.lemma_.lower() in lexicon.DOCUMENT_NOUNS
        # "by" and "from" name the author; "of", "on", "at", "in" what it is about or where
        # ("reports of cases at a hospital"), unless they name something ("in the Herald")
        and child.lower_ not in ("by", "from")
        and not any(
            t.pos_ == "PROPN" or t.ent_type_
            for o in child.children
            if o.dep_ == "pobj"
            for t in [o, *(c for c in o.children if c.dep_ in ("compound", "amod", "nmod"))]
        )
    )


def stray_subject(according: Token, source: Token) -> Token | None:
    """The subject of the clause an opening "according to X," introduces, when the parser
    hung it on X as an apposition ("According to the Orsk Ledger, Okafor came ..."): a name
    after a name, set off by a comma, with the clause's verb left without a subject."""
    verb = according.head
    if according.i > source.i or verb.i == according.i or children_with(verb, *SUBJECT_DEPS):
        return None
    for appos in children_with(source, "appos"):
        comma = appos.doc[appos.left_edge.i - 1]
        if appos.pos_ == "PROPN" and source.pos_ == "PROPN" and comma.text == ",":
            return appos
    return None


def _speaker_after_participle(participle: Token) -> Token | None:
    """'Responding to questions from the Herald, a spokesman, Ada Lind, said': the parser
    took the opening participle's clause for the subject and hung the speaker on its last
    noun; the speaker is the first noun in apposition after its comma."""
    after_comma = False
    for tok in participle.subtree:
        if tok.text == ",":
            after_comma = True
        elif after_comma and tok.dep_ == "appos" and tok.pos_ in ("NOUN", "PROPN"):
            return tok
    return None


def subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` and whether the clause is passive without an agent."""
    # the nearest, as "Tuesday at the rally, Mayor Lind said" has two candidates
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if child.dep_ == "csubj" and child.tag_ == "VBG" and child.i < verb.i:
            return _speaker_after_participle(child), False
        if child.dep_ in SUBJECT_DEPS:
            return child, False
        if child.dep_ == "nsubjpass":
            for agent in children_with(verb, "agent"):
                objs = children_with(agent, "pobj")
                if objs:
                    return objs[0], False
            return None, True
    # "he said A and said that B": the second cue hangs off A but shares the first's subject
    if is_second_cue(verb):
        return subject_of(verb.head.head)
    # "us authorities have informed their allies and confirmed that ..."; "she was told by
    # officials that ... and dismissed the reports": she dismissed them, not the officials
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        shared = children_with(verb.head, "nsubjpass")
        if shared and not children_with(verb, "auxpass"):
            return shared[0], False
        return subject_of(verb.head)
    # "the officials who disclosed the information"
    if verb.dep_ == "relcl":
        return verb.head, False
    # "... declined to confirm": the xcomp shares the subject of its head
    if verb.dep_ == "xcomp":
        return subject_of(verb.head)
    # "a statement saying ...", "callers claiming ...": the noun the participle describes,
    # and the author of a text they put out ("the ministry issued a statement denying ...")
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
        issuer = issuing_verb(verb.head)
        if issuer is not None:
            author, _ = subject_of(issuer)
            if author is not None:
                return author, False
        return verb.head, False
    # "she left early, saying that ...", "he ended by saying ...": the participle's
    # subject is the main clause's
    if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)
    for agent in children_with(verb, "agent"):
        objs = children_with(agent, "pobj")
        if objs:
            return objs[0], False
    shown_in = _shown_in(verb)
    if shown_in is not None:
        return shown_in, False
    inverted = _inverted_speaker(verb)
    if inverted is not None:
        return inverted, False
    # "..., former mayor Ada Lind said": the parser hangs the name on an earlier noun as
    # an apposition; the name just before the verb is still its speaker
    if verb.dep_ == "ROOT" and verb.i > verb.sent.start:
        before = verb.doc[verb.i - 1]
        if before.pos_ in ("PROPN", "NOUN", "PRON") and before.dep_ in (
            "appos",
            "conj",
            "npadvmod",
            "pobj",
            "dobj",
        ):
            return before, False
    return None, False


def _inverted_speaker(verb: Token) -> Token | None:
    """'"...," tweeted the Korvan police account': a verb right after a closing quotation, with
    no subject and an object that ends the sentence, is the parser reading the inverted
    speaker as an object."""
    if verb.dep_ != "ROOT" or verb.i < verb.sent.start + 2:
        return None
    before = verb.doc[verb.i - 1]
    if not (before.is_quote or before.text in lexicon.CLOSING_MARKS):
        return None
    objs = [c for c in children_with(verb, "dobj") if c.i > verb.i]
    if not objs or objs[0].pos_ not in ("NOUN", "PROPN"):
        return None
    rest = verb.doc[objs[0].right_edge.i + 1 : verb.sent.end]
    return objs[0] if all(t.is_punct for t in rest) else None


def issuing_verb(text: Token) -> Token | None:
    """The verb that puts out ``text`` when it is a text its author speaks through ("issued
    a statement", "posted a message"), else None."""
    head = text.head
    if (
        text.dep_ == "dobj"
        and text.lemma_.lower() in lexicon.DOCUMENT_NOUNS
        and head.pos_ == "VERB"
        and head.lemma_.lower() in lexicon.ISSUING_VERBS
    ):
        return head
    return None


def _shown_in(verb: Token) -> Token | None:
    """'..., as shown in the footage above': the footage shows what the clause says."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    for prep in children_with(verb, "prep"):
        if prep.lower_ in ("in", "on"):
            for obj in children_with(prep, "pobj"):
                if obj.lemma_.lower() in lexicon.DOCUMENT_NOUNS | lexicon.CLAIM_NOUNS:
                    return obj
    return None


def closes_sentence(verb: Token, content_root: Token, sent: Span) -> bool:
    """True for '..., the report said.' (cue and speaker after what was said)."""
    if content_root.i > verb.i:
        return False
    subject, _ = subject_of(verb)
    first = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i
    before = verb.doc[first - 1] if first > sent.start else None
    if before is None or not before.is_punct:
        return False
    after = [t for t in sent if t.i > verb.i]
    own = {t.i for t in verb.subtree}
    return all(t.is_punct or t.i in own for t in after)
