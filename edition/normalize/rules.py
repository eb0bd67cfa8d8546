"""The normalization rules, in the order they run.

Each rule finds stretches of a line's regularized reading and says what they
become.  Rules marked ``layout`` change only the shape of the text (line
ends, indentation, runs of blanks): they are counted in the teiHeader but not
kept as ``choice`` in the body.  Every other change keeps both readings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

Finder = Callable[[str], Iterator[tuple[int, int, str]]]
"""``finder(text)`` yields ``(start, end, replacement)``, left to right, not
overlapping."""


@dataclass(frozen=True)
class NormRule:
    """One named normalization rule."""

    id: str
    description: str
    find: Finder
    layout: bool = False


def _regex(pattern: str, repl: str | Callable[[re.Match[str]], str]) -> Finder:
    """A finder from a regular expression and a ``re.sub``-style replacement."""
    compiled = re.compile(pattern)

    def find(text: str) -> Iterator[tuple[int, int, str]]:
        for m in compiled.finditer(text):
            new = repl(m) if callable(repl) else m.expand(repl)
            if new != m.group(0):
                yield m.start(), m.end(), new

    return find


def _nothing(text: str) -> Iterator[tuple[int, int, str]]:
    """For rules applied while splitting lines, before any finder runs."""
    return iter(())


# Characters XML 1.0 forbids, plus lone surrogates: they cannot be written
# to TEI at all, so they are removed (and counted).
_XML_FORBIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]+"

# Unicode blanks other than the plain space and the tab.
_BLANKS = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"


def _nfc(text: str) -> Iterator[tuple[int, int, str]]:
    """Compose each base character with its combining marks (NFC)."""
    if unicodedata.is_normalized("NFC", text):
        return
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        if not unicodedata.is_normalized("NFC", cluster):
            yield i, j, unicodedata.normalize("NFC", cluster)
        i = j


_OPENS_BEFORE = re.compile(r"[\s(\[{\u2013\u2014/-]")
_CLOSES_AFTER = re.compile(r"[\s)\]}.,;:!?\u2013\u2014/-]")


def _straight_quotes(text: str) -> Iterator[tuple[int, int, str]]:
    """Curl straight double quotes only where every one of the line pairs up
    as open-close by position; otherwise leave the line alone."""
    spots = [i for i, c in enumerate(text) if c == '"']
    if not spots or len(spots) % 2:
        return
    marks = []
    for k, i in enumerate(spots):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = bool(_OPENS_BEFORE.match(before)) and not after.isspace()
        closing = not before.isspace() and bool(_CLOSES_AFTER.match(after))
        want_open = k % 2 == 0
        if want_open and opening and not closing:
            marks.append((i, "\u201c"))
        elif not want_open and closing and not opening:
            marks.append((i, "\u201d"))
        else:
            return
    for i, q in marks:
        yield i, i + 1, q


RULES: tuple[NormRule, ...] = (
    # Line ends are unified while the text is split into lines.
    NormRule("line-end", "Line ends (CR LF, CR) unified as LF.", _nothing, layout=True),
    # First remove what XML cannot carry, so later rules never see it.
    NormRule("xml-forbidden",
             "Control characters and lone surrogates that XML 1.0 forbids removed; "
             "they cannot be kept in the TEI, so only their count is recorded.",
             _regex(_XML_FORBIDDEN, ""), layout=True),
    NormRule("nfc", "Unicode canonical composition (NFC).", _nfc),
    NormRule("trailing-space", "Blanks at the end of a line removed.",
             _regex(f"[ \t{_BLANKS}]+$", ""), layout=True),
    NormRule("leading-space", "Indentation at the start of a line removed.",
             _regex(f"^[ \t{_BLANKS}]+", ""), layout=True),
    NormRule("tab", "Tabs inside a line read as one space.", _regex("\t+", " "), layout=True),
    NormRule("no-break-space", "No-break and other fixed-width spaces read as a plain space.",
             _regex(f"[{_BLANKS}]", " ")),
    NormRule("double-space", "Runs of spaces read as one space.", _regex(" {2,}", " "),
             layout=True),
    # Before the dash rules: "( CPSU - EIF )" must first lose its inner spaces.
    NormRule("space-before-punctuation",
             "No space before , . ; : ! ? when the mark ends a word.",
             _regex(r" +([,.;:!?]+)(?=\s|$|[)\]}\"\u201d\u2019\u00bb])", r"\1")),
    NormRule("bracket-space", "No space just inside ( ) [ ].",
             _regex(r"(?<=[(\[]) +| +(?=[)\]])", "")),
    NormRule("quote-space", "No space just inside curly double quotes.",
             _regex("(?<=[\u201c\u201e]) +| +(?=\u201d)", "")),
    # Spacing around a hyphen between two abbreviations is a typing slip,
    # not a dash: "(AKM -TR)" is the compound "AKM-TR".
    NormRule("abbreviation-hyphen",
             "A hyphen between two capital-letter abbreviations closed up when it is "
             "spaced on one side only, or inside parentheses.",
             _regex(r"\b([A-Z]{2,})(?: -|- )([A-Z]{2,})\b|(?<=\()([A-Z]{2,}) - ([A-Z]{2,})(?=\))",
                    lambda m: f"{m.group(1) or m.group(3)}-{m.group(2) or m.group(4)}")),
    NormRule("spaced-hyphen-dash", "A hyphen with a space on both sides is a dash: en dash.",
             _regex(r"(?<=\S) - (?=\S)", " \u2013 ")),
    NormRule("double-hyphen-dash", "Two hyphens between words read as an em dash.",
             _regex(r"(?<!-)--(?!-)", "\u2014")),
    NormRule("straight-quotes",
             "Straight double quotes curled where every quote of the line pairs up by position.",
             _straight_quotes),
    NormRule("apostrophe", "A straight apostrophe between two letters curled.",
             _regex(r"(?<=[^\W\d_])'(?=[^\W\d_])", "\u2019")),
)
