"""Stage 4, record: :mod:`~course.grading.record.gradebook`, the one writer of the gradebook."""
