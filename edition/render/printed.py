"""The print edition: one self-contained HTML file, made for CSS paged media.

The body is the same TEI → XHTML mapping as the EPUB (``xslt/tei2xhtml.xsl``
with ``target=print``); around it come a title page, a colophon on its
verso, a table of contents whose page numbers the paged-media engine fills
in (``target-counter``), and the stylesheets, inlined so that nothing is
fetched.  The page geometry is generated from a ``Paper``; the rest of the
print rules live in ``print.css``, the screen rules in ``screen.css``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import cast

from lxml import etree, html

from edition.render import index as name_index
from edition.render.apparatus import collect
from edition.render.apparatus import section as apparatus_section
from edition.render.bookinfo import BookInfo, book_info, build_time, elements, issuers_line, units
from edition.render.xhtml import (
    READING_NOTES,
    SLOT,
    XHTML_NS,
    XML_LANG,
    Stylesheet,
    element_direction,
    mark_other_direction,
    xhtml_tag,
)
from edition.tei.header import DEFAULT_PUBLISHER
from edition.tei.maker import TEI_NS
from edition.tei.readings import regularized

CSS_DIR = Path(__file__).resolve().parent
RUNNING_HEAD_LIMIT = 60
"""Longer titles are cut at a word for the running head, so it stays on one line."""


@dataclass(frozen=True)
class Paper:
    """A trim size, its margins (millimetres; ``inner`` is the binding side) and
    the body type size (points) that keeps lines near 65 characters on it."""

    name: str
    size: str
    top: int
    bottom: int
    inner: int
    outer: int
    font_pt: float

    @property
    def label(self) -> str:
        """The trim as a reader names it: ``A5``, ``Letter``."""
        return self.size[:1].upper() + self.size[1:]

    def css(self) -> str:
        """The ``@page`` rules for this paper: facing pages, inner margin wider."""
        return (
            f"@page {{ size: {self.size}; margin: {self.top}mm {self.outer}mm {self.bottom}mm {self.inner}mm; }}\n"
            f"@page :left {{ margin-left: {self.outer}mm; margin-right: {self.inner}mm; }}\n"
            f"@page :right {{ margin-left: {self.inner}mm; margin-right: {self.outer}mm; }}\n"
            f"html {{ font-size: {self.font_pt}pt; }}\n"
        )


PAPERS = {
    "a5": Paper("a5", "A5", top=16, bottom=20, inner=20, outer=14, font_pt=10),
    "a4": Paper("a4", "A4", top=24, bottom=28, inner=34, outer=26, font_pt=12),
    "letter": Paper("letter", "letter", top=24, bottom=28, inner=34, outer=26, font_pt=12),
}
"""The trims ``--paper`` offers; A5 is the default of a pamphlet-sized edition."""


@dataclass(frozen=True)
class Provenance:
    """What the colophon says: where the text came from and what was done to it."""

    filename: str
    sha256: str
    encoding: str
    version: str
    normalization: tuple[tuple[str, int], ...]
    segmentation: tuple[tuple[str, int], ...]
    licence: str


def _num(item: etree._Element) -> int:
    found = elements(item, "t:num")
    text = regularized(found[0]) if found else ""
    return int(text) if text.isdigit() else 0


def _rules(tree: etree._ElementTree, kind: str) -> tuple[tuple[str, int], ...]:
    path = f"/t:TEI/t:teiHeader/t:encodingDesc/t:editorialDecl/t:{kind}//t:item[@n]"
    return tuple((str(item.get("n")), _num(item)) for item in elements(tree, path))


def provenance(tree: etree._ElementTree) -> Provenance:
    """The colophon's facts, read from the teiHeader."""
    bibl = "/t:TEI/t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl"

    def first(path: str) -> str:
        found = cast(list[object], tree.xpath(path, namespaces={"t": TEI_NS}))
        if not found:
            return ""
        return (regularized(found[0]) if isinstance(found[0], etree._Element) else str(found[0])).strip()

    return Provenance(
        filename=first(f"{bibl}/t:idno[@type='filename']"),
        sha256=first(f"{bibl}/t:idno[@type='sha256']"),
        encoding=first(f"{bibl}/t:idno[@type='encoding']"),
        version=first("/t:TEI/t:teiHeader/t:encodingDesc/t:appInfo/t:application[@ident='edition']/@version"),
        normalization=_rules(tree, "normalization"),
        segmentation=_rules(tree, "segmentation"),
        licence=" ".join(regularized(p) for p in elements(
            tree, "/t:TEI/t:teiHeader/t:fileDesc/t:publicationStmt/t:availability/*")),
    )


def running_head(title: str) -> str:
    """``title`` cut at a word to fit a running head."""
    if len(title) <= RUNNING_HEAD_LIMIT:
        return title
    return title[:RUNNING_HEAD_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def sub(parent: etree._Element, tag: str, text: str = "", **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, xhtml_tag(tag), {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text:
        element.text = text
    return element


def source_lines(header: etree._Element, info: BookInfo) -> None:
    """Under a title: who issued the text, its source, its date."""
    if issuers_line(info):
        sub(header, "p", issuers_line(info), class_="bodies")
    source = ", ".join(x for x in (info.source_publisher, info.source) if x)
    if source:
        sub(header, "p", f"Source: {source}", class_="source")
    if info.date:
        sub(header, "p", class_="date").append(time_element(info.date))


def _title_page(info: BookInfo, reading: str = "regularized") -> etree._Element:
    header = etree.Element(xhtml_tag("header"), {"class": "titlepage", "id": "titlepage"})
    sub(header, "h1", info.title, id="book-title")
    source_lines(header, info)
    if info.publisher != DEFAULT_PUBLISHER:
        sub(header, "p", info.publisher, class_="publisher")
    sub(header, "p", READING_NOTES[reading], class_="reading")
    return header


def time_element(when: str) -> etree._Element:
    element = etree.Element(xhtml_tag("time"), datetime=when)
    element.text = when
    return element


def contents(entries: list[tuple[str, str]]) -> etree._Element:
    nav = etree.Element(xhtml_tag("nav"), {"class": "toc", "role": "doc-toc", "aria-labelledby": "toc-title"})
    sub(nav, "h2", "Contents", id="toc-title")
    items = sub(nav, "ol")
    for target, title in entries:
        sub(sub(items, "li"), "a", title, href=f"#{target}")
    return nav


def method_line(prov: Provenance, apparatus: bool = False) -> str:
    """What normalization did, rule by rule, for a colophon."""
    changed = [(rule, count) for rule, count in prov.normalization if count]
    total = sum(count for _rule, count in changed)
    return (f"Normalized by {len(prov.normalization)} rules, {total} interventions"
            + (": " + ", ".join(f"{rule} {count}" for rule, count in changed) if changed else "")
            + ". Each intervention is recorded in the TEI with the source’s reading"
            + ("; all but those of layout are listed in the editorial apparatus." if apparatus else "."))


def structure_line(prov: Provenance) -> str:
    """Which structure rules marked up the text, for a colophon."""
    found = [(rule, count) for rule, count in prov.segmentation if count]
    return ("Detected by rule: " + ", ".join(f"{rule} {count}" for rule, count in found) + "."
            if found else "No structure rule applied.")


def _colophon(info: BookInfo, prov: Provenance, apparatus: bool = False, reading: str = "regularized"
              ) -> etree._Element:
    section = etree.Element(xhtml_tag("section"), {"class": "colophon", "id": "colophon", "role": "doc-colophon",
                                            "aria-labelledby": "colophon-title"})
    sub(section, "h2", "Colophon", id="colophon-title")
    facts = sub(section, "dl")

    def fact(term: str, value: str | etree._Element) -> None:
        sub(facts, "dt", term)
        definition = sub(facts, "dd")
        if isinstance(value, str):
            definition.text = value
        else:
            definition.append(value)

    source = prov.filename or info.source
    if info.source and info.source != prov.filename:
        source += f", {info.source}"
    fact("Source", source + (f" ({prov.encoding})" if prov.encoding else ""))
    if prov.sha256:
        checksum = etree.Element(xhtml_tag("code"), {"class": "checksum"})
        checksum.text = prov.sha256
        fact("SHA-256 of the source", checksum)
    fact("Reading", READING_NOTES[reading])
    fact("Editorial method", method_line(prov, apparatus))
    fact("Structure", structure_line(prov))
    if prov.licence:
        fact("Rights", prov.licence)
    fact("Made by", f"edition {prov.version}".strip() + ", from the TEI encoding of the source.")
    return section


def html_bytes(element: etree._Element, doctype: str | None = None) -> bytes:
    """``element`` as HTML bytes, without its tail."""
    return cast(bytes, html.tostring(element, doctype=doctype, encoding="utf-8", method="html",
                                     with_tail=False))


def plain_html(root: etree._Element) -> etree._Element:
    """The XHTML tree as HTML: no namespaces, no xml:lang (``lang`` says it)."""
    for element in root.iter():
        tag = element.tag
        if isinstance(tag, str):
            if tag[0] == "{":
                element.tag = tag.rpartition("}")[2]
            if XML_LANG in element.attrib:
                del element.attrib[XML_LANG]
    etree.cleanup_namespaces(root)
    return root


class PrintMaker:
    """Makes print HTML; holds the compiled stylesheet and the CSS, so make one and reuse it."""

    def __init__(self, stylesheet: Stylesheet | None = None) -> None:
        self.stylesheet = stylesheet or Stylesheet()
        self.print_css = (CSS_DIR / "print.css").read_text(encoding="utf-8")
        self.screen_css = (CSS_DIR / "screen.css").read_text(encoding="utf-8")
        self.base_css = (CSS_DIR / "book.css").read_text(encoding="utf-8")

    def make(self, tree: etree._ElementTree, paper: Paper = PAPERS["a5"],
             source_date_epoch: str | None = None, apparatus: bool = True, reading: str = "regularized",
             index: bool = True) -> bytes:
        """The HTML bytes for a parsed TEI ``tree``, in the ``reading`` asked
        for; with ``apparatus`` (of the regularized reading), the editorial
        apparatus after the text, its entries giving their pages; with
        ``index``, an index of the registers' names last, giving theirs."""
        apparatus = apparatus and reading == "regularized"
        info = book_info(tree)
        facts = provenance(tree)
        when = build_time(info, source_date_epoch)
        text_dir = element_direction(elements(tree, "/t:TEI/t:text")[0])

        root = self.page(info.title, info.lang, text_dir, [p.name for p in info.authors], facts.version,
                         when, paper)
        body = sub(root, "body")
        body.append(_title_page(info, reading))
        body.append(_colophon(info, facts, apparatus, reading))
        entries: list[tuple[str, str]] = []
        sections: list[etree._Element] = []
        found = units(tree)
        rendered = self.stylesheet.units(tree, "print", apparatus, reading, index)
        changes = collect(rendered, [u.id for u in found]) if apparatus else []
        named = name_index.collect(rendered, [u.id for u in found], tree.getroot()) if index else []
        for unit, section in zip(found, rendered, strict=True):
            # On the unit's first block, not the section: a string set by a box
            # that runs over several pages counts as set on each of them, and
            # the head is left off only the page where the unit opens.
            opener = section[0] if len(section) else section
            opener.set("data-running-head", running_head(unit.title))
            own = element_direction(unit.div)
            if own != text_dir:
                section.set("dir", own)
            entries.append((section.get("id") or unit.id, unit.title))
            sections.append(section)
        if apparatus:
            entries.append(("apparatus", "Editorial apparatus"))
        if named:
            entries.append(("index", "Index"))
        body.append(contents(entries))
        sub(body, "main").append(etree.Comment(SLOT))
        if apparatus:
            back = apparatus_section(changes, {})
            back[0].set("data-running-head", "Editorial apparatus")
            body.append(back)
        if named:
            back = name_index.section(named, {})
            back[0].set("data-running-head", "Index")
            body.append(back)

        return spliced(root, sections, text_dir)

    def page(self, title: str, lang: str, dir: str, authors: list[str], version: str, when: datetime,
             paper: Paper, extra_css: str = "") -> etree._Element:
        """The ``html`` element with its ``head``: title, authors, dates, the inlined stylesheets."""
        root = etree.Element(xhtml_tag("html"), nsmap={None: XHTML_NS})  # type: ignore[dict-item]
        root.set("lang", lang)
        root.set("dir", dir)
        head = sub(root, "head")
        sub(head, "meta", charset="utf-8")
        sub(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
        sub(head, "title", title)
        for name in authors:
            sub(head, "meta", name="author", content=name)
        sub(head, "meta", name="generator", content=f"edition {version}".strip())
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        sub(head, "meta", name="dcterms.created", content=stamp)
        sub(head, "meta", name="dcterms.modified", content=stamp)
        sub(head, "style", self.base_css)
        sub(head, "style", paper.css() + self.print_css + extra_css, media="print")
        sub(head, "style", self.screen_css, media="screen")
        return root


def spliced(root: etree._Element, sections: list[etree._Element], dir: str, doctype: str | None = "<!DOCTYPE html>"
            ) -> bytes:
    """The HTML bytes of ``root``, which holds the ``SLOT`` comment, with
    ``sections`` (elements of another tree) serialized into it; blocks
    running against ``dir`` are marked."""
    mark_other_direction(root, dir)
    skeleton = html_bytes(plain_html(root), doctype=doctype)
    before, after = skeleton.split(f"<!--{SLOT}-->".encode(), 1)
    return before + fragments(sections, dir) + after + (b"\n" if doctype else b"")


def fragments(sections: list[etree._Element], dir: str) -> bytes:
    """``sections`` (rendered units, still in the stylesheet's result) as HTML bytes."""
    wrappers = {id(w): w for w in (s.getparent() for s in sections) if w is not None}
    for section in sections:
        mark_other_direction(section, dir)
    for wrapper in wrappers.values():  # they hold the namespace declaration: clear them too
        plain_html(wrapper)
    return b"".join(html_bytes(section) for section in sections)  # spliced as bytes: see xhtml.SLOT
