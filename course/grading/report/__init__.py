"""Stage 5, report: what the trainees and the instructor read.

- :mod:`~course.grading.report.feedback` — each trainee's feedback HTML, sanitised;
- :mod:`~course.grading.report.figures` — the cohort's figures (pure functions);
- :mod:`~course.grading.report.html` — the instructor's HTML report;
- :mod:`~course.grading.report.files` — the CSV files and the report on disk;
- :mod:`~course.grading.report.textsafe` — whatever a trainee wrote, made safe to show.
"""
