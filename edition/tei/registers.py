"""Registers: every named organisation, person and place of a text, once.

Each name the pipeline marks (a signatory's ``orgName`` or ``persName``, a
photographer's ``name``, a caption's ``placeName``) is a mention; mentions
whose names are the same after normalization, or that the authority file
calls one entry, are one entity.  The entities go into a ``standOff`` after
the text (``listOrg``, ``listPerson``, ``listPlace``), each with its
``xml:id``, its name forms and the authority file's identifiers, and every
mention points to its entity with ``ref``.  Ids are made from the names (or
given by the authority file), so one organisation has the same id in every
text, and a collection can merge its texts' registers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from edition.authorities import Authorities, name_key, register_id
from edition.tei.maker import XML_ID, E, local, tei
from edition.tei.readings import regularized

MENTIONS = {"orgName": "org", "persName": "person", "placeName": "place", "name": ""}
"""Elements that mention an entity, and its kind (a photo credit's ``name``
is decided by the authority file, else by the shape of the name)."""
ELEMENT_OF = {"org": "orgName", "person": "persName", "place": "placeName"}
LISTS = (("org", "listOrg", "org"), ("person", "listPerson", "person"), ("place", "listPlace", "place"))
"""(kind, list element, entry element), in the order the standOff gives them."""
_PATH = etree.XPath("/t:TEI/t:text//*[self::t:orgName or self::t:persName or self::t:placeName or self::t:name]",
                    namespaces={"t": "http://www.tei-c.org/ns/1.0"})


@dataclass(frozen=True)
class Entity:
    """One entry of a register."""

    id: str
    kind: str
    names: tuple[str, ...]
    """Name forms: the authority's first, then those of the mentions as met."""
    identifiers: tuple[tuple[str, str], ...] = ()
    authority: bool = False
    """Whether the authority file knows it."""


def add_registers(root: etree._Element, authorities: Authorities) -> tuple[Entity, ...]:
    """Point every mention of ``root`` (a TEI element) to its entity and put
    the registers after the text; the entities, in register order."""
    entities: dict[str, Entity] = {}
    for mention in _PATH(root):
        name = regularized(mention)
        if not name_key(name):
            continue
        entity = _entity(mention, name, authorities)
        if local(mention) != "name" and ELEMENT_OF[entity.kind] != local(mention):
            mention.tag = tei(ELEMENT_OF[entity.kind])  # the authority file says what it is
        mention.set("ref", f"#{entity.id}")
        known = entities.get(entity.id)
        if known is None:
            entities[entity.id] = entity
        elif name not in known.names:
            entities[entity.id] = Entity(known.id, known.kind, (*known.names, name), known.identifiers,
                                         known.authority)
    ordered = tuple(entities.values())
    stand_off = standoff(ordered)
    if stand_off is not None:
        root.append(stand_off)
    return ordered


def _entity(mention: etree._Element, name: str, authorities: Authorities) -> Entity:
    kind = MENTIONS[local(mention)] or _credited_kind(name)
    entry = authorities.find(name, kind)
    if entry is None:
        return Entity(register_id(kind, name), kind, (name,))
    names = (entry.name, *((name,) if name != entry.name else ()))
    return Entity(entry.id or register_id(entry.kind, entry.name), entry.kind, names, entry.identifiers, True)


def _credited_kind(name: str) -> str:
    """A photo credit names a person when the name is shaped like one, else
    an agency or collective."""
    from edition.segment.names import is_person_name

    return "person" if is_person_name(name) else "org"


def standoff(entities: Sequence[Entity]) -> etree._Element | None:
    """The ``standOff`` holding ``entities`` (none: no element)."""
    if not entities:
        return None
    lists = []
    for kind, list_name, entry_name in LISTS:
        entries = [_entry(e, entry_name) for e in entities if e.kind == kind]
        if entries:
            lists.append(E(list_name, *entries))
    return E.standOff(*lists)


def _entry(entity: Entity, entry_name: str) -> etree._Element:
    element = E(entry_name, *(E(ELEMENT_OF[entity.kind], n) for n in entity.names),
                *(E.idno(value, type=authority) for authority, value in entity.identifiers))
    element.set(XML_ID, entity.id)
    return element


def read_registers(root: etree._Element) -> tuple[Entity, ...]:
    """The entities of a TEI element's registers, as written (an editor may
    have corrected them)."""
    out = []
    for kind, list_name, entry_name in LISTS:
        for entry in root.iterfind(f"{tei('standOff')}/{tei(list_name)}/{tei(entry_name)}"):
            names = tuple(regularized(n) for n in entry if local(n) == ELEMENT_OF[kind])
            identifiers = tuple((i.get("type", ""), (i.text or "").strip()) for i in entry.iterfind(tei("idno")))
            out.append(Entity(entry.get(XML_ID, ""), kind, names, identifiers, bool(identifiers)))
    return tuple(out)


def merged(registers: Iterable[Sequence[Entity]]) -> tuple[Entity, ...]:
    """Several texts' entities as one register: one entry per id, with every
    name form and identifier any of them has."""
    out: dict[str, Entity] = {}
    for entities in registers:
        for e in entities:
            known = out.get(e.id)
            if known is None:
                out[e.id] = e
                continue
            names = (*known.names, *(n for n in e.names if n not in known.names))
            ids = (*known.identifiers, *(i for i in e.identifiers if i not in known.identifiers))
            out[e.id] = Entity(e.id, known.kind, names, ids, known.authority or e.authority)
    return tuple(out.values())
