"""nbgrader configuration of the ML coding-interview course.

Everything the course relies on is set here, so that the scripts in
`coursetools/` and an instructor running plain `nbgrader` commands see the
same settings.  Run nbgrader from this folder (the course root).
"""

import os
import sys

c = get_config()  # noqa: F821  (injected by traitlets when nbgrader loads this file)

# --- The course -----------------------------------------------------------
# One id for every gradebook and exchange this course writes.
c.CourseDirectory.course_id = "ml-interview"
# The course root is the folder nbgrader runs in (this file's folder);
# source/, release/, submitted/, autograded/ and feedback/ are its sub-folders.
# Only notebooks and small data files are part of an assignment; checkpoints
# and caches never are.
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".DS_Store",
]

# --- Generating the student version ---------------------------------------
# Every released notebook opens with the header: the learner's name and
# collaborators, so that a zip from an LMS still says whose work it is.
c.IncludeHeaderFooter.header = "source/header.ipynb"
# What the learner sees in place of each solution: what to do, and an error
# that makes every test of an unanswered function fail loudly (never a
# silent pass on a stub that returns None).
c.ClearSolutions.code_stub = {
    "python": (
        "# YOUR CODE HERE: replace this line with your implementation.\n"
        "raise NotImplementedError(\"not answered yet: write this part, then run the test cells after it\")"
    )
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE (a few sentences; say why, with numbers where you can)"

# --- Running notebooks (validate, autograde) -------------------------------
# The slowest cell of any reference notebook runs in a few seconds on two CPU
# cores; 60 s per cell leaves a wide margin for a slow laptop while an
# infinite loop in a submission still stops within a minute. (The test suite
# lowers it through COURSE_CELL_TIMEOUT to try infinite loops quickly.)
c.Execute.timeout = int(os.environ.get("COURSE_CELL_TIMEOUT", "60"))
c.Execute.interrupt_on_timeout = True
# Every notebook runs in the kernel named python3, which resolves to the
# Python of the environment nbgrader runs in (the course's .venv).
c.Execute.kernel_name = "python3"
# Once the last cell has answered, its outputs are in the notebook and the
# kernel has nothing left to give: it is killed instead of asked to exit.
# An orderly exit tears down everything the notebook built (a quarter to half
# a second of CPU per notebook, more with torch) while nbclient waits for it.
c.Execute.shutdown_kernel = "immediate"

# --- The grading kernel (cheat resistance; README, "What grading defends against")
# Every notebook nbgrader executes runs in the course's grading kernel
# (coursetools/guard.py): ipykernel's own, except that before each cell it
# puts back what a learner's cell could have changed to blind the cells after
# it (input and AST transformers, the shell's run_cell and traceback
# display, custom exception handlers, builtins, math and numpy functions).
c.Execute.extra_arguments = ["--IPKernelApp.kernel_class=coursetools.guard.GradingKernel"]
# Autograde starts that kernel in a bubblewrap sandbox (coursetools/sandbox.py):
# it sees only the learner's own folder, has no network and no secrets.
# COURSE_SANDBOX=auto (default) | bwrap (required) | off.
_EXECUTE = "coursetools.preprocessors.GradingExecute"

# --- Autograding --------------------------------------------------------------
# A learner who deletes a test cell (or a whole graded cell) still gets it
# graded: nbgrader re-inserts the instructor's copy instead of failing.
c.OverwriteCells.add_missing_cells = True
# Learners are created in the gradebook when their first submission arrives.
c.Autograde.create_student = True

# --- What the course adds to nbgrader (coursetools/preprocessors.py) ---------
# The course's own preprocessors live next to this file.
_here = os.path.dirname(os.path.abspath(__file__))
if _here not in sys.path:
    sys.path.insert(0, _here)
# ... and the grading kernel imports coursetools from here too.
os.environ["PYTHONPATH"] = os.pathsep.join(
    [_here] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != _here])
# nbgrader runs `alembic` by name when it makes a new gradebook: the
# environment nbgrader runs from comes first on PATH, so that the README's
# `.venv/bin/nbgrader ...` commands work without activating the environment
# (alembic missing, nbgrader left a gradebook without its schema version).
_bin = os.path.dirname(sys.executable)
os.environ["PATH"] = os.pathsep.join(
    [_bin] + [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != _bin])

# Feedback shows points and the message of the failing check, never the code or
# traceback of a hidden test, nor what the learner's code printed or raised in a test.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "coursetools.preprocessors.HideHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
# nbconvert's HTML exporter, less its slow BeautifulSoup pass: the same pages,
# written in half the time (coursetools/exporters.py)
c.GenerateFeedback.exporter_class = "coursetools.exporters.PageExporter"
# A learner who copies a graded cell twice is graded on the last copy instead
# of failing to grade (nbgrader's DeduplicateIds crashes OverwriteCells), and
# a deleted graded cell is put back wherever the cell before it was a given one
# (nbgrader's OverwriteCells fails the submission there).
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "coursetools.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "coursetools.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# A cell that prints megabytes is graded, its output cut to size, rather
# than failing the whole submission on an output timeout or filling the
# gradebook and the feedback page.
c.Execute.raise_on_iopub_timeout = False
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 100
c.Autograde.autograde_preprocessors = [
    _EXECUTE,
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "coursetools.preprocessors.LimitOutputSize",
    # a test cell scores by its checks, not by a result the learner's code displays
    "coursetools.preprocessors.ScoreByChecks",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    # no learner HTML or script reaches formgrader's page or a feedback page
    "coursetools.preprocessors.DefuseLearnerHTML",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# --- Gradebook and parallel autograding (coursetools/parallel.py) ----------
# The gradebook is gradebook.db (SQLite) in the course root unless
# COURSE_DB_URL names another database, e.g. PostgreSQL for instructors who
# grade from several machines:
#   COURSE_DB_URL=postgresql://grader@dbhost/ml_interview make grade A=01_baseline
if os.environ.get("COURSE_DB_URL"):
    c.CourseDirectory.db_url = os.environ["COURSE_DB_URL"]
# Parallel autograding runs nbgrader autograde in two stages: Dask workers
# execute the notebooks in throw-away courses ("execute": Execute only), then
# one nbgrader process in the course replays those outputs through the rest
# of the pipeline above into the gradebook ("record"), so only one process
# ever writes the gradebook. Unset, autograde is nbgrader's usual one stage.
_stage = os.environ.get("COURSE_AUTOGRADE_STAGE", "")
if _stage == "execute":
    c.Autograde.autograde_preprocessors = [_EXECUTE]
elif _stage == "record":
    # The workers' copies are sanitized already (the workers ran the sanitize
    # pass on the same submitted files), and ReplayExecution replaces the
    # notebook with them: sanitizing it again here would be thrown away
    # (a third of the recording's CPU). A submission the sanitize pass
    # rejects failed on its worker, and fails here in ReplayExecution.
    c.Autograde.sanitize_preprocessors = []
    c.Autograde.autograde_preprocessors = [
        "coursetools.preprocessors.ReplayExecution" if p == _EXECUTE else p
        for p in c.Autograde.autograde_preprocessors]
elif _stage:
    raise ValueError(f"COURSE_AUTOGRADE_STAGE must be execute or record, not {_stage!r}")
# The course's test suite grades about 200 wrong variants of its notebooks to
# show that each loses points, and asks nothing more of them: it names those
# students in COURSE_STOP_AT_FIRST_LOSS, and their notebooks run only up to
# their first test cell that loses points; every later graded cell scores 0
# as "not run" (coursetools/preprocessors.py, GradingExecute). A class is
# never graded this way: leave it unset.
if os.environ.get("COURSE_STOP_AT_FIRST_LOSS"):
    c.GradingExecute.stop_at_first_loss = os.environ["COURSE_STOP_AT_FIRST_LOSS"].split()
# Of these and of its correct variants the suite reads only the scores: it
# names them in COURSE_SCORES_ONLY, and their kernels show figures as text,
# undrawn (GradingKernel.draw_figures); never set for a class either.
if os.environ.get("COURSE_SCORES_ONLY"):
    c.GradingExecute.scores_only = os.environ["COURSE_SCORES_ONLY"].split()

# Worked solutions for self-study (`make solutions`): executed, with plots,
# without solution delimiters and without the hidden tests, so they can be
# published without publishing the hidden test suite. They run as autograde
# runs notebooks (GradingExecute): kernels forked from one zygote, which
# imports the course's libraries once for all of them.
c.GenerateSolution.preprocessors = [
    "nbgrader.preprocessors.IncludeHeaderFooter",
    "nbgrader.preprocessors.LockCells",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbgrader.preprocessors.ClearHiddenTests",
    "coursetools.preprocessors.StripSolutionDelimiters",
    _EXECUTE,
]
