"""The stages chained: a source file to a validated TEI file and its outputs.

Only this module, ``batch`` and the CLI touch the file system; each stage in
between is a pure function of its input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from edition.authorities import NONE, Authorities, find_file, load_authorities
from edition.errors import ValidationError
from edition.metadata import load_metadata
from edition.model import Document, Metadata, Source
from edition.normalize import normalize
from edition.output import write_if_changed
from edition.read import read_source
from edition.render import EpubMaker, Stylesheet
from edition.render.pagination import Pagination
from edition.render.printed import PAPERS, Paper, PrintMaker
from edition.resources import schemas_dir
from edition.segment import segment
from edition.segment.language import guess_language
from edition.tei import build as build_tei
from edition.tei import serialize
from edition.validate import Validator, parse


def text_language(source: Source, metadata: Metadata) -> str:
    """The language a text is edited in: the sidecar's, else the guess from
    its text; decided before normalizing, whose typography follows it."""
    return metadata.language or guess_language(source.text)


def load_document(path: Path, encoding: str | None = None) -> Document:
    """Read, normalize and segment one source, with its sidecar metadata;
    ``encoding`` overrides the detected one."""
    source = read_source(path, encoding=encoding)
    metadata = load_metadata(path)
    return segment(normalize(source, language=text_language(source, metadata)), metadata)


SCHEMA_HREF = "schemas/"
"""Where every TEI file written links its schemas: a ``schemas/`` folder
beside it, which the writer fills (``write_schemas``), so the links resolve
wherever the folder is copied and name nothing of the machine it was built on."""

LINKED_SCHEMAS = ("edition.rng", "edition.sch")


def write_schemas(out_dir: Path) -> Path:
    """Put the schemas the TEI links to into ``out_dir/schemas/``, as the
    package ships them; files already the same are left untouched.

    :raises OutputError: the folder cannot be made or a file written.
    """
    target = out_dir / SCHEMA_HREF
    for name in LINKED_SCHEMAS:
        write_if_changed(target / name, (schemas_dir() / name).read_bytes())
    return target


def authorities_for(source: Path, given: Path | None = None) -> Authorities:
    """The authority file a source's registers use: the one ``given``, else
    the one in the source's folder (``authorities.json`` or ``.csv``), else none.

    :raises MetadataError: the file cannot be read or breaks its schema.
    """
    return load_authorities(given if given is not None else find_file(source.parent))


def checked_tei(document: Document, validator: Validator, href: str = SCHEMA_HREF,
                shown_as: str = "", authorities: Authorities = NONE) -> tuple[bytes, etree._ElementTree]:
    """The TEI of a document as bytes and as parsed from them, refused if it
    breaks the project's schemas.

    The bytes to be written are what is validated, so problems carry the
    line of the TEI file they would be found at (``shown_as``); the parsed
    tree is what the renderers then read, as they would read the file.
    """
    data = serialize(build_tei(document, schema_href=href, authorities=authorities))
    name = shown_as or f"{document.source.name}.tei.xml"
    tree = parse(data, name)
    problems = validator.check(tree, name)
    if problems:
        raise ValidationError(f"the TEI made from this source is invalid: {problems[0]}",
                              path=document.source.path,
                              problems=tuple(str(p) for p in problems))
    return data, tree


def tei_bytes(document: Document, validator: Validator, href: str = SCHEMA_HREF,
              shown_as: str = "", authorities: Authorities = NONE) -> bytes:
    """The TEI of a document, refused if it breaks the project's schemas."""
    return checked_tei(document, validator, href, shown_as, authorities)[0]


def epub_bytes(tei_data: bytes, shown_as: str, maker: EpubMaker,
               source_date_epoch: str | None = None, pagination: Pagination | None = None) -> bytes:
    """The EPUB of a TEI file's bytes, made from the parsed TEI (as a
    hand-edited file would be), dated by ``source_date_epoch`` when given;
    with ``pagination``, the page list of that print edition."""
    return maker.make(parse(tei_data, shown_as), source_date_epoch, pagination=pagination)


@dataclass(frozen=True)
class Renderers:
    """The output makers of a build, made once and reused for every source.

    ``pdf`` is whether to typeset a PDF (needs WeasyPrint); ``source_date_epoch``
    is the reproducible-builds date the CLI read from the environment.
    """

    epub: EpubMaker
    html: PrintMaker
    paper: Paper = PAPERS["a5"]
    pdf: bool = False
    source_date_epoch: str | None = None

    @classmethod
    def create(cls, paper: Paper = PAPERS["a5"], pdf: bool = False,
               source_date_epoch: str | None = None) -> Renderers:
        """Both makers around one compiled TEI-to-XHTML stylesheet."""
        stylesheet = Stylesheet()
        return cls(EpubMaker(stylesheet), PrintMaker(stylesheet), paper, pdf, source_date_epoch)


def html_bytes(tei_data: bytes, shown_as: str, maker: PrintMaker, paper: Paper = PAPERS["a5"],
               source_date_epoch: str | None = None) -> bytes:
    """The print HTML of a TEI file's bytes, made from the parsed TEI."""
    return maker.make(parse(tei_data, shown_as), paper, source_date_epoch)
