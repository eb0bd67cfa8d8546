"""The editor's last word: sidecar ``structure`` overrides, from the sidecar
on disk to the TEI, and their errors at the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import cli
from edition.errors import OverrideError
from edition.pipeline import load_document, tei_bytes
from edition.validate import TeiAllValidator, Validator

NS = {"t": "http://www.tei-c.org/ns/1.0"}

TEXT = """\
Stop the Cuts

We, the undersigned, reject the cuts announced this week. They will hurt the people who can least afford it, and we call on everyone to join us.

Launched by the following:
Left Front
Workers Union of the North
Maria Lopez
Second line of an item
continued here

A new start here
This is the second text, which has no title of its own.
"""

OVERRIDES = [
    {"at": "Launched by", "as": "signatories-lead"},
    {"at": "Left Front", "to": "Maria Lopez", "as": "signatory"},
    {"at": "Second line", "to": "continued here", "as": "signatory", "join": True},
    {"at": "A new start here", "starts": "text"},
]


def write(folder: Path, text: str, sidecar: dict | None) -> Path:
    source = folder / "a.txt"
    source.write_text(text, encoding="utf-8")
    if sidecar is not None:
        (folder / "a.json").write_text(json.dumps(sidecar), encoding="utf-8")
    return source


def tei_of(source: Path, validator: Validator) -> etree._Element:
    return etree.fromstring(tei_bytes(load_document(source), validator))


def blocks(source: Path) -> list[tuple[str, str, str]]:
    doc = load_document(source)
    return [(b.type, b.text, b.resp) for u in doc.units for b in u.blocks]


def test_overrides_type_lines_ranges_and_joins(tmp_path: Path, validator: Validator,
                                               tei_all: TeiAllValidator) -> None:
    source = write(tmp_path, TEXT, {"editors": ["Ann Editor"], "structure": OVERRIDES})
    found = blocks(source)
    assert ("signatories-lead", "Launched by the following:", "editor-1") in found
    names = [text for type_, text, resp in found if type_ == "signatory"]
    assert names == ["Left Front", "Workers Union of the North", "Maria Lopez",
                     "Second line of an item continued here"]
    root = tei_of(source, validator)
    assert root.xpath("//t:list[@type='signatories']/t:head/@resp", namespaces=NS) == ["#editor-1"]
    items = root.xpath("//t:list[@type='signatories']/t:item", namespaces=NS)
    assert [i.get("resp") for i in items] == ["#editor-1"] * 4
    assert root.xpath("//t:list[@type='signatories']/t:item[3]/t:persName/text()", namespaces=NS) == [
        "Maria Lopez"]
    # resp points to the editor the header names.
    assert root.xpath("//t:titleStmt/t:respStmt/t:persName[@xml:id='editor-1']/text()",
                      namespaces=NS) == ["Ann Editor"]
    listed = root.xpath("//t:segmentation/t:p/t:list/t:item[starts-with(@n, 'structure-')]", namespaces=NS)
    assert len(listed) == len(OVERRIDES)
    assert "(lines 6-8)" in "".join(listed[1].itertext())
    assert "starting a new text" in "".join(listed[3].itertext())
    tree = root.getroottree()
    assert validator.check(tree, "a.tei.xml") == []
    assert tei_all.check(tree, "a.tei.xml") == []


def test_a_text_starts_where_the_editor_says(tmp_path: Path, validator: Validator) -> None:
    source = write(tmp_path, TEXT, {"structure": OVERRIDES})
    doc = load_document(source)
    assert [u.blocks[0].text for u in doc.units] == ["Stop the Cuts", doc.units[1].blocks[0].text]
    assert doc.units[1].blocks[0].text.startswith("A new start here")
    root = tei_of(source, validator)
    assert len(root.xpath("//t:body/t:div[@type='text']", namespaces=NS)) == 2


def test_a_text_can_start_inside_a_paragraph(tmp_path: Path) -> None:
    text = TEXT.replace("A new start here\n", "").replace(
        "This is the second text", "First paragraph ends here.\nThis is the second text")
    source = write(tmp_path, text, {"structure": [{"at": "This is the second text", "starts": "text"}]})
    doc = load_document(source)
    assert doc.units[-1].blocks[0].text.startswith("This is the second text")
    assert doc.units[-2].blocks[-1].text == "First paragraph ends here."


def test_without_named_editors_resp_points_to_an_unnamed_one(tmp_path: Path, validator: Validator) -> None:
    source = write(tmp_path, TEXT, {"structure": [{"at": "Stop the Cuts", "as": "slogan"}]})
    root = tei_of(source, validator)
    assert root.xpath("//t:ab[@type='slogan']/@resp", namespaces=NS) == ["#editor"]
    assert root.xpath("//t:respStmt/t:name[@xml:id='editor']", namespaces=NS)
    assert validator.check(root.getroottree(), "a.tei.xml") == []


def test_anchors_survive_edits_elsewhere(tmp_path: Path) -> None:
    source = write(tmp_path, TEXT, {"structure": OVERRIDES})
    before = [(t, x) for t, x, _ in blocks(source) if t.startswith("signator")]
    edited = TEXT.replace("Stop the Cuts\n", "Stop the Cuts\n\nA paragraph added later, at the top.\n\n"
                          "And another one, to move every line down.\n")
    source.write_text(edited, encoding="utf-8")
    assert [(t, x) for t, x, _ in blocks(source) if t.startswith("signator")] == before


def test_a_whole_line_wins_over_lines_that_begin_with_it(tmp_path: Path) -> None:
    text = TEXT.replace("Maria Lopez\n", "Maria Lopez\nMaria Lopez Garcia\n")
    source = write(tmp_path, text, {"structure": [{"at": "maria  lopez", "as": "title"}]})
    assert ("title", "Maria Lopez", "editor") in blocks(source)


@pytest.mark.parametrize(("structure", "message"), [
    ([{"at": "Nothing like this", "as": "title"}],
     "$.structure[0].at 'Nothing like this' matches no line of"),
    ([{"at": "Left Front", "as": "title"}, {"at": "W", "as": "slogan"}],
     "$.structure[1].at 'W' matches 3 lines of"),
    ([{"at": "Left Front", "to": "Nowhere", "as": "signatory"}],
     "$.structure[0].to 'Nowhere' matches no line of"),
    ([{"at": "Left Front", "to": "Maria", "as": "signatory"}, {"at": "Maria Lopez", "as": "title"}],
     "both type line 8 of"),
    ([{"at": "Left Front", "occurrence": 2, "as": "title"}], "occurrence 2 asked for"),
])
def test_an_override_that_points_nowhere_or_twice_is_an_error(tmp_path: Path, structure: list,
                                                              message: str) -> None:
    text = TEXT.replace("We, the", "W, we the").replace("Workers", "W workers")
    source = write(tmp_path, text.replace("A new start", "W new start"), {"structure": structure})
    with pytest.raises(OverrideError) as caught:
        load_document(source)
    assert message in str(caught.value)
    assert str(caught.value).startswith(str(tmp_path / "a.json") + ": ")


def test_occurrence_picks_one_of_repeated_lines(tmp_path: Path) -> None:
    text = TEXT + "\nPhoto: Agency\n\nMore text after the photo, a paragraph of its own.\n\nPhoto: Agency\n"
    source = write(tmp_path, text, {"structure": [{"at": "Photo: Agency", "occurrence": 2, "as": "paragraph"}]})
    found = [(t, r) for t, x, r in blocks(source) if x == "Photo: Agency"]
    assert found == [("photo-credit", ""), ("paragraph", "editor")]


@pytest.mark.parametrize(("entry", "message"), [
    ({"at": "Left Front"}, "says neither how to type the line (as) nor that a text starts there"),
    ({"at": "Left Front", "as": "poem"}, "$.structure[0].as"),
    ({"at": "Left Front", "as": "title", "join": True}, "'to' is a dependency of 'join'"),
    ({"at": "", "as": "title"}, "$.structure[0].at"),
])
def test_a_malformed_override_is_refused_by_the_schema(tmp_path: Path, entry: dict, message: str) -> None:
    source = write(tmp_path, TEXT, {"structure": [entry]})
    result = CliRunner().invoke(cli, ["explain", str(source)])
    assert result.exit_code == 4
    assert message in result.output


def test_build_writes_nothing_for_a_source_whose_override_fails(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    write(src, TEXT, {"structure": [{"at": "Nothing like this", "as": "title"}]})
    (src / "b.txt").write_text("Another text\n\nWith a paragraph of its own that is long enough.\n",
                               encoding="utf-8")
    out = tmp_path / "out"
    single = CliRunner().invoke(cli, ["tei", str(src / "a.txt"), "-o", str(tmp_path / "a.tei.xml")])
    assert single.exit_code == 4, single.output
    assert not (tmp_path / "a.tei.xml").exists()
    result = CliRunner().invoke(cli, ["build", str(src), "-o", str(out), "--no-pdf"])
    assert result.exit_code == 1, result.output  # a batch says 1 when any source failed
    assert "a.json: $.structure[0].at 'Nothing like this' matches no line of" in result.output
    assert "Traceback" not in result.output
    built = sorted(p.name for p in out.iterdir() if p.is_file() and p.name != "edition-manifest.json")
    assert built and all(name.startswith("b.") for name in built)
