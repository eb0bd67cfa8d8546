"""``edition registers``: every entity of a set of texts, with the texts it
appears in and whether the authority file knows it: the editor's worklist.

Sources are read and encoded as ``edition tei`` would (their folder's
authority file, or the one given); TEI files are read as they are, so an
editor's corrections to the registers count.  A teiCorpus counts as its
member texts.  Nothing is looked up anywhere.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from edition.authorities import IDENTIFIERS
from edition.tei.maker import local, tei
from edition.tei.registers import Entity, merged, read_registers

ROLES = (("signed", "signatories"), ("credited", "credit"))
"""How a mention stands in its text: inside a list of signatories it signed,
inside a photo credit it is credited; anywhere else it is named."""
_T = {"t": "http://www.tei-c.org/ns/1.0"}
_MENTIONS = etree.XPath("t:text//*[@ref]", namespaces=_T)


@dataclass(frozen=True)
class Appearance:
    """One text an entity appears in, and how."""

    text: str
    """The text's file name (its source's, as its header records it)."""
    role: str
    """``signed``, ``credited`` or ``named``."""


@dataclass(frozen=True)
class Row:
    """One entity of the worklist."""

    entity: Entity
    appearances: tuple[Appearance, ...]


def rows_of(trees: Iterable[etree._ElementTree]) -> list[Row]:
    """The entities of the TEI ``trees`` (texts or collections), merged by
    id, in name order, each with the texts it appears in."""
    registers: list[Sequence[Entity]] = []
    seen: dict[str, dict[tuple[str, str], None]] = {}
    for tree in trees:
        root = tree.getroot()
        if local(root) == "teiCorpus":
            registers.append(read_registers(root))
            texts = root.findall(tei("TEI"))
        else:
            texts = [root]
        for text in texts:
            registers.append(read_registers(text))
            name = text.xpath("string(t:teiHeader//t:idno[@type='filename'])", namespaces=_T) or "?"
            for mention in _MENTIONS(text):
                for ref in mention.get("ref", "").split():
                    seen.setdefault(ref.lstrip("#"), {})[(name, _role(mention))] = None
    entities = merged(registers)
    return sorted((Row(e, tuple(Appearance(t, r) for t, r in seen.get(e.id, {}))) for e in entities),
                  key=lambda row: (row.entity.names[0].casefold() if row.entity.names else "", row.entity.id))


def _role(mention: etree._Element) -> str:
    for ancestor in mention.iterancestors():
        for role, kind in ROLES:
            if ancestor.get("type") == kind:
                return role
    return "named"


def text_table(rows: Sequence[Row]) -> str:
    """For a person: one entity a line, its texts below it."""
    out = []
    for row in rows:
        e = row.entity
        ids = ", ".join(f"{k} {v}" for k, v in e.identifiers) or "no authority id"
        out.append(f"{e.kind:6}  {e.id}  {e.names[0] if e.names else ''}  [{ids}]")
        out.extend(f"          {a.role} {a.text}" for a in row.appearances)
    known = sum(1 for r in rows if r.entity.identifiers)
    out.append(f"{len(rows)} entities, {known} with an authority id, {len(rows) - known} without")
    return "\n".join(out) + "\n"


def json_table(rows: Sequence[Row]) -> str:
    """For tools: every entity with its names, identifiers and appearances."""
    return json.dumps([{"id": r.entity.id, "type": r.entity.kind, "names": list(r.entity.names),
                        "identifiers": dict(r.entity.identifiers),
                        "texts": [{"text": a.text, "role": a.role} for a in r.appearances]}
                       for r in rows], ensure_ascii=False, indent=2) + "\n"


def csv_table(rows: Sequence[Row]) -> str:
    """An authority file in CSV of the entities, ready for the editor to add
    identifiers to and keep as ``authorities.csv``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "type", "id", *IDENTIFIERS, "aliases"])
    for row in rows:
        e = row.entity
        ids = dict(e.identifiers)
        writer.writerow([e.names[0] if e.names else "", e.kind, e.id, *(ids.get(k, "") for k in IDENTIFIERS),
                         "|".join(e.names[1:])])
    return out.getvalue()


def is_tei_file(path: Path) -> bool:
    """A TEI file rather than a source: named ``.xml``."""
    return path.suffix.lower() == ".xml"
