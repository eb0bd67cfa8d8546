"""The teiHeader: what the text is, where it comes from, and what was done to it.

Every normalization and segmentation rule is listed with how often it
acted, even at zero, so a reader can judge the edition's interventions.
Nothing here depends on the clock: the same input gives the same header.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from lxml import etree

from edition.authorities import Authorities
from edition.model import Agent, Block, Document
from edition.segment.overrides import RULE as EDITOR_RULE
from edition.tei.languages import language_name
from edition.tei.maker import PIPELINE_ID, XML_ID, E, tei
from edition.tei.registers import Entity

_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class NormalizationRule(Protocol):
    """What the header reads from a normalization rule."""

    @property
    def id(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def layout(self) -> bool: ...


class SegmentationRule(Protocol):
    """What the header reads from a segmentation rule."""

    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...

DEFAULT_PUBLISHER = "edition"
"""The publisher named when the metadata names none: the pipeline that made the file."""


def build_header(document: Document, normalization_rules: Sequence[NormalizationRule],
                 segmentation_rules: Sequence[SegmentationRule], version: str) -> etree._Element:
    """``<teiHeader>`` for ``document`` as written by edition ``version``."""
    title = document_title(document)
    return E.teiHeader(
        E.fileDesc(_title_stmt(document, title, version), _publication_stmt(document),
                   E.sourceDesc(_bibl(document, title))),
        E.encodingDesc(
            E.appInfo(E.application(E.label("edition"), ident="edition", version=version)),
            E.editorialDecl(_normalization(document, normalization_rules),
                            _segmentation(document, segmentation_rules))),
        _profile_desc(document),
        E.revisionDesc(E.change(f"Encoded by edition {version} from {document.source.filename}.",
                                who="#edition")),
    )


def document_title(document: Document) -> str:
    """The metadata title, else the text units' titles, else the file name."""
    titles = [u.title for u in document.units if u.kind == "text" and u.title]
    return document.metadata.title or "; ".join(titles) or document.source.filename


def creation_date(document: Document) -> str:
    """The metadata date, else the latest date in a dateline ("" if none)."""
    if document.metadata.date:
        return document.metadata.date
    dates = [m.value for u in document.units for b in u.blocks if b.type == "dateline"
             for m in b.marks if m.kind == "date" and _ISO_DATE.fullmatch(m.value)]
    return max(dates, default="")


def _title_stmt(document: Document, title: str, version: str) -> etree._Element:
    name = E.name(f"edition {version}")
    name.set(XML_ID, PIPELINE_ID)
    meta = document.metadata
    editors = [_agent(a) for a in meta.editors]
    if editors:
        editors[0].set(XML_ID, meta.editor_id)
    stmt = E.titleStmt(
        E.title(title),
        *(E.author(_agent(a)) for a in meta.authors),
        E.respStmt(E.resp("TEI encoding"), name),
        *(E.respStmt(E.resp("editor"), agent) for agent in editors),
    )
    if not editors and _corrected(document):
        unnamed = E.name("the editor (not named in the metadata)")
        unnamed.set(XML_ID, meta.editor_id)
        stmt.append(E.respStmt(E.resp("correction of the detected structure"), unnamed))
    return stmt


def _corrected(document: Document) -> bool:
    return any(b.resp for u in document.units for b in u.blocks)


def _publication_stmt(document: Document) -> etree._Element:
    meta = document.metadata
    availability = (E.licence(meta.licence) if meta.licence
                    else E.p("Licence not stated in the source."))
    return E.publicationStmt(E.publisher(meta.publisher or DEFAULT_PUBLISHER), E.availability(availability))


def _bibl(document: Document, title: str) -> etree._Element:
    meta, source = document.metadata, document.source
    bibl = E.bibl(E.title(title))
    if meta.publication:
        bibl.append(E.publisher(meta.publication))
    if meta.date:
        bibl.append(_date(meta.date))
    if meta.url:
        bibl.append(E.ref(meta.url, target=meta.url))
    encoding = E.idno(source.encoding, type="encoding")
    if source.encoding_basis and source.encoding_basis != "utf-8":
        # How the encoding was decided; none means the bytes were valid UTF-8.
        encoding.set("subtype", source.encoding_basis)
    bibl.extend([E.idno(source.filename, type="filename"), E.idno(source.sha256, type="sha256"),
                 encoding])
    return bibl


def _normalization(document: Document, rules: Sequence[NormalizationRule]) -> etree._Element:
    counts = Counter(i.rule for i in document.normalized.interventions)
    described = [(r.id, r.description) for r in rules]
    from edition.normalize.typography import statement

    return E.normalization(
        E.p("The text was normalized by the rules below. Every change except layout "
            "(line ends, indentation, trailing spaces) is kept in the text as "
            "choice, with the source's reading in orig and the edition's in reg. "
            + statement(document.normalized.language)),
        *_rule_list(described, counts, "intervention"))


def _segmentation(document: Document, rules: Sequence[SegmentationRule]) -> etree._Element:
    blocks = [b for u in document.units for b in u.blocks]
    counts = Counter(b.rule for b in blocks)
    described = [(r.name, r.description) for r in rules]
    if any(b.rule == EDITOR_RULE for b in blocks):
        described.append((EDITOR_RULE, "Typed by the editor, as the sidecar's structure section says."))
    return E.segmentation(
        E.p("The text was divided into units and typed blocks by the rules below."),
        *_rule_list(described, counts, "block"),
        *([E.p(f"Layout, read before the rules ran: {document.layout}.")] if document.layout else []),
        _certainty(blocks),
        *_overrides(document))


def _certainty(blocks: Sequence[Block]) -> etree._Element:
    """How many blocks the detector was sure of, and how many carry cert."""
    levels = Counter(b.cert for b in blocks if not b.resp)
    editor = sum(1 for b in blocks if b.resp)
    nums = [E.num(str(levels.get(level, 0)), type=level) for level in ("high", "medium", "low")]
    return E.p("Certainty of the detected types, measured on a labelled corpus: ",
               nums[0], " blocks high, ", nums[1], " medium and ", nums[2],
               " low; the medium and low ones carry cert and resp=\"#", PIPELINE_ID,
               "\", for review. ", E.num(str(editor), type="editor"),
               " blocks were typed by the editor and carry resp.")


def _overrides(document: Document) -> list[etree._Element]:
    """The editor's structure corrections, each with the lines it applied to."""
    if not document.overrides:
        return []
    items = []
    for placed in document.overrides:
        o = placed.override
        where = (f"line {placed.first + 1}" if placed.first == placed.last
                 else f"lines {placed.first + 1}-{placed.last + 1}")
        said = [f"as {o.as_type}"] if o.as_type else []
        if o.join:
            said.append("as one block")
        if o.starts_text:
            said.append("starting a new text")
        anchor = f"\u201c{o.at}\u201d" + (f" to \u201c{o.to}\u201d" if o.to else "")
        items.append(E.item(E.label(f"structure[{o.index}]"), f" {anchor} ({where}): {', '.join(said)}.",
                            n=f"structure-{o.index}"))
    return [E.p("The editor corrected the detected structure in the sidecar:", E.list(*items))]


def _rule_list(described: list[tuple[str, str]], counts: Counter[str],
               noun: str) -> list[etree._Element]:
    """``<p><list>`` with one item per rule, registry rules first, then any
    rule the document names that the registry lacks (so no count is lost).
    The list sits in a ``p`` because TEI's normalization and segmentation
    hold only paragraphs."""
    known = {name for name, _ in described}
    described = described + [(name, "Not in this version's rule registry.")
                              for name in sorted(set(counts) - known)]
    if not described:
        return []
    listing = E.list()
    for name, description in described:  # built with SubElement: a text has some fifty of these
        n = counts.get(name, 0)
        text = description.strip()
        if text and text[-1] not in ".!?":
            text += "."
        item = etree.SubElement(listing, tei("item"), n=name)
        label = etree.SubElement(item, tei("label"))
        label.text = name
        label.tail = f" {text} " if text else " "
        num = etree.SubElement(item, tei("num"))
        num.text = str(n)
        num.tail = f" {noun}{'' if n == 1 else 's'}."
    return [E.p(listing)]


def _profile_desc(document: Document) -> etree._Element:
    lang = document.language
    profile = E.profileDesc(E.langUsage(E.language(language_name(lang), ident=lang)))
    date = creation_date(document)
    if date:
        profile.append(E.creation(_date(date)))
    return profile


def _date(value: str) -> etree._Element:
    """``<date when=...>`` for an ISO date; a date in another form is kept as text."""
    if _ISO_DATE.fullmatch(value):
        return E.date(value, when=value)
    return E.date(value)


def _agent(agent: Agent) -> etree._Element:
    return E.persName(agent.name) if agent.kind == "person" else E.orgName(agent.name)


def registers_note(entities: Sequence[Entity], authorities: Authorities) -> etree._Element:
    """How the registers were made: what they hold, and whose identifiers."""
    counts = Counter(e.kind for e in entities)
    held = ", ".join(f"{counts[kind]} {word}{'' if counts[kind] == 1 else 's'}"
                     for kind, word in (("org", "organisation"), ("person", "person"), ("place", "place")))
    parts = [E.p(f"Every name the pipeline marked (signatories, photographers, persons, organisations, places) "
                 f"points with ref to its entry in the registers of the standOff ({held}); names that are the "
                 "same after normalization (case, accents, punctuation, spacing) share one entry.")]
    if authorities.filename:
        known = sum(e.authority for e in entities)
        parts.append(E.p(f"Entries and identifiers from the authority file {authorities.filename} "
                         f"(SHA-256 {authorities.sha256}): {known} of {len(entities)} entries are in it; "
                         "the others are listed by edition registers for the editor."))
    else:
        parts.append(E.p("No authority file was given: register ids are made from the names, and no entry "
                         "carries an identifier."))
    return E.interpretation(*parts)
