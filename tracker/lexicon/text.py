"""Lists read by one or a few modules (each says which): page debris, quotation marks,
suffixes, parse details."""

from __future__ import annotations

__all__ = [
    "LANGUAGE_NAMES",
    "PHOTO_CREDIT_WORDS",
    "DEBUNK_COMMON_WORDS",
    "QUOTE_CHARACTERS",
    "SIGNATURE_IGNORED_WORDS",
    "SOURCE_DROP_WORDS",
    "CLAIM_STOP_WORDS",
    "ABOUT_SUFFIXES",
    "WEAK_REFUTATIONS",
    "UNINFORMATIVE_CLAIM_WORDS",
    "CHECK_SUFFIXES",
    "CUE_MODEL_TOPIC_PREPOSITIONS",
    "OPENING_QUOTES",
    "CLOSING_QUOTES",
    "DATELINE_DASHES",
    "WH_WORDS",
    "TIME_WORDS",
    "TOPIC_PREPOSITIONS",
    "ASKING_VERBS",
    "RELATIVE_PRONOUNS",
    "INTENSIFYING_REFLEXIVES",
    "NAMING_VERBS",
    "OPENING_MARKS",
    "FRAMING_ADVERBS",
    "CLOSING_MARKS",
    "COPULA_FORMS",
]

# (read by tracker.ingest.structure)
# Language names as sites list them in language-selector bars (endonyms and English names).
LANGUAGE_NAMES = (
    "english, français, francais, deutsch, español, espanol, italiano, português, portugues, "
    "nederlands, polski, svenska, suomi, suomalainen, dansk, norsk, türkçe, turkce, čeština, "
    "magyar, română, latina, indonesian, indonesia, bahasa, melayu, sanskrit, tiếng việt, "
    "русский, українська, ελληνικά, עברית, العربية, فارسی, हिन्दी, 中文, 简体, 繁體, 日本語, "
    "한국어, ไทย, french, german, spanish, italian, portuguese, russian, chinese, japanese, "
    "korean, arabic, persian, turkish, ukrainian, hebrew, hindi, greek, dutch, polish"
)

# (read by tracker.ingest.structure)
PHOTO_CREDIT_WORDS = (
    r"getty|images?|photos?|photograph|pictures?|reuters|ap|afp|epa|efe|shutterstock|alamy|"
    r"pool|handout|courtesy|file|xinhua|anadolu|sipa|tass|dpa|pa|credit"
)

# (read by tracker.extract.references)
DEBUNK_COMMON_WORDS = frozenset(
    "that this with from have were been said says would could their there".split()
)

# (read by tracker.gold.evaluate)
QUOTE_CHARACTERS = (
    "\"'`\u00b4\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a"
)

# (read by tracker.resolve.similarity)
SIGNATURE_IGNORED_WORDS = frozenset("be have do say use also other any such own more most".split())

# (read by tracker.resolve.sources)
SOURCE_DROP_WORDS = frozenset(
    "the a an two three four several some many other senior top former current "
    "few multiple unnamed anonymous".split()
)

# (read by tracker.extract.references, tracker.resolve.claims, tracker.resolve.wording,
# tracker.store.add)
CLAIM_STOP_WORDS = frozenset(
    "a an the of to in on for and or has have had is are was were be been that".split()
)

# (read by tracker.graph.about)
ABOUT_SUFFIXES = ("ations", "ation", "ians", "ing", "ian", "ies", "ed", "es", "s")

# (read by tracker.check.text)
#: Cues that name something false or doubtful without refuting a claim: news that
#: discusses a story speaks of a "propaganda video", of "speculation that", of "doubts".
WEAK_REFUTATIONS = frozenset("propaganda speculation doubt doubts skeptical sceptical".split())

# (read by tracker.check.text)
UNINFORMATIVE_CLAIM_WORDS = frozenset(
    "say tell report be have do also just new monday tuesday wednesday thursday friday "
    "saturday sunday today yesterday tomorrow week month year day time".split()
)

# (read by tracker.check.text)
CHECK_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "edly", "ed", "es", "s", "ly")

# (read by tracker.extract.trained.cues)
CUE_MODEL_TOPIC_PREPOSITIONS = frozenset("for about on to against of over with as".split())

# (read by tracker.extract.quotes, tracker.resolve.sources)
OPENING_QUOTES = frozenset("\u201c\u201e\u00ab")

# (read by tracker.extract.quotes, tracker.resolve.sources)
CLOSING_QUOTES = frozenset("\u201d\u00bb")

# (read by tracker.extract.subjects)
DATELINE_DASHES = frozenset("\u2014 \u2013 -- -".split())

# (read by tracker.extract.parse)
WH_WORDS = frozenset("how whether why what when where who which if".split())

# (read by tracker.extract.parse)
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "week month year earlier later".split()
)

# (read by tracker.extract.parse, tracker.extract.rules)
# Prepositions whose object is the topic or the target of a cue verb ("called for",
# "talked about", "referred to", "railed against").
TOPIC_PREPOSITIONS = frozenset("for about on to against of over".split())

# (read by tracker.extract.rules)
ASKING_VERBS = frozenset("ask wonder question".split())

# (read by tracker.extract.reading, tracker.extract.rules, tracker.resolve.sources)
RELATIVE_PRONOUNS = frozenset("who that which whom".split())

# (read by tracker.extract.reading, tracker.extract.subjects) a reflexive set after a source
# to stress it ("the minister herself said"): no part of the source's name
INTENSIFYING_REFLEXIVES = frozenset("himself herself itself themselves themself".split())

# (read by tracker.extract.rules) verbs that give a name ("known as X", "as she is called"),
# reporting nothing
NAMING_VERBS = frozenset("know call nickname dub".split())

# (read by tracker.extract.candidate, tracker.extract.quotes, tracker.extract.reading)
OPENING_MARKS = " \n\t\u00a0\"\u201c\u201e\u00ab'"

# (read by tracker.extract.parse)
# Adverbs before a cue verb that frame the sentence rather than the act of saying.
FRAMING_ADVERBS = frozenset(
    "when then however so instead even though meanwhile where why how indeed moreover "
    "later earlier still yet thus therefore nevertheless nonetheless meantime".split()
)

# (read by tracker.extract.parse, tracker.extract.subjects)
CLOSING_MARKS = frozenset('"\u201d\u00bb')

#: Forms of "be" (and "remain", "seem") after which a clause needs its complement: a content
#: ending in one was cut short.
COPULA_FORMS = frozenset("is was were are be been being am remains remained seems seemed".split())
