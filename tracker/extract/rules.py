"""Dependency-parse rules that find attributions in one parsed paragraph.

Each rule looks at a cue (a reporting verb, "according to", a cue noun with a clause) and
reads its source and content off the parse.  The rules return
:class:`~tracker.extract.candidate.Candidate` objects with paragraph-relative offsets;
:mod:`tracker.extract` turns them into records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from tracker import lexicon
from tracker.extract.candidate import Candidate, join_interrupted_quotes, link_relays
from tracker.extract.colons import colon_speaker
from tracker.extract.parse import (
    branded_object,
    children_with,
    clause_content,
    clause_extent,
    colon_content,
    cue_extent,
    cue_positions,
    in_segment,
    is_as_clause,
    is_hedged,
    is_negated,
    is_question,
    object_content,
    quote_kind,
    said_false,
    subtree_tokens,
    target_content,
    token_extent,
    turn_of_phrase,
    with_conjoined_clause,
)
from tracker.extract.quotes import after_colon, quote_segments
from tracker.extract.reading import (
    CueReading,
    Speaker,
    confirm_or_deny,
    faked_to_show,
    found_oneself,
    quoted_report,
    read_confirm_or_deny,
    read_directive,
    read_intent,
    read_negation,
    read_passive_subject,
    read_past_denial,
    read_predicate,
    read_target,
    verb_cue_extent,
)
from tracker.extract.statements import statement_after_colon
from tracker.extract.subjects import (
    closes_sentence,
    noun_phrase,
    stray_subject,
    subject_of,
)
from tracker.lexicon import ASKING_VERBS, RELATIVE_PRONOUNS, TOPIC_PREPOSITIONS
from tracker.nlp import doc_text

__all__ = ["find_candidates"]


class _SentenceRules:
    """Applies every rule to one paragraph; keeps the candidates in order."""

    def __init__(
        self,
        doc: Doc,
        join_quotes: bool = False,
        cue_scores: Sequence[float] | None = None,
        thresholds: tuple[float, float] = (0.5, 0.0),
    ):
        self.doc = doc
        self.join_quotes = join_quotes
        self.cue_scores = cue_scores
        self.accept, self.veto = thresholds
        self.text = doc_text(doc)
        self.segments = quote_segments(doc_text(doc))
        #: quotations a colon introduces: what they quote someone saying is relayed
        self.colon_quotes: list[tuple[int, int] | None] = list(
            after_colon(self.text, self.segments)
        )
        self.found: list[Candidate] = []
        self.consumed: set[int] = set()

    def run(self) -> list[Candidate]:
        # with a cue model any verb or noun may be a cue
        cues = cue_positions(self.doc) if self.cue_scores is None else range(len(self.doc))
        for sent in self.doc.sents:
            for token in (self.doc[i] for i in range(sent.start, sent.end) if i in cues):
                if token.text == ":" and not in_segment(token.idx, self.segments):
                    said = statement_after_colon(token, sent, self.segments, self.text)
                    if said is None or said.cue_token.i in self.consumed:
                        said = colon_speaker(token, sent, self.segments, self.text)
                    if said is not None:
                        self.found.append(said)
                    continue
                if token.i in self.consumed or (
                    in_segment(token.idx, self.segments)
                    and not quoted_report(
                        token, [c.content for c in self.found] + self.colon_quotes
                    )
                ):
                    # words inside a quotation belong to the quoted speaker, not to the
                    # attributions this text makes
                    continue
                lemma = token.lemma_.lower()
                score = self.cue_scores[token.i] if self.cue_scores is not None else None
                if score is not None and score < self.veto:
                    continue  # the trained model is sure this word is no cue
                learned = score is not None and score >= self.accept
                if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
                    self._according_to(token, sent)
                elif token.pos_ in ("VERB", "AUX") and lemma in lexicon.ATTRIBUTION_VERBS:
                    if not turn_of_phrase(token) and not _known_as(token):
                        self._verb_cue(token, sent, learned=learned)
                elif token.pos_ == "NOUN" and lemma in lexicon.CUE_NOUNS:
                    self._noun_cue(token, sent)
                elif learned and token.pos_ in ("VERB", "AUX"):
                    self._verb_cue(token, sent, learned=True)
                elif learned and token.pos_ == "NOUN":
                    self._noun_cue(token, sent)
        if self.join_quotes:
            join_interrupted_quotes(self.found, self.segments, self.text)
        link_relays(self.found)
        return self.found

    # -- rules -------------------------------------------------------------------------

    def _verb_cue(self, verb: Token, sent: Span, learned: bool = False) -> None:
        """A reporting verb: read what it says, then who says it, and keep the candidate."""
        reading = self._verb_reading(verb, sent, learned)
        if reading is None:
            return
        speaker = self._speaker_of(verb, sent)
        lemma = verb.lemma_.lower()
        if (
            speaker.passive
            and speaker.source is None
            and lemma in lexicon.CLAUSE_ONLY_VERBS
            and reading.content is None
        ):
            return
        if (
            speaker.source is None
            and not speaker.passive
            and reading.stance == "asserts"
            and verb.tag_ != "VBN"
            and verb.dep_ not in ("ROOT", "ccomp", "conj", "parataxis")
        ):
            # a verb of speech with no one speaking is an infinitive or a modifier
            # ("to discuss", "a plan labeled ..."), not something this text attributes
            return
        quote = "indirect"
        content = reading.content
        if content is not None and not in_segment(verb.idx, self.segments):
            quote, content = quote_kind(content, self.segments, self.text)
        if in_segment(verb.idx, self.segments) and (
            reading.directive or reading.content_root is None
        ):
            return  # inside a quotation only a full reported clause is a nested attribution
        self.found.append(
            Candidate(
                cue=reading.cue,
                source=speaker.source,
                content=content,
                stance=reading.stance,
                quote=quote,
                hedged=is_hedged(verb, content, self.doc),
                sentence=sent,
                cue_token=verb,
                source_token=speaker.token,
                content_root=reading.content_root,
                directive=reading.directive,
                relay_of=speaker.relay_of,
                notes=speaker.notes,
            )
        )
        self._citing(verb, sent, len(self.found) - 1)

    def _verb_reading(self, verb: Token, sent: Span, learned: bool) -> CueReading | None:
        """The cue, stance and content of a reporting verb; None when it reports nothing."""
        lemma = verb.lemma_.lower()
        reading = CueReading(cue=verb_cue_extent(verb))
        if faked_to_show(verb) or found_oneself(verb):
            return None
        if verb.dep_ == "conj" and getattr(confirm_or_deny(verb.head), "i", None) == verb.i:
            return None  # "neither confirm nor deny": one decline, read at "confirm"
        if lemma in lexicon.DECLINE_VERBS:
            if not self._read_decline(verb, reading):
                return None
        elif read_confirm_or_deny(verb, reading):
            pass
        elif lemma in lexicon.DENY_VERBS:
            reading.stance = "denies"
            reading.content_root = clause_content(verb)
            reading.content = (
                clause_extent(reading.content_root)
                if reading.content_root is not None
                else object_content(verb)
            )
            if reading.content is None:
                return None
        else:
            if not self._read_assertion(verb, sent, reading):
                return None
            if reading.content is None:
                self._read_fallback_content(verb, sent, learned, reading)
            if reading.content is None:
                return None
            if is_negated(verb):
                read_negation(verb, reading)
        return reading

    def _read_decline(self, verb: Token, reading: CueReading) -> bool:
        """'declined to confirm that ...', 'refused to comment': False when nothing is declined."""
        actions = [
            c for c in children_with(verb, "xcomp") if c.lemma_.lower() in lexicon.DECLINED_ACTIONS
        ]
        objs = children_with(verb, "dobj")
        if actions:
            action = actions[0]
            self.consumed.add(action.i)
            reading.cue = (cue_extent(verb)[0], action.idx + len(action))
            reading.content_root = clause_content(action)
            if reading.content_root is not None:
                reading.content = clause_extent(reading.content_root)
            else:
                reading.content = object_content(action)
            # "declined to confirm or deny that Y"
            if read_confirm_or_deny(action, reading):
                reading.cue = (cue_extent(verb)[0], reading.cue[1])
        elif not (objs and objs[0].lemma_.lower() in lexicon.DECLINED_OBJECTS):
            return False
        reading.stance = "declines"
        return True

    def _read_assertion(self, verb: Token, sent: Span, reading: CueReading) -> bool:
        """What a verb of saying says, from its object or its clause; a content branded
        false ('called the report false') makes it a denial.  False when it reports no
        claim (an embedded question)."""
        false_object = branded_object(verb)
        if false_object is not None:
            reading.stance = "denies"
            reading.content = token_extent(subtree_tokens(false_object))
            reading.content_root = false_object
            return True
        content_root = clause_content(verb)
        reading.content_root = content_root
        if content_root is None:
            reading.content = colon_content(verb, sent)
            return True
        denied = said_false(content_root)
        if denied is not None and denied.pos_ != "PRON":
            reading.stance = "denies"
            reading.content_root = denied
            reading.content = token_extent(subtree_tokens(denied))
        elif (
            is_question(content_root)
            and verb.lemma_.lower() not in ASKING_VERBS
            and not in_segment(content_root.idx, self.segments)
        ):
            return False  # an embedded question reports no claim; a quoted one does
        elif read_past_denial(verb, reading):
            pass
        elif closes_sentence(verb, content_root, sent):
            # "..., the report said.": everything said before the speaker
            subject, _ = subject_of(verb)
            limit = min(verb.i, subject.left_edge.i if subject is not None else verb.i)
            reading.content = token_extent([t for t in sent if t.i < limit])
        elif content_root.i == verb.head.i and (verb.dep_ == "parataxis" or is_as_clause(verb)):
            inner = {t.i for t in verb.subtree}
            tokens = [t for t in content_root.subtree if t.i not in inner]
            reading.content = token_extent(tokens)
        else:
            reading.content = with_conjoined_clause(verb, clause_extent(content_root))
        if reading.content is None:
            reading.content = colon_content(verb, sent)
        return True

    def _read_fallback_content(
        self, verb: Token, sent: Span, learned: bool, reading: CueReading
    ) -> None:
        """When the verb has no clause: a directive, an adjacent quotation, a predicate, an
        intent, the verb's target or (for a learned cue) its passive subject, in that order."""
        lemma = verb.lemma_.lower()
        # a cue the trained model found reads its content like a verb that takes an object
        object_cue = learned or lemma in lexicon.OBJECT_CUE_VERBS
        targets = object_cue and lemma not in lexicon.ASSERT_VERBS
        steps: tuple[Callable[[], bool], ...] = (
            lambda: lemma in lexicon.DIRECTIVE_VERBS and read_directive(verb, reading),
            lambda: not targets and self._read_adjacent_quote(verb, sent, object_cue, reading),
            lambda: learned and verb.pos_ == "AUX" and read_predicate(verb, reading),
            lambda: (learned or lemma in lexicon.INTENT_VERBS) and read_intent(verb, reading),
            lambda: object_cue and verb.pos_ == "VERB" and read_target(verb, reading),
            lambda: targets and self._read_adjacent_quote(verb, sent, False, reading),
            lambda: learned and read_passive_subject(verb, reading),
        )
        for step in steps:
            if step():
                return

    def _read_adjacent_quote(
        self, verb: Token, sent: Span, object_cue: bool, reading: CueReading
    ) -> bool:
        content = self._adjacent_quote(verb, sent)
        if content is None:
            return False
        reading.content = content
        if object_cue and verb.i < verb.right_edge.i:
            # 'called the plan "reckless"': the quote is part of the object
            right_end = verb.right_edge.idx + len(verb.right_edge)
            if verb.idx < content[0] < right_end:
                target = target_content(verb)
                if target is not None and target[0][0] <= content[0] < target[0][1]:
                    reading.content, reading.content_root = target[0], target[1]
        return True

    def _speaker_of(self, verb: Token, sent: Span) -> Speaker:
        """Who says what the verb reports, and who relays it ('quoted X as saying')."""
        relay_of = None
        source_token, passive = subject_of(verb)
        # "quoted two officials as saying that ...": the officials speak, relayed by the quoter
        if verb.dep_ == "pcomp" and verb.head.lower_ == "as":
            quoter = verb.head.head
            objs = children_with(quoter, "dobj")
            if objs:
                source_token = objs[0]
                relay_of = self._candidate_for(quoter, sent, verb)
        if source_token is not None and source_token.dep_ == "expl":
            source_token = None
        source = (
            noun_phrase(source_token, clauses=True, cue=verb) if source_token is not None else None
        )
        notes: dict[str, object] = {}
        if source_token is not None:
            notes["source_name"] = noun_phrase(source_token)
        if (
            source_token is not None
            and source_token.lower_ in RELATIVE_PRONOUNS
            and verb.dep_ == "relcl"
        ):
            # "officials who spoke": the pronoun is the source in the text; the noun it
            # stands for names it
            source_token = verb.head
            notes["source_name"] = noun_phrase(source_token)
        return Speaker(source_token, source, passive, relay_of, notes)

    def _candidate_for(self, quoter: Token, sent: Span, relayed: Token) -> int:
        """Make (or find) the attribution of the verb that quotes someone 'as saying'."""
        for i, cand in enumerate(self.found):
            if cand.cue_token.i == quoter.i:
                return i
        content_root = clause_content(relayed)
        content = clause_extent(content_root) if content_root is not None else None
        subject, _ = subject_of(quoter)
        quote = "indirect"
        if content is not None:
            quote, content = quote_kind(content, self.segments, self.text)
        self.consumed.add(quoter.i)
        self.found.append(
            Candidate(
                cue=(quoter.idx, quoter.idx + len(quoter)),
                source=noun_phrase(subject) if subject is not None else None,
                content=content,
                stance="asserts",
                quote=quote,
                hedged=is_hedged(quoter, content, self.doc),
                sentence=sent,
                cue_token=quoter,
                source_token=subject,
                content_root=content_root,
            )
        )
        return len(self.found) - 1

    def _citing(self, verb: Token, sent: Span, parent: int) -> None:
        """'the paper reported, citing two officials, that ...': the officials, relayed."""
        for child in verb.children:
            if child.lemma_.lower() == "cite" and child.dep_ in ("advcl", "xcomp", "conj", "dep"):
                objs = children_with(child, "dobj")
                if not objs:
                    continue
                self.consumed.add(child.i)
                base = self.found[parent]
                self.found.append(
                    Candidate(
                        cue=(child.idx, child.idx + len(child)),
                        source=noun_phrase(objs[0]),
                        content=base.content,
                        stance=base.stance,
                        quote=base.quote,
                        hedged=base.hedged,
                        sentence=sent,
                        cue_token=child,
                        source_token=objs[0],
                        content_root=base.content_root,
                        relay_of=parent,
                    )
                )

    def _adjacent_quote(self, verb: Token, sent: Span) -> tuple[int, int] | None:
        """A quotation in the verb's sentence that the verb introduces or closes."""
        if not self.segments:
            return None
        start, end = sent.start_char, sent.end_char
        if all(t.is_punct or t.i >= verb.left_edge.i for t in sent if t.i < verb.i):
            # '"...we will win." Tandy said.' is split after the quote by the parser
            start = max(0, start - 3)
        best = None
        for a, b in self.segments:
            if a <= verb.idx < b:
                return None
            if b > start and a < end:
                distance = verb.idx - b if b <= verb.idx else a - verb.idx
                if best is None or distance < best[0]:
                    best = (distance, (a, b))
        if best is None or best[0] >= 60:
            return None
        a, b = best[1]
        # only the verb's own words (its speaker, its time) may stand between
        lo, hi = (b, verb.idx) if b <= verb.idx else (verb.idx + len(verb), a)
        left, right = verb.left_edge.i, verb.right_edge.i
        for tok in self.doc.char_span(lo, hi, alignment_mode="expand") or ():
            if not (tok.is_punct or tok.is_space or left <= tok.i <= right):
                return None
        return a, b

    def _according_to(self, according: Token, sent: Span) -> None:
        to = next(c for c in according.children if c.lower_ == "to")
        objs = children_with(to, "pobj")
        if not objs:
            return
        phrase = subtree_tokens(according)
        source = noun_phrase(objs[0])
        subject = stray_subject(according, objs[0])
        if subject is not None:
            # "According to the Orsk Ledger, Okafor came ...": the name after the comma is the
            # clause's subject, which the parser hung on the outlet
            phrase = [t for t in phrase if t.i < subject.left_edge.i - 1]
            source = token_extent([t for t in phrase if t.i >= objs[0].left_edge.i])
        before = [t for t in sent if t.i < phrase[0].i]
        after = [t for t in sent if t.i > phrase[-1].i]
        content = token_extent(after if len(after) > len(before) else before)
        if content is None:
            return
        quote, content = quote_kind(content, self.segments, self.text)
        root = according.head if according.head.i != according.i else None
        self.found.append(
            Candidate(
                cue=(according.idx, to.idx + len(to)),
                source=source,
                content=content,
                stance="asserts",
                quote="according_to" if quote == "indirect" else quote,
                hedged=is_hedged(according, content, self.doc),
                sentence=sent,
                cue_token=according,
                source_token=objs[0],
                content_root=root,
            )
        )

    def _noun_cue(self, noun: Token, sent: Span) -> None:
        """'the claim that ...', 'iran's denial that ...'."""
        clauses = [
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "appos")
            and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")
        ]
        source_token = None
        for child in noun.children:
            if child.dep_ == "poss":
                source_token = child
            elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
                objs = children_with(child, "pobj")
                source_token = objs[0] if objs else source_token
        cue = (noun.idx, noun.idx + len(noun))
        if clauses:
            content = clause_extent(clauses[0])
            root = clauses[0]
        else:
            # "her criticism of the plan", "his support for the bill": with a named
            # holder only, as a bare "support for the bill" is no one's in particular
            preps = [
                c
                for c in noun.children
                if c.dep_ == "prep" and c.i == noun.i + 1 and c.lower_ in TOPIC_PREPOSITIONS
            ]
            objs = children_with(preps[0], "pobj") if preps else []
            if source_token is None or not objs or source_token.lower_ in ("its",):
                return
            content, root = token_extent(subtree_tokens(objs[0])), objs[0]
            cue = (noun.idx, preps[0].idx + len(preps[0]))
        if content is None:
            return
        quote, content = quote_kind(content, self.segments, self.text)
        stance = "denies" if noun.lemma_.lower() == "denial" else "asserts"
        self.found.append(
            Candidate(
                cue=cue,
                source=noun_phrase(source_token) if source_token is not None else None,
                content=content,
                stance=stance,
                quote=quote,
                hedged=is_hedged(noun, content, self.doc),
                sentence=sent,
                cue_token=noun,
                source_token=source_token,
                content_root=root,
            )
        )


def _known_as(verb: Token) -> bool:
    """'the militant known as "the Ferryman"', 'Tom, as he is known, said': a name given, not
    something known or said."""
    if verb.lemma_.lower() not in lexicon.NAMING_VERBS:
        return False
    named = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
    return named or (is_as_clause(verb) and bool(children_with(verb, "auxpass")))


def find_candidates(
    doc: Doc,
    *,
    join_quotes: bool = False,
    cue_scores: Sequence[float] | None = None,
    thresholds: tuple[float, float] = (0.5, 0.0),
) -> list[Candidate]:
    """Every attribution the rules find in one parsed paragraph, in text order.

    ``join_quotes`` makes a quotation interrupted by its cue one content.  ``cue_scores``
    (one per token, from a trained cue model) adds cues the word lists lack: with
    ``thresholds=(accept, veto)`` a verb or noun scoring at least ``accept`` is read as a
    cue, and any word scoring below ``veto`` is not."""
    return _SentenceRules(doc, join_quotes, cue_scores, thresholds).run()
