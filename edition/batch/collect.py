"""A collection's outputs, made once every text of a build is: its
``teiCorpus``, then from that alone its EPUB and printed volume.

The corpus is rewritten only when its bytes change; the EPUB, HTML and PDF
are remade only when the manifest's record of them no longer holds (a text
changed, the pipeline, the options), since typesetting a volume of many
texts takes minutes.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from edition.batch import manifest
from edition.batch.jobs import Options, tools
from edition.collection import ordered
from edition.errors import MetadataError, ValidationError
from edition.model import Collection
from edition.output import write_atomic, write_if_changed
from edition.pipeline import SCHEMA_HREF
from edition.render import pdf
from edition.render.pdf import Report
from edition.render.printed import PAPERS
from edition.render.volume_epub import VolumeEpubMaker
from edition.render.volume_print import VolumePrintMaker
from edition.render.xhtml import Stylesheet
from edition.tei.corpus import corpus_bytes
from edition.validate import parse, parse_file


def corpus_name(collection: Collection) -> str:
    """The stem every output of the collection shares: ``NAME.corpus``."""
    return f"{collection.name}.corpus"


def write_collection(collection: Collection, out_dir: Path, texts: list[str], options: Options,
                     records: dict[str, manifest.Entry], report: Report | None = None
                     ) -> tuple[list[Path], tuple[str, ...], bool]:
    """Write the collection of ``texts`` (names of TEI files in ``out_dir``)
    and update its record in ``records``.  Gives the files written or kept
    (the ``teiCorpus`` first), what the typesetter warned of, and whether
    the EPUB and volume were remade.

    :raises MetadataError: the collection's order names a text the build has not.
    :raises ValidationError: the corpus breaks the project's schemas.
    """
    stem = corpus_name(collection)
    target = out_dir / f"{stem}.tei.xml"
    members = [parse_file(out_dir / f"{name}.tei.xml").getroot() for name in ordered(collection, texts)]
    data = corpus_bytes(collection, members, SCHEMA_HREF)
    validator, renderers = tools(options)
    tree = parse(data, str(target))
    problems = validator.check(tree, str(target))
    if problems:
        raise ValidationError(f"the collection's TEI is invalid: {problems[0]}", path=collection.path)
    write_if_changed(target, data)
    made = manifest.collection_made_from(data, options)
    record = records.get(stem)
    warnings: tuple[str, ...] = ()
    remade = False
    if record is None or not manifest.current(record, made, out_dir):
        records.pop(stem, None)  # no record while its files are replaced
        outputs, warnings = _volume(tree, stem, options, renderers.epub.stylesheet, report)
        for name, output in outputs:
            write_atomic(out_dir / name, output)
        record = manifest.entry_of(Path(collection.path).name, made, [(target.name, data), *outputs])
        records[stem] = record
        remade = True
    return [target, *(out_dir / name for name in sorted(record.outputs) if name != target.name)], warnings, remade


def _volume(tree: etree._ElementTree, stem: str, options: Options, stylesheet: Stylesheet,
            report: Report | None) -> tuple[list[tuple[str, bytes]], tuple[str, ...]]:
    """The collection's EPUB, print HTML and (with ``options.pdf``) PDF, made
    from its ``teiCorpus``; and what the typesetter warned of."""
    html = VolumePrintMaker(stylesheet).make(tree, PAPERS[options.paper], options.source_date_epoch)
    outputs = [(f"{stem}.epub", VolumeEpubMaker(stylesheet).make(tree, options.source_date_epoch)),
               (f"{stem}.html", html)]
    if not options.pdf:
        return outputs, ()
    said = (lambda line: report(f"{stem}.pdf: {line}")) if report is not None else None
    typeset = pdf.typeset(html, said)
    outputs.append((f"{stem}.pdf", typeset.data))
    return outputs, typeset.warnings


def check_can_make(collection: Collection, failed: int, names: dict[str, str]) -> None:
    """Refuse a collection that would lack a text or overwrite one.

    :raises MetadataError: some of its texts failed, or a text is named like its corpus.
    """
    if failed:
        raise MetadataError(f"collection not made: {failed} of its texts failed", path=collection.path)
    if corpus_name(collection) in names:
        raise MetadataError(f"collection not made: {corpus_name(collection)}.tei.xml would overwrite a "
                            "text's TEI", path=collection.path)
