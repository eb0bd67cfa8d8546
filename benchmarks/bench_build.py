"""Time ``edition build`` on a generated corpus of N documents, beside pandoc.

The corpus is made from the texts at hand: the repository's ``seeds/*.txt``
and, when a folder ``shared/`` lies beside the checkout, the ``.txt`` files of
``shared/corpus/``.  Each document is one of them varied deterministically
(paragraphs shuffled, dropped or repeated, two texts spliced, signatory lists
lengthened, CRLF line ends, trailing spaces), so the same ``--seed`` always
gives the same corpus.  ``--from-seed`` varies the seed alone (documents of
about its size).

In one run it times, each as a separate process (so its peak memory is its
own):

- ``edition build CORPUS --no-pdf`` (TEI + EPUB + HTML; ``--pdf`` adds the
  PDF), on every core unless ``--jobs`` says otherwise;
- the same build again after one source was changed (the incremental case:
  one document rebuilt, the rest skipped);
- the whole build again with ``--force``, its covers now read from the cache
  (what an archive's full rebuild costs);
- pandoc making the same three outputs of every document (TEI, EPUB 3 and
  standalone HTML, one process per document per output, as many at a time as
  there are cores: how its users script it), when ``pandoc`` is on PATH.

and prints documents per second for each and the ratio to pandoc.  The
builds use a cache folder of their own (``EDITION_CACHE``), so the first one
draws every cover as a first build does; the language model already unpacked
in the user's cache folder is linked into it rather than unpacked again.

usage: python benchmarks/bench_build.py [--n 1000] [--seed 0] [--from-seed] [--jobs N] [--pdf]
       [--no-pandoc] [--out DIR] [--keep]
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
from concurrent.futures import ThreadPoolExecutor
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
    parser.add_argument("--from-seed", action="store_true", help="vary the seed text alone")
    parser.add_argument("--jobs", type=int, help="edition build --jobs (default: every core)")
    parser.add_argument("--pdf", action="store_true", help="typeset PDFs too (edition only)")
    parser.add_argument("--no-pandoc", action="store_true", help="do not run pandoc beside it")
    parser.add_argument("--out", type=Path,
                        help="folder for the corpus (OUT/corpus) and the builds (OUT/build, OUT/pandoc); "
                             "default: a temporary folder")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary folder instead of removing it")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")

    texts = gather_texts(seed_only=args.from_seed)
    if not texts:
        print("no texts found in seeds/ or in the shared corpus", file=sys.stderr)
        return 2

    work = args.out.resolve() if args.out else Path(tempfile.mkdtemp(prefix="edition-bench-"))
    corpus, out, theirs, cache = work / "corpus", work / "build", work / "pandoc", work / "cache"
    for folder in (corpus, out, theirs, cache):
        if folder.exists():
            shutil.rmtree(folder)
    corpus.mkdir(parents=True)
    options = ["--pdf" if args.pdf else "--no-pdf", *(["--jobs", str(args.jobs)] if args.jobs else [])]
    pandoc = None if args.no_pandoc else shutil.which("pandoc")
    try:
        make_corpus(texts, args.n, random.Random(args.seed), corpus)
        size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
        print(f"{args.n} documents, {size / args.n / 1024:.1f} KB each on average, {os.cpu_count()} cores")
        fresh_cache(cache)
        report = run_build(corpus, out, args.n, options, cache)
        touched = sorted(corpus.glob("*.txt"))[args.n // 2]
        touched.write_bytes(touched.read_bytes() + b"\nA line added to one source.\n")
        again = run_build(corpus, out, 1, options, cache)
        forced = run_build(corpus, out, args.n, [*options, "--force"], cache)
        pandoc_seconds = run_pandoc(pandoc, corpus, theirs) if pandoc else None
    finally:
        if args.out is None and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"corpus and builds kept in {work}")
    print(report.text())
    print(f"rebuild after changing one source: {again.seconds:.2f} s "
          f"(exit status {again.status}, peak {again.peak_mib:.1f} MiB)")
    print(f"whole rebuild (--force), covers cached: {forced.seconds:.2f} s, "
          f"{args.n / forced.seconds:.1f} documents/s (exit status {forced.status})")
    if pandoc_seconds is not None:
        ours, theirs_rate = args.n / report.seconds, args.n / pandoc_seconds
        print(f"pandoc (TEI + EPUB 3 + HTML, {os.cpu_count()} at a time): {pandoc_seconds:.2f} s, "
              f"{theirs_rate:.1f} documents/s")
        print(f"edition / pandoc: {ours / theirs_rate:.2f}x")
    elif not args.no_pandoc:
        print("pandoc not found on PATH: no comparison (sh scripts/system-packages.sh bench installs it)")
    # A batch with some failures is a result; a build that made nothing is not.
    return 0 if report.status == 0 or (report.status == 1 and report.built) else 1


def run_pandoc(pandoc: str, corpus: Path, out: Path) -> float:
    """Seconds for pandoc to make each document's TEI, EPUB 3 and HTML."""
    out.mkdir(parents=True, exist_ok=True)
    commands = []
    for source in sorted(corpus.glob("*.txt")):
        title = ["--metadata", f"title={source.stem}"]
        for target, suffix, extra in (("tei", ".tei.xml", ["-s"]), ("epub3", ".epub", title),
                                      ("html5", ".html", ["-s", *title])):
            commands.append([pandoc, "-f", "markdown", "-t", target, *extra, str(source),
                             "-o", str(out / f"{source.stem}{suffix}")])
    print(f"running pandoc, {len(commands)} processes", flush=True)

    def one(command: list[str]) -> int:
        return subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              check=False).returncode

    start = time.perf_counter()
    with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
        failed = sum(1 for status in pool.map(one, commands) if status)
    seconds = time.perf_counter() - start
    if failed:
        print(f"pandoc failed on {failed} of {len(commands)} conversions", file=sys.stderr)
    return seconds


def gather_texts(seed_only: bool = False) -> list[Text]:
    """The seeds and, when present (and not ``seed_only``), the shared corpus, in a stable order."""
    files = sorted((REPO / "seeds").glob("*.txt"))
    if SHARED_CORPUS.is_dir() and not seed_only:
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


def fresh_cache(cache: Path) -> None:
    """A cache folder with no covers, holding links to the language model
    folders of the user's cache (so that no build of the run unpacks it)."""
    sys.path.append(str(REPO))  # when edition is not installed: this checkout's
    from edition.cache import cache_folder

    cache.mkdir(parents=True)
    users = cache_folder()
    for model in sorted(users.glob("py3langid-*")) if users and users.is_dir() else []:
        (cache / model.name).symlink_to(model.resolve(), target_is_directory=True)


def run_build(corpus: Path, out: Path, documents: int, options: list[str], cache: Path) -> Report:
    """Run ``edition build CORPUS -o OUT`` once, with ``cache`` as its cache folder, and measure it."""
    command, env = edition_command()
    env["EDITION_CACHE"] = str(cache)
    line = [*command, "build", str(corpus), "-o", str(out), *options]
    print("running", " ".join(line), flush=True)
    start = time.perf_counter()
    done = subprocess.run(line, env=env,
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
