"""How fast the segmenter is: lines per second over the corpus texts.

Reads and normalizes every text of ``../shared/corpus`` (and the seed) once,
then times ``segment`` alone on all of them, several rounds (memo caches
emptied before each), and prints the
lines, the best round's seconds and lines per second, and the same for the
slowest text.  Run it on two checkouts to compare (``PYTHONPATH=OTHER``).

usage: python benchmarks/bench_segment.py [--rounds 5] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _forget(module: object) -> None:
    """Empty the module's memo caches, so that each round starts cold and the
    same text met again is not timed as free."""
    for value in vars(module).values():
        clear = getattr(value, "cache_clear", None)
        if callable(clear):
            clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    args = parser.parse_args()
    from edition.model import Metadata
    from edition.normalize import normalize
    from edition.read import read_source
    from edition.segment import dates, segment, shapes

    paths = sorted(args.corpus.glob("*.txt")) + sorted((REPO / "seeds").glob("*.txt"))
    texts = [normalize(read_source(p)) for p in paths]
    # The language given, so that the timing is the rules' and not the guesser's.
    metas = [Metadata(language="en") for _ in texts]
    lines = sum(len(t.lines) for t in texts)
    best, slowest = float("inf"), {}
    for _ in range(args.rounds):
        for module in (shapes, dates):
            _forget(module)
        started = time.perf_counter()
        for path, text, meta in zip(paths, texts, metas, strict=True):
            one = time.perf_counter()
            segment(text, meta)
            took = time.perf_counter() - one
            slowest[path.name] = min(slowest.get(path.name, float("inf")), took)
        best = min(best, time.perf_counter() - started)
    name, took = max(slowest.items(), key=lambda kv: kv[1])
    n = len(next(t for p, t in zip(paths, texts, strict=True) if p.name == name).lines)
    print(f"{len(texts)} texts, {lines} lines: {best:.3f} s, {lines / best:,.0f} lines/s "
          f"(best of {args.rounds} rounds)")
    print(f"slowest text: {name}, {n} lines, {took:.3f} s, {n / took:,.0f} lines/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
