"""Stage 1, read: bytes on disk to a decoded ``Source``.

The encoding is decided in this order, and how it was decided is kept in
``Source.encoding_basis`` (and in the teiHeader):

1. ``declared``: the user named it (``--encoding NAME``);
2. ``bom``: a byte-order mark (UTF-8, UTF-16 LE, UTF-16 BE);
3. ``utf-8``: the bytes are valid UTF-8;
4. ``detected``: charset-normalizer, restricted to the legacy encodings editors
   really have (Windows-1251, KOI8-R, Windows-1252, Latin-1).

When detection is unsure (no candidate fits, or two that read the bytes as
different texts score alike, as Windows-1251 and KOI8-R do on a short text in
capitals), the file is refused with the candidates and a hint to pass
``--encoding NAME``; a file that is mostly UTF-8 with a bad byte is refused
with the byte offset of that byte, never read as a legacy encoding.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from edition.errors import InputError
from edition.model import Source

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)

CANDIDATES = ("cp1251", "koi8_r", "cp1252", "latin_1")
"""Legacy encodings detection chooses among (Python codec names)."""

# Two readings whose charset-normalizer scores (mess and language coherence)
# are both this close cannot be told apart.
_CLOSE = 0.1

# A well-formed UTF-8 sequence of two or more bytes.
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")

_HINT = "pass --encoding NAME"


def read_source(path: Path, display: str | None = None, encoding: str | None = None) -> Source:
    """Read and decode one source file; ``encoding`` overrides detection.

    :raises InputError: the file is missing, unreadable, binary, empty, or its
        encoding is unknown or cannot be decided.
    """
    shown = display or str(path)
    return decode_source(read_bytes(path, shown), path=shown, filename=path.name, encoding=encoding)


def read_bytes(path: Path, shown: str) -> bytes:
    """The bytes of a source file, named ``shown`` in messages.

    :raises InputError: the file is missing, a folder, or unreadable.
    """
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=shown) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a text file", path=shown) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=shown) from None


def decode_source(data: bytes, *, path: str, filename: str, encoding: str | None = None) -> Source:
    """Decode bytes already in memory (used by read_source and by tests)."""
    if encoding is not None:
        text, name, basis, confidence = _declared(data, encoding, path)
    else:
        text, name, basis, confidence = _decide(data, path)
    if not text.strip():
        raise InputError("empty file: nothing to edit" if not text else
                         "file holds only whitespace: nothing to edit", path=path)
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    return Source(
        path=path,
        name=stem,
        filename=filename,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=name,
        text=text,
        encoding_basis=basis,
        encoding_confidence=confidence,
    )


def codec_name(encoding: str) -> str:
    """Python's canonical name of an encoding (``koi8_r`` -> ``koi8-r``).

    :raises LookupError: no such codec.
    """
    return codecs.lookup(encoding).name


def _declared(data: bytes, encoding: str, path: str) -> tuple[str, str, str, float | None]:
    try:
        name = codec_name(encoding)
        try:
            b"a".decode(name)  # refuses codecs that are not text encodings (rot13, base64)
        except UnicodeDecodeError:
            pass  # a text encoding that needs more than one byte (utf-16)
    except (LookupError, TypeError):
        raise InputError(f"unknown encoding {encoding!r} (--encoding): give a codec name such as "
                         "utf-8, cp1251, koi8-r, cp1252 or latin-1", path=path) from None
    skip = 0
    if name == "utf-8" and data.startswith(_BOMS[0][0]):
        name, skip = "utf-8-sig", len(_BOMS[0][0])
    if not name.startswith(("utf-16", "utf-32")):
        _refuse_nul(data, path)
    try:
        text = data[skip:].decode(name)
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        raise InputError(f"not valid {name} at byte offset {offset} (byte 0x{data[offset]:02x}), "
                         "as --encoding says", path=path) from None
    _refuse_decoded_nul(text, path)
    return text, name, "declared", None


def _decide(data: bytes, path: str) -> tuple[str, str, str, float | None]:
    for bom, name, label in _BOMS:
        if data.startswith(bom):
            return _with_bom(data, bom, name, label, path)
    _refuse_nul(data, path)
    try:
        return data.decode("utf-8"), "utf-8", "utf-8", None
    except UnicodeDecodeError as exc:
        offset = exc.start
    where = f"not valid UTF-8 at byte offset {offset} (byte 0x{data[offset]:02x})"
    if _mostly_utf8(data):
        raise InputError(f"{where}, though the rest is UTF-8; fix that byte, or {_HINT} "
                         "if the file is in another encoding", path=path)
    return _detect(data, where, path)


def _with_bom(data: bytes, bom: bytes, name: str, label: str,
              path: str) -> tuple[str, str, str, float | None]:
    body = data[len(bom):]
    if label == "UTF-8" and b"\x00" in body:
        _refuse_nul(data, path)
    try:
        text = body.decode(name)
    except UnicodeDecodeError as exc:
        offset = exc.start + len(bom)
        raise InputError(f"not valid {label} at byte offset {offset} (byte 0x{data[offset]:02x}) "
                         f"after a {label} byte-order mark", path=path) from None
    _refuse_decoded_nul(text, path)
    if label == "UTF-16" and text.strip() and not any(c.isspace() for c in text):
        # Two bytes FF FE or FE FF open many binary files too; a text has at
        # least one space or line end.
        raise InputError(f"binary file ({label} byte-order mark, but no space or line end in "
                         f"the text it gives); {_HINT} if it is a text", path=path)
    return text, name, "bom", None


def _refuse_nul(data: bytes, path: str) -> None:
    if b"\x00" in data:
        offset = data.index(b"\x00")
        raise InputError(f"binary file (NUL byte at byte offset {offset}), not a text", path=path)


def _refuse_decoded_nul(text: str, path: str) -> None:
    if "\x00" in text:
        raise InputError(f"binary file (NUL character at character {text.index(chr(0))}), "
                         "not a text", path=path)


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed multi-byte UTF-8 sequences than stray high bytes: a
    UTF-8 text with a few bad bytes, not a legacy encoding."""
    sequences = _UTF8_MULTI.findall(data)
    high = sum(1 for b in data if b >= 0x80)
    stray = high - sum(len(s) for s in sequences)
    return len(sequences) > stray


def _detect(data: bytes, where: str, path: str) -> tuple[str, str, str, float | None]:
    from charset_normalizer import from_bytes

    # One reading per distinct text: cp1252 and latin-1 (or cp1251) often
    # read the same bytes alike, and then the choice does not matter.
    readings: dict[str, _Reading] = {}
    for rank, match in enumerate(from_bytes(data, cp_isolation=list(CANDIDATES))):
        names = [e for e in (match.encoding, *match.could_be_from_charset) if e in CANDIDATES]
        if not names:
            continue
        text = str(match)
        if text in readings:
            readings[text].encodings.update(names)
        else:
            readings[text] = _Reading(text, set(names), match.chaos, match.coherence,
                                      _oddities(text), rank)
    if not readings:
        raise InputError(f"{where}, and no legacy encoding fits it ({_names(CANDIDATES)}); "
                         f"{_HINT}", path=path)
    ranked = sorted(readings.values(), key=lambda r: (r.oddities, r.rank))
    best = ranked[0]
    rivals = [r for r in ranked[1:] if r.oddities == best.oddities
              and abs(r.chaos - best.chaos) <= _CLOSE and abs(r.coherence - best.coherence) <= _CLOSE]
    if rivals:
        names = [_preferred(r) for r in (best, *rivals)]
        raise InputError(f"{where}, and its encoding is uncertain: {_names(names)} read it "
                         f"as different texts; {_HINT}", path=path)
    # Strict decoding with Python's codec is what is recorded and returned.
    name = codec_name(_preferred(best))
    text = data.decode(name)
    if text != best.text:  # pragma: no cover - charset-normalizer decodes the same way
        raise InputError(f"{where}, and {name} does not decode it cleanly; {_HINT}", path=path)
    return text, name, "detected", round(max(0.0, 1.0 - best.chaos), 2)


@dataclass
class _Reading:
    text: str
    encodings: set[str]
    chaos: float
    coherence: float
    oddities: int
    rank: int


_CYRILLIC = re.compile("[\u0400-\u04ff]")
_MIXED_WORD = re.compile("[a-zA-Z][\u0400-\u04ff]|[\u0400-\u04ff][a-zA-Z]")


def _oddities(text: str) -> int:
    """What a wrong reading shows: box-drawing and other symbols, control
    characters, unassigned code points, words mixing Latin and Cyrillic."""
    odd = sum(1 for c in text if ord(c) >= 0x80 and unicodedata.category(c) in _ODD_CATEGORIES)
    return odd + len(_MIXED_WORD.findall(text))


_ODD_CATEGORIES = frozenset({"So", "Sm", "Cc", "Co", "Cn"})


def _preferred(reading: _Reading) -> str:
    """Of the encodings that give the same text, the one to name: a Cyrillic
    one for a Cyrillic text, else Windows-1252 before Latin-1."""
    order = CANDIDATES if _CYRILLIC.search(reading.text) else ("cp1252", "latin_1", "cp1251", "koi8_r")
    return next(e for e in order if e in reading.encodings)


def _names(encodings: tuple[str, ...] | list[str]) -> str:
    return " or ".join(codec_name(e) for e in encodings)
