"""Finding quoted passages in a paragraph.

Straight double quotes (and two apostrophes standing for one) pair up in order; curly
quotes pair by direction.  An opening mark
with no closing mark runs to the end of its paragraph, the newspaper convention for a
quote that goes on in the next paragraph.

>>> quote_segments('he said "we will win," and left.')
[(9, 20)]
"""

from __future__ import annotations

from tracker import lexicon

__all__ = ["quote_segments", "inside"]

OPENING = lexicon.OPENING_QUOTES
CLOSING = lexicon.CLOSING_QUOTES
STRAIGHT = '"'
DOUBLED = "''"


def quote_segments(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of the text inside each pair of double quotation marks.

    The marks themselves are excluded, and so are a trailing comma or a space just inside
    the closing mark, so the segment is what the speaker said.
    """
    segments: list[tuple[int, int]] = []
    open_at: int | None = None
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        # two apostrophes stand for a double quotation mark in some wire copy
        width = 2 if text.startswith(DOUBLED, i) else 1
        straight = ch == STRAIGHT or width == 2
        if open_at is None:
            if ch in OPENING or straight:
                open_at = i + width
        elif ch in CLOSING or straight or (ch in OPENING and _ends_word(text, i)):
            # an opening mark straight after a word and before a space closes a quote
            # that was typed with the wrong mark ("...for her here,“ said Lind")
            segments.append(_trimmed(text, open_at, i))
            open_at = None
        i += width
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
