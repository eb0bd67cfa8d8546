"""The cue words the structure rules use, read from one table per language.

The tables (``cues/LANG.json``, and ``cues/neutral.json`` for what belongs to
no language) are data: adding a language is adding a file, never a branch in
code.  The rules look for the cues of every table at once, because these
texts mix languages (a German letter signed by English-named groups) and a
guessed language can be wrong.  Each list:

- ``months``: the names of the twelve months, each with its abbreviations
  and inflected forms (dates);
- ``signing``: words of the act of signing (a signatories lead-in);
- ``thanks``: how a line of thanks or provenance opens (acknowledgements);
- ``photo``: label words of a photo credit ("Photo: Name");
- ``organisation``: words that make a name an organization's, not a person's;
- ``particles`` and ``articles``: small words inside a person's name ("de",
  "von"), and the articles that open an organization's ("The", "Los");
- ``conjunctions``: the "and" before the last of a run of names;
- ``provenance``: the word that says where a text was taken from ("From",
  "Fuente", "Quelle"), opening a source line;
- ``byline``: the word before an author's name in a byline ("By", "Por");
- ``picture``: how a caption says where in the picture someone stands
  ("From left to right", "Clockwise from top left", "Left:");
- ``contact``: how a block of contact details is introduced ("Media
  contact:", "Pressekontakt");
- ``greeting``: how a salutation opens ("Dear", "Liebe", "Querida");
- ``credit_by``: the word between a credit's label and the name ("Photo
  by", "Fotografía de", "Foto di");
- ``column``: the heads of a table's columns ("Name", "Country"), which make
  the first row of a table of signatories its header, not a signatory;
- ``year``: the word or abbreviation that may follow a year in a date
  ("3 марта 2021 г.", "3 березня 2021 року");
- ``figure``: the word a numbered caption opens with ("Figure 2:",
  "Abb. 3 –", "Foto 1."), before its number;
- ``end``: the word of a press release's end mark ("-ENDS-", "– Fin –");
- ``kicker``: the names of kinds of text ("Press release", "Offener
  Brief"), which on a line of their own over a title label it, not title it.

A word matches whole, in any case; ``word*`` matches any ending; a trailing
``:`` may have blanks before it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

FOLDER = Path(__file__).with_name("cues")
NEUTRAL = "neutral"


@dataclass(frozen=True)
class Cues:
    """The tables of every language, merged and compiled."""

    languages: tuple[str, ...]
    months: Mapping[str, int]
    """Month name or abbreviation (lower case) -> month number."""
    signing: re.Pattern[str]
    thanks: re.Pattern[str]
    """Matches at the start of a line (use ``match``)."""
    photo: str
    """The label words of a credit, as a regular expression to build into others."""
    photo_words: tuple[str, ...]
    """The same words in lower case, to look for cheaply before the patterns run."""
    organisation: frozenset[str]
    """Words of kinds of organizations, in lower case (see ``names_organisation``)."""
    particles: frozenset[str]
    articles: frozenset[str]
    agencies: tuple[str, ...]
    byline: re.Pattern[str]
    """Matches a byline's opening word at the start of a line."""
    by: str
    """The byline words as a regular expression to build into others ("by", "por")."""
    provenance: re.Pattern[str]
    """Matches at the start of a line, after an opening parenthesis if any."""
    conjunction: re.Pattern[str]
    """An "and" standing as a word, with its blanks."""
    picture: re.Pattern[str]
    """Matches a caption's opening words that point into the picture."""
    contact: re.Pattern[str]
    """Matches the lead of a block of contact details at the start of a line."""
    greeting: re.Pattern[str]
    """Matches the opening word of a salutation at the start of a line."""
    column: re.Pattern[str]
    """Matches a whole cell that heads a table's column."""
    credit_by: str
    """The words between a credit's label and the name, as a regular expression to build into others."""
    year: str
    """The words after a year in a date, as a regular expression to build into others."""
    kicker: re.Pattern[str]
    """Matches a whole line that names a kind of text (a kicker over a title)."""
    figure: str
    """The words before a numbered caption's number, as a regular expression to build into others."""
    end_mark: re.Pattern[str]
    """Matches a whole line that marks the end of a text ("-ENDS-", "*** END ***", "-30-")."""


def _alternation(words: Iterable[str]) -> str:
    """One regular expression for a list of cue words (longest first, so the
    longer of two words that begin alike wins)."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        elif word.endswith(":"):
            parts.append(re.escape(word[:-1]) + r"\s*:")
        else:  # a word boundary after a letter; after "v. l. n. r." none is needed
            parts.append(re.escape(word) + (r"\b" if word[-1:].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _plain(words: Iterable[str]) -> str:
    """The words as alternatives with nothing after them (to build into
    patterns); with no words, a pattern that matches nothing."""
    parts = [re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def merge(tables: Mapping[str, Mapping[str, Any]]) -> Cues:
    """The cues of several tables (language -> its JSON data), compiled."""
    lists: dict[str, list[str]] = {}
    months: dict[str, int] = {}
    for table in tables.values():
        for number, names in enumerate(table.get("months", ()), 1):
            for month in names:
                months[month.lower()] = number
        for key, value in table.items():
            if key not in ("months", "language", "about"):
                lists.setdefault(key, []).extend(value)

    def words(key: str) -> list[str]:
        return lists.get(key, [])

    return Cues(
        languages=tuple(sorted(n for n in tables if n != NEUTRAL)),
        months=MappingProxyType(months),
        signing=re.compile(r"\b" + _alternation(words("signing")), re.IGNORECASE),
        thanks=re.compile("^" + _alternation(words("thanks")), re.IGNORECASE),
        photo=_plain(words("photo")),
        photo_words=tuple(sorted({w.lower() for w in words("photo")})),
        organisation=frozenset(w.lower() for w in words("organisation")),
        particles=frozenset(w.lower() for w in words("particles")),
        articles=frozenset(w.lower() for w in words("articles")),
        agencies=tuple(words("agencies")),
        byline=re.compile("^" + _alternation(words("byline")), re.IGNORECASE),
        by=_plain(words("byline")),
        provenance=re.compile(r"^\(?" + _alternation(words("provenance")), re.IGNORECASE),
        conjunction=re.compile(r"(?:^|\s+)" + _plain(words("conjunctions")) + r"\s+", re.IGNORECASE),
        picture=re.compile("^" + _alternation(words("picture")), re.IGNORECASE),
        contact=re.compile("^" + _alternation(words("contact")), re.IGNORECASE),
        greeting=re.compile("^" + _alternation(words("greeting")), re.IGNORECASE),
        credit_by=_plain(words("credit_by")),
        column=re.compile("^" + _alternation(words("column")) + "$", re.IGNORECASE),
        year=_plain(words("year")),
        kicker=re.compile("^" + _alternation(words("kicker")) + r"\s*$", re.IGNORECASE),
        figure=_plain(words("figure")),
        end_mark=re.compile(r"^\s*(?:[-\u2013\u2014*#=~_]+\s*)?(?:" + _alternation(words("end")) + r"|30)"
                            r"(?:\s*[-\u2013\u2014*#=~_]+)?\s*$", re.IGNORECASE),
    )


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def names_organisation(cues: Cues, text: str) -> bool:
    """Whether ``text`` holds a word of a kind of organization ("Union",
    "Verband"): a set lookup per word, not a pattern over the line."""
    return any(w in cues.organisation for w in _WORD.findall(text.lower()))


def read_tables(folder: Path = FOLDER) -> dict[str, dict[str, Any]]:
    """Every table in ``folder``, by its file's stem."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(folder.glob("*.json"))}


@cache
def shipped() -> Cues:
    """The cues of the tables the package ships."""
    return merge(read_tables())
