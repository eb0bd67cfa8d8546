"""Stage 2, normalize: every character editors' files really hold goes
through to valid TEI; what XML forbids never reaches it, and every removal
or repair is a recorded intervention (a choice with both readings where the
character may be written, a count in the teiHeader where it may not)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from edition.model import Source
from edition.normalize import normalize
from edition.pipeline import load_document, tei_bytes
from edition.segment import segment
from edition.tei import build as build_tei
from edition.tei import serialize
from edition.tei.readings import diplomatic
from edition.validate import parse

NS = {"t": "http://www.tei-c.org/ns/1.0"}
# What XML 1.0 forbids (lone surrogates cannot even be encoded as UTF-8).
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
TITLE = "A statement on the closing of the library"
PARA = "We, the undersigned, ask the council to keep the public library open for everyone."


def check_tei(data: bytes, validator, tei_all):
    """The TEI bytes carry nothing XML forbids, and pass both schemas."""
    text = data.decode("utf-8")
    assert not XML_FORBIDDEN.search(text)
    assert "\r" not in text and "&#13;" not in text and "&#xD;" not in text
    tree = parse(data, "s.tei.xml")
    assert validator.check(tree, "s.tei.xml") == []
    assert tei_all.check(tree, "s.tei.xml") == []
    return tree


def from_file(tmp_path: Path, text: str, validator, tei_all):
    path = tmp_path / "s.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    document = load_document(path)
    return document, check_tei(tei_bytes(document, validator), validator, tei_all)


def from_text(text: str, validator, tei_all):
    """For text no file can hold as UTF-8 (lone surrogates)."""
    source = Source("s.txt", "s", "s.txt", "0" * 64, "utf-8", text)
    document = segment(normalize(source))
    return document, check_tei(serialize(build_tei(document)), validator, tei_all)


def choices(tree, rule_orig: str) -> list[tuple[str, str]]:
    """(orig, reg) of every choice whose orig holds ``rule_orig``."""
    found = []
    for choice in tree.xpath("//t:body//t:choice", namespaces=NS):
        orig = "".join(choice.xpath("t:orig//text()", namespaces=NS))
        reg = "".join(choice.xpath("t:reg//text()", namespaces=NS))
        if rule_orig in orig:
            found.append((orig, reg))
    return found


def regularized(tree) -> str:
    return "".join(tree.xpath("//t:body//text()[not(ancestor::t:orig)]", namespaces=NS))


def rules_used(document) -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for i in document.normalized.interventions:
        out.setdefault(i.rule, []).append((i.orig, i.reg))
    return out


def counted(tree, rule: str) -> int:
    return int(tree.xpath(f"string(//t:normalization//t:item[@n='{rule}']/t:num)", namespaces=NS))


# --- characters removed or replaced, visible in the TEI as choice/orig/reg ----------

VISIBLE = [
    # id, the paragraph, rule, what orig must hold, the regularized paragraph
    ("zero-width-space", "keep\u200bthe library open", "zero-width", "\u200b", "keepthe library open"),
    ("word-joiner", "keep the\u2060 library open", "zero-width", "\u2060", "keep the library open"),
    ("bom-inside-text", "keep the library\ufeff open", "zero-width", "\ufeff", "keep the library open"),
    ("zwnj-at-word-edge", "keep the \u200clibrary open", "zero-width", "\u200c", "keep the library open"),
    ("bidi-override", "keep the \u202eyrarbil\u202c open", "bidi-control", "\u202e", "keep the yrarbil open"),
    ("bidi-isolate", "keep the \u2067library\u2069 open", "bidi-control", "\u2067", "keep the library open"),
    ("no-break-space", "keep the library open 24\u00a0hours", "no-break-space", "\u00a0",
     "keep the library open 24 hours"),
    ("narrow-no-break-space", "keep the library \u00ab\u202fopen\u202f\u00bb", "no-break-space", "\u202f",
     "keep the library \u00ab open \u00bb"),
    ("nfc-combining", "keep the Cafe\u0301 and the library open", "nfc", "e\u0301",
     "keep the Caf\u00e9 and the library open"),
    ("c1-undefined-control", "keep the\x81 library open", "control-character", "\x81",
     "keep the library open"),
    ("delete-control", "keep the library open\x7f now", "control-character", "\x7f",
     "keep the library open now"),
    ("c1-quotes-as-windows-1252", "keep the \x93library\x94 open", "mojibake", "\x93",
     "keep the \u201clibrary\u201d open"),
    ("mojibake-quotes", "keep the \u00e2\u20ac\u0153library\u00e2\u20ac\x9d open", "mojibake",
     "\u00e2\u20ac\u0153", "keep the \u201clibrary\u201d open"),
    ("mojibake-latin", "keep the caf\u00c3\u00a9 and the library open", "mojibake", "\u00c3\u00a9",
     "keep the caf\u00e9 and the library open"),
    ("mojibake-cyrillic", ("\u00d0\u0153\u00d0\u00b8\u00d1\u20ac \u00d0\u00b8 "
                           "\u00d1\u201a\u00d1\u20ac\u00d1\u0192\u00d0\u00b4 for the library"), "mojibake",
     "\u00d0\u0153\u00d0\u00b8\u00d1\u20ac", "\u041c\u0438\u0440 \u0438 \u0442\u0440\u0443\u0434 for the library"),
]


@pytest.mark.parametrize(("para", "rule", "orig_has", "wanted"), [c[1:] for c in VISIBLE],
                         ids=[c[0] for c in VISIBLE])
def test_change_is_kept_as_choice(tmp_path, validator, tei_all, para, rule, orig_has, wanted) -> None:
    document, tree = from_file(tmp_path, f"{TITLE}\n\n{para}\n", validator, tei_all)
    assert rule in rules_used(document)
    assert counted(tree, rule) >= 1
    assert choices(tree, orig_has), f"no choice holds {orig_has!r} in orig"
    assert wanted in " ".join(regularized(tree).split())
    # The diplomatic reading is the source's, to the character.
    body = tree.xpath("//t:body", namespaces=NS)[0]
    assert re.sub(r"\s+", "", diplomatic(body)) == re.sub(r"\s+", "", f"{TITLE}{para}")
    # Normalizing the edition's text again changes nothing.
    again = normalize(Source("t.txt", "t", "t.txt", "0" * 64, "utf-8", document.normalized.text))
    assert again.text == document.normalized.text and again.interventions == ()


def test_mojibake_repair_is_recorded_with_both_readings(tmp_path, validator, tei_all) -> None:
    para = "He said \u00e2\u20ac\u0153no\u00e2\u20ac\x9d to the closing."
    document, tree = from_file(tmp_path, f"{TITLE}\n\n{para}\n", validator, tei_all)
    [(orig, reg)] = choices(tree, "\u00e2\u20ac")
    assert orig == "\u00e2\u20ac\u0153no\u00e2\u20ac\x9d"
    assert reg == "\u201cno\u201d"
    assert rules_used(document)["mojibake"] == [(orig, reg)]
    assert tree.xpath("//t:normalization//t:item[@n='mojibake']/t:num", namespaces=NS)[0].text == "1"


@pytest.mark.parametrize("para", [
    "Caf\u00e9, na\u00efve r\u00e9sum\u00e9 and \u00c5ngstr\u00f6m: the library stays open.",
    ("\u041c\u043e\u0441\u043a\u0432\u0430, 1 \u043c\u0430\u044f: "
     "\u0431\u0438\u0431\u043b\u0438\u043e\u0442\u0435\u043a\u0430 \u043e\u0442\u043a\u0440\u044b\u0442\u0430."),
    "\u00c2NGELO e JO\u00c3O visitaram S\u00c3O TOM\u00c9 \u2014 \u201cquoted\u201d \u2026 \u2018single\u2019.",
    "\u00a9 2024 \u00ae \u2122 \u00bd \u00b1 \u00d7 \u00f7 \u00b5 \u00b6 \u00a7 \u20ac 5",
], ids=["accented-latin", "cyrillic", "mojibake-lookalike-capitals", "symbols"])
def test_correct_text_is_not_repaired(tmp_path, validator, tei_all, para) -> None:
    document, tree = from_file(tmp_path, f"{TITLE}\n\n{para}\n", validator, tei_all)
    assert "mojibake" not in rules_used(document)
    assert para in regularized(tree)


# --- characters kept as they are -------------------------------------------------

KEPT = [
    ("rlm-in-hebrew", "\u05e9\u05dc\u05d5\u05dd \u05dc\u05db\u05d5\u05dc\u05dd\u200f (2024) \u05e1\u05e4\u05e8\u05d9\u05d4",
     "\u200f"),
    ("lrm", "The vote (\u200eA-12\u200e) was held.", "\u200e"),
    ("arabic-letter-mark", "\u0627\u0644\u0645\u0643\u062a\u0628\u0629\u061c 2024", "\u061c"),
    ("zwnj-in-persian", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u06cc\u0645 \u06a9\u062a\u0627\u0628\u062e\u0627\u0646\u0647",
     "\u200c"),
    ("zwj-in-emoji", "We \U0001F468\u200d\U0001F469\u200d\U0001F467 read here.", "\u200d"),
    ("arabic-paragraph", ("\u0646\u0637\u0627\u0644\u0628 \u0628\u0625\u0628\u0642\u0627\u0621 "
                          "\u0627\u0644\u0645\u0643\u062a\u0628\u0629 \u0627\u0644\u0639\u0627\u0645\u0629 "
                          "\u0645\u0641\u062a\u0648\u062d\u0629."), "\u0627\u0644\u0645\u0643\u062a\u0628\u0629"),
    ("cyrillic-paragraph", ("\u041c\u044b \u0442\u0440\u0435\u0431\u0443\u0435\u043c "
                            "\u0441\u043e\u0445\u0440\u0430\u043d\u0438\u0442\u044c "
                            "\u0431\u0438\u0431\u043b\u0438\u043e\u0442\u0435\u043a\u0443."),
     "\u0431\u0438\u0431\u043b\u0438\u043e\u0442\u0435\u043a\u0443"),
    ("script-tag", "Do not run <script>alert(1)</script> here.", "<script>alert(1)</script>"),
    ("entity-lookalike", "Fish &amp; chips &lt;b&gt; &#x41; &unknown; stay as typed.", "&amp; chips &lt;b&gt; &#x41;"),
    ("cdata-end", "A]]> and <![CDATA[x]]> in text.", "A]]> and <![CDATA[x]]> in text."),
    ("xml-declaration-lookalike", '<?xml version="1.0"?> <!DOCTYPE x [<!ENTITY e "v">]> &e;',
     '<?xml version="1.0"?> <!DOCTYPE x [<!ENTITY e "v">]> &e;'),
]


@pytest.mark.parametrize(("para", "kept"), [c[1:] for c in KEPT], ids=[c[0] for c in KEPT])
def test_meaningful_character_is_kept(tmp_path, validator, tei_all, para, kept) -> None:
    document, tree = from_file(tmp_path, f"{TITLE}\n\n{para}\n", validator, tei_all)
    assert kept in regularized(tree)
    assert not choices(tree, kept)
    assert not {"zero-width", "bidi-control", "control-character", "mojibake"} & set(rules_used(document))
    # Markup in the text stays text: no element of that name appears.
    assert not tree.xpath("//*[local-name()='script']")


# --- characters XML forbids, or layout: removed or replaced and counted ------------

LAYOUT = [
    # id, the whole source, rule, its count, the regularized paragraph
    ("crlf", f"{TITLE}\r\n\r\n{PARA}\r\n", "line-end", 3, PARA),
    ("lone-cr", f"{TITLE}\r\r{PARA}\r", "line-end", 3, PARA),
    ("mixed-line-ends", f"{TITLE}\r\n\n{PARA}\r", "line-end", 2, PARA),
    ("tab", f"{TITLE}\n\nWe ask\tthe council\t\tto act.\n", "tab", 2, "We ask the council to act."),
    ("form-feed-between-words", f"{TITLE}\n\nWe ask\fthe council.\n", "page-break", 1,
     "We ask the council."),
    ("form-feed-page-break", f"{TITLE}\n\f\n{PARA}\n\f", "xml-forbidden", 2, PARA),
    ("vertical-tab", f"{TITLE}\n\nWe ask\vthe council.\n", "page-break", 1, "We ask the council."),
    ("c0-controls", f"{TITLE}\n\nWe\x01 ask\x1b the\x07 council.\n", "xml-forbidden", 3,
     "We ask the council."),
    ("noncharacters", f"{TITLE}\n\nWe ask\ufffe the council\uffff.\n", "xml-forbidden", 2,
     "We ask the council."),
    ("line-separator", f"{TITLE}\n\nWe ask\u2028the council.\u2029\n", "line-separator", 2,
     "We ask the council."),
]


@pytest.mark.parametrize(("text", "rule", "count", "wanted"), [c[1:] for c in LAYOUT],
                         ids=[c[0] for c in LAYOUT])
def test_layout_and_forbidden_are_counted(tmp_path, validator, tei_all, text, rule, count, wanted) -> None:
    document, tree = from_file(tmp_path, text, validator, tei_all)
    assert len(rules_used(document)[rule]) == count
    assert counted(tree, rule) == count
    assert wanted in " ".join(regularized(tree).split())
    assert "\r" not in document.normalized.text


def test_unpaired_surrogates_are_removed_and_counted(validator, tei_all) -> None:
    document, tree = from_text(f"{TITLE}\n\nWe ask\ud800 the \udfffcouncil.\n", validator, tei_all)
    assert [o for o, _ in rules_used(document)["xml-forbidden"]] == ["\ud800", "\udfff"]
    assert "We ask the council." in " ".join(regularized(tree).split())


def test_utf_16_file_with_every_hazard(tmp_path, validator, tei_all) -> None:
    # CRLF line ends, a BOM, RTL text with an RLM, zero-width and bidi noise,
    # in UTF-16 as Windows Notepad saves it.
    text = (f"{TITLE}\r\n\r\nWe ask\u200b the \u202ecouncil\u202c.\r\n\r\n"
            "\u0627\u0644\u0645\u0643\u062a\u0628\u0629\u200f \u0645\u0641\u062a\u0648\u062d\u0629.\r\n")
    path = tmp_path / "s.txt"
    path.write_bytes(text.encode("utf-16"))
    document = load_document(path)
    tree = check_tei(tei_bytes(document, validator), validator, tei_all)
    used = rules_used(document)
    assert {"line-end", "zero-width", "bidi-control"} <= set(used)
    assert "\u0627\u0644\u0645\u0643\u062a\u0628\u0629\u200f" in regularized(tree)
    assert tree.xpath("string(//t:idno[@type='encoding']/@subtype)", namespaces=NS) == "bom"


def test_tei_is_reproducible_with_hazards(tmp_path, validator, tei_all) -> None:
    text = f"{TITLE}\r\n\r\nKeep\u200b the \u00e2\u20ac\u0153library\u00e2\u20ac\x9d\x81 open\f now.\r\n"
    first = from_file(tmp_path, text, validator, tei_all)[1]
    second = from_file(tmp_path, text, validator, tei_all)[1]
    assert etree.tostring(first) == etree.tostring(second)
