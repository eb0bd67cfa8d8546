"""Blocks typed by their shape and where they stand: a rallying call where
a text closes, a heading over a section, a headline over a date line,
captions known by their opening, contacts, posting lines, thanks.  Each case
is a short text of our own, none taken from the corpus."""

from __future__ import annotations

import pytest

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


def test_a_short_line_over_a_section_is_its_heading() -> None:
    text = (f"Library news\n\n{BODY}\n\nAbout the library\n\n{SECTION}\n\nAnnouncements\n\n"
            f"New opening hours\n\n{SECTION}\n\nContents\n\n- Opening hours\n- Readings\n")
    doc = seg(text)
    assert blocks(doc, "heading") == ["About the library", "Announcements", "New opening hours", "Contents"]
    assert len(blocks(doc, "paragraph")) == 3


def test_a_name_and_place_over_a_paragraph_is_no_heading() -> None:
    doc = seg(f"Library news\n\n{BODY}\n\nJoel, Leeds\n\n{SECTION}\n")
    assert blocks(doc, "heading") == []


def test_a_press_release_s_contacts() -> None:
    text = (f"FOR IMMEDIATE RELEASE\n\nLibrary to open on Sundays\n\n{BODY}\n\n{SECTION}\n\n"
            "Media contacts:\n\nJane Doe\nCounty Library Service\n+44 113 496 0000\n"
            "jane.doe@library.example\n\nJohn Roe\npress@library.example\n\n###\n")
    doc = seg(text)
    assert blocks(doc, "contact") == ["Media contacts:", "Jane Doe", "County Library Service",
                                      "+44 113 496 0000", "jane.doe@library.example", "John Roe",
                                      "press@library.example"]
    assert blocks(doc, "signatory") == [] and len(blocks(doc, "paragraph")) == 2


def test_the_new_shapes_make_valid_tei(validator, tei_all) -> None:
    """Headings, contacts, group labels, gallery captions: valid against the
    project's schemas and tei_all, each where encoding.md says."""
    from lxml import etree

    from edition.pipeline import tei_bytes

    text = (f"FOR IMMEDIATE RELEASE\n\nLibrary to open on Sundays\n\n{BODY}\n\nWhat a weekend!\n\n"
            f"{SECTION}\n\n{SECTION}\n\n31. JAN | Leeds: Readers cleaned the shore of the lake near the town\n\n"
            "Signed:\n\nReaders\n1. Anna Berg\n2. Karin Olsen\n\nLibrarians\n3. Miguel Ferreira\n"
            "4. John Roe\n\nMedia contact:\nJane Doe\njane.doe@library.example\n")
    data = tei_bytes(seg(text), validator)
    tree = etree.ElementTree(etree.fromstring(data))
    assert validator.check_bytes(data, "t.tei.xml") == [] and tei_all.check(tree, "t.tei.xml") == []
    root = tree.getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.xpath("//t:ab[@type='contact']/text()", namespaces=ns) == [
        "Media contact:", "Jane Doe", "jane.doe@library.example"]
    assert root.xpath("//t:list[@type='signatories']/t:head/text()", namespaces=ns)[-2:] == ["Readers", "Librarians"]
    assert len(root.xpath("//t:figure", namespaces=ns)) == 1


def test_a_posting_line_is_the_dateline() -> None:
    text = (f"Rebel news\n\n{BODY}\n\n------------------------------\nSubject: readings on the square\n"
            "** Written  7:23 pm  Jan 29, 1991 by readers in town.news **\n------------------------------\n\n"
            f"{SECTION}\n")
    assert blocks(seg(text), "dateline") == ["** Written 7:23 pm Jan 29, 1991 by readers in town.news **"]


def test_a_title_in_capitals_with_its_subtitle_after_a_rule() -> None:
    text = (f"Rebel news\n\n{BODY}\n[Corrected since the last post]\n - - - - - - - - - - - - - - -\n"
            "READING THE TOWN  a talk by Anna Berg, formerly of the library.\nFrom Town Magazine, Oct. 1990\n\n"
            f"{SECTION}\n")
    doc = seg(text)
    assert "READING THE TOWN a talk by Anna Berg, formerly of the library." in blocks(doc, "title")
    assert blocks(doc, "acknowledgement") == ["From Town Magazine, Oct. 1990"]


def test_thanks_to_someone_and_thanks_for_reading() -> None:
    text = (f"Library news\n\n{BODY}\n\n{SECTION}\n\nThanks to Anna Berg for the photographs.\n\n"
            "Thanks for reading! Stay strong, readers, and write to us with your news.\n")
    doc = seg(text)
    assert blocks(doc, "acknowledgement") == ["Thanks to Anna Berg for the photographs."]


def test_a_long_paragraph_over_a_lone_credit_stays_a_paragraph() -> None:
    text = (f"Library news\n\n{BODY}\n\nReaders on the square\n\n{SECTION} {SECTION}\n\nPhoto: Anna Berg\n\n"
            f"{BODY}\n\nReaders on the square at noon.\nPhoto: Anna Berg\n\n{SECTION}\n")
    doc = seg(text)
    assert blocks(doc, "caption") == ["Readers on the square at noon."]
    assert blocks(doc, "photo-credit") == ["Photo: Anna Berg", "Photo: Anna Berg"]
    assert f"{SECTION} {SECTION}" in blocks(doc, "paragraph")


def test_numbered_points_of_prose_are_paragraphs_and_short_ones_a_list() -> None:
    points = [f"{n}. {SECTION} {BODY}" for n in range(1, 4)]
    doc = seg(f"Manifesto\n\n{BODY}\n\n\n" + "\n\n\n".join(points) + "\n")
    assert blocks(doc, "paragraph")[1:] == points and blocks(doc, "list-item") == []
    measures = ["1. Open the library on Sundays.", "2. Buy more books.", "3. Pay the librarians."]
    doc = seg(f"Manifesto\n\n{BODY}\n\n" + "\n\n".join(measures) + f"\n\n{SECTION}\n")
    assert blocks(doc, "list-item") == [m[3:] for m in measures]


def test_addresses_under_a_sentence_ending_in_a_colon() -> None:
    text = (f"Open letter\n\n{BODY}\n\nPlease send a short protest to:\n\nThe Mayor\nTown Hall\n"
            "Leeds LS1 4AB\n\nand\n\nThe County Librarian\n12 Park Row\nD-37073 Göttingen\n\n"
            f"{SECTION}\n\nTown Readers Association\n")
    doc = seg(text)
    assert blocks(doc, "contact") == ["The Mayor", "Town Hall", "Leeds LS1 4AB", "and", "The County Librarian",
                                      "12 Park Row", "D-37073 Göttingen"]
    assert len(blocks(doc, "paragraph")) == 3 and blocks(doc, "signatory") == ["Town Readers Association"]


def test_a_greeting_ending_in_a_colon_is_a_salutation() -> None:
    for greeting in ("Dear Sir or Madam:", "GREETINGS TO ALL OF YOU:", "Sehr geehrte Damen und Herren,"):
        doc = seg(f"Open letter\n\n{BODY}\n\n{greeting}\n\n{SECTION}\n")
        assert blocks(doc, "salutation") == [greeting]
    doc = seg(f"Open letter\n\n{BODY}\n\nTwo things result from this:\n\n{SECTION}\n")
    assert blocks(doc, "salutation") == [] and len(blocks(doc, "paragraph")) == 3


def test_a_section_heading_over_a_story_s_headline_and_date() -> None:
    text = (f"Rebel news\n\n{BODY}\n\nHighlights\n\nReaders take the square\n\n12 OCT | Leeds, UK\n\n"
            f"{SECTION}\n")
    doc = seg(text)
    assert blocks(doc, "heading") == ["Highlights", "Readers take the square"]
    assert len(blocks(doc, "paragraph")) == 2


def test_a_credit_over_its_caption(validator) -> None:
    from lxml import etree

    from edition.pipeline import tei_bytes

    text = f"Rally news\n\n{BODY}\n\nPhoto: Anna Berg\nReaders on the square at noon.\n\n{SECTION}\n"
    doc = seg(text)
    assert blocks(doc, "caption") == ["Readers on the square at noon."]
    assert len(blocks(doc, "paragraph")) == 2
    root = etree.fromstring(tei_bytes(doc, validator))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    [figure] = root.xpath("//t:figure", namespaces=ns)
    assert [e.get("type") or etree.QName(e).localname for e in figure] == ["credit", "p"]


@pytest.mark.parametrize("credit", [
    "Photo: Anna Berg", "Photograph by Anna Berg", "Pic: Anna Berg", "Image credit: Anna Berg", "© Anna Berg",
    "Photo courtesy of Anna Berg", "Foto di Anna Berg", "Crédit photo: Anna Berg", "Fotografía de Anna Berg",
    "Imagen: Anna Berg", "Foto von Anna Berg", "Фото: Анна Берг", "Beeld: Anna Berg",
    "Anna Berg/AFP via Getty Images", "(Anna Berg/AP)", "Foto: Anna Berg (CC BY 2.0)", "Photo/Anna Berg",
    "Photo illustration by Anna Berg", "Illustration: Anna Berg", "Ilustración: Anna Berg"])
def test_a_credit_line_in_many_wordings(credit: str) -> None:
    doc = seg(f"Library news\n\n{BODY}\n\nReaders on the square at noon.\n{credit}\n\n{SECTION}\n")
    assert blocks(doc, "photo-credit") == [credit]
    assert blocks(doc, "caption") == ["Readers on the square at noon."]


@pytest.mark.parametrize("caption", [
    "Caption: readers on the square at noon.", "Légende: des lecteurs sur la place à midi.",
    "Bildunterschrift: Leserinnen auf dem Platz am Mittag.", "Figure 2: Readers on the square at noon.",
    "Fig. 3 \u2013 Readers on the square at noon.", "Abb. 1: Leserinnen auf dem Platz.", "Foto 4. Lectores en la plaza."])
def test_a_caption_known_by_its_label_or_its_number(caption: str) -> None:
    doc = seg(f"Library news\n\n{BODY}\n\n{caption}\n\n{SECTION}\n")
    assert blocks(doc, "caption") == [caption]


@pytest.mark.parametrize(("line", "kind"), [
    ("[Image: readers on the square at noon]", "caption"), ("[Photo: two readers at the door of the library]", "caption"),
    ("[Photo: Anna Berg]", "photo-credit"), ("[Credit: courtesy of the town archive]", "photo-credit")])
def test_a_picture_s_place_in_brackets_describes_it_or_credits_it(line: str, kind: str) -> None:
    doc = seg(f"Library news\n\n{BODY}\n\n{line}\n\n{SECTION}\n")
    assert blocks(doc, kind) == [line]


def test_a_sentence_about_a_figure_is_no_caption() -> None:
    line = "Figure 2 shows how many readers came to the library each week before the decision of the council."
    doc = seg(f"Library news\n\n{BODY}\n\n{line}\n\n{SECTION}\n")
    assert blocks(doc, "caption") == []
    assert line in blocks(doc, "paragraph")


@pytest.mark.parametrize("mark", ["-ENDS-", "- END -", "*** END ***", "ENDS", "-30-", "\u2014 Fin \u2014", "### Ende ###"])
def test_a_press_release_s_end_mark_is_a_break(mark: str) -> None:
    doc = seg(f"Library news\n\n{BODY}\n\n{SECTION}\n\n{mark}\n\nMedia contact:\nAnna Berg\nanna@example.org\n")
    assert blocks(doc, "separator") == [mark]
    assert blocks(doc, "heading") == []


def test_a_heading_right_over_its_paragraph() -> None:
    """No blank line between a section's heading and its paragraph; a short
    word or a phrase with a colon over a line stays with that line."""
    doc = seg(f"Library news\n\n{BODY}\n\nAbout the Friends of the Library\n{SECTION}\n\n"
              f"XR\nNYC groups met the council on Monday to talk about the library and its readers.\n")
    assert blocks(doc, "heading") == ["About the Friends of the Library"]
    assert SECTION in blocks(doc, "paragraph")
    assert any(p.startswith("XR NYC groups") for p in blocks(doc, "paragraph"))


def test_a_second_text_under_its_own_date_after_the_first_closes() -> None:
    doc = seg(f"Library news\n\n{BODY}\n\n{SECTION}\n\nLeeds, 3 March 2021\n\n"
              f"Readers meet again\n\n12 March 2021\n\n{SECTION}\n\n{BODY}\n")
    assert [[b.text for b in u.blocks if b.type == "title"] for u in doc.units] == [["Library news"],
                                                                                     ["Readers meet again"]]
    assert blocks(doc, "dateline") == ["Leeds, 3 March 2021", "12 March 2021"]


@pytest.mark.parametrize("call", ["No to closure! Yes to libraries!", "Hands off our library! #SaveOurLibrary",
                                  "Hoch die Bibliotheken! Nieder mit den Kürzungen!"])
def test_a_line_of_a_few_exclamations_is_one_slogan(call: str) -> None:
    doc = seg(f"Library news\n\n{BODY}\n\n{SECTION}\n\n{call}\n")
    assert blocks(doc, "slogan") == [call]


def test_a_closing_sentence_and_an_exclamation_are_no_slogan() -> None:
    line = "Thank you for coming! We will be back next week with more news of the library."
    doc = seg(f"Library news\n\n{BODY}\n\n{SECTION}\n\n{line}\n")
    assert blocks(doc, "slogan") == []


@pytest.mark.parametrize("kicker", ["Press release", "Pressemitteilung", "Communiqué de presse", "Nota de prensa",
                                    "Carta aberta", "Open letter", "Заявление"])
@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_line_naming_a_kind_of_text_over_the_title_is_its_kicker(kicker: str, gap: str) -> None:
    doc = seg(f"{kicker}{gap}Readers gather to save the old town library\n\n{BODY}\n\n{SECTION}\n")
    assert blocks(doc, "title") == ["Readers gather to save the old town library"]
    assert blocks(doc, "heading") == [kicker]


@pytest.mark.parametrize("tail", ["\u00a9 Anna Berg", "| \u00a9 Anna Berg", "\u2014 Photo by Anna Berg",
                                  "| Photo by Anna Berg", "\u2013 Photo: Anna Berg"])
def test_a_credit_ending_its_caption_after_a_sign_or_a_separator(tail: str) -> None:
    doc = seg(f"Library news\n\n{BODY}\n\nReaders on the square at noon. {tail}\n\n{SECTION}\n")
    assert blocks(doc, "photo-credit") == [tail.lstrip("|\u2013\u2014 ")]
    assert blocks(doc, "caption") == ["Readers on the square at noon."]


@pytest.mark.parametrize("line", [
    "Thanks to Anna Berg for the translation.", "Translated by Anna Berg.", "Reposted from the Town Gazette.",
    "Cross-posted from the Town Gazette.",
    "Originally published in the Town Gazette, 3 March 2021.", "(From the Town Gazette, March 2021)",
    "Übersetzung: Anna Berg", "Fuente: Diario del Pueblo", "Перевод: Анна Берг", "Tradução: Anna Berg",
    "Obrigado a Anna Berg pela tradução.", "Grazie ad Anna Berg per la traduzione.",
    "Met dank aan Anna Berg voor de vertaling."])
def test_a_line_of_thanks_or_provenance_at_the_end(line: str) -> None:
    doc = seg(f"Library news\n\n{BODY}\n\n{SECTION}\n\nFriends of the Library\n\n{line}\n")
    assert blocks(doc, "acknowledgement") == [line]


@pytest.mark.parametrize("line", [
    "Leeds, 3 March 2021", "March 3, 2021", "Berlin, den 3. März 2021", "Paris, le 3 mars 2021",
    "Madrid, 3 de marzo de 2021", "São Paulo, 3 de março de 2021", "Москва, 3 марта 2021 г.", "Roma, 3 marzo 2021",
    "Göttingen, 31.3.2021", "Київ, 3 березня 2021", "Amsterdam, 3 maart 2021", "Leeds, Wednesday 3 March 2021",
    "Київ, 3 березня 2021 року", "Москва, 3 марта 2021 года"])
def test_a_place_and_date_over_the_names(line: str) -> None:
    doc = seg(f"Library news\n\n{BODY}\n\n{SECTION}\n\n{line}\n\nKarin Olsen\nMiguel Ferreira\nAnna Berg\n")
    assert blocks(doc, "dateline") == [line]
    assert blocks(doc, "signatory") == ["Karin Olsen", "Miguel Ferreira", "Anna Berg"]


@pytest.mark.parametrize("end", ["", "\nLeeds, 3 March 2021\n", "\nLeeds, 3 March 2021\n\nKarin Olsen\nJohn Roe\nAnna Berg\n",
                                 "\nFriends of the Library\nTown Readers Association\nLocal History Society\n"])
@pytest.mark.parametrize("call", ["¡No pasarán!", "Hoch die internationale Solidarität!", "Solidarité avec les grévistes !",
                                  "Workers of the world, unite!"])
def test_a_closing_slogan_whatever_closes_the_text(call: str, end: str) -> None:
    doc = seg(f"Library news\n\n{BODY}\n\n{SECTION}\n\n{call}\n{end}")
    # (the space before "!" goes by the English rules this text is normalized with)
    assert blocks(doc, "slogan") == [call.replace(" !", "!")]


def test_an_agency_credit_alone_under_its_caption() -> None:
    """The shapes that end a caption ("REUTERS/Name", "(Name/AFP/Getty
    Images)", "(Reuters)") credit it as well from a line of their own."""
    from tests.test_layout import types

    body = ("The council met on Monday to discuss the closing of the public library in the old town. "
            "Several hundred residents came to the meeting and many of them spoke against the plan.")
    for credit in ("REUTERS/Jane Roe", "(Jane Roe/AFP/Getty Images)", "(Reuters)"):
        text = f"Library to close\n\n{body}\n\nResidents gather outside the library on Monday.\n{credit}\n\n{body}\n"
        got = types(text)
        assert ("photo-credit", credit) in got, credit
        assert ("caption", "Residents gather outside the library on Monday.") in got, credit


STORY = ("Readers gathered on the square on Saturday to read aloud from the books the library "
         "lends.\nMany of them signed the petition to keep it open for another year, and the "
         "council said it would listen.")


def _newsletter(middle: str) -> str:
    return (f"Rebel news 12\n\n{BODY}\n\nReaders take the square\n\n12 OCT | Leeds, UK\n\n{STORY}\n\n"
            f"{middle}\n\n{SECTION}\n\nSuch a weekend in York\n\n13 OCT | York, UK\n\n{SECTION}\n")


def test_an_unclosed_line_inside_a_dated_story_is_a_caption() -> None:
    doc = seg(_newsletter("Two readers share a bench in front of the town hall"))
    assert blocks(doc, "caption") == ["Two readers share a bench in front of the town hall"]
    assert blocks(doc, "heading") == ["Readers take the square", "Such a weekend in York"]


def test_a_closed_or_short_line_inside_a_dated_story_stays_what_it_was() -> None:
    for middle in ("Two readers share a bench in front of the town hall.", "More from Leeds",
                   "What will the council do now?"):
        assert blocks(seg(_newsletter(middle)), "caption") == [], middle


def test_an_unclosed_line_outside_dated_stories_is_no_caption() -> None:
    text = f"Library news\n\n{BODY}\n\n{STORY}\n\nTwo readers share a bench in front of the town hall\n\n{SECTION}\n"
    assert blocks(seg(text), "caption") == []


_SET_OFF = (f"Library news\n\n{BODY}\n\n {BODY}\nPhoto: Anna Berg\n\n{SECTION}\n\n"
            " Readers on the square. Photo: Anna Berg\n\n{SECTION}\n\n Readers on the steps of the town hall\n\n"
            f"{BODY}\n\n A reader and her dog\n\n" + "{SECTION}\n\n{BODY}\n\n" * 4)


def test_blocks_indented_like_the_captions_are_captions() -> None:
    doc = seg(_SET_OFF.replace("{SECTION}", SECTION))
    captions = blocks(doc, "caption")
    assert "Readers on the steps of the town hall" in captions
    assert "A reader and her dog" in captions
    assert len(captions) == 4


def test_an_indent_most_of_whose_blocks_are_not_captions_marks_none() -> None:
    text = _SET_OFF.replace("{SECTION}", " " + SECTION)  # the indent is the paragraphs' too
    captions = blocks(seg(text), "caption")
    assert "Readers on the steps of the town hall" not in captions
    assert "A reader and her dog" not in captions


@pytest.mark.parametrize("line", [
    "By Jane Roe | March 3, 2021", "Issue 12 \u2014 March 2021", "Newsletter #48, February 2021",
    "Updated 3 March 2021 12:00 GMT", "March 3, 2021 at 10:15 am", "3 March 2021 \u2014 Leeds",
    "Rebel Daily 6 | 12 October 2019"])
def test_a_date_with_its_label_is_a_dateline(line: str) -> None:
    for text in (f"Library news\n\n{line}\n\n{BODY}\n\n{SECTION}\n", f"Library news\n\n{BODY}\n\n{SECTION}\n\n{line}\n"):
        assert blocks(seg(text), "dateline") == [line]


@pytest.mark.parametrize("line", ["The strike began on 3 March 2021 and lasted a week.",
                                  "Join us on 3 March 2021:", "What happened on 3 March 2021?"])
def test_a_sentence_that_names_a_date_is_no_dateline(line: str) -> None:
    assert blocks(seg(f"Library news\n\n{BODY}\n\n{line}\n\n{SECTION}\n"), "dateline") == []


def test_a_short_title_over_a_short_second_line_has_a_subtitle() -> None:
    doc = seg(f"Keep the library open\nWhy the old town needs its readers\n\n{BODY}\n\n{SECTION}\n")
    assert blocks(doc, "title") == ["Keep the library open"]
    assert blocks(doc, "heading") == ["Why the old town needs its readers"]
    assert len(blocks(doc, "paragraph")) == 2


def test_a_long_first_line_going_on_below_is_still_one_title() -> None:
    doc = seg(f"Residents of the old town gather to save the public library from\nclosing\n\n{BODY}\n")
    assert blocks(doc, "title") == ["Residents of the old town gather to save the public library from closing"]


def test_a_name_closing_a_text_before_a_section_break_signs_it() -> None:
    doc = seg(f"Keep the library open\n\n{BODY}\n\n{SECTION}\n\nLibrary Readers Association\n\n* * *\n\n"
              f"A second letter on the library\n\n{BODY}\n\n{SECTION}\n")
    assert blocks(doc, "signatory") == ["Library Readers Association"]
    assert blocks(doc, "title") == ["Keep the library open", "A second letter on the library"]


def test_a_byline_date_under_the_title_closes_no_text() -> None:
    """A byline's date under the title opens the story: of the paragraphs
    over a lone credit, only the nearest is its caption, not the story's
    first paragraph too."""
    doc = seg("Libraries protest spreads to three more towns\n\nBy Jane Doe | March 3, 2024\n\n"
              "Readers gathered outside the central library on Saturday to protest against the cuts.\n\n"
              "Protesters hold banners outside the central library on Saturday.\n"
              "Photograph: John Smith/Press Agency\n\nThe council said it had no choice given the budget.\n")
    assert blocks(doc, "caption") == ["Protesters hold banners outside the central library on Saturday."]
    assert blocks(doc, "paragraph")[0].startswith("Readers gathered")
