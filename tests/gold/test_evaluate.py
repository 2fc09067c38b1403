"""Tests for tracker.gold.evaluate: reading brat gold, matching spans, scoring and reports.

Every article and name in these tests and in tests/synthetic_brat.py is synthetic.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.synthetic_brat import write_corpus as write_synthetic_corpus
from tracker.errors import EvaluationError
from tracker.gold.brat import GoldArticle, GoldAttribution, GoldSpan, load_gold_corpus
from tracker.gold.evaluate import (
    EvalReport,
    RoleScores,
    evaluate_extractor,
    gold_article,
    score_predictions,
)
from tracker.model import Article, Attribution, Span

CORPUS: Path  # the synthetic corpus, written by the fixture below


@pytest.fixture(scope="module", autouse=True)
def synthetic_corpus(tmp_path_factory):
    global CORPUS
    CORPUS = write_synthetic_corpus(tmp_path_factory.mktemp("brat") / "corpus")
    return CORPUS


def gold_span(text: str, *fragments: tuple[int, int]) -> GoldSpan:
    return GoldSpan.from_text(text, fragments)


def span_of(text: str, part: str, start: int = 0) -> Span:
    at = text.index(part, start)
    return Span(at, at + len(part), part)


def predicted(
    text: str, article_id: str, cue: str, content: str | None, source: str | None = None, n: int = 0
) -> Attribution:
    return Attribution(
        id=f"p{n}",
        article_id=article_id,
        source=span_of(text, source) if source else None,
        cue=span_of(text, cue),
        content=span_of(text, content) if content else None,
    )


# -- reading brat ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus() -> dict[str, GoldArticle]:
    return {article.id: article for article in load_gold_corpus(CORPUS)}


def test_corpus_reads_every_article_in_sorted_order():
    articles = load_gold_corpus(CORPUS)
    assert [a.id for a in articles] == ["harbour-vote", "library-hours"]
    assert [len(a.attributions) for a in articles] == [3, 4]
    assert articles[0].path == str(CORPUS / "text" / "harbour-vote.txt")
    assert articles[0].text.startswith("Harbour council delays ferry vote\n")


def test_first_annotator_file_in_sorted_order_is_used(corpus):
    library = corpus["library-hours"]
    assert library.annotation_path == str(CORPUS / "attributions" / "library-hours_a1.ann")
    assert len(library.attributions) == 4  # the _z9 file holds a single relation


def test_limit_keeps_the_first_articles():
    assert [a.id for a in load_gold_corpus(CORPUS, limit=1)] == ["harbour-vote"]
    with pytest.raises(EvaluationError, match=r"^limit must be 1 or more, got 0$"):
        load_gold_corpus(CORPUS, limit=0)


def test_plain_attribution(corpus):
    first = corpus["harbour-vote"].attributions[0]
    assert first.source == GoldSpan(((35, 56),), "Councillor Mira Tandy")
    assert first.cue == GoldSpan(((57, 61),), "said")
    assert first.content == GoldSpan(
        ((62, 115),), "the ferry contract \u201cneeds another month of scrutiny.\u201d"
    )


def test_discontinuous_span_keeps_its_fragments_in_text_order(corpus):
    # Written "163 192;117 135" in the .ann file.
    content = corpus["harbour-vote"].attributions[1].content
    assert content.fragments == ((117, 135), (163, 192))
    assert content.text == "The port authority has already ordered two boats"
    assert (content.start, content.end, content.discontinuous) == (117, 192, True)


def test_event_may_refer_to_spans_defined_after_it(corpus):
    third = corpus["harbour-vote"].attributions[2]
    assert (third.source.text, third.cue.text) == ("Tandy", "added")


def test_attribution_no_source_and_span_over_a_line_break(corpus):
    reported = corpus["library-hours"].attributions[1]
    assert reported.source is None
    assert reported.cue.text == "was reported"
    assert reported.content == GoldSpan(
        ((141, 183),), "the reading room\nwill also shut on Sundays"
    )


def test_content2_merges_into_the_content(corpus):
    wrote = corpus["library-hours"].attributions[2]
    assert wrote.content.fragments == ((185, 197), (224, 240))
    assert wrote.content.text == '"The hours," "are temporary."'


def test_event_with_only_its_anchor_uses_the_anchor_as_cue(corpus):
    anchor_only = corpus["library-hours"].attributions[3]
    assert anchor_only == GoldAttribution(
        None, GoldSpan(((252, 272),), "is drawing criticism"), None
    )


def test_gold_records_round_trip(corpus):
    for attribution in corpus["harbour-vote"].attributions:
        assert GoldAttribution.from_dict(attribution.to_dict()) == attribution
    assert corpus["harbour-vote"].attributions[1].content.to_dict() == {
        "start": 117,
        "end": 192,
        "fragments": [[117, 135], [163, 192]],
        "text": "The port authority has already ordered two boats",
    }


QUILL = "Ada Quill said the dam leaks."


def write_corpus(root: Path, ann: str, text: str = QUILL) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "quill.txt").write_text(text, encoding="utf-8")
    path = root / "attributions" / "quill_a1.ann"
    path.write_text(ann, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        (
            "T1\tCue 10 x\tsaid\n",
            "1: T1 has offsets '10 x'; write '<start> <end>' pairs separated by ';'",
        ),
        (
            "T1\tSpeaker 10 14\tsaid\n",
            "1: T1 has unknown label 'Speaker'; expected one of Source, Cue, Content, "
            "Attribution, Attribution-no-source, Discuss, Discard",
        ),
        (
            "T1\tCue 10 14\tsays\n",
            "1: T1 reads 'says' but the text at 10-14 is 'said'; the .ann file does not "
            "belong to this version of quill.txt",
        ),
        (
            "T1\tCue 10 99\tsaid\n",
            "1: T1 spans 10-99, outside quill.txt (29 characters); the .ann file does not "
            "belong to this text",
        ),
        (
            "T1\tCue 10 14\tsaid\nT1\tCue 10 14\tsaid\n",
            "2: T1 is defined twice; give each T line its own id",
        ),
        (
            "T1 Cue 10 14 said\n",
            "1: cannot read 'T1 Cue 10 14 said'; a T line is "
            "'T<n><TAB><Label> <start> <end>[;<start> <end>...]<TAB><text>'",
        ),
        (
            "T1\tCue 10 14\tsaid\nE1\tAttribution:T2 Cue:T1\n",
            "2: E1 refers to T2, which the file does not define",
        ),
        (
            "T1\tCue 10 14\tsaid\nE1\tCue:T1\n",
            "2: E1 starts with 'Cue:T1'; an attribution starts with 'Attribution:T<n>' "
            "or 'Attribution-no-source:T<n>'",
        ),
        (
            "T1\tCue 10 14\tsaid\nE1\tAttribution:T1 Speaker:T1\n",
            "2: E1 has argument 'Speaker:T1'; expected Source:T<n>, Cue:T<n>, Content:T<n> "
            "or Content2:T<n>",
        ),
        (
            "T1\tCue 10 14\tsaid\nE1\n",
            "2: cannot read 'E1'; an E line is "
            "'E<n><TAB>Attribution:T<a> Source:T<s> Cue:T<c> Content:T<x>'",
        ),
        (
            "T1\tCue 10 14\tsaid\nthe dam leaks\n",
            "2: cannot read 'the dam leaks'; expected a brat line such as "
            "'T1<TAB>Cue 10 14<TAB>said' or 'E1<TAB>Attribution:T2 Cue:T1'",
        ),
    ],
)
def test_malformed_lines_name_file_and_line(tmp_path, ann, message):
    path = write_corpus(tmp_path, ann)
    with pytest.raises(EvaluationError) as caught:
        load_gold_corpus(tmp_path)
    assert str(caught.value) == f"{path}:{message}"


def test_notes_attributes_and_blank_lines_are_skipped(tmp_path):
    ann = "#1\tAnnotatorNotes T1\tsure?\nA1\tNegated E1\n\nT1\tCue 10 14\tsaid\n"
    write_corpus(tmp_path, ann + "E1\tAttribution:T1\n")
    (article,) = load_gold_corpus(tmp_path)
    assert article.attributions == (GoldAttribution(None, GoldSpan(((10, 14),), "said"), None),)


def test_layout_errors(tmp_path):
    with pytest.raises(EvaluationError) as caught:
        load_gold_corpus(tmp_path / "missing")
    assert str(caught.value) == (
        f"{tmp_path / 'missing'}: no such folder; "
        "give the folder that holds text/ and attributions/"
    )
    (tmp_path / "text").mkdir()
    with pytest.raises(EvaluationError) as caught:
        load_gold_corpus(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path}: no attributions/ folder; a gold folder holds text/<article>.txt "
        "and attributions/<article>_<annotator>.ann"
    )
    (tmp_path / "attributions").mkdir()
    with pytest.raises(EvaluationError) as caught:
        load_gold_corpus(tmp_path)
    assert str(caught.value) == f"{tmp_path / 'text'}: no .txt articles found"


def test_annotation_without_text_and_text_without_annotation(tmp_path):
    path = write_corpus(tmp_path, "")
    path.rename(tmp_path / "attributions" / "other_a1.ann")
    with pytest.raises(EvaluationError) as caught:
        load_gold_corpus(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'attributions' / 'other_a1.ann'}: no text file "
        f"{tmp_path / 'text' / 'other.txt'}; add the article's text or remove the annotation file"
    )
    (tmp_path / "attributions" / "other_a1.ann").unlink()
    with pytest.raises(EvaluationError) as caught:
        load_gold_corpus(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'text' / 'quill.txt'}: no annotation file "
        f"{tmp_path / 'attributions' / 'quill_<annotator>.ann'}; add one (it may be empty)"
    )


def test_text_that_is_not_utf8(tmp_path):
    write_corpus(tmp_path, "")
    (tmp_path / "text" / "quill.txt").write_bytes(b"Ada \xff said")
    with pytest.raises(EvaluationError) as caught:
        load_gold_corpus(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path / 'text' / 'quill.txt'}: not UTF-8 (invalid start byte at byte 4); "
        "save it as UTF-8"
    )


# -- matching spans --------------------------------------------------------------------


def content_matches(text: str, gold: GoldSpan, pred: Span) -> tuple[int, int]:
    """(exact tp, overlap tp) of one gold content against one predicted content."""
    article = GoldArticle("a", text, (GoldAttribution(None, gold, gold),), "a.txt")
    guess = Attribution("p", "a", None, pred, pred)
    roles = score_predictions([article], {"a": [guess]}).roles["content"]
    return roles["exact"].tp, roles["overlap"].tp


SPEECH = "Rhee told them: \u201cRepeat after me.\u201d (The lake is low), she said -- twice."


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("\u201cRepeat after me.\u201d", "Repeat after me", (1, 1)),
        ("Repeat after me", "\u201cRepeat after me.\u201d ", (1, 1)),
        ("(The lake is low),", "The lake is low", (1, 1)),
        ("told them:", "told them", (1, 1)),
        ("Repeat after me", "Repeat after", (0, 1)),
        ("Repeat", "peat", (0, 1)),  # shares word characters inside one token
        ("\u201cRepeat after me.\u201d", ".\u201d (The lake", (0, 0)),  # no shared word character
        ("--", "--", (1, 1)),  # no word characters: compared as they are
        ("--", "- ", (0, 1)),
    ],
)
def test_exact_and_overlap_matching(gold, pred, expected):
    at = SPEECH.index(gold)
    gold = gold_span(SPEECH, (at, at + len(gold)))
    assert content_matches(SPEECH, gold, span_of(SPEECH, pred)) == expected


def test_discontinuous_gold_exact_uses_trimmed_overall_extent():
    text = "\u201cThe lake,\u201d Rhee said, \u201cis low.\u201d"
    quoted = text.index(" Rhee"), text.index("\u201cis")
    gold = gold_span(text, (0, quoted[0]), (quoted[1], len(text)))
    whole = Span(1, len(text) - 1, text[1:-1])
    second = span_of(text, "is low")
    assert content_matches(text, gold, whole) == (1, 1)
    assert content_matches(text, gold, second) == (0, 1)
    # Overlap counts only the fragments: the gap between them is not part of the span.
    assert content_matches(text, gold, span_of(text, "Rhee said")) == (0, 0)


def test_one_predicted_span_matches_one_gold_span():
    text = "Quill said the dam leaks and the bridge is safe."
    dam, bridge = span_of(text, "the dam leaks"), span_of(text, "the bridge is safe")
    said, quill = span_of(text, "said"), span_of(text, "Quill")
    gold = GoldArticle(
        "a",
        text,
        tuple(
            GoldAttribution(
                gold_span(text, (quill.start, quill.end)),
                gold_span(text, (said.start, said.end)),
                gold_span(text, (part.start, part.end)),
            )
            for part in (dam, bridge)
        ),
        "a.txt",
    )
    both = span_of(text, "the dam leaks and the bridge is safe")
    report = score_predictions([gold], {"a": [Attribution("p", "a", quill, said, both)]})
    # The shared source and cue count once on the gold side.
    assert report.roles["source"]["exact"] == RoleScores(tp=1, fp=0, fn=0)
    assert report.roles["cue"]["overlap"] == RoleScores(tp=1, fp=0, fn=0)
    assert report.roles["content"]["overlap"] == RoleScores(tp=1, fp=0, fn=1)
    assert report.relation == RoleScores(tp=1, fp=0, fn=1)
    # The better-overlapping gold content is the one matched: "the bridge is safe".
    assert [m.content.text for m in report.errors[0].missed] == ["the dam leaks"]


# -- relations -------------------------------------------------------------------------

PORT = "Harbour staff say the crane failed. The crane failed, it was reported."


def port_gold(with_source: bool) -> GoldArticle:
    text = PORT
    if with_source:
        attribution = GoldAttribution(
            gold_span(text, (0, 13)), gold_span(text, (14, 17)), gold_span(text, (18, 34))
        )
    else:
        cue = span_of(text, "was reported")
        content = span_of(text, "The crane failed")
        attribution = GoldAttribution(
            None,
            gold_span(text, (cue.start, cue.end)),
            gold_span(text, (content.start, content.end)),
        )
    return GoldArticle("port", text, (attribution,), "port.txt")


@pytest.mark.parametrize(
    ("with_source", "guess", "found"),
    [
        (True, ("say", "the crane failed", "Harbour staff"), True),
        (True, ("say", "crane", "staff"), True),
        (True, ("say", "the crane failed", None), False),
        (True, ("say", "the crane failed", "it"), False),
        (True, ("say", None, "Harbour staff"), False),
        (True, ("was reported", "the crane failed", "Harbour staff"), False),
        (False, ("reported", "The crane failed", None), True),
        (False, ("reported", "The crane failed", "it"), False),
        (False, ("reported", "the crane failed", None), False),
    ],
)
def test_relation_needs_cue_content_and_source_to_agree(with_source, guess, found):
    cue, content, source = guess
    pred = predicted(PORT, "port", cue, content, source)
    relation = score_predictions([port_gold(with_source)], {"port": [pred]}).relation
    assert relation == (RoleScores(1, 0, 0) if found else RoleScores(0, 1, 1))


def test_predictions_for_other_articles_are_ignored_and_missing_ones_count_as_none():
    gold = port_gold(True)
    stray = predicted(PORT, "elsewhere", "say", "the crane failed", "Harbour staff")
    report = score_predictions([gold], {"elsewhere": [stray]})
    assert (report.predicted, report.relation) == (0, RoleScores(0, 0, 1))


def test_predicted_span_outside_the_text_is_an_error():
    bad = Attribution("p7", "port", None, Span(60, 90, "x"), None)
    with pytest.raises(EvaluationError) as caught:
        score_predictions([port_gold(True)], {"port": [bad]})
    assert str(caught.value) == (
        "prediction p7 for article port: cue span 60-90 lies outside the article text "
        "(70 characters); offsets must index the gold text"
    )


def test_role_scores_figures():
    scores = RoleScores(tp=3, fp=1, fn=2)
    assert (scores.predicted, scores.gold) == (4, 5)
    assert (scores.precision, scores.recall) == (0.75, 0.6)
    assert round(scores.f1, 6) == round(2 * 0.75 * 0.6 / 1.35, 6)
    assert (RoleScores().precision, RoleScores().recall, RoleScores().f1) == (0.0, 0.0, 0.0)
    assert scores + RoleScores(1, 1, 1) == RoleScores(4, 2, 3)


# -- end to end ------------------------------------------------------------------------

#: What the fake extractor "finds": (source, cue, content) strings, located by search.
GUESSES = {
    "harbour-vote": [
        (
            "Councillor Mira Tandy",
            "said",
            "the ferry contract \u201cneeds another month of scrutiny",
        ),
        ("spokesman", "according to", "has already ordered two boats"),
        (None, "added", "We will not be rushed"),
        ("The port authority", "ordered", "two boats"),
    ],
    "library-hours": [
        ("a memo", "shows", "The city library will close at six on weekdays"),
        (None, "reported", "the reading room"),
    ],
}


def fake_extract(article: Article) -> list[Attribution]:
    found = []
    for n, (source, cue, content) in enumerate(GUESSES.get(article.id, [])):
        cue_from = article.text.index("\n")  # past the headline, which may repeat the cue
        found.append(
            Attribution(
                f"p{n}",
                article.id,
                span_of(article.text, source) if source else None,
                span_of(article.text, cue, cue_from),
                span_of(article.text, content) if content else None,
            )
        )
    return found


@pytest.fixture(scope="module")
def report() -> EvalReport:
    return evaluate_extractor(CORPUS, fake_extract)


def test_evaluate_extractor_end_to_end(report):
    assert (report.articles, report.gold, report.predicted) == (2, 7, 6)
    figures = {
        (role, match): (s.tp, s.predicted, s.gold, round(s.precision, 3), round(s.recall, 3))
        for role, by_match in report.roles.items()
        for match, s in by_match.items()
    }
    assert figures == {
        ("source", "exact"): (1, 4, 5, 0.25, 0.2),
        ("source", "overlap"): (3, 4, 5, 0.75, 0.6),
        ("cue", "exact"): (4, 6, 7, 0.667, 0.571),
        ("cue", "overlap"): (5, 6, 7, 0.833, 0.714),
        ("content", "exact"): (3, 6, 6, 0.5, 0.5),
        ("content", "overlap"): (5, 6, 6, 0.833, 0.833),
    }
    assert report.roles["source"]["exact"].f1 == pytest.approx(2 / 9)
    assert report.roles["cue"]["exact"].f1 == pytest.approx(8 / 13)
    assert report.roles["content"]["overlap"].f1 == pytest.approx(5 / 6)
    assert report.relation == RoleScores(tp=4, fp=2, fn=3)
    assert report.relation.f1 == pytest.approx(8 / 13)


def test_evaluate_extractor_reports_progress_and_honours_limit():
    calls = []
    report = evaluate_extractor(CORPUS, fake_extract, limit=1, progress=lambda *a: calls.append(a))
    assert calls == [(1, 1)]
    assert (report.articles, report.gold, report.predicted) == (1, 3, 4)


def test_extractor_sees_the_gold_text_and_id():
    seen = []
    evaluate_extractor(CORPUS, lambda article: seen.append(article) or ())
    gold = load_gold_corpus(CORPUS)
    assert [(a.id, a.text) for a in seen] == [(g.id, g.text) for g in gold]


def test_to_dict_shape(report):
    data = report.to_dict()
    assert list(data) == ["articles", "gold", "predicted", "roles", "relation", "errors"]
    assert list(data["roles"]) == ["source", "cue", "content"]
    assert list(data["roles"]["cue"]) == ["exact", "overlap"]
    assert data["roles"]["cue"]["exact"] == {
        "tp": 4,
        "fp": 2,
        "fn": 3,
        "predicted": 6,
        "gold": 7,
        "precision": 0.667,
        "recall": 0.571,
        "f1": 0.615,
    }
    assert data["relation"]["f1"] == 0.615
    assert [e["article_id"] for e in data["errors"]] == ["harbour-vote", "library-hours"]
    spurious = data["errors"][0]["spurious"][0]
    assert spurious == {
        "id": "p2",
        "source": None,
        "cue": {"start": 226, "end": 231, "text": "added"},
        "content": {"start": 196, "end": 217, "text": "We will not be rushed"},
    }
    assert data["errors"][1]["missed"][1] == {
        "source": None,
        "cue": {
            "start": 252,
            "end": 272,
            "fragments": [[252, 272]],
            "text": "is drawing criticism",
        },
        "content": None,
    }
    assert "errors" not in report.to_dict(include_errors=False)


def test_format_table(report):
    assert report.format_table() == (
        "PolNeAR-style evaluation: 2 articles, 7 gold attributions, 6 predicted\n"
        "\n"
        "role      match    precision  recall  f1     tp/pred/gold\n"
        "source    exact    0.250      0.200   0.222  1/4/5\n"
        "source    overlap  0.750      0.600   0.667  3/4/5\n"
        "cue       exact    0.667      0.571   0.615  4/6/7\n"
        "cue       overlap  0.833      0.714   0.769  5/6/7\n"
        "content   exact    0.500      0.500   0.500  3/6/6\n"
        "content   overlap  0.833      0.833   0.833  5/6/6\n"
        "relation  overlap  0.667      0.571   0.615  4/6/7"
    )


def test_format_errors(report):
    assert report.format_errors() == (
        "harbour-vote: 1 missed, 2 spurious\n"
        '  missed: [Tandy] added \u2192 "We will not be rushed,"\n'
        '  spurious: [The port authority] ordered \u2192 "two boats"\n'
        '  spurious: [no source] added \u2192 "We will not be rushed"\n'
        "library-hours: 2 missed, 0 spurious\n"
        '  missed: [Director Oona Pell] wrote \u2192 "The hours," "are temporary."\n'
        "  missed: [no source] is drawing criticism \u2192 (no content)"
    )
    assert report.format_errors(limit=1).splitlines()[-1] == "... and 1 more article with errors"


def test_format_errors_truncates_long_content_and_says_when_all_is_well():
    text = "Voss said " + "the levee holds " * 8 + "."
    content = span_of(text, text[10:-2])
    gold = GoldArticle(
        "levee",
        text,
        (GoldAttribution(None, gold_span(text, (5, 9)), gold_span(text, (10, len(text) - 2))),),
        "levee.txt",
    )
    missed = score_predictions([gold], {}).format_errors()
    assert missed == (
        "levee: 1 missed, 0 spurious\n"
        '  missed: [no source] said \u2192 "' + content.text[:79] + '\u2026"'
    )
    guess = Attribution("p", "levee", None, Span(5, 9, "said"), content)
    clean = score_predictions([gold], {"levee": [guess]}).format_errors()
    assert clean == "no missed or spurious attributions"


# -- articles for extraction -----------------------------------------------------------


def test_gold_article_paragraphs(corpus):
    library = gold_article(corpus["library-hours"])
    assert library.id == "library-hours"
    assert library.title == "Library hours to shrink, memo shows"
    assert library.path == str(CORPUS / "text" / "library-hours.txt")
    # Read as a text file is read: a headline with no blank line after it opens the
    # first paragraph.
    assert [(p.start, p.end) for p in library.paragraphs] == [(0, 273)]
    assert all(library.text[p.start : p.end] == p.text for p in library.paragraphs)
    harbour = gold_article(corpus["harbour-vote"])
    assert [p.text for p in harbour.paragraphs] == [
        "Harbour council delays ferry vote",
        "Councillor Mira Tandy said the ferry contract "
        "\u201cneeds another month of scrutiny.\u201d",
        "The port authority, according to a spokesman, has already ordered two boats.",
        "\u201cWe will not be rushed,\u201d Tandy added.",
    ]
    assert harbour.text == corpus["harbour-vote"].text


def test_gold_article_trims_space_and_keeps_offsets():
    text = "\ufeffDam study out  \n\n\n  Engineers found cracks. \n"
    article = gold_article(GoldArticle("dam", text, (), "dam.txt"))
    assert article.title == "Dam study out"
    assert [(p.start, p.end, p.text) for p in article.paragraphs] == [
        (0, 14, "\ufeffDam study out"),
        (21, 44, "Engineers found cracks."),
    ]


def test_gold_span_outside_its_text_is_an_error():
    gold = GoldArticle(
        "dam", "Short.", (GoldAttribution(None, GoldSpan(((2, 40),), "x"), None),), "d"
    )
    with pytest.raises(EvaluationError) as caught:
        score_predictions([gold], {})
    assert str(caught.value) == (
        "gold article dam: span ((2, 40),) does not lie inside its text (6 characters)"
    )
