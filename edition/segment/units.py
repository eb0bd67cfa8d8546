"""Grouping typed blocks into units: texts and figures.

These passes run after every block is typed, because they look back: which
paragraphs before a lone credit are its caption, and where one text ends and
the next begins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from edition.model import Block, Unit
from edition.segment.rules.headings import CLOSING
from edition.segment.rules.marks import place_and_dates
from edition.segment.shapes import approx_words

MAX_CAPTION_PARAGRAPHS = 3
"""More paragraphs than this before a credit are a text, not a caption."""
MAX_NEAREST_CAPTION_WORDS = 40
"""Inside a text, the paragraph right above a lone credit is its caption
only when no longer than this (a longer one is the text's, the photo
uncaptioned)."""
FIGURE_TYPES = frozenset({"caption", "photo-credit"})
"""The types of the blocks of a figure."""


def attach_captions(blocks: Sequence[Block]) -> list[Block]:
    """Paragraphs just before a lone credit become its caption: all of them
    (up to three) when a text's close comes before them, else the nearest
    when it is short.  A short paragraph glued under a credit (no blank line
    between) with none glued above it is the caption instead."""
    out = list(blocks)
    for k, block in enumerate(out):
        if block.type != "photo-credit" or (k and out[k - 1].type == "caption"):
            continue
        if _glued_below(out, k) and not _glued_above(out, k):
            below = out[k + 1]
            out[k + 1] = replace(below, type="caption", rule="caption-below-credit",
                                 marks=place_and_dates(below.text),
                                 evidence=f"right under the photo credit on line {block.lines[0]}")
            continue
        j = k
        while j > 0 and out[j - 1].type == "paragraph" and not out[j - 1].resp:
            j -= 1
        count = k - j
        if not count:
            continue
        closed = j == 0 or (out[j - 1].type in CLOSING - FIGURE_TYPES  # a figure above closes no text
                            and not _heads_text(out, j - 1))
        first = j if closed and count <= MAX_CAPTION_PARAGRAPHS else k - 1
        if first == k - 1 and approx_words(out[k - 1].text) > MAX_NEAREST_CAPTION_WORDS:
            continue
        for n in range(first, k):
            p = out[n]
            out[n] = replace(p, type="caption", rule="caption-before-credit",
                             marks=place_and_dates(p.text),
                             evidence=f"before the photo credit on line {block.lines[0]}")
    return out


def _heads_text(blocks: Sequence[Block], k: int) -> bool:
    """The dateline at ``k`` stands at the head of its text, under its title
    and over its first paragraph (a byline's date): it closes nothing."""
    if blocks[k].type != "dateline":
        return False
    for block in reversed(blocks[:k]):
        if block.type == "title":
            return True
        if block.type not in ("dateline", "heading"):
            return False
    return True


def _glued_above(blocks: Sequence[Block], k: int) -> bool:
    """The paragraph above the credit at ``k`` ends on the line just above it."""
    return k > 0 and blocks[k - 1].type == "paragraph" and blocks[k - 1].lines[1] == blocks[k].lines[0] - 1


def _glued_below(blocks: Sequence[Block], k: int) -> bool:
    """A short paragraph starts on the line just under the credit at ``k``
    ("Photo: Name" over its caption, no blank line between)."""
    return (k + 1 < len(blocks) and blocks[k + 1].type == "paragraph" and not blocks[k + 1].resp
            and blocks[k + 1].lines[0] == blocks[k].lines[1] + 1
            and approx_words(blocks[k + 1].text) <= MAX_NEAREST_CAPTION_WORDS)


def split_units(blocks: Sequence[Block]) -> list[Unit]:
    """A title (with a kicker just above it) starts a text; a caption and
    credit standing between two texts form a figure of their own."""
    units: list[Unit] = []
    current: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        starts_text = block.starts_text or block.type == "title" or (
            block.type == "heading" and k + 1 < len(blocks) and blocks[k + 1].type == "title")
        if starts_text and current and not (current[-1].type == "heading" and block.type == "title"
                                            and not block.starts_text):
            units.append(_unit("text", current))
            current = []
        if block.type in FIGURE_TYPES:
            end = k
            while end < len(blocks) and blocks[end].type in FIGURE_TYPES:
                end += 1
            before_ok = not current or current[-1].type in CLOSING
            after_ok = end == len(blocks) or blocks[end].type in ("title", "heading")
            if before_ok and after_ok:
                if current:
                    units.append(_unit("text", current))
                    current = []
                units.append(_unit("figure", blocks[k:end]))
                k = end
                continue
        current.append(block)
        k += 1
    if current:
        units.append(_unit("text", current))
    return units


def _unit(kind: str, blocks: Sequence[Block]) -> Unit:
    title = next((b.text for b in blocks if b.type == "title"), "")
    return Unit(kind, title, tuple(blocks))
