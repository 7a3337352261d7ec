"""`make feedback` (coursetools/handback.py) on a course laid out by hand,
nbgrader's commands stubbed: who is released through the exchange, who is
named for hand-out, and what a failed release still says. The whole round
through nbgrader's exchange, with real learners, is tests/test_exchange.py.
"""
import subprocess
from types import SimpleNamespace

import pytest

from coursetools import grading, handback, report

ASSIGNMENT = "02_metrics"


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A course whose feedback/ holds: ada's page with the exchange's files,
    the demo learner's with a timestamp only (copied into submitted/), the
    page of an LMS id with a comma and no exchange file, and a folder left
    from a learner no longer graded; zed handed in and is not graded. The
    release_feedback commands run are kept in `.commands`; `.status` is
    theirs."""
    course = grading.copy_course(tmp_path / "course")
    stub = SimpleNamespace(path=course, commands=[], status=0)
    exchange_files = {"ada": handback.EXCHANGE_FILES, "demo": ("timestamp.txt",), "doe,jane": (),
                      "old": handback.EXCHANGE_FILES}
    for sid, files in exchange_files.items():
        folder = course / "feedback" / sid / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / "metrics.html").write_text("<html></html>")
        for name in files:
            (folder / name).write_text("x")
        if sid != "old":
            (course / "autograded" / sid / ASSIGNMENT).mkdir(parents=True)
            (course / "autograded" / sid / ASSIGNMENT / "metrics.ipynb").write_text("{}")
    for sid in ("ada", "demo", "doe,jane", "zed"):
        (course / "submitted" / sid / ASSIGNMENT).mkdir(parents=True)

    def nbgrader(args, course, check=True, **kwargs):
        stub.commands.append(args)
        return subprocess.CompletedProcess(args, stub.status, "", "no exchange at /srv/nbgrader/exchange")

    monkeypatch.setattr(grading, "generate_feedback", lambda course, assignment: None)
    monkeypatch.setattr(grading, "nbgrader", nbgrader)
    monkeypatch.setattr(report, "rows", lambda course, ids: [
        {"student": "ada", "manual_pending": 0}, {"student": "demo", "manual_pending": 4}])
    return stub


def test_exchange_learners_are_released_the_others_named(course, capsys):
    assert handback.main([ASSIGNMENT], course=course.path) == 0
    out = capsys.readouterr().out
    # an id with a comma cannot be left out through student_id_exclude: ada is released alone
    assert course.commands == [["release_feedback", ASSIGNMENT, "--CourseDirectory.student_id=ada"]]
    assert "feedback pages written for 3 learners" in out, out
    assert f"  demo: feedback/demo/{ASSIGNMENT}/metrics.html" in out and f"  doe,jane: feedback/doe,jane/" in out, out
    assert "not released, no graded submission of theirs now: old" in out, out
    assert "written answers not graded yet, shown as 0 on their pages: demo (4)" in out, out
    assert "no page (not graded): zed;" in out, out
    assert out.rstrip().endswith("released through nbgrader's exchange: ada "
                                 f"(each fetches theirs: nbgrader fetch_feedback {ASSIGNMENT})"), out


def test_the_others_are_left_out_in_one_command(course, capsys):
    for folder in ("feedback", "autograded"):
        (course.path / folder / "doe,jane").rename(course.path / folder / "jane")
    assert handback.main([ASSIGNMENT], course=course.path) == 0
    assert course.commands == [["release_feedback", ASSIGNMENT,
                                "--CourseDirectory.student_id_exclude=demo,jane,old"]]


def test_a_failed_release_says_so_after_naming_the_others(course, capsys):
    course.status = 1
    assert handback.main([ASSIGNMENT], course=course.path) == 1
    out = capsys.readouterr().out
    assert out.index("  demo: feedback/demo/") < out.index(f"PROBLEM {ASSIGNMENT}: release_feedback failed")
    assert "no exchange at /srv/nbgrader/exchange" in out and "released through" not in out, out


def test_nothing_graded_or_no_assignment_is_refused(course, capsys):
    for argv, said in (([], "which assignment?"), (["02_Metrics"], "unknown assignment 02_Metrics"),
                       (["01_baseline"], "run `make grade A=01_baseline` first")):
        with pytest.raises(SystemExit):
            handback.main(argv, course=course.path)
        assert said in capsys.readouterr().err
    assert course.commands == []
