"""Builds of many sources: on every core, incremental, and the same bytes
whichever way they ran."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest

from edition.batch.manifest import MANIFEST_NAME
from edition.errors import ValidationError
from tests.paths import SEED

TEXTS = {
    "a_letter": "An open letter on the library\n\nWe ask the council to keep the library open.\n\n"
                "Signed by:\nJane Roe\nJohn Doe\nAnn Lee\n",
    "b_statement": "Statement on the closing of the park\n\nThe park must stay open for everyone, "
                   "as it has for a century.\n\nHands off our park!\n",
    "c_news": "Readers gather at the library\n\nBerlin, 8 March 2014\n\nHundreds of readers met in "
              "the hall on Saturday.\n\nReaders in the main hall. Photo: Ann Lee\n",
}


@pytest.fixture()
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    shutil.copyfile(SEED, folder / SEED.name)
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def built_names(stderr: str) -> str:
    return stderr.strip().splitlines()[-1]


def test_parallel_build_writes_the_same_bytes_as_one_job(run, sources: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert run("build", sources, "-o", one, "--no-pdf", "--jobs", 1).exit_code == 0
    result = run("build", sources, "-o", two, "--no-pdf", "--jobs", 2)
    assert result.exit_code == 0, result.stderr
    assert "built 4 of 4 source(s)" in result.stderr
    assert files(one) == files(two)
    assert len([n for n in files(two) if n.endswith(".epub")]) == 4


def test_a_failing_source_fails_alone_in_a_parallel_build(run, sources: Path, tmp_path: Path) -> None:
    (sources / "bad.txt").write_bytes(b"")
    result = run("build", sources, "-o", tmp_path / "out", "--no-pdf", "--jobs", 2)
    assert result.exit_code == 1
    assert f"error: {sources / 'bad.txt'}: empty file" in result.stderr
    assert "built 4 of 5 source(s)" in result.stderr
    assert not (tmp_path / "out" / "bad.tei.xml").exists()


def test_an_unchanged_source_is_skipped_and_a_changed_one_rebuilt(run, sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", sources, "-o", out, "--no-pdf", "-j", 1).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = run("build", sources, "-o", out, "--no-pdf", "-j", 1)
    assert "built 0 of 4 source(s)" in again.stderr and "4 unchanged, skipped" in again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before

    (sources / "b_statement.txt").write_text(TEXTS["b_statement"] + "\nNo to the sale!\n", encoding="utf-8")
    changed = run("build", sources, "-o", out, "--no-pdf", "-j", 1)
    assert "built 1 of 4 source(s)" in changed.stderr and "3 unchanged" in changed.stderr
    assert b"No to the sale!" in (out / "b_statement.tei.xml").read_bytes()
    assert (out / "a_letter.epub").stat().st_mtime_ns == before["a_letter.epub"]


@pytest.mark.parametrize("change", ["sidecar", "option", "output-removed", "force"])
def test_what_else_makes_a_source_rebuilt(run, sources: Path, tmp_path: Path, change: str) -> None:
    out = tmp_path / "out"
    assert run("build", sources, "-o", out, "--no-pdf", "-j", 1).exit_code == 0
    extra: list[object] = []
    if change == "sidecar":
        (sources / "a_letter.json").write_text('{"title": "A letter to the council"}', encoding="utf-8")
    elif change == "option":
        extra = ["--paper", "a4"]
    elif change == "output-removed":
        (out / "c_news.epub").unlink()
    else:
        extra = ["--force"]
    result = run("build", sources, "-o", out, "--no-pdf", "-j", 1, *extra)
    expected = {"sidecar": 1, "option": 4, "output-removed": 1, "force": 4}[change]
    assert f"built {expected} of 4 source(s)" in result.stderr
    if change == "sidecar":
        assert b"A letter to the council" in (out / "a_letter.tei.xml").read_bytes()


def test_outputs_of_a_removed_source_go_only_with_prune(run, sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", sources, "-o", out, "--no-pdf", "-j", 1).exit_code == 0
    (sources / "c_news.txt").unlink()
    kept = run("build", sources, "-o", out, "--no-pdf", "-j", 1)
    assert "3 output file(s) no source here makes kept (--prune removes them)" in kept.stderr
    assert (out / "c_news.epub").exists()
    pruned = run("build", sources, "-o", out, "--no-pdf", "-j", 1, "--prune")
    assert "3 output file(s) of removed sources pruned" in pruned.stderr
    assert not any(p.name.startswith("c_news") for p in out.iterdir())
    assert (out / "a_letter.epub").exists()
    record = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert sorted(record["sources"]) == sorted(["a_letter", "b_statement", SEED.stem])


def test_the_manifest_names_no_path_of_the_machine(run, sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("build", sources, "-o", out, "--no-pdf", "-j", 1).exit_code == 0
    text = (out / MANIFEST_NAME).read_text(encoding="utf-8")
    assert str(tmp_path) not in text
    record = json.loads(text)
    entry = record["sources"]["a_letter"]
    assert entry["source"] == "a_letter.txt"
    assert set(entry["outputs"]) == {"a_letter.tei.xml", "a_letter.epub", "a_letter.html"}
    assert entry["outputs"]["a_letter.epub"]["bytes"] == (out / "a_letter.epub").stat().st_size


def test_two_sources_that_would_write_the_same_outputs(run, sources: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "a_letter.txt").write_text("Another letter\n\nWith other words in it.\n", encoding="utf-8")
    result = run("build", sources / "a_letter.txt", other / "a_letter.txt", "-o", tmp_path / "out", "--no-pdf")
    assert result.exit_code == 1
    assert f"{other / 'a_letter.txt'}: makes the same outputs (a_letter.*) as {sources / 'a_letter.txt'}" \
        in result.stderr
    assert b"keep the library open" in (tmp_path / "out" / "a_letter.tei.xml").read_bytes()


def test_an_error_crosses_processes_whole() -> None:
    err = ValidationError("breaks the schema", path="a.txt", line=3, problems=("x: y",))
    back = pickle.loads(pickle.dumps(err))
    assert (type(back), str(back), back.problems, back.exit_code) == (ValidationError, "a.txt:3: breaks the schema",
                                                                     ("x: y",), 7)


def test_a_dask_cluster_builds_the_same_bytes(run, sources: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    local, remote = tmp_path / "local", tmp_path / "remote"
    assert run("build", sources, "-o", local, "--no-pdf", "-j", 1).exit_code == 0
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = run("build", sources, "-o", remote, "--no-pdf", "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 0, result.stderr
    assert "built 4 of 4 source(s)" in result.stderr
    assert files(local) == files(remote)


def test_an_unreachable_scheduler_is_one_line(run, sources: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    result = run("build", sources, "-o", tmp_path / "out", "--no-pdf", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 9
    assert "\nerror: cannot reach the Dask scheduler at tcp://127.0.0.1:9: " in result.stderr
    assert not (tmp_path / "out").exists()
