"""Grouping attribution contents into claims.

Contents that state the same proposition become one claim, within an article and across
articles.  Four rules, in order:

1. relays share the claim they relay: "media quoted officials as saying that X" puts the
   media, the officials and whoever they quote on claim X;
2. a definite reference ("the findings", "the arms transfers", "the agency's findings")
   joins the earlier claim it points back to;
3. a content worded like one seen before (case and spacing aside) joins its claim;
4. otherwise the most similar claim (:func:`tracker.resolve.similarity.claim_similarity`) above a
   threshold, or a new claim.  Only the claims found through a
   :class:`~tracker.resolve.index.CandidateIndex` are compared, so grouping takes time in
   proportion to the number of attributions, not its square.

At :meth:`ClaimRegistry.resolve`, a claim that restates one of the few claims said in the most
articles in other words joins it (:mod:`tracker.resolve.paraphrase`: static sentence
embeddings, a fixed number of comparisons per claim).  This and the resolution of bare
references below are made only in a corpus that reads as one story
(:func:`reads_as_one_story`), not in the coverage of many.

A negated restatement of a claim by another source ("iran refrains from such actions")
joins that claim as a denial; a content said the other way round joins a claim only when it
restates it (:func:`tracker.resolve.restating.restates_opposite`: the same event, its verb
taking the same), so a negated remark about something else is never read as a denial.

A reference with nothing before it in its article to point back to ("Tessaly rejects shipment
report" as a headline, "the rumours are false" in a first sentence) is resolved over the whole
corpus when every article is in: it joins the claim said in the most articles among those whose
words its own words name ("shipment"), or, when it names nothing but the report, the story's
most widely reported claim.

When every article is in, each claim is read as a whole (:meth:`ClaimRegistry.resolve`): its
wording is its most central member (the one most like the others, an affirmative one where
there is one), its id comes from that wording, and a member of the opposite polarity
("no surgeon agreed to ...") asserted by its source is a denial of it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tracker import lexicon
from tracker.model import Attribution
from tracker.resolve.heap import corpus_in_place
from tracker.resolve.index import CandidateIndex
from tracker.resolve.paraphrase import PARAPHRASE_THRESHOLD, ClaimView, paraphrase_joins
from tracker.resolve.restating import restates_opposite, same_core
from tracker.resolve.similarity import ClaimSignature, claim_similarity, entity_key
from tracker.resolve.sources import slugify
from tracker.resolve.wording import claim_text, floating_words, stems

if TYPE_CHECKING:
    from tracker.extract.extractor import ExtractedArticle

__all__ = [
    "MATCH_THRESHOLD",
    "ONE_STORY_SHARE",
    "CENTRAL_SAMPLE",
    "ClaimRegistry",
    "CorpusClaim",
    "CorpusJoins",
    "assign_claims",
    "corpus_joins",
    "reads_as_one_story",
]

#: the end of a sentence with more text after it
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019\']?\s+\S")

#: Similarity at or above which two contents are taken as one claim.
MATCH_THRESHOLD = 0.55
#: How many of a claim's most frequent wordings are weighed when its central one is chosen.
CENTRAL_SAMPLE = 40


@dataclass
class _Member:
    """One distinct signature of a claim, with the first wording that had it."""

    signature: ClaimSignature
    text: str
    count: int = 0


@dataclass
class _Claim:
    key: int
    text: str
    signature: ClaimSignature
    members: dict[ClaimSignature, _Member] = field(default_factory=dict)
    article_ids: set[str] = field(default_factory=set)
    asserted_by: set[str] = field(default_factory=set)
    count: int = 0
    last_sentence: int = 0
    vocabulary: set[str] = field(default_factory=set)  # word stems of every content it has


@dataclass(frozen=True)
class _Assigned:
    """How a record got its claim, for :meth:`ClaimRegistry.resolve`."""

    claim: int
    negated: bool | None  # the content's polarity, where it follows the claim's
    stance: str  # the stance the record had before grouping
    # a reference with no referent in its article: the word stems it names besides its noun
    floating: frozenset[str] | None = None


class ClaimRegistry:
    """Claims seen so far, across articles; assigns each attribution its claim.

    ``assign`` groups one article's records as it comes (their ``claim_id`` is provisional);
    ``resolve`` gives records their final claim id, wording and stance once all are in.
    Articles may be added after ``resolve`` and everything resolved again: the index keeps
    what it learnt, so new contents are compared with their candidates only.
    ``exhaustive=True`` compares every content with every claim instead (slow; for
    measuring what the index misses).  ``paraphrase_threshold`` is the embedding cosine at
    which a claim joins a widely reported one it restates (None: never).
    """

    def __init__(
        self,
        threshold: float = MATCH_THRESHOLD,
        *,
        exhaustive: bool = False,
        index: CandidateIndex | None = None,
        paraphrase_threshold: float | None = PARAPHRASE_THRESHOLD,
    ) -> None:
        self.threshold = threshold
        self.paraphrase_threshold = paraphrase_threshold
        self.exhaustive = exhaustive
        self.claims: list[_Claim] = []
        self.index = index if index is not None else CandidateIndex()
        self._by_text: dict[str, _Claim] = {}
        self._by_article: dict[str, list[_Claim]] = {}
        self._assigned: dict[str, _Assigned] = {}
        self._known: set[str] = set()  # the word stems of every content grouped so far

    # -- public -----------------------------------------------------------------------

    def add_claim(self, text: str, members: Iterable[ClaimSignature]) -> str:
        """Make a claim grouped earlier (read back from a story store) known, so new
        contents can join it; returns the provisional id :meth:`assign` gives its records."""
        signatures = list(members)
        if not signatures:
            raise ValueError("a claim needs at least one member signature")
        claim = self._new_claim(text, signatures[0])
        for signature in signatures:
            self._add_member(claim, signature, text)
        return f"c-{claim.key}"

    def claim_members(self) -> list[tuple[str, str, tuple[ClaimSignature, ...]]]:
        """Every claim known, in order: ``(provisional id, first wording, member signatures
        in the order they joined)``."""
        return [(f"c-{c.key}", c.text, tuple(c.members)) for c in self.claims]

    def assign(self, extracted: ExtractedArticle) -> list[Attribution]:
        """The article's attributions with a provisional ``claim_id`` and ``claim`` filled in
        (pass all of them to :meth:`resolve` for the final ones)."""
        records = extracted.attributions
        relayed_by: dict[str, list[Attribution]] = {}
        for r in records:
            if r.via:
                relayed_by.setdefault(r.via, []).append(r)
        done: dict[str, Attribution] = {}

        def relays(r: Attribution) -> bool:
            sig = extracted.signatures.get(r.id)
            return bool(relayed_by.get(r.id)) and sig is not None and sig.reporting

        for r in records:
            if not relays(r):
                done[r.id] = self._assign_one(
                    r, extracted.signatures.get(r.id), extracted.article.id
                )
        # a relay takes the claim of what it relays, innermost first
        pending = [r for r in records if r.id not in done]
        for _ in range(len(pending) + 1):
            for r in list(pending):
                inner = [done[c.id] for c in relayed_by.get(r.id, []) if c.id in done]
                if inner:
                    target = inner[0]
                    done[r.id] = replace(r, claim_id=target.claim_id, claim=target.claim)
                    if target.id in self._assigned:
                        claim = self._assigned[target.id].claim
                        self._assigned[r.id] = _Assigned(claim, None, r.stance)
                        self._note(self.claims[claim], r, extracted.article.id)
                    pending.remove(r)
        for r in pending:
            done[r.id] = self._assign_one(r, extracted.signatures.get(r.id), extracted.article.id)
        return [done[r.id] for r in records]

    def resolve(self, records: Iterable[Attribution]) -> list[Attribution]:
        """``records`` (as :meth:`assign` gave them) with their claims' final ids, wordings
        and stances: each claim is worded by its most central member, and a content of the
        opposite polarity that its source asserts denies it."""
        central = [self._central(claim) for claim in self.claims]
        joined = corpus_joins(
            self.corpus_claims(),
            {
                rid: (how.claim, how.floating)
                for rid, how in self._assigned.items()
                if how.floating is not None
            },
            articles=len(self._by_article),
            paraphrase_threshold=self.paraphrase_threshold,
        )
        kept = [c.key for c in self.claims if c.key not in joined.claims]
        ids = dict(zip(kept, self._final_ids([central[key] for key in kept]), strict=True))
        out = []
        for r in records:
            how = self._assigned.get(r.id)
            if how is None:
                out.append(r)
                continue
            key = joined.key(r.id, how.claim)
            stance = r.stance
            if how.negated is not None and how.stance == "asserts":
                negated = central[key].signature.negated
                stance = "denies" if how.negated != negated else "asserts"
            out.append(replace(r, claim_id=ids[key], claim=central[key].text, stance=stance))
        return out

    def corpus_claims(self) -> list[CorpusClaim]:
        """Every claim as the joins made over the whole corpus read it (:func:`corpus_joins`)."""
        loose = Counter(how.claim for how in self._assigned.values() if how.floating is not None)
        return [
            CorpusClaim(
                c.key,
                tuple(m.text for m in sorted(c.members.values(), key=lambda m: -m.count)),
                c.signature,
                tuple(c.members),
                frozenset(c.article_ids),
                c.count,
                frozenset(c.vocabulary),
                loose[c.key],
            )
            for c in self.claims
        ]

    # -- rules ------------------------------------------------------------------------

    def _assign_one(
        self, r: Attribution, sig: ClaimSignature | None, article_id: str
    ) -> Attribution:
        if r.content is None or sig is None:
            return r
        text = claim_text(r.content.text)
        stance, polarity = r.stance, None
        claim = None
        if sig.reference is not None:
            claim = self._referent(sig, article_id, r)
        if claim is None and sig.negated and not sig.directive:
            claim = self._contradicted(sig, article_id, r)
            if claim is not None and stance == "asserts":
                stance = "denies"
        # a content of several sentences ("There isn't a scene he is not in. So it is a hard
        # part.") has its first sentence's polarity, not that of the one it matched by
        said = None if _SENTENCE_BREAK.search(text) else sig.negated
        if claim is None and (sig.reference is None or _names_only(sig)):
            claim = self._by_text.get(text.lower())
            # the same words, with a negation beside them that does not restate the claim
            polarity = said if claim is None or restates_opposite(sig, claim.signature) else None
        if claim is None:
            claim, score = self._most_similar(sig, said)
            polarity = said
            if claim is not None and score < self.threshold:
                claim = None
            elif claim is not None and said is None and sig.predicates & claim.signature.predicates:
                # its first sentence tells the claim's event ("... will not close. We have
                # the money."): that sentence's polarity is the content's
                polarity = sig.negated
        floating = None
        if claim is None:
            claim = self._new_claim(text, sig)
            self._add_member(claim, sig, text)
            floating = floating_words(text, sig)
            if floating is not None:
                polarity = None  # a reference says nothing of its own to weigh
        elif sig.reference is None:
            self._add_member(claim, sig, text)
        if polarity is not None and polarity != claim.signature.negated and stance == "asserts":
            stance = "denies"  # provisional; resolve() weighs it against the central wording
        self._assigned[r.id] = _Assigned(claim.key, polarity, r.stance, floating)
        updated = replace(r, claim_id=f"c-{claim.key}", claim=claim.text, stance=stance)
        self._note(claim, updated, article_id)
        return updated

    def _add_member(self, claim: _Claim, sig: ClaimSignature, text: str) -> None:
        member = claim.members.get(sig)
        if member is None:
            member = claim.members[sig] = _Member(sig, text)
            self.index.add(claim.key, sig)
        member.count += 1
        self._by_text.setdefault(text.lower(), claim)

    def _article_claims(self, article_id: str, before: int) -> list[_Claim]:
        found = [c for c in self._by_article.get(article_id, []) if c.last_sentence <= before]
        return sorted(found, key=lambda c: c.key)

    def _referent(self, sig: ClaimSignature, article_id: str, r: Attribution) -> _Claim | None:
        """The earlier claim a definite reference ('the findings') points back to."""
        earlier = [c for c in self._article_claims(article_id, r.sentence) if c.count]
        if not earlier:
            return None
        # "the intelligence community's findings": the claim that source asserted
        if sig.modifiers:
            for claim in sorted(earlier, key=lambda c: -c.count):
                for source in claim.asserted_by:
                    words = {entity_key(w) for w in source.split("-")}
                    if len(words & sig.modifiers) >= min(2, len(words)):
                        return claim
        # "the arms transfers": a claim whose predicate is the noun's verb
        same_event = [c for c in earlier if sig.reference in c.signature.predicates]
        if same_event:
            return max(same_event, key=lambda c: (c.count, c.last_sentence))
        if sig.reference in lexicon.INFORMATION_NOUNS or sig.reference in lexicon.PREDICATE_CLASSES:
            # "reports of Varga's death": an earlier claim that has a word it names, or, when
            # none has, none (the claim the corpus tells in those words, at resolve()); words
            # no content has used ("the now viral story") describe the report, not its claim
            named = floating_words(claim_text(r.content.text), sig) if r.content else None
            if named and named & self._known:
                earlier = [c for c in earlier if named & c.vocabulary]
                if not earlier:
                    return None
            return max(earlier, key=lambda c: (c.count, c.last_sentence))
        return None

    def _contradicted(self, sig: ClaimSignature, article_id: str, r: Attribution) -> _Claim | None:
        """A claim this negated content contradicts: same agent, same event or 'such acts',
        asserted by someone else."""
        if not sig.agent:
            return None
        for claim in sorted(self._article_claims(article_id, r.sentence), key=lambda c: -c.count):
            others = claim.asserted_by - {r.source_id}
            if not others or not claim.signature.agent & sig.agent or claim.signature.negated:
                continue
            if sig.anaphoric or (
                claim.signature.predicates & sig.predicates
                and same_core(sig.core, claim.signature.core)
            ):
                return claim
        return None

    def _most_similar(
        self, sig: ClaimSignature, polarity: bool | None = None
    ) -> tuple[_Claim | None, float]:
        """The most similar claim (the earliest of equals) and its score; a wording of the
        other ``polarity`` only where the content restates it (:func:`restates_opposite`), so
        that a negated remark about something else is not read as its denial."""
        if self.exhaustive:
            pairs = [(c.key, m) for c in self.claims for m in c.members]
        else:
            pairs = self.index.candidates(sig)
        best, best_score = None, 0.0
        for key, member in pairs:
            if polarity is not None and not (
                restates_opposite(sig, member)
                and restates_opposite(sig, self.claims[key].signature)
            ):
                continue  # the other way round from the wording it matched, or from the claim's
            score = claim_similarity(sig, member)
            if score > best_score or (score == best_score and best is not None and key < best):
                best, best_score = key, score
        return (self.claims[best] if best is not None else None), best_score

    def _new_claim(self, text: str, sig: ClaimSignature) -> _Claim:
        claim = _Claim(len(self.claims), text, sig)
        self.claims.append(claim)
        return claim

    def _note(self, claim: _Claim, r: Attribution, article_id: str) -> None:
        if article_id not in claim.article_ids:
            claim.article_ids.add(article_id)
            self._by_article.setdefault(article_id, []).append(claim)
        claim.count += 1
        claim.last_sentence = max(claim.last_sentence, r.sentence)
        if r.stance == "asserts" and r.source_id:
            claim.asserted_by.add(r.source_id)
        if r.content is not None:
            words = stems(r.content.text)
            claim.vocabulary |= words
            self._known |= words

    # -- the whole claim --------------------------------------------------------------

    def _central(self, claim: _Claim) -> _Member:
        """The member most like the others (weighed by how often each was said), among the
        affirmative ones where there are any; ties go to the most said, then the first."""
        members = list(claim.members.values())
        if not members:
            return _Member(claim.signature, claim.text)
        affirmative = [m for m in members if not m.signature.negated]
        pool = sorted(affirmative or members, key=lambda m: -m.count)[:CENTRAL_SAMPLE]
        if len(pool) == 1:
            return pool[0]
        sample = sorted(members, key=lambda m: -m.count)[:CENTRAL_SAMPLE]

        def weight(m: _Member) -> tuple[float, int]:
            closeness = sum(
                o.count * claim_similarity(m.signature, o.signature) for o in sample if o is not m
            )
            return closeness + m.count, m.count

        best = pool[0]
        best_weight = weight(best)
        for m in pool[1:]:
            w = weight(m)
            if w > best_weight:
                best, best_weight = m, w
        return best

    @staticmethod
    def _final_ids(central: list[_Member]) -> list[str]:
        ids, taken = [], set()
        for member in central:
            words = [
                w for w in slugify(member.text).split("-") if w not in lexicon.CLAIM_STOP_WORDS
            ][:5]
            base = "c-" + ("-".join(words) or "claim")
            claim_id, n = base, 2
            while claim_id in taken:
                claim_id, n = f"{base}-{n}", n + 1
            taken.add(claim_id)
            ids.append(claim_id)
        return ids


@dataclass(frozen=True)
class CorpusClaim:
    """What the joins made over a whole corpus read of a claim: its key (claims are
    numbered in the order they were made), its wordings (most said first), the signature it
    was made with and those of its members, the articles that state it, how many records
    it has, the word stems of its contents (:func:`stems`) and how many of its records
    joined it only as a bare reference (``loose``)."""

    key: int
    texts: tuple[str, ...]
    signature: ClaimSignature
    members: tuple[ClaimSignature, ...]
    articles: frozenset[str]
    said: int
    vocabulary: frozenset[str]
    loose: int = 0

    def view(self) -> ClaimView:
        """The claim as :func:`tracker.resolve.paraphrase.paraphrase_joins` reads it."""
        return ClaimView(
            self.key, self.texts, self.signature, len(self.articles), self.members, self.said
        )


#: The share of a corpus's articles its most reported claim must be said in for the corpus
#: to read as one story, whose claims worded apart and bare references are joined to it.
ONE_STORY_SHARE = 0.1


@dataclass(frozen=True)
class CorpusJoins:
    """The claims joined over the whole corpus: ``claims`` maps a claim's key to the key of
    the claim it restates; ``records`` maps a bare reference's record id to the key of the
    claim it stands for (that claim's own join followed)."""

    claims: dict[int, int] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)

    def key(self, record_id: str, claim: int) -> int:
        """The key of the claim a record of claim ``claim`` ends on."""
        found = self.records.get(record_id)
        return found if found is not None else self.claims.get(claim, claim)


def reads_as_one_story(claims: Sequence[CorpusClaim], articles: int) -> bool:
    """Whether a corpus of ``articles`` articles reads as one story: its most reported claim
    is said in at least :data:`ONE_STORY_SHARE` of them.  A folder about one claim passes
    (its central claim is in a quarter to three quarters of its articles); a corpus of many
    stories does not (200 articles of an election's coverage: 9 at most), and there the words
    and predicates its articles share are the beat's ("think", "voters", "support"), not one
    event's, so nothing is joined on them.

    >>> said = lambda key, n: CorpusClaim(key, ("",), ClaimSignature(), (),
    ...                                   frozenset(f"a{i}" for i in range(n)), n, frozenset())
    >>> reads_as_one_story([said(0, 3), said(1, 1)], articles=10)
    True
    >>> reads_as_one_story([said(0, 3), said(1, 1)], articles=200)
    False
    """
    top = max((len(c.articles) for c in claims), default=0)
    return top >= ONE_STORY_SHARE * articles


def corpus_joins(
    claims: Sequence[CorpusClaim],
    floating: Mapping[str, tuple[int, frozenset[str]]],
    *,
    articles: int,
    paraphrase_threshold: float | None = PARAPHRASE_THRESHOLD,
) -> CorpusJoins:
    """The joins that need every claim of the corpus at once, made by ``tracker build`` and
    when a story store is read: a claim that restates one of the story's hubs in other
    words joins it (:func:`tracker.resolve.paraphrase.paraphrase_joins`;
    ``paraphrase_threshold=None``: never), and a bare reference with nothing before it in
    its article (``floating``: record id -> the key of the claim it made and the words it
    names, :func:`floating_words`) joins the claim said in the most articles among those
    whose words it names, or the story's most widely reported claim when it names nothing
    but the report.  ``claims`` are in key order; ``articles`` is the corpus's size.  A
    corpus that does not read as one story (:func:`reads_as_one_story`) has no story claim
    to join to, and nothing is joined."""
    if not reads_as_one_story(claims, articles):
        return CorpusJoins()
    joins: dict[int, int] = {}
    if paraphrase_threshold is not None:
        joins = paraphrase_joins(
            [c.view() for c in claims], threshold=paraphrase_threshold, articles=articles
        )
    anchored = _anchored_claims(claims)
    records = {}
    for record_id, (own, words) in floating.items():
        story = _story_claim(own, words, anchored)
        records[record_id] = joins.get(story, story)
    return CorpusJoins(joins, records)


def _anchored_claims(claims: Sequence[CorpusClaim]) -> list[CorpusClaim]:
    """The claims some record joined for what it says, not only as a loose reference,
    the most widely reported first."""
    kept = [c for c in claims if c.said > c.loose]
    # how widely the corpus uses each word: a claim in the words of the story comes
    # before an aside reported as often ("McDonald's will no longer serve overweight
    # customers" before "McDonald's is part of the solution" when both are in three
    # articles)
    spread: Counter[str] = Counter()
    for c in kept:
        for word in c.vocabulary:
            spread[word] += len(c.articles)

    def topical(c: CorpusClaim) -> float:
        return sum(spread[w] for w in c.vocabulary) / math.sqrt(1 + len(c.vocabulary))

    return sorted(kept, key=lambda c: (-len(c.articles), -topical(c), -c.said, c.key))


def _story_claim(own: int, words: frozenset[str], anchored: list[CorpusClaim]) -> int:
    """The claim a reference with no referent in its article stands for: the most
    widely reported claim among those whose words it names, or the most widely
    reported one when it names nothing but a report; its own claim when none fits."""
    for claim in anchored:
        if claim.key == own:
            continue
        if not words or words & claim.vocabulary:
            return claim.key
    return own


def _names_only(sig: ClaimSignature) -> bool:
    """Whether a content is only a name ("the Orla Star"): unlike "the report", one claim."""
    return bool(sig.words) and sig.words <= sig.entities


def assign_claims(
    extracted: Iterable[ExtractedArticle],
    threshold: float = MATCH_THRESHOLD,
    *,
    exhaustive: bool = False,
    paraphrase_threshold: float | None = PARAPHRASE_THRESHOLD,
) -> list[Attribution]:
    """Attributions of all articles, in order, with their claims assigned
    (``paraphrase_threshold=None``: no paraphrase joins by sentence embeddings)."""
    registry = ClaimRegistry(
        threshold, exhaustive=exhaustive, paraphrase_threshold=paraphrase_threshold
    )
    out: list[Attribution] = []
    with corpus_in_place():
        for item in extracted:
            out.extend(registry.assign(item))
        with corpus_in_place():  # the claims and records just made stay out of the passes too
            return registry.resolve(out)
