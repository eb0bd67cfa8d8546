"""Guessing the language of a text that has no metadata saying it.

py3langid's model ships LZMA-compressed (4.5 MB, 68 MB unpacked), and
unpacking it is most of what a one-text build costs.  The unpacked model is
therefore kept, once, in the user's cache folder (``$XDG_CACHE_HOME/edition``,
else ``~/.cache/edition``; ``EDITION_CACHE`` names another, ``EDITION_CACHE=``
turns it off), one ``.npy`` file per array in a folder named by py3langid's
version and the model's size, and mapped from there on later runs: the same
arrays, so the same guesses.  When the
folder cannot be written the model is unpacked in memory, as py3langid does.
The identifier is made once per process, and only when a text needs a guess.

Each guess is kept there too (``languages/HASH``, named by a hash of the
text's sample and of py3langid's installed files), so that building the
same text again, as a rebuild does, needs neither numpy nor the model.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import itertools
import lzma
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import Any, cast

from edition.cache import cache_folder, keep, recall

_SAMPLE = 3_000
_LETTERS = 20
"""The fewest letters a sample needs for a guess (counted until there are this many)."""


def guess_language(text: str) -> str:
    """ISO 639-1 code of the text's language (``en`` when there is no text
    to go by).  The classifier is deterministic."""
    sample = text[:_SAMPLE]
    if len(list(itertools.islice(filter(str.isalpha, sample), _LETTERS))) < _LETTERS:
        return "en"
    entry = _kept_guess(sample)
    if entry is not None:
        kept = recall(entry)
        if kept is not None and _CODE.fullmatch(kept):
            return kept.decode("ascii")
    code, _score = _identifier().classify(sample)
    if entry is not None:
        keep(entry, str(code).encode("ascii"))
    return str(code)


_CODE = re.compile(rb"[a-z]{2,3}")
"""A kept guess: a language code, nothing else."""


def _kept_guess(sample: str) -> Path | None:
    """Where the guess for ``sample`` is kept (None when nothing is kept)."""
    folder, stamp = cache_folder(), _classifier_stamp()
    if folder is None or stamp is None:
        return None
    key = hashlib.sha256(f"{stamp}\0{sample}".encode("utf-8", "surrogatepass")).hexdigest()
    return folder / "languages" / key


@functools.cache
def _classifier_stamp() -> str | None:
    """Names and sizes of py3langid's installed files (found without
    importing it, which would import numpy): another version, another model,
    another stamp.  None when they cannot be read."""
    spec = importlib.util.find_spec("py3langid")
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        files = sorted(p for p in Path(spec.submodule_search_locations[0]).rglob("*")
                       if p.is_file() and p.suffix in (".py", ".xz", ".npz", ".plzma"))
        return ";".join(f"{p.name}:{p.stat().st_size}" for p in files)
    except OSError:
        return None


def load_language_model() -> None:
    """Load the classifier's model now rather than on the first guess."""
    _identifier()


@functools.cache
def _identifier() -> Any:
    return make_identifier(cache_folder())


def make_identifier(folder: Path | None) -> Any:
    """py3langid's identifier over its own model, unpacked once into ``folder``
    and mapped from there (unpacked in memory when ``folder`` is None or unusable)."""
    from importlib import metadata  # (brings the e-mail parser with it: only when a guess is needed)

    from py3langid import langid

    packed = langid.MODEL_DIR / langid.MODEL_FILE
    if folder is None:
        return langid.LanguageIdentifier.from_model_file(packed)
    unpacked = folder / f"py3langid-{metadata.version('py3langid')}-{packed.stat().st_size}"
    if not unpacked.is_dir():
        _unpack(packed, unpacked)
    try:
        ptc, pc, classes, nextmove, row, output = _mapped(unpacked)
    except (OSError, ValueError, KeyError):  # not written, or damaged: do without
        return langid.LanguageIdentifier.from_model_file(packed)
    return langid.LanguageIdentifier(ptc, pc, classes, nextmove, output, tk_row=row)


ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
"""The model's arrays, one ``.npy`` file each in the unpacked folder."""


def _unpack(packed: Path, target: Path) -> None:
    """Unpack the model into the folder ``target``, made whole or not at all."""
    import numpy as np

    with contextlib.suppress(OSError, lzma.LZMAError, ValueError, zipfile.BadZipFile):
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=".model-"))
        try:
            with tempfile.TemporaryFile() as npz:
                with lzma.open(packed) as source:
                    while chunk := source.read(1 << 20):
                        npz.write(chunk)
                npz.seek(0)
                with np.load(npz, allow_pickle=False) as data:
                    for name in ARRAYS:
                        np.save(temporary / f"{name}.npy", data[name], allow_pickle=False)
            os.replace(temporary, target)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)


def _mapped(folder: Path) -> tuple[Any, ...]:
    """The model's arrays as py3langid's identifier takes them, the large
    ones mapped from their files (a guess reads a few thousand of their rows)."""
    import numpy as np

    def load(name: str) -> Any:
        return np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)

    # The transition table is indexed byte by byte: through a memoryview of
    # the mapping, each index is a C lookup giving an int.  Row offsets are
    # shifted, so they must be ints too.
    return (load("ptc"), np.asarray(load("pc")), load("classes").tolist(),
            memoryview(cast(Any, np.asarray(load("nextmove")))), load("nextmove_row").tolist(),
            load("out_feat").tolist())
