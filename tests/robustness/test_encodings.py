"""Stage 1, read: every encoding editors really have, decided as documented
(BOM, then strict UTF-8, then detection among the legacy encodings, or
--encoding), recorded in the teiHeader; refused with a hint when unsure."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from edition.cli import cli
from edition.errors import InputError
from edition.pipeline import load_document, tei_bytes
from tests.paths import SEED

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SEED_TEXT = SEED.read_text("utf-8")
# The seed's only characters outside ASCII and Latin-1 are typographic.
SEED_LATIN1 = SEED_TEXT.translate({0x2013: "-", 0x2019: "'", 0x201C: '"', 0x201D: '"'})
RUSSIAN = (
    "Заявление коммунистических и рабочих партий\n\n"
    "Мы, нижеподписавшиеся, решительно осуждаем преследование профсоюзных активистов "
    "и требуем немедленно освободить всех задержанных на прошлой неделе.\n\n"
    "Право на забастовку и на свободу собраний закреплено в конституции, и никто не вправе "
    "его отменять. Мы призываем трудящихся всех стран выразить солидарность.\n\n"
    "Москва, 1 мая 2020 года\n"
)
GERMAN = ("Erklärung der Gewerkschaften\n\nWir fordern höhere Löhne für alle Beschäftigten "
          "und die sofortige Rücknahme der Kürzungen. Grüße an die Kolleginnen in München!\n")
AMBIGUOUS = "ВСЕ НА ВЫБОРЫ\n"  # capitals in cp1251 read as plausible lower case in KOI8-R


def build(tmp_path: Path, data: bytes, validator, encoding: str | None = None):
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    document = load_document(path, encoding)
    tree = etree.fromstring(tei_bytes(document, validator))
    return document, tree


def recorded(tree) -> tuple[str, str | None]:
    [idno] = tree.xpath("//t:sourceDesc/t:bibl/t:idno[@type='encoding']", namespaces=NS)
    return idno.text, idno.get("subtype")


def body_text(tree) -> str:
    return " ".join("".join(tree.xpath("//t:body//text()[not(ancestor::t:orig)]", namespaces=NS)).split())


ACCEPTED = [
    # id, bytes, text it must give, recorded encoding, recorded basis
    ("seed-utf-8", SEED_TEXT.encode("utf-8"), SEED_TEXT, "utf-8", None),
    ("seed-utf-8-bom", b"\xef\xbb\xbf" + SEED_TEXT.encode("utf-8"), SEED_TEXT, "utf-8-sig", "bom"),
    ("seed-utf-16-le-bom", b"\xff\xfe" + SEED_TEXT.encode("utf-16-le"), SEED_TEXT, "utf-16-le", "bom"),
    ("seed-utf-16-be-bom", b"\xfe\xff" + SEED_TEXT.encode("utf-16-be"), SEED_TEXT, "utf-16-be", "bom"),
    ("seed-cp1252", SEED_TEXT.encode("cp1252"), SEED_TEXT, "cp1252", "detected"),
    # Latin-1 bytes that Windows-1252 reads alike are recorded as cp1252.
    ("seed-latin-1", SEED_LATIN1.encode("latin-1"), SEED_LATIN1, "cp1252", "detected"),
    ("german-latin-1", GERMAN.encode("latin-1"), GERMAN, "cp1252", "detected"),
    ("russian-utf-8", RUSSIAN.encode("utf-8"), RUSSIAN, "utf-8", None),
    ("russian-cp1251", RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251", "detected"),
    ("russian-koi8-r", RUSSIAN.encode("koi8-r"), RUSSIAN, "koi8-r", "detected"),
    ("russian-utf-16-le-bom", b"\xff\xfe" + RUSSIAN.encode("utf-16-le"), RUSSIAN, "utf-16-le", "bom"),
]


@pytest.mark.parametrize(("data", "text", "encoding", "basis"), [c[1:] for c in ACCEPTED],
                         ids=[c[0] for c in ACCEPTED])
def test_encoding_is_decided_and_recorded(tmp_path, validator, data, text, encoding, basis) -> None:
    document, tree = build(tmp_path, data, validator)
    assert document.source.text == text
    assert document.source.encoding == encoding
    assert document.source.encoding_basis == (basis or "utf-8")
    assert recorded(tree) == (encoding, basis)
    assert validator.check(tree, "s.tei.xml") == []
    # The words reach the TEI decoded right.
    assert text.splitlines()[0][:25] in body_text(tree)


def test_latin_1_only_when_windows_1252_cannot_read_it(tmp_path, validator) -> None:
    # 0x81 is undefined in Windows-1252: only Latin-1 reads these bytes.
    data = GERMAN.encode("latin-1") + b"Ende\x81.\n"
    document, _tree = build(tmp_path, data, validator)
    assert (document.source.encoding, document.source.encoding_basis) == ("iso8859-1", "detected")
    # The C1 control it gives is noise, removed as a recorded intervention
    # that takes in the letter before it, so the TEI keeps it in orig.
    assert [(i.orig, i.reg) for i in document.normalized.interventions
            if i.rule == "control-character"] == [("e\x81", "e")]


@pytest.mark.parametrize(("declared", "data", "text", "recorded_as"), [
    ("koi8-r", AMBIGUOUS.encode("koi8-r"), AMBIGUOUS, "koi8-r"),
    ("cp1251", AMBIGUOUS.encode("cp1251"), AMBIGUOUS, "cp1251"),
    ("latin-1", GERMAN.encode("latin-1"), GERMAN, "iso8859-1"),
    ("KOI8_R", RUSSIAN.encode("koi8-r"), RUSSIAN, "koi8-r"),
    # Declared UTF-8 over a BOM: the BOM is not read as text.
    ("utf-8", b"\xef\xbb\xbf" + RUSSIAN.encode(), RUSSIAN, "utf-8-sig"),
    # Declared wins over detection: these cp1251 bytes read as KOI8-R give another text.
    ("koi8-r", RUSSIAN.encode("cp1251"), RUSSIAN.encode("cp1251").decode("koi8-r"), "koi8-r"),
], ids=["ambiguous-as-koi8-r", "ambiguous-as-cp1251", "latin-1-declared", "codec-alias",
        "utf-8-declared-over-bom", "declared-overrides-detection"])
def test_declared_encoding_overrides_detection(tmp_path, validator, declared, data, text,
                                               recorded_as) -> None:
    document, tree = build(tmp_path, data, validator, encoding=declared)
    assert document.source.text == text
    assert recorded(tree) == (recorded_as, "declared")
    assert validator.check(tree, "s.tei.xml") == []


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def one_error(result) -> str:
    [line] = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    return line


REFUSED = [
    # id, bytes, --encoding, what the one-line message must say
    ("short-cyrillic-ambiguous", AMBIGUOUS.encode("cp1251"), None,
     ["not valid UTF-8 at byte offset 0 (byte 0xc2)", "cp1251 or koi8-r", "pass --encoding NAME"]),
    ("short-cyrillic-ambiguous-koi8", AMBIGUOUS.encode("koi8-r"), None,
     ["uncertain", "koi8-r", "cp1251", "pass --encoding NAME"]),
    ("utf-8-with-one-bad-byte", RUSSIAN.encode()[:18] + b"\xff" + RUSSIAN.encode()[18:], None,
     ["not valid UTF-8 at byte offset 18 (byte 0xff), though the rest is UTF-8"]),
    ("unknown-codec", RUSSIAN.encode(), "no-such-codec",
     ["unknown encoding 'no-such-codec' (--encoding)"]),
    ("not-a-text-codec", RUSSIAN.encode(), "rot13", ["unknown encoding 'rot13' (--encoding)"]),
    ("bytes-not-in-declared", RUSSIAN.encode("cp1251"), "utf-8",
     ["not valid utf-8 at byte offset 0 (byte 0xc7), as --encoding says"]),
    ("undefined-byte-in-declared-cp1252", b"ok \x81 no\n", "cp1252",
     ["not valid cp1252 at byte offset 3 (byte 0x81)"]),
    ("utf-16-unpaired-surrogate", b"\xff\xfe" + "ok ".encode("utf-16-le") + b"\x00\xd8" + b"a\x00",
     None, ["not valid UTF-16 at byte offset 8 (byte 0x00) after a UTF-16 byte-order mark"]),
    ("utf-16-bom-on-binary", b"\xff\xfe\x00bad", None, ["binary file (UTF-16 byte-order mark"]),
    ("nul-byte", b"text\x00more", None, ["binary file (NUL byte at byte offset 4), not a text"]),
    ("nul-byte-declared", b"text\x00more", "cp1251", ["binary file (NUL byte at byte offset 4)"]),
    ("empty-after-bom", b"\xef\xbb\xbf", None, ["empty file: nothing to edit"]),
    ("whitespace-in-utf-16", b"\xff\xfe" + " \r\n\t".encode("utf-16-le"), None,
     ["file holds only whitespace: nothing to edit"]),
]


@pytest.mark.parametrize(("data", "declared", "wanted"), [c[1:] for c in REFUSED],
                         ids=[c[0] for c in REFUSED])
@pytest.mark.parametrize("command", ["read", "normalize", "explain", "segment", "tei", "build"])
def test_refusals_are_one_line_with_exit_3(tmp_path, command, data, declared, wanted) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    args: list[object] = [command, path]
    if declared:
        args += ["--encoding", declared]
    if command == "build":
        args += ["-o", tmp_path / "out"]
    result = run(*args)
    assert result.exit_code == 3, result.output
    line = one_error(result)
    assert line.startswith(f"error: {path}: ")
    for part in wanted:
        assert part in line
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_library_refusal_is_input_error(tmp_path, validator) -> None:
    with pytest.raises(InputError, match=r"cp1251 or koi8-r read it as different texts; pass --encoding NAME"):
        build(tmp_path, AMBIGUOUS.encode("cp1251"), validator)


@pytest.mark.parametrize("command", ["read", "normalize", "explain", "segment", "tei"])
def test_cli_encoding_option_is_threaded(tmp_path, command) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(AMBIGUOUS.encode("koi8-r"))
    result = run(command, path, "--encoding", "koi8-r")
    assert result.exit_code == 0, result.output
    out = result.stdout
    if command == "tei":
        tree = etree.fromstring(result.stdout_bytes)
        assert recorded(tree) == ("koi8-r", "declared")
        out = body_text(tree)
    if command == "read":
        assert "koi8-r (declared), sha256 " in result.stderr
    assert "ВЫБОРЫ" in out


def test_build_with_encoding_writes_outputs(tmp_path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(AMBIGUOUS.encode("cp1251"))
    out = tmp_path / "out"
    assert run("build", path, "-o", out).exit_code == 3
    result = run("build", path, "-o", out, "--encoding", "cp1251", "--no-pdf")
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(out / "s.tei.xml"))
    assert recorded(tree) == ("cp1251", "declared")


def test_read_reports_detected_encoding(tmp_path) -> None:
    path = tmp_path / "s.txt"
    path.write_bytes(RUSSIAN.encode("koi8-r"))
    result = run("read", path)
    assert result.exit_code == 0
    assert f"{path}: koi8-r (detected), sha256 " in result.stderr
    assert result.stdout == RUSSIAN
