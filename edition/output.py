"""Writing output files so that a reader never sees half of one.

Bytes go to a temporary file in the target folder, which is then renamed
over the target: an interrupted build leaves the old file or the new one.
The new file gets the permissions any new file would get (the umask), not
the private ones of a temporary file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from edition.errors import OutputError

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _temp_name(path: Path) -> str:
    """A fresh name ``.NAME.RANDOM.part`` beside ``path``."""
    return str(path.parent / f".{path.name}.{secrets.token_hex(6)}.part")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename.

    Whatever stops the write (a full disk, an interruption: any exception,
    ``KeyboardInterrupt`` included) removes the temporary file and leaves
    ``path`` as it was.

    :raises OutputError: the folder cannot be made or the file written.
    """
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The name is known before the file exists, so an interruption at
        # any point still finds the file to remove.
        while True:
            tmp = _temp_name(path)
            try:
                # 0o666 less the umask: the permissions any new file gets.
                fd = os.open(tmp, _FLAGS, 0o666)
                break
            except FileExistsError:
                tmp = ""
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        tmp = ""
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def write_if_changed(path: Path, data: bytes) -> None:
    """``write_atomic``, unless ``path`` already holds ``data`` (then it is not touched)."""
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    write_atomic(path, data)
