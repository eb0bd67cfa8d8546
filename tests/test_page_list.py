"""The EPUB's page list is the pagination of the real typeset PDF: each
marker stands where its page begins in the PDF, the nav lists every marker,
the accessibility metadata says so only when there is one, and the
checkers accept it.  Each book is typeset once; the build and the command
line are checked against the same books."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree, html

from edition.check import check_ace, find_vnu, run_vnu
from edition.pipeline import load_document, tei_bytes
from edition.render import EpubMaker, pdf
from edition.render.pagination import Pagination
from edition.render.printed import PrintMaker
from edition.validate import parse
from tests.paths import CORPUS, SEED
from tests.robustness.epubcheck_batch import check_many
from tests.test_a11y import opf_claims

pypdf = pytest.importorskip("pypdf") if not os.environ.get("CI") else __import__("pypdf")
if not pdf.available() and not os.environ.get("CI"):
    pytest.skip("WeasyPrint is not installed", allow_module_level=True)

H = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
     "opf": "http://www.idpf.org/2007/opf"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
CORPUS_TEXTS = ("40_crypto-anarchist-manifesto-email", "52_fff-goettingen-weitermachen-rede-de")
"""Small development texts (none of the structure detector's dev-test split):
an English one whose PDF has pages that begin inside a word the typesetter
hyphenated, and a German one, besides the seed's page that begins inside a
paragraph and the one that begins inside its signatory list."""


def sources() -> list[Path]:
    return [SEED, *(p for p in (CORPUS / f"{name}.txt" for name in CORPUS_TEXTS) if p.exists())]


def squeeze(text: str) -> str:
    """Text as compared across PDF and EPUB: no white space, no hyphens
    (the typesetter adds them at line ends)."""
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


class Book:
    """One text: its TEI, print HTML, typeset PDF (text per page) and the EPUB made with its page starts."""

    def __init__(self, path: Path, validator) -> None:
        self.stem = path.stem
        self.source = path
        self.tei = tei_bytes(load_document(path), validator)
        tree = parse(self.tei, self.stem)
        self.html = PrintMaker().make(tree)
        self.pdf = pdf.typeset(self.html)
        self.pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(self.pdf.data)).pages]
        self.epub = EpubMaker().make(tree, pagination=Pagination("A5", self.pdf.starts))
        self.plain = EpubMaker().make(tree)
        with zipfile.ZipFile(io.BytesIO(self.epub)) as archive:
            self.files = {n.removeprefix("EPUB/"): archive.read(n) for n in archive.namelist()}
        opf = etree.fromstring(self.files["content.opf"])
        self.spine = [opf.xpath(f"string(//opf:item[@id='{ref}']/@href)", namespaces=H)
                      for ref in opf.xpath("//opf:itemref/@idref", namespaces=H)]
        self.heads = set(html.fromstring(self.html).xpath("//@data-running-head"))

    def document(self, name: str) -> etree._Element:
        return etree.fromstring(self.files[name])

    def body(self, number: int) -> str:
        """The squeezed text of PDF page ``number`` without its running head and
        folio (pypdf gives them after the body), without the apparatus's
        generated ", p. N" (the EPUB links instead) and the bullets of lists
        (which pypdf gives after the text)."""
        lines = [line.strip() for line in self.pages[number - 1].splitlines()]
        while lines and (lines[-1] in self.heads | {str(number), ""}):
            lines.pop()
        return re.sub(r",p\.\d+|•", "", squeeze("\n".join(lines)))

    def markers(self) -> list[tuple[str, etree._Element]]:
        """Every page-break marker of the book, in reading order, with its document."""
        found = []
        for name in self.spine:
            root = self.document(name)
            found += [(name, span) for span in root.iter("{http://www.w3.org/1999/xhtml}span")
                      if span.get(EPUB_TYPE) == "pagebreak"]
        return found


@pytest.fixture(scope="module")
def books(validator) -> dict[str, Book]:
    return {path.stem: Book(path, validator) for path in sources()}


@pytest.fixture(scope="module")
def book_files(books, tmp_path_factory) -> list[Path]:
    out = tmp_path_factory.mktemp("paged")
    paths = []
    for stem, book in books.items():
        paths.append(out / f"{stem}.epub")
        paths[-1].write_bytes(book.epub)
    return paths


def text_around(marker: etree._Element) -> tuple[str, str]:
    """The text of the marker's document (its body) before it and after it."""
    return ("".join(marker.xpath("preceding::text()[ancestor::h:body]", namespaces=H)),
            "".join(marker.xpath("following::text()", namespaces=H)))


def test_each_marker_stands_where_its_page_begins_in_the_pdf(books) -> None:
    """The text after page N's marker is the first text of PDF page N, and
    the text before it ends page N-1; where the typesetter hyphenated a word
    across the break, the marker follows that word."""
    hyphenated = 0
    for stem, book in books.items():
        assert book.pdf.starts, stem
        for _name, marker in book.markers():
            number = int(marker.get("aria-label"))
            before, after = text_around(marker)
            start = squeeze(after)[:30]
            body = book.body(number)
            if not squeeze(before):  # the document opens with this page
                assert body.casefold().startswith(start.casefold()), (stem, number)
                continue
            previous = next(n for n in range(number - 1, 0, -1) if book.body(n))
            end = squeeze(before)[-30:]
            joined = end + start
            # Case aside: the PDF's text of small capitals (the apparatus's rules) comes out in mixed case.
            ended, began, joined_ = book.body(previous).casefold(), body.casefold(), joined.casefold()
            cuts = [b for b in range(len(joined) + 1) if ended.endswith(joined_[:b]) and began.startswith(joined_[b:])]
            last_word = squeeze(before.split()[-1]) if before.split() else ""
            assert cuts, (stem, number, end, start)
            cut = max(cuts)
            assert len(end) - len(last_word) < cut <= len(end), (stem, number, joined, cut)
            hyphenated += cut < len(end)
    assert hyphenated >= (1 if len(books) > 1 else 0), "a page that begins inside a hyphenated word is tested"


def test_a_sample_of_blocks_is_on_the_page_where_the_pdf_shows_it(books) -> None:
    """For every third block of the EPUB's units and apparatus, the last page
    break before its text is the PDF page where that text begins."""
    checked = 0
    for stem, book in books.items():
        page = 0
        searched_from = min(int(s.label) for s in book.pdf.starts)
        for name in book.spine:
            root = book.document(name)
            blocks = root.xpath("//h:body//*[self::h:p or self::h:li or self::h:h1][@id]", namespaces=H)
            for index, block in enumerate(blocks):
                before = block.xpath("(.//text()[normalize-space()])[1]/preceding::h:span"
                                     "[@epub:type='pagebreak'][1]/@aria-label", namespaces=H)
                page = int(before[0]) if before else page  # none in this document: the page goes on
                opening = squeeze("".join(block.itertext()))[:30]
                if not page or index % 3 or len(opening) < 8:
                    continue
                # The first page from here that shows it; a text that repeats (a title quoted in
                # a mail's subject line) may show it on several, of which the block's must be one.
                shown = [n for n in range(searched_from, len(book.pages) + 1) if opening in book.body(n)]
                assert shown and (shown[0] == page or len(shown) > 1 and page in shown), (stem, block.get("id"))
                searched_from = page
                checked += 1
    assert checked > 20


def test_the_page_list_lists_every_marker_in_order(books) -> None:
    for stem, book in books.items():
        nav = book.document("nav.xhtml")
        [page_list] = nav.xpath("//h:nav[@epub:type='page-list']", namespaces=H)
        assert page_list.get("hidden") is not None and page_list.get("role") == "doc-pagelist"
        links = page_list.xpath("h:ol/h:li/h:a", namespaces=H)
        markers = book.markers()
        assert [a.get("href") for a in links] == [f"{name}#{m.get('id')}" for name, m in markers], stem
        labels = [a.text for a in links]
        assert labels == [m.get("aria-label") for _name, m in markers]
        assert labels == [s.label for s in book.pdf.starts], "every page start has its marker"
        numbers = [int(label) for label in labels]
        assert numbers == sorted(set(numbers)), "one marker per page, in page order"
        for _name, m in markers:
            assert m.get("role") == "doc-pagebreak" and m.get("id") == f"page-{m.get('aria-label')}"
            assert len(m) == 0 and not (m.text or "").strip()
        for number in numbers:  # the label is the folio printed on that page of the PDF
            last = [line.strip() for line in book.pages[number - 1].strip().splitlines()][-2:]
            assert str(number) in last, (stem, number)


def test_page_metadata_only_with_a_page_list(books) -> None:
    from edition import __version__

    book = books[SEED.stem]
    paged = opf_claims(book.epub)
    assert {"pageNavigation", "printPageNumbers"} <= set(paged["schema:accessibilityFeature"])
    assert paged["pageBreakSource"] == [f"Print edition, A5 (PDF made by edition {__version__})"]
    assert "page list" in paged["schema:accessibilitySummary"][0]
    plain = opf_claims(book.plain)
    assert not {"pageNavigation", "printPageNumbers"} & set(plain["schema:accessibilityFeature"])
    assert "pageBreakSource" not in plain and "page" not in plain["schema:accessibilitySummary"][0]
    with zipfile.ZipFile(io.BytesIO(book.plain)) as archive:
        assert not any(b"pagebreak" in archive.read(n) or b"page-list" in archive.read(n)
                       for n in archive.namelist())
    tree = parse(book.tei, "seed")
    assert EpubMaker().make(tree, pagination=Pagination("A5", ())) == book.plain, "no page start, no change"


def test_the_checkers_report_nothing_on_paged_books(book_files, tmp_path) -> None:
    """EPUBCheck on every paged book; Ace (a browser per book, the slow part)
    and the Nu checker on the seed, whose markers stand in each kind of place
    (before a heading, in a paragraph, in a list item, in the apparatus); the
    Nu checker on its content and navigation documents once the EPUB
    vocabulary it does not know (epub:type, which EPUBCheck checks) is taken off."""
    assert check_many(book_files) == {}
    results = check_ace(book_files[:1])
    assert [line for r in results for line in r.details] == []
    if find_vnu() is None:
        if os.environ.get("CI"):
            pytest.fail("the Nu checker (vnu-jar) is needed")
        return
    pages = []
    with zipfile.ZipFile(book_files[0]) as archive:
        for name in archive.namelist():
            if name.endswith(".xhtml"):
                root = etree.fromstring(archive.read(name))
                for element in root.iter():
                    element.attrib.pop(EPUB_TYPE, None)
                pages.append(tmp_path / Path(name).name)
                pages[-1].write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8",
                                                     doctype="<!DOCTYPE html>"))
    assert b"doc-pagebreak" in b"".join(p.read_bytes() for p in pages)
    messages = run_vnu(pages)
    assert [str(m) for m in messages if m.kind in ("error", "non-document-error")] == []


def test_a_parallel_build_gives_the_epub_its_own_pdfs_page_list(run, books, tmp_path) -> None:
    """``edition build -j 2`` typesets each source in a worker, and its EPUB
    is the book made here with the page starts of that PDF, byte for byte."""
    chosen = list(books.values())[:2]
    result = run("build", *(b.source for b in chosen), "-o", tmp_path, "-j", 2)
    assert result.exit_code == 0, result.stderr
    assert "no page list" not in result.stderr
    for book in chosen:
        assert (tmp_path / f"{book.stem}.epub").read_bytes() == book.epub, book.stem


def test_a_build_without_pdf_says_once_that_its_epubs_have_no_page_list(run, books, tmp_path) -> None:
    chosen = list(books.values())[:2]
    result = run("build", *(b.source for b in chosen), "-o", tmp_path, "--no-pdf", "-j", 1)
    assert result.exit_code == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "no page list" in line]
    assert said == ["note: the EPUBs have no page list, since no PDF was typeset (--no-pdf)"]
    for book in chosen:
        assert (tmp_path / f"{book.stem}.epub").read_bytes() == book.plain


def test_the_epub_command_learns_the_pages_by_typesetting(run, books, tmp_path) -> None:
    book = books[SEED.stem]
    tei = tmp_path / "seed.tei.xml"
    tei.write_bytes(book.tei)
    assert run("epub", tei, "-o", tmp_path / "paged.epub", "--page-list").exit_code == 0
    assert (tmp_path / "paged.epub").read_bytes() == book.epub
    result = run("epub", tei, "-o", tmp_path / "plain.epub")
    assert result.exit_code == 0 and "page list" not in result.stderr
    assert (tmp_path / "plain.epub").read_bytes() == book.plain
