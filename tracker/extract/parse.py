"""What the dependency parse says about one cue: its speaker, its words, its extent.

Small functions over spaCy tokens that :mod:`tracker.extract.rules` combines into
attributions.  Offsets are ``(start, end)`` pairs relative to the parsed paragraph.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from tracker import lexicon
from tracker.lexicon import (
    CLOSING_MARKS,
    FRAMING_ADVERBS,
    TIME_WORDS,
    TOPIC_PREPOSITIONS,
    WH_WORDS,
)
from tracker.resolve.similarity import emphatic_negation

__all__ = [
    "CLAUSAL_MODIFIERS",
    "SOURCE_CLAUSES",
    "NON_CONTENT_DEPS",
    "SUBJECT_DEPS",
    "children_with",
    "clause_content",
    "clause_extent",
    "colon_content",
    "content_after_colon",
    "cue_extent",
    "branded_object",
    "cue_positions",
    "in_segment",
    "intent_content",
    "is_as_clause",
    "is_hedged",
    "is_negated",
    "is_question",
    "is_second_cue",
    "is_time",
    "object_content",
    "quote_kind",
    "said_false",
    "subtree_tokens",
    "target_content",
    "token_extent",
    "turn_of_phrase",
    "with_conjoined_clause",
]

SUBJECT_DEPS = ("nsubj", "csubj")
# Children of a source noun that belong to a clause about it, not to its name.
CLAUSAL_MODIFIERS = ("relcl", "acl", "advcl", "punct", "cc", "conj")
# Children of a source noun that are clauses about what it did, not about who it is.
SOURCE_CLAUSES = ("advcl",)
# Children of a verb that are not part of what was said.
NON_CONTENT_DEPS = frozenset(
    "nsubj nsubjpass csubj aux auxpass neg punct cc conj advmod npadvmod mark agent "
    "advcl prt dative intj expl parataxis".split()
)


def token_extent(tokens: list[Token]) -> tuple[int, int] | None:
    tokens = [t for t in tokens if not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_punct
        and tokens[-1].text not in ")\u201d\"'"
        or tokens[-1].dep_ == "cc"
        and tokens[-1].i == tokens[-1].head.right_edge.i
    ):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def subtree_tokens(token: Token) -> list[Token]:
    return list(token.doc[token.left_edge.i : token.right_edge.i + 1])


def children_with(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def turn_of_phrase(verb: Token) -> bool:
    """Whether ``verb`` and the word before it open the sentence as a turn of phrase ("That
    said, ..."), which names no speaker and reports nothing."""
    doc = verb.doc
    return (
        verb.i > 0
        and doc[verb.i - 1].lower_ in lexicon.DISCOURSE_SUBJECTS
        and doc[verb.i - 1].is_sent_start is True
        and verb.i + 1 < len(doc)
        and doc[verb.i + 1].text == ","
    )


def is_second_cue(verb: Token) -> bool:
    """'said A and said that B' parsed with the second 'said' joined to A, not to the first."""
    return (
        verb.dep_ == "conj"
        and verb.lemma_.lower() in lexicon.ATTRIBUTION_VERBS
        and verb.head.dep_ == "ccomp"
        # "sources said officials informed allies and confirmed ...": joined to a cue,
        # it shares that cue's subject
        and verb.head.lemma_.lower() not in lexicon.ATTRIBUTION_VERBS
        and verb.head.head.lemma_.lower() in lexicon.ATTRIBUTION_VERBS
        # "A and did not confirm B, the paper reported": the clause's own subject confirms
        and verb.head.head.i < verb.head.i
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def clause_content(verb: Token) -> Token | None:
    comps = children_with(verb, "ccomp")
    if comps:
        # 'X printed this: "officials denied that Y"' is parsed with X's clause as a
        # first complement of "denied", before it: the clause after the verb is its own
        first = comps[0]
        colon = first.i < verb.i and any(
            t.text == ":" for t in verb.doc[first.right_edge.i + 1 : verb.i]
        )
        later = [c for c in comps[1:] if c.i > verb.i] if colon else []
        return later[0] if later else first
    # "..., the report said." and "but, she added, ..." are parsed with the cue hanging
    # off the clause it reports; so is "as the report noted, ..."
    if verb.dep_ == "parataxis" or is_as_clause(verb):
        return verb.head
    return None


def is_as_clause(verb: Token) -> bool:
    """'as the paper reported, ...': a cue in a clause of comparison on what it reports."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and verb.head.pos_ in ("VERB", "AUX")
    )


def clause_extent(root: Token, exclude: Token | None = None) -> tuple[int, int] | None:
    tokens = subtree_tokens(root)
    second = [c for c in root.children if is_second_cue(c)]
    if second:
        tokens = [t for t in tokens if t.i < second[0].left_edge.i]
        while tokens and tokens[-1].dep_ == "cc":
            tokens.pop()
    if exclude is not None:
        skip = {t.i for t in exclude.subtree}
        left = [t for t in tokens if t.i < exclude.left_edge.i]
        right = [t for t in tokens if t.i > exclude.right_edge.i]
        tokens = left if len(left) >= len(right) else right
        tokens = [t for t in tokens if t.i not in skip]
    return token_extent(tokens)


def object_content(verb: Token) -> tuple[int, int] | None:
    """Content given as an object: "denied supplying weapons to russia"."""
    right = [c for c in verb.children if c.i > verb.i and c.dep_ not in NON_CONTENT_DEPS]
    right = [c for c in right if not (c.dep_ == "prep" and c.lower_ in ("on", "in") and is_time(c))]
    if not right or not any(
        c.dep_ in ("dobj", "pobj", "attr", "oprd", "xcomp", "prep") for c in right
    ):
        return None
    if not any(c.dep_ in ("dobj", "xcomp", "attr", "oprd") for c in right) and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "about", "on") for c in right
    ):
        return None
    if len(right) == 1 and right[0].dep_ == "prep" and children_with(right[0], "pobj"):
        right = children_with(right[0], "pobj")  # "declined to comment on the shipment"
    tokens: list[Token] = []
    for child in right:
        tokens.extend(subtree_tokens(child))
    tokens.sort(key=lambda t: t.i)
    return token_extent(tokens)


def target_content(verb: Token) -> tuple[tuple[int, int], Token, Token | None] | None:
    """What a verb of stance or speech is about: its object ("criticized the plan") or its
    preposition's object ("called for a recount").  Returns the content, its head and the
    preposition that belongs to the cue."""
    objs = children_with(verb, "dobj") or [c for c in children_with(verb, "oprd") if c.i > verb.i]
    if objs:
        obj = objs[0]
        tokens = subtree_tokens(obj)
        for child in verb.children:
            if (
                child.i > obj.i
                and child.dep_ in ("oprd", "xcomp", "ccomp")
                or child.i > obj.i
                and child.dep_ == "prep"
                and child.lower_ in ("for", "as", "of")
            ):
                tokens += subtree_tokens(child)
        extent = token_extent(sorted(tokens, key=lambda t: t.i))
        return (extent, obj, None) if extent is not None else None
    for clause in children_with(verb, "advcl"):
        marks = [m for m in clause.children if m.dep_ == "mark" and m.lower_ == "for"]
        if marks and marks[0].i <= verb.i + 2:
            # "called for the council to resign"
            extent = token_extent([t for t in subtree_tokens(clause) if t.i != marks[0].i])
            if extent is not None:
                return extent, clause, marks[0]
    for prep in children_with(verb, "prep"):
        if prep.i < verb.i or prep.lower_ not in TOPIC_PREPOSITIONS or is_time(prep):
            continue
        pobjs = children_with(prep, "pobj", "pcomp")
        if not pobjs:
            continue
        extent = token_extent(subtree_tokens(pobjs[0]))
        if extent is not None:
            return extent, pobjs[0], prep
    return None


def predicate_content(verb: Token) -> tuple[tuple[int, int], Token, Token] | None:
    """'was critical of the plan', 'is upbeat about the vote': what a stance adjective after
    a copula is about.  Returns the content, its head and the preposition ending the cue."""
    for adjective in children_with(verb, "acomp"):
        for prep in children_with(adjective, "prep"):
            if prep.lower_ not in TOPIC_PREPOSITIONS:
                continue
            pobjs = children_with(prep, "pobj", "pcomp")
            extent = token_extent(subtree_tokens(pobjs[0])) if pobjs else None
            if extent is not None:
                return extent, pobjs[0], prep
    return None


def with_conjoined_clause(verb: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """'said he would come, but no date has been set': a clause joined to the cue verb right
    after its content, with a subject of its own and no cue of its own, says more of it."""
    if content is None:
        return None
    doc = verb.doc
    for conj in children_with(verb, "conj"):
        if conj.i < verb.i or conj.lemma_.lower() in lexicon.CUE_VERBS:
            continue
        if not children_with(conj, "nsubj", "nsubjpass", "expl"):
            continue
        start = conj.left_edge.i
        gap = [t for t in doc[:start] if t.idx >= content[1]]
        if all(t.is_punct or t.dep_ == "cc" or t.is_space for t in gap):
            extent = token_extent(subtree_tokens(conj))
            if extent is not None:
                content = (content[0], max(content[1], extent[1]))
    return content


def intent_content(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """'wants to run', 'urged congress to act': the infinitive, with the object before it."""
    xcomps = [c for c in children_with(verb, "xcomp") if any(a.lower_ == "to" for a in c.children)]
    if not xcomps:
        return None
    tokens = subtree_tokens(xcomps[0])
    for obj in children_with(verb, "dobj"):
        if obj.i < xcomps[0].i:
            tokens = subtree_tokens(obj) + tokens
    extent = token_extent(sorted(tokens, key=lambda t: t.i))
    return (extent, xcomps[0]) if extent is not None else None


def is_time(prep: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in TIME_WORDS for t in prep.subtree)


def content_after_colon(colon: Token, sent: Span) -> tuple[int, int] | None:
    """What follows ``colon`` in its sentence, or the next sentence when the colon ends one
    ("she went on to say:")."""
    rest = [t for t in sent if t.i > colon.i]
    if not any(not (t.is_punct or t.is_space) for t in rest) and sent.end < len(sent.doc):
        rest = list(sent.doc[sent.end].sent)
    return token_extent(rest)


def colon_content(verb: Token, sent: Span) -> tuple[int, int] | None:
    """Content after a colon: "us intelligence confirms: iran has ..."."""
    for tok in sent:
        if tok.i <= verb.i:
            continue
        if tok.text == ":":
            return content_after_colon(tok, sent)
        if tok.dep_ not in (
            "advmod",
            "prep",
            "pobj",
            "det",
            "compound",
            "amod",
            "npadvmod",
            "dobj",
        ):
            break
        if tok.i - verb.i > 6:
            break
    return None


def cue_extent(verb: Token, end: int | None = None) -> tuple[int, int]:
    """The cue around ``verb``: its auxiliaries, negation and adverbs just before it
    ("has also said", "did not say", "to say") and its particle after it ("pointed out")."""
    first = verb
    i = verb.i - 1
    while i >= verb.sent.start:
        tok = verb.doc[i]
        if tok.head.i != verb.i:
            break
        if (
            tok.dep_ in ("aux", "auxpass", "neg")
            or tok.dep_ == "advmod"
            and tok.lower_ not in FRAMING_ADVERBS
            and tok.pos_ == "ADV"
        ):
            first = tok
        else:
            break
        i -= 1
    last_end = verb.idx + len(verb) if end is None else end
    nxt = verb.i + 1
    if (
        end is None
        and nxt < len(verb.doc)
        and verb.doc[nxt].dep_ == "prt"
        and verb.doc[nxt].head.i == verb.i
    ):
        last_end = verb.doc[nxt].idx + len(verb.doc[nxt])
    return first.idx, last_end


def is_question(root: Token) -> bool:
    """'shows how iran is spreading ...': an embedded question, not an assertion."""
    first = next((t for t in root.subtree if not t.is_punct), root)
    # "if" opening a condition ("if we lose, we leave") belongs to a clause inside
    return (first.lower_ in WH_WORDS and first.head.i == root.i) or any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in root.children
    )


def cue_positions(doc: Doc) -> set[int]:
    """The tokens where a rule may find a cue: a colon, "according", a verb or noun whose
    lemma is a listed cue (read off the doc's arrays, without a Python object per token)."""
    strings = doc.vocab.strings
    colon, according = strings[":"], strings["according"]
    verb, aux, noun = strings["VERB"], strings["AUX"], strings["NOUN"]
    found = set()
    for i, (orth, lower, pos, lemma) in enumerate(
        doc.to_array(["ORTH", "LOWER", "POS", "LEMMA"]).tolist()
    ):
        if orth == colon or lower == according:
            found.add(i)
        elif pos in (verb, aux):
            if strings[lemma].lower() in lexicon.ATTRIBUTION_VERBS:
                found.add(i)
        elif pos == noun and strings[lemma].lower() in lexicon.CUE_NOUNS:
            found.add(i)
    return found


def in_segment(position: int, segments: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in segments)


def is_negated(token: Token) -> bool:
    negated = any(c.dep_ == "neg" for c in token.children) or any(
        c.lower_ in ("never", "not", "n't") for c in token.children if c.dep_ == "advmod"
    )
    return negated and not emphatic_negation(token)


def is_hedged(verb: Token, content: tuple[int, int] | None, doc: Doc) -> bool:
    if verb.lemma_.lower() in ("claim", "allege", "suggest", "speculate"):
        return True
    words = {c.lower_ for c in verb.children}
    if content is not None:
        words |= {t.lower_ for t in doc.char_span(*content, alignment_mode="expand") or []}
    return bool(words & lexicon.HEDGE_WORDS)


def branded_object(verb: Token) -> Token | None:
    """'called the report baseless', 'dismissed the claims as false': the thing branded false."""
    objs = children_with(verb, "dobj")
    if not objs:
        return None
    branded = False
    for child in verb.children:
        if child.i < objs[0].i:
            continue  # '"we were wrong," she told reporters': the words, not a verdict
        if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and any(
            t.lemma_.lower() in lexicon.FALSE_WORDS for t in child.subtree
        ):
            branded = True
        if (
            child.dep_ == "prep"
            and child.lower_ == "as"
            and any(t.lemma_.lower() in lexicon.FALSE_WORDS for t in child.subtree)
        ):
            branded = True
    # "called it a hoax" is parsed with the predicate noun as part of the object
    if not branded and objs[0].lemma_.lower() in lexicon.FALSE_WORDS:
        branded = True
    return objs[0] if branded else None


def said_false(content_root: Token) -> Token | None:
    """'said the report was false': the subject of a copula whose complement brands it false;
    'said the video was doctored', 'reveals the photo to have been faked': the subject of a
    passive verb of faking."""
    if content_root.lemma_ != "be":
        faked = (
            content_root.lemma_.lower() in lexicon.FAKING_VERBS
            or content_root.lower_ in lexicon.FAKING_VERBS
            or content_root.lower_ in lexicon.FALSE_WORDS
        )
        if faked and children_with(content_root, "auxpass"):
            subjects = children_with(content_root, "nsubjpass")
            return subjects[0] if subjects else None
        return None
    complements = children_with(content_root, "acomp", "attr")
    if not complements or not any(
        t.lemma_.lower() in lexicon.FALSE_WORDS for c in complements for t in c.subtree
    ):
        return None
    subjects = children_with(content_root, "nsubj")
    return subjects[0] if subjects else None


def _through_quoted_complement(
    content: tuple[int, int], segments: list[tuple[int, int]], text: str
) -> tuple[int, int]:
    start, end = content
    words = text[start:end].split()
    if not words or words[-1].lower() not in lexicon.COPULA_FORMS:
        return content
    after = end + len(text[end:]) - len(text[end:].lstrip())
    for a, b in segments:
        # the quotation's opening mark is at its start or just before it
        if a in (after, after + 1) and b > after:
            return start, b + 1 if b < len(text) and text[b] in CLOSING_MARKS else b
    return content


def quote_kind(
    content: tuple[int, int], segments: list[tuple[int, int]], text: str
) -> tuple[str, tuple[int, int]]:
    """'direct', 'mixed' or 'indirect', and the content widened to whole quotes; a content
    cut off at a copula just before a quotation ('a reunion was "not very likely."') runs on
    through that quotation."""
    start, end = _through_quoted_complement(content, segments, text)
    chars = [i for i in range(start, end) if not text[i].isspace()]
    if not chars:
        return "indirect", content
    inside = {
        i for a, b in segments for i in range(max(a, start), min(b, end)) if not text[i].isspace()
    }
    if not inside:
        return "indirect", content
    touched = [(a, b) for a, b in segments if a < end and b > start]
    # marks just outside the quoted words are part of a direct quote too
    outside = [i for i in chars if i not in inside and text[i] not in '"\u201c\u201d,.;:']
    if not outside:
        return "direct", (min(a for a, _ in touched), max(b for _, b in touched))
    # a quotation the content opens runs to its closing mark ('called it "a fiction."'),
    # over further sentences when the parser cut it short
    last = max(b for _, b in touched)
    if end < last:
        end = last + 1 if last < len(text) and text[last] in CLOSING_MARKS else last
    return "mixed", (start, end)
