"""Showing how a text was segmented: for a person, or as JSON for tools.

The JSON shape is described by ``schemas/explain.schema.json`` and kept
stable.
"""

from __future__ import annotations

import json
from typing import Any

from edition.model import Document


def explain_data(document: Document) -> dict[str, Any]:
    """The segmentation as plain data (see explain.schema.json)."""
    return {
        "source": document.source.path,
        "language": document.language,
        "units": [
            {
                "kind": unit.kind,
                "title": unit.title,
                "blocks": [
                    {
                        "type": block.type,
                        "text": block.text,
                        "lines": list(block.lines),
                        "rule": block.rule,
                        **({"marks": [{"kind": m.kind, "text": block.text[m.start:m.end],
                                       "value": m.value} for m in block.marks]}
                           if block.marks else {}),
                    }
                    for block in unit.blocks
                ],
            }
            for unit in document.units
        ],
    }


def explain_json(document: Document) -> str:
    return json.dumps(explain_data(document), ensure_ascii=False, indent=2) + "\n"


def explain_text(document: Document, width: int = 60) -> str:
    """One line per block: lines, type, rule and the start of its text."""
    out = [f"{document.source.path}: {len(document.units)} unit(s), language {document.language}"]
    for n, unit in enumerate(document.units, 1):
        title = f" \u201c{unit.title}\u201d" if unit.title else ""
        out.append(f"unit {n}: {unit.kind}{title}")
        for block in unit.blocks:
            first, last = block.lines
            where = f"{first}" if first == last else f"{first}-{last}"
            text = block.text if len(block.text) <= width else block.text[: width - 1] + "\u2026"
            out.append(f"  {where:>9}  {block.type:<17} {block.rule:<20} {text}")
            for mark in block.marks:
                value = f" = {mark.value}" if mark.value else ""
                out.append(f"  {'':>9}  {'':<17} {'':<20}   {mark.kind}: "
                           f"{block.text[mark.start:mark.end]}{value}")
    return "\n".join(out) + "\n"
