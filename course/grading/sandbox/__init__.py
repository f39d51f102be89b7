"""Stage 2, sandbox: where a trainee's notebook may run.

- :mod:`~course.grading.sandbox.bwrap` — the bubblewrap command line (no network, no
  grader environment, the installed course before the working folder);
- :mod:`~course.grading.sandbox.scratch` — capped working space, cleaned whatever its modes;
- :mod:`~course.grading.sandbox.cgroups` — memory and process limits;
- :mod:`~course.grading.sandbox.launch` — the process that becomes the sandbox.
"""
