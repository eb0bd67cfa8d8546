"""Structure detection judged on texts it was not fitted to.

Every development text of the corpus is scored leave-one-text-out: the
detector is fitted on all the other development texts and run on the one
left out.  The dev-test texts named in ``structure_split.json`` (never read
while the detector is written) are scored apart, by a detector fitted on all
development texts.  The scoring is ``../shared/tools/score-structure``'s own
(loaded from there), so the figures are the ones that tool prints.

What is fitted today: the certainty table (how often each kind of block
was right), fitted inside each fold and judged on the text left out.  The
rules and cue tables are hand-written, so the blocks' types are the shipped
detector's in every fold and the leave-one-out category figures equal the
plain ones.  ``fit`` below is where anything else learned goes in.

Texts are laid out in many ways, so ``--layouts`` also scores the texts
set with long lines (a paragraph to a line) after laying each out anew, as
other sources are: with no blank line between paragraphs, hard-wrapped at
72 characters, both hard-wrapped and indented as in a book, and hard-wrapped
with neither blank lines nor indents, as text copied out of a PDF.  The labels still hold (the scorer ignores spacing), so
what changes is the layout alone: a detector that reads shapes keeps its
figures, one that leans on blank lines loses them.

Signatory lists too take many shapes, so ``--lists`` sets every run of
labelled names that stand one to a line anew: numbered, bulleted, as one
run separated by commas (semicolons when a name holds a comma), and in two
columns.

Credits too: ``--credits`` sets each labelled credit that ends its
caption's line on a line of its own, below the caption and above it.

usage: python benchmarks/eval_structure.py [--corpus DIR] [--json FILE] [--texts] [--layouts] [--lists]
       [--credits] [--calibrate]
"""

from __future__ import annotations

import argparse
import functools
import importlib.machinery
import importlib.util
import json
import re
import shutil
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SPLIT = json.loads((Path(__file__).with_name("structure_split.json")).read_text("utf-8"))

Judged = list[tuple[Any, list[str], bool]]
"""Blocks of one text, each with whether the labels agree with its type."""


def scorer(path: Path = SHARED / "tools" / "score-structure") -> ModuleType:
    """The shared scoring tool as a module (it has no .py suffix)."""
    loader = importlib.machinery.SourceFileLoader("score_structure", str(path))
    spec = importlib.util.spec_from_loader("score_structure", loader)
    if spec is None or not path.is_file():
        raise SystemExit(f"eval_structure: the scorer is not at {path}")
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def fit(training: list[Judged]) -> Any:
    """What is learned from the training texts: the certainty table (how
    often each kind of block was right).  The rules and cue tables are
    hand-written, so the blocks' types are the shipped detector's in every
    fold; only their certainty depends on the fold."""
    from edition.segment import certainty

    return certainty.fit([pair for judged in training for pair in judged], certainty.shipped())


def judge(score: ModuleType, labels: dict[str, Any], blocks: list[Any], lines: list[str]) -> Judged:
    """Each block, right or wrong by the labels: a block of a scored type is
    right when a label of its category matches it, a title when a labelled
    title does; any other block (a paragraph, a lead) is right when no
    label of a scored category matches it (it hides no slogan, name or
    caption)."""
    wanted = {field: [s for d in labels["documents"] for s in d.get(field, [])]
              for field in score.CATEGORIES}
    titles = [d["title"] for d in labels["documents"] if d.get("title")]
    category = {t: field for field, types in score.CATEGORIES.items() for t in types}
    out = []
    for block in blocks:
        field = category.get(block.type)
        if field:
            right = any(score.matches(w, block.text) for w in wanted[field])
        elif block.type == "title":
            right = any(score.matches(t, block.text) for t in titles)
        else:
            right = not any(score.matches(w, block.text) for ws in wanted.values() for w in ws)
        out.append((block, lines, right))
    return out


class Calibration:
    """How often blocks given each certainty were right, on texts the
    certainty table was not fitted to."""

    def __init__(self) -> None:
        self.levels = {level: [0, 0] for level in ("high", "medium", "low")}

    def add(self, table: Any, judged: Judged) -> None:
        for block, lines, right in judged:
            tally = self.levels[table.level(block, lines)]
            tally[0] += right
            tally[1] += 1

    def summary(self) -> dict[str, Any]:
        return {level: {"blocks": n, "right": r, "share_right": round(r / n, 4) if n else None}
                for level, (r, n) in self.levels.items()}


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

    def add(self, labels: dict[str, Any], explain: dict[str, Any] | None) -> dict[str, float]:
        rows, (want_p, got_p), (titles, hits) = self.score.score_file(labels, explain or {"units": []})
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
    started = time.perf_counter()
    runs = {text: _run(text) for text in texts}
    segmenting = time.perf_counter() - started
    judged = {text: judge(score, labels_of(text), *runs[text][1:]) for text in texts}
    loo, apart = Tally(score), Tally(score)
    loo_cal, apart_cal = Calibration(), Calibration()
    lines = 0
    for text in dev:
        table = fit([judged[p] for p in dev if p != text])
        loo_cal.add(table, judged[text])
        own = loo.add(labels_of(text), *runs[text][:1])
        lines += text.read_text("utf-8", errors="replace").count("\n") + 1
        if show_texts:
            print(f"  {text.stem[:44]:44} " + "  ".join(f"{k[:5]} {v:.2f}" for k, v in own.items()))
    table = fit([judged[p] for p in dev])
    for text in held:
        apart.add(labels_of(text), runs[text][0])
        apart_cal.add(table, judged[text])
    for tally, text_list in ((loo, dev), (apart, held)):
        tally.failed = sum(1 for t in text_list if runs[t][0] is None)
    results = {"development (leave-one-text-out)": loo.summary(), "dev-test (fitted on development)": apart.summary(),
               "seconds": round(time.perf_counter() - started, 2), "development lines": lines,
               "segmenting seconds": round(segmenting, 2)}
    results["development (leave-one-text-out)"]["certainty"] = loo_cal.summary()
    results["dev-test (fitted on development)"]["certainty"] = apart_cal.summary()
    return results


LONG_LINE = 100
"""A text with a line longer than this is set a paragraph to a line (not
hard-wrapped): the one kind that can be laid out anew without guessing
where its paragraphs end."""
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n)+")


def one_per_line(text: str) -> str:
    """The text with no blank line anywhere: a paragraph (or a name) a line."""
    return _BLANK_LINES.sub("\n", text)


def hard_wrapped(text: str, width: int = 72) -> str:
    """Every line longer than ``width`` wrapped at a space, as e-mail is."""
    out: list[str] = []
    for line in text.split("\n"):
        wrapped = textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)
        out.extend(wrapped if len(line) > width and wrapped else [line])
    return "\n".join(out)


def indented(text: str) -> str:
    """Hard-wrapped at 72, each paragraph's first line indented by four
    spaces and no blank line between paragraphs, as in a book."""
    blocks = [b for b in _BLANK_LINES.split(hard_wrapped(text)) if b.strip()]
    return "\n".join("    " + b.lstrip(" ") for b in blocks) + "\n"


def wrapped_without_blank_lines(text: str) -> str:
    """Hard-wrapped at 72 with no blank line between paragraphs and no
    indent, as text copied out of a PDF is: only a line stopping short of
    the width ends a paragraph."""
    blocks = [b for b in _BLANK_LINES.split(hard_wrapped(text)) if b.strip()]
    return "\n".join(b.lstrip(" ") for b in blocks) + "\n"


LAYOUTS: dict[str, Callable[[str], str]] = {
    "one paragraph per line, no blank lines": one_per_line,
    "hard-wrapped at 72": hard_wrapped,
    "hard-wrapped, indented, no blank lines": indented,
    "hard-wrapped, no blank lines": wrapped_without_blank_lines,
}
"""The layouts ``--layouts`` sets the texts in, each a function of the text."""


_MARKER = re.compile(r"^\s*(?:[-*\u2022\u2013]\s+|\d{1,4}[.)]\s+)")
"""A list marker at the start of a line (a bullet or a number)."""
MIN_LIST = 3
"""The fewest labelled names in a row that ``--lists`` sets anew."""


def _name_runs(lines: list[str], names: list[str], score: ModuleType) -> list[list[int]]:
    """The runs of lines that each hold one labelled signatory (blank lines
    between them allowed, any other line ending a run)."""
    wanted = {score.norm(n) for n in names}
    runs: list[list[int]] = []
    for k, line in enumerate(lines):
        if not line.strip() or score.norm(_MARKER.sub("", line)) not in wanted:
            continue
        if runs and not any(lines[j].strip() for j in range(runs[-1][-1] + 1, k)):
            runs[-1].append(k)
        else:
            runs.append([k])
    return [run for run in runs if len(run) >= MIN_LIST]


def _numbered(items: list[str]) -> list[str]:
    return [f"{n}. {item}" for n, item in enumerate(items, 1)]


def _bulleted(items: list[str]) -> list[str]:
    return [f"\u2022 {item}" for item in items]


def _comma_run(items: list[str]) -> list[str]:
    """One line of names, by semicolons when a name holds a comma."""
    return [("; " if any("," in item for item in items) else ", ").join(items) + "."]


def _two_columns(items: list[str]) -> list[str]:
    width = max(map(len, items)) + 4
    return [(items[n].ljust(width) + (items[n + 1] if n + 1 < len(items) else "")).rstrip()
            for n in range(0, len(items), 2)]


LISTS: dict[str, Callable[[list[str]], list[str]]] = {
    "numbered": _numbered,
    "bulleted": _bulleted,
    "one run of commas": _comma_run,
    "two columns": _two_columns,
}
"""The shapes ``--lists`` sets every signatory list in, each a function of its names."""


def reshaped(text: str, names: list[str], shape: Callable[[list[str]], list[str]], score: ModuleType) -> str | None:
    """The text with each run of its labelled names set in ``shape`` (None
    when it has no such run: the names share lines with other text)."""
    lines = text.split("\n")
    runs = _name_runs(lines, names, score)
    if not runs:
        return None
    for run in reversed(runs):
        lines[run[0]:run[-1] + 1] = shape([_MARKER.sub("", lines[k]).strip() for k in run])
    return "\n".join(lines)


def listed(corpus: Path) -> dict[str, Any]:
    """Every list shape's figures on the texts whose signatories stand one
    to a line, development and dev-test texts apart."""
    score = scorer()

    def variant(text: Path, original: str, shape: Callable[[list[str]], list[str]]) -> str | None:
        names = [s for d in labels_of(text)["documents"] for s in d.get("signatories", [])]
        return reshaped(original, names, shape, score) if names else None

    return _rescored(corpus, {name: functools.partial(variant, shape=shape) for name, shape in LISTS.items()})


def _credit_below(caption: str, credit: str) -> str:
    return f"{caption}\n{credit}"


def _credit_above(caption: str, credit: str) -> str:
    return f"{credit}\n{caption}"


CREDITS: dict[str, Callable[[str, str], str]] = {
    "credit on its own line below the caption": _credit_below,
    "credit on its own line above the caption": _credit_above,
}
"""Where ``--credits`` moves every credit that ends its caption's line."""


def moved_credits(text: str, credits: list[str], place: Callable[[str, str], str]) -> str | None:
    """The text with each labelled credit that ends a caption's line (after
    a space or a separator) set on a line of its own, by ``place``; None
    when no credit ends a caption's line."""
    lines = text.split("\n")
    moved = 0
    for k, line in enumerate(lines):
        for credit in credits:
            at = line.rfind(credit)
            caption = line[:at].rstrip(" |\u25a0-\u2013\u2014")
            if at > 0 and caption.strip() and not line[at + len(credit):].strip(" ."):
                lines[k] = place(caption, credit)
                moved += 1
                break
    return "\n".join(lines) if moved else None


def credited(corpus: Path) -> dict[str, Any]:
    """Every credit placing's figures on the texts whose credits end their
    captions' lines, development and dev-test texts apart."""

    def variant(text: Path, original: str, place: Callable[[str, str], str]) -> str | None:
        credits = [s for d in labels_of(text)["documents"] for s in d.get("photo_credits", [])]
        return moved_credits(original, credits, place) if credits else None

    return _rescored(corpus, {name: functools.partial(variant, place=place) for name, place in CREDITS.items()})


def laid_out(corpus: Path) -> dict[str, Any]:
    """Every layout's figures on the texts set a paragraph to a line,
    development and dev-test texts apart (the detector is hand-written, so
    nothing is fitted per fold)."""

    def variant(text: Path, original: str, layout: Callable[[str], str]) -> str | None:
        return layout(original) if max(map(len, original.split("\n"))) > LONG_LINE else None

    return _rescored(corpus, {name: functools.partial(variant, layout=layout) for name, layout in LAYOUTS.items()})


def _rescored(corpus: Path, variants: dict[str, Callable[[Path, str], str | None]]) -> dict[str, Any]:
    """Each variant's figures: every text it makes anew (``variant(text,
    its contents)``, None to leave a text out) scored by the text's labels."""
    score = scorer()
    texts = sorted(p for p in corpus.glob("*.txt") if p.with_name(p.stem + ".expected.json").is_file())
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, variant in variants.items():
            tallies = {"development": Tally(score), "dev-test": Tally(score)}
            for text in texts:
                original = text.read_bytes().decode("utf-8", "surrogateescape").replace("\r\n", "\n")
                made = variant(text, original)
                if made is None:
                    continue
                moved = Path(folder) / text.name
                moved.write_bytes(made.encode("utf-8", "surrogateescape"))
                sidecar = text.with_suffix(".json")
                if sidecar.is_file():
                    shutil.copy(sidecar, moved.with_suffix(".json"))
                tally = tallies["dev-test" if text.stem in SPLIT["dev_test"] else "development"]
                explain = _run(moved)[0]
                tally.add(labels_of(text), explain)
                tally.failed += explain is None
                moved.unlink()
                moved.with_suffix(".json").unlink(missing_ok=True)
            results[name] = {split: tally.summary() for split, tally in tallies.items()}
    return results


def layouts_table(results: dict[str, Any], said: str = "laid out") -> str:
    out = []
    for name, splits in results.items():
        out.append(f"{said}: {name}")
        for split, summary in splits.items():
            cats = "  ".join(f"{field[:6]} {c['f1']:.2f}" for field, c in summary["categories"].items()
                             if c["labels"] or c["found"])
            out.append(f"  {split:12} {summary['texts']:>2} texts  {cats}  paragraphs error "
                       f"{summary['paragraph_count_error']:.0%}  titles {summary['titles']['found']}/"
                       f"{summary['titles']['labels']}  failed {summary['runs_failed']}")
    return "\n".join(out)


def calibrate(corpus: Path) -> Any:
    """The certainty table fitted on every development text (for the package)."""
    score = scorer()
    dev = sorted(p for p in corpus.glob("*.txt") if p.with_name(p.stem + ".expected.json").is_file()
                 and p.stem not in SPLIT["dev_test"])
    return fit([judge(score, labels_of(text), *_run(text)[1:]) for text in dev])


def _run(text: Path) -> tuple[dict[str, Any] | None, list[Any], list[str]]:
    """The explain data of a text, its blocks and its normalized lines
    (None and nothing when the run fails)."""
    from edition.explain import explain_data
    from edition.pipeline import load_document

    try:
        document = load_document(text)
    except Exception as exc:  # noqa: BLE001 - a failed run is a zero for the text, as in the scorer
        print(f"  {text.name}: FAILED ({type(exc).__name__}: {exc})", file=sys.stderr)
        return None, [], []
    return (explain_data(document), [b for unit in document.units for b in unit.blocks],
            [line.text for line in document.normalized.lines])


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
    out.append("certainty: blocks given it, and the share of them right")
    for level in ("high", "medium", "low"):
        row = f"  {level:16}"
        for name in splits:
            c = results[name]["certainty"][level]
            share = "-" if c["share_right"] is None else f"{c['share_right']:.2f}"
            row += f"{str(c['blocks']) + ' blocks, ' + share + ' right':>34}"
        out.append(row)
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--texts", action="store_true", help="print each development text's own F1s")
    parser.add_argument("--layouts", action="store_true",
                        help="also score the texts laid out anew (no blank lines; hard-wrapped; indented; wrapped without blank lines)")
    parser.add_argument("--credits", action="store_true",
                        help="also score the texts with each credit that ends its caption's line set on a line "
                             "of its own, below and above the caption")
    parser.add_argument("--lists", action="store_true",
                        help="also score the texts with their signatory lists set anew (numbered, bulleted, "
                             "one run of commas, two columns)")
    parser.add_argument("--calibrate", action="store_true",
                        help="fit the certainty table on every development text and write it into the package")
    args = parser.parse_args()
    if args.calibrate:
        from edition.segment import certainty

        fitted = calibrate(args.corpus)
        certainty.DATA.write_text(json.dumps(fitted.to_json(), indent=1, ensure_ascii=False) + "\n",
                                  encoding="utf-8")
        print(f"wrote {len(fitted.precision)} kinds of block to {certainty.DATA.relative_to(REPO)}")
        return 0
    results = evaluate(args.corpus, args.texts)
    print(table(results))
    print(f"{results['development lines']} development lines, {results['seconds']} s in all "
          f"({results['segmenting seconds']} s reading and segmenting every text)")
    if args.layouts:
        results["layouts"] = laid_out(args.corpus)
        print(layouts_table(results["layouts"]))
    if args.lists:
        results["lists"] = listed(args.corpus)
        print(layouts_table(results["lists"], "lists set"))
    if args.credits:
        results["credits"] = credited(args.corpus)
        print(layouts_table(results["credits"], "credits moved"))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
