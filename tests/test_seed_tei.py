"""What the seed must give, read by XPath off the committed build/.

build/ is what `edition build` writes for seeds/; test_build_output.py
fails when it is stale, so these assertions speak of the code as it is.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree

from edition.tei.readings import diplomatic, regularized
from edition.validate import xmlsafe
from tests.paths import REPO, SEED

NS = {"t": "http://www.tei-c.org/ns/1.0"}
BUILT = REPO / "build" / "000_4d9258613c24280d.tei.xml"


@pytest.fixture(scope="module")
def tei() -> etree._ElementTree:
    return xmlsafe.parse_file(BUILT)


def xp(node, path: str):
    return node.xpath(path, namespaces=NS)


def text(node) -> str:
    return regularized(node)


def test_three_units_in_reading_order(tei) -> None:
    divs = xp(tei, "/t:TEI/t:text/t:body/t:div")
    assert [d.get("type") for d in divs] == ["text", "figure", "text"]
    assert text(xp(divs[0], "t:head")[0]) == (
        "Statement of communist, left and anarchist forces of Russia on events in Ukraine")
    assert xp(divs[1], "t:figure")
    assert text(xp(divs[2], "t:head")[0]) == "All-Union Young Guard of Bolsheviks statement on Ukraine"


def test_first_statement(tei) -> None:
    div = xp(tei, "//t:div[@type='text'][1]")[0]
    assert len(xp(div, "t:p")) == 6
    assert [text(s) for s in xp(div, "t:ab[@type='slogan']")] == ["Workers of all countries, unite!"]
    [lst] = xp(div, "t:list[@type='signatories']")
    assert text(xp(lst, "t:head")[0]) == "Statement Signed By:"
    items = xp(lst, "t:item")
    assert len(items) == 20
    assert all(xp(i, "t:orgName or t:persName") for i in items)
    joined = [text(i) for i in items if "Vanguard" in text(i)]
    assert joined == ["Vanguard of Red Youth \u2013 Labor Russia (AKM-TR) (partial support)"]
    [ack] = xp(div, "t:ab[@type='acknowledgement']")
    assert "Andy Taylor" in text(ack)


def test_photo(tei) -> None:
    [fig] = xp(tei, "//t:div[@type='figure']/t:figure")
    captions = xp(fig, "t:p")
    assert len(captions) == 2
    assert xp(captions[0], "string(t:placeName)") == "Krasnoyarsk, Russia"
    assert xp(captions[0], "string(t:date/@when)") == "2012-11-07"
    [credit] = xp(fig, "t:note[@type='credit']")
    assert xp(credit, "string(t:name)") == "AUCPB"


def test_second_statement(tei) -> None:
    div = xp(tei, "//t:div[@type='text'][2]")[0]
    assert len(xp(div, "t:p")) == 8
    assert [text(s) for s in xp(div, "t:ab[@type='slogan']")] == [
        "Hold on, comrades!", "Fascism will not pass!", "Long live the coming proletarian revolution!"]
    assert xp(div, "string(.//t:dateline/t:date/@when)") == "2014-03-08"


def test_regularized_and_diplomatic_readings(tei) -> None:
    body = xp(tei, "//t:body")[0]
    reg, dip = regularized(body), diplomatic(body)
    assert "financial benefit, and" in reg
    assert "(CPSU-EIF)" in reg
    assert "\u201cThe new political system\u201d" in reg
    assert "financial benefit , and" in dip
    assert "( CPSU - EIF )" in dip
    assert "\u201c The new political system \u201d" in dip


def test_diplomatic_reading_holds_every_source_character_in_order(tei) -> None:
    source = re.sub(r"\s+", "", SEED.read_text("utf-8"))
    body = re.sub(r"\s+", "", diplomatic(xp(tei, "//t:body")[0]))
    assert body == source


def test_header_documents_source_and_method(tei) -> None:
    h = xp(tei, "/t:TEI/t:teiHeader")[0]
    assert xp(h, "string(.//t:sourceDesc//t:idno[@type='filename'])") == SEED.name
    import hashlib
    assert xp(h, "string(.//t:sourceDesc//t:idno[@type='sha256'])") == hashlib.sha256(
        SEED.read_bytes()).hexdigest()
    counts = {i.get("n"): int(xp(i, "string(t:num)")) for i in xp(h, ".//t:normalization//t:item")}
    assert counts["space-before-punctuation"] == 4
    assert xp(h, "string(.//t:langUsage/t:language/@ident)") == "en"
    assert xp(h, "string(.//t:revisionDesc/t:change)").startswith("Encoded by edition")
    pis = [p for p in tei.getroot().itersiblings(preceding=True) if isinstance(p, etree._ProcessingInstruction)]
    assert sorted(p.get("href") for p in pis) == ["schemas/edition.rng", "schemas/edition.sch"]


def test_ids_are_unique_and_readable(tei) -> None:
    ids = xp(tei, "//@xml:id")
    assert len(ids) == len(set(ids))
    assert "text1-signatory15" in ids and "figure1-credit1" in ids


def test_valid_against_project_schemas_and_tei_all(tei, validator, tei_all) -> None:
    assert validator.check(tei, str(BUILT)) == []
    assert tei_all.check(tei, str(BUILT)) == []
