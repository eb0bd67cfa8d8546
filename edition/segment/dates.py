"""Finding calendar dates in running text and giving their ISO 8601 form.

Month names come from the cue table of each language (``cues/``);
numeric dates are only taken in the unambiguous ISO order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from edition.segment.cues import shipped

_BY_NAME = shipped().months
"""Month names of every language's cue table -> month number."""
_MONTH = "(?P<{g}>" + "|".join(sorted((re.escape(n) for n in _BY_NAME), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th|er|º)?"
_YEAR = r"(?P<{g}>1[5-9]\d\d|20\d\d)"

_PATTERNS = [
    # March 8, 2014 / March 8 2014
    _MONTH.format(g="m1") + r"\s+" + _DAY.format(g="d1") + r",?\s+" + _YEAR.format(g="y1"),
    # 8 March 2014 / 8 de marzo de 2014 / 8. März 2014 / 8 марта 2014 г. (the year's word from the cue tables)
    _DAY.format(g="d2") + r"\.?\s+(?:de\s+)?" + _MONTH.format(g="m2")
    + r",?\s+(?:de\s+|del\s+)?" + _YEAR.format(g="y2") + rf"(?:\s?{shipped().year})?",
    # 2014-03-08
    r"(?P<y3>1[5-9]\d\d|20\d\d)-(?P<m3>0[1-9]|1[0-2])-(?P<d3>[0-3]\d)",
    # March 2014
    _MONTH.format(g="m4") + r",?\s+(?:de\s+)?" + _YEAR.format(g="y4"),
    # 2019年2月11日 (Chinese and Japanese)
    r"(?P<y5>1[5-9]\d\d|20\d\d)年(?P<m5>1[0-2]|0?[1-9])月(?:(?P<d5>[0-3]?\d)日)?",
    # 08.03.2014 (day first, with stops: the European order; slashes are left
    # alone, since 8/3/2014 is the 3rd of August in the United States)
    r"(?P<d6>[0-3]?\d)\.(?P<m6>0?[1-9]|1[0-2])\.(?P<y6>1[5-9]\d\d|20\d\d)",
]
_DATE = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + r")(?![\w-])",
                   re.IGNORECASE)
_DAYS_IN = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_DAY_RANGE = r"[0-3]?\d\.?(?:\s*[-\u2013\u2014]\s*[0-3]?\d\.?)?"
_BARE_MONTH = "(?:" + "|".join(sorted((re.escape(n) for n in _BY_NAME), key=len, reverse=True)) + r")\.?"
_SIDE = rf"(?:{_DAY_RANGE}\s*{_BARE_MONTH}|{_BARE_MONTH}(?:\s+{_DAY_RANGE})?)"
DAY_AND_MONTH = re.compile(rf"^{_SIDE}(?:\s*[-\u2013\u2014]\s*{_SIDE})?$", re.IGNORECASE)
"""A day or days of a month with no year, or a month alone: "12 OCT",
"25. - 28. MÄRZ", "17 апреля - 18 мая", "JAN", "March 18"."""
TIME = re.compile(r"^(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[-\u2013\u2014]\s*\d{1,2}[:.]\d\d)?(?:\s*[ap]\.?m\.?)?"
                  r"(?:\s+[A-Z]{2,4})?$", re.IGNORECASE)
"""A time of day or a span of hours, maybe with its zone: "18:00 - 19:30 GMT", "at 12:22 PM"."""


def is_day_and_month(text: str) -> bool:
    return bool(DAY_AND_MONTH.match(text.strip()))


def is_time(text: str) -> bool:
    return bool(TIME.match(text.strip()))


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    iso: str


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1 << 14)
def find_dates(text: str) -> tuple[FoundDate, ...]:
    """Every date in ``text`` that names a real day or month (remembered:
    the layout, the dateline rules and the marks ask of the same lines)."""
    if not _DIGIT.search(text):  # every pattern has a year: skip the big one
        return ()
    if not text.isascii():
        text = text.translate(_DIGITS)  # the same length: offsets hold
    return tuple(FoundDate(m.start(), m.end(), iso) for m in _DATE.finditer(text) if (iso := _iso(m)))


_DIGITS = {zero + n: ord("0") + n for zero in (0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10) for n in range(10)}
"""Digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali,
Thai, full-width) as the ASCII digits the patterns read."""

DATE_PLACE_WORDS = 4
"""The most words besides the date on a line that is a date and a place."""


def _capital(word: str) -> bool:
    """Opens with a capital, or with a letter of a script without case
    (Arabic, Hebrew): a place's name may be either."""
    return word[0].isupper() or (word[0].isalpha() and word[0].upper() == word[0].lower())


def is_dated_line(text: str) -> bool:
    """A date and at most a few capitalized words (a place) with no sentence
    around it: "Berlin, den 3. März 2020", "12 March 2020, Paris"."""
    t = text.strip().rstrip(".")
    dates = find_dates(t)
    if len(dates) != 1 or not t or not (_capital(t) or t[0].isdigit()):
        return False
    rest = (t[:dates[0].start] + " " + t[dates[0].end:]).replace(",", " ").replace("\u060c", " ").split()
    return len(rest) <= DATE_PLACE_WORDS and sum(1 for w in rest if _capital(w)) >= len(rest) - 1


POSTING_WORDS = 16
"""The most words of a line saying when and by whom a text was posted."""
_DECORATION = " *#/=~<>[]"
_POSTED_BY = re.compile(r"(?:^|\s)" + shipped().by + r"\s+\S", re.IGNORECASE)


def is_posting_line(text: str) -> bool:
    """A line saying when and by whom a text was posted: one date, then a
    byline word and a name or handle, maybe a time and some decoration
    ("** Written  7:23 pm  Jan 29, 1991 by nlgclc in cdp:pn.publiceye **")."""
    t = text.strip().strip(_DECORATION)
    dates = find_dates(t)
    if len(dates) != 1 or len(t.split()) > POSTING_WORDS or t.endswith((".", "!", "?", ":")):
        return False
    return bool(_POSTED_BY.search(t, dates[0].end))


def _iso(m: re.Match[str]) -> str:
    g = m.groupdict()
    for k in "123456":
        if g.get(f"y{k}"):
            year = int(g[f"y{k}"])
            month_text = g.get(f"m{k}") or ""
            month = int(month_text) if month_text.isdigit() else _BY_NAME[month_text.lower().rstrip(".")]
            day_text = g.get(f"d{k}")
            if not day_text:
                return f"{year:04d}-{month:02d}"
            day = int(day_text)
            if not 1 <= day <= _DAYS_IN[month - 1]:
                return ""
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


SEPARATOR = re.compile(r"\s*\|\s*")
EVENT_WORDS = 14
"""The most words of a line giving an event's date and place."""


_TIMED = re.compile(r"^(.*?)(?:,\s*|\s+)((?:at\s+)?\d{1,2}[:.]\d\d.*)$")


def dated_time(text: str) -> bool:
    """A day and month, then a time of day: "March 18 at 12:22 PM"."""
    timed = _TIMED.match(text)
    return bool(timed and is_day_and_month(timed.group(1)) and is_time(timed.group(2)))


def is_event_line(line: str) -> bool:
    """An event's date with no year and its hours or place after bars, or a
    date and a time of day alone (see ``event_dateline``)."""
    text = line.strip()
    if len(text.split()) > EVENT_WORDS:
        return False
    parts = SEPARATOR.split(text)
    return (len(parts) >= 2 and is_day_and_month(parts[0]) and all(parts[1:])) or dated_time(text)
