"""Read news articles from disk into :class:`~tracker.model.Article` records.

Supported inputs: plain text (``.txt``, ``.md``), JSON (``.json``: one article object, a
list of them, or ``{"articles": [...]}``), JSON Lines (``.jsonl``: one object per line) and
HTML (``.html``, ``.htm``).  Folders are searched recursively in sorted order, skipping
hidden files and folders.

The article text is never changed: offsets in ``paragraphs`` and ``debris`` are code-point
offsets into the text as decoded (a UTF-8 byte-order mark is dropped by decoding, so
offsets count from the first character after it).  For HTML the article text is the text
extracted from the page, one block per paragraph.

Plain text may open with a front matter block (``---`` / ``key: value`` lines / ``---``)
or with a scraped header: a section word such as ``news``, a headline and a date line.
The section word and date line are left out of ``paragraphs``; the headline stays in,
because headlines often carry attributions.  Those rules for the text itself live in
:mod:`tracker.ingest.structure`.

>>> article = article_from_text("world\\n\\nFreedonia denies drone sale\\n\\nMay 2, 2024\\n\\n"
...                             "Officials said the report was false.", id="demo")
>>> article.title, article.date
('Freedonia denies drone sale', '2024-05-02')
>>> [p.text for p in article.paragraphs]
['Freedonia denies drone sale', 'Officials said the report was false.']
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tracker.errors import InputError, NoArticlesError, TrackerError
from tracker.ingest.structure import (
    find_debris,
    normalise_date,
    read_front_matter,
    read_header,
    split_paragraphs,
)
from tracker.model import Article, Span

__all__ = [
    "outlet_from_url",
    "MAX_FILE_BYTES",
    "SUPPORTED_EXTENSIONS",
    "read_article_file",
    "iter_articles",
    "read_articles",
    "article_from_text",
]

#: Files larger than this many bytes are refused (read at call time, so it can be changed).
MAX_FILE_BYTES = 50_000_000
#: File extensions read as articles (compared case-insensitively).
SUPPORTED_EXTENSIONS = (".txt", ".md", ".json", ".jsonl", ".html", ".htm")

_SUPPORTED_LIST = ", ".join(SUPPORTED_EXTENSIONS)
_NO_TEXT = "has no text to read (it is blank or holds only a header and scraping debris)"
_TEXT_FIELDS = ("text", "body", "articleBody")
# Values a front matter 'synthetic' line may take.
_TRUE = ("true", "yes", "1", "on")
_FALSE = ("false", "no", "0", "off")

# ---------------------------------------------------------------------------------------
# Articles from text


def outlet_from_url(url: str | None) -> str | None:
    """The outlet an article's url names, when nothing else names it: its host.

    >>> outlet_from_url("https://www.harbour-ledger.example/news/orla-star")
    'harbour-ledger.example'
    >>> outlet_from_url("not a url") is None
    True
    """
    if not url:
        return None
    host = urlsplit(url.strip()).hostname
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def article_from_text(
    text: str,
    *,
    id: str,
    title: str | None = None,
    date: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    path: str | None = None,
    synthetic: bool = False,
    parse_header: bool = True,
) -> Article:
    """Build an :class:`Article` from ``text``, finding its paragraphs and debris.

    With ``parse_header`` a front matter block and a scraped header (section word,
    headline, date line) are read.  Metadata precedence: front matter, then the keyword
    arguments, then what the header suggests.  Dates are normalised to ``YYYY-MM-DD``
    where they can be parsed.  Raises :class:`InputError` when no paragraph is left.
    """
    where = path or id
    found: dict[str, str] = {}
    left_out: list[Span] = []
    debris = find_debris(text)
    if parse_header:
        front = read_front_matter(text)
        if front:
            found, front_end = front
            left_out.append(Span(0, front_end, text[:front_end]))
            debris = [span for span in debris if span.start >= front_end]
    paragraphs = split_paragraphs(text, [*debris, *left_out])
    header_title = header_date = None
    if parse_header:
        header_title, header_date, header_spans = read_header(paragraphs)
        paragraphs = [p for p in paragraphs if p not in header_spans]
    if not any(char.isalpha() for paragraph in paragraphs for char in paragraph.text):
        raise InputError(where, _NO_TEXT)
    synthetic_value = found.get("synthetic", "").lower()
    if synthetic_value and synthetic_value not in _TRUE + _FALSE:
        raise InputError(
            where, f"front matter 'synthetic' must be true or false, not {found['synthetic']!r}"
        )
    article_id = found.get("id") or id
    if not article_id.strip():
        raise InputError(where, "the article id is empty; give it an id")
    return Article(
        id=article_id,
        text=text,
        title=found.get("title") or title or header_title,
        date=normalise_date(found.get("date") or date) or header_date,
        outlet=found.get("outlet") or outlet or outlet_from_url(found.get("url") or url),
        url=found.get("url") or url,
        path=path,
        paragraphs=tuple(paragraphs),
        debris=tuple(debris),
        synthetic=synthetic_value in _TRUE if synthetic_value else synthetic,
    )


# ---------------------------------------------------------------------------------------
# Files


def _human_size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} kB"
    return f"{n} bytes"


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 text of ``data`` (BOM dropped), or an InputError saying what is wrong."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "is UTF-16 encoded; re-save it as UTF-8")
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    sample = data[bom : bom + 8192].decode("utf-8", errors="replace")
    odd = sum(
        char == "\ufffd" or (unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
        for char in sample
    )
    if b"\x00" in data or odd > 0.1 * len(sample):
        raise InputError(path, "looks like a binary file, not an article")
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, f"is not valid UTF-8 (byte {exc.start + bom}); re-save it as UTF-8"
        ) from None


def _optional_str(item: dict[str, Any], key: str, label: str, path: Path) -> str | None:
    value = item.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(path, f"{label} has a '{key}' that is not a string")


_JSON_KINDS = {
    str: "string",
    int: "number",
    float: "number",
    bool: "true/false",
    list: "array",
    type(None): "null",
}


def _article_from_json(item: Any, label: str, default_id: str, path: Path) -> Article:
    if not isinstance(item, dict):
        kind = _JSON_KINDS.get(type(item), "value")
        raise InputError(path, f"{label} is a JSON {kind}, not an object with a 'text' field")
    key = next((k for k in _TEXT_FIELDS if item.get(k) is not None), None)
    if key is None:
        raise InputError(
            path, f"{label} has no 'text' field (also accepted: 'body', 'articleBody')"
        )
    text = item[key]
    if not isinstance(text, str):
        raise InputError(path, f"{label} has a '{key}' that is not a string")
    raw_id = item.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, type(None))):
        raise InputError(path, f"{label} has an 'id' that is not a string")
    outlet = _optional_str(item, "outlet", label, path)
    for alias in ("source", "publisher"):
        if outlet is None and isinstance(item.get(alias), str):
            outlet = item[alias]
    synthetic = item.get("synthetic", False)
    if not isinstance(synthetic, bool):
        raise InputError(path, f"{label} has a 'synthetic' that is not true or false")
    try:
        return article_from_text(
            text,
            id=("" if raw_id is None else str(raw_id).strip()) or default_id,
            title=_optional_str(item, "title", label, path),
            date=_optional_str(item, "date", label, path),
            outlet=outlet,
            url=_optional_str(item, "url", label, path),
            path=str(path),
            synthetic=synthetic,
        )
    except InputError as exc:
        raise InputError(path, f"{label} {exc.problem}") from None


def _unique_ids(path: Path, articles: list[Article], labels: list[str]) -> list[Article]:
    first_label: dict[str, str] = {}
    for article, label in zip(articles, labels, strict=True):
        if article.id in first_label:
            raise InputError(
                path,
                f"{label} has id {article.id!r}, already used by {first_label[article.id]}; "
                "give each article its own id",
            )
        first_label[article.id] = label
    return articles


def _read_json(path: Path, text: str) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        hint = ""
        if exc.msg == "Extra data":
            hint = "; if it holds one article per line, name it .jsonl"
        raise InputError(
            path, f"is not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}{hint}"
        ) from None
    is_wrapper = isinstance(data, dict) and isinstance(data.get("articles"), list)
    if is_wrapper and not any(k in data for k in _TEXT_FIELDS):
        data = data["articles"]
    if isinstance(data, dict):
        return [_article_from_json(data, "the article", path.stem, path)]
    if not isinstance(data, list):
        raise InputError(path, "must hold an article object or a list of them")
    if not data:
        raise InputError(path, "holds an empty list; put article objects in it or leave it out")
    labels = [f"article {n}" for n in range(1, len(data) + 1)]
    articles = [
        _article_from_json(item, labels[n - 1], f"{path.stem}-{n}", path)
        for n, item in enumerate(data, 1)
    ]
    return _unique_ids(path, articles, labels)


def _read_jsonl(path: Path, text: str) -> list[Article]:
    articles: list[Article] = []
    labels: list[str] = []
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                path, f"is not valid JSON: line {lineno} column {exc.colno}: {exc.msg}"
            ) from None
        labels.append(f"line {lineno}")
        articles.append(
            _article_from_json(item, labels[-1], f"{path.stem}-{len(articles) + 1}", path)
        )
    return _unique_ids(path, articles, labels)


def _read_text(path: Path, text: str) -> list[Article]:
    return [article_from_text(text, id=path.stem, path=str(path))]


_HTML_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"}
# Page furniture whose text is never article text (menus, captions, scripts).
_HTML_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "aside", "footer"}
_HTML_SKIP |= {"form", "button", "select", "figcaption"}
_HTML_META = {
    "og:title": "title",
    "article:published_time": "date",
    "og:published_time": "date",
    "datepublished": "date",
    "pubdate": "date",
    "date": "date",
    "og:site_name": "outlet",
    "og:url": "url",
}


class _HtmlText(HTMLParser):
    """Collects paragraph text, the <title> and a few <meta> fields from a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.meta: dict[str, str] = {}
        self._buffer: list[str] = []
        self._title: list[str] = []
        self._in_title = False
        self._depth = 0
        self._skip = 0

    def _flush(self) -> None:
        paragraph = " ".join("".join(self._buffer).split())
        if paragraph:
            self.paragraphs.append(paragraph)
        self._buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in _HTML_SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _HTML_BLOCKS:
            self._flush()
            self._depth += 1
        elif tag == "br":
            self._buffer.append(" ")
        elif tag == "meta":
            field = _HTML_META.get((values.get("property") or values.get("name", "")).lower())
            if field and values.get("content"):
                self.meta.setdefault(field, values["content"].strip())
        elif tag == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            self.meta.setdefault("url", values["href"])
        elif tag == "time" and values.get("datetime"):
            self.meta.setdefault("date", values["datetime"])

    def handle_endtag(self, tag: str) -> None:
        if tag in _HTML_SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _HTML_BLOCKS:
            self._flush()
            self._depth = max(0, self._depth - 1)

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self._title.append(data)
        elif self._depth:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    @property
    def title(self) -> str | None:
        return " ".join("".join(self._title).split()) or self.meta.get("title")


def _read_html(path: Path, text: str) -> list[Article]:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    if not parser.paragraphs:
        raise InputError(
            path, "has no text to read: no <p>, heading, list item or blockquote text was found"
        )
    article = article_from_text(
        "\n\n".join(parser.paragraphs),
        id=path.stem,
        title=parser.title,
        date=parser.meta.get("date"),
        outlet=parser.meta.get("outlet"),
        url=parser.meta.get("url"),
        path=str(path),
    )
    return [article]


_READERS: dict[str, Callable[[Path, str], list[Article]]] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
    ".html": _read_html,
    ".htm": _read_html,
}


def read_article_file(path: str | Path) -> list[Article]:
    """The articles in one file (a JSON list or JSON Lines file gives several).

    A folder is read as :func:`iter_articles` reads it, with ``strict=True``.
    Raises :class:`InputError` naming the file and the fix when it cannot be read.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file or folder; check the path")
    if path.is_dir():
        return list(iter_articles([path], strict=True))
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        what = f"extension {path.suffix!r}" if path.suffix else "no file extension"
        raise InputError(path, f"has {what}; tracker reads only {_SUPPORTED_LIST} files")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                path,
                f"is {size:,} bytes, over the limit of {_human_size(MAX_FILE_BYTES)} per file; "
                "split it into smaller files",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror}); check its permissions") from None
    if not data:
        raise InputError(path, "file is empty; put the article text in it or leave it out")
    text = _decode(path, data)
    if not text.strip():
        raise InputError(path, _NO_TEXT)
    return reader(path, text)


#: Files in a folder of articles that describe the folder rather than report news.
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "notice")


def _walk(folder: Path) -> Iterator[Path]:
    """Article files under ``folder``, depth first in name order, hidden entries skipped.

    README, LICENSE, CHANGELOG and NOTICE files are skipped too (name one explicitly to read it).
    """
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.startswith(".") or entry.stem.lower() in NOT_ARTICLES:
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry)
        elif entry.suffix.lower() in _READERS:
            yield entry


def iter_articles(
    paths: Iterable[str | Path],
    *,
    strict: bool = False,
    on_skip: Callable[[str, TrackerError], None] | None = None,
) -> Iterator[Article]:
    """Articles from files and folders, in the order given (folders in sorted order).

    A file that cannot be read is passed to ``on_skip(path, error)`` and skipped, or its
    :class:`InputError` raised when ``strict``.  A path that does not exist and an
    article id used in two files always raise :class:`InputError`.  A file reached
    twice (named and inside a named folder) is read once.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen_files: set[Path] = set()
    id_owner: dict[str, str] = {}
    for given in paths:
        root = Path(given)
        if not root.exists():
            raise InputError(root, "no such file or folder; check the path")
        for path in _walk(root) if root.is_dir() else [root]:
            key = path.resolve()
            if key in seen_files:
                continue
            seen_files.add(key)
            try:
                articles = read_article_file(path)
            except InputError as exc:
                if strict:
                    raise
                if on_skip is not None:
                    on_skip(str(path), exc)
                continue
            for article in articles:
                if article.id in id_owner:
                    raise InputError(
                        path,
                        f"article id {article.id!r} is also used by {id_owner[article.id]}; "
                        "give one of them a different id",
                    )
                id_owner[article.id] = str(path)
                yield article


def read_articles(
    paths: Iterable[str | Path],
    *,
    strict: bool = False,
    on_skip: Callable[[str, TrackerError], None] | None = None,
) -> list[Article]:
    """All articles from ``paths`` as a list; :class:`NoArticlesError` if there are none."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = list(paths)
    skipped: list[str] = []

    def note_skip(path: str, error: TrackerError) -> None:
        skipped.append(path)
        if on_skip is not None:
            on_skip(path, error)

    articles = list(iter_articles(paths, strict=strict, on_skip=note_skip))
    if not articles:
        names = ", ".join(str(p) for p in paths) or "(no paths given)"
        why = (
            f"{len(skipped)} file(s) could not be read; fix or remove them"
            if skipped
            else f"tracker reads {_SUPPORTED_LIST} files, and searches folders for them"
        )
        raise NoArticlesError(f"no article could be read from: {names}; {why}")
    return articles
