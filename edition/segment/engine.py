"""Walks the lines and lets the first rule that claims each one type it.

Lines an editor's override types are the editor's: the rules see them as
blank (so no rule's block runs across them) and the override's blocks take
their place in reading order, where the rules after them can see them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from edition.errors import SegmentationError
from edition.model import Block, NormalizedText, Placed
from edition.segment.context import Context, Match, Rule
from edition.segment.overrides import override_blocks


def type_blocks(normalized: NormalizedText, rules: Sequence[Rule], language: str,
                placed: Sequence[Placed] = (), editor: str = "",
                known: Mapping[str, Any] | None = None) -> list[Block]:
    """Every non-blank line ends up in exactly one block, in order;
    ``known`` holds facts of the text already worked out (see ``Context.once``)."""
    real = tuple(line.text for line in normalized.lines)
    claims = {p.first: p for p in placed if p.claims}
    masked = {k for p in claims.values() for k in range(p.first, p.last + 1)}
    lines = tuple("" if k in masked else text for k, text in enumerate(real)) if masked else real
    blocks: list[Block] = []
    # The context sees the growing list: rules only read it.
    ctx = Context(lines, language, blocks, dict(known or {}))
    full = Context(real, language, blocks)
    starts = sorted(claims)

    def advance(j: int) -> int:
        while j < len(lines) and not lines[j].strip() and j not in claims:
            j += 1
        return j

    i = advance(0)
    while i < len(lines):
        if i in claims:
            p = claims[i]
            blocks.extend(override_blocks(p, real, editor, full.span))
            i = advance(p.last + 1)
            continue
        for rule in rules:
            match = rule.detect(ctx, i)
            if match is not None:
                break
        else:
            raise SegmentationError("no rule claims this line (the rules lack a catch-all)",
                                    path=normalized.source.path, line=i + 1)
        match = _before_claim(match, next((c for c in starts if c > i), len(lines)))
        if match.next <= i:
            raise SegmentationError(f"rule {rule.name!r} claimed no line",
                                    path=normalized.source.path, line=i + 1)
        blocks.extend(match.blocks)
        i = advance(match.next)
    _check_lossless(normalized, blocks)
    return blocks


def _before_claim(match: Match, claim: int) -> Match:
    """A match cut short of the next line an override types: rules that read
    across blank lines (a list with gaps) must not run over it."""
    if match.next <= claim:
        return match
    kept = tuple(b for b in match.blocks if b.lines[1] <= claim)
    dropped = [b.lines[0] - 1 for b in match.blocks if b.lines[1] > claim]
    return Match(kept, min([claim, *dropped]))


def _check_lossless(normalized: NormalizedText, blocks: Sequence[Block]) -> None:
    """Every non-blank character of every line lies in some block."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for block in blocks:
        for span in (*block.spans, *block.markers):
            covered.setdefault(span.line, []).append((span.start, span.end))
    for line in normalized.lines:
        text = line.text
        ranges = sorted(covered.get(line.number, []))
        pos = 0
        for start, end in ranges:
            if text[pos:start].strip():
                break
            pos = max(pos, end)
        else:
            if not text[pos:].strip():
                continue
        raise SegmentationError("text on this line was left out of every block",
                                path=normalized.source.path, line=line.number)
