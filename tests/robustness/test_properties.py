"""Properties of the whole pipeline over any Unicode text, from the bytes of
a source file to the TEI, the EPUB and the print HTML.

The number of examples comes from the hypothesis profile (tests/conftest.py):
"ci" (the default) runs hundreds; ``--hypothesis-profile=long`` thousands.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from edition.errors import EditionError
from edition.model import Metadata
from edition.normalize import normalize
from edition.read import decode_source
from edition.render import EpubMaker
from edition.render.printed import PrintMaker
from edition.segment import segment
from edition.tei import build, serialize
from edition.tei.readings import diplomatic
from edition.validate import parse
from tests.robustness.epubcheck_batch import check_many
from tests.strategies import HAZARD_LINES, SHAPED_LINES

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

LINES = st.sampled_from([*SHAPED_LINES, *HAZARD_LINES])
TEXT = st.one_of(
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=400),
    st.lists(LINES, min_size=1, max_size=30).map("\n".join),
)
MAKERS = (EpubMaker(), PrintMaker())


def outputs(data: bytes) -> tuple[bytes, bytes, bytes]:
    """TEI, EPUB and print HTML of a source file's bytes, as `edition build` makes them."""
    source = decode_source(data, path="p.txt", filename="p.txt")
    tei = serialize(build(segment(normalize(source), Metadata(language="en"))))
    tree = parse(tei, "p.tei.xml")
    return tei, MAKERS[0].make(tree), MAKERS[1].make(tree)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(TEXT)
def test_any_text_builds_or_is_refused_and_builds_are_faithful(validator, text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    try:
        tei, book, page = outputs(data)
    except EditionError as err:
        event(f"refused: {type(err).__name__}")
        return  # refusing with our own error is allowed; any other exception fails the test
    event("built")
    assert validator.check_bytes(tei, "p.tei.xml") == []
    body = parse(tei, "p.tei.xml").xpath("//t:body", namespaces=NS)[0]
    decoded = decode_source(data, path="p.txt", filename="p.txt").text
    # Every non-whitespace character of the input, in order, except what XML cannot carry.
    assert re.sub(r"\s+", "", diplomatic(body)) == re.sub(r"\s+", "", XML_FORBIDDEN.sub("", decoded))
    normalized = normalize(decode_source(data, path="p.txt", filename="p.txt"))
    assert normalize(decode_source(normalized.text.encode("utf-8"), path="p.txt",
                                   filename="p.txt")).text == normalized.text
    assert outputs(data) == (tei, book, page), "two builds give the same bytes"




@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=8, max_size=8))
def test_a_sample_of_generated_books_passes_epubcheck(tmp_path_factory, texts: list[str]) -> None:
    """Books of generated texts, checked by EPUBCheck in one JVM per sample."""
    folder = tmp_path_factory.mktemp("sample")
    paths: list[Path] = []
    for number, text in enumerate(texts):
        try:
            _tei, book, _page = outputs(text.encode("utf-8", "surrogatepass"))
        except EditionError:
            continue
        paths.append(folder / f"book{number}.epub")
        paths[-1].write_bytes(book)
    if not paths:
        return
    try:
        reports = check_many(paths)
    except RuntimeError as err:
        pytest.fail(str(err))
    assert reports == {}
