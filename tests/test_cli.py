"""The command line: each stage's subcommand, and bad input at each stage."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from edition.cli import cli
from edition.render import pdf
from edition.resources import schemas_dir
from tests.paths import SEED


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_read_prints_text_and_encoding(run) -> None:
    result = run("read", SEED)
    assert result.exit_code == 0
    assert result.stdout.startswith("Statement of communist")
    assert "utf-8, sha256 " in result.stderr


def test_normalize_diff(run) -> None:
    result = run("normalize", SEED, "--diff")
    assert result.exit_code == 0
    assert "space-before-punctuation" in result.stdout
    plus = [ln for ln in result.stdout.splitlines() if ln.startswith("+") and "financial" in ln]
    minus = [ln for ln in result.stdout.splitlines() if ln.startswith("-") and "financial" in ln]
    assert "financial benefit, and \u2013 in the case" in plus[0]
    assert "financial benefit , and \u2013 in the case" in minus[0]
    assert "#   7:349 space-before-punctuation: ' ,' \u2192 ','" in result.stdout


def test_explain_text_and_json(run) -> None:
    text = run("explain", SEED)
    assert text.exit_code == 0
    assert "signatories-lead" in text.stdout and "opening-title" in text.stdout
    data = json.loads(run("explain", SEED, "--format", "json").stdout)
    schema = json.loads((schemas_dir() / "explain.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert [u["kind"] for u in data["units"]] == ["text", "figure", "text"]
    assert data == json.loads(run("segment", SEED).stdout)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n", "file holds only whitespace"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (NUL byte at byte offset 8)"),
    # Latin-1 is read now (tests/robustness/test_encodings.py); capitals in
    # Windows-1251 read as lower case in KOI8-R, so this stays undecidable.
    ("cyrillic.txt", "ВСЕ НА ВЫБОРЫ\n".encode("cp1251"), "not valid UTF-8 at byte offset 0 (byte 0xc2)"),
], ids=["empty", "whitespace", "binary", "undecodable"])
@pytest.mark.parametrize("command", ["read", "normalize", "explain", "tei", "build"])
def test_bad_source_is_one_line_error(run, tmp_path, command, name, data, message) -> None:
    path = write(tmp_path, name, data)
    args = [command, path] + (["-o", tmp_path / "out"] if command == "build" else [])
    result = run(*args)
    assert result.exit_code == 3
    [line] = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert line == f"error: {path}: {message}" or line.startswith(f"error: {path}: {message}")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_missing_file(run, tmp_path) -> None:
    result = run("explain", tmp_path / "nope.txt")
    assert result.exit_code == 3
    assert "nope.txt: no such file" in result.stderr


def test_debug_shows_traceback(tmp_path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    with pytest.raises(Exception, match="empty file"):
        CliRunner().invoke(cli, ["--debug", "read", str(path)], catch_exceptions=False)


def test_build_batch_goes_on_after_a_failure(run, tmp_path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a_good.txt").write_bytes(SEED.read_bytes())
    (src / "b_bad.txt").write_bytes(b"\xff\xfe\x00bad")
    (src / "c_good.txt").write_text("A title\n\nA paragraph of text that says something.\n",
                                    encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", src, "-o", out)
    assert result.exit_code == 1
    kinds = [".epub", ".html", ".tei.xml"] + ([".pdf"] if pdf.available() else [])
    assert sorted(p.name for p in out.iterdir()) == sorted([*(f"{stem}{kind}" for stem in ("a_good", "c_good")
                                                             for kind in kinds), "schemas",
                                                            "edition-manifest.json"])
    assert "b_bad.txt" in result.stderr
    assert "built 2 of 3 source(s)" in result.stderr


def test_validate_reports_file_and_line(run, tmp_path) -> None:
    out = tmp_path / "x.tei.xml"
    assert run("tei", SEED, "-o", out).exit_code == 0
    assert run("validate", out).exit_code == 0
    broken = out.read_text("utf-8").replace("<p ", "<p><p ", 1)
    bad = write(tmp_path, "bad.xml", broken.encode())
    result = run("validate", bad)
    assert result.exit_code == 6
    assert f"{bad}:" in result.stderr


def test_validate_refuses_external_entity(run, tmp_path) -> None:
    secret = write(tmp_path, "secret.txt", b"TOP-SECRET")
    hostile = write(tmp_path, "hostile.xml", (
        f'<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&x;</p></body></text></TEI>\n'
    ).encode())
    result = run("validate", hostile)
    assert result.exit_code == 6
    assert "hostile.xml" in result.stderr
    assert "TOP-SECRET" not in result.stdout + result.stderr


def test_sidecar_metadata_reaches_the_header(run, tmp_path) -> None:
    src = tmp_path / "s.txt"
    src.write_bytes(SEED.read_bytes())
    (tmp_path / "s.json").write_text(json.dumps({
        "title": "Two statements", "authors": [{"name": "Jane Roe", "type": "person"}],
        "date": "2014-03-08", "language": "en", "licence": "CC BY 4.0"}), encoding="utf-8")
    out = tmp_path / "s.tei.xml"
    assert run("tei", src, "-o", out).exit_code == 0
    from lxml import etree
    tree = etree.parse(str(out))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert tree.xpath("string(//t:titleStmt/t:title)", namespaces=ns) == "Two statements"
    assert tree.xpath("string(//t:titleStmt/t:author/t:persName)", namespaces=ns) == "Jane Roe"
    assert tree.xpath("string(//t:licence)", namespaces=ns) == "CC BY 4.0"
    (tmp_path / "s.json").write_text('{"date": "March 2014"}', encoding="utf-8")
    result = run("tei", src, "-o", tmp_path / "t.tei.xml")
    assert result.exit_code == 4
    assert "s.json: $.date:" in result.stderr
    assert not (tmp_path / "t.tei.xml").exists()


def test_check_reports_on_a_build_folder(run, tmp_path) -> None:
    from tests.paths import REPO
    result = run("check", REPO / "build")
    assert result.exit_code == 0, result.output
    assert "PASS" in result.stdout and "[EPUBCheck 5." in result.stdout
    assert "0 fatal, 0 error, 0 warning" in result.stdout
    assert "[Ace 1.4.6] 0 violation(s) (no violation)" in result.stdout
    bad = tmp_path / "b"
    bad.mkdir()
    (bad / "x.epub").write_bytes(b"not a zip")
    (bad / "x.tei.xml").write_bytes(b"<TEI>")
    result = run("check", bad)
    assert result.exit_code == 1
    assert "FAIL" in result.stdout and "PKG-" in result.stdout
    assert "[Ace] not checked: Ace could not read the book" in result.stdout


def test_epub_refuses_invalid_tei(run, tmp_path) -> None:
    bad = write(tmp_path, "nottei.xml", b"<a/>\n")
    result = run("epub", bad, "-o", tmp_path / "x.epub")
    assert result.exit_code == 7
    assert f"{bad}:1:" in result.stderr
    assert not (tmp_path / "x.epub").exists()
