"""Parse XML that someone else wrote, without trusting it.

The parser never expands entities, never loads a DTD, never touches the
network, never follows XInclude and refuses huge trees; a document that
declares entities or names an external DTD is refused outright, so an
external entity is an error rather than silently empty text.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from edition.errors import XmlInputError

_POSITION = re.compile(r", line \d+, column \d+$")
"""libxml2 repeats the position at the end of its message; we give it once."""


def make_parser() -> etree.XMLParser:
    """A fresh hardened parser (parsers are cheap and not shared)."""
    return etree.XMLParser(
        resolve_entities=False, load_dtd=False, dtd_validation=False, attribute_defaults=False,
        no_network=True, huge_tree=False, remove_comments=False, remove_pis=False,
        # Keep collect_ids (the default): lxml 6.1 / libxml2 2.14 load the
        # external DTD subset when it is off, load_dtd=False notwithstanding.
    )


def parse(data: bytes, path: str) -> etree._ElementTree:
    """Parse ``data``, naming it ``path`` in errors.

    :raises XmlInputError: not well-formed, or a DOCTYPE that declares
        entities or points at an external DTD.
    """
    _refuse_declared_entities(data, path)
    try:
        root = etree.fromstring(data, make_parser())
    except etree.XMLSyntaxError as err:
        line = err.lineno if err.lineno else None
        message = _POSITION.sub("", err.msg or "parse error")
        raise XmlInputError(f"not well-formed XML: {message}", path=path, line=line) from None
    tree = root.getroottree()
    _refuse_dtd(tree, data, path)
    return tree


def parse_file(path: str | Path) -> etree._ElementTree:
    """Read and parse the file at ``path``.

    :raises XmlInputError: unreadable, not well-formed or hostile.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise XmlInputError(f"cannot read: {err.strerror or err}", path=name) from None
    return parse(data, name)


def _refuse_declared_entities(data: bytes, path: str) -> None:
    """Refuse a DOCTYPE whose internal subset declares entities before the
    parser reads it: libxml2 would otherwise check an entity bomb's
    expansion first and report it at a line of its own choosing.  (Files in
    encodings this byte search cannot see are caught after parsing.)"""
    at = data.find(b"<!DOCTYPE")
    if at < 0:
        return
    end = data.find(b"]>", at)
    if b"<!ENTITY" in data[at: end if end >= 0 else len(data)]:
        line = data.count(b"\n", 0, at) + 1
        raise XmlInputError("refused: the DOCTYPE declares entities", path=path, line=line)


def _refuse_dtd(tree: etree._ElementTree, data: bytes, path: str) -> None:
    info = tree.docinfo
    at = data.find(b"<!DOCTYPE")
    line = data.count(b"\n", 0, at) + 1 if at >= 0 else 1
    if info.system_url or info.public_id:
        raise XmlInputError("refused: the DOCTYPE names an external DTD", path=path, line=line)
    dtd = info.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise XmlInputError("refused: the DOCTYPE declares entities", path=path, line=line)
    for node in tree.getroot().iter(etree.Entity):
        raise XmlInputError(f"refused: entity reference {node.text}", path=path,
                            line=node.sourceline)
