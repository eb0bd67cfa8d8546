"""Check TEI against the project's schemas: edition.rng, then edition.sch.

Compiling the schemas is the slow part, so a ``Validator`` is built once
per process and reused for every file.  It is not thread-safe (lxml keeps
each schema's error log on the schema object).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import cast

from lxml import etree, isoschematron

from edition.resources import schemas_dir
from edition.validate.problems import Problem
from edition.validate.xmlsafe import parse, parse_file

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
RNG = {"r": "http://relaxng.org/ns/structure/1.0"}
TEI = {"t": "http://www.tei-c.org/ns/1.0"}
BULLETED_HEADS = "//t:list[@type = 'bulleted']/t:head"
"""What the quick grammar lets through that edition.rng does not (see ``quick_grammar``)."""


def quick_grammar(grammar: etree._ElementTree) -> etree._ElementTree | None:
    """edition.rng with its two ``list`` patterns (bulleted, signatories) made one.

    libxml2 reads a content model by element name when it can; two ``list``
    patterns told apart only by ``@type`` stop it, and validating a text then
    grows with the square of its number of blocks (47,000 slogans in one
    text: 5 s; 94,000: 31 s).  With one pattern it is linear, but libxml2
    then blames an ancestor instead of the faulty element in its messages.
    So this looser grammar (a bulleted list may have heads) only answers
    "valid?" quickly; ``BULLETED_HEADS`` covers the difference, and the exact
    grammar is run for the messages whenever either says no.  None when the
    grammar does not have the two patterns.
    """
    tree = copy.deepcopy(grammar)

    def one(path: str) -> etree._Element | None:
        found = cast(list[etree._Element], tree.xpath(path, namespaces=RNG))
        return found[0] if len(found) == 1 else None

    bulleted = one("//r:define[@name = 'list.bulleted']")
    signatories = one("//r:define[@name = 'list.signatories']/r:element[@name = 'list']")
    kind = one("//r:define[@name = 'list.signatories']/r:element/r:attribute[@name = 'type']/r:value")
    use = one("//r:define[@name = 'common']/r:choice/r:ref[@name = 'list.bulleted']")
    if bulleted is None or signatories is None or kind is None or use is None:
        return None
    either = etree.Element(f"{{{RNG['r']}}}choice")
    for value in ("bulleted", "signatories"):
        etree.SubElement(either, f"{{{RNG['r']}}}value").text = value
    kind_parent, use_parent = kind.getparent(), use.getparent()
    if kind_parent is None or use_parent is None:
        return None
    kind_parent.replace(kind, either)
    use_parent.remove(use)
    return tree


XSL_NS = "http://www.w3.org/1999/XSL/Transform"


def schematron(schema: etree._ElementTree) -> etree.XSLT:
    """A Schematron schema compiled, by lxml's ISO skeleton, to the XSLT that
    writes its SVRL report, with the skeleton's path of an attribute made whole.

    Rules whose context is an attribute (``tei:*/@resp``) are found by name,
    where ``tei:*[@resp]`` is a predicate tried on every element (three times
    slower over a whole text); but the skeleton locates an attribute by
    ``/@resp`` alone, so the path of its element is put in front of it, and
    the problem keeps its line.  Fired rules are not recorded: only failures are read.
    """
    compiled = isoschematron.Schematron(schema, store_xslt=True,
                                        compile_params={"generate-fired-rule": "'false'"})
    xslt = copy.deepcopy(compiled.validator_xslt)
    found = cast(list[etree._Element], xslt.xpath(
        "//x:template[@match = '@*'][@mode = 'schematron-get-full-path']", namespaces={"x": XSL_NS}))
    for template in found:
        template.insert(0, etree.Element(f"{{{XSL_NS}}}apply-templates", select="parent::*",
                                         mode="schematron-get-full-path"))
    return etree.XSLT(xslt)


class Validator:
    """The compiled edition.rng and edition.sch."""

    def __init__(self, schemas: str | Path | None = None) -> None:
        """
        :param schemas: folder holding edition.rng and edition.sch
            (default: ``edition.resources.schemas_dir()``).
        :raises XmlInputError: a schema file is missing or not well-formed.
        """
        folder = Path(schemas) if schemas is not None else schemas_dir()
        grammar = parse_file(folder / "edition.rng")
        self._rng = etree.RelaxNG(grammar)
        quick = quick_grammar(grammar)
        self._quick = etree.RelaxNG(quick) if quick is not None else None
        self._sch = schematron(parse_file(folder / "edition.sch"))

    def check(self, tree: etree._ElementTree, path: str) -> list[Problem]:
        """Every RELAX NG problem of ``tree``, then every Schematron problem
        in file order; ``path`` names the file in them.

        Lines come from the parsed file; a tree built in memory has none, so
        check the serialized bytes (``check_bytes``) to report lines.
        """
        if self._quick is not None and self._quick.validate(tree) and not tree.xpath(
                BULLETED_HEADS, namespaces=TEI):
            problems = []
        else:
            problems = rng_problems(self._rng, tree, path)
        found = _svrl_problems(self._sch(tree), tree, path)
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
