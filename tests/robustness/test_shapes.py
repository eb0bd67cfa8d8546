"""Hostile shapes of source text: each is built with a valid TEI, or refused
with one line naming the file and the reason and a non-zero exit; none
crashes (no traceback) and none hangs (a time limit on every run)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from lxml import etree

from tests.paths import SEED, corpus_texts
from tests.robustness.cli_run import TEI, assert_no_traceback, assert_refused, assert_valid_tei, build

FIRST = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Irina", "Jonas"]
LAST = ["Smith", "Ivanova", "Garcia", "Müller", "Okafor", "Tanaka", "Rossi", "Novak", "Silva",
        "Kowalski"]
SHOUTS = ["Down with the war!", "Hands off!", "Bread and peace!", "No pasarán!", "Free them all!",
          "Not in our name!"]


def seed_words() -> list[str]:
    return SEED.read_text("utf-8").split()


def paragraphs() -> list[str]:
    """Paragraphs of the seed and of the corpus (when present)."""
    found: list[str] = []
    for path in [SEED, *corpus_texts()]:
        text = path.read_text("utf-8").replace("\r\n", "\n")
        found += [p.strip() for p in re.split(r"\n[ \t]*\n+", text) if p.strip()]
    return found


def signatory(i: int) -> str:
    """The i-th of 500 distinct names ("Jonas Kowalski-Okafor")."""
    return f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}{'-' + LAST[i // 100] if i >= 100 else ''}"


def signatories_500() -> str:
    names = [signatory(i) for i in range(500)]
    return ("Open letter against the closing of the library\n\n"
            "We, the undersigned, oppose the closing of the public library.\n\n"
            "Signed by:\n" + "\n".join(names) + "\n")


def long_line_with_spaces(size: int = 1 << 20) -> str:
    rng = random.Random(0)
    words = seed_words()
    out, n = [], 0
    while n < size:
        word = rng.choice(words)
        out.append(word)
        n += len(word) + 1
    return " ".join(out) + "\n"


def large(size: int = 2 << 20) -> str:
    rng = random.Random(1)
    pool = paragraphs()
    out, n = [], 0
    while n < size:
        para = rng.choice(pool)
        out.append(para)
        n += len(para.encode()) + 2
    return "\n\n".join(out) + "\n"


# name -> (text, expected: "built" or the reason of the refusal)
CASES = {
    "empty": ("", "empty file: nothing to edit"),
    "whitespace-only": (" \n\t\n   \n\u3000\n", "only whitespace"),
    "single-line": ("Just one line of text, and no line end", "built"),
    "no-blank-lines": ("\n".join(line for line in SEED.read_text("utf-8").splitlines()
                                 if line.strip()) + "\n", "built"),
    "only-exclamations": ("\n".join(SHOUTS * 40) + "\n", "built"),
    "signatories-500": (signatories_500(), "built"),
    "long-line-no-spaces": ("A" * (1 << 20) + "\n", "built"),
    "long-line-with-spaces": (long_line_with_spaces(), "built"),
    "long-run-of-blanks": ("Title\n\nword" + " " * (1 << 20) + "word (x" + " " * (1 << 18)
                           + "y\n", "built"),
    "long-run-of-exclamation-marks": ("Stop" + "!" * (1 << 20) + "x\n", "built"),
    "large-2mb": (None, "built"),
}


@pytest.fixture(scope="module")
def large_text() -> str:
    """About 2 MB of paragraphs of the seed and the corpus (the seed alone
    when the corpus is absent), in a fixed order."""
    return large()


def test_long_line_of_mojibake_is_built(tmp_path: Path, validator) -> None:
    """Mojibake on one long line is repaired in reasonable time."""
    source = tmp_path / "mojibake.txt"
    source.write_text("Title\n\n" + "\u00e2\u20ac\u0153word text \u00d0\u00bc\u00d0\u00b8\u00d1\u20ac "
                      * 1000 + "\n", encoding="utf-8")
    result = build(source, tmp_path / "out", timeout=120)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert_valid_tei(tmp_path / "out" / "mojibake.tei.xml", validator)
    tei = etree.parse(str(tmp_path / "out" / "mojibake.tei.xml"))
    regs = tei.xpath("//t:choice/t:reg/text()", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert regs.count("“") == 1000 and regs.count("мир") == 1000, "each word repaired"


@pytest.mark.parametrize("name", list(CASES), ids=list(CASES))
def test_shape_is_built_or_refused(tmp_path: Path, validator, large_text, name: str) -> None:
    text, expected = CASES[name]
    source = tmp_path / f"{name}.txt"
    source.write_text(large_text if text is None else text, encoding="utf-8")
    out = tmp_path / "out"
    result = build(source, out, timeout=600)
    assert_no_traceback(result)
    if expected != "built":
        assert_refused(result, source, 3, expected)
        assert not (out / f"{name}.tei.xml").exists()
        return
    assert result.returncode == 0, result.stderr
    tree = assert_valid_tei(out / f"{name}.tei.xml", validator)
    assert (out / f"{name}.epub").is_file()
    body = "".join(tree.xpath("//tei:text//text()", namespaces=TEI))
    if name == "signatories-500":
        items = tree.xpath("//tei:list[@type='signatories']/tei:item", namespaces=TEI)
        assert len(items) == 500
        assert len(tree.xpath("//tei:list[@type='signatories']/tei:item[tei:persName]",
                              namespaces=TEI)) == 500
        assert items[-1].xpath("string(tei:persName)", namespaces=TEI) == signatory(499)
    elif name == "only-exclamations":
        assert len(tree.xpath("//tei:text//tei:ab[@type='slogan']", namespaces=TEI)) >= 200
    elif name == "long-line-no-spaces":
        assert "A" * (1 << 20) in body
    elif name == "single-line":
        assert "Just one line of text" in body
