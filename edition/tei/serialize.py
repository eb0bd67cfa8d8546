"""TEI tree -> bytes, the same bytes for the same tree.

Only elements whose content is other elements (``div``, ``list``, the
header's descriptions) are indented, two spaces per level; an element
that holds text (``p``, ``head``, ``item``, ``bibl``...) is written exactly
as built, because whitespace added inside mixed content would change the
text.  Indentation replaces whatever whitespace the tree had between
structural elements, so serializing a parsed file gives the file back.
"""

from __future__ import annotations

import copy

from lxml import etree

from edition.tei.maker import local

STRUCTURAL = frozenset({
    "teiCorpus", "TEI", "teiHeader", "fileDesc", "titleStmt", "respStmt", "publicationStmt",
    "availability", "sourceDesc", "encodingDesc", "appInfo", "application",
    "editorialDecl", "normalization", "segmentation", "profileDesc", "langUsage",
    "revisionDesc", "text", "body", "div", "figure", "list", "interpretation",
    "standOff", "listOrg", "listPerson", "listPlace", "org", "person", "place",
})
"""Elements that TEI lets hold only elements."""

DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def serialize(tree: etree._ElementTree) -> bytes:
    """UTF-8 bytes with an XML declaration, the processing instructions and
    comments before the root one per line, indented structure and LF line ends.

    The tree is not modified.
    """
    root = copy.deepcopy(tree.getroot())
    for element in root.iter():
        if element.text == "":  # written <x></x>, read back as <x/>
            element.text = None
    indent(root)
    out = [DECLARATION]
    for node in _before(tree.getroot()):
        out.append(etree.tostring(node, encoding="unicode", with_tail=False).encode() + b"\n")
    out.append(etree.tostring(root, encoding="unicode", with_tail=False).encode() + b"\n")
    return b"".join(out)


def indent(element: etree._Element, level: int = 0) -> None:
    """Indent ``element`` in place where its content is element-only."""
    if not _element_only(element):
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in element:
        indent(child, level + 1)
        child.tail = pad
    element[-1].tail = "\n" + "  " * level


def _element_only(element: etree._Element) -> bool:
    """True if ``element`` holds children and no text but whitespace, and
    is structural by name or holds only structural elements (a ``p``
    wrapping a ``list``)."""
    if not isinstance(element.tag, str) or not len(element):
        return False
    if (element.text or "").strip() or any((c.tail or "").strip() for c in element):
        return False
    if local(element) in STRUCTURAL:
        return True
    children = [c for c in element if isinstance(c.tag, str)]
    return bool(children) and all(local(c) in STRUCTURAL for c in children)


def _before(root: etree._Element) -> list[etree._Element]:
    """Processing instructions and comments before the root, in order."""
    nodes = []
    node = root.getprevious()
    while node is not None:
        nodes.append(node)
        node = node.getprevious()
    return nodes[::-1]
