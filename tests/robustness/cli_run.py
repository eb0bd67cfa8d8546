"""Running ``edition`` as a separate process, as a user does, with a time
limit (so a hang fails the test instead of stalling it), and checking its
outcome: built with a valid TEI, or refused with one clear line."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

from lxml import etree

from edition.validate import Validator
from tests.paths import REPO

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
EPOCH = "1700000000"


def env() -> dict[str, str]:
    """The environment of a run: this checkout first on the path, a fixed
    SOURCE_DATE_EPOCH (same input, same bytes)."""
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), e.get("PYTHONPATH", "")) if p)
    e["SOURCE_DATE_EPOCH"] = EPOCH
    return e


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "edition", *(str(a) for a in args)]


@functools.cache
def build_options() -> tuple[str, ...]:
    """``--no-pdf`` when the build has it: typesetting is not under test
    here, and would only make the large cases slow."""
    done = subprocess.run(command("build", "--help"), capture_output=True, text=True,
                          env=env(), cwd=REPO, timeout=120, check=False)
    return ("--no-pdf",) if "--no-pdf" in done.stdout else ()


def edition(*args: str | Path, cwd: Path | None = None,
            timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run ``python -m edition ARGS``; a run longer than ``timeout`` fails."""
    return subprocess.run(command(*args), capture_output=True, text=True, env=env(),
                          cwd=cwd or REPO, timeout=timeout, check=False)


def build(source: Path, out: Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return edition("build", source, "-o", out, *build_options(), timeout=timeout)


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def assert_refused(result: subprocess.CompletedProcess[str], path: Path | str,
                   status: int, reason: str = "") -> str:
    """Refused with ``status`` and exactly one error line, which names the
    file first; returns that line."""
    assert_no_traceback(result)
    assert result.returncode == status, result.stderr
    lines = error_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path}:"), lines[0]
    assert reason in lines[0]
    return lines[0]


def assert_valid_tei(path: Path, validator: Validator) -> etree._ElementTree:
    """The file exists, parses and passes the project's schemas."""
    assert path.is_file(), f"{path} was not written"
    problems = validator.check_file(path)
    assert problems == [], [str(p) for p in problems[:5]]
    return etree.parse(str(path))


def leftovers(folder: Path) -> list[str]:
    """Temporary files an interrupted write would leave (``.NAME.*.part``)."""
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".part"))
