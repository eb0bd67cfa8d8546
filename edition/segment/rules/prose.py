"""Slogans and paragraphs: the running text."""

from __future__ import annotations

from edition.segment.context import Context, Match, evidenced
from edition.segment.rules.closing import is_sign_off
from edition.segment.rules.figures import is_credit_line
from edition.segment.rules.signatories import near_end
from edition.segment.shapes import closes_with_stop, in_capitals, is_bullet, is_slogan, words

SLOGAN_END_SHARE = 0.35
"""A lone exclamation is a closing slogan when the prose after it is at
most this share of the text before it (a newsletter's exclamatory
headlines stand further up)."""


def slogan(ctx: Context, i: int) -> Match | None:
    """Lines that are each one short exclamation, alone or in a row, where
    a rallying call stands: in a run of them, in capitals, where the text
    closes or right before what closes it (names, a title, nothing).  A lone
    one over a section of prose is its heading; one amid the prose of the
    body is a sentence of it; one right above a photo credit is a caption."""
    end = ctx.group_end(i)
    if not all(is_slogan(ctx.lines[k]) and not ctx.lines[k].lstrip().startswith("(") for k in range(i, end)):
        return None  # "(… !)": an aside, not a call
    nxt = ctx.next_filled(end)
    if nxt < len(ctx.lines) and is_credit_line(ctx.lines[nxt]):
        return None
    run = end - i > 1 or ctx.last_type() == "slogan" or (
        nxt < len(ctx.lines) and ctx.group_end(nxt) == nxt + 1 and is_slogan(ctx.lines[nxt]))
    if not run and end - i == 1 and _section_follows(ctx, nxt):
        return Match(evidenced((ctx.block("heading", [ctx.span(i)], "exclamation-heading"),),
                               "a lone exclamation over a section of running text"), end)
    closing = nxt >= len(ctx.lines) or not _prose_words(ctx, nxt) or near_end(ctx, i, end, SLOGAN_END_SHARE)
    if not (run or closing or all(in_capitals(ctx.lines[k]) for k in range(i, end))):
        return None
    return Match(tuple(ctx.block("slogan", [ctx.span(k)], "slogan") for k in range(i, end)), end)


SECTION_WORDS = (12, 40)
"""Running text under a lone exclamation that makes it a section's heading:
the next paragraph has at least the first many words, the next two the second."""


SECTION_FIRST_LINE_WORDS = 3
PROSE_LINE_WORDS = 6
"""Prose has at least this many words per line on average (a list of names has fewer)."""


def _section_follows(ctx: Context, k: int) -> bool:
    """Paragraphs of some length from line ``k`` on: running text, not a
    list of names or a signature block under its "-- " mark."""
    if k >= len(ctx.lines) or words(ctx.lines[k]) < SECTION_FIRST_LINE_WORDS:
        return False
    second = ctx.next_filled(ctx.group_end(k))
    counts = [_prose_words(ctx, a) for a in (k, second) if a < len(ctx.lines)]
    return counts[0] >= SECTION_WORDS[0] and sum(counts) >= SECTION_WORDS[1]


def _prose_words(ctx: Context, k: int) -> int:
    """The words of the group of lines at ``k`` when it reads as prose
    (closed by a stop, lines of some length), else 0."""
    lines = ctx.lines[k:ctx.group_end(k)]
    count = sum(words(line) for line in lines)
    return count if closes_with_stop(lines[-1]) and count >= PROSE_LINE_WORDS * len(lines) else 0


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
