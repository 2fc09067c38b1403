"""Dependency-parse rules that find attributions in one parsed paragraph.

Each rule looks at a cue (a reporting verb, "according to", a cue noun with a clause) and
reads its source and content off the parse.  The rules return :class:`Candidate` objects
with paragraph-relative offsets; :mod:`tracker.extract` turns them into records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from .quotes import quote_segments

__all__ = ["Candidate", "find_candidates"]

SUBJECT_DEPS = ("nsubj", "csubj")
# Children of a source noun that belong to a clause about it, not to its name.
CLAUSAL_MODIFIERS = ("relcl", "acl", "advcl", "punct", "cc", "conj")
# Children of a verb that are not part of what was said.
NON_CONTENT_DEPS = frozenset(
    "nsubj nsubjpass csubj aux auxpass neg punct cc conj advmod npadvmod mark agent "
    "advcl prt dative intj expl parataxis".split()
)
_WH_WORDS = frozenset("how whether why what when where who which if".split())
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "week month year earlier later".split()
)


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


def _extent(tokens: list[Token]) -> tuple[int, int] | None:
    tokens = [t for t in tokens if not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ")\u201d\"'":
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _subtree_tokens(token: Token) -> list[Token]:
    return list(token.doc[token.left_edge.i : token.right_edge.i + 1])


def _noun_phrase(token: Token) -> tuple[int, int] | None:
    """The source noun phrase headed by ``token``, without relative clauses after it."""
    tokens = [token]
    for child in token.children:
        if child.dep_ in CLAUSAL_MODIFIERS and child.i > token.i:
            continue
        tokens.extend(_subtree_tokens(child))
    tokens.sort(key=lambda t: t.i)
    # keep a contiguous run around the head
    run = [t for t in tokens if abs(t.i - token.i) <= len(tokens)]
    return _extent(run)


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of ``verb`` and whether the clause is passive without an agent."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child, False
        if child.dep_ == "nsubjpass":
            for agent in _children(verb, "agent"):
                objs = _children(agent, "pobj")
                if objs:
                    return objs[0], False
            return None, True
    # "us authorities have informed their allies and confirmed that ..."
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    # "the officials who disclosed the information"
    if verb.dep_ == "relcl":
        return verb.head, False
    # "... declined to confirm": the xcomp shares the subject of its head
    if verb.dep_ == "xcomp":
        return _subject(verb.head)
    for agent in _children(verb, "agent"):
        objs = _children(agent, "pobj")
        if objs:
            return objs[0], False
    return None, False


def _clause_content(verb: Token) -> Token | None:
    comps = _children(verb, "ccomp")
    if comps:
        return comps[0]
    # "..., the report said." is sometimes parsed with "said" hanging off the clause
    if verb.dep_ in ("parataxis",) and verb.i > verb.head.i:
        return verb.head
    return None


def _clause_extent(root: Token, exclude: Token | None = None) -> tuple[int, int] | None:
    tokens = _subtree_tokens(root)
    if exclude is not None:
        skip = {t.i for t in exclude.subtree}
        left = [t for t in tokens if t.i < exclude.left_edge.i]
        right = [t for t in tokens if t.i > exclude.right_edge.i]
        tokens = left if len(left) >= len(right) else right
        tokens = [t for t in tokens if t.i not in skip]
    return _extent(tokens)


def _object_content(verb: Token) -> tuple[int, int] | None:
    """Content given as an object: "denied supplying weapons to russia"."""
    right = [c for c in verb.children if c.i > verb.i and c.dep_ not in NON_CONTENT_DEPS]
    right = [c for c in right if not (c.dep_ == "prep" and c.lower_ in ("on", "in") and _is_time(c))]
    if not right or not any(c.dep_ in ("dobj", "pobj", "attr", "oprd", "xcomp", "prep") for c in right):
        return None
    if not any(c.dep_ in ("dobj", "xcomp", "attr", "oprd") for c in right) and not any(
        c.dep_ == "prep" and c.lower_ in ("of", "about", "on") for c in right
    ):
        return None
    if len(right) == 1 and right[0].dep_ == "prep" and _children(right[0], "pobj"):
        right = _children(right[0], "pobj")  # "declined to comment on the shipment"
    tokens: list[Token] = []
    for child in right:
        tokens.extend(_subtree_tokens(child))
    tokens.sort(key=lambda t: t.i)
    return _extent(tokens)


def _is_time(prep: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in TIME_WORDS for t in prep.subtree)


def _colon_content(verb: Token, sent: Span) -> tuple[int, int] | None:
    """Content after a colon: "us intelligence confirms: iran has ..."."""
    for tok in sent:
        if tok.i <= verb.i:
            continue
        if tok.text == ":":
            rest = [t for t in sent if t.i > tok.i]
            return _extent(rest)
        if tok.dep_ not in ("advmod", "prep", "pobj", "det", "compound", "amod", "npadvmod", "dobj"):
            break
        if tok.i - verb.i > 6:
            break
    return None


def _closes_sentence(verb: Token, content_root: Token, sent: Span) -> bool:
    """True for '..., the report said.' (cue and speaker after what was said)."""
    if content_root.i > verb.i:
        return False
    subject, _ = _subject(verb)
    first = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i
    before = verb.doc[first - 1] if first > sent.start else None
    if before is None or not before.is_punct:
        return False
    after = [t for t in sent if t.i > verb.i]
    own = {t.i for t in verb.subtree}
    return all(t.is_punct or t.i in own for t in after)


def _is_question(root: Token) -> bool:
    """'shows how iran is spreading ...': an embedded question, not an assertion."""
    first = root.doc[root.left_edge.i]
    return first.lower_ in _WH_WORDS or any(
        c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in root.children
    )


def _in_segment(position: int, segments: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in segments)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(
        c.lower_ in ("never", "not", "n't") for c in token.children if c.dep_ == "advmod"
    )


def _hedged(verb: Token, content: tuple[int, int] | None, doc: Doc) -> bool:
    if verb.lemma_.lower() in ("claim", "allege", "suggest", "speculate"):
        return True
    words = {c.lower_ for c in verb.children}
    if content is not None:
        words |= {t.lower_ for t in doc.char_span(*content, alignment_mode="expand") or []}
    return bool(words & lexicon.HEDGE_WORDS)


def _false_object(verb: Token) -> Token | None:
    """'called the report baseless', 'dismissed the claims as false': the thing branded false."""
    objs = _children(verb, "dobj")
    if not objs:
        return None
    branded = False
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and any(
            t.lemma_.lower() in lexicon.FALSE_WORDS for t in child.subtree
        ):
            branded = True
        if child.dep_ == "prep" and child.lower_ == "as" and any(
            t.lemma_.lower() in lexicon.FALSE_WORDS for t in child.subtree
        ):
            branded = True
    if not branded and any(t.lemma_.lower() in lexicon.FALSE_WORDS for t in objs[0].subtree):
        # "called it a hoax" is parsed with the predicate noun as part of the object
        if objs[0].lemma_.lower() in lexicon.FALSE_WORDS:
            branded = True
    return objs[0] if branded else None


def _said_false(content_root: Token) -> Token | None:
    """'said the report was false': the subject of a copula whose complement brands it false."""
    if content_root.lemma_ != "be":
        return None
    complements = _children(content_root, "acomp", "attr")
    if not complements or not any(
        t.lemma_.lower() in lexicon.FALSE_WORDS for c in complements for t in c.subtree
    ):
        return None
    subjects = _children(content_root, "nsubj")
    return subjects[0] if subjects else None


def _quote_kind(content: tuple[int, int], segments: list[tuple[int, int]], text: str):
    """'direct', 'mixed' or 'indirect', and the content widened to whole quotes."""
    start, end = content
    chars = [i for i in range(start, end) if not text[i].isspace()]
    if not chars:
        return "indirect", content
    inside = [i for i in chars if any(a <= i < b for a, b in segments)]
    if not inside:
        return "indirect", content
    touched = [(a, b) for a, b in segments if a < end and b > start]
    # marks just outside the quoted words are part of a direct quote too
    outside = [i for i in chars if i not in set(inside) and text[i] not in "\"\u201c\u201d,.;:"]
    if not outside:
        return "direct", (min(a for a, _ in touched), max(b for _, b in touched))
    return "mixed", content


class _SentenceRules:
    """Applies every rule to one paragraph; keeps the candidates in order."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.segments = quote_segments(doc.text)
        self.found: list[Candidate] = []
        self.consumed: set[int] = set()

    def run(self) -> list[Candidate]:
        for sent in self.doc.sents:
            for token in sent:
                if token.i in self.consumed:
                    continue
                lemma = token.lemma_.lower()
                if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
                    self._according_to(token, sent)
                elif token.pos_ in ("VERB", "AUX") and lemma in lexicon.CUE_VERBS:
                    self._verb_cue(token, sent)
                elif token.pos_ == "NOUN" and lemma in lexicon.CUE_NOUNS:
                    self._noun_cue(token, sent)
        self._link_relays()
        return self.found

    # -- rules -------------------------------------------------------------------------

    def _verb_cue(self, verb: Token, sent: Span) -> None:
        lemma = verb.lemma_.lower()
        cue = (verb.idx, verb.idx + len(verb))
        stance = "asserts"
        content_root: Token | None = None
        content: tuple[int, int] | None = None
        directive = False

        if lemma in lexicon.DECLINE_VERBS:
            actions = [c for c in _children(verb, "xcomp") if c.lemma_.lower() in lexicon.DECLINED_ACTIONS]
            objs = _children(verb, "dobj")
            if actions:
                action = actions[0]
                self.consumed.add(action.i)
                cue = (verb.idx, action.idx + len(action))
                content_root = _clause_content(action)
                if content_root is not None:
                    content = _clause_extent(content_root)
                else:
                    content = _object_content(action)
            elif not (objs and objs[0].lemma_.lower() in ("comment", "request", "interview")):
                return
            stance = "declines"
        elif lemma in lexicon.DENY_VERBS:
            stance = "denies"
            content_root = _clause_content(verb)
            content = _clause_extent(content_root) if content_root is not None else _object_content(verb)
            if content is None:
                return
        else:
            false_object = _false_object(verb)
            if false_object is not None:
                stance = "denies"
                content = _extent(_subtree_tokens(false_object))
                content_root = false_object
            else:
                content_root = _clause_content(verb)
                if content_root is not None:
                    denied = _said_false(content_root)
                    if denied is not None and denied.pos_ != "PRON":
                        stance = "denies"
                        content_root = denied
                        content = _extent(_subtree_tokens(denied))
                    elif _is_question(content_root):
                        return
                    elif _closes_sentence(verb, content_root, sent):
                        # "..., the report said.": everything said before the speaker
                        subject, _ = _subject(verb)
                        limit = min(verb.i, subject.left_edge.i if subject is not None else verb.i)
                        content = _extent([t for t in sent if t.i < limit])
                    else:
                        content = _clause_extent(content_root)
                if content is None:
                    content = _colon_content(verb, sent)
                if content is None and lemma in lexicon.DIRECTIVE_VERBS:
                    xcomps = _children(verb, "xcomp")
                    if xcomps:
                        directive = True
                        content_root = xcomps[0]
                        tokens = _subtree_tokens(xcomps[0])
                        for obj in _children(verb, "dobj"):
                            tokens = _subtree_tokens(obj) + tokens
                        content = _extent(sorted(tokens, key=lambda t: t.i))
                if content is None:
                    content = self._adjacent_quote(verb, sent)
                if content is None and lemma not in lexicon.CLAUSE_ONLY_VERBS:
                    if lemma in ("confirm", "report", "deny", "reiterate", "repeat", "acknowledge", "admit", "disclose", "announce", "reveal"):
                        content = _object_content(verb)
                        objs = _children(verb, "dobj")
                        content_root = objs[0] if objs else None
                if content is None:
                    return
            if _negated(verb):
                stance = "declines" if stance == "asserts" else stance
                neg = [c for c in verb.children if c.dep_ == "neg" or c.lower_ in ("not", "n't", "never")]
                aux = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
                first = min([verb] + neg + aux, key=lambda t: t.i)
                cue = (first.idx, cue[1])

        relay_of = None
        source_token, passive = _subject(verb)
        # "quoted two officials as saying that ...": the officials speak, relayed by the quoter
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            quoter = verb.head.head
            objs = _children(quoter, "dobj")
            if objs:
                source_token = objs[0]
                relay_of = self._candidate_for(quoter, sent, verb)
        if source_token is not None and source_token.dep_ == "expl":
            source_token = None
        if source_token is not None and source_token.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
            source_token = verb.head
        source = _noun_phrase(source_token) if source_token is not None else None
        if passive and source is None and lemma in lexicon.CLAUSE_ONLY_VERBS and content is None:
            return

        quote = "indirect"
        if content is not None:
            quote, content = _quote_kind(content, self.segments, self.text)
        if _in_segment(verb.idx, self.segments) and (directive or content_root is None):
            return  # inside a quotation only a full reported clause is a nested attribution
        self.found.append(
            Candidate(
                cue=cue,
                source=source,
                content=content,
                stance=stance,
                quote=quote,
                hedged=_hedged(verb, content, self.doc),
                sentence=sent,
                cue_token=verb,
                source_token=source_token,
                content_root=content_root,
                directive=directive,
                relay_of=relay_of,
            )
        )
        self._citing(verb, sent, len(self.found) - 1)

    def _candidate_for(self, quoter: Token, sent: Span, relayed: Token) -> int:
        """Make (or find) the attribution of the verb that quotes someone 'as saying'."""
        for i, cand in enumerate(self.found):
            if cand.cue_token.i == quoter.i:
                return i
        content_root = _clause_content(relayed)
        content = _clause_extent(content_root) if content_root is not None else None
        subject, _ = _subject(quoter)
        quote = "indirect"
        if content is not None:
            quote, content = _quote_kind(content, self.segments, self.text)
        self.consumed.add(quoter.i)
        self.found.append(
            Candidate(
                cue=(quoter.idx, quoter.idx + len(quoter)),
                source=_noun_phrase(subject) if subject is not None else None,
                content=content,
                stance="asserts",
                quote=quote,
                hedged=_hedged(quoter, content, self.doc),
                sentence=sent,
                cue_token=quoter,
                source_token=subject,
                content_root=content_root,
            )
        )
        return len(self.found) - 1

    def _citing(self, verb: Token, sent: Span, parent: int) -> None:
        """'the paper reported, citing two officials, that ...': the officials, relayed."""
        for child in verb.children:
            if child.lemma_.lower() == "cite" and child.dep_ in ("advcl", "xcomp", "conj", "dep"):
                objs = _children(child, "dobj")
                if not objs:
                    continue
                self.consumed.add(child.i)
                base = self.found[parent]
                self.found.append(
                    Candidate(
                        cue=(child.idx, child.idx + len(child)),
                        source=_noun_phrase(objs[0]),
                        content=base.content,
                        stance=base.stance,
                        quote=base.quote,
                        hedged=base.hedged,
                        sentence=sent,
                        cue_token=child,
                        source_token=objs[0],
                        content_root=base.content_root,
                        relay_of=parent,
                    )
                )

    def _adjacent_quote(self, verb: Token, sent: Span) -> tuple[int, int] | None:
        """A quotation in the verb's sentence that the verb introduces or closes."""
        if not self.segments:
            return None
        start, end = sent.start_char, sent.end_char
        # the closest quote before or after the verb, outside of which the verb stands
        best = None
        for a, b in self.segments:
            if a <= verb.idx < b:
                return None
            if b > start and a < end:
                distance = verb.idx - b if b <= verb.idx else a - verb.idx
                if best is None or distance < best[0]:
                    best = (distance, (a, b))
        return best[1] if best and best[0] < 60 else None

    def _according_to(self, according: Token, sent: Span) -> None:
        to = next(c for c in according.children if c.lower_ == "to")
        objs = _children(to, "pobj")
        if not objs:
            return
        phrase = _subtree_tokens(according)
        before = [t for t in sent if t.i < phrase[0].i]
        after = [t for t in sent if t.i > phrase[-1].i]
        content = _extent(after if len(after) > len(before) else before)
        if content is None:
            return
        quote, content = _quote_kind(content, self.segments, self.text)
        root = according.head if according.head.i != according.i else None
        self.found.append(
            Candidate(
                cue=(according.idx, to.idx + len(to)),
                source=_noun_phrase(objs[0]),
                content=content,
                stance="asserts",
                quote="according_to" if quote == "indirect" else quote,
                hedged=_hedged(according, content, self.doc),
                sentence=sent,
                cue_token=according,
                source_token=objs[0],
                content_root=root,
            )
        )

    def _noun_cue(self, noun: Token, sent: Span) -> None:
        """'the claim that ...', 'iran's denial that ...'."""
        clauses = [
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "appos") and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")
        ]
        if not clauses:
            return
        source_token = None
        for child in noun.children:
            if child.dep_ == "poss":
                source_token = child
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                objs = _children(child, "pobj")
                source_token = objs[0] if objs else source_token
        content = _clause_extent(clauses[0])
        if content is None:
            return
        quote, content = _quote_kind(content, self.segments, self.text)
        stance = "denies" if noun.lemma_.lower() == "denial" else "asserts"
        self.found.append(
            Candidate(
                cue=(noun.idx, noun.idx + len(noun)),
                source=_noun_phrase(source_token) if source_token is not None else None,
                content=content,
                stance=stance,
                quote=quote,
                hedged=_hedged(noun, content, self.doc),
                sentence=sent,
                cue_token=noun,
                source_token=source_token,
                content_root=clauses[0],
            )
        )

    def _link_relays(self) -> None:
        """An attribution whose cue lies inside another's content is relayed by it."""
        for i, cand in enumerate(self.found):
            if cand.relay_of is not None:
                continue
            best = None
            for j, other in enumerate(self.found):
                if i == j or other.content is None or other.relay_of == i:
                    continue
                a, b = other.content
                # the innermost container relays; of equal ones, the one itself relayed
                rank = (b - a, other.relay_of is None)
                if a <= cand.cue[0] < b and (best is None or rank < best[1]):
                    best = (j, rank)
            if best is not None:
                cand.relay_of = best[0]


def find_candidates(doc: Doc) -> list[Candidate]:
    """Every attribution the rules find in one parsed paragraph, in text order."""
    return _SentenceRules(doc).run()
