"""Where a document's time goes: milliseconds per stage, in one process.

Runs every stage of ``edition build --no-pdf`` on each ``.txt`` of a folder
(default: ``../shared/corpus`` beside the checkout), one after another as a
build does, and prints each stage's mean time per document, its share, and
the total; with ``--rounds N`` each stage keeps its best round, so that a
busy machine disturbs the figures less (each round starts with the caches
that remember texts emptied: a cover is drawn once per title in a process).  The writing of files is left out
(``bench_build.py`` times whole builds).  The stylesheet, schemas and language
model are loaded before timing starts, as a worker does once.

To compare two checkouts, run it with ``PYTHONPATH=OTHER`` from outside both.

usage: python benchmarks/bench_stages.py [--corpus DIR] [--rounds 3] [--limit N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

STAGES = ("read", "language", "normalize", "segment", "tei", "serialize", "parse", "validate", "html", "epub")


def forget_texts() -> None:
    """Empty the memo caches that remember texts (covers, dates, name shapes),
    so that no round meets a text it has seen; the compiled stylesheet,
    schemas and model stay, as in a worker."""
    from edition.render import cover
    from edition.segment import dates, shapes

    cover._cover.cache_clear()
    from edition.cache import cache_folder

    folder = cache_folder()
    for kept in ("covers", "languages"):
        if folder is not None:
            shutil.rmtree(folder / kept, ignore_errors=True)
    for module in (dates, shapes):
        for value in vars(module).values():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=3, help="rounds; each stage keeps its best (default 3)")
    parser.add_argument("--limit", type=int, help="time the first N texts only")
    args = parser.parse_args(argv)

    from edition.batch.jobs import Options, tools
    from edition.model import Metadata
    from edition.normalize import normalize
    from edition.pipeline import text_language
    from edition.read import decode_source
    from edition.segment import segment
    from edition.segment.language import load_language_model
    from edition.tei import build, serialize
    from edition.validate import parse

    # A cache folder of the run's own, holding only the unpacked language model.
    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_build import fresh_cache

    cache = Path(tempfile.mkdtemp(prefix="edition-stages-")) / "cache"
    fresh_cache(cache)
    os.environ["EDITION_CACHE"] = str(cache)
    paths = sorted(args.corpus.glob("*.txt"))[:args.limit]
    if not paths:
        print(f"no .txt file in {args.corpus}", file=sys.stderr)
        return 2
    sources = [(p.name, p.read_bytes()) for p in paths]
    options = Options()
    validator, renderers = tools(options)
    load_language_model()

    best = dict.fromkeys(STAGES, float("inf"))
    for _ in range(args.rounds):
        forget_texts()
        spent = dict.fromkeys(STAGES, 0.0)

        def timed(stage: str, work: Callable[..., Any], *given: Any, spent: dict[str, float] = spent,
                  **named: Any) -> Any:
            start = time.perf_counter()
            result = work(*given, **named)
            spent[stage] += time.perf_counter() - start
            return result

        for name, data in sources:
            source = timed("read", decode_source, data, path=name, filename=name)
            language = timed("language", text_language, source, Metadata())
            normalized = timed("normalize", normalize, source, language=language)
            document = timed("segment", segment, normalized, Metadata())
            tei = timed("tei", build, document, schema_href="schemas/")
            data_ = timed("serialize", serialize, tei)
            tree = timed("parse", parse, data_, name)
            timed("validate", validator.check, tree, name)
            timed("html", renderers.html.make, tree, renderers.paper, None, options.apparatus, options.reading)
            timed("epub", renderers.epub.make, tree, None, options.apparatus, options.reading, None)
        for stage in STAGES:
            best[stage] = min(best[stage], spent[stage])

    total = sum(best.values())
    size = sum(len(d) for _, d in sources) / len(sources)
    print(f"{len(sources)} texts, {size / 1024:.1f} KB each on average, best of {args.rounds} round(s)")
    for stage in STAGES:
        print(f"{stage:10} {best[stage] / len(sources) * 1000:7.2f} ms  {best[stage] / total * 100:5.1f} %")
    print(f"{'total':10} {total / len(sources) * 1000:7.2f} ms  ({len(sources) / total:.1f} texts/s on one core)")
    shutil.rmtree(cache.parent, ignore_errors=True)  # (links to the model are removed, not followed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
