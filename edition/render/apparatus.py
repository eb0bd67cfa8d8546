"""The editorial apparatus: every intervention kept in the TEI, listed where
a reader can check it against the source.

The stylesheet, asked for the apparatus, renders each ``choice`` of the TEI
as a ``span.reg`` holding the edition's reading, with the source's reading
and the rule as data attributes (so the apparatus is made from the TEI
alone, and its entries are the rendered places, one for one).  Here the
spans are numbered in reading order (``app-1``...), their data taken off,
and each becomes an ``Entry`` in the standard form::

    text 1, ¶ 3   benefit, and ] benefit , and   space-before-punctuation

the lemma and the source's reading each with a word of context either
side.  Layout interventions (line ends, indentation, trailing blanks) are
not in the TEI as choices, so they are not listed; the header counts them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from edition.render.xhtml import XHTML_NS, xhtml_tag

REG_CLASS = "reg"
PLACES = frozenset(f"{{{XHTML_NS}}}{name}" for name in
                   ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dt", "dd", "blockquote"))
"""The blocks a place is counted in (the smallest that holds the change)."""
_LEFT = re.compile(r"\S*\s*$")
_RIGHT = re.compile(r"^\s*\S*")
CONTEXT = 60
"""How far either side of a change its word of context is looked for (characters)."""
EDITOR_RULE = "editor"
"""What an entry names as its rule when the TEI's reading gives none (a hand-made choice)."""


@dataclass(frozen=True)
class Entry:
    """One intervention: where it stands, what the edition reads and what the source has."""

    number: int
    anchor: str
    """The id of the changed place in the rendered text (``app-N``)."""
    unit: str
    """The id of the unit (``text1``) that holds it."""
    unit_number: int
    block: int
    """Which block of its unit (paragraph, item, heading), counting from 1."""
    lemma: str
    source: str
    rule: str

    @property
    def place(self) -> str:
        return f"{self.unit_number}.{self.block}"


def _is_reg(element: etree._Element) -> bool:
    return bool(element.tag == f"{{{XHTML_NS}}}span" and element.get("class") == REG_CLASS)


def _block_of(element: etree._Element) -> etree._Element | None:
    for ancestor in element.iterancestors():
        if ancestor.tag in PLACES:
            return ancestor
    return None


def _layout(block: etree._Element) -> tuple[str, dict[int, tuple[int, int]]]:
    """The text of ``block`` and where each reg span's text stands in it (by ``id()`` of the span)."""
    parts: list[str] = []
    where: dict[int, tuple[int, int]] = {}
    length = 0

    def visit(element: etree._Element) -> None:
        nonlocal length
        if _is_reg(element):
            text = "".join(element.itertext())
            where[id(element)] = (length, length + len(text))
            parts.append(text)
            length += len(text)
            return
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            visit(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)

    visit(block)
    return "".join(parts), where


def collect(sections: Sequence[etree._Element], unit_ids: Sequence[str]) -> list[Entry]:
    """Number the changed places of the rendered units ``sections`` (in
    place: ``id="app-N"``, data attributes removed) and give their entries."""
    entries: list[Entry] = []
    for unit_number, (section, unit_id) in enumerate(zip(sections, unit_ids, strict=True), start=1):
        spans = [e for e in section.iter(f"{{{XHTML_NS}}}span") if _is_reg(e)]
        if not spans:
            continue
        places = list(section.iter(*PLACES))  # held, so that each id() below stays the element's
        blocks = {id(e): k for k, e in enumerate(places, start=1)}
        layouts: dict[int, tuple[str, dict[int, tuple[int, int]]]] = {}
        for span in spans:
            found = _block_of(span)
            block = found if found is not None else section
            key = id(block)
            if key not in layouts:
                layouts[key] = _layout(block)
            text, where = layouts[key]
            start, end = where.get(id(span), (0, 0))
            # A word either side, looked for near the change only: a block may be one long line.
            left = _LEFT.search(text[max(0, start - CONTEXT):start])
            right = _RIGHT.match(text[end:end + CONTEXT])
            before = left.group(0) if left else ""
            after = right.group(0) if right else ""
            number = len(entries) + 1
            orig = span.attrib.pop("data-orig", "")
            rule = span.attrib.pop("data-rule", "") or EDITOR_RULE
            span.set("id", f"app-{number}")
            entries.append(Entry(number, f"app-{number}", unit_id, unit_number, blocks.get(key, 1),
                                 (before + text[start:end] + after).strip(), (before + orig + after).strip(), rule))
    return entries


def section(entries: Sequence[Entry], href: dict[str, str], heading: str = "h2",
            id: str = "apparatus") -> etree._Element:
    """The apparatus as a ``section``: an ordered list, one entry per change,
    each with a link to its place (``href[unit] + "#" + anchor``)."""
    nsmap: dict[str | None, str] = {None: XHTML_NS}
    root = etree.Element(xhtml_tag("section"), {"class": "apparatus", "id": id, "aria-labelledby": f"{id}-title"},
                         nsmap=nsmap)
    etree.SubElement(root, xhtml_tag(heading), id=f"{id}-title").text = "Editorial apparatus"
    intro = etree.SubElement(root, xhtml_tag("p"), {"class": "apparatus-key"})
    intro.text = ("Every change the edition made to the source's text, in reading order: where it stands "
                  "(text and block), the edition's reading ] the source's reading, and the rule that made it. "
                  "Line ends, indentation and trailing spaces were also regularized and are only counted.")
    if not entries:
        etree.SubElement(root, xhtml_tag("p")).text = "The edition reads as the source: no change was made."
        return root
    listing = etree.SubElement(root, xhtml_tag("ol"), {"class": "apparatus-entries"})
    for entry in entries:
        item = etree.SubElement(listing, xhtml_tag("li"), id=f"entry-{entry.number}")
        link = etree.SubElement(item, xhtml_tag("a"), {"class": "place", "href": f"{href.get(entry.unit, '')}#{entry.anchor}"})
        link.text = entry.place
        link.tail = " "
        lemma = etree.SubElement(item, xhtml_tag("span"), {"class": "lemma"})
        lemma.text = entry.lemma or "(nothing)"
        lemma.tail = " ] "
        source = etree.SubElement(item, xhtml_tag("span"), {"class": "source"})
        source.text = entry.source or "(nothing)"
        source.tail = " "
        etree.SubElement(item, xhtml_tag("span"), {"class": "rule"}).text = entry.rule
    return root


def link_places(sections: Sequence[etree._Element], target: str) -> None:
    """Make each numbered place of ``sections`` a link to its entry in the
    document ``target`` (the EPUB's apparatus); an empty place is named for
    assistive technology, since a link must say where it goes."""
    for section_ in sections:
        for span in [e for e in section_.iter(f"{{{XHTML_NS}}}span") if _is_reg(e) and e.get("id")]:
            number = span.get("id", "").removeprefix("app-")
            span.tag = xhtml_tag("a")
            span.set("href", f"{target}#entry-{number}")
            if not "".join(span.itertext()).strip():
                span.set("aria-label", f"change {number} (in the apparatus)")
