"""Many texts' TEI as one ``teiCorpus``: the collection's file.

Each member is a text's TEI as built (or as the editor corrected it), whole,
with every ``xml:id`` prefixed by the text's place in the collection
(``t02-text1-p3``) and every pointer to one of them (``resp="#edition"``,
any attribute made of ``#id`` references) rewritten to match, so that ids
stay unique in the collection and each member still validates on its own.
The collection's own header says what the collection is; each text keeps
its header, which documents its source and how it was edited.

The texts' registers are merged into one ``standOff`` after the collection's
header: one entry per register id (ids are made from the names, or given by
the authority file, so an organisation that signed three texts is one
entry), and every mention of every member points to it, unprefixed.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from lxml import etree

from edition.model import Collection
from edition.tei.maker import XML_ID, E, pseudo_attribute, tei
from edition.tei.registers import Entity, merged, read_registers, standoff
from edition.tei.serialize import serialize

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"


def corpus_tree(collection: Collection, members: Sequence[etree._Element],
                schema_href: str = "schemas/") -> etree._ElementTree:
    """The ``teiCorpus`` of ``members`` (TEI roots, in order); they are copied, not moved."""
    width = len(str(len(members)))
    copies = [_without_registers(member) for member in members]
    root = E.teiCorpus(_header(collection, len(members)),
                       *(_prefixed(copied, f"t{k:0{width}d}-") for k, (copied, _) in enumerate(copies, start=1)))
    registers = standoff(merged(entities for _, entities in copies))
    if registers is not None:
        root.insert(1, registers)
    for name, ns in (("edition.rng", RNG_NS), ("edition.sch", SCH_NS)):
        root.addprevious(etree.ProcessingInstruction(
            "xml-model", f"href={pseudo_attribute(schema_href + name)} type=\"application/xml\" schematypens=\"{ns}\""))
    return root.getroottree()


def corpus_bytes(collection: Collection, members: Sequence[etree._Element], schema_href: str = "schemas/") -> bytes:
    """``corpus_tree`` serialized as every TEI file is."""
    return serialize(corpus_tree(collection, members, schema_href))


def _header(collection: Collection, count: int) -> etree._Element:
    title_stmt = E.titleStmt(E.title(collection.title))
    for agent in collection.editors:
        title_stmt.append(E.editor(E.persName(agent.name) if agent.kind == "person" else E.orgName(agent.name)))
    publication = E.publicationStmt(E.publisher(collection.publisher or "edition"))
    if collection.date:
        publication.append(E.date(collection.date, when=collection.date))
    publication.append(E.availability(E.licence(collection.licence) if collection.licence
                                      else E.p("Licence not stated for the collection; each text's header "
                                               "says what its source states.")))
    source = E.sourceDesc(E.p(f"A collection of {count} text{'s' if count != 1 else ''}; each text's own "
                              "header describes its source and how it was edited."))
    return E.teiHeader(E.fileDesc(title_stmt, publication, source))


def _without_registers(member: etree._Element) -> tuple[etree._Element, tuple[Entity, ...]]:
    """A copy of ``member`` without its registers, and their entities."""
    copied = copy.deepcopy(member)
    entities = read_registers(copied)
    for stand_off in copied.findall(tei("standOff")):
        copied.remove(stand_off)
    return copied, entities


def _prefixed(copied: etree._Element, prefix: str) -> etree._Element:
    """``copied`` with its ids, and the pointers to them, prefixed (in place)."""
    ids = {el.get(XML_ID) for el in copied.iter() if isinstance(el.tag, str) and el.get(XML_ID)}
    for element in copied.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name == XML_ID:
                element.set(name, prefix + value)
            elif value.startswith("#"):
                tokens = value.split()
                if all(t.startswith("#") and t[1:] in ids for t in tokens):
                    element.set(name, " ".join(f"#{prefix}{t[1:]}" for t in tokens))
    return copied
