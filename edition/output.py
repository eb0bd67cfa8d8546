"""Writing output files so that a reader never sees half of one.

Bytes go to a temporary file in the target folder, which is then renamed
over the target: an interrupted build leaves the old file or the new one.
The new file gets the permissions any new file would get (the umask), not
the private ones of a temporary file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from edition.errors import OutputError


def _umask() -> int:
    """The process's umask (read by setting it, then restoring it at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename.

    :raises OutputError: the folder cannot be made or the file written.
    """
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
