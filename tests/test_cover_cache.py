"""The cover cache: a cover drawn once is read back by later processes,
byte for byte, without Pillow; no cache means nothing written; a damaged
entry is drawn again."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from edition.render.cover import cover_key, draw_cover

TITLE, BODIES = "A statement on the reading room", ["Friends of the reading room", "A union"]

MAKE = """
import hashlib, json, sys
from edition.render.cover import make_cover
data = make_cover(*json.loads(sys.argv[1]))
print(json.dumps({"sha": hashlib.sha256(data).hexdigest(), "pillow": "PIL.Image" in sys.modules}))
"""


def make_in_new_process(cache: str, home: Path) -> dict[str, object]:
    """Make the cover in a fresh interpreter with ``EDITION_CACHE=cache``."""
    env = {**os.environ, "EDITION_CACHE": cache, "HOME": str(home), "XDG_CACHE_HOME": str(home / "xdg")}
    done = subprocess.run([sys.executable, "-c", MAKE, json.dumps([TITLE, BODIES])], env=env,
                          capture_output=True, text=True, check=True)
    return dict(json.loads(done.stdout))


def drawn() -> str:
    return hashlib.sha256(draw_cover(TITLE, tuple(BODIES), 1600, 2400)).hexdigest()


def test_a_second_process_reads_the_cover_without_pillow(tmp_path: Path) -> None:
    first = make_in_new_process(str(tmp_path / "cache"), tmp_path)
    entries = list((tmp_path / "cache" / "covers").iterdir())
    assert [e.name for e in entries] == [f"{cover_key(TITLE, tuple(BODIES), 1600, 2400)}.png"]
    second = make_in_new_process(str(tmp_path / "cache"), tmp_path)
    assert first == {"sha": drawn(), "pillow": True}
    assert second == {"sha": drawn(), "pillow": False}


def test_an_empty_cache_setting_writes_nothing(tmp_path: Path) -> None:
    made = make_in_new_process("", tmp_path)
    assert made["sha"] == drawn()
    assert list(tmp_path.rglob("*")) == []


def test_a_damaged_entry_is_drawn_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    make_in_new_process(str(cache), tmp_path)
    (entry,) = (cache / "covers").iterdir()
    whole = entry.read_bytes()
    entry.write_bytes(whole[: len(whole) // 2])
    again = make_in_new_process(str(cache), tmp_path)
    assert again == {"sha": drawn(), "pillow": True}
    assert entry.read_bytes() == whole


def test_the_key_changes_with_what_is_drawn() -> None:
    keys = {cover_key(TITLE, tuple(BODIES), 1600, 2400), cover_key(TITLE, ("Friends of the reading room",), 1600, 2400),
            cover_key(TITLE, ("Friends of the reading room A union",), 1600, 2400),
            cover_key(TITLE + ".", tuple(BODIES), 1600, 2400), cover_key(TITLE, tuple(BODIES), 1600, 2401)}
    assert len(keys) == 5
