"""The course's own exception family for bad input.

Every check in :mod:`course` raises :class:`CourseInputError` (a ``ValueError``)
whose message names the field, the value received and what is allowed, so a
trainee sees what to fix instead of a traceback from deep inside pandas.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["CourseInputError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One problem found in the input."""

    field: str
    """The field, argument or column that is wrong."""
    value: Any
    """The value that was received."""
    allowed: str
    """What would have been accepted, in plain words."""
    row: int | None = None
    """The 1-based data row (as a spreadsheet shows it, header excluded), if any."""

    def __str__(self) -> str:
        where = f"row {self.row}, " if self.row is not None else ""
        return f"{where}{self.field}: got {self.value!r}; allowed: {self.allowed}"


class CourseInputError(ValueError):
    """Bad input to a course function; lists every problem found.

    Examples
    --------
    >>> err = CourseInputError.single("status", 5, "an integer from -4 to 4")
    >>> print(err)
    status: got 5; allowed: an integer from -4 to 4
    >>> err.field, err.value
    ('status', 5)
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        if not self.problems:
            raise ValueError("CourseInputError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, field: str, value: Any, allowed: str) -> CourseInputError:
        """Build an error for one field."""
        return cls([Problem(field, value, allowed)])

    @property
    def field(self) -> str:
        """The field of the first problem."""
        return self.problems[0].field

    @property
    def value(self) -> Any:
        """The value of the first problem."""
        return self.problems[0].value

    @property
    def allowed(self) -> str:
        """What is allowed for the first problem."""
        return self.problems[0].allowed
