"""Every corpus text gives TEI valid against the project's schemas and
tei_all, whose diplomatic reading holds the source, character for character."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from edition.pipeline import load_document
from edition.tei import build, serialize
from edition.tei.readings import diplomatic
from edition.validate import parse
from tests.paths import SEED, corpus_texts

NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.mark.parametrize("path", [SEED, *corpus_texts()], ids=lambda p: p.stem)
def test_corpus_tei(path: Path, validator, tei_all) -> None:
    data = serialize(build(load_document(path)))
    tree = parse(data, f"{path.stem}.tei.xml")
    assert validator.check(tree, path.name) == []
    assert tei_all.check(tree, path.name) == []
    body = tree.xpath("//t:body", namespaces=NS)[0]
    # XML 1.0 cannot hold C0 controls (75 ends in a DOS Ctrl-Z): removed and counted, not kept
    source = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f]", "", path.read_text("utf-8"))
    assert re.sub(r"\s+", "", diplomatic(body)) == re.sub(r"\s+", "", source)
