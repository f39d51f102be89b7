"""Tables as a trainee reads them: column headers in the language in force.

Code keeps the tables' column names (``patients_month``); a lesson that shows a
table wraps it in :func:`readable`, so the Chinese edition's headers are Chinese
(``每月患者数``) and the English edition's stay the names code uses.
"""

from __future__ import annotations

import pandas as pd

from course.i18n import _

__all__ = ["readable"]


def readable(frame: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """Return a copy of ``frame`` whose column and index names read in the language in force.

    Headers the catalogs do not know stay as they are; the data is unchanged. A Series
    becomes a one-column table named after it.

    Parameters
    ----------
    frame
        A table (or a Series) with the course's column names.

    Returns
    -------
    pandas.DataFrame
        The same values with readable headers.

    Examples
    --------
    >>> import pandas as pd
    >>> from course.i18n import set_language
    >>> table = pd.DataFrame({"hospital_id": ["H01"], "beds": [820]})
    >>> set_language("zh"); list(readable(table).columns)
    ['医院编号', '床位数']
    >>> set_language("en"); list(readable(table).columns)
    ['hospital_id', 'beds']
    """
    table = frame.to_frame() if isinstance(frame, pd.Series) else frame.copy()

    def label(name: object) -> object:
        return _(name) if isinstance(name, str) else name

    table = table.rename(columns=label)
    table.index.names = [label(n) for n in table.index.names]
    table.columns.names = [label(n) for n in table.columns.names]
    return table
