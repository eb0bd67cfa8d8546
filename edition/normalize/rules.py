"""The normalization rules, in the order they run.

Each rule finds stretches of a line's regularized reading and says what they
become.  Rules marked ``layout`` change only the shape of the text (line
ends, indentation, runs of blanks): they are counted in the teiHeader but not
kept as ``choice`` in the body.  Every other change keeps both readings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

Finder = Callable[[str], Iterator[tuple[int, int, str]]]
"""``finder(text)`` yields ``(start, end, replacement)``, left to right, not
overlapping."""


@dataclass(frozen=True)
class Triggered:
    """A finder that can change a line only where ``trigger`` matches in it:
    a line the trigger misses is passed by without running the finder."""

    trigger: re.Pattern[str]
    find: Finder
    exact: Callable[[str], bool] | None = None
    """A quick test, run where the trigger matches, of whether the finder
    would change the line at all (a trigger that says "any letter beyond
    ASCII" would send most lines of most languages through every rule)."""

    def __call__(self, text: str) -> Iterator[tuple[int, int, str]]:
        return self.find(text)


@dataclass(frozen=True)
class NormRule:
    """One named normalization rule."""

    id: str
    description: str
    find: Finder
    layout: bool = False

    @property
    def trigger(self) -> re.Pattern[str] | None:
        """Where the rule could change a line (None: anywhere)."""
        return self.find.trigger if isinstance(self.find, Triggered) else None

    @property
    def exact(self) -> Callable[[str], bool] | None:
        """The rule's quick test of a line its trigger matched, if it has one."""
        return self.find.exact if isinstance(self.find, Triggered) else None

    def could_change(self, text: str) -> bool:
        """Whether running the rule on ``text`` is worth it (False: it would change nothing)."""
        trigger, exact = self.trigger, self.exact
        if trigger is not None and not trigger.search(text):
            return False
        return exact is None or exact(text)


def _regex(pattern: str, repl: str | Callable[[re.Match[str]], str], trigger: str = "") -> Finder:
    """A finder from a regular expression and a ``re.sub``-style replacement.

    A pattern that starts with a run (`` +``) starts it only where the run
    does (a lookbehind), else a long run that fails to match is retried from
    each of its characters, in time quadratic in its length.
    ``trigger``, when given, is a simpler pattern found wherever ``pattern``
    is (a line it misses is passed by): lookbehinds make a search slow.
    """
    compiled = re.compile(pattern)
    if isinstance(repl, str) and "\\" not in repl:
        repl = _literal(repl)  # no group to expand: not parsed again for every match

    def find(text: str) -> Iterator[tuple[int, int, str]]:
        for m in compiled.finditer(text):
            new = repl(m) if callable(repl) else m.expand(repl)
            if new != m.group(0):
                yield m.start(), m.end(), new

    return Triggered(re.compile(trigger or _one_of(pattern)), find)


def _one_of(pattern: str) -> str:
    """A trigger for ``pattern``: the pattern less a final ``+``, which matches
    wherever it does and is searched for faster (no run to measure)."""
    backslashes = len(pattern[:-1]) - len(pattern[:-1].rstrip("\\"))
    return pattern[:-1] if pattern.endswith("+") and not backslashes % 2 and len(pattern) > 1 else pattern


def _literal(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement that is ``text`` whatever was matched."""
    return lambda _m: text


def _nothing(text: str) -> Iterator[tuple[int, int, str]]:
    """For rules applied while splitting lines, before any finder runs."""
    return iter(())


NEVER = "(?!)"
"""The trigger of a rule that acts while lines are split, never on a line."""
_NON_ASCII = re.compile("[^\x00-\x7f]")
"""Mojibake and text not in NFC need a character beyond ASCII."""


# Characters XML 1.0 forbids, plus lone surrogates: they cannot be written
# to TEI at all, so they are removed (and counted).
_XML_FORBIDDEN = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]+"

# Control characters XML 1.0 allows but that are no text: DEL, and the C1
# controls U+0080-U+009F.  Those Windows-1252 defines (0x80-0x9F read as
# Latin-1 upstream: U+0093 for a curly quote) are first repaired by the
# mojibake rule; the rest (U+0081, U+008D, U+008F, U+0090, U+009D) are noise.
_CONTROLS = "[\x7f-\x9f]+"

# Invisible characters with no meaning in running text: zero width space,
# word joiner, and a byte-order mark inside the text (two files joined).
# Zero width (non-)joiners shape Arabic and Indic script and join emoji, so
# they are kept between two visible characters and removed elsewhere.
# (The last run may start only where a run starts: tried from inside a long
# run it would fail again at each character, in quadratic time.)
_ZERO_WIDTH = ("[\u200b\u2060\ufeff]+|(?<!\\S)[\u200c\u200d]+"
               "|(?<![\u200c\u200d])[\u200c\u200d]+(?!\\S)")

# Bidirectional embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069): unbalanced, they reorder everything after them, and
# they can make a text read otherwise than it is stored.  The marks LRM,
# RLM and ALM (U+200E, U+200F, U+061C) change nothing but the direction of
# neutral characters around them, often on purpose in right-to-left text:
# they are kept.
_BIDI = "[\u202a-\u202e\u2066-\u2069]+"


def _removing(pattern: str, trigger: str = "") -> Finder:
    """A finder that removes what ``pattern`` matches, taking the nearest
    visible character before (else after) into the change, so that the TEI,
    which writes a change only where it falls inside a block, keeps the
    removed characters in ``orig``.  A line with nothing visible besides
    them is left alone: removing all of it would lose them from the TEI."""
    compiled = re.compile(pattern)

    def find(text: str) -> Iterator[tuple[int, int, str]]:
        if not compiled.sub("", text).strip():
            return
        changes: list[tuple[int, int, str]] = []
        done = 0
        for m in compiled.finditer(text):
            start, end = m.start(), m.end()
            if start < done:
                continue  # taken into the change before
            between = text[done:start]
            if between.strip():
                # From the last visible character before, keeping the blanks between.
                last = done + len(between.rstrip()) - 1
                changes.append((last, end, text[last:start]))
                done = end
            elif changes:
                # Only blanks since the change before: it grows to take this one in.
                before, _, repl = changes[-1]
                changes[-1] = (before, end, repl + between)
                done = end
            else:
                # Nothing visible before: up to the first visible character after.
                kept, pos = [], end
                while pos < len(text):
                    hit = compiled.match(text, pos)
                    if hit and hit.end() > pos:
                        pos = hit.end()
                    elif text[pos].isspace():
                        kept.append(text[pos])
                        pos += 1
                    else:
                        kept.append(text[pos])
                        pos += 1
                        break
                changes.append((start, pos, "".join(kept)))
                done = pos
        yield from changes

    return Triggered(re.compile(trigger or _one_of(pattern)), find)


MOJIBAKE_CODECS = ("latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257",
                   "iso-8859-2", "mac-roman", "cp437")
"""The single-byte encodings ftfy reads mojibake back through."""


SPACED_LEADS = (0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9, 0xE0, 0xE1, 0xE2, 0xE3, 0xF0)
"""The lead bytes after which ftfy puts back a no-break space (0xA0) that a
process turned into a space."""


def _mojibake_sign() -> re.Pattern[str]:
    """What every line that ftfy's ``fix_encoding`` can repair holds: a UTF-8
    lead byte (0xC0 to 0xF4, or a U+FFFD in its place) as one of
    ``MOJIBAKE_CODECS`` shows it, followed by a continuation byte (0x80 to
    0xBF) as one of them shows it, or by U+FFFD or "?" for a lost one, or by
    a space for an altered one (after ``SPACED_LEADS``); or a C1 control
    character (Windows-1252 read as Latin-1).  A line without one, such as
    most lines with curly quotes or no-break spaces, is passed by, and a
    text with none never loads ftfy."""
    def shown(codes: Iterable[int]) -> str:
        chars = {bytes([b]).decode(codec, errors="ignore") for b in codes for codec in MOJIBAKE_CODECS}
        return re.escape("".join(sorted(c for c in chars if c)))

    leads, continuations, spaced = shown(range(0xC0, 0xF5)), shown(range(0x80, 0xC0)), shown(SPACED_LEADS)
    return re.compile(f"[{leads}\ufffd][{continuations}\ufffd?]|[{spaced}][ \u00a0]|[\x80-\x9f]")


def _fix_encoding(text: str) -> str:
    import ftfy  # on first use: most texts have no line it could repair

    return ftfy.fix_encoding(text)


def _mojibake(text: str) -> Iterator[tuple[int, int, str]]:
    """Text decoded with the wrong encoding upstream (``â€œ`` for ``“``,
    ``ÐœÐ¸Ñ€`` for ``Мир``), repaired by ftfy's ``fix_encoding`` only (none of
    its cosmetic fixes), one stretch per changed word."""
    if text.isascii():
        return
    fixed = _fix_encoding(text)
    if fixed == text or _fix_encoding(fixed) != fixed:
        return  # nothing to repair, or a repair that would not settle
    old, new = text.split(" "), fixed.split(" ")
    if len(old) == len(new):
        yield from _changed_words(old, new)
    elif len(text) <= _ALIGN_LIMIT:
        yield from _aligned_changes(text, fixed)


_ALIGN_LIMIT = 5_000
"""Longest line whose repair is lined up character by character (quadratic
or worse); a longer line whose repair moved its spaces is left as it is."""


def _changed_words(old: list[str], new: list[str]) -> Iterator[tuple[int, int, str]]:
    """The repair word by word, when it kept the line's spaces (the usual
    case): each changed word less what it shares with its repair at either end.
    Linear in the line's length."""
    start = 0
    for before, after in zip(old, new, strict=True):
        if before != after:
            head = 0
            while head < min(len(before), len(after)) and before[head] == after[head]:
                head += 1
            tail = 0
            while (tail < min(len(before), len(after)) - head
                   and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]):
                tail += 1
            yield start + head, start + len(before) - tail, after[head:len(after) - tail]
        start += len(before) + 1


def _aligned_changes(text: str, fixed: str) -> Iterator[tuple[int, int, str]]:
    """The repair lined up with the text by difflib, grouped by word."""
    groups: list[list[int]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes():
        if tag != "equal":
            if groups and groups[-1][1] == i1 and groups[-1][3] == j1:
                groups[-1][1], groups[-1][3] = i2, j2
            else:
                groups.append([i1, i2, j1, j2])
        elif groups and not any(c.isspace() for c in text[i1:i2]):
            # Within one word the stretches are one repair.
            groups[-1][1], groups[-1][3] = i2, j2
    for i1, i2, j1, j2 in groups:
        # A group may have taken in the unchanged end of its word: trim it.
        while i2 > i1 and j2 > j1 and text[i2 - 1] == fixed[j2 - 1]:
            i2, j2 = i2 - 1, j2 - 1
        yield i1, i2, fixed[j1:j2]


# Unicode blanks other than the plain space and the tab.
_BLANKS = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"


def _not_nfc(text: str) -> bool:
    return not unicodedata.is_normalized("NFC", text)


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


def straight_quotes(text: str, marks: tuple[str, str] = ("\u201c", "\u201d"),
                    char: str = '"') -> Iterator[tuple[int, int, str]]:
    """Make straight quotes (``char``: double, or single) the language's
    ``marks`` (opening, closing) only where every one of the line pairs up
    as open-close by position; otherwise leave the line alone."""
    spots = [i for i, c in enumerate(text) if c == char]
    if not spots or len(spots) % 2:
        return
    found = []
    for k, i in enumerate(spots):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opening = bool(_OPENS_BEFORE.match(before)) and not after.isspace()
        closing = not before.isspace() and bool(_CLOSES_AFTER.match(after))
        want_open = k % 2 == 0
        if want_open and opening and not closing:
            found.append((i, marks[0]))
        elif not want_open and closing and not opening:
            found.append((i, marks[1]))
        else:
            return
    for i, q in found:
        yield i, i + 1, q


RULES: tuple[NormRule, ...] = (
    # Line ends are unified while the text is split into lines.
    NormRule("line-end", "Line ends (CR LF, CR) unified as LF.", Triggered(re.compile(NEVER), _nothing), layout=True),
    # A form feed or vertical tab between two words is a break, not nothing.
    NormRule("page-break", "A form feed or vertical tab between two visible characters read as a space.",
             _regex("(?<=\\S)[\x0b\x0c]+(?=\\S)", " ", "[\x0b\x0c]"), layout=True),
    # First remove what XML cannot carry, so later rules never see it.
    NormRule("xml-forbidden",
             "Control characters and lone surrogates that XML 1.0 forbids removed; "
             "they cannot be kept in the TEI, so only their count is recorded.",
             _regex(_XML_FORBIDDEN, ""), layout=True),
    NormRule("mojibake",
             "Text decoded with the wrong encoding before it reached us (mojibake) repaired with "
             "ftfy's encoding fixes; C1 control characters read as Windows-1252.",
             Triggered(_mojibake_sign(), _mojibake)),
    NormRule("control-character",
             "DEL and C1 control characters left after the mojibake repair removed.",
             _removing(_CONTROLS)),
    NormRule("zero-width",
             "Zero width spaces, word joiners and stray byte-order marks removed; zero width "
             "(non-)joiners removed unless between two visible characters.",
             _removing(_ZERO_WIDTH, "[\u200b\u2060\ufeff\u200c\u200d]")),
    NormRule("bidi-control",
             "Bidirectional embeddings, overrides and isolates removed (direction marks are kept).",
             _removing(_BIDI)),
    NormRule("line-separator", "Unicode line and paragraph separators inside a line read as a space.",
             _regex("[\u2028\u2029]+", " "), layout=True),
    NormRule("nfc", "Unicode canonical composition (NFC).", Triggered(_NON_ASCII, _nfc, _not_nfc)),
    NormRule("trailing-space", "Blanks at the end of a line removed.",
             _regex(f"(?<![ \t{_BLANKS}])[ \t{_BLANKS}]+$", "", f"[ \t{_BLANKS}]$"), layout=True),
    NormRule("leading-space", "Indentation at the start of a line removed.",
             _regex(f"^[ \t{_BLANKS}]+", ""), layout=True),
    NormRule("tab", "Tabs inside a line read as one space.", _regex("\t+", " "), layout=True),
    NormRule("no-break-space", "No-break and other fixed-width spaces read as a plain space.",
             _regex(f"[{_BLANKS}]", " ")),
    NormRule("double-space", "Runs of spaces read as one space.", _regex(" {2,}", " ", "  "),
             layout=True),
    # Before the dash rules: "( CPSU - EIF )" must first lose its inner spaces.
    NormRule("space-before-punctuation",
             "No space before , . ; : ! ? when the mark ends a word.",
             _regex(r"(?<! ) +([,.;:!?]+)(?=\s|$|[)\]}\"\u201d\u2019\u00bb])", r"\1", " [,.;:!?]")),
    NormRule("bracket-space", "No space just inside ( ) [ ].",
             _regex(r"(?<=[(\[]) +|(?<! ) +(?=[)\]])", "", r"[(\[] | [)\]]")),
    NormRule("quote-space", "No space just inside curly double quotes.",
             _regex("(?<=[\u201c\u201e]) +|(?<! ) +(?=\u201d)", "", "[\u201c\u201e] | \u201d")),
    # Spacing around a hyphen between two abbreviations is a typing slip,
    # not a dash: "(AKM -TR)" is the compound "AKM-TR".
    NormRule("abbreviation-hyphen",
             "A hyphen between two capital-letter abbreviations closed up when it is "
             "spaced on one side only, or inside parentheses.",
             _regex(r"\b([A-Z]{2,})(?: -|- )([A-Z]{2,})\b|(?<=\()([A-Z]{2,}) - ([A-Z]{2,})(?=\))",
                    lambda m: f"{m.group(1) or m.group(3)}-{m.group(2) or m.group(4)}", " -|- ")),
    NormRule("spaced-hyphen-dash", "A hyphen with a space on both sides is a dash: en dash.",
             _regex(r"(?<=\S) - (?=\S)", " \u2013 ", " - ")),
    NormRule("double-hyphen-dash", "Two hyphens between words read as an em dash.",
             _regex(r"(?<!-)--(?!-)", "\u2014", "--")),
    NormRule("straight-quotes",
             "Straight double quotes curled where every quote of the line pairs up by position.",
             Triggered(re.compile('"'), straight_quotes)),
    NormRule("apostrophe", "A straight apostrophe between two letters curled.",
             _regex(r"(?<=[^\W\d_])'(?=[^\W\d_])", "\u2019", "'")),
)
