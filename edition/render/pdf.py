"""The print HTML typeset to PDF by WeasyPrint (the optional ``pdf`` extra).

Nothing is fetched: the HTML holds its CSS, and any other URL a
hand-edited file might name is refused by our URL fetcher.  The PDF's
dates come from the HTML's ``dcterms`` metadata (made from the TEI) and its
identifier from the HTML's bytes, so the same HTML gives the same PDF.
WeasyPrint's warnings (CSS it ignores, fonts it lacks) are collected and
returned with the bytes, for the caller to show.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Any, NoReturn

from edition.errors import ToolError


@dataclass(frozen=True)
class Pdf:
    """A typeset PDF and what WeasyPrint warned about while making it."""

    data: bytes
    warnings: tuple[str, ...]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _refuse(url: str, *args: Any, **kwargs: Any) -> NoReturn:
    raise ValueError(f"edition fetches nothing; not loading {url}")


def available() -> bool:
    """Whether WeasyPrint can be imported (the ``pdf`` extra is installed)."""
    try:
        import weasyprint  # type: ignore[import-untyped]  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def typeset(html: bytes) -> Pdf:
    """The PDF of ``html`` (a print HTML file's bytes).

    :raises ToolError: WeasyPrint or the system libraries it needs are missing.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise ToolError(f"WeasyPrint is not available ({exc}); install the pdf extra: "
                        "pip install 'edition[pdf]'") from None
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        document = weasyprint.HTML(string=html.decode("utf-8"), url_fetcher=_refuse, base_url=None)
        data = document.write_pdf(
            pdf_identifier=hashlib.sha256(html).hexdigest()[:32].encode("ascii"),
            pdf_tags=True,
        )
    finally:
        logger.removeHandler(collect)
    return Pdf(bytes(data), tuple(collect.messages))
