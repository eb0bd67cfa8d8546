"""Where each page of the typeset print edition begins, read from WeasyPrint's layout.

The EPUB's page list carries the print edition's pagination, so the page
numbers must be those of the real PDF, not an estimate.  WeasyPrint lays
out every page as a tree of boxes before it writes the PDF; the first
piece of text of the unit texts, the apparatus or the index on a page is where that
page begins.  Its place is recorded as a ``PageStart``: the id of the block
that holds it (both outputs carry the TEI's ids, so the EPUB finds the same
block) and how many characters of that block come before it.

Precision: the word, not the block.  A page that begins in the middle of a
paragraph gets its marker where its first line begins, so a reader of the
EPUB turns the page where the print reader does; only a word the
typesetter hyphenated across the break is not cut by the marker: it
belongs to the page it begins on, and the marker follows it.  (A line that
breaks after a hyphen the text has, or between two characters of a script
written without spaces, breaks where the text allows it; the marker stands
there too.)  Characters are counted
as ``counted`` says (no white space, no soft hyphen) on both sides, so the
white space the typesetter collapses and the hyphens it adds at line ends
do not shift the count.

The label of a page is its position in the PDF counting from 1: print.css
prints ``counter(page)`` as the folio, never reset, so every page that has
a folio shows exactly that number (the front matter and blank pages, which
show none, hold no text of the units).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

SOFT_HYPHEN = "\u00ad"
BLOCKS = frozenset(("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "figure", "dt", "dd", "blockquote",
                    "section", "div", "header", "footer", "aside", "nav", "ul", "ol", "dl"))
"""Elements a page start is placed in (by their id); never a phrase (a span, a link)."""
SPACED = BLOCKS | {"br", "hr", "main", "body"}
"""Elements whose edges separate words even where the markup has no white space."""


@dataclass(frozen=True)
class PageStart:
    """Where one page of the print edition begins."""

    label: str
    """The page's number as the PDF prints it."""
    block: str
    """The id of the innermost block holding the page's first word."""
    offset: int
    """How many ``counted`` characters of that block come before the word."""


@dataclass(frozen=True)
class Pagination:
    """The page starts of one print edition, and which edition that is."""

    paper: str
    """The trim the edition was typeset on (``A5``)."""
    starts: tuple[PageStart, ...]


def counted(char: str) -> bool:
    """Whether ``char`` is counted in a ``PageStart`` offset: not white space
    (which the typesetter collapses) and not a soft hyphen (which it hides)."""
    return not char.isspace() and char != SOFT_HYPHEN


def local_name(tag: object) -> str:
    """An element's tag without its namespace; empty for comments and processing instructions."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


Place = tuple[Any, str, int]
"""Where a character stands in a tree: (element, ``"text"`` or ``"tail"``, index in that string)."""


def characters(element: Any) -> Iterator[tuple[str, Place | None]]:
    """The text of ``element`` (an lxml or ElementTree element) in reading
    order, one character at a time with its place; a space with no place
    stands for each edge of a block inside it, which separates words as white
    space does.  Comments and processing instructions give no text."""

    def own(node: Any, slot: str, text: str) -> Iterator[tuple[str, Place | None]]:
        for index, char in enumerate(text):
            yield char, (node, slot, index)

    def walk(node: Any, inside: bool) -> Iterator[tuple[str, Place | None]]:
        name = local_name(node.tag)
        edge = inside and name in SPACED
        if edge:
            yield " ", None
        if name and node.text:
            yield from own(node, "text", node.text)
        for child in node:
            yield from walk(child, True)
            if child.tail:
                yield from own(child, "tail", child.tail)
        if edge:
            yield " ", None

    return walk(element, False)


def word_end(element: Any, offset: int) -> int:
    """``offset`` (counted characters of ``element``) moved on past the rest
    of the word it falls inside (to the next white space or block edge)."""
    chars = [c for c, _place in characters(element)]
    positions = [i for i, c in enumerate(chars) if counted(c)]
    while offset < len(positions) and positions[offset] > 0 and not chars[positions[offset] - 1].isspace():
        offset += 1
    return offset


class _Aligner:
    """Follows the laid-out text of one block through its DOM text, so the
    hyphens the typesetter adds at line ends are told from the text's own."""

    def __init__(self, element: Any) -> None:
        self.element = element
        self.text = "".join(c for c, _ in characters(element) if counted(c))
        self.position = 0
        self.hyphenated = False
        """Whether the text fed last ended in a hyphen the typesetter added (a word cut at the line's end)."""

    def feed(self, text: str, hyphen: str) -> None:
        chars = [c for c in text if counted(c)]
        added = len(hyphen) if hyphen and text.endswith(hyphen) else 0
        self.hyphenated = False
        for index, char in enumerate(chars):
            if self.position < len(self.text) and self.text[self.position] == char:
                self.position += 1
            elif index >= len(chars) - added:
                self.hyphenated = True  # the hyphen the typesetter put at the end of a hyphenated line
            else:
                self.position += 1  # a character drawn otherwise than written: it still takes its place


BACK_MATTER = frozenset(("apparatus", "index"))
"""The classes of the print edition's back matter that the EPUB holds too."""


def _in_scope(element: Any) -> bool:
    """The unit texts (``main``), the apparatus and the index: what the EPUB holds of the print edition."""
    name = local_name(element.tag)
    return name == "main" or (name == "section" and bool(BACK_MATTER & set((element.get("class") or "").split())))


def page_starts(pages: Sequence[Any]) -> tuple[PageStart, ...]:
    """Where each page of a WeasyPrint ``Document``'s ``pages`` begins, for
    the pages that hold text of the units, the apparatus or the index, in page order.

    The layout tree of a page is WeasyPrint's ``Page._page_box`` (its public
    ``anchors`` say on which page a block starts, not where a page starts
    inside a block); a WeasyPrint without it gives no page starts.
    """
    from weasyprint.formatting_structure import boxes  # type: ignore[import-untyped]

    aligners: dict[int, _Aligner] = {}  # by id() of the element, which each aligner holds
    starts: list[PageStart] = []

    def walk(box: Any, chain: tuple[Any, ...], scoped: bool, first: list[PageStart], label: str) -> None:
        if isinstance(box, boxes.MarginBox):
            return  # running heads and folios
        element = box.element
        if element is not None and (not chain or chain[-1] is not element) and not isinstance(box, boxes.TextBox):
            chain = (*chain, element)
            scoped = scoped or _in_scope(element)
        if isinstance(box, boxes.TextBox):
            if not scoped or "::" in (box.element_tag or "") or not any(counted(c) for c in box.text):
                return  # outside the units, generated text (list markers, "p. 5"), or only spaces
            blocks = [e for e in chain if e.get("id") and local_name(e.tag) in BLOCKS]
            if not blocks:
                return
            for block in blocks:
                if id(block) not in aligners:
                    aligners[id(block)] = _Aligner(block)
            if not first:
                inner = aligners[id(blocks[-1])]
                offset = word_end(inner.element, inner.position) if inner.hyphenated else inner.position
                first.append(PageStart(label, str(blocks[-1].get("id")), offset))
            hyphen = str(box.style["hyphenate_character"] or "")
            for block in blocks:
                aligners[id(block)].feed(box.text, hyphen)
            return
        for child in getattr(box, "children", ()):
            walk(child, chain, scoped, first, label)

    for number, page in enumerate(pages, start=1):
        root = getattr(page, "_page_box", None)
        if root is None:
            return ()
        first: list[PageStart] = []
        walk(root, (), False, first, str(number))
        starts.extend(first)
    return tuple(starts)
