"""Signatory lists: a lead-in ("Signed by:"), state or group labels
("Georgia:"), and one name per line or several on one line after the lead.

An entry's parenthesised remark on a line of its own belongs to the entry
before it.  Blank lines end the list unless a group label follows.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from edition.model import Block, Span
from edition.segment.context import Context, Match, evidenced
from edition.segment.cues import names_organisation, shipped
from edition.segment.dates import is_dated_line
from edition.segment.names import is_person_name, signatory_mark
from edition.segment.rules.closing import is_contact_line
from edition.segment.shapes import (
    capitalized_share,
    closes_with_stop,
    ends_sentence,
    entry_text,
    is_bullet,
    is_heading_like,
    is_list_entry,
    is_name_like,
    is_number_alone,
    is_separator,
    sentences,
    starts_upper,
    strip_bullet,
    words,
)

_CUE = shipped().signing
"""Words of the act of signing, from every language's cue table."""
_CONTACT = shipped().contact
"""The lead of contact details ("Media contact:"), which heads no group of signatories."""
LABEL_WORDS = 6
"""The most words of a group label with no colon."""
BARE_LEAD_WORDS = 3
"""The most words of a lead-in naming the act of signing with no colon."""
_LABEL = re.compile(r"^[A-ZÀ-ÞА-ЯЁ][^\d:;.!?]{0,40}:$")


def _is_label(text: str) -> bool:
    t = text.strip()
    return bool(_LABEL.match(t)) and words(t) <= 4 and not _CUE.search(t) and not _CONTACT.match(t)


BARE_LABEL_WORDS = 3
"""The most words of a group label that lost its colon ("Entidades",
"New Hampshire"), over a run of names separated by commas."""


def _bare_label(text: str) -> bool:
    t = text.strip()
    return 0 < words(t) <= BARE_LABEL_WORDS and is_heading_like(t) and not ends_sentence(t) and not _CUE.search(t)


def signatories(ctx: Context, i: int) -> Match | None:
    """A short line naming the act of signing and ending in ":" or "," (or
    in nothing at all: "Signed by"), then the list; or the same lead with
    the names after it on the same line."""
    text = ctx.lines[i]
    t = text.strip()
    if not _CUE.search(t):
        return None
    bare = words(t) <= BARE_LEAD_WORDS and not ends_sentence(t)
    if (t.endswith((":", ",")) and words(t) <= 6 or bare) and ctx.group_end(i) >= i + 1:
        lead = ctx.block("signatories-lead", [ctx.span(i)], "signatories")
        start = ctx.next_filled(i + 1)
        run = _separated_run(ctx, start) if start < len(ctx.lines) else None
        if run is not None:
            said = f"under the lead-in \u201c{t}\u201d (line {ctx.number(i)}): names separated by commas or semicolons"
            return Match(evidenced((lead, *run), said), ctx.group_end(start))
        labelled = _label_over_run(ctx, start) if start < len(ctx.lines) else None
        if labelled is not None:
            said = (f"under the lead-in \u201c{t}\u201d (line {ctx.number(i)}): a group label over names "
                    "separated by commas or semicolons")
            return Match(evidenced((lead, *labelled), said), ctx.group_end(ctx.next_filled(start + 1)))
        blocks, nxt = take_list(ctx, i + 1, "signatories", after_lead=True)
        if bare and not t.endswith((":", ",")) and not _names_under_bare_lead(blocks):
            return None
        # A second lead right under a list ("Ways to sign this letter:") must head names indeed.
        if not _mostly_names(blocks, AFTER_LIST_NAMED_SHARE if ctx.last_type() == "signatory" else NAMED_SHARE):
            return None
        if blocks:
            said = f"under the lead-in \u201c{t}\u201d (line {ctx.number(i)}), which names the act of signing"
            return Match(evidenced((lead, *blocks), said), nxt)
        return None
    colon = text.find(":")
    if colon < 0 or words(text[:colon]) > 4:
        return None
    end = _wrapped_run_end(ctx, i)
    items = _run_items(ctx, i, end, colon + 1, 2)
    if items is None:
        return None
    lead = ctx.block("signatories-lead", [ctx.span(i, 0, colon + 1)], "signatories")
    said = f"after the lead-in \u201c{text[:colon + 1].strip()}\u201d, which names the act of signing"
    return Match(evidenced((lead, *items), said), end)


def _label_over_run(ctx: Context, k: int) -> list[Block] | None:
    """A group's label on a line of its own (\u201cInternational
    organisations\u201d, with or without a colon) over a run of names
    separated by commas or semicolons: the label and the names."""
    t = ctx.lines[k].strip()
    if ctx.group_end(k) != k + 1 or not (_bare_label(t) or _LABEL.match(t)):
        return None
    after = ctx.next_filled(k + 1)
    run = _separated_run(ctx, after) if after < len(ctx.lines) else None
    if run is None:
        return None
    return [ctx.block("signatory-group", [ctx.span(k)], "signatories"), *run]


def _run_items(ctx: Context, i: int, end: int, start: int, least: int, rule: str = "signatories",
               odd: float = 0.0) -> list[Block] | None:
    """Lines ``i``..``end``, from offset ``start`` of the first, cut into
    entries at their separators (``_split_entries``): one signatory block
    each, an entry a hard-wrapped line broke keeping both its spans; None
    when there are fewer than ``least`` or more than the share ``odd`` of
    them are no list entry."""
    joined, starts = _joined(ctx, i, end)
    entries = _split_entries(joined, start)
    if len(entries) < least or sum(1 for a, b in entries
                                   if not is_list_entry(entry_text(joined[a:b]))) > odd * len(entries):
        return None
    items = []
    for k, (a, b) in enumerate(entries):
        gap_end = entries[k + 1][0] if k + 1 < len(entries) else len(joined)  # the last takes the final stop
        gap = _spans_of(joined, starts, b, gap_end, i + 1)
        block = ctx.block("signatory", _spans_of(joined, starts, a, b, i + 1), rule, signatory_mark)
        items.append(Block(block.type, block.text, block.spans, block.rule, block.marks, tuple(gap)))
    return items


def run_under_lead(ctx: Context, i: int) -> Match | None:
    """A lead-in of one sentence ending in a colon, whatever its words
    ("This letter was launched by the following organisations:"), over a
    run of names separated by commas or semicolons, where the text closes."""
    t = ctx.lines[i].strip()
    if ctx.group_end(i) != i + 1 or not t.endswith(":") or words(t) > COLON_LEAD_WORDS or sentences(t) != 1:
        return None
    k = ctx.next_filled(i + 1)
    run = _separated_run(ctx, k, "run-under-lead", MIN_COMMA_RUN, NAME_SHARE) if k < len(ctx.lines) else None
    if run is None or not closes_text(ctx, i, ctx.group_end(k)):
        return None
    lead = ctx.block("signatories-lead", [ctx.span(i)], "run-under-lead")
    said = f"under the lead-in \u201c{t}\u201d (line {ctx.number(i)}): {len(run)} names separated by commas or semicolons"
    return Match(evidenced((lead, *run), said), ctx.group_end(k))


SEPARATED_RUN = 3
"""The fewest names of a run, separated by commas or semicolons, that
stands under a lead or a label as its list."""
ODD_ENTRIES = 0.1
"""The share of a run's entries that may look like no entry ("Prof. Name
(role)" reads as two sentences) without breaking it."""


def _separated_run(ctx: Context, k: int, rule: str = "signatories", least: int = SEPARATED_RUN,
                   share: float = 0.5) -> list[Block] | None:
    """The group at line ``k`` as a run of at least ``least`` names
    separated by commas or semicolons ("A, B, C." or "A (role); B (role)",
    on one line or broken after separators), more than ``share`` of them
    name-like; None for anything else (a sentence, a list one name per line)."""
    end = ctx.group_end(k)
    if not all(ctx.lines[j].rstrip().endswith((",", ";")) for j in range(k, end - 1)) and not _wrapped_run(ctx, k, end):
        return None  # lines that end elsewhere hold entries of their own (names in columns)
    items = _run_items(ctx, k, end, 0, least, rule, ODD_ENTRIES)
    if items is None or sum(1 for b in items if is_name_like(b.text)) <= share * len(items):
        return None
    return items


WRAPPED_LINE = 40
"""The least length of each line but the last of a run of names that a
hard-wrapped file broke anywhere, not only after its separators."""
WRAPPED_SHARE = 0.75
"""The least length of those lines, as a share of the longest."""


def _wrapped_run(ctx: Context, k: int, end: int) -> bool:
    """Lines ``k``..``end`` are one run of names wrapped at a width: two or
    more, every line but the last long (near the longest), holding a
    separator and closing no sentence (lines of "Name, role" one to a line
    are short and of any length)."""
    lines = [ctx.lines[j].rstrip() for j in range(k, end)]
    if len(lines) < 2:
        return False
    width = max(map(len, lines))
    return all(len(t) >= max(WRAPPED_LINE, WRAPPED_SHARE * width) and ("," in t or ";" in t)
               and not closes_with_stop(t) for t in lines[:-1])


def _wrapped_run_end(ctx: Context, i: int) -> int:
    """Where a run of names after a lead on its line ends: with the line,
    or, when a hard-wrapped file broke the run (every line but the last
    ends on a comma or runs on without closing a sentence), with its group."""
    end = ctx.group_end(i)
    if end - i > 1 and all("," in ctx.lines[k] and not closes_with_stop(ctx.lines[k]) for k in range(i, end - 1)):
        return end
    return i + 1


def _joined(ctx: Context, i: int, end: int) -> tuple[str, list[int]]:
    """Lines ``i``..``end`` joined by spaces, and where each begins in the join."""
    starts, pos = [], 0
    for k in range(i, end):
        starts.append(pos)
        pos += len(ctx.lines[k]) + 1
    return " ".join(ctx.lines[i:end]), starts


def _spans_of(joined: str, starts: list[int], a: int, b: int, line: int) -> list[Span]:
    """The stretch ``a``..``b`` of a join of lines as a span on each line it
    crosses, blanks at the ends of each trimmed; ``line`` is the first
    line's number (1-based, as ``Span`` has it)."""
    out = []
    for n in range(max(bisect.bisect_right(starts, a) - 1, 0), len(starts)):  # only the lines it crosses
        start = starts[n]
        if start >= b:
            break
        stop = starts[n + 1] - 1 if n + 1 < len(starts) else len(joined)
        lo, hi = max(a, start), min(b, stop)
        while lo < hi and joined[lo].isspace():
            lo += 1
        while hi > lo and joined[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            out.append((n, lo - start, hi - start))
    return [Span(line + n, lo, hi) for n, lo, hi in out]


def _names_under_bare_lead(blocks: Sequence[Block]) -> bool:
    """Under a lead with no colon ("Signed by") only a list of names will
    do: two or more, each opening with a capital, most of them name-like."""
    names = [b for b in blocks if b.type == "signatory"]
    return (len(names) >= 2 and all(starts_upper(b.text) for b in names)
            and 2 * sum(1 for b in names if is_name_like(b.text)) > len(names))


NAMED_SHARE = 0.5
"""The least share of the entries under a lead that must look like names."""
AFTER_LIST_NAMED_SHARE = 0.8
"""The same under a lead right below a list of signatories, where a list of
how to sign is more likely than a second list of signers."""


def _mostly_names(blocks: Sequence[Block], share: float = NAMED_SHARE) -> bool:
    """Under any lead, at least ``share`` of the entries look like names: a lead
    that names the act of signing may head a list of how to sign ("Ways to
    sign this letter:"), whose entries are instructions, not signers (one of
    which may still look like a name: "Come to the library on Saturday")."""
    entries = [b for b in blocks if b.type == "signatory"]
    return bool(entries) and sum(1 for b in entries if is_name_like(b.text)) >= share * len(entries)


def _split_entries(text: str, start: int) -> list[tuple[int, int]]:
    """Cut at commas and semicolons outside parentheses (at semicolons
    alone when there are several: then commas are inside entries, "Name,
    role; Name, role", and an "and" after the last is no part of its
    entry); trim blanks."""
    cuts, depth, a = [], 0, start
    marks = ";" if text.count(";", start) >= MIN_SEMICOLONS else ",;"
    for k in range(start, len(text)):
        ch = text[k]
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in marks and depth == 0:
            cuts.append((a, k))
            a = k + 1
    cuts.append((a, len(text.rstrip(" .")) if text.rstrip().endswith(".") else len(text)))
    out: list[tuple[int, int]] = []
    for a, b in cuts:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        opening = _CONJUNCTION.match(text[a:b]) if marks == ";" and out else None
        if opening and opening.end() < b - a:  # "; and Name, role": the "and" is the separator's
            a += opening.end()
        if a < b:
            out.append((a, b))
    return out


def signatory_groups(ctx: Context, i: int) -> Match | None:
    """A group label ("Georgia:") over at least two names, one per line or
    separated by commas, with no lead-in."""
    labelled = _is_label(ctx.lines[i])
    if not labelled and not _bare_label(ctx.lines[i]):
        return None
    k = ctx.next_filled(i + 1)
    run = None
    if k < len(ctx.lines) and labelled:
        run = _separated_run(ctx, k, "signatory-groups")
    elif k < len(ctx.lines) and ":" not in ctx.lines[k]:
        # A label that lost its colon heads a longer run, of names nearly all.
        run = _separated_run(ctx, k, "signatory-groups", MIN_COMMA_RUN, NAME_SHARE)
    if run is not None and closes_text(ctx, i, ctx.group_end(k)):
        label = ctx.block("signatory-group", [ctx.span(i)], "signatory-groups")
        return Match((label, *run), ctx.group_end(k))
    if not labelled:
        return None
    names = 0
    while k < len(ctx.lines) and not ctx.blank(k) and is_list_entry(ctx.lines[k]):
        names, k = names + 1, k + 1
    if names < 2 or not _facts(ctx).names(ctx.next_filled(i + 1), k):
        return None
    blocks, nxt = take_list(ctx, i, "signatory-groups", after_lead=False)
    return Match(tuple(blocks), nxt) if blocks and closes_text(ctx, i, nxt) else None


def signatory_run(ctx: Context, i: int) -> Match | None:
    """Three or more short capitalized lines in a row, after the body of a
    text has begun, read as names even without a lead-in."""
    if ctx.last_type() in ("", "title", "heading", "salutation"):
        return None
    end = ctx.group_end(i)
    if end - i < 3:
        return None
    for k in range(i, end):
        t = ctx.lines[k].strip()
        if not (is_list_entry(t, max_words=8) and starts_upper(t)) or t.endswith(","):
            return None
    if not _facts(ctx).names(i, end):
        return None
    blocks, nxt = take_list(ctx, i, "signatory-run", after_lead=False)
    return Match(tuple(blocks), nxt) if nxt == end else None


MIN_RUN = 3
"""Name-like lines in a row, with no blank line between them, that make a list."""
MIN_SPACED_RUN = 5
"""Name-like lines, in groups of one or two between blank lines, that make a list."""
MIN_SPACED_GROUPS = 3
"""The fewest such groups that make a list."""
MAX_ENTRY_LINES = 2
"""The most lines of one entry between blank lines: a name, and its role below it."""
ENTRY_WORDS = 16
"""The most words of one entry of a run outside parentheses (a name and its role)."""
NAME_SHARE = 0.8
"""The least share of a run's lines that must look like names; the rest may
be any short line that is no sentence (a bare handle, a lower-case name)."""


@dataclass(frozen=True)
class _Facts:
    """What the name rules ask of every line, worked out once per text."""

    before: list[int]
    """``before[k]``: characters on the lines above line ``k``."""
    prose_after: list[int]
    """``prose_after[k]``: characters on the lines from ``k`` on that do not look like names."""
    chain: list[int]
    """``chain[k]``: how many groups of one or two short lines (an entry, or
    a name and its role) follow each other between blank lines from line
    ``k`` on (0 when no such group starts at line ``k``)."""
    lines: list[int]
    """``lines[k]``: how many entries those groups hold (a line each, or
    the names of a row set in columns)."""
    named: list[int]
    """``named[k]``: how many of those entries look like names."""
    last: list[int]
    """``last[k]``: the last line of that chain."""
    name_like: list[bool]
    """``name_like[k]``: line ``k`` looks like a name."""
    short: list[bool]
    """``short[k]``: line ``k`` is short enough for an entry and no sentence."""

    def names(self, start: int, end: int) -> bool:
        """Lines ``start`` to ``end`` are all short entries, mostly names."""
        return (all(self.short[start:end])
                and sum(self.name_like[start:end]) >= NAME_SHARE * (end - start))


def _facts(ctx: Context) -> _Facts:
    return ctx.once("signatories", lambda: _work_out(ctx))  # type: ignore[no-any-return]


def _work_out(ctx: Context) -> _Facts:
    n = len(ctx.lines)
    # A row of a list set in columns is as much an entry as a line of one
    # name, and it counts its names.
    rows = [len(_name_cells(ctx, k, strip_bullet(line))) if ctx.gaps else 0 for k, line in enumerate(ctx.lines)]
    name_like = [row > 0 or is_name_like(line) for row, line in zip(rows, ctx.lines, strict=True)]
    short = [row > 0 or _short_entry(line) for row, line in zip(rows, ctx.lines, strict=True)]
    entries = [row or 1 for row in rows]
    before, prose_after = [0] * (n + 1), [0] * (n + 1)
    for k, line in enumerate(ctx.lines):
        before[k + 1] = before[k] + len(line.strip())
    for k in range(n - 1, -1, -1):
        prose_after[k] = prose_after[k + 1] + (0 if name_like[k] else len(ctx.lines[k].strip()))
    chain, lines, named, last = [0] * (n + 1), [0] * (n + 1), [0] * (n + 1), list(range(n + 1))
    for k in range(n - 1, -1, -1):
        if ctx.blank(k) or (k > 0 and not ctx.blank(k - 1)):
            continue  # only where a group starts
        end = ctx.group_end(k)
        if end - k > MAX_ENTRY_LINES or not all(short[k:end]):
            continue
        after = ctx.next_filled(end)
        chain[k], lines[k] = 1 + chain[after], sum(entries[k:end]) + lines[after]
        named[k] = sum(e for e, named_ in zip(entries[k:end], name_like[k:end], strict=True) if named_) + named[after]
        last[k] = last[after] if chain[after] else end - 1
    return _Facts(before, prose_after, chain, lines, named, last, name_like, short)


def name_run_end(ctx: Context, i: int) -> int:
    """Index past the run of name-like lines from ``i``, or ``i`` when the
    lines there make no run.

    A run is either one group of at least ``MIN_RUN`` lines, or groups of
    one or two lines separated by blank lines (one entry per paragraph, as
    pages converted from HTML have it, or a name with its role below it),
    at least ``MIN_SPACED_GROUPS`` of them holding ``MIN_SPACED_RUN`` lines;
    in both, at least ``NAME_SHARE`` of the lines look like names and none
    is a sentence.
    """
    end = ctx.group_end(i)
    facts = _facts(ctx)
    if end - i >= MIN_RUN:
        return end if facts.names(i, end) else i
    if (facts.lines[i] >= MIN_SPACED_RUN and facts.chain[i] >= MIN_SPACED_GROUPS
            and facts.named[i] >= NAME_SHARE * facts.lines[i]):
        return facts.last[i] + 1
    return i


NAME_WORDS = 5
"""The most words of the name before a role ("Jane Doe, retired teacher."):
more, and a line that ends in a stop is a sentence with a comma (in German,
whose nouns are capitalized, one may look like a name)."""
_ROLE_AFTER = re.compile(r"[,(]")


def _short_entry(line: str) -> bool:
    """Short enough for one entry of a list and no sentence; a final stop is
    allowed after a name and its role ("Jane Doe, retired teacher.",
    "Jane Doe (teacher).")."""
    t = entry_text(line)
    if (t.endswith(".") and not t.endswith("..") and is_name_like(t[:-1]) and ("," in t or "(" in line)
            and words(_ROLE_AFTER.split(t, maxsplit=1)[0]) <= NAME_WORDS):
        t = t[:-1]
    return is_list_entry(t, ENTRY_WORDS) and not line.rstrip().endswith(",")


def looks_like_names(lines: list[str]) -> bool:
    """Short lines, none a sentence or ending in a comma (but for a few in a
    long list: a name with a stop, a long role), and mostly names."""
    short = sum(1 for line in lines if not _short_entry(line)) <= (ODD_ENTRIES * len(lines) if len(lines) >= 10 else 0)
    named = sum(is_name_like(line) for line in lines)
    return short and named >= NAME_SHARE * len(lines)


def type_above(ctx: Context) -> str:
    """The type of the block above, looking past a section's heading (which
    may be the label of a group of signatories)."""
    above = [b for b in ctx.before[-2:] if b.rule != "section-heading"]
    return above[-1].type if above else ""


def closes_text(ctx: Context, start: int, end: int) -> bool:
    """Lines ``start`` to ``end`` stand where a list of signers stands: the
    body of the text has begun, and less prose follows them than text
    precedes them (a list of sections at the top of a newsletter does not;
    further lists of names after them are no prose)."""
    if type_above(ctx) in ("", "title", "heading", "salutation"):
        return False
    facts = _facts(ctx)
    return facts.prose_after[end] <= facts.before[start]


def near_end(ctx: Context, start: int, end: int, share: float) -> bool:
    """Lines ``start`` to ``end`` stand near where the text closes: the
    prose after them is at most ``share`` of the text before them."""
    facts = _facts(ctx)
    return facts.prose_after[end] <= share * facts.before[start]


LEAD_WORDS = 6
"""The most words of a line that introduces a run of names."""
COLON_LEAD_WORDS = 16
"""The most words of a lead-in ending in a colon ("This letter was launched
by the following organisations:"), which may sit right above the names."""


def _introduces(ctx: Context, i: int) -> bool:
    """Line ``i`` stands alone, short and no sentence, above a run of names:
    a lead-in, whatever its words ("Signed", "Launched by", "Entidades").

    Above names one per paragraph, a line that looks like a name itself is
    the first of them unless it is one word over names of several."""
    text = ctx.lines[i].strip()
    colon_lead = text.endswith(":") and words(text) <= COLON_LEAD_WORDS and sentences(text) == 1
    if not colon_lead and (ctx.group_end(i) != i + 1 or words(text) > LEAD_WORDS
                           or ends_sentence(text.rstrip(":"))):
        return False
    start = ctx.next_filled(i + 1)
    end = name_run_end(ctx, start)
    if start >= len(ctx.lines) or end == start:
        return False
    if ctx.group_end(start) > start + 1 or text.endswith(":") or not is_name_like(text):
        return True
    entries = [line for line in ctx.lines[start:end] if line.strip()]
    return words(text) == 1 and sum(map(words, entries)) >= 2 * len(entries)


def name_run(ctx: Context, i: int) -> Match | None:
    """Where a text closes: a run of names, maybe under a short line that
    introduces them with no sentence of its own ("Signed", "Entidades",
    "— Undersigned —")."""
    if ctx.last_type() in ("", "title", "heading", "salutation"):
        return None
    lead: list[Block] = []
    start = i
    if _introduces(ctx, i):
        start = ctx.next_filled(i + 1)
        lead = [ctx.block("signatories-lead", [ctx.span(i)], "name-run")]
    end = name_run_end(ctx, start)
    if end == start or not closes_text(ctx, i, end):
        return None
    blocks = _run_blocks(ctx, start, end, "name-run")
    said = (f"one of {len(blocks)} name-like lines (lines {ctx.number(start)}-{ctx.number(end - 1)}) where the text closes"
            + (f", under \u201c{lead[0].text}\u201d" if lead else ""))
    return Match(evidenced((*lead, *blocks), said), end)


def _run_blocks(ctx: Context, start: int, end: int, rule: str) -> list[Block]:
    """The signatories of the run of names on lines ``start`` to ``end``,
    their bullets or numbers kept as markers."""
    blocks: list[Block] = []
    numbers = _counted(ctx, start, end)
    for k in range(start, end):
        if not ctx.blank(k):
            off = strip_bullet(ctx.lines[k]) or numbers.get(k, 0)
            markers = (ctx.span(k, 0, off),) if off else ()
            blocks.extend(_entries(ctx, _entry_spans(ctx, k, off), rule, markers))
    return blocks


VALEDICTION_WORDS = 4
"""The most words of a closing formula ("In solidarity,", "Best wishes,")."""
SIGNATURE_LINES = 3
"""The most lines of the name block under a closing formula (a name, a role, a place)."""


def valediction(ctx: Context, i: int) -> Match | None:
    """Where a text closes, a short formula ending in a comma ("In
    solidarity,", "Best wishes,") over a name and maybe a role or two: the
    formula closes the text, each line below is a signatory.  The name may
    follow on the next line, or after a blank line."""
    text = ctx.lines[i].strip()
    if not text.endswith(",") or words(text) > VALEDICTION_WORDS:
        return None
    if ctx.group_end(i) == i + 1:
        start = ctx.next_filled(i + 1)
        end = ctx.group_end(start) if start < len(ctx.lines) else start
    else:  # "Best wishes,\nName": the formula heads the group of the names
        start, end = i + 1, ctx.group_end(i)
    run = name_run_end(ctx, start) if end - start > SIGNATURE_LINES and start < len(ctx.lines) else start
    if run > start:  # a list of names under the formula ("Yours," over the signers)
        end = run
    elif not _signature(ctx, start, end):
        return None
    if not closes_text(ctx, i, end) or end < len(ctx.lines) and ctx.next_filled(end) < len(ctx.lines) \
            and not closes_text(ctx, i, ctx.next_filled(end)):
        return None
    said = f"under the closing \u201c{text}\u201d (line {ctx.number(i)})"
    closing = ctx.block("salutation", [ctx.span(i)], "valediction")
    if run > start:
        names = _run_blocks(ctx, start, end, "valediction")
    else:
        names = [ctx.block("signatory", [ctx.span(k)], "valediction", signatory_mark) for k in range(start, end)]
    return Match(evidenced((closing, *names), said), end)


def _signature(ctx: Context, start: int, end: int) -> bool:
    """Lines ``start`` to ``end`` sign under a formula: a name, then at most
    a few short lines (a role, a place) that are no sentences."""
    return (1 <= end - start <= SIGNATURE_LINES and is_name_like(ctx.lines[start])
            and all(words(ctx.lines[k]) <= LEAD_WORDS and not ends_sentence(ctx.lines[k].strip().rstrip("!"))
                    for k in range(start + 1, end)))


_BARE_NUMBER = re.compile(r"^\s*(\d{1,4})\s+(?=\S)")


def _counted(ctx: Context, start: int, end: int) -> dict[int, int]:
    """When every line from ``start`` to ``end`` opens with a bare number and
    the numbers count up by one ("1 Name", "2 Name"), where each number ends;
    else nothing: a name may begin with a number of its own."""
    found = {k: m for k in range(start, end) if not ctx.blank(k) and (m := _BARE_NUMBER.match(ctx.lines[k]))}
    filled = [k for k in range(start, end) if not ctx.blank(k)]
    values = [int(found[k].group(1)) for k in filled if k in found]
    if len(found) != len(filled) or len(values) < 2 or values != list(range(values[0], values[0] + len(values))):
        return {}
    return {k: m.end() for k, m in found.items()}


def take_list(ctx: Context, i: int, rule: str, *, after_lead: bool) -> tuple[list[Block], int]:
    """Read list entries and group labels from line ``i`` on; a number alone
    on its line ("100.") numbers the entry below it."""
    blocks: list[Block] = []
    since_label = 0 if after_lead else 1
    numbers = _counted(ctx, i, ctx.group_end(i))
    number: Span | None = None  # a number alone, waiting for its entry
    j = group = i  # ``group``: the first line of the group of lines being read
    while j < len(ctx.lines):
        if ctx.blank(j):
            k = ctx.next_filled(j)
            if number is None and k < len(ctx.lines) and (
                    since_label == 0 or _is_label(ctx.lines[k]) or _heads_numbered(ctx, k)
                    or (after_lead and _entries_again(ctx, k, j - group))):
                j = group = k
                continue
            break
        line = ctx.lines[j]
        if number is None and is_number_alone(line) and not ctx.blank(j + 1):
            number, j = ctx.span(j), j + 1
            continue
        off = strip_bullet(line) or numbers.get(j, 0)
        body = line[off:].strip()
        markers = (ctx.span(j, 0, off),) if off else ((number,) if number else ())
        if number is None and (_is_label(line) or _is_colonless_label(ctx, j, blocks) or _heads_numbered(ctx, j)
                               or (not blocks and _is_table_header(ctx, j))):
            blocks.append(ctx.block("signatory-group", [ctx.span(j)], rule))
            since_label = 0
        elif (body.startswith("(") and not off and number is None and blocks
              and blocks[-1].type == "signatory"):
            prev = blocks[-1]
            joined = ctx.block("signatory", [*prev.spans, ctx.span(j)], rule, signatory_mark)
            blocks[-1] = Block(joined.type, joined.text, joined.spans, rule, joined.marks,
                               prev.markers)
        elif cells := _name_cells(ctx, j, off):
            blocks.extend(_entries(ctx, [Span(j + 1, a, b) for a, b in cells], rule, markers))
            since_label += len(cells)
            number = None
        elif is_list_entry(entry_text(body)):
            made = ctx.block("signatory", [ctx.span(j, off)], rule, signatory_mark)
            blocks.append(Block(made.type, made.text, made.spans, rule, made.marks, markers))
            since_label += 1
            number = None
        else:
            break
        j += 1
    if number is not None:  # the number's entry was no name: leave both
        j = number.line - 1
    if not any(b.type == "signatory" for b in blocks):
        return [], i
    cut = _instructions_after(blocks)
    if cut is not None:
        j = blocks[cut].spans[0].line - 1
        del blocks[cut:]
    while blocks and blocks[-1].type == "signatory-group":
        j = blocks.pop().spans[0].line - 1
    return blocks, j


def _instructions_after(blocks: Sequence[Block]) -> int | None:
    """Where a later group of the list is no group of signers: a label
    below names over entries that mostly do not look like names (a list of
    how to sign or to help, "Ways to support:" over "Share this statement");
    the index of its label."""
    for k, block in enumerate(blocks):
        if block.type != "signatory-group" or not any(b.type == "signatory" for b in blocks[:k]):
            continue
        group = []
        for later in blocks[k + 1:]:
            if later.type == "signatory-group":
                break
            group.append(later)
        if group and not _mostly_names(group, AFTER_LIST_NAMED_SHARE):
            return k
    return None


def _name_cells(ctx: Context, j: int, off: int) -> list[tuple[int, int]]:
    """The names of a row of a list set in columns ("Name<gap>Name"): its
    cells when there are several, each opening with a capital and short
    enough for an entry, all names of one kind (people, or organizations by their cue
    words) in this row or in the row above or below it; none for a row of a
    name and what the person is, or where from ("Name<TAB>Country")."""
    cells = ctx.cells(j, off)
    text = ctx.lines[j]
    if len(cells) < 2 or not all(starts_upper(text[a:b]) and _short_entry(text[a:b]) for a, b in cells):
        return []
    # A row whose names are odder ("W.E. Blum", "Luna D Dragon") is cut as
    # the row above or below it is.
    return cells if any(_row_kind(ctx, k) for k in (j, j - 1, j + 1)) else []


_CELL_HEAD_END = re.compile(r"\s*\(|,\s|\s[\u2013\u2014-]\s")
"""Where the name that opens a cell ends: a remark, a comma, a spaced dash."""


def _cell_kind(cell: str) -> str:
    """``person`` for a person's name, maybe followed by a remark or a role
    ("Name (@handle), maintainer of X"); ``organisation`` for a name of two
    or more words with a word for a kind of organization in it; else ''."""
    end = _CELL_HEAD_END.search(cell)
    head = cell[:end.start()] if end else cell
    if (is_person_name(head) or is_person_name(entry_text(head))) and is_name_like(cell):
        return "person"
    if words(cell) >= 2 and names_organisation(_CUES, cell) and is_name_like(cell):
        return "organisation"
    return ""


def _row_kind(ctx: Context, k: int) -> str:
    """The one kind of every cell of line ``k`` when it is a row of two or
    more cells, each a name of that kind; else ''."""
    if not 0 <= k < len(ctx.lines) or ctx.blank(k):
        return ""
    text = ctx.lines[k]
    cells = ctx.cells(k, strip_bullet(text))
    kinds = {_cell_kind(text[a:b]) for a, b in cells}
    return kinds.pop() if len(cells) >= 2 and len(kinds) == 1 else ""


def _entries(ctx: Context, spans: Sequence[Span], rule: str, markers: tuple[Span, ...]) -> list[Block]:
    """A signatory for each span of one line; the line's markers (its
    bullet or number) go with the first."""
    out = []
    for n, span in enumerate(spans):
        made = ctx.block("signatory", [span], rule, signatory_mark)
        out.append(Block(made.type, made.text, made.spans, rule, made.marks, markers if n == 0 else ()))
    return out


def _entry_spans(ctx: Context, k: int, off: int) -> list[Span]:
    """The entries of line ``k`` from ``off``: each name of a row set in
    columns, else the whole line."""
    cells = _name_cells(ctx, k, off)
    return [Span(k + 1, a, b) for a, b in cells] if cells else [ctx.span(k, off)]


def _entries_again(ctx: Context, k: int, size: int) -> bool:
    """Under a lead, the group at line ``k`` goes on with the list the group
    above it began (entries set apart by blank lines: "Name" or "Name" over
    its role): no more lines than that group, each an entry of a list, the
    first a name and no thanks or source ("Thanks to Name"), none a date or
    contact details."""
    end = ctx.group_end(k)
    lines = [ctx.lines[n].strip() for n in range(k, end)]
    return (0 < end - k <= max(size, 1) and is_name_like(lines[0])
            and not _CUES.thanks.match(lines[0]) and not _CUES.provenance.match(lines[0])
            and all(is_list_entry(entry_text(t)) and not is_dated_line(t) and not is_contact_line(t) for t in lines))


_COLUMN = shipped().column


def _is_table_header(ctx: Context, j: int) -> bool:
    """A row of column heads over the rows of a table of signatories
    ("Name<TAB>Country", its tabs made spaces by normalization): two or more
    words, each the head of a column, with a row under it."""
    cells = ctx.lines[j].split()
    return len(cells) >= 2 and all(_COLUMN.match(c) for c in cells) and not ctx.blank(j + 1)


def _heads_numbered(ctx: Context, j: int) -> bool:
    """A short unnumbered line right above a numbered or bulleted entry
    ("International organisations" over "1. Name"): the label of a group."""
    t = ctx.lines[j].strip()
    return (not is_bullet(t) and not is_number_alone(t) and words(t) <= LABEL_WORDS
            and is_heading_like(t) and j + 1 < len(ctx.lines)
            and (is_bullet(ctx.lines[j + 1]) or is_number_alone(ctx.lines[j + 1])))


def _is_colonless_label(ctx: Context, j: int, blocks: list[Block]) -> bool:
    """One capitalized word among names of two or more words, with names
    after it: a group label whose colon was lost ("Maryland")."""
    t = ctx.lines[j].strip()
    if words(t) != 1 or not t.isalpha() or not t[0].isupper():
        return False
    names = [b for b in blocks if b.type == "signatory"]
    if len(names) < 1 or any(words(b.text) < 2 for b in names):
        return False
    return j + 1 < len(ctx.lines) and is_list_entry(ctx.lines[j + 1]) and words(ctx.lines[j + 1]) >= 2


MIN_COMMA_RUN = 5
"""The fewest names of a run written as one sentence of commas."""
COMMA_ITEM_WORDS = 8
"""The most words of one name in such a run."""
COMMA_LEAD_WORDS = 8
"""The most words before the first name ("Die Ortsgruppen", "Signed by")."""
_CONJUNCTION = shipped().conjunction


_DASHES = "-\u2013\u2014"
_RUN_MARK = re.compile(r"\s[\u2022\u00b7|\u25aa\u25cf]\s")
"""A bullet or bar between two names of a run written on one line ("A • B • C")."""


def _separators(text: str, marks: str = ",;") -> list[tuple[int, int]]:
    """Where ``text`` has one of ``marks`` (a comma or a semicolon) outside
    parentheses, a bullet or bar between blanks, or an "and" after the last
    of them (where only semicolons separate, which leaves commas inside the
    names, only an "and" right after one)."""
    found, depth = [], 0
    for k, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in marks and depth == 0:
            found.append((k, k + 1))
    found.extend((m.start(), m.end()) for m in _RUN_MARK.finditer(text))
    # An "and" joins the last two names ("A, B and C"): one with a comma
    # after it is inside a name ("Bund der Leserinnen und Leser, ...").
    last = max((a for a, _ in found), default=-1)
    found.extend((m.start(), m.end()) for m in _CONJUNCTION.finditer(text)
                 if m.start() > last and ("," in marks or text[:m.start()].rstrip().endswith(";")))
    return sorted(found)


MIN_SEMICOLONS = 2
"""A run with this many semicolons or more is cut at its semicolons alone."""


def _comma_pieces(ctx: Context, i: int, end: int) -> list[list[Span]]:
    """The stretches of lines ``i`` to ``end`` between commas, semicolons and
    "and"s (outside parentheses; at semicolons alone where the run has
    ``MIN_SEMICOLONS``); a stretch that runs to the end of a line with no
    separator goes on on the next line."""
    pieces: list[list[Span]] = []
    current: list[Span] = []
    # Names that hold commas ("Name, Country; Name, Country") are cut at semicolons only.
    marks = ";" if sum(ctx.lines[k].count(";") for k in range(i, end)) >= MIN_SEMICOLONS else ",;"
    for k in range(i, end):
        text = ctx.lines[k]
        # The run's final stop is a marker; a stop inside it stays with its text.
        stop = len(text.rstrip().rstrip(".") if k == end - 1 else text.rstrip())
        pos = 0
        for a, b in [*_separators(text[:stop], marks), (stop, stop)]:
            if a < stop and not pieces and not current and not text[pos:a].strip():
                continue  # a run does not open with a separator: "und" there is a word of the text
            while pieces and not current and pos < a and (text[pos].isspace() or text[pos] in _DASHES):
                pos += 1  # a dash right after a separator is the source's mark, not the name's
            span = ctx.span(k, pos, a)
            if span.start < span.end:
                current.append(span)
            if a < stop and current:  # a separator closes the name before it
                pieces.append(current)
                current = []
            pos = b
    if current:
        pieces.append(current)
    return pieces


_TRAILING_TITLES = re.compile(r"(?<!\S)(?:[A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё]{0,5}\.\s+)+$")
"""Abbreviated titles at the end of a stretch ("... Prof. Dr. "), which
belong to the name after them."""


def comma_run(ctx: Context, i: int) -> Match | None:
    """Where a text closes, a paragraph that is a run of names written as a
    sentence: "The groups A, B, C, ... and Z." (or "A • B • C") — maybe
    after a few words that introduce them; each name becomes a signatory."""
    end = ctx.group_end(i)
    if not closes_text(ctx, i, end) or not any(
            "," in ctx.lines[k] or ";" in ctx.lines[k] or _RUN_MARK.search(ctx.lines[k]) for k in (i, end - 1)):
        return None
    marks = sum(ctx.lines[k].count(",") + ctx.lines[k].count(";") + len(_RUN_MARK.findall(ctx.lines[k]))
                for k in range(i, end))
    if marks < MIN_COMMA_RUN - 2:  # too few separators for a run (an "and" may stand for one)
        return None
    pieces = _comma_pieces(ctx, i, end)
    texts = [" ".join(ctx.lines[s.line - 1][s.start:s.end] for s in spans) for spans in pieces]
    if len(pieces) < MIN_COMMA_RUN or not all(
            0 < words(t) <= COMMA_ITEM_WORDS and is_name_like(t) for t in texts[1:]):
        return None
    # The first stretch holds the lead-in too when it is more than twice as
    # long as the middle name; else it is the first name alone.
    sizes = sorted(words(t) for t in texts[1:])
    middle = sizes[len(sizes) // 2]
    size = words(texts[0]) if words(texts[0]) <= 2 * middle else middle
    first_spans = pieces[0]
    head = ctx.lines[first_spans[-1].line - 1]
    first = first_spans[-1]
    colon = head.rfind(":", first.start, first.end)
    # A lead ending in a colon ends there, whatever the length of the first name.
    if colon >= 0:
        cut = ctx.span(first.line - 1, colon + 1, first.end).start
    else:  # the first name's titles ("Prof. Dr.") go with it
        cut = _last_words(head, first.start, first.end, size)
        titles = _TRAILING_TITLES.search(head, first.start, cut)
        cut = titles.start() if titles else cut
        cut = max(cut, _after_signing_words(head, first.start, first.end))
    lead_spans = [*first_spans[:-1], *([Span(first.line, first.start, cut)] if cut > first.start else [])]
    lead_text = " ".join(ctx.lines[s.line - 1][s.start:s.end].strip() for s in lead_spans).strip()
    if words(lead_text) > COMMA_LEAD_WORDS or not is_name_like(head[cut:first.end]):
        return None
    items = [[ctx.span(first.line - 1, cut, first.end)], *pieces[1:]]
    blocks: list[Block] = []
    if lead_text:
        blocks.append(ctx.block("signatories-lead", [ctx.span(s.line - 1, s.start, s.end) for s in lead_spans],
                                "comma-run"))
    covered = [s for b in blocks for s in b.spans] + [s for spans in items for s in spans]
    for n, spans in enumerate(items):
        block = ctx.block("signatory", spans, "comma-run", signatory_mark)
        markers = tuple(_gaps(ctx, covered, spans[-1], n == len(items) - 1, end))
        blocks.append(Block(block.type, block.text, block.spans, block.rule, block.marks, markers))
    said = f"one of {len(items)} names separated by commas (lines {ctx.number(i)}-{ctx.number(end - 1)}) where the text closes"
    return Match(evidenced(blocks, said), end)


def _after_signing_words(text: str, start: int, end: int) -> int:
    """Where the first name begins in a stretch that opens with words of
    the act of signing and a word in lower case ("Signed by Anna Berg (…)",
    "Unterzeichnet von …"): at the first capitalized word after them;
    ``start`` when it opens otherwise (a name may begin like a cue: "Signe")."""
    cue = _CUE.match(text, start + len(text[start:end]) - len(text[start:end].lstrip()))
    if cue is None:
        return start
    rest = list(re.finditer(r"\S+", text[cue.end():end]))
    if len(rest) < 2 or not rest[1].group()[0].isupper() and rest[0].group()[0].isupper():
        return start
    for n, word in enumerate(rest):
        if word.group()[0].isupper():
            return cue.end() + word.start() if n else start
    return start


def _last_words(text: str, start: int, end: int, n: int) -> int:
    """Offset where the last ``n`` words of ``text[start:end]`` begin."""
    pos = end
    for _ in range(n):
        pos = text.rstrip()[:pos].rstrip().rfind(" ", start, pos) + 1 or start
        if pos <= start:
            return start
    return pos


def _gaps(ctx: Context, covered: list[Span], after: Span, last: bool, end: int) -> list[Span]:
    """The separators after an item (commas, "and", a final stop): the
    source text up to the next covered span, kept as markers."""
    later = sorted((s.line, s.start) for s in covered if (s.line, s.start) > (after.line, after.end - 1))
    stop_line, stop_col = later[0] if later and not last else (end, None)
    out = []
    line, col = after.line, after.end
    while line <= stop_line:
        text = ctx.lines[line - 1]
        upto = stop_col if line == stop_line and stop_col is not None else len(text)
        if text[col:upto].strip():
            out.append(Span(line, col, upto))
        line, col = line + 1, 0
    return out


SIGNATURE_TAIL = 3
"""The most lines after a text's closing name (a place and date, an e-mail
address, initials)."""
PERSON_WORDS = (2, 4)
"""The fewest and most words of a person's name signing alone."""


def closing_name(ctx: Context, i: int) -> Match | None:
    """A name alone on its line right under the text's last paragraph or
    slogan, at the end of the file or before a section break: an organization (a word of a kind of
    organization in it, or every word capitalized under a closing slogan:
    "Fridays for Future Göttingen") or a person (two to four capitalized
    words) signs the text.
    After it may come only a place and date, contact details or initials."""
    if ctx.last_type() not in ("paragraph", "slogan") or ctx.group_end(i) != i + 1:
        return None
    text = ctx.lines[i].strip()
    after_slogan = ctx.last_type() == "slogan" and capitalized_share(text) == 1.0
    if not is_name_like(text) or not (after_slogan or names_organisation(_CUES, text) or _person_shaped(text)):
        return None
    rest: list[int] = []  # the filled lines after it, up to one more than a tail may have
    k = ctx.next_filled(i + 1)
    while k < len(ctx.lines) and len(rest) <= SIGNATURE_TAIL and not is_separator(ctx.lines[k]):
        rest.append(k)  # a section break ends the text as the end of the file does
        k = ctx.next_filled(k + 1)
    if len(rest) > SIGNATURE_TAIL or not all(_signature_tail(ctx.lines[k]) for k in rest):
        return None
    block = ctx.block("signatory", [ctx.span(i)], "closing-name", signatory_mark)
    where = "the end of the file" if k >= len(ctx.lines) else f"the section break on line {ctx.number(k)}"
    return Match(evidenced((block,), f"a name alone under the text's close, before {where}"), i + 1)


_CUES = shipped()


def _person_shaped(text: str) -> bool:
    """Two to four words, each opening with a capital, no digit."""
    parts = text.split()
    return (PERSON_WORDS[0] <= len(parts) <= PERSON_WORDS[1] and all(p[0].isupper() for p in parts)
            and not any(ch.isdigit() for ch in text))


def _signature_tail(line: str) -> bool:
    """What may stand under a closing name: a place and date, contact
    details, a place, or initials."""
    t = line.strip()
    return is_dated_line(t) or is_contact_line(t) or (words(t) <= 3 and len(t) <= 40 and starts_upper(t)
                                                      and not ends_sentence(t))
