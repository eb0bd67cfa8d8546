"""A collection: every text of a build in one teiCorpus, valid as a whole
and member by member."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from lxml import etree

from tests.paths import SEED

T = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEXTS = {
    "b_letter": "An open letter on the library\n\nWe ask the council to keep the library open.\n\n"
                "Signed by:\nJane Roe\nJohn Doe\nAnn Lee\n",
    "c_statement": "Statement on the closing of the park\n\nThe park must stay open for everyone, "
                   "as it has for a century.\n\nHands off our park!\n",
}
COLLECTION = {"title": "Statements on public places", "editors": ["Jane Roe", {"name": "Readers' Union",
                                                                               "type": "organization"}],
              "order": ["c_statement"], "licence": "CC BY 4.0", "date": "2026-12-01"}


@pytest.fixture()
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    shutil.copyfile(SEED, folder / SEED.name)
    return folder


def collection_file(tmp_path: Path, content: object = COLLECTION, name: str = "places.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


def test_the_collection_is_one_valid_tei_corpus_in_its_order(run, sources, tmp_path, validator, tei_all) -> None:
    out = tmp_path / "out"
    result = run("build", sources, "-o", out, "--no-pdf", "-j", 1, "--collection", collection_file(tmp_path))
    assert result.exit_code == 0, result.stderr
    corpus = out / "places.corpus.tei.xml"
    assert f"the collection: {corpus.name}, " in result.stderr
    tree = etree.parse(str(corpus))
    assert validator.check(tree, str(corpus)) == []
    assert tei_all.check(tree, str(corpus)) == []
    header = tree.xpath("/t:teiCorpus/t:teiHeader/t:fileDesc", namespaces=T)[0]
    assert header.xpath("string(t:titleStmt/t:title)", namespaces=T) == "Statements on public places"
    assert header.xpath("t:titleStmt/t:editor/*/text()", namespaces=T) == ["Jane Roe", "Readers' Union"]
    assert header.xpath("t:titleStmt/t:editor/t:orgName/text()", namespaces=T) == ["Readers' Union"]
    assert header.xpath("string(t:publicationStmt/t:availability/t:licence)", namespaces=T) == "CC BY 4.0"
    # Listed first as the order says, then the others by name.
    files = tree.xpath("/t:teiCorpus/t:TEI//t:idno[@type='filename']/text()", namespaces=T)
    assert files == ["c_statement.txt", SEED.name, "b_letter.txt"]
    # The texts are whole: each member holds the text of its own TEI file.
    for member, name in zip(tree.xpath("/t:teiCorpus/t:TEI", namespaces=T), files, strict=True):
        own = etree.parse(str(out / name.replace(".txt", ".tei.xml"))).getroot()
        assert member.xpath("normalize-space(t:text)", namespaces=T) == own.xpath("normalize-space(t:text)",
                                                                                  namespaces=T)
        assert len(member.xpath("t:text//*", namespaces=T)) == len(own.xpath("t:text//*", namespaces=T))


def test_each_member_still_stands_alone(run, sources, tmp_path, validator) -> None:
    out = tmp_path / "out"
    assert run("build", sources, "-o", out, "--no-pdf", "-j", 1, "--collection",
               collection_file(tmp_path)).exit_code == 0
    tree = etree.parse(str(out / "places.corpus.tei.xml"))
    ids = tree.xpath("/t:teiCorpus/t:TEI//@xml:id", namespaces=T)
    assert len(ids) == len(set(ids)) and all(i.startswith(("t1-", "t2-", "t3-")) for i in ids)
    registers = tree.xpath("/t:teiCorpus/t:standOff", namespaces=T)[0]
    for k, member in enumerate(tree.xpath("/t:teiCorpus/t:TEI", namespaces=T), start=1):
        # A member's marks point to the collection's registers: with them, it is valid alone.
        lone = copy.deepcopy(member)
        lone.append(copy.deepcopy(registers))
        alone = etree.ElementTree(lone)
        assert validator.check(alone, f"member {k}") == []
        assert all(r.startswith("#") and not r.startswith("#t") for r in alone.xpath("//@ref"))
        pointers = alone.xpath("//@resp | //@who")
        assert pointers and all(p == f"#t{k}-edition" or p.startswith(f"#t{k}-") for p in pointers)


def test_a_parallel_build_makes_the_same_collection(run, sources, tmp_path) -> None:
    made = []
    for jobs in (1, 2):
        out = tmp_path / f"out{jobs}"
        assert run("build", sources, "-o", out, "--no-pdf", "-j", jobs, "--collection",
                   collection_file(tmp_path)).exit_code == 0
        made.append((out / "places.corpus.tei.xml").read_bytes())
    assert made[0] == made[1]


def test_a_collection_that_names_a_missing_text(run, sources, tmp_path) -> None:
    path = collection_file(tmp_path, {**COLLECTION, "order": ["c_statement", "z_gone"]})
    result = run("build", sources, "-o", tmp_path / "out", "--no-pdf", "-j", 1, "--collection", path)
    assert result.exit_code == 1
    assert f"error: {path}: $.order lists 'z_gone', which no source of this build is" in result.stderr
    assert (tmp_path / "out" / "b_letter.epub").exists()  # the texts are built all the same
    assert not (tmp_path / "out" / "places.corpus.tei.xml").exists()


def test_a_bad_collection_file_stops_before_anything_is_built(run, sources, tmp_path) -> None:
    path = collection_file(tmp_path, {"title": "Places", "editor": ["Jane Roe"]})
    result = run("build", sources, "-o", tmp_path / "out", "--no-pdf", "--collection", path)
    assert result.exit_code == 4
    assert result.stderr.strip() == f"error: {path}: $.editor: unknown property (allowed: date, editors, licence, " \
                                    "order, publisher, title)"
    assert not (tmp_path / "out").exists()


def test_a_failed_text_leaves_the_collection_unmade(run, sources, tmp_path) -> None:
    (sources / "d_empty.txt").write_bytes(b"")
    result = run("build", sources, "-o", tmp_path / "out", "--no-pdf", "-j", 1, "--collection",
                 collection_file(tmp_path))
    assert result.exit_code == 1
    assert "places.json: collection not made: 1 of its texts failed" in result.stderr
    assert not (tmp_path / "out" / "places.corpus.tei.xml").exists()


def test_one_organisation_is_one_entry_of_the_collection(run, sources, tmp_path) -> None:
    """The same signatory in two texts: one register entry, both mentions point to it."""
    (sources / "d_letter.txt").write_text(TEXTS["b_letter"].replace("library", "museum"), encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", sources, "-o", out, "--no-pdf", "-j", 1, "--collection",
               collection_file(tmp_path)).exit_code == 0
    tree = etree.parse(str(out / "places.corpus.tei.xml"))
    [jane] = tree.xpath("/t:teiCorpus/t:standOff/t:listPerson/t:person[t:persName = 'Jane Roe']", namespaces=T)
    refs = tree.xpath("/t:teiCorpus/t:TEI//t:persName[. = 'Jane Roe']/@ref", namespaces=T)
    assert refs == [f"#{jane.get(XML_ID)}"] * 2
    assert not tree.xpath("/t:teiCorpus/t:TEI/t:standOff", namespaces=T)
    # Each text's own TEI file names her with the same id.
    for name in ("b_letter", "d_letter"):
        own = etree.parse(str(out / f"{name}.tei.xml"))
        assert own.xpath("//t:listPerson/t:person[t:persName = 'Jane Roe']/@xml:id", namespaces=T) == [
            jane.get(XML_ID)]


def test_the_volume_indexes_each_name_once_with_its_places_in_every_text(run, sources, tmp_path) -> None:
    import zipfile

    from lxml import html

    (sources / "d_letter.txt").write_text(TEXTS["b_letter"].replace("library", "museum"), encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", sources, "-o", out, "--no-pdf", "-j", 1, "--collection",
               collection_file(tmp_path)).exit_code == 0
    page = html.fromstring((out / "places.corpus.html").read_bytes())
    [jane] = page.xpath("//section[@class='index']//li[span = 'Jane Roe']")
    places = jane.xpath("a[@class='place']")
    assert [a.text.split(".")[0] for a in places] == ["3", "4"]  # the third and fourth texts of the volume
    for link in page.xpath("//section[@class='index']//a[@class='place']"):
        [target] = page.xpath(f"//*[@id='{link.get('href')[1:]}']")
        assert target.text_content() == link.getparent().xpath("string(span)")
    assert page.xpath("//nav//a[@href='#index']/text()") == ["Index"]
    with zipfile.ZipFile(out / "places.corpus.epub") as book:
        index = etree.fromstring(book.read("EPUB/index.xhtml"))
        H = {"h": "http://www.w3.org/1999/xhtml"}
        links = index.xpath("//h:li[h:span = 'Jane Roe']/h:a/@href", namespaces=H)
        assert len(links) == 2
        for href in links:
            file, anchor = href.split("#")
            target = etree.fromstring(book.read(f"EPUB/{file}"))
            assert "".join(target.xpath(f"//*[@id='{anchor}']", namespaces=H)[0].itertext()) == "Jane Roe"
