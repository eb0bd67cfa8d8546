"""Typography by language: each language's conventions, from its table, as
recorded interventions; an unknown language gets the neutral rules alone."""

from __future__ import annotations

import pytest

from edition.model import Source
from edition.normalize import normalize
from edition.normalize.typography import rules_for, tables
from edition.pipeline import load_document, tei_bytes
from edition.segment.language import guess_language
from edition.validate import parse
from tests.paths import corpus_texts

T = {"t": "http://www.tei-c.org/ns/1.0"}
N = "\u202f"


def normalized(text: str, language: str) -> str:
    return normalize(Source("x.txt", "x", "x.txt", "", "utf-8", text), language=language).text


@pytest.mark.parametrize("language,source,edition", [
    ("fr", "Quoi ? Il a dit : « non » !", f"Quoi{N}? Il a dit{N}: «{N}non{N}»{N}!"),
    ("fr", 'Il a dit "oui", puis il est parti.', f"Il a dit «{N}oui{N}», puis il est parti."),
    ("fr", "Il vient ; elle part.", f"Il vient{N}; elle part."),
    ("fr", "Voir http://exemple.org à 10:30 , merci.", "Voir http://exemple.org à 10:30, merci."),
    ("fr", "C'est la guerre - encore.", "C\u2019est la guerre \u2013 encore."),
    ("de", 'Er sagte "ja" und ging , sagt man.', "Er sagte \u201eja\u201c und ging, sagt man."),
    ("de", "Am 8. März - dem Frauentag - streiken wir!", "Am 8. März \u2013 dem Frauentag \u2013 streiken wir!"),
    ("ru", 'Он сказал "да" , и мы - народ.', "Он сказал \u00abда\u00bb, и мы \u2014 народ."),
    ("uk", 'Ми - народ "України".', "Ми \u2014 народ \u00abУкраїни\u00bb."),
    ("es", '¿Qué? ¡Sí! Dijo "hola" y « adiós ».', "¿Qué? ¡Sí! Dijo \u201chola\u201d y \u00abadiós\u00bb."),
    ("en", 'He said "no" , and left - fast.', "He said \u201cno\u201d, and left \u2013 fast."),
    ("de", "Er rief \"Sie sagte 'nein' dazu\" und ging.", "Er rief \u201eSie sagte \u201anein\u2018 dazu\u201c und ging."),
    ("ru", "Он сказал: \"Я читал 'Мать' вчера\".", "Он сказал: \u00abЯ читал \u201eМать\u201c вчера\u00bb."),
    ("en", "She said \"he wrote 'don't' twice\".", "She said \u201che wrote \u2018don\u2019t\u2019 twice\u201d."),
    ("ja", 'これは "テスト" です , はい - そう。', 'これは "テスト" です , はい - そう。'),
])
def test_each_language_gets_its_own_typography(language: str, source: str, edition: str) -> None:
    assert normalized(source, language) == edition
    assert normalized(edition, language) == edition, "normalizing twice changes nothing"


def test_an_unknown_language_gets_the_neutral_rules_only() -> None:
    ids = {r.id for r in rules_for("ja")}
    assert {"nfc", "zero-width", "no-break-space", "bracket-space"} <= ids
    assert not ids & {"space-before-punctuation", "straight-quotes", "apostrophe", "spaced-hyphen-dash"}
    assert normalized("テスト\u200b です", "ja") == "テスト です"  # a neutral rule still runs


def test_the_tables_are_data_and_every_change_is_recorded() -> None:
    assert set(tables()) >= {"en", "fr", "de", "es", "pt", "ru", "uk"}
    result = normalize(Source("x.txt", "x", "x.txt", "", "utf-8", "Quoi ? « Non » !"), language="fr")
    assert [i.rule for i in result.interventions] == [
        "space-before-high-punctuation", "guillemet-space", "guillemet-space", "space-before-high-punctuation"]
    assert all(i.orig != i.reg for i in result.interventions)


def corpus_in(language: str) -> list:
    return [p for p in corpus_texts() if guess_language(p.read_text(encoding="utf-8", errors="replace")) == language]


@pytest.mark.parametrize("language,name", [("fr", "French"), ("de", "German"), ("ru", "Russian"),
                                           ("es", "Spanish"), ("pt", "Portuguese"), ("en", "English")])
def test_corpus_texts_are_set_in_their_languages_typography(language: str, name: str, validator) -> None:
    texts = corpus_in(language)
    if not texts:
        pytest.skip(f"no corpus text in {language}")
    for path in texts:
        tree = parse(tei_bytes(load_document(path), validator), path.name)
        said = " ".join(tree.xpath("//t:normalization/t:p[1]//text()", namespaces=T))
        assert f"those of {name} ({language})" in said, path.name
        # reversible: every change keeps the source's reading (tests/test_renditions.py: the whole text)
        for choice in tree.xpath("//t:body//t:choice", namespaces=T):
            assert choice.xpath("t:orig", namespaces=T) and choice.xpath("t:reg", namespaces=T)


def test_the_french_corpus_text_keeps_its_spaced_punctuation(validator) -> None:
    texts = corpus_in("fr")
    if not texts:
        pytest.skip("no French corpus text")
    document = load_document(texts[0])
    first = document.normalized.lines[0].text
    assert f"{N}:" in first and f"{N}!" in first
    assert any(i.rule == "space-before-high-punctuation" for i in document.normalized.interventions)


def test_the_russian_corpus_text_gets_em_dashes(validator) -> None:
    texts = corpus_in("ru")
    if not texts:
        pytest.skip("no Russian corpus text")
    document = load_document(texts[0])
    dashes = [i for i in document.normalized.interventions if i.rule == "spaced-hyphen-dash"]
    assert dashes and all(i.reg == " \u2014 " for i in dashes)
