"""Accessibility metadata follows what the book holds, and the conformance
claim is made only when the automated checks pass."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from edition.pipeline import epub_bytes, load_document, tei_bytes
from edition.render import EpubMaker, a11y
from edition.render.a11y import Content, Page
from tests.paths import SEED, corpus_texts

OPF = {"opf": "http://www.idpf.org/2007/opf"}


def page(body: str, *, lang: str = 'lang="en" xml:lang="en"', title: str = "T", name: str = "p.xhtml") -> Page:
    data = (f'<html xmlns="http://www.w3.org/1999/xhtml" {lang}><head><title>{title}</title></head>'
            f"<body>{body}</body></html>").encode()
    return Page.parse(name, data)


def claims(pages: list[Page], units: list[Page] | None = None) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for prop, value in a11y.metadata(Content.of(pages, units if units is not None else pages),
                                     a11y.failures(pages), "edition"):
        found.setdefault(prop, []).append(value)
    return found


def opf_claims(book: bytes) -> dict[str, list[str]]:
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        opf = etree.fromstring(z.read("EPUB/content.opf"))
    found: dict[str, list[str]] = {}
    for meta in opf.xpath("//opf:metadata/opf:meta[@property]", namespaces=OPF):
        found.setdefault(meta.get("property"), []).append(meta.text)
    return found


def test_a_text_only_book_is_textual_and_claims_conformance() -> None:
    found = claims([page("<section><h1>A</h1><p>x</p></section>")])
    assert found["schema:accessMode"] == ["textual"]
    assert found["schema:accessModeSufficient"] == ["textual"]
    assert "structuralNavigation" in found["schema:accessibilityFeature"]
    assert "alternativeText" not in found["schema:accessibilityFeature"]
    assert found["dcterms:conformsTo"] == [a11y.CONFORMANCE]
    assert found["a11y:certifiedBy"] == ["edition"]


def test_images_make_the_book_visual_and_alt_text_is_claimed_only_when_present() -> None:
    described = claims([page('<section><h1>A</h1><img src="a.png" alt="A march"/></section>')])
    assert described["schema:accessMode"] == ["textual", "visual"]
    assert described["schema:accessModeSufficient"] == ["textual"]
    assert "alternativeText" in described["schema:accessibilityFeature"]
    assert "dcterms:conformsTo" in described

    bare = claims([page('<section><h1>A</h1><img src="a.png"/></section>')])
    assert bare["schema:accessModeSufficient"] == ["textual,visual"]
    assert "alternativeText" not in bare["schema:accessibilityFeature"]
    assert "dcterms:conformsTo" not in bare and "a11y:certifiedBy" not in bare
    assert "No conformance is claimed: 1 automated check(s) failed." in bare["schema:accessibilitySummary"][0]


def test_each_check_withholds_the_claim() -> None:
    broken = {
        "language": page("<h1>A</h1>", lang=""),
        "title": page("<h1>A</h1>", title=""),
        "heading-order": page("<h2>A</h2><h1>A</h1><h3>B</h3>"),
        "unique-ids": page('<h1 id="a">A</h1><p id="a">x</p>'),
        "figure-caption": page("<h1>A</h1><figure><p>x</p></figure>"),
        "link-text": page('<h1>A</h1><a href="#x"></a>'),
    }
    for name, bad in broken.items():
        problems = a11y.failures([bad])
        assert [p.split(": ")[1] for p in problems] == [name], problems
        assert "dcterms:conformsTo" not in claims([bad])


def test_headings_decide_structural_navigation() -> None:
    headless = page("<section><p>only a paragraph</p></section>")
    found = claims([headless])
    assert "structuralNavigation" not in found["schema:accessibilityFeature"]
    assert "0 of them open with a heading" in found["schema:accessibilitySummary"][0]
    figure = page("<section><figure><figcaption><p>A caption</p></figcaption></figure></section>")
    assert "structuralNavigation" in claims([figure])["schema:accessibilityFeature"]


def test_media_makes_the_hazard_unknown() -> None:
    assert claims([page("<h1>A</h1>")])["schema:accessibilityHazard"] == ["none"]
    assert claims([page('<h1>A</h1><video src="v.mp4"/>')])["schema:accessibilityHazard"] == ["unknown"]


def test_page_breaks_add_the_page_features_and_their_source() -> None:
    marker = ('<span xmlns:epub="http://www.idpf.org/2007/ops" epub:type="pagebreak" role="doc-pagebreak"'
              ' id="page-5" aria-label="5"/>')
    paged = page(f"<section>{marker}<h1>A</h1><p>x</p></section>")
    found = {}
    for prop, value in a11y.metadata(Content.of([paged], [paged]), [], "edition", "Print edition, A5"):
        found.setdefault(prop, []).append(value)
    assert found["schema:accessibilityFeature"][-2:] == ["pageNavigation", "printPageNumbers"]
    assert found["pageBreakSource"] == ["Print edition, A5"]
    assert "marked (1 pages) and listed in a page list" in found["schema:accessibilitySummary"][0]
    assert "dcterms:conformsTo" in found, "a page break breaks no check"
    plain = page("<section><h1>A</h1><p>x</p></section>")
    unpaged = dict(a11y.metadata(Content.of([plain], [plain]), [], "edition", "Print edition, A5"))
    assert "pageBreakSource" not in unpaged, "a source is named only for page breaks there are"
    assert not {"pageNavigation", "printPageNumbers"} & set(claims([plain])["schema:accessibilityFeature"])


def test_built_books_carry_values_from_their_content(validator, tmp_path) -> None:
    maker = EpubMaker()
    summaries = {}
    for path in [SEED, *corpus_texts()]:
        tei = tei_bytes(load_document(path), validator)
        found = opf_claims(epub_bytes(tei, path.name, maker))
        assert found["dcterms:conformsTo"] == [a11y.CONFORMANCE], path.name
        assert found["schema:accessMode"] == ["textual"]
        summaries[path.stem] = found["schema:accessibilitySummary"][0]
    assert "1 photo caption(s)" in summaries[SEED.stem]
    assert "Signatories are given as lists" in summaries[SEED.stem]
    photos = [s for s in summaries if "scmp" in s]
    assert photos and "5 photo caption(s)" in summaries[photos[0]]
    plain = [s for s in summaries if "calles" in s]
    assert plain and "photo" not in summaries[plain[0]] and "Signatories" not in summaries[plain[0]]
