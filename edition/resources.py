"""Where the project's bundled data files live.

Every other module asks here instead of building paths of its own, so the
same code works from a checkout and from an installed wheel.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def schemas_dir() -> Path:
    """The folder holding the project's schemas.

    :returns: ``edition/schemas`` inside the installed package when the wheel
        bundled it there, else the top-level ``schemas/`` of the repository.
    """
    bundled = _PACKAGE / "schemas"
    if bundled.is_dir():
        return bundled
    return _PACKAGE.parent / "schemas"
