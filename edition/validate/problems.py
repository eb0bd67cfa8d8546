"""One thing wrong with a TEI file, said the way editors and compilers say it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from edition.errors import XmlInputError

Source = Literal["xml", "rng", "sch"]


@dataclass(frozen=True)
class Problem:
    """A problem found in a TEI document, with where it is."""

    path: str
    line: int | None
    """1-based line in the file; None for a tree that was never parsed."""
    message: str
    source: Source
    """Who found it: the XML parser, the RELAX NG schema or the Schematron."""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"

    @classmethod
    def from_error(cls, err: XmlInputError) -> Problem:
        """The problem an unparseable file makes, for reports that list
        every file's problems instead of stopping at the first bad file."""
        return cls(err.path, err.line, err.message, "xml")
