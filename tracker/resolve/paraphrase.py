"""Paraphrases of a story's central claims, found by the story's words and sentence embeddings.

Word overlap (:func:`tracker.resolve.similarity.claim_similarity`) joins contents that share
at least two content words.  A story's central claim said in other words in each article
("ISIS fighters were caught at the border" / "individuals with ties to ISIL were apprehended
at the southwest border") escapes it and becomes a claim of its own.  Once every article is
in, each claim is compared with a few *hubs*: the claims said in the most articles, and the
few claims most in the story's own words (which is how a story that no two articles word
alike still has hubs).  Two kinds of evidence join a claim to a hub:

- its static embedding (:mod:`tracker.resolve.embeddings`) is close to one of the hub's
  wordings (cosine at least :data:`PARAPHRASE_THRESHOLD`), it names one of the hub's
  entities, and it shares the hub's predicate class or three words of the story that are
  not names (in a folder of many stories, two such words are chance: "voters", "support");
  or
- the cosine is at least :data:`STORY_THRESHOLD` and it states the same event in the story's
  vocabulary: it shares a predicate class with the hub ("caught" and "apprehended" are one
  class) and words of the story (those its articles use widely) with the hub's members, at
  least one of them not a name, with a name or a second such word besides.

The event is also the same when it is named rather than the main verb, said of someone the
hub names: the claim's verb is a word of the story the hub's members use ("ISIS is coming
across the border" / "fighters were caught coming across the border"), or the hub's own verb
is one of the claim's words ("Ravel was left stunned when Orsk tore the agreement" /
"Orsk tore up the contract").

A long sentence dilutes its vector: "Orsk and the other founding members were about to sign
a $90 million contract ..., but the band's singer tore the deal to pieces at the last minute"
restates "Orsk ripped up a $90 contract" at a cosine under :data:`STORY_THRESHOLD`, and
its subject is a description, not the name.  Such a claim joins when it shares the hub's
predicate class and at least :data:`WIDE_WORDS` words of the story that are not names with
the hub's members, at a cosine of at least :data:`WIDE_THRESHOLD`.

The same event is also told with and without its details: "Ada Lind has been arrested" /
"Ada Lind, 34, was arrested in Orsk on Tuesday after police found ...", or "Tomas Varga,
best known for his ballads, was found dead at 61" / "Varga was found dead on Sunday in his
flat ...", where the details dilute the vectors and the words.  A claim joins a hub, before
any vector is compared, when one of the hub's wordings says the same predicate class of a
name of its subject (the subject's head, not a name it is said of: "the spouse of the Kessin
mayor" names no one), the same way round, and its verb takes the same (both nothing, or the
objects and complements of one among the other's: "dead"; modifiers of time and place
aside), unless the claim names a year none of the hub's wordings names ("in 2009, Lind was
arrested" is another arrest); a supposition or a demand restates no fact.

A hub may join a higher-ranked hub the same way, and a claim joined to a joined hub ends on
the hub it joined.  A claim said the other way round ("a bird did not defecate on X" against
"a bird defecated on X") joins only on the story's vocabulary, at a cosine of at least
:data:`NEGATED_THRESHOLD` and naming one of the hub's names, or, when it is a copula with no
predicate to share ("Ada Lind was never in Brenvik" / "Ada Lind was arrested in Brenvik"),
when its subject is a name the hub's subject has and it shares another of the story's words
with the hub: its asserters then deny the hub
(:meth:`tracker.resolve.claims.ClaimRegistry.resolve`).  Static vectors weigh rare names
heavily and read no word order, which is why they only confirm what the words allow.  The
cost is a fixed number of comparisons per claim, so it grows with the number of claims, not
its square.

>>> from tracker.resolve.similarity import ClaimSignature
>>> def view(key, text, words, articles=1, negated=False):
...     signature = ClaimSignature(entities=frozenset({"velm"}), words=frozenset(words) | {"velm"},
...                                predicates=frozenset({words[0]}), negated=negated)
...     return ClaimView(key, (text,), signature, articles)
>>> hub = view(0, "The port of Velmora was closed", ["close", "port"], articles=3)
>>> paraphrase_joins([hub, view(1, "Velmora's harbour was shut to ships", ["close", "ship"])])
{1: 0}
>>> paraphrase_joins([hub, view(1, "The port of Velmora was not closed", ["close", "port"],
...                             negated=True)])
{1: 0}
>>> paraphrase_joins([hub, view(1, "The mayor of Velmora resigned", ["resign", "mayor"])])
{}
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy

from tracker import lexicon
from tracker.resolve.embeddings import load_embeddings
from tracker.resolve.restating import restates_opposite, same_core
from tracker.resolve.similarity import ClaimSignature

__all__ = [
    "PARAPHRASE_THRESHOLD",
    "STORY_THRESHOLD",
    "NEGATED_THRESHOLD",
    "WIDE_THRESHOLD",
    "WIDE_WORDS",
    "HUBS",
    "SEEDS",
    "HUB_TEXTS",
    "STORY_SHARE",
    "ClaimView",
    "story_terms",
    "paraphrase_joins",
]

#: Cosine of static embeddings at or above which a claim naming a hub's entity restates it.
PARAPHRASE_THRESHOLD = 0.7
#: Cosine at or above which a claim stating the hub's event in the story's words restates it.
STORY_THRESHOLD = 0.6
#: Cosine at or above which a claim said the other way round is read as the hub denied.
NEGATED_THRESHOLD = 0.65
#: Cosine at or above which a claim stating the hub's event shares enough of the story's words
#: (:data:`WIDE_WORDS`, not names) to restate it whoever its subject names.
WIDE_THRESHOLD = 0.5
#: How many of the story's words other than names such a claim shares with the hub.
WIDE_WORDS = 4
#: How many of the most widely reported claims others are compared with.
HUBS = 8
#: How many claims most in the story's words are hubs besides (affirmative, with a verb).
SEEDS = 4
#: How many wordings of a hub (its most said) a claim is compared with.
HUB_TEXTS = 5
#: A word is the story's when the claims using it are said in this share of the articles.
STORY_SHARE = 0.3


@dataclass(frozen=True)
class ClaimView:
    """What the join reads of a claim: its key, wordings (most said first), signature, the
    number of articles that state it and its members' signatures (the signature alone when
    none are given)."""

    key: int
    texts: tuple[str, ...]
    signature: ClaimSignature
    articles: int = 1
    members: tuple[ClaimSignature, ...] = ()
    said: int = 1

    def all_members(self) -> tuple[ClaimSignature, ...]:
        return self.members or (self.signature,)


@dataclass(frozen=True)
class _Profile:
    """A claim's words, names and predicates over all its members."""

    words: frozenset[str]
    names: frozenset[str]
    predicates: frozenset[str]


def _profile(view: ClaimView) -> _Profile:
    members = view.all_members()
    return _Profile(
        frozenset().union(*(m.words for m in members)),
        frozenset().union(*(m.entities | m.agent for m in members)),
        frozenset().union(*(m.predicates for m in members)),
    )


def _spread(claims: Sequence[ClaimView]) -> Counter[str]:
    """How widely each word is said: the articles of each claim using it, summed."""
    spread: Counter[str] = Counter()
    for claim in claims:
        for word in _profile(claim).words:
            spread[word] += claim.articles
    return spread


def story_terms(
    claims: Sequence[ClaimView], articles: int, share: float = STORY_SHARE
) -> frozenset[str]:
    """The words of a story of ``articles`` articles: those said (counting each claim once
    per article that states it) at least ``share`` times the articles, and three times at
    least.

    >>> a = ClaimSignature(words=frozenset({"port", "close"}))
    >>> b = ClaimSignature(words=frozenset({"port", "ship"}))
    >>> sorted(story_terms([ClaimView(0, ("",), a, 2), ClaimView(1, ("",), b, 1)], 10))
    ['port']
    """
    need = max(3, math.ceil(share * articles))
    return frozenset(w for w, n in _spread(claims).items() if n >= need)


def _hubs(claims: Sequence[ClaimView], hubs: int, seeds: int) -> list[ClaimView]:
    """The claims said in the most articles (two at least), then the ``seeds`` affirmative
    claims with a verb most in the story's words."""
    spread = _spread(claims)

    def topical(c: ClaimView) -> float:
        words = _profile(c).words
        return sum(spread[w] for w in words) / math.sqrt(1 + len(words))

    ranked = sorted(
        (c for c in claims if c.articles >= 2 and c.texts),
        key=lambda c: (-c.articles, -topical(c), c.key),
    )[:hubs]
    chosen = {c.key for c in ranked}
    rest = sorted(
        (
            c
            for c in claims
            if c.key not in chosen
            and c.texts
            and c.signature.predicates
            and not c.signature.negated
            and not c.signature.directive
        ),
        key=lambda c: (-c.said, -topical(c), c.key),
    )
    return ranked + rest[:seeds]


class _Joiner:
    """Whether a claim restates a hub, by the rules of the module's docstring."""

    def __init__(self, claims: Sequence[ClaimView], threshold: float, articles: int) -> None:
        self.threshold = threshold
        self.terms = story_terms(claims, articles)
        self.profiles = {c.key: _profile(c) for c in claims}
        self.conditional: dict[int, bool] = {}  # by key, worked out once per claim

    def is_conditional(self, view: ClaimView) -> bool:
        found = self.conditional.get(view.key)
        if found is None:
            found = self.conditional[view.key] = _conditional(view)
        return found

    def restates(self, claim: ClaimView, hub: ClaimView) -> bool:
        """The guards of :meth:`joins` for a claim that states a hub's event of the same
        name: a demand or a supposition restates no fact."""
        if claim.signature.directive != hub.signature.directive:
            return False
        return self.is_conditional(claim) == self.is_conditional(hub)

    def joins(self, claim: ClaimView, hub: ClaimView, cosine: float) -> bool:
        a, b = claim.signature, hub.signature
        if not a.words or not self.restates(claim, hub):
            return False  # a demand or a supposition does not restate what happened
        mine, theirs = self.profiles[claim.key], self.profiles[hub.key]
        names = mine.names | theirs.names
        shared = a.words & theirs.words & self.terms
        shared_names = shared & names
        events = shared - names
        actor = a.agent & a.entities
        if actor and not actor & (b.agent | self.terms):
            return False  # someone the story hardly names does it ("North Korea sent ...")
        same_event = bool(a.predicates & theirs.predicates)
        if a.negated != b.negated:
            # said the other way round: the story's vocabulary and a shared name, closer
            if cosine < NEGATED_THRESHOLD:
                return False
            if same_event:
                # the same event of the same names, the negation on it ("Lind did not need to
                # audition" does not deny "we needed Lind")
                restated = any(
                    restates_opposite(a, m) for m in hub.all_members() if m.negated != a.negated
                )
                return bool(events and shared_names) and restated
            return _denies_of_subject(a, b, shared)
        # the event may be named rather than be the main verb: "ISIS is coming across the
        # border" / "fighters were caught coming across the border"; "Ravel was left
        # stunned when Orsk tore the agreement" / "Orsk tore up the contract"
        same_event = same_event or _names_event(a, b, theirs, self.terms)
        # a shared name alone is not the event ("ISIS could attack Arkansas"), nor two words
        # every story of a mixed folder uses ("voters", "support")
        if (
            cosine >= self.threshold
            and (a.entities | a.agent) & (b.entities | b.agent)
            and (same_event or len(events) >= 3)
        ):
            return True
        if same_event and len(events) >= WIDE_WORDS and cosine >= WIDE_THRESHOLD:
            # a long sentence dilutes its vector: "the iconic band's singer ripped the
            # contract to shreds in the final moments" said of a description, not a name
            return True
        return (
            cosine >= STORY_THRESHOLD
            and same_event
            and bool(events)
            and (bool(shared_names) or len(events) >= 2)
        )


def _denies_of_subject(claim: ClaimSignature, hub: ClaimSignature, shared: frozenset[str]) -> bool:
    """Whether a negated claim with no predicate of its own, a copula ("Ada Lind was never
    in Brenvik", "Ada Lind was nowhere near Brenvik"), says of the hub's subject that it is
    not so: its subject is a name that the hub's subject has, and it shares another word of
    the story with the hub besides.

    >>> hub = ClaimSignature(words=frozenset({"ada", "lind", "arrest", "bren"}),
    ...                      entities=frozenset({"ada", "lind", "bren"}),
    ...                      predicates=frozenset({"arrest"}), agent=frozenset({"ada", "lind"}))
    >>> never = ClaimSignature(words=frozenset({"lind", "bren"}), negated=True,
    ...                        entities=frozenset({"lind", "bren"}), agent=frozenset({"lind"}))
    >>> _denies_of_subject(never, hub, frozenset({"lind", "bren"}))
    True
    >>> _denies_of_subject(never, hub, frozenset({"lind"}))
    False
    """
    if claim.predicates or not claim.negated or hub.negated:
        return False
    # its subject is a name ("Lind"), not a description holding one ("the wives of Lind")
    if not claim.agent or not claim.agent <= claim.entities:
        return False
    return bool(claim.agent & hub.agent) and bool(shared - claim.agent)


def _names_event(
    claim: ClaimSignature, hub: ClaimSignature, profile: _Profile, terms: frozenset[str]
) -> bool:
    """Whether a claim names a hub's event without sharing its predicate class: its verb is
    a word of the story the hub's members use, or the hub's own verb is one of its words,
    and its subject is the hub's or one of the hub's names (in the coverage of an election,
    "support" said of a candidate's voters names no one's event).

    >>> hub = ClaimSignature(words=frozenset({"arrest", "come", "border", "isis"}),
    ...                      predicates=frozenset({"arrest"}), agent=frozenset({"isis"}))
    >>> profile = _profile(ClaimView(0, ("",), hub))
    >>> coming = ClaimSignature(words=frozenset({"come", "border", "isis"}),
    ...                         predicates=frozenset({"come"}), agent=frozenset({"isis"}))
    >>> _names_event(coming, hub, profile, hub.words)
    True
    >>> from dataclasses import replace
    >>> _names_event(replace(coming, agent=frozenset({"cart"})), hub, profile, hub.words)
    False
    """
    if not claim.agent & (hub.agent | profile.names):
        return False
    return bool((claim.predicates & profile.words | claim.words & hub.predicates) & terms)


def _event_keys(signature: ClaimSignature) -> list[tuple[str, str, bool]]:
    """What a content's event is looked up by: each predicate class with each name of its
    subject, and its polarity."""
    names = signature.named
    if signature.directive or signature.reference is not None:
        return []
    return [(p, n, signature.negated) for p in signature.predicates for n in names]


_YEAR = re.compile(r"(?:19|20)\d\d")


def _years(signature: ClaimSignature) -> frozenset[str]:
    """The years a content names ("2009")."""
    return frozenset(w for w in signature.words if _YEAR.fullmatch(w))


class _Events:
    """The hubs' members by event, to find a hub a claim restates with its details or without
    them: the same predicate class said of the same name, taking the same ("Ada Lind has been
    arrested" / "Ada Lind, 34, was arrested in Orsk after police found ...")."""

    def __init__(self, hubs: Sequence[ClaimView]) -> None:
        # each (hub, what its verb takes) once: a hub's many wordings cost no more lookups
        self.by_key: dict[tuple[str, str, bool], set[tuple[int, frozenset[str]]]] = {}
        self.years = [frozenset().union(*(_years(m) for m in hub.all_members())) for hub in hubs]
        for n, hub in enumerate(hubs):
            for member in hub.all_members():
                for key in _event_keys(member):
                    self.by_key.setdefault(key, set()).add((n, member.core))

    def hub_of(self, claim: ClaimView, above: int) -> int | None:
        """The highest-ranked hub under ``above`` whose event the claim restates, or None."""
        best = None
        member = claim.signature
        years = _years(member)
        for key in _event_keys(member):
            for n, core in self.by_key.get(key, ()):
                if n >= above or (best is not None and n > best) or not years <= self.years[n]:
                    continue  # "in 2009, Lind was arrested": another arrest than the story's
                if same_core(member.core, core):
                    best = n
        return best


def _conditional(view: ClaimView) -> bool:
    words = view.texts[0].lower().split() if view.texts else []
    return any(w.strip(",;:.\"'") in lexicon.CONDITIONAL_WORDS for w in words)


def paraphrase_joins(
    claims: Sequence[ClaimView],
    *,
    threshold: float = PARAPHRASE_THRESHOLD,
    hubs: int = HUBS,
    seeds: int = SEEDS,
    articles: int | None = None,
) -> dict[int, int]:
    """``{claim key: hub key}`` for each claim that restates one of the hubs (the ``hubs``
    claims said in the most articles, at least two, then the ``seeds`` claims most in the
    story's words); a claim close to several joins the closest it may join, a hub only a
    hub ranked above it, and a claim joined to a joined hub ends on that hub's hub.
    ``articles`` is the number of articles of the story (by default, the most any claim is
    said in)."""
    if not claims:
        return {}
    if articles is None:
        articles = max(c.articles for c in claims)
    # one article is no story: its claims are hubs only when said in two articles
    top = _hubs(claims, hubs, seeds if articles >= 2 else 0)
    if not top:
        return {}
    embeddings = load_embeddings()
    hub_rows = [(n, text) for n, hub in enumerate(top) for text in hub.texts[:HUB_TEXTS]]
    hub_vectors = embeddings.encode([text for _, text in hub_rows])
    hub_of_row = numpy.array([n for n, _ in hub_rows])
    rank = {hub.key: n for n, hub in enumerate(top)}
    others = [c for c in claims if c.texts]
    if len(others) < 2:
        return {}
    joiner = _Joiner(claims, threshold, articles)
    low = min(threshold, STORY_THRESHOLD, NEGATED_THRESHOLD, WIDE_THRESHOLD)
    vectors = embeddings.encode([c.texts[0] for c in others])
    events = _Events(top)
    joins: dict[int, int] = {}
    for claim, cosines in zip(others, vectors @ hub_vectors.T, strict=True):
        above = rank.get(claim.key, len(top))
        same = events.hub_of(claim, above)
        if same is not None and joiner.restates(claim, top[same]):
            joins[claim.key] = top[same].key
            continue
        for row in numpy.argsort(-cosines):
            if cosines[row] < low:
                break
            n = int(hub_of_row[row])
            if n < above and joiner.joins(claim, top[n], float(cosines[row])):
                joins[claim.key] = top[n].key
                break
    return {key: _root(joins, key) for key in joins}


def _root(joins: dict[int, int], key: int) -> int:
    """Where a chain of joins ends (hubs only join hubs ranked above them: no cycles)."""
    while key in joins:
        key = joins[key]
    return key
