"""The project's exception types.

Library code raises these; only the CLI turns them into one-line messages
and exit statuses.  Statuses 1 and 2 belong to Python and click.
"""

from __future__ import annotations

from typing import ClassVar


class EditionError(Exception):
    """Base of every error a user can cause.  ``str(err)`` is the one-line
    message, already prefixed with the file and position."""

    exit_code: ClassVar[int] = 3

    def __init__(self, message: str, *, path: str = "", line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled whole (its file and line too), so that an error met in a
        # worker process or on a cluster reads the same when it comes back.
        return (_restore, (type(self), self.message, dict(self.__dict__)))

    def __str__(self) -> str:
        where = self.path
        if where and self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}" if where else self.message


class InputError(EditionError):
    """A source file cannot be read or decoded, or holds nothing to edit."""

    exit_code = 3


class MetadataError(EditionError):
    """A metadata sidecar is malformed or breaks its JSON Schema."""

    exit_code = 4


class OverrideError(MetadataError):
    """An editor's structure override in a sidecar matches no line, or more
    than one, or cannot be applied where it points."""


class SegmentationError(EditionError):
    """The text cannot be divided into units and blocks."""

    exit_code = 5


class XmlInputError(EditionError):
    """A TEI file given to us is not well-formed, or is hostile."""

    exit_code = 6


class ValidationError(EditionError):
    """A TEI document breaks the project's schemas."""

    exit_code = 7

    def __init__(self, message: str, *, problems: tuple[str, ...] = (), **kw: object) -> None:
        super().__init__(message, **kw)  # type: ignore[arg-type]
        self.problems = problems


class OutputError(EditionError):
    """An output file cannot be written."""

    exit_code = 8


class ToolError(EditionError):
    """An external checker (EPUBCheck, which needs Java) cannot be run."""

    exit_code = 9


def _restore(kind: type[EditionError], message: str, state: dict[str, object]) -> EditionError:
    """An error as ``EditionError.__reduce__`` packed it."""
    err = kind.__new__(kind)
    Exception.__init__(err, message)
    err.__dict__.update(state)
    return err
