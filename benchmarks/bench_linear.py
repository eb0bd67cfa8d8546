"""Check that the pipeline's time grows linearly with the size of a source.

Builds sources of 0.25, 0.5, 1, 2, 5, 10 and 20 MB and times read, normalize,
segment, TEI (build, serialize and validate) and rendering (the EPUB and the
print HTML from the parsed TEI; not the PDF) on each, in-process.  Each size runs in a fresh child process, so
its peak memory (``ru_maxrss``) is its own.  Three kinds of text:

- ``realistic``: paragraphs of ``seeds/*.txt`` and ``shared/corpus/*.txt``
  (beside the checkout) in a fixed shuffled order, separated by blank lines;
- ``longlines``: the same words with no line ends inside a paragraph group,
  so lines are about 1 MB long;
- ``exclaim``: nothing but short exclamations ("Hands off our library!"),
  one a line, in blank-line-separated groups.

It prints, per kind and size: MB, seconds for each stage and in all, MB/s,
peak memory, and at the end of each kind the ratio of seconds per MB at the
largest size to seconds per MB at the smallest (about 1 when linear).

usage: python benchmarks/bench_linear.py [--sizes 0.25,0.5,1,2,5,10,20]
       [--kinds realistic,longlines,exclaim] [--seed 0] [--no-validate] [--timeout 900]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
MB = 1024 * 1024
KINDS = ("realistic", "longlines", "exclaim")
SIZES = (0.25, 0.5, 1, 2, 5, 10, 20)
LONG_LINE = MB


def paragraphs() -> list[str]:
    files = sorted((REPO / "seeds").glob("*.txt"))
    if SHARED_CORPUS.is_dir():
        files += sorted(SHARED_CORPUS.glob("*.txt"))
    found: list[str] = []
    for path in files:
        text = path.read_text("utf-8").replace("\r\n", "\n")
        found.extend(p.strip() for p in PARAGRAPH_BREAK.split(text) if p.strip())
    return found


def make_text(kind: str, size: int, seed: int) -> str:
    """About ``size`` bytes of UTF-8 text of the given kind."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    if kind == "realistic":
        pool = paragraphs()
        while total < size:
            para = rng.choice(pool)
            out.append(para)
            total += len(para.encode()) + 2
        return "\n\n".join(out) + "\n"
    if kind == "longlines":
        words = " ".join(paragraphs()).split()
        line: list[str] = []
        length = 0
        while total < size:
            word = rng.choice(words)
            line.append(word)
            length += len(word.encode()) + 1
            if length >= min(LONG_LINE, size):
                out.append(" ".join(line))
                total += length + 1
                line, length = [], 0
        if line:
            out.append(" ".join(line))
        return "\n\n".join(out) + "\n"
    if kind == "exclaim":
        words = [w.strip(".,;:!?\"()") for w in " ".join(paragraphs()).split()]
        words = [w for w in words if w.isalpha()]
        lines = ["Statement of the committee"]
        total = len(lines[0])
        while total < size:
            n = rng.randint(2, 5)
            shout = " ".join(rng.choice(words) for _ in range(n)).capitalize() + "!"
            lines.append(shout)
            if rng.random() < 0.1:
                lines.append("")
            total += len(shout.encode()) + 1
        return "\n".join(lines) + "\n"
    raise ValueError(kind)


def run_one(path: Path, validate: bool) -> dict[str, float]:
    """Time each stage on one file (in this process)."""
    from edition.metadata import load_metadata
    from edition.normalize import normalize
    from edition.read import read_source
    from edition.render import EpubMaker
    from edition.render.printed import PrintMaker
    from edition.segment import segment
    from edition.tei import build as build_tei
    from edition.tei import serialize
    from edition.validate import Validator, parse

    validator = Validator() if validate else None
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    source = read_source(path)
    t1 = time.perf_counter()
    normalized = normalize(source)
    t2 = time.perf_counter()
    document = segment(normalized, load_metadata(path))
    t3 = time.perf_counter()
    data = serialize(build_tei(document))
    t4 = time.perf_counter()
    problems = validator.check_bytes(data, str(path)) if validator else []
    t5 = time.perf_counter()
    tree = parse(data, str(path))
    EpubMaker().make(tree)
    PrintMaker().make(tree)
    t6 = time.perf_counter()
    times.update(read=t1 - t0, normalize=t2 - t1, segment=t3 - t2, tei=t4 - t3,
                 validate=t5 - t4, render=t6 - t5, total=t6 - t0, problems=len(problems),
                 tei_bytes=len(data))
    times["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES),
                        help="sizes in MB, comma-separated")
    parser.add_argument("--kinds", default=",".join(KINDS), help="kinds of text, comma-separated")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-validate", action="store_true",
                        help="leave out the schema validation of the TEI")
    parser.add_argument("--timeout", type=float, default=900,
                        help="seconds allowed for one size (default 900)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, not args.no_validate)))
        return 0

    sizes = [float(s) for s in args.sizes.split(",")]
    kinds = args.kinds.split(",")
    print(f"{'kind':<10} {'MB':>6} {'read':>6} {'norm':>7} {'segm':>7} {'tei':>6} {'valid':>6} "
          f"{'render':>7} {'total s':>8} {'MB/s':>6} {'peak MB':>8}")
    with tempfile.TemporaryDirectory(prefix="edition-linear-") as work:
        for kind in kinds:
            per_mb: list[float] = []
            for size in sizes:
                path = Path(work) / f"{kind}_{size}.txt"
                path.write_text(make_text(kind, int(size * MB), args.seed), encoding="utf-8")
                mb = path.stat().st_size / MB
                cmd = [sys.executable, __file__, "--one", str(path)]
                if args.no_validate:
                    cmd.append("--no-validate")
                env = dict(os.environ)
                env["PYTHONPATH"] = os.pathsep.join(
                    p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
                try:
                    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=env, check=False,
                                          timeout=args.timeout)
                except subprocess.TimeoutExpired:
                    print(f"{kind:<10} {mb:6.2f} timed out after {args.timeout:.0f} s", flush=True)
                    break
                finally:
                    path.unlink()
                if done.returncode:
                    tail = (done.stderr.strip().splitlines() or ["?"])[-1]
                    print(f"{kind:<10} {mb:6.2f} failed: {tail}")
                    continue
                t = json.loads(done.stdout)
                per_mb.append(t["total"] / mb)
                print(f"{kind:<10} {mb:6.2f} {t['read']:6.2f} {t['normalize']:7.2f} "
                      f"{t['segment']:7.2f} {t['tei']:6.2f} {t['validate']:6.2f} "
                      f"{t['render']:7.2f} {t['total']:8.2f} {mb / t['total']:6.2f} {t['peak_mb']:8.0f}"
                      + (f"  ({int(t['problems'])} schema problems)" if t["problems"] else ""),
                      flush=True)
            if len(per_mb) >= 2:
                print(f"{kind:<10} seconds per MB, largest / smallest: "
                      f"{per_mb[-1] / per_mb[0]:.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
