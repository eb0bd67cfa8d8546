"""Walks the lines and lets the first rule that claims each one type it.

Lines an editor's override types are the editor's: the rules see them as
blank (so no rule's block runs across them) and the override's blocks take
their place in reading order, where the rules after them can see them.

Where the file's layout ends a block at a line break with no blank line
(one paragraph per line), the rules are shown a blank line there: they
read blocks as groups of lines between blank lines whatever the layout.
Their blocks are numbered back to the source's lines.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

from edition.errors import SegmentationError
from edition.model import Block, NormalizedText, Placed, Span
from edition.segment.context import Context, Match, Rule
from edition.segment.overrides import override_blocks


def type_blocks(normalized: NormalizedText, rules: Sequence[Rule], language: str,
                placed: Sequence[Placed] = (), editor: str = "",
                known: Mapping[str, Any] | None = None, breaks: Collection[int] = ()) -> list[Block]:
    """Every non-blank line ends up in exactly one block, in order;
    ``known`` holds facts of the text already worked out (see ``Context.once``);
    ``breaks`` are the lines (0-based) after which the layout ends a block."""
    real = tuple(line.text for line in normalized.lines)
    masked = {k for p in placed if p.claims for k in range(p.first, p.last + 1)}
    shown = tuple("" if k in masked else text for k, text in enumerate(real)) if masked else real
    lines, numbers = _with_breaks(shown, breaks)
    gaps = column_gaps(normalized)
    if any(gaps):  # shown as ``lines`` are: a blank the layout adds has none
        shown_gaps = tuple(gaps[n - 1] if lines[k] else () for k, n in enumerate(numbers))
    else:
        shown_gaps = ()
    at = {n - 1: v for v, n in enumerate(numbers)}  # a source line's index in ``lines``
    claims = {at[p.first]: p for p in placed if p.claims}
    blocks: list[Block] = []
    # The context sees the growing list: rules only read it.
    ctx = Context(lines, language, blocks, dict(known or {}), numbers if breaks else (), shown_gaps)
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
            i = advance(at[p.last] + 1)
            continue
        for rule in rules:
            match = rule.detect(ctx, i)
            # A rule that would leave text of its lines out of its blocks
            # yields to the next: a shape misread must not lose words.
            if match is not None and _keeps_text(lines, match, i):
                break
        else:
            raise SegmentationError("no rule claims this line (the rules lack a catch-all)",
                                    path=normalized.source.path, line=i + 1)
        match = _before_claim(match, next((c for c in starts if c > i), len(lines)))
        if match.next <= i:
            raise SegmentationError(f"rule {rule.name!r} claimed no line",
                                    path=normalized.source.path, line=i + 1)
        blocks.extend(_renumbered(match.blocks, numbers) if breaks else match.blocks)
        i = advance(match.next)
    _check_lossless(normalized, blocks)
    return blocks


GAP_RULES = frozenset({"tab", "double-space"})
"""The normalization rules whose one space stands for a gap between columns."""


def column_gaps(normalized: NormalizedText) -> tuple[tuple[int, ...], ...]:
    """Per line, the offsets in its regularized text of each space that
    normalization made of a tab or of a run of blanks between two words."""
    out = []
    for line in normalized.lines:
        found, pos = [], 0
        for piece in line.pieces:
            if piece.rule in GAP_RULES and piece.reg == " " and 0 < pos:
                found.append(pos)
            pos += len(piece.reg)
        out.append(tuple(found))
    return tuple(out)


def _with_breaks(lines: tuple[str, ...], breaks: Collection[int]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The lines with a blank one after each break, and each shown line's
    source line number (1-based; a shown blank takes the number above it)."""
    shown: list[str] = []
    numbers: list[int] = []
    for k, text in enumerate(lines):
        shown.append(text)
        numbers.append(k + 1)
        if k in breaks and k + 1 < len(lines):
            shown.append("")
            numbers.append(k + 1)
    return tuple(shown), tuple(numbers)


def _renumbered(blocks: Sequence[Block], numbers: Sequence[int]) -> tuple[Block, ...]:
    """Blocks whose spans count the shown lines, counting the source's lines."""
    def back(spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(Span(numbers[s.line - 1], s.start, s.end) for s in spans)  # a Span is just these three

    return tuple(replace(b, spans=back(b.spans), markers=back(b.markers)) for b in blocks)


def _before_claim(match: Match, claim: int) -> Match:
    """A match cut short of the next line an override types: rules that read
    across blank lines (a list with gaps) must not run over it."""
    if match.next <= claim:
        return match
    kept = tuple(b for b in match.blocks if b.lines[1] <= claim)
    dropped = [b.lines[0] - 1 for b in match.blocks if b.lines[1] > claim]
    return Match(kept, min([claim, *dropped]))


def _keeps_text(lines: Sequence[str], match: Match, first: int) -> bool:
    """Whether the blocks of ``match`` hold every non-blank character of the
    lines it claims (``first`` up to ``match.next``)."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for block in match.blocks:
        for span in (*block.spans, *block.markers):
            covered.setdefault(span.line - 1, []).append((span.start, span.end))
    for k in range(first, min(match.next, len(lines))):
        if not _covered(lines[k], covered.get(k, [])):
            return False
    return True


def _covered(text: str, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``ranges`` leave no non-blank character of ``text`` out."""
    pos = 0
    for start, end in sorted(ranges):
        if text[pos:start].strip():
            return False
        pos = max(pos, end)
    return not text[pos:].strip()


def _check_lossless(normalized: NormalizedText, blocks: Sequence[Block]) -> None:
    """Every non-blank character of every line lies in some block."""
    covered: dict[int, list[tuple[int, int]]] = {}
    for block in blocks:
        for span in (*block.spans, *block.markers):
            covered.setdefault(span.line, []).append((span.start, span.end))
    for line in normalized.lines:
        if _covered(line.text, covered.get(line.number, [])):
            continue
        raise SegmentationError("text on this line was left out of every block",
                                path=normalized.source.path, line=line.number)
