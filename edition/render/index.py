"""The index: every organisation and person of the registers, with each
place the text names them.

The stylesheet renders a mark that points into the registers (``ref``) with
the entry's id as ``data-ref``; here those marks are numbered in reading
order (``ix-N``), their data taken off, and the index is built from the
TEI's registers: one entry per organisation or person, in alphabetical
order, each listing its places as links labelled like the apparatus's
(text and block, ``1.4``).  The print edition gives each link its page
(``target-counter``), the EPUB links to the mention.  A name mentioned
twice in one block is one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from edition.render.apparatus import PLACES
from edition.render.xhtml import XHTML_NS, xhtml_tag
from edition.tei.registers import Entity, read_registers

KINDS = (("org", "Organisations"), ("person", "Persons"), ("place", "Places"))
"""The index's parts, in order, each listed only when it has entries."""


@dataclass(frozen=True)
class Place:
    """Where a text names an entity."""

    anchor: str
    """The id of the mention in the rendered text (``ix-N``)."""
    unit: str
    place: str
    """Text and block, as the apparatus counts them (``1.4``)."""


@dataclass(frozen=True)
class IndexEntry:
    entity: Entity
    places: tuple[Place, ...]

    @property
    def name(self) -> str:
        return self.entity.names[0] if self.entity.names else self.entity.id


def collect(sections: Sequence[etree._Element], unit_ids: Sequence[str], root: etree._Element,
            start: int = 0, text: int | None = None) -> list[IndexEntry]:
    """Number the marks of the rendered units ``sections`` that point into
    the registers of ``root`` (a TEI or teiCorpus element), in place, from
    ``ix-{start + 1}`` on, and give the index's entries, alphabetical within
    each kind.  A place is labelled by its unit and block (``2.4``), or, for
    the ``text``-th text of a collection, by the text and its block counted
    across all its units."""
    entities = {e.id: e for e in read_registers(root)}
    found: dict[str, list[Place]] = {}
    seen: set[tuple[str, int, int]] = set()
    number, before = start, 0
    for unit_number, (section, unit_id) in enumerate(zip(sections, unit_ids, strict=True), start=1):
        places = list(section.iter(*PLACES))  # held, so that each id() below stays the element's
        blocks = {id(e): k for k, e in enumerate(places, start=1)}
        for span in [e for e in section.iter(f"{{{XHTML_NS}}}span") if e.get("data-ref")]:
            ref = span.attrib.pop("data-ref")
            if ref not in entities:
                continue
            block = next((blocks[id(a)] for a in span.iterancestors() if id(a) in blocks), 1)
            if (ref, unit_number, block) in seen:
                continue
            seen.add((ref, unit_number, block))
            number += 1
            span.set("id", f"ix-{number}")
            label = f"{text}.{before + block}" if text is not None else f"{unit_number}.{block}"
            found.setdefault(ref, []).append(Place(f"ix-{number}", unit_id, label))
        before += len(places)
    return ordered(IndexEntry(entities[ref], tuple(places)) for ref, places in found.items())


def ordered(entries: Iterable[IndexEntry]) -> list[IndexEntry]:
    """One entry per entity (the places of several texts joined, in order), alphabetically."""
    joined: dict[str, IndexEntry] = {}
    for entry in entries:
        known = joined.get(entry.entity.id)
        joined[entry.entity.id] = entry if known is None else IndexEntry(known.entity, known.places + entry.places)
    return sorted(joined.values(), key=lambda e: (e.name.casefold(), e.entity.id))


def count(entries: Sequence[IndexEntry]) -> int:
    """How many places ``entries`` number: where the next text's numbering goes on."""
    return sum(len(e.places) for e in entries)


def section(entries: Sequence[IndexEntry], href: dict[str, str], heading: str = "h2",
            id: str = "index") -> etree._Element:
    """The index as a ``section``, one list per kind of entity, each entry
    with a link to every place it is named (``href[unit] + "#" + anchor``)."""
    root = etree.Element(xhtml_tag("section"), {"class": "index", "id": id, "role": "doc-index",
                                         "aria-labelledby": f"{id}-title"},
                         nsmap={None: XHTML_NS})
    etree.SubElement(root, xhtml_tag(heading), id=f"{id}-title").text = "Index"
    sub = f"h{int(heading[1]) + 1}"
    for kind, title in KINDS:
        part = [e for e in entries if e.entity.kind == kind]
        if not part:
            continue
        group = etree.SubElement(root, xhtml_tag("section"), {"class": f"index-{kind}", "aria-labelledby": f"{id}-{kind}"})
        etree.SubElement(group, xhtml_tag(sub), id=f"{id}-{kind}").text = title
        listing = etree.SubElement(group, xhtml_tag("ul"), {"class": "index-entries"})
        for entry in part:
            item = etree.SubElement(listing, xhtml_tag("li"))
            name = etree.SubElement(item, xhtml_tag("span"), {"class": "index-name"})
            name.text = entry.name
            name.tail = " "
            for k, place in enumerate(entry.places):
                link = etree.SubElement(item, xhtml_tag("a"), {"class": "place", "href": f"{href.get(place.unit, '')}#"
                                                                                  f"{place.anchor}"})
                link.text = place.place
                link.tail = ", " if k + 1 < len(entry.places) else None
    return root


def has_entries(root: etree._Element) -> bool:
    """Whether the registers of ``root`` hold anything to index."""
    return bool(read_registers(root))
