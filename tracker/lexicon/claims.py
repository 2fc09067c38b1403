"""What a claim says: predicates, negation, refutations, corrections and doubt."""

from __future__ import annotations

__all__ = [
    "PREDICATE_CLASSES",
    "NEGATIVE_PREDICATES",
    "NEGATIVE_SUBJECTS",
    "NEGATING_ADVERBS",
    "AFFIRMED_BY_DENIAL",
    "ANAPHORIC_DETERMINERS",
    "REFUTATION_PHRASES",
    "CORRECTION_PHRASES",
    "REPORTING_HEDGES",
    "ENDORSING_CUES",
    "DOUBT_PHRASES",
]

#: Predicate synonym classes: lemmas in one class state the same kind of event.
PREDICATE_CLASSES: dict[str, frozenset[str]] = {
    "transfer": frozenset(
        "transfer supply send deliver provide ship give sell export hand furnish arm carry "
        "transport smuggle transferral delivery shipment sale supplier provision".split()
    ),
    "attack": frozenset("attack strike bomb hit target raid assault invade".split()),
    "kill": frozenset("kill murder slay assassinate execute death die".split()),
    "meet": frozenset("meet visit host receive talk".split()),
    "agree": frozenset("agree sign deal accord pact agreement treaty".split()),
    "buy": frozenset("buy purchase acquire obtain procure procurement acquisition".split()),
    "build": frozenset("build construct develop manufacture produce make".split()),
    "arrest": frozenset("arrest detain jail imprison capture hold catch apprehend".split()),
    "leave": frozenset("leave resign quit exit depart step".split()),
    "close": frozenset("close shut bar block".split()),
    "tear": frozenset("tear rip shred scrap".split()),
    "win": frozenset("win defeat beat victory".split()),
    "fund": frozenset("fund finance pay bankroll sponsor subsidize donate".split()),
    "hack": frozenset("hack breach infiltrate leak".split()),
    "identify": frozenset("identify name unmask".split()),
    "weapon": frozenset(
        "weapon weapons missile missiles arms munition munitions rocket rockets ammunition "
        "armament armaments warhead warheads".split()
    ),
}

#: Predicates that negate their own complement ("refrains from", "has never").
NEGATIVE_PREDICATES = frozenset("refrain avoid abstain stop cease halt never oppose reject".split())

#: Subjects that deny their clause ("nobody agreed", "no surgeon agreed" has the determiner "no").
NEGATIVE_SUBJECTS = frozenset("no nobody none nothing neither".split())

#: Adverbs besides "never" that negate the verb they modify ("was nowhere near Orsk").
NEGATING_ADVERBS = frozenset("nowhere".split())

#: Nouns whose absence affirms what follows: "there is no doubt that X" says X.
AFFIRMED_BY_DENIAL = frozenset("doubt question denying disputing mistaking".split())

#: Determiners that point back to something already said ("such actions", "these claims").
ANAPHORIC_DETERMINERS = frozenset("such these those this that the".split())

#: Phrases (lower case, matched on word boundaries) by which a text refutes a claim
#: without a denial verb: "there is no evidence that ...", "the story is a hoax".
REFUTATION_PHRASES = (
    "no evidence",
    "no proof",
    "no truth",
    "not true",
    "isn't true",
    "is not true",
    "untrue",
    "is false",
    "was false",
    "are false",
    "were false",
    "false",
    "falsely",
    "hoax",
    "hoaxes",
    "debunk",
    "debunked",
    "debunks",
    "debunking",
    "fake",
    "faked",
    "fakes",
    "bogus",
    "baseless",
    "fabricated",
    "fabrication",
    "made up",
    "never happened",
    "did not happen",
    "didn't happen",
    "not real",
    "satire",
    "satirical",
    "parody",
    "prank",
    "photoshopped",
    "doctored",
    "unfounded",
    "groundless",
    "myth",
    "no basis",
    "not the case",
    "misleading",
    "misidentified",
    "ruled out",
    "rules out",
    "no sign of",
    "tested negative",
)

#: Phrases (lower case) that correct a claim when they sit in a sentence about it: "the
#: video was actually filmed in ...", "it turned out to be ...".
CORRECTION_PHRASES = (
    "actually",
    "in fact",
    "turned out",
    "turns out",
    "in reality",
    "contrary to",
    "despite reports",
    "despite claims",
    "rather than",
    "was instead",
    "not what it seems",
)

#: Phrases (lower case) that report a claim without endorsing it.
REPORTING_HEDGES = (
    "reportedly",
    "allegedly",
    "alleged",
    "purportedly",
    "supposedly",
    "apparently",
    "claims",
    "claimed",
    "claiming",
    "according to",
    "unconfirmed",
    "unverified",
    "could not be verified",
    "cannot be verified",
    "not been confirmed",
    "not yet confirmed",
    "not independently",
    "if true",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "rumored",
    "rumoured",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "believed to",
    "appears to",
    "appeared to",
    "seems to",
    "seemed to",
    "may have",
    "might have",
    "could have",
    "suggests",
    "suspected",
    "it is unclear",
    "it's unclear",
    "unclear whether",
    "speculation",
    "speculate",
    "is thought to",
    "was thought to",
)

#: Cue verbs by which a source vouches for a claim rather than only relaying it.
ENDORSING_CUES = frozenset(
    "confirm prove verify announce acknowledge admit reveal establish determine find show "
    "demonstrate".split()
)

#: Phrases (lower case) by which experts or the article cast doubt on a claim: weaker than
#: a refutation, but on the same side.
DOUBT_PHRASES = (
    "cast doubt",
    "casts doubt",
    "casting doubt",
    "doubt",
    "doubts",
    "doubtful",
    "skeptical",
    "sceptical",
    "skeptics",
    "sceptics",
    "implausible",
    "not plausible",
    "not so sure",
    "questioned whether",
    "questioning whether",
    "questioned the authenticity",
    "questioning the authenticity",
    "urban legend",
    "too good to be true",
    "not possible",
    "impossible",
    "no such",
    "nothing to do with",
    "mistaken",
    "misreported",
    "misinterpreted",
    "taken out of context",
    "retracted",
    "correction",
)
