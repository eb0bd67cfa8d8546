"""One source's build as a task that can run anywhere: bytes in, bytes out.

A ``Job`` carries everything its outputs are made from (the source's bytes,
its sidecar's bytes, the options), so a worker process or a machine of a
cluster needs no access to the editor's files; what it gives back, ``Made``,
is the bytes of every output, which the caller writes.  The same job gives
the same bytes wherever it runs.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from edition.authorities import NONE, Authorities
from edition.errors import EditionError, MetadataError
from edition.metadata import parse_metadata, sidecar_path
from edition.model import Document, Metadata
from edition.normalize import normalize
from edition.pipeline import Renderers, checked_tei, text_language
from edition.read import decode_source, read_bytes
from edition.render import pdf
from edition.render.pagination import Pagination
from edition.render.printed import PAPERS
from edition.segment import segment
from edition.segment.language import load_language_model
from edition.validate import Validator


@dataclass(frozen=True)
class Options:
    """What a build was asked for, the same for every source of it."""

    paper: str = "a5"
    pdf: bool = False
    source_date_epoch: str | None = None
    """The reproducible-builds date (``SOURCE_DATE_EPOCH``), when set."""
    encoding: str | None = None
    """Decode every source with this encoding instead of detecting it."""
    apparatus: bool = True
    """Give the EPUB and print edition an editorial apparatus (``--apparatus full``)."""
    reading: str = "regularized"
    """The rendition: the edition's reading, or the source's (``--reading diplomatic``)."""


@dataclass(frozen=True)
class Job:
    """One source to build, with the bytes its outputs are made from."""

    source: str
    """How the source is named in messages, as the user gave it."""
    filename: str
    data: bytes
    sidecar: str
    """How its sidecar (``NAME.json``) is named in messages."""
    sidecar_data: bytes | None
    out_dir: str
    """The output folder as named in messages (TEI problems cite NAME.tei.xml there)."""
    authorities: Authorities = NONE
    """The authority file its registers use, as read."""

    @property
    def name(self) -> str:
        """What names the outputs: the file name without its suffix."""
        return self.filename.rsplit(".", 1)[0] if "." in self.filename else self.filename


@dataclass(frozen=True)
class Made:
    """What one job made: output file names (inside the output folder) with
    their bytes, and what the typesetter said."""

    source: str
    outputs: tuple[tuple[str, bytes], ...]
    warnings: tuple[str, ...] = ()
    environment: tuple[str, ...] = ()


def read_job(path: Path, out_dir: Path, authorities: Authorities = NONE) -> Job:
    """The job of the source file at ``path``: its bytes and its sidecar's,
    and the ``authorities`` its registers use.

    :raises InputError: the source cannot be read.
    :raises MetadataError: the sidecar exists but cannot be read.
    """
    shown = str(path)
    data = read_bytes(path, shown)
    side = sidecar_path(path)
    try:
        side_data: bytes | None = side.read_bytes()
    except FileNotFoundError:
        side_data = None
    except IsADirectoryError:
        raise MetadataError("is a folder, not a metadata file", path=str(side)) from None
    except OSError as exc:
        raise MetadataError(f"cannot read: {exc.strerror}", path=str(side)) from None
    return Job(shown, path.name, data, str(side), side_data, str(out_dir), authorities)


def document_of(job: Job, encoding: str | None = None) -> Document:
    """Read, normalize and segment the job's source, with its sidecar."""
    source = decode_source(job.data, path=job.source, filename=job.filename, encoding=encoding)
    metadata = (parse_metadata(job.sidecar_data, path=job.sidecar) if job.sidecar_data is not None
                else Metadata())
    return segment(normalize(source, language=text_language(source, metadata)), metadata)


def make(job: Job, options: Options, report: pdf.Report | None = None) -> Made:
    """Every output of one job, made before anything is written; with a PDF,
    the EPUB has its page list (the page starts travel with the job's own
    work, so any executor gives the same bytes).

    The compiled stylesheet and schemas are made once per process and reused
    (``tools``), so a worker pays for them on its first job only.
    """
    validator, renderers = tools(options)
    document = document_of(job, options.encoding)
    name = document.source.name
    shown = str(Path(job.out_dir) / f"{name}.tei.xml")
    data, tree = checked_tei(document, validator, shown_as=shown, authorities=job.authorities)
    html = renderers.html.make(tree, renderers.paper, options.source_date_epoch, options.apparatus, options.reading)
    typeset = None
    if options.pdf:  # first: the EPUB carries the page breaks of this very PDF
        typeset = pdf.typeset(html, (lambda line: report(f"{name}.pdf: {line}")) if report is not None else None)
    pagination = Pagination(renderers.paper.label, typeset.starts) if typeset is not None else None
    outputs = [(f"{name}.tei.xml", data),
               (f"{name}.epub", renderers.epub.make(tree, options.source_date_epoch, options.apparatus,
                                                    options.reading, pagination)),
               (f"{name}.html", html)]
    if typeset is None:
        return Made(job.source, tuple(outputs))
    outputs.append((f"{name}.pdf", typeset.data))
    return Made(job.source, tuple(outputs), typeset.warnings, typeset.environment)


def make_or_error(job: Job, options: Options, report: pdf.Report | None = None) -> Made | EditionError:
    """``make``, with a user's error given back rather than raised: a task on
    a cluster returns it to the client, which reports it and goes on."""
    try:
        return make(job, options, report)
    except EditionError as err:
        return err


@functools.lru_cache(maxsize=4)
def tools(options: Options) -> tuple[Validator, Renderers]:
    """The validator and the renderers for ``options``, made once per process."""
    return Validator(), Renderers.create(PAPERS[options.paper], options.pdf, options.source_date_epoch)


def warm(options: Options) -> None:
    """Make in this process what every job needs (the stylesheet, the
    schemas, the language model), so that processes forked from it start
    with them."""
    tools(options)
    load_language_model()
