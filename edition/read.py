"""Stage 1, read: bytes on disk to a decoded ``Source``.

UTF-8 with or without a byte-order mark is accepted; anything else is refused
with the byte offset of the first undecodable byte, so the user can find it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from edition.errors import InputError
from edition.model import Source

_BOM = b"\xef\xbb\xbf"


def read_source(path: Path, display: str | None = None) -> Source:
    """Read and decode one source file.

    :raises InputError: the file is missing, unreadable, binary or not UTF-8.
    """
    shown = display or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path=shown) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a text file", path=shown) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=shown) from None
    return decode_source(data, path=shown, filename=path.name)


def decode_source(data: bytes, *, path: str, filename: str) -> Source:
    """Decode bytes already in memory (used by read_source and by tests)."""
    encoding = "utf-8"
    body = data
    if data.startswith(_BOM):
        encoding, body = "utf-8-sig", data[len(_BOM):]
    if b"\x00" in body:
        offset = body.index(b"\x00") + (len(data) - len(body))
        raise InputError(f"binary file (NUL byte at byte offset {offset}), not a text", path=path)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (len(data) - len(body))
        raise InputError(
            f"not valid UTF-8 at byte offset {offset} (byte 0x{body[exc.start]:02x})", path=path
        ) from None
    if not text.strip():
        raise InputError("empty file: nothing to edit" if not text else
                         "file holds only whitespace: nothing to edit", path=path)
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    return Source(
        path=path,
        name=stem,
        filename=filename,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        text=text,
    )
