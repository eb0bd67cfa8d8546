"""Registers of names in the TEI, the editor's authority file, and
``edition registers``: real sources through the real pipeline, checked by
XPath, the project's schemas and tei_all."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from edition.authorities import load_authorities, name_key, register_id
from edition.pipeline import load_document, tei_bytes
from edition.validate import parse
from tests.paths import SEED

T = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
KIND_OF = {"orgName": "org", "persName": "person", "placeName": "place"}
LETTER = ("An open letter on the library\n\nWe ask the council to keep the library open, because it serves "
          "thousands of readers every week.\n\nSigned by:\nJane Roe\nFriends of the Earth\nTown Readers Association\n")
AUTHORITIES = [
    {"name": "Friends of the Earth", "type": "org", "id": "FoE", "wikidata": "Q1142373", "aliases": ["FoE"]},
    {"name": "Jane Roe", "type": "person", "viaf": "12345"},
]


def tei_of(path: Path, authorities: Path | None = None) -> etree._Element:
    from edition.validate import Validator

    data = tei_bytes(load_document(path), Validator(), authorities=load_authorities(authorities))
    return parse(data, path.name).getroot()


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "letter.txt").write_text(LETTER, encoding="utf-8")
    (src / "museum.txt").write_text(LETTER.replace("library", "museum").replace("Town Readers Association\n", ""),
                                    encoding="utf-8")
    shutil.copyfile(SEED, src / SEED.name)
    return src


def test_every_mark_of_the_seed_points_to_its_entry(validator, tei_all, tmp_path) -> None:
    root = tei_of(SEED)
    mentions = root.xpath("t:text//t:orgName | t:text//t:persName | t:text//t:placeName | t:text//t:name",
                          namespaces=T)
    assert len(mentions) > 20
    entries = {e.get(XML_ID): e for e in root.xpath("t:standOff/*/*", namespaces=T)}
    for mention in mentions:
        entry = entries[mention.get("ref")[1:]]
        kind = KIND_OF.get(etree.QName(mention).localname)
        assert kind is None or etree.QName(entry).localname == kind
        names = entry.xpath("*[not(self::t:idno)]/text()", namespaces=T)
        assert " ".join(mention.xpath("string()").split()) in names or mention.xpath(".//t:choice", namespaces=T)
    # Every entry is named by some mark: nothing is registered that the text does not hold.
    assert {m.get("ref")[1:] for m in mentions} == set(entries)
    tree = root.getroottree()
    assert validator.check(tree, "seed") == [] and tei_all.check(tree, "seed") == []
    header = root.xpath("string(//t:editorialDecl/t:interpretation)", namespaces=T)
    assert f"{len(root.xpath('//t:listOrg/t:org', namespaces=T))} organisations" in header


def test_names_alike_after_normalization_share_an_id() -> None:
    assert name_key("Left-Front") == name_key("LEFT FRONT") == name_key("left  front.") == "left front"
    assert name_key("Fédération") == name_key("Federation")
    assert register_id("org", "Left-Front") == register_id("org", "left front") == "org-left-front"
    # Another script: a digest, the same for the same name.
    assert register_id("org", "Левый фронт") == register_id("org", "ЛЕВЫЙ ФРОНТ") != register_id("org", "Фронт")
    assert len(register_id("org", "The initiative group " * 5)) < 64


def test_the_authority_file_gives_ids_identifiers_and_aliases(folder, validator, tei_all) -> None:
    (folder / "authorities.json").write_text(json.dumps(AUTHORITIES), encoding="utf-8")
    root = tei_of(folder / "letter.txt", folder / "authorities.json")
    [foe] = root.xpath("//t:listOrg/t:org[@xml:id = 'FoE']", namespaces=T)
    assert foe.xpath("t:idno[@type = 'wikidata']/text()", namespaces=T) == ["Q1142373"]
    assert root.xpath("//t:item/t:orgName[. = 'Friends of the Earth']/@ref", namespaces=T) == ["#FoE"]
    [jane] = root.xpath("//t:listPerson/t:person", namespaces=T)
    assert jane.get(XML_ID) == "pers-jane-roe" and jane.xpath("string(t:idno[@type='viaf'])", namespaces=T) == "12345"
    # Unknown to the file: an id from its name, no identifier.
    assert root.xpath("//t:org[t:orgName = 'Town Readers Association']/@xml:id", namespaces=T) == [
        "org-town-readers-association"]
    assert "authorities.json" in root.xpath("string(//t:interpretation)", namespaces=T)
    tree = root.getroottree()
    assert validator.check(tree, "letter") == [] and tei_all.check(tree, "letter") == []


def test_a_csv_authority_file_means_what_the_json_one_does(folder) -> None:
    (folder / "a.json").write_text(json.dumps(AUTHORITIES), encoding="utf-8")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "type", "id", "wikidata", "viaf", "aliases"])
    writer.writerow(["Friends of the Earth", "org", "FoE", "Q1142373", "", "FoE"])
    writer.writerow(["Jane Roe", "person", "", "", "12345", ""])
    (folder / "a.csv").write_text(out.getvalue(), encoding="utf-8")
    from_json = etree.tostring(tei_of(folder / "letter.txt", folder / "a.json").find(f"{{{T['t']}}}standOff"))
    from_csv = etree.tostring(tei_of(folder / "letter.txt", folder / "a.csv").find(f"{{{T['t']}}}standOff"))
    assert from_json == from_csv


@pytest.mark.parametrize(("content", "message"), [
    ('[{"name": "X", "type": "club"}]', "$[0].type: 'club' is not one of ['org', 'person', 'place']"),
    ('[{"name": "X", "type": "org", "wikidata": "42"}]', "$[0].wikidata: '42' is not a Wikidata item"),
    ('[{"name": "X", "type": "org"}, {"name": "x", "type": "org"}]', "$[1]: the id 'org-x' is also $[0]'s"),
    ('{"name": "X"', "invalid JSON"),
    ("", "empty authority file"),
])
def test_a_bad_authority_file_stops_the_build_before_anything_is_written(run, folder, tmp_path, content,
                                                                        message) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", folder, "-o", out, "--no-pdf", "-j", 1, "--authorities", bad)
    assert result.exit_code == 4
    assert result.stderr.startswith(f"error: {bad}") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_a_bad_authority_file_in_a_folder_fails_that_folder_only(run, folder, tmp_path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text(LETTER, encoding="utf-8")
    (folder / "authorities.json").write_text('[{"name": ""}]', encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", folder, other, "-o", out, "--no-pdf", "-j", 1)
    assert result.exit_code == 1
    assert result.stderr.count(f"error: {folder / 'authorities.json'}") == 3
    assert (out / "note.tei.xml").exists() and not (out / "letter.tei.xml").exists()


def test_one_organisation_has_one_id_in_every_text_and_a_changed_file_rebuilds(run, folder, tmp_path) -> None:
    out = tmp_path / "out"
    assert run("build", folder, "-o", out, "--no-pdf", "-j", 2).exit_code == 0
    ids = [etree.parse(str(out / f"{n}.tei.xml")).xpath("//t:org[t:orgName = 'Friends of the Earth']/@xml:id",
                                                          namespaces=T) for n in ("letter", "museum")]
    assert ids == [["org-friends-of-the-earth"]] * 2
    (folder / "authorities.json").write_text(json.dumps(AUTHORITIES), encoding="utf-8")
    result = run("build", folder, "-o", out, "--no-pdf", "-j", 1)
    assert "skipped" not in result.stderr, result.stderr
    ids = [etree.parse(str(out / f"{n}.tei.xml")).xpath("//t:org[t:orgName = 'Friends of the Earth']/@xml:id",
                                                          namespaces=T) for n in ("letter", "museum")]
    assert ids == [["FoE"]] * 2


def test_registers_lists_which_texts_each_signed(run, folder, tmp_path) -> None:
    result = run("registers", folder, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = {r["names"][0]: r for r in json.loads(result.stdout)}
    assert [t["text"] for t in rows["Friends of the Earth"]["texts"]] == ["letter.txt", "museum.txt"]
    assert {t["role"] for t in rows["Friends of the Earth"]["texts"]} == {"signed"}
    assert [t["text"] for t in rows["Town Readers Association"]["texts"]] == ["letter.txt"]
    assert rows["AUCPB"]["texts"] == [{"text": SEED.name, "role": "credited"}]
    text = run("registers", folder).stdout
    assert "org     org-friends-of-the-earth  Friends of the Earth  [no authority id]" in text
    assert text.rstrip().endswith(f"{len(rows)} entities, 0 with an authority id, {len(rows)} without")


def test_the_csv_worklist_is_an_authority_file(run, folder, tmp_path) -> None:
    """Filled in and kept beside the sources, it gives the same ids back."""
    (folder / "authorities.json").write_text(json.dumps(AUTHORITIES), encoding="utf-8")
    before = json.loads(run("registers", folder, "--format", "json").stdout)
    worklist = run("registers", folder, "--format", "csv", "--unknown").stdout
    assert "FoE" not in worklist and "Town Readers Association,org,org-town-readers-association" in worklist
    whole = run("registers", folder, "--format", "csv").stdout
    (folder / "authorities.json").unlink()
    (folder / "authorities.csv").write_text(whole, encoding="utf-8")
    assert load_authorities(folder / "authorities.csv").entries
    after = json.loads(run("registers", folder, "--format", "json").stdout)
    assert [r["id"] for r in after] == [r["id"] for r in before]


def test_registers_reads_tei_files_as_corrected(run, folder, tmp_path) -> None:
    out = tmp_path / "out"
    assert run("build", folder, "-o", out, "--no-pdf", "-j", 1).exit_code == 0
    tei = out / "letter.tei.xml"
    tei.write_bytes(tei.read_bytes().replace(b"<orgName>Friends of the Earth</orgName>",
                                             b"<orgName>Friends of the Earth</orgName><idno type=\"wikidata\">"
                                             b"Q1142373</idno>"))
    rows = {r["id"]: r for r in json.loads(run("registers", tei, "--format", "json").stdout)}
    assert rows["org-friends-of-the-earth"]["identifiers"] == {"wikidata": "Q1142373"}
    bad = tmp_path / "bad.tei.xml"
    bad.write_text("<TEI", encoding="utf-8")
    result = run("registers", tei, bad)
    assert result.exit_code == 1 and f"error: {bad}:" in result.stderr and "Friends of the Earth" in result.stdout


def test_a_ref_to_no_entry_is_a_schematron_error(validator, tmp_path) -> None:
    data = tei_bytes(load_document(SEED), validator)
    data = data.replace(b'ref="#org-left-front"', b'ref="#org-nowhere"', 1)
    path = tmp_path / "edited.tei.xml"
    path.write_bytes(data)
    [problem] = [p for p in validator.check_file(path) if p.source == "sch"]
    line = data[:data.index(b'ref="#org-nowhere"')].count(b"\n") + 1
    assert str(problem).startswith(f"{path}:{line}: ref=\"#org-nowhere\" on orgName \"Left Front\" points to no entry")
