"""nbgrader_config.py sets everything the course relies on."""
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from traitlets.config import PyFileConfigLoader

from conftest import ROOT
from coursetools import grading


def _config():
    return PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()


def test_course_settings():
    c = _config()
    assert c.CourseDirectory.course_id == "ml-interview"
    assert grading.COURSE_ID == c.CourseDirectory.course_id, "the gradebooks coursetools opens are the course's"
    assert c.IncludeHeaderFooter.header == "source/header.ipynb"
    assert (ROOT / c.IncludeHeaderFooter.header).exists()
    assert c.OverwriteCells.add_missing_cells is True, "a deleted test cell must still be graded"
    assert c.Execute.kernel_name == "python3"
    assert 10 <= c.Execute.timeout <= 300, "a timeout that fits the slowest cell with margin"
    # the kernel's orderly exit costs CPU and time and gives nothing (tests/test_sandbox.py: nothing is left behind)
    assert c.Execute.shutdown_kernel == "immediate"


def test_code_stub_tells_the_learner_what_to_do():
    stub = _config().ClearSolutions.code_stub["python"]
    assert "YOUR CODE HERE" in stub and "raise NotImplementedError" in stub


def test_a_class_is_graded_in_full():
    """Only the test suite's wrong variants stop at their first test cell that
    loses points (COURSE_STOP_AT_FIRST_LOSS, set for them alone), and only
    its variants' figures are left undrawn (COURSE_SCORES_ONLY)."""
    assert "COURSE_STOP_AT_FIRST_LOSS" not in os.environ and "COURSE_SCORES_ONLY" not in os.environ
    assert "stop_at_first_loss" not in _config().GradingExecute
    assert "scores_only" not in _config().GradingExecute


def test_an_interrupted_kernel_has_a_third_of_the_time_limit_to_answer():
    """GradingExecute stops a kernel that does not answer after a timed-out
    cell's interrupt: 20 s with the course's 60 s limit, never under 5 s
    (the broken classes of the tests use 5 s limits), and set on its own it
    wins."""
    from traitlets.config import Config

    from coursetools.preprocessors import GradingExecute

    def after(**settings):
        return GradingExecute(config=Config(settings)).unresponsive_after

    assert after(Execute=Config(timeout=_config().Execute.timeout)) == 20
    assert after(Execute=Config(timeout=5)) == 5
    assert after(Execute=Config(timeout=90)) == 30
    assert after(Execute=Config(timeout=5), GradingExecute=Config(unresponsive_after=7)) == 7


def test_the_readme_s_nbgrader_commands_work_without_activating_the_environment(tmp_path):
    """README, On a JupyterHub: the instructor's first command,
    `.venv/bin/nbgrader db assignment add ... --duedate=...`, on a course
    without a gradebook yet. nbgrader runs `alembic` by name to stamp a new
    gradebook's schema; with .venv/bin not on PATH it failed, leaving a
    gradebook without its schema version and no due date.
    nbgrader_config.py puts nbgrader's own environment first on PATH."""
    course = grading.copy_course(tmp_path / "course")
    env = dict(os.environ, PATH=str(tmp_path))  # no alembic anywhere on it, a system one included
    proc = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "db", "assignment", "add", "02_metrics",
                           "--duedate=2026-12-07 17:00:00 UTC"], cwd=course, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    with sqlite3.connect(course / "gradebook.db") as db:
        assert db.execute("select version_num from alembic_version").fetchall(), "no schema version stamped"
        assert db.execute("select duedate from assignment where name = '02_metrics'").fetchone()[0]
