"""Stage 3, execute: run the trainee's notebook for its answers, then judge them.

- :mod:`~course.grading.execute.worker` — one submission from start to end;
- :mod:`~course.grading.execute.kernel` and :mod:`~course.grading.execute.notebook` — the
  trainee's notebook, run in its sandbox only to read its answers;
- :mod:`~course.grading.execute.answers` — the answers passed out as data (JSON of builtin types);
- :mod:`~course.grading.execute.kernel_server` and :mod:`~course.grading.execute.judge` —
  the instructor's setup and test cells in a clean kernel where no trainee code ran.
"""
