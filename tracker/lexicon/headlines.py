"""How a headline or a short text takes a stance on a claim."""

from __future__ import annotations

__all__ = [
    "OPENING_DENIALS",
    "HEADLINE_REFUTATIONS",
    "HEADLINE_SUBSTITUTIONS",
    "AFFIRMING_ANSWERS",
    "DURATION_WORDS",
    "HEADLINE_LABELS",
    "RELAYING_LABELS",
    "SPEAKER_NOUNS",
    "DENIAL_PHRASAL_VERBS",
    "HEADLINE_HEDGES",
    "HEADLINE_MODALS",
    "PRESUPPOSING_WH_WORDS",
    "HEADLINE_TOPIC_NOUNS",
    "ATTRIBUTIVE_REFUTATIONS",
    "HEADLINE_REBUFFS",
    "HEADLINE_REPORT_NOUNS",
    "DENYING_ANSWERS",
    "HEADLINE_SUPPOSING_VERBS",
    "HEADLINE_CONFIRMATIONS",
    "PENDING_WORDS",
    "CONFIRMING_LEMMAS",
    "FIRST_PERSON_WORDS",
]

#: Openings (lower case) by which a text, in its own voice, answers a claim with no:
#: "No, the dam did not burst", "Nope: ...", "Fact check: false", "Myth: ...".
OPENING_DENIALS = (
    "no",
    "nope",
    "not so",
    "wrong",
    "false",
    "fake",
    "fake news",
    "hoax",
    "myth",
    "debunked",
    "fact check: false",
    "fact check: no",
)

#: Phrases (lower case) by which a headline, and only a headline, refutes what it is about:
#: "Rumours sweep the web, but no sign of X", "Sites fall for fake X", "If only X had ...".
#: In a longer text they say too many other things ("no sign of recovery", "fell for a
#: third day"), so :mod:`tracker.check` reads them in short texts alone.
HEADLINE_REFUTATIONS = (
    "no sign",
    "no signs",
    "if only",
    "fall for",
    "falls for",
    "fell for",
    "falling for",
    "fallen for",
    "is a rumor",
    "is a rumour",
    "just a rumor",
    "just a rumour",
    "only a rumor",
    "only a rumour",
    "not what it seems",
    "isn't what it seems",
    "is not what it seems",
    "not what they seem",
    "aren't what they seem",
    "are not what they seem",
    "made it up",
    "made it all up",
    "makes it up",
    "makes it all up",
    "was staged",
    "were staged",
    "is staged",
    "are staged",
    "been staged",
    "cleared of",
    "acquitted of",
    "exonerated of",
)

#: Phrases (lower case) by which a headline says something took the claim's place: "Castro
#: mourned instead of Kenya's Fidel" (read in short texts alone, and only when what was
#: replaced is the claim's).
HEADLINE_SUBSTITUTIONS = ("instead of",)

#: Short answers (lower case) by which a headline confirms the question it asks: "That
#: letter from 1974? It's real".
AFFIRMING_ANSWERS = (
    "yes",
    "it's real",
    "it's true",
    "it is real",
    "it is true",
    "they're real",
    "they are real",
    "true",
    "real",
    "confirmed",
)

#: Words of time and count after which "fell for" is a fall, not a dupe: "fell for a
#: third day", "fell for two weeks straight".
DURATION_WORDS = frozenset(
    "a an one two three four five six seven eight nine ten day days week weeks month months "
    "year years session sessions time times straight consecutive successive quarter "
    "quarters".split()
)

#: Labels (lower case) that open a headline before a colon without naming a source:
#: "Update: ...", "Watch: ...", "Pictured: ...".
HEADLINE_LABELS = frozenset(
    "update updated breaking exclusive watch video videos photo photos picture pictures "
    "pictured gallery audio live listen analysis opinion comment explainer "
    "revealed confirmed official".split()
)

#: Labels (lower case) that open a headline before a colon and pass on what follows without
#: vouching for it: "Claim: ...", "Rumour: ...", "Report: ...".
RELAYING_LABELS = frozenset(
    "claim claims report reports reported rumor rumors rumour rumours allegation "
    "allegations alleged unconfirmed unverified".split()
)

#: Nouns of people who speak for what they know, besides the source words above
#: ("Scientists: ...", "... : witnesses").
SPEAKER_NOUNS = frozenset(
    "expert scientist researcher witness doctor cop lawyer attorney source report".split()
)

#: Phrasal verbs (all forms, lower case) by which a source rejects a claim, as headlines
#: put it: "agent shoots down report".
DENIAL_PHRASAL_VERBS = (
    "shoot down",
    "shoots down",
    "shot down",
    "shooting down",
    "knock down",
    "knocks down",
    "knocked down",
    "puts to rest",
    "put to rest",
)

#: Phrases (lower case) by which a headline, and only a headline, passes a claim on as
#: "reportedly" does: "Amazon said to open a store", "fears rise amid reports of ...",
#: "Insiders claim ..." (not in a comparison: "than officials claim").
HEADLINE_HEDGES = (
    "said to",
    "possible",
    "reports of",
    "report of",
    "amid reports",
    "amid claims",
    "amid rumors",
    "amid rumours",
    "claim",
    "accused of",
    "suspected of",
    "purported",
    "supposed",
)

#: Modals by which a headline's main clause supposes rather than states: "X could cost $499".
HEADLINE_MODALS = frozenset("could might may".split())

#: Words opening a clause that a negated predicate takes for granted: "isn't sure how the
#: truck ended up there", "does not know why the dam burst".
PRESUPPOSING_WH_WORDS = frozenset("how why where who when".split())

#: Last words of what a headline names before its colon when that is a topic, not a source:
#: "Ottawa shooting: ...", "Band reunion: ...", "Astrin scandal: ...".
HEADLINE_TOPIC_NOUNS = frozenset(
    "reunion scandal row saga controversy crisis crash attack attacks outbreak mystery "
    "death deaths arrest trial leak leaks launch deal war feud drama latest news story "
    "timeline case probe storm fire flood floods protest protests election verdict debate "
    "rumor rumors rumour rumours hoax shooting shootings".split()
)

#: Refuting words that, standing before a noun, call that noun false ("fired over a
#: fabricated story", "contesting bogus charges"): about the claim only when that noun is.
ATTRIBUTIVE_REFUTATIONS = frozenset(
    "fake faked false bogus fabricated doctored photoshopped baseless unfounded groundless "
    "misleading satirical phony phoney".split()
)

#: Verbs (all forms, lower case) by which a headline's source rebuffs a report when their
#: object is one ("Mayor slams reports that ...", "... laughs off rumours of ..."), and
#: "despite" before one ("Dam intact despite burst rumours").
HEADLINE_REBUFFS = (
    "slam",
    "slams",
    "slammed",
    "blast",
    "blasts",
    "blasted",
    "rubbish",
    "rubbishes",
    "rubbished",
    "trash",
    "trashes",
    "trashed",
    "mock",
    "mocks",
    "mocked",
    "ridicule",
    "ridicules",
    "ridiculed",
    "scoff at",
    "scoffs at",
    "scoffed at",
    "hit back at",
    "hits back at",
    "laugh off",
    "laughs off",
    "laughed off",
    "brush off",
    "brushes off",
    "brushed off",
    "shrug off",
    "shrugs off",
    "shrugged off",
    "play down",
    "plays down",
    "played down",
    "downplay",
    "downplays",
    "downplayed",
    "pour cold water on",
    "pours cold water on",
    "poured cold water on",
    "quash",
    "quashes",
    "quashed",
    "scotch",
    "scotches",
    "scotched",
    "squash",
    "squashes",
    "squashed",
    "despite",
    "in spite of",
)

#: Nouns of what is said rather than done, the object of a headline's rebuff (above).
HEADLINE_REPORT_NOUNS = frozenset(
    "report reports claim claims rumor rumors rumour rumours story stories allegation "
    "allegations speculation talk".split()
)

#: Answers (lower case) that end a headline's piece and say no to the question before it:
#: "Dam burst? Water board says no".
DENYING_ANSWERS = (
    "says no",
    "say no",
    "said no",
    "no",
    "nope",
    "not true",
    "not so",
    "probably not",
    "not quite",
    "not really",
    "not exactly",
    "not likely",
    "unlikely",
    "not so fast",
)

#: Verbs by which a headline's main clause only supposes what follows: "Villagers fear use of
#: chemical weapons", "Doctors suspect poison".
HEADLINE_SUPPOSING_VERBS = frozenset("fear suspect believe worry speculate think".split())


#: Words (lower case) by which a headline says its claim was confirmed ("Dam burst
#: confirmed: police"): a source set off by a colon or dash then vouches for it.
HEADLINE_CONFIRMATIONS = (
    *"confirmed confirms confirm verified verifies authenticated officially".split(),
    "it's official",
)

#: Words before a confirmation that say it has not happened: "not yet confirmed", "yet to
#: be confirmed", "awaiting confirmation".
PENDING_WORDS = frozenset("not no yet never unable awaiting cannot".split())

#: Verbs (lemmas) whose negation in a headline says a claim is unconfirmed, not false:
#: "Dam burst not confirmed", "has not been verified".
CONFIRMING_LEMMAS = frozenset("confirm verify prove authenticate corroborate".split())

#: First-person words (lower case): after a headline's colon they make what comes before it
#: the speaker ("Angry diner: café got me sacked").
FIRST_PERSON_WORDS = frozenset("i i'm i've i'd me my mine we we're we've us our ours".split())
