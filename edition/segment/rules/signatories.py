"""Signatory lists: a lead-in ("Signed by:"), state or group labels
("Georgia:"), and one name per line or several on one line after the lead.

An entry's parenthesised remark on a line of its own belongs to the entry
before it.  Blank lines end the list unless a group label follows.
"""

from __future__ import annotations

import re

from edition.model import Block, Span
from edition.segment.context import Context, Match
from edition.segment.names import signatory_mark
from edition.segment.shapes import is_list_entry, starts_upper, strip_bullet, words

_CUE = re.compile(r"\b(?:sign|signed|signer|signers|signatory|signatories|signatures?|"
                  r"undersigned|endorsed|firma|firmas|firmado|firmantes|signataires|"
                  r"unterzeichne\w*|unterschrieben|подпис\w*|підпис\w*)\b", re.IGNORECASE)
_LABEL = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][^\d:;.!?]{0,40}:$")


def _is_label(text: str) -> bool:
    t = text.strip()
    return bool(_LABEL.match(t)) and words(t) <= 4 and not _CUE.search(t)


def signatories(ctx: Context, i: int) -> Match | None:
    """A short line naming the act of signing and ending in ":" or ",", then
    the list; or the same lead with the names after it on the same line."""
    text = ctx.lines[i]
    t = text.strip()
    if not _CUE.search(t):
        return None
    if (t.endswith((":", ",")) and words(t) <= 6) and ctx.group_end(i) >= i + 1:
        lead = ctx.block("signatories-lead", [ctx.span(i)], "signatories")
        blocks, nxt = take_list(ctx, i + 1, "signatories", after_lead=True)
        if blocks:
            return Match((lead, *blocks), nxt)
        return None
    colon = text.find(":")
    if colon < 0 or words(text[:colon]) > 4:
        return None
    entries = _split_entries(text, colon + 1)
    if len(entries) < 2 or not all(is_list_entry(text[a:b]) for a, b in entries):
        return None
    lead = ctx.block("signatories-lead", [ctx.span(i, 0, colon + 1)], "signatories")
    items = []
    for k, (a, b) in enumerate(entries):
        gap_end = entries[k + 1][0] if k + 1 < len(entries) else b
        markers = (Span(i + 1, b, gap_end),) if gap_end > b else ()
        block = ctx.block("signatory", [Span(i + 1, a, b)], "signatories", signatory_mark)
        items.append(Block(block.type, block.text, block.spans, block.rule, block.marks, markers))
    return Match((lead, *items), i + 1)


def _split_entries(text: str, start: int) -> list[tuple[int, int]]:
    """Cut at commas and semicolons outside parentheses; trim blanks."""
    cuts, depth, a = [], 0, start
    for k in range(start, len(text)):
        ch = text[k]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in ",;" and depth == 0:
            cuts.append((a, k))
            a = k + 1
    cuts.append((a, len(text.rstrip(" .")) if text.rstrip().endswith(".") else len(text)))
    out = []
    for a, b in cuts:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def signatory_groups(ctx: Context, i: int) -> Match | None:
    """A group label ("Georgia:") over at least two names, with no lead-in."""
    if not _is_label(ctx.lines[i]):
        return None
    k = ctx.next_filled(i + 1)
    names = 0
    while k < len(ctx.lines) and not ctx.blank(k) and is_list_entry(ctx.lines[k]):
        names, k = names + 1, k + 1
    if names < 2:
        return None
    blocks, nxt = take_list(ctx, i, "signatory-groups", after_lead=False)
    return Match(tuple(blocks), nxt)


def signatory_run(ctx: Context, i: int) -> Match | None:
    """Three or more short capitalized lines in a row, after the body of a
    text has begun, read as names even without a lead-in."""
    if ctx.last_type() in ("", "title", "heading", "salutation"):
        return None
    end = ctx.group_end(i)
    if end - i < 3:
        return None
    for k in range(i, end):
        t = ctx.lines[k].strip()
        if not (is_list_entry(t, max_words=8) and starts_upper(t)) or t.endswith(","):
            return None
    blocks, nxt = take_list(ctx, i, "signatory-run", after_lead=False)
    return Match(tuple(blocks), nxt) if nxt == end else None


def take_list(ctx: Context, i: int, rule: str, *, after_lead: bool) -> tuple[list[Block], int]:
    """Read list entries and group labels from line ``i`` on."""
    blocks: list[Block] = []
    since_label = 0 if after_lead else 1
    j = i
    while j < len(ctx.lines):
        if ctx.blank(j):
            k = ctx.next_filled(j)
            if k < len(ctx.lines) and (since_label == 0 or _is_label(ctx.lines[k])):
                j = k
                continue
            break
        line = ctx.lines[j]
        off = strip_bullet(line)
        body = line[off:].strip()
        markers = (ctx.span(j, 0, off),) if off else ()
        if _is_label(line) or _is_colonless_label(ctx, j, blocks):
            blocks.append(ctx.block("signatory-group", [ctx.span(j)], rule))
            since_label = 0
        elif body.startswith("(") and not off and blocks and blocks[-1].type == "signatory":
            prev = blocks[-1]
            joined = ctx.block("signatory", [*prev.spans, ctx.span(j)], rule, signatory_mark)
            blocks[-1] = Block(joined.type, joined.text, joined.spans, rule, joined.marks,
                               prev.markers)
        elif is_list_entry(body):
            made = ctx.block("signatory", [ctx.span(j, off)], rule, signatory_mark)
            blocks.append(Block(made.type, made.text, made.spans, rule, made.marks, markers))
            since_label += 1
        else:
            break
        j += 1
    if not any(b.type == "signatory" for b in blocks):
        return [], i
    while blocks and blocks[-1].type == "signatory-group":
        j = blocks.pop().spans[0].line - 1
    return blocks, j


def _is_colonless_label(ctx: Context, j: int, blocks: list[Block]) -> bool:
    """One capitalized word among names of two or more words, with names
    after it: a group label whose colon was lost ("Maryland")."""
    t = ctx.lines[j].strip()
    if words(t) != 1 or not t.isalpha() or not t[0].isupper():
        return False
    names = [b for b in blocks if b.type == "signatory"]
    if len(names) < 1 or any(words(b.text) < 2 for b in names):
        return False
    return j + 1 < len(ctx.lines) and is_list_entry(ctx.lines[j + 1]) and words(ctx.lines[j + 1]) >= 2
