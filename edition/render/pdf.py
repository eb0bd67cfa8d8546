"""The print HTML typeset to PDF by WeasyPrint (the optional ``pdf`` extra).

Nothing is fetched: the HTML holds its CSS, and any other URL a
hand-edited file might name is refused by our URL fetcher.  The PDF's
dates come from the HTML's ``dcterms`` metadata (made from the TEI) and its
identifier from the HTML's bytes, so the same HTML gives the same PDF.

WeasyPrint subsets fonts with HarfBuzz-Subset when the system has it and
with fontTools otherwise; fontTools stamps each subset font with the time
it was made unless ``SOURCE_DATE_EPOCH`` is set, so typesetting sets it,
for the length of the call, to the HTML's own date.  Either way the same
HTML gives the same bytes.

The layout WeasyPrint makes before writing the PDF also tells where each
page begins (``pagination.page_starts``); it is returned with the bytes, so
the EPUB of the same build carries the PDF's own pagination without a
second typesetting, and ``paginate`` gives it alone when no PDF is wanted.

WeasyPrint's warnings are returned with the bytes, for the caller to show,
split in two: those about this document (CSS it ignores, a glyph missing)
and those about the machine (the subsetter it fell back to), which hold for
every document of a run and are best said once.
"""

from __future__ import annotations

import calendar
import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NoReturn

from edition.errors import ToolError
from edition.render.pagination import PageStart, page_starts

ENVIRONMENT_WARNINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^Using fontTools instead of HarfBuzz-Subset\b"),
     ("HarfBuzz-Subset is not installed, so WeasyPrint subsets fonts with fontTools "
      "(slower; the PDF is the same on every build); install libharfbuzz-subset0 "
      "(Debian/Ubuntu) or harfbuzz (Homebrew, MSYS2)")),
)
"""WeasyPrint messages that describe the machine, not the document, each with
the one line said instead of them: (pattern of the message, what to say)."""


@dataclass(frozen=True)
class Pdf:
    """A typeset PDF and what WeasyPrint warned about while making it:
    ``warnings`` about this document, ``environment`` about the machine."""

    data: bytes
    warnings: tuple[str, ...]
    environment: tuple[str, ...] = ()
    starts: tuple[PageStart, ...] = ()
    """Where each page of the units, the apparatus and the index begins, for the EPUB's page list."""


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


_MODIFIED = re.compile(rb'<meta name="dcterms\.modified" content="(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"')


def html_epoch(html: bytes) -> int | None:
    """The HTML's ``dcterms.modified`` date as seconds since 1970, if it has one."""
    found = _MODIFIED.search(html)
    if not found:
        return None
    return calendar.timegm(time.strptime(found.group(1).decode("ascii"), "%Y-%m-%dT%H:%M:%SZ"))


@contextmanager
def _source_date_epoch(epoch: int | None) -> Iterator[None]:
    """``SOURCE_DATE_EPOCH`` set to ``epoch`` while the block runs, then as it was."""
    if epoch is None:
        yield
        return
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(max(epoch, 0))
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def split_warnings(messages: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """WeasyPrint's ``messages`` as (about the document, about the machine),
    the latter said once each in our words."""
    own: list[str] = []
    machine: dict[str, None] = {}
    for message in messages:
        for pattern, said in ENVIRONMENT_WARNINGS:
            if pattern.search(message):
                machine[said] = None
                break
        else:
            own.append(message)
    return tuple(own), tuple(machine)


Report = Callable[[str], None]
"""Where a long typesetting says how it is going: one line at a time."""
HEARTBEAT_SECONDS = 5.0
"""A typesetting that runs longer than this says so, and again as long again."""


@contextmanager
def _heartbeat(report: Report | None, every: float) -> Iterator[Callable[[], float]]:
    """While the block runs, ``report`` how long it has taken every ``every``
    seconds (from a thread: WeasyPrint offers no progress of its own).
    Yields the elapsed-time clock."""
    started = time.monotonic()

    def elapsed() -> float:
        return time.monotonic() - started

    if report is None:
        yield elapsed
        return
    stop = threading.Event()

    def beat() -> None:
        while not stop.wait(every):
            report(f"still typesetting, {elapsed():.0f} s so far")

    thread = threading.Thread(target=beat, name="typesetting-heartbeat", daemon=True)
    thread.start()
    try:
        yield elapsed
    finally:
        stop.set()
        thread.join()


def _weasyprint() -> Any:
    """The ``weasyprint`` module.

    :raises ToolError: WeasyPrint or the system libraries it needs are missing.
    """
    try:
        import weasyprint
    except (ImportError, OSError) as exc:
        raise ToolError(f"WeasyPrint is not available ({exc}); install the pdf extra: "
                        "pip install 'edition[pdf]'") from None
    return weasyprint


def _options(html: bytes) -> dict[str, Any]:
    return {"pdf_identifier": hashlib.sha256(html).hexdigest()[:32].encode("ascii"), "pdf_tags": True}


@contextmanager
def _collected() -> Iterator[list[str]]:
    """WeasyPrint's warnings while the block runs, gathered instead of logged."""
    logger = logging.getLogger("weasyprint")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        yield collect.messages
    finally:
        logger.removeHandler(collect)


def typeset(html: bytes, report: Report | None = None, every: float = HEARTBEAT_SECONDS) -> Pdf:
    """The PDF of ``html`` (a print HTML file's bytes), and where its pages begin.

    With ``report``, a typesetting that takes more than ``every`` seconds
    says so while it runs, how many pages it laid out, and how long it took.

    :raises ToolError: WeasyPrint or the system libraries it needs are missing.
    """
    weasyprint = _weasyprint()
    options = _options(html)
    with _collected() as messages:
        source = weasyprint.HTML(string=html.decode("utf-8"), url_fetcher=_refuse, base_url=None)
        with _source_date_epoch(html_epoch(html)), _heartbeat(report, every) as elapsed:
            # What HTML.write_pdf does, in its two steps, to say how far it got.
            document = source.render(**options)
            starts = page_starts(document.pages)
            if report is not None and elapsed() > every:
                report(f"laid out {len(document.pages)} pages in {elapsed():.0f} s; writing the PDF")
            data = document.write_pdf(**options)
            seconds = elapsed()
    if report is not None and seconds > every:  # said once the heartbeat has stopped, so it is the last word
        report(f"typeset {len(document.pages)} pages in {seconds:.0f} s")
    own, machine = split_warnings(messages)
    return Pdf(bytes(data), own, machine, starts)


def paginate(html: bytes) -> tuple[PageStart, ...]:
    """Where each page of ``html``'s PDF would begin: the layout alone, no
    PDF written (an EPUB's page list when the PDF itself is not wanted).
    WeasyPrint's warnings are left to the typesetting of the PDF to say.

    :raises ToolError: WeasyPrint or the system libraries it needs are missing.
    """
    weasyprint = _weasyprint()
    with _collected():
        source = weasyprint.HTML(string=html.decode("utf-8"), url_fetcher=_refuse, base_url=None)
        with _source_date_epoch(html_epoch(html)):
            return page_starts(source.render(**_options(html)).pages)
