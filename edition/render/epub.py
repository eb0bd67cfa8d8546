"""An EPUB 3 made from a TEI tree with ebooklib.

One XHTML document per body div (text and figure units) after a title
page; a nav with the table of contents and landmarks, an NCX for older
readers, package metadata and accessibility metadata from the teiHeader.
Given the pagination of the print edition, the text carries its page
breaks and the nav a page list (``pagebreaks``).
ebooklib writes the container; ``package.reproducible_zip`` then fixes
its order and timestamps so the same TEI gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

from ebooklib import epub
from lxml import etree

from edition.render import a11y, pagebreaks
from edition.render import index as name_index
from edition.render.a11y import Page
from edition.render.apparatus import collect, link_places
from edition.render.apparatus import section as section_of
from edition.render.bookinfo import BookInfo, book_info, build_time, elements, issuers_line, name_summary, units
from edition.render.bookinfo import strings as header_strings
from edition.render.cover import make_cover
from edition.render.package import reproducible_zip
from edition.render.pagebreaks import Mark
from edition.render.pagination import Pagination
from edition.render.xhtml import (
    EPUB_NS,
    READING_NOTES,
    XHTML_NS,
    Stylesheet,
    direction,
    element_direction,
    xhtml_document,
    xhtml_tag,
)
from edition.tei.header import DEFAULT_PUBLISHER

CSS_PATH = Path(__file__).resolve().parent / "epub.css"
CSS_NAME = "style/epub.css"
COVER_NAME = "images/cover.png"
APPARATUS_NAME = "apparatus.xhtml"
INDEX_NAME = "index.xhtml"
OPF_NAME = "EPUB/content.opf"
"""Where ebooklib writes the package document."""
NAV_NAME = "EPUB/nav.xhtml"
"""Where ebooklib writes the navigation document."""
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def cover_names(info: BookInfo) -> list[str]:
    """The issuing bodies the cover shows: the header's authors, else the first signatories."""
    return [p.name for p in info.authors] or name_summary(info.signatories, 4)


def title_page(info: BookInfo, reading: str = "regularized") -> etree._Element:
    """The title page's section: title, issuing bodies, the source, the rendition."""
    section = etree.Element(xhtml_tag("section"), {"class": "titlepage", "id": "titlepage"},
                            nsmap={None: XHTML_NS})
    etree.SubElement(section, xhtml_tag("h1")).text = info.title
    if issuers_line(info):
        etree.SubElement(section, xhtml_tag("p"), {"class": "bodies"}).text = issuers_line(info)
    if info.editors:
        etree.SubElement(section, xhtml_tag("p"), {"class": "editors"}).text = "Edited by " + "; ".join(
            p.name for p in info.editors)
    source = ", ".join(x for x in (info.source_publisher, info.date) if x)
    line = etree.SubElement(section, xhtml_tag("p"), {"class": "source"})
    line.text = f"Source: {info.source}" + (f" ({source})" if source else "")
    if info.publisher != DEFAULT_PUBLISHER:
        etree.SubElement(section, xhtml_tag("p"), {"class": "publisher"}).text = info.publisher
    etree.SubElement(section, xhtml_tag("p"), {"class": "reading"}).text = READING_NOTES[reading]
    return section


def package_language(opf: bytes, lang: str) -> bytes:
    """The package document with the book's language on its root as well.

    ebooklib writes ``dc:language`` only; reading systems and Ace's
    ``epub-lang`` rule take the language of the package's own text (title,
    creators) from ``package/@xml:lang``, which ebooklib cannot set.
    """
    root = etree.fromstring(opf, etree.XMLParser(resolve_entities=False, no_network=True))
    root.set(XML_LANG, lang)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))


def navigation(book: epub.EpubBook, title_item: epub.EpubItem, items: list[epub.EpubItem], dir: str) -> None:
    """The nav (made from ``book.toc``) and the NCX, the spine (title page,
    contents, then ``items``) and the landmarks."""
    nav = epub.EpubNav(title="Contents", direction=dir)
    nav.add_link(href=CSS_NAME, rel="stylesheet", type="text/css")
    book.add_item(epub.EpubNcx())
    book.add_item(nav)
    book.spine = [title_item, nav, *items]
    book.guide = [
        {"href": "titlepage.xhtml", "title": "Title page", "type": "titlepage"},
        {"href": "nav.xhtml#id", "title": "Contents", "type": "toc"},
    ]
    if items:
        book.guide.append({"href": items[0].file_name, "title": "Start of text", "type": "bodymatter"})


def page_source(tree: etree._ElementTree, paper: str) -> str:
    """What the page breaks come from (``pageBreakSource``): the print
    edition made from the same TEI, on ``paper``, by the version of edition
    the TEI names."""
    app = "/t:TEI/t:teiHeader/t:encodingDesc/t:appInfo/t:application[@ident='edition']"
    version = header_strings(tree, f"{app}/@version")
    maker = f"edition {version[0]}" if version else "edition"
    return f"Print edition, {paper} (PDF made by {maker})"


def written(book: epub.EpubBook, pages: list[Page], unit_pages: list[Page], certifier: str,
            when: datetime, lang: str, marks: list[Mark] | None = None, source: str = "") -> bytes:
    """The EPUB bytes of ``book``, with the accessibility metadata of its
    content documents (``pages``, of which ``unit_pages`` are the units),
    dated ``when``, in a reproducible zip; with ``marks``, the page list of
    those page breaks (taken from the print edition ``source``)."""
    for prop, value in a11y.metadata(a11y.Content.of(pages, unit_pages), a11y.failures(pages), certifier, source):
        book.add_metadata(None, "meta", value, {"property": prop})
    out = io.BytesIO()
    # ebooklib's own page list would take every element with an epub:type and an id for a page.
    epub.write_epub(out, book, {"mtime": when.replace(tzinfo=None), "epub2_guide": False,
                                "epub3_pages": False, "landmark_title": "Landmarks", "compresslevel": 0})
    return reproducible_zip(out.getvalue(), when, {OPF_NAME: lambda opf: package_language(opf, lang),
                                                   NAV_NAME: lambda nav: pagebreaks.with_page_list(nav, marks or [])})


class EpubMaker:
    """Makes EPUBs; holds the compiled stylesheet, so make one and reuse it."""

    def __init__(self, stylesheet: Stylesheet | None = None) -> None:
        self.stylesheet = stylesheet or Stylesheet()
        self.css = CSS_PATH.read_bytes()

    def make(self, tree: etree._ElementTree, source_date_epoch: str | None = None, apparatus: bool = True,
             reading: str = "regularized", pagination: Pagination | None = None, index: bool = True) -> bytes:
        """The EPUB bytes for a parsed TEI ``tree``, in the ``reading`` asked
        for; with ``apparatus`` (of the regularized reading), an editorial
        apparatus at the back, and each changed place linked to its entry;
        with ``pagination`` (of the print edition of the same tree, reading
        and apparatus), its page breaks and a page list (without, or with no
        page start, the book has nothing of pages); with ``index``, an index
        of the registers' names, linking to each place."""
        apparatus = apparatus and reading == "regularized"
        info = book_info(tree)
        when = build_time(info, source_date_epoch)
        book = epub.EpubBook()
        self._metadata(book, info, when)
        body_dir = element_direction(elements(tree, "/t:TEI/t:text")[0])
        if body_dir == "rtl":
            book.set_direction("rtl")
        css = epub.EpubItem(uid="css", file_name=CSS_NAME, media_type="text/css",
                            content=self.css)
        book.add_item(css)
        # The cover image only (manifest item with properties="cover-image" and,
        # for EPUB 2 readers, <meta name="cover">); no cover page, since ebooklib
        # puts one in the spine as linear="no", which EPUBCheck 5 rejects (OPF-096).
        book.set_cover(COVER_NAME, make_cover(info.title, cover_names(info)),
                       create_page=False)

        title_item = epub.EpubItem(
            uid="titlepage", file_name="titlepage.xhtml", media_type="application/xhtml+xml",
            content=xhtml_document([title_page(info, reading)], title=info.title, lang=info.lang,
                                   css=CSS_NAME, body_type="frontmatter titlepage",
                                   dir=direction(info.title)))
        book.add_item(title_item)
        pages = [Page.parse(title_item.file_name, title_item.content)]

        items: list[epub.EpubItem] = []
        links: list[epub.Link] = []
        unit_pages: list[Page] = []
        found = units(tree)
        rendered = self.stylesheet.units(tree, "epub", apparatus, reading, index)
        entries = collect(rendered, [u.id for u in found]) if apparatus else []
        named = name_index.collect(rendered, [u.id for u in found], tree.getroot()) if index else []
        if apparatus:
            link_places(rendered, APPARATUS_NAME)
        back_section = (section_of(entries, {u.id: f"{u.id}.xhtml" for u in found}, "h1") if apparatus else None)
        index_section = name_index.section(named, {u.id: f"{u.id}.xhtml" for u in found}, "h1") if named else None
        documents = [(f"{u.id}.xhtml", section) for u, section in zip(found, rendered, strict=True)]
        if back_section is not None:
            documents.append((APPARATUS_NAME, back_section))
        if index_section is not None:
            documents.append((INDEX_NAME, index_section))
        marks = pagebreaks.mark(documents, pagination.starts) if pagination is not None else []
        for unit, section in zip(found, rendered, strict=True):
            item = epub.EpubItem(
                uid=f"u-{unit.id}", file_name=f"{unit.id}.xhtml", media_type="application/xhtml+xml",
                content=xhtml_document([section], title=unit.title, lang=info.lang, css=CSS_NAME,
                                       body_type="bodymatter", dir=element_direction(unit.div)))
            book.add_item(item)
            items.append(item)
            unit_pages.append(Page.parse(item.file_name, item.content))
            links.append(epub.Link(item.file_name, unit.title, f"toc-{unit.id}"))

        if index_section is not None:
            index_section.set(f"{{{EPUB_NS}}}type", "index")
        for uid, name, section, title in (("apparatus", APPARATUS_NAME, back_section, "Editorial apparatus"),
                                          ("index", INDEX_NAME, index_section, "Index")):
            if section is None:
                continue
            back = epub.EpubItem(
                uid=uid, file_name=name, media_type="application/xhtml+xml",
                content=xhtml_document([section], title=title, lang=info.lang, css=CSS_NAME,
                                       body_type="backmatter", dir=body_dir))
            book.add_item(back)
            items.append(back)
            pages.append(Page.parse(back.file_name, back.content))
            links.append(epub.Link(back.file_name, title, f"toc-{uid}"))
        book.toc = [epub.Link("titlepage.xhtml", "Title page", "toc-titlepage"), *links]
        navigation(book, title_item, items, body_dir)
        source = page_source(tree, pagination.paper) if marks and pagination is not None else ""
        return written(book, pages + unit_pages, unit_pages, info.publisher, when, info.lang, marks, source)

    @staticmethod
    def _metadata(book: epub.EpubBook, info: BookInfo, when: datetime) -> None:
        book.set_identifier(info.identifier)
        book.set_title(info.title)
        book.set_language(info.lang)
        for number, person in enumerate(info.authors, start=1):
            book.add_author(person.name, role="aut", uid=f"creator{number}")
        for number, person in enumerate(info.editors, start=1):
            book.add_metadata("DC", "contributor", person.name, {"id": f"contributor{number}"})
            book.add_metadata(None, "meta", "edt", {"refines": f"#contributor{number}",
                                                    "property": "role", "scheme": "marc:relators"})
        book.add_metadata("DC", "publisher", info.publisher)
        if info.date:
            book.add_metadata("DC", "date", info.date)
        if info.source:
            book.add_metadata("DC", "source", info.source)
        if info.rights:
            book.add_metadata("DC", "rights", info.rights)
