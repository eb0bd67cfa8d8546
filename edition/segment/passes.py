"""The passes that run after every block is typed, in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from edition.model import Block
from edition.segment.captions import Page, captions_inside_stories, captions_set_off_alike
from edition.segment.neighbours import entries_between_signatories, headlines_over_dates, label_groups
from edition.segment.units import attach_captions, split_units


@dataclass(frozen=True)
class Pass:
    """A named step over the whole list of blocks."""

    name: str
    description: str
    run: Callable[[Sequence[Block], Page], Any]


def _blocks_only(run: Callable[[Sequence[Block]], Any]) -> Callable[[Sequence[Block], Page], Any]:
    """A pass that reads nothing of the page but its blocks."""
    return lambda blocks, page: run(blocks)


PASSES: tuple[Pass, ...] = (
    Pass("headline-over-date", "A short one-line paragraph or slogan, not closed by a full stop, "
         "right above a dateline is the headline of what the date opens.", _blocks_only(headlines_over_dates)),
    Pass("entry-between-signatories", "A short one-line paragraph between two signatories is one "
         "more entry of their list.", _blocks_only(entries_between_signatories)),
    Pass("group-label", "A short one-line paragraph with no closing stop right above "
         "signatories is the label of their group.", _blocks_only(label_groups)),
    Pass("caption-before-credit", "Paragraphs just before a lone photo credit are its caption: "
         "all of them (up to three) after a text's close, else the nearest.", _blocks_only(attach_captions)),
    Pass("caption-set-off-alike", "Blocks set off by an indent the text's paragraphs lack are "
         "captions, when most blocks so set off are captions or credits already.", captions_set_off_alike),
    Pass("caption-inside-story", "In a newsletter of dated stories, a lone line of five or more "
         "words that no stop closes, inside a story's running text and over more of it, is a "
         "photo's caption.", captions_inside_stories),
    # Last: it turns the blocks into units.
    Pass("units", "A title (with its kicker) starts a text; a caption and credit between two "
         "texts form a figure of their own.", _blocks_only(split_units)),
)
