"""Small Documents made by hand, for testing the TEI stages without the
reader, normalizer and segmenter.

``DocMaker`` gives every block fresh source lines, so spans, offsets and
interventions stay consistent without arithmetic in the tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from edition import model


@dataclass(frozen=True)
class NormRule:
    id: str
    description: str
    layout: bool = False


@dataclass(frozen=True)
class SegRule:
    name: str
    description: str


NORMALIZATION_RULES = (
    NormRule("space-before-punctuation", "Removes a space before a comma, period or colon"),
    NormRule("quotes", "Turns straight quotes into typographic ones."),
    NormRule("tabs", "Turns a tab into a space", layout=True),
    NormRule("trailing-whitespace", "Removes spaces at the end of a line", layout=True),
)
SEGMENTATION_RULES = (
    SegRule("title", "The first line of a unit"),
    SegRule("paragraph", "Any other run of lines"),
    SegRule("slogan", "A short exclamation on a line of its own"),
)

Piece = str | tuple[str, str, str]
"""Unchanged text, or (orig, reg, rule id)."""


@dataclass
class DocMaker:
    """Collects units and blocks; ``document()`` freezes them."""

    lines: list[model.Line] = field(default_factory=list)
    units: list[tuple[str, str, list[model.Block]]] = field(default_factory=list)
    interventions: list[model.Intervention] = field(default_factory=list)

    def unit(self, kind: str = "text", title: str = "") -> DocMaker:
        self.units.append((kind, title, []))
        return self

    def block(self, type_: str, *lines: str | tuple[Piece, ...], rule: str = "paragraph",
              marks: tuple[tuple[str, str] | tuple[str, str, str], ...] = ()) -> model.Block:
        """Add a block made of new lines; each line is a string (unchanged)
        or a tuple of pieces.  The span of a line leaves out its edge whitespace (as a
        segmenter would).  Marks are (kind, exact substring[, value])."""
        if not self.units:
            self.unit()
        spans = []
        texts = []
        for pieces in lines:
            line = self._line((pieces,) if isinstance(pieces, str) else pieces)
            text = line.text
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            spans.append(model.Span(line.number, start, end))
            texts.append(text[start:end])
        text = " ".join(texts)
        made = []
        for mark in marks:
            kind, sub, *value = mark
            start = text.index(sub)
            made.append(model.Mark(kind, start, start + len(sub), value[0] if value else ""))
        block = model.Block(type_, text, tuple(spans), rule, tuple(made))
        self.units[-1][2].append(block)
        return block

    def add(self, block: model.Block) -> model.Block:
        """Add a block made by hand (over lines from ``line``)."""
        if not self.units:
            self.unit()
        self.units[-1][2].append(block)
        return block

    def line(self, *pieces: Piece) -> model.Line:
        """Add a source line without a block (for ``add``)."""
        return self._line(pieces)

    def _line(self, pieces: tuple[Piece, ...]) -> model.Line:
        number = len(self.lines) + 1
        made = []
        column = 1
        for p in pieces:
            if isinstance(p, str):
                made.append(model.Piece(p, p))
                column += len(p)
            else:
                orig, reg, rule = p
                made.append(model.Piece(orig, reg, rule))
                self.interventions.append(model.Intervention(rule, number, column, orig, reg))
                column += len(orig)
        line = model.Line(number, tuple(made))
        self.lines.append(line)
        return line

    def document(self, language: str = "en", **metadata: object) -> model.Document:
        text = "\n".join(line.orig for line in self.lines)
        source = model.Source("seeds/sample.txt", "sample", "sample.txt", "0" * 64, "utf-8", text)
        normalized = model.NormalizedText(source, tuple(self.lines), tuple(self.interventions))
        units = tuple(model.Unit(kind, title, tuple(blocks)) for kind, title, blocks in self.units)
        return model.Document(source, normalized, units, model.Metadata(**metadata),  # type: ignore[arg-type]
                              language)


def statement() -> model.Document:
    """A statement with most structures: opener, choice, slogan, list,
    signatories with a lead, acknowledgement, closing dateline; then a
    figure unit with a caption and a credit."""
    d = DocMaker().unit("text", "Statement on events")
    d.block("title", "Statement on events", rule="title")
    d.block("salutation", "Dear comrades,")
    d.block("paragraph", ("That is, to gain financial benefit", (" ,", ",", "space-before-punctuation"),
                          " and more."), "A second line.")
    d.block("list-item", "- first point")
    d.block("list-item", "- second point")
    d.block("slogan", "Workers of all countries, unite!", rule="slogan")
    d.block("signatories-lead", "Statement Signed By:")
    d.block("signatory", "Left Front", marks=(("orgName", "Left Front"),))
    d.block("signatory", "Jane Doe (@jane), maintainer", marks=(("persName", "Jane Doe"),))
    d.block("acknowledgement", "Thanks to Andy Taylor")
    d.block("dateline", "Moscow, 8 March 2014",
            marks=(("placeName", "Moscow"), ("date", "8 March 2014", "2014-03-08")))
    d.unit("figure")
    d.block("caption", "Krasnoyarsk, Russia: a march on November 7, 2012.",
            marks=(("placeName", "Krasnoyarsk, Russia"), ("date", "November 7, 2012", "2012-11-07")))
    d.block("photo-credit", "Photos: AUCPB", marks=(("name", "AUCPB"),))
    return d.document()


def gallery() -> dict[str, model.Document]:
    """Documents that exercise every block type and placement."""
    docs = {"statement": statement()}

    d = DocMaker().unit("text", "Title")
    d.block("heading", "Kicker")
    d.block("title", "Title", rule="title")
    d.block("byline", "By Mimi Lau", marks=(("persName", "Mimi Lau"),))
    d.block("dateline", "Paris, 2014", marks=(("date", "2014", "2014"),))
    d.block("salutation", "Dear all,")
    d.block("caption", "Cover image: a rally.")
    d.block("photo-credit", "Photo: Mimi Lau", marks=(("name", "Mimi Lau"),))
    d.block("paragraph", ("A ", ('"quote"', "\u201cquote\u201d", "quotes"), " here."))
    d.block("heading", "Section")
    d.block("byline", "By someone")
    d.block("dateline", "Lyon, May 2015", marks=(("date", "May 2015", "2015-05"),))
    d.block("title", "A second title")
    d.block("salutation", "Sincerely,")
    d.block("caption", "Second picture.")
    d.block("photo-credit", "Photo: B")
    d.block("paragraph", "Last words.")
    d.block("byline", "Reporting by X")
    d.block("dateline", "Nice, 2016")
    docs["placements"] = d.document(
        title="Meta", authors=(model.Agent("Left Front"), model.Agent("Jane Doe", "person")),
        editors=(model.Agent("Ed", "person"), model.Agent("Board")), publication="Site",
        url="https://example.org/x?a=1&b=2", date="2014-03-08", licence="CC BY 4.0",
        publisher="Press", language="fr")

    d = DocMaker()
    d.block("paragraph", "We declare.")
    d.block("signatories-lead", "Signers:")
    d.block("signatory-group", "Virginia")
    d.block("signatory", "G. Wythe", marks=(("persName", "G. Wythe"),))
    d.block("signatory-group", "Maryland")
    d.block("signatory", "S. Chase, of Maryland", marks=(("persName", "S. Chase"),))
    d.block("signatory-group", "Delaware")
    d.block("list-item", "- one")
    d.block("signatories-lead", "Also:")
    d.unit("figure")
    d.block("title", "Figure title")
    d.block("heading", "Figure heading")
    d.block("caption", "A picture.")
    d.block("list-item", "- a list inside a figure")
    d.block("photo-credit", "Photos: AUCPB", marks=(("name", "AUCPB"),))
    d.block("dateline", "2012")
    d.unit("text")
    d.block("dateline", "Only a dateline")
    docs["lists-and-figures"] = d.document(language="de-AT")
    return docs
