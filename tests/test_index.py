"""The index of names: every organisation and person of the registers, in the
print edition with the page of each place (checked against the real PDF)
and in the EPUB with a link to each mention."""

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
from tests.paths import SEED

pypdf = pytest.importorskip("pypdf") if not os.environ.get("CI") else __import__("pypdf")

T = {"t": "http://www.tei-c.org/ns/1.0"}
H = {"h": "http://www.w3.org/1999/xhtml"}
LETTER = ("An open letter on the library\n\nWe ask the council to keep the library open, because it serves "
          "thousands of readers every week and nothing else in the town does what it does.\n\n"
          "Signed by:\nJane Roe\nFriends of the Earth\nJohn Doe, retired teacher\nTown Readers Association\n")


@pytest.fixture(scope="module")
def letter(tmp_path_factory, validator) -> bytes:
    path = tmp_path_factory.mktemp("index") / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return tei_bytes(load_document(path), validator)


def registered(tei: bytes, kind: str) -> list[str]:
    return parse(tei, "t").xpath(f"//t:standOff//t:{kind}/*[1]/text()", namespaces=T)


def test_the_print_index_lists_every_name_with_the_page_the_pdf_shows_it_on(validator) -> None:
    if not pdf.available() and not os.environ.get("CI"):
        pytest.skip("WeasyPrint is not installed")
    tei = tei_bytes(load_document(SEED), validator)
    printed = PrintMaker().make(parse(tei, "seed"))
    page = html.fromstring(printed)
    names = page.xpath("//section[@class='index']//li/span[@class='index-name']/text()")
    assert sorted(names) == sorted(registered(tei, "org") + registered(tei, "place"))
    assert page.xpath("//nav//a[@href='#index']/text()") == ["Index"]
    pages = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.typeset(printed).data)).pages]
    start = next(n for n, text in enumerate(pages) if text.lstrip().startswith("Index"))
    listed = re.findall(r"^(.+?) \d+\.\d+ \(p\. (\d+)\)$", "\n".join(pages[start:]), re.MULTILINE)
    assert len(listed) >= len(names) - 2  # a long name may wrap onto a second line

    def squeeze(text: str) -> str:
        return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)

    for name, number in listed:
        assert squeeze(name) in squeeze(pages[int(number) - 1]), (name, number)


def test_persons_and_organisations_are_indexed_apart_in_name_order(letter) -> None:
    page = html.fromstring(PrintMaker().make(parse(letter, "letter")))
    orgs = page.xpath("//section[@class='index-org']//span[@class='index-name']/text()")
    persons = page.xpath("//section[@class='index-person']//span[@class='index-name']/text()")
    assert orgs == ["Friends of the Earth", "Town Readers Association"]
    assert persons == ["Jane Roe", "John Doe"]
    # Each place links to a mention of that name.
    for link in page.xpath("//section[@class='index']//a[@class='place']"):
        [target] = page.xpath(f"//*[@id='{link.get('href')[1:]}']")
        assert target.text_content() == link.getparent().xpath("string(span[@class='index-name'])")


def test_the_epub_index_links_to_each_mention(letter) -> None:
    book = EpubMaker().make(parse(letter, "letter"))
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        index = etree.fromstring(archive.read("EPUB/index.xhtml"))
        nav = archive.read("EPUB/nav.xhtml").decode()
        links = index.xpath("//h:section[@role='doc-index']//h:a", namespaces=H)
        assert len(links) == 4
        for link in links:
            file, anchor = link.get("href").split("#")
            target = etree.fromstring(archive.read(f"EPUB/{file}"))
            [mention] = target.xpath(f"//*[@id='{anchor}']", namespaces=H)
            assert "".join(mention.itertext()) == link.xpath("string(../h:span)", namespaces=H)
    assert 'href="index.xhtml"' in nav
    assert index.xpath("//h:section/@epub:type", namespaces={**H, "epub": "http://www.idpf.org/2007/ops"}) == [
        "index"]


def test_a_text_without_names_has_no_index(validator, tmp_path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("A plain note\n\nNothing here names anyone, and no one signs it.\n", encoding="utf-8")
    tei = tei_bytes(load_document(path), validator)
    assert not parse(tei, "plain").xpath("//t:standOff", namespaces=T)
    assert not html.fromstring(PrintMaker().make(parse(tei, "plain"))).xpath("//section[@class='index']")
    with zipfile.ZipFile(io.BytesIO(EpubMaker().make(parse(tei, "plain")))) as archive:
        assert "EPUB/index.xhtml" not in archive.namelist()
