"""Words a verdict model learns from its training pairs, and where it looks for them.

The fixed features of :mod:`tracker.check.verdict.model` see an article through the rules' cue
lists.  Articles also argue against a claim in words no list holds ("it's also not
plausible", "an elaborate prank") and report it in others ("has yet to verify").  A
model trained with a vocabulary also reads, for each of a few hundred words chosen from
the training pairs, whether it occurs in one of four places of a pair:

- ``claim``: the claim itself;
- ``best``: the article sentence that matches the claim best;
- ``near``: the sentences that match the claim, and one either side of each;
- ``article``: anywhere in the article.

For each verdict but ``unrelated`` and each place, :func:`choose_vocabulary` keeps the
words whose presence most separates the pairs with that verdict from the other related
pairs (smoothed log-odds, weighted by the square root of how often the word occurs with
the verdict).  A word must occur with pairs of at least ``min_stories`` different
stories, a story being the claims and articles that related pairs connect (a claim, the
articles labelled related to it, the other claims those articles relate to, and so on).
So the names and events of one story, however many articles cover it, cannot become
features: the vocabulary describes how articles argue, not what a story is about.

>>> sorted(words_of("It's a HOAX, officials said."))
['a', 'hoax', "it's", 'officials', 'said']
>>> bags = [{"near": words_of(t)} for t in ("a hoax", "a hoax", "a fact", "a fact")]
>>> choose_vocabulary(bags, ["denies", "denies", "supports", "supports"],
...                   ["c1", "c2", "c3", "c4"], ["a1", "a2", "a3", "a4"],
...                   per_verdict=5, min_stories=2)
('near_fact', 'near_hoax')
>>> word_features(("near_hoax", "claim_hoax"), bags[:1])
[[1.0, 0.0]]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

from tracker.check.checker import VERDICTS, Assessment
from tracker.check.verdict.features import NEAR

__all__ = ["PLACES", "words_of", "pair_words", "stories", "choose_vocabulary", "word_features"]

#: Where in a (claim, article) pair a learned word is looked for, in feature order.
PLACES = ("claim", "best", "near", "article")

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")

Bag = Mapping[str, frozenset[str]]


@lru_cache(maxsize=65536)
def words_of(text: str) -> frozenset[str]:
    """The distinct lower-case words of ``text`` (letters, with an inner apostrophe)."""
    return frozenset(_WORD.findall(text.lower().replace("\u2019", "'")))


def pair_words(assessment: Assessment, match: float) -> dict[str, frozenset[str]]:
    """The words of each of the :data:`PLACES` of one assessed pair.

    ``match`` is the similarity from which a sentence matches the claim
    (:attr:`tracker.check.CheckSettings.match`)."""
    sentences = assessment.article.sentences
    sims = assessment.similarities
    matching = [i for i, sim in enumerate(sims) if sim >= match]
    near = sorted(
        {j for i in matching for j in range(i - NEAR, i + NEAR + 1) if 0 <= j < len(sims)}
    )
    best = max(sims, default=0.0)
    best_words = words_of(sentences[sims.index(best)].text) if best > 0 else frozenset()
    return {
        "claim": words_of(assessment.claim.text),
        "best": best_words,
        "near": frozenset().union(*(words_of(sentences[j].text) for j in near)),
        # the sentences, not the text: that may open with front matter ("title:", "date:")
        "article": frozenset().union(*(words_of(s.text) for s in sentences)),
    }


def stories(
    claims: Sequence[str], article_ids: Sequence[str], related: Sequence[bool]
) -> list[int]:
    """The story of each pair: pairs share one when related pairs connect their claims and
    articles.  Stories are numbered in order of first appearance.

    >>> stories(["c1", "c2", "c3", "c3"], ["a1", "a1", "a2", "a1"], [True, True, True, False])
    [0, 0, 1, 1]
    """
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(node: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for claim, article_id, is_related in zip(claims, article_ids, related, strict=True):
        claim_root, article_root = root(("claim", claim)), root(("article", article_id))
        if is_related:
            parent[article_root] = claim_root
    numbers: dict[tuple[str, str], int] = {}
    # an unrelated pair belongs to its claim's story
    return [numbers.setdefault(root(("claim", claim)), len(numbers)) for claim in claims]


def choose_vocabulary(
    bags: Sequence[Bag],
    verdicts: Sequence[str],
    claims: Sequence[str],
    article_ids: Sequence[str],
    *,
    per_verdict: int,
    min_stories: int,
) -> tuple[str, ...]:
    """The learned features, as ``"place_word"`` names, for pairs of ``claims`` and
    ``article_ids`` whose words are ``bags`` (from :func:`pair_words`) and whose labels
    are ``verdicts``.

    At most ``per_verdict`` words per verdict and place; only words seen with related
    pairs of ``min_stories`` different :func:`stories` or more.  Ties go to the word
    first in alphabetical order, so the same pairs always give the same vocabulary."""
    is_related = [verdict != "unrelated" for verdict in verdicts]
    story_of = stories(claims, article_ids, is_related)
    related = [k for k, flag in enumerate(is_related) if flag]
    totals = Counter(verdicts[k] for k in related)
    chosen: list[str] = []
    for place in PLACES:
        counts: dict[str, Counter[str]] = {}
        seen_in: dict[str, set[int]] = {}
        for k in related:
            for word in bags[k].get(place, ()):
                counts.setdefault(word, Counter())[verdicts[k]] += 1
                seen_in.setdefault(word, set()).add(story_of[k])
        for verdict in VERDICTS:
            if not totals[verdict] or verdict == "unrelated":
                continue
            rest = len(related) - totals[verdict]
            scored = []
            for word, by_verdict in counts.items():
                if len(seen_in[word]) < min_stories or not by_verdict[verdict]:
                    continue
                inside = (by_verdict[verdict] + 1) / (totals[verdict] + 2)
                outside = (sum(by_verdict.values()) - by_verdict[verdict] + 1) / (rest + 2)
                log_odds = math.log(inside / (1 - inside)) - math.log(outside / (1 - outside))
                if log_odds > 0:
                    scored.append((-log_odds * math.sqrt(by_verdict[verdict]), word))
            for _, word in sorted(scored)[:per_verdict]:
                name = f"{place}_{word}"
                if name not in chosen:
                    chosen.append(name)
    return tuple(chosen)


def word_features(vocabulary: Sequence[str], bags: Sequence[Bag]) -> list[list[float]]:
    """One row per bag: 1.0 where the bag's place holds the word, else 0.0."""
    wanted = [name.partition("_")[::2] for name in vocabulary]
    return [[float(word in bag.get(place, ())) for place, word in wanted] for bag in bags]
