"""The sample territory and loading a trainee's own CSV files.

- :func:`load_sample` / :func:`load_territory` — the shipped territory of 江城市
  (Jiangcheng): hospitals, departments, physicians, products, prescribing, six months
  of calls and sales, a rep's two-week time log and the training material's product history.
- :func:`read_table` — read your own CSV (path, file or upload bytes; UTF-8 or GBK)
  and check it against the schema, every problem reported at once.
- :func:`validate_table` — the same check for a DataFrame you already have.
- :func:`generate_territory` — draw a territory from a seed.
- :func:`readable` — a table with headers in the language in force, for showing.
- :data:`SCHEMAS` — every table's columns with their meaning and allowed values.

Examples
--------
>>> from course.data import load_sample
>>> load_sample("products")["product"].tolist()
['CARDIA', 'GLYCO', 'NEURA', 'RESPI', 'ONCO']
"""

from __future__ import annotations

from course.data.generate import generate_territory
from course.data.io import Territory, load_sample, load_territory, read_table
from course.data.readable import readable
from course.data.schema import SCHEMAS
from course.data.validate import check_references, validate_table

__all__ = [
    "SCHEMAS",
    "Territory",
    "check_references",
    "generate_territory",
    "load_sample",
    "load_territory",
    "read_table",
    "readable",
    "validate_table",
]
