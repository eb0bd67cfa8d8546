"""The metadata sidecar: what an editor states about a source, beside it.

``seeds/NAME.txt`` is described by ``seeds/NAME.json``, checked against
``schemas/metadata.schema.json``.  A source without a sidecar gets the
defaults of ``Metadata``.  Every problem is one ``MetadataError`` naming the
sidecar and the JSON path (or line and column) of the fault.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from edition.errors import MetadataError
from edition.model import Agent, Metadata, Override
from edition.resources import schemas_dir

if TYPE_CHECKING:  # imported where a sidecar is checked: most sources have none
    import jsonschema

SCHEMA_NAME = "metadata.schema.json"

# What each checked pattern stands for, keyed by the property it sits on;
# the schema's regular expressions would mean nothing to an editor.
_PATTERN_MEANING = MappingProxyType({
    "date": "is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "language": "is not a BCP 47 language tag (such as en, es or pt-BR)",
    "url": "is not an absolute URI (such as https://example.org/page)",
    "id": "is not an XML name (a letter or _, then letters, digits, '.', '_' or '-')",
    "wikidata": "is not a Wikidata item (Q and digits, such as Q42)",
    "viaf": "is not a VIAF id (digits)",
    "geonames": "is not a GeoNames id (digits)",
    "isni": "is not an ISNI (16 digits, the last maybe X)",
    "gnd": "is not a GND id",
})

# How a bare name is read, per list: statements are mostly issued by
# organizations, while the editors of an edition are people.
_BARE_NAME_KIND = MappingProxyType({"authors": "org", "editors": "person"})

_KIND_BY_TYPE = MappingProxyType({"person": "person", "organization": "org"})

# Control characters, lone surrogates (JSON can escape them) and the two
# non-characters are not allowed in XML 1.0, so no TEI file could hold them.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

_PLAIN_KEY = re.compile("[A-Za-z_][A-Za-z0-9_]*")


def sidecar_path(source_path: Path) -> Path:
    """The sidecar that describes a source: same folder, same stem, ``.json``."""
    return source_path.with_suffix(".json")


def load_metadata(source_path: Path) -> Metadata:
    """Read and check the sidecar of a source, if it has one.

    :param source_path: the source text (``seeds/NAME.txt``), as the user named it.
    :returns: the sidecar's statements, or ``Metadata()`` when there is no sidecar.
    :raises MetadataError: the sidecar cannot be read, is not UTF-8, is not
        JSON, or breaks the schema.
    """
    path = sidecar_path(source_path)
    shown = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Metadata()
    except IsADirectoryError:
        raise MetadataError("is a folder, not a metadata file", path=shown) from None
    except OSError as exc:
        raise MetadataError(f"cannot read: {exc.strerror}", path=shown) from None
    return parse_metadata(data, path=shown)


def parse_metadata(data: bytes, *, path: str) -> Metadata:
    """Check the bytes of a sidecar and turn them into ``Metadata``.

    :param data: the sidecar's bytes.
    :param path: how the sidecar is named in messages.
    :raises MetadataError: as for ``load_metadata``.
    """
    document = _decode_json(data, path)
    _check(document, path)
    return replace(_to_metadata(document), sidecar=path)


def _decode_json(data: bytes, path: str) -> Any:
    if not data.strip():
        raise MetadataError("empty file: write {} or remove it", path=path)
    try:
        # utf-8-sig: editors on some systems save JSON with a byte-order mark.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        # Columns count characters, as in JSON errors: the line's bytes up to
        # the bad one are valid UTF-8, so decoding them gives the count.
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start:exc.start].decode("utf-8-sig")) + 1
        raise MetadataError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
            path=path, line=line, column=column,
        ) from None
    try:
        return json.loads(text, object_pairs_hook=_refuse_duplicates,
                          parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise MetadataError(f"invalid JSON: {exc.msg}", path=path,
                            line=exc.lineno, column=exc.colno) from None
    except _NotJson as exc:
        raise MetadataError(f"invalid JSON: {exc}", path=path) from None
    except RecursionError:
        raise MetadataError("invalid JSON: nested too deeply", path=path) from None


class _NotJson(ValueError):
    """What Python's JSON parser lets through but JSON does not mean."""


def _refuse_constant(name: str) -> Any:
    # NaN and Infinity are JavaScript, not JSON; Python accepts them by default.
    raise _NotJson(f"{name} is not a JSON value")


def _refuse_duplicates(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    # JSON parsers silently keep the last of two equal keys; an editor who
    # wrote a key twice meant something, so say so.
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _NotJson(f"key {key!r} appears twice in one object")
        obj[key] = value
    return obj


@functools.cache
def _validator(name: str = SCHEMA_NAME) -> jsonschema.Draft202012Validator:
    """The validator of the schema ``name``, built once per process; it may
    refer to the sidecar schema's definitions by that schema's ``$id``."""
    import jsonschema
    from referencing import Registry, Resource

    schemas = {n: json.loads((schemas_dir() / n).read_text(encoding="utf-8")) for n in {SCHEMA_NAME, name}}
    registry: Registry[Any] = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values())
    return jsonschema.Draft202012Validator(schemas[name], registry=registry)


def read_checked(data: bytes, *, path: str, schema: str) -> Any:
    """The JSON document in ``data``, checked against ``schemas/SCHEMA`` as a
    sidecar is (the same messages, naming ``path``).

    :raises MetadataError: not UTF-8, not JSON, or breaking the schema.
    """
    document = _decode_json(data, path)
    _check(document, path, schema)
    return document


def agents(entries: Iterable[str | dict[str, str]], bare_kind: str) -> tuple[Agent, ...]:
    """Names as the schema's ``agents`` gives them; a bare name is of ``bare_kind``."""
    return _agents(entries, bare_kind)


def _check(document: Any, path: str, schema: str = SCHEMA_NAME) -> None:
    errors = list(_validator(schema).iter_errors(document))
    if errors:
        from jsonschema.exceptions import best_match

        error = best_match(errors)
        where, message = _describe(error)
        more = len(errors) - 1
        if more:
            message += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise MetadataError(f"{where}: {message}", path=path)
    _check_characters(document, "$", path)
    # The pattern admits 2014-02-30; only the calendar can refuse it.
    date = document.get("date", "") if isinstance(document, dict) else ""
    if len(date) == len("YYYY-MM-DD"):
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            raise MetadataError(f"$.date: {date!r} is not a day of the calendar",
                                path=path) from None


def _check_characters(value: Any, where: str, path: str) -> None:
    """Refuse characters that XML cannot hold, before they reach the TEI."""
    if isinstance(value, str):
        bad = _NOT_IN_XML.search(value)
        if bad:
            raise MetadataError(
                f"{where}: holds U+{ord(bad.group()):04X}, a character XML cannot hold", path=path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_characters(item, f"{where}[{index}]", path)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_characters(item, _member(where, key), path)


def _member(where: str, key: str) -> str:
    """The JSON path of KEY inside the object at WHERE (bracket form for odd keys)."""
    if _PLAIN_KEY.fullmatch(key):
        return f"{where}.{key}"
    return f"{where}[{json.dumps(key)}]"


def _describe(error: jsonschema.ValidationError) -> tuple[str, str]:
    """The JSON path and an editor's wording of one schema error."""
    where = error.json_path
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        return _member(where, extra[0]), f"unknown property (allowed: {', '.join(allowed)})"
    if error.validator == "pattern":
        key = error.path[-1] if error.path else None
        meaning = _PATTERN_MEANING.get(key, "") if isinstance(key, str) else ""
        return where, f"{error.instance!r} {meaning or 'is blank'}"
    if error.validator == "anyOf" and "structure" in error.path:
        return where, "says neither how to type the line (as) nor that a text starts there (starts)"
    if error.validator == "anyOf":
        return where, (f"{error.instance!r} is neither a name nor an object "
                       "with name and type")
    return where, error.message


def _to_metadata(document: dict[str, Any]) -> Metadata:
    def text(key: str) -> str:
        return str(document.get(key, "")).strip()

    return Metadata(
        title=text("title"),
        authors=_agents(document.get("authors", ()), _BARE_NAME_KIND["authors"]),
        publication=text("publication"),
        url=text("url"),
        date=text("date"),
        language=text("language"),
        editors=_agents(document.get("editors", ()), _BARE_NAME_KIND["editors"]),
        licence=text("licence"),
        publisher=text("publisher"),
        structure=tuple(_override(n, entry) for n, entry in enumerate(document.get("structure", ()))),
    )


def _override(index: int, entry: dict[str, Any]) -> Override:
    return Override(index=index, at=entry["at"], as_type=entry.get("as", ""), to=entry.get("to", ""),
                    join=bool(entry.get("join", False)), starts_text="starts" in entry,
                    occurrence=int(entry.get("occurrence", 0)))


def _agents(entries: Iterable[str | dict[str, str]], bare_kind: str) -> tuple[Agent, ...]:
    agents = []
    for entry in entries:
        if isinstance(entry, str):
            agents.append(Agent(name=entry.strip(), kind=bare_kind))
        else:
            agents.append(Agent(name=entry["name"].strip(), kind=_KIND_BY_TYPE[entry["type"]]))
    return tuple(agents)
