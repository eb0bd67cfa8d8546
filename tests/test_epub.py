"""The EPUB made from the TEI: valid for EPUBCheck, semantic, faithful to
the TEI's text, reproducible, and re-rendered from a hand-edited TEI."""

from __future__ import annotations

import io
import re
import shutil
import warnings
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from edition.check import check_ace
from edition.pipeline import epub_bytes, load_document, tei_bytes
from edition.render import EpubMaker, RenderWarning
from edition.validate import parse
from tests.paths import SEED, corpus_texts
from tests.robustness.epubcheck_batch import check_many
from tests.texts import shown_text, xhtml_text

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

T = {"t": "http://www.tei-c.org/ns/1.0"}
H = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
     "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}


@pytest.fixture(scope="session")
def maker() -> EpubMaker:
    return EpubMaker()


NAMES = "\n".join(f"{first} {last}" for first in ("Anna", "Boris", "Chen", "Dolores", "Emeka")
                   for last in ("Ivanova", "Petrov", "Wei", "Ibárruri", "Okafor", "Silva", "Novak"))
ODD = {
    "odd-markup": (("Notes on <script>alert(1)</script> & ]]> entities\n\n"
                   "A paragraph with &amp; and <b>tags</b> that are text, \"straight quotes\" and "
                   "a CDATA end ]]> in the middle of it, long enough to be read as a paragraph.\n"), None),
    "odd-rtl": (("بيان من أجل السلام\n\nنحن الموقعين أدناه ندعو إلى وقف الحرب فوراً وإلى حماية المدنيين "
                "في كل مكان، ونطالب الحكومات بتحمل مسؤولياتها.\n\nЗаявление на русском языке: "
                "мы требуем мира.\n"), None),
    "odd-one-line": ("Solidarity!\n", None),
    "odd-signatories": ((f"Open letter on the archives\n\nWe ask that the archive stay open to every "
                        f"reader, as it has been for a century, and that its catalogue stay free.\n\n"
                        f"Signed:\n{NAMES}\n"),
                        ('{"authors": [{"name": "Archive Readers Union", "type": "organization"}], '
                        '"editors": ["Maria Editor"], "licence": "CC BY 4.0", "publisher": "Example Press", '
                        '"url": "https://example.org/letter", "date": "2020-05"}')),
}
"""Texts the tests make up to reach the corners: markup-like text, right-to-left
and Cyrillic script, a single line, a long signatory list with full metadata."""


@pytest.fixture(scope="session")
def built(tmp_path_factory, validator, maker) -> dict[str, tuple[bytes, bytes]]:
    """TEI and EPUB bytes for the seed, every corpus text and the odd texts."""
    sources = tmp_path_factory.mktemp("odd")
    odd = []
    for stem, (text, sidecar) in ODD.items():
        (sources / f"{stem}.txt").write_text(text, encoding="utf-8")
        if sidecar:
            (sources / f"{stem}.json").write_text(sidecar, encoding="utf-8")
        odd.append(sources / f"{stem}.txt")
    books = {}
    for path in [SEED, *corpus_texts(), *odd]:
        document = load_document(path)
        tei = tei_bytes(document, validator)
        book = epub_bytes(tei, f"{path.stem}.tei.xml", maker)
        books[path.stem] = (tei, book)
    return books


def member(book: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        return etree.fromstring(z.read(f"EPUB/{name}"))


@pytest.fixture(scope="session")
def book_files(built, tmp_path_factory) -> list[Path]:
    """Every built book as a file, for the checkers."""
    out = tmp_path_factory.mktemp("books")
    paths = []
    for stem, (_tei, book) in built.items():
        paths.append(out / f"{stem}.epub")
        paths[-1].write_bytes(book)
    return paths


def test_epubcheck_reports_nothing(book_files) -> None:
    """EPUBCheck, run for real (all books in one JVM): no fatal, error or
    warning on any book."""
    if shutil.which("java") is None:
        pytest.fail("java is needed to run EPUBCheck")
    assert check_many(book_files) == {}


def test_ace_reports_no_violation(book_files) -> None:
    """Ace by DAISY, run for real in Chromium: no violation of any impact
    on the seed, any corpus text or any odd book."""
    results = check_ace(book_files)
    assert [r.path.stem for r in results] == [p.stem for p in book_files]
    assert [line for r in results for line in r.details] == []
    assert all(r.ok and r.tool == "Ace 1.4.6" for r in results)


def test_ace_finds_what_it_should(book_files, tmp_path) -> None:
    """The same run on a book whose package lost its language reports the
    serious epub-lang violation, one line naming the document and the rule."""
    broken = tmp_path / "no-lang.epub"
    with zipfile.ZipFile(book_files[0]) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "EPUB/content.opf":
                data = data.replace(b' xml:lang="en"', b"")
            target.writestr(info, data)
    [result] = check_ace([broken])
    assert not result.ok
    assert result.details == ((f"{broken}: EPUB/content.opf: serious: epub-lang: "
                               "The language must be specified (xml:lang in OPF package)"),)


def test_package_names_its_language(built) -> None:
    for stem, (tei, book) in built.items():
        lang = parse(tei, stem).getroot().get("{http://www.w3.org/XML/1998/namespace}lang")
        assert member(book, "content.opf").get("{http://www.w3.org/XML/1998/namespace}lang") == lang, stem


def test_seed_semantics(built) -> None:
    _tei, book = built[SEED.stem]
    text1 = member(book, "text1.xhtml")
    assert len(text1.xpath("//h:ul[@class='signatories']/h:li", namespaces=H)) == 20
    assert text1.xpath("//h:h1/@id", namespaces=H) == ["text1-head"]
    assert text1.xpath("//h:p[@class='slogan']/@id", namespaces=H) == ["text1-slogan1"]
    assert text1.xpath("//h:p[@class='acknowledgement']/text()", namespaces=H) == ["Thanks to Andy Taylor"]
    assert text1.xpath("//h:section/@epub:type", namespaces=H)[0] == "chapter"
    text2 = member(book, "text2.xhtml")
    assert len(text2.xpath("//h:p[@class='slogan']", namespaces=H)) == 3
    assert text2.xpath("//h:p[@class='dateline']/h:time/@datetime", namespaces=H) == ["2014-03-08"]
    figure = member(book, "figure1.xhtml")
    assert len(figure.xpath("//h:figure/h:figcaption/h:p[not(@role)]", namespaces=H)) == 2
    credit = figure.xpath("//h:figcaption/h:p[@role='doc-credit']", namespaces=H)
    assert [xhtml_text(c) for c in credit] == ["Photos: AUCPB"]
    for name in ("titlepage.xhtml", "text1.xhtml", "figure1.xhtml", "text2.xhtml", "nav.xhtml"):
        root = member(book, name)
        assert root.get("lang") == "en" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_seed_package_metadata(built) -> None:
    _tei, book = built[SEED.stem]
    opf = member(book, "content.opf")

    def values(path: str) -> list[str]:
        return [str(v) for v in opf.xpath(path, namespaces=H)]

    assert values("//dc:language/text()") == ["en"]
    assert values("//dc:date/text()") == ["2014-03-08"]
    assert values("//dc:source/text()") == ["000_4d9258613c24280d.txt"]
    assert values("//opf:meta[@property='dcterms:modified']/text()") == ["2014-03-08T00:00:00Z"]
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", values("//dc:identifier/text()")[0])
    assert values("//opf:meta[@property='schema:accessMode']/text()") == ["textual"]
    assert values("//opf:meta[@property='schema:accessibilityHazard']/text()") == ["none"]
    assert "3 section(s)" in values("//opf:meta[@property='schema:accessibilitySummary']/text()")[0]
    spine = values("//opf:spine/opf:itemref/@idref")
    assert spine == ["titlepage", "nav", "u-text1", "u-figure1", "u-text2", "apparatus", "index"]
    nav = member(book, "nav.xhtml")
    assert nav.xpath("//h:nav/@epub:type", namespaces=H) == ["toc", "landmarks"]
    assert nav.xpath("//h:link[@rel='stylesheet']/@href", namespaces=H) == ["style/epub.css"]
    assert values("//opf:meta[@property='dcterms:conformsTo']/text()") == [
        "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    assert values("//dc:publisher/text()") == ["edition"]


def test_title_page_names_the_issuing_bodies(built) -> None:
    """The header's authors when known; else the signatories, the first eight then a count."""
    page = member(built[SEED.stem][1], "titlepage.xhtml")
    bodies = page.xpath("string(//h:p[@class='bodies'])", namespaces=H)
    assert bodies.startswith("Signed by Interregional Association of Communists; Moscow City Communist union;")
    assert bodies.endswith(" and 12 others")
    assert page.xpath("//h:p[@class='source']", namespaces=H)
    assert not page.xpath("//h:p[@class='publisher']", namespaces=H), "the default publisher is not shown"


def cover_png(book: bytes) -> tuple[str, bytes]:
    """The id and bytes of the book's one cover-image manifest item."""
    opf = member(book, "content.opf")
    items = [i for i in opf.xpath("//opf:manifest/opf:item", namespaces=H)
             if "cover-image" in (i.get("properties") or "").split()]
    assert len(items) == 1
    assert items[0].get("media-type") == "image/png"
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        return items[0].get("id"), z.read(f"EPUB/{items[0].get('href')}")


def test_cover_is_declared(built) -> None:
    """One generated PNG cover, 1600x2400, declared for EPUB 3 and EPUB 2 readers, not in the spine."""
    from PIL import Image

    for _tei, book in built.values():
        cover_id, data = cover_png(book)
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG" and image.size == (1600, 2400)
        opf = member(book, "content.opf")
        assert opf.xpath("//opf:metadata/opf:meta[@name='cover']/@content", namespaces=H) == [cover_id]
        assert cover_id not in opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=H)


def test_metadata_from_the_sidecar_reaches_the_package(built) -> None:
    """Creators and contributors with MARC roles, rights, publisher, source URL."""
    opf = member(built["odd-signatories"][1], "content.opf")

    def values(path: str) -> list[str]:
        return [str(v) for v in opf.xpath(path, namespaces=H)]

    assert values("//dc:creator/text()") == ["Archive Readers Union"]
    creator = values("//dc:creator/@id")[0]
    assert values(f"//opf:meta[@refines='#{creator}'][@property='role']/text()") == ["aut"]
    assert values("//dc:contributor/text()") == ["Maria Editor"]
    contributor = values("//dc:contributor/@id")[0]
    assert values(f"//opf:meta[@refines='#{contributor}'][@property='role']/text()") == ["edt"]
    assert values("//dc:rights/text()") == ["CC BY 4.0"]
    assert values("//dc:publisher/text()") == ["Example Press"]
    assert values("//dc:source/text()") == ["https://example.org/letter"]
    assert values("//dc:date/text()") == ["2020-05"]
    seed = member(built[SEED.stem][1], "content.opf")
    assert seed.xpath("//dc:rights", namespaces=H) == [], "no licence known, no dc:rights"
    page = member(built["odd-signatories"][1], "titlepage.xhtml")
    assert page.xpath("string(//h:p[@class='bodies'])", namespaces=H) == "Archive Readers Union"
    assert page.xpath("string(//h:p[@class='publisher'])", namespaces=H) == "Example Press"
    text = member(built["odd-signatories"][1], "text1.xhtml")
    assert len(text.xpath("//h:ul[@class='signatories']/h:li", namespaces=H)) == 35


def test_markup_in_the_text_stays_text(built) -> None:
    book = built["odd-markup"][1]
    text = member(book, "text1.xhtml")
    assert not text.xpath("//h:script|//h:b", namespaces=H)
    assert "<script>alert(1)</script>" in text.xpath("string(//h:h1)", namespaces=H)
    assert "&amp; and <b>tags</b>" in text.xpath("string(//h:p)", namespaces=H)
    nav = member(book, "nav.xhtml")
    assert "<script>" in nav.xpath("string(//h:nav[1])", namespaces=H)
    opf = member(book, "content.opf")
    assert "<script>alert(1)</script> &]]>" in opf.xpath("string(//dc:title)", namespaces=H)


def test_cover_is_reproducible(built, maker) -> None:
    from edition.render.cover import make_cover

    tei, book = built[SEED.stem]
    assert cover_png(epub_bytes(tei, "seed", EpubMaker()))[1] == cover_png(book)[1]
    assert make_cover("A title", ["A body", "Another"]) == make_cover("A title", ["A body", "Another"])
    assert make_cover("A title", ["A body"]) != make_cover("Another title", ["A body"])


@pytest.mark.parametrize("stem", [SEED.stem, *(p.stem for p in corpus_texts()), *ODD])
def test_xhtml_text_is_the_regularized_tei(built, stem: str) -> None:
    tei, book = built[stem]
    tree = parse(tei, stem)
    for div in tree.xpath("//t:body/t:div", namespaces=T):
        unit = div.get("{http://www.w3.org/XML/1998/namespace}id")
        section = member(book, f"{unit}.xhtml").xpath("//h:body", namespaces=H)[0]
        assert xhtml_text(section) == shown_text(div), unit
        for ab in div.xpath(".//t:ab[@type='separator']", namespaces=T):
            assert section.xpath(f"//h:hr[@id='{ab.get(XML_ID)}']", namespaces=H), ab.get(XML_ID)


def test_same_tei_same_bytes(built, maker) -> None:
    tei, book = built[SEED.stem]
    assert epub_bytes(tei, "seed", maker) == book
    assert epub_bytes(tei, "seed", EpubMaker()) == book
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED


def test_source_date_epoch_dates_the_book(built, maker) -> None:
    tei, book = built[SEED.stem]
    dated = epub_bytes(tei, "seed", maker, "1700000000")
    assert dated != book
    modified = member(dated, "content.opf").xpath("//opf:meta[@property='dcterms:modified']/text()",
                                                 namespaces=H)
    assert modified == ["2023-11-14T22:13:20Z"]


def test_hand_edited_tei_shows_in_the_epub(built, maker) -> None:
    tei, _book = built[SEED.stem]
    edited = tei.replace(
        b'<ab type="slogan" xml:id="text2-slogan1"',
        b'<p xml:id="text2-p9">An editor added this paragraph.</p>\n        '
        b'<ab type="slogan" xml:id="text2-slogan1"')
    assert edited != tei
    book = epub_bytes(edited, "edited", maker)
    text2 = member(book, "text2.xhtml")
    assert text2.xpath("//h:p[@id='text2-p9']/text()", namespaces=H) == ["An editor added this paragraph."]


def test_unknown_element_is_kept_as_text_with_a_warning(built, maker) -> None:
    tei, _book = built[SEED.stem]
    edited = tei.replace(b"Thanks to Andy Taylor", b"Thanks to <hi>Andy Taylor</hi>")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RenderWarning)
        book = epub_bytes(edited, "edited", maker)
    assert any("<hi>" in str(w.message) for w in caught)
    text1 = member(book, "text1.xhtml")
    assert xhtml_text(text1.xpath("//h:p[@id='text1-ack1']", namespaces=H)[0]) == "Thanks to Andy Taylor"


def test_cli_epub(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from edition.cli import cli
    from edition.render import pdf
    from tests.paths import REPO

    if not pdf.available():
        pytest.skip("build/ holds the EPUB with the page list of its PDF, which needs WeasyPrint")
    out = tmp_path / "seed.epub"
    # As the build made it: with the page list of the PDF it typeset.
    result = CliRunner().invoke(cli, ["epub", str(REPO / "build" / f"{SEED.stem}.tei.xml"), "-o", str(out),
                                      "--page-list"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == (REPO / "build" / f"{SEED.stem}.epub").read_bytes()


def test_right_to_left_text_runs_right_to_left(built) -> None:
    """Direction is read from the letters: the Arabic statement's documents and
    spine run right to left, its Russian paragraph left to right."""
    book = built["odd-rtl"][1]
    text = member(book, "text1.xhtml")
    assert text.get("dir") == "rtl"
    assert text.xpath("//h:p[starts-with(., 'Заявление')]/@dir", namespaces=H) == ["ltr"]
    assert text.xpath("//h:p[not(@dir)]", namespaces=H), "Arabic paragraphs inherit rtl"
    opf = member(book, "content.opf")
    assert opf.xpath("//opf:spine/@page-progression-direction", namespaces=H) == ["rtl"]
    assert member(built[SEED.stem][1], "text1.xhtml").get("dir") == "ltr"
    assert not member(built[SEED.stem][1], "content.opf").xpath(
        "//opf:spine/@page-progression-direction", namespaces=H)


def test_untitled_units_are_named_by_their_opening_words(built) -> None:
    nav = member(built["odd-rtl"][1], "nav.xhtml")
    assert nav.xpath("//h:nav[1]//h:a/text()", namespaces=H)[1] == "بيان من أجل السلام"
    letter = next(stem for stem in built if stem.startswith("01_"))
    entry = member(built[letter][1], "nav.xhtml").xpath("//h:nav[1]//h:a/text()", namespaces=H)[1]
    assert entry == "Dear GitHub,", "the salutation opens the untitled letter"


def test_the_right_to_left_blocks_hold_every_right_to_left_character() -> None:
    """``has_rtl`` searches only ``RTL_BLOCKS``: they must hold every R and AL
    character of this Python's Unicode data, or a text would run the wrong way."""
    import sys
    import unicodedata

    from edition.render.xhtml import RTL_BLOCKS, has_ltr, has_rtl, strong_direction

    outside = [hex(c) for c in range(sys.maxunicode + 1)
               if unicodedata.bidirectional(chr(c)) in ("R", "AL")
               and not any(low <= c <= high for low, high in RTL_BLOCKS)]
    assert outside == []
    assert has_rtl("Statement \u200f") and not has_rtl("Заявление ١٢٣")  # Arabic digits are AN, not AL
    assert has_ltr("Заявление") and has_ltr("日本") and not has_ltr("١٢٣ — 42!")
    assert strong_direction("بيان حول إغلاق الحديقة park") == "rtl"
    assert strong_direction("A statement, بيان") == "ltr"
    assert strong_direction("2014 — 42") is None
