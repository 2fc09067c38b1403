"""Finding quoted passages in a paragraph.

Straight double quotes (and two apostrophes standing for one) pair up in order; curly
quotes pair by direction.  An opening mark
with no closing mark runs to the end of its paragraph, the newspaper convention for a
quote that goes on in the next paragraph.

>>> quote_segments('he said "we will win," and left.')
[(9, 20)]
"""

from __future__ import annotations

import re

from tracker import lexicon

__all__ = ["quote_segments", "inside", "after_colon"]

OPENING = lexicon.OPENING_QUOTES
CLOSING = lexicon.CLOSING_QUOTES
STRAIGHT = '"'
DOUBLED = "''"


#: the marks that open or close a quotation: only these move the scan
_MARKS = re.compile(
    re.escape(DOUBLED) + "|[" + re.escape("".join(sorted(OPENING | CLOSING | {STRAIGHT}))) + "]"
)


def quote_segments(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of the text inside each pair of double quotation marks.

    The marks themselves are excluded, and so are a trailing comma or a space just inside
    the closing mark, so the segment is what the speaker said.
    """
    segments: list[tuple[int, int]] = []
    open_at: int | None = None
    n = len(text)
    # two apostrophes stand for a double quotation mark in some wire copy
    for mark in _MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        straight = ch in (STRAIGHT, DOUBLED)
        if open_at is None:
            if ch in OPENING or straight:
                open_at = mark.end()
        elif ch in CLOSING or straight or (ch in OPENING and _ends_word(text, i)):
            # an opening mark straight after a word and before a space closes a quote
            # that was typed with the wrong mark ("...for her here,“ said Lind")
            segments.append(_trimmed(text, open_at, i))
            open_at = None
    if open_at is not None and n - open_at > 0:
        segments.append(_trimmed(text, open_at, n))
    return [s for s in segments if s[1] > s[0]]


def _ends_word(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ",.;:")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def inside(position: int, segments: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The segment that contains character ``position``, if any."""
    for start, end in segments:
        if start <= position < end:
            return start, end
    return None


def after_colon(text: str, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The segments a colon introduces ('printed this line: "officials denied ..."').

    >>> text = 'The Courier printed this: "Officials denied it." Then "a quote".'
    >>> [text[a:b] for a, b in after_colon(text, quote_segments(text))]
    ['Officials denied it.']
    """
    return [
        (a, b)
        for a, b in segments
        if text[max(0, a - 8) : a].rstrip(lexicon.OPENING_MARKS).endswith(":")
    ]
