"""A long sentence stating a story's event of a description joins the short claim of its
name (a synthetic story: invented names, places and outlets)."""

from __future__ import annotations

from tracker.resolve import paraphrase
from tracker.resolve.paraphrase import ClaimView, paraphrase_joins
from tracker.resolve.similarity import ClaimSignature

# the central claim, said in three articles of a synthetic story and denied in a fourth:
# "Milo Brandt tore up a $40 million lease for the night ferry service"
SHORT = "Milo Brandt tore up a $40 million lease for the night ferry service"
# the same event as the Harbour Gazette (invented) told it: a long sentence whose subject is
# a description of Brandt, not his name
LONG = (
    "Brandt and the other founding partners of the Velmora ferry line were about to sign a "
    "$40 million lease with the port authority to run a night service to Kessel, but the "
    "ferry line's owner tore the lease to shreds in the final moments"
)


def signature(words: set[str], agent: set[str]) -> ClaimSignature:
    return ClaimSignature(
        entities=frozenset(agent),
        words=frozenset(words | agent | {"tear"}),
        predicates=frozenset({"tear"}),
        agent=frozenset(agent),
    )


STORY_WORDS = {"lease", "million", "night", "ferry", "service"}
HUB = ClaimView(0, (SHORT,), signature(STORY_WORDS, {"milo", "bran"}), articles=3)


def long_claim(words: set[str]) -> ClaimView:
    return ClaimView(1, (LONG,), signature(words | {"partner", "port", "kessel"}, {"bran"}))


def test_a_long_sentence_of_the_story_event_joins_its_short_claim():
    assert paraphrase_joins([HUB, long_claim(STORY_WORDS)], seeds=0, articles=4) == {1: 0}


def test_a_long_sentence_sharing_few_of_the_story_words_stays_apart():
    assert paraphrase_joins([HUB, long_claim({"lease"})], seeds=0, articles=4) == {}


def test_without_the_wide_rule_the_long_sentence_stays_apart(monkeypatch):
    # its vectors are not close enough for the story-vocabulary join alone
    monkeypatch.setattr(paraphrase, "WIDE_WORDS", 99)
    assert paraphrase_joins([HUB, long_claim(STORY_WORDS)], seeds=0, articles=4) == {}
