"""Splicing a rule's replacement into a line kept as (orig, reg) pieces.

A line starts as one unchanged piece.  Each replacement made on its
regularized reading absorbs the pieces it touches into one changed piece,
so the source text behind every change stays attached to it.
"""

from __future__ import annotations

from collections.abc import Sequence

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
