"""The TEI namespace, an element maker bound to it, and positional ids.

Every TEI module builds through ``E`` so that no element is ever created
outside the TEI namespace, and through ``Ids`` so that ids stay readable
and stable (``text1-p3``): numbering is per unit and per kind, so an edit
in one unit never renumbers another.
"""

from __future__ import annotations

from lxml import etree
from lxml.builder import ElementMaker

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})

PIPELINE_ID = "edition"
"""The xml:id of the pipeline in the teiHeader: what ``resp`` points to on a
block whose type the detector was not sure of."""


def pseudo_attribute(value: str) -> str:
    """``value`` quoted for a processing instruction's pseudo-attribute, as
    ``xml.sax.saxutils.quoteattr`` quotes it (which would import the
    standard library's whole HTTP client with it, a tenth of a cold start)."""
    value = value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    value = value.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"{}"'.format(value.replace('"', "&quot;"))


def tei(name: str) -> str:
    """Clark name of a TEI element: ``tei("p") == "{http://www.tei-c.org/ns/1.0}p"``."""
    return f"{{{TEI_NS}}}{name}"


def local(node: etree._Element) -> str:
    """Local name of an element ("" for comments and processing instructions)."""
    tag = node.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


class Ids:
    """Mints the ids of one unit: ``PREFIX-KIND`` or ``PREFIX-KINDn``.

    One instance per unit; it counts per kind, so ids depend only on the
    position of an element among its own kind inside its own unit.
    """

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._counts: dict[str, int] = {}

    def next(self, kind: str) -> str:
        """The next numbered id of ``kind``: ``text1-p1``, ``text1-p2``, ..."""
        n = self._counts.get(kind, 0) + 1
        self._counts[kind] = n
        return f"{self.prefix}-{kind}{n}"

    def first(self, kind: str) -> str:
        """An unnumbered id for the first of ``kind`` (``text1-head``),
        numbered from the second on (``text1-head2``)."""
        n = self._counts.get(kind, 0) + 1
        self._counts[kind] = n
        return f"{self.prefix}-{kind}" if n == 1 else f"{self.prefix}-{kind}{n}"
