"""How sure the detector is of each block: measured, not asserted.

Each block's certainty is read off a table of how often blocks like it
(same rule, same type, same shape: see ``shape``) were right on the labelled corpus,
pulled towards the overall share so that a kind seen a few times is judged
mostly on the whole.  The
table is data (``data/certainty.json``), made by ``python
benchmarks/eval_structure.py --calibrate`` and judged there leave-one-text-
out like everything else fitted to the corpus.  Blocks an editor typed are
certain.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType

from edition.model import Block
from edition.segment.shapes import is_name_like

DATA = Path(__file__).with_name("data") / "certainty.json"

SHORT_WORDS = 12
"""Blocks of at most this many words are judged apart from longer ones:
a short line is where titles, slogans, names and paragraphs are confused."""


@dataclass(frozen=True)
class Table:
    """Smoothed precision per kind of block, and where the levels begin."""

    precision: Mapping[str, float]
    """``rule:type:size`` and ``rule:type`` -> share of such blocks found right."""
    high: float = 0.95
    """At or above this precision a block is ``high``."""
    medium: float = 0.8
    """At or above this (and below ``high``) it is ``medium``; below, ``low``."""
    unknown: str = "medium"
    """The level of a kind of block the table has not seen."""

    def level(self, block: Block, lines: Sequence[str]) -> str:
        """``high``, ``medium`` or ``low`` for a block of text ``lines``."""
        p = next((self.precision[k] for k in keys(block, lines) if k in self.precision), None)
        if p is None:
            return self.unknown
        return "high" if p >= self.high else "medium" if p >= self.medium else "low"

    def to_json(self) -> dict[str, object]:
        return {"about": "Smoothed precision of each kind of block (rule:type:size) on the labelled "
                         "corpus; made by benchmarks/eval_structure.py --calibrate.",
                "high": self.high, "medium": self.medium, "unknown": self.unknown,
                "precision": dict(sorted(self.precision.items()))}


NAME_SHARE = 0.5
"""A block of several lines, at least this share of them shaped like names,
is judged apart: a list of names read as a paragraph is the detector's
commonest miss."""


def shape(block: Block, lines: Sequence[str]) -> str:
    """The block's shape as the table tells kinds apart: ``name-lines``
    (several lines, mostly name-like), ``short-name``, ``short`` or ``long``."""
    if len(block.spans) >= 2:
        texts = [lines[s.line - 1][s.start:s.end] for s in block.spans]
        if sum(map(is_name_like, texts)) >= NAME_SHARE * len(texts):
            return "name-lines"
    if len(block.text.split()) > SHORT_WORDS:
        return "long"
    return "short-name" if is_name_like(block.text) else "short"


def keys(block: Block, lines: Sequence[str]) -> tuple[str, str]:
    """The table's keys for a block, the most specific first."""
    return (f"{block.rule}:{block.type}:{shape(block, lines)}", f"{block.rule}:{block.type}")


PRIOR_WEIGHT = 4
"""How many blocks' worth of trust a kind of block starts with: the share
right over all blocks, so that a kind seen twice, right both times, is not
called unsure, and one seen twice, wrong both times, is."""


def fit(judged: Sequence[tuple[Block, Sequence[str], bool]], base: Table | None = None) -> Table:
    """A table from blocks judged right or wrong: per key, the share right,
    pulled towards the share over all blocks by ``PRIOR_WEIGHT`` blocks."""
    seen: dict[str, list[int]] = {}
    for block, lines, right in judged:
        for key in keys(block, lines):
            tally = seen.setdefault(key, [0, 0])
            tally[0] += right
            tally[1] += 1
    prior = sum(right for *_, right in judged) / len(judged) if judged else 0.5
    precision = {k: round((r + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT), 4)
                 for k, (r, n) in seen.items()}
    base = base or Table({})
    return Table(MappingProxyType(precision), base.high, base.medium, base.unknown)


@cache
def shipped() -> Table:
    """The table the package ships."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return Table(MappingProxyType(data["precision"]), data["high"], data["medium"], data["unknown"])


def assign(blocks: Sequence[Block], lines: Sequence[str], table: Table) -> list[Block]:
    """Each block with its certainty; the editor's blocks stay certain."""
    out = []
    for b in blocks:
        level = b.cert if b.resp else table.level(b, lines)
        out.append(b if level == b.cert else replace(b, cert=level))  # most stay "high": no copy
    return out
