"""Render each spine document of an EPUB to PNG with headless Chromium.

A look at the book as a reader would see it: run it after changing the
stylesheet or the CSS and open the PNGs. Needs `chromium` (Debian package).

    python scripts/look_epub.py build/NAME.epub -o /tmp/look [--width 600]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

OPF_NS = {"opf": "http://www.idpf.org/2007/opf"}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-extensions",
    "--hide-scrollbars",
    "--no-first-run",
]


def spine_documents(root: Path) -> list[Path]:
    container = etree.parse(str(root / "META-INF" / "container.xml"))
    opf_rel = container.xpath("//*[local-name()='rootfile']/@full-path")[0]
    opf_path = root / opf_rel
    opf = etree.parse(str(opf_path))
    hrefs = {
        item.get("id"): item.get("href")
        for item in opf.xpath("//opf:manifest/opf:item", namespaces=OPF_NS)
    }
    nav = opf.xpath("//opf:item[contains(@properties,'nav')]/@href", namespaces=OPF_NS)
    spine = [hrefs[i] for i in opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=OPF_NS)]
    docs = spine + [h for h in nav if h not in spine]
    return [opf_path.parent / h for h in docs]


def screenshot(page: Path, out: Path, width: int, height: int) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("error: chromium not found (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
             f"--window-size={width},{height}", f"--screenshot={out}",
             page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("epub", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--width", type=int, default=600)
    parser.add_argument("--height", type=int, default=2400)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        zipfile.ZipFile(args.epub).extractall(root)
        for n, page in enumerate(spine_documents(root), 1):
            out = args.out / f"{n:02d}-{page.stem}.png"
            screenshot(page, out, args.width, args.height)
            print(out)


if __name__ == "__main__":
    main()
