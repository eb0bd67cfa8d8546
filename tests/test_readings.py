"""edition.tei.readings: the edition's and the source's reading of any element."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from edition.pipeline import load_document
from edition.tei import build
from edition.tei.readings import diplomatic, regularized
from tests.handmade import NORMALIZATION_RULES, SEGMENTATION_RULES, DocMaker, statement
from tests.paths import SEED, corpus_texts, require

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def xml(text: str) -> etree._Element:
    return etree.fromstring(f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{text}</TEI>')


def test_choice_reads_reg_or_orig() -> None:
    p = xml("<p>benefit<choice><orig> ,</orig><reg>,</reg></choice> and</p>")[0]
    assert regularized(p) == "benefit, and"
    assert diplomatic(p) == "benefit , and"


def test_choice_order_does_not_matter() -> None:
    p = xml("<p>a<choice><reg>B</reg><orig>b</orig></choice>c</p>")[0]
    assert (regularized(p), diplomatic(p)) == ("aBc", "abc")


def test_sic_corr_and_abbr_expan() -> None:
    p = xml("<p><choice><sic>teh</sic><corr>the</corr></choice> "
            "<choice><abbr>Dr.</abbr><expan>Doctor</expan></choice></p>")[0]
    assert regularized(p) == "the Doctor"
    assert diplomatic(p) == "teh Dr."


def test_blocks_are_separated_by_one_space() -> None:
    div = xml("<div>\n  <head>Title</head><p>One.</p>\n\n  <list><item>a</item><item>b</item></list>"
              "<closer><dateline>Paris</dateline></closer></div>")[0]
    assert regularized(div) == "Title One. a b Paris"


def test_inline_elements_do_not_split_words() -> None:
    p = xml("<p>un<persName>believ</persName>able <date when='2014'>2014</date>.</p>")[0]
    assert regularized(p) == "unbelievable 2014."


def test_whitespace_runs_collapse() -> None:
    p = xml("<p>  a \n\t b  <choice><orig>  </orig><reg> </reg></choice>c </p>")[0]
    assert regularized(p) == "a b c"
    assert diplomatic(p) == "a b c"


def test_comments_and_processing_instructions_are_skipped_but_their_tails_kept() -> None:
    p = xml("<p>a<!-- note -->b<?pi x?>c</p>")[0]
    assert regularized(p) == "abc"


def test_element_outside_the_tei_namespace_is_read_too() -> None:
    assert regularized(etree.fromstring("<p>plain <choice><orig>x</orig><reg>y</reg></choice></p>")) == "plain y"


def test_statement_readings_follow_the_blocks() -> None:
    tree = build(statement(), normalization_rules=NORMALIZATION_RULES,
                 segmentation_rules=SEGMENTATION_RULES)
    p = tree.xpath("//t:body//t:p", namespaces=NS)[0]
    assert regularized(p) == "That is, to gain financial benefit, and more. A second line."
    assert diplomatic(p) == "That is, to gain financial benefit , and more. A second line."
    body = tree.xpath("//t:body", namespaces=NS)[0]
    assert regularized(body).startswith("Statement on events Dear comrades, That is,")


# --- property: the readings give back the block text and the source text --------

_RULES = [r.id for r in NORMALIZATION_RULES if not r.layout]
_word = st.text(alphabet="ab ,.\u201c", min_size=1, max_size=6)
_piece = st.one_of(_word, st.tuples(_word, st.text(alphabet="ab ,.", max_size=4), st.sampled_from(_RULES)))


def _reg(piece: str | tuple[str, str, str]) -> str:
    return piece if isinstance(piece, str) else piece[1]


def _whole_line(pieces: list[str | tuple[str, str, str]]) -> bool:
    """The span will cover the whole line: no edge whitespace, and no
    deletion on an edge (a deletion on a span's edge belongs to neither side)."""
    text = "".join(_reg(p) for p in pieces)
    return (text != "" and text == text.strip()
            and _reg(pieces[0]) != "" and _reg(pieces[-1]) != "")


@given(st.lists(_piece, min_size=1, max_size=8).filter(_whole_line))
def test_readings_recover_both_texts(pieces: list[str | tuple[str, str, str]]) -> None:
    d = DocMaker()
    block = d.block("paragraph", tuple(pieces))
    tree = build(d.document(), normalization_rules=NORMALIZATION_RULES,
                 segmentation_rules=SEGMENTATION_RULES)
    p = tree.xpath("//t:body//t:p", namespaces=NS)[0]
    assert regularized(p) == " ".join(block.text.split())
    assert diplomatic(p) == " ".join(d.lines[0].orig.split())


@pytest.mark.parametrize("path", [SEED, *corpus_texts()], ids=lambda p: p.stem)
def test_readings_of_real_texts_lose_nothing(path: Path) -> None:
    """The diplomatic reading of the body is the source; the regularized
    reading is the blocks' text (whitespace and XML-forbidden characters aside)."""
    doc = load_document(require(path, "source text"))
    body = build(doc).find("{http://www.tei-c.org/ns/1.0}text/{http://www.tei-c.org/ns/1.0}body")
    assert body is not None
    source = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", doc.source.text)
    assert _letters(diplomatic(body)) == _letters(source)
    assert _letters(regularized(body)) == _letters(" ".join(b.text for u in doc.units for b in u.blocks))


def _letters(text: str) -> str:
    return "".join(text.split())
