"""The development corpus as a whole, scored by ../shared/tools/score-structure
against its hand labels, may not fall below the floor in structure_floor.json.

The floor is what detection reaches today; it rises with every improvement,
so a change that loses ground anywhere fails here even while the corpus is
far from its labels.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.paths import CORPUS, SHARED, require

FLOOR = json.loads((Path(__file__).parent / "structure_floor.json").read_text("utf-8"))
SCORER = SHARED / "tools" / "score-structure"


@pytest.fixture(scope="module")
def score(tmp_path_factory: pytest.TempPathFactory) -> dict:
    require(SCORER, "the structure scorer")
    require(CORPUS, "the development corpus")
    out = tmp_path_factory.mktemp("score") / "score.json"
    command = f"{shlex.quote(sys.executable)} -m edition explain {{file}} --format json"
    subprocess.run([sys.executable, str(SCORER), "--cmd", command, "--json", str(out), str(CORPUS)],
                   check=True, capture_output=True, text=True, timeout=900)
    return json.loads(out.read_text("utf-8"))


@pytest.mark.parametrize("category", sorted(FLOOR["floor"]["f1"]))
def test_category_f1_holds(score: dict, category: str) -> None:
    assert score["categories"][category]["f1"] >= FLOOR["floor"]["f1"][category]


def test_mean_f1_paragraphs_titles_and_runs_hold(score: dict) -> None:
    floor = FLOOR["floor"]
    assert score["mean_f1"] >= floor["mean_f1"]
    assert score["paragraph_count_error"] <= floor["paragraph_count_error_at_most"]
    assert score["titles"]["found"] >= floor["titles_found"]
    assert score["runs_failed"] <= floor["runs_failed_at_most"]


def test_exact_texts_are_corpus_texts() -> None:
    """A name in the exact list that is no corpus text would test nothing."""
    require(CORPUS, "the development corpus")
    assert {name for name in FLOOR["exact"] if not (CORPUS / f"{name}.txt").is_file()} == set()


def evaluation() -> ModuleType:
    """benchmarks/eval_structure.py, which the floors below judge by."""
    require(SCORER, "the structure scorer")
    require(CORPUS, "the development corpus")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        import eval_structure
    finally:
        sys.path.pop(0)
    return eval_structure


@pytest.fixture(scope="module")
def leave_one_out() -> dict:
    return evaluation().evaluate(CORPUS)["development (leave-one-text-out)"]


@pytest.mark.parametrize("category", sorted(FLOOR["leave_one_out"]["f1"]))
def test_leave_one_out_category_f1_holds(leave_one_out: dict, category: str) -> None:
    assert leave_one_out["categories"][category]["f1"] >= FLOOR["leave_one_out"]["f1"][category]


def test_leave_one_out_paragraphs_titles_and_runs_hold(leave_one_out: dict) -> None:
    floor = FLOOR["leave_one_out"]
    assert leave_one_out["paragraph_count_error"] <= floor["paragraph_count_error_at_most"]
    assert leave_one_out["titles"]["found"] >= floor["titles_found"]
    assert leave_one_out["runs_failed"] <= floor["runs_failed_at_most"]


def test_leave_one_out_certainty_means_what_it_says(leave_one_out: dict) -> None:
    """Blocks called high were right at least this often on texts the
    certainty table was not fitted to, and more often than the others."""
    levels = leave_one_out["certainty"]
    high = levels["high"]["share_right"]
    assert high >= FLOOR["leave_one_out"]["certainty_high_share_right_at_least"]
    assert all(high > levels[k]["share_right"] for k in ("medium", "low") if levels[k]["blocks"])


@pytest.fixture(scope="module")
def reshaped() -> dict:
    module = evaluation()
    return {(kind, name): splits["development"] for kind, results in
            (("layouts", module.laid_out(CORPUS)), ("lists", module.listed(CORPUS)),
             ("credits", module.credited(CORPUS)))
            for name, splits in results.items()}


@pytest.mark.parametrize("kind, shape", sorted((kind, name) for kind in ("layouts", "lists", "credits")
                                               for name in FLOOR[kind]))
def test_a_new_shape_keeps_the_figures(reshaped: dict, kind: str, shape: str) -> None:
    """The development texts laid out anew (no blank lines; hard-wrapped;
    indented), with their signatory lists set anew (numbered, bulleted,
    a run of commas, two columns), or their credits moved to lines of
    their own, keep at least the figures of
    structure_floor.json: detection reads shapes, not the blank lines and
    list styles of the files it was written against."""
    got, floor = reshaped[(kind, shape)], FLOOR[kind][shape]
    assert {c: got["categories"][c]["f1"] for c in floor["f1"]
            if got["categories"][c]["f1"] < floor["f1"][c]} == {}
    assert got["paragraph_count_error"] <= floor["paragraph_count_error_at_most"]
    assert got["titles"]["found"] >= floor["titles_found"]
    assert got["runs_failed"] <= floor["runs_failed_at_most"]
