"""The TEI body: one ``div`` per unit, one element per block.

``BUILDERS`` maps every block type the segmenter emits to a small function
that writes that block; ``layout`` has already decided the container and
region it lands in, and the function picks the element TEI allows there
(a dateline is a ``dateline`` in an opener or closer, an
``ab type="dateline"`` between paragraphs).  A block type without a
builder is an error, never silently dropped text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lxml import etree

from edition.errors import SegmentationError
from edition.model import Block, Document, Unit
from edition.tei import layout
from edition.tei.inline import InlineWriter
from edition.tei.maker import PIPELINE_ID, XML_ID, E, Ids


@dataclass(frozen=True)
class Context:
    """What a builder needs besides its block."""

    ids: Ids
    inline: InlineWriter
    region: str
    """``top``, ``middle``, ``bottom`` or ``figure`` (see ``layout``)."""
    container: str | None
    """``opener``, ``closer``, ``bulleted``, ``signatories``, ``figure`` or None."""


Builder = Callable[[Block, Context], etree._Element]

def _element(tag: str, block: Block, ctx: Context, kind: str, *, first: bool = False,
             **attrs: str) -> etree._Element:
    """``<tag attrs xml:id=...>`` holding the block's text."""
    el = E(tag, **attrs)
    el.set(XML_ID, ctx.ids.first(kind) if first else ctx.ids.next(kind))
    if block.resp:  # typed by the editor, in the sidecar
        el.set("resp", f"#{block.resp}")
    elif block.cert != "high":  # the detector's, and it is not sure
        el.set("cert", block.cert)
        el.set("resp", f"#{PIPELINE_ID}")
    return ctx.inline.fill(el, block)


def _ab(block: Block, ctx: Context, type_: str, kind: str) -> etree._Element:
    return _element("ab", block, ctx, kind, type=type_)


def build_title(block: Block, ctx: Context) -> etree._Element:
    if ctx.region in (layout.TOP, layout.FIGURE):
        return _element("head", block, ctx, "head", first=True)
    return _ab(block, ctx, "heading", "heading")  # TEI allows no head after the body starts


def build_heading(block: Block, ctx: Context) -> etree._Element:
    if ctx.region in (layout.TOP, layout.FIGURE):
        return _element("head", block, ctx, "heading", type="sub")
    return _ab(block, ctx, "heading", "heading")


def build_paragraph(block: Block, ctx: Context) -> etree._Element:
    return _element("p", block, ctx, "p")


def build_salutation(block: Block, ctx: Context) -> etree._Element:
    tag = "salute" if ctx.container == layout.OPENER else "p"
    return _element(tag, block, ctx, "salute")


def build_slogan(block: Block, ctx: Context) -> etree._Element:
    return _ab(block, ctx, "slogan", "slogan")


def build_list_item(block: Block, ctx: Context) -> etree._Element:
    return _element("item", block, ctx, "item")


def build_signatories_lead(block: Block, ctx: Context) -> etree._Element:
    tag = "head" if ctx.container == layout.SIGNATORIES else "p"
    return _element(tag, block, ctx, "lead")


def build_signatory_group(block: Block, ctx: Context) -> etree._Element:
    tag = "head" if ctx.container == layout.SIGNATORIES else "p"
    return _element(tag, block, ctx, "group")


def build_signatory(block: Block, ctx: Context) -> etree._Element:
    return _element("item", block, ctx, "signatory")


def build_acknowledgement(block: Block, ctx: Context) -> etree._Element:
    return _ab(block, ctx, "acknowledgement", "ack")


def build_dateline(block: Block, ctx: Context) -> etree._Element:
    if ctx.container in (layout.OPENER, layout.CLOSER):
        return _element("dateline", block, ctx, "dateline")
    return _ab(block, ctx, "dateline", "dateline")


def build_byline(block: Block, ctx: Context) -> etree._Element:
    if ctx.region in (layout.TOP, layout.BOTTOM):
        return _element("byline", block, ctx, "byline")
    return _ab(block, ctx, "byline", "byline")


def build_separator(block: Block, ctx: Context) -> etree._Element:
    return _ab(block, ctx, "separator", "separator")


def build_contact(block: Block, ctx: Context) -> etree._Element:
    return _ab(block, ctx, "contact", "contact")


def build_caption(block: Block, ctx: Context) -> etree._Element:
    return _element("p", block, ctx, "caption")


def build_photo_credit(block: Block, ctx: Context) -> etree._Element:
    return _element("note", block, ctx, "credit", type="credit")


BUILDERS: Mapping[str, Builder] = {
    "title": build_title,
    "heading": build_heading,
    "paragraph": build_paragraph,
    "salutation": build_salutation,
    "slogan": build_slogan,
    "list-item": build_list_item,
    "signatories-lead": build_signatories_lead,
    "signatory-group": build_signatory_group,
    "signatory": build_signatory,
    "acknowledgement": build_acknowledgement,
    "dateline": build_dateline,
    "byline": build_byline,
    "caption": build_caption,
    "photo-credit": build_photo_credit,
    "separator": build_separator,
    "contact": build_contact,
}
"""Block type (as the segmenter names it) -> the function that writes it."""


def build_body(document: Document, inline: InlineWriter,
               parent: etree._Element | None = None) -> etree._Element:
    """``<body>`` with one ``div`` per unit, numbered per unit kind.

    With ``parent``, the body is appended to it before it is filled: moving a
    large filled tree into another document costs time quadratic in its
    number of ``xml:id``s (libxml2), so trees are grown in place instead.

    :raises SegmentationError: no units, or a unit or block of unknown kind.
    """
    path = document.source.path
    if not document.units:
        raise SegmentationError("nothing to encode: the document has no units", path=path)
    body = E.body()
    if parent is not None:
        parent.append(body)
    counts: dict[str, int] = {}
    for unit in document.units:
        counts[unit.kind] = counts.get(unit.kind, 0) + 1
        build_unit(unit, f"{unit.kind}{counts[unit.kind]}", inline, path, body)
    return body


def build_unit(unit: Unit, prefix: str, inline: InlineWriter, path: str,
               parent: etree._Element | None = None) -> etree._Element:
    """One unit's ``div``; ``prefix`` is its id and the stem of its blocks' ids.

    With ``parent``, the div is appended to it before it is filled."""
    ids = Ids(prefix)
    div = E.div(type=unit.kind)
    div.set(XML_ID, prefix)
    if parent is not None:
        parent.append(div)
    if unit.kind == "text":
        _append_groups(div, layout.plan_text(unit.blocks), ids, inline, path)
    elif unit.kind == "figure":
        figure = E.figure()
        figure.set(XML_ID, f"{prefix}-fig")
        div.append(figure)
        _append_groups(figure, layout.plan_figure(unit.blocks), ids, inline, path)
    else:
        line = unit.blocks[0].spans[0].line if unit.blocks and unit.blocks[0].spans else None
        raise SegmentationError(f"no TEI encoding for unit kind {unit.kind!r}", path=path, line=line)
    return div


def _append_groups(parent: etree._Element, groups: list[layout.Group], ids: Ids,
                   inline: InlineWriter, path: str) -> None:
    for group in groups:
        target = parent
        if group.container is not None:
            target = _container(group.container, ids)
            parent.append(target)
        ctx = Context(ids, inline, group.region, group.container)
        for block in group.blocks:
            builder = BUILDERS.get(block.type)
            if builder is None:
                line = block.spans[0].line if block.spans else None
                raise SegmentationError(f"no TEI encoding for block type {block.type!r}",
                                        path=path, line=line)
            target.append(builder(block, ctx))


def _container(kind: str, ids: Ids) -> etree._Element:
    """The element that holds a group: opener, closer, list or figure."""
    if kind == layout.OPENER:
        return E.opener()
    if kind == layout.CLOSER:
        return E.closer()
    if kind == layout.FIGURE:
        el = E.figure()
        el.set(XML_ID, ids.next("fig"))
        return el
    el = E.list(type=kind)
    el.set(XML_ID, ids.next("list" if kind == layout.BULLETED else "signatories"))
    return el
