"""Blocks retyped by their neighbours, once every block is typed.

Some short lines are what they are only by what stands next to them.  A
list of signatories is often split into groups under short labels
("International organisations", "Deutschland"), each right above its names
with no colon: typed line by line such a label is a lone short paragraph;
seen with the blocks around it, it heads the group under it.  In a
newsletter, a short line right above a date line ("12 OCT | Brussels") is
the headline of the story the date opens, not a paragraph or a slogan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from edition.model import Block
from edition.segment.names import signatory_mark
from edition.segment.shapes import closes_with_stop, is_heading_like, sentences, words

LABEL_WORDS = 6
"""The most words of a group label."""
MIN_GROUP = 2
"""The fewest signatories under a label, when no group came before it."""


def label_groups(blocks: Sequence[Block]) -> list[Block]:
    """A one-line paragraph shaped like a label (short, no closing stop)
    right above signatories is their group's label, when signatories come
    before it too or at least ``MIN_GROUP`` names follow it."""
    out = list(blocks)
    for k, block in enumerate(out):
        if not _label_shaped(block) or k + 1 >= len(out) or out[k + 1].type != "signatory":
            continue
        under = 0
        while k + 1 + under < len(out) and out[k + 1 + under].type == "signatory":
            under += 1
        after_group = k > 0 and out[k - 1].type in ("signatory", "signatory-group", "signatories-lead")
        if after_group or under >= MIN_GROUP:
            out[k] = replace(block, type="signatory-group", rule="group-label",
                             evidence=f"a short label right above {under} signatories")
    return out


_CLOSED = re.compile(r"[.,;:\u3002\uff0c\uff1a][\"'\u201d\u2019»)\u300d\u300f]*$")
"""A full stop or a comma at the end: a sentence, not a headline (which may end in "!" or "?")."""
ENTRY_WORDS = 24
"""The most words of a line taken as one more entry of the list around it."""


def entries_between_signatories(blocks: Sequence[Block]) -> list[Block]:
    """A short one-line paragraph between two signatories is one more entry
    of their list, whatever kept a rule from reading it as a name (a final
    stop, "Profª. Drª.", two names on one line), unless it is sentences of
    prose."""
    out = list(blocks)
    for k in range(1, len(out) - 1):
        block = out[k]
        if (block.type == "paragraph" and not block.resp and block.lines[0] == block.lines[1]
                and out[k - 1].type == "signatory" and out[k + 1].type == "signatory"
                and words(block.text) <= ENTRY_WORDS
                and not (sentences(block.text) > 1 and closes_with_stop(block.text))):
            out[k] = replace(block, type="signatory", rule="entry-between-signatories",
                             marks=signatory_mark(block.text),
                             evidence="a short line between two signatories of one list")
    return out


_CLOSE = frozenset({"signatory", "signatories-lead", "signatory-group", "acknowledgement", "contact", "byline"})
"""What may follow the place and date that close a text."""
HEADLINE_WORDS = 14
"""The most words of a headline over a date line."""


def headlines_over_dates(blocks: Sequence[Block]) -> list[Block]:
    """A one-line paragraph or slogan, short and not closed by a full stop,
    right above a dateline that opens a story (no signature follows it) is
    the story's headline; the last of a run of slogans is still a slogan,
    and a slogan over the place and date that close a text too."""
    out = list(blocks)
    for k in range(len(out) - 1):
        block = out[k]
        in_run = block.type == "slogan" and k > 0 and out[k - 1].type == "slogan"
        story = k + 2 < len(out) and out[k + 2].type not in _CLOSE  # not a closing place and date
        if (out[k + 1].type == "dateline" and story and block.type in ("paragraph", "slogan") and not block.resp
                and not in_run
                and block.lines[0] == block.lines[1] and words(block.text) <= HEADLINE_WORDS
                and not _CLOSED.search(block.text)):
            out[k] = replace(block, type="heading", rule="headline-over-date",
                             evidence=f"a short line right above the date line {out[k + 1].lines[0]}")
    return out


def _label_shaped(block: Block) -> bool:
    text = block.text.rstrip(":")
    return ((block.type == "paragraph" or block.rule == "section-heading") and not block.resp and block.lines[0] == block.lines[1]
            and words(text) <= LABEL_WORDS and is_heading_like(text))
