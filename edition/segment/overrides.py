"""The editor's last word: sidecar ``structure`` overrides, found in the text.

An override is anchored on a line's text (its whole text or its opening
words), never on a line number, so it still points at the same place after
the source is edited elsewhere or the detector changes.  ``place`` finds
every anchor once, before segmenting; an anchor that matches nothing or
more than one line is an ``OverrideError`` naming the override (exit 4,
nothing written).  The engine then types the placed lines as the editor
said, and the detector's rules never claim them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

from edition.errors import OverrideError
from edition.model import Block, Line, Mark, NormalizedText, Override, Placed, Span
from edition.segment.names import signatory_mark
from edition.segment.rules.figures import credit_marks
from edition.segment.rules.marks import place_and_dates

RULE = "editor"
"""The rule name a block typed by an override carries."""

MARKS: Mapping[str, Callable[[str], tuple[Mark, ...]]] = MappingProxyType({
    "signatory": signatory_mark,
    "dateline": place_and_dates,
    "caption": place_and_dates,
    "photo-credit": credit_marks,
})
"""What a block typed by the editor gets marked with, as the detector would."""

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def _readings(normalized: NormalizedText) -> list[tuple[str, str]]:
    return [(_norm(line.text), _norm(line.orig)) for line in normalized.lines]


def _matches(readings: Sequence[tuple[str, str]], anchor: str, start: int) -> tuple[list[int], list[int]]:
    """Lines from ``start`` whose whole text is the anchor, and lines that
    begin with it at a word boundary, in either reading."""
    key = _norm(anchor)
    whole, opening = [], []
    for k in range(start, len(readings)):
        for text in readings[k]:
            if text == key:
                whole.append(k)
                break
            if text.startswith(key) and (not text[len(key)].isalnum() or not key[-1].isalnum()):
                opening.append(k)
                break
    return whole, opening


def _find(readings: Sequence[tuple[str, str]], override: Override, anchor: str, field: str,
          start: int, source: str, sidecar: str) -> int:
    whole, opening = _matches(readings, anchor, start)
    found = whole or opening
    what = f"$.structure[{override.index}].{field} {anchor!r}"
    n = override.occurrence if field == "at" else 0
    if not found:
        after = f" from line {start + 1} on" if start else ""
        raise OverrideError(f"{what} matches no line of {source}{after}", path=sidecar)
    if n:
        if n > len(found):
            raise OverrideError(f"{what}: occurrence {n} asked for, but it matches only "
                                f"{len(found)} line{'s' if len(found) > 1 else ''} of {source}",
                                path=sidecar)
        return found[n - 1]
    if len(found) > 1 and field == "at":
        lines = ", ".join(str(k + 1) for k in found[:6]) + (", ..." if len(found) > 6 else "")
        raise OverrideError(f"{what} matches {len(found)} lines of {source} ({lines}): quote "
                            "more of the line, or add occurrence", path=sidecar)
    return found[0]  # ``to``: the nearest line after ``at``


def place(normalized: NormalizedText, overrides: Sequence[Override], sidecar: str) -> tuple[Placed, ...]:
    """Every override with the lines it points at, in reading order.

    :raises OverrideError: an anchor matches no line or several, or two
        overrides type the same line.
    """
    if not overrides:
        return ()
    readings = _readings(normalized)
    source = normalized.source.path
    placed = []
    for override in overrides:
        first = _find(readings, override, override.at, "at", 0, source, sidecar)
        last = first
        if override.to:
            last = _find(readings, override, override.to, "to", first, source, sidecar)
        placed.append(Placed(override, first, last))
    claimed: dict[int, Placed] = {}
    for p in placed:
        if not p.claims:
            continue
        for k in range(p.first, p.last + 1):
            other = claimed.get(k)
            if other is not None:
                raise OverrideError(f"$.structure[{p.override.index}] and "
                                    f"$.structure[{other.override.index}] both type line {k + 1} "
                                    f"of {source}", path=sidecar)
            claimed[k] = p
    return tuple(sorted(placed, key=lambda p: (p.first, p.override.index)))


def override_blocks(placed: Placed, lines: Sequence[str], editor: str,
                    span: Callable[[int], Span]) -> tuple[Block, ...]:
    """The blocks an override makes of its lines: one per non-blank line,
    or one for the range when the editor joined it."""
    o = placed.override
    filled = [k for k in range(placed.first, placed.last + 1) if lines[k].strip()]
    groups = [filled] if o.join else [[k] for k in filled]
    marks = MARKS.get(o.as_type)
    blocks = []
    for n, group in enumerate(groups):
        spans = tuple(span(k) for k in group)
        text = " ".join(lines[s.line - 1][s.start:s.end] for s in spans)
        blocks.append(Block(o.as_type, text, spans, RULE, marks(text) if marks else (), resp=editor,
                            evidence=f"sidecar structure[{o.index}]",
                            starts_text=o.starts_text and n == 0))
    return tuple(blocks)


def start_texts(blocks: Sequence[Block], placed: Sequence[Placed], lines: Sequence[Line],
                editor: str) -> list[Block]:
    """Blocks where an override (with no type of its own) says a new text
    begins: the block holding the anchored line starts one, split there
    first when the line is inside it."""
    out = list(blocks)
    for p in placed:
        if p.claims or not p.override.starts_text:
            continue
        number = p.first + 1
        k = next(n for n, b in enumerate(out) if any(s.line == number for s in b.spans))
        block = out[k]
        cut = next(n for n, s in enumerate(block.spans) if s.line == number)
        mark = {"starts_text": True, "evidence": f"sidecar structure[{p.override.index}]"}
        if cut == 0:
            out[k] = replace(block, **mark)  # type: ignore[arg-type]
            continue
        head, tail = block.spans[:cut], block.spans[cut:]
        at = len(_text(head, lines))
        out[k:k + 1] = [
            replace(block, text=_text(head, lines), spans=head,
                    marks=tuple(m for m in block.marks if m.end <= at)),
            replace(block, text=_text(tail, lines), spans=tail,
                    marks=tuple(replace(m, start=m.start - at - 1, end=m.end - at - 1)
                                for m in block.marks if m.start > at), **mark),  # type: ignore[arg-type]
        ]
    return out


def _text(spans: Sequence[Span], lines: Sequence[Line]) -> str:
    return " ".join(lines[s.line - 1].text[s.start:s.end] for s in spans)
