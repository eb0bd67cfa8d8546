"""A collection's ``teiCorpus`` as its EPUB and print volume read it.

Both are made from the corpus file alone (as ``edition build --collection``
writes it, or as an editor corrected it): the collection's header gives the
volume's title page and metadata, and each member ``TEI`` is read as the
book of one text would be (``book_info``, ``units``), on a copy standing as
its own document so that the same paths and the same stylesheet apply.
The corpus already made every id unique across texts (``tK-`` prefixes),
so units keep their ids as file names and anchors.
"""

from __future__ import annotations

import copy
import uuid
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from edition.render.bookinfo import UUID_NAMESPACE, BookInfo, Person, book_info, elements, first_text, people
from edition.render.xhtml import element_direction
from edition.tei.header import DEFAULT_PUBLISHER
from edition.tei.maker import TEI_NS
from edition.tei.readings import regularized

CORPUS_TAG = f"{{{TEI_NS}}}teiCorpus"
HEADER = "/t:teiCorpus/t:teiHeader/t:fileDesc"


@dataclass(frozen=True)
class Member:
    """One text of the volume: its anchor (``t01``), its TEI as a document of
    its own, its header facts, and the direction its text runs."""

    anchor: str
    tree: etree._ElementTree
    info: BookInfo
    dir: str


@dataclass(frozen=True)
class VolumeInfo:
    """What the collection's header says, and its texts in order."""

    title: str
    editors: tuple[Person, ...]
    publisher: str
    date: str
    """The collection's date, else its latest text's: what dates the files."""
    licence: str
    lang: str
    """The language most of its texts are in (the package's and the page's)."""
    languages: tuple[str, ...]
    """Every language of its texts, most frequent first."""
    identifier: str
    members: tuple[Member, ...]

    @property
    def dir(self) -> str:
        """``rtl`` when every text runs right to left, else ``ltr``."""
        return "rtl" if self.members and all(m.dir == "rtl" for m in self.members) else "ltr"


def is_corpus(tree: etree._ElementTree) -> bool:
    """Whether ``tree`` is a ``teiCorpus`` (a collection) rather than one text."""
    return bool(tree.getroot().tag == CORPUS_TAG)


def members(tree: etree._ElementTree) -> list[Member]:
    """The corpus's texts in order, each copied into a document of its own."""
    found = elements(tree, "/t:teiCorpus/t:TEI")
    width = len(str(len(found)))
    out = []
    for number, tei in enumerate(found, start=1):
        own = etree.ElementTree(copy.deepcopy(tei))
        text = elements(own, "/t:TEI/t:text")
        out.append(Member(f"t{number:0{width}d}", own, book_info(own),
                          element_direction(text[0]) if text else "ltr"))
    return out


def volume_info(tree: etree._ElementTree) -> VolumeInfo:
    """Read a ``teiCorpus``: its header, and its texts' (see the module's docstring)."""
    texts = tuple(members(tree))
    languages = Counter(m.info.lang for m in texts)
    ranked = tuple(lang for lang, _n in sorted(languages.items(), key=lambda kv: (-kv[1], kv[0])))
    dates = sorted(m.info.date for m in texts if m.info.date)
    title = first_text(tree, f"{HEADER}/t:titleStmt/t:title") or "Untitled collection"
    seed = "collection:" + title + "\n" + "\n".join(m.info.identifier for m in texts)
    return VolumeInfo(
        title=title,
        editors=people(tree, f"{HEADER}/t:titleStmt/t:editor"),
        publisher=first_text(tree, f"{HEADER}/t:publicationStmt/t:publisher") or DEFAULT_PUBLISHER,
        date=first_text(tree, f"{HEADER}/t:publicationStmt/t:date") or (dates[-1] if dates else ""),
        licence=" ".join(regularized(p).strip() for p in elements(
            tree, f"{HEADER}/t:publicationStmt/t:availability/t:licence")),
        lang=ranked[0] if ranked else "und",
        languages=ranked,
        identifier=f"urn:uuid:{uuid.uuid5(UUID_NAMESPACE, seed)}",
        members=texts,
    )


def editors_line(info: VolumeInfo) -> str:
    """"Edited by A; B", or empty."""
    return "Edited by " + "; ".join(p.name for p in info.editors) if info.editors else ""


def count_line(info: VolumeInfo) -> str:
    """"A collection of 3 texts"."""
    count = len(info.members)
    return f"A collection of {count} text{'s' if count != 1 else ''}"
