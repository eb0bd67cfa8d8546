"""Hand-edited TEI given to ``edition validate`` and ``edition epub``:
malformed, invalid, enormous or hostile.

Each is refused with ``FILE:LINE: reason`` and the exit status of its kind
(6 malformed or hostile XML, 7 invalid TEI), or, where refusal is not
warranted (a processing instruction pointing elsewhere), processed without
following it.  No file outside the input is read (a secret marker in a file
the TEI points at never shows up in any output or message) and no network
is touched (the URLs point at a local listening socket, which must accept no
connection).
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.paths import REPO
from tests.robustness.cli_run import assert_no_traceback, edition, error_lines

BASE = REPO / "build" / "000_4d9258613c24280d.tei.xml"
MARKER = "SECRET-MARKER-c41d9e"


@pytest.fixture(scope="module")
def base() -> str:
    """The built edition of the seed: valid to start with."""
    text = BASE.read_text("utf-8")
    assert "<body>" in text and "</TEI>" in text
    return text


@pytest.fixture()
def listener() -> Iterator[tuple[str, Callable[[], int]]]:
    """A TCP socket listening on 127.0.0.1: its base URL, and a function
    counting the connections it was offered."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.setblocking(False)

    def connections() -> int:
        count = 0
        while True:
            try:
                conn, _ = server.accept()
            except BlockingIOError:
                return count
            conn.close()
            count += 1

    try:
        yield f"http://127.0.0.1:{server.getsockname()[1]}", connections
    finally:
        server.close()


@pytest.fixture()
def secret(tmp_path: Path) -> Iterator[tuple[str, Callable[[], int]]]:
    """A file the hostile TEI points at: its URI, and a function counting
    the times anyone opened it.  It is a named pipe watched by a thread, so
    merely opening it is seen (and the opener is fed the secret marker)."""
    fifo = tmp_path / "secret.txt"
    os.mkfifo(fifo)
    opened: list[int] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            try:
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: no reader
                time.sleep(0.002)
                continue
            opened.append(1)
            try:
                os.write(fd, MARKER.encode() + b"\n")
            except OSError:
                pass
            os.close(fd)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield fifo.as_uri(), lambda: len(opened)
    finally:
        stop.set()
        thread.join()


def _after_body(text: str, insert: str) -> str:
    """Put ``insert`` at the start of the first paragraph."""
    return text.replace('<p xml:id="text1-p1">', '<p xml:id="text1-p1">' + insert, 1)


def _doctype(text: str, doctype: str) -> str:
    return text.replace("<TEI ", doctype + "\n<TEI ", 1)


def _line_of(text: str, needle: str) -> int:
    return text.count("\n", 0, text.index(needle)) + 1


def _deep(text: str, depth: int = 10_000) -> str:
    return _after_body(text, "<hi>" * depth + "deep" + "</hi>" * depth)


def _enormous(text: str, size: int = 30 << 20) -> str:
    """About ``size`` bytes: the body's text unit repeated, with fresh ids."""
    start, end = text.index('<div type="text"'), text.index("</body>")
    unit = text[start:end]
    copies = []
    for k in range(size // len(unit) + 1):
        copies.append(re.sub(r'xml:id="', f'xml:id="c{k}-', unit) if k else unit)
    return text[:start] + "".join(copies) + text[end:]


def _billion_laughs() -> str:
    lines = ['<!DOCTYPE TEI [', '<!ENTITY lol "lol">']
    for k in range(1, 10):
        prev = f"lol{k - 1}" if k > 1 else "lol"
        lines.append(f'<!ENTITY lol{k} "{("&" + prev + ";") * 10}">')
    return "\n".join(lines) + "\n]>"


# name -> (make(base, secret_uri, url) -> text, validate status, epub status,
#          reason in the message, line-finding needle or None)
Case = tuple[Callable[[str, str, str], str], int, int, str, "str | None"]
CASES: dict[str, Case] = {
    "malformed-truncated": (lambda t, s, u: t[: len(t) // 2], 6, 6, "not well-formed XML", None),
    "malformed-mismatched-tag": (lambda t, s, u: t.replace("</head>", "</p>", 1), 6, 6,
                                 "not well-formed XML", '<head xml:id="text1-head">'),
    "malformed-undefined-entity": (lambda t, s, u: _after_body(t, "&nbsp;"), 6, 6,
                                   "not well-formed XML", "&nbsp;"),
    "invalid-unknown-element": (lambda t, s, u: _after_body(t, "<blink>x</blink>"), 7, 7,
                                "Did not expect element", "<blink>"),
    # libxml2 reports a repeated xml:id while parsing: refused as malformed.
    "duplicate-xml-id": (lambda t, s, u: t.replace('xml:id="text1-p2"', 'xml:id="text1-p1"'),
                         6, 6, "ID text1-p1 already defined", 'xml:id="text1-p1">During'),
    "deeply-nested-10000": (lambda t, s, u: _deep(t), 6, 6, "not well-formed XML", "<hi>"),
    "huge-text-node-30mb": (lambda t, s, u: _after_body(t, "x" * (30 << 20)), 6, 6,
                            "not well-formed XML", None),
    "external-entity-file": (lambda t, s, u: _after_body(
        _doctype(t, f'<!DOCTYPE TEI [<!ENTITY secret SYSTEM "{s}">]>'), "&secret;"), 6, 6,
        "refused: the DOCTYPE declares entities", "<!DOCTYPE"),
    "external-entity-http": (lambda t, s, u: _after_body(
        _doctype(t, f'<!DOCTYPE TEI [<!ENTITY remote SYSTEM "{u}/entity">]>'), "&remote;"), 6, 6,
        "refused: the DOCTYPE declares entities", "<!DOCTYPE"),
    "parameter-entity-http": (lambda t, s, u: _doctype(
        t, f'<!DOCTYPE TEI [<!ENTITY % remote SYSTEM "{u}/pe.dtd"> %remote;]>'), 6, 6,
        "refused: the DOCTYPE declares entities", "<!DOCTYPE"),
    "billion-laughs": (lambda t, s, u: _after_body(_doctype(t, _billion_laughs()), "&lol9;"),
                       6, 6, "refused: the DOCTYPE declares entities", "<!DOCTYPE"),
    "external-dtd-http": (lambda t, s, u: _doctype(t, f'<!DOCTYPE TEI SYSTEM "{u}/tei.dtd">'),
                          6, 6, "refused: the DOCTYPE names an external DTD", "<!DOCTYPE"),
    "external-dtd-file": (lambda t, s, u: _doctype(
        t, f'<!DOCTYPE TEI PUBLIC "-//TEI//DTD TEI P5//EN" "{s}">'), 6, 6,
        "refused: the DOCTYPE names an external DTD", "<!DOCTYPE"),
    "xinclude-file": (lambda t, s, u: _after_body(
        t, f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{s}" parse="text"/>'),
        7, 7, "include", "<xi:include"),
    "xinclude-http": (lambda t, s, u: _after_body(
        t, f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{u}/x.xml"/>'),
        7, 7, "include", "<xi:include"),
    "xml-stylesheet-pi-file": (lambda t, s, u: t.replace(
        "<TEI ", f'<?xml-stylesheet type="text/xsl" href="{s}"?>\n<TEI ', 1), 0, 0, "", None),
    "xml-model-pi-http": (lambda t, s, u: t.replace(
        "<TEI ", f'<?xml-model href="{u}/evil.rng" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n<TEI ', 1), 0, 0, "", None),
    "unknown-pi-in-body": (lambda t, s, u: _after_body(t, f'<?fetch {u}/x {s}?>'), 0, 0, "",
                           None),
}


@pytest.mark.parametrize("command_name", ["validate", "epub", "html"])
@pytest.mark.parametrize("name", list(CASES), ids=list(CASES))
def test_hostile_tei(tmp_path: Path, base: str, listener, secret, name: str,
                     command_name: str) -> None:
    url, connections = listener
    secret_uri, secret_opened = secret
    make, validate_status, epub_status, reason, needle = CASES[name]
    text = make(base, secret_uri, url)
    tei = tmp_path / "work" / f"{name}.tei.xml"
    tei.parent.mkdir()
    tei.write_text(text, encoding="utf-8")
    out = tmp_path / "work" / f"{name}.{command_name}"

    if command_name == "validate":
        result = edition("validate", tei, timeout=300)
        status = validate_status
    else:  # epub and html render the same way and refuse the same files
        result = edition(command_name, tei, "-o", out, timeout=300)
        status = epub_status
    assert_no_traceback(result)
    assert result.returncode == status, result.stderr[-2000:]
    everything = result.stdout + result.stderr
    assert MARKER not in everything
    assert connections() == 0, "the network was touched"
    assert secret_opened() == 0, "a file outside the input was opened"
    if status == 0:
        if command_name == "validate":
            assert result.stdout.strip() == f"{tei}: valid"
        elif command_name == "html":
            page = out.read_bytes()
            assert MARKER.encode() not in page and url.encode() not in page
        else:
            with zipfile.ZipFile(out) as book:
                for member in book.namelist():
                    data = book.read(member)
                    assert MARKER.encode() not in data, member
                    assert url.encode() not in data or member.endswith(".opf"), member
        return
    assert not out.exists()
    lines = [line.removeprefix("error: ") for line in result.stderr.splitlines()
             if line.startswith((f"{tei}:", f"error: {tei}:"))]
    assert lines, result.stderr
    first = lines[0]
    assert re.match(rf"{re.escape(str(tei))}:\d+: ", first), first
    assert reason in first, first
    if needle is not None:
        assert first.startswith(f"{tei}:{_line_of(text, needle)}: "), first
    if command_name != "validate":
        assert len(error_lines(result.stderr)) == 1, result.stderr


@pytest.mark.parametrize("command_name", ["validate", "epub"])
def test_enormous_valid_tei_30mb(tmp_path: Path, base: str, command_name: str) -> None:
    """30 MB of valid TEI (the text unit repeated) is processed, not hung on."""
    tei = tmp_path / "enormous.tei.xml"
    tei.write_text(_enormous(base), encoding="utf-8")
    assert tei.stat().st_size >= 30 << 20
    if command_name == "validate":
        result = edition("validate", tei, timeout=600)
        assert result.returncode == 0, result.stderr[-2000:]
    else:
        out = tmp_path / "enormous.epub"
        result = edition("epub", tei, "-o", out, timeout=600)
        assert result.returncode == 0, result.stderr[-2000:]
        assert zipfile.is_zipfile(out)
        with zipfile.ZipFile(out) as book:
            assert len([n for n in book.namelist() if n.endswith(".xhtml")]) > 2000, "every unit rendered"
    assert_no_traceback(result)


def test_xinclude_is_never_followed_even_unvalidated(tmp_path: Path, base: str, listener,
                                                     secret) -> None:
    """With --no-validate the xi:include reaches the renderer: it is kept as
    an unknown element (reported), never expanded."""
    url, connections = listener
    secret_uri, secret_opened = secret
    tei = tmp_path / "x.tei.xml"
    tei.write_text(_after_body(base, (
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret_uri}" '
        f'parse="text"/><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
        f'href="{url}/x.xml"/>')), encoding="utf-8")
    out = tmp_path / "x.epub"
    result = edition("epub", tei, "-o", out, "--no-validate", timeout=300)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    assert MARKER not in result.stdout + result.stderr
    with zipfile.ZipFile(out) as book:
        assert all(MARKER.encode() not in book.read(m) for m in book.namelist())
    assert connections() == 0
    assert secret_opened() == 0
