"""Structure detection judged on texts it was not fitted to.

Every development text of the corpus is scored leave-one-text-out: the
detector is fitted on all the other development texts and run on the one
left out.  The dev-test texts named in ``structure_split.json`` (never read
while the detector is written) are scored apart, by a detector fitted on all
development texts.  The scoring is ``../shared/tools/score-structure``'s own
(loaded from there), so the figures are the ones that tool prints.

What is fitted today: nothing.  The detector's rules and cue tables are
hand-written, so each fold runs the shipped detector and the leave-one-out
figure equals the plain one; the harness is ready for anything learned
(``fit`` below is where a trained model goes in).

usage: python benchmarks/eval_structure.py [--corpus DIR] [--json FILE] [--texts]
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SPLIT = json.loads((Path(__file__).with_name("structure_split.json")).read_text("utf-8"))

Detector = Callable[[Path], dict[str, Any]]
"""A fitted detector: a source file to its ``edition explain --format json`` data."""


def scorer(path: Path = SHARED / "tools" / "score-structure") -> ModuleType:
    """The shared scoring tool as a module (it has no .py suffix)."""
    loader = importlib.machinery.SourceFileLoader("score_structure", str(path))
    spec = importlib.util.spec_from_loader("score_structure", loader)
    if spec is None or not path.is_file():
        raise SystemExit(f"eval_structure: the scorer is not at {path}")
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def fit(training: list[Path]) -> Detector:
    """The detector fitted on ``training`` (text files with labels beside them).

    Nothing is learned from the corpus yet, so every fold gets the shipped detector.
    """
    from edition.explain import explain_data
    from edition.pipeline import load_document

    del training  # nothing to fit: the rules and cue tables are the package's own
    return lambda path: explain_data(load_document(path))


def labels_of(text: Path) -> dict[str, Any]:
    return json.loads(text.with_name(text.stem + ".expected.json").read_text("utf-8"))


class Tally:
    """Sums of one split, as score-structure keeps them."""

    def __init__(self, score: ModuleType) -> None:
        self.score = score
        self.totals = {field: [0, 0, 0, 0] for field in score.CATEGORIES}
        self.paragraph_errors: list[float] = []
        self.titles = [0, 0]
        self.failed = 0
        self.texts = 0

    def add(self, labels: dict[str, Any], explain: dict[str, Any]) -> dict[str, float]:
        rows, (want_p, got_p), (titles, hits) = self.score.score_file(labels, explain)
        own = {}
        for field, counts in rows.items():
            self.totals[field] = [a + b for a, b in zip(self.totals[field], counts, strict=True)]
            if counts[0] or counts[1]:
                own[field] = self.score.f1(*counts)[0]
        if want_p:
            self.paragraph_errors.append(abs(got_p - want_p) / want_p)
        self.titles = [self.titles[0] + titles, self.titles[1] + hits]
        self.texts += 1
        return own

    def summary(self) -> dict[str, Any]:
        categories = {}
        for field, counts in self.totals.items():
            f, p, r = self.score.f1(*counts)
            categories[field] = {"f1": round(f, 4), "precision": round(p, 4), "recall": round(r, 4),
                                 "labels": counts[0], "found": counts[1]}
        errors = self.paragraph_errors
        return {"texts": self.texts, "categories": categories,
                "paragraph_count_error": round(sum(errors) / len(errors), 4) if errors else 0.0,
                "titles": {"labels": self.titles[0], "found": self.titles[1]}, "runs_failed": self.failed}


def evaluate(corpus: Path, show_texts: bool = False) -> dict[str, Any]:
    """Leave-one-text-out on the development texts, and the dev-test texts apart."""
    score = scorer()
    texts = sorted(p for p in corpus.glob("*.txt") if p.with_name(p.stem + ".expected.json").is_file())
    held = [p for p in texts if p.stem in SPLIT["dev_test"]]
    dev = [p for p in texts if p.stem not in SPLIT["dev_test"]]
    missing = set(SPLIT["dev_test"]) - {p.stem for p in held}
    if missing:
        raise SystemExit(f"eval_structure: dev-test texts not in {corpus}: {sorted(missing)}")
    loo, apart = Tally(score), Tally(score)
    started = time.perf_counter()
    lines = 0
    for text in dev:
        detector = fit([p for p in dev if p != text])
        own = _run(detector, text, loo)
        lines += text.read_text("utf-8", errors="replace").count("\n") + 1
        if show_texts:
            print(f"  {text.stem[:44]:44} " + "  ".join(f"{k[:5]} {v:.2f}" for k, v in own.items()))
    detector = fit(dev)
    for text in held:
        _run(detector, text, apart)
    return {"development (leave-one-text-out)": loo.summary(), "dev-test (fitted on development)": apart.summary(),
            "seconds": round(time.perf_counter() - started, 2), "development lines": lines}


def _run(detector: Detector, text: Path, tally: Tally) -> dict[str, float]:
    try:
        explain = detector(text)
    except Exception as exc:  # noqa: BLE001 - a failed run is a zero for the text, as in the scorer
        print(f"  {text.name}: FAILED ({type(exc).__name__}: {exc})", file=sys.stderr)
        tally.failed += 1
        explain = {"units": []}
    return tally.add(labels_of(text), explain)


def table(results: dict[str, Any]) -> str:
    splits = [k for k in results if isinstance(results[k], dict)]
    heads = [f"{name.split(' ')[0]} ({results[name]['texts']} texts)" for name in splits]
    out = [f"{'':18}" + "".join(f"{head:>34}" for head in heads)]
    out.append(f"{'':18}" + "".join(f"{'F1     P     R    labels':>34}" for _ in splits))
    for field in results[splits[0]]["categories"]:
        row = f"{field:18}"
        for name in splits:
            c = results[name]["categories"][field]
            row += f"{c['f1']:>14.2f}{c['precision']:>6.2f}{c['recall']:>6.2f}{c['labels']:>8}"
        out.append(row)
    out.append(f"{'paragraph count':18}" + "".join(
        f"{'error ' + format(results[n]['paragraph_count_error'], '.0%'):>34}" for n in splits))
    out.append(f"{'titles':18}" + "".join(
        f"{str(results[n]['titles']['found']) + '/' + str(results[n]['titles']['labels']):>34}" for n in splits))
    out.append(f"{'runs failed':18}" + "".join(f"{results[n]['runs_failed']:>34}" for n in splits))
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--texts", action="store_true", help="print each development text's own F1s")
    args = parser.parse_args()
    results = evaluate(args.corpus, args.texts)
    print(table(results))
    print(f"{results['development lines']} development lines, {results['seconds']} s in all")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
