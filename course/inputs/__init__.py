"""Input checks for every course function: one value, one table, one column at a time.

Bad input raises :class:`~course.errors.CourseInputError` naming the field, the
value received and what is allowed, every problem of a table at once, worded in
the trainee's language when shown (English or Chinese, from start to end).

- :mod:`course.inputs.scalar` — one value: :func:`check_number`, :func:`check_int`,
  :func:`check_fraction`, :func:`check_choice`, :func:`check_bool`, :func:`check_future_date`
- :mod:`course.inputs.table` — a table and its columns: :func:`check_table`,
  :func:`check_columns`, :func:`check_not_empty`, :func:`number_column`,
  :func:`number_columns`, :func:`check_number_columns`,
  :func:`choice_column`, :func:`bool_column`, :func:`text_column`, :func:`raise_problems`
- :mod:`course.inputs.phrases` — the one wording of each allowed-phrase ("a whole
  number from 1 to 5", "one of 'A', 'B'", "yes or no …") and of what was received
  ("an empty cell"); :data:`~course.inputs.phrases.TRUE_WORDS` is the one set of yes-words

:func:`course.data.validate.validate_table` checks a whole CSV against its schema
with the same phrases.

Examples
--------
>>> from course.i18n import set_language
>>> set_language("zh")
>>> try:
...     check_int("status", 5, low=-4, high=4)
... except CourseInputError as error:
...     print(error)
处方现状（status）：收到 5；应为：从 -4 到 4 的整数
>>> set_language("en")
"""

from __future__ import annotations

from course.errors import CourseInputError, Phrase, Problem
from course.inputs.scalar import (
    check_bool,
    check_choice,
    check_fraction,
    check_future_date,
    check_int,
    check_number,
)
from course.inputs.table import (
    MAX_LISTED,
    bool_column,
    check_columns,
    check_not_empty,
    check_number_columns,
    check_table,
    choice_column,
    chosen,
    labelled,
    number_column,
    number_columns,
    plain,
    raise_problems,
    shown,
    text_column,
)

__all__ = [
    "MAX_LISTED",
    "CourseInputError",
    "Phrase",
    "Problem",
    "bool_column",
    "check_bool",
    "check_choice",
    "check_columns",
    "check_fraction",
    "check_future_date",
    "check_int",
    "check_not_empty",
    "check_number",
    "check_number_columns",
    "check_table",
    "choice_column",
    "chosen",
    "labelled",
    "number_column",
    "number_columns",
    "plain",
    "raise_problems",
    "shown",
    "text_column",
]
