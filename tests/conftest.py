"""Shared fixtures: the compiled schemas, built once per session."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from edition.validate import TeiAllValidator, Validator
from tests.paths import TEI_ALL, require

# Hypothesis profiles: "ci" (the default) keeps the suite in CI's budget with
# hundreds of examples per property; "long" is for a run started by hand:
#   python -m pytest tests/robustness --hypothesis-profile=long
# Tests that fix max_examples themselves keep their own count.
settings.register_profile("ci", max_examples=300, deadline=None)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config: pytest.Config) -> None:
    """The language model is unpacked into a folder of this run, not the
    user's cache (commands the tests start inherit it)."""
    import tempfile

    if "EDITION_CACHE" not in os.environ:
        os.environ["EDITION_CACHE"] = tempfile.mkdtemp(prefix="edition-test-cache-")


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


@pytest.fixture()
def run():
    """``run(*args)``: the ``edition`` command in process (click's runner),
    arguments turned to strings, exceptions let through."""
    from click.testing import CliRunner

    from edition.cli import cli

    runner = CliRunner()

    def invoke(*args: object):  # type: ignore[no-untyped-def]
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke
