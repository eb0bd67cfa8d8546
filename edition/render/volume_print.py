"""A collection's printed volume: one HTML file for CSS paged media, made
from its ``teiCorpus``.

After the collection's title page and colophon (which lists every text's
source, its checksum and what was done to it) comes a contents page across
all texts with page numbers the paged-media engine fills in
(``target-counter``); then each text, opening on a right-hand page with its
own title block.  Running heads: the collection's title on left-hand pages,
the text's on right-hand ones, none where a text opens.  Each text carries
its own language and, when it runs the other way, direction.
"""

from __future__ import annotations

from lxml import etree

from edition.render import index as name_index
from edition.render.bookinfo import dated, units
from edition.render.printed import (
    CSS_DIR,
    PAPERS,
    Paper,
    PrintMaker,
    contents,
    fragments,
    html_bytes,
    method_line,
    plain_html,
    provenance,
    running_head,
    source_lines,
    structure_line,
    sub,
    time_element,
)
from edition.render.volume import Member, VolumeInfo, count_line, editors_line, volume_info
from edition.render.xhtml import SLOT, XHTML_NS, Stylesheet, element_direction, mark_other_direction, xhtml_tag
from edition.tei.header import DEFAULT_PUBLISHER

NSMAP: dict[str | None, str] = {None: XHTML_NS}


def _title_page(info: VolumeInfo) -> etree._Element:
    header = etree.Element(xhtml_tag("header"), {"class": "titlepage", "id": "titlepage"})
    sub(header, "h1", info.title, id="book-title", data_running_volume=running_head(info.title))
    if editors_line(info):
        sub(header, "p", editors_line(info), class_="editors")
    sub(header, "p", count_line(info), class_="count")
    if info.date:
        sub(header, "p", class_="date").append(time_element(info.date))
    if info.publisher != DEFAULT_PUBLISHER:
        sub(header, "p", info.publisher, class_="publisher")
    return header


def _colophon(info: VolumeInfo, version: str) -> etree._Element:
    section = etree.Element(xhtml_tag("section"), {"class": "colophon", "id": "colophon", "role": "doc-colophon",
                                            "aria-labelledby": "colophon-title"})
    sub(section, "h2", "Colophon", id="colophon-title")
    facts = sub(section, "dl")
    if info.licence:
        sub(facts, "dt", "Rights")
        sub(facts, "dd", info.licence)
    sub(facts, "dt", "Sources")
    for member in info.members:
        prov = provenance(member.tree)
        item = sub(facts, "dd", class_="source")
        sub(item, "cite", member.info.title)
        line = f": {prov.filename or member.info.source}" + (f" ({prov.encoding})" if prov.encoding else "")
        if prov.sha256:
            line += ", SHA-256 "
        sub(item, "span", line)
        if prov.sha256:
            sub(item, "code", prov.sha256, class_="checksum")
        sub(item, "span", f". {method_line(prov)} {structure_line(prov)}")
    sub(facts, "dt", "Made by")
    sub(facts, "dd", f"edition {version}".strip() + ", from the TEI encoding of the collection (a teiCorpus).")
    return section


def _contents(info: VolumeInfo, titles: list[list[tuple[str, str]]], back: list[tuple[str, str]]) -> etree._Element:
    """The contents: each text with its page, and under it its units' when
    it has several; then the ``back`` matter."""
    nav = contents([(m.anchor, m.info.title) for m in info.members] + back)
    for item, entries in zip(list(nav.iter(xhtml_tag("li")))[:len(titles)], titles, strict=True):
        if len(entries) > 1:
            inner = sub(item, "ol")
            for target, title in entries:
                sub(sub(inner, "li"), "a", title, href=f"#{target}")
    return nav


def _opening(member: Member) -> etree._Element:
    """A text's title block, which also sets its running head."""
    info = member.info
    header = etree.Element(xhtml_tag("header"), {"class": "text-opening"}, nsmap=NSMAP)
    sub(header, "h2", info.title, id=f"{member.anchor}-title", data_running_head=running_head(info.title))
    source_lines(header, info)
    return header


def _drop_repeated_title(section: etree._Element, title: str) -> None:
    """A text whose first unit is headed by the text's own title (most
    single-unit texts) shows it once, in its title block: the unit's heading
    goes, and the unit, left without one, is a ``div`` rather than a section."""
    first = section[0] if len(section) else None
    if first is None or first.tag != xhtml_tag("h3") or " ".join(str(first.xpath("string(.)")).split()) != \
            " ".join(title.split()):
        return
    section.remove(first)
    section.tag = xhtml_tag("div")


class VolumePrintMaker:
    """Makes a collection's print HTML; holds the compiled stylesheet and the CSS."""

    def __init__(self, stylesheet: Stylesheet | None = None) -> None:
        self.pages = PrintMaker(stylesheet)
        self.volume_css = (CSS_DIR / "volume.css").read_text(encoding="utf-8")

    def make(self, tree: etree._ElementTree, paper: Paper = PAPERS["a5"],
             source_date_epoch: str | None = None) -> bytes:
        """The HTML bytes for a parsed ``teiCorpus`` ``tree``."""
        info = volume_info(tree)
        when = dated(info.date, source_date_epoch)
        version = provenance(info.members[0].tree).version if info.members else ""
        volume_dir = info.dir
        root = self.pages.page(info.title, info.lang, volume_dir, [p.name for p in info.editors], version,
                               when, paper, self.volume_css)
        body = sub(root, "body", class_="volume")
        body.append(_title_page(info))
        body.append(_colophon(info, version))
        texts: list[bytes] = []
        titles: list[list[tuple[str, str]]] = []
        named: list[name_index.IndexEntry] = []
        for k, member in enumerate(info.members, start=1):
            data, entries, found = self._text(member, member.dir, tree.getroot(), k, name_index.count(named))
            texts.append(data)
            titles.append(entries)
            named = name_index.ordered([*named, *found])
        body.append(_contents(info, titles, [("index", "Index")] if named else []))
        sub(body, "main").append(etree.Comment(SLOT))
        if named:
            back = name_index.section(named, {})
            back[0].set("data-running-head", "Index")
            body.append(back)
        mark_other_direction(body, volume_dir)
        skeleton = html_bytes(plain_html(root), doctype="<!DOCTYPE html>")
        before, after = skeleton.split(f"<!--{SLOT}-->".encode(), 1)
        return before + b"".join(texts) + after + b"\n"

    def _text(self, member: Member, text_dir: str, corpus: etree._Element, number: int, start: int
              ) -> tuple[bytes, list[tuple[str, str]], list[name_index.IndexEntry]]:
        """A text as an ``article`` (HTML bytes), its units' (anchor, title)
        for the contents, and its places in the index (from ``ix-{start + 1}``,
        labelled as the ``number``-th text; the registers are the ``corpus``'s)."""
        article = etree.Element(xhtml_tag("article"), {"class": "text", "id": member.anchor, "lang": member.info.lang,
                                                "dir": text_dir, "aria-labelledby": f"{member.anchor}-title"},
                                nsmap=NSMAP)
        article.append(_opening(member))
        article.append(etree.Comment(SLOT))
        sections = []
        entries = []
        rendered = self.pages.stylesheet.units(member.tree, "volume", index=True)
        if rendered:
            _drop_repeated_title(rendered[0], member.info.title)
        found = name_index.collect(rendered, [u.id for u in units(member.tree)], corpus, start, number)
        for unit, section in zip(units(member.tree), rendered, strict=True):
            own = element_direction(unit.div)
            if own != text_dir:
                section.set("dir", own)
            entries.append((section.get("id") or unit.id, unit.title))
            sections.append(section)
        mark_other_direction(article, text_dir)
        skeleton = html_bytes(plain_html(article))
        before, after = skeleton.split(f"<!--{SLOT}-->".encode(), 1)
        return before + fragments(sections, text_dir) + after, entries, found

