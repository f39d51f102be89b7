"""The instructor's cohort grader (``course grade``): grade, feedback, report.

nbgrader releases and collects the exercises (``collect`` replaces its collect step so
that only plain files leave the exchange); this package grades the collected
submissions in parallel, each in a sandbox, then writes feedback and a grade report
(see ``docs/grading.md``). Its sub-packages are the stages, in the order a
submission meets them:

1. :mod:`~course.grading.discover` — what there is to grade (collect, submissions);
2. :mod:`~course.grading.sandbox` — where a trainee's notebook may run (bubblewrap,
   capped scratch space, cgroups, the launcher);
3. :mod:`~course.grading.execute` — the trainee's notebook run only to read its answers,
   then the instructor's tests in a clean kernel (worker, kernel, answers, judge);
4. :mod:`~course.grading.record` — the gradebook's one writer;
5. :mod:`~course.grading.report` — feedback, the cohort's figures, CSV and HTML report.

Beside them: ``run`` drives the stages for a whole cohort, ``settings`` reads the
course's nbgrader configuration and ``records`` holds what passes between stages
(jobs, reasons, outcomes).
"""
