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
    "Caption text here. Photo: Ann Lee", "Signers: A, B (c, d), E", "und Hannover.",
    "Darmstadt, Bocholt, Bingen, Marburg, Fulda, Hanau,",
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


def test_a_rule_that_would_lose_text_yields_to_the_next() -> None:
    from edition.segment.context import Match, Rule
    from edition.segment.engine import type_blocks
    normalized = normalize(Source("t.txt", "t", "t.txt", "0" * 64, "utf-8", "keep every word"))

    def lossy(ctx, i):  # type: ignore[no-untyped-def]
        return Match((ctx.block("slogan", [ctx.span(i, 0, 4)], "lossy"),), i + 1)

    def whole(ctx, i):  # type: ignore[no-untyped-def]
        return Match((ctx.block("paragraph", [ctx.span(i, 0, len(ctx.lines[i]))], "whole"),), i + 1)

    blocks = type_blocks(normalized, [Rule("lossy", "Loses words.", lossy),
                                      Rule("whole", "Keeps them.", whole)], "en")
    assert [(b.type, b.text) for b in blocks] == [("paragraph", "keep every word")]


def test_a_run_of_names_opening_with_and_over_a_stop_keeps_every_word() -> None:
    # A list's tail repeated above it ("und Hannover." then the run again):
    # the opening "und" and the stop inside the run are text, not separators.
    text = ("und Hannover.\n\nund Hannover.\n"
            "Darmstadt, Osnabrück, Bocholt, Bingen, Marburg, Fulda, Penzberg, Vilsbiburg, Hanau,\n")
    normalized = normalize(Source("t.txt", "t", "t.txt", "0" * 64, "utf-8", text))
    blocks = [b for u in segment(normalized, EN).units for b in u.blocks]
    assert _nonspace("".join(b.text for b in blocks)).replace(",", "").replace(".", "") == \
        _nonspace(text).replace(",", "").replace(".", "")
    assert "Hanau" in [b.text for b in blocks if b.type == "signatory"]


# --- signatories by their shape, whatever the lead-in says ---------------

LETTER = ("An open letter on the closing of the library\n\n"
          "We, the readers of the public library, ask the council to keep it open for every reader, "
          "as it has been for a century, and to keep its catalogue free for all.\n\n"
          "We ask this in the name of everyone who learned to read there.\n\n")


def test_plain_names_under_a_lead_that_names_no_signing() -> None:
    """A short lead-in of any wording (here none of the cue words), then one
    name per line with no blank line, one of them a bare lower-case handle."""
    doc = seg(LETTER + "Launched by\n\nAnna Ivanova\nBoris Petrov\nroot1m3\nChen Wei\nDolores Ibárruri\n")
    assert blocks(doc, "signatories-lead") == ["Launched by"]
    assert blocks(doc, "signatory") == ["Anna Ivanova", "Boris Petrov", "root1m3", "Chen Wei", "Dolores Ibárruri"]
    assert [b.rule for b in doc.units[0].blocks if b.type == "signatory"] == ["name-run"] * 5


def test_one_name_per_paragraph() -> None:
    names = ["Associação dos Agricultores", "Central de Movimentos Populares",
             "Comissão Pastoral da Terra – CPT", "Fr. Luiz Susin (Secretário Geral do Fórum Mundial)",
             "Centro de Direitos Humanos", "Coletivo Quem Luta Educa"]
    doc = seg(LETTER + "Entidades\n\n" + "\n\n".join(names) + "\n")
    assert blocks(doc, "signatory") == names


def test_numbered_organisations_at_the_close_are_signatories() -> None:
    doc = seg(LETTER + "1. Third World Network, Malaysia\n2. Public Services International, France\n"
              "3. Our World Is Not For Sale, Global\n4. Both Ends, Netherlands\n")
    assert blocks(doc, "signatory") == ["Third World Network, Malaysia", "Public Services International, France",
                                        "Our World Is Not For Sale, Global", "Both Ends, Netherlands"]


def test_a_list_of_sections_at_the_top_is_no_signatories() -> None:
    """The same shape where a newsletter opens: more prose follows than precedes."""
    sections = "- Action Highlights\n- Upcoming Actions\n- Book of the Month\n- Humans of XR\n\n"
    prose = "".join(f"Paragraph {n} of the newsletter tells of the actions of the month in some detail.\n\n"
                    for n in range(8))
    doc = seg("Newsletter 48: Citizens' Assemblies\n\nIn this issue:\n\n" + sections + prose)
    assert blocks(doc, "signatory") == []


def test_contact_details_are_no_signatories() -> None:
    doc = seg(LETTER + "Press contact:\nJane Doe\nTel. +49 551 123456\njane@example.org\n")
    assert blocks(doc, "signatory") == []


def test_a_script_without_case_is_judged_by_length_and_its_stops() -> None:
    """Japanese sentences (with 。) after a text are no names."""
    body = "".join(f"これは抗議文の第{n}段落であり、会館に対して講演会の中止を求めるものです。\n\n" for n in range(6))
    doc = seg("抗議文\n\n" + body)
    assert blocks(doc, "signatory") == []


# --- datelines by their shape ----------------------------------------------

NEWS = ("Rebel Daily: actions of the week\n\nThe week saw actions in many cities, told here one by one, "
        "with the places and days on which they were held.\n\n")


@pytest.mark.parametrize("line", ["12 OCT | Bruselas, Bélgica", "25. - 28. MÄRZ | Weltweit",
                                  "17 апреля - 18 мая | Гаага и Лондон", "JAN | London, UK",
                                  "18. FEB | 18:00 - 19:30 GMT | Online", "March 18 at 12:22 PM"])
def test_event_date_lines_are_datelines(line: str) -> None:
    doc = seg(NEWS + "Action in the capital\n\n" + line + "\n\nRebels sat in the road for a day and a night, "
              "and the police carried them away one by one.\n")
    assert blocks(doc, "dateline") == [_reg(line).rstrip("\n")]


def test_a_bar_after_no_date_is_no_dateline() -> None:
    doc = seg(NEWS + "Read more | Share\n\nRebels sat in the road for a day and a night.\n")
    assert blocks(doc, "dateline") == []


def test_mail_header_date_line_is_the_dateline() -> None:
    doc = seg("From: someone@example.org (A. Person)\nSubject: A manifesto\nDate: Sun, 22 Nov 92 12:11:24 PST\n\n"
              "Here is the manifesto I read at the meeting, for all of you who could not come.\n")
    assert blocks(doc, "dateline") == ["Date: Sun, 22 Nov 92 12:11:24 PST"]
    assert blocks(doc, "byline") == ["From: someone@example.org (A. Person)", "Subject: A manifesto"]


def test_dates_in_chinese_and_japanese_form() -> None:
    from edition.segment.dates import find_dates

    assert [d.iso for d in find_dates("2019年2月11日")] == ["2019-02-11"]
    assert [d.iso for d in find_dates("2019年13月1日")] == []


# --- photo credits in their many shapes --------------------------------------

@pytest.mark.parametrize("caption, credit", [
    ("Rebels sit in front of the parliament.", "(Jane Roe/AFP/Getty Images)"),
    ("The prime minister visits the wall after the election.", "(Reuters)"),
    ("Workers gather at the factory gate. Picture taken August 23, 2018.", "REUTERS/Jane Roe"),
    ("Workers gather at the factory gate.", "Photo/Jane Roe"),
])
def test_credit_at_the_end_of_a_caption(caption: str, credit: str) -> None:
    doc = seg(NEWS + f"{caption} {credit}\n\nThe story goes on in a paragraph of its own, at some length.\n")
    assert blocks(doc, "caption") == [caption]
    assert blocks(doc, "photo-credit") == [credit]


def test_credit_after_a_separator_ends_the_caption_line_only() -> None:
    """A caption and its credit split by ■, with a summary line glued below."""
    doc = seg(NEWS + "The rector gave a press conference ■ FOTO: ANDRÉS SÁNCHEZ\n"
              "■ The ministry does not recognise many of the posts, he said\n\nThe story goes on.\n")
    assert blocks(doc, "caption") == ["The rector gave a press conference"]
    assert blocks(doc, "photo-credit") == ["FOTO: ANDRÉS SÁNCHEZ"]
    assert "The ministry does not recognise many of the posts, he said" in " ".join(
        b.text for u in doc.units for b in u.blocks)


def test_copyright_line_is_a_credit() -> None:
    doc = seg(NEWS + "A photo of the rally.\n\nphoto (c) 2016 someone / AGENCY\n\nThe story goes on.\n")
    assert blocks(doc, "photo-credit") == ["photo (c) 2016 someone / AGENCY"]


def test_a_parenthesis_in_prose_is_no_credit() -> None:
    doc = seg(NEWS + "The minister spoke at length about the budget and the war (and about little else).\n")
    assert blocks(doc, "photo-credit") == []


def test_names_with_their_roles_below_them() -> None:
    """Entries of a name and, on the next line, a role, between blank lines:
    each line is given as the labels give them, line by line."""
    pairs = [("Peter Roe", "Green Party candidate for governor"),
             ("Noam Doe", "Professor of Linguistics, Institute of Technology"),
             ("Howard Poe", "Professor Emeritus, Boston University"),
             ("Eyad Loe", "Free Palestine Alliance")]
    doc = seg(LETTER + "\n\n".join(f"{a}\n{b}" for a, b in pairs) + "\n\n"
              "Initiated by the committee. Affiliations are listed for identification purposes only.\n")
    assert blocks(doc, "signatory") == [line for pair in pairs for line in pair]


def test_a_row_of_marks_is_a_section_break_and_the_line_after_it_a_title() -> None:
    body = ("A paragraph of the first text, which says what it has to say in more than "
            "twenty words, as the paragraphs of a text do when they are written out in full.")
    doc = seg(f"First text\n\n{body}\n\n#####################\n   Second text\n#####################\n\n"
              f"{body}\n\n- - - - - - - - - -\n")
    assert [u.title for u in doc.units] == ["First text", "Second text"]
    assert len(blocks(doc, "separator")) == 3
    assert not blocks(doc, "list-item")


def test_a_kicker_in_capitals_over_the_title() -> None:
    doc = seg("OPEN LETTER OF PROTEST\nStudents Deserve Due Process\n\nA paragraph that follows.\n")
    assert blocks(doc, "heading") == ["OPEN LETTER OF PROTEST"]
    assert blocks(doc, "title") == ["Students Deserve Due Process"]
    # Capitals over capitals is no kicker by its capitals; a line naming a
    # kind of text is one whatever its case.
    two_titles = seg("FAIR HEARINGS NOW\nSTUDENTS DESERVE DUE PROCESS\n\nA paragraph that follows.\n")
    assert blocks(two_titles, "title") == []
    named = seg("OPEN LETTER\nSTUDENTS DESERVE DUE PROCESS\n\nA paragraph that follows.\n")
    assert blocks(named, "heading") == ["OPEN LETTER"]
    assert blocks(named, "title") == ["STUDENTS DESERVE DUE PROCESS"]


def test_a_title_in_a_script_without_case() -> None:
    doc = seg("川崎市教育文化会館 ヘイト集会に対する抗議文\n\n川崎市民の安心と安全を守る市政にご尽力頂いておりますことに敬意を表します。\n",
              Metadata(language="ja"))
    assert blocks(doc, "title") == ["川崎市教育文化会館 ヘイト集会に対する抗議文"]


def test_names_written_as_one_sentence_of_commas_where_the_text_closes() -> None:
    body = ("A paragraph of the letter, which says what it has to say in more than twenty "
            "words, as the paragraphs of a letter do when they are written out in full.")
    doc = seg(f"Open letter\n\n{body}\n\n{body}\n\nDie Ortsgruppen Gießen, Göttingen, Karlsruhe,\n"
              "Regensburg, Nürnberg, Schwäbisch Hall\nund Hannover.\n", Metadata(language="de"))
    assert blocks(doc, "signatories-lead") == ["Die Ortsgruppen"]
    assert blocks(doc, "signatory") == ["Gießen", "Göttingen", "Karlsruhe", "Regensburg", "Nürnberg",
                                        "Schwäbisch Hall", "Hannover"]
    # The same run at the top of a text is prose, not its signers.
    top = seg(f"Open letter\n\nDie Ortsgruppen Gießen, Göttingen, Karlsruhe, Regensburg, Nürnberg "
              f"und Hannover.\n\n{body}\n\n{body}\n", Metadata(language="de"))
    assert blocks(top, "signatory") == []


def test_name_and_role_lines_where_the_text_closes_are_signatories() -> None:
    body = ("We write to ask the council to keep the public library open, because it serves "
            "thousands of readers every week and nothing else in the town does what it does.")
    entries = ["Jane Doe, retired schoolteacher and community organizer",
               "John Smith, librarian at the central branch for twenty years",
               "Maria Lopez Garcia, student of history at the local college",
               "Anna Schmidt \u2013 volunteer reading coach"]
    doc = seg("Open letter on the library\n\n" + body + "\n\n" + body + "\n\n" + "\n".join(entries) + "\n")
    assert blocks(doc, "signatory") == entries
    names = [b.text[m.start:m.end] for u in doc.units for b in u.blocks if b.type == "signatory"
             for m in b.marks]
    assert names == ["Jane Doe", "John Smith", "Maria Lopez Garcia", "Anna Schmidt"]
    # A line of prose with a comma is no such entry.
    prose = seg("Open letter on the library\n\n" + body + "\n\n" + body + "\n\n"
                "We thank you, and we hope to hear from you soon about the library.\n"
                "Yours sincerely, the readers of the town and their families.\n")
    assert blocks(prose, "signatory") == []


def test_a_news_post_byline_block_and_an_authors_line_under_the_title() -> None:
    body = ("A paragraph of the post, which says what it has to say in more than twenty words, "
            "as the paragraphs of a post do when they are written out in full.")
    doc = seg(f"A headline of the post\n\nBy Jane Doe\nMarch 18 at 12:22 PM\n\n{body}\n")
    assert blocks(doc, "byline") == ["By Jane Doe"]
    assert blocks(doc, "dateline") == ["March 18 at 12:22 PM"]
    manifesto = seg(f"The Manifesto\n\nJane Doe\njane@example.org\n\n{body}\n")
    assert blocks(manifesto, "byline") == ["Jane Doe", "jane@example.org"]
    assert blocks(manifesto, "paragraph") == [body]


def test_a_salutation_after_an_e_mail_header() -> None:
    doc = seg("From: jane@example.org (Jane Doe)\nSubject: The library\nDate: Sun, 22 Nov 92 12:11:24 PST\n\n"
              "Friends of the library,\n\nA paragraph of the note, long enough to be a paragraph of its own.\n")
    assert blocks(doc, "salutation") == ["Friends of the library,"]


def test_a_title_under_an_editors_note_at_the_top() -> None:
    body = ("A specter is haunting the town, the specter of closed libraries, and every reader "
            "of the town has joined in a holy alliance to keep them open.")
    doc = seg(f"[Reprinted in full, with a note of the editors on what was left out.]\n\n"
              f"   Manifesto of the Readers\n\n{body}\n\nA Section Heading\n\n{body}\n")
    assert blocks(doc, "title") == ["Manifesto of the Readers"]
    # The note stands before the text, a unit of its own (TEI puts a head first).
    assert [u.title for u in doc.units] == ["", "Manifesto of the Readers"]


def test_a_dash_made_an_en_dash_between_names_of_a_run_is_written_once() -> None:
    """Found by the property test: the dash before the last name of a comma
    run was both in a marker and in the name's span."""
    from edition.tei.readings import diplomatic

    doc = seg(":\n\nA,A,A,A AND - A")
    assert blocks(doc, "signatory") == ["A"] * 5
    from edition.pipeline import tei_bytes
    from edition.validate import Validator, parse

    body = parse(tei_bytes(doc, Validator()), "t").xpath("//t:body", namespaces={"t": "http://www.tei-c.org/ns/1.0"})[0]
    assert "".join(diplomatic(body).split()) == ":A,A,A,AAND-A"


@pytest.mark.parametrize(("line", "place", "iso"), [
    ("Paris, le 8 mars 2014", "Paris", "2014-03-08"),
    ("Berlin, den 8. März 2014", "Berlin", "2014-03-08"),
    ("Frankfurt am Main, 08.03.2014", "Frankfurt am Main", "2014-03-08"),
    ("New York, NY, March 8, 2014", "New York, NY", "2014-03-08"),
    ("8 March 2014, London", "London", "2014-03-08"),
    ("Rio de Janeiro, 8 de março de 2014", "Rio de Janeiro", "2014-03-08"),
])
def test_datelines_in_the_shapes_of_several_languages(line: str, place: str, iso: str) -> None:
    body = ("A paragraph of the letter, which says what it has to say in more than twenty words, "
            "as the paragraphs of a letter do when they are written out in full.")
    doc = seg(f"A title\n\n{body}\n\n{line}\n")
    found = [b for u in doc.units for b in u.blocks if b.type == "dateline"]
    assert [b.text for b in found] == [line]
    marks = {m.kind: (found[0].text[m.start:m.end], m.value) for m in found[0].marks}
    assert marks["placeName"] == (place, "")
    assert marks["date"][1] == iso


def test_a_sentence_ending_in_a_date_is_no_dateline() -> None:
    body = ("A paragraph of the letter, which says what it has to say in more than twenty words, "
            "as the paragraphs of a letter do when they are written out in full.")
    assert blocks(seg(f"A title\n\n{body}\n\nWe met on 8 March 2014\n"), "dateline") == []


@pytest.mark.parametrize(("line", "caption", "credit"), [
    ("Protesters march in the rain. (Photo: Jane Doe)", "Protesters march in the rain.", "(Photo: Jane Doe)"),
    ("Protesters march in the rain (Photo: Jane Doe)", "Protesters march in the rain", "(Photo: Jane Doe)"),
    ("Protesters march in the rain. [Photo: Jane Doe]", "Protesters march in the rain.", "[Photo: Jane Doe]"),
    ("Protesters march in the rain. Photo by Jane Doe", "Protesters march in the rain.", "Photo by Jane Doe"),
    ("Protesters march in the rain. Jane Doe/AFP via Getty Images", "Protesters march in the rain.",
     "Jane Doe/AFP via Getty Images"),
])
def test_photo_credits_at_the_end_of_a_caption(line: str, caption: str, credit: str) -> None:
    body = ("A paragraph of the post, which says what it has to say in more than twenty words, "
            "as the paragraphs of a post do when they are written out in full.")
    doc = seg(f"A title\n\n{body}\n\n{line}\n\n{body}\n")
    assert blocks(doc, "caption") == [caption]
    assert blocks(doc, "photo-credit") == [credit]


@pytest.mark.parametrize("line", ["Photo courtesy of Jane Doe", "Photograph by Jane Doe", "Foto por Jane Doe"])
def test_credit_lines_with_by_words(line: str) -> None:
    doc = seg(f"A title\n\nSupporters join the march through the town.\n\n{line}\n")
    assert blocks(doc, "photo-credit") == [line]
    marks = [b.text[m.start:m.end] for u in doc.units for b in u.blocks if b.type == "photo-credit" for m in b.marks]
    assert marks == ["Jane Doe"]


@pytest.mark.parametrize(("top", "types"), [
    ("Stop the Cuts\nBy Jane Doe", ["title", "byline"]),
    ("Stop the Cuts\nBy Jane Doe, 8 March 2014", ["title", "dateline"]),
    ("Stop the Cuts\n8 March 2014", ["title", "dateline"]),
    ("Stop the Cuts\n=============", ["title", "separator"]),
    ("Stop the Cuts\n\nBy Jane Doe", ["title", "byline"]),
    ("FOR IMMEDIATE RELEASE\n\nStop the Cuts", ["heading", "title"]),
])
def test_what_stands_next_to_a_title(top: str, types: list[str]) -> None:
    body = ("A paragraph of the post, which says what it has to say in more than twenty words, "
            "as the paragraphs of a post do when they are written out in full.")
    doc = seg(f"{top}\n\n{body}\n\n{body}\n")
    assert [b.type for u in doc.units for b in u.blocks][:2] == types
    assert blocks(doc, "title") == ["Stop the Cuts"]


def test_a_dash_opening_a_comma_run_stays_in_the_text() -> None:
    """Found by the property test: a dash before the first name of a run
    was in no block."""
    for text in ("PHOTO:0\n-0A,A,A,A,A\n", "PHOTO:0\n0\n-A,A,A,A,A\n"):
        seg(text)  # raises SegmentationError if a character is in no block
