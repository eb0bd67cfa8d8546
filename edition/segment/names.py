"""Telling a signatory's name from the remarks around it, and a person from
an organization, by the shape of the entry.

A person's name is two to five capitalized words (initials, particles such
as "of" or "de" and suffixes such as "Jr." allowed) with no acronym; anything
else that signs is taken as an organization.  Words that name kinds of
organizations in several languages tip the balance.
"""

from __future__ import annotations

import re

from edition.model import Mark
from edition.segment.cues import names_organisation, shipped
from edition.segment.shapes import LEADING_TITLES

_CUES = shipped()

_PARTICLES = _CUES.particles
_ARTICLES = _CUES.articles
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?,?$")
_INITIAL = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ]\.$")
# A remark after the name: "(@handle), maintainer of X" or "(partial support)".
# Runs of blanks start where they start (lookbehind): no quadratic retries.
_PAREN_REMARK = re.compile(r"(?<!\s)\s+\((?:@|[^\W\d_](?<![A-ZÀ-ÞА-ЯЁ]))[^()]*\)(?=$|[,\s]).*$")
_COMMA_REMARK = re.compile(r"(?:,|\s[\u2013\u2014-])\s+(?=[^\W\d_])(?![A-ZÀ-ÞА-ЯЁ]).*$")


def _name_word(tok: str) -> bool:
    """Capitalized word of letters (hyphens, apostrophes; a trailing comma)."""
    core = tok.rstrip(",")
    letters = core.replace("-", "").replace("'", "").replace("\u2019", "")
    return (len(core) > 1 and core[0].isupper() and letters.isalpha()
            and any(c.islower() for c in core))


def is_person_name(name: str) -> bool:
    """Two to six capitalized words, titles before them aside ("Dr. med.")."""
    titled = LEADING_TITLES.sub("", name)
    if titled != name and len(titled.split()) >= 2:
        name = titled
    tokens = name.split()
    if not 2 <= len(tokens) <= 6 or names_organisation(_CUES, name) or tokens[0].lower() in _ARTICLES:
        return False
    capitalized = 0
    for i, tok in enumerate(tokens):
        if _name_word(tok) or _INITIAL.match(tok):
            capitalized += 1
        elif _SUFFIX.match(tok) and i > 0 or tok.lower() in _PARTICLES and 0 < i < len(tokens) - 1:
            continue
        else:
            return False
    return capitalized >= 2


def signatory_mark(text: str) -> tuple[Mark, ...]:
    """The name inside one signatory entry, as a persName or orgName mark."""
    end = len(text)
    m = _PAREN_REMARK.search(text)
    if m and m.start() > 0:
        end = m.start()
    m = _COMMA_REMARK.search(text[:end])
    if m and is_person_name(text[:m.start()]):
        end = m.start()
    elif not is_person_name(text[:end]):
        # "Name, Role" where the role is capitalized too (German nouns):
        # the person's name is what stands before the first comma.
        comma = text.find(", ", 0, end)
        if comma > 0 and is_person_name(text[:comma]) and not _SUFFIX.match(text[comma + 2:end].split()[0]):
            end = comma
    name = text[:end].rstrip(" ,")
    if not name:
        return ()
    kind = "persName" if is_person_name(name) else "orgName"
    return (Mark(kind, 0, len(name)),)
