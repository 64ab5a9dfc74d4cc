"""kg's exceptions. Every error kg raises on purpose is a kg.Error."""
from typing import NamedTuple, Optional


class Problem(NamedTuple):
    """One problem with an input, where it is: file, line and column (1-based,
    None when unknown), the place in the document ("relations[3].date") and
    what is wrong."""
    file: str
    line: Optional[int]
    column: Optional[int]
    path: str
    message: str

    def __str__(self):
        place = ":".join(str(part) for part in (self.file, self.line, self.column) if part)
        where = f"{self.path}: " if self.path else ""
        return f"{place}: {where}{self.message}" if place else f"{where}{self.message}"


class Error(Exception):
    """Base of kg's exceptions."""


class InputError(Error):
    """The input cannot be read or has problems. file, line and column locate
    the first problem (None when unknown); problems lists every problem found
    (kg.errors.Problem), not_shown counts those past the reader's limit."""

    def __init__(self, message, file=None, line=None, column=None, problems=(), not_shown=0):
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column
        self.problems = list(problems)
        self.not_shown = not_shown


class NameNotFound(Error, LookupError):
    """A name matched no entity (or several). suggestions holds the graph's
    closest names, to offer as "did you mean"."""

    def __init__(self, message, name=None, suggestions=()):
        super().__init__(message)
        self.name = name
        self.suggestions = list(suggestions)

    def __str__(self):
        return self.args[0]


class UsageError(Error, ValueError):
    """A keyword argument has a value kg cannot use; field names the keyword."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


class OutputError(Error, OSError):
    """A file could not be written (nothing was: kg writes whole files or none)."""

    def __init__(self, message):
        Exception.__init__(self, message)

    def __str__(self):
        return self.args[0]
