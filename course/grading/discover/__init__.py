"""Stage 1, discover: what there is to grade.

- :mod:`~course.grading.discover.collect` — nbgrader's collect step, plain files only;
- :mod:`~course.grading.discover.submissions` — the collected submissions, checked
  (plain files, no shadowing of an installed package, a readable timestamp).
"""
