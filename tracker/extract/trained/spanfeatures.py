"""Token features of the span model's two taggers (:mod:`tracker.extract.trained.spans`).

A :class:`Paragraph` holds what one paragraph says, token by token: the parse, the quotes,
which cue lexicons list a word, what the rules make of it and a cue model's score.
:func:`cue_features` describes each token for the cue tagger; :func:`span_features`
describes each token relative to one cue for the span tagger.

The CRFs read features as ``key=value`` strings (python-crfsuite's convention); the keys
are short because a model holds millions of them.  What each key means:

==========  ===========================================================================
key         meaning
==========  ===========================================================================
w, l        the word (lower case) and its lemma
p, t, d     part of speech, fine-grained tag, dependency label
sh          the word's shape (case and digits, e.g. ``Xx``, ``dd``)
hl, hd      the head's lemma; the head's dependency label and part of speech
rc, rr      the rules' reading of the word: cue tag (B/I/O), role (S source, T content)
hrc         the rules' cue tag and role of the word's head
lx          the cue lexicons that list the lemma (assert, deny, decline, object, ...)
e           the named-entity type
sj          the word's subject: its label and entity type (or pronoun, or part of speech)
kd          which of the dependents that mark a cue (subject, clause, object) it has
cp          a trained cue model's score, in buckets
nc, nbi     the word scorer's chance that the word is a cue word; where in a cue it lies
q           inside a quotation
ss, se      the word starts a sentence; the next word does
that        a "that" clause hangs below the word
bias        always 1 (the CRF's intercept)
N:k=v       the neighbour N words away (-2..2) has ``k=v``; ``N:pad`` past the edge
w-1|w       the word pair ending here
pos         (span tagger) position relative to the cue: ``cue``, or a signed distance
so          (span tagger) sentences away from the cue's sentence, -2..2
rel, rel2   (span tagger) syntactic relation to the cue's head; the first two steps of
            the path from the cue's head down to the word
dep         (span tagger) length of that path, up to 6
bre, ble    (span tagger) the word ends / starts the branch under the cue's head
re          (span tagger) the word ends its head's subtree
rr          (span tagger) the rules' role for this cue: S, T, O or none (no rule reading)
oc, or      (span tagger) another cue of the rules' here; another attribution's role
a|b=...     (span tagger) pairs of the keys above, e.g. ``rel|pos``, ``rr|rel``, ``hl|rel``,
            ``ccp`` (the cue model's score with whether the rules read this cue)
N:ns, N:nt  (span tagger) the word scorer's chance that the neighbour N away is anyone's
            source / content
==========  ===========================================================================
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tracker import lexicon
from tracker.extract.quotes import quote_segments
from tracker.extract.rules import find_candidates
from tracker.nlp import doc_text

if TYPE_CHECKING:
    import numpy
    from spacy.tokens import Doc, Token

__all__ = [
    "Features",
    "Tokens",
    "Paragraph",
    "paragraph_tokens",
    "head_of",
    "cue_features",
    "span_features",
]

_LEXICONS = {
    "assert": lexicon.ASSERT_VERBS,
    "deny": lexicon.DENY_VERBS,
    "decline": lexicon.DECLINE_VERBS,
    "object": lexicon.OBJECT_CUE_VERBS,
    "intent": lexicon.INTENT_VERBS,
    "cognition": lexicon.COGNITION_VERBS,
    "noun": lexicon.CUE_NOUNS,
}
#: dependents that tell a cue word from another (who speaks, what is said)
_KID_DEPS = frozenset("nsubj nsubjpass ccomp xcomp dobj prep agent attr acomp parataxis".split())
#: neighbour features (two words either side) of the cue tagger and the span tagger
_CUE_WINDOW = ("w", "l", "p", "d", "rc", "rr", "cp", "q", "lx", "e", "nc")
_SPAN_WINDOW = ("w", "p", "rel", "rr", "q", "pos", "rel2", "bre", "ble")
_WIDTH = 2

Features = list[dict[str, float]]
Tokens = list[int]


def paragraph_tokens(doc: Doc, offsets: tuple[int, int] | None) -> Tokens:
    """Indices of the (non-space) tokens of ``doc`` overlapping the character offsets."""
    if offsets is None:
        return []
    start, end = offsets
    return [t.i for t in doc if t.idx < end and t.idx + len(t) > start and not t.is_space]


def head_of(doc: Doc, tokens: Sequence[int]) -> Token:
    """The token of a span whose syntactic head lies outside it."""
    inside = set(tokens)
    for i in tokens:
        token = doc[i]
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return doc[tokens[0]]


def _shape(word: str) -> str:
    shape: list[str] = []
    for ch in word[:6]:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not shape or shape[-1] != c:
            shape.append(c)
    return "".join(shape)


def _bucket(score: float | None) -> str | None:
    if score is None or math.isnan(score):
        return None
    return str(min(9, int(score * 10)))


class Paragraph:
    """One parsed paragraph with the rules' reading of it and each token's own features."""

    def __init__(
        self,
        doc: Doc,
        scores: Sequence[float] | None,
        thresholds: tuple[float, float],
        word_scores: numpy.ndarray | None = None,
    ):
        self.doc = doc
        self.scores = scores
        #: a word scorer's chances per token (cue O/B/I, role O/S/T), when there is one
        self.word_scores = word_scores
        found = find_candidates(doc, join_quotes=True, cue_scores=scores, thresholds=thresholds)
        # the outermost attributions, as annotated corpora mark them
        self.rules = [c for c in found if c.relay_of is None]
        self.segments = quote_segments(doc_text(doc))
        self.rule_cue = ["O"] * len(doc)
        self.rule_role = ["O"] * len(doc)
        self.rule_tokens: list[tuple[Tokens, Tokens, Tokens]] = []
        for cand in self.rules:
            cue, source = paragraph_tokens(doc, cand.cue), paragraph_tokens(doc, cand.source)
            content = paragraph_tokens(doc, cand.content)
            self.rule_tokens.append((cue, source, content))
            for j, i in enumerate(cue):
                self.rule_cue[i] = "B" if j == 0 else "I"
            for role, tokens in (("S", source), ("T", content)):
                for i in tokens:
                    if self.rule_role[i] == "O":
                        self.rule_role[i] = role
        self.sentence = [0] * len(doc)
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sentence[i] = k
        self.base = [self._features(t) for t in doc]

    def _features(self, t: Token) -> dict[str, str]:
        lemma = t.lemma_.lower()
        f = {
            "w": t.lower_,
            "l": lemma,
            "p": t.pos_,
            "t": t.tag_,
            "d": t.dep_,
            "sh": _shape(t.text),
            "hl": t.head.lemma_.lower(),
            "hd": f"{t.head.dep_}/{t.head.pos_}",
            "rc": self.rule_cue[t.i],
            "rr": self.rule_role[t.i],
            "hrc": self.rule_cue[t.head.i] + self.rule_role[t.head.i],
        }
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        s = subjects[0] if subjects else None
        optional = {
            "lx": "+".join(name for name, words in _LEXICONS.items() if lemma in words),
            "e": t.ent_type_,
            "sj": f"{s.dep_}:{s.ent_type_ or (s.lower_ if s.pos_ == 'PRON' else s.pos_)}"
            if s is not None
            else "",
            "kd": "+".join(sorted({c.dep_ for c in t.children if c.dep_ in _KID_DEPS})),
            "cp": _bucket(self.scores[t.i]) if self.scores is not None else None,
            "nc": _bucket(self._cue_chance(t.i)) if self.word_scores is not None else None,
            "nbi": self._cue_part(t.i) if self.word_scores is not None else None,
            "q": "1" if any(a <= t.idx < b for a, b in self.segments) else "",
            "ss": "1" if t.is_sent_start else "",
            "se": "1" if t.i + 1 < len(self.doc) and self.doc[t.i + 1].is_sent_start else "",
            "that": "1"
            if any(m.lower_ == "that" for c in t.children for m in c.children if m.dep_ == "mark")
            else "",
        }
        f.update({k: v for k, v in optional.items() if v})
        return f

    def _cue_chance(self, i: int) -> float:
        row = self.word_scores[i]  # type: ignore[index]
        return float(row[1] + row[2])

    def _cue_part(self, i: int) -> str | None:
        """Whether the word scorer reads a likely cue word as its first word or a later one."""
        if self._cue_chance(i) < 0.3:
            return None
        row = self.word_scores[i]  # type: ignore[index]
        return "B" if row[1] >= row[2] else "I"

    def rule_for(self, cue: Sequence[int]) -> int | None:
        """The rules' candidate sharing a token with ``cue``, if any."""
        tokens = set(cue)
        return next((k for k, (c, _, _) in enumerate(self.rule_tokens) if tokens & set(c)), None)


def _windowed(base: list[dict[str, str]], keys: Sequence[str]) -> Features:
    """Each token's features, its neighbours' ``keys`` and the word pair it ends."""
    out: Features = []
    for i, own in enumerate(base):
        f = {f"{k}={v}": 1.0 for k, v in own.items()}
        f["bias"] = 1.0
        for off in range(-_WIDTH, _WIDTH + 1):
            j = i + off
            if off == 0:
                continue
            if not 0 <= j < len(base):
                f[f"{off}:pad"] = 1.0
                continue
            for k in keys:
                value = base[j].get(k)
                if value is not None:
                    f[f"{off}:{k}={value}"] = 1.0
        if i > 0:
            f[f"w-1|w={base[i - 1]['w']}|{own['w']}"] = 1.0
        out.append(f)
    return out


def cue_features(par: Paragraph) -> Features:
    out = _windowed(par.base, _CUE_WINDOW)
    for f, b in zip(out, par.base, strict=True):
        kids, score = b.get("kd", ""), b.get("cp", "")
        pairs = [f"rc|rr={b['rc']}|{b['rr']}", f"l|kd={b['l']}|{kids}", f"p|kd={b['p']}|{kids}"]
        pairs += [f"cp|p={score}|{b['p']}", f"l|d={b['l']}|{b['d']}", f"l|t={b['l']}|{b['t']}"]
        if "sj" in b:
            pairs += [f"l|sj={b['l']}|{b['sj']}", f"cp|sj={score}|{b['sj']}"]
        if "nc" in b:
            pairs += [f"nc|p={b['nc']}|{b['p']}", f"nc|rc={b['nc']}|{b['rc']}"]
        f.update(dict.fromkeys(pairs, 1.0))
    return out


def _distance(d: int) -> str:
    a = abs(d)
    for limit, name in ((1, "1"), (2, "2"), (3, "3"), (5, "5"), (10, "10"), (20, "20"), (40, "40")):
        if a <= limit:
            return ("-" if d < 0 else "+") + name
    return ("-" if d < 0 else "+") + "far"


def _path_below(t: Token, head: Token) -> list[str] | None:
    """The dependency labels from ``head`` down to ``t``, if ``t`` lies below it."""
    path: list[str] = []
    x = t
    while x.head.i != x.i and len(path) < 60:
        path.append(x.dep_)
        if x.head.i == head.i:
            return path[::-1]
        x = x.head
    return None


def _relation(t: Token, head: Token, below: list[str] | None) -> str:
    """How ``t`` hangs on the cue's head: below it, above it, or beside it (by the branches
    under their lowest common ancestor)."""
    if t.i == head.i:
        return "self"
    if below is not None:
        return "below:" + below[0]
    ancestors: dict[int, Token] = {}
    x = head
    while len(ancestors) < 60:
        ancestors[x.i] = x
        if x.head.i == t.i and x.i != t.i:
            return "above:" + x.dep_
        if x.head.i == x.i:
            break
        x = x.head
    x, branch = t, None
    while x.i not in ancestors:
        if x.head.i == x.i:
            return "other"
        branch, x = x, x.head
    y = head
    while y.head.i != x.i and y.head.i != y.i:
        y = y.head
    return f"lca:{branch.dep_ if branch is not None else '?'}|{y.dep_}"


def span_features(par: Paragraph, cue: Sequence[int], rule: int | None) -> Features:
    """Every token's features relative to one cue (token indices ``cue``)."""
    doc = par.doc
    head = head_of(doc, cue)
    first, last, inside = cue[0], cue[-1], set(cue)
    own_source, own_content = (
        (set(), set()) if rule is None else map(set, par.rule_tokens[rule][1:])
    )
    base: list[dict[str, str]] = []
    for t in doc:
        b = par.base[t.i]
        f: dict[str, str] = {k: b[k] for k in ("w", "p", "d", "sh", "l", "q") if k in b}
        f["pos"] = "cue" if t.i in inside else _distance(t.i - first if t.i < first else t.i - last)
        f["so"] = str(max(-2, min(2, par.sentence[t.i] - par.sentence[head.i])))
        below = _path_below(t, head) if t.i != head.i else None
        f["rel"] = _relation(t, head, below)
        if below is not None:
            f["rel2"] = ">".join(below[:2]) if len(below) > 1 else below[0] + ">."
            f["dep"] = str(min(len(below), 6))
            branch = t  # the subtree under the cue's head that holds t: where it ends
            while branch.head.i != head.i:
                branch = branch.head
            f.update({"bre": "1"} if t.i == branch.right_edge.i else {})
            f.update({"ble": "1"} if t.i == branch.left_edge.i else {})
        f.update({"re": "1"} if t.i == t.head.right_edge.i and t.head.i != t.i else {})
        in_source, in_content = t.i in own_source, t.i in own_content
        f["rr"] = "S" if in_source else "T" if in_content else "none" if rule is None else "O"
        f.update({"oc": "1"} if par.rule_cue[t.i] != "O" else {})
        if par.rule_role[t.i] != "O" and not (in_source or in_content):
            f["or"] = par.rule_role[t.i]  # another attribution's
        base.append(f)
    score = (_bucket(par.scores[head.i]) if par.scores is not None else None) or "-"
    ruled = f"crule={rule is not None}"
    cue_lemma = f"hl={head.lemma_.lower()}"
    out = _windowed(base, _SPAN_WINDOW)
    for feats, b in zip(out, base, strict=True):
        rel, rr, side = b["rel"], b["rr"], b["pos"][:1]
        pairs = [f"rel|pos={rel}|{b['pos']}", f"rr|rel={rr}|{rel}", f"{cue_lemma}|{rel}"]
        pairs += [f"hp|so|pos={head.pos_}|{b['so']}|{side}", f"ccp={score}|{ruled}|{rel}"]
        pairs += [f"ccp={score}|{rr}", f"{ruled}|{rr}"]
        if "rel2" in b:
            pairs += [f"rel2|pos={b['rel2']}|{side}", f"rel2|w={b['rel2']}|{b['w']}"]
        feats.update(dict.fromkeys(pairs, 1.0))
    if par.word_scores is not None:
        # what the word scorer makes of each word and its neighbours as anyone's source or
        # content (the CRF ties it to this cue)
        roles = [(_bucket(float(row[4])), _bucket(float(row[5]))) for row in par.word_scores]
        for i, feats in enumerate(out):
            for off in (-1, 0, 1):
                if 0 <= i + off < len(out):
                    source, content = roles[i + off]
                    feats[f"{off}:ns={source}"] = 1.0
                    feats[f"{off}:nt={content}"] = 1.0
    return out
