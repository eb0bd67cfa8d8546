"""edition: plain-text statements, letters and news posts to TEI P5, EPUB and print."""

__version__ = "0.1.0"
