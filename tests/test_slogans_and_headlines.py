"""Exclamations and short lines typed by where they stand: a rallying call
where a text closes, a heading over a section, a headline over a date line.
Each case is a short text of our own."""

from __future__ import annotations

from tests.test_segment import blocks, seg

BODY = ("The council has decided to close the public library in the old town, although "
        "thousands of readers use it every week and nothing else in the town does what it does.")
SECTION = ("Readers gathered on the square on Saturday to read aloud from the books the library "
           "lends, and many of them signed the petition to keep it open for another year.")


def test_a_closing_exclamation_is_a_slogan() -> None:
    doc = seg(f"Keep the library open\n\n{BODY}\n\n{BODY}\n\nHands off our library!\n")
    assert blocks(doc, "slogan") == ["Hands off our library!"]


def test_an_exclamation_over_a_section_is_its_heading() -> None:
    text = (f"Library news\n\n{BODY}\n\nWhat a weekend!\n\n{SECTION}\n\n{SECTION}\n\n"
            f"{BODY}\n\nHands off our library!\n")
    doc = seg(text)
    assert blocks(doc, "heading") == ["What a weekend!"]
    assert blocks(doc, "slogan") == ["Hands off our library!"]
    assert len(blocks(doc, "paragraph")) == 4


def test_an_early_exclamation_is_no_slogan() -> None:
    text = f"Library news\n\n{BODY}\n\nWe will not give up!\n\n{BODY}\n\n{BODY}\n\n{BODY}\n"
    assert blocks(seg(text), "slogan") == []


def test_a_run_of_exclamations_anywhere_are_slogans() -> None:
    calls = ["Keep the library open!", "Keep the books in the town!", "Keep the readers reading!"]
    text = f"Library news\n\n{BODY}\n\n" + "\n\n".join(calls) + f"\n\n{BODY}\n\n{BODY}\n\n{BODY}\n"
    assert blocks(seg(text), "slogan") == calls


def test_an_exclamation_over_a_photo_credit_is_its_caption() -> None:
    text = f"Library news\n\n{BODY}\n\n{BODY}\n\nReaders on the square!\nPhoto: Anna Berg\n"
    doc = seg(text)
    assert blocks(doc, "caption") == ["Readers on the square!"]
    assert blocks(doc, "slogan") == []


def test_a_headline_over_a_date_line_is_a_heading() -> None:
    text = (f"Rebel news\n\n{BODY}\n\nReaders take the square\n\n12 OCT | Leeds, UK\n\n{SECTION}\n\n"
            f"Such a weekend in York!\n\n13 OCT | York, UK\n\n{SECTION}\n")
    doc = seg(text)
    assert blocks(doc, "heading") == ["Readers take the square", "Such a weekend in York!"]
    assert blocks(doc, "dateline") == ["12 OCT | Leeds, UK", "13 OCT | York, UK"]
    assert len(blocks(doc, "paragraph")) == 3


def test_a_block_pointing_into_its_picture_is_a_caption() -> None:
    for lead in ("From left to right: Leeds, York, Hull", "Von links nach rechts: Leeds, York, Hull",
                 "Слева направо: Лидс, Йорк, Халл"):
        doc = seg(f"Rebel news\n\n{BODY}\n\n{lead}\n\n{SECTION}\n")
        assert blocks(doc, "caption") == [lead]


def test_a_dated_gallery_caption_with_its_credit() -> None:
    caption = "31. JAN | Sri Lanka: Readers cleaned the shore of the lake near the capital"
    doc = seg(f"Rebel news\n\n{BODY}\n\n{caption} Photo: Anna Berg/AP\n\n{SECTION}\n")
    assert blocks(doc, "caption") == [caption]
    assert blocks(doc, "photo-credit") == ["Photo: Anna Berg/AP"]
    assert blocks(doc, "list-item") == []


def test_a_long_title_over_a_date_or_a_salutation() -> None:
    title = ("Letter from 120 organisations of readers, writers and librarians to the members of the "
             "county council on the closing of the public library in the old town")
    for below in ("Leeds, 3 March 2021", "Dear members of the council,"):
        doc = seg(f"{title}\n\n{below}\n\n{BODY}\n\n{BODY}\n")
        assert blocks(doc, "title") == [title]
    doc = seg(f"{title}\n\n{BODY}\n")
    assert blocks(doc, "title") == []
