"""Titles, kickers and salutations: the lines that open a text."""

from __future__ import annotations

import re

from edition.segment.context import Context, Match, evidenced
from edition.segment.cues import shipped
from edition.segment.dates import is_dated_line, is_event_line
from edition.segment.rules.closing import is_byline, is_date_line
from edition.segment.shapes import (
    closes_with_stop,
    ends_sentence,
    in_capitals,
    is_bullet,
    is_heading_like,
    is_name_like,
    is_separator,
    sentences,
    starts_upper,
    words,
)

CLOSING = frozenset({"signatory", "signatory-group", "acknowledgement", "photo-credit",
                     "dateline", "slogan"})
"""Blocks after which a text may end and a new one begin."""


def opening_title(ctx: Context, i: int) -> Match | None:
    """The first line of the file, when short and not closed like a sentence
    (a question or exclamation may end it); a short line just above it,
    ending in a colon or in capitals over a title that is not, is a kicker."""
    if not ctx.at_start():
        return None
    end = ctx.group_end(i)
    first = ctx.lines[i].strip()
    if end - i == 1 and _dated_over_title(ctx, i):
        return None
    if end - i == 1 and _long_title_over_opening(ctx, i):
        return Match(evidenced((ctx.block("title", [ctx.span(i)], "opening-title"),),
                               "the first line, not closed by a stop, over a date or a salutation"), i + 1)
    if end - i == 1:
        nxt = ctx.next_filled(i + 1)
        if (nxt < len(ctx.lines) and ctx.group_end(nxt) == nxt + 1 and _title_shaped(ctx.lines[nxt].strip())
                and _kicker(first, ctx.lines[nxt].strip()) and (first.endswith(":") or _title_shaped(first))
                and _opens_body(ctx, nxt + 1)):
            # "FOR IMMEDIATE RELEASE" or "Open letter:" on its own, then the title
            return Match((ctx.block("heading", [ctx.span(i)], "opening-title"),
                          ctx.block("title", [ctx.span(nxt)], "opening-title")), nxt + 1)
        if _title_shaped(first):
            return Match((ctx.block("title", [ctx.span(i)], "opening-title"),), i + 1)
        return None
    if end - i == 2 and _kicker(first, ctx.lines[i + 1].strip()) and _title_shaped(ctx.lines[i + 1].strip()):
        return Match((ctx.block("heading", [ctx.span(i)], "opening-title"),
                      ctx.block("title", [ctx.span(i + 1)], "opening-title")), i + 2)
    if end - i == 2 and _title_shaped(first):
        below = _under_title(ctx.lines[i + 1].strip())
        if below:
            return Match((ctx.block("title", [ctx.span(i)], "opening-title"),
                          ctx.block(below, [ctx.span(i + 1)], "opening-title")), i + 2)
    if end - i == 2 and _wrapped_title(first, ctx.lines[i + 1].strip()):
        return Match(evidenced((ctx.block("title", [ctx.span(i), ctx.span(i + 1)], "opening-title"),),
                               "the first two lines, a long line wrapped: one title not closed by a stop"), i + 2)
    if end - i == 2 and _title_and_subtitle(first, ctx.lines[i + 1].strip()) and _opens_body(ctx, end):
        return Match(evidenced((ctx.block("title", [ctx.span(i)], "opening-title"),
                                ctx.block("heading", [ctx.span(i + 1)], "opening-title")),
                               "the first line, short, over a second short line opening with a capital: "
                               "a title and its subtitle"), i + 2)
    return None


def _title_and_subtitle(first: str, second: str) -> bool:
    """Two short lines, neither closed like a sentence, the second opening
    with a capital: too short a first line for a wrapped title, so a title
    over its subtitle."""
    return (len(first) < WRAPPED_TITLE_CHARS and not first.endswith(":") and _title_shaped(first)
            and _title_shaped(second) and starts_upper(second))


WRAPPED_TITLE_CHARS = 48
"""A first line at least this long, going on in the next, is a title that
a hard-wrapped file broke in two."""


def _wrapped_title(first: str, second: str) -> bool:
    return (len(first) >= WRAPPED_TITLE_CHARS and not closes_with_stop(first) and not first.endswith(":")
            and not _under_title(second) and _title_shaped(f"{first} {second}"))


def _dated_over_title(ctx: Context, i: int) -> bool:
    """A place and date opening the file over a lone title-shaped line:
    the date is a dateline and the title comes after it (a press release).
    Over running text, a date may well be the only title there is."""
    if not is_dated_line(ctx.lines[i]):
        return False
    nxt = ctx.next_filled(i + 1)
    return nxt < len(ctx.lines) and ctx.group_end(nxt) == nxt + 1 and _title_shaped(ctx.lines[nxt].strip())


LONG_TITLE_WORDS = 45
"""The most words of a long title ("Letter from 120 organisations to …")
known by what follows it."""


def _long_title_over_opening(ctx: Context, i: int) -> bool:
    """A long first line not closed like a sentence, right over a place and
    date or a salutation ("Dear Ministers,"): a letter's long title."""
    first = ctx.lines[i].strip()
    if words(first) > LONG_TITLE_WORDS or ends_sentence(first) or not starts_upper(first):
        return False
    nxt = ctx.next_filled(i + 1)
    if nxt >= len(ctx.lines) or ctx.group_end(nxt) != nxt + 1:
        return False
    below = ctx.lines[nxt].strip()
    return is_dated_line(below) or (below.endswith(",") and words(below) <= SALUTATION_WORDS)


SALUTATION_WORDS = 8
"""The most words of a salutation ("Dear friends and colleagues,")."""


def _opens_body(ctx: Context, k: int) -> bool:
    """A paragraph of some length follows from line ``k`` on."""
    k = ctx.next_filled(k)
    return k < len(ctx.lines) and words(" ".join(ctx.lines[k:ctx.group_end(k)])) >= 12


def _under_title(line: str) -> str:
    """What the line right under a title is, by its shape: a byline ("By
    Jane Doe", maybe with a date), a date, a rule drawn under it ("====="),
    or "" for none of them (a second line of the title, or text)."""
    if is_separator(line):
        return "separator"
    if is_date_line(line):
        return "dateline"
    if is_byline(line):
        return "byline"
    return ""


KICKER_WORDS = 10
"""The longest kicker (the short line over a title), in words."""


_KIND_OF_TEXT = shipped().kicker


def _kicker(line: str, title: str) -> bool:
    """A short line over the title: ending in a colon ("Open letter:"), in
    capitals over a title that is not ("OPEN LETTER OF PROTEST"), or naming
    a kind of text over a longer title ("Press release")."""
    if words(line) > KICKER_WORDS:
        return False
    return (line.endswith(":") or (in_capitals(line) and not in_capitals(title))
            or (bool(_KIND_OF_TEXT.match(line)) and words(title) > words(line)))


_ASKED_OR_EXCLAIMED = re.compile(r"[?!][\"\u201d\u2019)»]*$")


def _title_shaped(text: str) -> bool:
    if text[:1] in "[(" and text[-1:] in "])":  # a note in brackets, not a title
        return False
    if _ASKED_OR_EXCLAIMED.search(text):
        return 0 < words(text) <= 20 and sentences(text) == 1
    return is_heading_like(text)


def salutation(ctx: Context, i: int) -> Match | None:
    """A short line ending in a comma that opens a text ("Dear friends,"),
    or anywhere a line opening with a greeting ("Dear Sir:")."""
    text = ctx.lines[i].strip()
    if ctx.last_type() not in ("", "title", "heading", "dateline", "byline", "photo-credit") and not (
            _GREETING.match(text) and ctx.last_type() in ("paragraph", "separator")
            and _prose_at(ctx, ctx.next_filled(i + 1))):  # not a closing formula over a name
        return None
    if ctx.group_end(i) - i == 1 and _salutation_shaped(text):
        return Match((ctx.block("salutation", [ctx.span(i)], "salutation"),), i + 1)
    return None


_EMAIL_OR_WEB = re.compile(r"^\S+@\S+\.\w+$|^(?:https?://|www\.)\S+$")


def byline_under_title(ctx: Context, i: int) -> Match | None:
    """Right under a title, one or two short lines naming the author and
    giving an address ("Timothy C. May" / "tcmay@netcom.com"), or a byline
    ("By Jane Doe"): bylines."""
    if ctx.last_type() != "title":
        return None
    end = ctx.group_end(i)
    if not 1 <= end - i <= 2:
        return None
    lines = [ctx.lines[k].strip() for k in range(i, end)]
    contact = [bool(_EMAIL_OR_WEB.match(t)) or is_byline(t) for t in lines]
    named = [is_name_like(t, max_words=5) for t in lines]
    if not any(contact) or not all(c or n for c, n in zip(contact, named, strict=True)):
        return None
    return Match(tuple(ctx.block("byline", [ctx.span(k)], "byline-under-title") for k in range(i, end)), end)


_END_MARK = shipped().end_mark


def separator(ctx: Context, i: int) -> Match | None:
    """A line of one mark repeated ("- - - -", "#####"), or a press
    release's end mark ("-ENDS-", "-30-"): a break, no text of its own."""
    line = ctx.lines[i]
    if not is_separator(line) and not (_END_MARK.match(line) and not line.strip().isdigit()):
        return None
    return Match((ctx.block("separator", [ctx.span(i)], "separator"),), i + 1)


TITLE_AFTER_SEPARATOR_WORDS = 15


def title_after_separator(ctx: Context, i: int) -> Match | None:
    """A lone short line just after a section break (and maybe just before
    another, or over a source line, a byline or a date): the title of the
    section that begins there.  A title in capitals may carry its subtitle
    on the same line ("PRODUCING THE CRISIS  a speech by …")."""
    if ctx.last_type() != "separator":
        return None
    end = ctx.group_end(i)
    below = ctx.lines[i + 1].strip() if end - i == 2 else ""
    if not (end - i == 1 or (below and (is_separator(below) or _under_title(below)
                                         or _PROVENANCE.match(below)))):
        return None
    text = ctx.lines[i].strip()
    if not (is_heading_like(text, max_words=TITLE_AFTER_SEPARATOR_WORDS) or (
            _capitals_first(text) and words(text) <= TITLE_AFTER_SEPARATOR_WORDS and sentences(text) == 1)):
        return None
    return Match((ctx.block("title", [ctx.span(i)], "title-after-separator"),), i + 1)


_PROVENANCE = shipped().provenance


def _capitals_first(text: str) -> bool:
    """Opens with two or more words in capitals ("PRODUCING THE CRISIS a speech …")."""
    head = []
    for word in text.split():
        if not in_capitals(word) and not (len(word) < 3 and word.isupper()):
            break
        head.append(word)
    return len(head) >= 2 and in_capitals(" ".join(head))


LATE_TITLE_BLOCKS = 2
"""The most blocks (an editor's note, a source line) that may stand above a
text's title when the file does not open with it."""


def late_title(ctx: Context, i: int) -> Match | None:
    """A lone short line, not closed like a sentence, after no more than a
    note or two at the top of a file that has no title yet, with a full
    paragraph after it: the title ("[Reprinted from ...]" then the title)."""
    if ctx.at_start() or len(ctx.before) > LATE_TITLE_BLOCKS or any(
            b.type in ("title", "heading") for b in ctx.before):
        return None
    if ctx.group_end(i) - i != 1 or not _title_shaped(ctx.lines[i].strip()):
        return None
    nxt = ctx.next_filled(i + 1)
    if nxt >= len(ctx.lines) or words(" ".join(ctx.lines[nxt:ctx.group_end(nxt)])) < 20:
        return None
    return Match((ctx.block("title", [ctx.span(i)], "late-title"),), i + 1)


def section_title(ctx: Context, i: int) -> Match | None:
    """A lone short line after the close of a text (signatories, thanks, a
    credit, a slogan), followed by a full paragraph, maybe under a date: the
    next text's title."""
    if ctx.last_type() not in CLOSING or ctx.group_end(i) - i != 1:
        return None
    if not is_heading_like(ctx.lines[i], max_words=15):
        return None
    nxt = ctx.next_filled(i + 1)
    if nxt < len(ctx.lines) and ctx.group_end(nxt) == nxt + 1 and is_dated_line(ctx.lines[nxt]):
        nxt = ctx.next_filled(nxt + 1)  # the new text's date under its title
    if nxt >= len(ctx.lines) or words(ctx.lines[nxt]) < 20:
        return None
    return Match((ctx.block("title", [ctx.span(i)], "section-title"),), i + 1)


SECTION_HEADING_WORDS = 10
"""The most words of a section's heading inside a text."""


def section_heading(ctx: Context, i: int) -> Match | None:
    """A lone short line inside the body, not closed like a sentence, over
    a paragraph of running text, a list, or a sub-heading over running text
    ("About the company", "Announcements"): a section's heading, not a
    paragraph.  A "Name, place" line is left alone (an attribution)."""
    if ctx.last_type() in ("", "salutation"):
        return None
    text = ctx.lines[i].strip()
    if not _heading_shaped(text):
        return None
    if ctx.group_end(i) - i != 1:
        return _heading_over_its_text(ctx, i)
    nxt = ctx.next_filled(i + 1)
    if nxt >= len(ctx.lines):
        return None
    under = ctx.next_filled(nxt + 1)
    below = ctx.lines[nxt].strip()
    if not (_prose_at(ctx, nxt) or is_bullet(below) or (
            ctx.group_end(nxt) == nxt + 1 and (_heading_shaped(below) or _salutation_shaped(below))
            and under < len(ctx.lines) and (_prose_at(ctx, under) or _dates_a_story(ctx, under)))):
        return None
    return Match(evidenced((ctx.block("heading", [ctx.span(i)], "section-heading"),),
                           "a lone short line over the running text of a section"), i + 1)


GLUED_SHARE = 0.5
"""A heading with no blank line under it is at most this share of the
length of the first line of the paragraph under it."""
GLUED_BELOW = 60
"""The least length of that first line: a paragraph's line set in full."""


def _heading_over_its_text(ctx: Context, i: int) -> Match | None:
    """A short heading-shaped line of two words or more, no colon, with its
    section's paragraph right under it, no blank line between ("About the
    company" / "The company was founded …"): a line this much shorter than
    the line under it opens no paragraph."""
    text, below = ctx.lines[i].strip(), ctx.lines[i + 1].strip()
    if (words(text) < 2 or ":" in text or len(text) > GLUED_SHARE * len(below) or len(below) < GLUED_BELOW
            or not starts_upper(below) or not _prose_at(ctx, i + 1) or is_bullet(below) or _CUE_LEAD.search(text)):
        return None
    return Match(evidenced((ctx.block("heading", [ctx.span(i)], "section-heading"),),
                           "a short line right over a long paragraph of running text: its section's heading"),
                 i + 1)


_GREETING = shipped().greeting
_CUE_LEAD = shipped().signing


def _salutation_shaped(text: str) -> bool:
    """Short, opening with a capital and ending in a comma ("Dear friends,"),
    or opening with a greeting and ending in a colon or "!" ("Dear Sir:",
    "GREETINGS TO ALL OF YOU:")."""
    if words(text) > SALUTATION_WORDS or not starts_upper(text):
        return False
    return text.endswith(",") or (text.endswith((":", "!")) and bool(_GREETING.match(text)))


def _dates_a_story(ctx: Context, k: int) -> bool:
    """A date line at ``k`` over running text: a story's date under its
    headline ("12 OCT | Brussels")."""
    line = ctx.lines[k]
    if ctx.group_end(k) != k + 1 or not (is_event_line(line) or is_dated_line(line)):
        return False
    after = ctx.next_filled(k + 1)
    return after < len(ctx.lines) and _prose_at(ctx, after)


def _heading_shaped(text: str) -> bool:
    return is_heading_like(text, max_words=SECTION_HEADING_WORDS) and "," not in text


PROSE_WORDS = 12
"""The fewest words of the paragraph under a section's heading."""


def _prose_at(ctx: Context, k: int) -> bool:
    """Running text at line ``k``: a group of some length closed by a stop."""
    if k >= len(ctx.lines):
        return False
    lines = ctx.lines[k:ctx.group_end(k)]
    return sum(words(line) for line in lines) >= PROSE_WORDS and closes_with_stop(lines[-1])
