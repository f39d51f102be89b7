"""The relationship-health grid."""

from __future__ import annotations

import pandas as pd
import pytest

from course.bigcustomers import relationship_health
from course.data import load_sample
from course.errors import CourseInputError
from course.plots.bigcustomers import plot_relationship_health


def test_grid_shows_one_row_per_account_and_a_cell_per_check() -> None:
    health = relationship_health(load_sample("calls"), load_sample("physicians"), ["H01", "H04"])
    ax = plot_relationship_health(health)
    grid = ax.images[0].get_array()
    assert grid.shape == (2, 5)
    assert grid.tolist()[0] == [1, 0, 1, 0, 1]  # H04 first (weakest): regular, not steady, broad, not timed, followed
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["H04 · watch", "H01 · healthy"]
    assert sum(t.get_text() == "✗" for t in ax.texts) == 3


def test_grid_refuses_a_table_without_the_checks() -> None:
    with pytest.raises(CourseInputError, match="health"):
        plot_relationship_health(pd.DataFrame({"hospital_id": ["H1"]}))
