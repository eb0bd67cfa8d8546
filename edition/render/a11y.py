"""EPUB Accessibility 1.1 metadata computed from the content documents.

Each value says what the book really holds: images make the access mode
visual, alternative text is claimed only when every image has it, and
the conformance claim (``dcterms:conformsTo``) is made only when every
check below passes on every document.  The checks are the ones a machine
can decide for the XHTML this project writes; they are run on the bytes
that go into the book, so a hand-edited TEI that breaks one loses the claim.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from lxml import etree

from edition.render.xhtml import EPUB_NS, XHTML_NS, XML_LANG, xhtml_tag

CONFORMANCE = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
A11Y_PREFIX = "a11y: http://www.idpf.org/epub/vocab/package/a11y/#"
NS = {"h": XHTML_NS, "epub": EPUB_NS}


@dataclass(frozen=True)
class Page:
    """One content document of the book: its file name and parsed XHTML."""

    name: str
    root: etree._Element

    @classmethod
    def parse(cls, name: str, data: bytes) -> Page:
        return cls(name, etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True)))

    def find(self, path: str) -> list[etree._Element]:
        return cast(list[etree._Element], _compiled(path)(self.root))


@functools.lru_cache(maxsize=64)
def _compiled(path: str) -> etree.XPath:
    """The checks' few XPaths, compiled once per process."""
    return etree.XPath(path, namespaces=NS)


def _text(element: etree._Element) -> str:
    return str(element.xpath("normalize-space(.)"))


def _lang(page: Page) -> str | None:
    lang, xml_lang = page.root.get("lang"), page.root.get(XML_LANG)
    if not lang or lang != xml_lang:
        return "the language is not declared (lang and xml:lang on html, equal)"
    return None


def _title(page: Page) -> str | None:
    titles = page.find("/h:html/h:head/h:title")
    return None if titles and _text(titles[0]) else "the document has no title"


HEADINGS = tuple(xhtml_tag(f"h{level}") for level in range(1, 7))


def _visible(element: etree._Element) -> bool:
    """Whether ``element`` holds text (XPath's ``normalize-space(.) != ''``)."""
    return bool("".join(element.itertext()).strip(" \t\r\n"))


def _alt(page: Page) -> str | None:
    missing = [img for img in page.root.iter(xhtml_tag("img")) if img.get("alt") is None]
    return f"{len(missing)} image(s) without alt text" if missing else None


def _heading_order(page: Page) -> str | None:
    levels = [int(str(h.tag)[-1]) for h in page.root.iter(*HEADINGS)]
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            return f"heading level jumps from h{before} to h{after}"
    return None


def _unique_ids(page: Page) -> str | None:
    ids = [v for v in (e.get("id") for e in page.root.iter()) if v is not None]
    return "duplicate ids" if len(ids) != len(set(ids)) else None


def _figures_captioned(page: Page) -> str | None:
    bare = page.find("//h:figure[not(h:figcaption)][not(.//h:img[@alt])]")
    return f"{len(bare)} figure(s) with neither caption nor alt text" if bare else None


def _links_named(page: Page) -> str | None:
    empty = [a for a in page.root.iter(xhtml_tag("a")) if not a.get("aria-label") and not _visible(a)]
    return f"{len(empty)} link(s) without text" if empty else None


CHECKS: tuple[tuple[str, Callable[[Page], str | None]], ...] = (
    ("language", _lang),
    ("title", _title),
    ("alt-text", _alt),
    ("heading-order", _heading_order),
    ("unique-ids", _unique_ids),
    ("figure-caption", _figures_captioned),
    ("link-text", _links_named),
)
"""Run in this order on every content document; the first failure of each is kept."""


def failures(pages: Sequence[Page]) -> list[str]:
    """What stands between the book and a conformance claim, one line per problem."""
    found = []
    for page in pages:
        for name, check in CHECKS:
            problem = check(page)
            if problem:
                found.append(f"{page.name}: {name}: {problem}")
    return found


@dataclass(frozen=True)
class Content:
    """What the reader meets, counted over the content documents."""

    units: int
    headed_units: int
    """Units that open with a heading, or that are a captioned figure (named by its caption)."""
    images: int
    images_with_alt: int
    figures: int
    signatory_lists: int
    media: int
    page_breaks: int = 0
    """Markers of the print edition's page breaks (``epub:type="pagebreak"``)."""

    @classmethod
    def of(cls, pages: Sequence[Page], units: Sequence[Page]) -> Content:
        def count(path: str) -> int:
            return sum(len(p.find(path)) for p in pages)

        return cls(
            units=len(units),
            headed_units=sum(1 for u in units if u.find(
                "//h:h1|//h:h2|/h:html/h:body/h:section[h:figure/h:figcaption][count(*) = 1]")),
            images=count("//h:img|//h:svg"),
            images_with_alt=count("//h:img[@alt]"),
            figures=count("//h:figure"),
            signatory_lists=count("//h:ul[contains(concat(' ', @class, ' '), ' signatories ')]"),
            media=count("//h:audio|//h:video|//h:canvas"),
            page_breaks=count("//*[contains(concat(' ', @epub:type, ' '), ' pagebreak ')]"),
        )


def metadata(content: Content, problems: Sequence[str], certifier: str, page_source: str = ""
             ) -> list[tuple[str, str]]:
    """The (property, value) pairs of the package's accessibility metadata;
    ``page_source`` names the print edition the page breaks come from, said
    (with the page features) only when the book has page breaks."""
    visual = content.images > 0
    described = visual and content.images_with_alt == content.images
    pairs = [("schema:accessMode", "textual")]
    if visual:
        pairs.append(("schema:accessMode", "visual"))
    pairs.append(("schema:accessModeSufficient", "textual" if not visual or described else "textual,visual"))
    features = ["tableOfContents", "readingOrder", "displayTransformability"]
    if content.units and content.headed_units == content.units:
        features.insert(0, "structuralNavigation")
    if described:
        features.append("alternativeText")
    if content.page_breaks:
        features += ["pageNavigation", "printPageNumbers"]
    pairs += [("schema:accessibilityFeature", f) for f in features]
    pairs.append(("schema:accessibilityHazard", "none" if not content.media else "unknown"))
    pairs.append(("schema:accessibilitySummary", summary(content, problems)))
    if content.page_breaks and page_source:
        # EPUB 3.3's own property (no prefix), as EPUB Accessibility 1.1 names it;
        # EPUBCheck rejects the a11y: prefix on it (OPF-027).
        pairs.append(("pageBreakSource", page_source))
    if not problems:
        pairs += [("dcterms:conformsTo", CONFORMANCE), ("a11y:certifiedBy", certifier)]
    return pairs


def summary(content: Content, problems: Sequence[str]) -> str:
    """A few sentences for a person choosing the book, from the counts."""
    parts = [f"This publication has {content.units} section(s), reachable from the table of contents"]
    if content.headed_units == content.units:
        parts[0] += ", each opening with a heading" + (" or, for a photo, its caption." if content.figures
                                                        else ".")
    else:
        parts[0] += f"; {content.headed_units} of them open with a heading or a caption."
    if content.figures:
        parts.append(f"It holds {content.figures} photo caption(s) with credit(s)"
                     + (", without the photos themselves." if not content.images else "."))
    if content.signatory_lists:
        parts.append("Signatories are given as lists, one name per item.")
    if not content.images:
        parts.append("All content is text.")
    if content.page_breaks:
        parts.append(f"The page breaks of the print edition are marked ({content.page_breaks} pages) "
                     "and listed in a page list.")
    parts.append("The reader's font and size settings are respected.")
    if problems:
        parts.append(f"No conformance is claimed: {len(problems)} automated check(s) failed.")
    else:
        parts.append("Automated checks of language, titles, headings, ids, links and"
                     " alternative text passed on every document.")
    return " ".join(parts)
