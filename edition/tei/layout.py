"""Where each block of a unit goes: which container and which region.

TEI orders a ``div`` strictly: heads, openers and bylines come first
(*top*), then the body of paragraphs, lists and figures (*middle*), then
closers and final bylines (*bottom*), and a bottom is only allowed after
at least one paragraph-like element.  This module decides, from the block
types alone, the run of blocks that share a container (an opener, a
list, a figure, a closer); ``body`` then builds them.  Keeping the plan
free of XML makes the ordering rules testable on their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from edition.model import Block

TOP = "top"
MIDDLE = "middle"
BOTTOM = "bottom"
OPENER = "opener"
CLOSER = "closer"
BULLETED = "bulleted"
SIGNATORIES = "signatories"
FIGURE = "figure"

_TOP_TYPES = frozenset({"title", "heading", "salutation", "dateline", "byline"})
"""Blocks that TEI lets open a div (as head, opener or byline)."""
_BOTTOM_TYPES = frozenset({"dateline", "byline"})
"""Blocks that TEI lets close a div (as closer or byline)."""
_OPENER_TYPES = frozenset({"salutation", "dateline"})
_FIGURE_TYPES = frozenset({"caption", "photo-credit"})
_SIGNATORY_TYPES = frozenset({"signatories-lead", "signatory-group", "signatory"})
_LIST_HEAD_TYPES = frozenset({"signatories-lead", "signatory-group"})


@dataclass(frozen=True)
class Group:
    """Blocks built into one container (or directly into the div when
    ``container`` is None), in a region of the div."""

    region: str
    """``top``, ``middle`` or ``bottom`` (``figure`` inside a figure unit)."""
    container: str | None
    """``opener``, ``closer``, ``bulleted``, ``signatories``, ``figure`` or None."""
    blocks: tuple[Block, ...]


def plan_text(blocks: tuple[Block, ...]) -> list[Group]:
    """Groups of a text unit, in document order."""
    top_end = next((i for i, b in enumerate(blocks) if b.type not in _TOP_TYPES), len(blocks))
    bottom_start = len(blocks)
    while bottom_start > top_end + 1 and blocks[bottom_start - 1].type in _BOTTOM_TYPES:
        bottom_start -= 1
    middle = blocks[top_end:bottom_start]
    if not any(b.type not in _FIGURE_TYPES for b in middle):
        # Nothing paragraph-like in the middle: TEI allows no bottom then.
        bottom_start = len(blocks)
        middle = blocks[top_end:]
    return [*_top(blocks[:top_end]), *_middle(middle, MIDDLE, figures=True),
            *_bottom(blocks[bottom_start:])]


def plan_figure(blocks: tuple[Block, ...]) -> list[Group]:
    """Groups inside the one ``figure`` of a figure unit."""
    return _middle(blocks, FIGURE, figures=False)


def _top(blocks: tuple[Block, ...]) -> list[Group]:
    return _runs(blocks, TOP, lambda b: OPENER if b.type in _OPENER_TYPES else None)


def _bottom(blocks: tuple[Block, ...]) -> list[Group]:
    return _runs(blocks, BOTTOM, lambda b: CLOSER if b.type == "dateline" else None)


def _middle(blocks: tuple[Block, ...], region: str, *, figures: bool) -> list[Group]:
    groups: list[Group] = []
    i = 0
    while i < len(blocks):
        kind = blocks[i].type
        j = i + 1
        if kind == "list-item":
            while j < len(blocks) and blocks[j].type == "list-item":
                j += 1
            groups.append(Group(region, BULLETED, blocks[i:j]))
        elif kind in _SIGNATORY_TYPES:
            while j < len(blocks) and blocks[j].type in _SIGNATORY_TYPES:
                j += 1
            groups.extend(_signatory_lists(blocks[i:j], region))
        elif figures and kind in _FIGURE_TYPES:
            # A caption after a credit starts the next figure, unless the
            # figure so far has none (a credit over its caption).
            while (j < len(blocks) and blocks[j].type in _FIGURE_TYPES
                   and not (blocks[j].type == "caption" and blocks[j - 1].type == "photo-credit"
                            and any(b.type == "caption" for b in blocks[i:j]))):
                j += 1
            groups.append(Group(region, FIGURE, blocks[i:j]))
        else:
            groups.append(Group(region, None, blocks[i:i + 1]))
        i = j
    return groups


def _signatory_lists(blocks: tuple[Block, ...], region: str) -> list[Group]:
    """Split a run of signatory blocks into lists: heads (lead, group
    labels) then signatories.  A head followed by no signatory cannot head a
    list (TEI lists need an item) and stays a block of its own."""
    groups: list[Group] = []
    start = 0
    for k in range(1, len(blocks) + 1):
        ends = k == len(blocks) or (blocks[k].type in _LIST_HEAD_TYPES
                                    and blocks[k - 1].type == "signatory")
        if not ends:
            continue
        run = blocks[start:k]
        if any(b.type == "signatory" for b in run):
            groups.append(Group(region, SIGNATORIES, run))
        else:
            groups.extend(Group(region, None, (b,)) for b in run)
        start = k
    return groups


def _runs(blocks: tuple[Block, ...], region: str,
          container_of: Callable[[Block], str | None]) -> list[Group]:
    """Consecutive blocks with the same container share it; the others
    stand alone."""
    groups: list[Group] = []
    for block in blocks:
        container = container_of(block)
        if container is not None and groups and groups[-1].container == container:
            last = groups.pop()
            groups.append(Group(region, container, (*last.blocks, block)))
        else:
            groups.append(Group(region, container, (block,)))
    return groups
