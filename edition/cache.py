"""The user's cache folder: things costly to make and safe to remake.

Kept in ``$XDG_CACHE_HOME/edition`` (else ``~/.cache/edition``);
``EDITION_CACHE`` names another folder, and ``EDITION_CACHE=`` (empty) turns
caching off.  Nothing kept here is needed: every entry is named by a hash of
all it was made from, is read back only after a check that it is whole, and
is made again when missing, damaged or unwritable, so a build gives the same
bytes with or without the cache.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def cache_folder() -> Path | None:
    """The cache folder, or None when caching is off."""
    chosen = os.environ.get("EDITION_CACHE")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "edition"


def keep(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (a reader never meets a
    half-written entry); a cache that cannot be written is done without."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".entry-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def recall(path: Path) -> bytes | None:
    """The bytes kept at ``path``, or None when there are none to read."""
    try:
        return path.read_bytes()
    except OSError:
        return None
