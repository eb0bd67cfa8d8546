"""Signatory lists in the shapes real letters give them, none keyed on the
words of a particular text: each case is a short letter of our own."""

from __future__ import annotations

import pytest

from tests.test_segment import blocks, seg

BODY = ("We write to ask the council to keep the public library open, because it serves "
        "thousands of readers every week and nothing else in the town does what it does.")
ORGS = ["Friends of the Earth", "Town Readers Association", "Local History Society",
        "The Green Party of the County"]


def letter(ending: str) -> str:
    return f"Open letter on the library\n\n{BODY}\n\n{BODY}\n\n{ending}\n"


@pytest.mark.parametrize(("ending", "lead"), [
    ("This letter was launched by the following organisations:\n" + "\n".join(ORGS),
     "This letter was launched by the following organisations:"),
    ("\u2014 Undersigned \u2014\n\n" + "\n".join(ORGS), "\u2014 Undersigned \u2014"),
    ("Signed:\n" + "\n".join(ORGS), "Signed:"),
    ("\n".join(ORGS), None),
])
def test_a_lead_whatever_its_words_or_none(ending: str, lead: str | None) -> None:
    doc = seg(letter(ending))
    assert blocks(doc, "signatory") == ORGS
    assert blocks(doc, "signatories-lead") == ([lead] if lead else [])


@pytest.mark.parametrize("numbering", ["{n}. ", "{n}) ", "({n}) ", "{n} - ", "{n} "])
def test_numbered_names_lose_their_numbers(numbering: str) -> None:
    doc = seg(letter("\n".join(numbering.format(n=n) + org for n, org in enumerate(ORGS, 1))))
    assert blocks(doc, "signatory") == ORGS


def test_names_in_several_scripts() -> None:
    names = ["Friends of the Earth", "Российское социалистическое движение", "Σύνδεσμος Πολιτών",
             "日本労働組合総連合会"]
    doc = seg(letter("Signed:\n" + "\n".join(names)))
    assert blocks(doc, "signatory") == names


def test_names_run_on_one_line_between_bullets() -> None:
    names = [*ORGS, "Unite the Union"]  # five or more: fewer could be a phrase
    doc = seg(letter(" \u2022 ".join(names)))
    assert blocks(doc, "signatory") == names


def test_sentence_case_organisations() -> None:
    names = ["Fédération nationale des associations de lecteurs", "Collectif pour la défense des bibliothèques",
             "Association des amis du livre"]
    doc = seg(letter("\n".join(names)))
    assert blocks(doc, "signatory") == names


def test_an_addressee_block_is_no_list_of_signatories() -> None:
    doc = seg(f"Open letter on the library\n\nTo:\nMayor Jane Doe\nCouncillor John Smith\n"
              f"Councillor Maria Lopez\n\n{BODY}\n\n{BODY}\n\n" + "\n".join(ORGS) + "\n")
    assert blocks(doc, "signatory") == ORGS


def test_a_list_after_the_signatories_does_not_join_them() -> None:
    doc = seg(letter("Signed by:\n" + "\n".join(ORGS) + "\n\nWays to sign\n"
                     "- Send an e-mail to the organisers with your name.\n- Sign on the website before Friday."))
    assert blocks(doc, "signatory") == ORGS
    assert len(blocks(doc, "list-item")) == 2


@pytest.mark.parametrize("marker", ["- ", "\u2022 ", ""])
def test_a_labelled_list_of_ways_to_help_after_the_names_is_not_signed(marker: str) -> None:
    """A label below the names over entries that are no names (what to do,
    not who signed) ends the list, whatever its words and markers."""
    doc = seg(letter("Signatories:\n\n" + "\n".join(f"{n}) {org}" for n, org in enumerate(ORGS, 1))
                     + "\n\nHow you can help:\n" + "\n".join(
                         marker + step for step in ("Share this statement", "Write to your representative",
                                                    "Donate to the legal fund"))))
    assert blocks(doc, "signatory") == ORGS



@pytest.mark.parametrize("gap", ["\n\n", "\n"])
@pytest.mark.parametrize("closing", ["In solidarity,", "Best wishes,", "Saludos cordiales,"])
def test_a_closing_formula_over_a_name_and_a_role(closing: str, gap: str) -> None:
    """The name under the formula, after a blank line or on the next line."""
    doc = seg(letter(f"{closing}{gap}Jane Doe\nCoordinator of the Readers' Campaign"))
    assert blocks(doc, "salutation") == [closing]
    assert blocks(doc, "signatory") == ["Jane Doe", "Coordinator of the Readers' Campaign"]


def test_a_sentence_after_a_comma_closes_no_letter() -> None:
    doc = seg(letter("Thank you for coming,\nthe library will open again on Monday as it always has."))
    assert blocks(doc, "signatory") == []


@pytest.mark.parametrize("line", ["--Jane Doe", "-Jane Doe", "\u2014 Jane Doe"])
def test_a_dash_and_a_name_signs_a_note(line: str) -> None:
    doc = seg(f"Open letter on the library\n\n{BODY}\n\n{BODY}\n{line}\n\nA postscript of some words.\n")
    assert blocks(doc, "signatory") == ["Jane Doe"]
    assert blocks(doc, "paragraph") == [BODY, BODY, "A postscript of some words."]


def test_an_e_mail_signature_is_no_paragraph() -> None:
    doc = seg(letter("-- \nJane Doe          | Readers of the Town\njane@example.org  | Library campaign"))
    assert blocks(doc, "byline") and not any("example.org" in p for p in blocks(doc, "paragraph"))


@pytest.mark.parametrize("lead", ["Unterzeichnende:\n", ""])
def test_names_with_academic_titles(lead: str) -> None:
    from edition.model import Metadata

    names = ["Dr. med. Anna Müller, Fachärztin für Innere Medizin", "Prof. Dr. rer. nat. Hans Schmidt",
             "Dipl.-Psych. Maria Weber", "Dr. phil. Lena Wolf"]
    doc = seg(letter(lead + "\n".join(names)), Metadata(language="de"))
    assert blocks(doc, "signatory") == names
    marks = [(b.text[m.start:m.end], m.kind) for u in doc.units for b in u.blocks for m in b.marks]
    assert marks[0] == ("Dr. med. Anna Müller", "persName")


def test_a_number_alone_above_its_name() -> None:
    ending = "Signed:\n" + "\n".join(f"{n}.\n{org}" for n, org in enumerate(ORGS, 1))
    doc = seg(letter(ending))
    assert blocks(doc, "signatory") == ORGS
    numbers = [m for u in doc.units for b in u.blocks if b.type == "signatory" for m in b.markers]
    assert [m.line for m in numbers] == [8, 10, 12, 14]


def test_labels_over_groups_of_numbered_signatories() -> None:
    ending = ("Signed:\n\nInternational organisations\n1. " + "\n2. ".join(ORGS[:2])
              + "\n\nLocal organisations\n3. " + "\n4. ".join(ORGS[2:]))
    doc = seg(letter(ending))
    assert blocks(doc, "signatory") == ORGS
    assert blocks(doc, "signatory-group") == ["International organisations", "Local organisations"]
    assert blocks(doc, "paragraph") == [BODY, BODY]


def test_a_numbered_list_of_notes_is_not_signed() -> None:
    ending = ("Notes:\n1. See the council\u2019s decision of May 2020.\n2. See the report of the library "
              "service.\n\nSigned:\n" + "\n".join(ORGS))
    doc = seg(letter(ending))
    assert blocks(doc, "signatory") == ORGS
    assert blocks(doc, "list-item") == ["See the council\u2019s decision of May 2020.",
                                         "See the report of the library service."]


@pytest.mark.parametrize("name", ["Friends of the Library", "Town Readers Association", "Karin Olsen"])
def test_a_name_alone_at_the_end_signs_the_text(name: str) -> None:
    doc = seg(f"Open letter on the library\n\n{BODY}\n\n{BODY}\n\nKeep the library open!\n\n{name}\n")
    assert blocks(doc, "signatory") == [name]


@pytest.mark.parametrize("name", ["Town Readers Association", "Karin Olsen"])
def test_a_closing_name_over_a_date_and_an_address(name: str) -> None:
    doc = seg(f"Open letter on the library\n\n{BODY}\n\n{BODY}\n\n{name}\n\nLeeds, 3 March 2021\n"
              "readers@library.example\n")
    assert blocks(doc, "signatory") == [name] and blocks(doc, "dateline") == ["Leeds, 3 March 2021"]


def test_a_last_line_that_is_no_name_signs_nothing() -> None:
    doc = seg(f"Open letter on the library\n\n{BODY}\n\n{BODY}\n\nSupport the library\n")
    assert blocks(doc, "signatory") == []
    doc = seg(f"Open letter on the library\n\n{BODY}\n\nKaren Olsen\n\n{BODY}\n")
    assert blocks(doc, "signatory") == []


def test_an_odd_entry_between_names_is_one_more_name() -> None:
    people = ["Karin Olsen", "Miguel Ferreira", "Anna Berg", "John Roe", "Jane Doe"]
    names = [*ORGS, "Ana Silva", "Town Readers Association.", *people,
             "Prof\u00aa. Dr\u00aa. Ana Silva (Readers of the North, University of the Town)", *people]
    doc = seg(letter("\n\n".join(names)))
    assert blocks(doc, "signatory") == names


def test_the_header_row_of_a_table_of_signatories() -> None:
    rows = ["Seed Savers Network\tKenya", "La Via Verde\tMexico", "Grain Alliance\tIndia"]
    for header in ("Organisation\tCountry", "Name\tCity"):
        doc = seg(letter("Signed:\n\n" + "\n".join([header, *rows])))
        assert blocks(doc, "signatory-group") == [header.replace("\t", " ")]
        assert blocks(doc, "signatory") == [r.replace("\t", " ") for r in rows]


def test_how_to_sign_after_the_names_is_no_list_of_signatories() -> None:
    """A lead naming the act of signing may head instructions, not signers."""
    how = ("How to add your signature:\n1. Open a pull request on the project's page\n"
           "2. Write to the organisers at letters@example.org\n3. Leave a comment under the post")
    doc = seg(letter("Signed:\n" + "\n".join(ORGS) + "\n\n" + how))
    assert blocks(doc, "signatory") == ORGS
    assert blocks(doc, "signatories-lead") == ["Signed:"]


# Names set as one run separated by commas or semicolons, under a lead or a label.

SIGNERS = ["Karin Olsen", "Miguel Ferreira", "Anna Berg", "Tomas Novak", "Leila Haddad", "Jonas Weber"]
BODY = ("The council met on Monday to discuss the closing of the public library in the old town. "
        "Several hundred residents came to the meeting and many of them spoke against the plan.")


def _signers(text: str) -> list[str]:
    from tests.test_layout import types

    return [x for t, x in types(text) if t == "signatory"]


def test_a_run_of_commas_under_a_lead_on_its_own_line() -> None:
    text = f"Library to close\n\n{BODY}\n\nSigned,\n\n{', '.join(SIGNERS)}.\n\nWays to sign: write to us.\n"
    assert _signers(text) == SIGNERS


def test_a_run_of_semicolons_keeps_each_name_with_its_role() -> None:
    roles = [f"{name}, member of the tenants union" for name in SIGNERS]
    text = f"Library to close\n\n{BODY}\n\nSigned by:\n{'; '.join(roles)}\n"
    assert _signers(text) == roles


def test_group_labels_with_and_without_a_colon_over_runs_of_commas() -> None:
    text = (f"Library to close\n\n{BODY}\n\nLeeds:\n{', '.join(SIGNERS[:3])}\n\n"
            f"Bristol\n\n{', '.join(SIGNERS + SIGNERS[:2])}.\n")
    assert _signers(text) == SIGNERS[:3] + SIGNERS + SIGNERS[:2]


def test_a_short_sentence_with_commas_under_a_label_is_no_run_of_names() -> None:
    text = f"Library to close\n\n{BODY}\n\nAnnouncements\n\nAfter the meeting, as planned, the mayor left, and so did we.\n"
    assert _signers(text) == []


def test_a_run_of_commas_under_a_lead_that_names_no_signing() -> None:
    text = (f"Library to close\n\n{BODY}\n\nThis letter was launched by the following organisations:\n\n"
            f"{', '.join(SIGNERS)}.\n")
    from tests.test_layout import types

    got = types(text)
    assert ("signatories-lead", "This letter was launched by the following organisations:") in got
    assert [x for t, x in got if t == "signatory"] == SIGNERS


PLACED = ["Friends of the Earth, Leeds", "Town Readers Association, York", "Local History Society, Hull",
          "The Green Party of the County, Leeds", "Miners Welfare, Barnsley"]


def test_a_run_of_names_with_places_is_cut_at_its_semicolons_only() -> None:
    """"Name, place; Name, place; and Name, place." where the text closes:
    the commas are inside the entries, the last "and" is the separator's."""
    run = "; ".join(PLACED[:-1]) + "; and " + PLACED[-1] + "."
    assert blocks(seg(letter(run)), "signatory") == PLACED


def test_a_group_label_under_the_lead_over_a_run_of_names() -> None:
    ending = "Signed by:\n\nOrganisations in Yorkshire\n\n" + "; ".join(PLACED) + "."
    doc = seg(letter(ending))
    assert blocks(doc, "signatories-lead") == ["Signed by:"]
    assert blocks(doc, "signatory-group") == ["Organisations in Yorkshire"]
    assert blocks(doc, "signatory") == PLACED


@pytest.mark.parametrize("ending, names", [
    ("Signed:\n\nAnna Berg\n\nPeter Quist\n\nLi Wei\n\nKofi Mensah", ["Anna Berg", "Peter Quist", "Li Wei", "Kofi Mensah"]),
    ("Signed:\n\nAnna Berg\nRetired teacher, Leeds\n\nPeter Quist\nLibrarian, York\n\nLi Wei\nStudent, Hull",
     ["Anna Berg", "Retired teacher, Leeds", "Peter Quist", "Librarian, York", "Li Wei", "Student, Hull"]),
    ("Signed,\n\nAnna Berg, Leeds\n\nPeter Quist, York", ["Anna Berg, Leeds", "Peter Quist, York"]),
])
def test_entries_under_a_lead_set_apart_by_blank_lines(ending: str, names: list[str]) -> None:
    assert blocks(seg(letter(ending)), "signatory") == names


def test_a_date_or_a_sentence_after_blank_separated_entries_is_no_entry() -> None:
    doc = seg(letter("Signed:\n\nAnna Berg\n\nPeter Quist\n\nLeeds, 3 March 2021\n\nWrite to the committee for more."))
    assert blocks(doc, "signatory") == ["Anna Berg", "Peter Quist"]
    assert blocks(doc, "dateline") == ["Leeds, 3 March 2021"]


def test_how_to_sign_under_the_signatories_joins_no_list() -> None:
    ending = ("Signed:\nAnna Berg\nPeter Quist\nLi Wei\n\nWays to sign this letter:\nSend an e-mail to the committee\n"
              "Sign the form on our website\nCome to the library on Saturday")
    assert blocks(seg(letter(ending)), "signatory") == ["Anna Berg", "Peter Quist", "Li Wei"]


def test_friends_of_something_closing_a_text_is_an_organisation_that_signs() -> None:
    assert blocks(seg(letter("Friends of the Old Town Library")), "signatory") == ["Friends of the Old Town Library"]


PEOPLE = ["Maria Olsen", "Tomás Riera (librarian)", "Anne-Marie Duval", "Kwame Mensah",
          "Dr. Ingrid Haas", "Lucas Ferreira", "Sofia Marchetti", "W.E. Brandt"]


def in_columns(names: list[str], gap: str) -> str:
    """``names`` two to a row, the second column set off by ``gap`` after padding."""
    width = max(map(len, names))
    return "\n".join(names[n].ljust(width) + gap + names[n + 1] if n + 1 < len(names) else names[n]
                     for n in range(0, len(names), 2))


@pytest.mark.parametrize("gap", ["    ", "\t", "  "])
@pytest.mark.parametrize("lead", ["Signed:\n", ""])
def test_names_set_in_two_columns_are_one_signatory_each(gap: str, lead: str) -> None:
    """A row of a list set in columns holds one name per column, with spaces
    or a tab between them; a row with an odder name ("W.E. Brandt") is cut
    as its neighbours are."""
    doc = seg(letter(lead + in_columns(PEOPLE, gap)))
    assert blocks(doc, "signatory") == PEOPLE


def test_organisations_set_in_two_columns() -> None:
    doc = seg(letter("Signed:\n" + in_columns(ORGS, "    ")))
    assert blocks(doc, "signatory") == ORGS


@pytest.mark.parametrize("second", [
    ["Norway", "Spain", "France", "Ghana"],
    ["Town Readers Association", "Local History Society", "Friends of the Earth", "Union of Teachers"],
])
def test_a_table_of_names_and_what_they_are_keeps_a_row_a_signatory(second: list[str]) -> None:
    """A name and the country or organization beside it are one signatory,
    not two: the columns hold different kinds of thing."""
    rows = [f"{person.ljust(20)}    {other}" for person, other in zip(PEOPLE, second, strict=False)]
    doc = seg(letter("Signed:\n" + "\n".join(rows)))
    found = blocks(doc, "signatory")
    assert len(found) == len(rows)
    assert [f.split()[0] for f in found] == [p.split()[0] for p in PEOPLE[:len(rows)]]


def test_spaces_in_prose_cut_nothing() -> None:
    """Two spaces after a full stop, as typists set them, leave a paragraph whole."""
    prose = "We met the council on Monday.  Maria Olsen spoke first.  Kwame Mensah spoke after her."
    doc = seg(letter(prose))
    assert any(p.startswith("We met the council") and p.endswith("after her.") for p in blocks(doc, "paragraph"))


TITLED = ["Prof. Dr. Anna Schmidt", "Dr. Jonas Weber", "Lea Hoffmann", "Tim Becker", "Marie Wagner", "Paul Schulz"]
GROUPS_DE = ["Verein für Stadtbibliotheken", "Bund der Leserinnen und Leser", "Fachschaft Geschichte",
             "Initiative Offene Stadt", "Arbeitskreis Bibliothek", "Rat der Studierenden"]


@pytest.mark.parametrize("lead", ["Unterzeichnende:\n", "Signed by:\n", "Mit dabei sind: ", "Die Ortsgruppen ", ""])
def test_titles_before_a_name_in_a_run_of_commas_stay_with_it(lead: str) -> None:
    doc = seg(letter(lead + ", ".join(TITLED) + "."))
    assert blocks(doc, "signatory") == TITLED
    assert all("Prof" not in t for t in blocks(doc, "signatories-lead"))


def test_an_and_inside_a_name_of_a_run_is_no_separator() -> None:
    """Only the "and" after the last comma joins two names; an "und" with a
    comma after it belongs to a name."""
    doc = seg(letter(", ".join(GROUPS_DE[:-1]) + " und " + GROUPS_DE[-1] + "."))
    assert blocks(doc, "signatory") == GROUPS_DE


def test_a_run_of_commas_hard_wrapped_anywhere() -> None:
    """A run of names that a hard-wrapped file broke inside names, not only
    after commas, is still one run under its lead."""
    import textwrap

    names = [f"{org} ({place})" for org, place in zip(ORGS + GROUPS_DE, ["Kenya", "Peru", "India", "Chile", "Norway",
                                                                          "Ghana", "Japan", "Egypt", "Spain", "Fiji"],
                                                      strict=True)]
    doc = seg(letter("Signed by:\n" + textwrap.fill(", ".join(names) + ".", 60)))
    assert blocks(doc, "signatory") == names


def test_names_with_roles_one_to_a_line_are_no_wrapped_run() -> None:
    rows = ["Maria Olsen, librarian", "Kwame Mensah, retired teacher", "Lucas Ferreira, student",
            "Sofia Marchetti, nurse"]
    doc = seg(letter("Signed:\n" + "\n".join(rows)))
    assert blocks(doc, "signatory") == rows


def test_a_sentence_with_a_comma_over_the_lead_is_no_signatory() -> None:
    """German capitalizes its nouns, so a closing sentence with a comma may
    look like "Name, role." over a list of names set apart by blank lines:
    too many words before its comma for a name, it stays a paragraph."""
    doc = seg("Erklärung zur Stadtbibliothek\n\nWir fordern den Stadtrat auf, die Schließung der "
              "Stadtbibliothek zurückzunehmen, denn sie ist für tausende Menschen ein Ort des Lernens.\n\n"
              "Wir bitten alle Bürgerinnen und Bürger, sich dem Protest anzuschließen.\n\nUnterzeichnende\n\n"
              "Anna Schmidt\nVorsitzende, Leseverein Nord\n\nPeter Müller\nSprecher, Bürgerinitiative Altstadt"
              "\n\nMaria Weber\nStadträtin\n")
    assert blocks(doc, "signatories-lead") == ["Unterzeichnende"]
    assert blocks(doc, "signatory")[0] == "Anna Schmidt"
    assert "Wir bitten alle Bürgerinnen und Bürger, sich dem Protest anzuschließen." in blocks(doc, "paragraph")


@pytest.mark.parametrize("lead", ["Signed by", "Unterzeichnet von"])
def test_words_of_signing_open_a_run_of_names_as_its_lead(lead: str) -> None:
    """"Signed by" and the names after it in one sentence: the words of
    signing are the lead, however long the first name and its role."""
    people = ["Anna Berg (Readers' Union)", "Tomás Ruiz (Friends of Eastside Library)",
              "Li Wei (Parents for Libraries)", "Karin Holm (Retired Librarians' Network)",
              "Omar Haddad (Youth Forum)"]
    doc = seg(letter(f"{lead} " + ", ".join(people[:-1]) + f" and {people[-1]}."))
    assert blocks(doc, "signatories-lead") == [lead]
    assert blocks(doc, "signatory") == people


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_closing_formula_over_a_list_of_names_and_roles(gap: str) -> None:
    """"Yours," over more names than a signature holds, in a letter with or
    without blank lines: the formula closes the letter, each line is a signer."""
    people = ["Amira Haddad, nurse", "Tom Fischer, student", "Lucia Moreno, bar worker", "Peter Novak, cleaner"]
    doc = seg(f"Open letter on the library{gap}{BODY}{gap}{BODY}{gap}Yours,{gap}" + "\n".join(people) + "\n")
    assert blocks(doc, "salutation") == ["Yours,"]
    assert blocks(doc, "signatory") == people


def test_names_and_a_dateline_in_a_script_without_case() -> None:
    """Arabic has no capitals to tell a name by, and writes its digits and
    comma its own way: the names under the lead are still the signers,
    however many words each, and the place and date under them a dateline."""
    names = ["اتحاد عمال النقل", "نقابة عمال الموانئ", "الشبكة العربية للعدالة الاجتماعية", "جمعية حقوق العمال"]
    doc = seg("بيان تضامن مع عمال الميناء\n\nنحن، المنظمات الموقعة أدناه، نعلن تضامننا الكامل مع عمال الميناء "
              "المضربين منذ ثلاثة أسابيع من أجل ظروف عمل آمنة.\n\nنطالب الإدارة بالاستجابة الفورية لمطالبهم.\n\n"
              "الموقعون:\n" + "\n".join(names) + "\n\nبيروت، ٣ آذار ٢٠٢٤\n")
    assert blocks(doc, "signatory") == names
    assert blocks(doc, "dateline") == ["بيروت، ٣ آذار ٢٠٢٤"]
