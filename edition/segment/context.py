"""What a structure rule sees: the normalized lines and the blocks so far.

Rules are pure: they read a ``Context`` and a line index and return a
``Match`` (or None); the engine commits it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from edition.model import Block, Mark, Span


@dataclass(frozen=True)
class Context:
    """The text being segmented, as plain strings (regularized readings)."""

    lines: tuple[str, ...]
    """``lines[i]`` is source line ``i + 1``."""
    language: str
    before: Sequence[Block] = ()
    """Blocks already committed, in order (the engine's growing list)."""
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Facts a rule computes once per text from ``lines`` (see ``once``)."""
    numbers: tuple[int, ...] = ()
    """The source line number of each of ``lines`` when the engine showed
    the rules blank lines the source lacks (empty: ``lines[i]`` is line ``i + 1``)."""
    gaps: tuple[tuple[int, ...], ...] = ()
    """Per line of ``lines``, where normalization made a run of blanks or a
    tab one space (offsets of that space): the gaps between the columns of
    a table set in plain text (empty: no line has one)."""

    def number(self, i: int) -> int:
        """The source's line number of ``lines[i]``, for evidence."""
        return self.numbers[i] if self.numbers else i + 1

    def once(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, worked out on the first call for ``key`` only: a
        rule that needs a fact of the whole text (sums over all lines, say)
        at many lines stays linear in the length of the text."""
        if key not in self.derived:
            self.derived[key] = compute()
        return self.derived[key]

    def blank(self, i: int) -> bool:
        return i >= len(self.lines) or not self.lines[i].strip()

    def group_end(self, i: int) -> int:
        """Index just past the run of non-blank lines starting at ``i``."""
        return self.once("group ends", self._group_ends)[i] if i < len(self.lines) else i

    def _group_ends(self) -> list[int]:
        ends = [0] * len(self.lines)
        end = len(self.lines)
        for k in range(len(self.lines) - 1, -1, -1):
            if not self.lines[k].strip():
                end = k
            ends[k] = end
        return ends

    def next_filled(self, i: int) -> int:
        """First non-blank line at or after ``i`` (``len(lines)`` if none)."""
        while i < len(self.lines) and not self.lines[i].strip():
            i += 1
        return i

    def cells(self, i: int, start: int = 0) -> list[tuple[int, int]]:
        """The stretches of line ``i`` from ``start`` between its column gaps
        (one stretch, the whole rest, when it has none), trimmed of blanks."""
        text = self.lines[i]
        cuts = [g for g in (self.gaps[i] if i < len(self.gaps) else ()) if g > start]
        out = []
        for a, b in zip([start, *(g + 1 for g in cuts)], [*cuts, len(text)], strict=True):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                out.append((a, b))
        return out

    def at_start(self) -> bool:
        """True before any block has been committed."""
        return not self.before

    def last_type(self) -> str:
        return self.before[-1].type if self.before else ""

    def span(self, i: int, start: int = 0, end: int | None = None) -> Span:
        """Span of line index ``i``, trimmed of blanks at both ends."""
        text = self.lines[i]
        end = len(text) if end is None else end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(i + 1, start, end)

    def block(self, type_: str, spans: Sequence[Span], rule: str,
              marks: Callable[[str], tuple[Mark, ...]] | None = None) -> Block:
        """A block whose text is read off its spans."""
        text = " ".join(self.lines[s.line - 1][s.start:s.end] for s in spans)
        return Block(type_, text, tuple(spans), rule, marks(text) if marks else ())


def evidenced(blocks: Iterable[Block], evidence: str) -> tuple[Block, ...]:
    """The blocks with the evidence that typed them, for ``explain``."""
    return tuple(b if b.evidence == evidence else replace(b, evidence=evidence) for b in blocks)


@dataclass(frozen=True)
class Match:
    """What a rule claims: the blocks it makes and the line index after them."""

    blocks: tuple[Block, ...]
    next: int


Detect = Callable[[Context, int], "Match | None"]


@dataclass(frozen=True)
class Rule:
    """A named structure rule; ``detect`` is tried at a non-blank line."""

    name: str
    description: str
    detect: Detect
