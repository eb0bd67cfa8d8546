"""Bulleted lists inside the body of a text."""

from __future__ import annotations

import re

from edition.model import Block, Span
from edition.segment.context import Context, Match
from edition.segment.names import signatory_mark
from edition.segment.rules.signatories import MIN_RUN, closes_text, looks_like_names, type_above
from edition.segment.shapes import approx_words, is_bullet, is_number_alone, sentences, strip_bullet, words


def bullet_list(ctx: Context, i: int) -> Match | None:
    """Lines opening with a bullet ("- ", "* ", "1.") and the lines that
    continue them; one blank line between two items does not end the list,
    nor do more when the next item bears the next number.  Numbered items
    that are each a long stretch of prose ("1. We will not accept …", a
    manifesto's points) are its paragraphs, numbers kept."""
    if not is_bullet(ctx.lines[i]) and not (is_number_alone(ctx.lines[i]) and _item_below(ctx, i)):
        return None
    items: list[Block] = []
    numbers: list[int] = []
    j = i
    while j < len(ctx.lines):
        if ctx.blank(j):
            k = ctx.next_filled(j)
            if k < len(ctx.lines) and _opens_item(ctx, k) and (
                    k - j == 1 or (numbers and k - j <= MAX_NUMBERED_GAP and _number(ctx.lines[k]) == numbers[-1] + 1)):
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
        numbers.append(_number(ctx.lines[marker.line - 1]))
    if len(numbers) == len(items) and all(n > 0 for n in numbers) and _prose_points(items):
        return Match(tuple(ctx.block("paragraph", [ctx.span(b.markers[0].line - 1, b.markers[0].start), *b.spans[1:]]
                                     if b.spans and b.spans[0].line == b.markers[0].line
                                     else [ctx.span(b.markers[0].line - 1), *b.spans], "numbered-prose")
                           for b in items), j)
    if _signed(ctx, items) and closes_text(ctx, i, j):
        items = [Block("signatory", b.text, b.spans, b.rule, signatory_mark(b.text), b.markers)
                 for b in items]
    return Match(tuple(items), j)


MAX_NUMBERED_GAP = 3
"""The most blank lines between two numbered items that still continue the list."""
PROSE_POINT_WORDS = 60
"""Numbered items of at least this many words on average are paragraphs."""
_NUMBER = re.compile(r"^\s*\(?(\d{1,3})[.)]")


def _number(line: str) -> int:
    """The number opening a list item ("12." -> 12), or 0."""
    m = _NUMBER.match(line)
    return int(m.group(1)) if m else 0


def _prose_points(items: list[Block]) -> bool:
    """Numbered items that are long prose, of two sentences or more most of them."""
    if not items:
        return False
    long = sum(approx_words(b.text) for b in items) >= PROSE_POINT_WORDS * len(items)
    return long and 2 * sum(1 for b in items if sentences(b.text) >= 2) > len(items)


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
