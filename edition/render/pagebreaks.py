"""The print edition's page breaks in the EPUB: a marker where each page
begins, and the page-list nav that lists them.

A marker is an empty ``span`` with ``epub:type="pagebreak"`` and
``role="doc-pagebreak"``, named by ``aria-label`` (assistive technology
reads it; Ace asks every page break for a name) and identified as
``page-N``, placed where ``pagination`` found the page to begin: in the
block of that id, before the same counted character.  A marker that would
open an element goes before the element instead (before a heading rather
than inside it, before a link rather than in its text), unless the parent
cannot hold it (a list holds only items).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from edition.render.pagination import PageStart, characters, counted, local_name
from edition.render.xhtml import EPUB_NS, xhtml_tag

CONTAINERS = frozenset(("ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "select", "optgroup"))
"""Elements whose content model admits no ``span``: a marker never goes directly in one."""
PAGE_LIST_TITLE = "Pages"


@dataclass(frozen=True)
class Mark:
    """A page-break marker placed in the EPUB: its document, id and page number."""

    document: str
    id: str
    label: str


def marker(label: str) -> etree._Element:
    """An empty page-break marker for page ``label``."""
    return etree.Element(xhtml_tag("span"), {f"{{{EPUB_NS}}}type": "pagebreak", "role": "doc-pagebreak",
                                      "id": f"page-{label}", "aria-label": label},
                         nsmap={"epub": EPUB_NS})


def _insert(span: etree._Element, block: etree._Element, offset: int) -> None:
    """Put ``span`` in ``block`` before its ``offset``-th counted character (at its end past the last)."""
    seen = 0
    for char, place in characters(block):
        if not counted(char) or place is None:
            continue
        if seen == offset:
            node, slot, index = place
            if slot == "text":
                span.tail, node.text = node.text[index:], node.text[:index]
                node.insert(0, span)
            else:
                span.tail, node.tail = node.tail[index:], node.tail[:index]
                node.addnext(span)
            return
        seen += 1
    block.append(span)


def _hoist(span: etree._Element, block: etree._Element) -> None:
    """Move ``span`` out of each element it opens, up to and including ``block``."""
    while True:
        parent = span.getparent()
        if parent is None or span.getprevious() is not None or (parent.text or "").strip():
            return
        above = parent.getparent()
        if above is None or local_name(above.tag) in CONTAINERS:
            return
        tail, span.tail = span.tail or "", None
        parent.remove(span)
        parent.text = (parent.text or "") + tail
        parent.addprevious(span)
        if parent is block:
            return


def mark(documents: Sequence[tuple[str, etree._Element]], starts: Sequence[PageStart]) -> list[Mark]:
    """Place a marker for each of ``starts`` in the rendered ``documents``
    (file name, root element of its body), in place; the markers placed, in
    reading order.  A page whose block the EPUB lacks gets no marker."""
    blocks: dict[str, tuple[str, etree._Element]] = {}
    for name, root in documents:
        for element in root.iter():
            if isinstance(element.tag, str) and element.get("id"):
                blocks.setdefault(str(element.get("id")), (name, element))
    for start in starts:
        found = blocks.get(start.block)
        if found is None:
            continue
        span = marker(start.label)
        _insert(span, found[1], start.offset)
        _hoist(span, found[1])
    placed = []
    for name, root in documents:
        for element in root.iter(xhtml_tag("span")):
            if element.get(f"{{{EPUB_NS}}}type") == "pagebreak":
                placed.append(Mark(name, str(element.get("id")), str(element.get("aria-label"))))
    return placed


def with_page_list(nav: bytes, marks: Sequence[Mark]) -> bytes:
    """The navigation document ``nav`` with a hidden ``page-list`` nav linking every marker in order."""
    if not marks:
        return nav
    tree = etree.ElementTree(etree.fromstring(nav, etree.XMLParser(resolve_entities=False, no_network=True)))
    [body] = tree.getroot().iter(xhtml_tag("body"))
    pages = etree.SubElement(body, xhtml_tag("nav"), {f"{{{EPUB_NS}}}type": "page-list", "role": "doc-pagelist",
                                               "id": "page-list", "hidden": "hidden"})
    etree.SubElement(pages, xhtml_tag("h2")).text = PAGE_LIST_TITLE
    listing = etree.SubElement(pages, xhtml_tag("ol"))
    for found in marks:
        etree.SubElement(etree.SubElement(listing, xhtml_tag("li")), xhtml_tag("a"), href=f"{found.document}#{found.id}").text = (
            found.label)
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>"))
