"""The print edition: a self-contained HTML file, valid for the Nu checker,
typeset by WeasyPrint into a PDF that is checked from the PDF itself."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree, html

from edition.check import PAGED_MEDIA_CSS, find_vnu, run_vnu
from edition.cli import cli
from edition.pipeline import html_bytes, load_document, tei_bytes
from edition.render import pdf
from edition.render.printed import PAPERS, PrintMaker
from edition.tei.readings import regularized
from edition.validate import parse
from tests.paths import REPO, SEED, corpus_texts
from tests.texts import shown_text, xhtml_text

pypdf = pytest.importorskip("pypdf") if not os.environ.get("CI") else __import__("pypdf")

T = {"t": "http://www.tei-c.org/ns/1.0"}
HYPHENS = re.compile(r"[\s\-\u00ad\u2010\u2011]+")


def squeeze(text: str) -> str:
    """Text with whitespace and hyphens removed: what survives line breaking
    and hyphenation in a PDF's extracted text."""
    return HYPHENS.sub("", text)


@pytest.fixture(scope="session")
def maker() -> PrintMaker:
    return PrintMaker()


@pytest.fixture(scope="session")
def pages(tmp_path_factory, validator, maker) -> dict[str, tuple[bytes, bytes]]:
    """TEI and print HTML for the seed and every corpus text."""
    made = {}
    for path in [SEED, *corpus_texts()]:
        tei = tei_bytes(load_document(path), validator)
        made[path.stem] = (tei, html_bytes(tei, path.name, maker))
    return made


@pytest.fixture(scope="session")
def seed_pdf(pages) -> pdf.Pdf:
    if not pdf.available() and not os.environ.get("CI"):
        pytest.skip("WeasyPrint is not installed (pip install '.[pdf]')")
    return pdf.typeset(pages[SEED.stem][1])


@pytest.fixture(scope="session")
def seed_text(seed_pdf) -> list[str]:
    """The text of each page of the seed's PDF."""
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf.data))
    return [page.extract_text() for page in reader.pages]


def tree(data: bytes) -> etree._Element:
    return html.fromstring(data)


# --- the HTML -------------------------------------------------------------

def test_html_is_self_contained_and_landmarked(pages) -> None:
    for stem, (_tei, data) in pages.items():
        page = tree(data)
        assert data.startswith(b"<!DOCTYPE html>"), stem
        assert not page.xpath("//link|//script|//img|//iframe|//@src"), "nothing to fetch"
        assert all(h.startswith("#") for h in page.xpath("//a/@href")), "links stay inside"
        assert page.get("lang") and page.get("dir") in ("ltr", "rtl")
        assert len(page.xpath("//head/style")) == 3
        assert page.xpath("//head/style[@media='print']") and page.xpath("//head/style[@media='screen']")
        assert len(page.xpath("/html/body/header[@class='titlepage']/h1")) == 1
        assert page.xpath("/html/body/nav[@role='doc-toc']")
        assert page.xpath("/html/body/main/*[contains(@class, 'unit')]")
        assert page.xpath("/html/body/section[@role='doc-colophon']")


def test_html_has_the_epub_semantics(pages) -> None:
    page = tree(pages[SEED.stem][1])
    assert len(page.xpath("//section[@id='text1']//ul[@class='signatories']/li")) == 20
    assert page.xpath("//p[@class='slogan']/@id")[:1] == ["text1-slogan1"]
    assert [c.text_content() for c in page.xpath("//figcaption/p[@role='doc-credit']")] == ["Photos: AUCPB"]
    assert page.xpath("//time/@datetime") == ["2014-03-08", "2012-11-07", "2014-03-08"]
    assert page.xpath("//h2[@class='title']/@id") == ["text1-head", "text2-head"]
    toc = page.xpath("//nav[@role='doc-toc']//a/@href")
    assert toc == ["#text1", "#figure1", "#text2", "#apparatus", "#index"]
    assert all(page.xpath(f"//*[@id='{h[1:]}']") for h in toc)


@pytest.mark.parametrize("stem", [SEED.stem, *(p.stem for p in corpus_texts())])
def test_html_text_is_the_regularized_tei(pages, stem: str) -> None:
    tei, data = pages[stem]
    page = tree(data)
    for div in parse(tei, stem).xpath("//t:body/t:div", namespaces=T):
        unit = div.get("{http://www.w3.org/XML/1998/namespace}id")
        section = page.xpath(f"//main/*[@id='{unit}']")[0]
        assert xhtml_text(section) == shown_text(div), unit


def test_colophon_tells_the_provenance(pages) -> None:
    tei, data = pages[SEED.stem]
    colophon = " ".join(tree(data).xpath("string(//section[@role='doc-colophon'])").split())
    sha = parse(tei, "seed").xpath("string(//t:idno[@type='sha256'])", namespaces=T)
    assert sha and sha in colophon
    assert "000_4d9258613c24280d.txt" in colophon
    assert re.search(r"edition \d+\.\d+\.\d+", colophon)
    rules = parse(tei, "seed").xpath("//t:normalization//t:item", namespaces=T)
    counts = [int(r.xpath("string(t:num)", namespaces=T)) for r in rules]
    assert f"Normalized by {len(rules)} rules, {sum(counts)} interventions: trailing-space 13" in colophon
    assert "slogan 4" in colophon


def test_html_is_reproducible_and_dated_from_the_tei(pages, maker) -> None:
    tei, data = pages[SEED.stem]
    assert html_bytes(tei, "seed", maker) == data
    assert html_bytes(tei, "seed", PrintMaker()) == data
    assert tree(data).xpath("//meta[@name='dcterms.created']/@content") == ["2014-03-08T00:00:00Z"]
    dated = html_bytes(tei, "seed", maker, source_date_epoch="1700000000")
    assert tree(dated).xpath("//meta[@name='dcterms.modified']/@content") == ["2023-11-14T22:13:20Z"]


def test_paper_sizes_set_the_page_rule(pages, maker) -> None:
    tei = pages[SEED.stem][0]
    for name, size in (("a5", "A5"), ("a4", "A4"), ("letter", "letter")):
        page = tree(html_bytes(tei, "seed", maker, PAPERS[name]))
        assert f"@page {{ size: {size};" in page.xpath("string(//style[@media='print'])")


def test_nu_checker_reports_no_error(pages, tmp_path) -> None:
    """The W3C Nu HTML Checker, run for real on every print HTML; only the
    paged-media CSS messages it cannot know are set aside, by an exact pattern."""
    if shutil.which("java") is None or find_vnu() is None:
        reason = "the Nu checker needs Java and the npm package vnu-jar (see README)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    files = []
    for stem, (_tei, data) in pages.items():
        files.append(tmp_path / f"{stem}.html")
        files[-1].write_bytes(data)
    messages = run_vnu(files)
    errors = [str(m) for m in messages if m.kind in ("error", "non-document-error") and not m.paged_media]
    assert errors == []
    set_aside = {m.text for m in messages if m.paged_media}
    assert set_aside, "the print CSS uses string-set, which the checker flags"
    assert all("string" in text for text in set_aside)


def test_paged_media_pattern_is_exact() -> None:
    assert PAGED_MEDIA_CSS.match("CSS: “string-set”: Property “string-set” doesn't exist.")
    assert PAGED_MEDIA_CSS.match("CSS: “content”: “string(running,first-except)” is not a “content” value.")
    assert not PAGED_MEDIA_CSS.match("CSS: “color”: “bogus” is not a “color” value.")
    assert not PAGED_MEDIA_CSS.match("CSS: “content”: “attr(x” is not a “content” value.")
    assert not PAGED_MEDIA_CSS.match("Element “p” not allowed as child of element “ul” in this context.")


# --- the PDF --------------------------------------------------------------

def test_pdf_page_count_and_size(seed_pdf) -> None:
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf.data))
    assert 6 <= len(reader.pages) <= 16
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595), "A5 by default"
    assert reader.metadata.creation_date.year == 2014


def test_no_weasyprint_warning(seed_pdf) -> None:
    """WeasyPrint ignores nothing in the CSS and finds everything it needs."""
    assert seed_pdf.warnings == ()


def unit_start_pages(seed_text: list[str], pages) -> dict[str, int]:
    """The page (1-based) where each unit's opening words first appear after
    the contents, and where the apparatus and the index open after them."""
    tei = parse(pages[SEED.stem][0], "seed")
    toc_page = next(n for n, text in enumerate(seed_text) if text.lstrip().startswith("Contents"))
    starts = {}
    for div in tei.xpath("//t:body/t:div", namespaces=T):
        first = div.xpath("(t:head|.//t:p)[1]", namespaces=T)[0]
        opening = squeeze(regularized(first))[:40]
        page = next(n for n in range(toc_page + 1, len(seed_text)) if opening in squeeze(seed_text[n]))
        starts[div.get("{http://www.w3.org/XML/1998/namespace}id")] = page + 1
    last = max(starts.values())
    starts["apparatus"] = next(n for n in range(last, len(seed_text))
                               if seed_text[n].lstrip().startswith("Editorial apparatus")) + 1
    starts["index"] = next(n for n in range(starts["apparatus"], len(seed_text))
                           if seed_text[n].lstrip().startswith("Index")) + 1
    return starts


def test_toc_page_numbers_are_where_the_units_start(seed_text, pages) -> None:
    toc = next(text for text in seed_text if text.lstrip().startswith("Contents"))
    listed = [int(n) for n in re.findall(r"\.{2,}\s*(\d+)\s*$", toc, re.MULTILINE)]
    starts = unit_start_pages(seed_text, pages)
    assert listed == list(starts.values())
    assert listed == sorted(listed) and listed[0] > 2


def running_heads(pages) -> dict[str, str]:
    """Each unit's running head, as the HTML asks the typesetter for it."""
    page = tree(pages[SEED.stem][1])
    return {section.get("id"): section.xpath("string(.//@data-running-head)")
            for section in page.xpath("//main/* | //section[@id='apparatus'] | //section[@id='index']")}


def margins(text: str) -> list[str]:
    """The first and last two lines of a page's text, where pypdf puts the
    margin boxes (it extracts them before or after the body)."""
    lines = [line.strip() for line in text.strip().splitlines()]
    return lines[:2] + lines[-2:]


def test_folios_and_running_heads(seed_text, pages) -> None:
    starts = unit_start_pages(seed_text, pages)
    heads = running_heads(pages)
    assert heads["text1"].startswith("Statement of communist, left and anarchist")
    assert heads["text1"].endswith("…") and len(heads["text1"]) <= 60
    first_body = min(starts.values())
    assert "1" not in margins(seed_text[0]), "no folio on the title page"
    for page in range(2, first_body):
        assert not set(margins(seed_text[page - 1])) & set(heads.values()), "no head in the front matter"
    for number in range(first_body, len(seed_text) + 1):
        text = seed_text[number - 1]
        if not text.strip():
            continue  # a blank verso before a text that opens on a recto
        assert str(number) in margins(text), f"page {number} has its folio"
        unit = max((u for u, start in starts.items() if start <= number), key=lambda u: starts[u])
        if starts[unit] == number:
            # the apparatus's heading is its head's words: there once, no second time
            lines = [line.strip() for line in text.splitlines()]
            allowed = 1 if unit in ("apparatus", "index") else 0
            assert lines.count(heads[unit]) <= allowed, f"page {number} opens {unit}: no running head"
        else:
            assert heads[unit] in margins(text), f"page {number} runs the head of {unit}"


def test_every_block_of_the_tei_is_in_the_pdf(seed_text, pages) -> None:
    heads = set(running_heads(pages).values())
    body = []
    for number, text in enumerate(seed_text, start=1):
        body += [line for line in text.splitlines() if line.strip() not in heads | {str(number)}]
    everything = squeeze("".join(body))
    tei = parse(pages[SEED.stem][0], "seed")
    blocks = tei.xpath("//t:body//t:p|//t:body//t:ab|//t:body//t:item|//t:body//t:head", namespaces=T)
    assert len(blocks) > 40
    missing = [regularized(b)[:50] for b in blocks if squeeze(regularized(b)) not in everything]
    assert missing == []


def test_pdf_is_reproducible(pages, seed_pdf) -> None:
    assert pdf.typeset(pages[SEED.stem][1]).data == seed_pdf.data


def test_cli_html_and_pdf(tmp_path: Path) -> None:
    tei = REPO / "build" / f"{SEED.stem}.tei.xml"
    runner = CliRunner()
    result = runner.invoke(cli, ["html", str(tei), "-o", str(tmp_path / "a4.html"), "--paper", "a4"])
    assert result.exit_code == 0, result.output
    assert "size: A4" in (tmp_path / "a4.html").read_text(encoding="utf-8")
    result = runner.invoke(cli, ["pdf", str(tei), "-o", str(tmp_path / "a4.pdf"), "--paper", "a4"])
    assert result.exit_code == 0, result.output
    box = pypdf.PdfReader(tmp_path / "a4.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    result = runner.invoke(cli, ["html", str(tmp_path / "missing.tei.xml")])
    assert result.exit_code != 0 and "missing.tei.xml" in result.output


def test_markup_in_the_text_stays_text_in_the_html(tmp_path, validator, maker) -> None:
    source = tmp_path / "markup.txt"
    source.write_text("Notes on <script>alert(1)</script> & ]]> entities\n\nA paragraph with &amp; "
                      "and <b>tags</b> that are text, long enough to be read as a paragraph.\n",
                      encoding="utf-8")
    tei = tei_bytes(load_document(source), validator)
    page = tree(html_bytes(tei, "markup", maker))
    assert not page.xpath("//body//script|//body//b")
    assert "<script>alert(1)</script> &]]>" in page.xpath("string(//title)")
    assert "<script>alert(1)</script>" in page.xpath("string(//main//h2)")
    assert "&amp; and <b>tags</b>" in page.xpath("string(//main//p)")


HIDE_HARFBUZZ_SUBSET = """
import sys
import weasyprint.pdf.fonts
weasyprint.pdf.fonts.harfbuzz_subset = None  # as on a machine without libharfbuzz-subset0
from edition.cli import main
sys.argv = ["edition", *sys.argv[1:]]
main()
"""


def test_pdf_is_reproducible_with_fonttools_subsetting(tmp_path: Path) -> None:
    """With HarfBuzz-Subset hidden, WeasyPrint subsets with fontTools, which
    stamps fonts with the clock unless told the date: two builds a few
    seconds apart still give the same PDF bytes, and the fallback is said
    once per run, not once per source."""
    sources = [SEED, *corpus_texts()[:1]]
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    runs = []
    for n in (1, 2):
        if n == 2:
            time.sleep(2)  # fontTools' timestamps have a resolution of one second
        done = subprocess.run([sys.executable, "-c", HIDE_HARFBUZZ_SUBSET, "build", *map(str, sources),
                               "-o", str(tmp_path / f"out{n}"), "--pdf"],
                              check=False, capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
        assert done.returncode == 0, done.stderr
        runs.append(done.stderr)
    for stderr in runs:
        said = [line for line in stderr.splitlines() if "HarfBuzz-Subset" in line]
        assert said == [("warning: HarfBuzz-Subset is not installed, so WeasyPrint subsets fonts with fontTools "
                         "(slower; the PDF is the same on every build); install libharfbuzz-subset0 "
                         "(Debian/Ubuntu) or harfbuzz (Homebrew, MSYS2)")]
        assert "Using fontTools" not in stderr
    for source in sources:
        name = source.stem + ".pdf"
        first, second = (tmp_path / "out1" / name).read_bytes(), (tmp_path / "out2" / name).read_bytes()
        assert first == second, name
        assert pypdf.PdfReader(io.BytesIO(first)).pages, name
