"""Acknowledgements and datelines: what closes a text."""

from __future__ import annotations

import re

from edition.model import Block, Mark
from edition.segment.context import Context, Match, evidenced
from edition.segment.cues import shipped
from edition.segment.dates import dated_time, find_dates, is_event_line, is_posting_line, is_time
from edition.segment.names import signatory_mark
from edition.segment.shapes import closes_with_stop, ends_sentence, is_name_like, is_separator, sentences, words

# How a line of thanks or provenance opens, in every language's cue table.
_THANKS = shipped().thanks

_PLACE = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][\w.'’-]*(?: (?:[a-zà-ÿ]{1,3} )?[A-ZÀ-ÞА-ЯЁ][\w.'’-]*){0,3}$")
"""A place's name: capitalized words, a short lower-case particle allowed
between two of them ("Rio de Janeiro", "Frankfurt am Main")."""
_DATE_WORD = re.compile(r"(?:^|[\s,]+)[a-zà-ÿа-яё]{1,3}$")
"""A short lower-case word between a place and its date ("le", "den", "im")."""


def _is_place(text: str) -> bool:
    """A place's name, maybe with its region or state after a comma
    ("New York, NY")."""
    parts = _PLACE_PARTS.split(text)
    return 0 < len(parts) <= 2 and all(_PLACE.match(p) or _caseless_place(p) for p in parts)


_PLACE_PARTS = re.compile(r"[,\u060c] ")
"""A comma (or an Arabic comma) between a place and its region."""
CASELESS_PLACE_WORDS = 4
"""The most words of a place's name in a script without case."""


def _caseless_place(text: str) -> bool:
    """A place's name in a script without case (Arabic, Hebrew): a few
    words of its letters, nothing else."""
    found = text.split()
    return (0 < len(found) <= CASELESS_PLACE_WORDS
            and all(ch.isalpha() and ch.upper() == ch.lower() for word in found for ch in word))


_EXCLAIMED = re.compile(r"[^.!?]*!")
"""A first sentence that ends in an exclamation mark."""


def acknowledgement(ctx: Context, i: int) -> Match | None:
    """A line that thanks someone or says where the text was taken from.
    Thanks said as an exclamation ("Thanks for reading! …") close a
    newsletter's address to its readers: no acknowledgement."""
    end = ctx.group_end(i)
    text = " ".join(ctx.lines[k].strip() for k in range(i, end))
    if (_one_wrapped_sentence(ctx, i, end) and _THANKS.match(text) and words(text) <= 40
            and not _EXCLAIMED.match(text)):
        nxt = ctx.next_filled(i + 1)
        if words(text) == 1 and nxt < len(ctx.lines) and words(ctx.lines[nxt]) >= HEADED_WORDS:
            # "Thanks" alone over a paragraph heads a section of thanks: a heading.
            return Match((ctx.block("heading", [ctx.span(i)], "acknowledgement"),), i + 1)
        return Match((ctx.block("acknowledgement", [ctx.span(k) for k in range(i, end)], "acknowledgement"),), end)
    return None


WRAPPED_LINES = 3
"""The most lines a hard-wrapped file breaks one line of thanks into."""


def _one_wrapped_sentence(ctx: Context, i: int, end: int) -> bool:
    """One line, or a few that make one sentence a hard-wrapped file broke
    (no line but the last closes it; a web address may stand on a line of
    its own)."""
    return end - i == 1 or (end - i <= WRAPPED_LINES and sentences(" ".join(ctx.lines[i:end])) == 1
                            and not any(closes_with_stop(ctx.lines[k]) for k in range(i, end - 1)))


HEADED_WORDS = 8
"""A paragraph of at least this many words under a one-word line of thanks
makes that line its heading."""


_PROVENANCE = shipped().provenance
SOURCE_LINE_WORDS = 14
"""The most words of a line saying where the text was taken from."""


_ARTICLES = shipped().articles


def source_line(ctx: Context, i: int) -> Match | None:
    """A short line of its own saying where the text comes from: all in
    parentheses ("(From The Guardian)"), or naming a source and a date
    ("From Z magazine, Oct. 1990")."""
    text = ctx.lines[i].strip()
    if ctx.group_end(i) - i != 1 or words(text) > SOURCE_LINE_WORDS or not _PROVENANCE.match(text):
        return None
    rest = text[_PROVENANCE.match(text).end():].strip(" :")  # type: ignore[union-attr]
    first, _, after = rest.partition(" ")
    if first.lower() in _ARTICLES:  # "(From the Town Gazette)": the name after the article
        rest = after
    if not rest or not rest[0].isupper():
        return None
    parenthesised = text.startswith("(") and text.endswith(")")
    if not (parenthesised or find_dates(text) or _ISSUE_DATE.search(text)):
        return None
    return Match((ctx.block("acknowledgement", [ctx.span(i)], "source-line"),), i + 1)


_ISSUE_DATE = re.compile(r"\b[A-Z][a-z]{2,8}\.?\s+(?:1[5-9]\d\d|20\d\d)\b")
"""A month and a year as an issue gives it ("Oct. 1990")."""


def dateline(ctx: Context, i: int) -> Match | None:
    """A line that is only a date, maybe after a place: "Moscow, March 8, 2014"."""
    text = ctx.lines[i].strip()
    if ctx.group_end(i) - i != 1 or words(text) > 10:
        return None
    dates = find_dates(text)
    if len(dates) != 1:
        return None
    after = text[dates[0].end:].lstrip(" ,").rstrip(" .")
    if after and not (text[dates[0].end:].startswith(", ") and _is_place(after)):
        return None
    lead = text[:dates[0].start].rstrip(" ,\u060c\u2013\u2014-:")
    place = _DATE_WORD.sub("", lead).rstrip(" ,\u060c")  # "Paris, le", "Berlin, den": the place
    if lead and not _is_place(place):
        return None

    def marks(_: str) -> tuple[Mark, ...]:
        found = [Mark("date", dates[0].start, dates[0].end, dates[0].iso)]
        if place:
            found.insert(0, Mark("placeName", 0, len(place)))
        elif after:
            start = text.index(after, dates[0].end)
            found.append(Mark("placeName", start, start + len(after)))
        return tuple(found)

    return Match((ctx.block("dateline", [ctx.span(i)], "dateline", marks),), i + 1)


LABELLED_DATE_WORDS = 12
"""The most words of a line that is a date and what labels it."""
_ISSUE = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][\w.'’-]*(?:\s+[A-ZÀ-ÞА-ЯЁ][\w.'’-]*)?\s*(?:#|No\.?\s*|Nr\.?\s*|N[°º]\s*|№\s*)?\d{1,4}$")
"""An issue's name and number: "Issue 12", "Newsletter #48", "Rebel Daily 6"."""
_LABEL_WORD = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][\w'’-]*:?$|^[A-ZÀ-ÞА-ЯЁ][\w'’-]*(?:\s+[\w'’-]+){0,2}:$")
"""One capitalized word ("Updated"), or up to three words ending in a
colon ("Date of publication:"), before a date."""
_SIDES = " ,|\u00b7\u2022\u2013\u2014-"


def labelled_date(ctx: Context, i: int) -> Match | None:
    """A line of its own giving one date and what labels it: a byline ("By
    Jane Roe | March 3, 2021"), an issue ("Issue 12 \u2014 March 2021"), a
    label word ("Updated 3 March 2021", "Published: 3 March 2021"); maybe a
    time of day or a place (after a dash or a bar) after the date."""
    text = ctx.lines[i].strip()
    if ctx.group_end(i) - i != 1 or words(text) > LABELLED_DATE_WORDS or text.endswith(("!", "?", ":")):
        return None
    dates = find_dates(text)
    if len(dates) != 1:
        return None
    date = dates[0]
    before = text[:date.start].strip(_SIDES)
    after = text[date.end:].strip(_SIDES + ".")
    if not before and not after:
        return None  # a date alone: the dateline rule's
    labelled = not before or is_byline(before) or bool(_ISSUE.match(before) or _LABEL_WORD.match(before))
    placed = not after or is_time(after) or _is_place(after)
    if not (labelled and placed) or (not before and not is_time(after) and text[date.end:].startswith(", ")):
        return None  # "12 March 2021, Paris" is the dateline rule's

    def marks(_: str) -> tuple[Mark, ...]:
        return (Mark("date", date.start, date.end, date.iso),)

    return Match((ctx.block("dateline", [ctx.span(i)], "labelled-date", marks),), i + 1)


def posting_line(ctx: Context, i: int) -> Match | None:
    """A line of its own saying when and by whom the text was posted
    ("** Written 7:23 pm Jan 29, 1991 by nlgclc **"): a byline and a date,
    which the edition takes as the dateline."""
    if ctx.group_end(i) - i != 1 or not is_posting_line(ctx.lines[i]):
        return None
    return Match((ctx.block("dateline", [ctx.span(i)], "posting-line"),), i + 1)


def event_dateline(ctx: Context, i: int) -> Match | None:
    """A line of its own giving a date with no year, then maybe hours and a
    place, each part after a bar: "12 OCT | Bruselas, Bélgica",
    "18. FEB | 18:00 - 19:30 GMT | Online"; or a date and a time of day
    alone ("March 18 at 12:22 PM")."""
    if ctx.group_end(i) - i != 1 or not is_event_line(ctx.lines[i]):
        return None
    return Match((ctx.block("dateline", [ctx.span(i)], "event-dateline"),), i + 1)


_BYLINE = shipped().byline
BYLINE_WORDS = 7
"""The most words of a byline ("By Jane Doe and John Smith")."""
SHORT_LINE_WORDS = 12
"""The most words of a line of a byline block: a byline, or a date with its time."""


def is_byline(text: str) -> bool:
    """A byline: its word and a capitalized name ("By Jane Doe"), maybe a
    date after a comma ("By Jane Doe, 8 March 2014")."""
    m = _BYLINE.match(text)
    rest = text[m.end():].strip() if m else ""
    dates = find_dates(rest)
    if dates and rest[dates[-1].end:].strip(" .") == "":
        rest = rest[:dates[-1].start].rstrip(" ,|\u2013\u2014-")
    return bool(rest) and rest[0].isupper() and words(rest) < BYLINE_WORDS and not ends_sentence(rest)


def is_date_line(text: str) -> bool:
    """A date alone, maybe with a time of day ("March 18 at 12:22 PM")."""
    dates = find_dates(text)
    if len(dates) == 1 and not text[dates[0].end:].strip(" ."):
        return True
    return dated_time(text)


def byline_and_date(ctx: Context, i: int) -> Match | None:
    """Two or three short lines together, each a byline ("By Jane Doe") or a
    date (maybe with a time), at least one of each: a news post's byline
    block."""
    end = ctx.group_end(i)
    if not 2 <= end - i <= 3:
        return None
    lines = [ctx.lines[k].strip() for k in range(i, end)]
    if any(words(t) > SHORT_LINE_WORDS for t in lines):  # no byline nor date is that long
        return None
    kinds = ["byline" if is_byline(t) else "dateline" if is_date_line(t) else "" for t in lines]
    if "" in kinds or "byline" not in kinds or "dateline" not in kinds:
        return None

    def marks(text: str) -> tuple[Mark, ...]:
        return tuple(Mark("date", d.start, d.end, d.iso) for d in find_dates(text))

    return Match(tuple(ctx.block(kind, [ctx.span(k)], "byline-and-date", marks if kind == "dateline" else None)
                       for k, kind in zip(range(i, end), kinds, strict=True)), end)


SIGNATURE_LINE = re.compile(r"^(?:--|\u2014|\u2013)$")
"""The line that opens an e-mail's signature ("-- ", RFC 3676; normalization
may have made the dashes one)."""


def mail_signature(ctx: Context, i: int) -> Match | None:
    """From an e-mail's signature line ("-- ") to the end of its group: the
    sender's signature block (name, address, motto), a byline."""
    if not SIGNATURE_LINE.match(ctx.lines[i].strip()):
        return None
    end = ctx.group_end(i)
    if end - i < 2:
        return None
    return Match((ctx.block("byline", [ctx.span(k) for k in range(i, end)], "mail-signature"),), end)


_SIGN_OFF = re.compile(r"^(?:--?|\u2014|\u2013)\s?(?=[A-ZÀ-ÞА-ЯЁ])")
SIGN_OFF_WORDS = 4


def is_sign_off(ctx: Context, i: int) -> bool:
    """Line ``i`` is a dash and a name, the last line of its group (or above
    a row of marks): "--Tim May", "-Harel"."""
    text = ctx.lines[i].strip()
    m = _SIGN_OFF.match(text)
    if m is None or not (ctx.blank(i + 1) or is_separator(ctx.lines[i + 1])):
        return False
    name = text[m.end():]
    return (0 < words(name) <= SIGN_OFF_WORDS and is_name_like(name)
            and not name.endswith(("-", "\u2013", "\u2014")))  # "— Undersigned —" is a label


def sign_off(ctx: Context, i: int) -> Match | None:
    """A name alone on its line after a dash, closing a note ("--Tim May",
    "-Harel"): its signatory; the dash is the source's mark, not the name."""
    if ctx.last_type() in ("", "title") or not is_sign_off(ctx, i):
        return None
    text = ctx.lines[i]
    m = _SIGN_OFF.match(text.strip())
    assert m is not None
    off = len(text) - len(text.lstrip()) + m.end()
    made = ctx.block("signatory", [ctx.span(i, off)], "sign-off", signatory_mark)
    return Match((Block(made.type, made.text, made.spans, made.rule, made.marks, (ctx.span(i, 0, off),)),), i + 1)


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


_CONTACT_LEAD = shipped().contact
"""How a block of contact details is introduced, from every language's cue table."""
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:\+|\b0|\(\d)[\d\s().\u2013/-]{6,}\d")
_WEB = re.compile(r"\b(?:https?://|www\.)\S+")
CONTACT_WORDS = 12
"""The most words of one line of contact details."""
CONTACT_LINES = 8
"""The most lines of one block of contact details."""


_POSTAL = re.compile(
    r"\b[A-Z]{2}\.?\s+\d{5}(?:-\d{4})?$"  # Washington, DC 20520
    r"|^(?:[A-Z]{1,2}-)?(?:\d{5}|(?!1[5-9]\d\d|20\d\d)\d{4})"  # 37073 Göttingen, D-37073 …, 1010 Wien (no year)
    r"\s+[^\W\d_][\w.-]+(?:\s+[^\W\d_][\w.-]+){0,2}$"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}$")  # Leeds LS1 4AB
"""The line of a postal address with its postcode, in the common orders."""


def is_contact_line(text: str) -> bool:
    """A short line holding an e-mail address, a telephone number, a web
    address, or a postcode with its place."""
    t = text.strip()
    return 0 < words(t) <= CONTACT_WORDS and bool(_EMAIL.search(t) or _PHONE.search(t) or _WEB.search(t)
                                                  or _POSTAL.search(t))


def _contact_group(ctx: Context, k: int) -> int:
    """Index past the group at ``k`` when it is all short lines with contact
    details among them and no sentence, else ``k``."""
    end = ctx.group_end(k)
    lines = [ctx.lines[j].strip() for j in range(k, end)]
    if (end - k > CONTACT_LINES or not any(is_contact_line(t) for t in lines)
            or any(words(t) > CONTACT_WORDS or sentences(t) > 1 for t in lines)):
        return k
    return end


def contact_block(ctx: Context, i: int) -> Match | None:
    """A lead naming contact details ("Media contact:", "Pressekontakt"),
    with the names, telephone numbers and e-mail addresses under it or after
    its colon, and the further groups of such details that follow it (a
    press release's contacts): one ``contact`` block per line."""
    lead = ctx.lines[i].strip()
    m = _CONTACT_LEAD.match(lead)
    if m is None and _after_address_lead(ctx, i) and _contact_group(ctx, i) > i:
        return _addresses(ctx, i)
    if m is None or words(lead[:m.end()]) > CONTACT_LEAD_WORDS:
        return None
    end = _contact_group(ctx, i)
    if end == i:  # the lead alone on its line, the details in the next group
        if ctx.group_end(i) != i + 1 or lead[m.end():].strip(" :"):
            return None
        end = _contact_group(ctx, ctx.next_filled(i + 1))
        if end <= i + 1:
            return None
    while (nxt := ctx.next_filled(end)) < len(ctx.lines) and (after := _contact_group(ctx, nxt)) > nxt:
        end = after
    blocks = tuple(ctx.block("contact", [ctx.span(k)], "contact-block") for k in range(i, end) if not ctx.blank(k))
    return Match(evidenced(blocks, f"under the lead \u201c{lead}\u201d, with telephone numbers, e-mail or web "
                                   "addresses"), end)


def _after_address_lead(ctx: Context, i: int) -> bool:
    """Line ``i`` follows a sentence that ends in a colon ("… send a protest
    to:"), or contact details already read."""
    if ctx.last_type() == "contact":
        return True
    if not ctx.before or ctx.before[-1].type not in ("paragraph", "list-item"):
        return False
    return ctx.before[-1].text.rstrip().endswith(":")


def _addresses(ctx: Context, i: int) -> Match:
    """Groups of contact details (an address, a telephone number) under a
    sentence ending in a colon, with a lone "and" between two of them."""
    end = _contact_group(ctx, i)
    while (nxt := ctx.next_filled(end)) < len(ctx.lines):
        if ctx.group_end(nxt) == nxt + 1 and ctx.lines[nxt].strip().lower() in _BETWEEN_ADDRESSES:
            after = ctx.next_filled(nxt + 1)
            if after < len(ctx.lines) and _contact_group(ctx, after) > after:
                end = _contact_group(ctx, after)
                continue
        break
    blocks = tuple(ctx.block("contact", [ctx.span(k)], "contact-block") for k in range(i, end) if not ctx.blank(k))
    return Match(evidenced(blocks, "an address or telephone number under a sentence ending in a colon"), end)


_BETWEEN_ADDRESSES = frozenset({"and", "or", "und", "oder", "et", "ou", "y", "o", "e", "и", "или", "en", "of"})
"""The word that may stand alone between two addresses."""
CONTACT_LEAD_WORDS = 4
"""The most words of a contact lead ("For further information, contact")."""
