"""Tests for tracker.ingest: formats, headers, debris, paragraphs and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tracker.errors import InputError, NoArticlesError, TrackerError
from tracker.ingest import readers as ingest
from tracker.ingest.readers import (
    article_from_text,
    iter_articles,
    read_article_file,
    read_articles,
)
from tracker.ingest.structure import find_debris, split_paragraphs
from tracker.model import Article, Span

NO_TEXT = "has no text to read (it is blank or holds only a header and scraping debris)"
READS = "tracker reads only .txt, .md, .json, .jsonl, .html, .htm files"
SAMPLE = ROOT / "data" / "iran-missiles-2024-09-08.txt"

# A synthetic, cased article about invented places and people.
CLEAN = (
    "Freedonia Denies Selling Drones to Ruritania\n"
    "\n"
    "September 8, 2024\n"
    "\n"
    "Freedonia's foreign ministry on Sunday denied a report that it had sold attack drones\n"
    'to Ruritania, calling it "baseless".\n'
    "\n"
    "The report, published by the Ruritanian Herald, cited two unnamed officials.\n"
    "\n"
    "A spokesman for the Ruritanian government declined to comment.\n"
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def assert_offsets(article: Article) -> None:
    for span in (*article.paragraphs, *article.debris):
        assert article.text[span.start : span.end] == span.text


def error_of(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_article_file(path)
    return str(caught.value)


# --- the sample article -------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> Article:
    (article,) = read_article_file(SAMPLE)
    return article


def test_sample_metadata(sample: Article) -> None:
    assert sample.id == "iran-missiles-2024-09-08"
    assert sample.title == (
        "us intelligence confirms: iran has transferred short-range ballistic missiles to russia"
    )
    assert sample.date == "2024-09-08"
    assert sample.path == str(SAMPLE)
    assert sample.synthetic is False
    assert sample.text == SAMPLE.read_text(encoding="utf-8")


def test_sample_debris(sample: Article) -> None:
    texts = [span.text for span in sample.debris]
    assert texts == [
        "한어Русский языкEnglishFrançaisIndonesianSanskrit日本語DeutschPortuguêsΕλληνικάespañol"
        "ItalianoSuomalainenLatina",
        "iran's supreme leader ayatollah ali khamenei | getty images",
        "file photo",
        "file photo: putin visits iran and is received by khamenei",
        "file photo: iran conducts a supersonic missile test",
        "further reading:",
        "further reading:",
    ]


def test_sample_paragraphs(sample: Article) -> None:
    texts = [span.text for span in sample.paragraphs]
    assert len(texts) == 20
    # The headline stays in (it carries an attribution); section word and date do not.
    assert texts[0] == sample.title
    assert texts[1].startswith("on september 7, us media quoted two government sources")
    assert texts[-1].startswith("next friday, august 13, us president biden")
    assert "news" not in texts and "2024-09-08" not in texts
    assert not {d.text for d in sample.debris} & set(texts)
    assert_offsets(sample)


# --- paragraphs and debris ----------------------------------------------------------


def test_split_paragraphs_offsets_and_inner_newlines() -> None:
    text = "  First line\nsame paragraph.  \n \t \nSecond.\n\n\n"
    assert split_paragraphs(text, []) == [
        Span(2, 28, "First line\nsame paragraph."),
        Span(35, 42, "Second."),
    ]


def test_split_paragraphs_windows_line_endings() -> None:
    text = "One,\r\nstill one.\r\n\r\nTwo.\r\n"
    assert split_paragraphs(text, []) == [Span(0, 16, "One,\r\nstill one."), Span(20, 24, "Two.")]


def test_split_paragraphs_cuts_debris_out_of_a_block() -> None:
    text = "Before.\nfile photo\nAfter."
    assert split_paragraphs(text, find_debris(text)) == [
        Span(0, 7, "Before."),
        Span(19, 25, "After."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT - SCROLL TO CONTINUE WITH CONTENT",
        "English | Español | Français | Deutsch",
        "Ελληνικά日本語한국어РусскийEnglishFrançais",
        "The minister at a rally | Getty Images",
        "Photo: Jane Roe",
        "photo by jane roe",
        "Soldiers march in the capital (AP Photo/Jane Roe)",
        "A street in the capital on Sunday (Reuters)",
        "A street in the capital on Sunday. REUTERS/Jane Roe",
        "File photo",
        "FILE PHOTO: ministers meet in the capital",
        "Image credit: Jane Roe",
        "Further reading:",
        "Read more: Freedonia denies the report",
        "Related:",
        "Share this article",
        "Sign up for our daily newsletter",
        "Click here to read the full report",
        "https://example.com/news/1",
    ],
)
def test_debris_lines(line: str) -> None:
    text = f"Officials said so.\n\n{line}\n\nThey repeated it."
    assert find_debris(text) == [Span(20, 20 + len(line), line)]


@pytest.mark.parametrize(
    "line",
    [
        "A Reuters/Ipsos poll found that most voters disagreed.",
        "He told Reuters the photo was genuine.",
        "Related reports were denied by the ministry.",
        "Read more carefully, the statement says something else, he said.",
        "The French and German ministers met English officials.",
        "The ad campaign was withdrawn, officials said.",
        "He spoke at the summit (AP).",
        "In Moscow officials called it «ложь», and in Beijing 谎言; Athens said ψέμα.",
        "the white house declined to confirm the arms transfers.",
    ],
)
def test_prose_is_not_debris(line: str) -> None:
    assert find_debris(line) == []


def test_link_heading_takes_the_rest_of_its_block() -> None:
    text = "Body.\n\nRelated\nFreedonia recalls envoy\nRuritania closes border\n\nMore body."
    assert [d.text for d in find_debris(text)] == [
        "Related\nFreedonia recalls envoy\nRuritania closes border"
    ]


# --- headers and front matter -------------------------------------------------------


def test_clean_cased_article() -> None:
    article = article_from_text(CLEAN, id="clean")
    assert article.title == "Freedonia Denies Selling Drones to Ruritania"
    assert article.date == "2024-09-08"
    assert article.debris == ()
    assert [p.text[:30] for p in article.paragraphs] == [
        "Freedonia Denies Selling Drone",
        "Freedonia's foreign ministry o",
        "The report, published by the R",
        "A spokesman for the Ruritanian",
    ]
    assert_offsets(article)


@pytest.mark.parametrize(
    "line",
    [
        "2024-09-08",
        "September 8, 2024",
        "8 September 2024",
        "Sep. 8, 2024",
        "Sunday, Sept. 8, 2024",
        "Published: September 8, 2024 10:32 AM ET",
        "2024-09-08T10:32:00Z",
    ],
)
def test_date_lines_are_normalised(line: str) -> None:
    article = article_from_text(f"World\n\nA headline here\n\n{line}\n\nBody text.", id="x")
    assert (article.title, article.date) == ("A headline here", "2024-09-08")
    assert [p.text for p in article.paragraphs] == ["A headline here", "Body text."]


def test_date_line_before_headline() -> None:
    article = article_from_text("3 May 2024\n\nRuritania recalls envoy\n\nBody text.", id="x")
    assert (article.title, article.date) == ("Ruritania recalls envoy", "2024-05-03")
    assert [p.text for p in article.paragraphs] == ["Ruritania recalls envoy", "Body text."]


def test_plain_article_has_no_title() -> None:
    text = "Officials in Freedonia said on Monday that talks had failed.\n\nNo one else spoke."
    article = article_from_text(text, id="x")
    assert (article.title, article.date) == (None, None)
    assert len(article.paragraphs) == 2


def test_single_paragraph_is_not_a_headline() -> None:
    article = article_from_text("Freedonia denies the report", id="x")
    assert article.title is None
    assert [p.text for p in article.paragraphs] == ["Freedonia denies the report"]


def test_markdown_heading_title() -> None:
    article = article_from_text("# Freedonia denies the report\n\nThe ministry said so.", id="x")
    assert article.title == "Freedonia denies the report"
    assert article.paragraphs[0].text == "# Freedonia denies the report"


def test_parse_header_off() -> None:
    article = article_from_text("news\n\nA headline here\n\nBody.", id="x", parse_header=False)
    assert article.title is None
    assert [p.text for p in article.paragraphs] == ["news", "A headline here", "Body."]


def test_front_matter() -> None:
    text = (
        "---\n"
        "id: fm-1\n"
        'title: "Ruritania recalls envoy"\n'
        "date: 3 May 2024\n"
        "source: Ruritanian Herald\n"
        "url: https://example.org/fm-1\n"
        "synthetic: true\n"
        "---\n"
        "\n"
        "Ruritania recalled its envoy, the ministry said.\n"
    )
    article = article_from_text(text, id="stem", title="ignored", path="fm.txt")
    assert (article.id, article.title, article.date) == (
        "fm-1",
        "Ruritania recalls envoy",
        "2024-05-03",
    )
    assert (article.outlet, article.url, article.synthetic) == (
        "Ruritanian Herald",
        "https://example.org/fm-1",
        True,
    )
    assert article.paragraphs == (
        Span(
            text.index("Ruritania recalled"),
            len(text) - 1,
            "Ruritania recalled its envoy, the ministry said.",
        ),
    )
    assert article.text == text


def test_front_matter_bad_synthetic() -> None:
    text = "---\nsynthetic: maybe\n---\nBody text."
    with pytest.raises(InputError) as caught:
        article_from_text(text, id="x", path="a.md")
    assert str(caught.value) == "a.md: front matter 'synthetic' must be true or false, not 'maybe'"


def test_unclosed_front_matter_is_text() -> None:
    article = article_from_text("---\nid: x\n\nBody text.", id="plain")
    assert article.id == "plain"
    assert [p.text for p in article.paragraphs] == ["---\nid: x", "Body text."]


# --- formats ------------------------------------------------------------------------


def test_txt_and_md(tmp_path: Path) -> None:
    for name in ("story.txt", "story2.MD"):
        (article,) = read_article_file(write(tmp_path, name, CLEAN))
        assert article.id == name.split(".")[0]
        assert article.title == "Freedonia Denies Selling Drones to Ruritania"


def test_crlf_file(tmp_path: Path) -> None:
    path = write(tmp_path, "crlf.txt", CLEAN.replace("\n", "\r\n"))
    (article,) = read_article_file(path)
    assert article.text == CLEAN.replace("\n", "\r\n")
    assert article.date == "2024-09-08"
    assert len(article.paragraphs) == 4
    assert article.paragraphs[1].text.endswith('"baseless".')
    assert_offsets(article)


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbfOfficials said so.\n")
    (article,) = read_article_file(path)
    assert article.text == "Officials said so.\n"
    assert article.paragraphs == (Span(0, 18, "Officials said so."),)


def test_json_object(tmp_path: Path) -> None:
    item = {
        "body": "Officials said so.",
        "title": "T",
        "date": "2024-05-03T09:00:00Z",
        "publisher": {"name": "not a string"},
        "source": "Example Wire",
        "url": "https://example.org/1",
        "synthetic": True,
    }
    (article,) = read_article_file(write(tmp_path, "one.json", json.dumps(item)))
    assert article.id == "one"
    assert (article.title, article.date, article.outlet) == ("T", "2024-05-03", "Example Wire")
    assert (article.url, article.synthetic) == ("https://example.org/1", True)
    assert article.paragraphs == (Span(0, 18, "Officials said so."),)


def test_json_with_an_unpaired_surrogate_is_refused(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.json", '{"text": "Officials said \\udc80 so."}')
    with pytest.raises(InputError, match=r"bad.json: has an unpaired surrogate escape"):
        read_article_file(bad)
    # A pair (one character) and an escaped backslash before "ud800" are fine.
    good = write(tmp_path, "good.json", '{"text": "Officials \\ud83d\\ude00 said \\\\ud800."}')
    (article,) = read_article_file(good)
    assert article.text == "Officials \U0001f600 said \\ud800."


def test_json_list_and_wrapper(tmp_path: Path) -> None:
    items = [{"text": "First said."}, {"articleBody": "Second said.", "id": 7}]
    for name, data in (("list.json", items), ("wrap.json", {"articles": items})):
        articles = read_article_file(write(tmp_path, name, json.dumps(data)))
        stem = name.split(".")[0]
        assert [(a.id, a.text) for a in articles] == [
            (f"{stem}-1", "First said."),
            ("7", "Second said."),
        ]


def test_jsonl(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "First said."}), "", json.dumps({"id": "b", "text": "Two."})]
    articles = read_article_file(write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n"))
    assert [(a.id, a.text) for a in articles] == [("feed-1", "First said."), ("b", "Two.")]


def test_html(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Ruritania recalls envoy</title>"
        '<meta property="article:published_time" content="2024-05-03T10:00:00Z">'
        '<meta property="og:site_name" content="Example News">'
        '<link rel="canonical" href="https://example.org/envoy">'
        "<script>var x = '<p>no</p>';</script></head><body>"
        "<nav><ul><li>Home</li></ul></nav>"
        "<h1>Ruritania   recalls envoy</h1>"
        "<p>The ministry said the envoy\nwas recalled &amp; <b>would not</b> return.</p>"
        "<figure><img src=x.jpg><figcaption>The envoy | Getty Images</figcaption></figure>"
        "<blockquote><p>We were not consulted</p></blockquote>"
        "<p>Advertisement</p>"
        "<ul><li>Talks ended on Friday.</li></ul>"
        "</body></html>"
    )
    (article,) = read_article_file(write(tmp_path, "page.html", page))
    assert article.text == (
        "Ruritania recalls envoy\n\n"
        "The ministry said the envoy was recalled & would not return.\n\n"
        "We were not consulted\n\nAdvertisement\n\nTalks ended on Friday."
    )
    assert (article.id, article.title, article.date) == (
        "page",
        "Ruritania recalls envoy",
        "2024-05-03",
    )
    assert (article.outlet, article.url) == ("Example News", "https://example.org/envoy")
    assert [d.text for d in article.debris] == ["Advertisement"]
    assert len(article.paragraphs) == 4
    assert_offsets(article)


# --- bad input ----------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert error_of(path) == f"{path}: no such file or folder; check the path"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "file is empty; put the article text in it or leave it out"),
        ("nul.txt", b"abc\x00def", "looks like a binary file, not an article"),
        ("ctl.txt", bytes(range(1, 9)) * 20, "looks like a binary file, not an article"),
        ("u16.txt", "hi".encode("utf-16"), "is UTF-16 encoded; re-save it as UTF-8"),
        (
            "latin.txt",
            "Caf\u00e9 said.".encode("latin-1"),
            "is not valid UTF-8 (byte 3); re-save it as UTF-8",
        ),
        ("blank.txt", b" \n\t\r\n", NO_TEXT),
        ("debris.txt", b"Advertisement\n\nfile photo\n\n2024-09-08\n", NO_TEXT),
        (
            "bad.json",
            b'{"text": "a",}',
            "is not valid JSON: line 1 column 14: "
            "Expecting property name enclosed in double quotes",
        ),
        (
            "lines.json",
            b'{"text": "a"}\n{"text": "b"}\n',
            "is not valid JSON: line 2 column 1: Extra data; "
            "if it holds one article per line, name it .jsonl",
        ),
        (
            "notext.json",
            b'[{"text": "a."}, {"text": "b."}, {"title": "c"}]',
            "article 3 has no 'text' field (also accepted: 'body', 'articleBody')",
        ),
        ("num.json", b"42", "must hold an article object or a list of them"),
        (
            "nothing.json",
            b'{"articles": []}',
            "holds an empty list; put article objects in it or leave it out",
        ),
        (
            "item.json",
            b'["just a string"]',
            "article 1 is a JSON string, not an object with a 'text' field",
        ),
        ("textnum.json", b'{"text": 5}', "the article has a 'text' that is not a string"),
        ("emptytext.json", b'[{"text": "  "}]', f"article 1 {NO_TEXT}"),
        (
            "syn.json",
            b'{"text": "a.", "synthetic": "yes"}',
            "the article has a 'synthetic' that is not true or false",
        ),
        (
            "dup.json",
            b'[{"id": "a", "text": "x."}, {"id": "a", "text": "y."}]',
            "article 2 has id 'a', already used by article 1; give each article its own id",
        ),
        (
            "bad.jsonl",
            b'{"text": "a."}\n\n{"text": \n',
            "is not valid JSON: line 3 column 10: Expecting value",
        ),
        (
            "miss.jsonl",
            b'{"text": "a."}\n{"body": null}\n',
            "line 2 has no 'text' field (also accepted: 'body', 'articleBody')",
        ),
        ("none.jsonl", b"\n\n", NO_TEXT),
        ("five.json", b"[5]", "article 1 is a JSON number, not an object with a 'text' field"),
        (
            "empty.html",
            b"<html><body><div>loose text</div></body></html>",
            "has no text to read: no <p>, heading, list item or blockquote text was found",
        ),
        (
            "notes.pdf",
            b"%PDF",
            f"has extension '.pdf'; {READS}",
        ),
        (
            "README",
            b"text",
            f"has no file extension; {READS}",
        ),
    ],
)
def test_bad_input_messages(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = write(tmp_path, name, content)
    assert error_of(path) == f"{path}: {problem}"


def test_file_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert ingest.MAX_FILE_BYTES == 50_000_000
    path = write(tmp_path, "big.txt", "Officials said so. " * 100)
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 1_000)
    assert error_of(path) == (
        f"{path}: is 1,900 bytes, over the limit of 1 kB per file; split it into smaller files"
    )


def test_article_from_text_without_text() -> None:
    with pytest.raises(InputError) as caught:
        article_from_text("\n \n", id="x")
    assert str(caught.value) == f"x: {NO_TEXT}"


# --- folders and several inputs -------------------------------------------------------


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    write(tmp_path, "b.txt", "B said so.")
    write(tmp_path, "a.txt", "A said so.")
    write(tmp_path, "sub/c.jsonl", json.dumps({"id": "c", "text": "C said so."}))
    write(tmp_path, "sub/bad.json", "{oops")
    write(tmp_path, "sub/notes.csv", "x,y")
    write(tmp_path, ".hidden.txt", "Hidden said so.")
    write(tmp_path, ".git/d.txt", "D said so.")
    return tmp_path


def test_folder_walk_skips_bad_file(corpus: Path) -> None:
    skipped: list[tuple[str, TrackerError]] = []
    articles = list(iter_articles([corpus], on_skip=lambda p, e: skipped.append((p, e))))
    assert [a.id for a in articles] == ["a", "b", "c"]
    assert [p for p, _ in skipped] == [str(corpus / "sub" / "bad.json")]
    assert str(skipped[0][1]).endswith(
        "is not valid JSON: line 1 column 2: Expecting property name enclosed in double quotes"
    )


def test_folder_walk_strict_raises(corpus: Path) -> None:
    with pytest.raises(InputError) as caught:
        list(iter_articles([corpus], strict=True))
    assert caught.value.path == str(corpus / "sub" / "bad.json")


def test_read_article_file_on_a_folder_is_strict(corpus: Path) -> None:
    with pytest.raises(InputError):
        read_article_file(corpus)
    (corpus / "sub" / "bad.json").unlink()
    assert [a.id for a in read_article_file(corpus)] == ["a", "b", "c"]


def test_missing_path_raises_even_when_not_strict(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        list(iter_articles([tmp_path / "typo"]))
    assert str(caught.value) == f"{tmp_path / 'typo'}: no such file or folder; check the path"


def test_unsupported_file_named_explicitly_is_skipped(corpus: Path) -> None:
    skipped: list[str] = []
    articles = read_articles(
        [corpus / "a.txt", corpus / "sub" / "notes.csv"], on_skip=lambda p, e: skipped.append(p)
    )
    assert [a.id for a in articles] == ["a"]
    assert skipped == [str(corpus / "sub" / "notes.csv")]


def test_same_file_twice_is_read_once(corpus: Path) -> None:
    articles = read_articles([corpus / "a.txt", corpus, str(corpus / "a.txt")])
    assert [a.id for a in articles] == ["a", "b", "c"]


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    first = write(tmp_path, "one/story.txt", "One said so.")
    second = write(tmp_path, "two/story.txt", "Two said so.")
    with pytest.raises(InputError) as caught:
        read_articles([tmp_path])
    assert str(caught.value) == (
        f"{second}: article id 'story' is also used by {first}; give one of them a different id"
    )


def test_read_articles_single_path_string(corpus: Path) -> None:
    assert [a.id for a in read_articles(str(corpus / "b.txt"))] == ["b"]


def test_no_articles_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(NoArticlesError) as caught:
        read_articles([empty])
    assert str(caught.value) == (
        f"no article could be read from: {empty}; "
        "tracker reads .txt, .md, .json, .jsonl, .html, .htm files, and searches folders for them"
    )
    bad = write(tmp_path, "bad.txt", b"")
    with pytest.raises(NoArticlesError) as caught:
        read_articles([bad])
    assert str(caught.value) == (
        f"no article could be read from: {bad}; 1 file(s) could not be read; fix or remove them"
    )


def test_outlet_falls_back_to_the_url_host(tmp_path: Path) -> None:
    item = {"text": "Officials said so.", "url": "https://www.harbour-ledger.example/a/1"}
    (article,) = read_article_file(write(tmp_path, "one.json", json.dumps(item)))
    assert (article.outlet, article.url) == (
        "harbour-ledger.example",
        "https://www.harbour-ledger.example/a/1",
    )
    named = dict(item, outlet="The Harbour Ledger")
    (article,) = read_article_file(write(tmp_path, "two.json", json.dumps(named)))
    assert article.outlet == "The Harbour Ledger"


NEWS_PAGE = """<!doctype html><html><head><title>Port of Velmora closed | Harbour Ledger</title>
<meta property="og:site_name" content="Harbour Ledger"><meta name="synthetic" content="true">
</head><body>
<header><h2>Harbour Ledger</h2><nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a>
</li></ul></nav></header>
<div class="cookie-banner"><p>We use cookies to improve your experience. By continuing to
browse you accept our use of cookies. Accept all</p></div>
<main><article><h1>Port of Velmora closed</h1>
<p>Officials in Velmora said on Tuesday that the port authority closed the eastern harbour,
a claim that Tessaly rejected within hours of its publication.</p>
<p>"We have seen the documents and they are clear," said Ilsa Varro, a spokesperson for the
Velmora government, speaking to reporters outside the <b>harbour office</b>.</p>
<p>Tomas Brekke, who leads the opposition in Tessaly, denied that the port authority closed
the eastern harbour and called the report a fabrication meant to distract voters.</p>
</article>
<section class="related"><h3>Related articles</h3><ul>
<li><a href="/a/1">Tessaly rejects ferry plan as Mara Quist calls for calm</a></li>
<li><a href="/a/2">Northgate backs grain plan as Pell Sorensen promises a review</a></li>
</ul></section></main>
<footer><p>© 2026 Harbour Ledger. All rights reserved.</p></footer></body></html>"""


def test_html_main_text_leaves_out_banners_menus_and_related_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "page.html", NEWS_PAGE)
    (article,) = read_article_file(path)
    texts = [p.text for p in article.paragraphs]
    assert texts[0] == "Port of Velmora closed"
    assert texts[1].startswith("Officials in Velmora said on Tuesday")
    assert texts[2].endswith("speaking to reporters outside the harbour office.")
    assert texts[3].startswith("Tomas Brekke, who leads the opposition in Tessaly, denied")
    assert len(texts) == 4
    assert all(article.text[p.start : p.end] == p.text for p in article.paragraphs)
    assert (article.outlet, article.title) == (
        "Harbour Ledger",
        "Port of Velmora closed | Harbour Ledger",
    )
    monkeypatch.setattr(ingest, "USE_TRAFILATURA", False)  # the plain tag filter keeps them
    (plain,) = read_article_file(path)
    assert "We use cookies" in plain.text and "Tessaly rejects ferry plan" in plain.text


@pytest.mark.parametrize(
    "opening",
    ["Pictured: ", "PICTURES: ", "WATCH: ", "Photos: "],
)
def test_a_caption_like_opening_is_debris_only_where_other_text_follows(opening):
    # synthetic headline
    headline = opening + "Astrin volunteers pose with the sandbags they filled on Monday"
    assert ingest.find_debris(headline) == []
    text = headline + "\n\nVolunteers in Astrin filled sandbags on Monday."
    assert [d.text for d in ingest.find_debris(text)] == [headline]
    # a credit stays debris wherever it stands
    assert [d.text for d in ingest.find_debris("Photo by Ana Velk")] == ["Photo by Ana Velk"]
