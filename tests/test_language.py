"""The language guess: the same from the cached, mapped model as from
py3langid's own packed one, and a broken cache costs only time."""

from __future__ import annotations

import pytest

from edition.segment.language import make_identifier
from tests.paths import SEED, corpus_texts

SAMPLES = {
    "ar": "بيان حول إغلاق الحديقة. يجب أن تبقى الحديقة مفتوحة للجميع كما كانت منذ قرن.",
    "ru": "Заявление коммунистических, левых и анархистских сил России о событиях на Украине.",
    "ja": "川崎市でのヘイトデモに抗議する市民が集まり、道路を封鎖した。",
    "de": "Wir fordern den Rat auf, die Bibliothek für alle offen zu halten, wie seit hundert Jahren.",
}


@pytest.fixture(scope="module")
def packed():
    return make_identifier(None)


def texts() -> list[str]:
    return [*SAMPLES.values(), SEED.read_text(encoding="utf-8"),
            *(p.read_text(encoding="utf-8", errors="replace")[:3000] for p in corpus_texts())]


def test_the_cached_model_guesses_as_the_packed_one(packed, tmp_path) -> None:
    first = make_identifier(tmp_path)  # unpacks into the folder
    assert sorted(p.name for p in next(tmp_path.iterdir()).iterdir()) == [
        "classes.npy", "nextmove.npy", "nextmove_row.npy", "out_feat.npy", "pc.npy", "ptc.npy"]
    again = make_identifier(tmp_path)  # maps what is there
    for text in texts():
        assert first.classify(text) == again.classify(text) == packed.classify(text)
    assert [again.classify(t)[0] for t in SAMPLES.values()] == list(SAMPLES)


def test_a_damaged_or_unwritable_cache_falls_back(packed, tmp_path) -> None:
    make_identifier(tmp_path)
    [folder] = tmp_path.iterdir()
    (folder / "ptc.npy").write_bytes(b"not an array")
    assert make_identifier(tmp_path).classify(SAMPLES["de"]) == packed.classify(SAMPLES["de"])
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would go")
    assert make_identifier(blocked).classify(SAMPLES["ru"]) == packed.classify(SAMPLES["ru"])


GUESS = """
import json, sys
from edition.segment.language import guess_language
codes = [guess_language(t) for t in json.loads(sys.argv[1])]
print(json.dumps({"codes": codes, "numpy": "numpy" in sys.modules}))
"""


def guess_in_new_process(cache: str, home) -> dict:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "EDITION_CACHE": cache, "HOME": str(home), "XDG_CACHE_HOME": str(home / "xdg")}
    done = subprocess.run([sys.executable, "-c", GUESS, json.dumps(list(SAMPLES.values()))], env=env,
                          capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout))


def test_a_kept_guess_is_read_back_without_the_model(tmp_path) -> None:
    cache = str(tmp_path / "cache")
    first = guess_in_new_process(cache, tmp_path)
    assert first == {"codes": list(SAMPLES), "numpy": True}
    assert len(list((tmp_path / "cache" / "languages").iterdir())) == len(SAMPLES)
    assert guess_in_new_process(cache, tmp_path) == {"codes": list(SAMPLES), "numpy": False}


def test_a_damaged_guess_is_made_again_and_no_cache_keeps_none(tmp_path) -> None:
    cache = tmp_path / "cache"
    guess_in_new_process(str(cache), tmp_path)
    for entry in (cache / "languages").iterdir():
        entry.write_bytes(b"<html>")
    assert guess_in_new_process(str(cache), tmp_path) == {"codes": list(SAMPLES), "numpy": True}
    assert sorted(e.read_bytes() for e in (cache / "languages").iterdir()) == sorted(c.encode() for c in SAMPLES)
    bare = tmp_path / "bare"
    bare.mkdir()
    assert guess_in_new_process("", bare)["codes"] == list(SAMPLES)
    assert list(bare.rglob("*")) == []
