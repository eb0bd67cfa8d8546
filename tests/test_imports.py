"""What a command imports: a build of one text in this process loads the
pipeline, not the standard library's HTTP client, e-mail parser or process
pool (a tenth of a cold start between them), nor the language model's
libraries when the language is known."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HEAVY = ("http.client", "email.parser", "xml.sax.saxutils", "multiprocessing", "concurrent.futures",
         "PIL.Image", "numpy", "py3langid")

BUILD = """
import json, sys
from edition.cli import cli
try:
    cli(sys.argv[1:], prog_name="edition")
except SystemExit as stop:
    assert not stop.code, stop.code
print(json.dumps(sorted(m for m in json.loads(HEAVY) if m in sys.modules)))
"""


def test_a_one_text_build_imports_only_the_pipeline(tmp_path: Path) -> None:
    source = tmp_path / "in" / "letter.txt"
    source.parent.mkdir()
    source.write_text("Keep the library open\n\nWe ask the council to keep the public library open.\n",
                      encoding="utf-8")
    (tmp_path / "in" / "letter.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    code = BUILD.replace("json.loads(HEAVY)", repr(list(HEAVY)))
    done = subprocess.run([sys.executable, "-c", code, "build", str(source.parent), "-o", str(tmp_path / "out"),
                           "--no-pdf", "--jobs", "1"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "letter.epub").is_file()
    # The cover is drawn (the cache is this run's own), so Pillow is in; the rest is not.
    assert json.loads(done.stdout.strip().splitlines()[-1]) == ["PIL.Image"]
