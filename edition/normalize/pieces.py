"""Splicing a rule's replacement into a line kept as (orig, reg) pieces.

A line starts as one unchanged piece.  Each replacement made on its
regularized reading absorbs the pieces it touches into one changed piece,
so the source text behind every change stays attached to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from edition.model import Piece


def splice(pieces: Sequence[Piece], start: int, end: int, repl: str, rule: str,
           layout: frozenset[str]) -> tuple[list[Piece], Piece, int]:
    """Replace ``reg[start:end]`` (``end > start``) by ``repl``.

    :returns: the new pieces, the changed piece made, and the 0-based offset
        in the line's original reading where that piece starts.
    """
    before: list[Piece] = []
    after: list[Piece] = []
    orig_parts: list[str] = []
    absorbed: list[str] = []
    reg_prefix = reg_suffix = ""
    pos = 0
    for piece in pieces:
        ps, pe = pos, pos + len(piece.reg)
        pos = pe
        if pe <= start and not (ps == pe == start and piece.changed):
            before.append(piece)
        elif ps >= end and not (ps == pe == end and piece.changed and ps > start):
            after.append(piece)
        elif piece.changed:
            assert piece.rule is not None
            absorbed.append(piece.rule)
            orig_parts.append(piece.orig)
            if ps < start:
                reg_prefix = piece.reg[: start - ps]
            if pe > end:
                reg_suffix = piece.reg[end - ps:]
        else:
            # An unchanged piece is cut exactly at the replacement's edges.
            lo, hi = max(start, ps) - ps, min(end, pe) - ps
            if lo:
                before.append(Piece(piece.reg[:lo], piece.reg[:lo]))
            orig_parts.append(piece.reg[lo:hi])
            if hi < len(piece.reg):
                after.append(Piece(piece.reg[hi:], piece.reg[hi:]))
    chosen = rule
    if rule in layout:
        # A layout rule must not hide a visible change it absorbed.
        chosen = next((r for r in absorbed if r not in layout), rule)
    made = Piece("".join(orig_parts), reg_prefix + repl + reg_suffix, chosen)
    orig_at = sum(len(p.orig) for p in before)
    return _merge(before + [made] + after), made, orig_at


def splice_all(pieces: Sequence[Piece], hits: Iterable[tuple[int, int, str]], rule: str,
               layout: frozenset[str]) -> tuple[list[Piece], list[tuple[Piece, int]]]:
    """Apply a rule's hits (left to right, not overlapping) as ``splice``
    would one by one from right to left, in time linear in the line.

    Each hit is spliced into a window of the pieces it touches plus one
    untouched piece on each side (so merging at the window's edges is what it
    would be on the whole line); pieces left of a hit are still those of the
    line before the rule ran, so their offsets are computed once.

    :returns: the new pieces, and for each hit from right to left the changed
        piece made and its 0-based offset in the line's original reading.
    """
    left = list(pieces)
    reg_at: list[int] = []
    orig_at: list[int] = []
    reg = orig = 0
    for piece in left:
        reg_at.append(reg)
        orig_at.append(orig)
        reg += len(piece.reg)
        orig += len(piece.orig)
    right: list[Piece] = []  # the pieces right of the last hit, reversed
    right_start = reg
    made: list[tuple[Piece, int]] = []
    for start, end, repl in reversed(list(hits)):
        k = len(left)
        while k and reg_at[k - 1] + len(left[k - 1].reg) >= start:
            k -= 1
        k = max(k - 1, 0)  # one untouched piece before
        w_reg, w_orig = (reg_at[k], orig_at[k]) if k < len(left) else (right_start, 0)
        window = left[k:]
        del left[k:]
        pos = right_start
        while right:
            piece = right.pop()
            window.append(piece)
            pos += len(piece.reg)
            if pos - len(piece.reg) > end:  # one untouched piece after
                break
        new, piece, at = splice(window, start - w_reg, end - w_reg, repl, rule, layout)
        right.extend(reversed(new))
        right_start = w_reg
        made.append((piece, w_orig + at))
    return left + right[::-1], made


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Join neighbouring unchanged pieces and drop empty ones."""
    merged: list[Piece] = []
    for piece in pieces:
        if not piece.changed and not piece.reg:
            continue
        if merged and not piece.changed and not merged[-1].changed:
            text = merged[-1].reg + piece.reg
            merged[-1] = Piece(text, text)
        else:
            merged.append(piece)
    return merged
