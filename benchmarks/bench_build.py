"""Time ``edition build`` on a generated corpus of N documents.

The corpus is made from the texts at hand: the repository's ``seeds/*.txt``
and, when a folder ``shared/`` lies beside the checkout, the ``.txt`` files of
``shared/corpus/``.  Each document is one of them varied deterministically
(paragraphs shuffled, dropped or repeated, two texts spliced, signatory lists
lengthened, CRLF line ends, trailing spaces), so the same ``--seed`` always
gives the same corpus.  The build runs as a separate process, so its peak
memory can be measured on its own.

usage: python benchmarks/bench_build.py [--n 1000] [--seed 0] [--out DIR] [--keep]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO.parent / "shared" / "corpus"

# A paragraph is a run of non-blank lines; sources separate them by blank lines.
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")

# A signatory list looks like a paragraph of several short lines.
MIN_LIST_LINES = 3
MAX_LIST_LINE = 100


@dataclass(frozen=True)
class Text:
    """One text at hand: its name and its paragraphs."""

    name: str
    paragraphs: tuple[str, ...]
    sidecar: Path | None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of documents (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the variations (default 0)")
    parser.add_argument("--out", type=Path,
                        help="folder for the corpus (OUT/corpus) and the build (OUT/build); "
                             "default: a temporary folder")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder instead of removing it")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")

    texts = gather_texts()
    if not texts:
        print("no texts found in seeds/ or in the shared corpus", file=sys.stderr)
        return 2

    work = args.out.resolve() if args.out else Path(tempfile.mkdtemp(prefix="edition-bench-"))
    corpus, out = work / "corpus", work / "build"
    for folder in (corpus, out):
        if folder.exists():
            shutil.rmtree(folder)
    corpus.mkdir(parents=True)
    try:
        make_corpus(texts, args.n, random.Random(args.seed), corpus)
        report = run_build(corpus, out, args.n)
    finally:
        if args.out is None and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"corpus and build kept in {work}")
    print(report.text())
    # A batch with some failures is a result; a build that made nothing is not.
    return 0 if report.status == 0 or (report.status == 1 and report.built) else 1


def gather_texts() -> list[Text]:
    """The seeds and, when present, the shared corpus, in a stable order."""
    files = sorted((REPO / "seeds").glob("*.txt"))
    if SHARED_CORPUS.is_dir():
        files += sorted(SHARED_CORPUS.glob("*.txt"))
    texts = []
    for path in files:
        try:
            raw = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"skipping {path.name}: {exc}", file=sys.stderr)
            continue
        paragraphs = tuple(p.strip("\n") for p in PARAGRAPH_BREAK.split(raw.replace("\r\n", "\n"))
                           if p.strip())
        if paragraphs:
            sidecar = path.with_suffix(".json")
            texts.append(Text(path.stem, paragraphs, sidecar if sidecar.is_file() else None))
    return texts


def make_corpus(texts: list[Text], n: int, rng: random.Random, folder: Path) -> None:
    """Write N varied documents into FOLDER as NNNNN_NAME.txt."""
    width = len(str(n - 1))
    for i in range(n):
        base = rng.choice(texts)
        paragraphs = list(base.paragraphs)
        if rng.random() < 0.3 and len(texts) > 1:
            other = rng.choice([t for t in texts if t is not base])
            paragraphs = splice(paragraphs, other.paragraphs, rng)
        if rng.random() < 0.4:
            paragraphs = shuffle_body(paragraphs, rng)
        # Always, so that hardly two documents are the same.
        paragraphs = drop_and_repeat(paragraphs, rng)
        if rng.random() < 0.4:
            paragraphs = lengthen_lists(paragraphs, rng)
        text = "\n\n".join(paragraphs) + "\n"
        if rng.random() < 0.2:
            text = add_trailing_spaces(text, rng)
        if rng.random() < 0.25:
            text = text.replace("\n", "\r\n")
        name = f"{i:0{width}d}_{base.name}"
        (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        if base.sidecar is not None:
            shutil.copyfile(base.sidecar, folder / f"{name}.json")


def splice(first: list[str], second: tuple[str, ...], rng: random.Random) -> list[str]:
    """The start of one text followed by the end of another."""
    cut_a = rng.randint(1, len(first))
    cut_b = rng.randint(0, len(second) - 1)
    return first[:cut_a] + list(second[cut_b:])


def shuffle_body(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Shuffle every paragraph but the first, which is usually the title."""
    body = paragraphs[1:]
    rng.shuffle(body)
    return paragraphs[:1] + body


def drop_and_repeat(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Drop some paragraphs and repeat others, keeping at least one."""
    kept: list[str] = []
    for paragraph in paragraphs:
        roll = rng.random()
        if roll < 0.15:
            continue
        kept.append(paragraph)
        if roll > 0.9:
            kept.append(paragraph)
    return kept or paragraphs[:1]


def lengthen_lists(paragraphs: list[str], rng: random.Random) -> list[str]:
    """Make each paragraph that looks like a signatory list two to ten times longer."""
    result = []
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        if len(lines) >= MIN_LIST_LINES and all(len(line) <= MAX_LIST_LINE for line in lines):
            head, names = lines[:1], lines[1:]
            extra = [rng.choice(names) for _ in range(len(names) * rng.randint(1, 9))]
            paragraph = "\n".join(head + names + extra)
        result.append(paragraph)
    return result


def add_trailing_spaces(text: str, rng: random.Random) -> str:
    """Give about a third of the non-blank lines one to three trailing spaces."""
    lines = text.split("\n")
    return "\n".join(line + " " * rng.randint(1, 3) if line and rng.random() < 0.3 else line
                     for line in lines)


@dataclass(frozen=True)
class Report:
    documents: int
    seconds: float
    peak_mib: float
    status: int
    built: int
    stderr_tail: str

    @property
    def failures(self) -> int:
        # 0: all built; 1: a batch build with failures (count what is missing);
        # any other status stopped the whole run, so nothing counts as built.
        if self.status == 0:
            return 0
        if self.status == 1:
            return max(self.documents - self.built, 1)
        return self.documents

    def text(self) -> str:
        rate = self.documents / self.seconds if self.seconds else float("inf")
        lines = [
            f"documents      {self.documents}",
            f"seconds        {self.seconds:.2f}",
            f"documents/s    {rate:.1f}",
            f"peak memory    {self.peak_mib:.1f} MiB",
            f"exit status    {self.status}",
            f"failures       {self.failures}",
        ]
        if self.status != 0 and (self.status != 1 or not self.built) and self.stderr_tail:
            lines.append("last messages of the build:")
            lines += ["  " + line for line in self.stderr_tail.splitlines()]
        return "\n".join(lines)


def edition_command() -> tuple[list[str], dict[str, str]]:
    """How to run the CLI: the console script installed beside this Python,
    else the one on PATH, else ``python -m edition`` from this checkout."""
    env = dict(os.environ)
    script = Path(sys.executable).parent / "edition"
    if script.is_file():
        return [str(script)], env
    found = shutil.which("edition")
    if found:
        return [found], env
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return [sys.executable, "-m", "edition"], env


def run_build(corpus: Path, out: Path, documents: int) -> Report:
    """Run ``edition build CORPUS -o OUT`` once and measure it."""
    command, env = edition_command()
    print("running", " ".join([*command, "build", str(corpus), "-o", str(out)]), flush=True)
    start = time.perf_counter()
    done = subprocess.run([*command, "build", str(corpus), "-o", str(out)], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    peak_mib = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    built = len(list(out.glob("*.tei.xml"))) if out.is_dir() else 0
    tail = "\n".join(done.stderr.splitlines()[-10:])
    return Report(documents, seconds, peak_mib, done.returncode, built, tail)


if __name__ == "__main__":
    sys.exit(main())
