"""Acknowledgements and datelines: what closes a text."""

from __future__ import annotations

import re

from edition.model import Mark
from edition.segment.context import Context, Match
from edition.segment.dates import find_dates, is_day_and_month, is_time
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


SEPARATOR = re.compile(r"\s*\|\s*")
EVENT_WORDS = 14
"""The most words of a line giving an event's date and place."""


def event_dateline(ctx: Context, i: int) -> Match | None:
    """A line of its own giving a date with no year, then maybe hours and a
    place, each part after a bar: "12 OCT | Bruselas, Bélgica",
    "18. FEB | 18:00 - 19:30 GMT | Online"; or a date and a time of day
    alone ("March 18 at 12:22 PM")."""
    text = ctx.lines[i].strip()
    if ctx.group_end(i) - i != 1 or words(text) > EVENT_WORDS:
        return None
    parts = SEPARATOR.split(text)
    if len(parts) >= 2 and is_day_and_month(parts[0]) and all(parts[1:]):
        return Match((ctx.block("dateline", [ctx.span(i)], "event-dateline"),), i + 1)
    timed = re.match(r"^(.*?)(?:,\s*|\s+)((?:at\s+)?\d{1,2}[:.]\d\d.*)$", text)
    if timed and is_day_and_month(timed.group(1)) and is_time(timed.group(2)):
        return Match((ctx.block("dateline", [ctx.span(i)], "event-dateline"),), i + 1)
    return None


MAIL_DATE = re.compile(r"^Date:\s+(?:[A-Z][a-z]{2},\s+)?[0-3]?\d\s+[A-Z][a-z]{2}\s+(?:\d\d){1,2}\s+\d\d:\d\d")
"""The Date header of an e-mail (RFC 822's format, the same in every language)."""


HEADER = re.compile(r"^[A-Z][A-Za-z-]{1,20}:\s+\S")
"""A header line of an e-mail ("From: …", "Subject: …")."""


def mail_header(ctx: Context, i: int) -> Match | None:
    """An e-mail's header: lines of ``Name: value`` with a ``Date:`` among
    them; the Date line is the dateline, the others are bylines."""
    end = ctx.group_end(i)
    lines = [ctx.lines[k].strip() for k in range(i, end)]
    if not all(HEADER.match(line) for line in lines) or not any(MAIL_DATE.match(line) for line in lines):
        return None
    return Match(tuple(ctx.block("dateline" if MAIL_DATE.match(line) else "byline", [ctx.span(k)],
                                 "mail-header") for k, line in zip(range(i, end), lines, strict=True)), end)
