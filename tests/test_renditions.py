"""The two renditions of one TEI: the edition's reading and the source's
(diplomatic), each checked against the text it claims to give, and by the
checkers."""

from __future__ import annotations

import copy
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree, html

from edition.check import check_ace, find_vnu, run_vnu
from edition.pipeline import load_document, tei_bytes
from edition.read import read_source
from edition.render import EpubMaker
from edition.render.printed import PrintMaker
from edition.tei.readings import regularized
from edition.validate import parse
from tests.paths import SEED, corpus_texts
from tests.robustness.epubcheck_batch import check_many

T = {"t": "http://www.tei-c.org/ns/1.0"}
H = {"h": "http://www.w3.org/1999/xhtml"}
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What XML cannot carry: left out of the TEI, so of every rendition (the header counts it)."""
SOURCES = [SEED, *corpus_texts()]


def squeezed(text: str) -> str:
    """``text`` without whitespace: the renditions differ from the source in layout whitespace only."""
    return "".join(text.split())


@pytest.fixture(scope="module")
def teis(validator) -> dict[str, bytes]:
    return {path.stem: tei_bytes(load_document(path), validator) for path in SOURCES}


@pytest.fixture(scope="module")
def diplomatic_pages(teis) -> dict[str, bytes]:
    maker = PrintMaker()
    return {stem: maker.make(parse(tei, stem), reading="diplomatic") for stem, tei in teis.items()}


def main_text(page: bytes) -> str:
    return " ".join(section.text_content() for section in html.fromstring(page).xpath("//main/*"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_the_diplomatic_text_is_the_sources(path: Path, diplomatic_pages) -> None:
    source = NOT_IN_XML.sub("", read_source(path).text)
    assert squeezed(main_text(diplomatic_pages[path.stem])) == squeezed(source)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_the_regularized_text_is_the_teis_reg_reading(path: Path, teis) -> None:
    tree = parse(teis[path.stem], path.stem)
    page = PrintMaker().make(tree, apparatus=False)
    units = [copy.deepcopy(u) for u in tree.xpath("/t:TEI/t:text/t:body/t:div", namespaces=T)]
    for unit in units:  # a separator is drawn as a rule, not as its characters
        for separator in unit.xpath(".//t:ab[@type = 'separator']", namespaces=T):
            separator.getparent().remove(separator)
    assert squeezed(main_text(page)) == squeezed(" ".join(regularized(u) for u in units))


def test_the_diplomatic_epub_gives_the_sources_text_and_line_breaks(teis) -> None:
    tree = parse(teis[SEED.stem], "seed")
    book = EpubMaker().make(tree, reading="diplomatic")
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        names = [n for n in archive.namelist() if re.fullmatch(r"EPUB/(text|figure)\d+\.xhtml", n)]
        documents = [etree.fromstring(archive.read(n)) for n in sorted(names, key=lambda n: (
            int(re.search(r"\d+", n.rsplit("/", 1)[1]).group()), n))]
        assert "EPUB/apparatus.xhtml" not in archive.namelist()
        title = etree.fromstring(archive.read("EPUB/titlepage.xhtml"))
    assert "the source's reading" in title.xpath("string(//h:p[@class='reading'])", namespaces=H)
    breaks = sum(len(d.xpath("//h:br", namespaces=H)) for d in documents)
    assert breaks == len(tree.xpath("//t:body//t:lb", namespaces=T)) > 0
    text = " ".join(str(d.xpath("string(//h:body)", namespaces=H)) for d in documents)
    order = tree.xpath("/t:TEI/t:text/t:body/t:div/@xml:id", namespaces=T)
    assert order[:2] == ["text1", "figure1"]
    source = NOT_IN_XML.sub("", read_source(SEED).text)
    assert sorted(squeezed(text)) == sorted(squeezed(source))  # every character, each unit in its document


def test_each_rendition_says_which_it_is(teis) -> None:
    tree = parse(teis[SEED.stem], "seed")
    for reading, words in (("regularized", "the edition's reading"), ("diplomatic", "the source's reading")):
        page = html.fromstring(PrintMaker().make(tree, reading=reading))
        assert words in page.xpath("string(//header[@id='titlepage']/p[@class='reading'])")
        assert words in page.xpath("string(//section[@id='colophon'])")
    diplomatic = html.fromstring(PrintMaker().make(tree, reading="diplomatic"))
    assert not diplomatic.xpath("//section[@class='apparatus'] | //span[@class='reg']")


def test_the_diplomatic_renditions_pass_the_checkers(teis, diplomatic_pages, tmp_path) -> None:
    """EPUBCheck on the diplomatic EPUBs of the seed and every corpus text,
    Ace on a sample of them in several scripts (a browser per book is the
    slow part of the suite); the Nu checker on all their print HTML."""
    books = []
    for stem, tei in teis.items():
        books.append(tmp_path / f"{stem}.epub")
        books[-1].write_bytes(EpubMaker().make(parse(tei, stem), reading="diplomatic"))
    if shutil.which("java") is None:
        pytest.fail("java is needed to run EPUBCheck")
    assert check_many(books) == {}
    results = check_ace(books[::5])
    assert [line for r in results for line in r.details] == []
    if find_vnu() is None:
        if os.environ.get("CI"):
            pytest.fail("the Nu checker (vnu-jar) is needed")
        return
    pages = []
    for stem, data in diplomatic_pages.items():
        pages.append(tmp_path / f"{stem}.html")
        pages[-1].write_bytes(data)
    messages = run_vnu(pages)
    assert [str(m) for m in messages if m.kind in ("error", "non-document-error") and not m.paged_media] == []
