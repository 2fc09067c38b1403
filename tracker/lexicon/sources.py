"""Who a source is: anonymity, kinds of source, roles, descriptors, names and aliases."""

from __future__ import annotations

__all__ = [
    "ANONYMITY_PHRASES",
    "ANONYMOUS_HEADS",
    "PRONOUNS",
    "STANDING_PRONOUNS",
    "DOCUMENT_NOUNS",
    "MEDIA_WORDS",
    "GOVERNMENT_WORDS",
    "NAMED_SOURCE_ENTITIES",
    "ORGANIZATION_WORDS",
    "PERSON_ROLES",
    "GENERIC_SIDE_NOUNS",
    "QUALIFYING_PREPOSITIONS",
    "PLACE_PREPOSITIONS",
    "INFORMATION_NOUNS",
    "PERSON_NOUNS",
    "GROUP_NOUNS",
    "OUTLET_DESCRIPTORS",
    "DESCRIPTOR_NOUNS",
    "COMPOUND_ROLES",
    "NOT_SOURCE_NOUNS",
    "SPEAKING_NOUNS",
    "AGENT_SUFFIXES",
    "PAGE_LABELS",
    "OUTLET_CUES",
    "ALIAS_PHRASES",
    "REAL_NAME_PHRASES",
    "NAME_VARIANTS",
    "ACRONYM_SKIP_WORDS",
    "ROLE_SYNONYMS",
    "POSSESSIVE_WORDS",
]

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
    "brewery bakery farm club league federation society academy board band bands cast crew".split()
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
