"""The data that flows between stages.

Every stage is a pure function from one of these types to the next:
``Source`` (read) -> ``NormalizedText`` (normalize) -> ``Document`` (segment)
-> TEI tree (tei).  All types are frozen so a stage cannot change what an
earlier stage produced.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """A decoded source file, as read from disk."""

    path: str
    """How the file is named in messages (as the user gave it)."""
    name: str
    """File name without its suffix: names the outputs (NAME.tei.xml)."""
    filename: str
    """File name with its suffix, recorded in the teiHeader."""
    sha256: str
    """Hex digest of the bytes on disk, recorded in the teiHeader."""
    encoding: str
    """Encoding the bytes were decoded with, as Python names it (``utf-8``,
    ``utf-8-sig``, ``utf-16-le``, ``cp1251``, ``koi8-r``, ``iso8859-1``, ...)."""
    text: str
    """The decoded text, line ends untouched."""
    encoding_basis: str = ""
    """How the encoding was decided: ``declared`` (``--encoding``), ``bom``,
    ``utf-8`` (the bytes are valid UTF-8) or ``detected`` (charset-normalizer
    among the legacy encodings); empty when not known (a Source made in code)."""
    encoding_confidence: float | None = None
    """For a detected encoding, 1 minus charset-normalizer's mess ratio."""


@dataclass(frozen=True)
class Piece:
    """A run of one line: what the source has and what the edition reads.

    Unchanged runs have ``orig == reg`` and ``rule is None``; a run that a
    normalization rule changed carries that rule's id.
    """

    orig: str
    reg: str
    rule: str | None = None

    @property
    def changed(self) -> bool:
        return self.rule is not None


@dataclass(frozen=True)
class Line:
    """One source line after normalization, kept as pieces so that both
    readings stay recoverable."""

    number: int
    """1-based line number in the source."""
    pieces: tuple[Piece, ...]

    @functools.cached_property
    def text(self) -> str:
        """The regularized reading of the line (joined once: the segmenter
        and the TEI builder read it many times)."""
        return "".join(p.reg for p in self.pieces)

    @functools.cached_property
    def orig(self) -> str:
        """The diplomatic reading of the line."""
        return "".join(p.orig for p in self.pieces)


@dataclass(frozen=True)
class Intervention:
    """One change made by a normalization rule, for the record."""

    rule: str
    line: int
    column: int
    """1-based column in the source line where the change starts."""
    orig: str
    reg: str


@dataclass(frozen=True)
class NormalizedText:
    """Output of normalize: the lines (one per source line) and every
    intervention made on them."""

    source: Source
    lines: tuple[Line, ...]
    interventions: tuple[Intervention, ...]
    language: str = ""
    """The language whose typographic rules ran (empty: none was given, the default's ran)."""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Span:
    """A stretch of one normalized line: ``line.text[start:end]``."""

    line: int
    """1-based line number."""
    start: int
    end: int


@dataclass(frozen=True)
class Mark:
    """A named thing inside a block's text (a date, a place, a signatory's
    name), as offsets into ``Block.text``."""

    kind: str
    """``date``, ``placeName``, ``persName``, ``orgName``, or ``name`` (whoever a
    photo credit names)."""
    start: int
    end: int
    value: str = ""
    """For dates: the ISO 8601 form (``2014-03-08``)."""


@dataclass(frozen=True)
class Block:
    """A typed stretch of text, with the rule that typed it and where it
    comes from.  ``text == " ".join(span texts)``."""

    type: str
    text: str
    spans: tuple[Span, ...]
    rule: str
    marks: tuple[Mark, ...] = ()
    markers: tuple[Span, ...] = ()
    """Source text the segmenter read as markup, not text (a bullet, the comma
    between two signatories on one line): not part of ``text``, but kept so
    the diplomatic reading loses nothing."""
    cert: str = "high"
    """How sure the detector is of the type: ``high``, ``medium`` or ``low``
    (see ``segment.certainty``); an editor's override is ``high``."""
    resp: str = ""
    """Who decided the type when it was not the detector: the id of the
    editor whose sidecar override typed the block."""
    evidence: str = ""
    """The strongest reason for the type, in words, when the rule can say
    more than its description (``explain`` shows it)."""
    starts_text: bool = False
    """An editor's override says a new text begins with this block."""

    @property
    def lines(self) -> tuple[int, int]:
        return (self.spans[0].line, self.spans[-1].line)


@dataclass(frozen=True)
class Unit:
    """One text of the file (a statement, a letter) or one figure."""

    kind: str
    """``text`` or ``figure``."""
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Agent:
    """A person or an organization named in the metadata."""

    name: str
    kind: str = "org"
    """``person`` or ``org``."""


@dataclass(frozen=True)
class Override:
    """An editor's correction of the detector, from the sidecar's
    ``structure`` section, anchored on the text rather than on line numbers."""

    index: int
    """Position in the sidecar's list (0-based), for messages."""
    at: str
    """The anchored line's whole text or its opening words (with ``to``: the
    first line of a range)."""
    as_type: str = ""
    """The block type the anchored line(s) get; empty: the detector's."""
    to: str = ""
    """The last line of a range, anchored like ``at`` (searched after it)."""
    join: bool = False
    """The range is one block (two lines that are one item), not one per line."""
    starts_text: bool = False
    """A new text begins at the anchored line."""
    occurrence: int = 0
    """Which of several lines matching ``at`` is meant (1-based); 0: the
    anchor must match exactly one line."""


@dataclass(frozen=True)
class Placed:
    """An override with the source lines (0-based, inclusive) it was found at."""

    override: Override
    first: int
    last: int

    @property
    def claims(self) -> bool:
        """Whether the override types its lines (else it only starts a text)."""
        return bool(self.override.as_type)


@dataclass(frozen=True)
class Metadata:
    """What the sidecar NAME.json says about a source, with defaults filled."""

    title: str = ""
    authors: tuple[Agent, ...] = ()
    publication: str = ""
    """Where the source was published (a site, a paper)."""
    url: str = ""
    date: str = ""
    """ISO 8601 date of the source, when known."""
    language: str = ""
    """BCP 47 language tag; empty means detect from the text."""
    editors: tuple[Agent, ...] = ()
    licence: str = ""
    publisher: str = ""
    """Who publishes this edition."""
    structure: tuple[Override, ...] = ()
    """The editor's corrections of the detected structure, in sidecar order."""
    sidecar: str = field(default="", compare=False)
    """How the sidecar is named in messages (empty: there is none); not
    part of what the metadata says, so not compared."""

    @property
    def editor_id(self) -> str:
        """The xml:id the TEI gives whoever corrected the structure: the
        first editor named, else an editor the metadata does not name."""
        return "editor-1" if self.editors else "editor"


@dataclass(frozen=True)
class Document:
    """Output of segment: the units in reading order."""

    source: Source
    normalized: NormalizedText
    units: tuple[Unit, ...]
    metadata: Metadata = field(default_factory=Metadata)
    language: str = "en"
    """The language used for the TEI (metadata, else detected)."""
    overrides: tuple[Placed, ...] = ()
    """The sidecar's structure overrides, with the lines each was applied to."""
    layout: str = ""
    """How the file's layout was read (paragraph ends, hard wrapping), in words."""


@dataclass(frozen=True)
class Collection:
    """What a collection file (``--collection FILE``) says of the texts of a
    build taken together: checked against ``schemas/collection.schema.json``."""

    name: str
    """Names the collection's outputs: ``NAME.corpus.tei.xml``."""
    title: str
    editors: tuple[Agent, ...] = ()
    order: tuple[str, ...] = ()
    """Texts by name (source file name less ``.txt``) in the collection's order."""
    licence: str = ""
    publisher: str = ""
    date: str = ""
    path: str = ""
    """How the collection file is named in messages."""
