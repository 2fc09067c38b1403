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

import functools
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tracker.errors import InputError, NoArticlesError, TrackerError
from tracker.ingest.files import read_bounded, walk_folder
from tracker.ingest.pages import read_page
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
    "MAX_ARTICLE_CHARS",
    "SUPPORTED_EXTENSIONS",
    "read_article_file",
    "iter_articles",
    "read_articles",
    "article_from_text",
    "parse_json",
    "read_from_folder",
    "NOT_ARTICLES",
]

#: Files larger than this many bytes are refused, counted while reading (read at call time,
#: so it can be changed).  A JSON or JSON Lines file may hold many articles.
MAX_FILE_BYTES = 50_000_000
#: An article whose text is longer than this many characters is refused (skipped in a folder
#: or a file of several): extraction time grows faster than the text, see docs/LIMITS.md.
MAX_ARTICLE_CHARS = 200_000
#: Read the main text of HTML pages with trafilatura (menus, cookie banners and lists of
#: other articles left out); False keeps the plain tag filter.
USE_TRAFILATURA = True
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
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            where,
            f"has {len(text):,} characters of text, over the limit of {MAX_ARTICLE_CHARS:,} "
            "per article; split it into several articles",
        )
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


_SURROGATE = re.compile("[\ud800-\udfff]")
# A surrogate can only come from an escape (\ud800 to \udfff) in the JSON text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _optional_str(item: dict[str, Any], key: str, label: str, path: Path) -> str | None:
    value = item.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(path, f"{label} has a '{key}' that is not a string", record=label)


_JSON_KINDS = {
    str: "string",
    int: "number",
    float: "number",
    bool: "true/false",
    list: "array",
    type(None): "null",
}


def parse_json(path: Path, text: str, label: str = "") -> Any:
    """``text`` parsed as JSON, or an :class:`InputError` saying what is wrong with it.

    ``label`` names the record ("line 3") when the text is one line of a JSON Lines file.
    Nesting too deep for Python, numbers too long to convert, ``NaN`` and ``Infinity``
    and unpaired surrogate escapes are refused like any other bad JSON.
    """
    where = f"{label} " if label else ""
    record = label or None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        place = f"{label or f'line {exc.lineno}'} column {exc.colno}"
        hint = (
            "; if it holds one article per line, name it .jsonl" if exc.msg == "Extra data" else ""
        )
        raise InputError(
            path, f"is not valid JSON: {place}: {exc.msg}{hint}", record=record
        ) from None
    except RecursionError:
        raise InputError(
            path, f"{where}is nested too deeply to read as JSON", record=record
        ) from None
    except ValueError as exc:
        problem = (
            "has a number with too many digits (over 4,300); write long ids as strings"
            if "digits" in str(exc)
            else f"is not valid JSON: {exc}"
        )
        raise InputError(path, f"{where}{problem}", record=record) from None
    if _SURROGATE_ESCAPE.search(text) and _has_surrogate(data):
        raise InputError(
            path,
            f"{where}has an unpaired surrogate escape (\\ud800-\\udfff); fix the text",
            record=record,
        )
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _has_surrogate(value: Any) -> bool:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _article_from_json(item: Any, label: str, default_id: str, path: Path) -> Article:
    if not isinstance(item, dict):
        kind = _JSON_KINDS.get(type(item), "value")
        raise InputError(
            path, f"{label} is a JSON {kind}, not an object with a 'text' field", record=label
        )
    key = next((k for k in _TEXT_FIELDS if item.get(k) is not None), None)
    if key is None:
        raise InputError(
            path,
            f"{label} has no 'text' field (also accepted: 'body', 'articleBody')",
            record=label,
        )
    text = item[key]
    if not isinstance(text, str):
        raise InputError(path, f"{label} has a '{key}' that is not a string", record=label)
    raw_id = item.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, type(None))):
        raise InputError(path, f"{label} has an 'id' that is not a string", record=label)
    outlet = _optional_str(item, "outlet", label, path)
    for alias in ("source", "publisher"):
        if outlet is None and isinstance(item.get(alias), str):
            outlet = item[alias]
    synthetic = item.get("synthetic", False)
    if not isinstance(synthetic, bool):
        raise InputError(path, f"{label} has a 'synthetic' that is not true or false", record=label)
    title = _optional_str(item, "title", label, path)
    date = _optional_str(item, "date", label, path)
    url = _optional_str(item, "url", label, path)
    try:
        return article_from_text(
            text,
            id=("" if raw_id is None else str(raw_id).strip()) or default_id,
            title=title,
            date=date,
            outlet=outlet,
            url=url,
            path=str(path),
            synthetic=synthetic,
        )
    except InputError as exc:
        raise InputError(path, f"{label} {exc.problem}", record=label) from None


#: Called with a bad record's error when it is skipped; None makes a bad record an error.
RecordSkip = Callable[[InputError], None]


def _tolerate(error: InputError, skip: RecordSkip | None) -> None:
    if skip is None:
        raise error
    skip(error)


def _articles_from_items(
    path: Path, items: Iterable[tuple[str, str, Any]], skip: RecordSkip | None
) -> list[Article]:
    """Articles of (label, default id, parsed item or InputError); bad ones skipped or raised."""
    articles: list[Article] = []
    first_label: dict[str, str] = {}
    for label, default_id, item in items:
        try:
            if isinstance(item, InputError):
                raise item
            article = _article_from_json(item, label, default_id, path)
            if article.id in first_label:
                raise InputError(
                    path,
                    f"{label} has id {article.id!r}, already used by {first_label[article.id]}; "
                    "give each article its own id",
                    record=label,
                )
        except InputError as exc:
            _tolerate(exc, skip)
            continue
        first_label[article.id] = label
        articles.append(article)
    return articles


def _read_json(path: Path, text: str, skip: RecordSkip | None = None) -> list[Article]:
    data = parse_json(path, text)
    is_wrapper = isinstance(data, dict) and isinstance(data.get("articles"), list)
    if is_wrapper and not any(k in data for k in _TEXT_FIELDS):
        data = data["articles"]
    if isinstance(data, dict):
        return _articles_from_items(path, [("the article", path.stem, data)], None)
    if not isinstance(data, list):
        raise InputError(path, "must hold an article object or a list of them")
    if not data:
        raise InputError(path, "holds an empty list; put article objects in it or leave it out")
    return _articles_from_items(
        path, ((f"article {n}", f"{path.stem}-{n}", item) for n, item in enumerate(data, 1)), skip
    )


def _jsonl_items(path: Path, text: str) -> Iterator[tuple[str, str, Any]]:
    count = 0
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        count += 1
        label = f"line {lineno}"
        try:
            item = parse_json(path, line, label)
        except InputError as exc:
            item = exc
        yield label, f"{path.stem}-{count}", item


def _read_jsonl(path: Path, text: str, skip: RecordSkip | None = None) -> list[Article]:
    return _articles_from_items(path, _jsonl_items(path, text), skip)


def _read_text(path: Path, text: str, skip: RecordSkip | None = None) -> list[Article]:
    return [article_from_text(text, id=path.stem, path=str(path))]


def _read_html(path: Path, text: str, skip: RecordSkip | None = None) -> list[Article]:
    page = read_page(text, main_text=USE_TRAFILATURA)
    if not page.paragraphs:
        raise InputError(
            path, "has no text to read: no <p>, heading, list item or blockquote text was found"
        )
    article = article_from_text(
        "\n\n".join(page.paragraphs),
        id=path.stem,
        title=page.title,
        date=page.meta.get("date"),
        outlet=page.meta.get("outlet"),
        url=page.meta.get("url"),
        path=str(path),
    )
    return [article]


_READERS: dict[str, Callable[[Path, str, RecordSkip | None], list[Article]]] = {
    ".txt": _read_text,
    ".md": _read_text,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
    ".html": _read_html,
    ".htm": _read_html,
}


def read_article_file(
    path: str | Path, *, strict: bool = True, on_skip: RecordSkip | None = None
) -> list[Article]:
    """The articles in one file (a JSON list or JSON Lines file gives several).

    Only a regular file is read, and no more than :data:`MAX_FILE_BYTES` of it.  With
    ``strict`` (the default) a bad record of a JSON list or JSON Lines file raises; without
    it the record is passed to ``on_skip(error)`` (``error.record`` names it) and the rest
    of the file is read.  A folder is read as :func:`iter_articles` reads it.  Raises
    :class:`InputError` naming the file and the fix when it cannot be read.
    """
    path = Path(path)
    if path.is_dir():
        return list(iter_articles([path], strict=True))
    if not os.path.lexists(path):
        raise InputError(path, "no such file or folder; check the path")
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        what = f"extension {path.suffix!r}" if path.suffix else "no file extension"
        raise InputError(path, f"has {what}; tracker reads only {_SUPPORTED_LIST} files")
    data = read_bounded(path, MAX_FILE_BYTES)
    if not data:
        raise InputError(path, "file is empty; put the article text in it or leave it out")
    text = _decode(path, data)
    if not text.strip():
        raise InputError(path, _NO_TEXT)
    return reader(path, text, None if strict else (on_skip or (lambda error: None)))


#: Files in a folder of articles that describe the folder rather than report news.
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "notice")


def _is_article_name(path: Path) -> bool:
    return path.stem.lower() not in NOT_ARTICLES and path.suffix.lower() in _READERS


def read_from_folder(path: str | Path, folder: str | Path) -> bool:
    """True when reading ``folder`` reads the file ``path`` (it lies inside, not hidden).

    >>> read_from_folder("news/a.txt", "news"), read_from_folder("news/.a.txt", "news")
    (True, False)
    """
    path, folder = Path(path).absolute(), Path(folder).absolute()
    if folder not in path.parents:
        try:
            path, folder = path.resolve(), folder.resolve()
        except (OSError, RuntimeError):
            return False
        if folder not in path.parents:
            return False
    parts = path.relative_to(folder).parts
    return _is_article_name(path) and not any(part.startswith(".") for part in parts)


def iter_articles(
    paths: Iterable[str | Path],
    *,
    strict: bool = False,
    on_skip: Callable[[str, TrackerError], None] | None = None,
) -> Iterator[Article]:
    """Articles from files and folders, in the order given (folders in sorted order).

    A file that cannot be read, and a bad record in a file of several, is passed to
    ``on_skip(path, error)`` and skipped (``error.record`` names a record, and is None for
    a whole file), or its :class:`InputError` raised when ``strict``.  In a folder, hidden
    entries and README, LICENSE, CHANGELOG and NOTICE files are passed over; only regular
    files are read, and symlinks only when they lead to somewhere inside the folder.  A path
    that does not exist and an article id used in two files always raise
    :class:`InputError`.  A file reached twice (named and inside a named folder) is read once.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    seen_files: set[Path] = set()
    id_owner: dict[str, str] = {}

    def skip(path: Path, error: TrackerError) -> None:
        if strict:
            raise error
        if on_skip is not None:
            on_skip(str(path), error)

    for given in paths:
        root = Path(given)
        if not os.path.lexists(root):
            raise InputError(root, "no such file or folder; check the path")
        files = walk_folder(root, _is_article_name, skip) if root.is_dir() else [root]
        for path in files:
            try:
                key = path.resolve()
            except (OSError, RuntimeError):
                key = path.absolute()
            if key in seen_files:
                continue
            seen_files.add(key)
            try:
                articles = read_article_file(
                    path, strict=strict, on_skip=functools.partial(skip, path)
                )
            except InputError as exc:
                skip(path, exc)
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
            f"{len(set(skipped))} file(s) could not be read; fix or remove them"
            if skipped
            else f"tracker reads {_SUPPORTED_LIST} files, and searches folders for them"
        )
        raise NoArticlesError(f"no article could be read from: {names}; {why}")
    return articles
