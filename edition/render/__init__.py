"""Outputs made from the TEI alone: the XHTML of each unit and the EPUB.

Everything here reads a parsed TEI tree (never the source text), so an
editor can hand-correct the TEI and render again.
"""

from edition.render.epub import EpubMaker
from edition.render.xhtml import RenderWarning, Stylesheet

__all__ = ["EpubMaker", "RenderWarning", "Stylesheet"]
