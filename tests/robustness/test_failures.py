"""Real failures: a full disk, an interrupted build, a bad source in a batch.

Every output is written atomically (``edition.output.write_atomic``): after
any of these, each output file is either the previous complete one or a new
complete one, never a truncated one, and no temporary file is left.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import edition.output
from edition.batch.manifest import MANIFEST_NAME
from edition.cli import cli
from edition.errors import OutputError
from edition.output import write_atomic
from tests.paths import REPO, SEED
from tests.robustness.cli_run import EPOCH, assert_no_traceback, build_options, command, env, error_lines, leftovers

PREVIOUS = b"previous complete output\n"


@pytest.fixture()
def run(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    runner = CliRunner()

    def invoke(*args: object):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


class _FullDisk:
    """A file handle on a disk that fills up after a few bytes."""

    def __init__(self, handle) -> None:
        self._handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def write(self, data: bytes) -> int:
        self._handle.write(data[:16])
        self._handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        self._handle.flush()

    def fileno(self) -> int:
        return self._handle.fileno()


@pytest.fixture()
def full_disk(monkeypatch):
    real = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object):
        handle = real(fd, mode, *args, **kwargs)
        return _FullDisk(handle) if "w" in mode else handle

    monkeypatch.setattr(edition.output.os, "fdopen", fdopen)


def test_full_disk_in_write_atomic(tmp_path, full_disk) -> None:
    target = tmp_path / "x.tei.xml"
    target.write_bytes(PREVIOUS)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, b"<TEI/>" * 1000)
    assert str(caught.value) == f"{target}: cannot write: {os.strerror(errno.ENOSPC)}"
    assert target.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.tei.xml"]


@pytest.mark.parametrize("command_name", ["tei", "build", "epub"])
def test_full_disk_leaves_the_previous_file(tmp_path, run, full_disk, command_name) -> None:
    out = tmp_path / "out"
    out.mkdir()
    if command_name == "tei":
        target = out / "x.tei.xml"
        args: tuple[object, ...] = ("tei", SEED, "-o", target)
    elif command_name == "build":
        target = out / f"{SEED.stem}.tei.xml"
        args = ("build", SEED, "-o", out, *build_options())
    else:
        target = out / "x.epub"
        args = ("epub", REPO / "build" / f"{SEED.stem}.tei.xml", "-o", target)
    target.write_bytes(PREVIOUS)
    result = run(*args)
    assert result.exit_code == 8
    lines = error_lines(result.stderr)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {out}{os.sep}")
    assert lines[0].endswith(f": cannot write: {os.strerror(errno.ENOSPC)}")
    assert target.read_bytes() == PREVIOUS
    assert leftovers(tmp_path) == []


def test_an_interruption_inside_write_atomic_removes_the_temporary_file(tmp_path,
                                                                        monkeypatch) -> None:
    target = tmp_path / "x.tei.xml"
    target.write_bytes(PREVIOUS)

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(edition.output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new" * 1000)
    assert target.read_bytes() == PREVIOUS
    assert leftovers(tmp_path) == []


# --- interrupted builds ------------------------------------------------------

SOURCES = 30
POSTSCRIPT = "\nPostscript\n\nThis paragraph was added after the first edition was built.\n"


def _sources(folder: Path, postscript: bool) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text("utf-8") + (POSTSCRIPT if postscript else "")
    for k in range(SOURCES):
        (folder / f"s{k:02d}.txt").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def editions(tmp_path_factory) -> dict[str, Path]:
    """The outputs of the sources before the change ("old") and after it
    ("new"), each built without interruption."""
    root = tmp_path_factory.mktemp("editions")
    built = {}
    for kind, postscript in (("old", False), ("new", True)):
        src, out = root / f"src-{kind}", root / f"out-{kind}"
        _sources(src, postscript)
        done = subprocess.run(command("build", src, "-o", out, *build_options()),
                              capture_output=True, text=True, env=env(), cwd=REPO, timeout=600,
                              check=False)
        assert done.returncode == 0, done.stderr
        built[kind] = out
    built["src"] = root / "src-new"
    return built


def _no_sigint_ignored() -> None:
    # A shell without job control starts background commands with SIGINT
    # ignored, and Python keeps it so; the user at a terminal has it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)],
                         ids=["SIGINT", "SIGTERM"])
def test_interrupted_build_leaves_complete_outputs(tmp_path, editions, signum, status) -> None:
    out = tmp_path / "out"
    shutil.copytree(editions["old"], out)
    old = {p.name: p.read_bytes() for p in editions["old"].iterdir() if p.is_file()}
    new = {p.name: p.read_bytes() for p in editions["new"].iterdir() if p.is_file()}
    assert old.keys() == new.keys() and all(old[k] != new[k] for k in old if k.endswith(".tei.xml"))

    proc = subprocess.Popen(command("build", editions["src"], "-o", out, *build_options()),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(),
                            # Runs before exec, in the child, which has no threads.
                            cwd=REPO, preexec_fn=_no_sigint_ignored)  # noqa: PLW1509
    try:
        # Wait until the build is under way: a few outputs already replaced.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            changed = sum((out / n).read_bytes() != old[n] for n in old if n.endswith(".tei.xml"))
            if changed >= 3:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the build ended before it could be interrupted"
        proc.send_signal(signum)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    assert proc.returncode == status, stderr
    assert "Traceback" not in stdout + stderr, stderr
    lines = error_lines(stderr)
    assert len(lines) == 1, stderr
    name = "SIGINT" if signum == signal.SIGINT else "SIGTERM"
    assert lines[0].startswith(f"error: interrupted by {name}: stopped")
    assert leftovers(out) == []
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == sorted(old)
    kept = replaced = 0
    for name, data in ((p.name, p.read_bytes()) for p in out.iterdir() if p.is_file()):
        if name == MANIFEST_NAME:
            continue
        assert data in (old[name], new[name]), f"{name} is neither the old nor the new output"
        kept, replaced = kept + (data == old[name]), replaced + (data == new[name])
    assert replaced and kept, (kept, replaced)  # stopped part-way
    # The manifest, saved on the way out, tells the truth of every output:
    # the next build redoes exactly the sources left old.
    record = json.loads((out / MANIFEST_NAME).read_text("utf-8"))["sources"]
    for entry in record.values():
        for name, facts in entry["outputs"].items():
            assert hashlib.sha256((out / name).read_bytes()).hexdigest() == facts["sha256"], name


# --- batches -------------------------------------------------------------------

def test_batch_lists_every_failure_with_its_reason(run, tmp_path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a_good.txt").write_bytes(SEED.read_bytes())
    (src / "b_empty.txt").write_bytes(b"")
    (src / "c_binary.txt").write_bytes(b"GIF89a\x00\x01\x02")
    (src / "d_good.txt").write_bytes(SEED.read_bytes())
    (src / "e_blank.txt").write_bytes(b"  \n\n\t\n")
    out = tmp_path / "out"
    result = run("build", src, "-o", out, *build_options())
    assert result.exit_code == 1
    assert_no_traceback(result)
    lines = error_lines(result.stderr)
    assert lines == [
        f"error: {src / 'b_empty.txt'}: empty file: nothing to edit",
        f"error: {src / 'c_binary.txt'}: binary file (NUL byte at byte offset 6), not a text",
        f"error: {src / 'e_blank.txt'}: file holds only whitespace: nothing to edit",
    ]
    assert result.stderr.splitlines()[-1] == f"built 2 of 5 source(s) into {out}/; 3 failed"
    assert {p.name for p in out.iterdir() if p.suffix in (".xml", ".epub")} == {
        "a_good.tei.xml", "a_good.epub", "d_good.tei.xml", "d_good.epub"}


def test_batch_that_all_succeeds_exits_0(run, tmp_path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_bytes(SEED.read_bytes())
    result = run("build", src, "-o", tmp_path / "out", *build_options())
    assert result.exit_code == 0, result.stderr
    assert error_lines(result.stderr) == []
    assert result.stderr.splitlines()[-1] == f"built 2 of 2 source(s) into {tmp_path / 'out'}/"


def test_single_failing_source_exits_with_its_own_status(run, tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = run("build", bad, "-o", tmp_path / "out", *build_options())
    assert result.exit_code == 3
    assert error_lines(result.stderr) == [f"error: {bad}: empty file: nothing to edit"]
