"""Shape tests on a line of text, shared by the structure rules.

They look at length, case and punctuation only, never at particular words of
a particular text; the few cue words (for credits, thanks, signatures) are
generic vocabulary in several languages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from edition.segment.cues import names_organisation, shipped

BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014\u25aa\u25cf\u00b7\u25e6\u2023\u2043]|\d{1,3}(?:[.)]|\.-|\s?[-\u2013])"
                    r"|\(\d{1,3}\)|[a-z]\))\s+")
"""A bullet ("-", "*", "•", "·", "◦") or a number ("1.", "1)", "(1)", "1 -",
"1.-", "a)") opening a list item."""
# A stop after a lone capital is an initial ("Kent C. Dodds"), not an end.
SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])[.!?\u2026][\"\u201d\u2019)»]*\s+[\"\u201c\u2018(«¿¡]*[A-ZÀ-ÖØ-ÞА-ЯЁ]")
ENDS_SENTENCE = re.compile(r"[.!?\u2026;,:\u3002\uff01\uff1f\uff0c\uff1a][\"\u201d\u2019)»\u300d\u300f]*$")
"""Closing punctuation, with the ideographic full stop, "！", "？", "，" and "：" of CJK text."""
_ABBREV_END = re.compile(r"(?:\b[A-Z][a-z]{0,2}\.|\b[A-Z]\.)$")


NARROW_NO_BREAK = "\u202f"


def words(text: str) -> int:
    """Words: a narrow no-break space binds a mark to its word (French ``mot :``)
    as no space does, so it divides no words."""
    return len(text.replace(NARROW_NO_BREAK, "").split())


def approx_words(text: str) -> int:
    """Words, counting two characters of a script written without spaces
    (Chinese, Japanese) as one: a length comparable across scripts."""
    dense = sum(1 for ch in text if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3")
    return words(text) + dense // 2


def _bullet(text: str) -> re.Match[str] | None:
    """The bullet opening ``text``; a dash that the line also ends with
    ("— Undersigned —") is decoration around a label, not a bullet."""
    m = BULLET.match(text)
    if m is None:
        return None
    mark = m.group().strip()
    if len(mark) == 1 and not mark.isalnum() and text.rstrip().endswith(mark) and text.strip() != mark:
        return None
    return m


NUMBER_ALONE = re.compile(r"^\s*\(?\d{1,3}[.)]\s*$")
"""A list number alone on its line ("100."), its item on the lines below."""


def is_number_alone(text: str) -> bool:
    return bool(NUMBER_ALONE.match(text))


def is_bullet(text: str) -> bool:
    return _bullet(text) is not None


def strip_bullet(text: str) -> int:
    """Offset just past a bullet marker (0 when there is none)."""
    m = _bullet(text)
    return m.end() if m else 0


def sentences(text: str) -> int:
    """Rough sentence count: breaks where a stop is followed by a capital."""
    return len(SENTENCE_BREAK.findall(text)) + 1


def ends_sentence(text: str) -> bool:
    """Ends in punctuation that closes a sentence or clause."""
    return bool(ENDS_SENTENCE.search(text.rstrip()))


_STOP_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201c\u201d\u2019\u00bb\u203a)\]\u300d\u300f]*$")


def closes_with_stop(text: str) -> bool:
    """Ends a sentence with a full stop, "!", "?" or "…", maybe inside
    closing quotes or brackets (not with a comma or colon)."""
    return bool(_STOP_END.search(text.rstrip()))


def ends_with_abbreviation(text: str) -> bool:
    """Ends in "Jr." or an initial: a stop that does not end a sentence."""
    return bool(_ABBREV_END.search(text.rstrip()))


def starts_upper(text: str) -> bool:
    """Opens with a capital, a digit, or a letter of a script without case
    (CJK), where every line opens as a title may."""
    for ch in text:
        if ch.isalpha():
            return ch.isupper() or ch.upper() == ch.lower()
        if ch.isdigit():
            return True
    return False


_HEADING_CLOSED = re.compile(r"[.,;:!\u3002\uff01\uff0c\uff1a][\"\u201d\u2019)»\u300d\u300f]*$")
_ENTRY_CLOSED = re.compile(r"[!?;:][\"\u201d\u2019)»]*$")
_EXCLAMATION = re.compile(r"![\"\u201d\u2019)»]*$")


def in_capitals(text: str) -> bool:
    """Three letters or more, every one a capital ("NO PASARÁN!")."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def is_heading_like(text: str, max_words: int = 20) -> bool:
    """Short and not closed like a sentence (a question mark may end it)."""
    t = text.strip()
    return (0 < words(t) <= max_words and len(t) <= 200 and starts_upper(t)
            and not _HEADING_CLOSED.search(t))


def is_list_entry(text: str, max_words: int = 20) -> bool:
    """Could be one signatory: a name, maybe with a remark; no sentence."""
    t = text.strip()
    if not t or words(t) > max_words or len(t) > 200:
        return False
    if _ENTRY_CLOSED.search(t):
        return False
    if t.endswith(".") and not ends_with_abbreviation(t):
        return False
    return sentences(t) == 1


SLOGAN_CALLS = 3
"""The most exclamations on one line that make one rallying call ("No to
closure! Yes to libraries!")."""
CALL_WORDS = 6
"""The most words of each of those exclamations."""
_CALL_END = re.compile(r"![\"\u201d\u2019)»]*(?:\s+|$)")
_HASHTAGS = re.compile(r"(?:\s+#\w+)+$")


def is_slogan(text: str, max_words: int = 12) -> bool:
    """One short exclamation, a sentence ending in "!"; or a few of them on
    one line, each of a few words and no more words in all; hashtags may
    follow ("... ! #SaveOurLibrary")."""
    t = _HASHTAGS.sub("", text.strip()) if "#" in text else text.strip()
    if not _EXCLAMATION.search(t) or is_bullet(t):
        return False
    if 0 < words(t) <= max_words and sentences(t) == 1:
        return True
    calls = [c for c in _CALL_END.split(t) if c.strip()]
    return (1 < len(calls) <= SLOGAN_CALLS and len(_CALL_END.findall(t)) == len(calls) and words(t) <= max_words
            and all(0 < words(c) <= CALL_WORDS and sentences(c) == 1 for c in calls))


SEPARATOR_LINE = re.compile(r"^\s*(?:([=#*_~+.\u2022\u00b7])(?:\s*\1){2,}|[-\u2013\u2014](?:\s*[-\u2013\u2014]){2,})\s*$")
"""A line of one punctuation mark repeated ("#####", "* * *"), or of dashes
("- - - -", of which normalization may have made some en dashes): a rule
drawn between sections, not text."""


def is_separator(text: str) -> bool:
    return bool(SEPARATOR_LINE.match(text))


CONTACT = re.compile(r"@\w|\bhttps?:|\bwww\.|\d[\d ()/.-]{3,}\d")
"""An e-mail address, a web address or a phone or street number: a line of
contact details or an address, not a name."""


REMARK = re.compile(r"\s*\([^()]*\)")
"""A parenthesised remark after a name."""
TITLE_ABBREVIATION = re.compile(r"\b([A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё]{0,3})\.(?=\s)")
"""A short capitalized word with a stop inside a line ("Fr.", "Dr.", "Prof."):
an abbreviation, not the end of a sentence."""


LEADING_TITLES = re.compile(r"^\s*[A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё]{0,5}\.(?:-[A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё]{0,8}\.?)?\s+"
                            r"(?:[A-Za-zÀ-ÿА-Яа-яЁё][a-zß-ÿа-яё]{0,5}\.\s+)*(?=[A-ZÀ-ÞА-ЯЁ])")
"""Academic and other titles before a name, lower-case ones included once a
capitalized one opens them: "Dr. med.", "Prof. Dr. rer. nat.", "Dipl.-Psych."."""


def entry_text(text: str) -> str:
    """A list entry as its shape is judged: titles before the name and the
    remark in parentheses left out, and the stops of abbreviations such as
    "Dr." dropped."""
    if "." in text:  # the patterns cost more than the test for what they need
        text = TITLE_ABBREVIATION.sub(r"\1", LEADING_TITLES.sub("", text))
    if "(" in text:
        text = REMARK.sub("", text)
    return text.strip()
CASELESS_NAME_LENGTH = 30
"""The longest name, in characters, in a script without case (CJK)."""
CASELESS_NAME_WORDS = 6
"""The most words of a name in a script without case that spaces its words
(Arabic, Hebrew, Devanagari): measured in words, as in Latin script."""
CASELESS_SENTENCE = re.compile(r"[\u3001\u3002\uff01\uff1f\uff0c\uff1b\u061b\u061f]")
"""Ideographic comma and full stop, full-width ! ? , ;, and the Arabic
semicolon and question mark: marks of a sentence, not a name."""


def capitalized_share(text: str) -> float | None:
    """Share of the words that start with a capital, short lower-case words
    ("de", "of", "and") left out; None when the script has no case (CJK)."""
    counted = capitals = 0
    for word in text.split():
        first = next((ch for ch in word if ch.isalpha()), "")
        if not first or first.upper() == first.lower():
            continue
        if first.islower() and len(word) <= 3:
            continue
        counted += 1
        capitals += first.isupper()
    return capitals / counted if counted else None


NAME_HEAD_WORDS = 6
"""The most words of the name that opens a "Name, role" entry."""
ROLE_ENTRY_WORDS = 24
"""The most words of a whole "Name, role" entry."""
_ROLE_CUT = re.compile(r"\t+|,\s+|\s+[\u2013\u2014-]\s+")
"""Where a name ends and its role, place or organization begins: a tab (a
row of a table), a comma or a spaced dash."""


@lru_cache(maxsize=1 << 16)
def is_name_like(text: str, max_words: int = 12) -> bool:
    """Could be a signatory's name (a person, an organization, maybe a
    place or role after a comma): short, no sentence, no lead-in colon at the
    end, and mostly capitalized words where the script has case; or a
    capitalized name of a few words followed, after a comma, a dash or a
    tab, by what the person does, in any case ("Jane Doe, retired teacher")."""
    if words(text) > max(max_words, ROLE_ENTRY_WORDS):  # no shape below admits it
        return False
    t = entry_text(text)  # "Dr. Name (what they do, at length)": the name counts
    if not is_list_entry(t, max(max_words, ROLE_ENTRY_WORDS)) or t.endswith(":") or CONTACT.search(t):
        return _named_with_role(text)
    if words(t) <= max_words and (_is_name(t) or _is_organisation(t)):
        return True
    return _named_with_role(text)


def _named_with_role(text: str) -> bool:
    cut = _ROLE_CUT.search(text)
    if cut is None or cut.start() == 0:
        return False
    head, rest = text[:cut.start()], text[cut.end():]
    if words(head) < 2 or words(text) > ROLE_ENTRY_WORDS or capitalized_share(head) != 1.0:
        return False
    t = entry_text(head)
    return (is_list_entry(t, NAME_HEAD_WORDS) and not t.endswith(":") and not CONTACT.search(t)
            and _is_name(t) and sentences(rest) == 1
            and not rest.rstrip().endswith((":", "!", "?")) and not CONTACT.search(rest))


_CUES = shipped()


def _is_organisation(t: str) -> bool:
    """An organization's name in sentence case ("Fédération nationale des
    associations"): a word of a kind of organization (the cue tables) and a
    capital first (``t`` is already a short entry with no sentence)."""
    return starts_upper(t) and names_organisation(_CUES, t)


def _is_name(t: str) -> bool:
    """Mostly capitalized words (``t`` is already a short entry with no sentence)."""
    if not any(ch.isalpha() for ch in t):
        return False
    share = capitalized_share(t)
    if share is None:  # no case to go by: short, and no sentence mark of its script
        short = (len(t) <= CASELESS_NAME_LENGTH if words(t) < 2  # ideographs: no spaces between words
                 else words(t) <= CASELESS_NAME_WORDS and len(t) <= 2 * CASELESS_NAME_LENGTH)
        return short and not CASELESS_SENTENCE.search(t)
    return share >= 0.5
