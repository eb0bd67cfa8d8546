"""TEI to XHTML through the project's one XSLT stylesheet.

The mapping itself lives in ``xslt/tei2xhtml.xsl`` so that the EPUB and
the print HTML share it and an editor can adapt it without Python; this
module compiles it once per ``Stylesheet`` and wraps its fragments in
whole XHTML documents.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections import Counter
from pathlib import Path

from lxml import etree

from edition.tei.readings import regularized

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def xhtml_tag(name: str) -> str:
    """Clark name of an XHTML element: ``xhtml_tag("p") == "{http://www.w3.org/1999/xhtml}p"``."""
    return f"{{{XHTML_NS}}}{name}"


XSL_PATH = Path(__file__).resolve().parent / "xslt" / "tei2xhtml.xsl"


READINGS = ("regularized", "diplomatic")
"""The renditions: the edition's reading, or the source's (every ``orig``, its line breaks)."""
READING_NOTES = {
    "regularized": "This rendition gives the edition's reading: the text as normalized, "
                   "each change listed in the editorial apparatus when there is one.",
    "diplomatic": "This rendition gives the source's reading: its spacing, quotes, dashes and line breaks "
                  "as the source has them, before any normalization.",
}
"""What a title page says of its rendition."""


class RenderWarning(UserWarning):
    """Something in the TEI was rendered as plain text (an unknown element)."""


class Stylesheet:
    """The compiled TEI-to-XHTML stylesheet; make one and reuse it, since
    compiling is the costly part."""

    def __init__(self, path: Path = XSL_PATH) -> None:
        self._xslt = etree.XSLT(etree.parse(str(path)))

    def units(self, tree: etree._ElementTree, target: str = "epub", apparatus: bool = False,
              reading: str = "regularized", index: bool = False) -> list[etree._Element]:
        """The XHTML element of every body div, in order, from one run of the
        stylesheet (one run per unit would make a book of n units cost n²).

        With ``index``, marks that point into the registers carry the entry's
        id as ``data-ref`` (see ``render.index``).  Unknown elements are reported as ``RenderWarning`` (the stylesheet's
        ``xsl:message``), so a hand-edited TEI never loses text silently.
        """
        result = self._xslt(tree, target=etree.XSLT.strparam(target), unit=etree.XSLT.strparam(""),
                            apparatus=etree.XSLT.strparam("full" if apparatus else "none"),
                            reading=etree.XSLT.strparam(reading),
                            index=etree.XSLT.strparam("yes" if index else "no"))
        for entry in self._xslt.error_log:  # type: ignore[attr-defined]
            message = entry.message.strip()
            if message.startswith("unknown-element"):
                name = message.split()[-1]
                warnings.warn(f"TEI element <{name}> has no rendering; rendered as its text",
                              RenderWarning, stacklevel=2)
        root = result.getroot()
        return list(root) if root is not None else []


def strong_direction(text: str) -> str | None:
    """``rtl`` when most strongly directed letters of ``text`` are right-to-left
    (Arabic, Hebrew, Syriac, Thaana...), ``ltr`` when most are left-to-right,
    None when it has no such letter (digits, punctuation).

    Read from the letters, not the language tag, so a mistagged or untagged
    text still runs the right way.  Letters are counted only when the text
    has some of each direction; else a search says which it has.
    """
    if not has_rtl(text):
        return "ltr" if has_ltr(text) else None
    rtl, ltr = _strong_counts(text)
    return "rtl" if rtl > ltr else "ltr"


RTL_BLOCKS = ((0x0590, 0x08FF), (0x200F, 0x200F), (0xFB1D, 0xFEFF), (0x10800, 0x10FFF), (0x1E800, 0x1EFFF))
"""Where every strongly right-to-left character (bidi class R or AL) lies:
Hebrew to Arabic Extended, the right-to-left mark, the presentation forms,
and the historic and Arabic blocks of the first supplementary plane (a test
checks this against the running Python's Unicode data)."""
_ASCII_LETTER = re.compile("[A-Za-z]")


_RTL_BLOCK = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in RTL_BLOCKS) + "]")
"""Any character of ``RTL_BLOCKS``: five ranges, searched fast; the few a
left-to-right text holds are then looked up one by one."""


def has_rtl(text: str) -> bool:
    """Whether ``text`` has a strongly right-to-left character."""
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in _RTL_BLOCK.findall(text))


def has_ltr(text: str) -> bool:
    """Whether ``text`` has a strongly left-to-right character: an ASCII letter
    is found in C; else the first letter beyond ASCII usually answers."""
    if _ASCII_LETTER.search(text):
        return True
    return any(unicodedata.bidirectional(c) == "L" for c in text if not c.isascii())


def _strong_counts(text: str) -> tuple[int, int]:
    """How many strongly right-to-left (R, AL) and left-to-right (L)
    characters ``text`` has: characters are counted first (in C), then each
    distinct one looked up once (a long text has a few hundred distinct ones)."""
    rtl = ltr = 0
    for char, count in Counter(text).items():
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            rtl += count
        elif kind == "L":
            ltr += count
    return rtl, ltr


def direction(text: str) -> str:
    """The direction a document of ``text`` runs: ``ltr`` unless mostly right-to-left."""
    return strong_direction(text) or "ltr"


def element_direction(element: etree._Element) -> str:
    """``direction`` of the edition's reading of a TEI element.  Where no
    letter of it runs right to left in either reading (lxml gives all its
    text at once), neither can the edition's, and it is not assembled."""
    if not has_rtl("".join(element.itertext())):
        return "ltr"
    return direction(regularized(element))


BLOCKS = frozenset(f"{{{XHTML_NS}}}{name}" for name in
                   ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "dd"))


def mark_other_direction(root: etree._Element, dir: str) -> None:
    """Give ``dir`` to each block whose text runs against the document's, so a
    Russian paragraph in an Arabic statement keeps its full stop at its end.
    Where no letter of ``root`` runs the other way, no block can: none is read."""
    text = str(root.xpath("string(.)"))
    if not (has_ltr(text) if dir == "rtl" else has_rtl(text)):
        return
    for element in root.iter(*BLOCKS):
        own = strong_direction(str(element.xpath("string(.)")))
        if own and own != dir:
            element.set("dir", own)


def xhtml_document(body: list[etree._Element], *, title: str, lang: str, css: str,
                   body_type: str = "", dir: str = "ltr") -> bytes:
    """A complete XHTML5 document for an EPUB: ``lang``, ``xml:lang`` and ``dir``
    on the root, a title, the stylesheet link, and ``body`` as its content."""
    html = etree.Element(f"{{{XHTML_NS}}}html", nsmap={None: XHTML_NS, "epub": EPUB_NS})  # type: ignore[dict-item]
    html.set("lang", lang)
    html.set(XML_LANG, lang)
    html.set("dir", dir)
    head = etree.SubElement(html, f"{{{XHTML_NS}}}head")
    etree.SubElement(head, f"{{{XHTML_NS}}}meta", charset="utf-8")
    etree.SubElement(head, f"{{{XHTML_NS}}}title").text = title
    etree.SubElement(head, f"{{{XHTML_NS}}}link", rel="stylesheet", type="text/css", href=css)
    body_el = etree.SubElement(html, f"{{{XHTML_NS}}}body")
    if body_type:
        body_el.set(f"{{{EPUB_NS}}}type", body_type)
    body_el.append(etree.Comment(SLOT))
    skeleton: bytes = etree.tostring(html, xml_declaration=True, encoding="utf-8",
                                     doctype="<!DOCTYPE html>")
    before, after = skeleton.split(f"<!--{SLOT}-->".encode(), 1)
    parts = []
    for element in body:
        mark_other_direction(element, dir)
        parts.append(etree.tostring(element, encoding="utf-8", with_tail=False))
    return before + b"".join(parts) + after + b"\n"


SLOT = "content"
"""Where the body's elements go in a serialized skeleton.  They are
serialized where they are and spliced in as bytes: moving a large subtree
into another lxml document costs time that grows with the square of its size."""
