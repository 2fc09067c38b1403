"""The text of an HTML page: its main text, title and a few metadata fields.

A news page holds much that is not the article: the site's header and menu, cookie
banners, bylines, lists of related articles, newsletter boxes, footers.  The main text is
found by trafilatura, a library made for this; the page's title, date, outlet and url come
from its ``<title>``, ``<meta>``, ``<link rel=canonical>`` and ``<time>`` tags, read by a
small parser here, which also gives the text when trafilatura finds none (a page with only
a few lines) or when asked not to use it.  ``docs/BENCHMARKS.md`` compares the two.

>>> page = read_page("<html><head><title>Port closed</title></head><body>"
...                  "<nav><a>Home</a></nav><h1>Port closed</h1>"
...                  "<p>Officials said the port was closed.</p></body></html>", main_text=False)
>>> page.title, page.paragraphs
('Port closed', ['Port closed', 'Officials said the port was closed.'])
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Page", "read_page"]

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
        #: the text of the page's first <h1> (the headline, on most news pages)
        self.headline: str | None = None
        self._in_h1 = False

    def _flush(self) -> None:
        paragraph = " ".join("".join(self._buffer).split())
        if paragraph:
            self.paragraphs.append(paragraph)
            if self._in_h1:
                self.headline = paragraph
        self._in_h1 = False
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
            self._in_h1 = tag == "h1" and self.headline is None
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


@dataclass
class Page:
    """What :func:`read_page` found: paragraphs of text, the title and metadata fields
    (``date``, ``outlet``, ``url``) where the page names them."""

    paragraphs: list[str]
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def read_page(html: str, *, main_text: bool = True) -> Page:
    """The paragraphs, title and metadata of the page ``html``.

    The paragraphs are the text of every paragraph, heading, list item and blockquote
    outside menus, forms and footers.  With ``main_text`` only those within trafilatura's
    main text of the page are kept, and the page's headline (its first ``<h1>``), as
    headlines often carry attributions: trafilatura decides what is article, the blocks of
    the page decide where paragraphs begin and end (trafilatura breaks lines at inline tags
    on short pages).  When trafilatura finds nothing, every paragraph is kept.
    """
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    paragraphs = parser.paragraphs
    if main_text:
        found = " ".join(_main_text(html))
        kept = [p for p in paragraphs if p in found or p == parser.headline]
        if any(p != parser.headline for p in kept):
            paragraphs = kept
    return Page(paragraphs, parser.title, parser.meta)


def _main_text(html: str) -> list[str]:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        text = trafilatura.extract(
            html,
            output_format="txt",
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=False,
        )
    except (ValueError, TypeError, RecursionError):  # a page its parser cannot take
        return []
    if not text:
        return []
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]
