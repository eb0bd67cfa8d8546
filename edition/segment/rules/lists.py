"""Bulleted lists inside the body of a text."""

from __future__ import annotations

from edition.model import Block, Span
from edition.segment.context import Context, Match
from edition.segment.shapes import is_bullet, strip_bullet


def bullet_list(ctx: Context, i: int) -> Match | None:
    """Lines opening with a bullet ("- ", "* ", "1.") and the lines that
    continue them; one blank line between two items does not end the list."""
    if not is_bullet(ctx.lines[i]):
        return None
    items: list[Block] = []
    j = i
    while j < len(ctx.lines):
        if ctx.blank(j):
            k = ctx.next_filled(j)
            if k < len(ctx.lines) and k - j == 1 and is_bullet(ctx.lines[k]):
                j = k
                continue
            break
        if not is_bullet(ctx.lines[j]):
            break
        off = strip_bullet(ctx.lines[j])
        spans: list[Span] = [ctx.span(j, off)]
        j += 1
        while j < len(ctx.lines) and not ctx.blank(j) and not is_bullet(ctx.lines[j]):
            spans.append(ctx.span(j))
            j += 1
        made = ctx.block("list-item", spans, "bullet-list")
        items.append(Block(made.type, made.text, made.spans, made.rule, (),
                           (ctx.span(spans[0].line - 1, 0, off),)))
    return Match(tuple(items), j)
