"""The record of what a build folder's outputs were made from.

``edition-manifest.json`` in the output folder lists, per source, the
digests of its bytes and its sidecar's (the editor's overrides included),
the pipeline that made its outputs and the options, and the outputs with
their digests and sizes.  A later build skips a source whose record still
holds and whose outputs are all there at their recorded sizes.  Each
collection has a record too, made from its ``teiCorpus``: its EPUB and
printed volume are remade only when a text of it, or the pipeline, changed.

The record names sources and outputs by file name only, never by the path
of the machine they were built on.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from edition import __version__
from edition.batch.jobs import Job, Made, Options
from edition.output import write_if_changed
from edition.resources import schemas_dir

MANIFEST_NAME = "edition-manifest.json"
FORMAT = 1


@dataclass(frozen=True)
class Entry:
    """One source's record."""

    source: str
    """The source's file name."""
    made_from: str
    """One digest over everything the outputs depend on (see ``made_from``)."""
    outputs: dict[str, dict[str, int | str]]
    """Output file name to its ``sha256`` and ``bytes``."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@functools.cache
def pipeline_id() -> str:
    """The version of ``edition`` and a digest of every file of the package
    and its schemas: a changed rule, cue list or stylesheet rebuilds all."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for folder in (package, schemas_dir()):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(_sha256(path.read_bytes()).encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def made_from(job: Job, options: Options) -> str:
    """The digest of a job's inputs: source bytes, sidecar bytes, authority
    file, pipeline, options."""
    facts = {
        "source": _sha256(job.data),
        "sidecar": _sha256(job.sidecar_data) if job.sidecar_data is not None else None,
        "authorities": job.authorities.sha256 or None,
        "pipeline": pipeline_id(),
        "options": asdict(options),
    }
    return _sha256(json.dumps(facts, sort_keys=True).encode())


def load(out_dir: Path, section: str = "sources") -> dict[str, Entry]:
    """The records of the last build into ``out_dir``, by output name: of its
    sources, or (``section="collections"``) of its collections; none when
    there is no manifest, or it is unreadable (then everything is built)."""
    try:
        document = json.loads((out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
        if document.get("format") != FORMAT:
            return {}
        return {name: Entry(e["source"], e["made_from"], dict(e["outputs"]))
                for name, e in document.get(section, {}).items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def collection_made_from(corpus: bytes, options: Options) -> str:
    """The digest of what a collection's EPUB and volume are made from: its
    ``teiCorpus`` (which holds every text's TEI), the pipeline, the options."""
    facts = {"corpus": _sha256(corpus), "pipeline": pipeline_id(), "options": asdict(options)}
    return _sha256(json.dumps(facts, sort_keys=True).encode())


def entry_of(source: str, made: str, outputs: list[tuple[str, bytes]]) -> Entry:
    """A record of ``outputs`` made from ``made`` (a ``made_from`` digest)."""
    return Entry(source, made, {name: {"sha256": _sha256(data), "bytes": len(data)} for name, data in outputs})


def entry_for(job: Job, options: Options, made: Made) -> Entry:
    """The record of a job just built."""
    return entry_of(job.filename, made_from(job, options), list(made.outputs))


def holds(entry: Entry | None, job: Job, options: Options, out_dir: Path) -> bool:
    """Whether the record says the job's outputs are current: made from the
    same inputs, and every one still there at its recorded size."""
    return current(entry, made_from(job, options), out_dir)


def current(entry: Entry | None, made: str, out_dir: Path) -> bool:
    """Whether ``entry`` was made from ``made`` and its outputs are all there at their recorded sizes."""
    if entry is None or entry.made_from != made:
        return False
    for name, facts in entry.outputs.items():
        try:
            if (out_dir / name).stat().st_size != facts["bytes"]:
                return False
        except OSError:
            return False
    return True


def save(out_dir: Path, entries: dict[str, Entry], collections: dict[str, Entry] | None = None) -> None:
    """Write the records (of sources, and of collections), sorted, in one
    atomic replace; a manifest that would not change is left untouched (a
    build that skipped everything changes nothing in the folder)."""
    document: dict[str, object] = {"format": FORMAT, "generator": f"edition {__version__}",
                                   "sources": {name: asdict(entries[name]) for name in sorted(entries)}}
    if collections:
        document["collections"] = {name: asdict(collections[name]) for name in sorted(collections)}
    data = (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()
    write_if_changed(out_dir / MANIFEST_NAME, data)
