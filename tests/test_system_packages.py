"""Nothing passes only because this machine happens to have it.

scripts/system-packages.txt names the system packages edition uses; the
README's commands install them (scripts/system-packages.sh).  These tests
hold that list to what is really used: every system library and font that
typesetting a PDF maps into the process, and every program the checkers
start, must come from a listed package or from what the listed packages
depend on.  A package installed by hand that the list does not pull in
fails here, on the machine that has it, instead of on a user's that
does not.  On a system without dpkg they are skipped (failed on CI).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from edition.check import find_browser
from tests.paths import REPO

LIST = REPO / "scripts" / "system-packages.txt"


def listed() -> list[tuple[str, str, str]]:
    """(group, package, command) for every line of the list."""
    rows = []
    for line in LIST.read_text("utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            group, package, command = line.split()[:3]
            rows.append((group, package, command))
    return rows


@pytest.fixture(scope="module")
def dpkg() -> None:
    if shutil.which("dpkg-query") is None:
        if os.environ.get("CI"):
            pytest.fail("CI runs on Debian: dpkg-query is needed to check the system packages")
        pytest.skip("not a dpkg system: the system package list is checked on Debian/Ubuntu")


def installed_packages() -> dict[str, tuple[list[list[str]], list[str]]]:
    """Every installed package: its dependencies (groups of alternatives) and what it provides."""
    fields = "${Package}\t${db:Status-Status}\t${Depends}, ${Pre-Depends}\t${Provides}\n"
    out = subprocess.run(["dpkg-query", "-W", "-f", fields], check=True, capture_output=True, text=True).stdout
    packages = {}
    for line in out.splitlines():
        name, status, depends, provides = line.split("\t")
        if status != "installed":
            continue
        groups = [[re.sub(r"[:(].*", "", alt).strip() for alt in group.split("|")]
                  for group in depends.split(",") if group.strip()]
        packages[name] = (groups, [re.sub(r"[:(].*", "", p).strip() for p in provides.split(",") if p.strip()])
    return packages


def closure(roots: set[str]) -> set[str]:
    """``roots`` and every installed package they depend on, through alternatives and virtual packages."""
    packages = installed_packages()
    providers: dict[str, set[str]] = {}
    for name, (_deps, provides) in packages.items():
        for virtual in provides:
            providers.setdefault(virtual, set()).add(name)
    seen: set[str] = set()
    todo = [r for r in roots if r in packages]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for group in packages[name][0]:
            for alt in group:
                todo += [p for p in ({alt} & packages.keys()) | providers.get(alt, set()) if p not in seen]
    return seen


def owners(paths: list[str]) -> dict[str, str]:
    """The package owning each path dpkg knows (with or without the merged /usr prefix)."""
    found: dict[str, str] = {}
    for path in paths:
        for candidate in dict.fromkeys((path, os.path.realpath(path), re.sub(r"^/usr(?=/lib)", "", path))):
            done = subprocess.run(["dpkg-query", "-S", candidate], check=False, capture_output=True, text=True)
            if done.returncode == 0:
                found[path] = done.stdout.split(":")[0].split(",")[0].strip()
                break
    return found


def mapped_files(code: str) -> list[str]:
    """The files a Python process running ``code`` has mapped at its end."""
    script = code + "\nprint(open('/proc/self/maps').read())\n"
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True,
                         timeout=300, cwd=REPO).stdout
    return sorted({parts[-1] for line in out.splitlines() if len(parts := line.split()) >= 6
                   and parts[-1].startswith("/") and not parts[-1].startswith(sys.prefix)})


INTERPRETER = "import ctypes, hashlib, ssl, lzma, bz2, zlib, uuid, socket, unicodedata, pyexpat, lxml.etree"
"""What the interpreter and lxml load by themselves: the Python install's own business."""

TYPESET = """
from edition.render import pdf
html = open('build/000_4d9258613c24280d.html', 'rb').read()
pdf.typeset(html.replace(b'</main>', b'<p><i>italic</i> <b>bold</b> <b><i>both</i></b></p></main>'))
"""


def test_listed_packages_are_installed(dpkg) -> None:
    """What scripts/system-packages.sh would install is here (or the command that stands for it)."""
    packages = installed_packages()
    missing = [p for _g, p, command in listed()
               if p not in packages and (command == "-" or shutil.which(command) is None)]
    assert missing == []


def test_typesetting_uses_only_listed_packages(dpkg) -> None:
    """Every system library and font a PDF build maps comes from the list's closure."""
    allowed = closure({p for _g, p, _c in listed()})
    own = set(owners(mapped_files(INTERPRETER)).values())
    used = owners(mapped_files(TYPESET))
    assert any("fonts" in path for path in used), "no font was mapped: the check would see nothing"
    stray = {path: package for path, package in used.items() if package not in allowed | own}
    assert stray == {}, "used but neither listed in scripts/system-packages.txt nor pulled in by it"


def test_checkers_programs_come_from_listed_packages(dpkg) -> None:
    allowed = closure({p for _g, p, _c in listed()})
    programs = {name: shutil.which(name) for name in ("java", "jing", "node", "npm", "git")}
    programs["browser"] = find_browser()
    assert None not in programs.values(), programs
    found = owners([os.path.realpath(path) for path in programs.values() if path])
    stray = {path: package for path, package in found.items() if package not in allowed}
    assert stray == {}
    assert len(found) == len(programs), "a program no package owns: installed by hand"


def test_readme_commands_install_the_list() -> None:
    """Both README commands start with the script, each for its group."""
    readme = (REPO / "README.md").read_text("utf-8")
    build = re.search(r"<!-- install-and-build -->\n```sh\n(.*)\n```", readme)
    tests = re.search(r"<!-- test -->\n```sh\n(.*)\n```", readme)
    assert build and build.group(1).startswith("sh scripts/system-packages.sh build && ")
    assert tests and tests.group(1).startswith("sh scripts/system-packages.sh test && ")
    for _g, package, _c in listed():
        assert package in readme, f"the README does not name {package}"


def test_script_check_names_what_is_missing(tmp_path: Path, dpkg) -> None:
    """``--check`` on the real list finds nothing missing; on a list naming a
    package that is not installed it names it and exits 1, installing nothing."""
    script = REPO / "scripts" / "system-packages.sh"
    done = subprocess.run(["sh", str(script), "--check", "build", "test"], check=False, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "system-packages: all present (build test)\n")
    (tmp_path / "system-packages.txt").write_text("test  edition-no-such-package  -  nothing\n"
                                                  "build  libc6  -  here everywhere\n")
    shutil.copy(script, tmp_path)
    done = subprocess.run(["sh", str(tmp_path / "system-packages.sh"), "--check", "test", "build"],
                          check=False, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (1, "system-packages: missing: edition-no-such-package\n")


def test_script_refuses_an_unknown_group() -> None:
    done = subprocess.run(["sh", str(REPO / "scripts" / "system-packages.sh"), "--check", "tset"],
                          check=False, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (2, "system-packages: unknown group 'tset' (build, test or bench)\n")
