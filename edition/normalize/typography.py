"""The normalization rules for one language: the neutral ones, and that
language's typography made from its table (``data/typography.json``).

The rules in ``RULES`` that follow a typographic convention (spacing before
punctuation and inside quotation marks, which quotes straight ones become,
dashes, apostrophes) are remade here from the language's table, each still
a named rule whose every change is recorded; a language with no table gets
the neutral rules alone.  French, for one, keeps a narrow no-break space
before ``; : ! ?`` and inside guillemets, where English removes the space.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from edition.normalize.rules import _BLANKS, RULES, NormRule, Triggered, _regex, straight_quotes

TABLES_PATH = Path(__file__).resolve().parent / "data" / "typography.json"
DEFAULT_LANGUAGE = "en"
"""Whose typography runs when no language is given (a bare ``normalize(source)``)."""
TYPOGRAPHIC = ("no-break-space", "space-before-punctuation", "quote-space", "spaced-hyphen-dash",
               "double-hyphen-dash", "straight-quotes", "apostrophe")
"""The rules of ``RULES`` made per language (``no-break-space`` keeps the spaces a language sets)."""
NARROW = "\u202f"


@dataclass(frozen=True)
class Typography:
    """One language's conventions, as its table gives them."""

    code: str
    name: str
    quotes: tuple[str, str]
    inner_quotes: tuple[str, str]
    open_marks: str
    close_marks: str
    spaced_marks: str
    guillemet_space: str
    spaced_dash: str
    apostrophe: str


@functools.cache
def tables() -> dict[str, Typography]:
    """Every language's table, by primary language subtag."""
    data = json.loads(TABLES_PATH.read_text(encoding="utf-8"))
    return {code: Typography(code, t["name"], (t["quotes"][0], t["quotes"][1]),
                             (t["inner_quotes"][0], t["inner_quotes"][1]), t["open_marks"], t["close_marks"],
                             t["spaced_marks"], t["guillemet_space"], t["spaced_dash"], t["apostrophe"])
            for code, t in data.items() if not code.startswith("_")}


def typography_for(language: str) -> Typography | None:
    """The table of ``language`` (``fr-CA`` reads ``fr``), or None when it has none."""
    return tables().get(language.split("-")[0].lower()) if language else tables()[DEFAULT_LANGUAGE]


def _class(chars: str) -> str:
    return "[" + re.escape(chars) + "]"


def _language_rules(t: Typography) -> dict[str, tuple[NormRule, ...]]:
    """The typographic rules of ``t``, by the id of the rule of ``RULES`` they stand for."""
    kept = t.guillemet_space + (NARROW if t.spaced_marks else "")
    blank_class = "[" + "".join(c for c in _BLANKS if c not in kept) + "]"
    tight = "".join(m for m in ",.;:!?" if m not in t.spaced_marks)
    closers = ")\\]}\"" + re.escape(t.close_marks + "\u2019\u00bb")
    rules: dict[str, tuple[NormRule, ...]] = {
        "no-break-space": (NormRule(
            "no-break-space",
            "No-break and other fixed-width spaces read as a plain space"
            + (" (but the narrow no-break spaces of French punctuation)." if kept else "."),
            _regex(blank_class, " ")),),
        "space-before-punctuation": (NormRule(
            "space-before-punctuation", f"No space before {' '.join(tight)} when the mark ends a word.",
            _regex(rf"(?<! ) +({_class(tight)}+)(?=\s|$|[{closers}])", r"\1", f" {_class(tight)}")),),
        "spaced-hyphen-dash": (NormRule(
            "spaced-hyphen-dash", f"A hyphen with a space on both sides is a dash: {_dash_name(t.spaced_dash)}.",
            _regex(r"(?<=\S) - (?=\S)", f" {t.spaced_dash} ", " - ")),),
        "double-hyphen-dash": (NormRule(
            "double-hyphen-dash", "Two hyphens between words read as an em dash.",
            _regex(r"(?<!-)--(?!-)", "\u2014", "--")),),
        "straight-quotes": (NormRule(
            "straight-quotes",
            f"Straight double quotes made {t.quotes[0].strip()}…{t.quotes[1].strip()} where every quote of "
            "the line pairs up by position.",
            Triggered(re.compile('"'), functools.partial(straight_quotes, marks=t.quotes))),),
        "apostrophe": (NormRule(
            "apostrophe", f"A straight apostrophe between two letters made {t.apostrophe}.",
            _regex(r"(?<=[^\W\d_])'(?=[^\W\d_])", t.apostrophe, "'")), NormRule(
            "single-quotes",
            f"Straight single quotes (a quotation inside a quotation) made {t.inner_quotes[0]}…{t.inner_quotes[1]} "
            "where every one left of the line pairs up by position.",
            Triggered(re.compile("'"), functools.partial(straight_quotes, marks=t.inner_quotes, char="'")))),
    }
    quote_rules = []
    if t.open_marks or t.close_marks:
        parts, triggers = [], []
        if t.open_marks:
            parts.append(f"(?<={_class(t.open_marks)}) +")
            triggers.append(f"{_class(t.open_marks)} ")
        if t.close_marks:
            parts.append(f"(?<! ) +(?={_class(t.close_marks)})")
            triggers.append(f" {_class(t.close_marks)}")
        quote_rules.append(NormRule("quote-space", "No space just inside the quotation marks "
                                    f"{t.open_marks}{t.close_marks}.",
                                    _regex("|".join(parts), "", "|".join(triggers))))
    if t.guillemet_space:
        space = t.guillemet_space
        quote_rules.append(NormRule(
            "guillemet-space", "A narrow no-break space just inside guillemets « », put in or made so.",
            _regex(rf"\u00ab(?!{space})[ \u00a0]*(?=\S)|(?<=\S)(?<!{space})[ \u00a0]*\u00bb",
                   lambda m: f"\u00ab{space}" if m.group(0).startswith("\u00ab") else f"{space}\u00bb",
                   "[\u00ab\u00bb]")))
    rules["quote-space"] = tuple(quote_rules)
    if t.spaced_marks:
        rules["space-before-punctuation"] += (NormRule(
            "space-before-high-punctuation",
            f"A narrow no-break space before {' '.join(t.spaced_marks)} when the mark ends a word, "
            "put in or made so.",
            _regex(rf"(?<=\S)[ \u00a0]?({_class(t.spaced_marks)}+)(?=\s|$|[\u00bb)\]])", rf"{NARROW}\1",
                   _class(t.spaced_marks))),)
    return rules


def _dash_name(dash: str) -> str:
    return {"\u2013": "en dash", "\u2014": "em dash"}.get(dash, dash)


@functools.lru_cache(maxsize=16)
def rules_for(language: str) -> tuple[NormRule, ...]:
    """The rules, in order, for a text in ``language`` (empty: the default
    language's); the neutral rules of ``RULES`` as they are, the typographic
    ones as the language's table makes them, or left out when it has none."""
    t = typography_for(language)
    made = _language_rules(t) if t is not None else {}
    out: list[NormRule] = []
    for rule in RULES:
        if rule.id not in TYPOGRAPHIC:
            out.append(rule)
        elif rule.id == "no-break-space" and t is None:
            out.append(rule)  # neutral: a fixed-width space is read as a space in any language
        else:
            out.extend(made.get(rule.id, ()))
    return tuple(out)


def statement(language: str) -> str:
    """What the teiHeader says of the typography that ran."""
    t = typography_for(language)
    if t is None:
        return (f"The text's language ({language}) has no typographic table here: only the "
                "language-neutral rules ran.")
    return f"The typographic rules are those of {t.name} ({t.code}), the text's language."
