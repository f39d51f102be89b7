"""``python -m course``: the course's command line (see :mod:`course.cli`)."""

from __future__ import annotations

from course.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
