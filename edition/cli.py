"""The ``edition`` command: one subcommand per stage, plus ``build``.

This is the only module that prints or exits: library code raises
``EditionError`` subclasses, turned here into one-line messages and the
exit status of their class (``--debug`` shows the traceback instead).
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from edition import __version__
from edition.errors import EditionError, ToolError


class Terminated(BaseException):
    """Raised by the SIGTERM handler, so a terminated run unwinds (and
    removes its temporary files) as an interrupted one does."""


@dataclass
class _Signals:
    """The interruptions that arrived while a command ran.

    Python raises the interruption wherever the main thread is; when that is
    inside an object's finalizer (a ZipFile's ``__del__``), the exception is
    printed and dropped and the run would go on.  The loop over sources asks
    ``check`` after every source, so a dropped interruption still stops it.
    """

    received: list[int] = field(default_factory=list)

    def on_signal(self, signum: int, frame: object) -> None:
        self.received.append(signum)
        self.check()

    def check(self) -> None:
        if self.received:
            raise KeyboardInterrupt() if self.received[0] == signal.SIGINT else Terminated()


_INTERRUPTIONS = {KeyboardInterrupt: ("SIGINT", 130), Terminated: ("SIGTERM", 143)}
"""Exit statuses 128 + signal number, as a shell reports a killed command."""


class _Group(click.Group):
    """Turns our errors and interruptions into a message and an exit status,
    in one place."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # SIGTERM unwinds like Ctrl-C while a command runs (main thread only,
        # where Python delivers signals); the previous handlers come back after.
        signals = _Signals()
        previous = {}
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                if signal.getsignal(signum) is not signal.SIG_IGN:  # "nohup" stays nohup
                    previous[signum] = signal.signal(signum, signals.on_signal)
        kwargs.setdefault("obj", {})["signals"] = signals
        try:
            return super().main(*args, **kwargs)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EditionError as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {err}", err=True)
            ctx.exit(err.exit_code)
        except (KeyboardInterrupt, Terminated) as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            name, status = _INTERRUPTIONS[type(err) if type(err) in _INTERRUPTIONS
                                          else KeyboardInterrupt]
            click.echo(f"error: interrupted by {name}: stopped; every output file written "
                       "is complete (none is left half-written)", err=True)
            ctx.exit(status)


AUTHORITIES = click.option(
    "--authorities", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
    help="The authority file (JSON or CSV, schemas/authorities.schema.json) whose ids and identifiers the "
         "registers take [default: authorities.json or authorities.csv beside the sources].")
ENCODING = click.option(
    "--encoding", metavar="NAME", default=None,
    help="Decode the source with this encoding (e.g. cp1251, koi8-r, cp1252, latin-1) "
         "instead of detecting it.")


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="edition")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Plain-text statements, letters and news posts to validated TEI P5."""
    ctx.obj = {**(ctx.obj or {}), "debug": debug}


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@ENCODING
def read(file: Path, encoding: str | None) -> None:
    """Decode FILE and print its text (encoding and checksum on stderr)."""
    from edition.read import read_source

    source = read_source(file, str(file), encoding)
    basis = f" ({source.encoding_basis})" if source.encoding_basis not in ("", "utf-8") else ""
    click.echo(f"{source.path}: {source.encoding}{basis}, sha256 {source.sha256}", err=True)
    click.echo(source.text, nl=False)


@cli.command("normalize")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--diff", is_flag=True, help="Show the interventions as a diff.")
@ENCODING
def normalize_cmd(file: Path, diff: bool, encoding: str | None) -> None:
    """Print FILE normalized, or with --diff what normalizing changed (by the
    typography of its language: the sidecar's, else the guessed one)."""
    from edition.diff import intervention_diff
    from edition.metadata import load_metadata
    from edition.normalize import normalize
    from edition.pipeline import text_language
    from edition.read import read_source

    source = read_source(file, str(file), encoding)
    normalized = normalize(source, language=text_language(source, load_metadata(file)))
    click.echo(intervention_diff(normalized) if diff else normalized.text + "\n", nl=False)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="For a person (text) or for tools (json).")
@click.option("--uncertain", is_flag=True,
              help="Only the blocks the detector was not sure of, low certainty first "
                   "(in JSON: a review list besides the units).")
@ENCODING
def explain(file: Path, fmt: str, uncertain: bool, encoding: str | None) -> None:
    """Show every block of FILE with its type, rule, certainty and source lines."""
    from edition.explain import explain_json, explain_text
    from edition.pipeline import load_document

    document = load_document(file, encoding)
    click.echo(explain_json(document, uncertain) if fmt == "json"
               else explain_text(document, uncertain=uncertain), nl=False)


@cli.command("segment")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@ENCODING
def segment_cmd(file: Path, encoding: str | None) -> None:
    """Print the segmentation of FILE as JSON (same as explain --format json)."""
    from edition.explain import explain_json
    from edition.pipeline import load_document

    click.echo(explain_json(load_document(file, encoding)), nl=False)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the TEI here instead of to standard output.")
@ENCODING
@AUTHORITIES
def tei(file: Path, output: Path | None, encoding: str | None, authorities: Path | None) -> None:
    """Make the validated TEI of FILE, with its registers of names."""
    from edition.output import write_atomic
    from edition.pipeline import authorities_for, load_document, tei_bytes, write_schemas
    from edition.validate import Validator

    known = authorities_for(file, authorities)
    document = load_document(file, encoding)
    data = tei_bytes(document, Validator(), shown_as=str(output or "-"), authorities=known)
    if output:
        write_schemas(output.parent)
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)


def _rendered(file: Path, no_validate: bool, render: Callable[[Any], bytes]) -> bytes:
    """``render`` applied to the TEI FILE, checked against the schemas first
    unless ``no_validate``; the stylesheet's warnings are printed."""
    import warnings

    from edition.errors import ValidationError
    from edition.render import RenderWarning
    from edition.validate import Validator, parse_file

    tree = parse_file(file)
    problems = [] if no_validate else Validator().check(tree, str(file))
    if problems:
        first = problems[0]
        raise ValidationError(f"not valid against the project's schemas: {first.message}"
                              f" ({len(problems)} problem(s); see `edition validate`)",
                              path=first.path, line=first.line)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RenderWarning)
        data = render(tree)
    for warning in caught:
        click.echo(f"warning: {file}: {warning.message}", err=True)
    return data


def _say(line: str) -> None:
    """How a long step in this process (typesetting) is going, on standard error."""
    click.echo(line, err=True)


def _source_date_epoch() -> str | None:
    import os

    return os.environ.get("SOURCE_DATE_EPOCH")


NO_VALIDATE = click.option("--no-validate", is_flag=True, help="Render even if FILE breaks the schemas.")
APPARATUS = click.option("--apparatus", type=click.Choice(["full", "none"]), default="full", show_default=True,
                         help="Give the edition an editorial apparatus: every change made to the source's text, "
                              "keyed to its place, with the source's reading (none: leave it out).")
READING = click.option("--reading", type=click.Choice(["regularized", "diplomatic"]), default="regularized",
                       show_default=True,
                       help="Render the edition's reading, or the source's: its every original reading and "
                            "its line breaks (diplomatic; no apparatus then).")
PAPER = click.option("--paper", type=click.Choice(["a5", "a4", "letter"]), default="a5", show_default=True,
                     help="Trim size of the print edition.")


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the EPUB.")
@APPARATUS
@READING
@PAPER
@click.option("--page-list/--no-page-list", "page_list", default=False, show_default=True,
              help="Mark the page breaks of the print edition on --paper, laid out (not written) to learn "
                   "them, and list them in the nav, as `edition build` does when it typesets the PDF (needs "
                   "WeasyPrint; a long text takes as long as its PDF).")
@NO_VALIDATE
def epub(file: Path, output: Path, apparatus: str, reading: str, paper: str, page_list: bool,
         no_validate: bool) -> None:
    """Make an EPUB 3 from the TEI FILE (which may be hand-edited).

    FILE is checked against the project's schemas first.  The zip is dated by
    SOURCE_DATE_EPOCH when set, else by the TEI's date, so the same TEI gives
    the same bytes.
    """
    from edition.output import write_atomic
    from edition.render import EpubMaker, pdf
    from edition.render.pagination import Pagination
    from edition.render.printed import PAPERS
    from edition.render.volume import is_corpus
    from edition.render.volume_epub import VolumeEpubMaker

    if page_list and not pdf.available():
        raise ToolError("--page-list needs WeasyPrint: pip install 'edition[pdf]'")
    paged = page_list

    def make(tree: Any) -> bytes:
        if is_corpus(tree):
            if page_list:
                click.echo(f"note: {output}: a collection's EPUB has no page list", err=True)
            return VolumeEpubMaker().make(tree, _source_date_epoch())
        pagination = None
        if paged:
            starts = pdf.paginate(_print_html(tree, paper, apparatus, reading))
            pagination = Pagination(PAPERS[paper].label, starts)
        return EpubMaker().make(tree, _source_date_epoch(), apparatus == "full", reading, pagination)

    write_atomic(output, _rendered(file, no_validate, make))


def _print_html(tree: Any, paper: str, apparatus: str, reading: str) -> bytes:
    """The print HTML of a TEI tree: a text's edition, or a collection's volume."""
    from edition.render.printed import PAPERS, PrintMaker
    from edition.render.volume import is_corpus
    from edition.render.volume_print import VolumePrintMaker

    if is_corpus(tree):
        return VolumePrintMaker().make(tree, PAPERS[paper], _source_date_epoch())
    return PrintMaker().make(tree, PAPERS[paper], _source_date_epoch(), apparatus == "full", reading)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the HTML here instead of to standard output.")
@PAPER
@APPARATUS
@READING
@NO_VALIDATE
def html(file: Path, output: Path | None, paper: str, apparatus: str, reading: str, no_validate: bool) -> None:
    """Make the print edition's HTML from the TEI FILE: one self-contained file
    (CSS inlined, nothing fetched) for a CSS paged-media engine and for screens."""
    from edition.output import write_atomic

    data = _rendered(file, no_validate, lambda tree: _print_html(tree, paper, apparatus, reading))
    if output:
        write_atomic(output, data)
    else:
        sys.stdout.buffer.write(data)


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the PDF.")
@PAPER
@APPARATUS
@READING
@NO_VALIDATE
def pdf(file: Path, output: Path, paper: str, apparatus: str, reading: str, no_validate: bool) -> None:
    """Typeset the TEI FILE's print edition to PDF with WeasyPrint (the pdf extra)."""
    from edition.output import write_atomic
    from edition.render import pdf as typesetter

    page = _rendered(file, no_validate, lambda tree: _print_html(tree, paper, apparatus, reading))
    result = typesetter.typeset(page, lambda line: _say(f"{output}: {line}"))
    for message in result.environment:
        click.echo(f"warning: {message}", err=True)
    for message in result.warnings:
        click.echo(f"warning: {file}: WeasyPrint: {message}", err=True)
    write_atomic(output, result.data)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check TEI FILES against the project's RELAX NG and Schematron schemas.

    Each problem is printed as FILE:LINE: message.
    """
    from edition.validate import Validator

    validator = Validator()
    bad = 0
    worst = 0
    for file in files:
        try:
            problems = validator.check_file(file)
        except EditionError as err:
            click.echo(f"{err}", err=True)
            bad, worst = bad + 1, max(worst, err.exit_code)
            continue
        for problem in problems:
            click.echo(str(problem), err=True)
        if problems:
            bad, worst = bad + 1, max(worst, 7)
        else:
            click.echo(f"{file}: valid")
    if bad:
        click.echo(f"{bad} of {len(files)} file(s) invalid", err=True)
        sys.exit(worst)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text", show_default=True,
              help="For a person (text), for tools (json), or as an authority file to fill in (csv).")
@click.option("--unknown", is_flag=True, help="Only the entities that have no authority id yet.")
@AUTHORITIES
@ENCODING
def registers(files: tuple[Path, ...], fmt: str, unknown: bool, authorities: Path | None,
              encoding: str | None) -> None:
    """List every organisation, person and place of FILES (sources, TEI files,
    or folders of them) with the texts each appears in (signed, credited or
    named) and its authority ids: the editor's worklist.  Nothing is looked up."""
    from edition.batch import find_sources
    from edition.errors import EditionError
    from edition.pipeline import authorities_for, load_document
    from edition.registers import csv_table, is_tei_file, json_table, rows_of, text_table
    from edition.tei import build as build_tei
    from edition.validate import parse_file

    paths: list[Path] = []
    for path in files:
        paths.extend(sorted([*path.glob("*.txt"), *path.glob("*.tei.xml")]) if path.is_dir()
                     else find_sources([path]))
    trees, failed = [], 0
    for path in paths:
        try:
            trees.append(parse_file(path) if is_tei_file(path) else
                         build_tei(load_document(path, encoding), authorities=authorities_for(path, authorities)))
        except EditionError as err:
            click.echo(f"error: {err}", err=True)
            failed += 1
    rows = [r for r in rows_of(trees) if not (unknown and r.entity.identifiers)]
    click.echo({"text": text_table, "json": json_table, "csv": csv_table}[fmt](rows), nl=False)
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build"), show_default=True, help="Folder for the outputs.")
@PAPER
@click.option("--pdf/--no-pdf", "want_pdf", default=None,
              help="Typeset NAME.pdf too [default: when WeasyPrint is installed].")
@APPARATUS
@READING
@ENCODING
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Build N sources at once, one worker process each [default: every core]; "
                   "1 builds in this process.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Send the sources to the Dask scheduler at ADDRESS (tcp://host:8786) instead "
                   "(the cluster extra).")
@click.option("--force", is_flag=True, help="Rebuild every source, even those whose outputs are current.")
@click.option("--prune", is_flag=True,
              help="Remove the outputs of sources no longer built (as the folder's manifest lists them).")
@click.option("--collection", "collection_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE", help="Also make the collection FILE describes (schemas/collection.schema.json) "
                                   "of all the texts: NAME.corpus.tei.xml (a teiCorpus), and from it "
                                   "NAME.corpus.epub, .html and .pdf, NAME being FILE's name less .json.")
@AUTHORITIES
def build(sources: tuple[Path, ...], out_dir: Path, paper: str, want_pdf: bool | None, apparatus: str,
          reading: str, encoding: str | None, jobs: int | None, scheduler: str | None, force: bool, prune: bool,
          collection_file: Path | None, authorities: Path | None) -> None:
    """Run every stage for SOURCES (files or folders; seeds/ by default).

    Writes NAME.tei.xml, NAME.epub and NAME.html for each source, and
    NAME.pdf when WeasyPrint is installed; then the EPUB carries the page
    breaks of that PDF and lists them.  The folder's edition-manifest.json
    records what each was made from: a source whose outputs are current
    (same source, sidecar, options and edition) is skipped.
    """
    import time

    from edition.batch import Options, build_all, default_workers, executor_for, find_sources
    from edition.render import pdf

    if want_pdf and not pdf.available():
        raise ToolError("--pdf needs WeasyPrint: pip install 'edition[pdf]'")
    options = Options(paper, pdf.available() if want_pdf is None else want_pdf, _source_date_epoch(), encoding,
                      apparatus == "full", reading)
    collection = None
    if collection_file is not None:
        from edition.collection import load_collection

        collection = load_collection(collection_file)
    known = None
    if authorities is not None:
        from edition.authorities import load_authorities

        known = load_authorities(authorities)
    paths = find_sources(sources or (Path("seeds"),))
    if not paths:
        click.echo("nothing to build: no .txt sources found", err=True)
        sys.exit(3)
    executor = executor_for(jobs or default_workers(), scheduler, len(paths), report=_say)
    signals = click.get_current_context().find_root().obj.get("signals", _Signals())
    if len(paths) > 1:
        started = time.monotonic()
        with click.progressbar(length=len(paths), label="building", file=sys.stderr,
                               item_show_func=lambda rate: rate) as bar:

            def advance(_outcome: str, _source: str) -> None:
                seconds = time.monotonic() - started
                bar.update(1, f"{(bar.pos + 1) / seconds:.1f} docs/s" if seconds > 0 else None)
                signals.check()

            summary = build_all(paths, out_dir, options, executor, force, prune, advance, collection, _say, known)
    else:
        summary = build_all(paths, out_dir, options, executor, force, prune,
                            lambda _o, _s: signals.check(), collection, _say, known)
    # What WeasyPrint says of the machine holds for the whole run: said once.
    for message in dict.fromkeys(m for done in summary.built for m in done.environment):
        click.echo(f"warning: {message}", err=True)
    for done in [*summary.built, *([summary.collection] if summary.collection else [])]:
        for message in done.warnings:
            click.echo(f"warning: {done.source}: WeasyPrint: {message}", err=True)
    if summary.built and not options.pdf:  # one line for the whole build, not one per EPUB
        why = "--no-pdf" if want_pdf is False else "WeasyPrint is not installed: pip install 'edition[pdf]'"
        click.echo(f"note: the EPUBs have no page list, since no PDF was typeset ({why})", err=True)
    order = {str(p): k for k, p in enumerate(paths)}
    failed = sorted(summary.failed, key=lambda f: order.get(f.source, len(order)))
    for failure in failed:
        click.echo(f"error: {failure.error}", err=True)
    click.echo(_summary_line(summary, len(paths), out_dir), err=True)
    if failed:
        sys.exit(failed[0].error.exit_code if len(paths) == 1 else 1)


def _summary_line(summary: Any, sources: int, out_dir: Path) -> str:
    """``built 3 of 5 source(s) into build/; 1 unchanged; 1 failed`` and what was pruned or kept."""
    line = f"built {len(summary.built)} of {sources} source(s) into {out_dir}/"
    if summary.skipped:
        line += f"; {len(summary.skipped)} unchanged, skipped (--force rebuilds them)"
    if summary.failed:
        line += f"; {len(summary.failed)} failed"
    if summary.pruned:
        line += f"; {len(summary.pruned)} output file(s) of removed sources pruned"
    if summary.kept:
        line += f"; {len(summary.kept)} output file(s) no source here makes kept (--prune removes them)"
    if summary.collection:
        files = ", ".join(p.name for p in summary.collection.outputs)
        line += (f"; the collection: {files}" if summary.collection_remade
                 else f"; the collection unchanged ({summary.collection.outputs[0].name})")
    return line


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def check(folder: Path) -> None:
    """Run EPUBCheck and the TEI schemas over what was built in FOLDER."""
    from edition.check import check_build
    from edition.validate import Validator

    results = check_build(folder, Validator())
    for result in results:
        status = "PASS" if result.ok else "FAIL"
        click.echo(f"{status}  {result.path}  [{result.tool}] {result.summary}")
        for line in result.details:
            click.echo(f"      {line}")
    failed = sum(not r.ok for r in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        sys.exit(1)


def main() -> None:
    cli(prog_name="edition")
