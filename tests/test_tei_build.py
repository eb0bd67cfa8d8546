"""edition.tei.build and serialize on hand-made documents, checked with XPath."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from edition import __version__, model
from edition.errors import SegmentationError
from edition.tei import build, serialize
from edition.tei.maker import local
from edition.tei.readings import diplomatic, regularized
from edition.validate import parse
from tests.handmade import NORMALIZATION_RULES, SEGMENTATION_RULES, DocMaker, statement

NS = {"t": "http://www.tei-c.org/ns/1.0"}


def tei(document: model.Document, **kw: object) -> etree._ElementTree:
    return build(document, normalization_rules=NORMALIZATION_RULES,
                 segmentation_rules=SEGMENTATION_RULES, **kw)  # type: ignore[arg-type]


def xp(tree: etree._ElementTree | etree._Element, path: str) -> list[Any]:
    found: list[Any] = tree.xpath(path, namespaces=NS)
    return found


def one(tree: etree._ElementTree | etree._Element, path: str) -> etree._Element:
    found = xp(tree, path)
    assert len(found) == 1, (path, found)
    return found[0]


def texts(tree: etree._ElementTree, path: str) -> list[str]:
    return [regularized(e) for e in xp(tree, path)]


# --- inline content -------------------------------------------------------

def test_changed_piece_becomes_choice() -> None:
    d = DocMaker()
    d.block("paragraph", ("to gain benefit", (" ,", ",", "space-before-punctuation"), " and more."))
    p = one(tei(d.document()), "//t:body//t:p")
    choice = one(p, "t:choice")
    assert one(choice, "t:orig").text == " ,"
    assert one(choice, "t:reg").text == ","
    assert p.text == "to gain benefit"
    assert choice.tail == " and more."
    assert regularized(p) == "to gain benefit, and more."
    assert diplomatic(p) == "to gain benefit , and more."


def test_layout_piece_is_plain_text() -> None:
    d = DocMaker()
    d.block("paragraph", ("a", ("\t", " ", "tabs"), "b", ("   ", "", "trailing-whitespace")))
    p = one(tei(d.document()), "//t:body//t:p")
    assert not xp(p, ".//t:choice")
    assert p.text == "a b"


def test_deletion_inside_span_is_a_choice_with_empty_reg() -> None:
    d = DocMaker()
    d.block("paragraph", ("word", (" ", "", "space-before-punctuation"), "."))
    p = one(tei(d.document()), "//t:body//t:p")
    assert etree.tostring(one(p, "t:choice"), with_tail=False).endswith(
        b'<orig> </orig><reg type="space-before-punctuation"/></choice>')
    assert regularized(p) == "word."


def test_changed_piece_overlapping_span_edge_is_written_whole() -> None:
    d = DocMaker()
    d.block("paragraph", (('"Hello', "\u201cHello", "quotes"), " world"))
    p = one(tei(d.document()), "//t:body//t:p")
    assert one(p, "t:choice/t:orig").text == '"Hello'


def test_lines_of_a_block_are_joined_by_one_space() -> None:
    d = DocMaker()
    d.block("paragraph", "first line  ", "  second line")
    p = one(tei(d.document()), "//t:body//t:p")
    assert (p.text, [local(c) for c in p], p[0].tail) == ("first line ", ["lb"], "second line")
    assert regularized(p) == "first line second line"


def test_bullet_marker_stays_in_the_source_reading() -> None:
    d = DocMaker()
    line = d.line("-  first point")
    # The segmenter trims markers and spans: "-" and "first point".
    d.add(model.Block("list-item", "first point", (model.Span(line.number, 3, 14),), "bullet-list",
                      markers=(model.Span(line.number, 0, 1),)))
    item = one(tei(d.document()), "//t:list[@type='bulleted']/t:item")
    choice = item[0]
    assert (one(choice, "t:orig").text, one(choice, "t:reg").text) == ("-  ", None)
    assert choice.tail == "first point"
    assert regularized(item) == "first point"
    assert diplomatic(item) == "- first point"


def test_separator_markers_between_names_on_one_line() -> None:
    d = DocMaker()
    n = d.line("Signers: Left Front, Red TV").number
    d.add(model.Block("signatories-lead", "Signers:", (model.Span(n, 0, 8),), "signatories"))
    d.add(model.Block("signatory", "Left Front", (model.Span(n, 9, 19),), "signatories",
                      (model.Mark("orgName", 0, 10),), (model.Span(n, 19, 21),)))
    d.add(model.Block("signatory", "Red TV", (model.Span(n, 21, 27),), "signatories",
                      (model.Mark("orgName", 0, 6),)))
    tree = tei(d.document())
    items = xp(tree, "//t:list[@type='signatories']/t:item")
    assert etree.tostring(items[0], with_tail=False).decode().endswith(
        '<orgName ref="#org-left-front">Left Front</orgName><choice><orig>, </orig><reg type="marker"/></choice></item>')
    lst = one(tree, "//t:body//t:list")
    assert regularized(lst) == "Signers: Left Front Red TV"
    assert diplomatic(lst) == "Signers: Left Front, Red TV"


def test_marker_on_a_continuation_line_follows_the_line_break() -> None:
    d = DocMaker()
    a, b = d.line("first line"), d.line("> second line")
    d.add(model.Block("paragraph", "first line second line",
                      (model.Span(a.number, 0, 10), model.Span(b.number, 2, 13)), "paragraph",
                      markers=(model.Span(b.number, 0, 1),)))
    p = one(tei(d.document()), "//t:body//t:p")
    assert p.text == "first line "
    assert one(p, "t:choice/t:orig").text == "> "
    assert regularized(p) == "first line second line"
    assert diplomatic(p) == "first line > second line"


def test_marks_become_date_place_org_and_person() -> None:
    d = DocMaker()
    d.block("dateline", "Moscow, 8 March 2014",
            marks=(("placeName", "Moscow"), ("date", "8 March 2014", "2014-03-08")))
    d.block("paragraph", "Left Front and Jane Doe",
            marks=(("orgName", "Left Front"), ("persName", "Jane Doe")))
    tree = tei(d.document())
    dateline = one(tree, "//t:body//t:dateline")
    assert one(dateline, "t:placeName").text == "Moscow"
    assert one(dateline, "t:placeName").tail == ", "
    assert one(dateline, "t:date[@when='2014-03-08']").text == "8 March 2014"
    p = one(tree, "//t:body//t:p")
    assert one(p, "t:orgName").text == "Left Front"
    assert one(p, "t:persName").text == "Jane Doe"
    assert regularized(p) == "Left Front and Jane Doe"


def test_mark_edge_inside_a_choice_widens_the_mark() -> None:
    d = DocMaker()
    d.block("paragraph", ("Signed ", ("Fund \u201c The", "Fund \u201cThe", "quotes"), " new system"),
            marks=(("orgName", "The new system"),))
    p = one(tei(d.document()), "//t:body//t:p")
    org = one(p, "t:orgName")
    assert one(org, "t:choice/t:orig").text == "Fund \u201c The"
    assert regularized(org) == "Fund \u201cThe new system"
    assert p.text == "Signed "


def test_overlapping_mark_is_skipped() -> None:
    d = DocMaker()
    d.block("paragraph", "Left Front Moscow",
            marks=(("orgName", "Left Front"), ("placeName", "Front Moscow")))
    p = one(tei(d.document()), "//t:body//t:p")
    assert [e.tag.split("}")[1] for e in p] == ["orgName"]
    assert regularized(p) == "Left Front Moscow"


# --- blocks and their places ----------------------------------------------

def test_statement_structure() -> None:
    tree = tei(statement())
    div = one(tree, "//t:body/t:div[@type='text']")
    assert div.get("{http://www.w3.org/XML/1998/namespace}id") == "text1"
    names = [e.tag.split("}")[1] for e in div]
    assert names == ["head", "opener", "p", "list", "ab", "list", "ab", "closer"]
    assert one(div, "t:head").get("{http://www.w3.org/XML/1998/namespace}id") == "text1-head"
    assert one(div, "t:opener/t:salute[@xml:id='text1-salute1']").text == "Dear comrades,"
    assert texts(tree, "//t:list[@type='bulleted']/t:item") == ["- first point", "- second point"]
    assert one(div, "t:ab[@type='slogan']").get("{http://www.w3.org/XML/1998/namespace}id") == "text1-slogan1"
    assert one(div, "t:ab[@type='acknowledgement']").text == "Thanks to Andy Taylor"
    assert one(div, "t:closer/t:dateline[@xml:id='text1-dateline1']/t:date").get("when") == "2014-03-08"


def test_signatories_list_with_lead() -> None:
    tree = tei(statement())
    sig = one(tree, "//t:list[@type='signatories']")
    assert sig.get("{http://www.w3.org/XML/1998/namespace}id") == "text1-signatories1"
    assert regularized(one(sig, "t:head")) == "Statement Signed By:"
    assert xp(sig, "t:item/@xml:id") == ["text1-signatory1", "text1-signatory2"]
    assert one(sig, "t:item[1]/t:orgName").text == "Left Front"
    second = one(sig, "t:item[2]")
    assert one(second, "t:persName").text == "Jane Doe"
    assert one(second, "t:persName").tail == " (@jane), maintainer"


def test_signatory_groups_open_new_lists() -> None:
    d = DocMaker()
    d.block("paragraph", "We declare.")
    d.block("signatories-lead", "Signers:")
    d.block("signatory-group", "Virginia")
    d.block("signatory", "G. Wythe", marks=(("persName", "G. Wythe"),))
    d.block("signatory-group", "Maryland")
    d.block("signatory", "S. Chase", marks=(("persName", "S. Chase"),))
    d.block("signatory-group", "Delaware")
    tree = tei(d.document())
    lists = xp(tree, "//t:list[@type='signatories']")
    assert [xp(lst, "t:head/text()") for lst in lists] == [["Signers:", "Virginia"], ["Maryland"]]
    assert texts(tree, "//t:list[@type='signatories']/t:item") == ["G. Wythe", "S. Chase"]
    # A group label that no signatory follows cannot head a list: it stays a paragraph.
    assert one(tree, "//t:div/t:p[@xml:id='text1-group3']").text == "Delaware"


def test_figure_unit_with_caption_and_credit() -> None:
    tree = tei(statement())
    div = one(tree, "//t:body/t:div[@type='figure']")
    assert div.get("{http://www.w3.org/XML/1998/namespace}id") == "figure1"
    figure = one(div, "t:figure[@xml:id='figure1-fig']")
    caption = one(figure, "t:p[@xml:id='figure1-caption1']")
    assert one(caption, "t:date").get("when") == "2012-11-07"
    credit = one(figure, "t:note[@type='credit'][@xml:id='figure1-credit1']")
    assert one(credit, "t:name").text == "AUCPB"
    assert not xp(credit, "t:orgName")


def test_captions_inside_a_text_unit_become_figures() -> None:
    d = DocMaker()
    d.block("paragraph", "Before.")
    d.block("caption", "One.")
    d.block("photo-credit", "Photo: A")
    d.block("caption", "Two.")
    d.block("photo-credit", "Photo: B")
    d.block("paragraph", "After.")
    tree = tei(d.document())
    figures = xp(tree, "//t:div/t:figure")
    assert [f.get("{http://www.w3.org/XML/1998/namespace}id") for f in figures] == ["text1-fig1", "text1-fig2"]
    assert [regularized(f) for f in figures] == ["One. Photo: A", "Two. Photo: B"]


def test_dateline_places() -> None:
    d = DocMaker()
    d.block("title", "Letter", rule="title")
    d.block("dateline", "Paris, 2014")
    d.block("paragraph", "Text.")
    d.block("dateline", "Lyon, 2015")
    d.block("paragraph", "More text.")
    d.block("dateline", "Nice, 2016")
    d.block("dateline", "Nice, 2017")
    tree = tei(d.document())
    assert texts(tree, "//t:div/t:opener/t:dateline") == ["Paris, 2014"]
    assert texts(tree, "//t:div/t:ab[@type='dateline']") == ["Lyon, 2015"]
    assert texts(tree, "//t:div/t:closer/t:dateline") == ["Nice, 2016", "Nice, 2017"]
    assert len(xp(tree, "//t:closer")) == 1


def test_no_closer_without_paragraph_content_before_it() -> None:
    d = DocMaker()
    d.block("title", "Photo story", rule="title")
    d.block("caption", "A march.")
    d.block("photo-credit", "Photo: A")
    d.block("dateline", "Moscow, 2014")
    tree = tei(d.document())
    assert not xp(tree, "//t:closer")
    assert texts(tree, "//t:div/t:ab[@type='dateline']") == ["Moscow, 2014"]


def test_headings_and_bylines() -> None:
    d = DocMaker()
    d.block("heading", "Kicker")
    d.block("title", "Title", rule="title")
    d.block("byline", "By Mimi Lau", marks=(("persName", "Mimi Lau"),))
    d.block("paragraph", "Text.")
    d.block("heading", "A section")
    d.block("byline", "By someone else")
    d.block("paragraph", "More.")
    d.block("byline", "Reporting by X")
    tree = tei(d.document())
    div = one(tree, "//t:div")
    assert [e.tag.split("}")[1] for e in div] == ["head", "head", "byline", "p", "ab", "ab", "p", "byline"]
    assert one(div, "t:head[@type='sub']").text == "Kicker"
    assert one(div, "t:head[not(@type)]").text == "Title"
    assert xp(div, "t:ab/@type") == ["heading", "byline"]


def test_salutation_opens_only_at_the_top() -> None:
    d = DocMaker()
    d.block("salutation", "Dear GitHub,")
    d.block("paragraph", "Text.")
    d.block("salutation", "Sincerely,")
    tree = tei(d.document())
    assert texts(tree, "//t:opener/t:salute") == ["Dear GitHub,"]
    assert texts(tree, "//t:div/t:p") == ["Text.", "Sincerely,"]


def test_ids_are_numbered_per_unit_and_kind() -> None:
    d = DocMaker().unit("text", "A")
    d.block("paragraph", "a1")
    d.block("slogan", "s1")
    d.block("paragraph", "a2")
    d.unit("text", "B")
    d.block("paragraph", "b1")
    tree = tei(d.document())
    assert xp(tree, "//t:body//@xml:id") == ["text1", "text1-p1", "text1-slogan1", "text1-p2",
                                              "text2", "text2-p1"]


def test_unknown_block_type_raises() -> None:
    d = DocMaker()
    d.block("paragraph", "fine")
    d.block("poem", "not encoded")
    with pytest.raises(SegmentationError, match="poem") as err:
        tei(d.document())
    assert str(err.value).startswith("seeds/sample.txt:2: ")


def test_unknown_unit_kind_and_mark_kind_raise() -> None:
    d = DocMaker().unit("table")
    d.block("paragraph", "x")
    with pytest.raises(SegmentationError, match="table"):
        tei(d.document())
    d = DocMaker()
    d.block("paragraph", "x", marks=(("weapon", "x"),))
    with pytest.raises(SegmentationError, match="weapon"):
        tei(d.document())


def test_block_text_must_match_spans() -> None:
    d = DocMaker()
    block = d.block("paragraph", "the real text")
    d.units[-1][2][-1] = model.Block("paragraph", "another text", block.spans, "paragraph")
    with pytest.raises(SegmentationError, match="does not match"):
        tei(d.document())


def test_no_units_raises() -> None:
    with pytest.raises(SegmentationError, match="no units"):
        tei(DocMaker().document())


# --- header ------------------------------------------------------------------

def test_header_from_units_and_rules() -> None:
    tree = tei(statement())
    h = one(tree, "/t:TEI/t:teiHeader")
    assert xp(h, "t:fileDesc/t:titleStmt/t:title/text()") == ["Statement on events"]
    assert xp(h, "t:fileDesc/t:sourceDesc/t:bibl/t:title/text()") == ["Statement on events"]
    assert one(h, "t:fileDesc/t:titleStmt/t:respStmt/t:name[@xml:id='edition']").text == f"edition {__version__}"
    assert not xp(h, "t:fileDesc/t:titleStmt/t:author")
    assert xp(h, "t:fileDesc/t:publicationStmt/t:publisher/text()") == ["edition"]
    assert xp(h, "t:fileDesc/t:publicationStmt/t:availability/t:p/text()") == ["Licence not stated in the source."]
    assert xp(h, "t:fileDesc/t:sourceDesc/t:bibl/t:idno/@type") == ["filename", "sha256", "encoding"]
    assert xp(h, "t:fileDesc/t:sourceDesc/t:bibl/t:idno/text()") == ["sample.txt", "0" * 64, "utf-8"]
    assert one(h, "t:encodingDesc/t:appInfo/t:application").get("version") == __version__
    items = xp(h, "t:encodingDesc/t:editorialDecl/t:normalization/t:p/t:list/t:item")
    assert [i.get("n") for i in items] == [r.id for r in NORMALIZATION_RULES]
    assert [one(i, "t:num").text for i in items] == ["1", "0", "0", "0"]
    assert regularized(items[0]) == ("space-before-punctuation Removes a space before a comma, "
                                     "period or colon. 1 intervention.")
    assert regularized(items[1]).endswith("typographic ones. 0 interventions.")
    seg = {i.get("n"): one(i, "t:num").text
           for i in xp(h, "t:encodingDesc/t:editorialDecl/t:segmentation/t:p/t:list/t:item")}
    assert seg == {"title": "1", "paragraph": "11", "slogan": "1"}
    assert one(h, "t:profileDesc/t:langUsage/t:language[@ident='en']").text == "English"
    assert one(h, "t:profileDesc/t:creation/t:date").get("when") == "2014-03-08"
    assert one(h, "t:revisionDesc/t:change[@who='#edition']").text == (
        f"Encoded by edition {__version__} from sample.txt.")


def test_header_from_metadata() -> None:
    d = DocMaker().unit("text", "Unit title")
    d.block("paragraph", "x")
    doc = d.document(language="es", title="Meta title", date="2014-03",
                     authors=(model.Agent("Left Front"), model.Agent("Jane Doe", "person")),
                     editors=(model.Agent("Ed Itor", "person"),), publication="Some Site",
                     url="https://example.org/a", licence="CC BY 4.0", publisher="A Press")
    h = one(tei(doc), "/t:TEI/t:teiHeader")
    assert one(h, "/t:TEI").get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    assert xp(h, ".//t:titleStmt/t:title/text()") == ["Meta title"]
    assert xp(h, ".//t:titleStmt/t:author/*/text()") == ["Left Front", "Jane Doe"]
    assert [e.tag.split("}")[1] for e in xp(h, ".//t:titleStmt/t:author/*")] == ["orgName", "persName"]
    assert xp(h, ".//t:titleStmt/t:respStmt[t:resp='editor']/t:persName/text()") == ["Ed Itor"]
    assert xp(h, ".//t:publicationStmt/t:publisher/text()") == ["A Press"]
    assert xp(h, ".//t:availability/t:licence/text()") == ["CC BY 4.0"]
    bibl = one(h, ".//t:sourceDesc/t:bibl")
    assert [e.tag.split("}")[1] for e in bibl] == ["title", "publisher", "date", "ref", "idno", "idno", "idno"]
    assert one(bibl, "t:date").get("when") == "2014-03"
    assert one(bibl, "t:ref").get("target") == "https://example.org/a"
    assert one(h, ".//t:language").get("ident") == "es"
    assert one(h, ".//t:language").text == "Spanish"
    assert one(h, ".//t:creation/t:date").get("when") == "2014-03"


def test_unregistered_rules_are_still_counted() -> None:
    d = DocMaker()
    d.block("paragraph", ("x", ("y", "z", "mystery")), rule="guess")
    h = one(tei(d.document()), "/t:TEI/t:teiHeader")
    assert one(h, ".//t:normalization//t:item[@n='mystery']/t:num").text == "1"
    assert one(h, ".//t:segmentation//t:item[@n='guess']/t:num").text == "1"


def test_title_falls_back_to_file_name() -> None:
    d = DocMaker()
    d.block("paragraph", "x")
    assert xp(tei(d.document()), "//t:titleStmt/t:title/text()") == ["sample.txt"]


def test_schema_processing_instructions() -> None:
    tree = tei(statement(), schema_href="../../schemas/")
    pis = xp(tree, "/processing-instruction('xml-model')")
    assert [pi.get("href") for pi in pis] == ["../../schemas/edition.rng", "../../schemas/edition.sch"]
    assert pis[0].get("schematypens") == "http://relaxng.org/ns/structure/1.0"
    assert pis[1].get("schematypens") == "http://purl.oclc.org/dsdl/schematron"


def test_default_registries_are_the_pipelines() -> None:
    """Without explicit registries, build lists the rules the text was
    normalized by (the default language's here) and edition.segment.RULES
    then PASSES (passes type blocks too)."""
    from edition import normalize, segment

    tree = build(statement())
    assert xp(tree, "//t:normalization//t:item/@n") == [r.id for r in normalize.rules_for("")]
    assert xp(tree, "//t:segmentation//t:item/@n")[:len(segment.RULES) + len(segment.PASSES)] == [
        *(r.name for r in segment.RULES), *(p.name for p in segment.PASSES)]


# --- serialization -----------------------------------------------------------

def test_serialize_is_deterministic_and_round_trips() -> None:
    data = serialize(tei(statement()))
    assert data == serialize(tei(statement()))
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model href="schemas/edition.rng"')
    assert data.endswith(b"</TEI>\n") and not data.endswith(b"\n\n")
    assert b"\r" not in data
    assert serialize(parse(data, "x.xml")) == data


def test_serialize_indents_structure_but_not_mixed_content() -> None:
    lines = serialize(tei(statement())).decode().splitlines()
    assert "  <teiHeader>" in lines
    assert "      <div type=\"text\" xml:id=\"text1\">" in lines
    assert ('        <p xml:id="text1-p1">That is, to gain financial benefit<choice><orig> ,</orig>'
            '<reg type="space-before-punctuation">,</reg></choice> and more. <lb/>A second line.</p>') in lines
    assert '          <item xml:id="text1-signatory1"><orgName ref="#org-left-front">Left Front</orgName></item>' in lines


def test_serialize_leaves_the_tree_alone() -> None:
    tree = tei(statement())
    before = etree.tostring(tree)
    serialize(tree)
    assert etree.tostring(tree) == before
