"""nbgrader's configuration for this course (read by every `nbgrader ...` run from this folder).

Sources live in exercises/<id>/<id>.ipynb, model answers in solutions/; nbgrader's
working folders (release/, submitted/, autograded/, feedback/) and gradebook.db are
created next to this file and ignored by git. Settings that differ between a laptop
and a JupyterHub come from environment variables, so the same file serves both:

    COURSE_ID          the course id in the gradebook and the exchange (a cohort, e.g. "rep-2025-spring")
    NBGRADER_EXCHANGE  the shared exchange folder on a multi-user hub (e.g. /srv/nbgrader/exchange)
    COURSE_TIMEZONE    the time zone of submission timestamps (default UTC)

See docs/instructor-guide.md.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821  (provided by nbgrader when it reads this file)

HERE = Path(__file__).resolve().parent

# ------------------------------------------------------------------ course folders
c.CourseDirectory.root = str(HERE)
c.CourseDirectory.course_id = os.environ.get("COURSE_ID", "pharma-rep-course")
c.CourseDirectory.source_directory = "exercises"
c.CourseDirectory.solution_directory = "solutions"
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".DS_Store"]
# an exercise folder holds a notebook and perhaps a small CSV; refuse anything huge (kB)
c.CourseDirectory.max_file_size = 10_000

# ------------------------------------------------------------------ exchange (release/fetch/submit/collect)
if os.environ.get("NBGRADER_EXCHANGE"):
    c.Exchange.root = os.environ["NBGRADER_EXCHANGE"]
c.Exchange.timezone = os.environ.get("COURSE_TIMEZONE", "UTC")
# collect copies plain files only: a link in the inbound folder is left out, never followed
# (nbgrader's own collect would copy the target, e.g. the gradebook); see docs/grading.md
c.ExchangeFactory.collect = "course.grading.discover.collect.SafeExchangeCollect"

# ------------------------------------------------------------------ releasing an assignment
# The answer cell keeps its scaffold with `...`; the solution region becomes this one comment.
c.ClearSolutions.code_stub = {
    "python": "# ↑ replace each ... above with your answer (把上面的每个 ... 换成您的答案)"
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE (请在此处写下您的答案)"
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"
c.GenerateAssignment.create_assignment = True
# a Chinese assignment (exercises/exN_x_zh/) gets the stubs in Chinese (ClearSolutionsByLanguage)
from course.dev.release import generate_assignment_preprocessors  # noqa: E402

c.GenerateAssignment.preprocessors = generate_assignment_preprocessors()

# ------------------------------------------------------------------ running notebooks (autograde, validate, solutions)
# `nbgrader autograde` (and the formgrader's Autograde button) judge as `course grade` does: the
# trainee's notebook runs in a sandbox only to read its answers (plain values), and the instructor's
# setup and test cells run in a fresh kernel where no trainee code ran (docs/grading.md).
from course.grading.execute.judge import autograde_preprocessors  # noqa: E402

c.Autograde.autograde_preprocessors = autograde_preprocessors()
c.Execute.timeout = 60  # seconds per cell; an exercise cell takes well under a second
c.Execute.interrupt_on_timeout = True
c.Execute.execute_retries = 0
c.Autograde.create_student = True
# feedback pages (also those made from the formgrader) render no trainee script or event handler
c.HTMLExporter.sanitize_html = True
