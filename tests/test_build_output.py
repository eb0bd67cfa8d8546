"""build/ in the repository (TEI and EPUB) is what the code makes now, and nothing else.

After a change that alters the output, run `edition build` and review the
diff of build/ like code.
"""

from __future__ import annotations

from edition.pipeline import epub_bytes, find_sources, load_document, schema_href, tei_bytes
from edition.render import EpubMaker
from tests.paths import REPO, SEEDS


def test_committed_build_matches_the_code(validator) -> None:
    out = REPO / "build"
    expected = {}
    maker = EpubMaker()
    for path in find_sources([SEEDS]):
        document = load_document(path)
        target = out / f"{document.source.name}.tei.xml"
        data = tei_bytes(document, validator, schema_href(out))
        expected[target.name] = data
        expected[f"{document.source.name}.epub"] = epub_bytes(data, str(target), maker)
    committed = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert sorted(committed) == sorted(expected), "build/ holds other files than the code makes"
    stale = [name for name, data in expected.items() if committed[name] != data]
    assert not stale, f"build/ is stale for {stale}: run `edition build` and commit"


def test_same_input_same_bytes(validator) -> None:
    path = find_sources([SEEDS])[0]
    first = tei_bytes(load_document(path), validator, "../schemas/")
    second = tei_bytes(load_document(path), validator, "../schemas/")
    assert first == second
