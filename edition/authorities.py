"""The editor's authority file: which organisations, persons and places the
registers know, under which ids, with which public identifiers.

It sits beside the sources as ``authorities.json`` or ``authorities.csv``
(or is named with ``--authorities``) and is checked against
``schemas/authorities.schema.json``; a CSV file's columns are the schema's
properties, its aliases separated by ``|``.  Nothing here, nor anywhere in
``edition``, looks a name up on the network: names the file does not know
are listed by ``edition registers`` for the editor to add.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from edition.errors import MetadataError
from edition.metadata import read_checked

SCHEMA_NAME = "authorities.schema.json"
FILE_NAMES = ("authorities.json", "authorities.csv")
"""The authority file of a project folder, looked for in this order."""
IDENTIFIERS = ("wikidata", "viaf", "geonames", "isni", "gnd", "url")
"""The public identifiers an entry may carry, in the order the register gives them."""
KINDS = ("org", "person", "place")
MAX_SLUG = 48
"""The longest name part of a register id made from a name."""
_ALIAS_SEPARATOR = "|"


@dataclass(frozen=True)
class Authority:
    """One entry of the file."""

    name: str
    kind: str
    """``org``, ``person`` or ``place``."""
    id: str = ""
    """The register id the editor chose; empty: made from the name."""
    identifiers: tuple[tuple[str, str], ...] = ()
    """(authority, value) pairs, in ``IDENTIFIERS`` order."""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Authorities:
    """An authority file as read: its entries and what names it."""

    entries: tuple[Authority, ...] = ()
    filename: str = ""
    """The file's name (never a path), recorded in the teiHeader."""
    sha256: str = ""

    def find(self, name: str, kind: str) -> Authority | None:
        """The entry whose name or alias is ``name`` after normalization; one
        of ``kind`` first, else one of any kind (an editor may know that a
        photographer's credit names an agency)."""
        found = self._by_key.get(name_key(name), ())
        return next((e for e in found if e.kind == kind), found[0] if found else None)

    @cached_property
    def _by_key(self) -> dict[str, tuple[Authority, ...]]:
        index: dict[str, tuple[Authority, ...]] = {}
        for entry in self.entries:
            for key in dict.fromkeys(name_key(n) for n in (entry.name, *entry.aliases)):
                index[key] = (*index.get(key, ()), entry)
        return index


NONE = Authorities()
"""No authority file."""

_NOT_WORD = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """What two forms of one name share: letters and digits, lower case,
    accents dropped, words separated by one space ("Left-Front" = "left front")."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    bare = folded if folded.isascii() else "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", bare).strip()


def register_id(kind: str, name: str) -> str:
    """The register id made from a name, the same in every text and build:
    the kind and the name's key in ASCII ("org-left-front"; a long one cut
    at a word and told apart by a digest of the whole), or the kind and a
    digest of the key when the name is written in another script."""
    key = name_key(name)
    prefix = {"org": "org", "person": "pers", "place": "place"}[kind]
    slug = key.replace(" ", "-")
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    if not slug.isascii() or not slug:
        return f"{prefix}-{digest[:12]}"
    if len(slug) > MAX_SLUG:  # cut at a word, and told apart from others cut alike
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0] + "-" + digest[:6]
    return f"{prefix}-{slug}"


def find_file(folder: Path) -> Path | None:
    """The authority file of a project folder, if it has one."""
    return next((folder / n for n in FILE_NAMES if (folder / n).is_file()), None)


def load_authorities(path: Path | None) -> Authorities:
    """Read and check an authority file (``None``: there is none).

    :raises MetadataError: the file cannot be read, is not UTF-8, not JSON or
        CSV, breaks the schema, or gives one id or name to two entries.
    """
    if path is None:
        return NONE
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MetadataError(f"cannot read the authority file: {exc.strerror or exc}", path=shown) from None
    return parse_authorities(data, path=shown, csv_file=path.suffix.lower() == ".csv")


def parse_authorities(data: bytes, *, path: str, csv_file: bool = False) -> Authorities:
    """The entries of an authority file's bytes (JSON, or CSV with ``csv_file``)."""
    if not data.strip():
        raise MetadataError("empty authority file: write [] (JSON) or a header line (CSV), or remove it", path=path)
    document = read_checked(_csv_as_json(data, path) if csv_file else data, path=path, schema=SCHEMA_NAME)
    entries = tuple(_entry(item) for item in document)
    _refuse_clashes(entries, path)
    return Authorities(entries, Path(path).name, hashlib.sha256(data).hexdigest())


def _csv_as_json(data: bytes, path: str) -> bytes:
    """A CSV authority file as the JSON document it stands for, so both are
    checked by the one schema; empty cells are left out."""
    import json

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise MetadataError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", path=path, line=line) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows: list[dict[str, Any]] = []
    for row in reader:
        if None in row:
            raise MetadataError("more cells than the header has columns", path=path, line=reader.line_num)
        entry: dict[str, Any] = {k.strip(): v.strip() for k, v in row.items() if k and v and v.strip()}
        if "aliases" in entry:
            entry["aliases"] = [a.strip() for a in entry["aliases"].split(_ALIAS_SEPARATOR) if a.strip()]
        rows.append(entry)
    return json.dumps(rows, ensure_ascii=False).encode("utf-8")


def _entry(item: dict[str, Any]) -> Authority:
    return Authority(item["name"], item["type"], item.get("id", ""),
                     tuple((k, item[k]) for k in IDENTIFIERS if k in item), tuple(item.get("aliases", ())))


def _refuse_clashes(entries: tuple[Authority, ...], path: str) -> None:
    """Two entries may not share an id, nor a name or alias within one kind:
    a mention would not know which it means."""
    ids: dict[str, int] = {}
    names: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(entries):
        own = entry.id or register_id(entry.kind, entry.name)
        if own in ids:
            raise MetadataError(f"$[{index}]: the id {own!r} is also $[{ids[own]}]'s", path=path)
        ids[own] = index
        for name in (entry.name, *entry.aliases):
            key = (entry.kind, name_key(name))
            if key in names and names[key] != index:
                raise MetadataError(f"$[{index}]: the name {name!r} is also $[{names[key]}]'s", path=path)
            names[key] = index
