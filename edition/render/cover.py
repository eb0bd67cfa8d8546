"""A generated typographic cover: the title and the issuing bodies, as a PNG.

The picture is made from the text alone (no timestamps, no PNG text
chunks), with a font found from a fixed list, so the same title on the
same machine always gives the same bytes.  It is drawn in 256 grey levels,
then kept in four (ink, two steps of antialiasing, paper) and stored as a
2-bit palette PNG: compressing its pixels is most of the cost of a cover,
and a quarter of a byte per pixel encodes in half the time of one byte (and
a third of the file) with no difference to see at the picture's 1600 by 2400
pixels.

A cover costs more than the rest of an EPUB, and an archive repeats titles
(and rebuilds them), so each distinct cover is drawn once: per process, and
in the user's cache folder (``edition.cache``), named by a hash of the title,
the bodies, the size, the fonts, Pillow's version and this module's own
source, so a change to any of them draws it anew.  Pillow is imported only
to draw.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING

from edition.cache import cache_folder, keep, recall

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

    Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
             Path("/usr/share/fonts/TTF"))
"""Where distributions put DejaVu; searched in this order."""
TITLE_FONTS = ("DejaVuSerif-Bold.ttf", "DejaVuSans-Bold.ttf")
BODY_FONTS = ("DejaVuSerif.ttf", "DejaVuSans.ttf")
PAPER = (246, 241, 231)
INK = (34, 34, 40)
INK_LEVEL, PAPER_LEVEL = 0, 255
"""The grey levels the cover is drawn in."""
STEPS = 4
"""Grey levels kept: the ink, the paper and two antialiasing steps between."""
PALETTE = [round(ink + (paper - ink) * step / (STEPS - 1))
           for step in range(STEPS) for ink, paper in zip(INK, PAPER, strict=True)]
"""Palette index 0 is the ink, ``STEPS - 1`` the paper."""
TO_STEP = [round(level * (STEPS - 1) / 255) for level in range(256)]
"""Each drawn grey level's nearest kept step."""
PNG_START = b"\x89PNG\r\n\x1a\n"
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
"""The signature and the closing chunk of every whole PNG file."""


@functools.lru_cache(maxsize=8)
def _font_file(names: tuple[str, ...]) -> Path | None:
    """The first of ``names`` found in ``FONT_DIRS``."""
    for name in names:
        for folder in FONT_DIRS:
            path = folder / name
            if path.is_file():
                return path
    return None


@functools.lru_cache(maxsize=64)
def _font(names: tuple[str, ...], size: int) -> Font:
    """The first of ``names`` found in ``FONT_DIRS``, else Pillow's built-in font."""
    from PIL import ImageFont

    path = _font_file(names)
    return ImageFont.truetype(str(path), size) if path else ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: Font, width: int) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` (a longer word stands alone)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if not line or draw.textlength(candidate, font=font) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _fit(draw: ImageDraw.ImageDraw, text: str, names: tuple[str, ...], size: int, width: int,
         max_lines: int) -> tuple[Font, list[str]]:
    """The largest font up to ``size`` at which ``text`` fits ``width`` in ``max_lines`` lines."""
    while True:
        font = _font(names, size)
        lines = _wrap(draw, text, font, width)
        widest = max((draw.textlength(line, font=font) for line in lines), default=0)
        if (len(lines) <= max_lines and widest <= width) or size <= 24:
            return font, lines
        size = int(size * 0.9)


def _block(draw: ImageDraw.ImageDraw, lines: list[str], font: Font, top: float, centre: float,
           leading: float, fill: int) -> float:
    """Draw ``lines`` centred on ``centre`` from ``top``; the y below the last line."""
    size = getattr(font, "size", 10)
    for line in lines:
        draw.text((centre, top), line, font=font, fill=fill, anchor="ma")
        top += size * leading
    return top


Z_RLE = 3
"""zlib's run-length strategy: a cover is long runs of paper between strokes of
ink, which it packs in a third of the time of the default strategy, for a
file a quarter larger."""


def make_cover(title: str, bodies: list[str] | tuple[str, ...], width: int = 1600, height: int = 2400) -> bytes:
    """A PNG cover: ``title`` in large type, a thin rule, the issuing ``bodies``
    below; the same title and bodies are drawn once."""
    return _cover(title, tuple(bodies), width, height)


@functools.lru_cache(maxsize=32)
def _cover(title: str, bodies: tuple[str, ...], width: int, height: int) -> bytes:
    folder = cache_folder()
    entry = folder / "covers" / f"{cover_key(title, bodies, width, height)}.png" if folder else None
    if entry is not None:
        kept = recall(entry)
        if kept is not None and kept.startswith(PNG_START) and kept.endswith(PNG_END):
            return kept
    data = draw_cover(title, bodies, width, height)
    if entry is not None:
        keep(entry, data)
    return data


def cover_key(title: str, bodies: tuple[str, ...], width: int, height: int) -> str:
    """A name for the cover that changes with anything that changes its bytes."""
    made_of = json.dumps([_recipe(), title, list(bodies), width, height], ensure_ascii=False)
    return hashlib.sha256(made_of.encode()).hexdigest()


@functools.lru_cache(maxsize=1)
def _recipe() -> list[str]:
    """What the drawing is made with: this module's source, Pillow's version
    and the font files (by name and size)."""
    from PIL import __version__ as pillow

    fonts = [(str(path), str(path.stat().st_size)) if path else ("built-in", "")
             for path in (_font_file(TITLE_FONTS), _font_file(BODY_FONTS))]
    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return [source, pillow, *(part for font in fonts for part in font)]


def draw_cover(title: str, bodies: tuple[str, ...], width: int, height: int) -> bytes:
    """Draw the cover, as ``make_cover`` describes it, without the caches."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (width, height), PAPER_LEVEL)
    draw = ImageDraw.Draw(image)
    margin = width // 9
    text_width = width - 2 * margin
    centre = width / 2

    # A frame, inset from the edge, holds the page together.
    inset = width // 28
    draw.rectangle((inset, inset, width - inset, height - inset), outline=INK_LEVEL, width=max(2, width // 400))

    title_font, title_lines = _fit(draw, title.strip() or "Untitled", TITLE_FONTS, width // 11, text_width, 7)
    body_text = [b.strip() for b in bodies if b.strip()]
    body_font = _font(BODY_FONTS, width // 24)
    body_lines = [line for body in body_text for line in _wrap(draw, body, body_font, text_width)]
    if len(body_lines) > 8:  # many signatories: smaller type, then cut with an ellipsis
        body_font = _font(BODY_FONTS, width // 32)
        body_lines = [line for body in body_text for line in _wrap(draw, body, body_font, text_width)]
        if len(body_lines) > 12:
            body_lines = body_lines[:11] + ["…"]

    title_size = getattr(title_font, "size", 10)
    body_size = getattr(body_font, "size", 10)
    title_height = title_size * (1.22 * len(title_lines) - 0.22)
    rule_gap, body_gap = height * 0.035, height * 0.045
    body_height = body_size * (1.35 * len(body_lines) - 0.35) + body_gap if body_lines else 0.0
    # The whole block sits a little above the optical middle of the page.
    top = max(height * 0.12, (height - (title_height + rule_gap + body_height)) * 0.42)
    bottom = _block(draw, title_lines, title_font, top, centre, 1.22, INK_LEVEL)
    rule_y = bottom - title_size * 0.22 + rule_gap
    draw.line((centre - width * 0.12, rule_y, centre + width * 0.12, rule_y), fill=INK_LEVEL,
              width=max(2, width // 320))
    _block(draw, body_lines, body_font, rule_y + body_gap, centre, 1.35, INK_LEVEL)

    image = image.point(TO_STEP)
    image.putpalette(PALETTE)  # the steps become palette indices, in place
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False, compress_type=Z_RLE, bits=STEPS.bit_length() - 1)
    return out.getvalue()
