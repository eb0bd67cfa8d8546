"""The passes that run after every block is typed, in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from edition.model import Block
from edition.segment.neighbours import entries_between_signatories, headlines_over_dates, label_groups
from edition.segment.units import attach_captions, split_units


@dataclass(frozen=True)
class Pass:
    """A named step over the whole list of blocks."""

    name: str
    description: str
    run: Callable[[Sequence[Block]], Any]


PASSES: tuple[Pass, ...] = (
    Pass("headline-over-date", "A short one-line paragraph or slogan, not closed by a full stop, "
         "right above a dateline is the headline of what the date opens.", headlines_over_dates),
    Pass("entry-between-signatories", "A short one-line paragraph between two signatories is one "
         "more entry of their list.", entries_between_signatories),
    Pass("group-label", "A short one-line paragraph with no closing stop right above "
         "signatories is the label of their group.", label_groups),
    Pass("caption-before-credit", "Paragraphs just before a lone photo credit are its caption: "
         "all of them (up to three) after a text's close, else the nearest.", attach_captions),
    # Last: it turns the blocks into units.
    Pass("units", "A title (with its kicker) starts a text; a caption and credit between two "
         "texts form a figure of their own.", split_units),
)
