"""Finding quoted passages in a paragraph.

Straight double quotes pair up in order; curly quotes pair by direction.  An opening mark
with no closing mark runs to the end of its paragraph, the newspaper convention for a
quote that goes on in the next paragraph.

>>> quote_segments('he said "we will win," and left.')
[(9, 20)]
"""

from __future__ import annotations

__all__ = ["OPENING", "CLOSING", "quote_segments", "inside"]

OPENING = frozenset("\u201c\u201e\u00ab")
CLOSING = frozenset("\u201d\u00bb")
STRAIGHT = '"'


def quote_segments(text: str) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of the text inside each pair of double quotation marks.

    The marks themselves are excluded, and so are a trailing comma or a space just inside
    the closing mark, so the segment is what the speaker said.
    """
    segments: list[tuple[int, int]] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if open_at is None:
            if ch in OPENING or ch == STRAIGHT:
                open_at = i
        elif ch in CLOSING or ch == STRAIGHT:
            segments.append(_trimmed(text, open_at + 1, i))
            open_at = None
    if open_at is not None and len(text) - open_at > 1:
        segments.append(_trimmed(text, open_at + 1, len(text)))
    return [s for s in segments if s[1] > s[0]]


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
