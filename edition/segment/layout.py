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

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from edition.segment.dates import DATE_PLACE_WORDS, SEPARATOR, is_dated_line, is_event_line, is_posting_line
from edition.segment.shapes import (
    capitalized_share,
    closes_with_stop,
    ends_sentence,
    ends_with_abbreviation,
    is_heading_like,
    is_list_entry,
    is_separator,
    sentences,
    starts_upper,
    strip_bullet,
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
MOST_OF_FILE = 0.5
"""A group holding at least this share of the file's lines (and
``MOST_OF_FILE_LINES`` of them) is the file's body set without blank lines."""
MOST_OF_FILE_LINES = 6
FEW_BLANK_LINES = 0.2
"""A file with fewer blank lines than this share of its other lines is set
without them, but for a few: each of its groups may be one block per line."""
NO_BLANK_LINES = 0.05
"""A hard-wrapped file with fewer blank lines than this share of its other
lines has its paragraphs' ends where a line stops short: it has all but none."""


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
    indented: int = 0
    """How many paragraphs open with an indented line where no blank line is."""

    def _blocks(self) -> str:
        if self.wrapped_at and self.line_paragraphs:
            return (f"lines hard-wrapped at about {self.wrapped_at} characters, with next to no "
                    "blank lines: a line break inside a paragraph reads as a space, and a line that "
                    "stops short of the width (the next line's first word would have fitted "
                    "after it), or is shaped as a title, ends its paragraph "
                    f"({self.line_paragraphs} such line breaks)")
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
        if self.indented:
            said += (f"; where no blank line is, a line indented deeper than the lines around it "
                     f"opens a paragraph ({self.indented} such lines)")
        if self.dated:
            said += (f"; a line that is only a date (and a place) is a block of its own "
                     f"({self.dated} line breaks)")
        return said


def _width(lines: Sequence[str]) -> int:
    """The hard-wrap width, or 0: the length most lines that the next line
    goes on in lower case come close to (a list's lines, each opening with
    a capital, say nothing of it)."""
    inner = [len(lines[k].rstrip()) for k in range(len(lines) - 1)
             if lines[k].strip() and lines[k + 1].strip()[:1].islower()]
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
    little else, an event's date and place ("12 OCT | Bruselas"), a line
    saying when and by whom a text was posted, or a
    section break (but not one drawn right under an
    e-mail signature's "-- ", which belongs to the signature)."""
    return (is_dated_line(line) or _event_alone(line) or is_posting_line(line)
            or (is_separator(line) and above.strip() not in _SIGNATURE_MARKS))


def _event_alone(line: str) -> bool:
    """An event's date over its place or hours, each part short: more words
    after the bar are a sentence that a caption's date opens."""
    return is_event_line(line) and all(words(part) <= DATE_PLACE_WORDS for part in SEPARATOR.split(line.strip())[1:])


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


def _runs_into(line: str, following: str) -> bool:
    """In a file set one block per line, a line that the next one goes on:
    it stops without closing a sentence, and the next line opens in lower
    case (maybe after a bracket or quote)."""
    t, f = line.strip(), following.strip().lstrip("([\"'\u201c\u2018\u00ab")
    return (words(t) >= WRAP_WORDS and not closes_with_stop(t) and not t.endswith(":")
            and bool(f) and f[0].islower())


def _wrapped_on(line: str, following: str, width: int) -> bool:
    """In a hard-wrapped file set without blank lines, a line that the next
    goes on: it goes on in lower case, or it comes close to the width
    without passing it and the next line's first word would not have fitted
    after it (a wrapping program would have put a word that fits there: a
    line it left short of that ends its paragraph; a line longer than the
    width is a paragraph left on one line).  A list's entry as long as a
    wrapped line, over another entry, goes on with its list."""
    size = len(line.rstrip())
    if _runs_into(line, following) or _goes_on_lower(line, following):
        return True
    if not NEAR_WIDTH * width <= size <= width + OVER_WIDTH:
        return False
    if _item(_BRACKETED.sub("", line)) and _item(following):
        return True  # entries of a list, as long as a wrapped line: the list goes on
    word = following.split(maxsplit=1)[0] if following.strip() else ""
    return size + 1 + len(word) > FITS * width


def _goes_on_lower(line: str, following: str) -> bool:
    """A line that no stop or colon closes, the next line going on in lower
    case (maybe after a bracket or quote): the rest of a sentence that
    wrapping or a copy broke short, however short the line."""
    t, f = line.strip(), following.strip().lstrip("([\"'\u201c\u2018\u00ab")
    return bool(t) and not closes_with_stop(t) and not t.endswith(":") and bool(f) and f[0].islower()


FITS = 0.9
"""A line and the next line's first word within this share of the width
would have been one line: the share leaves room for type set in
proportional fonts (a PDF's lines), whose letters are not all one width."""


OVER_WIDTH = 2
"""A line this much longer than the width was not wrapped at it."""

TITLE_LINE_WORDS = 16
"""The most words of a file's first line read as its title."""
TITLE_CASE_SHARE = 0.9
"""The least share of capitalized words of a line set in title case."""
TITLE_CASE_WORDS = 3
"""The fewest words of a line read as set in title case."""


def _headings_apart(lines: Sequence[str], k: int, end: int, top: int, width: int) -> list[int]:
    """In a hard-wrapped group set without blank lines, the breaks around a
    line shaped as a heading, however close to the width it comes: the
    file's first line, one sentence over a line opening with a capital (a
    title); or, outside a list, a line in title case that no stop closes and
    no comma divides (a run of names), between a closed sentence (or the
    group's start) and a line opening with a capital (a subtitle or a
    section's heading)."""
    found = []
    # A list's names are in title case too; a line that wrapped text goes on from is none.
    listed = _listed(lines, k, end, functools.partial(_wrapped_on, width=width))
    for j in range(k, end):
        t, following = lines[j].strip(), lines[j + 1].strip()
        if not starts_upper(following) or j in listed:
            continue
        if j == top and words(t) <= TITLE_LINE_WORDS and sentences(t) == 1 and not t.endswith((",", ";", ":")):
            found.append(j)
        elif _title_case(t) and (j == k or closes_with_stop(lines[j - 1].strip())):
            found.append(j)
            if j > k:
                found.append(j - 1)
    return found


def _title_case(text: str) -> bool:
    """Most words capitalized, short ones aside ("Students Deserve Due Process")."""
    share = capitalized_share(text)
    return (share is not None and share >= TITLE_CASE_SHARE and len(text.split()) >= TITLE_CASE_WORDS
            and is_heading_like(text) and "," not in text)


def _line_per_block(lines: Sequence[str], k: int, end: int, runs_into: Callable[[str, str], bool]) -> list[int]:
    """In a group set one block per line, every line break but where a line
    runs on into the next (``runs_into``), inside a bulleted list, or inside a list of short
    lines: a short label ending in a colon and the names under it, or
    ``LIST_LINES`` names or more (each list one block, as blank lines would
    set it apart)."""
    listed = _listed(lines, k, end)
    found = []
    bulleted = False
    for j in range(k, end):
        line, following = lines[j].strip(), lines[j + 1].strip()
        bulleted = bulleted or bool(strip_bullet(line))
        if (j in listed and listed.get(j + 1) == listed[j]) or runs_into(lines[j], lines[j + 1]) or (bulleted and strip_bullet(following)):
            continue
        found.append(j)
        bulleted = False
    return found


LIST_LINES = 3
"""Short lines in a row that make a list without a label over them."""


def _listed(lines: Sequence[str], k: int, end: int,
            goes_on: Callable[[str, str], bool] | None = None) -> dict[int, int]:
    """The lines of lists, each with the first line of its list: runs of
    short lines (all bulleted or none), each run opening at a label
    ("Georgia:") or holding ``LIST_LINES`` lines or more (but for the lines
    that open the file: a title, its kicker or byline)."""
    first = next(j for j in range(len(lines)) if lines[j].strip())
    runs: list[list[int]] = []
    for j in range(k, end + 1):
        line = lines[j].strip()
        if _label(line):
            runs.append([j])
        elif _formula(lines, j, k, end):
            continue  # a closing formula ("Yours,") over the names, no entry of theirs
        elif goes_on is not None and j < end and goes_on(lines[j], lines[j + 1]):
            continue  # a line that the next goes on is prose, no entry
        elif _item(line) and runs and runs[-1][-1] == j - 1 and bool(strip_bullet(line)) == bool(
                strip_bullet(lines[j - 1])):
            runs[-1].append(j)
        elif _item(line):
            runs.append([j])
    return {j: run[0] for run in runs if len(run) > 1 and (_label(lines[run[0]].strip())
                                                           or (len(run) >= LIST_LINES and run[0] > first))
            for j in run}


FORMULA_WORDS = 4
"""The most words of a closing formula ("Yours,", "Best wishes,")."""


def _formula(lines: Sequence[str], j: int, k: int, end: int) -> bool:
    """Line ``j`` closes a letter over the names: a few words ending in a
    comma, right under a closed sentence, over a line that ends in none
    (not one of names each followed by a comma)."""
    t = lines[j].strip()
    return (t.endswith(",") and words(t) <= FORMULA_WORDS and j > k and closes_with_stop(lines[j - 1].strip())
            and (j == end or not lines[j + 1].rstrip().endswith(",")))


ITEM_WORDS = 16
"""The most words of a label ("Georgia:") or of an entry of a list (a name
and its role), brackets aside."""


def _label(line: str) -> bool:
    return line.endswith(":") and 0 < words(line) <= ITEM_WORDS


def _item(line: str) -> bool:
    """A line that could be one entry of a list: a name, maybe with its role
    in brackets; no sentence."""
    t = line.strip()
    return (is_list_entry(t) and not _stands_alone(t, "") and 0 < words(_BRACKETED.sub("", t)) <= ITEM_WORDS
            and (not closes_with_stop(t) or ends_with_abbreviation(t)))


_BRACKETED = re.compile(r"\([^()]*\)")


INDENTED_LINES = 3
"""The fewest lines, indented deeper than the rest of their group, that make
indentation the mark of a paragraph's first line."""


def _indented(lines: Sequence[str], indents: Sequence[int], k: int, end: int) -> list[int]:
    """The lines of a group that open paragraphs by their indentation: those
    indented deeper than the group's least, when there are a few of them,
    most follow a line that ends a sentence, and either they are fewer than
    the rest (each paragraph has lines that go on below) or most of them
    close a sentence themselves (a paragraph a line, each indented; not an
    indented address or list)."""
    base = min(indents[k:end + 1])
    deeper = [j for j in range(k + 1, end + 1) if indents[j] > base]
    if len(deeper) < INDENTED_LINES or deeper[0] - k > INDENTED_SPAN:
        return []
    if len(deeper) >= (end - k + 1) / 2:
        whole = sum(1 for j in deeper if closes_with_stop(lines[j].strip()))
        if whole < INDENTED_CLOSED * len(deeper):
            return []
    closed = sum(1 for j in deeper if closes_with_stop(lines[j - 1].strip()) or not _runs_on(lines[j - 1]))
    return deeper if closed >= INDENTED_CLOSED * len(deeper) else []


INDENTED_SPAN = 15
"""The most lines above a group's first indented line for indents to open
its paragraphs: a few indented lines deep inside a long group (a block
quote, an indented list near its end) say nothing of where the paragraphs
above them end."""
HEAD_LINES = 3
"""Above a group's first indented line, up to this many lines are a title,
a kicker or an addressee, a block each (unless a sentence runs on)."""
INDENTED_CLOSED = 0.7
"""The least share of the deeper lines that follow a closed sentence (or a
short line) for indentation to open paragraphs: where it falls anywhere
(a link's text set on a line of its own), it marks nothing."""


WRAPPED_SHARE = 0.3
"""The share of a group's line breaks that go on in lower case mid-sentence
(``WRAPPED_BREAKS`` of them at least) above which the group is hard-wrapped
prose whose width went unseen (lines of many lengths): never one block per line."""
WRAPPED_BREAKS = 3


def _wrapped_prose(lines: Sequence[str], k: int, end: int) -> bool:
    going_on = sum(1 for j in range(k, end) if _runs_into(lines[j], lines[j + 1]))
    return going_on >= WRAPPED_BREAKS and going_on > WRAPPED_SHARE * (end - k)


def _inner_blank_lines(lines: Sequence[str]) -> int:
    """Blank lines between the first line of text and the last (not those a
    file ends or begins with)."""
    filled = [j for j, line in enumerate(lines) if line.strip()]
    return filled[-1] - filled[0] + 1 - len(filled) if filled else 0


def _most_of(size: int, filled: int) -> bool:
    """A group that is most of the file: a file set without blank lines,
    whose line breaks are its block ends (but where a line runs on)."""
    return size >= MOST_OF_FILE_LINES and size >= MOST_OF_FILE * filled


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


def read_layout(lines: Sequence[str], indents: Sequence[int] = ()) -> tuple[Layout, frozenset[int]]:
    """The layout, and the lines (0-based) after which a block ends
    although no blank line follows.  Decided group by group (a file may mix
    layouts): in a file that is not hard-wrapped, a group of lines is one
    block per line when most of its line breaks end a long sentence line and
    open a capitalized one, or when at least one does and none breaks a
    sentence off mid-way.  ``indents`` are the lines' indentations in the
    source (normalization removes them): in a file with few blank lines, a
    line indented deeper than most of its group opens a paragraph."""
    width = _width(lines)
    filled = sum(1 for line in lines if line.strip())
    top = next((j for j, line in enumerate(lines) if line.strip()), 0)
    blank = _inner_blank_lines(lines)
    sparse = blank < FEW_BLANK_LINES * filled
    bare = blank < NO_BLANK_LINES * filled
    breaks: set[int] = set()
    dated: set[int] = set()
    indented = 0
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
            opening = _indented(lines, indents, k, end) if sparse and indents else []
            if opening:
                breaks.update(j - 1 for j in opening)
                if opening[0] - k <= HEAD_LINES:  # a title and the like above the first paragraph
                    breaks.update(_line_per_block(lines, k, opening[0] - 1, _runs_into))
                indented += len(opening)
            elif not width and inner and (sparse or _most_of(end - k + 1, filled)) and not _wrapped_prose(lines, k, end):
                breaks.update(_line_per_block(lines, k, end, _runs_into))
            elif width and bare:
                breaks.update(_line_per_block(lines, k, end, functools.partial(_wrapped_on, width=width)))
                breaks.update(_headings_apart(lines, k, end, top, width))
            elif not width and len(inner) >= LINE_GROUP_SHARE * (end - k):
                breaks.update(inner)
            elif not width and inner and not any(_wraps(lines[j], lines[j + 1]) for j in range(k, end)):
                breaks.update(_line_breaks(lines, k, end))
            dated.update(_apart(lines, k, end))
        k = end + 1
    return (Layout(width, len(breaks), groups, len(dated - breaks), indented),
            frozenset(breaks | dated))
