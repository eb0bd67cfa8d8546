"""Reading the text of rendered XHTML and HTML the way the TEI's text is read."""

from __future__ import annotations

from lxml import etree

BLOCKS = {"p", "li", "h1", "h2", "h3", "section", "div", "figure", "figcaption", "ul", "ol", "body",
          "main", "header", "nav"}


def xhtml_text(element: etree._Element) -> str:
    """The text of an XHTML or HTML element, block edges read as spaces (as
    ``regularized`` reads TEI)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        block = etree.QName(node).localname in BLOCKS
        parts.append(" " if block else "")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        parts.append(" " if block else "")

    walk(element)
    return " ".join("".join(parts).split())


def shown_text(div: etree._Element) -> str:
    """The regularized text of a TEI div as a book shows it: a section
    break (``ab type="separator"``, a row of marks in the source) is drawn
    as a rule, so its marks are not text there."""
    from copy import deepcopy

    from edition.tei.readings import regularized

    div = deepcopy(div)
    for ab in div.xpath(".//t:ab[@type='separator']", namespaces={"t": "http://www.tei-c.org/ns/1.0"}):
        tail = ab.tail or ""
        parent, previous = ab.getparent(), ab.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + " " + tail
        else:
            parent.text = (parent.text or "") + " " + tail
        parent.remove(ab)
    return " ".join(regularized(div).split())
