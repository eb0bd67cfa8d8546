"""Render every page of a PDF to PNG with pdftoppm, plus one contact sheet.

A look at the print edition as a typesetter would see it. Needs `pdftoppm`
(Debian package poppler-utils) and Pillow.

    python scripts/look_pdf.py build/NAME.pdf -o /tmp/look [--dpi 80]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdf", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--columns", type=int, default=4)
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        sys.exit("error: pdftoppm not found (Debian: apt-get install poppler-utils)")
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", str(args.dpi), "-png", str(args.pdf), str(args.out / "page")],
                   check=True, timeout=300)
    pages = sorted(args.out.glob("page-*.png"))
    images = [Image.open(p) for p in pages]
    width, height = images[0].size
    rows = (len(images) + args.columns - 1) // args.columns
    sheet = Image.new("RGB", (args.columns * (width + 10), rows * (height + 10)), "grey")
    for n, image in enumerate(images):
        sheet.paste(image, ((n % args.columns) * (width + 10), (n // args.columns) * (height + 10)))
    sheet.save(args.out / "sheet.png")
    print(f"{len(pages)} pages -> {args.out}/page-*.png and sheet.png")


if __name__ == "__main__":
    main()
