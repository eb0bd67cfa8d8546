"""What a book says about itself, read from the teiHeader.

The EPUB's package metadata and title page are made from these facts
only, so a hand-edited header shows in the rendered book.
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import cast

from lxml import etree

from edition.tei.header import DEFAULT_PUBLISHER
from edition.tei.maker import TEI_NS, XML_ID, XML_LANG
from edition.tei.readings import regularized

NS = {"t": TEI_NS}
FALLBACK_DATE = datetime(2000, 1, 1, tzinfo=UTC)
"""The build date when neither SOURCE_DATE_EPOCH nor the TEI gives one."""
UUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://edition.invalid/epub")
"""Fixed, so the same source always gives the same dc:identifier."""


@dataclass(frozen=True)
class Person:
    """A named creator or contributor; ``kind`` is the TEI element (orgName, persName, name)."""

    name: str
    kind: str


@dataclass(frozen=True)
class BookInfo:
    """The header facts the EPUB needs."""

    title: str
    lang: str
    authors: tuple[Person, ...]
    signatories: tuple[Person, ...]
    """Who signed the texts, in order: the issuing bodies when the header names no author."""
    editors: tuple[Person, ...]
    publisher: str
    rights: str
    date: str
    source: str
    source_publisher: str
    identifier: str


@functools.lru_cache(maxsize=256)
def compiled(path: str) -> etree.XPath:
    """``path`` (TEI prefix ``t``) compiled once per process: the renderers
    ask the same few dozen questions of every document."""
    return etree.XPath(path, namespaces=NS)


def elements(node: etree._Element | etree._ElementTree, path: str) -> list[etree._Element]:
    """The elements ``path`` selects (TEI prefix ``t``), typed for mypy."""
    return cast(list[etree._Element], compiled(path)(node))


def strings(node: etree._Element | etree._ElementTree, path: str) -> list[str]:
    """The attribute values or texts ``path`` selects, as plain strings."""
    return [str(v) for v in cast(list[object], compiled(path)(node))]


def first_text(tree: etree._ElementTree, path: str) -> str:
    """The edition's reading of the first element ``path`` selects, or empty."""
    found = elements(tree, path)
    return regularized(found[0]) if found else ""


_NAME_TAGS = frozenset(f"{{{TEI_NS}}}{name}" for name in ("orgName", "persName", "name"))


def people(tree: etree._ElementTree | etree._Element, path: str) -> tuple[Person, ...]:
    """The persons or bodies named by the elements ``path`` selects."""
    found = []
    for holder in elements(tree, path):
        named = [child for child in holder if child.tag in _NAME_TAGS]
        kind = etree.QName(named[0]).localname if named else "name"
        text = regularized(holder if not named else named[0])
        if text:
            found.append(Person(text, kind))
    return tuple(found)


def _signatories(tree: etree._ElementTree) -> tuple[Person, ...]:
    return tuple(dict.fromkeys(people(tree, "/t:TEI/t:text/t:body//t:list[@type='signatories']/t:item")))


def name_summary(people: tuple[Person, ...], shown: int) -> list[str]:
    """The first ``shown`` names, then "and N others" for the rest."""
    names = [p.name for p in people]
    if len(names) <= shown + 1:
        return names
    return [*names[:shown], f"and {len(names) - shown} others"]


def name_list(people: tuple[Person, ...], shown: int) -> str:
    """The names as a phrase: "A; B and C", or "A; B and 12 others" (semicolons,
    since the names of organizations often hold commas)."""
    names = name_summary(people, shown)
    if len(names) <= 1:
        return "".join(names)
    last = names[-1].removeprefix("and ")
    return f"{'; '.join(names[:-1])} and {last}"


def book_info(tree: etree._ElementTree) -> BookInfo:
    """Read the header of ``tree`` (a TEI file as ``edition`` writes it)."""
    header = "/t:TEI/t:teiHeader/t:fileDesc"
    bibl = f"{header}/t:sourceDesc/t:bibl"
    sha = first_text(tree, f"{bibl}/t:idno[@type='sha256']")
    title = first_text(tree, f"{header}/t:titleStmt/t:title") or "Untitled"
    seed = f"sha256:{sha}" if sha else f"title:{title}"
    dates = strings(tree, f"{bibl}/t:date/@when|/t:TEI/t:teiHeader/t:profileDesc/t:creation/t:date/@when")
    url = strings(tree, f"{bibl}/t:ref/@target")
    filename = first_text(tree, f"{bibl}/t:idno[@type='filename']")
    licence = first_text(tree, f"{header}/t:publicationStmt/t:availability/t:licence")
    return BookInfo(
        title=title,
        lang=tree.getroot().get(XML_LANG) or "und",
        authors=people(tree, f"{header}/t:titleStmt/t:author"),
        signatories=_signatories(tree),
        editors=people(tree, f"{header}/t:titleStmt/t:respStmt[t:resp='editor']"),
        publisher=first_text(tree, f"{header}/t:publicationStmt/t:publisher") or DEFAULT_PUBLISHER,
        rights=licence,
        date=dates[0] if dates else "",
        source=url[0] if url else filename,
        source_publisher=first_text(tree, f"{bibl}/t:publisher"),
        identifier=f"urn:uuid:{uuid.uuid5(UUID_NAMESPACE, seed)}",
    )


def build_time(info: BookInfo, source_date_epoch: str | None) -> datetime:
    """The one timestamp the EPUB carries (zip entries, dcterms:modified).

    ``SOURCE_DATE_EPOCH`` wins (reproducible-builds convention); else the
    TEI's date, at midnight UTC; else a fixed date.  Never the clock.
    """
    return dated(info.date, source_date_epoch)


def dated(date: str, source_date_epoch: str | None) -> datetime:
    """``build_time`` for a book dated ``date`` (ISO 8601, or empty)."""
    if source_date_epoch and source_date_epoch.strip().isdigit():
        return datetime.fromtimestamp(int(source_date_epoch), tz=UTC)
    if date:
        parts = [int(p) for p in date.split("T")[0].split("-") if p.isdigit()]
        parts += [1] * (3 - len(parts))
        try:
            return datetime(parts[0], parts[1], parts[2], tzinfo=UTC)
        except ValueError:
            pass
    return FALLBACK_DATE


def issuers_line(info: BookInfo) -> str:
    """Who issued the book, for a title page: the header's authors, else
    "Signed by" the first eight signatories; empty when neither is known."""
    if info.authors:
        return "; ".join(p.name for p in info.authors)
    if info.signatories:
        return f"Signed by {name_list(info.signatories, 8)}"
    return ""


@dataclass(frozen=True)
class Unit:
    """A body div as the outputs name it: its id and its title for a table of contents."""

    div: etree._Element
    id: str
    title: str


def _opening(text: str, limit: int = 60) -> str:
    return f"{text[:limit - 3].rsplit(' ', 1)[0]}…" if len(text) > limit else text


def unit_title(div: etree._Element, number: int) -> str:
    """What a table of contents calls a unit: its title, else the start of
    its caption (a photo, ``number`` counting photos) or of its first block
    (an untitled text, ``number`` counting units)."""
    head = elements(div, "t:head[not(@type='sub')]") or elements(div, "t:head")
    if head:
        return regularized(head[0])
    if div.get("type") == "figure":
        caption = elements(div, ".//t:figure/t:p[1]")
        text = regularized(caption[0]) if caption else ""
        return f"Photo: {_opening(text)}" if text else f"Photo {number}"
    first = elements(div, "(.//t:p|.//t:ab|.//t:salute|.//t:item)[1]")
    text = regularized(first[0]) if first else ""
    return _opening(text) if text else f"Text {number}"


def units(tree: etree._ElementTree) -> list[Unit]:
    """The body's divs in order, each with its id and title."""
    found = []
    figures = 0
    for number, div in enumerate(elements(tree, "/t:TEI/t:text/t:body/t:div"), start=1):
        figures += len(elements(div, ".//t:figure"))
        title = unit_title(div, figures if div.get("type") == "figure" else number)
        found.append(Unit(div, div.get(XML_ID) or f"unit{number}", title))
    return found
