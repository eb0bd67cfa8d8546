"""Stage 3, segment: a ``NormalizedText`` to a ``Document`` of typed blocks.

Structure rules (``RULES``, in order) type each stretch of lines; then
passes that need to look back attach captions to credits and group blocks
into units.  Every block records the rule that typed it and its lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from edition.model import Document, Metadata, NormalizedText
from edition.segment import certainty
from edition.segment.captions import Page
from edition.segment.context import Rule
from edition.segment.engine import type_blocks
from edition.segment.language import guess_language
from edition.segment.layout import read_layout
from edition.segment.overrides import place, start_texts
from edition.segment.passes import PASSES, Pass
from edition.segment.rules import RULES

__all__ = ["PASSES", "RULES", "Pass", "Rule", "segment"]


def segment(normalized: NormalizedText, metadata: Metadata | None = None,
            rules: Sequence[Rule] = RULES, table: certainty.Table | None = None) -> Document:
    """Type every block and group them into units, in reading order.

    :raises OverrideError: an override of the sidecar's ``structure`` finds
        no line or several.
    """
    metadata = metadata or Metadata()
    language = metadata.language or normalized.language or guess_language(normalized.text)
    placed = place(normalized, metadata.structure, metadata.sidecar)
    texts = tuple(line.text for line in normalized.lines)
    indents = tuple(len(line.orig) - len(line.orig.lstrip(" \t\u3000")) for line in normalized.lines)
    layout, breaks = read_layout(texts, indents)  # read once: the engine and the header both use it
    blocks = type_blocks(normalized, rules, language, placed, metadata.editor_id, breaks=breaks)
    blocks = start_texts(blocks, placed, normalized.lines, metadata.editor_id)
    page = Page(indents)
    for step in PASSES[:-1]:
        blocks = step.run(blocks, page)
    blocks = certainty.assign(blocks, texts, table or certainty.shipped())
    units = PASSES[-1].run(blocks, page)
    return Document(normalized.source, normalized, tuple(units), metadata, language, placed,
                    layout.description)
