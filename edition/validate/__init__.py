"""Check TEI files: parse them safely, then hold them against the project's schemas."""

from __future__ import annotations

from edition.validate.problems import Problem
from edition.validate.teiall import TeiAllValidator
from edition.validate.validator import Validator
from edition.validate.xmlsafe import parse, parse_file

__all__ = ["Problem", "TeiAllValidator", "Validator", "parse", "parse_file"]
