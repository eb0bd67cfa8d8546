"""A build of many sources: which to make, where they run, what is written.

Sources are read one at a time as the executor asks for work; one whose
manifest record still holds is skipped; the rest run on the executor and
their outputs are written here, each file in one atomic replace, as they
come back.  A source that fails fails alone and leaves its previous outputs
as they were.  The manifest is saved at the end, interrupted or not.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from edition.authorities import Authorities
from edition.batch import manifest
from edition.batch.collect import check_can_make, write_collection
from edition.batch.executors import Executor, InProcess
from edition.batch.jobs import Job, Made, Options, read_job
from edition.errors import EditionError, InputError, OutputError
from edition.model import Collection
from edition.output import write_atomic
from edition.pipeline import authorities_for, write_schemas
from edition.render.pdf import Report

SOURCE_SUFFIXES = (".txt",)


def find_sources(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders give their ``*.txt`` files, sorted by name.

    :raises InputError: a path does not exist.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir()
                                if p.suffix in SOURCE_SUFFIXES and p.is_file()))
        elif path.exists():
            found.append(path)
        else:
            raise InputError("no such file or folder", path=str(path))
    return found


@dataclass(frozen=True)
class Built:
    """One source built: its outputs, and what the typesetter said."""

    source: str
    outputs: tuple[Path, ...]
    warnings: tuple[str, ...] = ()
    environment: tuple[str, ...] = ()


@dataclass(frozen=True)
class Failure:
    source: str
    error: EditionError


@dataclass
class Summary:
    """What a build did, source by source."""

    built: list[Built] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """Sources whose outputs were current."""
    failed: list[Failure] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)
    """Output files removed because their source is gone (``prune``)."""
    kept: list[str] = field(default_factory=list)
    """Output files of sources not in this build, left in place."""
    collection: Built | None = None
    """The collection's files (its ``teiCorpus`` first), when one was asked
    for and made; they are remade only when one of its texts changed."""
    collection_remade: bool = False


Progress = Callable[[str, str], None]
"""``progress(outcome, source)``: outcome is ``built``, ``skipped`` or ``failed``."""


def build_all(paths: Iterable[Path], out_dir: Path, options: Options | None = None,
              executor: Executor | None = None, force: bool = False, prune: bool = False,
              progress: Progress | None = None, collection: Collection | None = None,
              report: Report | None = None, authorities: Authorities | None = None) -> Summary:
    """Build every source into ``out_dir``; see the module's docstring.  With
    a ``collection``, also its ``teiCorpus`` of every text, once all are
    built, and its EPUB and printed volume; ``report`` hears how a long
    typesetting in this process is going.  ``authorities`` is the authority
    file every source's registers use; without it, each source uses the one
    in its folder, if any (a bad one fails the sources of that folder)."""
    options = options or Options()
    summary = Summary()
    records = manifest.load(out_dir)
    collections = manifest.load(out_dir, "collections")
    previous = dict(records)
    names: dict[str, str] = {}
    said = progress or (lambda _outcome, _source: None)
    folder_files: dict[Path, Authorities | EditionError] = {}

    def authorities_of(path: Path) -> Authorities:
        if authorities is not None:
            return authorities
        folder = path.parent
        if folder not in folder_files:
            try:
                folder_files[folder] = authorities_for(path)
            except EditionError as err:
                folder_files[folder] = err
        found = folder_files[folder]
        if isinstance(found, EditionError):
            raise found
        return found

    def wanted() -> Iterator[Job]:
        for path in paths:
            try:
                job = read_job(path, out_dir, authorities_of(path))
                if job.name in names:
                    raise InputError(f"makes the same outputs ({job.name}.*) as {names[job.name]}; "
                                     "rename one of them", path=job.source)
            except EditionError as err:
                summary.failed.append(Failure(str(path), err))
                said("failed", str(path))
                continue
            names[job.name] = job.source
            if not force and manifest.holds(records.get(job.name), job, options, out_dir):
                summary.skipped.append(job.source)
                said("skipped", job.source)
                continue
            yield job

    try:
        for job, result in (executor or InProcess()).run(wanted(), options):
            if isinstance(result, EditionError):
                summary.failed.append(Failure(job.source, result))
                said("failed", job.source)
                continue
            # No record while its files are replaced: stopped half-way, the
            # source is built again next time, never trusted.
            records.pop(job.name, None)
            try:
                if not summary.built:  # the schemas the TEI links to, with the first TEI
                    write_schemas(out_dir)
                built = _write(out_dir, result)
            except OutputError as err:
                summary.failed.append(Failure(job.source, err))
                said("failed", job.source)
                continue
            summary.built.append(built)
            records[job.name] = manifest.entry_for(job, options, result)
            said("built", job.source)
    except BaseException:
        # Stopped (an interruption, a full disk): what was done is still
        # recorded, unless recording fails too, which must not hide why.
        with contextlib.suppress(EditionError):
            _finish(out_dir, records, previous, names, prune, summary, collections)
        raise
    _finish(out_dir, records, previous, names, prune, summary, collections)
    if collection is not None:
        try:
            check_can_make(collection, len(summary.failed), names)
            files, warnings, remade = write_collection(collection, out_dir, list(names), options, collections, report)
        except EditionError as err:
            summary.failed.append(Failure(collection.path, err))
        else:
            summary.collection = Built(collection.path, tuple(files), warnings)
            summary.collection_remade = remade
        finally:
            manifest.save(out_dir, records, collections)
    return summary


def _finish(out_dir: Path, records: dict[str, manifest.Entry], previous: dict[str, manifest.Entry],
            names: dict[str, str], prune: bool, summary: Summary, collections: dict[str, manifest.Entry]) -> None:
    _tidy(out_dir, records, previous, names, prune, summary)
    if records or previous or collections:
        manifest.save(out_dir, records, collections)


def _write(out_dir: Path, made: Made) -> Built:
    written = []
    for name, data in made.outputs:
        write_atomic(out_dir / name, data)
        written.append(out_dir / name)
    return Built(made.source, tuple(written), made.warnings, made.environment)


def _tidy(out_dir: Path, records: dict[str, manifest.Entry], previous: dict[str, manifest.Entry],
          names: dict[str, str], prune: bool, summary: Summary) -> None:
    """Outputs no source of this build makes any more: those of sources not
    in it, and those a rebuilt source no longer makes (a PDF dropped).
    Removed with ``prune``, else kept and counted."""
    stale: list[str] = []
    for name, old in previous.items():
        now = records.get(name)
        if name not in names:
            stale.extend(old.outputs)
        elif now is not None and now is not old:
            stale.extend(o for o in old.outputs if o not in now.outputs)
    if not prune:
        summary.kept.extend(sorted(stale))
        return
    for output in sorted(stale):
        with contextlib.suppress(FileNotFoundError):
            (out_dir / output).unlink()
        summary.pruned.append(output)
    for name in [n for n in records if n not in names]:
        del records[name]
