"""Walks the lines and lets the first rule that claims each one type it."""

from __future__ import annotations

from collections.abc import Sequence

from edition.errors import SegmentationError
from edition.model import Block, NormalizedText
from edition.segment.context import Context, Rule


def type_blocks(normalized: NormalizedText, rules: Sequence[Rule], language: str) -> list[Block]:
    """Every non-blank line ends up in exactly one block, in order."""
    lines = tuple(line.text for line in normalized.lines)
    blocks: list[Block] = []
    # The context sees the growing list: rules only read it.
    ctx = Context(lines, language, blocks)
    i = ctx.next_filled(0)
    while i < len(lines):
        for rule in rules:
            match = rule.detect(ctx, i)
            if match is not None:
                break
        else:
            raise SegmentationError("no rule claims this line (the rules lack a catch-all)",
                                    path=normalized.source.path, line=i + 1)
        if match.next <= i:
            raise SegmentationError(f"rule {rule.name!r} claimed no line",
                                    path=normalized.source.path, line=i + 1)
        blocks.extend(match.blocks)
        i = ctx.next_filled(match.next)
    _check_lossless(normalized, blocks)
    return blocks


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
