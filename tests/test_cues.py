"""The cue tables: one file per language, data apart from the rules."""

from __future__ import annotations

import json

import pytest

from edition.model import Metadata
from edition.segment import cues
from edition.segment.dates import find_dates
from tests.test_segment import blocks, seg

LISTS = {"months", "signing", "thanks", "photo", "organisation", "particles", "articles", "conjunctions", "provenance", "byline",
         "picture", "contact", "greeting", "column", "credit_by", "year", "kicker", "figure", "end"}


@pytest.mark.parametrize("path", sorted(cues.FOLDER.glob("*.json")), ids=lambda p: p.stem)
def test_every_table_has_only_known_lists(path) -> None:
    table = json.loads(path.read_text(encoding="utf-8"))
    if path.stem == cues.NEUTRAL:
        assert set(table) <= {"about", "agencies"}
        return
    assert table["language"] == path.stem
    assert set(table) - {"language", "about"} <= LISTS
    if "months" in table:
        assert len(table["months"]) == 12 and all(table["months"])
    for key in set(table) & LISTS - {"months"}:
        assert all(isinstance(w, str) and w.strip() == w and w for w in table[key])


def test_a_new_language_is_a_new_table() -> None:
    nl = {"language": "nl", "signing": ["ondertekend", "ondertekenaars"], "thanks": ["met dank aan"],
          "months": [["januari"], ["februari"], ["maart"], ["april"], ["mei"], ["juni"], ["juli"],
                     ["augustus"], ["september"], ["oktober"], ["november"], ["december"]]}
    merged = cues.merge({"nl": nl})
    assert merged.languages == ("nl",)
    assert merged.signing.search("Ondertekend door:")
    assert merged.thanks.match("Met dank aan de vrijwilligers")
    assert merged.months["maart"] == 3
    assert not cues.merge({}).signing.search("Ondertekend door:")


def test_a_trailing_star_matches_any_ending_and_a_colon_may_follow_blanks() -> None:
    merged = cues.merge({"xx": {"signing": ["unterzeichne*"], "thanks": ["source:"]}})
    assert merged.signing.search("Die Unterzeichnenden")
    assert merged.thanks.match("Source : the archive")
    assert not merged.thanks.match("Sources of the archive")


@pytest.mark.parametrize(("line", "iso"), [
    ("Paris, le 8 mars 2014", "2014-03-08"), ("Berlin, 8. März 2014", "2014-03-08"),
    ("Москва, 8 марта 2014 г.", "2014-03-08"), ("Київ, 8 березня 2014", "2014-03-08"),
    ("Lisboa, 8 de março de 2014", "2014-03-08"), ("Roma, 8 marzo 2014", "2014-03-08"),
    ("بيروت، ٨ آذار ٢٠١٤", "2014-03-08"), ("القاهرة، 8 مارس 2014", "2014-03-08"),
])
def test_month_names_of_each_table_give_dates(line: str, iso: str) -> None:
    assert [d.iso for d in find_dates(line)] == [iso]


@pytest.mark.parametrize(("line", "language"), [
    ("Merci à toutes celles et ceux qui ont participé", "fr"),
    ("Danke an alle, die mitgemacht haben", "de"),
    ("Gracias a todas las compañeras", "es"),
    ("Спасибо всем, кто пришёл", "ru"),
])
def test_thanks_in_each_language_is_an_acknowledgement(line: str, language: str) -> None:
    text = ("A title of the text\n\nA long paragraph of the text that says what it has to say "
            f"in more than a few words, as a text does.\n\n{line}\n")
    assert blocks(seg(text, Metadata(language=language)), "acknowledgement") == [line]


@pytest.mark.parametrize("line", ["This article first appeared in The Guardian.", "Translation: Jane Doe",
                                  "Traducción: Jane Doe", "Übersetzung: Jane Doe", "Перевод: Jane Doe",
                                  "Quelle: taz.de"])
def test_source_and_translation_lines_are_acknowledgements(line: str) -> None:
    text = ("A title of the text\n\nA long paragraph of the text that says what it has to say "
            f"in more than a few words, as a text does.\n\n{line}\n")
    assert blocks(seg(text), "acknowledgement") == [line]
