"""Shared fixtures: every test works on throw-away copies of the course.

The expensive part, autograding the reference, the untouched release and
every variant of every assignment, runs once per test session (on first
use) and is shared by the tests that read its grades. New assignments,
notebooks and variants are found on disk: they join the checks without new
test code.
"""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coursetools import assignments, grading, notebooks as nbs, source_notebooks, submissions  # noqa: E402

ASSIGNMENTS = assignments()
NOTEBOOKS = [(a, p.name) for a in ASSIGNMENTS for p in source_notebooks(a)]
VARIANTS = [(a, p.stem, v.name) for a in ASSIGNMENTS for p in source_notebooks(a)
            for v in submissions.variant_files(a, p.stem)]


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """A course copy with release/ freshly generated from source/ by nbgrader."""
    from coursetools.release import generate_release
    course = tmp_path_factory.mktemp("generated") / "course"
    generate_release(course)
    return course


@pytest.fixture(scope="session")
def graded(tmp_path_factory, generated):
    """assignment -> (grades, workdir): the whole test class autograded."""
    out = {}
    for assignment in ASSIGNMENTS:
        students = submissions.class_for(generated, assignment)
        workdir = tmp_path_factory.mktemp(f"grade-{assignment}")
        grades, _status, seconds = grading.grade_class(assignment, students, workdir,
                                              workers=int(os.environ.get("COURSE_GRADING_WORKERS", 0)) or None)
        print(f"\n[graded] {assignment}: {len(grades)} submissions in {seconds:.0f} s")
        out[assignment] = (grades, workdir)
    return out


def autograded_notebook(workdir, student, assignment, notebook):
    """Path of one autograded notebook inside grade_class's course copies."""
    hits = sorted(Path(workdir).glob(f"class-*/autograded/{student}/{assignment}/{notebook}"))
    assert hits, f"no autograded notebook for {student}/{assignment}/{notebook}"
    return hits[0]


def read_source(assignment, notebook):
    return nbs.read(ROOT / "source" / assignment / notebook)


def visible_text(page):
    """What a reader of an HTML page sees: tags (syntax highlighting splits
    code into spans) removed, entities decoded."""
    import html
    import re
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.fixture(scope="session")
def newcomer_course(tmp_path_factory):
    """A fresh clone of the working tree whose make finds .venv installed
    (tests/newcomer.py): README commands run in it as a newcomer runs them."""
    import newcomer
    return newcomer.clone(tmp_path_factory.mktemp("newcomer") / "course")


@pytest.fixture(scope="session")
def newcomer_solutions(newcomer_course):
    """`make solutions` in the newcomer's clone, once per session:
    (CompletedProcess, solution folder)."""
    import newcomer
    return newcomer.make(newcomer_course, "solutions"), newcomer_course / "solution"
