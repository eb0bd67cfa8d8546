"""Titles, kickers and salutations: the lines that open a text."""

from __future__ import annotations

import re

from edition.segment.context import Context, Match
from edition.segment.shapes import is_heading_like, sentences, words

CLOSING = frozenset({"signatory", "signatory-group", "acknowledgement", "photo-credit",
                     "dateline", "slogan"})
"""Blocks after which a text may end and a new one begin."""


def opening_title(ctx: Context, i: int) -> Match | None:
    """The first line of the file, when short and not closed like a sentence
    (a question or exclamation may end it); a short line ending in a colon
    just above it is a kicker."""
    if not ctx.at_start():
        return None
    end = ctx.group_end(i)
    first = ctx.lines[i].strip()
    if end - i == 1 and _title_shaped(first):
        return Match((ctx.block("title", [ctx.span(i)], "opening-title"),), i + 1)
    if (end - i == 2 and first.endswith(":") and words(first) <= 10
            and _title_shaped(ctx.lines[i + 1].strip())):
        return Match((ctx.block("heading", [ctx.span(i)], "opening-title"),
                      ctx.block("title", [ctx.span(i + 1)], "opening-title")), i + 2)
    return None


def _title_shaped(text: str) -> bool:
    if re.search(r"[?!][\"\u201d\u2019)»]*$", text):
        return 0 < words(text) <= 20 and sentences(text) == 1
    return is_heading_like(text)


def salutation(ctx: Context, i: int) -> Match | None:
    """A short line ending in a comma that opens a text: "Dear friends,"."""
    if ctx.last_type() not in ("", "title"):
        return None
    text = ctx.lines[i].strip()
    if ctx.group_end(i) - i == 1 and text.endswith(",") and words(text) <= 8:
        return Match((ctx.block("salutation", [ctx.span(i)], "salutation"),), i + 1)
    return None


def section_title(ctx: Context, i: int) -> Match | None:
    """A lone short line after the close of a text (signatories, thanks, a
    credit, a slogan), followed by a full paragraph: the next text's title."""
    if ctx.last_type() not in CLOSING or ctx.group_end(i) - i != 1:
        return None
    if not is_heading_like(ctx.lines[i], max_words=15):
        return None
    nxt = ctx.next_filled(i + 1)
    if nxt >= len(ctx.lines) or words(ctx.lines[nxt]) < 20:
        return None
    return Match((ctx.block("title", [ctx.span(i)], "section-title"),), i + 1)
