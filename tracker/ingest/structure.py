"""Recognise the parts of a plain-text article: paragraphs, debris, front matter, header.

These are the rules :mod:`tracker.ingest` applies to every article's text, whatever file it
came from.  They never change the text: every :class:`~tracker.model.Span` they return holds
code-point offsets into the text as given.

* :func:`split_paragraphs`: blocks separated by blank lines, minus the spans to leave out.
* :func:`find_debris`: scraping debris (captions, credits, link lists, share prompts, ...).
* :func:`read_front_matter`: a leading ``---`` block of ``key: value`` lines.
* :func:`read_header`: a scraped header (section word, headline, date line).
* :func:`parse_date` and :func:`normalise_date`: dates as ISO ``YYYY-MM-DD``.

>>> text = "world\\n\\nFreedonia denies drone sale\\n\\nMay 2, 2024\\n\\nOfficials denied it."
>>> title, date, left_out = read_header(split_paragraphs(text, find_debris(text)))
>>> title, date, [span.text for span in left_out]
('Freedonia denies drone sale', '2024-05-02', ['world', 'May 2, 2024'])
"""

from __future__ import annotations

import datetime as _dt
import itertools
import re
import unicodedata
from collections.abc import Iterator, Sequence

from tracker import lexicon
from tracker.model import Span

__all__ = [
    "MAX_PARAGRAPH_CHARS",
    "find_debris",
    "split_paragraphs",
    "split_long_paragraphs",
    "read_front_matter",
    "read_header",
    "parse_date",
    "normalise_date",
]

# ---------------------------------------------------------------------------------------
# Lines, blocks and spans

_NEWLINE = re.compile(r"\r\n|\r|\n")


def _lines(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each line from ``start``, newline characters excluded."""
    pos = start
    for match in _NEWLINE.finditer(text, start):
        yield pos, match.start()
        pos = match.end()
    if pos < len(text):
        yield pos, len(text)


def _blocks(text: str) -> list[list[tuple[int, int]]]:
    """Runs of non-blank lines; a line holding only whitespace separates blocks."""
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for start, end in _lines(text):
        if text[start:end].strip():
            current.append((start, end))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


#: Paragraphs longer than this many characters are parsed in pieces (spaCy refuses texts over
#: 1,000,000 characters, and its parser needs about 1 GB of memory per 100,000).
MAX_PARAGRAPH_CHARS = 100_000
# Where a long paragraph is best cut: after a sentence's end, else at any space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")


def split_long_paragraphs(paragraphs: Sequence[Span], limit: int | None = None) -> list[Span]:
    """``paragraphs`` with any longer than ``limit`` characters (default
    :data:`MAX_PARAGRAPH_CHARS`) cut into pieces no longer than it, each piece ending at a
    sentence end where one falls in the second half of the piece, else at a space, else
    at the limit itself.  Offsets stay those of the article text.

    >>> spans = split_long_paragraphs([Span(0, 30, "One two. Three four. Five six.")], 12)
    >>> [s.text for s in spans]
    ['One two.', 'Three four.', 'Five six.']
    """
    limit = MAX_PARAGRAPH_CHARS if limit is None else limit
    pieces: list[Span] = []
    for span in paragraphs:
        start, text = 0, span.text
        while len(text) - start > limit:
            window = text[start : start + limit]
            ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() > limit // 2]
            cut = ends[-1] if ends else (window.rfind(" ", limit // 2) + 1 or limit)
            piece_start, piece_end = _trim(text, start, start + cut)
            if piece_start < piece_end:
                pieces.append(_piece(span, piece_start, piece_end))
            start += cut
        piece_start, piece_end = _trim(text, start, len(text))
        if piece_start < piece_end:
            pieces.append(_piece(span, piece_start, piece_end))
    return pieces


def _piece(span: Span, start: int, end: int) -> Span:
    return Span(span.start + start, span.start + end, span.text[start:end])


def split_paragraphs(text: str, debris: Sequence[Span]) -> list[Span]:
    """Paragraphs of ``text``: blocks separated by blank lines, minus the ``debris`` spans.

    Any span to leave out (debris, header lines) may be passed as ``debris``; a block that
    contains one is split around it.  Each paragraph is trimmed of surrounding whitespace
    and indexes into ``text`` unchanged.

    >>> [p.text for p in split_paragraphs("One.\\r\\n\\r\\nTwo,\\nstill two.\\n", [])]
    ['One.', 'Two,\\nstill two.']
    """
    cuts = sorted((span.start, span.end) for span in debris)
    first_cut = 0  # blocks come in text order, so cuts ending before a block are done with
    paragraphs: list[Span] = []
    for block in _blocks(text):
        pos, block_end = block[0][0], block[-1][1]
        while first_cut < len(cuts) and cuts[first_cut][1] <= pos:
            first_cut += 1
        pieces: list[tuple[int, int]] = []
        for cut_start, cut_end in itertools.islice(cuts, first_cut, None):
            if cut_start >= block_end:
                break
            if cut_end > pos:
                pieces.append((pos, max(pos, cut_start)))
                pos = cut_end
        pieces.append((pos, block_end))
        for start, end in pieces:
            start, end = _trim(text, start, end)
            if start < end:
                paragraphs.append(_span(text, start, end))
    return paragraphs


# ---------------------------------------------------------------------------------------
# Debris

_LANGUAGE_LIST = lexicon.LANGUAGE_NAMES
# Longest first, so "indonesian" is removed before "indonesia".
_LANGUAGE_NAMES = sorted(_LANGUAGE_LIST.split(", "), key=len, reverse=True)
_CREDIT_WORDS = lexicon.PHOTO_CREDIT_WORDS
_PIPE_CREDIT = re.compile(rf"\|\s*(?=[^|]{{1,60}}$)[^|]*\b(?:{_CREDIT_WORDS})\b[^|]*$", re.I)
_PAREN_CREDIT = re.compile(
    r"\((?=[^()]{1,60}\)$)[^()]*\b(?:reuters|ap|afp|epa|getty images|photo|file|handout|"
    r"pool|xinhua|tass|anadolu)\b[^()]*\)$",
    re.I,
)
# "REUTERS/Jane Doe", "Jane Doe/AP Photo": an agency and a photographer joined by a slash.
_SLASH_CREDIT = re.compile(
    r"(?:\b(?:reuters|afp|epa(?:-efe)?|ap photo|anadolu(?: agency)?|xinhua|tass|sputnik)"
    r"\s*/\s*[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*){0,2}"
    r"|/\s*(?:ap photo|afp|getty images|reuters|epa)|\bvia getty images|\bgetty images)\s*$",
    re.I,
)
_DEBRIS_LINES = [
    re.compile(pattern, re.I)
    for pattern in (
        r"^(?:file\s+)?(?:photo|photograph|picture|image|caption)s?\s*by\b",
        r"^file\s+(?:photo|image|picture|footage)\b",
        r"^(?:image|photo|picture|video)\s*(?:credit|source|copyright)s?\b",
        r"^credits?\s*:",
        r"^(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4})",
        r"^(?:further reading|read more|related|see also|also read|recommended)\s*:\s*\S",
        r"^(?:advertisement|advertising|advert|sponsored(?: content)?|ad)"
        r"(?:\s*[-–—:|]?\s*(?:scroll|continue|story continues)[\w ]*)?$",
        r"^(?:story continues below|continue reading|listen to this article)\b.{0,40}$",
        r"^share(?: this)?(?: article| story| page| post)?(?: (?:on|via) [\w ,]+)?\s*:?$",
        r"^share this\b.{0,60}$",
        r"^(?:follow|like) us on\b.{0,80}$",
        r"^(?:sign up|subscribe)\b.{0,150}\bnewsletters?\b",
        r"^click here\b",
        r"^<?(?:https?://|www\.)\S+>?$",
    )
]
# Openings of a caption or a media prompt ("Pictured: ...", "PHOTOS: ...", "WATCH: ..."):
# debris where other text follows, the text itself where nothing else is (a headline).
_CAPTION_OPENINGS = re.compile(
    r"^(?:(?:file\s+)?(?:photo|photograph|picture|image|caption)s?\s*:"
    r"|pictured\s*:|(?:watch|listen)\s*:\s*\S)",
    re.I,
)
# A link-list heading: the rest of its block is a list of links, so all of it is debris.
_LINK_HEADING = re.compile(
    r"^(?:further reading|read more|related(?: articles| stories| coverage| content| links)?|"
    r"see also|also read|more on this(?: story| topic)?|recommended(?: reading)?|"
    r"you may also like|most read)\s*:?$",
    re.I,
)


def _scripts(line: str) -> set[str]:
    """Writing systems of the letters in ``line`` (LATIN, CYRILLIC, CJK, ...)."""
    found = set()
    for char in set(line):
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name:
                found.add(name.split(" ", 1)[0])
    return found


def _is_language_bar(line: str) -> bool:
    lowered = line.lower()
    letters = sum(char.isalpha() for char in lowered)
    named = 0
    for name in _LANGUAGE_NAMES:
        if name in lowered:
            named += 1
            lowered = lowered.replace(name, " ")
    if named >= 3 and sum(char.isalpha() for char in lowered) <= 0.25 * letters:
        return True
    # Several writing systems run together with hardly a space between words.
    return (
        not line.isascii()
        and len(line) / max(len(line.split()), 1) >= 12
        and len(_scripts(line)) >= 3
    )


def _debris_kind(line: str, openings: bool = True) -> str | None:
    """What kind of debris ``line`` is: "heading" (a link-list heading), "line" or None;
    with ``openings``, a line that opens like a caption ("Pictured: ...") is debris too."""
    if _LINK_HEADING.match(line):
        return "heading"
    if (
        any(pattern.search(line) for pattern in _DEBRIS_LINES)
        or (openings and _CAPTION_OPENINGS.search(line))
        or _PIPE_CREDIT.search(line)
        or (len(line) <= 400 and (_PAREN_CREDIT.search(line) or _SLASH_CREDIT.search(line)))
        or _is_language_bar(line)
    ):
        return "line"
    return None


def find_debris(text: str) -> list[Span]:
    """Spans of scraping debris in ``text``: whole lines, merged where they touch.

    Recognised by general rules, in any letter case: language-selector bars, photo
    captions and credits, "file photo", link lists ("further reading:", "related:"),
    advertisement and share/newsletter prompts, "click here" and bare URLs.  A line that
    only opens like a caption or a media prompt ("Pictured: ...", "WATCH: ...") is debris
    where other text follows; a text that is nothing else (a headline) keeps it.

    >>> [d.text for d in find_debris("Aid arrived.\\n\\nfile photo\\n\\nread more:")]
    ['file photo', 'read more:']
    >>> [d.text for d in find_debris("Pictured: aid arrives\\n\\nAid arrived on Monday.")]
    ['Pictured: aid arrives']
    >>> find_debris("Pictured: aid arrives in Astrin")
    []
    """
    spans = _find_debris(text, openings=True)
    if spans and not _text_outside(text, spans):
        spans = _find_debris(text, openings=False)
    return spans


def _text_outside(text: str, spans: list[Span]) -> bool:
    """Whether ``text`` holds anything but white space outside ``spans``."""
    position = 0
    for span in sorted(spans, key=lambda s: s.start):
        if text[position : span.start].strip():
            return True
        position = max(position, span.end)
    return bool(text[position:].strip())


def _find_debris(text: str, *, openings: bool) -> list[Span]:
    spans: list[Span] = []
    for block in _blocks(text):
        marked: list[tuple[int, int, bool]] = []
        rest_is_debris = False
        for start, end in block:
            start, end = _trim(text, start, end)
            kind = None if rest_is_debris else _debris_kind(text[start:end], openings)
            rest_is_debris = rest_is_debris or kind == "heading"
            marked.append((start, end, rest_is_debris or kind is not None))
        for is_debris, group in itertools.groupby(marked, key=lambda line: line[2]):
            if is_debris:
                lines = list(group)
                spans.append(_span(text, lines[0][0], lines[-1][1]))
    return spans


# ---------------------------------------------------------------------------------------
# Dates, front matter and scraped headers

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DATE_PREFIX = (
    r"^(?:(?:first |last )?(?:published|updated|posted)(?: on)?\s*:?\s*)?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
)
_DATE_FORMS = [
    re.compile(_DATE_PREFIX + date + r"(?P<rest>.*)$", re.I)
    for date in (
        r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})",
        r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})",
        _MONTH + r"\s+" + _DAY + r",?\s+(?P<year>\d{4})",
        _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})",
    )
]
# What may follow a date on a date line: a time, maybe with a zone ("10:32 am ET", "T08:00Z").
_TIME_REST = re.compile(r"^[\s,|/–—-]*(?:at\s+)?t?\d{1,2}[:.]\d{2}[\w:.+ -]{0,20}$", re.I)


def parse_date(value: str) -> str | None:
    """ISO ``YYYY-MM-DD`` for a string that is a date (maybe with a time), else None.

    >>> parse_date("Published: Sunday, 8th September 2024 10:32 am ET")
    '2024-09-08'
    >>> parse_date("May 2, 2024, officials said") is None
    True
    """
    value = value.strip()
    for form in _DATE_FORMS:
        match = form.match(value)
        if not match:
            continue
        rest = match["rest"].strip()
        if rest and not _TIME_REST.match(rest):
            return None
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else _MONTHS[parts["month"][:3].lower()]
        try:
            return _dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
        except ValueError:
            return None
    return None


def normalise_date(value: str | None) -> str | None:
    """``value`` as ISO ``YYYY-MM-DD`` where it parses, else stripped; None if blank.

    >>> normalise_date("2 May 2024"), normalise_date(" spring 2024 "), normalise_date(" ")
    ('2024-05-02', 'spring 2024', None)
    """
    if value is None or not value.strip():
        return None
    return parse_date(value) or value.strip()


_FRONT_MATTER_LINE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_FRONT_MATTER_ALIASES = {"source": "outlet", "publisher": "outlet"}


def read_front_matter(text: str) -> tuple[dict[str, str], int] | None:
    """Keys and end offset of a leading ``---`` block of ``key: value`` lines, if any.

    Keys are lower-cased (``source`` and ``publisher`` read as ``outlet``), quotes around a
    value come off, and the first value given for a key wins.  A block that holds a line
    other than ``key: value``, or no value at all, is not front matter.

    >>> read_front_matter("---\\nTitle: 'Drone sale'\\nsource: Herald\\n---\\nText.")
    ({'title': 'Drone sale', 'outlet': 'Herald'}, 42)
    """
    lines = _lines(text)
    first = next(lines, None)
    if first is None or text[first[0] : first[1]].strip() != "---":
        return None
    values: dict[str, str] = {}
    for start, end in lines:
        line = text[start:end]
        if line.strip() in ("---", "..."):
            return (values, end) if values else None
        if not line.strip():
            continue
        match = _FRONT_MATTER_LINE.match(line)
        if not match:
            return None
        key, value = match[1].lower(), match[2]
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        key = _FRONT_MATTER_ALIASES.get(key, key)
        if value and key not in values:
            values[key] = value
    return None


_LABEL_WORD = re.compile(r"^[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?$")
_HEADLINE_END = re.compile(r"[.:;,–—-]$")


def _is_section_label(line: str) -> bool:
    words = [word for word in line.split() if word not in ("&", "and")]
    return len(line) <= 30 and 1 <= len(words) <= 2 and all(_LABEL_WORD.match(w) for w in words)


def _is_headline(line: str) -> bool:
    core = line.rstrip("\"'”’)]»")
    words = [word for word in line.split() if any(char.isalpha() for char in word)]
    return (
        "\n" not in line
        and "\r" not in line
        and len(line) <= 200
        and 2 <= len(words) <= 30
        and not _HEADLINE_END.search(core)
    )


def read_header(paragraphs: Sequence[Span]) -> tuple[str | None, str | None, list[Span]]:
    """Title, ISO date and the spans to leave out, from the opening paragraphs.

    A scraped header is an optional section word (``world``), an optional date line, a
    headline and another optional date line.  The section word and date line are returned
    to be left out; the headline is not, because headlines often carry attributions.
    """
    title: str | None = None
    date: str | None = None
    left_out: list[Span] = []
    i = 0

    def take_date() -> None:
        nonlocal i, date
        if i < len(paragraphs) and date is None and "\n" not in paragraphs[i].text:
            found = parse_date(paragraphs[i].text)
            if found:
                date = found
                left_out.append(paragraphs[i])
                i += 1

    if len(paragraphs) > 1 and _is_section_label(paragraphs[0].text):
        left_out.append(paragraphs[0])
        i = 1
    take_date()
    if i + 1 < len(paragraphs) and _is_headline(paragraphs[i].text):
        title = re.sub(r"^#{1,6}\s+", "", paragraphs[i].text)
        i += 1
        take_date()
    return title, date, left_out
