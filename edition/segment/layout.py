"""The file's layout, read before any block is typed.

Where a paragraph ends is a matter of layout before it is one of meaning:
one file separates paragraphs by blank lines and joins long lines; another
is hard-wrapped at some width, its line breaks mere spaces; a third puts
each paragraph on one line with no blank line between.  ``read_layout``
decides which from line lengths and line ends alone, once per file; the
paragraph rule asks ``Layout.breaks`` whether a line break inside a group
of lines ends a paragraph, and the teiHeader records the decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from edition.segment.shapes import ends_sentence, ends_with_abbreviation, starts_upper, words

WRAP_WIDTHS = (60, 100)
"""A hard-wrapped file is wrapped at a width in this range of characters."""
WRAP_SHARE = 0.6
"""At least this share of the lines that are followed by another line of
their group must come close to the width for the file to be hard-wrapped."""
NEAR_WIDTH = 0.75
"""A line "comes close" to the width at this fraction of it or more."""
LINE_PARAGRAPH_WORDS = 8
"""In a file that is not hard-wrapped, a line of at least this many words
that ends a sentence, followed by a line starting with a capital, ends a
paragraph: one paragraph per line."""

LINE_GROUP_SHARE = 2 / 3
"""The share of a group's line breaks that must look like paragraph ends
for the group to be read as one paragraph per line."""


@dataclass(frozen=True)
class Layout:
    """What the paragraph rule and the teiHeader need to know of the layout."""

    wrapped_at: int
    """The width lines were hard-wrapped at (0: not hard-wrapped)."""
    line_paragraphs: int
    """How many line breaks inside groups read as paragraph ends."""
    groups: int
    """Groups of lines between blank lines that hold more than one line."""

    @property
    def description(self) -> str:
        if self.wrapped_at:
            return (f"lines hard-wrapped at about {self.wrapped_at} characters: a line break inside "
                    "a paragraph reads as a space; blank lines separate paragraphs")
        if self.line_paragraphs:
            return ("one paragraph per line in places: a long line that ends a sentence, followed by "
                    f"a line opening with a capital, ends a paragraph ({self.line_paragraphs} such "
                    "line breaks); elsewhere blank lines separate paragraphs")
        return "blank lines separate paragraphs; a line break inside a paragraph reads as a space"


def _width(lines: Sequence[str]) -> int:
    """The hard-wrap width, or 0: the length most inner lines of groups come close to."""
    inner = [len(lines[k].rstrip()) for k in range(len(lines) - 1)
             if lines[k].strip() and lines[k + 1].strip()]
    if len(inner) < 4:
        return 0
    inner.sort()
    width = inner[int(0.9 * (len(inner) - 1))]
    if not WRAP_WIDTHS[0] <= width <= WRAP_WIDTHS[1]:
        return 0
    near = sum(1 for n in inner if NEAR_WIDTH * width <= n <= width + 2)
    return width if near >= WRAP_SHARE * len(inner) else 0


def _line_break_ends_paragraph(line: str, following: str) -> bool:
    t = line.strip()
    return (words(t) >= LINE_PARAGRAPH_WORDS and ends_sentence(t) and not t.endswith((",", ";", ":"))
            and not ends_with_abbreviation(t) and starts_upper(following.strip()))


def read_layout(lines: Sequence[str]) -> tuple[Layout, frozenset[int]]:
    """The layout, and the lines (0-based) after which a paragraph ends
    although no blank line follows.  Decided group by group (a file may mix
    layouts): a group of lines is one paragraph per line when most of its
    line breaks end a long sentence line and open a capitalized one."""
    width = _width(lines)
    breaks: set[int] = set()
    groups = 0
    k = 0
    while k < len(lines):
        if not lines[k].strip():
            k += 1
            continue
        end = k
        while end + 1 < len(lines) and lines[end + 1].strip():
            end += 1
        if end > k:
            groups += 1
            inner = [j for j in range(k, end) if _line_break_ends_paragraph(lines[j], lines[j + 1])]
            if not width and len(inner) >= LINE_GROUP_SHARE * (end - k):
                breaks.update(inner)
        k = end + 1
    return Layout(width, len(breaks), groups), frozenset(breaks)
