"""Stage 3 on the seed, on the corpus, on odd shapes, and its properties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.errors import SegmentationError
from edition.model import Document, Metadata, Source
from edition.normalize import normalize
from edition.read import read_source
from edition.segment import RULES, segment
from tests.paths import SEED, corpus_texts

EN = Metadata(language="en")


def seg(text: str, metadata: Metadata = EN) -> Document:
    return segment(normalize(Source("t.txt", "t", "t.txt", "0" * 64, "utf-8", text)), metadata)


def blocks(doc: Document, type_: str, unit: int | None = None) -> list[str]:
    units = doc.units if unit is None else [doc.units[unit]]
    return [b.text for u in units for b in u.blocks if b.type == type_]


@pytest.fixture(scope="module")
def seed() -> Document:
    return segment(normalize(read_source(SEED)))


def test_seed_units_in_reading_order(seed: Document) -> None:
    assert [(u.kind, u.title) for u in seed.units] == [
        ("text", "Statement of communist, left and anarchist forces of Russia on events in Ukraine"),
        ("figure", ""),
        ("text", "All-Union Young Guard of Bolsheviks statement on Ukraine"),
    ]
    assert seed.language == "en"


def test_seed_first_statement(seed: Document) -> None:
    assert len(blocks(seed, "paragraph", 0)) == 6
    assert blocks(seed, "slogan", 0) == ["Workers of all countries, unite!"]
    assert blocks(seed, "signatories-lead", 0) == ["Statement Signed By:"]
    names = blocks(seed, "signatory", 0)
    assert len(names) == 20
    assert "Vanguard of Red Youth \u2013 Labor Russia (AKM-TR) (partial support)" in names
    assert blocks(seed, "acknowledgement", 0) == ["Thanks to Andy Taylor"]


def test_seed_photo(seed: Document) -> None:
    figure = seed.units[1]
    captions = [b for b in figure.blocks if b.type == "caption"]
    assert len(captions) == 2
    marks = {(m.kind, captions[0].text[m.start:m.end], m.value) for m in captions[0].marks}
    assert ("placeName", "Krasnoyarsk, Russia", "") in marks
    assert ("date", "November 7, 2012", "2012-11-07") in marks
    [credit] = [b for b in figure.blocks if b.type == "photo-credit"]
    assert [credit.text[m.start:m.end] for m in credit.marks] == ["AUCPB"]


def test_seed_second_statement(seed: Document) -> None:
    assert len(blocks(seed, "paragraph", 2)) == 8
    assert blocks(seed, "slogan", 2) == ["Hold on, comrades!", "Fascism will not pass!",
                                         "Long live the coming proletarian revolution!"]
    [dateline] = [b for b in seed.units[2].blocks if b.type == "dateline"]
    assert [(m.kind, m.value) for m in dateline.marks] == [("date", "2014-03-08")]


def test_every_block_names_a_registered_rule(seed: Document) -> None:
    names = {r.name for r in RULES} | {"caption-before-credit"}
    assert {b.rule for u in seed.units for b in u.blocks} <= names


# --- the corpus, against its hand labels -------------------------------

def _reg(text: str) -> str:
    """A label as the edition reads it: labels quote the source as found."""
    return normalize(Source("l", "l", "l", "", "utf-8", text)).text


FIELDS = {
    "slogans": "slogan",
    "signatories": "signatory",
    "acknowledgements": "acknowledgement",
    "captions": "caption",
    "photo_credits": "photo-credit",
    "datelines": "dateline",
}


EXACT = set(json.loads((Path(__file__).parent / "structure_floor.json").read_text("utf-8"))["exact"])
"""The corpus texts whose labels are met exactly; the corpus as a whole is
held by the floor in tests/test_structure_floor.py."""


@pytest.mark.parametrize("path", [p for p in corpus_texts() if p.stem in EXACT], ids=lambda p: p.stem)
def test_corpus_against_labels(path: Path) -> None:
    expected = json.loads((path.parent / f"{path.stem}.expected.json").read_text("utf-8"))
    doc = segment(normalize(read_source(path)))
    # The labels count texts only; figures inside a text are its captions.
    texts = [u for u in doc.units if u.kind == "text"]
    assert len(texts) == len(expected["documents"])
    for n, (unit, want) in enumerate(zip(texts, expected["documents"])):
        assert unit.title == _reg(want["title"]), f"title of document {n}"
        got_paragraphs = sum(b.type == "paragraph" for b in unit.blocks)
        assert got_paragraphs == want["paragraph_count"], f"paragraphs of document {n}"
        for field, type_ in FIELDS.items():
            got = [b.text for b in unit.blocks if b.type == type_]
            assert got == [_reg(s) for s in want[field]], f"{field} of document {n}"


def test_corpus_present_or_skipped_with_reason() -> None:
    from tests.paths import CORPUS, require
    require(CORPUS, "the development corpus")
    assert corpus_texts()


# --- odd shapes -----------------------------------------------------------

def test_text_with_no_paragraphs_is_all_slogans() -> None:
    doc = seg("Down with war!\nPeace now!\n")
    assert blocks(doc, "slogan") == ["Down with war!", "Peace now!"]
    assert blocks(doc, "paragraph") == []


def test_single_line_is_a_title_only() -> None:
    doc = seg("Just a line")
    assert [(b.type, b.text) for u in doc.units for b in u.blocks] == [("title", "Just a line")]


def test_inline_signatories_split_outside_parentheses() -> None:
    doc = seg("Call\n\nWe call on all of you to act now and everywhere.\n\n"
              "Signed by: Group A (X, Y), Union B, C Front\n")
    assert blocks(doc, "signatory") == ["Group A (X, Y)", "Union B", "C Front"]


def test_caption_paragraph_then_credit_line_in_body() -> None:
    doc = seg("Title\n\nA long first paragraph that tells the story of the day in full.\n\n"
              "Marchers in the square.\nPhoto: Jane Roe\n\nMore of the story follows here.\n")
    assert blocks(doc, "caption") == ["Marchers in the square."]
    assert blocks(doc, "photo-credit") == ["Photo: Jane Roe"]
    assert len(doc.units) == 1


# --- properties -------------------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
SHAPED = st.lists(st.sampled_from([
    "", "", "Title line", "A paragraph with words, and a stop.", "Long live peace!",
    "Signed by:", "- Jane Roe", "Union of Workers", "( ABC -DE )", "Photos: Someone",
    "Thanks to a friend", "March 8, 2014", "Georgia:", "John Smith", "Dear all,",
    "Caption text here. Photo: Ann Lee", "Signers: A, B (c, d), E",
]), max_size=30).map("\n".join)


def _nonspace(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXT, SHAPED))
def test_property_segmentation_drops_no_text(text: str) -> None:
    normalized = normalize(Source("t.txt", "t", "t.txt", "0" * 64, "utf-8", text))
    doc = segment(normalized, EN)
    pieces = []
    for unit in doc.units:
        for block in unit.blocks:
            for span in sorted((*block.spans, *block.markers), key=lambda s: (s.line, s.start)):
                pieces.append((span.line, span.start,
                               normalized.lines[span.line - 1].text[span.start:span.end]))
    rebuilt = "".join(t for _l, _s, t in sorted(pieces, key=lambda p: (p[0], p[1])))
    assert _nonspace(rebuilt) == _nonspace(normalized.text)


def test_segmentation_error_names_the_line() -> None:
    from edition.segment.context import Rule
    from edition.segment.engine import type_blocks
    normalized = normalize(Source("t.txt", "t", "t.txt", "0" * 64, "utf-8", "a\n\nb"))
    with pytest.raises(SegmentationError, match=r"t.txt:1: no rule claims"):
        type_blocks(normalized, [Rule("never", "Never matches.", lambda c, i: None)], "en")
