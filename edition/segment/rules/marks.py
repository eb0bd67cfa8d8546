"""Marks shared by several rules: dates, and the place that opens a caption
or a dateline."""

from __future__ import annotations

import re

from edition.model import Mark
from edition.segment.dates import find_dates

# "Krasnoyarsk, Russia:" or "MOSCOW —" at the very start: a place.
_PLACE_LEAD = re.compile(
    r"^(?P<place>[A-ZÀ-ÞА-ЯЁ][\w.'’-]*(?: [A-ZÀ-ÞА-ЯЁ][\w.'’-]*){0,3}"
    r"(?:, [A-ZÀ-ÞА-ЯЁ][\w.'’-]*(?: [A-ZÀ-ÞА-ЯЁ][\w.'’-]*){0,3})?)(?:\s*[:\u2013\u2014]\s|,\s(?=\S))")


def date_marks(text: str) -> tuple[Mark, ...]:
    return tuple(Mark("date", d.start, d.end, d.iso) for d in find_dates(text))


def place_and_dates(text: str) -> tuple[Mark, ...]:
    """A leading place (when it is followed by a colon or a dash) and dates."""
    marks = list(date_marks(text))
    m = _PLACE_LEAD.match(text)
    if m and m.group(0).rstrip().endswith((":", "\u2013", "\u2014")):
        end = m.end("place")
        if not any(d.start < end for d in marks):
            marks.insert(0, Mark("placeName", 0, end))
    return tuple(marks)
