"""A block's text as TEI mixed content.

The edition reads the normalized text, but the source must stay
recoverable: a run that a normalization rule changed is written whole as
``<choice><orig>SOURCE</orig><reg>EDITION</reg></choice>``.  Layout changes
(line ends, indentation, trailing spaces) are only counted in the header,
so they are written as their regularized text.  Markup the segmenter read
in the source (a bullet, the comma between two names on one line) is not
the edition's text but stays in the source's reading, as a choice with an
empty ``reg``.  Where a block goes on to the next source line, the joining
space is followed by ``<lb/>``, so the source's line breaks are kept.
Marks (dates, names) then wrap stretches of the block's text; a choice is
never split by a mark.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lxml import etree

from edition.errors import SegmentationError
from edition.model import Block, Line, Mark, Piece, Span
from edition.tei.maker import tei

MARK_ELEMENTS: Mapping[str, str] = {
    "date": "date",
    "placeName": "placeName",
    "persName": "persName",
    "orgName": "orgName",
    "name": "name",
}
"""Mark kind -> TEI element (``name``: whoever a photo credit names)."""


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class _Atom:
    """A stretch of the block's text (offsets into ``Block.text``) that is
    written either as plain text or, for a changed piece, as one choice."""

    start: int
    end: int
    text: str = ""
    piece: Piece | None = None
    line_break: bool = False
    """The space joining two source lines: an ``lb`` follows it."""


class InlineWriter:
    """Writes blocks of one document; knows its lines and its layout rules."""

    def __init__(self, lines: Iterable[Line], layout_rules: Iterable[str], path: str) -> None:
        """
        :param lines: the normalized lines, looked up by ``Line.number``.
        :param layout_rules: ids of normalization rules whose changes are not
            shown as ``choice``.
        :param path: the source path, for error messages.
        """
        self._lines = {line.number: line for line in lines}
        self._layout = frozenset(layout_rules)
        self._path = path

    def fill(self, parent: etree._Element, block: Block) -> etree._Element:
        """Append ``block``'s text to ``parent`` as mixed content.

        :returns: ``parent``.
        :raises SegmentationError: the block's spans, text or marks disagree.
        """
        atoms = self._atoms(block)
        marks = self._marks(block, atoms)
        atoms = _split(atoms, {b for m in marks for b in (m.start, m.end)})
        target = parent
        current: Mark | None = None
        pending = iter(marks)
        mark = next(pending, None)
        for atom in atoms:
            while current is None and mark is not None and _after(atom, mark):
                mark = next(pending, None)
            if current is not None and not _inside(atom, current):
                current, target = None, parent
                mark = next(pending, None)
            if current is None and mark is not None and _inside(atom, mark):
                current = mark
                target = etree.SubElement(parent, tei(MARK_ELEMENTS[mark.kind]))
                if mark.kind == "date" and mark.value:
                    target.set("when", mark.value)
            if atom.piece is None:
                _append_text(target, atom.text)
                if atom.line_break:  # the source's line ends here: the diplomatic rendition shows it
                    etree.SubElement(target, _LB)
            else:  # built with SubElement, not the element maker: a text has hundreds
                choice = etree.SubElement(target, _CHOICE)
                etree.SubElement(choice, _ORIG).text = _xml_text(atom.piece.orig)
                reg = etree.SubElement(choice, _REG)
                reg.text = _xml_text(atom.piece.reg)
                if atom.piece.rule:
                    reg.set("type", atom.piece.rule)  # the rule that made the edition's reading
        return parent

    def _atoms(self, block: Block) -> list[_Atom]:
        """Cut the block into atoms, one choice per visible changed piece,
        and one per marker (empty in the edition's reading)."""
        atoms: list[_Atom] = []
        texts: list[str] = []
        pos = 0
        gaps = self._gaps(block)
        for k, span in enumerate(block.spans):
            line = self._line(block, span)
            if k:
                before = [m for m in gaps[k] if m.line == block.spans[k - 1].line]
                atoms.extend(self._marker(block, m, pos) for m in before)
                atoms.append(_Atom(pos, pos + 1, text=" ", line_break=block.spans[k - 1].line != span.line))
                pos += 1
                atoms.extend(self._marker(block, m, pos) for m in gaps[k] if m not in before)
            else:
                atoms.extend(self._marker(block, m, pos) for m in gaps[0])
            texts.append(line.text[span.start:span.end])
            atoms.extend(self._span_atoms(line, span.start, span.end, pos))
            pos += span.end - span.start
        atoms.extend(self._marker(block, m, pos) for m in gaps[len(block.spans)])
        if " ".join(texts) != block.text:
            raise self._error(block, "block text does not match the text of its spans")
        return atoms

    def _gaps(self, block: Block) -> list[list[Span]]:
        """The block's markers by gap: ``gaps[k]`` lie just before span
        ``k``, ``gaps[len(spans)]`` after the last span.  A marker takes the
        blanks between it and the span beside it on its line, which the
        segmenter trims from both ("- " before an item, not "-")."""
        spans = block.spans
        gaps: list[list[Span]] = [[] for _ in range(len(spans) + 1)]
        for marker in sorted(block.markers, key=lambda m: (m.line, m.start)):
            if marker.start < marker.end:
                k = sum(1 for s in spans if (s.line, s.start) < (marker.line, marker.start))
                gaps[k].append(marker)
        for k, gap in enumerate(gaps):
            if not gap:
                continue
            first, last = gap[0], gap[-1]
            line = self._line(block, first)
            if k and spans[k - 1].line == first.line and not line.text[spans[k - 1].end:first.start].strip():
                start = min(spans[k - 1].end, first.start)
                gap[0] = first = Span(first.line, self._clear_of_changes(line, start, first.start, True),
                                      first.end)
                last = gap[-1]
            line = self._line(block, last)
            if k < len(spans) and spans[k].line == last.line and not line.text[last.end:spans[k].start].strip():
                end = max(spans[k].start, last.end)
                gap[-1] = Span(last.line, last.start, self._clear_of_changes(line, last.end, end, False))
        return gaps

    def _clear_of_changes(self, line: Line, start: int, end: int, backwards: bool) -> int:
        """Where a marker growing over the blanks ``line.text[start:end]``
        stops (its new start when growing ``backwards``, else its new end):
        before any visible change that the span beside it also holds, such as
        a spaced dash made an en dash right after "25.", so that no change is
        written twice."""
        offset = 0
        edge = start if backwards else end
        for piece in line.pieces:
            p_start, p_end = offset, offset + len(piece.reg)
            offset = p_end
            if piece.changed and piece.rule not in self._layout and p_start < end and p_end > start:
                edge = max(edge, p_end) if backwards else min(edge, p_start)
        return min(edge, end) if backwards else max(edge, start)

    def _marker(self, block: Block, marker: Span, pos: int) -> _Atom:
        """A zero-width choice at ``pos``: the source's marker text as orig,
        nothing as reg."""
        line = self._line(block, marker)
        orig = "".join(a.text if a.piece is None else a.piece.orig
                       for a in self._span_atoms(line, marker.start, marker.end, 0))
        return _Atom(pos, pos, piece=Piece(orig, "", "marker"))

    def _line(self, block: Block, span: Span) -> Line:
        line = self._lines.get(span.line)
        if line is None or not 0 <= span.start <= span.end <= len(line.text):
            raise self._error(block, f"span {span.line}:{span.start}-{span.end} lies outside its line")
        return line

    def _span_atoms(self, line: Line, start: int, end: int, pos: int) -> Iterable[_Atom]:
        """Atoms of ``line.text[start:end]``, placed at ``pos`` in the block."""
        offset = 0
        for piece in line.pieces:
            p_start, p_end = offset, offset + len(piece.reg)
            offset = p_end
            if piece.changed and piece.rule not in self._layout:
                if p_start < p_end:
                    overlaps = p_start < end and p_end > start
                else:  # a deletion: only when strictly inside the span
                    overlaps = start < p_start < end
                if overlaps:
                    yield _Atom(pos + max(p_start, start) - start,
                                pos + min(p_end, end) - start, piece=piece)
                continue
            a, b = max(p_start, start), min(p_end, end)
            if a < b:
                yield _Atom(pos + a - start, pos + b - start, text=piece.reg[a - p_start:b - p_start])

    def _marks(self, block: Block, atoms: list[_Atom]) -> list[Mark]:
        """The block's marks in order, widened to whole choices; a mark that
        overlaps an earlier one is skipped."""
        kept: list[Mark] = []
        for mark in sorted(block.marks, key=lambda m: (m.start, m.end)):
            if mark.kind not in MARK_ELEMENTS:
                raise self._error(block, f"unknown mark kind {mark.kind!r}")
            if not 0 <= mark.start < mark.end <= len(block.text):
                raise self._error(block, f"{mark.kind} mark {mark.start}-{mark.end} lies outside the block")
            start, end = mark.start, mark.end
            for atom in atoms:
                if atom.piece is not None and atom.start < start < atom.end:
                    start = atom.start
                if atom.piece is not None and atom.start < end < atom.end:
                    end = atom.end
            if kept and kept[-1].end > start:
                continue
            kept.append(Mark(mark.kind, start, end, mark.value))
        return kept

    def _error(self, block: Block, message: str) -> SegmentationError:
        line = block.spans[0].line if block.spans else None
        return SegmentationError(f"{block.type}: {message}", path=self._path, line=line)


def _split(atoms: list[_Atom], cuts: set[int]) -> list[_Atom]:
    """Cut plain atoms at mark boundaries (choices are never cut)."""
    out: list[_Atom] = []
    for atom in atoms:
        inner = sorted(c for c in cuts if atom.start < c < atom.end)
        if atom.piece is not None or not inner:
            out.append(atom)
            continue
        bounds = [atom.start, *inner, atom.end]
        for a, b in itertools.pairwise(bounds):
            out.append(_Atom(a, b, text=atom.text[a - atom.start:b - atom.start]))
    return out


def _inside(atom: _Atom, mark: Mark) -> bool:
    if atom.start == atom.end:  # a deletion on a mark's edge stays outside it
        return mark.start < atom.start < mark.end
    return mark.start <= atom.start and atom.end <= mark.end


def _after(atom: _Atom, mark: Mark) -> bool:
    """The atom lies past the mark (the mark held no atom of its own)."""
    return atom.start >= mark.end and not _inside(atom, mark)


_LB, _CHOICE, _ORIG, _REG = tei("lb"), tei("choice"), tei("orig"), tei("reg")


def _xml_text(text: str) -> str | None:
    """An element's text: None for "" (so ``<reg/>``, as a parsed file has
    it).  Characters XML cannot carry are left out: normalization removes and
    counts them, but a change absorbed next to one still holds it in its
    source reading."""
    return _NOT_IN_XML.sub("", text) or None


def _append_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child of ``parent`` (or as its text)."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
