"""Model -> TEI P5: ``build`` a tree from a segmented document, ``serialize`` it.

The TEI written here is the edition of record; docs/encoding.md is its
contract and ``schemas/`` checks it.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from edition.authorities import NONE, Authorities
from edition.model import Document
from edition.tei.body import build_body
from edition.tei.header import NormalizationRule, SegmentationRule, build_header, registers_note
from edition.tei.inline import InlineWriter
from edition.tei.maker import XML_LANG, E, pseudo_attribute, tei
from edition.tei.registers import add_registers
from edition.tei.serialize import serialize

__all__ = ["build", "serialize"]

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"


def build(document: Document, *, schema_href: str = "schemas/",
          normalization_rules: Sequence[NormalizationRule] | None = None,
          segmentation_rules: Sequence[SegmentationRule] | None = None,
          authorities: Authorities = NONE) -> etree._ElementTree:
    """The TEI tree of ``document``, as docs/encoding.md describes it.

    :param schema_href: where the xml-model instructions find ``edition.rng``
        and ``edition.sch``, relative to the TEI file.
    :param normalization_rules: the registry the header lists (default: the
        rules of the language the text was normalized in); its ``layout``
        rules are not shown as choice.
    :param segmentation_rules: the registry the header lists (default:
        ``edition.segment.RULES`` then ``edition.segment.PASSES``).
    :param authorities: the editor's authority file, whose ids and identifiers
        the registers take for the names it knows.
    :raises SegmentationError: the document holds a unit, block or mark that
        has no TEI encoding, or spans that disagree with its text.
    """
    from edition import __version__

    if normalization_rules is None:
        from edition.normalize import rules_for

        normalization_rules = rules_for(document.normalized.language)
    if segmentation_rules is None:
        from edition.segment import PASSES
        from edition.segment import RULES as STRUCTURE_RULES

        segmentation_rules = (*STRUCTURE_RULES, *PASSES)  # passes type blocks too (captions)
    layout = [r.id for r in normalization_rules if r.layout]
    inline = InlineWriter(document.normalized.lines, layout, document.source.path)
    # The skeleton first, then the body grown inside it (see build_body).
    text = E.text()
    root = E.TEI(build_header(document, normalization_rules, segmentation_rules, __version__),
                 text)
    build_body(document, inline, text)
    entities = add_registers(root, authorities)
    root.find(f"{tei('teiHeader')}/{tei('encodingDesc')}/{tei('editorialDecl')}").append(
        registers_note(entities, authorities))
    root.set(XML_LANG, document.language)
    for name, ns in (("edition.rng", RNG_NS), ("edition.sch", SCH_NS)):
        root.addprevious(etree.ProcessingInstruction(
            "xml-model",
            f"href={pseudo_attribute(schema_href + name)} type=\"application/xml\" schematypens=\"{ns}\""))
    return root.getroottree()
