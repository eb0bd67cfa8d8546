"""Rewrite an EPUB's zip so the same book always gives the same bytes.

ebooklib stamps every entry with the clock; here every entry gets one
fixed timestamp, ``mimetype`` comes first and stored (the OCF rule), and
the other entries follow in name order, images stored and the rest
deflated.  ebooklib is asked not to compress (level 0), since every entry
is compressed once here.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from datetime import datetime

STORED_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp")


def reproducible_zip(data: bytes, when: datetime,
                     edits: Mapping[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The zip ``data`` with fixed order, timestamps and attributes; each
    entry named in ``edits`` is replaced by what its function makes of it."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    for name, edit in (edits or {}).items():
        entries[name] = edit(entries[name])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        names = ["mimetype"] + sorted(n for n in entries if n != "mimetype")
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            # An image is compressed already: deflating it again costs time and gains nothing.
            stored = name == "mimetype" or name.endswith(STORED_SUFFIXES)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, entries[name], compresslevel=9)
    return out.getvalue()
