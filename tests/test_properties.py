"""Properties over any text: the TEI is valid, lossless and reproducible."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from edition.errors import EditionError
from edition.model import Metadata, Source
from edition.normalize import normalize
from edition.segment import segment
from edition.tei import build, serialize
from edition.tei.readings import diplomatic
from tests.strategies import SHAPED_LINES

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_OK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

WORDS = st.sampled_from(SHAPED_LINES)
TEXT = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=300),
    st.lists(WORDS, min_size=1, max_size=25).map("\n".join),
)


def tei_of(text: str):
    source = Source("p.txt", "p", "p.txt", "0" * 64, "utf-8", text)
    return build(segment(normalize(source), Metadata(language="en")))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_text_gives_valid_lossless_reproducible_tei(validator, text: str) -> None:
    if not text.strip():
        return  # refused by read before it gets here
    try:
        tree = tei_of(text)
    except EditionError as err:
        event(f"refused: {type(err).__name__}")
        return  # refusing with our own error is allowed; any other exception fails
    event("built")
    assert validator.check(tree, "p.tei.xml") == []
    body = tree.xpath("//t:body", namespaces=NS)[0]
    # Only what XML cannot carry is lost (and counted in the header).
    wanted = re.sub(r"\s+", "", XML_OK.sub("", text))
    assert re.sub(r"\s+", "", diplomatic(body)) == wanted
    assert serialize(tree) == serialize(tei_of(text))
