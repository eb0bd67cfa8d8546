"""Shape tests on a line of text, shared by the structure rules.

They look at length, case and punctuation only, never at particular words of
a particular text; the few cue words (for credits, thanks, signatures) are
generic vocabulary in several languages.
"""

from __future__ import annotations

import re

BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013\u2014\u25aa\u25cf]|\d{1,3}[.)])\s+")
# A stop after a lone capital is an initial ("Kent C. Dodds"), not an end.
SENTENCE_BREAK = re.compile(r"(?<!\b[A-Z])[.!?\u2026][\"\u201d\u2019)»]*\s+[\"\u201c\u2018(«¿¡]*[A-ZÀ-ÖØ-ÞА-ЯЁ]")
ENDS_SENTENCE = re.compile(r"[.!?\u2026;,:][\"\u201d\u2019)»]*$")
_ABBREV_END = re.compile(r"(?:\b[A-Z][a-z]{0,2}\.|\b[A-Z]\.)$")


def words(text: str) -> int:
    return len(text.split())


def is_bullet(text: str) -> bool:
    return bool(BULLET.match(text))


def strip_bullet(text: str) -> int:
    """Offset just past a bullet marker (0 when there is none)."""
    m = BULLET.match(text)
    return m.end() if m else 0


def sentences(text: str) -> int:
    """Rough sentence count: breaks where a stop is followed by a capital."""
    return len(SENTENCE_BREAK.findall(text)) + 1


def ends_sentence(text: str) -> bool:
    """Ends in punctuation that closes a sentence or clause."""
    return bool(ENDS_SENTENCE.search(text.rstrip()))


def ends_with_abbreviation(text: str) -> bool:
    """Ends in "Jr." or an initial: a stop that does not end a sentence."""
    return bool(_ABBREV_END.search(text.rstrip()))


def starts_upper(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return True
    return False


def is_heading_like(text: str, max_words: int = 20) -> bool:
    """Short and not closed like a sentence (a question mark may end it)."""
    t = text.strip()
    return (0 < words(t) <= max_words and len(t) <= 200 and starts_upper(t)
            and not re.search(r"[.,;:!][\"\u201d\u2019)»]*$", t))


def is_list_entry(text: str, max_words: int = 20) -> bool:
    """Could be one signatory: a name, maybe with a remark; no sentence."""
    t = text.strip()
    if not t or words(t) > max_words or len(t) > 200:
        return False
    if re.search(r"[!?;:][\"\u201d\u2019)»]*$", t):
        return False
    if t.endswith(".") and not ends_with_abbreviation(t):
        return False
    return sentences(t) == 1


def is_slogan(text: str, max_words: int = 12) -> bool:
    """One short exclamation: a sentence ending in "!"."""
    t = text.strip()
    return (0 < words(t) <= max_words and bool(re.search(r"![\"\u201d\u2019)»]*$", t))
            and sentences(t) == 1 and not is_bullet(t))
