"""Where the tests find the project's files and the shared material beside
the checkout (the corpus and the official TEI schema)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED = SEEDS / "000_4d9258613c24280d.txt"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
TEI_ALL = SHARED / "tei" / "tei_all.rng"


def require(path: Path, what: str) -> Path:
    """Skip when shared material is absent (a user's fresh clone); in CI,
    where it must be present, fail instead."""
    if path.exists():
        return path
    message = f"{what} not found at {path} (a folder shared/ beside the checkout)"
    if os.environ.get("CI"):
        pytest.fail(message + "; CI must provide it")
    pytest.skip(message)
    raise AssertionError  # unreachable


def corpus_texts() -> list[Path]:
    """The corpus texts, or an empty list when the corpus is absent."""
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
