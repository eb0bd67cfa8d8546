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

from edition.model import Agent, Document
from edition.tei.languages import language_name
from edition.tei.maker import XML_ID, E

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
    name.set(XML_ID, "edition")
    return E.titleStmt(
        E.title(title),
        *(E.author(_agent(a)) for a in document.metadata.authors),
        E.respStmt(E.resp("TEI encoding"), name),
        *(E.respStmt(E.resp("editor"), _agent(a)) for a in document.metadata.editors),
    )


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
    return E.normalization(
        E.p("The text was normalized by the rules below. Every change except layout "
            "(line ends, indentation, trailing spaces) is kept in the text as "
            "choice, with the source's reading in orig and the edition's in reg."),
        *_rule_list(described, counts, "intervention"))


def _segmentation(document: Document, rules: Sequence[SegmentationRule]) -> etree._Element:
    counts = Counter(b.rule for u in document.units for b in u.blocks)
    described = [(r.name, r.description) for r in rules]
    return E.segmentation(
        E.p("The text was divided into units and typed blocks by the rules below."),
        *_rule_list(described, counts, "block"))


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
    items = []
    for name, description in described:
        n = counts.get(name, 0)
        text = description.strip()
        if text and text[-1] not in ".!?":
            text += "."
        item = E.item(E.label(name), f" {text} " if text else " ", E.num(str(n)),
                      f" {noun}{'' if n == 1 else 's'}.", n=name)
        items.append(item)
    return [E.p(E.list(*items))]


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
