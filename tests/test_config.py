"""nbgrader_config.py sets everything the course relies on."""
import os

from traitlets.config import PyFileConfigLoader

from conftest import ROOT


def _config():
    return PyFileConfigLoader("nbgrader_config.py", path=str(ROOT)).load_config()


def test_course_settings():
    c = _config()
    assert c.CourseDirectory.course_id == "ml-interview"
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
    loses points (COURSE_STOP_AT_FIRST_LOSS, set for them alone)."""
    assert "COURSE_STOP_AT_FIRST_LOSS" not in os.environ
    assert "stop_at_first_loss" not in _config().GradingExecute
