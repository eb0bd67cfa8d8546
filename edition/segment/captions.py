"""Captions known by the company they keep, once every block is typed.

A photo's caption with no credit and no pointing words ("From left to
right") has no shape of its own on its line: it reads like a short
paragraph or a headline.  What gives it away is how it stands among the
blocks around it.  A page converted from a web page often sets its
captions off the same way (an indent its paragraphs lack): once most blocks
set off so are captions already, the rest are too.  And in a newsletter of
dated stories (a headline, then "12 OCT | Brussels", then the story), a
lone line that no stop closes, in the middle of a story's running text, is
not a headline (a story's headline stands over its date) but the caption of
a photo set in the story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from edition.model import Block
from edition.segment.rules.figures import CAPTION_WORDS
from edition.segment.rules.marks import place_and_dates
from edition.segment.shapes import ends_sentence, words
from edition.segment.units import FIGURE_TYPES


@dataclass(frozen=True)
class Page:
    """What the passes may read of the source besides its blocks."""

    indents: tuple[int, ...] = ()
    """Per source line (0-based), the width of the blank that opens it."""

    def indented(self, block: Block) -> bool:
        """The block opens its line, and the line opens with a blank."""
        first = block.spans[0]
        return first.start == 0 and 0 < first.line <= len(self.indents) and self.indents[first.line - 1] > 0


_RETYPED = frozenset({("paragraph", "paragraph"), ("heading", "section-heading"), ("title", "section-title")})
"""(type, rule) of the blocks a caption may have been taken for: the
catch-all paragraph and the headings read from a lone short line."""

MIN_SET_OFF_FIGURES = 2
"""The fewest captions or credits set off by an indent before the indent
is taken for the text's way of setting captions off."""
MAX_SET_OFF_SHARE = 0.25
"""Where more of a text's blocks than this are indented, the indent is the
paragraphs' own (a book's first-line indent), not a mark of captions."""


def captions_set_off_alike(blocks: Sequence[Block], page: Page) -> list[Block]:
    """Blocks set off by an indent that the text's paragraphs lack are
    captions, when at least half of the blocks so set off (and
    ``MIN_SET_OFF_FIGURES``) are captions or credits already."""
    out = list(blocks)
    lines: dict[int, list[int]] = {}  # first line of each indented block -> its blocks
    for k, block in enumerate(out):
        if page.indented(block):
            lines.setdefault(block.spans[0].line, []).append(k)
    starts = {block.spans[0].line for block in out}
    known = [n for n, ks in lines.items() if any(out[k].type in FIGURE_TYPES for k in ks)]
    if (len(known) < MIN_SET_OFF_FIGURES or 2 * len(known) < len(lines)
            or len(lines) > MAX_SET_OFF_SHARE * len(starts)):
        return out
    shown = ", ".join(map(str, sorted(known)[:3]))
    for ks in lines.values():
        for k in ks:
            block = out[k]
            if (block.type, block.rule) in _RETYPED and not block.resp and words(block.text) <= CAPTION_WORDS:
                out[k] = replace(block, type="caption", rule="caption-set-off-alike",
                                 marks=place_and_dates(block.text),
                                 evidence=f"indented like the captions and credits on lines {shown}")
    return out


MIN_STORY_CAPTION_WORDS = 5
"""A lone line of fewer words inside a story is a label or a subhead
("Contents", "Announcements"), not a caption."""
MIN_DATED_STORIES = 2
"""The fewest stories opened by a headline over a date line for a text to
be read as a newsletter of dated stories."""
_HEADS = frozenset({"heading", "title"})


def captions_inside_stories(blocks: Sequence[Block], page: Page) -> list[Block]:
    """In a text of dated stories, a one-line block no stop or mark closes,
    of ``MIN_STORY_CAPTION_WORDS`` or more, inside a story's running text
    and over more of it, is a photo's caption."""
    out = list(blocks)
    openers = [k for k in range(1, len(out)) if out[k].type == "dateline" and out[k - 1].type in _HEADS]
    if len(openers) < MIN_DATED_STORIES:
        return out
    for k in range(1, len(out) - 1):
        block = out[k]
        if ((block.type, block.rule) not in _RETYPED or block.resp or block.lines[0] != block.lines[1]
                or out[k + 1].type != "paragraph" or words(block.text) < MIN_STORY_CAPTION_WORDS
                or ends_sentence(block.text)):
            continue
        dated = _story_date(out, k)
        if dated is not None:
            out[k] = replace(block, type="caption", rule="caption-inside-story",
                             marks=place_and_dates(block.text),
                             evidence=f"a lone unclosed line inside the story dated on line {dated}")
    return out


def _story_date(blocks: Sequence[Block], k: int) -> int | None:
    """The line of the date that opens the story block ``k`` stands in, if
    only running text and figures lie between them."""
    j = k - 1
    while j > 0 and blocks[j].type in ("paragraph", *FIGURE_TYPES):
        j -= 1
    if j > 0 and blocks[j].type == "dateline" and blocks[j - 1].type in _HEADS:
        return blocks[j].lines[0]
    return None
