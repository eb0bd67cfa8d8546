"""Showing how a text was segmented: for a person, or as JSON for tools.

The JSON shape is described by ``schemas/explain.schema.json`` and kept
stable.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from edition.model import Block, Document
from edition.segment import PASSES, RULES

LEVELS = ("low", "medium")
"""The certainties an editor should review, the least sure first."""


def evidence(block: Block) -> str:
    """Why the block has its type: what its rule saw there, else what the
    rule looks for."""
    return block.evidence or _descriptions().get(block.rule, "")


@cache
def _descriptions() -> dict[str, str]:
    """Rule and pass name -> description, made once."""
    return {r.name: r.description for r in RULES} | {p.name: p.description for p in PASSES}


def review(document: Document) -> list[tuple[int, int, Block]]:
    """The blocks the detector was not sure of: (unit index, block index,
    block), low before medium, each in reading order."""
    found = [(u, k, b) for u, unit in enumerate(document.units) for k, b in enumerate(unit.blocks)
             if b.cert in LEVELS]
    return sorted(found, key=lambda t: (LEVELS.index(t[2].cert), t[0], t[1]))


def _block(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {
        "type": block.type,
        "text": block.text,
        "lines": list(block.lines),
        "rule": block.rule,
    }
    if block.marks:
        data["marks"] = [{"kind": m.kind, "text": block.text[m.start:m.end], "value": m.value}
                         for m in block.marks]
    data["cert"] = block.cert
    if block.resp:
        data["resp"] = block.resp
    data["evidence"] = evidence(block)
    if block.starts_text:
        data["starts_text"] = True
    return data


def explain_data(document: Document, uncertain: bool = False) -> dict[str, Any]:
    """The segmentation as plain data (see explain.schema.json); with
    ``uncertain``, also the blocks to review."""
    data = {
        "source": document.source.path,
        "language": document.language,
        "units": [
            {
                "kind": unit.kind,
                "title": unit.title,
                "blocks": [_block(block) for block in unit.blocks],
            }
            for unit in document.units
        ],
    }
    if uncertain:
        data["review"] = [{"unit": u, "block": k, "cert": b.cert, "type": b.type, "rule": b.rule,
                           "lines": list(b.lines), "text": b.text} for u, k, b in review(document)]
    return data


def explain_json(document: Document, uncertain: bool = False) -> str:
    return json.dumps(explain_data(document, uncertain), ensure_ascii=False, indent=2) + "\n"


def _row(block: Block, width: int) -> str:
    first, last = block.lines
    where = f"{first}" if first == last else f"{first}-{last}"
    text = block.text if len(block.text) <= width else block.text[: width - 1] + "\u2026"
    cert = "editor" if block.resp else block.cert
    return f"  {where:>9}  {block.type:<17} {block.rule:<22} {cert:<7} {text}"


def explain_text(document: Document, width: int = 60, uncertain: bool = False) -> str:
    """One line per block: lines, type, rule, certainty and the start of its
    text; with ``uncertain``, only the blocks to review, the least sure first."""
    out = [f"{document.source.path}: {len(document.units)} unit(s), language {document.language}"]
    if uncertain:
        found = review(document)
        total = sum(len(u.blocks) for u in document.units)
        out.append(f"{len(found)} of {total} blocks to review (low certainty first):")
        for u, _, block in found:
            out.append(f"{_row(block, width)}   (unit {u + 1})")
            out.append(f"  {'':>9}  why: {evidence(block)}")
        return "\n".join(out) + "\n"
    for n, unit in enumerate(document.units, 1):
        title = f" \u201c{unit.title}\u201d" if unit.title else ""
        out.append(f"unit {n}: {unit.kind}{title}")
        for block in unit.blocks:
            if block.starts_text and n > 1:
                out.append(f"  {'':>9}  (a new text starts here, as the editor said: {block.evidence})")
            out.append(_row(block, width))
            for mark in block.marks:
                value = f" = {mark.value}" if mark.value else ""
                out.append(f"  {'':>9}  {'':<17} {'':<22} {'':<7}   {mark.kind}: "
                           f"{block.text[mark.start:mark.end]}{value}")
    return "\n".join(out) + "\n"
