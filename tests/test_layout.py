"""The file's layout, read before the rules: paragraphs one per line, hard
wrapping, and what the teiHeader says of it."""

from __future__ import annotations

import textwrap

from lxml import etree

from edition.model import Metadata, Source
from edition.normalize import normalize
from edition.pipeline import tei_bytes
from edition.segment import segment
from edition.segment.layout import read_layout
from edition.validate import Validator

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SENTENCES = [
    "The council met on Monday to discuss the closing of the public library in the old town.",
    "Several hundred residents came to the meeting and many of them spoke against the plan.",
    "The mayor promised to publish the figures on which the decision had been based by Friday.",
    "A further meeting will take place next month, after the figures have been studied in full.",
]


def doc(text: str):
    return segment(normalize(Source("t.txt", "t", "t.txt", "0" * 64, "utf-8", text)), Metadata(language="en"))


def paragraphs(text: str) -> list[str]:
    return [b.text for u in doc(text).units for b in u.blocks if b.type == "paragraph"]


def test_one_paragraph_per_line_without_blank_lines() -> None:
    text = "Library to close\n\n" + "\n".join(SENTENCES) + "\n"
    assert paragraphs(text) == SENTENCES
    assert "one paragraph per line" in doc(text).layout


def test_a_hard_wrapped_file_joins_its_lines() -> None:
    body = " ".join(SENTENCES)
    wrapped = "\n\n".join([textwrap.fill(body, 70), textwrap.fill(body, 70)])
    layout, breaks = read_layout(wrapped.splitlines())
    assert 60 <= layout.wrapped_at <= 70 and not breaks
    assert paragraphs("Library to close\n\n" + wrapped + "\n") == [body, body]


def test_soft_lines_with_one_sentence_end_stay_one_paragraph() -> None:
    text = ("Library to close\n\nThe council met on Monday to discuss the closing of the library.\n"
            "Several hundred residents came to the meeting and many of them\n"
            "spoke against the plan, which the mayor defended at some length\n")
    assert len(paragraphs(text)) == 1


def test_the_header_records_the_layout(validator: Validator) -> None:
    text = "Library to close\n\n" + "\n".join(SENTENCES) + "\n"
    root = etree.fromstring(tei_bytes(doc(text), validator))
    said = root.xpath("string(//t:segmentation/t:p[starts-with(., 'Layout')])", namespaces=NS)
    assert "one paragraph per line" in said


def types(text: str) -> list[tuple[str, str]]:
    return [(b.type, b.text) for u in doc(text).units for b in u.blocks]


def test_every_rule_sees_one_block_per_line() -> None:
    """No blank line anywhere: the slogan, the lead-in and the names under
    it are each read by their own rule, not swallowed by a paragraph."""
    text = ("Solidarity with the dock workers\n\n" + "\n".join(SENTENCES[:3])
            + "\nSolidarity forever!\nSigned by\nKarin Olsen\nMiguel Ferreira\nAnna Berg\n")
    got = types(text)
    assert [t for t, _ in got if t == "paragraph"] == ["paragraph"] * 3
    assert ("slogan", "Solidarity forever!") in got
    assert [x for t, x in got if t == "signatory"] == ["Karin Olsen", "Miguel Ferreira", "Anna Berg"]


def test_blocks_keep_their_source_line_numbers() -> None:
    text = "Library to close\n\n" + "\n".join(SENTENCES) + "\n"
    assert [b.lines for u in doc(text).units for b in u.blocks] == [(1, 1), (3, 3), (4, 4), (5, 5), (6, 6)]


def test_a_date_line_stands_apart_from_the_names_under_it() -> None:
    text = ("Library to close\n\n" + SENTENCES[0] + "\n\n" + SENTENCES[1]
            + "\n\nLeeds, 3 March 2021\nKarin Olsen\nMiguel Ferreira\nAnna Berg\n")
    got = types(text)
    assert ("dateline", "Leeds, 3 March 2021") in got
    assert [x for t, x in got if t == "signatory"] == ["Karin Olsen", "Miguel Ferreira", "Anna Berg"]


def test_a_wrapped_sentence_that_mentions_a_date_is_not_broken() -> None:
    text = ("Library to close\n\nThe council met on Monday to discuss the closing of the library\n"
            "on 3 March 2021\nand many residents spoke against the plan at the meeting.\n")
    assert len(paragraphs(text)) == 1


def test_a_place_and_date_over_a_title_is_a_dateline() -> None:
    text = "Leeds, 3 March 2021\n\nNew office opens in Leeds\n\n" + " ".join(SENTENCES) + "\n"
    got = types(text)
    assert got[0] == ("dateline", "Leeds, 3 March 2021") and got[1] == ("title", "New office opens in Leeds")


# A file set without any blank line: every line break is read by its shape.

def test_a_file_without_blank_lines_reads_title_paragraphs_and_labelled_names() -> None:
    """Title, paragraphs, then names under group labels, all without a
    blank line: each label keeps its names, as blank lines would."""
    text = ("Support for the dock workers\n" + "\n".join(SENTENCES[:3])
            + "\nLeeds:\nKarin Olsen\nMiguel Ferreira\nBristol:\nAnna Berg\nTomas Novak\n")
    got = types(text)
    assert got[0] == ("title", "Support for the dock workers")
    assert [x for t, x in got if t == "paragraph"] == SENTENCES[:3]
    assert [x for t, x in got if t == "signatory"] == ["Karin Olsen", "Miguel Ferreira", "Anna Berg", "Tomas Novak"]


def test_a_line_that_runs_on_in_lower_case_is_joined_without_blank_lines() -> None:
    text = ("Library to close\n" + SENTENCES[0] + "\nSeveral hundred residents came to the meeting and\n"
            "many of them spoke against the plan.\n" + SENTENCES[2] + "\n")
    assert paragraphs(text) == [SENTENCES[0], SENTENCES[1], SENTENCES[2]]


def test_a_bulleted_list_stays_one_list_without_blank_lines() -> None:
    text = ("Library to close\n" + SENTENCES[0] + "\nWhat we ask for:\n- an open hearing\n- the figures\n"
            "- a second vote\n" + SENTENCES[3] + "\n")
    got = types(text)
    assert [x for t, x in got if t == "list-item"] == ["an open hearing", "the figures", "a second vote"]
    assert [x for t, x in got if t == "paragraph"][-1] == SENTENCES[3]


def test_a_kicker_on_its_own_line_over_the_title() -> None:
    text = "Open letter:\nLibrary to close\n" + "\n".join(SENTENCES) + "\n"
    got = types(text)
    assert got[:2] == [("heading", "Open letter:"), ("title", "Library to close")]


def test_a_hard_wrapped_file_without_blank_lines_ends_paragraphs_at_short_lines() -> None:
    bodies = [" ".join(SENTENCES[:2]), " ".join(SENTENCES[2:]), " ".join(reversed(SENTENCES))]
    text = "Library to close\n" + "\n".join(textwrap.fill(b, 72) for b in bodies) + "\n"
    layout, _ = read_layout(text.splitlines())
    assert layout.wrapped_at
    assert paragraphs(text) == bodies
    assert "stops short" in doc(text).layout


def test_a_long_first_line_over_a_wrapped_paragraph_is_the_title() -> None:
    """Copied out of a PDF: no blank line, and the title comes close to the
    width, as a wrapped line does; being one sentence over a capital, it
    stands apart."""
    title = "Residents of the old town gather to save the library from closing"
    assert 0.75 * 72 < len(title) <= 72
    text = title + "\n" + textwrap.fill(" ".join(SENTENCES), 72) + "\n"
    got = types(text)
    assert got[0] == ("title", title)
    assert got[1] == ("paragraph", " ".join(SENTENCES))


def test_a_line_in_title_case_between_wrapped_paragraphs_stands_apart() -> None:
    """As close to the width as a wrapped line, but in title case between a
    closed sentence and a capital: a heading's line, a block of its own."""
    heading = "Residents Of The Old Town Demand Answers From The Council Before Friday"
    assert 0.75 * 72 < len(heading) <= 72
    first, second = " ".join(SENTENCES), " ".join(reversed(SENTENCES))
    text = "Library to close\n" + textwrap.fill(first, 72) + "\n" + heading + "\n" + textwrap.fill(second, 72) + "\n"
    assert [x for _, x in types(text)][1:] == [first, heading, second]


def test_names_in_title_case_in_a_list_without_blank_lines_stay_its_entries() -> None:
    names = ["Maria Lopez Garcia", "John Henry Smith", "Anna Berg Holm", "Peter Paul Quist"]
    text = ("Library to close\n" + textwrap.fill(" ".join(SENTENCES), 72) + "\nSigned:\n"
            + "\n".join(names) + "\n")
    assert [x for t, x in types(text) if t == "signatory"] == names


def test_a_wrapped_line_opening_with_an_event_date_is_not_broken() -> None:
    """A caption's date ("4 FEB | UK: …") opening a wrapped line is no
    date line of its own: the sentence after the bar goes on below."""
    text = ("Library to close\n\n4 FEB | Leeds: residents met the mayor to discuss the\n"
            "closing of the library in the old town.\n")
    assert len([b for u in doc(text).units for b in u.blocks if b.type != "title"]) == 1


# A hard-wrapped file breaks one line of a title, a thank-you or a run of
# names in two: each is still read as one.

def test_a_title_wrapped_onto_two_lines_is_one_title() -> None:
    text = ("Residents of the old town gather to save the public library from\nclosing\n\n"
            + textwrap.fill(" ".join(SENTENCES), 72) + "\n")
    got = types(text)
    assert got[0] == ("title", "Residents of the old town gather to save the public library from closing")


def test_a_wrapped_line_of_provenance_is_one_acknowledgement() -> None:
    lead = "Reposted from the Leeds Evening Chronicle of the third of March:"
    address = "https://example.org/news/2021/03/library-to-close-in-the-old-town"
    text = "Library to close\n\n" + textwrap.fill(" ".join(SENTENCES), 72) + f"\n\n{lead}\n{address}\n"
    assert ("acknowledgement", f"{lead} {address}") in types(text)


def test_a_wrapped_run_of_signers_after_its_lead_keeps_each_name_whole() -> None:
    names = ["Leeds Tenants Union", "Friends of the Old Town Library", "Miners Welfare Association",
             "Yorkshire Readers Circle", "Student Union of Leeds University", "Bristol Housing Action"]
    run = textwrap.fill("Signed by: " + ", ".join(names), 60)
    assert [n for n in names if not any(n in line for line in run.split("\n"))]  # some cut in two
    text = "Library to close\n\n" + textwrap.fill(" ".join(SENTENCES), 72) + "\n\n" + run + "\n"
    assert [x for t, x in types(text) if t == "signatory"] == names


def test_an_indented_first_line_opens_a_paragraph_where_no_blank_line_is() -> None:
    """A book's layout: hard-wrapped, no blank lines, each paragraph's first
    line indented (normalization removes the indentation, the layout reads it first)."""
    bodies = [" ".join(SENTENCES[:2]), " ".join(SENTENCES[1:3]), " ".join(SENTENCES[2:]), " ".join(SENTENCES)]
    text = "Library to close\n" + "\n".join(
        "    " + textwrap.fill(b, 72, subsequent_indent="") for b in bodies) + "\n"
    assert paragraphs(text) == bodies
    assert "indented deeper" in doc(text).layout


def test_an_indented_line_a_paragraph_under_a_title_and_an_addressee() -> None:
    """No blank lines; each paragraph one line, indented (as with the
    ideographic space); a few continuation lines not indented, and a title
    and an addressee above the first paragraph, each a block of its own."""
    lines = ["    " + SENTENCES[0], SENTENCES[1], "    " + SENTENCES[2], "    " + SENTENCES[3],
             "    " + SENTENCES[1], SENTENCES[0]]
    text = "Library to close\nTo the town council\n" + "\n".join(lines) + "\n"
    got = [x for _, x in types(text)]
    assert got[:2] == ["Library to close", "To the town council"]
    assert got[2:] == [" ".join(SENTENCES[:2]), SENTENCES[2], SENTENCES[3], f"{SENTENCES[1]} {SENTENCES[0]}"]


def test_an_indented_address_under_its_lead_opens_no_paragraphs() -> None:
    """No blank line in the group, most of its lines indented, none of them
    a sentence: an address under its lead, not paragraphs a line."""
    text = ("Library to close\n\n" + textwrap.fill(" ".join(SENTENCES), 72) + "\n\nTo help, send a cheque to:\n"
            "    Friends of the Library\n    12 Market Street\n    Leeds LS1 4AB\n    England\n")
    single = [x for t, x in types(text) if t == "paragraph" and x in ("12 Market Street", "Leeds LS1 4AB")]
    assert single == []


def test_indentation_that_follows_no_closed_sentence_marks_nothing() -> None:
    """Lines that begin with spaces here and there, mid-sentence, open no paragraph."""
    body = textwrap.fill(" ".join(SENTENCES + SENTENCES), 70).split("\n")
    text = "Library to close\n\n" + "\n".join(("  " + line) if n % 2 else line for n, line in enumerate(body)) + "\n"
    assert len(paragraphs(text)) == 1


def test_prose_wrapped_narrower_than_any_width_read_is_not_one_block_per_line() -> None:
    """Wrapped at some 45 characters (narrower than the widths the layout looks
    for) and with few blank lines, prose whose lines go on in lower case is
    no file set a paragraph to a line: a line ending a sentence there ends
    no paragraph."""
    lines = ["The council met on Monday to discuss the", "closing of the public library in the old town.",
             "Several hundred residents came to the meeting", "and many of them spoke against the plan, which",
             "the mayor defended at some length that night.", "The mayor promised to publish the figures on",
             "which the decision had been based by Friday."]
    text = "Library to close\n\n" + "\n".join(lines) + "\n"
    assert paragraphs(text) == [" ".join(lines)]


def _ending_long(first_words: str) -> str:
    """A paragraph whose last line, wrapped at 72, comes close to the width."""
    for extra in range(40):
        body = f"{first_words} " + " ".join(["word"] * extra) + " and so it ended."
        last = textwrap.fill(body, 72).split("\n")[-1]
        if len(body) > 72 and 55 <= len(last) <= 60:
            return body
    raise AssertionError("no such paragraph")


def test_a_paragraph_whose_last_line_is_long_ends_where_the_next_word_would_have_fitted() -> None:
    """Hard-wrapped at 72, no blank lines: a paragraph's last line that comes
    close to the width still ends it when the next line's first word would
    have fitted after it (a wrapping program would have put it there)."""
    first = _ending_long("The council met on Monday to discuss the closing of the library")
    bodies = [first, " ".join(SENTENCES[:2]), " ".join(SENTENCES[2:])]
    text = "Library to close\n" + "\n".join(textwrap.fill(b, 72) for b in bodies) + "\n"
    assert paragraphs(text) == bodies


def test_a_short_line_broken_off_mid_sentence_goes_on_in_the_next() -> None:
    """Copied out of a PDF: a sentence broken after a word or two, the next
    line going on in lower case, is one paragraph however short the line."""
    first = ["The council met on Monday to discuss the closing of the public library",
             "and the",
             "museum in the old town."]
    text = "Library to close\n" + "\n".join(first) + "\n" + textwrap.fill(" ".join(SENTENCES[2:]), 72) + "\n"
    assert paragraphs(text) == [" ".join(first), " ".join(SENTENCES[2:])]


def test_indented_lines_deep_in_a_long_group_do_not_mark_its_paragraphs() -> None:
    """A few indented lines (notes, each a sentence) near the end of a long
    group set without blank lines say nothing of where the paragraphs
    above them end: those still end at their short last lines."""
    bodies = [" ".join(SENTENCES[:2]), " ".join(SENTENCES[2:])] * 4
    notes = ["    The hall was full.", "    The vote was close.", "    The figures are due soon."]
    text = ("Library to close\n" + "\n".join(textwrap.fill(b, 72) for b in bodies) + "\n"
            + "\n".join(notes) + "\n" + textwrap.fill(SENTENCES[0], 72) + "\n")
    assert paragraphs(text)[:len(bodies)] == bodies
