"""Lines shaped like the texts editors have, for the hypothesis properties."""

from __future__ import annotations

SHAPED_LINES = [
    "", "", "", "Title line", "A paragraph with words, and a stop.", "Long live peace!",
    "Signed by:", "- Jane Roe", "Union of Workers", "( ABC -DE )", "Photos: Someone",
    "Thanks to a friend", "March 8, 2014", "Georgia:", "John Smith", "Dear all,",
    "Caption text here. Photo: Ann Lee", "Signers: A, B (c, d), E", "benefit , and - so",
    'He said "no"', "<script>&amp;]]>", "  \u00a0indented\t tab", "Moscow, 1 May 2020",
]
"""Titles, paragraphs, slogans, signatories, credits, datelines, and the spacing
the normalizer mends."""

HAZARD_LINES = [
    "<script>alert(1)</script>&amp;]]>", "Заявление: мы требуем мира!", "بيان من أجل السلام",
    "caf\u00c3\u00a9 \u00e2\u0080\u009cquoted\u00e2\u0080\u009d", "zero\u200bwidth \u202eoverride\u202c",
    "a\x0cform feed", "e\u0301 combining", "\x85\x93C1\x94", "line\rend", "crlf\r",
]
"""Markup-like text, other scripts, mojibake, invisible and control characters, stray line ends."""
