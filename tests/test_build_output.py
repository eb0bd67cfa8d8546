"""build/ in the repository (TEI, EPUB, HTML, PDF) is what the code makes
now, and nothing else.

After a change that alters the output, run `edition build` and review the
diff of build/ like code.  In a git checkout the files are read as
committed (``git show HEAD:build/…``), so a build run before the tests (as
the README's set-up does) cannot hide a stale commit.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

from PIL import Image

from edition.batch import find_sources
from edition.pipeline import LINKED_SCHEMAS, epub_bytes, html_bytes, load_document, tei_bytes
from edition.render import EpubMaker, pdf
from edition.render.pagination import Pagination
from edition.render.printed import PrintMaker
from edition.resources import schemas_dir
from tests.paths import REPO, SEEDS


def test_committed_build_matches_the_code(validator) -> None:
    out = REPO / "build"
    expected = {}
    maker = EpubMaker()
    for path in find_sources([SEEDS]):
        document = load_document(path)
        target = out / f"{document.source.name}.tei.xml"
        data = tei_bytes(document, validator)
        expected[target.name] = data
        page = html_bytes(data, str(target), PrintMaker())
        expected[f"{document.source.name}.html"] = page
        if pdf.available():  # the build's EPUB carries the page list of its PDF
            typeset = pdf.typeset(page)
            expected[f"{document.source.name}.pdf"] = typeset.data
            expected[f"{document.source.name}.epub"] = epub_bytes(data, str(target), maker,
                                                                 pagination=Pagination("A5", typeset.starts))
    for name in LINKED_SCHEMAS:  # what the TEI's xml-model links name, beside it
        expected[f"schemas/{name}"] = (schemas_dir() / name).read_bytes()
    committed = {name: data for name, data in committed_build().items()
                 if not name.endswith((".pdf", ".epub")) or pdf.available()}
    assert sorted(committed) == sorted(expected), "build/ holds other files than the code makes"
    stale = [name for name, data in expected.items() if comparable(committed[name]) != comparable(data)]
    assert not stale, f"build/ is stale for {stale}: run `edition build` and commit"


def committed_build() -> dict[str, bytes]:
    """The files of build/ as committed at HEAD; as on disk outside a git checkout."""
    git = shutil.which("git")
    if git and (REPO / ".git").exists():
        listed = subprocess.run([git, "-C", str(REPO), "ls-tree", "-r", "--name-only", "HEAD", "build/"],
                                check=True, capture_output=True, text=True).stdout.split()
        return {Path(name).relative_to("build").as_posix(): subprocess.run([git, "-C", str(REPO), "show", f"HEAD:{name}"],
                                                check=True, capture_output=True).stdout
                for name in listed}
    out = REPO / "build"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def comparable(data: bytes) -> object:
    """A file as compared: an EPUB entry by entry, its cover by size and mode;
    a PDF by its pages' size and text.

    The cover's and the PDF's glyphs come from the machine's FreeType and
    fonts, so another machine may draw them a little differently; that they
    are the same from build to build is tested on one machine (test_epub,
    test_print).
    """
    if data.startswith(b"%PDF"):
        from pypdf import PdfReader

        return [(tuple(page.mediabox), page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]
    if not data.startswith(b"PK"):
        return data
    entries: dict[str, object] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for info in book.infolist():
            raw = book.read(info)
            if info.filename.endswith("cover.png"):
                with Image.open(io.BytesIO(raw)) as image:
                    entries[info.filename] = (image.size, image.mode)
            else:
                entries[info.filename] = (raw, info.date_time, info.compress_type)
    return list(entries.items())


def test_same_input_same_bytes(validator) -> None:
    path = find_sources([SEEDS])[0]
    first = tei_bytes(load_document(path), validator)
    second = tei_bytes(load_document(path), validator)
    assert first == second
