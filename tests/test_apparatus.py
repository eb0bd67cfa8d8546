"""The editorial apparatus: every choice of the TEI listed, keyed to its place,
in the print edition (with its page in the PDF) and in the EPUB (linked both ways)."""

from __future__ import annotations

import io
import os
import re
import zipfile

import pytest
from lxml import etree, html

from edition.pipeline import load_document, tei_bytes
from edition.render import EpubMaker, pdf
from edition.render.printed import PrintMaker
from edition.validate import parse
from tests.paths import SEED, corpus_texts

pypdf = pytest.importorskip("pypdf") if not os.environ.get("CI") else __import__("pypdf")

T = {"t": "http://www.tei-c.org/ns/1.0"}
H = {"h": "http://www.w3.org/1999/xhtml"}
BODY_CHOICES = "/t:TEI/t:text/t:body/t:div//t:choice[not(ancestor::t:ab[@type = 'separator'])]"
"""The choices the text shows: a separator is drawn as a rule, not as its characters."""


@pytest.fixture(scope="module")
def teis(validator) -> dict[str, bytes]:
    return {path.stem: tei_bytes(load_document(path), validator) for path in [SEED, *corpus_texts()]}


@pytest.fixture(scope="module")
def printed(teis) -> dict[str, bytes]:
    maker = PrintMaker()
    return {stem: maker.make(parse(tei, stem)) for stem, tei in teis.items()}


def entries(page: etree._Element) -> list[etree._Element]:
    return page.xpath("//section[@class='apparatus']/ol/li")


def test_every_choice_has_an_entry_pointing_at_its_place(teis, printed) -> None:
    for stem, tei in teis.items():
        tree = parse(tei, stem)
        choices = tree.xpath(BODY_CHOICES, namespaces=T)
        page = html.fromstring(printed[stem])
        listed = entries(page)
        assert len(listed) == len(choices), stem
        for item, choice in zip(listed, choices, strict=True):
            target = item.xpath("string(a[@class='place']/@href)").removeprefix("#")
            [place] = page.xpath(f"//*[@id='{target}']")
            reg = choice.xpath("string(t:reg)", namespaces=T)
            orig = choice.xpath("string(t:orig)", namespaces=T)
            assert place.text_content() == reg, stem
            assert reg.strip() in item.xpath("string(span[@class='lemma'])"), stem
            assert orig.strip() in item.xpath("string(span[@class='source'])"), stem
            assert item.xpath("string(span[@class='rule'])") == choice.xpath("string(t:reg/@type)", namespaces=T)


def test_the_seeds_first_entry_in_the_standard_form(printed) -> None:
    first = entries(html.fromstring(printed[SEED.stem]))[0]
    assert " ".join(first.text_content().split()) == "1.4 benefit, and ] benefit , and space-before-punctuation"
    page = html.fromstring(printed[SEED.stem])
    assert page.xpath("//nav[@role='doc-toc']//a[@href='#apparatus']/text()") == ["Editorial apparatus"]
    assert "listed in the editorial apparatus" in page.xpath("string(//section[@id='colophon'])")


def test_the_pdf_gives_each_entry_the_page_of_its_place(printed) -> None:
    if not pdf.available() and not os.environ.get("CI"):
        pytest.skip("WeasyPrint is not installed")
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.typeset(printed[SEED.stem]).data)).pages]
    start = next(n for n, text in enumerate(pages) if text.lstrip().startswith("Editorial apparatus"))
    listed = re.findall(r"^\d+\.\d+, p\. (\d+) (.+?) \] ", "\n".join(pages[start:]), re.MULTILINE)
    assert len(listed) == len(entries(html.fromstring(printed[SEED.stem])))

    def squeeze(text: str) -> str:
        return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)

    for number, lemma in listed:
        assert squeeze(lemma) in squeeze(pages[int(number) - 1]), (number, lemma)


def test_the_epub_links_each_place_and_its_entry(teis) -> None:
    book = EpubMaker().make(parse(teis[SEED.stem], "seed"))
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        documents = {n.removeprefix("EPUB/"): etree.fromstring(archive.read(n))
                     for n in archive.namelist() if n.endswith(".xhtml")}
    apparatus = documents["apparatus.xhtml"]
    assert apparatus.xpath("/h:html/h:body/@*[local-name()='type']", namespaces=H) == ["backmatter"]
    items = apparatus.xpath("//h:ol/h:li", namespaces=H)
    assert len(items) == len(parse(teis[SEED.stem], "seed").xpath(BODY_CHOICES, namespaces=T))
    for item in items:
        document, anchor = item.xpath("string(h:a/@href)", namespaces=H).split("#")
        [place] = documents[document].xpath(f"//*[@id='{anchor}']")
        assert place.tag == "{http://www.w3.org/1999/xhtml}a"
        assert place.get("href") == f"apparatus.xhtml#{item.get('id')}"
    nav = documents["nav.xhtml"]
    assert "Editorial apparatus" in nav.xpath("//h:a/text()", namespaces=H)


def test_no_apparatus_when_asked_for_none(teis) -> None:
    tree = parse(teis[SEED.stem], "seed")
    page = html.fromstring(PrintMaker().make(tree, apparatus=False))
    assert not page.xpath("//section[@class='apparatus'] | //span[@class='reg']")
    with zipfile.ZipFile(io.BytesIO(EpubMaker().make(tree, apparatus=False))) as archive:
        assert "EPUB/apparatus.xhtml" not in archive.namelist()
        assert not any(b'class="reg"' in archive.read(n) for n in archive.namelist() if n.endswith(".xhtml"))


def test_a_hand_made_choice_is_the_editors(teis) -> None:
    """A choice an editor adds without a rule is listed as the editor's."""
    body = teis[SEED.stem].index(b"<body>")
    data = teis[SEED.stem][:body] + re.sub(rb"(<p [^>]*>)", rb"\1<choice><orig>Statment</orig><reg>Statement</reg></choice> ",
                                           teis[SEED.stem][body:], count=1)
    page = html.fromstring(PrintMaker().make(parse(data, "edited")))
    first = entries(page)[0]
    assert first.xpath("string(span[@class='rule'])") == "editor"
    assert first.xpath("string(span[@class='source'])").startswith("Statment")
