"""Photo credits, alone on a line or at the end of a caption.

Which paragraphs before a lone credit form its caption is decided after all
blocks are typed (``segment.units``), since it needs to look back.
"""

from __future__ import annotations

import re

from edition.model import Mark
from edition.segment.context import Context, Match
from edition.segment.rules.marks import place_and_dates
from edition.segment.shapes import words

_CUE = (r"(?:photo(?:graph)?s?|photography|pictures?|images?|(?:photo )?credits?|"
        r"fotos?|fotograf[íi]as?|фото(?:графии)?)")
_CREDIT_LINE = re.compile(rf"^{_CUE}(?:\s+by)?\s*[:：]\s*(?P<name>\S.*?)\.?$|^photos? by\s+(?P<by>\S.*?)\.?$",
                          re.IGNORECASE)
_CREDIT_TAIL = re.compile(rf"(?<=[.!?\u2026\"\u201d\u2019)])\s+(?P<credit>{_CUE}\s*:\s*(?P<name>[^.:]{{1,80}})\.?)$",
                          re.IGNORECASE)


def _name_mark(text: str) -> tuple[Mark, ...]:
    m = _CREDIT_LINE.match(text)
    if not m:
        return ()
    group = "name" if m.group("name") else "by"
    return (Mark("name", m.start(group), m.end(group)),)


def is_credit_line(text: str) -> bool:
    m = _CREDIT_LINE.match(text.strip())
    return m is not None and words(m.group("name") or m.group("by")) <= 8


def photo_credit(ctx: Context, i: int) -> Match | None:
    """A line that only credits a photo: "Photos: AUCPB".  It may run
    straight into the next text's title, so only this line is taken."""
    if not is_credit_line(ctx.lines[i]):
        return None
    return Match((ctx.block("photo-credit", [ctx.span(i)], "photo-credit", _name_mark),), i + 1)


def caption_with_credit(ctx: Context, i: int) -> Match | None:
    """A paragraph whose last sentence is followed by a credit on the same
    line: the paragraph is a caption, the tail its credit."""
    end = ctx.group_end(i)
    last = ctx.lines[end - 1]
    m = _CREDIT_TAIL.search(last.rstrip())
    if not m or words(m.group("name")) > 8:
        return None
    spans = [ctx.span(k) for k in range(i, end - 1)] + [ctx.span(end - 1, 0, m.start())]
    caption = ctx.block("caption", spans, "caption-with-credit", place_and_dates)
    credit = ctx.block("photo-credit", [ctx.span(end - 1, m.start("credit"))],
                       "caption-with-credit", _name_mark)
    return Match((caption, credit), end)
