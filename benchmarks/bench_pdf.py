"""PDF pages per second: ``edition build --pdf`` beside WeasyPrint alone.

A corpus of N documents is made as ``bench_build.py`` makes it.  In one run:

- ``edition build CORPUS --no-pdf`` and ``edition build CORPUS --pdf`` into
  fresh folders, on every core unless ``--jobs`` says otherwise; the PDFs'
  share of the build is the difference of the two;
- the floor: WeasyPrint alone typesetting the very HTML files the build
  wrote, one process per core, each a WeasyPrint that has already been
  imported (``HTML(string=...).write_pdf()``, nothing else), so that what is
  timed is the typesetting and nothing of ours.

Prints the pages typeset, pages per second for each, and the ratio (the PDF
share of ``edition build`` over WeasyPrint alone: 1.0 would be no cost of
ours at all).  ``--one-long`` times one long document instead (the seed
repeated ``--repeat`` times), where a build is a single typesetting.

usage: python benchmarks/bench_pdf.py [--n 100] [--jobs N] [--one-long] [--repeat 40]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))



from bench_build import edition_command, gather_texts, make_corpus


def _typeset(path: str) -> int:
    import weasyprint  # type: ignore[import-untyped]

    document = weasyprint.HTML(string=Path(path).read_text(encoding="utf-8"), base_url=None).render()
    document.write_pdf()
    return len(document.pages)


def _warm() -> None:
    import weasyprint  # noqa: F401


def weasyprint_alone(htmls: list[Path], workers: int) -> tuple[float, int]:
    """Seconds and pages for WeasyPrint alone on ``htmls``, ``workers`` processes already importing it."""
    with ProcessPoolExecutor(workers, initializer=_warm) as pool:
        list(pool.map(_warm_noop, range(workers)))  # every worker started and warm
        start = time.perf_counter()
        pages = sum(pool.map(_typeset, [str(p) for p in htmls]))
        return time.perf_counter() - start, pages


def _warm_noop(_: int) -> None:
    return None


def timed_build(corpus: Path, out: Path, options: list[str]) -> float:
    shutil.rmtree(out, ignore_errors=True)
    command, env = edition_command()
    start = time.perf_counter()
    done = subprocess.run([*command, "build", str(corpus), "-o", str(out), *options], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"edition build failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100, help="number of documents (default 100)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: every core)")
    parser.add_argument("--one-long", action="store_true", help="one long document: the seed repeated")
    parser.add_argument("--repeat", type=int, default=40, help="copies of the seed in --one-long (default 40)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="edition-bench-pdf-"))
    try:
        corpus = work / "corpus"
        corpus.mkdir()
        if args.one_long:
            seed = next((REPO / "seeds").glob("*.txt")).read_text(encoding="utf-8")
            (corpus / "long.txt").write_text("\n\n".join([seed] * args.repeat), encoding="utf-8")
        else:
            make_corpus(gather_texts(), args.n, random.Random(0), corpus)
        jobs = ["--jobs", str(args.jobs)]
        without = timed_build(corpus, work / "html", ["--no-pdf", *jobs])
        with_pdf = timed_build(corpus, work / "pdf", ["--pdf", *jobs])
        htmls = sorted((work / "html").glob("*.html"))
        floor, pages = weasyprint_alone(htmls, min(args.jobs, len(htmls)))
        share = with_pdf - without
        print(f"documents            {len(htmls)}")
        print(f"pages                {pages}")
        print(f"build --no-pdf       {without:.2f} s")
        print(f"build --pdf          {with_pdf:.2f} s")
        print(f"PDF share of build   {share:.2f} s  {pages / share:.1f} pages/s")
        print(f"WeasyPrint alone     {floor:.2f} s  {pages / floor:.1f} pages/s  (the floor)")
        print(f"ratio                {share / floor:.2f}x WeasyPrint alone")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
