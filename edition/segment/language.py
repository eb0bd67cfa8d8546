"""Guessing the language of a text that has no metadata saying it."""

from __future__ import annotations

import py3langid

_SAMPLE = 3_000


def guess_language(text: str) -> str:
    """ISO 639-1 code of the text's language (``en`` when there is no text
    to go by).  The classifier is deterministic."""
    sample = text[:_SAMPLE]
    if sum(ch.isalpha() for ch in sample) < 20:
        return "en"
    code, _score = py3langid.classify(sample)
    return str(code)


def load_language_model() -> None:
    """Load the classifier's model now rather than on the first guess
    (classifying anything loads it)."""
    py3langid.classify("")
