"""The verdict rules of :mod:`tracker.check`: what one sentence does with a claim, and
which verdict an article's evidence adds up to.

A sentence about the claim is read, in this order, as a source's denial; a refutation,
correction or doubt in the article's own voice ("a hoax", "actually", "cast doubt"); a
contrary statement ("the dam did not burst", "nobody was hurt", "X says no threats were
made"); a source declining to confirm; a hedge ("reportedly"); a claim passed on as a
headline passes it on (a source set off by a colon, quotation marks, a question); a
source's attribution; or a plain assertion.

A short text (a headline, a lead of a few sentences) is decided by its best-matching
sentence.  A longer one by the weight of its evidence and how many of its sentences
refute; it reports the claim when enough of its sentences hedge or when its matching
sentences mostly pass the claim on (hedged or attributed) rather than state it.  A denial of
the claim below a longer text's lead passes the denial on ("... the ministry denied it" in
the eighth paragraph of a report); one that refutes the claim says so at its top.  A claim
that only passes a proposition on ("Police: the dam burst", "Did the dam burst?", "the dam
reportedly burst") is reported by an article stating the proposition or refuting it.  Every
verdict lists the sentences that decided it (:func:`deciding_evidence`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from tracker import lexicon
from tracker.check.headline import confirmation, off_claim_refutation, scare_quote
from tracker.check.records import CheckSettings, Evidence
from tracker.check.text import (
    WEAK_CUES,
    ParsedArticle,
    ParsedClaim,
    ParsedSentence,
    affirming_answer,
    headline_refutation,
    is_claim_word,
    refutes,
    verb_forms,
)
from tracker.model import Attribution

__all__ = ["read_sentence", "decide", "deciding_evidence", "nearest_evidence", "RELAY_CUES"]

#: The cue an evidence names for a sentence that passes a claim on as headlines do.
RELAY_CUES = {"says": ":", "quoted": "'", "question": "?", "tail": "-"}


def _text(span) -> str | None:
    return span.text if span is not None else None


def _evidence(
    sentence: ParsedSentence,
    stance: str,
    cue: str | None,
    sim: float,
    article_id: str,
    source: str | None = None,
) -> Evidence:
    return Evidence(
        source, stance, cue, sentence.text, sim, article_id, sentence.start, sentence.end
    )


def _said(
    record: Attribution, stance: str, sentence: ParsedSentence, sim: float, article_id: str
) -> Evidence:
    """Evidence from an attribution: its source and cue."""
    source = record.source_name or _text(record.source)
    return _evidence(sentence, stance, record.cue.text, sim, article_id, source)


def _first_source(sentence: ParsedSentence) -> str | None:
    return next((r.source_name or _text(r.source) for r, _ in sentence.attributions), None)


def read_sentence(
    claim: ParsedClaim,
    sentence: ParsedSentence,
    sim: float,
    article_id: str,
    *,
    short: bool = False,
) -> Evidence:
    """What one sentence about the claim does with it.  In a ``short`` text (a headline)
    a denial verb or a "not" anywhere in the sentence counts."""
    if sentence.relayed != "says" and any(r.cue.text == ":" for r, _ in sentence.attributions):
        # "Update: ...", "Astrin: ...": a label or a place before a colon is no source
        kept = tuple((r, sig) for r, sig in sentence.attributions if r.cue.text != ":")
        sentence = replace(sentence, attributions=kept)
    for record, _signature in sentence.attributions:
        if record.stance == "denies":
            return _said(record, "denies", sentence, sim, article_id)
    if short and sentence.denial and not claim.negative:
        return _evidence(
            sentence, "denies", sentence.denial, sim, article_id, _first_source(sentence)
        )
    if short and not claim.negative:
        # headline register: "Rumours sweep the web, but no sign in Astrin", "Sites fall for
        # a fake video", "If only the dam had burst"
        cue = headline_refutation(sentence.text, claim.terms)
        if cue is not None:
            return _evidence(sentence, "denies", cue, sim, article_id, _first_source(sentence))
    refutation = sentence.refutation
    if short and refutation and _off_claim(claim, sentence, refutation):
        refutation = None  # "fired over a fabricated story": something else is false
    refutation = refutation or sentence.correction or sentence.doubt
    if refutation and not (claim.negative and sentence.refutation):
        return _evidence(sentence, "denies", refutation, sim, article_id, _first_source(sentence))
    if not (claim.signature.negated or claim.negative):
        # a contrary statement: "X refrains from such actions", "the bodies were not ..."
        for record, signature in sentence.attributions:
            if signature is not None and signature.negated and not signature.directive:
                return _said(record, "denies", sentence, sim, article_id)
        negation = sentence.negation or (sentence.negated_word if short else None)
        if negation:
            # "nobody was hurt", "X says no threats were made", "X: Y not banned"
            source = _first_source(sentence)
            return _evidence(sentence, "denies", negation, sim, article_id, source)
        if sentence.signature.negated and not sentence.attributions:
            return _evidence(sentence, "denies", "not", sim, article_id)
    for record, _signature in sentence.attributions:
        if record.stance == "declines":
            return _said(record, "declines", sentence, sim, article_id)
    if sentence.hedge:
        return _evidence(
            sentence, "reports", sentence.hedge, sim, article_id, _first_source(sentence)
        )
    if short and sentence.relayed in ("says", "tail") and (said := confirmation(sentence.text)):
        # "Dam burst confirmed: police", "Police: dam burst verified": the source vouches
        return _evidence(sentence, "asserts", said, sim, article_id, _first_source(sentence))
    for record, _signature in sentence.attributions:
        cue = record.cue.text.lower().split()[0] if record.cue.text else ""
        endorsing = any(cue.startswith(c[:5]) for c in lexicon.ENDORSING_CUES)
        # in a headline, a cue that is the claim's own verb states the claim: "Tom Brokaw
        # wants Brian Williams fired" against the claim that he wants it
        endorsing = endorsing or (short and _claims_own_verb(claim, sentence, cue))
        endorsing = endorsing or (short and not sentence.relayed and _intends(record, cue))
        stance = "asserts" if endorsing and not record.hedged else "reports"
        return _said(record, stance, sentence, sim, article_id)
    if sentence.relayed:
        return _evidence(sentence, "reports", RELAY_CUES[sentence.relayed], sim, article_id)
    events = claim.terms - claim.names
    if short and scare_quote(sentence.text, lambda word: is_claim_word(word, events)):
        # "Militants 'steal' planes": the claim's own word kept at a distance
        return _evidence(sentence, "reports", RELAY_CUES["quoted"], sim, article_id)
    return _evidence(sentence, "asserts", None, sim, article_id)


def _off_claim(claim: ParsedClaim, sentence: ParsedSentence, refutation: str) -> bool:
    """Whether a headline's refuting word calls something else false than the claim."""
    return off_claim_refutation(
        sentence.text, refutation, lambda word: is_claim_word(word, claim.terms)
    )


def _claims_own_verb(claim: ParsedClaim, sentence: ParsedSentence, cue: str) -> bool:
    """Whether a headline's cue is the claim's own verb ("wants", "plans"), not a verb of
    saying, in a headline that does not pass it on ("...: report")."""
    return (
        not sentence.relayed
        and not _says(cue)
        and (
            is_claim_word(cue, claim.signature.predicates)
            # "asks" for a claim's "asked", which the light stemmer keeps whole
            or any(cue in verb_forms(verb) for verb in claim.signature.predicates)
        )
    )


def _intends(record: Attribution, cue: str) -> bool:
    """Whether a headline's cue is a verb of intending or acting rather than of saying,
    with a to-clause as its content ("Pell offers to sell the ferry line", "Pell wants to
    move the festival"): the headline states what someone does, not what they say."""
    content = record.content.text.lower() if record.content else ""
    return content.startswith("to ") and not _says(cue)


def _says(cue: str) -> bool:
    """Whether a cue is a verb of saying in any inflection ("says", "claimed")."""
    return any(cue.startswith(v) and len(cue) - len(v) <= 3 for v in lexicon.ASSERT_VERBS)


def _is_short(parsed: ParsedArticle, settings: CheckSettings) -> bool:
    return len(parsed.sentences) <= settings.short_text


def decide(
    claim: ParsedClaim, evidence: Sequence[Evidence], parsed: ParsedArticle, settings: CheckSettings
) -> str:
    """The verdict of an article related to the claim, from its evidence (best first)."""
    short = _is_short(parsed, settings)
    # a denial among the matching sentences, wherever it stands: what a claim that is itself
    # a denial ("Ministry denies that the dam burst") is about
    carries_denial = any(e.stance == "denies" for e in evidence)
    if not short:
        evidence = _denials_in_lead(evidence, parsed, settings)
    weight: dict[str, float] = defaultdict(float)
    for e in evidence:
        weight[e.stance] += e.similarity
    sentences = max(len(parsed.sentences), 1)
    lead = evidence[0] if evidence else None
    if lead is not None and short:
        # a headline or a few lines: any denial of the claim decides, else the sentence
        # that states the claim best
        # not a sentence that calls something else false ("fired over a fabricated story")
        refutes_it = any(e.stance == "denies" for e in evidence) or any(
            refutes(s) and not (s.refutation and _off_claim(claim, s, s.refutation))
            for s in parsed.sentences
        )
        # a headline is one line, which the parser may cut in pieces ("Farmer Reportedly
        # Had | His Tractor Stolen"): a hedge in any piece hedges it
        one_line = "\n" not in parsed.article.text.strip()
        hedges = lead.stance in ("reports", "declines") or (one_line and parsed.hedged > 0)
        # "Did Pell quit? Council files case against him": a question of the claim's event
        # in any piece of a one-line text passes it on, whichever piece matches best
        hedges = hedges or (one_line and _asks_the_event(claim, parsed.sentences))
        # "That letter from 1974? It's real": a question answered yes confirms
        hedges = hedges and affirming_answer(parsed.sentences) is None
    else:
        refutes_it = (
            weight["denies"] >= settings.deny
            or bool(lead and lead.stance == "denies" and lead.cue not in WEAK_CUES)
            or parsed.refuting >= settings.refuting_sentences
            or parsed.refuting / sentences >= settings.refuting_share
        )
        # hedged or attributed: many hedges, or matching sentences that mostly pass the
        # claim on rather than state it
        reported = weight["reports"] + weight["declines"]
        hedges = parsed.hedged / sentences >= settings.hedged_share or (
            weight["reports"] > 0 and reported > settings.reported_over_asserted * weight["asserts"]
        )
    if claim.negative:
        # the claim is a denial: an article refuting what it denies, or passing a denial
        # of it on, agrees with it, hedged or not
        if refutes_it or carries_denial or parsed.refuting >= settings.echoed_refutations:
            return "supports"
        if not hedges and weight["asserts"] >= settings.flip_assertion:
            return "denies"
        return "reports" if hedges else "supports"
    if claim.relayed:
        # a claim that only passes a proposition on ("Police: the dam burst", "Did the dam
        # burst?", "the dam reportedly burst") says that it was said or asked: an article
        # stating the proposition or refuting it neither confirms nor denies that, it
        # reports the claim
        return "reports"
    if refutes_it:
        return "denies"
    return "reports" if hedges else "supports"


def _asks_the_event(claim: ParsedClaim, sentences: Sequence[ParsedSentence]) -> bool:
    """Whether one of ``sentences`` is a question holding one of the claim's words that are
    not names (its event, not only who it is about: not "Sweet tooth? ...")."""
    events = claim.terms - claim.names
    return any(s.relayed == "question" and s.terms & events for s in sentences)


def _denials_in_lead(
    evidence: Sequence[Evidence], parsed: ParsedArticle, settings: CheckSettings
) -> list[Evidence]:
    """A longer text's evidence as the verdict weighs it: a denial of the claim after the
    text's first ``settings.denial_lead`` sentences passes the denial on, as a report that
    adds "X denied it" further down does; an article refuting a claim says so at its top."""
    if len(parsed.sentences) <= settings.denial_lead:
        return list(evidence)
    lead_end = parsed.sentences[settings.denial_lead - 1].end
    return [
        replace(e, stance="reports")
        if e.stance == "denies" and e.start is not None and e.start >= lead_end
        else e
        for e in evidence
    ]


def deciding_evidence(
    claim: ParsedClaim,
    verdict: str,
    evidence: Sequence[Evidence],
    parsed: ParsedArticle,
    similarities: Sequence[float],
    settings: CheckSettings,
) -> tuple[Evidence, ...]:
    """The evidence to list with ``verdict``: the matching sentences, and where none of them
    shows what decided it (the article refutes or hedges in sentences that do not match the
    claim, or no sentence matches it), the sentences that did, closest to the claim first.
    For ``unrelated``, the sentence closest to the claim (:func:`nearest_evidence`)."""
    if verdict == "unrelated":
        return nearest_evidence(parsed, similarities)
    wanted = {"supports": ("asserts",), "denies": ("denies",), "reports": ("reports", "declines")}
    if claim.negative and verdict != "reports":
        # a claim that is itself a denial: refuting what it denies supports it
        wanted = {"supports": ("denies",), "denies": ("asserts",)}
    if any(e.stance in wanted[verdict] for e in evidence):
        return tuple(evidence)
    article_id = parsed.article.id
    if "denies" in wanted[verdict]:
        chosen = [k for k, s in enumerate(parsed.sentences) if refutes(s)]
    elif verdict == "reports":
        chosen = [k for k, s in enumerate(parsed.sentences) if s.hedge]
        if not chosen and len(parsed.sentences) <= settings.short_text:
            chosen = [k for k, s in enumerate(parsed.sentences) if _asks_the_event(claim, [s])]
    else:
        chosen = []
    answer = affirming_answer(parsed.sentences) if verdict == "supports" else None
    if answer is not None and len(parsed.sentences) <= settings.short_text:
        sim = similarities[parsed.sentences.index(answer)]
        said = answer.text.lower().translate(str.maketrans("’", "'")).strip(" ,.!")
        return (*evidence, _evidence(answer, "asserts", said, sim, article_id))
    if not chosen:
        if evidence:
            return tuple(evidence)
        chosen = list(range(len(parsed.sentences)))
    ranked = sorted(chosen, key=lambda k: (-similarities[k], k))
    extra = []
    for k in ranked[: max(1, settings.max_matches - len(evidence))]:
        sentence, sim = parsed.sentences[k], similarities[k]
        source = _first_source(sentence)
        if "denies" in wanted[verdict]:
            record = next((r for r, _ in sentence.attributions if r.stance == "denies"), None)
            if record is not None:
                extra.append(_said(record, "denies", sentence, sim, article_id))
            else:
                cue = sentence.refutation or sentence.doubt
                extra.append(_evidence(sentence, "denies", cue, sim, article_id, source))
        elif verdict == "reports":
            cue = sentence.hedge or (RELAY_CUES["question"] if sentence.relayed else None)
            extra.append(_evidence(sentence, "reports", cue, sim, article_id, source))
        else:
            short = len(parsed.sentences) <= settings.short_text
            extra.append(read_sentence(claim, sentence, sim, article_id, short=short))
    return (*evidence, *extra)


def nearest_evidence(parsed: ParsedArticle, similarities: Sequence[float]) -> tuple[Evidence, ...]:
    """For an unrelated article: its sentence closest to the claim, with its score (none
    when no sentence shares anything with the claim)."""
    if not parsed.sentences or not similarities or max(similarities) <= 0:
        return ()
    best = max(range(len(similarities)), key=lambda k: (similarities[k], -k))
    sentence = parsed.sentences[best]
    return (_evidence(sentence, "nearest", None, similarities[best], parsed.article.id),)
