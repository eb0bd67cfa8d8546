"""Time one small build from a cold start, beside pandoc.

``edition build seeds --no-pdf`` into a fresh folder (so nothing is skipped),
a new process each round: the interpreter's start, the imports and the
models' loads are what a user waits for when building one text.  Beside it,
pandoc makes the same three outputs of the seed (TEI, EPUB 3, standalone
HTML: three processes, one after another), when ``pandoc`` is on PATH.
Prints the median wall time of each over the rounds, and the ratio; also
``edition --version``, the cost of the interpreter and the command-line
layer alone.  The build is timed twice a round: as a rebuild of a text seen
before (its language guess and cover read from the cache folder), and as
the first build of a text (a cache folder of its own, empty but for the
unpacked language model, so the guess and the cover are made).

An installed package has its modules compiled to bytecode (pip compiles
them at install time), so before timing, one untimed build lets Python
write its bytecode caches, and ``PYTHONDONTWRITEBYTECODE`` is left out of
the timed runs' environment: otherwise every round would compile the
package from source again, which no user's build does.

usage: python benchmarks/bench_cold.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_build import edition_command, fresh_cache


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    command, env = edition_command()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    work = Path(tempfile.mkdtemp(prefix="edition-cold-"))
    try:
        timed([*command, "build", str(REPO / "seeds"), "--no-pdf", "-o", str(work / "warm-up")], env)
        ours, first, version, theirs = [], [], [], []
        pandoc = shutil.which("pandoc")
        for k in range(args.rounds):
            version.append(timed([*command, "--version"], env))
            ours.append(timed([*command, "build", str(REPO / "seeds"), "--no-pdf", "-o", str(work / f"e{k}")], env))
            fresh_cache(work / f"cache{k}")
            first.append(timed([*command, "build", str(REPO / "seeds"), "--no-pdf", "-o", str(work / f"f{k}")],
                               {**env, "EDITION_CACHE": str(work / f"cache{k}")}))
            if pandoc:
                start = time.perf_counter()
                for seed in seeds:
                    title = ["--metadata", f"title={seed.stem}"]
                    for target, suffix, extra in (("tei", ".tei.xml", ["-s"]), ("epub3", ".epub", title),
                                                  ("html5", ".html", ["-s", *title])):
                        timed([pandoc, "-f", "markdown", "-t", target, *extra, str(seed),
                               "-o", str(work / f"p{k}{seed.stem}{suffix}")])
                theirs.append(time.perf_counter() - start)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(seeds)} seed source(s), median of {args.rounds} rounds")
    print(f"edition --version                  {statistics.median(version):.3f} s")
    print(f"edition build seeds --no-pdf       {statistics.median(ours):.3f} s")
    print(f"  the same, first build of the text {statistics.median(first):.3f} s (guess and cover made)")
    if theirs:
        print(f"pandoc, the same three outputs     {statistics.median(theirs):.3f} s")
        print(f"edition / pandoc (time)            {statistics.median(ours) / statistics.median(theirs):.2f}x")
    else:
        print("pandoc not found on PATH: no comparison (sh scripts/system-packages.sh bench installs it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
