"""Cue words: the verbs and nouns that report, deny, decline, hedge and debunk."""

from __future__ import annotations

__all__ = [
    "ASSERT_VERBS",
    "TURN_DOWN_VERBS",
    "DENY_VERBS",
    "DECLINE_VERBS",
    "DECLINED_ACTIONS",
    "CONFIRM_OR_DENY",
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
    "FAKING_VERBS",
    "GENDERED_TITLES",
    "TRUE_WORDS",
    "EVENT_VERBS",
    "DISCOURSE_SUBJECTS",
    "BLAME_WORDS",
    "SEEM_VERBS",
    "CLAIM_NOUNS",
    "CIRCULATION_VERBS",
    "CLAIM_PRONOUNS",
    "EVIDENCE_NOUNS",
    "PLAN_NOUNS",
    "GROUNDS_NOUNS",
    "DEBUNK_VERBS",
    "ISSUING_VERBS",
    "EMPHATIC_COMPARATIVES",
    "DEBUNK_WITH_PARTICLE",
    "DEBUNK_WITH_OBJECT_NOUN",
    "HEDGE_WORDS",
    "CONDITIONAL_WORDS",
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

#: Verbs that, joined to a verb of denying by "or" / "nor", decline rather than take a side
#: ("would neither confirm nor deny", "refused to confirm or deny", "neither admit nor deny").
CONFIRM_OR_DENY = frozenset("confirm verify admit acknowledge".split())

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

#: Verbs of putting out a text (with a noun of :data:`~tracker.lexicon.DOCUMENT_NOUNS` as
#: object): its author speaks through it ("issued a statement: ...", "released a statement
#: denying Y").
ISSUING_VERBS = frozenset("issue release publish post send circulate".split())

#: Comparatives a tagger may miss, which a negation with nothing compared makes emphatic
#: ("we have never been prouder", "I could not agree more").
EMPHATIC_COMPARATIVES = frozenset("more better happier prouder".split())

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
