"""Bulleted lists inside the body of a text."""

from __future__ import annotations

from edition.model import Block, Span
from edition.segment.context import Context, Match
from edition.segment.names import signatory_mark
from edition.segment.rules.signatories import MIN_RUN, closes_text, looks_like_names, type_above
from edition.segment.shapes import is_bullet, is_number_alone, strip_bullet, words


def bullet_list(ctx: Context, i: int) -> Match | None:
    """Lines opening with a bullet ("- ", "* ", "1.") and the lines that
    continue them; one blank line between two items does not end the list."""
    if not is_bullet(ctx.lines[i]) and not (is_number_alone(ctx.lines[i]) and _item_below(ctx, i)):
        return None
    items: list[Block] = []
    j = i
    while j < len(ctx.lines):
        if ctx.blank(j):
            k = ctx.next_filled(j)
            if k < len(ctx.lines) and k - j == 1 and _opens_item(ctx, k):
                j = k
                continue
            break
        alone = is_number_alone(ctx.lines[j])
        if not (is_bullet(ctx.lines[j]) or alone and _item_below(ctx, j)):
            break
        marker = ctx.span(j) if alone else ctx.span(j, 0, strip_bullet(ctx.lines[j]))
        spans: list[Span] = [] if alone else [ctx.span(j, marker.end)]
        j += 1
        while j < len(ctx.lines) and not ctx.blank(j) and not _opens_item(ctx, j):
            spans.append(ctx.span(j))
            j += 1
        made = ctx.block("list-item", spans, "bullet-list")
        items.append(Block(made.type, made.text, made.spans, made.rule, (), (marker,)))
    if _signed(ctx, items) and closes_text(ctx, i, j):
        items = [Block("signatory", b.text, b.spans, b.rule, signatory_mark(b.text), b.markers)
                 for b in items]
    return Match(tuple(items), j)


def _item_below(ctx: Context, j: int) -> bool:
    """A number alone on line ``j`` ("100.") numbers the text just below it."""
    return j + 1 < len(ctx.lines) and not ctx.blank(j + 1) and not _opens_item(ctx, j + 1)


def _opens_item(ctx: Context, j: int) -> bool:
    return is_bullet(ctx.lines[j]) or is_number_alone(ctx.lines[j])


def _signed(ctx: Context, items: list[Block]) -> bool:
    """A bulleted or numbered list of names where a text closes is a list
    of signatories: at least ``MIN_RUN`` items of two words or more on
    average, mostly names, none a sentence."""
    if len(items) < MIN_RUN or type_above(ctx) in ("", "title", "heading", "salutation"):
        return False
    texts = [b.text for b in items]
    return sum(map(words, texts)) >= 2 * len(texts) and looks_like_names(texts)
