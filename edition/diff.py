"""The interventions of normalize as a unified diff a person can read."""

from __future__ import annotations

from collections import Counter, defaultdict

from edition.model import Intervention, NormalizedText


def intervention_diff(normalized: NormalizedText) -> str:
    """One hunk per changed line: the source line, the edition's line, and
    the rules that changed it, with their columns."""
    by_line: dict[int, list[Intervention]] = defaultdict(list)
    for item in normalized.interventions:
        by_line[item.line].append(item)
    name = normalized.source.path
    out = [f"--- {name} (source)", f"+++ {name} (normalized)"]
    for line in normalized.lines:
        found = by_line.get(line.number)
        if not found:
            continue
        counts = Counter(i.rule for i in found)
        rules = ", ".join(f"{r} \u00d7{n}" if n > 1 else r for r, n in counts.items())
        out.append(f"@@ -{line.number} +{line.number} @@ {rules}")
        out.append("-" + _visible(line.orig))
        out.append("+" + _visible(line.text))
        for item in found:
            out.append(f"#   {item.line}:{item.column} {item.rule}: "
                       f"{_visible(item.orig)!r} \u2192 {_visible(item.reg)!r}")
    total = len(normalized.interventions)
    out.append(f"# {total} intervention(s) on {len(by_line)} line(s)")
    return "\n".join(out) + "\n"


def _visible(text: str) -> str:
    """Make blanks that look alike tell apart: no-break space, tab, CR."""
    return (text.replace("\u00a0", "\u2423").replace("\t", "\u21e5")
            .replace("\r", "\u240d"))
