"""Slogans and paragraphs: the running text."""

from __future__ import annotations

from edition.segment.context import Context, Match
from edition.segment.rules.closing import is_sign_off
from edition.segment.rules.figures import is_credit_line
from edition.segment.shapes import is_bullet, is_slogan


def slogan(ctx: Context, i: int) -> Match | None:
    """Lines that are each one short exclamation, alone or in a row."""
    end = ctx.group_end(i)
    if not all(is_slogan(ctx.lines[k]) for k in range(i, end)):
        return None
    return Match(tuple(ctx.block("slogan", [ctx.span(k)], "slogan") for k in range(i, end)), end)


def paragraph(ctx: Context, i: int) -> Match:
    """Everything else: lines up to a blank line (or a bullet, or a photo
    credit) are one paragraph, their line breaks read as spaces.  Where the
    layout ends a paragraph at a line break, the engine shows a blank line."""
    j = i + 1
    while (j < len(ctx.lines) and not ctx.blank(j)
           and not is_bullet(ctx.lines[j]) and not is_credit_line(ctx.lines[j])
           and not is_sign_off(ctx, j)):
        j += 1
    return Match((ctx.block("paragraph", [ctx.span(k) for k in range(i, j)], "paragraph"),), j)
