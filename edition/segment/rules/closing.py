"""Acknowledgements and datelines: what closes a text."""

from __future__ import annotations

import re

from edition.model import Mark
from edition.segment.context import Context, Match
from edition.segment.dates import find_dates
from edition.segment.shapes import words

# Generic cue words of thanks and provenance, in the corpus's languages.
_THANKS = re.compile(
    r"^(?:(?:many |special |with |our )?thanks\b|thank you\b|we thank\b|we are grateful\b|"
    r"(?:reposted|republished|reprinted|originally published|first published|translated)\b|"
    r"source\s*:|courtesy of\b|gracias\b|agradec|merci\b|danke\b|спасибо\b|благодар)",
    re.IGNORECASE)

_PLACE = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][\w.'’-]*(?: [A-ZÀ-ÞА-ЯЁ]?[\w.'’-]*){0,3}$")


def acknowledgement(ctx: Context, i: int) -> Match | None:
    """A line that thanks someone or says where the text was taken from."""
    text = ctx.lines[i].strip()
    if ctx.group_end(i) - i == 1 and _THANKS.match(text) and words(text) <= 40:
        return Match((ctx.block("acknowledgement", [ctx.span(i)], "acknowledgement"),), i + 1)
    return None


def dateline(ctx: Context, i: int) -> Match | None:
    """A line that is only a date, maybe after a place: "Moscow, March 8, 2014"."""
    text = ctx.lines[i].strip()
    if ctx.group_end(i) - i != 1 or words(text) > 10:
        return None
    dates = find_dates(text)
    if len(dates) != 1 or text[dates[0].end:].strip(" .") != "":
        return None
    lead = text[:dates[0].start].rstrip(" ,\u2013\u2014-:")
    if lead and not _PLACE.match(lead):
        return None

    def marks(_: str) -> tuple[Mark, ...]:
        found = [Mark("date", dates[0].start, dates[0].end, dates[0].iso)]
        if lead:
            found.insert(0, Mark("placeName", 0, len(lead)))
        return tuple(found)

    return Match((ctx.block("dateline", [ctx.span(i)], "dateline", marks),), i + 1)
