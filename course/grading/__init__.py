"""The instructor's cohort grader (``course grade``): grade, feedback, report.

nbgrader releases and collects the exercises; this package grades the collected
submissions in parallel, each in a sandbox, then writes feedback and a grade report
(see ``docs/grading.md``).
"""
