"""The full TEI P5 schema (tei_all.rng), for tests and checks, not builds.

Compiling tei_all takes seconds, so builds use the project's own
edition.rng; tests use this to prove that edition.rng stays inside TEI.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from edition.validate.problems import Problem
from edition.validate.validator import rng_problems
from edition.validate.xmlsafe import parse_file


class TeiAllValidator:
    """A compiled tei_all.rng (or any other RELAX NG schema in XML syntax)."""

    def __init__(self, rng_path: str | Path) -> None:
        """:raises XmlInputError: the schema file is missing or not well-formed."""
        self._rng = etree.RelaxNG(parse_file(rng_path))

    def check(self, tree: etree._ElementTree, path: str) -> list[Problem]:
        """Every RELAX NG problem of ``tree``, named ``path``."""
        return rng_problems(self._rng, tree, path)
