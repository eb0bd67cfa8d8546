"""A collection's EPUB and printed volume, made from its teiCorpus: contents
across every text, running heads per text, the checkers clean."""

from __future__ import annotations

import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree, html

from edition.check import check_ace, check_epub, find_vnu, run_vnu
from edition.render import pdf
from edition.render.printed import running_head
from edition.validate import parse_file
from tests.paths import SEED
from tests.test_collection import COLLECTION, TEXTS, collection_file

pypdf = pytest.importorskip("pypdf") if not os.environ.get("CI") else __import__("pypdf")

T = {"t": "http://www.tei-c.org/ns/1.0"}
H = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops"}
ARABIC = "بيان حول إغلاق الحديقة\n\nيجب أن تبقى الحديقة مفتوحة للجميع كما كانت منذ قرن.\n\nارفعوا أيديكم عن حديقتنا!\n"
STEM = "places.corpus"


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("volume") / "src"
    folder.mkdir()
    for name, text in {**TEXTS, "d_arabic": ARABIC}.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    shutil.copyfile(SEED, folder / SEED.name)
    return folder


@pytest.fixture(scope="module")
def built(sources, tmp_path_factory) -> tuple[Path, str]:
    """The folder a build with the collection wrote (PDF included), and what it said."""
    from click.testing import CliRunner

    from edition.cli import cli

    if not pdf.available() and not os.environ.get("CI"):
        pytest.skip("WeasyPrint is not installed (pip install '.[pdf]')")
    out = tmp_path_factory.mktemp("volume-out")
    coll = collection_file(sources.parent, COLLECTION)
    result = CliRunner().invoke(cli, ["build", str(sources), "-o", str(out), "--pdf", "--collection", str(coll)])
    assert result.exit_code == 0, result.stderr
    return out, result.stderr


def texts_in_order(out: Path) -> list[etree._ElementTree]:
    corpus = parse_file(out / f"{STEM}.tei.xml")
    return [etree.ElementTree(m) for m in corpus.xpath("/t:teiCorpus/t:TEI", namespaces=T)]


def title_of(tei: etree._ElementTree) -> str:
    return " ".join(tei.xpath("string(/t:TEI/t:teiHeader/t:fileDesc/t:titleStmt/t:title)", namespaces=T).split())


def test_the_build_names_the_collection_files(built) -> None:
    _out, said = built
    assert (f"the collection: {STEM}.tei.xml, {STEM}.epub, {STEM}.html, {STEM}.pdf") in said
    assert "built 4 of 4 source(s)" in said


# --- the EPUB -------------------------------------------------------------

def epub_member(out: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(out / f"{STEM}.epub") as book:
        return etree.fromstring(book.read(f"EPUB/{name}"))


def test_the_epub_contents_go_across_every_text(built) -> None:
    out, _ = built
    nav = epub_member(out, "nav.xhtml")
    top = nav.xpath("//h:nav[@epub:type='toc']/h:ol/h:li", namespaces=H)
    titles = [" ".join(li.xpath("string(h:a)", namespaces=H).split()) for li in top]
    members = texts_in_order(out)
    assert titles == ["Title page", *(title_of(m) for m in members), "Index"]  # the names of every text
    for li, member in zip(top[1:-1], members, strict=True):
        units = member.xpath("/t:TEI/t:text/t:body/t:div", namespaces=T)
        assert len(li.xpath("h:ol/h:li", namespaces=H)) == len(units)
    # The spine reads the texts in the collection's order, each opening page before its units.
    opf = epub_member(out, "content.opf")
    spine = opf.xpath("//o:spine/o:itemref/@idref", namespaces={"o": "http://www.idpf.org/2007/opf"})
    hrefs = [li.xpath("string(h:a/@href)", namespaces=H) for li in nav.xpath("//h:nav[@epub:type='toc']//h:li",
                                                                            namespaces=H)]
    assert [f"u-{h.removesuffix('.xhtml')}" for h in hrefs] == [s for s in spine if s != "nav"]


def test_each_text_of_the_epub_keeps_its_language_and_direction(built) -> None:
    out, _ = built
    opf = epub_member(out, "content.opf")
    languages = opf.xpath("//dc:language/text()", namespaces={"dc": "http://purl.org/dc/elements/1.1/"})
    assert languages[0] == "en" and "ar" in languages
    for k, member in enumerate(texts_in_order(out), start=1):
        lang = member.getroot().get("{http://www.w3.org/XML/1998/namespace}lang")
        opening = epub_member(out, f"t{k}.xhtml")
        assert opening.get("lang") == lang
        assert opening.get("dir") == ("rtl" if lang == "ar" else "ltr")
        assert opening.xpath("string(//h:h1)", namespaces=H).split() == title_of(member).split()


def test_epubcheck_and_ace_report_nothing_on_the_collection(built) -> None:
    out, _ = built
    checked = check_epub(out / f"{STEM}.epub")
    assert checked.ok, checked.details
    [ace] = check_ace([out / f"{STEM}.epub"])
    assert ace.ok and ace.details == (), ace.details
    opf = epub_member(out, "content.opf")
    claim = opf.xpath("//o:meta[@property='dcterms:conformsTo']/text()",
                      namespaces={"o": "http://www.idpf.org/2007/opf"})
    assert claim == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]


# --- the printed volume ---------------------------------------------------

def test_the_volume_html_nests_texts_and_units(built) -> None:
    out, _ = built
    page = html.fromstring((out / f"{STEM}.html").read_bytes())
    assert page.xpath("//h1/text()") == ["Statements on public places"]
    articles = page.xpath("//main/article[@class='text']")
    members = texts_in_order(out)
    assert [" ".join(a.xpath("string(header/h2)").split()) for a in articles] == [title_of(m) for m in members]
    for article, member in zip(articles, members, strict=True):
        assert article.get("lang") == member.getroot().get("{http://www.w3.org/XML/1998/namespace}lang")
        # a unit's title is one level under its text's
        assert not article.xpath(".//*[contains(@class, 'unit')]//h2")
    assert [a.get("dir") for a in articles].count("rtl") == 1


def test_the_nu_checker_reports_no_error_on_the_volume(built) -> None:
    out, _ = built
    if shutil.which("java") is None or find_vnu() is None:
        reason = "the Nu checker needs Java and the npm package vnu-jar (see README)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    messages = run_vnu([out / f"{STEM}.html"])
    assert [str(m) for m in messages if m.kind in ("error", "non-document-error") and not m.paged_media] == []


@pytest.fixture(scope="module")
def volume_pages(built) -> list[str]:
    out, _ = built
    return [page.extract_text() for page in pypdf.PdfReader(out / f"{STEM}.pdf").pages]


def squeeze(text: str) -> str:
    return re.sub(r"[\s\-\u00ad\u2010\u2011]+", "", text)


def margins(text: str) -> list[str]:
    lines = [line.strip() for line in text.strip().splitlines()]
    return lines[:2] + lines[-2:]


def text_starts(out: Path, pages: list[str]) -> list[int]:
    """The page (1-based) where each text's title block opens, after the contents."""
    toc = next(n for n, text in enumerate(pages) if text.lstrip().startswith("Contents"))
    starts = []
    for member in texts_in_order(out):
        opening = squeeze(title_of(member))[:30]
        starts.append(next(n for n in range(toc + 1, len(pages)) if opening in squeeze(pages[n])) + 1)
    return starts


def test_the_contents_give_the_page_each_text_opens_on(built, volume_pages) -> None:
    out, _ = built
    toc = "\n".join(text for text in volume_pages if text.lstrip().startswith("Contents"))
    listed = [int(n) for n in re.findall(r"\.{2,}\s*(\d+)\s*$", toc, re.MULTILINE)]
    starts = text_starts(out, volume_pages)
    assert set(starts) <= set(listed)
    assert starts == sorted(starts) and all(start % 2 == 1 for start in starts), "each text opens on a recto"


def test_running_heads_name_the_volume_and_the_text(built, volume_pages) -> None:
    out, _ = built
    starts = text_starts(out, volume_pages)
    titles = [running_head(title_of(m)) for m in texts_in_order(out)]
    volume = running_head(COLLECTION["title"])
    checked = 0
    # The index closes the volume, after the last text: its pages are its own.
    index = next(n for n in range(starts[-1], len(volume_pages)) if volume_pages[n].lstrip().startswith("Index"))
    for number in range(starts[0], index + 1):
        text = volume_pages[number - 1]
        if not text.strip():
            continue  # a blank verso before a text that opens on a recto
        k = max(i for i, start in enumerate(starts) if start <= number)
        heads = margins(text)
        assert str(number) in heads, f"page {number} has its folio"
        if number in starts:
            # the title is there once, as the heading; a running head would be a second line of it
            lines = [line.strip() for line in text.splitlines()]
            assert volume not in heads and lines.count(titles[k]) <= 1, f"page {number} opens a text: no head"
        elif number % 2 == 0:
            assert volume in heads, f"left page {number} names the volume"
        else:
            assert titles[k] in heads, f"right page {number} names its text"
        checked += 1
    assert checked >= len(starts)


# --- made from the TEI alone, and only when something changed ------------

def test_the_render_commands_remake_the_same_volume_from_the_corpus(built, run, tmp_path) -> None:
    out, _ = built
    corpus = out / f"{STEM}.tei.xml"
    assert run("epub", corpus, "-o", tmp_path / "v.epub").exit_code == 0
    assert run("html", corpus, "-o", tmp_path / "v.html").exit_code == 0
    assert (tmp_path / "v.epub").read_bytes() == (out / f"{STEM}.epub").read_bytes()
    assert (tmp_path / "v.html").read_bytes() == (out / f"{STEM}.html").read_bytes()
    result = run("pdf", corpus, "-o", tmp_path / "v.pdf")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "v.pdf").read_bytes() == (out / f"{STEM}.pdf").read_bytes()


def test_the_volume_is_remade_only_when_a_text_changes(run, sources, tmp_path) -> None:
    out = tmp_path / "out"
    coll = collection_file(tmp_path)
    assert run("build", sources, "-o", out, "--no-pdf", "-j", 1, "--collection", coll).exit_code == 0
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob(f"{STEM}.*")}
    again = run("build", sources, "-o", out, "--no-pdf", "-j", 1, "--collection", coll)
    assert f"the collection unchanged ({STEM}.tei.xml)" in again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.glob(f"{STEM}.*")} == stamps
    before = (out / f"{STEM}.epub").read_bytes()
    changed = tmp_path / "changed"
    shutil.copytree(sources, changed)
    (changed / "b_letter.txt").write_text(TEXTS["b_letter"].replace("library", "museum"), encoding="utf-8")
    result = run("build", changed, "-o", out, "--no-pdf", "-j", 1, "--collection", coll)
    assert f"the collection: {STEM}.tei.xml, {STEM}.epub, {STEM}.html" in result.stderr
    assert (out / f"{STEM}.epub").read_bytes() != before
    with zipfile.ZipFile(io.BytesIO((out / f"{STEM}.epub").read_bytes())) as book:
        assert any(b"museum" in book.read(n) for n in book.namelist() if n.endswith(".xhtml"))


def test_a_long_typesetting_says_so(built) -> None:
    out, _ = built
    said: list[str] = []
    pdf.typeset((out / f"{STEM}.html").read_bytes(), said.append, every=0.05)
    assert said and said[0].startswith("still typesetting, ")
    assert re.fullmatch(r"typeset \d+ pages in \d+ s", said[-1])
