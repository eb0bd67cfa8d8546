"""Check TEI against the project's schemas: edition.rng, then edition.sch.

Compiling the schemas is the slow part, so a ``Validator`` is built once
per process and reused for every file.  It is not thread-safe (lxml keeps
each schema's error log on the schema object).
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree, isoschematron

from edition.resources import schemas_dir
from edition.validate.problems import Problem
from edition.validate.xmlsafe import parse, parse_file

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"


class Validator:
    """The compiled edition.rng and edition.sch."""

    def __init__(self, schemas: str | Path | None = None) -> None:
        """
        :param schemas: folder holding edition.rng and edition.sch
            (default: ``edition.resources.schemas_dir()``).
        :raises XmlInputError: a schema file is missing or not well-formed.
        """
        folder = Path(schemas) if schemas is not None else schemas_dir()
        self._rng = etree.RelaxNG(parse_file(folder / "edition.rng"))
        self._sch = isoschematron.Schematron(parse_file(folder / "edition.sch"), store_report=True)

    def check(self, tree: etree._ElementTree, path: str) -> list[Problem]:
        """Every RELAX NG problem of ``tree``, then every Schematron problem
        in file order; ``path`` names the file in them.

        Lines come from the parsed file; a tree built in memory has none, so
        check the serialized bytes (``check_bytes``) to report lines.
        """
        problems = rng_problems(self._rng, tree, path)
        self._sch.validate(tree)
        found = _svrl_problems(self._sch.validation_report, tree, path)
        problems.extend(sorted(found, key=lambda p: p.line or 0))  # in file order, not rule order
        return problems

    def check_bytes(self, data: bytes, path: str) -> list[Problem]:
        """Parse ``data`` safely, then ``check`` it.

        :raises XmlInputError: not well-formed, or hostile.
        """
        return self.check(parse(data, path), path)

    def check_file(self, path: str | Path) -> list[Problem]:
        """Read and parse the file safely, then ``check`` it.

        :raises XmlInputError: unreadable, not well-formed, or hostile.
        """
        return self.check(parse_file(path), str(path))


def rng_problems(rng: etree.RelaxNG, tree: etree._ElementTree, path: str) -> list[Problem]:
    """The errors of one RELAX NG validation as problems."""
    if rng.validate(tree):
        return []
    return [Problem(path, e.line or None, e.message, "rng") for e in rng.error_log]


def _svrl_problems(report: etree._ElementTree, tree: etree._ElementTree,
                   path: str) -> list[Problem]:
    """Failed asserts and successful reports, placed on the line of the
    element their SVRL location points at."""
    problems = []
    for node in report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
        text = node.findtext(f"{{{SVRL_NS}}}text") or ""
        message = " ".join(text.split())
        problems.append(Problem(path, _line(tree, node.get("location", "")), message, "sch"))
    return problems


def _line(tree: etree._ElementTree, location: str) -> int | None:
    """Source line of the node an SVRL location (an XPath) selects."""
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return None
    if not isinstance(found, list) or not found:
        return None
    node = found[0]
    if not isinstance(node, etree._Element):  # an attribute or text result
        parent = getattr(node, "getparent", None)
        node = parent() if parent is not None else None
    if not isinstance(node, etree._Element):
        return None
    line: int | None = node.sourceline
    return line
