"""The grade report tells a submission that could not be graded from a zero."""
import pytest

from coursetools import grading, outcomes, report


def _row(student, status, score=None, reason=""):
    row = {"student": student, "assignment": "01_baseline", "status": status, "reason": reason,
           "auto_score": "", "auto_max": "", "manual_score": "", "manual_max": "", "manual_pending": "",
           "late_penalty": ""}
    if score is not None:
        row.update(auto_score=score, auto_max=16.0, manual_score=0.0, manual_max=4.0, manual_pending=4)
    return row


def test_failed_submission_shows_reason_not_zero():
    rows = [_row("zero-learner", "graded", 0.0), _row("broken", "failed", reason="notebook is not valid JSON")]
    table = report.format_table(rows).splitlines()
    zero = next(l for l in table if l.startswith("zero-learner"))
    broken = next(l for l in table if l.startswith("broken"))
    assert "0/16" in zero and "graded" in zero
    assert "FAILED TO GRADE: notebook is not valid JSON" in broken and "0/16" not in broken
    graded, failed, text = report.summary(rows)
    assert (graded, failed) == (1, 1) and "1 could not be graded" in text and "broken/01_baseline" in text


def test_csv_keeps_failed_points_blank(tmp_path):
    path = report.write_csv([_row("broken", "failed", reason="kernel died")], tmp_path / "grades.csv")
    lines = path.read_text().splitlines()
    assert lines[0].split(",") == report.COLUMNS
    assert lines[1].startswith("broken,01_baseline,failed,,") and lines[1].endswith("kernel died")


def test_log_reasons():
    assert "kernel died" in outcomes.failure_reason("[AutogradeApp | ERROR] Kernel died while waiting for execute reply.")
    assert "timeout" in outcomes.failure_reason("nbclient.exceptions.CellTimeoutError: A cell timed out")
    # otherwise the exception the traceback ends on, not nbgrader's "see the above traceback"
    traceback = ("[AutogradeApp | ERROR] Traceback (most recent call last):\n  File \"x.py\", line 1, in f\n"
                 "    ValueError: the notebook's metadata is odd\n"
                 "[AutogradeApp | ERROR] Please see the the above traceback for details on the specific errors.\n")
    assert outcomes.failure_reason(traceback) == "nbgrader error: ValueError: the notebook's metadata is odd"
    assert outcomes.error_line("[GenerateAssignmentApp | ERROR] only this\n") is None
    log = ("[AutogradeApp | INFO] Creating/updating student with ID 'a': {}\nboom\n"
           "[AutogradeApp | INFO] Creating/updating student with ID 'b': {}\nfine\n"
           "[AutogradeApp | ERROR] There was an error processing assignment 'x' for student 'a'\n")
    assert outcomes.failed_students(log) == {"a"}
    assert "boom" in outcomes.split_log(log)["a"] and "boom" not in outcomes.split_log(log)["b"]


def test_log_of_student_ids_with_quotes():
    """An id with an apostrophe (o'neil) is read whole: cut at its quote, a
    learner whose kernel died was reported graded, with 0 points."""
    log = ("[AutogradeApp | INFO] Creating/updating student with ID 'o'neil': {}\nKernel died\n"
           "[AutogradeApp | INFO] Creating/updating student with ID 'd'arcy's': {}\nfine\n"
           "[AutogradeApp | ERROR] There was an error processing assignment 'x' for student 'o'neil'\n"
           "[AutogradeApp | ERROR] Please see the the above traceback for details\n")
    assert outcomes.failed_students(log) == {"o'neil"}
    sections = outcomes.split_log(log)
    assert set(sections) == {"o'neil", "d'arcy's"} and "Kernel died" in sections["o'neil"]
    assert "kernel died" in outcomes.failure_reason(sections["o'neil"])


def test_log_lines_quoted_inside_other_lines_name_no_learner():
    """Only nbgrader's own lines start a learner's section or report a
    failure: the same words inside another line (an exception's message, a
    traceback nbgrader logs) do not make learner b failed."""
    log = ("[AutogradeApp | INFO] Creating/updating student with ID 'a': {}\n"
           "ValueError: x [AutogradeApp | INFO] Creating/updating student with ID 'b': {}\n"
           "ValueError: [AutogradeApp | ERROR] There was an error processing assignment 'x' for student 'b'\n"
           "[AutogradeApp | INFO] Creating/updating student with ID 'b': {}\nfine\n")
    assert outcomes.failed_students(log) == set()
    sections = outcomes.split_log(log)
    assert set(sections) == {"a", "b"} and "ValueError: x" in sections["a"] and "fine" in sections["b"]


def test_cells_put_back_are_read_from_the_log():
    """The test cells and the written answers (put back blank) that grading
    put back, each once, from whole lines of the log only: the same words
    inside another line (a learner's output quoted in a traceback) count
    for nothing."""
    log = ("[AutogradeApp | WARNING] Missing grade cell test_a encountered, adding to notebook\n"
           "[AutogradeApp | WARNING] Missing grade cell answer_b encountered, adding to notebook"
           + outcomes.PUT_BACK_BLANK + "\n"
           "[AutogradeApp | WARNING] Missing grade cell test_a encountered, adding to notebook\n"
           "ValueError: [AutogradeApp | WARNING] Missing grade cell test_c encountered, adding to notebook\n")
    assert outcomes.put_back(log) == (["test_a"], ["answer_b"])
    assert outcomes.put_back("[AutogradeApp | INFO] Creating/updating student with ID 'a': {}\n") == ([], [])


def test_retried_submission_is_named():
    """A submission graded again after a fault says so in the table, the CSV's
    reason and the summary; the columns stay as they were."""
    note = "retried: its grading worker was lost or failed (2 attempts)"
    rows = [dict(_row("moved", "graded", 16.0, reason=note), retried=1), _row("calm", "graded", 16.0)]
    table = report.format_table(rows)
    assert f"graded: {note}" in next(l for l in table.splitlines() if l.startswith("moved"))
    _graded, _failed, text = report.summary(rows)
    assert text.endswith("; 1 retried after a fault: moved/01_baseline"), text
    assert "calm" not in text


@pytest.fixture
def gradebook(tmp_path, monkeypatch):
    """A gradebook of assignment "a" (notebooks "one" and "two", each a test
    cell of 2 points and a written answer of 1) and four learners: "zero"
    graded 0 everywhere, "failed" never scored (its grading failed), "half"
    scored in "one" only (its "two" missing when graded), "now" graded full
    by the run reporting and late. Returns its database URL."""
    import warnings
    from nbgrader.api import Gradebook
    from sqlalchemy.exc import SAWarning
    # a new gradebook asks `alembic` (of this environment) for its revision
    monkeypatch.setenv("PATH", grading.command_env()["PATH"])
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    # nbgrader's own add_submission warns of objects not yet in its session as
    # it creates a submission's notebooks and grades (every autograde does so)
    with warnings.catch_warnings(), Gradebook(url, course_id="ml-interview") as gb:
        warnings.simplefilter("ignore", SAWarning)
        gb.add_assignment("a")
        for nb in ("one", "two"):
            gb.add_notebook(nb, "a")
            gb.add_grade_cell(f"test_{nb}", nb, "a", max_score=2, cell_type="code")
            gb.add_grade_cell(f"answer_{nb}", nb, "a", max_score=1, cell_type="markdown")
        scores = {"zero": {"one": 0.0, "two": 0.0}, "failed": {}, "half": {"one": 2.0}, "now": {"one": 2.0, "two": 2.0}}
        for student, scored in scores.items():
            gb.add_student(student)
            gb.update_or_create_submission("a", student)
            for nb, score in scored.items():
                gb.find_grade(f"test_{nb}", nb, "a", student).auto_score = score
        # "now" handed in late: nbgrader took a point off its notebook "one"
        gb.find_submission_notebook("one", "a", "now").late_submission_penalty = 1.0
        gb.db.commit()
    return url


def test_a_learner_graded_by_an_earlier_run_gets_the_status_the_gradebook_shows(tmp_path, gradebook):
    """The report's learners without a status from this run (another
    assignment, or no longer in submitted/): one whose last grading failed
    stays failed, with no points, instead of a 0; a real 0 stays a 0."""
    status = {"a": {"now": {"status": outcomes.GRADED, "reason": ""}}}
    by = {r["student"]: r for r in report.rows(tmp_path, ["a"], status=status, db_url=gradebook)}
    assert set(by) == {"zero", "failed", "half", "now"}
    assert by["zero"]["status"] == "graded" and by["zero"]["auto_score"] == 0.0 and by["zero"]["reason"] == ""
    assert by["failed"]["status"] == "failed" and by["failed"]["auto_score"] == "", by["failed"]
    assert "last grading failed" in by["failed"]["reason"] and "autograde-a.log" in by["failed"]["reason"]
    # the way to grade that learner again, alone: the whole class's run would send hand-given scores back for review
    assert "make grade A=a STUDENT=failed grades it again" in by["failed"]["reason"], by["failed"]
    assert by["half"]["status"] == "graded" and by["half"]["auto_score"] == 2.0, by["half"]
    assert "no autograded points for two" in by["half"]["reason"]
    assert by["now"]["status"] == "graded" and by["now"]["auto_score"] == 4.0
    assert report.summary(list(by.values()))[:2] == (3, 1)


def test_late_penalty_has_a_column_of_its_own_and_is_named_in_the_table(tmp_path, gradebook):
    """The points are before the penalty, as formgrader shows them; a late
    learner's row says how much nbgrader takes off, which the report used
    not to show at all (full marks for a submission nbgrader scores 0)."""
    by = {r["student"]: r for r in report.rows(tmp_path, ["a"], db_url=gradebook)}
    assert by["now"]["late_penalty"] == 1.0 and by["zero"]["late_penalty"] == by["failed"]["late_penalty"] == ""
    now = next(l for l in report.format_table(list(by.values())).splitlines() if l.startswith("now"))
    assert "4/4" in now and "late penalty: -1" in now, now
    csv_rows = report.write_csv(list(by.values()), tmp_path / "grades.csv").read_text().splitlines()
    assert any(l.startswith("now,a,graded,4.0,") and ",1.0," in l for l in csv_rows), csv_rows


def test_the_report_command_without_a_gradebook_says_so_and_makes_none(tmp_path, capsys, monkeypatch):
    """`python -m coursetools.report` on a course never graded (or in a
    shell without the COURSE_DB_URL of a PostgreSQL course): nbgrader would
    make an empty gradebook, and its empty report would replace the real one."""
    monkeypatch.delenv("COURSE_DB_URL", raising=False)
    course = grading.copy_course(tmp_path / "course")
    assert report.main([], course=course) == 2
    assert "no gradebook at" in capsys.readouterr().err
    assert not (course / "gradebook.db").exists() and not (course / "reports").exists()
