"""The right speaker for every quote: pronouns resolved with gender, listeners kept apart.

"He said" and "she wrote" stand for a person the article named before.  The person is the
nearest one whose gender agrees with the pronoun, preferring the subjects of the sentences
just before: a woman's words after a paragraph quoting her surgeon are hers.  Gender comes
from a title ("Mr", "Mrs", "Father"), from the pronouns the article itself uses right after
the name, and from a first-name lexicon (:mod:`tracker.resolve.firstnames`).  A pronoun no person fits stays inside its
article, and so does a "we", "you", "they" or "some" nothing resolved: its source id names
the article, so it is never pooled with another article's "she", and its kind is
``unresolved`` (``contested`` leaves it out unless asked).

A listener ("said to the Guardian", "told the Vellmar Post") is the audience of an
attribution, kept in ``extra["audience"]``, never part of its source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from tracker import lexicon
from tracker.extract.candidate import Candidate
from tracker.extract.parse import children_with, token_extent
from tracker.model import Attribution, Span
from tracker.resolve.firstnames import first_name_gender
from tracker.resolve.names import without_nickname
from tracker.resolve.sources import display_name, inside_quotes, slugify, written_as_acronym

__all__ = [
    "UNRESOLVED_KIND",
    "Mention",
    "person_mentions",
    "resolve_speakers",
    "mark_audience",
    "unresolved_id",
    "AUDIENCE_NOTE",
]

#: the source kind of a pronoun no person in its article fits
UNRESOLVED_KIND = "unresolved"
#: the note a candidate carries with its audience span (paragraph-relative)
AUDIENCE_NOTE = "audience"

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
#: how many sentences back a pronoun may reach for its person
_LOOKBACK = 6


@dataclass(frozen=True)
class Mention:
    """A person named in the article: where, under which name, and how prominently."""

    start: int  # article offset
    sentence: int
    name: str
    key: str  # the last word of the name, lower case
    subject: bool
    speaker: bool = False  # the source of an attribution, not only a name in passing


def _name_key(last_word: str) -> str:
    """How a person is known across a paragraph: the last word of the name, lower case,
    without a possessive ("Lind's" -> "lind")."""
    return last_word.lower().replace("\u2019s", "").replace("'s", "")


def _in_order(mention: Mention) -> tuple[int, int]:
    return mention.sentence, mention.start


def unresolved_id(pronoun: str, article_id: str) -> str:
    """The source id of a pronoun no person fits: it names its article.

    >>> unresolved_id("She", "fnc-1926")
    'she-in-fnc-1926'
    """
    return f"{pronoun.lower()}-in-{slugify(article_id)}"


def _without_nickname(doc: Doc, first: Token, last: Token) -> tuple[Token, Token]:
    """'Tomas "Tom" Varga', however the tagger cut it ('Tomas "Tom'), runs from Tomas to Varga."""
    if not any(t.is_quote for t in doc[first.i : last.i + 1]):
        return first, last
    name = without_nickname(list(doc[first.i : last.i + 1]))
    return (name[0], name[-1]) if name else (first, last)


def _person_spans(doc: Doc, lowers: list[str]) -> list[tuple[Token, Token]]:
    """(first, last) tokens of each person's name in a parsed paragraph (whose tokens in
    lower case are ``lowers``)."""
    spans = [(e[0], e[-1]) for e in doc.ents if e.label_ == "PERSON"]
    spans = [_without_nickname(doc, first, last) for first, last in spans]
    taken = {t.i for first, last in spans for t in doc[first.i : last.i + 1]}
    titles = [doc[i] for i, w in enumerate(lowers) if w.rstrip(".") in lexicon.GENDERED_TITLES]
    for tok in titles:
        # "Mr Okafor", "Father Brennan": a title before a capitalised name
        if tok.i + 1 < len(doc):
            nxt = doc[tok.i + 1]
            if nxt.i not in taken and nxt.is_title and nxt.pos_ == "PROPN":
                spans.append((nxt, nxt))
    return sorted(spans, key=lambda s: s[0].i)


def person_mentions(
    docs: Sequence[tuple[Span, Doc]],
) -> tuple[list[Mention], dict[str, str], dict[str, str]]:
    """The article's person mentions in order, the gender of each name key ("m"/"f"), and
    the fullest name the article gives each key."""
    mentions: list[Mention] = []
    votes: dict[str, dict[str, int]] = {}
    titled: dict[str, str] = {}
    fullest: dict[str, str] = {}
    sentence = 0
    for paragraph, doc in docs:
        sentences = list(doc.sents)
        index = {s.start: sentence + k for k, s in enumerate(sentences)}
        # each token in lower case, read off the doc's arrays (no Python object per token)
        lowers = [doc.vocab.strings[h] for h in doc.to_array("LOWER").tolist()]
        people = _person_spans(doc, lowers)
        for first, last in people:
            name = re.sub(
                r"\s*[\"\u201c][^\"\u201d]*[\"\u201d]", "", doc[first.i : last.i + 1].text
            )
            key = _name_key(last.text)
            if len(name.split()) > len(fullest.get(key, "").split()):
                fullest[key] = name
            before = doc[first.i - 1] if first.i > 0 else None
            if before is not None:
                title = lexicon.GENDERED_TITLES.get(before.lower_.rstrip("."))
                if title:
                    titled[key] = title
            head = doc[last.i]
            if inside_quotes(first):
                continue  # named in quoted words or a title ("Evenings with Ada Lind")
            mentions.append(
                Mention(
                    paragraph.start + first.idx,
                    index[first.sent.start],
                    name,
                    key,
                    head.dep_ in ("nsubj", "nsubjpass"),
                )
            )
        # the pronouns right after a name tell its gender
        for i, word in enumerate(lowers):
            gender = _PRONOUN_GENDER.get(word)
            if gender is None:
                continue
            tok = doc[i]
            earlier = [p for p in people if p[1].i < tok.i and p[1].sent == tok.sent]
            if earlier:
                key = earlier[-1][1].lower_
                votes.setdefault(key, {"m": 0, "f": 0})[gender] += 1
        sentence += len(sentences)
    genders: dict[str, str] = {}
    for key, name in fullest.items():
        # the first name: past titles and roles ("Dr", "Senator")
        parts = [
            p
            for p in name.split()[:-1]
            if p.lower().rstrip(".") not in lexicon.PERSON_ROLES
            and p.lower().rstrip(".") not in lexicon.GENDERED_TITLES
        ]
        found = titled.get(key)
        if found is None and parts:
            found = first_name_gender(parts[0])
        if found is None and key in votes:
            m, f = votes[key]["m"], votes[key]["f"]
            found = "m" if m > f else "f" if f > m else None
        if found:
            genders[key] = found
    return mentions, genders, fullest


def _speaker(
    record: Attribution,
    pronoun: str,
    mentions: list[Mention],
    genders: dict[str, str],
) -> Mention | None:
    """The person a pronoun source stands for: same gender (or unknown), nearest, the
    subjects of a sentence first, then the people who spoke in it (a turn goes on with its
    speaker, not with the show he spoke on: '... he said on "Meet the Press with Ada
    Lind." "..." he added'), never a person named inside the words attributed."""
    want = _PRONOUN_GENDER[pronoun]
    assert record.source is not None
    inside = record.content.text.lower() if record.content is not None else ""
    for back in range(_LOOKBACK):
        sentence = record.sentence - back
        if sentence < 0:
            break
        here = [
            m
            for m in mentions
            if m.sentence == sentence
            and m.start < record.source.start
            and genders.get(m.key, want) == want
            and m.key not in inside
        ]
        if here:
            subjects = [m for m in here if m.subject or m.speaker]
            return (subjects or here)[-1]
    return None


def _reporting_speaker(
    record: Attribution, earlier: Sequence[Attribution], genders: dict[str, str]
) -> Attribution | None:
    """The attribution whose words hold a pronoun speaker's own: in "one friend said he
    believed Y" (or "the mayor said she had been told"), "he" is the one who says so, when
    that source is no pronoun and its gender, where known, agrees."""
    assert record.source is not None
    want = _PRONOUN_GENDER[record.source.text.lower()]
    for outer in reversed(earlier):
        if (
            outer.sentence != record.sentence
            or outer.content is None
            or outer.source is None
            or not outer.source_name
            or not outer.content.start <= record.source.start < outer.content.end
        ):
            continue
        words = outer.source.text.lower().split()
        someone = (
            outer.source_kind in ("person", "anonymous", "unknown")
            or (
                words[-1] in lexicon.PERSON_NOUNS  # "the mayor", "a spokesman for the ministry"
                or any(w in lexicon.PERSON_NOUNS for w in words[:2])
            )
        )
        if outer.source.text.lower() in lexicon.STANDING_PRONOUNS or not someone:
            return None
        known = genders.get(_name_key(outer.source_name.split()[-1]))
        return outer if known in (None, want) else None
    return None


def _speakers_as_mentions(records: Sequence[Attribution], fullest: dict[str, str]) -> list[Mention]:
    """The people the article's records name as speakers, as mentions that spoke."""
    out = []
    for r in records:
        if r.source is None or r.source_kind != "person" or not r.source_name:
            continue
        if r.source.text.lower() in _PRONOUN_GENDER:
            continue
        key = _name_key(r.source_name.split()[-1])
        if key in fullest:
            out.append(Mention(r.source.start, r.sentence, r.source_name, key, True, True))
    return out


def _standing_alone(record: Attribution, article_id: str) -> Attribution:
    """A source that is only a pronoun or a quantifier nothing resolved ("we", "you", "some",
    "one"), like an "I" no quotation gives a speaker (the article's writer), stands for
    someone of its own article: an id of that article, never another article's "we"."""
    if record.source is None:
        return record
    word = record.source.text.lower()
    if word not in lexicon.STANDING_PRONOUNS or record.source_id != slugify(word):
        return record
    if written_as_acronym(record.source.text, record.evidence):
        return record  # "WHO said": the organisation
    shown = "I" if word == "i" else word
    return replace(
        record,
        source_id=unresolved_id(word, article_id),
        source_name=f"{shown} (in {article_id})",
        source_kind=UNRESOLVED_KIND,
    )


def resolve_speakers(
    records: list[Attribution], docs: Sequence[tuple[Span, Doc]], article_id: str
) -> list[Attribution]:
    """Records whose source is "he" or "she" get the person it stands for, or, where no
    person of that gender was named just before, an id of their own article."""
    pronouns = [
        r for r in records if r.source is not None and r.source.text.lower() in _PRONOUN_GENDER
    ]
    records = [_standing_alone(r, article_id) for r in records]
    if not pronouns:
        return records
    mentions, genders, fullest = person_mentions(docs)
    mentions = sorted(mentions + _speakers_as_mentions(records, fullest), key=_in_order)
    out: list[Attribution] = []
    for record in records:
        # a gendered pronoun's record is as it was (the step above leaves "he" and "she")
        if record.source is not None and record.source.text.lower() in _PRONOUN_GENDER:
            assert record.source is not None
            pronoun = record.source.text.lower()
            outer = _reporting_speaker(record, out, genders)
            if outer is not None:
                out.append(
                    replace(
                        record,
                        source_id=outer.source_id,
                        source_name=outer.source_name,
                        source_kind=outer.source_kind,
                        anonymous=outer.anonymous,
                    )
                )
                continue
            found = _speaker(record, pronoun, mentions, genders)
            if found is not None:
                name = fullest.get(found.key, found.name)
                turn = Mention(record.source.start, record.sentence, name, found.key, True, True)
                bisect.insort(mentions, turn, key=_in_order)
                record = replace(
                    record,
                    source_id=slugify(name),
                    source_name=display_name(name),
                    source_kind="person",
                )
            else:
                record = replace(
                    record,
                    source_id=unresolved_id(pronoun, article_id),
                    source_name=f"{pronoun} (in {article_id})",
                    source_kind=UNRESOLVED_KIND,
                )
        out.append(record)
    return out


def mark_audience(cand: Candidate) -> None:
    """'said to the Guardian', 'told reporters': the listener is the audience (a note on
    the candidate, in paragraph offsets), and the source stops before it (in place)."""
    verb = cand.cue_token
    audience: Token | None = None
    if verb.lemma_.lower() == "tell":
        objs = children_with(verb, "dative", "dobj")
        if objs and (cand.content is None or objs[0].idx < cand.content[0]):
            audience = objs[0]
    source = cand.source_token
    # "said Lind's publicist to the Orsk Herald": after an inverted speaker, "to" names the
    # listener; before the verb it is part of a title ("the mission to the council said")
    if source is not None and source.i > verb.i and verb.pos_ == "VERB":
        for prep in children_with(source, "prep"):
            if prep.lower_ == "to" and prep.i > source.i and children_with(prep, "pobj"):
                audience = children_with(prep, "pobj")[0]
                kept = [t for t in source.doc[source.left_edge.i : prep.i]]
                trimmed = token_extent(kept)
                if trimmed is not None and cand.source is not None:
                    cand.source = (cand.source[0], trimmed[1])
                name = cand.notes.get("source_name")
                if trimmed is not None and isinstance(name, tuple):
                    cand.notes["source_name"] = (name[0], min(name[1], trimmed[1]))
    if audience is not None:
        extent = token_extent(list(audience.doc[audience.left_edge.i : audience.right_edge.i + 1]))
        if extent is not None:
            cand.notes[AUDIENCE_NOTE] = extent
