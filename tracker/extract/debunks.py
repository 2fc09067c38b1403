"""Denials as news writes them, read off the parse of one paragraph.

A claim is denied not only with "denied": news calls it a hoax ("the story is fake",
"X: not true", "Y is false, according to X"), shoots down or dismisses reports that Y, or
says there is no evidence that Y, or that the video or photo showing Y "was doctored" or
"had been faked".  In each case the claim denied is Y itself, so the record's
content is Y's words and it joins Y's claim; a report, a story or the rumours are never the
claim.  When the text names no Y ("the story is a hoax", "that never happened", "KFC
confirmed it. Not happening.", "denied they were to blame"), the candidate is marked as a
reference and :func:`tracker.extract.references.resolve_claim_references` points it at a
claim the article told before.  "Rejected a reunion" or "rejected the offer" turns down a
thing and denies no claim (:mod:`tracker.extract.offers`).

These readings serve claim tracking: the extractor applies them unless it reads
attributions as annotated corpora mark them (``flat=True``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from tracker import lexicon
from tracker.extract.candidate import Candidate
from tracker.extract.parse import (
    children_with,
    in_segment,
    is_hedged,
    is_negated,
    quote_kind,
    subtree_tokens,
    token_extent,
)
from tracker.extract.subjects import (
    noun_phrase,
    subject_of,
)
from tracker.nlp import doc_text

__all__ = [
    "verdict_subject",
    "claim_of",
    "reframe_debunks",
    "debunk_candidates",
    "quoted_span",
    "content_root",
]

#: the note a candidate carries when what it denies is named only by a reference
REFERENCE_NOTE = "claim_reference"
#: the note that keeps the words a reframed candidate quoted (its content before reframing)
SAID_NOTE = "said"


#: the lemmas :func:`_debunk_object` reads an object for
_DEBUNKING_LEMMAS = (
    lexicon.DEBUNK_WITH_OBJECT_NOUN.keys()
    | lexicon.DEBUNK_WITH_PARTICLE.keys()
    | lexicon.DEBUNK_VERBS
)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _false_words(tokens: Iterable[Token]) -> bool:
    return any(_lemma(t) in lexicon.FALSE_WORDS or t.lower_ in lexicon.FALSE_WORDS for t in tokens)


def _judged_false(predicate: Token) -> bool:
    """Whether the complement of a copula brands its subject false ("is a hoax",
    "isn't real", "is not true")."""
    complements = children_with(predicate, "acomp", "attr", "oprd", "xcomp")
    if predicate.dep_ in ("acomp", "attr") or predicate.pos_ in ("ADJ", "NOUN"):
        complements = [predicate, *complements]
    for comp in complements:
        # the complement's own words, not a clause or a phrase hanging off it ("a lie that
        # ...", "the victim of misinformation")
        skip = {
            t.i
            for c in comp.children
            if c.dep_ in ("relcl", "acl", "ccomp", "prep")
            # "sad to learn that Y is false": what is learned, not the complement's words
            or (c.dep_ == "xcomp" and _lemma(c) != "be")
            for t in c.subtree
        }
        words = [t for t in subtree_tokens(comp) if t.i not in skip]
        if _false_words(words):
            return True
        negated = (
            is_negated(predicate)
            or is_negated(comp)
            or any(t.lower_ in ("not", "n't", "never") for t in words)
        )
        if negated and any(_lemma(t) in lexicon.TRUE_WORDS for t in words):
            return True
    return False


def verdict_subject(root: Token) -> tuple[Token | None, bool]:
    """For a clause that calls something false: (what it calls false, True).

    ``(None, True)`` for a bare verdict with no subject ("not true", "a hoax");
    ``(None, False)`` when the clause is no verdict."""
    predicate = root
    # "appears to be fake", "turned out to be a hoax"
    if _lemma(root) in lexicon.SEEM_VERBS:
        inner = children_with(root, "xcomp")
        if inner and _lemma(inner[0]) == "be":
            predicate = inner[0]
        elif not children_with(root, "acomp", "attr", "oprd"):
            return None, False
    passive = children_with(predicate, "nsubjpass")
    if passive and _debunks(predicate):
        # "the story has been debunked", "the article can be debunked"
        named = [s for s in passive if _lemma(s) in lexicon.CLAIM_NOUNS]
        return (named or passive)[0], True
    if _lemma(predicate) == "be" or predicate.pos_ == "AUX":
        if not _judged_false(predicate):
            return None, False
        subjects = children_with(root, "nsubj", "nsubjpass") or children_with(predicate, "nsubj")
        # "Korvan council: rifle report is false" read with two subjects: the report, not
        # the source the headline names before its colon
        named = [s for s in subjects if _lemma(s) in lexicon.CLAIM_NOUNS]
        return ((named or subjects)[0] if subjects else None), True
    lemma = _lemma(predicate)
    fragment = lemma in lexicon.FALSE_WORDS or (
        lemma in lexicon.TRUE_WORDS and is_negated(predicate)
    )
    subjects = children_with(predicate, "nsubj")
    conditional = any(
        a.lower_ in lexicon.CONDITIONAL_WORDS for a in children_with(predicate, "aux")
    )
    if lemma in lexicon.EVENT_VERBS and is_negated(predicate) and not conditional:
        # "that never happened", "it did not happen", "not happening": what was told
        if not subjects:
            return None, True
        told = subjects[0]
        if told.lower_ in lexicon.CLAIM_PRONOUNS or _lemma(told) in lexicon.CLAIM_NOUNS:
            return told, True
        return None, False
    if fragment and not subjects:
        return None, True  # a fragment: "Not true.", "A hoax."
    return None, False


def _clause_root(noun: Token) -> Token | None:
    """The clause a claim noun states: "reports that Y", "claims Y", "those who said Y",
    "a story suggesting that Y"."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "appos", "relcl") and child.i > noun.i:
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children):
                return child
            if (
                child.dep_ == "relcl"
                and _lemma(noun) in lexicon.CLAIM_NOUNS
                and child.left_edge.lower_ == "that"
                and any(s.lower_ != "that" for s in children_with(child, "nsubj", "nsubjpass"))
            ):
                return child  # "the rumour that the bridge collapsed", "that" misread
            if child.dep_ in ("acl", "relcl") and _lemma(child) in lexicon.ATTRIBUTION_VERBS:
                inner = children_with(child, "ccomp", "xcomp")
                if inner:
                    return inner[0]
            if (
                child.dep_ in ("acl", "ccomp")
                and child.pos_ in ("VERB", "AUX")
                and _lemma(noun) in lexicon.CLAIM_NOUNS
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            ):
                return child  # "claims ISIS fighters are crossing"
    follower = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if follower is not None and follower.lower_ == "that" and follower.dep_ == "mark":
        return follower.head  # misparsed "claims that a spider burrowed": the clause follows
    after = noun.right_edge.i + 1
    if after < len(noun.doc) and _lemma(noun) in lexicon.CLAIM_NOUNS:
        telling = noun.doc[after]
        inner = children_with(telling, "ccomp")
        if telling.tag_ == "VBG" and _lemma(telling) in lexicon.ATTRIBUTION_VERBS and inner:
            return inner[0]  # "a story that ran in X suggesting that Y", the verb misattached
    for prep in children_with(noun, "prep"):
        if prep.lower_ in ("of", "about", "that") and _lemma(noun) in lexicon.CLAIM_NOUNS:
            for obj in children_with(prep, "pobj", "pcomp"):
                if obj.pos_ in ("VERB",) or any(c.dep_ in ("acl", "relcl") for c in obj.children):
                    return obj
    return None


def _clause_extent(noun: Token, clause: Token) -> tuple[int, int] | None:
    """The words of the clause ``noun`` states, after its "that"."""
    start = clause.left_edge.i
    if start <= noun.i:
        start = noun.i + 1
    tokens = [t for t in noun.doc[start : clause.right_edge.i + 1]]
    while tokens and (tokens[0].lower_ == "that" or tokens[0].is_punct):
        tokens = tokens[1:]
    return token_extent(tokens)


def claim_of(noun: Token) -> tuple[tuple[int, int] | None, Token | None, bool]:
    """What a noun phrase called false or shot down claims: (extent, root, is_reference).

    The clause it states when it has one; otherwise, for a reference ("the story", "it",
    "the claims in the report"), the noun phrase itself flagged as a reference."""
    clause = _clause_root(noun)
    if clause is not None:
        return _clause_extent(noun, clause), clause, False
    for prep in children_with(noun, "prep"):
        # "the claims in the story": the claims are what the story says
        for obj in children_with(prep, "pobj"):
            inner = _clause_root(obj)
            if inner is not None:
                return token_extent(subtree_tokens(inner)), inner, False
    reference = _lemma(noun) in lexicon.CLAIM_NOUNS or noun.lower_ in lexicon.CLAIM_PRONOUNS
    return token_extent(subtree_tokens(noun)), noun, reference


def content_root(doc: Doc, cand: Candidate) -> Token | None:
    """The root of a candidate's content (of its first sentence, when it has several)."""
    if cand.content is None:
        return None
    span = doc.char_span(*cand.content, alignment_mode="expand")
    if span is None or not len(span):
        return None
    # a content of several sentences is read by its first
    first_sentence = span[0].sent
    first = [t for t in span if t.i < first_sentence.end]
    inside = {t.i for t in first}
    roots = [t for t in first if t.head.i not in inside or t.head.i == t.i]
    return roots[0] if roots else span.root


def quoted_span(cand: Candidate) -> tuple[int, int]:
    """The span a reframed candidate quoted (paragraph-relative), before its content
    became the claim it denies."""
    said = cand.notes[SAID_NOTE]
    assert isinstance(said, tuple)
    return int(said[0]), int(said[1])


def _deny(cand: Candidate, found: tuple[tuple[int, int] | None, Token | None, bool]) -> None:
    extent, root, reference = found
    if extent is None:
        return
    if cand.content is not None:
        cand.notes.setdefault(SAID_NOTE, cand.content)  # the span it quoted
    cand.stance = "denies"
    cand.content = extent
    cand.content_root = root
    if reference:
        cand.notes[REFERENCE_NOTE] = True


def _no_evidence(root: Token) -> tuple[tuple[int, int] | None, Token | None, bool] | None:
    """'there is no evidence that Y', 'found no proof of Y', 'have no intelligence to
    suggest Y', 'there is no truth to reports that Y': Y."""
    nouns = [
        c
        for c in root.children
        if c.dep_ in ("attr", "dobj")
        and (_lemma(c) in lexicon.EVIDENCE_NOUNS or _lemma(c) in lexicon.GROUNDS_NOUNS)
    ]
    for noun in nouns:
        negated = is_negated(root) or any(
            c.lower_ in ("no", "little") for c in noun.children if c.dep_ == "det"
        )
        if not negated:
            continue
        if _lemma(noun) in lexicon.GROUNDS_NOUNS:
            # "no truth to reports that Y": Y; "no truth to the claim": the claim told
            for prep in children_with(noun, "prep"):
                for obj in children_with(prep, "pobj"):
                    if prep.lower_ in ("to", "in", "behind") and (
                        _lemma(obj) in lexicon.CLAIM_NOUNS or obj.lower_ in lexicon.CLAIM_PRONOUNS
                    ):
                        return claim_of(obj)
            continue
        for child in noun.children:
            if child.dep_ in ("acl", "relcl", "ccomp") and _lemma(child) in lexicon.ASSERT_VERBS:
                inner = children_with(child, "ccomp", "dobj")
                if inner:
                    return token_extent(subtree_tokens(inner[0])), inner[0], False
        clause = _clause_root(noun)
        if clause is not None:
            tokens = [
                t for t in subtree_tokens(clause) if not (t.dep_ == "mark" and t.head == clause)
            ]
            # "said there is no proof that Y and that they are working on it": a second
            # "that" clause is said by the source, not what it has no proof of
            second = [
                c
                for c in clause.children
                if c.dep_ == "conj" and any(m.dep_ == "mark" for m in c.children)
            ]
            if second:
                tokens = [t for t in tokens if t.i < second[0].left_edge.i]
                while tokens and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
                    tokens.pop()
            return token_extent(tokens), clause, False
        for prep in children_with(noun, "prep"):
            if prep.lower_ in ("of", "for", "that"):
                objs = children_with(prep, "pobj", "pcomp")
                if objs:
                    return token_extent(subtree_tokens(objs[0])), objs[0], False
    return None


#: the subjects of "it has no plans to Y", "there are no plans to Y": the source itself
_SELF_OR_NO_ONE = lexicon.PRONOUNS | {"there"}


def _no_plans(root: Token) -> tuple[tuple[int, int] | None, Token | None, bool] | None:
    """'it has no plans to Y', 'there are no plans to Y', 'we have no intention of Y' said
    of the source itself (a pronoun, or no one): the source denies Y, the infinitive."""
    if _lemma(root) not in ("have", "be"):
        return None
    subjects = children_with(root, "nsubj", "expl")
    if subjects and subjects[0].lower_ not in _SELF_OR_NO_ONE:
        return None  # "Ada Lind has no plans to Y": said of someone else
    for noun in children_with(root, "dobj", "attr"):
        if _lemma(noun) not in lexicon.PLAN_NOUNS:
            continue
        negated = is_negated(root) or any(c.lower_ == "no" for c in children_with(noun, "det"))
        if not negated:
            continue
        for child in children_with(noun, "acl", "relcl"):
            # the infinitive ("plans to Y"), not a clause ("no intention that this happen")
            if child.pos_ in ("VERB", "AUX") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in child.children
            ):
                return token_extent(subtree_tokens(child)), child, False
        for prep in children_with(noun, "prep"):
            for obj in children_with(prep, "pcomp", "pobj"):
                if prep.lower_ == "of" and obj.tag_ == "VBG":  # "no intention of selling Y"
                    return token_extent(subtree_tokens(obj)), obj, False
    return None


def _contrary_to_reports(cand: Candidate) -> tuple[tuple[int, int] | None, Token, bool] | None:
    """'Y, despite reports to the contrary', 'contrary to published reports, Y' in the
    sentence of a source's statement: it contradicts the reports, so it denies their claim:
    the clause they state ('contrary to reports that Z': Z), or the reports as a reference
    to the claim told (the reports' own telling is not itself contradicted)."""
    tokens = list(cand.sentence)
    for n, token in enumerate(tokens):
        if token.lower_ != "contrary":
            continue
        noun = None
        before = [t.lower_ for t in tokens[max(0, n - 2) : n]]
        if before == ["to", "the"] and n >= 3 and _lemma(tokens[n - 3]) in lexicon.CLAIM_NOUNS:
            noun = tokens[n - 3]  # "reports to the contrary"
        elif n + 1 < len(tokens) and tokens[n + 1].lower_ == "to":
            # "contrary to (earlier, published) reports"
            noun = next(
                (t for t in tokens[n + 2 : n + 6] if _lemma(t) in lexicon.CLAIM_NOUNS), None
            )
        if noun is None or noun.pos_ != "NOUN" or noun.i == cand.cue_token.i:
            continue
        clause = _clause_root(noun)
        if clause is not None:
            return _clause_extent(noun, clause), clause, False
        return token_extent([noun]), noun, True
    return None


def reframe_debunks(doc: Doc, candidates: Sequence[Candidate]) -> None:
    """Turn the paragraph's candidates that call a claim false into denials of that claim
    (in place): the content becomes the claim denied."""
    for cand in candidates:
        root = content_root(doc, cand)
        if root is None or cand.stance == "declines":
            continue
        if cand.stance == "asserts" and _branded_before_object(cand):
            continue
        if cand.stance == "asserts" and _debunks(cand.cue_token):
            # "slammed reports that Y", "slammed those who speculated Y"
            objs = children_with(cand.cue_token, "dobj")
            if _lemma(root) in lexicon.CLAIM_NOUNS:
                _deny(cand, claim_of(root))
                continue
            if objs and _clause_root(objs[0]) is not None:
                _deny(cand, claim_of(objs[0]))
                continue
        # a verdict joined to a clause with no subject of its own ("turns out, the tale is
        # rubbish"); a clause with its own subject says something of its own
        parts = [root] if children_with(root, "nsubj", "nsubjpass") else []
        for part in parts or [root, *children_with(root, "conj")]:
            subject, verdict = verdict_subject(part)
            if verdict:
                root = part
                break
        if not verdict and cand.stance == "asserts" and _verdict_follows(root):
            # "KFC confirmed it. Not happening.": what it confirmed is the verdict after it
            _deny(cand, (token_extent([root]), root, True))
            continue
        if not verdict and cand.stance == "asserts":
            deeper = _report_called_false(doc, cand, root)
            if deeper is not None and deeper.pos_ == "NOUN":
                root, subject, verdict = deeper, deeper, True  # the claim noun itself
            elif deeper is not None:
                root, subject, verdict = deeper, verdict_subject(deeper)[0], True
        if verdict:
            # "said the story is a hoax", "denied ... saying it was false": the story's claim
            if subject is None:
                _deny(cand, (token_extent(subtree_tokens(root)), root, True))
            else:
                _deny(cand, claim_of(subject))
            continue
        if cand.stance == "denies":
            # "denied reports that Y", "dismissed the claims as false": Y
            if _lemma(root) in lexicon.CLAIM_NOUNS:
                _deny(cand, claim_of(root))
            elif _blame_only(root):
                # "denied they were to blame", "denied responsibility": the deed told of them
                cand.notes[REFERENCE_NOTE] = True
            continue
        found = _no_evidence(root) or _no_plans(root) or _contrary_to_reports(cand)
        if found is not None:
            _deny(cand, found)


def _blame_only(root: Token) -> bool:
    """Whether a denied content only disowns blame ("they were to blame", "responsibility",
    "it was behind the attack" is not: it names the deed) and names no deed of its own."""
    if _lemma(root) in lexicon.BLAME_WORDS:
        return not children_with(root, "prep", "acl", "relcl")
    subjects = children_with(root, "nsubj", "nsubjpass")
    if subjects and subjects[0].lower_ not in lexicon.PRONOUNS:
        return False
    parts = [root, *children_with(root, "xcomp", "acomp", "attr", "dobj")]
    return any(
        _lemma(p) in lexicon.BLAME_WORDS and not children_with(p, "prep", "dobj", "ccomp")
        for p in parts
    )


def _verdict_follows(root: Token) -> bool:
    """Whether a content that is only a pronoun ("confirmed it") is spelled out by the
    sentence after it, a bare verdict ("Not happening.", "Not true.", "It's a hoax.")."""
    if root.lower_ not in lexicon.CLAIM_PRONOUNS or list(root.children):
        return False
    doc, end = root.doc, root.sent.end
    if end >= len(doc):
        return False
    subject, verdict = verdict_subject(doc[end].sent.root)
    return verdict and (subject is None or subject.lower_ in lexicon.CLAIM_PRONOUNS)


def _report_called_false(doc: Doc, cand: Candidate, root: Token) -> Token | None:
    """A clause deeper in what a source says that calls a report, a story or a claim false
    ("..., the article can be debunked simply by ...", "and the story is fiction"): the
    source calls that report false, however the parser hung the clause."""
    if cand.content is None:
        return None
    span = doc.char_span(*cand.content, alignment_mode="expand")
    if span is None:
        return None
    sentence = root.sent
    for token in span:
        if not sentence.start <= token.i < sentence.end or token.i == root.i:
            continue
        if token.pos_ not in ("VERB", "AUX") and token.dep_ not in ("acomp", "attr"):
            continue
        subject, verdict = verdict_subject(token)
        if verdict and subject is not None and _lemma(subject) in lexicon.CLAIM_NOUNS:
            return token
        if verdict and subject is None and token.pos_ in ("VERB", "AUX"):
            # "... a story suggesting that Y is false" parsed with "is false" on its own:
            # the nearest claim noun before it that states a clause is what it calls false
            for noun in reversed(span[: token.i - span.start]):
                if noun.sent != sentence or _lemma(noun) not in lexicon.CLAIM_NOUNS:
                    continue
                if noun.pos_ == "NOUN" and _clause_root(noun) is not None:
                    return noun
                break
    return None


def _branded_before_object(cand: Candidate) -> bool:
    """'described as "rubbish" a report that Y': the object follows its verdict."""
    verb = cand.cue_token
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
    if not preps or not _false_words(preps[0].subtree):
        return False
    # the object, or a claim noun the parser hung on "as" beside the verdict
    objs = children_with(verb, "dobj") + [
        o for o in children_with(preps[0], "pobj") if _lemma(o) in lexicon.CLAIM_NOUNS
    ]
    if not objs:
        return False
    _deny(cand, claim_of(objs[0]))
    return True


def _debunks(verb: Token) -> bool:
    """Whether ``verb`` is a debunking verb ("slammed", "shot down")."""
    lemma = _lemma(verb)
    if lemma in lexicon.DEBUNK_WITH_PARTICLE:
        return lexicon.DEBUNK_WITH_PARTICLE[lemma] in {
            c.lower_ for c in verb.children if c.dep_ == "prt"
        }
    return lemma in lexicon.DEBUNK_VERBS


def _debunk_object(verb: Token) -> Token | None:
    """The claim noun a debunking verb acts on ("shot down the claims", "cast doubt on
    reports", "slammed those who speculated")."""
    lemma = _lemma(verb)
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    objs = children_with(verb, "dobj")
    if lemma in lexicon.DEBUNK_WITH_OBJECT_NOUN:
        wanted = lexicon.DEBUNK_WITH_OBJECT_NOUN[lemma]
        if not objs or _lemma(objs[0]) not in wanted:
            return None
        targets = [o for p in children_with(verb, "prep") for o in children_with(p, "pobj")]
        targets += [o for p in children_with(objs[0], "prep") for o in children_with(p, "pobj")]
        return targets[0] if targets else None
    if lemma in lexicon.DEBUNK_WITH_PARTICLE:
        if lexicon.DEBUNK_WITH_PARTICLE[lemma] not in particles:
            return None
    elif lemma not in lexicon.DEBUNK_VERBS:
        return None
    return objs[0] if objs else None


def _debunking_verbs(doc: Doc) -> list[Token]:
    """The verbs of ``doc`` whose lemma is a debunking verb's (read off the doc's arrays,
    without a Python object per token)."""
    strings = doc.vocab.strings
    verb = strings["VERB"]
    return [
        doc[i]
        for i, (pos, lemma) in enumerate(doc.to_array(["POS", "LEMMA"]).tolist())
        if pos == verb and strings[lemma].lower() in _DEBUNKING_LEMMAS
    ]


def debunk_candidates(
    doc: Doc, candidates: Sequence[Candidate], segments: list[tuple[int, int]]
) -> list[Candidate]:
    """Denials the cue lists do not carry: debunking verbs whose object is a claim
    ("officials shot down the claims that Y", "scientists cast doubt on claims that Y")."""
    taken = {c.cue_token.i for c in candidates}
    found: list[Candidate] = []
    for token in _debunking_verbs(doc):
        if token.i in taken or in_segment(token.idx, segments):
            continue
        target = _debunk_object(token)
        if target is None:
            continue
        claim = claim_of(target)
        if claim[2]:
            # "squashed the rumours on Monday that Y": the clause hangs off the verb
            later = [
                c
                for c in children_with(token, "ccomp")
                if c.i > target.i and any(m.lower_ == "that" for m in c.children)
            ]
            if later:
                claim = (_clause_extent(target, later[0]), later[0], False)
        if claim[0] is None:
            continue
        if (
            claim[2] is False
            and _lemma(target) not in lexicon.CLAIM_NOUNS
            and not any(c.dep_ == "relcl" for c in target.children)
        ):
            continue  # "slammed the decision": a stance on a plan, not on a claim
        source_token, _ = subject_of(token)
        source = noun_phrase(source_token, clauses=True, cue=token) if source_token else None
        quote, content = quote_kind(claim[0], segments, doc_text(doc))
        cand = Candidate(
            cue=(token.idx, token.idx + len(token)),
            source=source,
            content=content,
            stance="denies",
            quote=quote,
            hedged=is_hedged(token, content, doc),
            sentence=token.sent,
            cue_token=token,
            source_token=source_token,
            content_root=claim[1],
        )
        if source_token is not None:
            cand.notes["source_name"] = noun_phrase(source_token)
        if claim[2]:
            cand.notes[REFERENCE_NOTE] = True
        found.append(cand)
    return found
