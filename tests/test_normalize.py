"""Stage 2: each rule, the record of interventions, and idempotence."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edition.diff import intervention_diff
from edition.model import Source
from edition.normalize import RULES, NormRule, normalize, rules_for
from edition.normalize.rules import MOJIBAKE_CODECS, Triggered
from edition.normalize.typography import tables
from edition.read import decode_source
from edition.segment.language import guess_language
from tests.paths import SEED, corpus_texts


def norm(text: str):
    return normalize(Source("t.txt", "t", "t.txt", "0" * 64, "utf-8", text))


CASES = [
    # (rule id, input line, expected line)
    ("nfc", "Cafe\u0301 Zu\u0308rich", "Café Zürich"),
    ("tab", "a\tb", "a b"),
    ("no-break-space", "10\u00a0km", "10 km"),
    ("trailing-space", "end.\u00a0 ", "end."),
    ("leading-space", "   indented", "indented"),
    ("double-space", "a  b   c", "a b c"),
    ("space-before-punctuation", "benefit , and so ; yes !", "benefit, and so; yes!"),
    ("bracket-space", "( CPSU ) [ x ]", "(CPSU) [x]"),
    ("quote-space", "Fund \u201c The new \u201d", "Fund \u201cThe new\u201d"),
    ("abbreviation-hyphen", "( AKM -TR )", "(AKM-TR)"),
    ("abbreviation-hyphen", "( CPSU - EIF )", "(CPSU-EIF)"),
    ("spaced-hyphen-dash", "enemy - fascism", "enemy \u2013 fascism"),
    ("double-hyphen-dash", "Happiness.--That", "Happiness.\u2014That"),
    ("straight-quotes", 'the "International Community"!', "the \u201cInternational Community\u201d!"),
    ("apostrophe", "Israel's war", "Israel\u2019s war"),
    ("xml-forbidden", "a\x01b\x1fc", "abc"),
]


@pytest.mark.parametrize(("rule", "given_", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rule(rule: str, given_: str, expected: str) -> None:
    result = norm(given_)
    assert result.text == expected
    assert rule in {i.rule for i in result.interventions}


def test_ambiguous_quotes_are_left_alone() -> None:
    # An odd number of quotes: which one opens is a guess, so none is curled.
    assert norm('He said "yes and "no').text == 'He said "yes and "no'


def test_hyphen_inside_words_is_kept() -> None:
    assert norm("anti-fascist part-way All-Union").text == "anti-fascist part-way All-Union"


def test_every_rule_has_an_id_and_description() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.description.endswith(".") for r in RULES)


def test_intervention_records_line_column_and_both_readings() -> None:
    result = norm("first line\nfinancial benefit , and")
    [item] = [i for i in result.interventions if i.rule == "space-before-punctuation"]
    assert (item.line, item.column) == (2, 18)
    assert (item.orig, item.reg) == (" ,", ",")


def test_line_ends_are_recorded() -> None:
    result = norm("a\r\nb\rc\n")
    assert result.text == "a\nb\nc\n"
    assert [(i.rule, i.line) for i in result.interventions] == [("line-end", 1), ("line-end", 2)]


def test_seed_regularized_and_diplomatic() -> None:
    result = normalize(decode_source(SEED.read_bytes(), path="seed", filename=SEED.name))
    text = result.text
    assert "financial benefit, and" in text
    assert "(CPSU-EIF)" in text
    assert "\u201cThe new political system\u201d" in text
    raw_lines = SEED.read_text(encoding="utf-8").split("\n")
    assert [line.orig for line in result.lines] == raw_lines


def _sources():
    yield SEED
    yield from corpus_texts()


@pytest.mark.parametrize("path", list(_sources()), ids=lambda p: p.name)
def test_normalizing_twice_changes_nothing(path) -> None:
    once = normalize(decode_source(path.read_bytes(), path=str(path), filename=path.name))
    twice = norm(once.text)
    assert twice.text == once.text
    assert twice.interventions == ()


def test_diff_shows_source_and_edition_lines() -> None:
    diff = intervention_diff(norm("ok\nbenefit , and - or"))
    assert "@@ -2 +2 @@ space-before-punctuation, spaced-hyphen-dash" in diff
    assert "-benefit , and - or" in diff
    assert "+benefit, and \u2013 or" in diff
    assert "# 2 intervention(s) on 1 line(s)" in diff


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_property_idempotent(text: str) -> None:
    once = norm(text)
    twice = norm(once.text)
    assert twice.text == once.text
    assert not [i for i in twice.interventions if i.rule != "line-end"]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_property_original_reading_is_the_source(text: str) -> None:
    result = norm(text)
    assert [line.orig for line in result.lines] == re.split(r"\r\n|\r|\n", text)


# --- triggers: a rule is skipped only where it could not have changed anything

def untriggered(rules: tuple[NormRule, ...]) -> tuple[NormRule, ...]:
    """The same rules with no trigger: every finder runs on every line."""
    return tuple(NormRule(r.id, r.description, r.find.find if isinstance(r.find, Triggered) else r.find, r.layout)
                 for r in rules)


LANGUAGES = ("", *sorted(tables()), "ja")
"""Every typography, the default's and none (a language without a table)."""
AWKWARD = st.text(st.sampled_from(list("aZ AB-'\"\t.,;:!?()[]\u00a0\u200b\u200d\u202e\u2028\x0c\x85"
                                       "\u201c\u201d\u201e\u0301e\u00c3\u00a9\u2014Ð")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(st.lists(AWKWARD, max_size=6).map("\n".join), st.sampled_from(LANGUAGES))
def test_triggers_never_hide_a_change(text: str, language: str) -> None:
    source = Source("t.txt", "t", "t.txt", "0" * 64, "utf-8", text)
    rules = rules_for(language)
    assert normalize(source, rules) == normalize(source, untriggered(rules))


def test_triggers_hide_no_change_in_the_corpus() -> None:
    for path in [SEED, *corpus_texts()]:
        source = decode_source(path.read_bytes(), path=str(path), filename=path.name)
        rules = rules_for(guess_language(source.text))
        assert normalize(source, rules) == normalize(source, untriggered(rules)), path.name


MOJIBAKE_OF = st.tuples(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x2FFF), max_size=20),
                        st.sampled_from(MOJIBAKE_CODECS)).map(
    lambda t: t[0].encode("utf-8").decode(t[1], errors="ignore"))
"""Any text, its UTF-8 read back through one of the encodings ftfy repairs."""


@settings(max_examples=400, deadline=None)
@given(MOJIBAKE_OF)
def test_the_mojibake_trigger_hides_no_repair(text: str) -> None:
    source = Source("t.txt", "t", "t.txt", "0" * 64, "utf-8", text)
    rules = rules_for("en")
    assert normalize(source, rules) == normalize(source, untriggered(rules))


def test_a_text_nothing_could_repair_never_loads_ftfy() -> None:
    code = ("import sys; from edition.normalize import normalize; from edition.model import Source; "
            "text = 'The \\u201clibrary\\u201d stays\\u00a0open \\u2014 it\\u2019s ours.\\n'; "
            "normalize(Source('t.txt', 't', 't.txt', '0' * 64, 'utf-8', text), language='en'); "
            "assert 'ftfy' not in sys.modules; "
            "normalize(Source('t.txt', 't', 't.txt', '0' * 64, 'utf-8', 'caf\\u00c3\\u00a9'), language='en'); "
            "assert 'ftfy' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
