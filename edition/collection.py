"""The collection file: an editor's statement of many texts as one work.

``edition build DIR --collection FILE`` reads FILE (JSON, checked against
``schemas/collection.schema.json``, with the messages of a sidecar) and,
after the texts are built, puts them in the collection's order; the TEI
stage makes the ``teiCorpus`` of them (``edition.tei.corpus``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from edition.errors import MetadataError
from edition.metadata import agents, read_checked
from edition.model import Collection

SCHEMA_NAME = "collection.schema.json"


def load_collection(path: Path) -> Collection:
    """Read and check a collection file.

    :raises MetadataError: it cannot be read, is not JSON or breaks the schema.
    """
    shown = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise MetadataError("no such collection file", path=shown) from None
    except OSError as exc:
        raise MetadataError(f"cannot read: {exc.strerror}", path=shown) from None
    document = read_checked(data, path=shown, schema=SCHEMA_NAME)
    return Collection(
        name=path.stem,
        title=document["title"].strip(),
        editors=agents(document.get("editors", ()), "person"),
        order=tuple(name.strip() for name in document.get("order", ())),
        licence=document.get("licence", "").strip(),
        publisher=document.get("publisher", "").strip(),
        date=document.get("date", ""),
        path=shown,
    )


def ordered(collection: Collection, names: Sequence[str]) -> list[str]:
    """``names`` (the texts built) in the collection's order: those it lists
    first, as listed, then the rest by name.

    :raises MetadataError: the collection lists a text the build has not.
    """
    known = set(names)
    missing = [n for n in collection.order if n not in known]
    if missing:
        raise MetadataError(f"$.order lists {missing[0]!r}, which no source of this build is "
                            f"(sources are named by their file name less .txt)", path=collection.path)
    listed = set(collection.order)
    return [*collection.order, *sorted(n for n in names if n not in listed)]
