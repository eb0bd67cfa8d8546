"""Stage 2, normalize: a ``Source`` to a ``NormalizedText``.

The text keeps one line per source line.  Rules from ``RULES`` run in order
on each line until none changes anything, so normalizing twice changes
nothing; every change is kept as an ``Intervention``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from edition.model import Intervention, Line, NormalizedText, Piece, Source
from edition.normalize.pieces import splice_all
from edition.normalize.rules import NEVER, RULES, NormRule
from edition.normalize.typography import rules_for

__all__ = ["RULES", "NormRule", "normalize", "normalize_line", "rules_for"]

_LINE_END = re.compile(r"\r\n|\r|\n")
_MAX_PASSES = 4


def normalize(source: Source, rules: Sequence[NormRule] | None = None, language: str = "") -> NormalizedText:
    """Normalize every line of ``source`` and record what changed, by
    ``rules`` or else by those of ``language`` (``typography.rules_for``:
    its typography, or the neutral rules alone when it has no table)."""
    if rules is None:
        rules = rules_for(language)
    layout = frozenset(r.id for r in rules if r.layout)
    quiet = _quiet(tuple(rules))
    rules = _active(rules)
    tests = _tests(rules)
    lines: list[Line] = []
    interventions: list[Intervention] = []
    text = source.text
    number, pos = 1, 0
    for m in _LINE_END.finditer(text):
        _add_line(lines, interventions, number, text[pos:m.start()], tests, layout, quiet)
        if m.group(0) != "\n":
            interventions.append(Intervention("line-end", number, m.start() - pos + 1,
                                              m.group(0), "\n"))
        number, pos = number + 1, m.end()
    # The stretch after the last line end is a line too, even when empty, so
    # that the text keeps its final line end and normalizing is idempotent.
    _add_line(lines, interventions, number, text[pos:], tests, layout, quiet)
    return NormalizedText(source, tuple(lines), tuple(interventions), language)


@dataclass(frozen=True)
class _Quiet:
    """Whether any rule could change a line: the searches of the rules'
    triggers, each on its own (faster than one pattern joining them), and the
    rules that also test a line exactly (``Triggered.exact``)."""

    searches: tuple[Callable[[str], object], ...]
    exact: tuple[NormRule, ...]

    def could_change(self, text: str) -> bool:
        return any(p(text) for p in self.searches) or any(r.could_change(text) for r in self.exact)


@functools.lru_cache(maxsize=8)
def _quiet(rules: tuple[NormRule, ...]) -> _Quiet | None:
    """A test that passes wherever any of ``rules`` could change a line,
    when every rule says where (a line it fails is left as it is)."""
    if any(r.trigger is None for r in rules):
        return None
    plain = [r.trigger for r in rules if r.exact is None and r.trigger is not None and r.trigger.pattern != NEVER]
    return _Quiet(tuple(t.search for t in plain), tuple(r for r in rules if r.exact is not None))


def _active(rules: Sequence[NormRule]) -> tuple[NormRule, ...]:
    """The rules that can change a line at all (not those that act while lines are split)."""
    return tuple(r for r in rules if r.trigger is None or r.trigger.pattern != NEVER)


def _add_line(lines: list[Line], interventions: list[Intervention], number: int,
              raw: str, tests: _Tests, layout: frozenset[str],
              quiet: _Quiet | None) -> None:
    if quiet is not None and not quiet.could_change(raw):
        lines.append(Line(number, (Piece(raw, raw),) if raw else ()))
        return
    line, found = _normalize_line(number, raw, tests, layout)
    lines.append(line)
    interventions.extend(found)


_Tests = tuple[tuple[NormRule, Callable[[str], object] | None, Callable[[str], bool] | None], ...]


def _tests(rules: Sequence[NormRule]) -> _Tests:
    """Each rule with its trigger's search and its exact test, looked up once per text."""
    return tuple((r, r.trigger.search if r.trigger is not None else None, r.exact) for r in rules)


def normalize_line(number: int, raw: str, rules: Sequence[NormRule],
                   layout: frozenset[str]) -> tuple[Line, list[Intervention]]:
    """Run the rules on one line until nothing changes; a rule whose trigger
    misses the line's current reading is not run."""
    return _normalize_line(number, raw, _tests(rules), layout)


def _normalize_line(number: int, raw: str, tests: _Tests,
                    layout: frozenset[str]) -> tuple[Line, list[Intervention]]:
    pieces: list[Piece] = [Piece(raw, raw)] if raw else []
    found: list[Intervention] = []
    text = raw
    for _ in range(_MAX_PASSES):
        changed = False
        for rule, search, exact in tests:  # NormRule.could_change, with its lookups done once
            if (search is not None and not search(text)) or (exact is not None and not exact(text)):
                continue
            hits = list(rule.find(text))
            if not hits:
                continue
            # As if spliced one by one right to left, so earlier offsets stay valid.
            pieces, made = splice_all(pieces, hits, rule.id, layout)
            for piece, orig_at in made:
                found.append(Intervention(rule.id, number, orig_at + 1, piece.orig, piece.reg))
            text = "".join(p.reg for p in pieces)
            changed = True
        if not changed:
            break
    found.sort(key=lambda i: i.column)
    return Line(number, tuple(pieces)), found
