"""One EPUB 3 of a whole collection, made from its ``teiCorpus``.

The collection's title page comes first, then the contents across every
text; each text opens with a page of its own (its title, who issued it,
its source) and goes on with its units, rendered as the text's own EPUB
renders them.  The nav nests each text's units under its title, the NCX
follows it for older readers, and every content document carries its own
text's language and direction, so a collection in several languages reads
right in each.
"""

from __future__ import annotations

from datetime import datetime

from ebooklib import epub
from lxml import etree

from edition.render import index as name_index
from edition.render.a11y import Page
from edition.render.bookinfo import dated, issuers_line, units
from edition.render.cover import make_cover
from edition.render.epub import COVER_NAME, CSS_NAME, CSS_PATH, navigation, written
from edition.render.volume import Member, VolumeInfo, count_line, editors_line, volume_info
from edition.render.xhtml import EPUB_NS, XHTML_NS, Stylesheet, direction, element_direction, xhtml_document, xhtml_tag
from edition.tei.header import DEFAULT_PUBLISHER
from edition.tei.maker import XML_ID

NSMAP: dict[str | None, str] = {None: XHTML_NS}


def _sub(parent: etree._Element, tag: str, text: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, xhtml_tag(tag), {k.rstrip("_"): v for k, v in attrs.items()})
    element.text = text
    return element


def volume_title_page(info: VolumeInfo) -> etree._Element:
    """The collection's title page: title, editors, how many texts, publisher."""
    section = etree.Element(xhtml_tag("section"), {"class": "titlepage", "id": "titlepage"}, nsmap=NSMAP)
    _sub(section, "h1", info.title)
    if editors_line(info):
        _sub(section, "p", editors_line(info), class_="editors")
    _sub(section, "p", count_line(info), class_="count")
    if info.publisher != DEFAULT_PUBLISHER:
        _sub(section, "p", info.publisher, class_="publisher")
    if info.licence:
        _sub(section, "p", info.licence, class_="rights")
    return section


def text_title_page(member: Member) -> etree._Element:
    """Where a text opens: its title, who issued it, its source and date."""
    info = member.info
    section = etree.Element(xhtml_tag("section"), {"class": "titlepage text-opening", "id": member.anchor},
                            nsmap=NSMAP)
    _sub(section, "h1", info.title)
    if issuers_line(info):
        _sub(section, "p", issuers_line(info), class_="bodies")
    source = ", ".join(x for x in (info.source_publisher, info.date) if x)
    if info.source or source:
        _sub(section, "p", f"Source: {info.source}" + (f" ({source})" if source else ""), class_="source")
    return section


class VolumeEpubMaker:
    """Makes collection EPUBs; holds the compiled stylesheet, so make one and reuse it."""

    def __init__(self, stylesheet: Stylesheet | None = None) -> None:
        self.stylesheet = stylesheet or Stylesheet()
        self.css = CSS_PATH.read_bytes()

    def make(self, tree: etree._ElementTree, source_date_epoch: str | None = None) -> bytes:
        """The EPUB bytes for a parsed ``teiCorpus`` ``tree``."""
        info = volume_info(tree)
        when = dated(info.date, source_date_epoch)
        book = epub.EpubBook()
        _metadata(book, info, when)
        if info.dir == "rtl":
            book.set_direction("rtl")
        book.add_item(epub.EpubItem(uid="css", file_name=CSS_NAME, media_type="text/css", content=self.css))
        book.set_cover(COVER_NAME, make_cover(info.title, [p.name for p in info.editors] or [count_line(info)]),
                       create_page=False)

        title_item = self._item("titlepage", volume_title_page(info), info.title, info.lang,
                                "frontmatter titlepage", direction(info.title))
        book.add_item(title_item)
        pages = [Page.parse(title_item.file_name, title_item.content)]
        spine: list[epub.EpubItem] = []
        unit_pages: list[Page] = []
        toc: list[object] = [epub.Link("titlepage.xhtml", "Title page", "toc-titlepage")]
        named: list[name_index.IndexEntry] = []
        files: dict[str, str] = {}
        for k, member in enumerate(info.members, start=1):
            items, found = self._text(member, tree.getroot(), k, name_index.count(named), files)
            named = name_index.ordered([*named, *found])
            for item in items:
                book.add_item(item)
                unit_pages.append(Page.parse(item.file_name, item.content))
            spine += items
            toc.append((epub.Section(member.info.title, items[0].file_name),
                        [epub.Link(item.file_name, item.title, f"toc-{item.id}") for item in items[1:]]))

        if named:
            index_section = name_index.section(named, files, "h1")
            index_section.set(f"{{{EPUB_NS}}}type", "index")
            back = self._item("index", index_section, "Index", info.lang, "backmatter", info.dir)
            book.add_item(back)
            spine.append(back)
            pages.append(Page.parse(back.file_name, back.content))
            toc.append(epub.Link(back.file_name, "Index", "toc-index"))
        book.toc = toc
        navigation(book, title_item, spine, info.dir)
        return written(book, pages + unit_pages, unit_pages, info.publisher, when, info.lang)

    def _text(self, member: Member, corpus: etree._Element, number: int, start: int, files: dict[str, str]
              ) -> tuple[list[epub.EpubItem], list[name_index.IndexEntry]]:
        """A text's content documents (its opening page, then its units), and
        its places in the index (see ``index.collect``); ``files`` learns
        which document holds each unit."""
        lang = member.info.lang
        items = [self._item(member.anchor, text_title_page(member), member.info.title, lang, "bodymatter",
                            member.dir)]
        rendered = self.stylesheet.units(member.tree, "epub", index=True)
        found = name_index.collect(rendered, [u.id for u in units(member.tree)], corpus, start, number)
        for unit, section in zip(units(member.tree), rendered, strict=True):
            name = unit.div.get(XML_ID) or f"{member.anchor}-{unit.id}"
            files[unit.id] = f"{name}.xhtml"
            items.append(self._item(name, section, unit.title, lang, "bodymatter",
                                    element_direction(unit.div)))
        return items, found

    def _item(self, name: str, section: etree._Element, title: str, lang: str, body_type: str,
              dir: str) -> epub.EpubItem:
        item = epub.EpubItem(uid=f"u-{name}", file_name=f"{name}.xhtml", media_type="application/xhtml+xml",
                             content=xhtml_document([section], title=title, lang=lang, css=CSS_NAME,
                                                    body_type=body_type, dir=dir))
        item.title = title
        return item


def _metadata(book: epub.EpubBook, info: VolumeInfo, when: datetime) -> None:
    book.set_identifier(info.identifier)
    book.set_title(info.title)
    book.set_language(info.lang)
    for lang in info.languages[1:]:
        book.add_metadata("DC", "language", lang)
    for number, person in enumerate(info.editors, start=1):
        book.add_metadata("DC", "creator", person.name, {"id": f"editor{number}"})
        book.add_metadata(None, "meta", "edt", {"refines": f"#editor{number}",
                                                "property": "role", "scheme": "marc:relators"})
    authors = dict.fromkeys(p.name for m in info.members for p in m.info.authors)
    for number, name in enumerate(authors, start=1):
        book.add_metadata("DC", "contributor", name, {"id": f"contributor{number}"})
    book.add_metadata("DC", "publisher", info.publisher)
    if info.date:
        book.add_metadata("DC", "date", info.date)
    if info.licence:
        book.add_metadata("DC", "rights", info.licence)

