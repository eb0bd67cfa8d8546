"""The two readings of an edited text: the edition's and the source's.

Where the TEI holds ``<choice><orig>A</orig><reg>B</reg></choice>`` the
regularized reading takes B and the diplomatic reading takes A (likewise
``corr``/``sic`` and ``expan``/``abbr`` in hand-edited files).  Whitespace
follows XML rendering: every run becomes one space, and block-level
elements (paragraphs, items, heads...) are separated by one space.
"""

from __future__ import annotations

from lxml import etree

from edition.tei.maker import local
from edition.tei.serialize import STRUCTURAL

_REGULAR = ("reg", "corr", "expan")
_DIPLOMATIC = ("orig", "sic", "abbr")

BLOCK_LEVEL = STRUCTURAL | frozenset({
    "p", "ab", "head", "item", "label", "note", "salute", "dateline", "byline",
    "opener", "closer", "signed", "trailer", "postscript", "lg", "l", "lb", "cb", "pb",
    "figDesc", "table", "row", "cell", "bibl", "title", "author", "publisher",
    "idno", "resp", "licence", "language", "change", "creation",
})
"""Elements whose edges are word boundaries."""


def regularized(element: etree._Element) -> str:
    """The edition's reading of ``element``: each choice read as its ``reg``."""
    return _reading(element, _REGULAR)


def diplomatic(element: etree._Element) -> str:
    """The source's reading of ``element``: each choice read as its ``orig``."""
    return _reading(element, _DIPLOMATIC)


def _reading(element: etree._Element, keep: tuple[str, ...]) -> str:
    if not len(element) and isinstance(element.tag, str):  # most names: text alone, no markup inside
        return " ".join((element.text or "").split())
    parts: list[str] = []
    _collect(element, keep, parts)
    return " ".join("".join(parts).split())


def _collect(element: etree._Element, keep: tuple[str, ...], out: list[str]) -> None:
    """Append the text of ``element`` (not its tail) to ``out``."""
    name = local(element)
    if not name:  # a comment or processing instruction
        return
    if name == "choice":
        chosen = next((c for c in element if local(c) in keep), None)
        if chosen is not None:
            _collect(chosen, keep, out)
        return
    block = name in BLOCK_LEVEL
    if block:
        out.append(" ")
    out.append(element.text or "")
    for child in element:
        _collect(child, keep, out)
        out.append(child.tail or "")
    if block:
        out.append(" ")
