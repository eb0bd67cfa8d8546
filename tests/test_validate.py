"""edition.validate: safe parsing, edition.rng, edition.sch, and tei_all."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from edition import model
from edition.errors import XmlInputError
from edition.pipeline import load_document
from edition.resources import schemas_dir
from edition.tei import build, serialize
from edition.tei.body import BUILDERS
from edition.validate import Problem, TeiAllValidator, Validator, parse, parse_file
from edition.validate.xmlsafe import make_parser
from tests.handmade import NORMALIZATION_RULES, SEGMENTATION_RULES, DocMaker, gallery, statement
from tests.paths import SEED, corpus_texts, require

NS = {"t": "http://www.tei-c.org/ns/1.0"}
REPO = Path(__file__).resolve().parents[1]


def tei_bytes(document: model.Document) -> bytes:
    return serialize(build(document, normalization_rules=NORMALIZATION_RULES,
                           segmentation_rules=SEGMENTATION_RULES))


def line_of(data: bytes, needle: str) -> int:
    at = data.index(needle.encode())
    return data.count(b"\n", 0, at) + 1


# --- built documents are valid -----------------------------------------------

@pytest.mark.parametrize("name", sorted(gallery()))
def test_built_documents_pass_edition_schemas_and_tei_all(
        name: str, validator: Validator, tei_all: TeiAllValidator) -> None:
    data = tei_bytes(gallery()[name])
    assert validator.check_bytes(data, f"{name}.tei.xml") == []
    assert tei_all.check(parse(data, f"{name}.tei.xml"), f"{name}.tei.xml") == []


_TYPES = sorted(BUILDERS)


def _document(kinds: list[tuple[str, list[str]]]) -> model.Document:
    d = DocMaker()
    for unit_kind, types in kinds:
        d.unit(unit_kind, "T")
        for i, type_ in enumerate(types):
            text = f"{type_} {i}"
            marks = (("orgName", text),) if type_ == "signatory" else ()
            d.block(type_, text, marks=marks)
    return d.document()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kinds=st.lists(st.tuples(st.sampled_from(["text", "figure"]),
                          st.lists(st.sampled_from(_TYPES), max_size=12)), min_size=1, max_size=3))
def test_any_block_sequence_gives_valid_tei(kinds: list[tuple[str, list[str]]],
                                             validator: Validator, tei_all: TeiAllValidator) -> None:
    """Whatever order the segmenter types blocks in, the TEI is valid: the
    layout never puts an element where TEI forbids it.  (Only the Schematron
    rule that a figure holds a caption or a credit depends on the segmenter.)"""
    data = tei_bytes(_document(kinds))
    tree = parse(data, "any.xml")
    assert tei_all.check(tree, "any.xml") == []
    problems = [p for p in validator.check(tree, "any.xml") if "has neither a caption" not in p.message]
    assert problems == []


@pytest.mark.parametrize("path", [SEED, *corpus_texts()], ids=lambda p: p.stem)
def test_seed_and_corpus_give_valid_tei(path: Path, validator: Validator,
                                        tei_all: TeiAllValidator) -> None:
    """The whole pipeline, default registries included, on real texts."""
    data = serialize(build(load_document(require(path, "source text"))))
    tree = parse(data, path.name)
    assert [str(p) for p in validator.check(tree, path.name)] == []
    assert [str(p) for p in tei_all.check(tree, path.name)] == []


# --- Schematron: one failing case per rule, reported as file:line ------------------

def _check_edited(validator: Validator, tmp_path: Path, old: str, new: str,
                  doc: model.Document | None = None) -> tuple[list[Problem], bytes, str]:
    data = tei_bytes(doc or statement())
    assert old.encode() in data, old
    data = data.replace(old.encode(), new.encode(), 1)
    path = tmp_path / "edited.tei.xml"
    path.write_bytes(data)
    return validator.check_file(path), data, str(path)


def _sch(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.source == "sch"]


def test_signatory_item_needs_a_name(validator: Validator, tmp_path: Path) -> None:
    problems, data, path = _check_edited(
        validator, tmp_path, '<orgName ref="#org-left-front">Left Front</orgName>', "Left Front")
    [problem] = _sch(problems)
    line = line_of(data, '<item xml:id="text1-signatory1">')
    assert str(problem) == (f"{path}:{line}: signatory without a name: the item \"Left Front\" "
                            "holds no persName or orgName")


@pytest.mark.parametrize("when", ["2014-13-08", "2014-03-32", "2014-00", "14-03-08", "March 2014",
                                  "2014-03-08T10:00"])
def test_when_must_be_an_iso_date(when: str, validator: Validator, tmp_path: Path) -> None:
    problems, data, path = _check_edited(
        validator, tmp_path, '<date when="2014-03-08">8 March', f'<date when="{when}">8 March')
    [problem] = _sch(problems)
    line = line_of(data, f'<date when="{when}">8 March')
    assert str(problem).startswith(f"{path}:{line}: date not in ISO form: @when=\"{when}\" on date")


@pytest.mark.parametrize("when", ["2014", "2014-12", "2014-01-31"])
def test_iso_dates_pass(when: str, validator: Validator, tmp_path: Path) -> None:
    problems, _, _ = _check_edited(
        validator, tmp_path, '<date when="2014-03-08">8 March', f'<date when="{when}">8 March')
    assert problems == []


@pytest.mark.parametrize("old,new,element", [
    ('<p xml:id="figure1-caption1">', '<p xml:id="figure1-caption1"> </p><p xml:id="x">', "p"),
    ('<ab type="slogan" xml:id="text1-slogan1">', '<ab type="slogan" xml:id="text1-slogan1"/><ab type="slogan" xml:id="x">', "ab"),
    ('<head xml:id="text1-head">', '<head xml:id="text1-head"><choice><orig> </orig><reg/></choice></head><head xml:id="x">', "head"),
    ('<item xml:id="text1-item1">', '<item xml:id="text1-item1">\n</item><item xml:id="x">', "item"),
])
def test_no_empty_blocks(old: str, new: str, element: str, validator: Validator,
                         tmp_path: Path) -> None:
    problems, data, path = _check_edited(validator, tmp_path, old, new)
    [problem] = _sch(problems)
    line = line_of(data, old.split(">")[0])
    assert str(problem) == f"{path}:{line}: empty {element} {old.split('xml:id=')[1][1:-2]}: it holds no text"


def test_figure_needs_a_caption_or_a_credit(validator: Validator, tmp_path: Path) -> None:
    data = tei_bytes(statement())
    start = data.index(b'<figure xml:id="figure1-fig">') + len(b'<figure xml:id="figure1-fig">')
    end = data.index(b"</figure>", start)
    inner = data[start:end].decode()
    credit = inner[inner.index('<note type="credit"'):inner.index("</note>") + len("</note>")]
    problems, _, _ = _check_edited(validator, tmp_path, credit, "")
    assert _sch(problems) == []  # a caption alone is a figure
    problems, data, path = _check_edited(validator, tmp_path, inner, "")
    [problem] = _sch(problems)
    line = line_of(data, '<figure xml:id="figure1-fig">')
    assert str(problem) == (f"{path}:{line}: figure figure1-fig has neither a caption (p) "
                            'nor a credit (note type="credit")')


@pytest.mark.parametrize("inner,counts", [
    ("<orig> ,</orig>", "1 orig, 0 reg, 1 elements"),
    ("<orig> ,</orig><reg>,</reg><reg>;</reg>", "1 orig, 2 reg, 3 elements"),
])
def test_choice_holds_one_orig_and_one_reg(inner: str, counts: str, validator: Validator,
                                           tmp_path: Path) -> None:
    problems, data, path = _check_edited(
        validator, tmp_path, '<choice><orig> ,</orig><reg type="space-before-punctuation">,</reg></choice>',
        f"<choice>{inner}</choice>")
    [problem] = _sch(problems)
    line = line_of(data, "<choice>")
    assert str(problem) == (f"{path}:{line}: choice must hold exactly one orig and one reg "
                            f"(it holds {counts})")
    assert any(p.source == "rng" for p in problems)


def test_duplicate_ids(validator: Validator, tmp_path: Path) -> None:
    data = tei_bytes(statement()).replace(b'xml:id="text1-p1"', b'xml:id="text1-head"')
    # The parser refuses a file with a duplicate id ...
    with pytest.raises(XmlInputError, match="text1-head"):
        parse(data, "dup.xml")
    # ... and Schematron catches it in a tree built in memory.
    tree = build(statement(), normalization_rules=NORMALIZATION_RULES,
                 segmentation_rules=SEGMENTATION_RULES)
    tree.xpath("//t:p", namespaces=NS)[1].set("{http://www.w3.org/XML/1998/namespace}id", "text1-head")
    problems = _sch(validator.check(tree, "memory"))
    assert [str(p) for p in problems] == ['memory: duplicate xml:id "text1-head" (2 elements carry it)'] * 2


# --- RELAX NG -------------------------------------------------------------------------

@pytest.mark.parametrize("old,new", [
    ('<ab type="slogan"', '<ab type="motto"'),
    ('<div type="figure"', '<div type="chapter"'),
    ('<list type="bulleted"', '<list type="ordered"'),
    ('<idno type="sha256"', '<idno type="md5"'),
    ('<note type="credit"', '<note type="source"'),
    ('<p xml:id="text1-p1">', '<p xml:id="text1-p1" rend="bold">'),
    ('<p xml:id="text1-p1">', '<p xml:id="text1-p1"><hi>x</hi>'),
])
def test_edition_rng_is_stricter_than_tei(old: str, new: str, validator: Validator,
                                         tmp_path: Path) -> None:
    problems, _, path = _check_edited(validator, tmp_path, old, new)
    rng = [p for p in problems if p.source == "rng"]
    assert rng
    # libxml2 often blames an ancestor or a neighbour, but always with a line.
    assert all(p.line and str(p).startswith(f"{path}:{p.line}: ") for p in rng)


def test_rng_problem_points_at_the_element(validator: Validator, tmp_path: Path) -> None:
    problems, data, path = _check_edited(
        validator, tmp_path, '<p xml:id="text1-p1">', '<p xml:id="text1-p1"><hi>x</hi>')
    line = line_of(data, "<hi>")
    assert f"{path}:{line}: Did not expect element p there" in [str(p) for p in problems]


def test_closer_without_body_content_is_refused_as_tei_refuses_it(
        validator: Validator, tei_all: TeiAllValidator) -> None:
    data = tei_bytes(statement())
    start = data.index(b'<p xml:id="text1-p1">')
    end = data.index(b'<closer>')
    data = data[:start] + data[end:]
    problems = validator.check_bytes(data, "x")
    assert problems and {p.source for p in problems} == {"rng"}
    assert tei_all.check(parse(data, "x"), "x")


# --- hostile and broken input -------------------------------------------------------

class _Recorder(etree.Resolver):
    """Notes every external resource libxml2 asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def resolve(self, url, pubid, context):  # type: ignore[no-untyped-def]
        self.asked.append(url)
        return self.resolve_string("", context)


EXTERNAL = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>\n'


def test_external_entity_is_refused(tmp_path: Path, validator: Validator) -> None:
    with pytest.raises(XmlInputError) as err:
        parse(EXTERNAL, "evil.xml")
    assert str(err.value) == "evil.xml:2: refused: the DOCTYPE declares entities"
    path = tmp_path / "evil.xml"
    path.write_bytes(EXTERNAL)
    with pytest.raises(XmlInputError, match="declares entities"):
        validator.check_file(path)


def test_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    doc = EXTERNAL.replace(b"file:///etc/passwd", secret.as_uri().encode())
    # Our parser asks for nothing ...
    safe = make_parser()
    safe.resolvers.add(recorder := _Recorder())
    root = etree.fromstring(doc, safe)
    assert recorder.asked == []
    assert b"TOP-SECRET" not in etree.tostring(root)
    with pytest.raises(XmlInputError) as err:
        parse(doc, "evil.xml")
    assert "TOP-SECRET" not in str(err.value)
    # ... whereas a trusting parser would have fetched the file (the probe works).
    trusting = etree.XMLParser(resolve_entities=True, load_dtd=True)
    trusting.resolvers.add(control := _Recorder())
    etree.fromstring(doc, trusting)
    assert control.asked == [secret.as_uri()]


@pytest.mark.parametrize("doc,message", [
    (b'<!DOCTYPE x [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]><x>&b;</x>', "declares entities"),
    (b'<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><x/>', "declares entities"),
    (b'<!DOCTYPE x SYSTEM "http://example.com/x.dtd"><x/>', "names an external DTD"),
    (b'<x>&undeclared;</x>', "not defined"),
])
def test_other_hostile_documents_are_refused(doc: bytes, message: str) -> None:
    with pytest.raises(XmlInputError, match=message):
        parse(doc, "evil.xml")


def test_xinclude_is_not_followed() -> None:
    doc = (b'<x xmlns:xi="http://www.w3.org/2001/XInclude">'
           b'<xi:include href="/etc/passwd" parse="text"/></x>')
    tree = parse(doc, "x.xml")
    assert tree.getroot()[0].tag == "{http://www.w3.org/2001/XInclude}include"


def test_malformed_xml_gives_path_and_line(tmp_path: Path, validator: Validator) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<TEI>\n  <p>\n</TEI>\n')
    with pytest.raises(XmlInputError) as err:
        parse_file(path)
    assert str(err.value) == (f"{path}:4: not well-formed XML: Opening and ending tag mismatch: "
                              "p line 3 and TEI")
    assert err.value.exit_code == 6
    with pytest.raises(XmlInputError, match=r"broken\.xml:4: "):
        validator.check_file(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(XmlInputError, match=r"missing\.xml: cannot read"):
        parse_file(tmp_path / "missing.xml")


# --- small pieces -------------------------------------------------------------------

def test_problem_text() -> None:
    assert str(Problem("a.xml", 3, "bad", "rng")) == "a.xml:3: bad"
    assert str(Problem("a.xml", None, "bad", "sch")) == "a.xml: bad"
    err = XmlInputError("not well-formed XML: x", path="b.xml", line=2)
    assert Problem.from_error(err) == Problem("b.xml", 2, "not well-formed XML: x", "xml")


def test_schemas_dir_is_the_repository_schemas() -> None:
    assert schemas_dir() == REPO / "schemas"
    assert (schemas_dir() / "edition.rng").is_file() and (schemas_dir() / "edition.sch").is_file()


def test_schemas_carry_no_machine_paths() -> None:
    for name in ("edition.rng", "edition.sch", "README.md"):
        text = (REPO / "schemas" / name).read_text()
        assert "/work/" not in text and "/tmp/" not in text and "/home/" not in text


def test_quick_grammar_changes_no_verdict(validator: Validator, tmp_path: Path) -> None:
    """The quick grammar lets a bulleted list have heads; such a file is still
    refused, with the exact grammar's message, and a valid one still passes."""
    from lxml import etree

    from edition.resources import schemas_dir
    from edition.validate.validator import quick_grammar
    from edition.validate.xmlsafe import parse, parse_file

    quick = quick_grammar(parse_file(schemas_dir() / "edition.rng"))
    assert quick is not None
    problems, data, _path = _check_edited(validator, tmp_path, '<list type="signatories"',
                                          '<list type="bulleted"')
    assert etree.RelaxNG(quick).validate(parse(data, "edited")), "the quick grammar alone would pass it"
    assert [p for p in problems if p.source == "rng"]
    assert _check_edited(validator, tmp_path, "<p xml:id=", "<p xml:id=")[0] == []
