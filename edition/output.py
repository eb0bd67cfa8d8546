"""Writing output files so that a reader never sees half of one.

Bytes go to a temporary file in the target folder, which is then renamed
over the target: an interrupted build leaves the old file or the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from edition.errors import OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename.

    :raises OutputError: the folder cannot be made or the file written.
    """
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
