"""The instructor's cohort grader (``course grade``): grade, feedback, report.

nbgrader releases and collects the exercises (``collect`` replaces its collect step so
that only plain files leave the exchange); this package grades the collected
submissions in parallel, each in a sandbox, then writes feedback and a grade report
(see ``docs/grading.md``). Its modules, in the order a submission meets them:

1. **discover** — ``settings`` (the course's nbgrader configuration), ``discover``
   (the submissions, plain files only), ``records`` (jobs, reasons, outcomes);
2. **sandbox** — ``sandbox`` (bubblewrap), ``scratch`` (capped working space),
   ``cgroups`` (memory and process limits), ``launch`` (becomes the sandbox);
3. **execute** — ``worker`` (one submission), ``kernel`` and ``execute`` (the
   trainee's notebook, run only to read its answers), ``kernel_answers`` (answers as
   data), ``kernel_server`` and ``judge`` (the instructor's tests in a clean kernel);
4. **record** — ``gradebook`` (the one writer of the gradebook);
5. **report** — ``feedback``, ``report`` and ``report_html``, with ``textsafe`` for
   whatever a trainee wrote.

``run`` drives the stages for a whole cohort.
"""
