"""How a headline takes a stance toward a claim: the headline register.

A text of one line is read as a headline, and headlines say things in their own ways: "X
could cost $499" and "X said to open a store" pass a claim on as "reportedly" does; "than
officials claim" compares with a claim rather than hedging; "Plumber isn't sure how his
truck ended up in Astrin" takes for granted what follows "how" rather than denying it; "fired
over a fabricated story" calls something false that is not the claim; "Ottawa shooting: ..."
names a topic before its colon, not a source, and "...: AP" a source after it
(:func:`relayed`: how a headline-like sentence passes a claim on), as "... – report" or
"... [report]" does after a dash or in brackets (:func:`tail_source`).  The functions
here read one sentence's spaCy span or text; :mod:`tracker.check.text` applies them to texts
of one line, :mod:`tracker.check.rules` to the sentence a claim is checked against.

>>> comparative_hedge("Jumper got further inside than the Secret Service claims", "claims")
True
>>> headline_hedge_phrase("Amazon said to open a store in Astrin")
'said to'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from tracker import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "APOSTROPHES",
    "QUOTED",
    "relayed",
    "scare_quote",
    "rebuffed_report",
    "denying_answer",
    "comparative_hedge",
    "headline_hedge_phrase",
    "modal_hedge",
    "negating_word",
    "presupposing_negation",
    "describing_negation",
    "contrastive_negation",
    "unconfirming_negation",
    "topic_label",
    "trailing_source",
    "tail_source",
    "confirmation",
    "existential_negation",
    "off_claim_refutation",
]

_CLOSING = {")": "(", "]": "["}
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_WORD = re.compile(r"[\w'$.-]*\w|[^\w\s]")


def _phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])")


_HEDGES = _phrases(lexicon.HEADLINE_HEDGES)
# a claim in quotation marks: 'to resign', "to resign" (an apostrophe inside a word is no
# quotation mark)
QUOTED = re.compile(r"(?:(?<![\w])'([^']+)'(?![\w])|\"([^\"]+)\")")
_SPEAKER_NOUNS = (
    lexicon.ANONYMOUS_HEADS
    | lexicon.DOCUMENT_NOUNS
    | lexicon.MEDIA_WORDS
    | lexicon.GOVERNMENT_WORDS
    | lexicon.ORGANIZATION_WORDS
    | lexicon.PERSON_ROLES
    | lexicon.SPEAKER_NOUNS
)
# who a headline's tail names as its source: "... – report", "... - witnesses"
_TAIL_NOUNS = _SPEAKER_NOUNS | lexicon.GROUP_NOUNS
#: the most words before a colon that can name who speaks in the first person after it
_SPEAKER_WORDS = 4
# what stands before a colon without being a source: "Update:", "Watch:", "Pictured:"
_NOT_A_SOURCE = re.compile(
    r"^(?:" + "|".join(re.escape(w) for w in lexicon.HEADLINE_LABELS) + r")$", re.I
)
_REBUFF = re.compile(
    _phrases(lexicon.HEADLINE_REBUFFS).pattern
    + r"(?:\s+[\w'-]+){0,3}?\s+("
    + "|".join(sorted(lexicon.HEADLINE_REPORT_NOUNS))
    + r")(?![\w-])"
)
_CONFIRM = _phrases(lexicon.HEADLINE_CONFIRMATIONS)
_ANSWER = re.compile(
    r"(?:^|\s)(" + "|".join(re.escape(a) for a in lexicon.DENYING_ANSWERS) + r")[\s.!]*$"
)


def scare_quote(text: str, about: Callable[[str], bool]) -> str | None:
    """The word or two of the claim's that a headline sets in quotation marks, keeping its
    distance from them ("Militants 'steal' planes", "Leader 'killed' in strike"), if any:
    ``about`` says which words are the claim's.

    >>> scare_quote("Astrin rebels 'steal' planes", {"steal"}.__contains__)
    'steal'
    >>> scare_quote("Astrin 'hero' saves a dog", {"save"}.__contains__)
    """
    for match in QUOTED.finditer(text.translate(APOSTROPHES)):
        quoted = match.group(1) or match.group(2)
        words = quoted.split()
        if 1 <= len(words) <= 2 and any(about(w.lower()) for w in words):
            return quoted.lower()
    return None


def rebuffed_report(text: str) -> str | None:
    """The verb by which a headline rebuffs a report, rumour or claim ("Mayor slams reports
    that the dam burst", "... laughs off rumours of ...", "Dam intact despite burst
    rumours"): the headline's source says the report is wrong.

    >>> rebuffed_report("Mayor laughs off rumours of Velmora dam burst")
    'laughs off'
    >>> rebuffed_report("Mayor slams Velmora dam repair plan")
    """
    match = _REBUFF.search(text.lower().translate(APOSTROPHES))
    return match.group(1) if match else None


def denying_answer(text: str) -> str | None:
    """The answer that ends a headline's piece saying no ("Water board says no", "Nope"),
    if any: after a question, the headline's no to it.

    >>> denying_answer("Water board says no"), denying_answer("Board says no to new dam")
    ('says no', None)
    """
    match = _ANSWER.search(text.lower().translate(APOSTROPHES))
    return match.group(1) if match else None


def confirmation(text: str) -> str | None:
    """The word by which a headline says its claim was confirmed ("Dam burst confirmed:
    police", "Police: dam burst verified"), if any: a source set off by a colon or dash
    then vouches for it rather than passing it on.  Not when negated or pending ("not
    confirmed", "yet to be confirmed", "unconfirmed").

    >>> confirmation("Velmora dam burst confirmed – police")
    'confirmed'
    >>> confirmation("Velmora dam burst not yet confirmed: police")
    """
    lowered = text.lower().translate(APOSTROPHES)
    for match in _CONFIRM.finditer(lowered):
        before = _WORD.findall(lowered[: match.start()])[-3:]
        if not any(w in lexicon.PENDING_WORDS or w.endswith("n't") for w in before):
            return match.group(1)
    return None


def existential_negation(sent: SpacySpan) -> str | None:
    """The "no" by which a headline says there was none of what it names: "There was no
    dam burst, mayor says", "There is no Orlo Pell resignation" (the "no" on the noun that
    an existential "there is" introduces)."""
    for token in sent:
        if token.lower_ != "no" or token.dep_ != "det":
            continue
        noun, verb = token.head, token.head.head
        if noun.dep_ in ("attr", "nsubj") and any(
            child.dep_ == "expl" and child.i < verb.i for child in verb.children
        ):
            return "no"
    return None


def headline_hedge_phrase(text: str) -> str | None:
    """The phrase by which a headline passes a claim on, as headlines word it: "said to",
    "reports of", "amid reports", "claim" (not a comparison: "than officials claim").

    >>> headline_hedge_phrase("Terror fears rise amid reports of stolen Astrin jets")
    'amid reports'
    >>> headline_hedge_phrase("Insiders Claim Astrin Watch To Start At $500")
    'claim'
    >>> headline_hedge_phrase("Jumper got further than officials claim")
    """
    lowered = text.lower().translate(APOSTROPHES)
    for match in _HEDGES.finditer(lowered):
        if not comparative_hedge(lowered, match.group(1), match.start()):
            return match.group(1)
    return None


def comparative_hedge(text: str, hedge: str, at: int | None = None) -> bool:
    """Whether ``hedge`` (found at ``at``, or first) sits in a comparison with what was
    claimed or reported ("than the police claim", "than reported"): the text states its
    own figure against the claim's, it does not hedge."""
    lowered = text.lower().translate(APOSTROPHES)
    if at is None:
        at = lowered.find(hedge)
    if at < 0:
        return False
    before = _WORD.findall(lowered[:at])[-4:]
    return "than" in before


def modal_hedge(sent: SpacySpan) -> str | None:
    """The modal ("could", "might", "may") or verb ("fear", "suspect") by which a headline's
    main clause only supposes what it says: "Astrin watch could cost $499", "Doctors suspect
    poison" (not a modal in a clause below or beside
    it: "officials warn they could be used", "guard shot, and more attacks could follow")."""
    root = sent.root
    if root.pos_ == "VERB" and root.lemma_.lower() in lexicon.HEADLINE_SUPPOSING_VERBS:
        return root.lower_  # "Villagers fear flooding"
    for token in root.children:
        if token.lower_ in lexicon.HEADLINE_MODALS and token.dep_ == "aux":
            return token.lower_
    return None


def negating_word(token: Token) -> str | None:
    """The negation a token is, as a headline's cue: "not", "never", or "n't" however the
    parser tags it and whatever its apostrophe ("Wasn’t Arrested", where the tagger reads
    the title-case "n’t" as punctuation; "WASN’T", left whole).

    >>> import spacy
    >>> doc = spacy.blank("en")("Orlo Pell Wasn’t Arrested")
    >>> [negating_word(t) for t in doc]
    [None, None, None, "n't", None]
    """
    word = token.lower_.translate(APOSTROPHES)
    if len(word) > 3 and word.endswith("n't") and word[0].isalpha():
        return "n't"  # "WASN'T", one token
    if word in ("not", "never", "n't") or token.dep_ == "neg":
        return word
    return None


def presupposing_negation(token: Token) -> bool:
    """Whether a negation ("isn't", "doesn't") falls on a predicate that takes for granted
    the clause after it: "Plumber isn't sure how his truck ended up in Astrin", "Mayor does
    not know why the dam burst" say the truck did end up there, the dam did burst."""
    head = token.head
    return any(
        t.i > token.i and t.lower_ in lexicon.PRESUPPOSING_WH_WORDS and t.i != head.i
        for t in head.subtree
    )


def describing_negation(token: Token) -> bool:
    """Whether a negation sits in a clause that describes someone or something rather than
    saying what happened: "Orlo Pell, who never liked the job, quits the council" (a
    relative clause; not a participle hung on a noun, a headline's own predicate: "Tiger
    Woods not banned")."""
    node = token.head
    while True:
        if node.dep_ == "relcl":
            return True
        if node.head.i == node.i:
            return False
        node = node.head


def contrastive_negation(token: Token) -> bool:
    """Whether a "not" sets a noun against what the headline states (", not Y"): "Dam
    bursts in heavy rain, not sabotage, police say" says what did not cause it, not that
    nothing happened (not "Orlo Pell not the killer", which has no comma before it)."""
    if token.i == 0 or token.nbor(-1).text != ",":
        return False
    head = token.head
    return head.i > token.i and head.dep_ != "ROOT"


def unconfirming_negation(token: Token) -> bool:
    """Whether a negation falls on a verb of confirming: "Dam burst not confirmed", "has
    not been verified" say the claim is unconfirmed, which passes it on, not false."""
    return token.head.lemma_.lower() in lexicon.CONFIRMING_LEMMAS


def topic_label(words: list[Token]) -> bool:
    """Whether the words before a headline's colon name what it is about rather than who
    says it: an event ("Ottawa shooting", "Band reunion", "Watch pricing") or a label
    ("Astrin update")."""
    last = words[-1].lower_ if words else ""
    if last in lexicon.HEADLINE_LABELS or last in lexicon.HEADLINE_TOPIC_NOUNS:
        return True
    return last.endswith("ing") and len(last) > 5 and last not in lexicon.SPEAKER_NOUNS


def trailing_source(words: list[Token]) -> bool:
    """Whether the one or two words after a headline's closing colon are who says it:
    "...: AP", "...: DJ", "...: Velmora Times" (not a place, not a clause)."""
    if not 1 <= len(words) <= 2:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    if all(t.ent_type_ in ("GPE", "LOC") for t in words):
        return False
    return all(t.text[:1].isupper() for t in words)


def off_claim_refutation(text: str, refutation: str, about: Callable[[str], bool]) -> bool:
    """Whether a refuting word in a headline calls something else false than the claim: it
    stands before a noun ("fired over a fabricated helicopter story", "contesting bogus
    charges") and none of the next few words, up to a comma or colon, is one of the claim's
    (``about`` says which are).  A refuting word after its noun ("the video is fake", "a hoax") or before the
    claim's words ("a fake Orlo Pell visit") stays a refutation.

    >>> about = {"orlo", "fired"}.__contains__
    >>> off_claim_refutation("Orlo fired over fabricated Astrin story", "fabricated", about)
    True
    >>> off_claim_refutation("Fake Orlo visit fools Astrin", "fake", about)
    False
    >>> off_claim_refutation("The Orlo visit was fake", "fake", about)
    False
    >>> off_claim_refutation("Fake news: Orlo fired", "fake", about)
    False
    """
    if refutation not in lexicon.ATTRIBUTIVE_REFUTATIONS:
        return False
    words = _WORD.findall(text.lower().translate(APOSTROPHES))
    if refutation not in words:
        return False
    at = words.index(refutation)
    if any(w in lexicon.COPULA_FORMS or w == "be" for w in words[max(at - 3, 0) : at]):
        return False  # "the restaurant is probably fabricated nonsense": said of the subject
    after = []
    for word in words[at + 1 :][:5]:
        if not word[0].isalnum() and word[0] != "$":
            break
        after.append(word)
    if at == 0 and len(after) <= 2 and words[len(after) + 1 : len(after) + 2] == [":"]:
        return False  # "Fake news: ...", "Fake: ...": a label for what follows the colon
    if not after or after[0] in lexicon.COPULA_FORMS or after[0] in lexicon.CONDITIONAL_WORDS:
        return False
    return not any(about(word) for word in after)


def _names_a_source(words: list) -> bool:
    """Whether the few words beside a headline's colon can be who speaks: not a label
    ("Update", "Watch") and not only a place ("Ostervik: ...")."""
    if _NOT_A_SOURCE.match(" ".join(t.text for t in words)):
        return False
    if all(t.ent_type_ in ("GPE", "LOC") for t in words):
        return False
    return any(
        t.ent_type_ in ("PERSON", "ORG", "NORP")
        or t.lemma_.lower() in _SPEAKER_NOUNS
        or t.lower_ in _SPEAKER_NOUNS  # "media", which spaCy lemmatizes "medium"
        for t in words
    )


def _first_person_speaker(before: list[Token], after: SpacySpan) -> bool:
    """Whether the words before a headline's colon are who speaks in the first person after
    it, whatever they are called ("Angry diner: I lost my job", "Ex-waiter: they told
    me to lie"): up to four words, not a label ("Watch: ..."), and a first-person word
    after the colon outside quotation marks."""
    if not 1 <= len(before) <= _SPEAKER_WORDS:
        return False
    if _NOT_A_SOURCE.match(" ".join(t.text for t in before)):
        return False
    text = after.text.translate(APOSTROPHES)
    if QUOTED.search(text):
        return False  # "Dam bursts: 'We lost everything'" quotes someone else
    return any(
        t.lower_.translate(APOSTROPHES) in lexicon.FIRST_PERSON_WORDS and t.text != "US"
        for t in after
    )  # not "US" the country


def tail_source(doc: Doc | SpacySpan) -> int | None:
    """Where a headline sets off its source at its end, after a dash or in brackets ("Dam
    bursts – report", "... - officials", "... – Orlo Pell", "... [report]"), if it does: the
    index of the dash or opening bracket.  A label there ("- video", "[PHOTOS]", "–
    updated") or a place is no source; nor is an organisation's name alone ("... - Velmora
    Times" is how a page's title names its site) or more than three words.  Read on the
    whole line, which the parser may cut at the dash or bracket."""
    tokens = [t for t in doc if not t.is_space]
    while tokens and tokens[-1].text in (".", "!"):
        tokens.pop()
    if len(tokens) < 3:
        return None
    if tokens[-1].text in _CLOSING:
        opening = next(
            (
                k
                for k in range(len(tokens) - 2, 0, -1)
                if tokens[k].text == _CLOSING[tokens[-1].text]
            ),
            None,
        )
        if opening is None:
            return None
        mark, words = tokens[opening], tokens[opening + 1 : -1]
    else:
        dash = next(
            (
                k
                for k in range(len(tokens) - 2, 0, -1)
                if tokens[k].text in lexicon.DATELINE_DASHES
                and tokens[k].whitespace_
                and tokens[k - 1].whitespace_  # "Dam bursts - report", not "al-Baghdadi"
            ),
            None,
        )
        if dash is None:
            return None
        mark, words = tokens[dash], tokens[dash + 1 :]
    words = [t for t in words if not t.is_punct]
    if not 1 <= len(words) <= 3 or not _names_a_source(words):
        return None
    speakers = [
        t
        for t in words
        if t.ent_type_ == "PERSON"
        or (t.ent_type_ != "ORG" and (t.lemma_.lower() in _TAIL_NOUNS or t.lower_ in _TAIL_NOUNS))
    ]
    if not speakers or _outlet_name(words, speakers):
        return None
    return mark.i


def _outlet_name(words: list[Token], speakers: list[Token]) -> bool:
    """Whether a headline's tail is a news outlet's name ("Velmora Times", "Astrin Daily
    Post"): how a page's title names its own site, not a source of the headline."""
    return (
        len(words) >= 2
        and all(t.text[:1].isupper() for t in words)
        and all(t.lower_ in lexicon.MEDIA_WORDS for t in speakers)
    )


def relayed(sent: SpacySpan, *, topics: bool = False) -> str | None:
    """How a headline-like sentence passes a claim on without vouching for it, if it does:
    ``"says"`` for a source set off by a colon ("Police: the car was stolen", "The car was
    stolen: police") or a label that passes a claim on ("Claim: the car was stolen"),
    ``"quoted"`` for a claim in quotation marks, with its verb ("Minister 'to resign over
    the dam'"), ``"question"`` for a question.  With ``topics`` (a headline's own reading),
    what names an event before the colon is its topic, not a source ("Ottawa shooting: ...")."""
    text = sent.text.strip().translate(APOSTROPHES)
    if text.endswith("?"):
        return "question"
    colons = [t.i for t in sent if t.text == ":"]
    if colons and colons[0] < sent.end - 1:
        label = [t for t in sent.doc[sent.start : colons[0]] if not t.is_punct]
        if len(label) == 1 and label[0].lower_ in lexicon.RELAYING_LABELS:
            return "says"  # "Claim: ...", "Rumour: ..."
        before = [t for t in sent.doc[sent.start : colons[0]] if not t.is_punct]
        if (
            1 <= len(before) <= 3
            and _names_a_source(before)
            and not (topics and topic_label(before))
        ):
            return "says"  # "Police: ...", not "Ottawa shooting: ..."
        after = [t for t in sent.doc[colons[-1] + 1 : sent.end] if not t.is_punct]
        if 1 <= len(after) <= 3 and (_names_a_source(after) or trailing_source(after)):
            return "says"  # "...: police", "...: AP"
        if _first_person_speaker(before, sent.doc[colons[0] + 1 : sent.end]):
            return "says"  # "Angry diner: café got me sacked"
    offset = sent.start_char + len(sent.text) - len(sent.text.lstrip())
    for match in QUOTED.finditer(text):
        inside = sent.doc.char_span(
            offset + match.start(), offset + match.end(), alignment_mode="expand"
        )
        if (
            inside is not None
            and len(inside) >= 3
            and any(t.pos_ in ("VERB", "AUX") for t in inside)
        ):
            return "quoted"
    return None
