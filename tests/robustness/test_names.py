"""Source names that are awkward in paths and shells, and titles that look
like paths: outputs always land in the output folder, named after the
source file's stem, never steered by the text or its metadata."""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.paths import SEED
from tests.robustness.cli_run import TEI, assert_no_traceback, build_options, edition

NAMES = {
    "spaces": "open letter 2014.txt",
    "cyrillic": "заявление 2014.txt",
    "greek-and-accents": "δήλωση é à ü.txt",
    "cjk": "声明.txt",
    "leading-dash": "-rf.txt",
    "leading-double-dash": "--output=elsewhere.txt",
    "semicolon": "a;rm -rf b.txt",
    "quote": "l'appel.txt",
    "double-quote": 'say "no".txt',
    "dollar": "$HOME $(id).txt",
    "backtick": "`id`.txt",
    "glob": "*?[a].txt",
    "ampersand-pipe": "a & b | c.txt",
    "newline-free-control": "tab\there.txt",
    "several-dots": "v1.2.final.txt",
}


def _all_files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("how", ["folder", "file"])
@pytest.mark.parametrize("key", list(NAMES), ids=list(NAMES))
def test_awkward_source_names(tmp_path: Path, validator, key: str, how: str) -> None:
    name = NAMES[key]
    src = tmp_path / "src"
    src.mkdir()
    source = src / name
    source.write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    # A file is passed after "--", so a name starting with "-" is not an option.
    args = [src] if how == "folder" else ["--", source]
    result = edition("build", "-o", out, *build_options(), *args, cwd=tmp_path)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    stem = name.removesuffix(".txt")
    tei = out / f"{stem}.tei.xml"
    assert {f"{stem}.tei.xml", f"{stem}.epub"} <= _all_files(out)
    assert all(f.startswith(stem + ".") or f in ("schemas/edition.rng", "schemas/edition.sch",
                                                 "edition-manifest.json")
               for f in _all_files(out))
    assert _all_files(tmp_path) == {f"src/{name}"} | {f"out/{f}" for f in _all_files(out)}
    assert validator.check_file(tei) == []
    tree = etree.parse(str(tei))
    assert tree.xpath("string(//tei:idno[@type='filename'])", namespaces=TEI) == name


def test_leading_dash_without_separator_is_a_usage_error(tmp_path: Path) -> None:
    """Given bare, "-rf.txt" reads as an option: a usage error (2), not a build."""
    (tmp_path / "-rf.txt").write_bytes(SEED.read_bytes())
    result = edition("build", "-o", "out", "-rf.txt", cwd=tmp_path)
    assert_no_traceback(result)
    assert result.returncode == 2
    assert not (tmp_path / "out").exists()


TITLES = {
    "dotdot-passwd": "../../etc/passwd",
    "absolute": "/tmp/evil-{token}",
    "dotdot-deep": "../../../../../../tmp/evil-{token}",
    "backslashes": "..\\..\\evil-{token}",
    "home": "~/evil-{token}",
}


@pytest.mark.parametrize("where", ["text", "sidecar"])
@pytest.mark.parametrize("key", list(TITLES), ids=list(TITLES))
def test_title_never_steers_the_output(tmp_path: Path, validator, key: str, where: str) -> None:
    token = uuid.uuid4().hex
    title = TITLES[key].format(token=token)
    work = tmp_path / "a" / "b" / "c"
    work.mkdir(parents=True)
    source = work / "innocent.txt"
    body = SEED.read_text("utf-8")
    if where == "text":
        source.write_text(f"{title}\n\n{body}", encoding="utf-8")
    else:
        source.write_text(body, encoding="utf-8")
        (work / "innocent.json").write_text(json.dumps({"title": title}), encoding="utf-8")
    out = work / "out"
    result = edition("build", "-o", out, *build_options(), source, cwd=work)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    files = _all_files(tmp_path)
    expected_inputs = {"a/b/c/innocent.txt"} | ({"a/b/c/innocent.json"} if where == "sidecar"
                                                 else set())
    outputs = files - expected_inputs
    assert outputs and all(f.startswith(("a/b/c/out/innocent.", "a/b/c/out/schemas/"))
                           or f == "a/b/c/out/edition-manifest.json" for f in outputs), files
    assert not list(Path("/tmp").glob(f"evil-{token}*"))
    assert not list(Path.home().glob(f"evil-{token}*"))
    tei = out / "innocent.tei.xml"
    assert validator.check_file(tei) == []
    tree = etree.parse(str(tei))
    place = "//tei:text" if where == "text" else "//tei:titleStmt/tei:title"
    kept = "".join(tree.xpath(f"{place}//text()", namespaces=TEI))
    assert title in kept  # kept as text, where it belongs
    with zipfile.ZipFile(out / "innocent.epub") as book:
        for member in book.namelist():
            assert ".." not in member.split("/") and not member.startswith("/"), member
            assert token not in member
