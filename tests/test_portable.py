"""A build folder stands on its own: copied anywhere, its TEI files still
validate against the schemas they link to, and no output names a path of
the machine it was built on or of where the package is installed."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree, isoschematron

from edition.resources import schemas_dir
from edition.validate import parse
from tests.paths import REPO, SEED, corpus_texts


@pytest.fixture(scope="module")
def copied(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(where it was built, where it was copied to): the seed and two corpus
    texts built from another folder than the checkout, then the folder moved
    elsewhere and the original removed."""
    work = tmp_path_factory.mktemp("build-here")
    out = work / "editions"
    sources = [SEED, *corpus_texts()[:2]]
    done = subprocess.run([sys.executable, "-m", "edition", "build", *map(str, sources), "-o", str(out)],
                          check=False, capture_output=True, text=True, cwd=work, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    elsewhere = tmp_path_factory.mktemp("another-machine") / "archive" / "2026"
    shutil.copytree(out, elsewhere)
    shutil.rmtree(out)
    return out, elsewhere


def schema_links(tei: Path) -> dict[str, Path]:
    """The schemas a TEI file's xml-model instructions name, by schema type, resolved beside it."""
    tree = parse(tei.read_bytes(), str(tei))
    links = {}
    for node in tree.getroot().itersiblings(preceding=True):
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            href = node.get("href")
            assert href and not href.startswith(("/", "file:", "http")), href
            links[node.get("schematypens")] = tei.parent / href
    return links


def test_copied_folder_validates_with_jing_where_it_lies(copied) -> None:
    _built, there = copied
    jing = shutil.which("jing")
    if jing is None:
        pytest.fail("jing (Debian package jing) is needed: sh scripts/system-packages.sh test")
    teis = sorted(there.glob("*.tei.xml"))
    assert len(teis) == 3
    for tei in teis:
        links = schema_links(tei)
        rng = links["http://relaxng.org/ns/structure/1.0"]
        sch = links["http://purl.oclc.org/dsdl/schematron"]
        assert rng.is_file() and sch.is_file() and rng.is_relative_to(there)
        done = subprocess.run([jing, str(rng), str(tei)], check=False, capture_output=True, text=True, timeout=120)
        # jing reports on standard output; Debian's launcher may warn of optional jars on standard error
        assert (done.returncode, done.stdout) == (0, ""), tei.name
        schematron = isoschematron.Schematron(etree.parse(str(sch)))
        assert schematron.validate(parse(tei.read_bytes(), str(tei))), tei.name
    # and the same jing run does see a fault in a file there
    broken = there / "broken.tei.xml"
    broken.write_bytes(teis[0].read_bytes().replace(b"<body>", b"<body><bogus/>", 1))
    rng = schema_links(broken)["http://relaxng.org/ns/structure/1.0"]
    done = subprocess.run([jing, str(rng), str(broken)], check=False, capture_output=True, text=True, timeout=120)
    broken.unlink()
    assert done.returncode == 1 and "bogus" in done.stdout


def test_copied_folder_passes_edition_validate(copied) -> None:
    _built, there = copied
    done = subprocess.run([sys.executable, "-m", "edition", "validate", *sorted(map(str, there.glob("*.tei.xml")))],
                          check=False, capture_output=True, text=True, cwd=there, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr


def test_the_schemas_beside_the_tei_are_the_packages(copied) -> None:
    _built, there = copied
    assert sorted(p.name for p in (there / "schemas").iterdir()) == ["edition.rng", "edition.sch"]
    for name in ("edition.rng", "edition.sch"):
        assert (there / "schemas" / name).read_bytes() == (schemas_dir() / name).read_bytes()


def machine_paths(built: Path) -> list[str]:
    """Paths of this machine an output must never name: the build folder,
    the checkout, the installed package, the interpreter and the home folder."""
    import edition

    inside = [str(built.parent), str(REPO), str(Path(edition.__file__).resolve().parent),
              sys.prefix, sys.base_prefix, os.path.expanduser("~")]
    return sorted({str(built), *(p.rstrip(os.sep) + os.sep for p in inside), "site-packages"},
                  key=len, reverse=True)


def output_texts(folder: Path) -> dict[str, bytes]:
    """Every file of the folder, an EPUB entry by entry, a PDF with its streams inflated."""
    texts = {}
    for path in sorted(folder.rglob("*")):
        if path.suffix == ".epub":
            with zipfile.ZipFile(path) as book:
                texts.update({f"{path.name}/{n}": book.read(n) for n in book.namelist()})
        elif path.suffix == ".pdf":
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(path.read_bytes()))
            streams = [path.read_bytes(), repr(reader.metadata).encode()]
            streams += [page.get_contents().get_data() for page in reader.pages if page.get_contents()]
            texts[path.name] = b"\n".join(streams)
        elif path.is_file():
            texts[str(path.relative_to(folder))] = path.read_bytes()
    return texts


def test_no_output_names_a_path_of_the_machine(copied) -> None:
    built, there = copied
    texts = output_texts(there)
    assert {Path(n).suffix for n in texts} >= {".xml", ".html", ".pdf", ".opf", ".xhtml", ".rng", ".sch"}
    found = {(name, p) for name, data in texts.items() for p in machine_paths(built) if p.encode() in data}
    assert found == set()
