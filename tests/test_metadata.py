"""The metadata sidecar: defaults, fields, and one clear error per fault."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from edition.errors import MetadataError
from edition.metadata import load_metadata, sidecar_path
from edition.model import Agent, Metadata
from edition.resources import schemas_dir


def write_source(folder: Path, sidecar: str | bytes | None = None) -> Path:
    """A source seeds/x.txt in FOLDER, with the given sidecar beside it."""
    seeds = folder / "seeds"
    seeds.mkdir()
    source = seeds / "x.txt"
    source.write_text("A statement\n\nWe declare.\n", encoding="utf-8")
    if isinstance(sidecar, str):
        (seeds / "x.json").write_text(sidecar, encoding="utf-8")
    elif isinstance(sidecar, bytes):
        (seeds / "x.json").write_bytes(sidecar)
    return source


def metadata_error(tmp_path: Path, sidecar: str | bytes) -> str:
    source = write_source(tmp_path, sidecar)
    with pytest.raises(MetadataError) as caught:
        load_metadata(source)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(source.with_suffix(".json")))
    assert caught.value.exit_code == 4
    return message


def test_sidecar_is_beside_the_source_with_the_same_stem() -> None:
    assert sidecar_path(Path("seeds/NAME.txt")) == Path("seeds/NAME.json")


def test_no_sidecar_gives_the_defaults(tmp_path: Path) -> None:
    assert load_metadata(write_source(tmp_path)) == Metadata()


def test_empty_object_gives_the_defaults(tmp_path: Path) -> None:
    assert load_metadata(write_source(tmp_path, "{}")) == Metadata()


def test_every_field_is_read(tmp_path: Path) -> None:
    sidecar = {
        "$schema": "../schemas/metadata.schema.json",
        "title": "Open letter",
        "authors": ["Friends of the Library", {"name": "Jane Doe", "type": "person"},
                    {"name": "Town Union", "type": "organization"}],
        "publication": "The Town Gazette",
        "url": "https://example.org/letter",
        "date": "2014-03-08",
        "language": "pt-BR",
        "editors": ["A. N. Editor", {"name": "Archive Group", "type": "organization"}],
        "licence": "CC BY 4.0",
        "publisher": "The Archive Project",
    }
    metadata = load_metadata(write_source(tmp_path, json.dumps(sidecar)))
    assert metadata == Metadata(
        title="Open letter",
        authors=(Agent("Friends of the Library", "org"), Agent("Jane Doe", "person"),
                 Agent("Town Union", "org")),
        publication="The Town Gazette",
        url="https://example.org/letter",
        date="2014-03-08",
        language="pt-BR",
        editors=(Agent("A. N. Editor", "person"), Agent("Archive Group", "org")),
        licence="CC BY 4.0",
        publisher="The Archive Project",
    )


@pytest.mark.parametrize("date", ["2014", "2014-03", "2014-03-08", "2016-02-29"])
def test_dates_of_each_precision_are_accepted(tmp_path: Path, date: str) -> None:
    assert load_metadata(write_source(tmp_path, json.dumps({"date": date}))).date == date


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    source = write_source(tmp_path, b'\xef\xbb\xbf{"title": "T"}')
    assert load_metadata(source).title == "T"


@pytest.mark.parametrize(("sidecar", "expected"), [
    ({"authors": ["A", {"name": "B", "type": "band"}]},
     "$.authors[1].type: 'band' is not one of ['person', 'organization']"),
    ({"authors": [{"name": "B"}]}, "$.authors[0]: 'type' is a required property"),
    ({"authors": [{"name": "B", "type": "person", "role": "x"}]},
     "$.authors[0].role: unknown property (allowed: name, type)"),
    ({"authors": [3]}, "$.authors[0]: 3 is neither a name nor an object with name and type"),
    ({"authors": "Jane Doe"}, "$.authors: 'Jane Doe' is not of type 'array'"),
    ({"editors": ["  "]}, "$.editors[0]: '  ' is blank"),
    ({"title": ""}, "$.title: '' is blank"),
    ({"titel": "T"}, "$.titel: unknown property (allowed: "),
    ({"the title": "T"}, '$["the title"]: unknown property'),
    ({"title": "T\u0000"}, "$.title: holds U+0000, a character XML cannot hold"),
    ({"date": "8 March 2014"}, "$.date: '8 March 2014' is not an ISO 8601 date"),
    ({"date": "2014-13"}, "$.date: '2014-13' is not an ISO 8601 date"),
    ({"date": "2014-02-30"}, "$.date: '2014-02-30' is not a day of the calendar"),
    ({"language": "English"}, "$.language: 'English' is not a BCP 47 language tag"),
    ({"url": "not a url"}, "$.url: 'not a url' is not an absolute URI"),
    ({"title": 5}, "$.title: 5 is not of type 'string'"),
    (["T"], "$: ['T'] is not of type 'object'"),
], ids=["enum", "required", "agent-extra", "agent-type", "list", "blank-name", "blank-title",
        "unknown", "odd-key", "nul", "date", "month", "calendar", "language", "url", "string",
        "object"])
def test_schema_errors_name_the_file_and_the_json_path(
        tmp_path: Path, sidecar: object, expected: str) -> None:
    message = metadata_error(tmp_path, json.dumps(sidecar))
    assert message.startswith(f"{tmp_path / 'seeds' / 'x.json'}: {expected}")


def test_several_errors_are_counted_in_one_line(tmp_path: Path) -> None:
    message = metadata_error(tmp_path, json.dumps({"title": 1, "date": "x", "url": 2}))
    assert message.endswith("(and 2 more problems)")


def test_invalid_json_gives_line_and_column(tmp_path: Path) -> None:
    message = metadata_error(tmp_path, '{\n  "title": "T"\n  "date": "2014"\n}\n')
    assert message == f"{tmp_path / 'seeds' / 'x.json'}:3:3: invalid JSON: Expecting ',' delimiter"


@pytest.mark.parametrize("sidecar", ["", " \n"])
def test_an_empty_sidecar_is_refused(tmp_path: Path, sidecar: str) -> None:
    assert metadata_error(tmp_path, sidecar).endswith(": empty file: write {} or remove it")


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    message = metadata_error(tmp_path, '{"title": "A", "title": "B"}')
    assert message.endswith("invalid JSON: key 'title' appears twice in one object")


@pytest.mark.parametrize(("sidecar", "expected"), [
    ('{"title": NaN}', "invalid JSON: NaN is not a JSON value"),
    ("[" * 100_000, "invalid JSON: nested too deeply"),
], ids=["nan", "deep"])
def test_what_python_reads_but_json_is_not_is_refused(
        tmp_path: Path, sidecar: str, expected: str) -> None:
    assert metadata_error(tmp_path, sidecar).endswith(f": {expected}")


def test_non_utf8_gives_the_position_of_the_bad_byte(tmp_path: Path) -> None:
    message = metadata_error(tmp_path, b'{\n  "title": "\xc3\xa9t\xe9"\n}\n')
    assert message == f"{tmp_path / 'seeds' / 'x.json'}:2:15: not valid UTF-8 (byte 0xe9)"


def test_a_folder_in_place_of_the_sidecar_is_refused(tmp_path: Path) -> None:
    source = write_source(tmp_path)
    source.with_suffix(".json").mkdir()
    with pytest.raises(MetadataError, match="is a folder"):
        load_metadata(source)


def test_the_message_uses_the_path_as_given(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_source(tmp_path, '{"authors": [{"name": "A", "type": "band"}]}')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(MetadataError) as caught:
        load_metadata(Path("seeds/x.txt"))
    expected = "$.authors[0].type: 'band' is not one of ['person', 'organization']"
    assert str(caught.value) == f"{Path('seeds/x.json')}: {expected}"


@pytest.mark.parametrize("name", ["metadata.schema.json", "explain.schema.json"])
def test_the_schemas_are_valid_draft_2020_12(name: str) -> None:
    schema = json.loads((schemas_dir() / name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema.get("$id") and schema.get("title") and schema.get("description")


def test_every_metadata_property_is_documented() -> None:
    schema = json.loads((schemas_dir() / "metadata.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    for name, prop in schema["properties"].items():
        assert prop.get("description"), name


def test_the_explain_schema_accepts_its_documented_shape() -> None:
    schema = json.loads((schemas_dir() / "explain.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    blocks: list[dict[str, object]] = [
        {"type": "title", "text": "A statement", "lines": [1, 1], "rule": "title"},
        {"type": "dateline", "text": "Moscow, 8 March 2014", "lines": [3, 3], "rule": "dateline",
         "marks": [{"kind": "placeName", "text": "Moscow", "value": ""},
                   {"kind": "date", "text": "8 March 2014", "value": "2014-03-08"}]},
    ]
    sample: dict[str, object] = {
        "source": "seeds/x.txt",
        "language": "en",
        "units": [{"kind": "text", "title": "A statement", "blocks": blocks}],
    }
    assert list(validator.iter_errors(sample)) == []
    blocks[0]["lines"] = [0, 1]
    sample["interventions"] = 3
    assert len(list(validator.iter_errors(sample))) == 2
