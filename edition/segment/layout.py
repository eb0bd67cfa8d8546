"""The file's layout, read before any block is typed.

Where a paragraph ends is a matter of layout before it is one of meaning:
one file separates paragraphs by blank lines and joins long lines; another
is hard-wrapped at some width, its line breaks mere spaces; a third puts
each paragraph on one line with no blank line between.  ``read_layout``
decides which from line lengths and line ends alone, once per file.  The
line breaks it reads as block ends are handed to the engine, which shows
the rules a blank line there, so that every rule (not the paragraph rule
alone) sees one block per line; the teiHeader records the decision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from edition.segment.dates import is_dated_line, is_posting_line
from edition.segment.shapes import (
    closes_with_stop,
    ends_sentence,
    ends_with_abbreviation,
    is_separator,
    starts_upper,
    words,
)

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
WRAP_WORDS = 5
"""A line of at least this many words that breaks off mid-sentence, the next
line going on in lower case, is wrapped: its group is not one block per line."""


@dataclass(frozen=True)
class Layout:
    """What the paragraph rule and the teiHeader need to know of the layout."""

    wrapped_at: int
    """The width lines were hard-wrapped at (0: not hard-wrapped)."""
    line_paragraphs: int
    """How many line breaks inside groups read as paragraph ends."""
    groups: int
    """Groups of lines between blank lines that hold more than one line."""
    dated: int = 0
    """How many line breaks set a date line apart from the lines around it."""

    def _blocks(self) -> str:
        if self.wrapped_at:
            return (f"lines hard-wrapped at about {self.wrapped_at} characters: a line break inside "
                    "a paragraph reads as a space; blank lines separate paragraphs")
        if self.line_paragraphs:
            return ("one paragraph per line in places: a line that ends a sentence, followed by "
                    f"a line opening with a capital, ends a paragraph ({self.line_paragraphs} such "
                    "line breaks); elsewhere blank lines separate paragraphs")
        return "blank lines separate paragraphs; a line break inside a paragraph reads as a space"

    @property
    def description(self) -> str:
        said = self._blocks()
        if self.dated:
            said += (f"; a line that is only a date (and a place) is a block of its own "
                     f"({self.dated} line breaks)")
        return said


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


def _wraps(line: str, following: str) -> bool:
    """The line goes on in the next one: a sentence broken by a line end."""
    t, f = line.strip(), following.strip()
    return words(t) >= WRAP_WORDS and not ends_sentence(t) and bool(f) and f[0].islower()


def _stands_alone(line: str, above: str) -> bool:
    """A line that is a block of its own wherever it stands: a date with
    little else, a line saying when and by whom a text was posted, or a
    section break (but not one drawn right under an
    e-mail signature's "-- ", which belongs to the signature)."""
    return is_dated_line(line) or is_posting_line(line) or (is_separator(line) and above.strip() not in _SIGNATURE_MARKS)


_SIGNATURE_MARKS = frozenset({"--", "\u2014", "\u2013"})
"""An e-mail signature's "-- ", as normalization may have left it."""


def _apart(lines: Sequence[str], k: int, end: int) -> list[int]:
    """In any group, the breaks around a line that stands alone, unless the
    line above runs on into a date (a wrapped sentence that mentions one)."""
    found = []
    for j in range(k, end + 1):
        above = lines[j - 1] if j > k else ""
        if not _stands_alone(lines[j], above) or (j > k and _runs_on(above) and not is_separator(lines[j])):
            continue
        if j > k:
            found.append(j - 1)
        if j < end:
            found.append(j)
    return found


def _runs_on(line: str) -> bool:
    """Running text that does not close where the line ends: the next line
    continues it, whatever that line holds (a header field, "Subject: …",
    is no running text)."""
    return not ends_sentence(line.strip()) and words(line) >= WRAP_WORDS and not _FIELD.match(line)


_FIELD = re.compile(r"^\s*[A-Z][\w-]{1,20}:\s")
"""A header field of an e-mail or a post ("Subject: …", "To: …")."""


def _line_breaks(lines: Sequence[str], k: int, end: int) -> list[int]:
    """In a group read as one block per line (lines ``k``..``end``), the line
    breaks that end a block: after a closed sentence.  Runs of short lines
    that close no sentence (names, a lead-in and its names) stay together."""
    found = []
    for j in range(k, end):
        line, following = lines[j].strip(), lines[j + 1].strip()
        closed = closes_with_stop(line) and not ends_with_abbreviation(line) and starts_upper(following)
        if closed:
            found.append(j)
    return found


def read_layout(lines: Sequence[str]) -> tuple[Layout, frozenset[int]]:
    """The layout, and the lines (0-based) after which a block ends
    although no blank line follows.  Decided group by group (a file may mix
    layouts): in a file that is not hard-wrapped, a group of lines is one
    block per line when most of its line breaks end a long sentence line and
    open a capitalized one, or when at least one does and none breaks a
    sentence off mid-way."""
    width = _width(lines)
    breaks: set[int] = set()
    dated: set[int] = set()
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
            elif not width and inner and not any(_wraps(lines[j], lines[j + 1]) for j in range(k, end)):
                breaks.update(_line_breaks(lines, k, end))
            dated.update(_apart(lines, k, end))
        k = end + 1
    return Layout(width, len(breaks), groups, len(dated - breaks)), frozenset(breaks | dated)
