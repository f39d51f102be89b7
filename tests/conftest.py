"""Fixtures and markers shared by every test of the course.

- Every test starts and ends in English (``course.set_language("en")``), whatever
  ``COURSE_LANG`` says, so a test that switches to Chinese cannot leak into the next.
- ``@pytest.mark.cjk`` skips a test when no CJK font is installed, and
  ``@pytest.mark.sandbox`` one that needs bubblewrap when ``bwrap`` is missing; on CI
  (``CI`` set) a missing bubblewrap fails instead, since ``.ci/run`` installs both.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from course.i18n import set_language
from course.plots._style import cjk_font


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Run the test in English and leave English behind."""
    set_language("en")
    yield
    set_language("en")


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("cjk") is not None and cjk_font() is None:
        pytest.skip("no CJK font installed (apt-get install fonts-noto-cjk)")
    if item.get_closest_marker("sandbox") is not None and shutil.which("bwrap") is None:
        if os.environ.get("CI"):
            pytest.fail("bubblewrap (bwrap) is missing on CI; .ci/run installs it")
        pytest.skip("bubblewrap (bwrap) is not installed: apt-get install bubblewrap")
