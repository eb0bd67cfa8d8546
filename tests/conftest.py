"""Shared fixtures: the compiled schemas, built once per session."""

from __future__ import annotations

import pytest

from edition.validate import TeiAllValidator, Validator
from tests.paths import TEI_ALL, require


@pytest.fixture(scope="session")
def tei_all() -> TeiAllValidator:
    """The official TEI P5 schema (../shared/tei/tei_all.rng beside the
    checkout) compiled once, which takes about 8 s.  Skipped with the reason
    when the file is absent, except on CI (``CI`` set), where that fails."""
    return TeiAllValidator(require(TEI_ALL, "the TEI P5 schema tei_all.rng"))


@pytest.fixture(scope="session")
def validator() -> Validator:
    """edition.rng and edition.sch, compiled once."""
    return Validator()
