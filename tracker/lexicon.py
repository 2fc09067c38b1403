"""Cue lexicons: the words that signal attribution, stance, hedging, anonymity and source kind.

Constants only, so that rules elsewhere stay general and every word list is visible in one
place.  Entries are lower-case lemmas unless stated otherwise.  No entry names a person, an
outlet or a particular article.
"""

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
    "AFFIRMING_ANSWERS",
    "HEADLINE_SUBSTITUTIONS",
    "TOPIC_PREPOSITIONS",
    "ASKING_VERBS",
    "RELATIVE_PRONOUNS",
    "OPENING_MARKS",
    "FRAMING_ADVERBS",
    "CLOSING_MARKS",
    "COPULA_FORMS",
    "ASSERT_VERBS",
    "DENY_VERBS",
    "TURN_DOWN_VERBS",
    "DECLINE_VERBS",
    "DECLINED_ACTIONS",
    "DECLINED_OBJECTS",
    "CLAUSE_ONLY_VERBS",
    "DIRECTIVE_VERBS",
    "OBJECT_CUE_VERBS",
    "INTENT_VERBS",
    "COGNITION_VERBS",
    "KNOWING_VERBS",
    "CUE_VERBS",
    "ATTRIBUTION_VERBS",
    "CUE_NOUNS",
    "FALSE_WORDS",
    "TRUE_WORDS",
    "GENDERED_TITLES",
    "DISCOURSE_SUBJECTS",
    "SEEM_VERBS",
    "CLAIM_NOUNS",
    "CLAIM_PRONOUNS",
    "EVIDENCE_NOUNS",
    "DEBUNK_VERBS",
    "DEBUNK_WITH_PARTICLE",
    "DEBUNK_WITH_OBJECT_NOUN",
    "HEDGE_WORDS",
    "FAKING_VERBS",
    "CONDITIONAL_WORDS",
    "ANONYMITY_PHRASES",
    "ANONYMOUS_HEADS",
    "PRONOUNS",
    "STANDING_PRONOUNS",
    "DOCUMENT_NOUNS",
    "MEDIA_WORDS",
    "GOVERNMENT_WORDS",
    "ORGANIZATION_WORDS",
    "PERSON_ROLES",
    "GENERIC_SIDE_NOUNS",
    "QUALIFYING_PREPOSITIONS",
    "PLACE_PREPOSITIONS",
    "INFORMATION_NOUNS",
    "PREDICATE_CLASSES",
    "NEGATIVE_PREDICATES",
    "NEGATIVE_SUBJECTS",
    "ANAPHORIC_DETERMINERS",
    "REFUTATION_PHRASES",
    "CORRECTION_PHRASES",
    "REPORTING_HEDGES",
    "ENDORSING_CUES",
    "DOUBT_PHRASES",
    "PERSON_NOUNS",
    "GROUP_NOUNS",
    "DESCRIPTOR_NOUNS",
    "COMPOUND_ROLES",
    "OUTLET_DESCRIPTORS",
    "NOT_SOURCE_NOUNS",
    "PAGE_LABELS",
    "SPEAKING_NOUNS",
    "AGENT_SUFFIXES",
    "OUTLET_CUES",
    "ALIAS_PHRASES",
    "REAL_NAME_PHRASES",
    "NAME_VARIANTS",
    "ACRONYM_SKIP_WORDS",
    "ROLE_SYNONYMS",
    "POSSESSIVE_WORDS",
    "OPENING_DENIALS",
    "HEADLINE_REFUTATIONS",
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
    "DASHES",
    "HEADLINE_CONFIRMATIONS",
    "PENDING_WORDS",
    "CONFIRMING_LEMMAS",
    "HEADLINE_SUPPOSING_VERBS",
]

#: Verbs that report an assertion by their subject.
ASSERT_VERBS = frozenset(
    """
    say tell report confirm state stress warn claim announce add note write show find determine
    assert insist argue explain acknowledge admit allege declare disclose reveal suggest indicate
    conclude estimate predict maintain reiterate repeat emphasize emphasise underscore point
    contend testify agree believe think caution complain concede observe remark reply respond
    answer counter quote cite tweet post publish mention describe characterize call label brand
    accuse charge blame praise criticize criticise promise vow pledge predict forecast hint
    recall recount signal inform tout boast speculate worry fear hope expect acknowledge
    """.split()
)

#: Verbs of rejecting that also turn down a thing ("rejected the offer"): with an object that
#: names no claim they deny nothing.
TURN_DOWN_VERBS = frozenset("reject dismiss rebuff spurn".split())

#: Verbs by which a source rejects a claim.
DENY_VERBS = frozenset(
    "deny reject dismiss refute rebut dispute disavow contradict debunk discredit repudiate "
    "disprove disclaim contest".split()
)

#: Verbs of declining ("declined to confirm", "refused to comment").
DECLINE_VERBS = frozenset("decline refuse".split())

#: What a source declines to do when it declines to confirm.
DECLINED_ACTIONS = frozenset(
    "confirm comment say discuss elaborate specify disclose identify answer respond detail "
    "provide address reveal verify speak explain name".split()
)

#: Objects of a declining verb that make it a refusal on its own ("declined comment").
DECLINED_OBJECTS = frozenset("comment request interview".split())

#: Cue verbs that count only with a clause ("the data show that ..."), never with a bare
#: object ("iran showed him the missiles").
CLAUSE_ONLY_VERBS = frozenset(
    "show find determine add note write indicate suggest conclude reveal think believe hope "
    "expect fear worry agree explain recall signal mention point observe remark reply answer "
    "counter describe estimate predict forecast hint inform post tweet publish call label "
    "brand praise criticize criticise blame charge complain boast speculate".split()
)

#: Cue verbs whose infinitival complement is a demand, not a proposition ("warned X not to").
DIRECTIVE_VERBS = frozenset("warn urge call ask demand caution tell advise press".split())

#: Verbs whose object, or the object of their preposition, is what the source said or
#: stands for ("criticized the plan", "called for a recount", "talked about taxes").
OBJECT_CUE_VERBS = frozenset(
    """
    confirm report deny reiterate repeat acknowledge admit disclose announce reveal
    criticize criticise endorse praise defend oppose mock thank blame accuse condemn
    denounce question propose recommend urge discuss mention cite list highlight describe
    portray welcome applaud slam blast embrace champion advocate talk refer echo dismiss
    reject predict promise pledge vow demand request express apologize apologise call tout
    celebrate lament decry challenge ask hail credit fault warn say back vote
    prefer seek attack name congratulate encourage ignore remind cheer boo target
    promote rail compare
    """.split()
)

#: Verbs that report an intention, wish or expectation of their subject, the infinitive
#: being the content ("wants to run", "plans to veto", "hopes to win").
INTENT_VERBS = frozenset(
    "want plan hope expect promise vow pledge threaten intend aim decide offer propose "
    "agree refuse wish urge ask".split()
)

#: Verbs of knowing, feeling and perceiving that take a clause ("knows that ...",
#: "sees a chance that ...", "felt that ...").
COGNITION_VERBS = frozenset(
    "know feel learn realize realise understand doubt suspect assume guess imagine "
    "consider recognize recognise insist joke continue ask wonder question acknowledge "
    "decide rule figure notice remember forget".split()
)

#: Verbs of knowing whose clause is what a content claims: "we know ISIS is coming across
#: the border" claims that ISIS is coming (claim signatures read the clause's verb).
KNOWING_VERBS = frozenset(
    "know learn realize realise understand recognize recognise notice remember".split()
)

#: Every verb lemma that reports speech, denial or refusal.
CUE_VERBS = ASSERT_VERBS | DENY_VERBS | DECLINE_VERBS

#: Every verb lemma the extractor reads as a cue: the verbs of speech plus those of stance,
#: intent and cognition, which carry an attribution too ("criticized the plan").
ATTRIBUTION_VERBS = CUE_VERBS | OBJECT_CUE_VERBS | INTENT_VERBS | COGNITION_VERBS

#: Nouns that carry an attribution ("the claim that ...", "his statement that ...").
CUE_NOUNS = frozenset(
    "claim statement assertion allegation announcement report comment remark denial "
    "insistence suggestion warning argument admission accusation charge assessment "
    "conclusion finding belief view promise pledge testimony criticism endorsement "
    "call demand vow refusal complaint question attack opposition praise defense defence "
    "rejection plea appeal threat objection concern estimate prediction proposal "
    "description".split()
)

#: Words that brand a claim false ("called the report baseless").
FALSE_WORDS = frozenset(
    "false baseless untrue fake bogus fabricated groundless unfounded ridiculous absurd "
    "nonsense lie lies hoax propaganda misinformation disinformation inaccurate wrong "
    "incorrect misleading speculation slander rubbish fiction fictitious phony phoney myth "
    "fable fabrication bullshit garbage doctored".split()
)

#: Verbs of faking, as lemmas and participles (the lemmatizer misreads some): what "was
#: doctored", "had been faked" or "was staged" is called false.
FAKING_VERBS = frozenset(
    "doctor doctored fake faked fabricate fabricated photoshop photoshopped manipulate "
    "manipulated stage staged".split()
)

#: Titles that tell a person's gender ("m" or "f"), lower case without a final dot.
GENDERED_TITLES = {
    **dict.fromkeys("mr mister sir lord father fr brother king prince monsignor".split(), "m"),
    **dict.fromkeys("mrs ms miss madam madame lady sister queen princess dame".split(), "f"),
}

#: Words that, negated, call a claim false ("is not true", "isn't real").
TRUE_WORDS = frozenset("true real accurate genuine correct authentic so case".split())

#: Verbs of something taking place: "that never happened", "not happening" deny what was told.
EVENT_VERBS = frozenset("happen occur".split())

#: Subjects of "said" that open a sentence as a turn of phrase, not a speaker ("That said, ...").
DISCOURSE_SUBJECTS = frozenset("that this".split())

#: Words of blame: a denial of blame alone ("denied they were to blame", "denied
#: responsibility") denies the deed the article told of.
BLAME_WORDS = frozenset("blame responsible responsibility culpable fault".split())

#: Verbs that lead to a verdict ("appears to be fake", "turned out to be a hoax").
SEEM_VERBS = frozenset("seem appear prove turn look".split())

#: Nouns that name a claim or the telling of one: what is called false or shot down is
#: the claim they state ("reports that Y") or, alone, the claim they refer to.
CLAIM_NOUNS = frozenset(
    "claim claims report reports story stories tale rumor rumour rumors rumours allegation "
    "allegations article piece account accounts news assertion assertions suggestion "
    "speculation theory video footage clip photo picture image post tweet headline "
    "statement statements charge charges accusation accusations idea notion".split()
)

#: Verbs of a claim going round: "reports circulated that Y", "rumours emerged that Y" (the
#: reports assert Y).
CIRCULATION_VERBS = frozenset("circulate emerge surface spread swirl abound persist".split())

#: Pronouns that stand for a claim just told ("it's fake", "this is untrue").
CLAIM_PRONOUNS = frozenset("it this that".split())

#: Nouns of evidence: "there is no evidence that Y" denies Y.
EVIDENCE_NOUNS = frozenset("evidence proof indication sign intelligence basis".split())

#: Nouns of an intention a source says it lacks: "said it had no plans to Y", "there is no
#: intention to Y" deny Y.
PLAN_NOUNS = frozenset("plan plans intention intentions intent".split())

#: Nouns of what a claim lacks when it is false: "there is no truth to reports that Y", "no
#: substance to the claims", "nothing behind the rumours" (what follows "to", "in" or "behind").
GROUNDS_NOUNS = frozenset("truth substance foundation merit credence".split())

#: Verbs that debunk the claim that is their object ("slammed the rumours that Y").
DEBUNK_VERBS = frozenset("slam squash quash scotch debunk discredit ridicule mock".split())

#: Verbs that debunk with a particle ("shot down the claims", "knocked down reports").
DEBUNK_WITH_PARTICLE = {"shoot": "down", "knock": "down", "shut": "down", "play": "down"}

#: Verbs that debunk through an object noun and a preposition ("cast doubt on claims that
#: Y", "poured cold water on reports"): verb -> the object nouns that make it a debunk.
DEBUNK_WITH_OBJECT_NOUN = {
    "cast": frozenset(["doubt", "doubts"]),
    "pour": frozenset(["water"]),
    "throw": frozenset(["water", "doubt"]),
    "raise": frozenset(["doubt", "doubts"]),
}

#: Hedges that mark an attribution or its content as uncertain.
HEDGE_WORDS = frozenset(
    "reportedly allegedly apparently possibly probably perhaps likely unconfirmed purportedly "
    "supposedly may might could seemingly".split()
)

#: Words that make a content a supposition rather than a statement of what happened ("any
#: transfer would be an escalation", "fighters could cross"): such a content does not restate
#: a claim stated as fact.
CONDITIONAL_WORDS = frozenset("would could might may if unless should".split())

#: Phrases (lower case) marking that a source spoke without being named.
ANONYMITY_PHRASES = (
    "condition of anonymity",
    "on condition they not be named",
    "on condition that they not be named",
    "not authorized to speak",
    "not authorised to speak",
    "declined to be named",
    "asked not to be named",
    "requested anonymity",
    "spoke anonymously",
    "familiar with",
    "anonymous",
)

#: Head nouns of sources that are anonymous unless a name is attached.
ANONYMOUS_HEADS = frozenset(
    "source sources official officials person people insider insiders".split()
)

#: Pronouns that may stand for a source mentioned earlier.
PRONOUNS = frozenset("he she they it we i him her them".split())

#: Pronouns and quantifiers that, as a source nothing in the article resolved, stand for
#: someone of that article alone ("they said", "you know", "some have suggested", "one
#: wrote"): each article's is its own source, never pooled with another article's.
STANDING_PRONOUNS = frozenset(
    "i we you they it one some someone somebody others many most that this those these who".split()
)

#: Nouns for a text that speaks for its author ("the statement said").
DOCUMENT_NOUNS = frozenset(
    "statement report study findings finding document letter memo filing release "
    "communique communiqué assessment analysis survey poll review indictment complaint "
    "ruling order data evidence records record transcript post tweet message video".split()
)

#: Words that mark a news outlet ("us media", "the daily courier", "state television").
MEDIA_WORDS = frozenset(
    "media newspaper newspapers journal times post news tv television radio broadcaster "
    "magazine outlet outlets agency press tribune herald gazette daily channel network "
    "reporter reporters correspondent correspondents editor columnist wire".split()
)

#: Words that mark a government body or its officials.
GOVERNMENT_WORDS = frozenset(
    "government governments ministry minister ministers department administration official "
    "officials authorities authority president presidency prime premier secretary "
    "spokesman spokeswoman spokesperson embassy mission council cabinet house senate "
    "congress parliament army military navy intelligence police prosecutor prosecutors "
    "court judge state governor mayor ambassador diplomat diplomats envoy agency agencies "
    "regime kremlin pentagon commission bureau service forces command lawmakers "
    "legislators senator senators representative chancellor foreign defense defence".split()
)

#: Entity types that name a source in a phrase ("Veldish officials", "Korvan police").
NAMED_SOURCE_ENTITIES = frozenset("PERSON ORG NORP GPE".split())

#: Words that mark a non-governmental organisation.
ORGANIZATION_WORDS = frozenset(
    "company firm corporation group organization organisation association union party "
    "campaign foundation institute university committee coalition bank fund charity "
    "movement alliance network board team club".split()
)

#: Role nouns that precede a person's name ("cia director william burns").
PERSON_ROLES = frozenset(
    "spokesman spokeswoman spokesperson director secretary president minister senator "
    "governor mayor ambassador chief leader chairman chairwoman chair ceo adviser advisor "
    "analyst professor expert official commander general judge lawyer attorney "
    "representative rep sen gov dr mr mrs ms chancellor premier envoy diplomat "
    "correspondent reporter editor founder candidate nominee mp sgt sergeant pc constable "
    "insp inspector supt superintendent cpl corporal capt".split()
)

#: Generic heads that mean "the X camp": "the us side".
GENERIC_SIDE_NOUNS = frozenset("side camp".split())

#: Prepositions that open a phrase narrowing a source down ("customs officials *in* Veldmark",
#: "analysts *at* the institute"); the same source is often named without it elsewhere.
QUALIFYING_PREPOSITIONS = frozenset("in at from of for with on inside within".split())

#: The word before a place in a group's name ("officials *in* Veldmark", "the government *of*
#: Veldmark"): that place, named alone, is the group's government.
PLACE_PREPOSITIONS = frozenset({"in", "of", "from"})

#: Nouns that refer back to information already reported ("the findings", "the report").
INFORMATION_NOUNS = frozenset(
    "finding findings report reports information intelligence claim claims allegation "
    "allegations assessment conclusion conclusions news revelation revelations account "
    "accounts story stories reporting evidence accusation accusations rumor rumour rumors "
    "rumours assertion assertions".split()
)

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
    "weapon": frozenset(
        "weapon weapons missile missiles arms munition munitions rocket rockets ammunition "
        "armament armaments warhead warheads".split()
    ),
}

#: Predicates that negate their own complement ("refrains from", "has never").
NEGATIVE_PREDICATES = frozenset("refrain avoid abstain stop cease halt never oppose reject".split())

#: Subjects that deny their clause ("nobody agreed", "no surgeon agreed" has the determiner "no").
NEGATIVE_SUBJECTS = frozenset("no nobody none nothing neither".split())

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


# -- lists that used to sit beside the code that reads them ------------------------------

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

# (read by tracker.extract.debunks)
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

# (read by tracker.resolve.claims)
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

# (read by tracker.extract.quotes)
OPENING_QUOTES = frozenset("\u201c\u201e\u00ab")

# (read by tracker.extract.quotes)
CLOSING_QUOTES = frozenset("\u201d\u00bb")

# (read by tracker.extract.parse)
DATELINE_DASHES = frozenset("\u2014 \u2013 -- -".split())

# (read by tracker.extract.parse)
WH_WORDS = frozenset("how whether why what when where who which if".split())

# (read by tracker.extract.parse)
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "week month year earlier later".split()
)

# (read by tracker.extract.parse)
# Prepositions whose object is the topic or the target of a cue verb ("called for",
# "talked about", "referred to", "railed against").
TOPIC_PREPOSITIONS = frozenset("for about on to against of over".split())

# (read by tracker.extract.parse)
ASKING_VERBS = frozenset("ask wonder question".split())

# (read by tracker.extract.parse)
RELATIVE_PRONOUNS = frozenset("who that which whom".split())

# (read by tracker.extract.parse)
OPENING_MARKS = " \n\t\u00a0\"\u201c\u201e\u00ab'"

# (read by tracker.extract.parse)
# Adverbs before a cue verb that frame the sentence rather than the act of saying.
FRAMING_ADVERBS = frozenset(
    "when then however so instead even though meanwhile where why how indeed moreover "
    "later earlier still yet thus therefore nevertheless nonetheless meantime".split()
)

# (read by tracker.extract.parse)
CLOSING_MARKS = frozenset('"\u201d\u00bb')

#: Forms of "be" (and "remain", "seem") after which a clause needs its complement: a content
#: ending in one was cut short.
COPULA_FORMS = frozenset("is was were are be been being am remains remained seems seemed".split())


# -- who a source is (tracker.resolve.sources, tracker.resolve.aliases) -------------------

#: Nouns for one person by role, trade or relation: a source phrase headed by one is a person
#: ("the guitarist", "his publicist"), and before a name they describe it ("comedian Ada Lind").
PERSON_NOUNS = PERSON_ROLES | frozenset(
    "publicist rep agent manager doctor physician surgeon nurse patient anchor host presenter "
    "forecaster weatherman meteorologist comedian actor actress singer guitarist musician "
    "rapper artist star celebrity author writer blogger vlogger journalist columnist "
    "sleuth detective investigator witness eyewitness victim survivor resident student "
    "teacher priest bishop archbishop cardinal pastor rabbi imam monk nun father mother "
    "brother sister son daughter wife husband girlfriend boyfriend friend neighbour neighbor "
    "colleague spokesperson scientist researcher arachnologist biologist economist "
    "historian officer captain sergeant colonel lieutenant detective coach player owner "
    "founder entrepreneur businessman businesswoman billionaire man woman boy girl "
    "congressman congresswoman lawmaker politician activist campaigner organizer "
    "organiser redditor user poster tweeter employee worker farmer driver pilot".split()
)

#: Nouns for a group of people that speaks as one ("witnesses", "residents", "experts").
GROUP_NOUNS = frozenset(
    "people residents witnesses eyewitnesses customers readers viewers users fans critics "
    "experts scientists researchers doctors analysts observers activists protesters "
    "protestors voters workers employees staff crew passengers students parents locals "
    "villagers neighbours neighbors relatives family families friends supporters opponents "
    "rebels militants fighters troops soldiers police investigators prosecutors lawyers "
    "journalists reporters commentators bloggers members leaders citizens americans "
    "arachnologists economists historians farmers drivers pilots teachers priests".split()
)

#: Nouns that say what an outlet is ("the gossip website ...", "the tabloid ...").
OUTLET_DESCRIPTORS = frozenset(
    "site website publication newspaper tabloid magazine blog outlet "
    "broadcaster channel network station agency wire portal newsletter podcast".split()
)

#: Nouns that describe a named source before its name ("comedian Ada Lind", "the gossip
#: website Tattlerly", "the firm Brakwell"): the description is kept, the name is the source.
DESCRIPTOR_NOUNS = (
    PERSON_NOUNS
    | OUTLET_DESCRIPTORS
    | frozenset(
        "company firm group organization organisation charity campaign party ngo union "
        "association foundation institute think-tank tank lab laboratory startup brand chain "
        "retailer manufacturer maker giant account handle".split()
    )
)

#: Role words that end compounds an entity tagger takes into a name ("Screenwriter Ada
#: Lind", "Newsreader Ada Lind", "Businesswoman Ada Lind").
COMPOUND_ROLES = frozenset("writer reader caster woman maker keeper player".split())

#: Common-noun heads that name nothing that could speak: a phrase headed by one is not a
#: source ("a sign said", "the final bit of evidence suggests", "the motorway showed").
NOT_SOURCE_NOUNS = frozenset(
    "sign signs motorway road street highway evidence bit piece part parts way ways reason "
    "reasons thing things fact facts quality weekend week day days night morning evening "
    "afternoon time times moment year years month months hour hours minute minutes "
    "a.m. a.m p.m. p.m am pm id lot kind sort type amount rest idea truth point effect "
    "matter case question answer issue problem".split()
)

#: Common nouns, besides those of people, groups, outlets, governments, organisations and
#: documents, that can stand for who or what speaks ("someone said", "the footage shows",
#: "the caption reads"); a phrase headed by another common noun with no name in it ("the
#: region", "the immediate aim of the strikes", "a black screen") is no source.
SPEAKING_NOUNS = frozenset(
    "someone somebody anyone anybody everyone everybody nobody family families couple "
    "footage clip image images photo photos photograph picture pictures caption headline "
    "site page account book paper article story film documentary programme program show "
    "tape recording audio map chart graph figure figures number numbers statistic "
    "statistics census model models estimate estimates forecast projection projections test "
    "tests research experiment sample note notes petition law bill measure plan proposal "
    "budget policy treaty agreement deal accord resolution constitution manifesto platform "
    "website app blog feed profile email e-mail letter text call interview testimony speech "
    "remarks comment comments version announcement notice warning alert decision verdict "
    "judgment judgement opinion editorial op-ed column piece item entry label sticker "
    "banner leaflet flyer poster advert advertisement ad ads campaign message messages "
    "signal group terrorist terrorists gang gangs fighter fighters militant militants rebel "
    "company firm side camp team crowd audience public majority minority half third quarter "
    "percent per cent most many some few others other all none both each either neither one "
    "two three four five six seven eight nine ten dozen dozens hundreds thousands millions "
    "aide aides mogul moguls veteran veterans lady ladies panel nation nations conference "
    "spot spots slide slides correction clarification response endorsement language section "
    "rule rules regulation regulations suit lawsuit filing ruling architect architects "
    "regular regulars clinic hospital school college church museum zoo hotel airline "
    "airport store shop restaurant studio office center centre prison jail lab laboratory "
    "brewery bakery farm club league federation society academy board".split()
)

#: Endings of nouns for someone who does something ("executioner", "kidnapper", "hostage
#: negotiator", "extremist", "gunman", "detainee"): such a noun can stand for a speaker.
AGENT_SUFFIXES = tuple(
    f"{ending}{plural}"
    for ending in ("er", "or", "ist", "ian", "ant", "ent", "ee", "ate", "man", "men")
    for plural in ("", "s")
)

#: Labels of a web page read as words ("UPDATE: the company said ..."): never a source.
PAGE_LABELS = frozenset(
    [
        "update",
        "updated",
        "updates",
        "correction",
        "editor's note",
        "editors' note",
        "editors note",
        "warning",
        "in pictures",
        "digital feature",
        "watch",
        "related",
        "advertisement",
        "read more",
        "see also",
        "breaking",
        "exclusive",
    ]
)

#: Cue words (lower case) that only an outlet or a writer uses of what it published: a
#: named organisation that "reported" something is a news outlet.
OUTLET_CUES = frozenset("report reported reports reporting publish published publishes".split())

#: Phrases (lower case) that give a second name for the source named just before them:
#: "Ada Lind, who goes by Lindy", "Ada Lind, better known as Lindy".
ALIAS_PHRASES = (
    "who goes by",
    "who went by",
    "also known as",
    "better known as",
    "known professionally as",
    "aka",
    "a.k.a.",
    "who performs as",
    "who calls himself",
    "who calls herself",
    "who calls themselves",
)

#: Phrases (lower case) that give the real name of the source named just before them:
#: "Lindy (real name Ada Lind)", "Lindy, whose real name is Ada Lind".
REAL_NAME_PHRASES = (
    "real name",
    "whose real name is",
    "real name is",
    "born as",
    "birth name",
    "legal name",
)

#: Word sequences in source ids written several ways, and the one form ids use.
NAME_VARIANTS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("united", "states", "of", "america"): ("us",),
    ("united", "states"): ("us",),
    ("usa",): ("us",),
    ("united", "kingdom"): ("uk",),
    ("united", "nations"): ("un",),
    ("european", "union"): ("eu",),
}

#: Words an acronym may leave out ("Department of Homeland Security": DHS).
ACRONYM_SKIP_WORDS = frozenset("of the and for in on at to de du des la le".split())

#: A role's neutral word and its other forms: a "spokesperson" may be a "spokesman" or a
#: "spokeswoman", a "spokesman" is a "spokesperson" but no "spokeswoman".
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "spokesperson": ("spokesman", "spokeswoman", "spokespeople", "spokespersons"),
    "rep": ("representative", "reps", "representatives"),
}

#: Possessive pronouns: "his spokesman" says whose only through the text around it.
POSSESSIVE_WORDS = frozenset("his her their its my our your".split())

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

#: Verbs by which a headline's main clause only supposes what follows: "Kurds fear use of
#: chemical weapons", "Doctors suspect poison".
HEADLINE_SUPPOSING_VERBS = frozenset("fear suspect believe worry speculate think".split())

#: Dashes by which a headline sets off its source at its end: "Dam bursts – report".
DASHES = frozenset(("-", "\u2013", "\u2014", "--"))

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
